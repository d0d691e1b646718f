"""The figures of a period counted in SQL, by field, procedure, department or clerk.

Every figure of ``desk.domain.statistics`` is one boolean expression on a
dossier row (``figure_conditions``): the counts sum it in grouped queries, and
the list of the dossiers behind a figure filters on the very same expression,
so a count and its list always agree.

Built for a million dossiers. Every dossier a period's figures can touch was
either decided at or after the moment "carried over" is measured, or is not
decided at all, and was received before the period's end (a decision follows
its receipt). So the counts read three index ranges of ``decided_at`` (in
the period, after it, and ``IS NULL``), grouped by the breakdown's key (a few
dozen rows, summed in Python into the totals), without ever loading the
dossiers themselves; a year's dashboard groups by the months of receipt and
decision instead, and gets its trend from the same pass. The cost is the
rows decided since the period began: a past year's figures read that year's
and every later decision once. The SQL is plain (CASE, COALESCE, EXISTS,
correlated counts, month boundaries computed in Python): it runs the same on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from desk.domain.dossier import DossierStatus, ResultClass
from desk.domain.lifecycle import StepKind
from desk.domain.procedure import Channel
from desk.domain.statistics import Figure, Figures, Period
from desk.storage.tables import ApologyRow, DossierRow, DossierStepRow

D = DossierRow
#: The clerk in charge of a dossier: its assignee, else the clerk who received it.
CLERK_OF = func.coalesce(D.assignee_id, D.clerk_id)


#: The smallest step of a stored moment: "up to and including now" is "before now + this".
INSTANT = timedelta(microseconds=1)


@dataclass(frozen=True)
class Moments:
    """The instants a period's figures are measured at (all Vietnam-time aware).

    Every condition counts what happened *before* ``pending_at``. At the period's
    end that is right (what happens at 00:00 belongs to the next period); while the
    period runs, the figures are those of now, and what was recorded at this very
    instant (a letter, a decision) has happened: the worklist, which reads the
    dossiers as they are, already shows it. So ``pending_at`` is then one
    ``INSTANT`` after now, and ``shown_at`` the moment the screens print.
    """

    start: datetime
    end: datetime
    pending_at: datetime  # the end, or just after now while the period runs
    carried_at: datetime  # the start (now, for a period still to come)
    shown_at: datetime  # the end, or now: "đang giải quyết tính đến ..."

    @classmethod
    def of(cls, period: Period, now: datetime) -> Moments:
        shown = period.pending_moment(now)
        pending = min(shown + INSTANT, period.end) if period.contains(now) else shown
        return cls(period.start, period.end, pending, period.carried_moment(now), shown)

    @property
    def ended(self) -> bool:
        """The period is over: its figures are measured at its end, and stay the same
        statements however often they are read."""
        return self.pending_at >= self.end


def _steps_before(kind: StepKind, moment: datetime) -> ColumnElement[int]:
    return (
        select(func.count(DossierStepRow.id))
        .where(
            DossierStepRow.dossier_id == D.id,
            DossierStepRow.kind == kind.value,
            DossierStepRow.at < moment,
        )
        .scalar_subquery()
    )


def waiting_for_papers(moment: datetime) -> ColumnElement[bool]:
    """Waiting for the citizen's missing papers at ``moment``: more requests than arrivals
    before it (the clock stops meanwhile, Decree 118/2025 art. 19(5))."""
    return and_(
        D.supplement_round > 0,
        _steps_before(StepKind.SUPPLEMENT_REQUEST, moment)
        > _steps_before(StepKind.SUPPLEMENT_RECEIVED, moment),
    )


def pending_at(moment: datetime) -> ColumnElement[bool]:
    """Received before ``moment``, neither decided nor closed by then."""
    return and_(
        D.received_at < moment,
        or_(D.decided_at.is_(None), D.decided_at >= moment),
        or_(D.closed_at.is_(None), D.closed_at >= moment),
    )


def _has_apology() -> ColumnElement[bool]:
    return exists().where(ApologyRow.dossier_id == D.id)


def _apologised_by(moment: datetime) -> ColumnElement[bool]:
    return exists().where(ApologyRow.dossier_id == D.id, ApologyRow.made_at < moment)


def due_at(moment: datetime) -> ColumnElement[Any]:
    """The due time a dossier had at ``moment``: its due time now, unless its apology
    (the one change of date, Decree 118/2025 art. 19(6)) was made after ``moment``."""
    later = (
        select(ApologyRow.old_due_at)
        .where(ApologyRow.dossier_id == D.id, ApologyRow.made_at >= moment)
        .scalar_subquery()
    )
    return func.coalesce(later, D.due_at)


def _in(column, m: Moments) -> ColumnElement[bool]:  # noqa: ANN001
    return and_(column >= m.start, column < m.end)


def figure_conditions(m: Moments) -> dict[Figure, ColumnElement[bool]]:
    """Each figure as a condition on one dossier row (the definitions of
    ``desk.domain.statistics``, written once for counting and listing)."""
    received = _in(D.received_at, m)
    decided = and_(D.decided_at.is_not(None), _in(D.decided_at, m))
    late = and_(decided, D.result_class == ResultClass.LATE.value)
    pending = pending_at(m.pending_at)
    running = and_(pending, not_(waiting_for_papers(m.pending_at)))
    # "Quá hạn" is past the date the office owes the result at that moment, as the
    # worklist's band counts it: an apology's new date counts from when it was made.
    overdue = and_(running, due_at(m.pending_at) < m.pending_at)
    # Late against the receipt's appointment (the legal lateness): needs an apology.
    late_now = and_(running, D.appointment_at < m.pending_at)
    asked = exists().where(
        DossierStepRow.dossier_id == D.id,
        DossierStepRow.kind == StepKind.SUPPLEMENT_REQUEST.value,
        _in(DossierStepRow.at, m),
    )
    return {
        Figure.RECEIVED: received,
        Figure.RECEIVED_ONLINE: and_(received, D.channel == Channel.ONLINE.value),
        Figure.RECEIVED_DIRECT: and_(received, D.channel != Channel.ONLINE.value),
        Figure.CARRIED_OVER: pending_at(m.carried_at),
        Figure.DECIDED: decided,
        Figure.EARLY: and_(decided, D.result_class == ResultClass.EARLY.value),
        Figure.ON_TIME: and_(decided, D.result_class == ResultClass.ON_TIME.value),
        Figure.LATE: late,
        Figure.PENDING: pending,
        Figure.PENDING_IN_TIME: and_(pending, not_(overdue)),
        Figure.PENDING_OVERDUE: overdue,
        Figure.REFUSED: and_(D.status == DossierStatus.REFUSED.value, _in(D.closed_at, m)),
        Figure.STOPPED: and_(D.status == DossierStatus.STOPPED.value, _in(D.closed_at, m)),
        Figure.LATE_WITH_APOLOGY: and_(late, _has_apology()),
        Figure.LATE_WITHOUT_APOLOGY: and_(late, not_(_has_apology())),
        Figure.OVERDUE_WITHOUT_APOLOGY: and_(late_now, not_(_apologised_by(m.pending_at))),
        Figure.SUPPLEMENT_REQUESTED: and_(D.supplement_round > 0, asked),
        Figure.CAME_BACK_ONCE: and_(decided, D.comebacks == 1),
        Figure.CAME_BACK_MORE: and_(decided, D.comebacks >= 2),
    }


#: The figures of a decision in the period, and of a dossier pending at its end.
DECIDED_FAMILY = frozenset(
    {
        Figure.DECIDED,
        Figure.EARLY,
        Figure.ON_TIME,
        Figure.LATE,
        Figure.LATE_WITH_APOLOGY,
        Figure.LATE_WITHOUT_APOLOGY,
        Figure.CAME_BACK_ONCE,
        Figure.CAME_BACK_MORE,
    }
)
PENDING_FAMILY = frozenset(
    {Figure.PENDING, Figure.PENDING_IN_TIME, Figure.PENDING_OVERDUE, Figure.OVERDUE_WITHOUT_APOLOGY}
)
CLOSED_FAMILY = frozenset({Figure.REFUSED, Figure.STOPPED})


@dataclass(frozen=True)
class Branch:
    """One index range of ``decided_at``, and the figures a dossier in it can count in."""

    where: ColumnElement[bool]
    figures: frozenset[Figure]


def branches(m: Moments) -> list[Branch]:
    """The three ranges every counted dossier lies in (see the module's docstring).

    Decided before the period's end: never refused or stopped (those are never
    decided), and not pending at the end once the period is over. Decided after
    its end: not decided in it. Not decided: no decision figures. Leaving out
    what cannot hold saves evaluating it on every row.
    """
    before_end = D.received_at < m.end
    everything = frozenset(Figure)
    return [
        Branch(
            and_(D.decided_at >= m.carried_at, D.decided_at < m.end),
            everything - CLOSED_FAMILY - (PENDING_FAMILY if m.ended else frozenset()),
        ),
        Branch(
            and_(D.decided_at >= m.end, before_end), everything - CLOSED_FAMILY - DECIDED_FAMILY
        ),
        Branch(and_(D.decided_at.is_(None), before_end), everything - DECIDED_FAMILY),
    ]


#: The figures stored in ``Figures`` (``PENDING`` is their sum, not a column).
COUNTED = tuple(f for f in Figure if f is not Figure.PENDING)


@dataclass
class Group:
    """The figures of one breakdown row, and the labels read with them."""

    key: tuple[Any, ...]
    labels: tuple[Any, ...]
    figures: Figures = field(default_factory=Figures)


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def _scores(decided: ColumnElement[bool]) -> list[ColumnElement[int]]:
    """Sums of the art. 13 scores over the decided dossiers (2/1/0 each)."""
    time_points = case(
        (D.result_class == ResultClass.EARLY.value, 2),
        (D.result_class == ResultClass.ON_TIME.value, 1),
        else_=0,
    )
    comeback_points = case((D.comebacks <= 0, 2), (D.comebacks == 1, 1), else_=0)
    return [
        func.sum(case((decided, time_points), else_=0)),
        func.sum(case((decided, comeback_points), else_=0)),
    ]


def count_groups(
    s: Session,
    m: Moments,
    keys: Sequence[ColumnElement[Any]],
    labels: Sequence[ColumnElement[Any]] = (),
) -> list[Group]:
    """Every figure, grouped by ``keys`` (one breakdown: a field, a procedure...);
    ``labels`` are aggregates read along (e.g. the procedure's name)."""
    n_keys, n_labels = len(keys), len(labels)
    merged: dict[tuple[Any, ...], Group] = {}
    build = _kept_statements if m.ended else _grouped_statements
    for counted, scored, statement in build(m, tuple(keys), tuple(labels)):
        for row in s.execute(statement):
            key = tuple(row[:n_keys])
            group = merged.setdefault(key, Group(key, tuple(row[n_keys : n_keys + n_labels])))
            flags = row[n_keys + n_labels :]
            found = Figures(**{f.value: int(v or 0) for f, v in zip(counted, flags)})
            if scored:
                found.time_score_total = int(flags[-2] or 0)
                found.comeback_score_total = int(flags[-1] or 0)
            group.figures.add(found)
    return [g for g in merged.values() if any(g.figures.as_dict().values())]


def _grouped_statements(
    m: Moments, keys: tuple[ColumnElement[Any], ...], labels: tuple[ColumnElement[Any], ...]
) -> tuple[tuple[tuple[Figure, ...], bool, Select[Any]], ...]:
    """The grouped statements of ``count_groups``, one per branch, with the figures each
    counts and whether it sums the scores."""
    conditions = figure_conditions(m)
    out = []
    for branch in branches(m):
        counted = tuple(f for f in COUNTED if f in branch.figures)
        scored = Figure.DECIDED in branch.figures
        columns = [*keys, *labels, *(_flag(conditions[f]) for f in counted)]
        if scored:
            columns += _scores(conditions[Figure.DECIDED])
        out.append((counted, scored, select(*columns).where(branch.where).group_by(*keys)))
    return tuple(out)


#: An ended period's statements, kept: read again, or in another breakdown's turn, its
#: report runs the SQL only (building these expressions costs more than running them on
#: a small office's year). A running period's moments move with every read, so its
#: statements are built each time rather than filling this with ones never used again
#: (some 110 KiB each).
_kept_statements = lru_cache(maxsize=8)(_grouped_statements)


def listing_statements(m: Moments, figure: Figure, extra: Iterable[ColumnElement[bool]] = ()):
    """The WHERE clauses that list the dossiers behind ``figure``, one per branch it can be in."""
    condition = figure_conditions(m)[figure]
    return [and_(b.where, condition, *extra) for b in branches(m) if figure in b.figures]


# --- the monthly trend -------------------------------------------------------------------


@dataclass
class MonthCounts:
    """Received and decided in one month of the trend."""

    month: Period
    received: int = 0
    decided: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return (self.early + self.on_time) / self.decided if self.decided else None


def _bucket(column, months: list[Period]) -> ColumnElement[int]:  # noqa: ANN001
    """The month a moment falls in, as its index: a CASE over month boundaries computed
    in Python (Vietnam midnights), so no database date function is needed."""
    return case(*((column < p.end, i) for i, p in enumerate(months)), else_=len(months))


def count_months(s: Session, months: list[Period]) -> list[MonthCounts]:
    """One row per month: received, decided, and the decisions' classes."""
    out = [MonthCounts(p) for p in months]
    if not months:
        return out
    first, last = months[0].start, months[-1].end
    received = _bucket(D.received_at, months)
    for index, n in s.execute(
        select(received, func.count())
        .where(D.received_at >= first, D.received_at < last)
        .group_by(received)
    ):
        if index < len(out):
            out[index].received = n
    decided = _bucket(D.decided_at, months)
    stmt = (
        select(
            decided,
            func.count(),
            _flag(D.result_class == ResultClass.EARLY.value),
            _flag(D.result_class == ResultClass.ON_TIME.value),
            _flag(D.result_class == ResultClass.LATE.value),
        )
        .where(D.decided_at >= first, D.decided_at < last)
        .group_by(decided)
    )
    for index, n, early, on_time, late in s.execute(stmt):
        if index < len(out):
            out[index].decided, out[index].early = n, int(early or 0)
            out[index].on_time, out[index].late = int(on_time or 0), int(late or 0)
    return out


def count_with_months(
    s: Session, m: Moments, months: list[Period]
) -> tuple[Figures, list[MonthCounts]]:
    """The totals and the monthly trend in one pass, for a period made of whole
    ``months`` (a year's dashboard): the groups are the months of receipt and of
    decision, so the trend needs no second reading of the same dossiers."""
    groups = count_groups(s, m, [_bucket(D.received_at, months), _bucket(D.decided_at, months)])
    total = Figures()
    out = [MonthCounts(p) for p in months]
    for g in groups:
        f = g.figures
        total.add(f)
        received_in, decided_in = g.key
        if received_in < len(out):
            out[received_in].received += f.received
        if decided_in < len(out):
            month = out[decided_in]
            month.decided += f.decided
            month.early += f.early
            month.on_time += f.on_time
            month.late += f.late
    return total, out
