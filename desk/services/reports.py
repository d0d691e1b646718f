"""Reports for supervisors: a period's figures, their breakdowns, the trend, the queue.

The definitions are in ``desk.domain.statistics``; the SQL that counts them in
``desk.services.report_breakdowns``. ``report`` counts a period by field (form
06/VPCP/KSTT), procedure, department or clerk, with the totals;
``dossiers_behind`` lists the dossiers a figure counts, with the same
conditions. Only supervisors and admins may see reports (``check_access``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from desk.documents import statistics_form
from desk.domain.clock import to_vn
from desk.domain.dossier import ResultClass
from desk.domain.office import Clerk
from desk.domain.roles import Permission, require
from desk.domain.statistics import (
    NO_DEPARTMENT_LABEL,
    Dimension,
    Figure,
    Figures,
    Period,
    trend_months,
)
from desk.domain.text import fold
from desk.domain.translation import translate
from desk.services import office, online_guidance
from desk.services.queue_figures import QueueFigures, queue_figures
from desk.services.report_breakdowns import (
    CLERK_OF,
    Group,
    Moments,
    MonthCounts,
    count_groups,
    count_months,
    count_with_months,
    listing_statements,
)
from desk.storage.database import Database
from desk.storage.tables import DepartmentRow, DossierRow, UserRow

D = DossierRow


def check_access(clerk: Clerk) -> None:
    """Reports are for supervisors and admins (``Permission.REPORTS``)."""
    require(clerk.role, Permission.REPORTS)


@dataclass(frozen=True)
class BreakdownRow:
    """One row of a breakdown: ``key`` finds its dossiers, ``label`` is what is shown."""

    key: str
    label: str
    figures: Figures
    detail: str = ""  # the procedure's code, or the field of a procedure


@dataclass
class Report:
    """A period's figures, in total and by one dimension (field, procedure...)."""

    period: Period
    pending_at: datetime
    carried_at: datetime
    dimension: Dimension
    rows: list[BreakdownRow]
    guided_online: int = 0  # citizens given the printed guide to the national portal

    @property
    def total(self) -> Figures:
        out = Figures()
        for r in self.rows:
            out.add(r.figures)
        return out


def _keys(dimension: Dimension) -> tuple[list, list]:  # noqa: ANN001
    """What a breakdown groups by, and the labels read along with it."""
    if dimension is Dimension.FIELD:
        return [D.field], []
    if dimension is Dimension.PROCEDURE:
        return [D.procedure_code], [func.max(D.procedure_name), func.max(D.field)]
    if dimension is Dimension.DEPARTMENT:
        return [D.department_id], []
    return [CLERK_OF], []


def _rows(s: Session, groups: list[Group], dimension: Dimension) -> list[BreakdownRow]:
    """Breakdown rows with their labels, in reading order."""
    if dimension is Dimension.FIELD:
        rows = [BreakdownRow(g.key[0], g.key[0], g.figures) for g in groups]
    elif dimension is Dimension.PROCEDURE:
        rows = [BreakdownRow(g.key[0], g.labels[0] or g.key[0], g.figures, g.labels[1] or "")
                for g in groups]  # fmt: skip
    elif dimension is Dimension.DEPARTMENT:
        names = dict(s.execute(select(DepartmentRow.id, DepartmentRow.name)).all())
        rows = [
            BreakdownRow("", NO_DEPARTMENT_LABEL, g.figures)
            if g.key[0] is None
            else BreakdownRow(str(g.key[0]), names.get(g.key[0], f"#{g.key[0]}"), g.figures)
            for g in groups
        ]
    else:
        names = dict(s.execute(select(UserRow.id, UserRow.full_name)).all())
        rows = [BreakdownRow(str(g.key[0]), names.get(g.key[0], f"#{g.key[0]}"), g.figures)
                for g in groups]  # fmt: skip
    rows.sort(key=lambda r: (r.key == "", fold(r.detail), fold(r.label), r.key))
    return rows


def report(
    db: Database, period: Period, now: datetime, dimension: Dimension = Dimension.FIELD
) -> Report:
    """Count every figure of ``period`` by ``dimension`` (pending measured at the
    period's end, or ``now`` while it runs)."""
    m = Moments.of(period, now)
    keys, labels = _keys(dimension)
    with db.read() as s:
        rows = _rows(s, count_groups(s, m, keys, labels), dimension)
        guided = online_guidance.count_between(s, m.start, m.end)
    return Report(period, m.shown_at, m.carried_at, dimension, rows, guided)


def trend(db: Database, period: Period) -> list[MonthCounts]:
    """Received and decided per month, for the months of ``trend_months(period)``."""
    with db.read() as s:
        return count_months(s, trend_months(period))


# --- the dossiers behind a figure -------------------------------------------------------


@dataclass(frozen=True)
class ReportDossier:
    """One dossier in the list behind a figure."""

    code: str
    applicant: str
    procedure: str
    field: str
    received_at: datetime
    appointment_at: datetime
    due_at: datetime
    decided_at: datetime | None
    result_class: ResultClass | None
    status: str
    department: str
    clerk: str


def key_condition(dimension: Dimension, key: str):  # noqa: ANN201
    """Rows of one breakdown row (the ``key`` of a ``BreakdownRow``)."""
    if dimension is Dimension.FIELD:
        return D.field == key
    if dimension is Dimension.PROCEDURE:
        return D.procedure_code == key
    if dimension is Dimension.DEPARTMENT:
        return D.department_id.is_(None) if key == "" else D.department_id == int(key)
    return CLERK_OF == int(key)


def dossiers_behind(
    db: Database,
    period: Period,
    now: datetime,
    figure: Figure,
    dimension: Dimension | None = None,
    key: str | None = None,
    limit: int = 2000,
) -> list[ReportDossier]:
    """The dossiers ``figure`` counts (in one breakdown row when ``dimension``/``key``
    are given), oldest receipt first, at most ``limit``."""
    m = Moments.of(period, now)
    extra = [key_condition(dimension, key)] if dimension is not None and key is not None else []
    ids = union_all(
        *(select(D.id, D.received_at).where(w) for w in listing_statements(m, figure, extra))
    ).subquery()
    Assignee = UserRow
    with db.read() as s:
        chosen = list(
            s.scalars(select(ids.c.id).order_by(ids.c.received_at, ids.c.id).limit(limit))
        )
        if not chosen:
            return []
        stmt = (
            select(D, DepartmentRow.name, Assignee.full_name)
            .outerjoin(DepartmentRow, DepartmentRow.id == D.department_id)
            .outerjoin(Assignee, Assignee.id == CLERK_OF)
            .where(D.id.in_(chosen))
            .order_by(D.received_at, D.id)
        )
        return [
            ReportDossier(
                code=d.code,
                applicant=d.applicant_name,
                procedure=d.procedure_name,
                field=d.field,
                received_at=d.received_at,
                appointment_at=d.appointment_at,
                due_at=d.due_at,
                decided_at=d.decided_at,
                result_class=ResultClass(d.result_class) if d.result_class else None,
                status=d.status,
                department=department or "",
                clerk=clerk or "",
            )
            for d, department, clerk in s.execute(stmt)
        ]


# --- the queue ---------------------------------------------------------------------------


@dataclass
class QueueLine:
    """Waiting and service times of a clerk, a service group or the whole office."""

    label: str
    called: int = 0
    served: int = 0
    no_shows: int = 0
    not_called: int = 0
    wait_minutes_total: float = 0.0
    wait_minutes_max: float = 0.0
    service_minutes_total: float = 0.0

    @property
    def average_wait_minutes(self) -> float | None:
        return self.wait_minutes_total / self.called if self.called else None

    @property
    def average_service_minutes(self) -> float | None:
        return self.service_minutes_total / self.served if self.served else None

    def add(self, f: QueueFigures) -> None:
        self.called += f.called
        self.served += f.served
        self.no_shows += f.no_shows
        self.not_called += f.not_called
        self.wait_minutes_total += f.wait_minutes_total
        self.wait_minutes_max = max(self.wait_minutes_max, f.wait_minutes_max)
        self.service_minutes_total += f.service_minutes_total


@dataclass
class QueueSummary:
    total: QueueLine
    by_clerk: list[QueueLine]
    by_group: list[QueueLine]


def queue_summary(db: Database, period: Period) -> QueueSummary:
    """The queue's figures over the period's days, in total, per clerk and per group."""
    total = QueueLine(translate("Reports", "Toàn cơ quan"))
    clerks: dict[str, QueueLine] = {}
    groups: dict[str, QueueLine] = {}
    for f in queue_figures(db, period.first, period.last):
        total.add(f)
        if f.clerk_name:
            clerks.setdefault(f.clerk_name, QueueLine(f.clerk_name)).add(f)
        label = f"{f.group_letter} - {f.group_name}"
        groups.setdefault(label, QueueLine(label)).add(f)
    return QueueSummary(
        total,
        sorted(clerks.values(), key=lambda q: fold(q.label)),
        sorted(groups.values(), key=lambda q: q.label),
    )


@dataclass
class Dashboard:
    """What the dashboard shows first: the totals, the monthly trend, the queue."""

    period: Period
    pending_at: datetime
    total: Figures
    months: list[MonthCounts]
    queue: QueueSummary
    guided_online: int = 0  # printed guides to the national portal (online-only procedures)


def dashboard(db: Database, period: Period, now: datetime) -> Dashboard:
    """The totals and the trend; for a period of whole months that are the trend's
    own (a year), both come from one pass over the dossiers."""
    m = Moments.of(period, now)
    months = trend_months(period)
    whole = [(p.first, p.last) for p in months] == [(p.first, p.last) for p in period.months()]
    with db.read() as s:
        if whole:
            total, counts = count_with_months(s, m, months)
        else:
            total = Figures()
            for group in count_groups(s, m, []):
                total.add(group.figures)
            counts = count_months(s, months)
        guided = online_guidance.count_between(s, m.start, m.end)
    return Dashboard(period, m.shown_at, total, counts, queue_summary(db, period), guided)


# --- form 06/VPCP/KSTT and the figures as data ------------------------------------------


def statistics_form_data(
    db: Database, period: Period, now: datetime, made_on: date | None = None
) -> statistics_form.StatisticsForm:
    """Form 06/VPCP/KSTT: one row per field, with the totals."""
    the_report = report(db, period, now)
    the_office = office.get_office(db)
    place = office.document_place(db, the_office)
    return statistics_form.StatisticsForm(
        office=the_office,
        place=place,
        period=period,
        rows=tuple(statistics_form.FormRow(r.label, r.figures) for r in the_report.rows),
        total=the_report.total,
        pending_at=the_report.pending_at,
        made_on=made_on or to_vn(now).date(),
    )


def statistics_form_pdf(db: Database, period: Period, now: datetime, path: str | Path) -> Path:
    return statistics_form.write(statistics_form_data(db, period, now), path)


def as_record(the_report: Report) -> dict[str, Any]:
    """The figures as plain data (``desk report --format json``): the totals at the top
    level, and ``by_<dimension>`` with one entry per row with the same keys.
    ``guided_online`` counts the guides to the national portal printed in the period
    (online-only procedures, Directive 24/CT-TTg): citizens sent online, not dossiers."""
    dimension = the_report.dimension
    out: dict[str, Any] = {
        "period": {
            "from": the_report.period.first.isoformat(),
            "to": the_report.period.last.isoformat(),
            "title": the_report.period.title,
        },
        "scope": "office",  # the whole office (desk.domain.scope); by_clerk rows: each clerk's
        "pending_measured_at": the_report.pending_at.isoformat(),
        **the_report.total.as_dict(),
        "guided_online": the_report.guided_online,
    }
    out[f"by_{dimension.value}"] = [
        {dimension.value: r.label, "key": r.key, **r.figures.as_dict()} for r in the_report.rows
    ]
    return out


def as_csv(the_report: Report) -> str:
    """One line per breakdown row and a last line of totals; headings are the JSON keys."""
    dimension = the_report.dimension
    rows = [(r.label, r.figures.as_dict()) for r in the_report.rows]
    rows.append((translate("Reports", "Tổng cộng"), the_report.total.as_dict()))
    keys = list(rows[-1][1])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([dimension.value, *keys])
    for label, values in rows:
        writer.writerow([label, *("" if values[k] is None else values[k] for k in keys)])
    return buffer.getvalue()
