"""The receipt printer's paper: its width in dots for a paper setting.

Without Pillow: the settings and the service that checks a printer's paper read it
before anything is drawn.
"""

from __future__ import annotations

from desk.domain.errors import UserError
from desk.domain.translation import translate, translated
from desk.printing.printer_uri import SETTINGS_HINT

PAPER_WIDTHS: dict[str, int] = {"80": 576, "80-180dpi": 512, "58": 384}


def paper_width(paper: str | int) -> int:
    """Dots for a paper setting ("80", "80-180dpi", "58") or a width given in dots."""
    if isinstance(paper, int):
        return paper
    try:
        return PAPER_WIDTHS[paper]
    except KeyError:
        accepted = ", ".join(f'"{key}"' for key in PAPER_WIDTHS)
        raise UserError(
            translate(
                "ReceiptRender",
                "Khổ giấy “{paper}” không đúng: chọn một trong {accepted} trong {settings}.",
            ).format(paper=paper, accepted=accepted, settings=translated(SETTINGS_HINT)),
            "paper",
        ) from None
