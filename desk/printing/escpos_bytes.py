"""The ESC/POS job for a receipt image: initialise, raster image, feed, cut.

The image goes out as a raster bit image (``GS v 0``), which every ESC/POS
printer understands and which prints Vietnamese exactly as drawn, unlike the
code-page text modes. python-escpos splits images taller than
``FRAGMENT_HEIGHT`` into several ``GS v 0`` commands, which print as one
continuous picture: some firmware refuses a single raster taller than a few
thousand lines.
"""

from __future__ import annotations

import copy

from PIL import Image

from desk.printing.escpos_setup import escpos_printer_module

FRAGMENT_HEIGHT = 960
FEED_LINES_BEFORE_CUT = 6


def _profile_for(width: int) -> object:
    """The default profile with the paper width filled in.

    Without a width python-escpos 3.1 prints a warning on stdout for every image.
    """
    from escpos.capabilities import Profile  # after escpos_printer_module() set the cache

    profile = Profile()
    data = copy.deepcopy(profile.profile_data)
    data["media"]["width"]["pixels"] = width
    # Instance attributes: the profile class shared by every printer stays as it is.
    # ``Profile()`` starts with no features; keep the default's (it can cut).
    profile.profile_data = data
    profile.features = data["features"]
    return profile


def receipt_bytes(image: Image.Image, cut: bool = True) -> bytes:
    """``ESC @``, the image as ``GS v 0`` rasters, a feed past the cutter, ``GS V``."""
    escpos_printer = escpos_printer_module()
    printer = escpos_printer.Dummy(profile=_profile_for(image.width))
    printer.hw("INIT")
    # python-escpos 3.1 does not re-send ``ESC t`` after ``ESC @``: forget the code
    # page it believes is active so any later text selects its table again.
    printer.magic.encoding = None
    printer.image(image, impl="bitImageRaster", fragment_height=FRAGMENT_HEIGHT)
    if cut:
        printer.cut(mode="FULL", feed=True)  # ESC d 6 (feed past the cutter), GS V 0
    else:
        printer.print_and_feed(FEED_LINES_BEFORE_CUT)
    return printer.output
