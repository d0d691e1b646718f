"""The report figures agree with an independent count, row by row in Python.

A demo office (1,500 dossiers over six months) plus a few dossiers made through
the real services for the cases the demo lacks: two comebacks, one still waiting
for papers past its appointment, an apology, a receipt at 06:45 on the first of
a month (the previous day in UTC). The oracle below reads every dossier, step
and apology and applies the definitions of ``desk.domain.statistics`` in plain
Python; the SQL counts, breakdowns, lists and trend must match it exactly.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.lifecycle import StepKind, SupplementRequest
from desk.domain.statistics import Dimension, Figure, Period, comeback_score, time_score
from desk.services import accounts, apologies, catalog, demo, reports, steps
from desk.services.intake import record_intake
from desk.storage.database import Database, open_database
from desk.storage.tables import ApologyRow, DossierRow, DossierStepRow

TODAY = date(2026, 3, 10)
#: After every demo event (the demo's own "now" is 16:00, receipts run to 17:00).
NOW = datetime(2026, 3, 10, 23, 0, tzinfo=VN_TZ)
PROCEDURE = "1.004873"  # 3 working days

PERIODS = [
    Period.month(2026, 2),
    Period.quarter(2026, 1),  # still running on TODAY: pending is measured now
    Period.custom(date(2025, 11, 15), date(2026, 1, 20)),
    Period.month(2025, 12),
    Period.year(2025),
]


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


def _intake(db: Database, clerk, at: datetime, name: str) -> str:
    p = catalog.get_procedure(db, PROCEDURE)
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name=name, id_number="079090001234", phone="0912345678"),
        papers=[ReceivedPaper(p.papers[0].name, p.papers[0].form, 1)],
    )
    return record_intake(db, draft, clerk, FixedClock(at)).code


def _ask(db: Database, clerk, code: str, at: datetime) -> None:
    paper = catalog.get_procedure(db, PROCEDURE).papers[0].name
    request = SupplementRequest((paper,), "Tờ khai thiếu chữ ký")
    steps.request_supplement(db, clerk, code, request, FixedClock(at))


def add_hand_made(db: Database, clerk) -> dict[str, str]:
    """The cases the demo does not make; their codes by what they show."""
    codes = {}
    twice = _intake(db, clerk, vn(2026, 2, 2, 9), "Trần Văn Hai Lần")
    _ask(db, clerk, twice, vn(2026, 2, 3, 9))
    steps.receive_supplement(db, clerk, twice, FixedClock(vn(2026, 2, 5, 9)))
    _ask(db, clerk, twice, vn(2026, 2, 6, 10))
    steps.receive_supplement(db, clerk, twice, FixedClock(vn(2026, 2, 9, 9)))
    apologies.make_apology(
        db,
        clerk,
        twice,
        "Chờ xác minh",
        vn(2026, 2, 23, 9),
        "letter",
        FixedClock(vn(2026, 2, 11, 8)),
    )
    steps.mark_ready(db, clerk, twice, FixedClock(vn(2026, 2, 24, 10)))
    codes["twice"] = twice
    waiting = _intake(db, clerk, vn(2026, 2, 25, 9), "Lê Thị Chờ Giấy")
    _ask(db, clerk, waiting, vn(2026, 2, 26, 9))
    codes["waiting"] = waiting
    codes["dawn"] = _intake(db, clerk, vn(2025, 12, 1, 6, 45), "Phạm Văn Sớm")
    return codes


def add_apologies(db: Database, clerk) -> None:
    """Apologies for some late decisions (written straight into the table, as a past
    year's letters would be) and, through the service, for one overdue running dossier."""
    with db.write() as s:
        made = set(s.scalars(select(ApologyRow.dossier_id)))
        late = s.scalars(
            select(DossierRow).where(DossierRow.result_class == "late").order_by(DossierRow.id)
        ).all()
        for n, row in enumerate([r for r in late if r.id not in made][::4], start=100):
            s.add(
                ApologyRow(
                    dossier_id=row.id,
                    year=2026,
                    number=n,
                    reason="Chậm xác minh",
                    old_due_at=row.appointment_at,
                    new_due_at=row.decided_at,
                    notify_method="letter",
                    made_at=row.appointment_at,
                    made_by_id=clerk.id,
                )
            )
        overdue = s.scalars(
            select(DossierRow.code)
            .where(DossierRow.status == "in_progress", DossierRow.appointment_at < NOW)
            .order_by(DossierRow.id)
        ).first()
    clock = FixedClock(vn(2026, 3, 10, 20))
    new_due = apologies.proposed_new_date(db, overdue, clock)
    apologies.make_apology(db, clerk, overdue, "Chờ ý kiến cơ quan khác", new_due, "phone", clock)


def _move_id_sequence_past_the_demo(db: Database) -> None:
    """The demo writes the dossiers' ids itself; on PostgreSQL the id sequence must then
    be moved past them before the services add dossiers of their own."""
    if db.engine.dialect.name == "postgresql":
        with db.write() as s:
            s.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('dossiers', 'id'), "
                    "(SELECT max(id) FROM dossiers))"
                )
            )


def fill_office(db: Database) -> None:
    demo.create_demo(db, 1500, today=TODAY, months=6)
    _move_id_sequence_past_the_demo(db)
    admin = accounts.log_in(db, "admin", demo.DEMO_PASSWORD)
    add_hand_made(db, admin)
    add_apologies(db, admin)


def office_database(request: pytest.FixtureRequest, folder: Path) -> Iterator[Database]:
    """The office on SQLite or, for the "postgresql" parameter, on the test server
    (the report SQL must give the same answers on both)."""
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    url = server.create_database() if server else f"sqlite:///{folder / 'reports.sqlite3'}"
    db = open_database(url)
    try:
        fill_office(db)
        yield db
    finally:
        db.dispose()
        if server:
            server.drop_database(url)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def office_db(request, tmp_path_factory):
    yield from office_database(request, tmp_path_factory.mktemp("reports"))


# --- the oracle ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """Everything the oracle reads, once."""

    rows: list
    requests: dict[int, list[datetime]]
    arrivals: dict[int, list[datetime]]
    apologised: set[int]
    #: dossier id -> (when the apology was made, the due time it replaced)
    apologies: dict = dataclasses.field(default_factory=dict)


def load(db: Database) -> Known:
    requests, arrivals = defaultdict(list), defaultdict(list)
    with db.read() as s:
        rows = list(s.scalars(select(DossierRow)))
        for step in s.scalars(select(DossierStepRow)):
            if step.kind == StepKind.SUPPLEMENT_REQUEST.value:
                requests[step.dossier_id].append(step.at)
            elif step.kind == StepKind.SUPPLEMENT_RECEIVED.value:
                arrivals[step.dossier_id].append(step.at)
        apologised = set(s.scalars(select(ApologyRow.dossier_id)))
        apologies = {a.dossier_id: (a.made_at, a.old_due_at) for a in s.scalars(select(ApologyRow))}
        s.expunge_all()
    return Known(rows, requests, arrivals, apologised, apologies)


def figures_of(d, known: Known, period: Period, now: datetime) -> set[Figure]:
    """The figures one dossier counts in, straight from the definitions."""
    start, end = period.start, period.end
    at_end = min(end, max(start, now))
    at_start = min(start, now)

    def within(moment) -> bool:
        return moment is not None and start <= moment < end

    def pending(t) -> bool:
        return (
            d.received_at < t
            and (d.decided_at is None or d.decided_at >= t)
            and (d.closed_at is None or d.closed_at >= t)
        )

    asked = [a for a in known.requests[d.id] if a < at_end]
    came = [a for a in known.arrivals[d.id] if a < at_end]
    out = set()
    if within(d.received_at):
        out |= {Figure.RECEIVED}
        out |= {Figure.RECEIVED_ONLINE if d.channel == "online" else Figure.RECEIVED_DIRECT}
    if pending(at_start):
        out.add(Figure.CARRIED_OVER)
    if within(d.decided_at):
        out |= {Figure.DECIDED, Figure(d.result_class)}
        if d.result_class == "late":
            with_letter = d.id in known.apologised
            out.add(Figure.LATE_WITH_APOLOGY if with_letter else Figure.LATE_WITHOUT_APOLOGY)
        if d.comebacks == 1:
            out.add(Figure.CAME_BACK_ONCE)
        if d.comebacks >= 2:
            out.add(Figure.CAME_BACK_MORE)
    if pending(at_end):
        out.add(Figure.PENDING)
        running = not len(asked) > len(came)
        made, old_due = known.apologies.get(d.id, (None, None))
        due = old_due if made is not None and made >= at_end else d.due_at  # owed then
        overdue = running and due < at_end
        out.add(Figure.PENDING_OVERDUE if overdue else Figure.PENDING_IN_TIME)
        apologised = made is not None and made < at_end
        if running and d.appointment_at < at_end and not apologised:
            out.add(Figure.OVERDUE_WITHOUT_APOLOGY)
    if d.status in ("refused", "stopped") and within(d.closed_at):
        out.add(Figure(d.status))
    if any(within(a) for a in known.requests[d.id]):
        out.add(Figure.SUPPLEMENT_REQUESTED)
    return out


def key_of(d, dimension: Dimension) -> str:
    if dimension is Dimension.FIELD:
        return d.field
    if dimension is Dimension.PROCEDURE:
        return d.procedure_code
    if dimension is Dimension.DEPARTMENT:
        return "" if d.department_id is None else str(d.department_id)
    return str(d.assignee_id or d.clerk_id)


def expected(known: Known, period: Period, now: datetime, dimension: Dimension | None = None):
    """Per key (or "" for the total): the codes behind each figure, and the score sums."""
    codes: dict[str, dict[Figure, set[str]]] = defaultdict(lambda: defaultdict(set))
    scores: dict[str, Counter] = defaultdict(Counter)
    for d in known.rows:
        key = key_of(d, dimension) if dimension else ""
        found = figures_of(d, known, period, now)
        for figure in found:
            codes[key][figure].add(d.code)
        if Figure.DECIDED in found:
            scores[key]["time"] += time_score(d.result_class)
            scores[key]["comeback"] += comeback_score(d.comebacks)
    return codes, scores


def counts(figures) -> dict[str, int]:
    return {
        f.value: figures.count(f) if f is not Figure.PENDING else figures.pending for f in Figure
    }


# --- the tests ----------------------------------------------------------------------------


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.title)
def test_the_totals_match_a_row_by_row_count(office_db, period):
    known = load(office_db)
    codes, scores = expected(known, period, NOW)
    total = reports.report(office_db, period, NOW).total
    assert counts(total) == {f.value: len(codes[""][f]) for f in Figure}
    assert total.time_score_total == scores[""]["time"]
    assert total.comeback_score_total == scores[""]["comeback"]
    assert total.decided > 50 and total.received > 50  # the period is not empty


@pytest.mark.parametrize("dimension", list(Dimension))
@pytest.mark.parametrize("period", PERIODS[:3], ids=lambda p: p.title)
def test_every_breakdown_matches_the_row_by_row_count(office_db, period, dimension):
    known = load(office_db)
    codes, scores = expected(known, period, NOW, dimension)
    rows = reports.report(office_db, period, NOW, dimension).rows
    got = {r.key: counts(r.figures) for r in rows}
    want = {
        key: {f.value: len(by_figure[f]) for f in Figure}
        for key, by_figure in codes.items()
        if any(by_figure.values())
    }
    assert got == want
    assert {r.key: r.figures.time_score_total for r in rows} == {k: scores[k]["time"] for k in want}
    assert len(rows) >= 2


def test_the_dossiers_behind_each_figure_are_exactly_those_counted(office_db):
    period = Period.quarter(2026, 1)
    known = load(office_db)
    codes, _ = expected(known, period, NOW)
    for figure in Figure:
        listed = reports.dossiers_behind(office_db, period, NOW, figure, limit=100_000)
        assert {d.code for d in listed} == codes[""][figure], figure
        assert [d.received_at for d in listed] == sorted(d.received_at for d in listed)


def test_the_dossiers_behind_a_breakdown_row_are_those_of_that_row(office_db):
    period = Period.month(2026, 2)
    known = load(office_db)
    for dimension in Dimension:
        codes, _ = expected(known, period, NOW, dimension)
        row = max(
            reports.report(office_db, period, NOW, dimension).rows,
            key=lambda r: r.figures.decided,
        )
        listed = reports.dossiers_behind(
            office_db, period, NOW, Figure.DECIDED, dimension, row.key, limit=100_000
        )
        assert {d.code for d in listed} == codes[row.key][Figure.DECIDED]
        assert len(listed) == row.figures.decided > 0


def test_a_listing_is_cut_at_its_limit_oldest_first(office_db):
    period = Period.quarter(2026, 1)
    everything = reports.dossiers_behind(office_db, period, NOW, Figure.RECEIVED, limit=100_000)
    first = reports.dossiers_behind(office_db, period, NOW, Figure.RECEIVED, limit=10)
    assert [d.code for d in first] == [d.code for d in everything[:10]]


def test_an_ended_period_balances_every_field(office_db):
    """Carried over + received = decided + refused + stopped + pending at the end."""
    for period in (Period.month(2026, 2), Period.year(2025)):
        the_report = reports.report(office_db, period, NOW)
        for row in the_report.rows:
            f = row.figures
            assert f.carried_over + f.received == f.decided + f.refused + f.stopped + f.pending


def test_the_hand_made_cases_land_where_the_rules_say(office_db):
    with office_db.read() as s:
        by_name = {
            d.applicant_name: d.code
            for d in s.scalars(select(DossierRow).where(DossierRow.id_number == "079090001234"))
        }
    feb = Period.month(2026, 2)

    def behind(period, figure):
        return {d.code for d in reports.dossiers_behind(office_db, period, NOW, figure)}

    twice, waiting, dawn = (
        by_name["Trần Văn Hai Lần"],
        by_name["Lê Thị Chờ Giấy"],
        by_name["Phạm Văn Sớm"],
    )
    assert twice in behind(feb, Figure.LATE_WITH_APOLOGY)  # late against the legal appointment
    assert twice in behind(feb, Figure.CAME_BACK_MORE)
    assert twice in behind(feb, Figure.SUPPLEMENT_REQUESTED)
    # Past its appointment, but the clock stopped when the papers were asked for.
    assert waiting in behind(feb, Figure.PENDING_IN_TIME)
    assert waiting in behind(Period.quarter(2026, 1), Figure.PENDING_IN_TIME)
    # 06:45 on 1 December in Vietnam is 30 November in UTC: December's dossier.
    assert dawn in behind(Period.month(2025, 12), Figure.RECEIVED)
    assert dawn not in behind(Period.month(2025, 11), Figure.RECEIVED)


def test_the_monthly_trend_matches_a_count_by_vietnam_month(office_db):
    period = Period.quarter(2026, 1)
    known = load(office_db)
    months = reports.trend(office_db, period)
    assert len(months) == 12 and months[-1].month.title == "Tháng 3/2026"
    for m in months:
        received = [d for d in known.rows if m.month.contains(d.received_at)]
        decided = [d for d in known.rows if d.decided_at and m.month.contains(d.decided_at)]
        classes = Counter(d.result_class for d in decided)
        assert (m.received, m.decided) == (len(received), len(decided)), m.month.title
        assert (m.early, m.on_time, m.late) == (
            classes["early"],
            classes["on_time"],
            classes["late"],
        )
    december = next(m for m in months if m.month.title == "Tháng 12/2025")
    assert december.received > 0 and december.on_time_rate is not None


def test_the_record_has_the_keys_the_command_line_promises(office_db):
    the_report = reports.report(office_db, Period.month(2026, 2), NOW)
    record = reports.as_record(the_report)
    keys = {
        "received", "decided", "early", "on_time", "late", "on_time_rate",
        "pending_in_time", "pending_overdue", "late_without_apology",
    }  # fmt: skip
    assert keys <= set(record)
    assert record["by_field"] and all(keys <= set(row) for row in record["by_field"])
    assert sum(row["decided"] for row in record["by_field"]) == record["decided"]
    csv_text = reports.as_csv(the_report)
    assert csv_text.splitlines()[-1].startswith(f"Tổng cộng,{record['received']},")


@pytest.mark.parametrize(
    "period", [Period.year(2025), Period.quarter(2026, 1)], ids=lambda p: p.title
)
def test_the_dashboard_gives_the_same_totals_and_trend_in_one_pass_or_two(office_db, period):
    """A year is counted with its trend in one pass; a quarter needs the trend's own count."""
    board = reports.dashboard(office_db, period, NOW)
    assert counts(board.total) == counts(reports.report(office_db, period, NOW).total)
    assert [
        (m.month.title, m.received, m.decided, m.early, m.on_time, m.late) for m in board.months
    ] == [
        (m.month.title, m.received, m.decided, m.early, m.on_time, m.late)
        for m in reports.trend(office_db, period)
    ]
    assert board.pending_at == min(period.end, NOW)
    assert sum(m.decided for m in board.months) >= board.total.decided > 0


def test_a_past_period_read_again_counts_what_was_recorded_since(db, clerk):
    # The statements of a period are built once and kept: what they count is read anew.
    period = Period.month(2026, 2)
    by_field = Dimension.FIELD

    def received() -> tuple[int, int]:
        whole = reports.report(db, period, NOW)
        rows = reports.report(db, period, NOW, by_field).rows
        return whole.total.received, sum(r.figures.received for r in rows)

    before = received()
    _intake(db, clerk, vn(2026, 2, 11, 9), "Lê Thị Mới")
    assert received() == (before[0] + 1, before[1] + 1)
    _intake(db, clerk, vn(2026, 3, 2, 9), "Ngoài Kỳ")  # March: not February's
    assert received() == (before[0] + 1, before[1] + 1)


def test_only_an_ended_period_keeps_its_statements(db):
    from desk.services import report_breakdowns

    kept = report_breakdowns._kept_statements
    kept.cache_clear()
    running = Period.quarter(2026, 1)  # NOW is in it: its moments move with every read
    for minute in range(3):
        reports.report(db, running, NOW.replace(minute=minute))
    assert kept.cache_info().currsize == 0
    for _ in range(3):
        reports.report(db, Period.month(2026, 2), NOW)
    assert (kept.cache_info().currsize, kept.cache_info().hits) == (1, 2)
