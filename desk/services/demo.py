"""A realistic demo office: catalog, clerks and dossiers spread over past months.

Used by ``desk --demo`` (a throwaway database in a temporary folder), by
``desk demo --db PATH`` and by the benchmarks (with a million dossiers). Rows
are written in bulk through SQLAlchemy Core so a large database is made in
minutes, with the same columns an intake would write.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import insert, select, text

from desk.domain.clock import VN_TZ
from desk.domain.dossier import ApplicantKind, DossierStatus, ResultDelivery
from desk.domain.dossier_code import format_dossier_code
from desk.domain.office import Office
from desk.domain.procedure import Channel, Procedure
from desk.domain.text import fold
from desk.services import accounts, calendar, catalog, changes, decision_times, departments, office
from desk.services.demo_history import live
from desk.storage.database import Database
from desk.storage.tables import (
    DaySequenceRow,
    DepartmentRow,
    DossierPaperRow,
    DossierRow,
    DossierStepRow,
    UserRow,
)

# A commune as it is since 01/07/2025 (two levels: province and commune, no
# district): Đồng Nai merged with Bình Phước and kept its name, and its communes
# were merged by Resolution 1662/NQ-UBTVQH15; the former district of Tân Phú gave
# its name to the new commune around its old town. The office's name, parent and
# code are its own data: a real office types its own in the set-up wizard.
DEMO_OFFICE = Office(
    name="UBND xã Tân Phú",
    parent="UBND tỉnh Đồng Nai",
    code="H36.41",
    address="Số 1 đường Hùng Vương, xã Tân Phú, tỉnh Đồng Nai",
    hotline="0251 3822 123",
    head_title="CHỦ TỊCH",
    head_name="Trần Thị Bình",
)

DEMO_PASSWORD = "demo1234"
DEMO_ACCOUNTS = (
    ("admin", "Nguyễn Văn An", "admin"),
    ("lanhdao", "Trần Thị Bình", "supervisor"),
    ("canbo1", "Lê Thị Hoa", "clerk"),
    ("canbo2", "Phạm Minh Tuấn", "clerk"),
    ("canbo3", "Võ Thị Thu Trang", "clerk"),
)

_SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
_MIDDLE = "Văn Thị Minh Hữu Thanh Ngọc Đức Thu Quốc Bảo Gia Kim".split()
_GIVEN = (
    "An Bình Chi Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Khánh Lan Linh Long Mai Nam Nga "
    "Phúc Phương Quân Quang Sơn Tâm Thảo Thắng Trang Trung Tú Tuấn Vân Việt Yến"
).split()
_STREETS = "Hùng Vương, Lê Lợi, Trần Hưng Đạo, Nguyễn Huệ, Hai Bà Trưng, Lý Thường Kiệt".split(", ")


@dataclass(frozen=True)
class DemoSummary:
    dossiers: int
    #: The demo's accounts, created with the office; none when the office was there.
    accounts: tuple[str, ...]


def create_demo(
    db: Database,
    dossiers: int = 3000,
    *,
    today: date | None = None,
    seed: int = 7,
    months: int = 6,
) -> DemoSummary:
    """Set up the demo office and add ``dossiers`` dossiers over the past ``months``."""
    created: tuple[str, ...] = ()
    if office.needs_setup(db):
        name, full, _ = DEMO_ACCOUNTS[0]
        office.set_up_office(db, DEMO_OFFICE, name, full, DEMO_PASSWORD)
        for username, full_name, role in DEMO_ACCOUNTS[1:]:
            accounts.create_account(db, username, full_name, DEMO_PASSWORD, role=role)
        created = tuple(a[0] for a in DEMO_ACCOUNTS)
    add_dossiers(db, dossiers, today=today, seed=seed, months=months)
    return DemoSummary(dossiers, created)


def add_dossiers(
    db: Database,
    count: int,
    *,
    today: date | None = None,
    seed: int = 7,
    months: int = 6,
    batch: int = 5000,
) -> None:
    rng = random.Random(seed)
    today = today or datetime.now(VN_TZ).date()
    procedures = catalog.list_procedures(db)
    cal = calendar.working_calendar(db)
    agency = office.get_office(db).code
    departments.seed_departments(db)
    with db.read() as s:
        clerk_ids = list(s.scalars(select(UserRow.id)))
        department_ids = {r.name: r.id for r in s.scalars(select(DepartmentRow))}
    now = (
        datetime.now(VN_TZ)
        if today is None
        else datetime.combine(today, datetime.min.time(), VN_TZ) + timedelta(hours=16)
    )
    weights = [8 if p.field.startswith(("Hộ tịch", "Chứng thực")) else 2 for p in procedures]
    start = today - timedelta(days=30 * months)
    days = [d for d in _dates(start, today) if cal.is_working_day(d)]
    per_day = _spread(count, len(days), rng)
    rows: list[dict] = []
    papers: list[dict] = []
    history: list[dict] = []
    sequences: list[dict] = []
    with db.write() as s:
        next_id = (s.scalar(select(DossierRow.id).order_by(DossierRow.id.desc()).limit(1)) or 0) + 1
    for day, n in zip(days, per_day):
        if n == 0:
            continue
        sequences.append({"agency": agency, "day": day, "last": n})
        times = sorted(_office_moment(day, rng) for _ in range(n))
        for seq, received in enumerate(times, start=1):
            p = rng.choices(procedures, weights)[0]
            row = _row(next_id, p, agency, day, seq, received, cal, rng, clerk_ids)
            history.extend(live(row, p, cal, now, rng, department_ids, row["clerk_id"]))
            rows.append(row)
            papers.extend(_papers(next_id, p, rng))
            next_id += 1
        if len(rows) >= batch:
            _flush(db, rows, papers, history, cal)
    _flush(db, rows, papers, history, cal)
    _catch_up_id_sequence(db)
    with db.write() as s:
        for seq_row in sequences:
            existing = s.get(DaySequenceRow, (seq_row["agency"], seq_row["day"]))
            if existing is None:
                s.add(DaySequenceRow(**seq_row))
            else:
                existing.last = max(existing.last, seq_row["last"])


_LIFE_DEFAULTS = {
    "department_id": None,
    "decided_at": None,
    "result_class": None,
    "returned_at": None,
    "closed_at": None,
    "supplement_round": 0,
    "comebacks": 0,
    "return_method": "",
    "tracking_number": "",
    "collected_by": "",
}


def _catch_up_id_sequence(db: Database) -> None:
    """Dossier ids were written explicitly: on PostgreSQL the id sequence must be
    moved past them, or the next intake would collide with a demo dossier."""
    if db.engine.dialect.name != "postgresql":
        return
    with db.write() as s:
        s.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('dossiers', 'id'), "
                "(SELECT COALESCE(MAX(id), 1) FROM dossiers))"
            )
        )


def _flush(db: Database, rows: list[dict], papers: list[dict], history: list[dict], cal) -> None:
    if not rows:
        return
    with db.write() as s:
        s.execute(insert(DossierRow), [_LIFE_DEFAULTS | r for r in rows])
        s.execute(insert(DossierPaperRow), papers)
        s.execute(insert(DossierStepRow), history)
        decision_times.add_rows(s, decision_times.rows_for(rows, cal))
        changes.bump(s, changes.DOSSIERS)
    rows.clear()
    papers.clear()
    history.clear()


def _dates(start: date, end: date) -> Iterator[date]:
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)


def _spread(total: int, slots: int, rng: random.Random) -> list[int]:
    counts = [0] * max(slots, 1)
    for _ in range(total):
        counts[rng.randrange(len(counts))] += 1
    return counts


def _office_moment(day: date, rng: random.Random) -> datetime:
    if rng.random() < 0.55:
        minutes = 7 * 60 + 30 + rng.randrange(240)
    else:
        minutes = 13 * 60 + 30 + rng.randrange(210)
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=VN_TZ)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _row(
    row_id: int,
    p: Procedure,
    agency: str,
    day: date,
    seq: int,
    received: datetime,
    cal,
    rng: random.Random,
    clerk_ids: list[int],
) -> dict:
    channel = rng.choices(list(Channel), [70, 10, 20])[0]
    limit = p.limit_for(channel)
    name = _person(rng)
    id_number = f"0{rng.randrange(1, 96):02d}{rng.randrange(10**8, 10**9)}"
    phone = f"0{rng.choice('35789')}{rng.randrange(10**7, 10**8)}"
    code = format_dossier_code(agency, day, seq)
    delivery = ResultDelivery.POST if rng.random() < 0.1 else ResultDelivery.COUNTER
    address = f"Số {rng.randrange(1, 300)} đường {rng.choice(_STREETS)}, xã Tân Phú"
    return {
        "id": row_id,
        "code": code,
        "procedure_id": p.id,
        "procedure_code": p.code,
        "procedure_name": p.name,
        "field": p.field,
        "applicant_kind": ApplicantKind.PERSON.value,
        "applicant_name": name,
        "search_key": fold(f"{name} {code} {id_number} {phone}"),
        "id_number": id_number,
        "birth_date": None,
        "address": address,
        "phone": phone,
        "email": "",
        "principal": "",
        "channel": channel.value,
        "result_delivery": delivery.value,
        "delivery_address": address if delivery is ResultDelivery.POST else "",
        "sets": 1,
        "note": "",
        "fee": p.fee,
        "limit_text": limit.describe(),
        "received_at": received,
        "appointment_at": cal.appointment_for(received, limit),
        "status": DossierStatus.RECEIVED.value,
        "clerk_id": rng.choice(clerk_ids),
        "created_at": received,
    }


def _papers(dossier_id: int, p: Procedure, rng: random.Random) -> list[dict]:
    chosen = [x for x in p.papers if not x.optional or rng.random() < 0.3] or p.papers[:1]
    return [
        {
            "dossier_id": dossier_id,
            "position": i,
            "name": x.name,
            "form": x.form.value,
            "count": x.count,
        }
        for i, x in enumerate(chosen, start=1)
    ]
