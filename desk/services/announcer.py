"""Spoken calls, "Mời số A012 đến quầy 3", joined from recorded clips.

Windows text-to-speech speaks Vietnamese only where the language pack is
installed, so, like the queue systems offices already know, the call is joined
from short recordings shipped in ``resources/sounds/``: a chime, "mời số", the
group's letter, the ticket's digits one by one ("không, một, hai", as printed),
"đến quầy" and the counter's number. An office may replace any clip with its
own recording under the same file name (any WAV: it is converted to the
common format when joined). Joining uses only the stdlib ``wave`` module;
playing uses ``winsound`` on Windows and ``aplay`` where it exists, and is
simply skipped elsewhere.
"""

from __future__ import annotations

import io
import logging
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

from desk.config import resource_dir
from desk.domain.errors import UserError
from desk.domain.translation import translate

log = logging.getLogger(__name__)

SAMPLE_RATE = 22050
GAP_MS = 90  # between clips; the clips carry no silence of their own
CHIME = "chime"
INVITE = "moi-so"
TO_COUNTER = "den-quay"
MAX_COUNTER_CLIP = 30  # "number-1" .. "number-30"; larger counters are read digit by digit


def sounds_dir() -> Path:
    return resource_dir() / "sounds"


def letter_clip(letter: str) -> str:
    return f"letter-{letter.upper()}"


def digit_clip(digit: str) -> str:
    return f"digit-{digit}"


def counter_clips(number: int) -> list[str]:
    """Counter 3 reads "ba", counter 12 "mười hai" (one clip each up to 30)."""
    if 1 <= number <= MAX_COUNTER_CLIP:
        return [f"number-{number}"]
    return [digit_clip(d) for d in str(number)]


def call_clips(code: str, counter: int, chime: bool = True) -> list[str]:
    """The clip names of one call, in order: "A012", 3 -> chime, mời số, A, 0, 1, 2, đến quầy, 3."""
    code = code.strip().upper()
    if len(code) < 2 or not code[0].isalpha() or not code[1:].isdigit():
        raise ValueError(f"not a ticket code: {code!r}")
    clips = [CHIME] if chime else []
    clips += [INVITE, letter_clip(code[0])]
    clips += [digit_clip(d) for d in code[1:]]
    clips += [TO_COUNTER, *counter_clips(counter)]
    return clips


def _samples(raw: bytes, width: int) -> array:
    """Signed 16-bit samples from 8-, 16-, 24- or 32-bit PCM."""
    if width == 2:
        out = array("h")
        out.frombytes(raw)
        if sys.byteorder == "big":
            out.byteswap()
        return out
    if width == 1:  # WAV 8-bit is unsigned
        return array("h", ((b - 128) << 8 for b in raw))
    if width in (3, 4):
        step = width
        return array(
            "h",
            (
                int.from_bytes(raw[i + step - 2 : i + step], "little", signed=True)
                for i in range(0, len(raw), step)
            ),
        )
    raise ValueError(f"unsupported sample width {width}")


def _mono(samples: array, channels: int) -> array:
    if channels == 1:
        return samples
    return array(
        "h",
        (
            sum(samples[i : i + channels]) // channels
            for i in range(0, len(samples) - channels + 1, channels)
        ),
    )


def _resample(samples: array, rate: int) -> array:
    """Linear interpolation to ``SAMPLE_RATE``: plenty for speech from a loudspeaker."""
    if rate == SAMPLE_RATE or not samples:
        return samples
    count = max(1, round(len(samples) * SAMPLE_RATE / rate))
    ratio = (len(samples) - 1) / max(1, count - 1)
    out = array("h")
    for i in range(count):
        x = i * ratio
        left = int(x)
        right = min(left + 1, len(samples) - 1)
        out.append(round(samples[left] + (samples[right] - samples[left]) * (x - left)))
    return out


def read_clip(path: Path) -> array:
    """A clip as mono 16-bit samples at ``SAMPLE_RATE``, whatever PCM format it was saved in."""
    try:
        with wave.open(str(path), "rb") as clip:
            params = clip.getparams()
            raw = clip.readframes(params.nframes)
    except (wave.Error, EOFError) as exc:
        raise UserError(
            translate(
                "Announcer",
                "Tệp âm thanh {name} không phải tệp WAV PCM đọc được: hãy ghi âm lại "
                "và lưu dạng WAV (PCM).",
            ).format(name=path.name)
        ) from exc
    samples = _mono(_samples(raw, params.sampwidth), params.nchannels)
    return _resample(samples, params.framerate)


def join_clips(names: list[str], folder: Path | None = None, gap_ms: int = GAP_MS) -> bytes:
    """The clips one after another with a short pause between, as one WAV file's bytes."""
    folder = folder or sounds_dir()
    gap = array("h", bytes(2 * (SAMPLE_RATE * gap_ms // 1000)))
    joined = array("h")
    for i, name in enumerate(names):
        path = folder / f"{name}.wav"
        if not path.exists():
            raise UserError(
                translate(
                    "Announcer",
                    "Thiếu tệp âm thanh {name} trong {folder}: chép lại tệp này "
                    "(hoặc tắt tiếng gọi số).",
                ).format(name=path.name, folder=folder)
            )
        if i:
            joined.extend(gap)
        joined.extend(read_clip(path))
    if sys.byteorder == "big":
        joined.byteswap()
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(joined.tobytes())
    return out.getvalue()


def build_call_wav(code: str, counter: int, folder: Path | None = None) -> bytes:
    """The WAV of "Mời số ``code`` đến quầy ``counter``"."""
    return join_clips(call_clips(code, counter), folder)


def play_wav_file(path: Path) -> bool:
    """Play a WAV file to the end; False when this computer has no way to play it."""
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME)
        return True
    player = shutil.which("aplay")
    if player is None:
        return False
    subprocess.run([player, "-q", str(path)], check=False, timeout=60)
    return True


class Announcer:
    """Speaks calls one after another on a background thread, never blocking the window.

    ``player`` plays one WAV file (``play_wav_file`` by default; tests pass their
    own). Each call's WAV is written to a temporary folder first, and kept
    there as ``last-call.wav`` for whoever wants to hear what was said.
    """

    def __init__(
        self,
        enabled: bool = True,
        folder: Path | None = None,
        player: Callable[[Path], bool] = play_wav_file,
    ) -> None:
        self.enabled = enabled
        self.folder = folder
        self._player = player
        self._work: queue.Queue[tuple[str, int] | None] = queue.Queue()
        self._out = Path(tempfile.mkdtemp(prefix="desk-calls-"))
        self.last_wav: Path | None = None
        self._thread = threading.Thread(target=self._run, name="announcer", daemon=True)
        self._thread.start()

    def announce(self, code: str, counter: int) -> None:
        if self.enabled:
            self._work.put((code, counter))

    def wait_idle(self) -> None:
        """Block until every call asked for so far has been spoken (for tests and closing)."""
        self._work.join()

    def close(self) -> None:
        """Finish the calls already asked for, then remove the temporary folder."""
        self._work.put(None)
        self._thread.join(timeout=60)
        shutil.rmtree(self._out, ignore_errors=True)

    def _run(self) -> None:
        while True:
            item = self._work.get()
            try:
                if item is None:
                    return
                self._speak(*item)
            finally:
                self._work.task_done()

    def _speak(self, code: str, counter: int) -> None:
        try:
            data = build_call_wav(code, counter, self.folder)
            path = self._out / "last-call.wav"
            path.write_bytes(data)
            self.last_wav = path
            self._player(path)
        except (UserError, OSError, ValueError, subprocess.SubprocessError) as exc:
            log.warning("cannot speak the call %s to counter %s: %s", code, counter, exc)
