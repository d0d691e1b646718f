"""The working time each decision took (``decision_times``), filled for past decisions.

The at-risk list reads the last year's medians from this table instead of
working out a year of dossiers at every first window of the day. Decisions
made from now on write their row themselves (``desk.services.decision_times``);
this revision works out the rows of the decisions already made, with the
office's calendar and hours as they are now (read here with plain SQL, so the
revision does not depend on the services of a later version).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-13
"""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

from desk.domain.calendar import CalendarDay, DayKind, DayStatus, WorkingCalendar
from desk.domain.clock import to_vn
from desk.domain.office_hours import OfficeHours
from desk.domain.risk import WorkingTimeline
from desk.storage.types import UtcDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

BATCH = 10_000
DEFAULT_HOURS = "07:30-11:30, 13:30-17:00"
_MICROSECOND = timedelta(microseconds=1)


def upgrade() -> None:
    op.create_table(
        "decision_times",
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("procedure_code", sa.String(length=40), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("working_us", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_decision_times_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("dossier_id", name=op.f("pk_decision_times")),
    )
    op.create_index(
        "ix_decision_times_window",
        "decision_times",
        ["decided_at", "procedure_code", "department_id", "working_us"],
    )
    _fill(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_decision_times_window", table_name="decision_times")
    op.drop_table("decision_times")


def _calendar(conn: sa.Connection) -> WorkingCalendar:
    settings: dict[str, str] = dict(
        conn.execute(
            sa.text(
                "SELECT key, value FROM settings "
                "WHERE key IN ('office_hours', 'calendar_confirmed_years')"
            )
        ).all()
    )
    days = [
        CalendarDay(
            r.day if isinstance(r.day, date) else date.fromisoformat(r.day),
            DayKind(r.kind),
            r.note or "",
            r.source or "",
            DayStatus(r.status or "confirmed"),
        )
        for r in conn.execute(
            sa.text("SELECT day, kind, note, source, status FROM calendar_days")
        ).all()
    ]
    years = settings.get("calendar_confirmed_years", "").replace(" ", "").split(",")
    return WorkingCalendar(
        office_hours=OfficeHours.parse(settings.get("office_hours") or DEFAULT_HOURS),
        special_days=days,
        confirmed_years=frozenset(int(y) for y in years if y.isdigit()),
    )


def _fill(conn: sa.Connection) -> None:
    dossiers = sa.table(
        "dossiers",
        sa.column("id", sa.Integer()),
        sa.column("received_at", UtcDateTime()),
        sa.column("decided_at", UtcDateTime()),
        sa.column("procedure_code", sa.String()),
        sa.column("department_id", sa.Integer()),
    )
    times = sa.table(
        "decision_times",
        sa.column("dossier_id", sa.Integer()),
        sa.column("decided_at", UtcDateTime()),
        sa.column("received_at", UtcDateTime()),
        sa.column("procedure_code", sa.String()),
        sa.column("department_id", sa.Integer()),
        sa.column("working_us", sa.BigInteger()),
    )
    decided = dossiers.c.decided_at.is_not(None)
    first, last = conn.execute(
        sa.select(sa.func.min(dossiers.c.received_at), sa.func.max(dossiers.c.decided_at)).where(
            decided
        )
    ).one()
    if first is None or last is None:
        return
    timeline = WorkingTimeline(_calendar(conn), to_vn(first).date(), to_vn(last).date())
    after = 0
    while True:
        batch = conn.execute(
            sa.select(dossiers)
            .where(decided, dossiers.c.id > after)
            .order_by(dossiers.c.id)
            .limit(BATCH)
        ).all()
        if not batch:
            return
        conn.execute(
            times.insert(),
            [
                {
                    "dossier_id": r.id,
                    "decided_at": r.decided_at,
                    "received_at": r.received_at,
                    "procedure_code": r.procedure_code,
                    "department_id": r.department_id,
                    "working_us": timeline.between(r.received_at, r.decided_at) // _MICROSECOND,
                }
                for r in batch
            ],
        )
        after = batch[-1].id
