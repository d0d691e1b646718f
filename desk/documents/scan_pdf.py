"""One paper's pages into one PDF: images placed losslessly, as PDF/A-2b.

The national portal takes PDF only, and each paper of a dossier becomes one file
(Decree 118/2025 art. 17(1)(c): "sao chụp từng loại giấy tờ chuyển thành bản điện
tử"). Pages come from images (a scanner's folder, files the clerk drops) and from
PDFs; the clerk may have turned some a quarter turn.

Lossless: a JPEG goes in as its own bytes (DCTDecode), a PNG as its own
compressed rows (FlateDecode with the PNG predictors); any other image (TIFF,
BMP, a PNG with transparency...) is written as a PNG by Pillow first and then
placed the same way, so its pixels are kept exactly (transparency is put on
white, CMYK turned to RGB: the two cases where pixels change). A turn is the
page's ``/Rotate``, never a new encoding. Each page is as large as the scan at
its resolution; an image without a plausible resolution (a phone photo) is
fitted to A4.

A PDF of images only is written here as PDF/A-2b: the sRGB output intent, XMP
metadata that says so and matches the document information, a file identifier,
no compression the standard forbids. Pages taken from another PDF are copied
with pypdf (their text and drawings kept): such a file is a plain PDF. One
PDF taken whole, unturned, is kept byte for byte (its signatures stay valid).
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageCms

from desk import __version__
from desk.documents.scan_sources import PageSource, is_pdf, pillow, read_bytes, unreadable
from desk.domain.clock import to_vn

A4_POINTS = (595.28, 841.89)
#: Below or above this a scan's stated resolution is not believed (fit to A4 instead).
PLAUSIBLE_DPI = (100, 1200)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: EXIF orientation -> the clockwise turn that shows the photo upright (mirrors excluded).
EXIF_TURNS = {1: 0, 3: 180, 6: 90, 8: 270}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BuiltPdf:
    """The PDF of one paper, and what is recorded with it."""

    data: bytes
    pages: int
    sha256: str
    pdfa: bool

    @classmethod
    def of(cls, data: bytes, pages: int, pdfa: bool) -> BuiltPdf:
        return cls(data, pages, hashlib.sha256(data).hexdigest(), pdfa)


@dataclass(frozen=True)
class _Placed:
    """An image ready for the page: its XObject dictionary, stream and page size."""

    entries: str
    stream: bytes
    width_pt: float
    height_pt: float
    turn: int


def build_pdf(
    pages: Sequence[PageSource],
    *,
    title: str = "",
    made_at: datetime | None = None,
    progress: Progress | None = None,
) -> BuiltPdf:
    """The one PDF of ``pages`` in order (see the module doc for what kind of PDF)."""
    if not pages:
        raise ValueError("no pages")
    if all(not is_pdf(p.path) for p in pages):
        return BuiltPdf.of(image_pdf(pages, title, made_at, progress), len(pages), True)
    whole = _one_whole_pdf(pages)
    if whole is not None:
        if progress:
            progress(len(pages), len(pages))
        return BuiltPdf.of(whole, len(pages), False)
    return BuiltPdf.of(_merged(pages, title, made_at, progress), len(pages), False)


def image_pdf(
    pages: Sequence[PageSource],
    title: str = "",
    made_at: datetime | None = None,
    progress: Progress | None = None,
) -> bytes:
    """A PDF/A-2b file of image pages only."""
    writer = _Writer()
    placed = []
    for n, page in enumerate(pages, 1):
        try:
            placed.append(place_image(page))
        except (OSError, ValueError, SyntaxError, EOFError, struct.error) as exc:
            raise unreadable(page.path, exc) from exc
        if progress:
            progress(n, len(pages))
    return writer.write(placed, title, to_vn(made_at or datetime.now().astimezone()))


# --- images ---------------------------------------------------------------------


def place_image(page: PageSource) -> _Placed:
    """One image page as its XObject, losslessly (see the module doc)."""
    data = read_bytes(page.path)
    with pillow().open(io.BytesIO(data)) as im:
        im.seek(page.index)
        size_pt = _page_size(im)
        if im.format == "JPEG" and im.mode in ("L", "RGB"):
            turn = EXIF_TURNS.get(_orientation(im))
            if turn is not None:
                space = "/DeviceGray" if im.mode == "L" else "/DeviceRGB"
                entries = (
                    f"/Width {im.width} /Height {im.height} /ColorSpace {space} "
                    "/BitsPerComponent 8 /Filter /DCTDecode"
                )
                return _placed(entries, data, size_pt, page.rotation + turn)
        png = data if im.format == "PNG" and page.index == 0 else b""
        if not (png and _passable_png(png)):
            png = _as_png(_upright(im))
    entries, stream = _png_entries(png)
    return _placed(entries, stream, size_pt, page.rotation)


def _placed(entries: str, stream: bytes, size: tuple[float, float], turn: int) -> _Placed:
    return _Placed(entries, stream, size[0], size[1], turn % 360)


def _orientation(im: Image.Image) -> int:
    try:
        return int(im.getexif().get(0x0112, 1))
    except (ValueError, TypeError):
        return 1


def _upright(im: Image.Image) -> Image.Image:
    """Pixels a PDF/A page can hold exactly: 1-bit, grey, RGB or a palette of RGB."""
    from PIL import ImageOps

    if _orientation(im) != 1:
        im = ImageOps.exif_transpose(im)  # turned or mirrored by its camera: put upright
    if im.mode in ("1", "L", "RGB"):
        return im
    if im.mode == "P" and "transparency" not in im.info:
        return im.convert("RGB")
    if im.mode in ("LA", "RGBA", "PA", "P"):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat = Image.alpha_composite(white, rgba)
        return flat.convert("L" if im.mode == "LA" else "RGB")
    if im.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        return im.convert("I").point(lambda v: v / 256).convert("L")
    return im.convert("RGB")  # CMYK, YCbCr, LAB...


def _as_png(im: Image.Image) -> bytes:
    out = io.BytesIO()
    im.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _chunks(png: bytes):  # noqa: ANN202 (an iterator of (type, data))
    at = len(PNG_SIGNATURE)
    while at + 8 <= len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind = png[at + 4 : at + 8]
        yield kind, png[at + 8 : at + 8 + length]
        at += 12 + length


def _passable_png(png: bytes) -> bool:
    """A PNG whose rows go into the PDF as they are: not interlaced, no transparency,
    grey (1-8 bits), RGB (8 bits) or a palette (1-8 bits)."""
    kinds = {kind: data for kind, data in _chunks(png) if kind != b"IDAT"}
    ihdr = kinds.get(b"IHDR")
    if ihdr is None or b"tRNS" in kinds:
        return False
    _w, _h, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", ihdr)
    if interlace:
        return False
    return (colour in (0, 3) and depth in (1, 2, 4, 8)) or (colour == 2 and depth == 8)


def _png_entries(png: bytes) -> tuple[str, bytes]:
    chunks = list(_chunks(png))
    ihdr = next(data for kind, data in chunks if kind == b"IHDR")
    width, height, depth, colour, *_ = struct.unpack(">IIBBBBB", ihdr)
    idat = b"".join(data for kind, data in chunks if kind == b"IDAT")
    colours = 3 if colour == 2 else 1
    if colour == 3:
        palette = next(data for kind, data in chunks if kind == b"PLTE")
        space = f"[/Indexed /DeviceRGB {len(palette) // 3 - 1} <{palette.hex()}>]"
    else:
        space = "/DeviceRGB" if colour == 2 else "/DeviceGray"
    entries = (
        f"/Width {width} /Height {height} /ColorSpace {space} /BitsPerComponent {depth} "
        f"/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors {colours} "
        f"/BitsPerComponent {depth} /Columns {width} >>"
    )
    return entries, idat


def _page_size(im: Image.Image) -> tuple[float, float]:
    """Points at the scan's own resolution, or fitted to A4 when it states none believable."""
    dpi = im.info.get("dpi")
    try:
        x, y = (float(dpi[0]), float(dpi[1])) if dpi else (0.0, 0.0)
    except (TypeError, ValueError, IndexError):
        x = y = 0.0
    low, high = PLAUSIBLE_DPI
    if low <= x <= high and low <= y <= high:
        return im.width * 72 / x, im.height * 72 / y
    short, long_ = A4_POINTS
    box = (short, long_) if im.height >= im.width else (long_, short)
    scale = min(box[0] / im.width, box[1] / im.height)
    return im.width * scale, im.height * scale


# --- the file -------------------------------------------------------------------


def srgb_profile() -> bytes:
    """An sRGB ICC profile for the output intent, marked version 4.2 (the newest PDF/A-2
    admits; the tags lcms writes are the same in 4.2)."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return profile[:8] + b"\x04\x20\x00\x00" + profile[12:]


def _pdf_text(text: str) -> str:
    """A PDF text string in UTF-16BE with its byte order mark, as hex."""
    return "<feff" + text.encode("utf-16-be").hex() + ">"


def _pdf_date(at: datetime) -> str:
    offset = at.strftime("%z") or "+0000"
    return f"D:{at:%Y%m%d%H%M%S}{offset[:3]}'{offset[3:]}'"


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xmp(title: str, at: datetime) -> bytes:
    stamp = at.isoformat(timespec="seconds")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>\n"
        "</rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        "<dc:format>application/pdf</dc:format>\n"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(title)}</rdf:li></rdf:Alt>'
        "</dc:title>\n"
        "</rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        f"<xmp:CreateDate>{stamp}</xmp:CreateDate><xmp:ModifyDate>{stamp}</xmp:ModifyDate>\n"
        f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate><xmp:CreatorTool>desk</xmp:CreatorTool>\n"
        "</rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f"<pdf:Producer>desk {__version__}</pdf:Producer>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


class _Writer:
    """A small PDF writer: numbered objects, a cross-reference table, the trailer."""

    def __init__(self) -> None:
        self.parts: list[bytes] = [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"]
        self.offsets: list[int] = []
        self.size = len(self.parts[0])

    def reserve(self) -> int:
        self.offsets.append(0)
        return len(self.offsets)

    def put(self, number: int, body: bytes) -> None:
        self.offsets[number - 1] = self.size
        chunk = f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        self.parts.append(chunk)
        self.size += len(chunk)

    def stream(self, number: int, entries: str, data: bytes) -> None:
        head = f"<< {entries} /Length {len(data)} >>\nstream\n".encode()
        self.put(number, head + data + b"\nendstream")

    def write(self, placed: list[_Placed], title: str, at: datetime) -> bytes:
        catalog, pages, metadata, profile, info = (self.reserve() for _ in range(5))
        kids = []
        for item in placed:
            page, image, content = self.reserve(), self.reserve(), self.reserve()
            kids.append(f"{page} 0 R")
            w, h = round(item.width_pt, 3), round(item.height_pt, 3)
            self.stream(image, f"/Type /XObject /Subtype /Image {item.entries}", item.stream)
            self.stream(content, "", f"q {w} 0 0 {h} 0 0 cm /Im0 Do Q".encode())
            rotate = f" /Rotate {item.turn}" if item.turn else ""
            self.put(
                page,
                (
                    f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {w} {h}]{rotate} "
                    f"/Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>"
                ).encode(),
            )
        self.put(pages, f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode())
        self.stream(metadata, "/Type /Metadata /Subtype /XML", _xmp(title, at))
        icc = srgb_profile()
        self.stream(profile, "/N 3 /Filter /FlateDecode", zlib.compress(icc))
        intent = (
            "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
            f"/Info (sRGB IEC61966-2.1) /DestOutputProfile {profile} 0 R >>"
        )
        self.put(
            catalog,
            (
                f"<< /Type /Catalog /Pages {pages} 0 R /Metadata {metadata} 0 R "
                f"/OutputIntents [{intent}] >>"
            ).encode(),
        )
        date = _pdf_date(at)
        self.put(
            info,
            (
                f"<< /Title {_pdf_text(title)} /Creator (desk) /Producer (desk {__version__}) "
                f"/CreationDate ({date}) /ModDate ({date}) >>"
            ).encode(),
        )
        return self._finish(catalog, info)

    def _finish(self, catalog: int, info: int) -> bytes:
        body = b"".join(self.parts)
        file_id = hashlib.md5(body, usedforsecurity=False).hexdigest()
        xref = [f"xref\n0 {len(self.offsets) + 1}\n", "0000000000 65535 f\r\n"]
        xref += [f"{offset:010d} 00000 n\r\n" for offset in self.offsets]
        trailer = (
            f"trailer\n<< /Size {len(self.offsets) + 1} /Root {catalog} 0 R /Info {info} 0 R "
            f"/ID [<{file_id}> <{file_id}>] >>\nstartxref\n{self.size}\n%%EOF\n"
        )
        return body + "".join(xref).encode() + trailer.encode()


# --- pages of other PDFs -----------------------------------------------------------


def _one_whole_pdf(pages: Sequence[PageSource]) -> bytes | None:
    """The bytes of a single PDF when ``pages`` are all its pages, in order, unturned."""
    from desk.documents.scan_sources import pdf_page_count

    first = pages[0].path
    if any(p.path != first or p.rotation % 360 for p in pages):
        return None
    if [p.index for p in pages] != list(range(pdf_page_count(first))):
        return None
    return read_bytes(first)


def _merged(
    pages: Sequence[PageSource], title: str, made_at: datetime | None, progress: Progress | None
) -> bytes:
    """Image pages written here, PDF pages copied with pypdf, in the order given."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    readers: dict[Path, PdfReader] = {}
    for n, page in enumerate(pages, 1):
        if is_pdf(page.path):
            if page.path not in readers:
                readers[page.path] = PdfReader(io.BytesIO(read_bytes(page.path)))
            added = writer.add_page(readers[page.path].pages[page.index])
            if page.rotation % 360:
                added.rotate(page.rotation % 360)
        else:
            single = PdfReader(io.BytesIO(image_pdf([page], title, made_at)))
            writer.add_page(single.pages[0])
        if progress:
            progress(n, len(pages))
    writer.add_metadata({"/Title": title, "/Producer": f"desk {__version__}"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
