"""Citizen satisfaction: the request when a service ends, the rating, the reports, the alert.

When a clerk finishes a ticket or hands a result over, the caller records a
rating request (``request_rating``); the rating window facing the citizen at
that counter polls for it (``pending_request``, after the ``RATINGS`` change
counter moved) and shows the four levels. The citizen's choice is saved with
the ticket, the dossier and its procedure, the clerk and the counter
(``submit_rating``), so the reports can group ratings by any of them
(``summary``). A "không hài lòng" is what a supervisor must hear about at once:
the main window polls ``unhappy_since``.

One open request per counter: a newer service there replaces an older request
nobody answered (the citizen left), and a request older than
``REQUEST_MINUTES`` is no longer shown. A ticket is rated once: a second
request for a ticket already rated (a result returned, then the ticket
finished) is not made.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desk.domain.clock import VN_TZ, Clock, SystemClock
from desk.domain.errors import NotFound, UserError
from desk.domain.office import Clerk
from desk.domain.queue import AT_COUNTER, ticket_code
from desk.domain.rating import (
    REASON_LABELS,
    RatingInput,
    RatingLevel,
    RatingReason,
    RatingTally,
    RequestState,
)
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated
from desk.services import changes
from desk.storage.database import Database
from desk.storage.queue_tables import QueueCounterRow, QueueTicketDossierRow, QueueTicketRow
from desk.storage.tables import DossierRow, ProcedureRow, RatingRequestRow, RatingRow, UserRow

#: The change counter the rating windows poll.
RATINGS = "ratings"
#: A request nobody answered within this time is not shown any more.
REQUEST_MINUTES = 10

GroupBy = Literal["clerk", "counter", "procedure"]
GROUPINGS: tuple[str, ...] = ("clerk", "counter", "procedure")
GROUP_LABELS = {
    "clerk": QT_TRANSLATE_NOOP("Ratings", "Cán bộ"),
    "counter": QT_TRANSLATE_NOOP("Ratings", "Quầy"),
    "procedure": QT_TRANSLATE_NOOP("Ratings", "Thủ tục"),
}


@dataclass(frozen=True)
class RatingRequest:
    """What the rating window needs: which request, who served, at which counter."""

    id: int
    at: datetime
    clerk_name: str
    counter_number: int | None
    ticket_code: str


@dataclass(frozen=True)
class UnhappyRating:
    """A "không hài lòng" for the supervisor: what and whom it is about, and what was said."""

    id: int
    at: datetime
    clerk_name: str
    counter_number: int | None
    ticket_code: str
    dossier_code: str
    procedure_name: str
    reasons: tuple[str, ...]
    comment: str

    def summary_text(self) -> str:
        """One line for the alert: "Quầy 2 - Nguyễn Văn An - A012: Thái độ phục vụ; ..." """
        where = " - ".join(
            part
            for part in (
                translate("Ratings", "Quầy {number}").format(number=self.counter_number)
                if self.counter_number
                else "",
                self.clerk_name,
                self.ticket_code or self.dossier_code,
            )
            if part
        )
        reasons = [translated(r) for r in self.reasons]
        said = "; ".join([*reasons, *([f"“{self.comment}”"] if self.comment else [])])
        return f"{where}: {said}" if said else where


# ---------------------------------------------------------------- requests


def request_rating(
    db: Database,
    clerk: Clerk | None,
    clock: Clock | None = None,
    *,
    ticket_id: int | None = None,
    dossier_code: str | None = None,
    counter_number: int | None = None,
) -> int | None:
    """Ask the citizen just served to rate the service; the request's id, or None when
    the ticket was rated already.

    Call after ``queue.finish`` (with the ticket and the counter) and after
    ``steps.return_result`` (with the dossier code and, when known, the counter).
    Without a counter, a ticket's own counter is used.
    """
    if ticket_id is None and not (dossier_code or "").strip():
        raise ValueError("a rating request needs a ticket or a dossier")
    now = (clock or SystemClock()).now()
    with db.write() as s:
        changes.bump(s, RATINGS)
        ticket = s.get(QueueTicketRow, ticket_id) if ticket_id is not None else None
        if ticket_id is not None and ticket is None:
            raise NotFound(translate("Ratings", "Không tìm thấy số thứ tự để mời đánh giá."))
        dossier_id = _dossier_id(s, dossier_code) if dossier_code else None
        counter_id = _counter_id(s, counter_number) if counter_number else None
        if counter_id is None and ticket is not None:
            counter_id = ticket.counter_id
        if ticket is None and counter_id is not None:
            ticket = _serving_ticket(s, counter_id, now)
        if ticket is not None and _already_rated(s, ticket.id):
            return None
        same = _open_request(s, counter_id, ticket, dossier_id)
        if same is not None:
            same.dossier_id = same.dossier_id or dossier_id
            return same.id
        _expire_open(s, counter_id, now)
        row = RatingRequestRow(
            at=now,
            ticket_id=ticket.id if ticket is not None else None,
            dossier_id=dossier_id,
            clerk_id=clerk.id if clerk is not None else None,
            counter_id=counter_id,
            state=RequestState.OPEN.value,
        )
        s.add(row)
        s.flush()
        return row.id


def _dossier_id(s: Session, code: str) -> int:
    found = s.scalar(select(DossierRow.id).where(DossierRow.code == code.strip()))
    if found is None:
        raise NotFound(
            translate("Ratings", "Không tìm thấy hồ sơ {code} để mời đánh giá.").format(code=code)
        )
    return found


def _counter_id(s: Session, number: int) -> int:
    found = s.scalar(select(QueueCounterRow.id).where(QueueCounterRow.number == number))
    if found is None:
        raise NotFound(
            translate("Ratings", "Chưa có quầy số {number}: kiểm tra Quản trị > Hàng đợi.").format(
                number=number
            )
        )
    return found


def _serving_ticket(s: Session, counter_id: int, now: datetime) -> QueueTicketRow | None:
    """The ticket the counter holds today (called or serving): the citizen at the counter."""
    return s.scalar(
        select(QueueTicketRow)
        .where(
            QueueTicketRow.counter_id == counter_id,
            QueueTicketRow.day == now.date(),
            QueueTicketRow.state.in_([state.value for state in AT_COUNTER]),
        )
        .order_by(QueueTicketRow.last_called_at.desc(), QueueTicketRow.id.desc())
        .limit(1)
    )


def _already_rated(s: Session, ticket_id: int) -> bool:
    return s.scalar(select(RatingRow.id).where(RatingRow.ticket_id == ticket_id)) is not None


def _open_request(
    s: Session, counter_id: int | None, ticket: QueueTicketRow | None, dossier_id: int | None
) -> RatingRequestRow | None:
    """An open request for the same service (same ticket, or same dossier) at the counter."""
    if ticket is None and dossier_id is None:
        return None
    query = select(RatingRequestRow).where(RatingRequestRow.state == RequestState.OPEN.value)
    if ticket is not None:
        query = query.where(RatingRequestRow.ticket_id == ticket.id)
    else:
        query = query.where(RatingRequestRow.dossier_id == dossier_id)
    return s.scalar(query.where(_same_counter(counter_id)).limit(1))


def _same_counter(counter_id: int | None):  # noqa: ANN202 (a SQL expression)
    if counter_id is None:
        return RatingRequestRow.counter_id.is_(None)
    return RatingRequestRow.counter_id == counter_id


def _expire_open(s: Session, counter_id: int | None, now: datetime) -> None:
    s.execute(
        update(RatingRequestRow)
        .where(RatingRequestRow.state == RequestState.OPEN.value, _same_counter(counter_id))
        .values(state=RequestState.EXPIRED.value, closed_at=now)
    )


def pending_request(
    db: Database, counter_number: int | None = None, clock: Clock | None = None
) -> RatingRequest | None:
    """The newest open request for the counter (any counter when None), if recent enough."""
    now = (clock or SystemClock()).now()
    since = now - timedelta(minutes=REQUEST_MINUTES)
    with db.read() as s:
        query = (
            select(RatingRequestRow, UserRow.full_name, QueueCounterRow.number, QueueTicketRow)
            .outerjoin(UserRow, UserRow.id == RatingRequestRow.clerk_id)
            .outerjoin(QueueCounterRow, QueueCounterRow.id == RatingRequestRow.counter_id)
            .outerjoin(QueueTicketRow, QueueTicketRow.id == RatingRequestRow.ticket_id)
            .where(RatingRequestRow.state == RequestState.OPEN.value, RatingRequestRow.at >= since)
            .order_by(RatingRequestRow.id.desc())
            .limit(1)
        )
        if counter_number is not None:
            query = query.where(QueueCounterRow.number == counter_number)
        found = s.execute(query).first()
    if found is None:
        return None
    row, clerk_name, number, ticket = found
    code = ticket_code(ticket.letter, ticket.number) if ticket is not None else ""
    return RatingRequest(row.id, row.at, clerk_name or "", number, code)


def skip_request(db: Database, request_id: int, clock: Clock | None = None) -> None:
    """The citizen closed the window, or left it untouched: nothing is rated."""
    now = (clock or SystemClock()).now()
    with db.write() as s:
        changes.bump(s, RATINGS)
        row = s.get(RatingRequestRow, request_id)
        if row is not None and row.state == RequestState.OPEN.value:
            row.state = RequestState.SKIPPED.value
            row.closed_at = now


# ---------------------------------------------------------------- ratings


def submit_rating(
    db: Database,
    request_id: int,
    level: RatingLevel | str,
    reasons: Iterable[RatingReason | str] = (),
    comment: str = "",
    clock: Clock | None = None,
) -> int:
    """Save the citizen's rating for an open request; the rating's id.

    Raises ``ValidationError`` for a bad level, reason or comment and
    ``UserError`` when the request was already answered or replaced.
    """
    chosen = RatingInput.checked(level, reasons, comment)
    now = (clock or SystemClock()).now()
    with db.write() as s:
        changes.bump(s, RATINGS)
        request = s.get(RatingRequestRow, request_id)
        if request is None:
            raise NotFound(translate("Ratings", "Không tìm thấy lời mời đánh giá này."))
        if request.state != RequestState.OPEN.value:
            raise UserError(
                translate("Ratings", "Lượt đánh giá này đã kết thúc. Xin cảm ơn quý khách.")
            )
        dossier_id = request.dossier_id or _first_dossier(s, request.ticket_id)
        procedure_id = (
            s.scalar(select(DossierRow.procedure_id).where(DossierRow.id == dossier_id))
            if dossier_id is not None
            else None
        )
        rating = RatingRow(
            at=now,
            request_id=request.id,
            ticket_id=request.ticket_id,
            dossier_id=dossier_id,
            procedure_id=procedure_id,
            clerk_id=request.clerk_id,
            counter_id=request.counter_id,
            level=chosen.level.value,
            reasons=json.dumps([r.value for r in chosen.reasons]),
            comment=chosen.comment,
        )
        s.add(rating)
        request.state = RequestState.RATED.value
        request.closed_at = now
        s.flush()
        return rating.id


def _first_dossier(s: Session, ticket_id: int | None) -> int | None:
    """A ticket's first dossier: the procedure a ticket's rating is counted under."""
    if ticket_id is None:
        return None
    return s.scalar(
        select(QueueTicketDossierRow.dossier_id)
        .where(QueueTicketDossierRow.ticket_id == ticket_id)
        .order_by(QueueTicketDossierRow.linked_at, QueueTicketDossierRow.dossier_id)
        .limit(1)
    )


def _reasons(text: str) -> tuple[RatingReason, ...]:
    out = []
    for value in json.loads(text or "[]"):
        try:
            out.append(RatingReason(value))
        except ValueError:
            continue
    return tuple(out)


# ---------------------------------------------------------------- supervisor alert


def last_rating_id(db: Database) -> int:
    """Where a supervisor's window starts watching (older ratings are not alerts)."""
    with db.read() as s:
        return s.scalar(select(func.max(RatingRow.id))) or 0


def unhappy_since(db: Database, event_id: int) -> list[UnhappyRating]:
    """The "không hài lòng" ratings after rating ``event_id``, oldest first.

    The main window keeps the id of the last one it showed and polls with it.
    """
    with db.read() as s:
        rows = s.execute(
            select(
                RatingRow,
                UserRow.full_name,
                QueueCounterRow.number,
                QueueTicketRow.letter,
                QueueTicketRow.number,
                DossierRow.code,
                ProcedureRow.name,
            )
            .outerjoin(UserRow, UserRow.id == RatingRow.clerk_id)
            .outerjoin(QueueCounterRow, QueueCounterRow.id == RatingRow.counter_id)
            .outerjoin(QueueTicketRow, QueueTicketRow.id == RatingRow.ticket_id)
            .outerjoin(DossierRow, DossierRow.id == RatingRow.dossier_id)
            .outerjoin(ProcedureRow, ProcedureRow.id == RatingRow.procedure_id)
            .where(RatingRow.id > event_id, RatingRow.level == RatingLevel.UNSATISFIED.value)
            .order_by(RatingRow.id)
        ).all()
    return [
        UnhappyRating(
            id=rating.id,
            at=rating.at,
            clerk_name=clerk or "",
            counter_number=counter,
            ticket_code=ticket_code(letter, number) if letter else "",
            dossier_code=dossier or "",
            procedure_name=procedure or "",
            reasons=tuple(REASON_LABELS[r] for r in _reasons(rating.reasons)),
            comment=rating.comment,
        )
        for rating, clerk, counter, letter, number, dossier, procedure in rows
    ]


# ---------------------------------------------------------------- reports


def period_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From the start of ``first`` to the end of ``last``, Vietnam time."""
    if last < first:
        raise UserError(translate("Ratings", "Ngày cuối của kỳ báo cáo phải sau ngày đầu."))
    start = datetime.combine(first, time(0), VN_TZ)
    return start, datetime.combine(last + timedelta(days=1), time(0), VN_TZ)


def summary(
    db: Database, first: date, last: date, by: GroupBy | str = "clerk"
) -> list[RatingTally]:
    """Ratings given from ``first`` to ``last`` (inclusive), tallied per clerk, counter or
    procedure; the biggest groups first. A rating without a clerk, counter or dossier is
    tallied under "(không rõ)"."""
    if by not in GROUPINGS:
        raise UserError(
            translate(
                "Ratings", "Không có cách nhóm '{by}': chọn clerk, counter hoặc procedure."
            ).format(by=by)
        )
    start, end = period_bounds(first, last)
    key_column, label_column, join = {
        "clerk": (
            RatingRow.clerk_id,
            UserRow.full_name,
            (UserRow, UserRow.id == RatingRow.clerk_id),
        ),
        "counter": (
            RatingRow.counter_id,
            QueueCounterRow.number,
            (QueueCounterRow, QueueCounterRow.id == RatingRow.counter_id),
        ),
        "procedure": (
            RatingRow.procedure_id,
            ProcedureRow.name,
            (ProcedureRow, ProcedureRow.id == RatingRow.procedure_id),
        ),
    }[by]
    with db.read() as s:
        rows = s.execute(
            select(key_column, label_column, RatingRow.level, RatingRow.reasons)
            .outerjoin(*join)
            .where(RatingRow.at >= start, RatingRow.at < end)
        ).all()
    tallies: dict[str, RatingTally] = {}
    for key, label, level, reasons in rows:
        name = "" if key is None else str(key)
        shown = _group_label(by, label) if key is not None else translate("Ratings", "(không rõ)")
        tally = tallies.setdefault(name, RatingTally(name, shown))
        tally.add(RatingLevel(level), _reasons(reasons))
    return sorted(tallies.values(), key=lambda t: (-t.total, t.label))


def _group_label(by: str, label: object) -> str:
    if by == "counter":
        return translate("Ratings", "Quầy {number}").format(number=label)
    return str(label or "")
