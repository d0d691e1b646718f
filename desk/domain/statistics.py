"""Measuring the office: report periods, the figures of a period, the on-time rate, scores.

Definitions (the desk's, after the statistics form "Tình hình, kết quả giải quyết
TTHC"; which rules a text in force confirms is in docs/legal.md). A period runs from 00:00 of its
first day to 00:00 after its last day, Vietnam time (UTC+7; timestamps are
stored as UTC and compared as moments, so a dossier received at 06:30 on the
1st belongs to that month even though it is still the previous day in UTC).

- Received in the period (tiếp nhận mới): ``received_at`` in the period; split
  into online (trực tuyến) and at the counter or by post (trực tiếp, bưu chính).
- Carried over (kỳ trước chuyển qua): received before the period's start and
  still pending at the start (see "pending").
- Decided in the period (đã giải quyết): ``decided_at`` in the period (status
  result_ready or returned). Each carries its ``result_class`` stored at the
  decision against the LEGAL appointment ``appointment_at``: early (trước
  hạn), on time (đúng hạn) or late (quá hạn). An apology's new date does not
  make a late dossier on time, unless the office chose otherwise
  (``desk.domain.legal_rules.LateCounting``: no text in force settles it).
- Refused (từ chối) and stopped at the citizen's request (dừng, rút hồ sơ):
  closed in the period without a decision. Following the statistics form's practice they are
  NOT counted as decided (so never "on time") nor as pending; they are shown
  beside the form, so that carried over + received = decided + refused +
  stopped + pending at the end, for every row.
- Pending at the end (đang giải quyết): received before the period's end, not
  decided and not closed by then. The end is the period's end, or now when the
  period has not ended yet. A pending dossier is overdue (quá hạn) when its
  legal ``appointment_at`` is before that moment, and within time (trong hạn)
  otherwise; a dossier waiting for the citizen's missing papers at that moment
  is within time, since the limit stops until they arrive and then starts again
  (Decree 118/2025 art. 19(5)). The appointment is the one stored now: a limit
  restarted by papers received after the period's end is judged by the new one.
- On-time rate (tỷ lệ đúng hạn): (early + on time) / decided.
- Late with or without an apology: decided late in the period, with or without
  an apology letter (the provincial directive asks one for every late dossier).
- Supplement requests: dossiers asked, in the period, to complete their papers;
  comebacks: how many times the citizen of a dossier decided in the period had
  to come back with missing papers (once; more than once).
- The desk's scores (an unconfirmed measure, docs/legal.md), per dossier decided in the period: total
  time 2 (shorter than allowed: early) / 1 (equal: on time) / 0 (longer: late);
  times the citizen had to come back 2 (none) / 1 (once) / 0 (more).
- Working time used: working time from receipt (or from the day the missing
  papers arrived, when the limit started again) to the decision.

The clerk of a dossier is the one in charge of it (``assignee_id``, the
receiving clerk ``clerk_id`` when none is set); its department the one it was
transferred to (``department_id``; none while still at the one-stop desk).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from desk.domain.clock import VN_TZ, to_vn
from desk.domain.dossier import ResultClass
from desk.domain.errors import UserError
from desk.domain.time_limit import LimitKind, TimeLimit
from desk.domain.translation import QT_TRANSLATE_NOOP, translate

ROMAN_QUARTERS = ("I", "II", "III", "IV")
#: The trend shows at least this many months, ending with the period's last month.
TREND_MONTHS = 12
#: ...and at most this many (a long custom period shows its last months).
TREND_MONTHS_MAX = 36


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), VN_TZ)


def _month_last(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class Period:
    """Whole days ``first``..``last`` (inclusive), Vietnam time, with the name reports print.

    ``label``, ``title`` and ``range_text`` are Vietnamese whatever the screen
    speaks: the statistics form and the tracking book print them. A screen shows
    ``title_label`` and ``range_label``, the same words in the clerk's language.
    """

    first: date
    last: date
    label: str = ""

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise UserError(
                translate(
                    "Period",
                    "Kỳ báo cáo không hợp lệ: ngày cuối ({last}) đứng trước ngày đầu ({first}). "
                    "Hãy chọn lại hai ngày.",
                ).format(last=f"{self.last:%d/%m/%Y}", first=f"{self.first:%d/%m/%Y}"),
                "period",
            )

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        label = f"Tháng {month}/{year}"  # untranslated: printed on the statistics form
        return cls(date(year, month, 1), _month_last(year, month), label)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if quarter not in (1, 2, 3, 4):
            raise UserError(translate("Period", "Quý phải là 1, 2, 3 hoặc 4."), "period")
        first_month = 3 * (quarter - 1) + 1
        return cls(
            date(year, first_month, 1),
            _month_last(year, first_month + 2),
            f"Quý {ROMAN_QUARTERS[quarter - 1]}/{year}",  # untranslated: printed on the statistics form
        )

    @classmethod
    def year(cls, year: int) -> Period:
        label = f"Năm {year}"  # untranslated: printed on the statistics form
        return cls(date(year, 1, 1), date(year, 12, 31), label)

    @classmethod
    def custom(cls, first: date, last: date) -> Period:
        """A period of any days; named as a whole month, quarter or year when it is one."""
        plain = cls(first, last)
        for named in (
            cls.month(first.year, first.month),
            cls.quarter(first.year, (first.month - 1) // 3 + 1),
            cls.year(first.year),
        ):
            if (named.first, named.last) == (first, last):
                return named
        return plain

    @property
    def start(self) -> datetime:
        """00:00 of the first day, Vietnam time."""
        return _midnight(self.first)

    @property
    def end(self) -> datetime:
        """00:00 after the last day (excluded), Vietnam time."""
        return _midnight(self.last + timedelta(days=1))

    @property
    def range_text(self) -> str:
        """ "từ ngày 01/03/2026 đến ngày 15/03/2026", as printed."""
        return (
            f"từ ngày {self.first:%d/%m/%Y} đến ngày {self.last:%d/%m/%Y}"  # untranslated: printed
        )

    @property
    def title(self) -> str:
        """ "Quý I/2026", or "Từ ngày 01/03/2026 đến ngày 15/03/2026" for other days, as printed."""
        return self.label or self.range_text[0].upper() + self.range_text[1:]

    @property
    def range_label(self) -> str:
        """:attr:`range_text` in the clerk's language, for a screen."""
        return translate("Period", "từ ngày {first} đến ngày {last}").format(
            first=f"{self.first:%d/%m/%Y}", last=f"{self.last:%d/%m/%Y}"
        )

    @property
    def title_label(self) -> str:
        """:attr:`title` in the clerk's language, for a screen."""
        first, last, year = self.first, self.last, self.first.year
        if not self.label:
            return translate("Period", "Từ ngày {first} đến ngày {last}").format(
                first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}"
            )
        if self.label == Period.month(year, first.month).label:
            return translate("Period", "Tháng {month}/{year}").format(month=first.month, year=year)
        quarter = (first.month - 1) // 3 + 1
        if self.label == Period.quarter(year, quarter).label:
            return translate("Period", "Quý {quarter}/{year}").format(
                quarter=ROMAN_QUARTERS[quarter - 1], year=year
            )
        if self.label == Period.year(year).label:
            return translate("Period", "Năm {year}").format(year=year)
        return self.label

    def contains(self, moment: datetime) -> bool:
        return self.start <= to_vn(moment) < self.end

    def pending_moment(self, now: datetime) -> datetime:
        """When "pending at the end" is measured: the end, or now if the period is still running."""
        return min(self.end, max(self.start, to_vn(now)))

    def carried_moment(self, now: datetime) -> datetime:
        """When "carried over" is measured: the start (now, for a period still to come)."""
        return min(self.start, to_vn(now))

    def months(self) -> list[Period]:
        """The calendar months the period touches, each cut to the period."""
        out = []
        year, month = self.first.year, self.first.month
        while date(year, month, 1) <= self.last:
            whole = Period.month(year, month)
            first, last = max(whole.first, self.first), min(whole.last, self.last)
            out.append(
                Period(
                    first, last, whole.label if (first, last) == (whole.first, whole.last) else ""
                )
            )
            year, month = _add_months(year, month, 1)
        return out


def trend_months(period: Period) -> list[Period]:
    """The months of the trend chart: at least the last ``TREND_MONTHS`` up to the
    period's last month (a month's dashboard still shows the year behind it)."""
    last_year, last_month = period.last.year, period.last.month
    y, m = _add_months(last_year, last_month, -(TREND_MONTHS - 1))
    first = min(date(y, m, 1), date(period.first.year, period.first.month, 1))
    months = Period(first, _month_last(last_year, last_month)).months()
    return months[-TREND_MONTHS_MAX:]


class PeriodChoice(StrEnum):
    """The periods the dashboard offers."""

    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    CUSTOM = "custom"


PERIOD_CHOICE_LABELS = {
    PeriodChoice.THIS_MONTH: QT_TRANSLATE_NOOP("PeriodChoice", "Tháng này"),
    PeriodChoice.LAST_MONTH: QT_TRANSLATE_NOOP("PeriodChoice", "Tháng trước"),
    PeriodChoice.THIS_QUARTER: QT_TRANSLATE_NOOP("PeriodChoice", "Quý này"),
    PeriodChoice.LAST_QUARTER: QT_TRANSLATE_NOOP("PeriodChoice", "Quý trước"),
    PeriodChoice.THIS_YEAR: QT_TRANSLATE_NOOP("PeriodChoice", "Năm nay"),
    PeriodChoice.LAST_YEAR: QT_TRANSLATE_NOOP("PeriodChoice", "Năm trước"),
    PeriodChoice.CUSTOM: QT_TRANSLATE_NOOP("PeriodChoice", "Tùy chọn"),
}


def period_for(
    choice: PeriodChoice, today: date, first: date | None = None, last: date | None = None
) -> Period:
    """The period a choice means on ``today``; ``first``/``last`` for a custom one."""
    quarter = (today.month - 1) // 3 + 1
    if choice is PeriodChoice.THIS_MONTH:
        return Period.month(today.year, today.month)
    if choice is PeriodChoice.LAST_MONTH:
        return Period.month(*_add_months(today.year, today.month, -1))
    if choice is PeriodChoice.THIS_QUARTER:
        return Period.quarter(today.year, quarter)
    if choice is PeriodChoice.LAST_QUARTER:
        return (
            Period.quarter(today.year, quarter - 1)
            if quarter > 1
            else Period.quarter(today.year - 1, 4)
        )
    if choice is PeriodChoice.THIS_YEAR:
        return Period.year(today.year)
    if choice is PeriodChoice.LAST_YEAR:
        return Period.year(today.year - 1)
    if first is None or last is None:
        raise UserError(
            translate("Period", "Hãy chọn ngày đầu và ngày cuối của kỳ báo cáo."), "period"
        )
    return Period.custom(first, last)


class Dimension(StrEnum):
    """What a breakdown has one row per."""

    FIELD = "field"
    PROCEDURE = "procedure"
    DEPARTMENT = "department"
    CLERK = "clerk"


DIMENSION_LABELS = {
    Dimension.FIELD: QT_TRANSLATE_NOOP("Dimension", "Lĩnh vực"),
    Dimension.PROCEDURE: QT_TRANSLATE_NOOP("Dimension", "Thủ tục hành chính"),
    Dimension.DEPARTMENT: QT_TRANSLATE_NOOP("Dimension", "Phòng ban, cơ quan giải quyết"),
    Dimension.CLERK: QT_TRANSLATE_NOOP("Dimension", "Cán bộ phụ trách"),
}
#: The department of a dossier not transferred yet: it is still at the one-stop desk.
#: A row label: the statistics form prints it as it is, a screen shows ``translated()``.
NO_DEPARTMENT_LABEL = QT_TRANSLATE_NOOP("Statistics", "Bộ phận Một cửa (chưa chuyển xử lý)")


# --- the figures ---------------------------------------------------------------------


class Figure(StrEnum):
    """One count the dashboard shows; a click lists the dossiers behind it."""

    RECEIVED = "received"
    RECEIVED_ONLINE = "received_online"
    RECEIVED_DIRECT = "received_direct"
    CARRIED_OVER = "carried_over"
    DECIDED = "decided"
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    PENDING_IN_TIME = "pending_in_time"
    PENDING_OVERDUE = "pending_overdue"
    REFUSED = "refused"
    STOPPED = "stopped"
    LATE_WITH_APOLOGY = "late_with_apology"
    LATE_WITHOUT_APOLOGY = "late_without_apology"
    OVERDUE_WITHOUT_APOLOGY = "overdue_without_apology"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    CAME_BACK_ONCE = "came_back_once"
    CAME_BACK_MORE = "came_back_more"


FIGURE_LABELS = {
    Figure.RECEIVED: QT_TRANSLATE_NOOP("Figure", "Tiếp nhận mới"),
    Figure.RECEIVED_ONLINE: QT_TRANSLATE_NOOP("Figure", "Tiếp nhận trực tuyến"),
    Figure.RECEIVED_DIRECT: QT_TRANSLATE_NOOP("Figure", "Tiếp nhận trực tiếp, bưu chính"),
    Figure.CARRIED_OVER: QT_TRANSLATE_NOOP("Figure", "Kỳ trước chuyển qua"),
    Figure.DECIDED: QT_TRANSLATE_NOOP("Figure", "Đã giải quyết"),
    Figure.EARLY: QT_TRANSLATE_NOOP("Figure", "Trước hạn"),
    Figure.ON_TIME: QT_TRANSLATE_NOOP("Figure", "Đúng hạn"),
    Figure.LATE: QT_TRANSLATE_NOOP("Figure", "Quá hạn"),
    Figure.PENDING: QT_TRANSLATE_NOOP("Figure", "Đang giải quyết"),
    Figure.PENDING_IN_TIME: QT_TRANSLATE_NOOP("Figure", "Đang giải quyết trong hạn"),
    Figure.PENDING_OVERDUE: QT_TRANSLATE_NOOP("Figure", "Đang giải quyết quá hạn"),
    Figure.REFUSED: QT_TRANSLATE_NOOP("Figure", "Từ chối giải quyết"),
    Figure.STOPPED: QT_TRANSLATE_NOOP("Figure", "Dừng, rút hồ sơ"),
    Figure.LATE_WITH_APOLOGY: QT_TRANSLATE_NOOP("Figure", "Trễ hạn có phiếu xin lỗi"),
    Figure.LATE_WITHOUT_APOLOGY: QT_TRANSLATE_NOOP("Figure", "Trễ hạn chưa xin lỗi"),
    Figure.OVERDUE_WITHOUT_APOLOGY: QT_TRANSLATE_NOOP(
        "Figure", "Quá hạn chưa xin lỗi (đang giải quyết)"
    ),
    Figure.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("Figure", "Phải bổ sung hồ sơ"),
    Figure.CAME_BACK_ONCE: QT_TRANSLATE_NOOP("Figure", "Đi lại bổ sung 1 lần"),
    Figure.CAME_BACK_MORE: QT_TRANSLATE_NOOP("Figure", "Đi lại bổ sung trên 1 lần"),
}


@dataclass
class Figures:
    """The counts of one period for one row (a field, a procedure, a clerk) or in total.

    Sums of rows are exact: the rates and averages are computed from the sums.
    """

    received: int = 0
    received_online: int = 0
    received_direct: int = 0
    carried_over: int = 0
    decided: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    pending_in_time: int = 0
    pending_overdue: int = 0
    refused: int = 0
    stopped: int = 0
    late_with_apology: int = 0
    late_without_apology: int = 0
    overdue_without_apology: int = 0
    supplement_requested: int = 0
    came_back_once: int = 0
    came_back_more: int = 0
    time_score_total: int = 0  # art. 13 scores of the decided dossiers, summed
    comeback_score_total: int = 0

    @property
    def pending(self) -> int:
        return self.pending_in_time + self.pending_overdue

    @property
    def handled(self) -> int:
        """Carried over plus received: the dossiers the office had to deal with."""
        return self.carried_over + self.received

    @property
    def on_time_rate(self) -> float | None:
        return on_time_rate(self.early, self.on_time, self.decided)

    @property
    def time_score(self) -> float | None:
        return self.time_score_total / self.decided if self.decided else None

    @property
    def comeback_score(self) -> float | None:
        return self.comeback_score_total / self.decided if self.decided else None

    def count(self, figure: Figure) -> int:
        return int(getattr(self, figure.value))

    def add(self, other: Figures) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict[str, int | float | None]:
        """Counts, then ``pending``, ``on_time_rate`` (0..1) and the average scores."""
        out: dict[str, int | float | None] = dict(asdict(self))
        out["pending"] = self.pending
        out["on_time_rate"] = None if self.on_time_rate is None else round(self.on_time_rate, 4)
        out["time_score"] = None if self.time_score is None else round(self.time_score, 3)
        out["comeback_score"] = (
            None if self.comeback_score is None else round(self.comeback_score, 3)
        )
        return out


def on_time_rate(early: int, on_time: int, decided: int) -> float | None:
    """(early + on time) / decided; None when nothing was decided (not 0 %, not 100 %)."""
    return (early + on_time) / decided if decided else None


def percent_text(rate: float | None) -> str:
    """ "93,5 %" as a Vietnamese page writes it; "-" when there is no rate."""
    if rate is None:
        return "-"
    return f"{rate * 100:.1f} %".replace(".", ",")


def time_score(result: ResultClass | str) -> int:
    """The desk's score: total time shorter than allowed 2, equal 1, longer 0."""
    return {ResultClass.EARLY: 2, ResultClass.ON_TIME: 1, ResultClass.LATE: 0}[ResultClass(result)]


def comeback_score(comebacks: int) -> int:
    """The desk's score: the citizen came back to complete the dossier
    no time 2, once 1, more than once 0."""
    return 2 if comebacks <= 0 else 1 if comebacks == 1 else 0


# --- where time goes -------------------------------------------------------------------

#: A limit is worth proposing shorter only on this many decisions at least.
MIN_DECISIONS_FOR_PROPOSAL = 20
#: ...and when 9 in 10 decisions used at most this share of the time allowed.
PROPOSAL_SHARE = 0.7


def percentile(values: Sequence[timedelta], fraction: float) -> timedelta:
    """The nearest-rank percentile: the smallest value with ``fraction`` of the values
    at or below it (the 90th percentile of 10 values is the 9th smallest)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[timedelta]) -> timedelta:
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def proposed_limit(
    limit: TimeLimit, allowed: timedelta, p90_used: timedelta, decisions: int, day: timedelta
) -> TimeLimit | None:
    """A shorter limit the office could propose, or None.

    Only for limits in working days or hours, on at least
    ``MIN_DECISIONS_FOR_PROPOSAL`` decisions, when 9 in 10 of them used at most
    ``PROPOSAL_SHARE`` of the working time the limit allows: the 90th percentile,
    rounded up to whole days (or hours), if that is shorter than the limit.
    """
    if decisions < MIN_DECISIONS_FOR_PROPOSAL or allowed <= timedelta():
        return None
    if p90_used > allowed * PROPOSAL_SHARE:
        return None
    if limit.kind is LimitKind.WORKING_DAYS:
        days = max(1, math.ceil(p90_used / day))
        return TimeLimit.working_days(days) if days < limit.amount else None
    if limit.kind is LimitKind.WORKING_HOURS:
        hours = max(1, math.ceil(p90_used / timedelta(hours=1)))
        return TimeLimit.working_hours(hours) if hours < limit.amount else None
    return None
