"""Office hours (giờ làm việc): the sessions in which a one-stop shop receives dossiers.

Each office sets its own hours; the common ones are 07:30-11:30 and 13:30-17:00
(domain rule "Working time": Monday-Friday, office hours set per office). The
hours are the same on every working day, which is what lets "the same clock time
N working days later" make sense.

A session includes both of its ends: a dossier taken at 11:30 sharp was taken in
the morning session, and a result due at 17:00 is due before the office closes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import cached_property
from itertools import pairwise

from desk.domain.translation import translate

Session = tuple[time, time]

DEFAULT_SESSIONS: tuple[Session, ...] = (
    (time(7, 30), time(11, 30)),
    (time(13, 30), time(17, 0)),
)

_EXAMPLE = "07:30-11:30, 13:30-17:00"
_CLOCK = re.compile(r"^(\d{1,2})\s*[:hH.]\s*(\d{2})$|^(\d{1,2})\s*[hH]$")
_DASHES = ("–", "—", "−")


def _format_clock(moment: time) -> str:
    return f"{moment:%H:%M}"


def _parse_clock(text: str, whole: str) -> time:
    """A clock time written as 07:30, 7:30, 7h30 or 7h, as clerks write it."""
    found = _CLOCK.match(text.strip())
    if not found:
        raise ValueError(
            translate(
                "OfficeHours",
                "Giờ “{clock}” trong “{whole}” không hợp lệ. Hãy viết giờ dạng 07:30, ví dụ: {example}.",
            ).format(clock=text.strip(), whole=whole, example=_EXAMPLE)
        )
    hour = int(found.group(1) or found.group(3))
    minute = int(found.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(
            translate(
                "OfficeHours",
                "Giờ “{clock}” trong “{whole}” không có thật (giờ từ 00 đến 23, phút từ 00 đến 59).",
            ).format(clock=text.strip(), whole=whole)
        )
    return time(hour, minute)


@dataclass(frozen=True)
class OfficeHours:
    """The ordered working sessions of one working day.

    Sessions must be in order, each must end after it starts and none may
    overlap the next; times are whole minutes without a time zone (all office
    times are Vietnam time).
    """

    sessions: tuple[Session, ...] = DEFAULT_SESSIONS

    def __post_init__(self) -> None:
        sessions = tuple((start, end) for start, end in self.sessions)
        object.__setattr__(self, "sessions", sessions)
        if not sessions:
            raise ValueError(
                translate(
                    "OfficeHours", "Giờ làm việc phải có ít nhất một buổi, ví dụ: {example}."
                ).format(example=_EXAMPLE)
            )
        for start, end in sessions:
            for moment in (start, end):
                if moment.tzinfo is not None or moment.second or moment.microsecond:
                    raise ValueError(
                        translate(
                            "OfficeHours",
                            "Giờ làm việc chỉ ghi giờ và phút, không ghi giây: {time}.",
                        ).format(time=moment)
                    )
            if end <= start:
                raise ValueError(
                    translate(
                        "OfficeHours", "Buổi làm việc {start}-{end} phải kết thúc sau giờ bắt đầu."
                    ).format(start=_format_clock(start), end=_format_clock(end))
                )
        for (start_a, end_a), (start_b, end_b) in pairwise(sessions):
            if start_b < end_a:
                raise ValueError(
                    translate(
                        "OfficeHours",
                        "Buổi {session} chồng lên hoặc đứng trước buổi {previous}. "
                        "Hãy ghi các buổi theo thứ tự trong ngày và không chồng nhau.",
                    ).format(
                        session=f"{_format_clock(start_b)}-{_format_clock(end_b)}",
                        previous=f"{_format_clock(start_a)}-{_format_clock(end_a)}",
                    )
                )

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """Read hours as an office writes them: "07:30-11:30, 13:30-17:00".

        Sessions are separated by commas or semicolons; each is "start-end".
        Raises ValueError with a message (in the clerk's language) that says what to fix.
        """
        whole = text.strip()
        if not whole:
            raise ValueError(
                translate("OfficeHours", "Chưa nhập giờ làm việc. Ví dụ: {example}.").format(
                    example=_EXAMPLE
                )
            )
        normalised = whole
        for dash in _DASHES:
            normalised = normalised.replace(dash, "-")
        sessions: list[Session] = []
        for part in re.split(r"[,;]", normalised):
            if not part.strip():
                raise ValueError(
                    translate(
                        "OfficeHours",
                        "Giờ làm việc “{whole}” có một buổi để trống. Ví dụ: {example}.",
                    ).format(whole=whole, example=_EXAMPLE)
                )
            ends = part.split("-")
            if len(ends) != 2:
                raise ValueError(
                    translate(
                        "OfficeHours",
                        "Buổi “{session}” phải có dạng giờ bắt đầu-giờ kết thúc, ví dụ: {example}.",
                    ).format(session=part.strip(), example=_EXAMPLE)
                )
            sessions.append((_parse_clock(ends[0], whole), _parse_clock(ends[1], whole)))
        return cls(tuple(sessions))

    def __str__(self) -> str:
        return ", ".join(f"{_format_clock(s)}-{_format_clock(e)}" for s, e in self.sessions)

    @property
    def opening(self) -> time:
        """When the first session of the day starts."""
        return self.sessions[0][0]

    @property
    def closing(self) -> time:
        """When the last session of the day ends: "the end of the working day"."""
        return self.sessions[-1][1]

    @cached_property
    def daily_duration(self) -> timedelta:
        """Working time in one full working day (7 h 30 min with the default hours;
        worked out once: lists compare thousands of dossiers with it)."""
        return sum((_span(start, end) for start, end in self.sessions), timedelta())

    def contains(self, moment: time) -> bool:
        """True when the clock time lies in a session, both ends included."""
        return any(start <= moment <= end for start, end in self.sessions)


def _span(start: time, end: time) -> timedelta:
    day = datetime(2000, 1, 1)
    return datetime.combine(day, end) - datetime.combine(day, start)
