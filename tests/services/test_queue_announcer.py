"""Spoken calls: the right clips in the right order, joined into one WAV of the right length."""

from __future__ import annotations

import io
import wave
from array import array
from pathlib import Path

import pytest

from desk.domain.errors import UserError
from desk.services.announcer import (
    GAP_MS,
    SAMPLE_RATE,
    Announcer,
    build_call_wav,
    call_clips,
    join_clips,
    sounds_dir,
)


def frames(path: Path) -> int:
    with wave.open(str(path), "rb") as clip:
        assert (clip.getnchannels(), clip.getsampwidth(), clip.getframerate()) == (
            1,
            2,
            SAMPLE_RATE,
        )
        return clip.getnframes()


def test_the_clips_of_a_call_in_order() -> None:
    assert call_clips("A012", 3) == [
        "chime",
        "moi-so",
        "letter-A",
        "digit-0",
        "digit-1",
        "digit-2",
        "den-quay",
        "number-3",
    ]
    assert call_clips("b1234", 12, chime=False)[-2:] == ["den-quay", "number-12"]
    assert call_clips("C001", 45)[-2:] == ["digit-4", "digit-5"]  # no clip past 30
    with pytest.raises(ValueError):
        call_clips("012", 1)


def test_every_clip_a_call_can_need_is_shipped() -> None:
    folder = sounds_dir()
    names = {"chime", "moi-so", "den-quay"}
    names |= {f"letter-{chr(c)}" for c in range(ord("A"), ord("Z") + 1)}
    names |= {f"digit-{d}" for d in range(10)} | {f"number-{n}" for n in range(1, 31)}
    for name in names:
        assert frames(folder / f"{name}.wav") > SAMPLE_RATE // 10, name


def test_the_joined_wav_is_the_clips_with_pauses_between() -> None:
    folder = sounds_dir()
    clips = call_clips("A012", 3)
    data = build_call_wav("A012", 3)
    with wave.open(io.BytesIO(data), "rb") as joined:
        assert (joined.getnchannels(), joined.getsampwidth()) == (1, 2)
        assert joined.getframerate() == SAMPLE_RATE
        total = joined.getnframes()
        samples = array("h", joined.readframes(total))
    gap = SAMPLE_RATE * GAP_MS // 1000
    lengths = [frames(folder / f"{name}.wav") for name in clips]
    assert total == sum(lengths) + gap * (len(clips) - 1)
    assert 3.0 < total / SAMPLE_RATE < 8.0  # a call a waiting room can follow
    # Each clip sits where expected: "mời số" starts right after the chime and a pause.
    with wave.open(str(folder / "moi-so.wav"), "rb") as invite:
        expected = array("h", invite.readframes(invite.getnframes()))
    start = lengths[0] + gap
    assert samples[start : start + len(expected)] == expected
    assert not any(samples[lengths[0] : lengths[0] + gap])  # the pause is silent


def test_an_office_recording_in_another_format_is_converted(tmp_path: Path) -> None:
    """A stereo 44.1 kHz recording joins with the shipped 22.05 kHz mono clips."""
    with wave.open(str(tmp_path / "moi-so.wav"), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.writeframes(array("h", [1000, 1000] * 44100).tobytes())  # one second
    for name in ("letter-A", "digit-1"):
        (tmp_path / f"{name}.wav").write_bytes((sounds_dir() / f"{name}.wav").read_bytes())
    data = join_clips(["moi-so", "letter-A", "digit-1"], tmp_path)
    with wave.open(io.BytesIO(data), "rb") as joined:
        first = array("h", joined.readframes(SAMPLE_RATE))
    assert len(first) == SAMPLE_RATE and set(first) == {1000}


def test_a_missing_clip_says_which(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="moi-so.wav"):
        join_clips(["moi-so"], tmp_path)


def test_the_announcer_speaks_calls_in_order_and_can_be_silenced() -> None:
    played: list[int] = []

    def player(path: Path) -> bool:
        played.append(frames(path))
        return True

    announcer = Announcer(player=player)
    announcer.announce("A012", 3)
    announcer.announce("B001", 1)
    announcer.wait_idle()
    assert len(played) == 2
    assert announcer.last_wav is not None
    with wave.open(io.BytesIO(build_call_wav("B001", 1)), "rb") as expected:
        assert played[1] == expected.getnframes()
    announcer.enabled = False
    announcer.announce("A013", 3)
    announcer.wait_idle()
    assert len(played) == 2
    announcer.close()
