"""Where a paper's pages come from (image files, PDFs) and how they are looked at.

A ``PageSource`` is one page of one file (a frame of a multi-page TIFF, a page
of a PDF) with the quarter turns the clerk added. ``pages_in`` reads a file the
clerk dropped or a scanner wrote and lists its pages; a file that is neither a
readable image nor a readable PDF is refused with a message that names it.

``thumbnail`` draws a page small for the editor's strip (a JPEG is decoded at a
fraction of its size, so twenty 300 dpi pages take well under a second each);
``stored_page_image`` draws a page of a stored PDF for the dossier page: the
image of a page that is one scanned image (every page the desk writes itself),
turned as the page says. A page drawn with text and lines (copied from another
PDF) has no such image: ``None``, and the window offers the PDF itself.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from desk.domain.errors import UserError
from desk.domain.translation import translate

if TYPE_CHECKING:
    from PIL import Image

PDF_MAGIC = b"%PDF-"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp")
SCAN_SUFFIXES = (*IMAGE_SUFFIXES, ".pdf")
#: Pillow refuses images over ~179 megapixels as a "decompression bomb"; a 600 dpi A3
#: colour scan is 70 megapixels, so this limit only stops broken or hostile files.
MAX_PIXELS = 180_000_000


def pillow() -> ModuleType:
    """Pillow's ``Image`` with the desk's limit on a page's pixels, loaded when a page is
    first read: the window that lists these files starts without Pillow."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    return Image


@dataclass(frozen=True)
class PageSource:
    """Page ``index`` of the file at ``path``, turned ``rotation`` degrees clockwise."""

    path: Path
    index: int = 0
    rotation: int = 0

    def turned(self, degrees: int) -> PageSource:
        return PageSource(self.path, self.index, (self.rotation + degrees) % 360)


def read_bytes(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UserError(
            translate("ScanFiles", "Không đọc được tệp {name}: {error}.").format(
                name=Path(path).name, error=exc.strerror or exc
            )
        ) from exc


def is_pdf(path: Path) -> bool:
    try:
        with Path(path).open("rb") as f:
            return f.read(len(PDF_MAGIC)) == PDF_MAGIC
    except OSError:
        return False


def unreadable(path: Path, exc: BaseException | None = None) -> UserError:
    detail = f" ({exc})" if exc else ""
    return UserError(
        translate(
            "ScanFiles",
            "Tệp {name} không phải ảnh quét (JPEG, PNG, TIFF...) hay tệp PDF đọc được{detail}. "
            "Hãy quét lại hoặc chọn tệp khác.",
        ).format(name=Path(path).name, detail=detail)
    )


def pdf_page_count(path: Path) -> int:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(read_bytes(path)))
        if reader.is_encrypted:
            raise UserError(
                translate(
                    "ScanFiles",
                    "Tệp {name} có mật khẩu: hãy dùng bản PDF không đặt mật khẩu.",
                ).format(name=Path(path).name)
            )
        return len(reader.pages)
    except (PyPdfError, ValueError, KeyError) as exc:
        raise unreadable(path, exc) from exc


def pages_in(path: Path) -> list[PageSource]:
    """Every page of one file, unturned; ``UserError`` for a file that is not a scan."""
    path = Path(path)
    if is_pdf(path):
        count = pdf_page_count(path)
    else:
        from PIL import UnidentifiedImageError

        try:
            with pillow().open(io.BytesIO(read_bytes(path))) as im:
                count = getattr(im, "n_frames", 1)
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise unreadable(path, exc) from exc
    if count < 1:
        raise unreadable(path)
    return [PageSource(path, i) for i in range(count)]


def thumbnail(page: PageSource, longest: int = 220) -> Image.Image | None:
    """The page drawn small and turned; ``None`` for a PDF page (the window draws those)."""
    if is_pdf(page.path):
        data = read_bytes(page.path)
        return stored_page_image(data, page.index, longest, extra_turn=page.rotation)
    with pillow().open(io.BytesIO(read_bytes(page.path))) as im:
        im.seek(page.index)
        im.draft("RGB", (longest, longest))  # a JPEG decodes straight to a small size
        small = _normal(im)
        small.thumbnail((longest, longest))
    return _turn(small, page.rotation)


def _normal(im: Image.Image) -> Image.Image:
    from PIL import ImageOps

    im = ImageOps.exif_transpose(im)
    return im if im.mode in ("L", "RGB") else im.convert("RGB")


def _turn(im: Image.Image, clockwise: int) -> Image.Image:
    turn = pillow().Transpose
    turns = {90: turn.ROTATE_270, 180: turn.ROTATE_180, 270: turn.ROTATE_90}
    step = turns.get(clockwise % 360)
    return im.transpose(step) if step is not None else im


def stored_page_image(
    data: bytes, index: int, longest: int = 1600, *, extra_turn: int = 0
) -> Image.Image | None:
    """Page ``index`` of a stored PDF as an image no longer than ``longest`` pixels, or
    ``None`` when the page is not a single scanned image."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        page = PdfReader(io.BytesIO(data)).pages[index]
        stream = _single_image(page)
        if stream is None:
            return None
        im: Image.Image = pillow().open(io.BytesIO(_image_bytes(stream, page)))
        im.draft("RGB", (longest, longest))  # a JPEG decodes straight to a small size
        im = im.convert("L") if im.mode == "1" else im
        im = im if im.mode in ("L", "RGB") else im.convert("RGB")
        im.thumbnail((longest, longest))
        turn = int(page.get("/Rotate", 0) or 0) + extra_turn
    except (PyPdfError, OSError, ValueError, KeyError, IndexError, AttributeError):
        return None
    return _turn(im, turn)


def unpack_stored(data: bytes, folder: Path) -> list[PageSource]:
    """A stored PDF's pages as sources in ``folder``, to be edited and written again
    without loss: each page that is one scanned image becomes that image's own file
    (its JPEG bytes, or its rows as a PNG with the same resolution), turned as the
    page is; any other page stays a page of the PDF, written beside them."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    whole = folder / "stored.pdf"
    out: list[PageSource] = []
    for n, page in enumerate(reader.pages):
        turn = int(page.get("/Rotate", 0) or 0) % 360
        image = _single_image(page)
        if image is None:
            if not whole.exists():
                whole.write_bytes(data)
            out.append(PageSource(whole, n))
            continue
        path, exif_turn = _image_file(image, page, folder / f"page-{n + 1:03d}")
        out.append(PageSource(path, 0, (turn - exif_turn) % 360))
    return out


def _single_image(page):  # noqa: ANN001, ANN202 (pypdf objects)
    """The page's one image stream when that is all it draws (how the desk writes pages)."""
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        if len(xobjects) != 1 or len(page.images) != 1:
            return None
        stream = next(iter(xobjects.values())).get_object()
    except (KeyError, AttributeError, ValueError):
        return None
    if stream.get("/Subtype") != "/Image" or "/SMask" in stream or "/Mask" in stream:
        return None
    return stream


def _image_bytes(stream, page) -> bytes:  # noqa: ANN001 (pypdf objects)
    """The image as the file it was made from: its JPEG bytes, its rows as a PNG at the
    page's resolution, or (anything else) decoded and written as a PNG."""
    if stream.get("/Filter") == "/DCTDecode":
        return stream._data
    parms = stream.get("/DecodeParms") or {}
    width = int(stream["/Width"])
    dpi = width / float(page.mediabox.width) * 72
    if stream.get("/Filter") == "/FlateDecode" and int(parms.get("/Predictor", 1)) >= 10:
        colour, palette = _png_colour(stream.get("/ColorSpace"))
        if colour is not None:
            depth = int(stream.get("/BitsPerComponent", 8))
            dpm = round(dpi / 0.0254)
            return _png(width, int(stream["/Height"]), depth, colour, palette, stream._data, dpm)
    out = io.BytesIO()
    stream.decode_as_image().save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _image_file(stream, page, stem: Path) -> tuple[Path, int]:  # noqa: ANN001
    """The image written as a file in ``stem``'s folder; with the EXIF turn it carries."""
    data = _image_bytes(stream, page)
    jpeg = stream.get("/Filter") == "/DCTDecode"
    path = stem.with_suffix(".jpg" if jpeg else ".png")
    path.write_bytes(data)
    if not jpeg:
        return path, 0
    with pillow().open(path) as im:
        return path, {3: 180, 6: 90, 8: 270}.get(int(im.getexif().get(0x0112, 1) or 1), 0)


def _png_colour(space) -> tuple[int | None, bytes]:  # noqa: ANN001
    if space == "/DeviceGray":
        return 0, b""
    if space == "/DeviceRGB":
        return 2, b""
    try:
        if space[0] == "/Indexed" and space[1] == "/DeviceRGB":
            lookup = space[3].get_object()
            table = lookup.get_data() if hasattr(lookup, "get_data") else bytes(lookup)
            return 3, bytes(table)
    except (TypeError, IndexError, KeyError, AttributeError):
        pass
    return None, b""


def _png(width: int, height: int, depth: int, colour: int, palette: bytes, idat: bytes,
         dots_per_metre: int) -> bytes:  # fmt: skip
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    head = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    parts = [b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", head)]
    if palette:
        parts.append(chunk(b"PLTE", palette))
    parts.append(chunk(b"pHYs", struct.pack(">IIB", dots_per_metre, dots_per_metre, 1)))
    parts += [chunk(b"IDAT", idat), chunk(b"IEND", b"")]
    return b"".join(parts)
