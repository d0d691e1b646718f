"""A small ESC/POS decoder for tests: what would a printer do with these bytes?

It knows the commands the desk sends and a few neighbours, and raises on
anything else, so an unexpected command in a job fails a test instead of
printing garbage on a real printer. Consecutive ``GS v 0`` rasters of the same
width are stitched into one image, as the printer prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

ESC, GS, FS, LF = 0x1B, 0x1D, 0x1C, 0x0A


class DecodeError(ValueError):
    """Bytes a receipt job should never contain."""


@dataclass
class Decoded:
    rasters: list[Image.Image] = field(default_factory=list)  # stitched, mode "1"
    fragments: int = 0  # GS v 0 commands seen
    cut: bool = False
    cut_mode: int | None = None
    text_runs: list[str] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)  # names, in order
    code_table: int | None = None
    qr_data: list[bytes] = field(default_factory=list)
    feed_lines: int = 0


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise DecodeError(f"truncated command at byte {self.pos}: need {n} more")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def done(self) -> bool:
        return self.pos >= len(self.data)


def raster_to_image(width_bytes: int, height: int, payload: bytes) -> Image.Image:
    """A ``GS v 0`` payload (1 bit = a dot printed, MSB first) as a mode "1" image."""
    inverted = bytes(b ^ 0xFF for b in payload)  # PIL "1": bit set = white
    return Image.frombytes("1", (width_bytes * 8, height), inverted)


def _stitch(decoded: Decoded, image: Image.Image, previous_was_raster: bool) -> None:
    if previous_was_raster and decoded.rasters and decoded.rasters[-1].width == image.width:
        top = decoded.rasters[-1]
        joined = Image.new("1", (top.width, top.height + image.height), 1)
        joined.paste(top, (0, 0))
        joined.paste(image, (0, top.height))
        decoded.rasters[-1] = joined
    else:
        decoded.rasters.append(image)


def _esc(reader: _Reader, decoded: Decoded) -> str:
    command = reader.byte()
    if command == ord("@"):
        decoded.code_table = None
        return "ESC @"
    if command == ord("t"):
        decoded.code_table = reader.byte()
        return "ESC t"
    if command in (ord("a"), ord("E"), ord("!"), ord("-"), ord("M")):
        reader.byte()
        return f"ESC {chr(command)}"
    if command == ord("d"):
        decoded.feed_lines += reader.byte()
        return "ESC d"
    raise DecodeError(f"unknown command ESC 0x{command:02x} at byte {reader.pos - 2}")


def _gs_raster(reader: _Reader, decoded: Decoded, previous_was_raster: bool) -> str:
    if reader.byte() != ord("0"):
        raise DecodeError("GS v must be followed by '0'")
    mode = reader.byte()
    if mode not in (0, 1, 2, 3, 48, 49, 50, 51):
        raise DecodeError(f"GS v 0: bad mode {mode}")
    x_low, x_high, y_low, y_high = reader.take(4)
    width_bytes, height = x_low + 256 * x_high, y_low + 256 * y_high
    payload = reader.take(width_bytes * height)
    decoded.fragments += 1
    _stitch(decoded, raster_to_image(width_bytes, height, payload), previous_was_raster)
    return "GS v 0"


def _gs_cut(reader: _Reader, decoded: Decoded) -> str:
    mode = reader.byte()
    if mode in (65, 66, 97, 98, 103, 104):
        reader.byte()  # feed amount
    elif mode not in (0, 1, 48, 49):
        raise DecodeError(f"GS V: bad mode {mode}")
    decoded.cut = True
    decoded.cut_mode = mode
    return "GS V"


def _gs_qr(reader: _Reader, decoded: Decoded) -> str:
    """``GS ( k pL pH cn fn ...``: keep the data stored for a QR code (cn 49, fn 80)."""
    p_low, p_high = reader.take(2)
    body = reader.take(p_low + 256 * p_high)
    if len(body) >= 3 and body[0] == 49 and body[1] == 80:
        decoded.qr_data.append(body[3:])
    return "GS ( k"


def _gs(reader: _Reader, decoded: Decoded, previous_was_raster: bool) -> str:
    command = reader.byte()
    if command == ord("v"):
        return _gs_raster(reader, decoded, previous_was_raster)
    if command == ord("V"):
        return _gs_cut(reader, decoded)
    if command == ord("(") and reader.byte() == ord("k"):
        return _gs_qr(reader, decoded)
    raise DecodeError(f"unknown command GS 0x{command:02x} at byte {reader.pos - 2}")


def _fs(reader: _Reader) -> str:
    command = reader.byte()
    if command == ord("."):
        return "FS ."
    raise DecodeError(f"unknown command FS 0x{command:02x}")


def decode(data: bytes) -> Decoded:
    """Walk the job command by command; raise ``DecodeError`` on anything unknown."""
    decoded = Decoded()
    reader = _Reader(data)
    text = bytearray()
    previous = ""
    while not reader.done():
        first = reader.byte()
        if first >= 0x20 or first in (LF, 0x0D):
            text.append(first)
            if first == LF:
                decoded.feed_lines += 1
            previous = "text"
            continue
        if text:
            decoded.text_runs.append(text.decode("latin-1"))
            text.clear()
        if first == ESC:
            name = _esc(reader, decoded)
        elif first == GS:
            name = _gs(reader, decoded, previous == "GS v 0")
        elif first == FS:
            name = _fs(reader)
        else:
            raise DecodeError(f"unknown control byte 0x{first:02x} at byte {reader.pos - 1}")
        decoded.commands.append(name)
        previous = name
    if text:
        decoded.text_runs.append(text.decode("latin-1"))
    return decoded
