"""The apology for a late dossier (phiếu xin lỗi và hẹn lại ngày trả kết quả).

Decree 118/2025 art. 19(6): when a dossier will be
late, the agency sends the applicant, at the latest one day before the due
date, a written apology that states the reason and the new date; the date may
be moved ONCE only ("không quá một lần"). The dossier still counts as late
against its original appointment (an office setting: the counting is not
confirmed in the texts in force, see docs/legal.md); the new date only
tells the office and the citizen when the result will come.

These rules decide which new dates are acceptable, propose one, and say whether
a letter came later than the law wants. They know no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import to_vn
from desk.domain.dossier import RUNNING_STATUSES, STATUS_LABELS, DossierStatus
from desk.domain.errors import UserError, ValidationError
from desk.domain.time_limit import LimitKind, TimeLimit
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated
from desk.domain.validation import check_texts
from desk.domain.vn_dates import time_and_date_label, weekday_label

#: The letters' own series, numbered from 1 each year: "Số: 12/PXL".
NUMBER_SUFFIX = "PXL"

#: Without a procedure limit to go by, the proposal gives this many working days more.
DEFAULT_EXTENSION_DAYS = 3


class NotifyMethod(StrEnum):
    """How the applicant is told of the new date (the office "tells the applicant")."""

    LETTER = "letter"  # the letter handed over at the counter
    POST = "post"
    SMS = "sms"
    EMAIL = "email"
    PHONE = "phone"


NOTIFY_LABELS = {
    NotifyMethod.LETTER: QT_TRANSLATE_NOOP("NotifyMethod", "Trao phiếu trực tiếp"),
    NotifyMethod.POST: QT_TRANSLATE_NOOP("NotifyMethod", "Gửi qua bưu chính"),
    NotifyMethod.SMS: QT_TRANSLATE_NOOP("NotifyMethod", "Tin nhắn SMS"),
    NotifyMethod.EMAIL: QT_TRANSLATE_NOOP("NotifyMethod", "Thư điện tử"),
    NotifyMethod.PHONE: QT_TRANSLATE_NOOP("NotifyMethod", "Gọi điện thoại"),
}


@dataclass(frozen=True)
class Apology:
    """One apology as recorded: the letter's number, the reason and the one new date."""

    dossier_code: str
    year: int
    number: int
    reason: str
    old_due_at: datetime
    new_due_at: datetime
    signer_title: str
    signer_name: str
    notify_method: NotifyMethod
    made_at: datetime
    made_by: str
    #: Made less than one working day before the appointment (see ``is_late_notice``).
    late: bool

    @property
    def number_text(self) -> str:
        """The number as after "Số:" on the letter: "12/PXL"."""
        return f"{self.number}/{NUMBER_SUFFIX}"


def check_can_apologise(status: DossierStatus, existing: Apology | None) -> None:
    """Only a running dossier without a previous apology may be rescheduled."""
    if existing is not None:
        raise UserError(
            translate(
                "Apology",
                "Hồ sơ {code} đã được xin lỗi và hẹn lại một lần "
                "(phiếu số {number}, hẹn mới {new_due}). "
                "Theo quy định, ngày hẹn chỉ được thay đổi một lần: không thể hẹn lại nữa. "
                "Hãy báo lãnh đạo để đôn đốc giải quyết hồ sơ.",
            ).format(
                code=existing.dossier_code,
                number=existing.number_text,
                new_due=time_and_date_label(existing.new_due_at),
            )
        )
    if status not in RUNNING_STATUSES:
        raise UserError(
            translate(
                "Apology",
                "Hồ sơ đang ở trạng thái '{status}': chỉ lập phiếu xin lỗi và "
                "hẹn lại cho hồ sơ đang giải quyết, chưa có kết quả.",
            ).format(status=translated(STATUS_LABELS[status]))
        )


def check_reason(reason: str) -> dict[str, str]:
    """The letter must state why the dossier is late (Decree 118/2025 art. 19(6)),
    in a text the letter can print (``desk.domain.validation.check_text``)."""
    if not reason.strip():
        return {
            "reason": translate(
                "Apology",
                "Hãy ghi rõ lý do chậm trả kết quả: lý do được in trên phiếu xin lỗi.",
            )
        }
    return check_texts({"reason": reason})


def check_new_date(
    old_due: datetime,
    new_due: datetime,
    calendar: WorkingCalendar,
    now: datetime | None = None,
) -> None:
    """Refuse a new date that is not after the old appointment, not in the future,
    or not in working time; a ``ValidationError`` on the field ``new_due``."""
    old, new = to_vn(old_due), to_vn(new_due)
    message = ""
    if new <= old:
        message = translate(
            "Apology",
            "Ngày hẹn mới phải sau ngày hẹn cũ ({old_due}). "
            "Hãy chọn một ngày làm việc sau ngày hẹn cũ.",
        ).format(old_due=time_and_date_label(old))
    elif now is not None and new <= to_vn(now):
        message = translate("Apology", "Ngày hẹn mới đã qua: hãy chọn một thời điểm sắp tới.")
    elif not calendar.is_working_day(new.date()):
        note = translated(calendar.day_note(new.date()))
        why = weekday_label(new) + (f", {note}" if note else "")
        message = translate(
            "Apology",
            "Ngày {date} ({why}) không phải ngày làm việc: hãy chọn một ngày làm việc.",
        ).format(date=f"{new:%d/%m/%Y}", why=why)
    elif not calendar.is_working_time(new):
        message = translate(
            "Apology",
            "{time} ngoài giờ làm việc ({hours}): hãy chọn một giờ trong giờ làm việc.",
        ).format(time=f"{new:%H:%M}", hours=calendar.office_hours)
    if message:
        raise ValidationError({"new_due": message})


def propose_new_date(
    old_due: datetime,
    calendar: WorkingCalendar,
    limit: TimeLimit | None = None,
    now: datetime | None = None,
) -> datetime:
    """A new date to offer the clerk, who may change it.

    The procedure's own limit once more, counted from the old appointment (or
    from now, when the appointment is already past): the time the law thinks
    the work needs. Short limits (hours, in the day) and no limit at all give
    ``DEFAULT_EXTENSION_DAYS`` working days. Never less than one working day
    after the old appointment, always in working time, so the proposal passes
    ``check_new_date``.
    """
    old = to_vn(old_due)
    base = max(old, to_vn(now)) if now is not None else old
    if limit is None or limit.kind in (LimitKind.WORKING_HOURS, LimitKind.SAME_DAY):
        limit = TimeLimit.working_days(DEFAULT_EXTENSION_DAYS)
    proposal = calendar.appointment_for(base, limit)
    floor = calendar.appointment_for(old, TimeLimit.working_days(1))
    proposal = max(proposal, floor)
    if not calendar.is_working_time(proposal):
        proposal = calendar.next_working_start(proposal)
    return proposal


def is_late_notice(made_at: datetime, due: datetime, calendar: WorkingCalendar) -> bool:
    """True when the apology came later than the law wants.

    Decree 118/2025 art. 19(6): "chậm nhất 01 ngày trước ngày hết hạn", at the latest
    one day before the due date. The desk reads it as: the letter is in time when
    at least one working day lies between the day it is made and the
    appointment's day, i.e. it is made on the last working day before that day
    or earlier. Made on the appointment's day, on a day off just before it, or
    after it: late.
    """
    made, due_day = to_vn(made_at).date(), to_vn(due).date()
    return made > calendar.previous_working_day(due_day)
