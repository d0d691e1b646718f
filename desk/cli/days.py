"""Days and moments typed on the command line: ``YYYY-MM-DD`` and ``"YYYY-MM-DD HH:MM"``.

Each command says in its own words what a text of the wrong shape should look like.
A text of the right shape on a day the calendar does not have (2026-02-30) is told so,
since its shape is not what is wrong; a year outside the calendar's
(``desk.domain.calendar.check_year``) is a typo, 26 for 2026.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from desk.domain.calendar import check_year
from desk.domain.clock import VN_TZ
from desk.domain.errors import UserError
from desk.domain.translation import translate

# How a day is written, whether or not the calendar has it.
DAY_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
# How a moment is written: its day, then the time.
MOMENT_SHAPE = re.compile(r"(\d{4}-\d{2}-\d{2}) +\d{1,2}:\d{2}")


def parse_day(text: str, message: str) -> date:
    """The day ``text`` names; ``message`` (with ``{text}``) says what is wrong with a
    text not written YYYY-MM-DD."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        if DAY_SHAPE.fullmatch(text.strip()):
            raise _no_such_day(text.strip()) from exc
        raise UserError(message.format(text=text)) from exc
    check_year(day.year)
    return day


def parse_moment(text: str, message: str) -> datetime:
    """The moment ``text`` names (``YYYY-MM-DD HH:MM``, Vietnam's time); ``message``
    (with ``{text}``) says what is wrong with a text of another shape."""
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=VN_TZ)
    except ValueError as exc:
        shaped = MOMENT_SHAPE.fullmatch(text.strip())
        if shaped is not None:
            parse_day(shaped.group(1), message)  # a day that does not exist is said so
        raise UserError(message.format(text=text)) from exc
    check_year(moment.year)
    return moment


def _no_such_day(text: str) -> UserError:
    return UserError(
        translate("CliDays", "Ngày {text} không có trên lịch: hãy xem lại ngày và tháng.").format(
            text=text
        )
    )
