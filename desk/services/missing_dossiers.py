"""The dossiers a restore left behind in the kept file, and bringing them back.

After a restore, the database it replaced is kept next to it
(``desk.services.restore``). Whatever was received between the backup and the
restore is only in that kept file: ``missing_dossiers`` lists it (code,
applicant, received), and ``bring_back`` copies chosen dossiers into the live
database with everything that belongs to them (papers and their digitised
copies, steps, the apology letter, their audit entries), under the same code,
which no one was handed since (the restore took the counters forward). The
accounts and departments they refer to are found by name, and copied too when
the restored data lacks them; the procedure must exist (a dossier of a procedure the catalog no
longer has is named, not guessed). Each dossier brought back is audited.

The kept file is a SQLite file; the live database may be SQLite or a server.
Only the columns both files know are copied, so a kept file written by an
earlier version of desk works too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, create_engine, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.roles import Permission, require
from desk.domain.translation import translate
from desk.services import audit, changes, scan_integrity
from desk.storage.database import Database
from desk.storage.tables import (
    ApologyRow,
    ApologySequenceRow,
    AuditRow,
    DaySequenceRow,
    DepartmentRow,
    DossierPaperRow,
    DossierRow,
    DossierStepRow,
    ProcedureRow,
    UserRow,
)


@dataclass(frozen=True)
class MissingDossier:
    code: str
    applicant: str
    received_at: datetime


def _reader(kept: Path):  # noqa: ANN202 (an Engine on the kept file, read-only)
    uri = f"{kept.resolve().as_uri()}?mode=ro"
    return create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool
    )


def _check_kept(kept: Path) -> None:
    from desk.services.backup import check_backup

    try:
        check_backup(kept)
    except UserError as exc:
        raise UserError(
            translate(
                "MissingDossiers",
                "Không đọc được tệp dữ liệu cũ {path}: {error} Hãy chọn đúng tệp "
                "*.truoc-khoi-phuc-*.sqlite3 mà lần khôi phục đã giữ lại.",
            ).format(path=kept, error=exc.message)
        ) from exc


def missing_dossiers(db: Database, kept: Path) -> list[MissingDossier]:
    """The dossiers of ``kept`` whose code ``db`` does not have, oldest first."""
    _check_kept(kept)
    engine = _reader(kept)
    try:
        with engine.connect() as conn:
            theirs = conn.execute(
                select(DossierRow.code, DossierRow.applicant_name, DossierRow.received_at).order_by(
                    DossierRow.received_at, DossierRow.id
                )
            ).all()
    finally:
        engine.dispose()
    with db.read() as s:
        ours = set(s.scalars(select(DossierRow.code)))
    return [MissingDossier(c, name, at) for c, name, at in theirs if c not in ours]


@dataclass(frozen=True)
class BroughtBack:
    codes: list[str]
    accounts: list[str]  # accounts the restored data lacked, copied from the kept file
    already_there: list[str]


def bring_back(
    db: Database,
    clerk: Clerk,
    kept: Path,
    codes: Iterable[str] | None = None,
    clock: Clock | None = None,
) -> BroughtBack:
    """Copy the dossiers ``codes`` (default: every missing one) from ``kept`` into ``db``.

    One transaction: all of them come back, or none.
    """
    require(clerk.role, Permission.MANAGE)
    missing = {m.code for m in missing_dossiers(db, kept)}
    wanted = list(dict.fromkeys(c.strip() for c in codes)) if codes is not None else None
    chosen = [c for c in (wanted if wanted is not None else sorted(missing)) if c in missing]
    there = [c for c in (wanted or []) if c not in missing]
    now = (clock or SystemClock()).now()
    engine = _reader(kept)
    try:
        with engine.connect() as source, db.write() as s:
            copier = _Copier(source, s)
            unknown = [c for c in there if not copier.has_code(source, c)]
            if unknown:
                raise UserError(
                    translate(
                        "MissingDossiers",
                        "Tệp dữ liệu cũ không có hồ sơ {codes}. Hãy xem lại mã (lệnh không "
                        "ghi mã sẽ liệt kê các hồ sơ có thể lấy lại).",
                    ).format(codes=", ".join(unknown))
                )
            for code in chosen:
                copier.dossier(code)
                audit.record(
                    s, clerk, now, "dossier", code, "brought_back", after={"from": kept.name}
                )
            copier.sequences()
            if chosen:
                changes.bump(s, changes.DOSSIERS)
    finally:
        engine.dispose()
    return BroughtBack(chosen, copier.new_accounts, there)


#: A table of numbers handed out, each row with the ``last`` one.
_Sequence = TypeVar("_Sequence", DaySequenceRow, ApologySequenceRow)


class _Copier:
    """Rows of the kept file into the live database, ids translated on the way."""

    def __init__(self, source: Connection, s: Session) -> None:
        self.source, self.s = source, s
        self.users: dict[int, int] = {}
        self.new_accounts: list[str] = []
        self._columns: dict[str, set[str]] = {}

    @staticmethod
    def has_code(source: Connection, code: str) -> bool:
        return (
            source.execute(select(DossierRow.id).where(DossierRow.code == code)).first() is not None
        )

    def _common(self, table: Table) -> list[Any]:
        if table.name not in self._columns:
            info = self.source.exec_driver_sql(f"PRAGMA table_info({table.name})").all()
            self._columns[table.name] = {r[1] for r in info}
        return [c for c in table.columns if c.name in self._columns[table.name]]

    def _rows(self, table: Table, *where: Any) -> list[dict[str, Any]]:
        cols = self._common(table)
        return [dict(r._mapping) for r in self.source.execute(select(*cols).where(*where))]

    def _insert(self, table: Table, values: dict[str, Any]) -> int:
        values = {k: v for k, v in values.items() if k != "id"}
        return self.s.execute(insert(table).values(**values).returning(table.c.id)).scalar_one()

    def user(self, old_id: int | None) -> int | None:
        if old_id is None:
            return None
        if old_id not in self.users:
            table = UserRow.__table__
            (row,) = self._rows(table, table.c.id == old_id)
            found = self.s.scalar(select(UserRow.id).where(UserRow.username == row["username"]))
            if found is None:
                found = self._insert(table, row)
                self.new_accounts.append(row["username"])
            self.users[old_id] = found
        return self.users[old_id]

    def _department(self, old_id: int | None) -> int | None:
        if old_id is None:
            return None
        table = DepartmentRow.__table__
        (row,) = self._rows(table, table.c.id == old_id)
        found = self.s.scalar(select(DepartmentRow.id).where(DepartmentRow.name == row["name"]))
        return found if found is not None else self._insert(table, row)

    def _procedure(self, code: str, dossier: str) -> int:
        found = self.s.scalar(select(ProcedureRow.id).where(ProcedureRow.code == code))
        if found is None:
            raise UserError(
                translate(
                    "MissingDossiers",
                    "Hồ sơ {dossier} thuộc thủ tục {procedure}, nhưng danh mục hiện tại không có "
                    "thủ tục này. Hãy nhập lại thủ tục vào danh mục rồi lấy lại hồ sơ.",
                ).format(dossier=dossier, procedure=code)
            )
        return found

    def dossier(self, code: str) -> None:
        table = DossierRow.__table__
        (row,) = self._rows(table, table.c.code == code)
        old = row["id"]
        row["procedure_id"] = self._procedure(row["procedure_code"], code)
        row["clerk_id"] = self.user(row["clerk_id"])
        row["assignee_id"] = self.user(row.get("assignee_id"))
        row["department_id"] = self._department(row.get("department_id"))
        new = self._insert(table, row)
        for part, users in (
            (DossierPaperRow.__table__, ()),
            (DossierStepRow.__table__, ("by_user_id",)),
            (ApologyRow.__table__, ("made_by_id",)),
        ):
            for values in self._rows(part, part.c.dossier_id == old):
                values["dossier_id"] = new
                for key in users:
                    values[key] = self.user(values.get(key))
                self._insert(part, values)
        scan_integrity.copy_scans(self.source, self.s, old, new, self.user)  # digitised papers
        log = AuditRow.__table__
        for values in self._rows(log, log.c.entity_key == code):
            values["user_id"] = self.user(values.get("user_id"))
            self._insert(log, values)

    def sequences(self) -> None:
        """No number of the kept file handed out again, even after an older desk's restore."""
        self._sequence(DaySequenceRow)
        self._sequence(ApologySequenceRow)
        self.s.flush()

    def _sequence(self, kind: type[_Sequence]) -> None:
        table = kind.__table__
        if not self._common(table):  # a kept file from before the table existed
            return
        key = [c.name for c in table.primary_key.columns]
        for row in self._rows(table):
            current = self.s.get(kind, tuple(row[k] for k in key))
            if current is None:
                self.s.add(kind(**row))
            elif current.last < row["last"]:
                current.last = row["last"]
