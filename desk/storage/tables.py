"""The database tables, as typed SQLAlchemy 2 declarative classes.

Every change here comes with an Alembic revision in ``storage/migrations``;
``tests/storage/test_migrations.py`` proves the two agree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desk.storage.types import UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every class here maps a table of its own (SQLAlchemy allows any FROM clause).
    __table__: ClassVar[Table]


class OfficeRow(Base):
    """The one office this database belongs to (a single row, id 1)."""

    __tablename__ = "office"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(String(300), default="")
    hotline: Mapped[str] = mapped_column(String(40), default="")
    head_title: Mapped[str] = mapped_column(String(100), default="")
    head_name: Mapped[str] = mapped_column(String(100), default="")


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default="clerk")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class ProcedureRow(Base):
    __tablename__ = "procedures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text, default="")
    field: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(40), default="")  # a Level key, or ""
    limit_kind: Mapped[str] = mapped_column(String(20))
    limit_amount: Mapped[int] = mapped_column(Integer, default=0)
    cutoff: Mapped[str] = mapped_column(String(5), default="")
    fee: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    online_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    papers: Mapped[list[ProcedurePaperRow]] = relationship(
        order_by="ProcedurePaperRow.position", cascade="all, delete-orphan"
    )
    channel_limits: Mapped[list[ChannelLimitRow]] = relationship(cascade="all, delete-orphan")


class ProcedurePaperRow(Base):
    __tablename__ = "procedure_papers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer, default=1)
    optional: Mapped[bool] = mapped_column(Boolean, default=False)


class ChannelLimitRow(Base):
    """A limit that differs by channel (e.g. land: 27 days at the counter, 17 online)."""

    __tablename__ = "procedure_channel_limits"
    __table_args__ = (UniqueConstraint("procedure_id", "channel"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(20))
    limit_kind: Mapped[str] = mapped_column(String(20))
    limit_amount: Mapped[int] = mapped_column(Integer, default=0)
    cutoff: Mapped[str] = mapped_column(String(5), default="")


class CalendarDayRow(Base):
    """An office's own day off on a weekday, or a make-up working Saturday.

    ``source`` names the text it comes from; ``status`` is a ``DayStatus`` value
    (a proposed day applies only once an admin confirms it).
    """

    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(10), default="confirmed")


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DaySequenceRow(Base):
    """The last dossier number given out for an agency on a day.

    Incremented with an UPDATE before anything else in the saving transaction,
    so two counters saving at once are serialised by the database's row (or,
    on SQLite, file) lock and never get the same number.
    """

    __tablename__ = "day_sequences"
    agency: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class DepartmentRow(Base):
    """A department or agency a dossier can be transferred to (editable list)."""

    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DossierRow(Base):
    __tablename__ = "dossiers"
    __table_args__ = (
        Index("ix_dossiers_status_due", "status", "due_at"),
        Index("ix_dossiers_received_procedure", "received_at", "procedure_code"),
        Index("ix_dossiers_decided_at", "decided_at"),
        Index("ix_dossiers_id_number", "id_number"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    procedure_code: Mapped[str] = mapped_column(String(40))
    procedure_name: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(200))
    applicant_kind: Mapped[str] = mapped_column(String(20))
    applicant_name: Mapped[str] = mapped_column(String(200))
    search_key: Mapped[str] = mapped_column(Text, default="")
    id_number: Mapped[str] = mapped_column(String(20), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    # The channels the applicant agreed at intake to be told through (desk.domain.messages).
    consent_sms: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    consent_email: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    consent_zalo: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    principal: Mapped[str] = mapped_column(String(200), default="")
    channel: Mapped[str] = mapped_column(String(20))
    result_delivery: Mapped[str] = mapped_column(String(20))
    delivery_address: Mapped[str] = mapped_column(String(300), default="")
    sets: Mapped[int] = mapped_column(Integer, default=1)
    note: Mapped[str] = mapped_column(Text, default="")
    fee: Mapped[str] = mapped_column(Text, default="")
    limit_text: Mapped[str] = mapped_column(String(120), default="")
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    appointment_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # What the worklist sorts by: the appointment, or the one new date of an apology.
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(20))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), nullable=True)
    holder: Mapped[str] = mapped_column(String(200), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    result_class: Mapped[str | None] = mapped_column(String(10), nullable=True)
    returned_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    supplement_round: Mapped[int] = mapped_column(Integer, default=0)
    comebacks: Mapped[int] = mapped_column(Integer, default=0)
    return_method: Mapped[str] = mapped_column(String(10), default="")
    tracking_number: Mapped[str] = mapped_column(String(60), default="")
    collected_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    papers: Mapped[list[DossierPaperRow]] = relationship(
        order_by="DossierPaperRow.position", cascade="all, delete-orphan"
    )
    clerk: Mapped[UserRow] = relationship(foreign_keys=[clerk_id])
    assignee: Mapped[UserRow | None] = relationship(foreign_keys=[assignee_id])
    department: Mapped[DepartmentRow | None] = relationship()


class DossierPaperRow(Base):
    __tablename__ = "dossier_papers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer, default=1)
    #: Not handed in: its digitised copy was taken from this earlier dossier (migration 0013).
    reused_from: Mapped[str] = mapped_column(String(60), default="", server_default="")


class DossierStepRow(Base):
    """One step of a dossier's life: the timeline and the control slip (form 05)."""

    __tablename__ = "dossier_steps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(30))
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    from_holder: Mapped[str] = mapped_column(String(200), default="")
    to_holder: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str | None] = mapped_column(String(10), nullable=True)
    data: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    by_user: Mapped[UserRow | None] = relationship()


class AuditRow(Base):
    """Append-only: who changed what, when, with the values before and after.

    The migration adds database triggers that refuse UPDATE and DELETE.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    entity: Mapped[str] = mapped_column(String(30))
    entity_key: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    after: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class ChangeCounterRow(Base):
    """A number bumped in every transaction that changes a topic ("dossiers", "queue").

    Other windows and PCs poll it (one primary-key read) to know when to refresh;
    it works the same on SQLite and PostgreSQL.
    """

    __tablename__ = "change_counters"
    topic: Mapped[str] = mapped_column(String(30), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class ApologyRow(Base):
    """The apology letter (Phiếu xin lỗi và hẹn lại) and the one new date it gives.

    One per dossier at most (``dossier_id`` is unique): the law allows the date
    to be moved once only (Decree 118/2025 art. 19(6)). Numbered per year: "Số: 12/PXL".
    """

    __tablename__ = "apologies"
    __table_args__ = (UniqueConstraint("year", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    old_due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    new_due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    signer_title: Mapped[str] = mapped_column(String(100), default="")
    signer_name: Mapped[str] = mapped_column(String(100), default="")
    notify_method: Mapped[str] = mapped_column(String(20))
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    made_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # Made less than one working day before the appointment: later than the law wants.
    late: Mapped[bool] = mapped_column(Boolean, default=False)


class ApologySequenceRow(Base):
    """The last apology letter number given in a year ("Số: 12/PXL", from 1 each year).

    Incremented with an UPDATE in the apologising transaction, like
    ``DaySequenceRow``, so two counters apologising at once never share a number.
    """

    __tablename__ = "apology_sequences"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer)


# ---------------------------------------------------------------------------
# Citizen satisfaction (migration 0006). Levels and reasons live in
# desk/domain/rating.py; transactions in desk/services/ratings.py.
# ---------------------------------------------------------------------------


class RatingRequestRow(Base):
    """A service that just ended and awaits the citizen's rating on the rating window.

    Written when the clerk finishes a ticket or returns a result; the window facing
    the citizen polls for the newest open one. ``state``: open, rated, skipped, expired.
    """

    __tablename__ = "rating_requests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("queue_tickets.id"), nullable=True)
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossiers.id"), nullable=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("queue_counters.id"), nullable=True)
    state: Mapped[str] = mapped_column(String(10), index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class RatingRow(Base):
    """One citizen's rating of one service, on the four levels of the national index.

    Linked to the ticket, the dossier (and its procedure), the clerk and the counter
    so the reports can group by each. ``reasons`` is a JSON list of reason codes.
    """

    __tablename__ = "ratings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("rating_requests.id"), nullable=True, unique=True
    )
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("queue_tickets.id"), nullable=True)
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossiers.id"), nullable=True)
    procedure_id: Mapped[int | None] = mapped_column(ForeignKey("procedures.id"), nullable=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("queue_counters.id"), nullable=True)
    level: Mapped[str] = mapped_column(String(20), index=True)
    reasons: Mapped[str] = mapped_column(Text, default="[]")
    comment: Mapped[str] = mapped_column(Text, default="")


class OnlineGuidanceRow(Base):
    """One printed guide to submitting online: a citizen sent to the national portal.

    Written when the guide of an online-only procedure (Directive 24/CT-TTg) is
    printed at the counter or by ``desk guide``; the reports count them per period.
    ``clerk_id`` is empty when no one was logged in (the command line).
    """

    __tablename__ = "online_guidance"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    procedure_code: Mapped[str] = mapped_column(String(40))


class PresenceRow(Base):
    """A program that has this database open now: a desk, a kiosk, a display (migration 0010).

    Each one writes its row at start, renews ``seen_at`` every 20 seconds and
    deletes the row when it closes (``desk.storage.presence``). A restore reads
    the table to name the PCs still working on the file. A row not renewed for
    two minutes, or whose process is gone from this PC, no longer counts.
    """

    __tablename__ = "presence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    host: Mapped[str] = mapped_column(String(120))
    program: Mapped[str] = mapped_column(String(20))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DecisionTimeRow(Base):
    """The working time one decided dossier took, from receipt to decision (migration 0012).

    Written with the decision (``desk.services.decision_times``), so the at-risk
    list reads a year of medians from one index range instead of working out a
    year of dossiers' working time at every start. A change of the calendar or
    of the office hours works the affected rows out again. The covering index
    serves the window of the last year without reading the table.
    """

    __tablename__ = "decision_times"
    __table_args__ = (
        Index(
            "ix_decision_times_window",
            "decided_at",
            "procedure_code",
            "department_id",
            "working_us",
        ),
    )
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True
    )
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    procedure_code: Mapped[str] = mapped_column(String(40))
    department_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: working microseconds from receipt to decision (the office's sessions on working days)
    working_us: Mapped[int] = mapped_column(BigInteger)


class ScanFileRow(Base):
    """One digitised paper or result: the PDF itself and what vouches for it (migration 0013).

    Kept in the database so every counter sees it and a backup copies it with the
    dossiers (``desk.services.scans``). A dossier that reuses a paper links the same
    file (``DossierScanRow``); a file no dossier links any more is deleted.
    """

    __tablename__ = "scan_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    pages: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(BigInteger)
    pdfa: Mapped[bool] = mapped_column(Boolean, default=False)
    origin_code: Mapped[str] = mapped_column(String(60))  # the dossier it was digitised in
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    made_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class DossierScanRow(Base):
    """A dossier's paper (``position`` as numbered on the receipt; 0: the result) and its scan."""

    __tablename__ = "dossier_scans"
    __table_args__ = (UniqueConstraint("dossier_id", "kind", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    file_id: Mapped[int] = mapped_column(ForeignKey("scan_files.id"), index=True)
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    file: Mapped[ScanFileRow] = relationship()


# The message and queue rows are in modules of their own; imported here, they join
# Base.metadata wherever the tables are known (migrations, a new database).
from desk.storage import message_tables, queue_tables  # noqa: E402, F401
