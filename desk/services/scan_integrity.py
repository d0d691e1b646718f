"""The scans in a backup: each PDF checked against its SHA-256, and brought back with its dossier.

A backup (``desk.services.backup``) copies the SQLite file whole, so the PDFs
travel with the dossiers as one consistent snapshot; ``damaged_scans`` is part of
checking a backup file (before a restore and after it), and refuses one whose
PDF no longer matches the hash recorded when it was made. ``copy_scans`` is the
part of bringing a dossier back from the file a restore kept
(``desk.services.missing_dossiers``): its scans come with it, each checked, a
PDF the live database already holds (a reused paper) linked rather than copied.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from desk.domain.errors import UserError
from desk.domain.translation import translate
from desk.storage.tables import DossierScanRow, ScanFileRow

if TYPE_CHECKING:
    import sqlite3


def damaged_scans(conn: sqlite3.Connection) -> list[str]:
    """``code #paper`` of every scan whose PDF does not match its recorded SHA-256."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "scan_files" not in tables:
        return []  # a file from before digitised papers
    bad = []
    for file_id, digest, data in conn.execute("SELECT id, sha256, data FROM scan_files"):
        if hashlib.sha256(bytes(data or b"")).hexdigest() != digest:
            bad.append(file_id)
    if not bad:
        return []
    marks = ",".join("?" * len(bad))
    named = conn.execute(
        "SELECT d.code, s.position FROM dossier_scans s JOIN dossiers d ON d.id = s.dossier_id"
        f" WHERE s.file_id IN ({marks}) ORDER BY d.code, s.position",  # noqa: S608
        bad,
    ).fetchall()
    return [f"{code} #{position}" for code, position in named] or [f"#{i}" for i in bad]


def refuse(bad: list[str], path: Path) -> None:
    """Refuse a database file whose scans ``bad`` do not match their hashes, naming them."""
    if bad:
        raise UserError(
            translate(
                "ScanIntegrity",
                "Tệp {name} có bản số hóa không còn đúng với mã băm SHA-256 đã ghi (hồ sơ, "
                "giấy tờ số: {scans}): bản sao lưu đã bị hỏng. Hãy chọn một bản sao lưu khác.",
            ).format(name=path.name, scans=", ".join(bad[:10])),
            "file",
        )


def _has_scans(source: Connection) -> bool:
    found = source.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='dossier_scans'"
    ).first()
    return found is not None


def copy_scans(
    source: Connection,
    s: Session,
    old_id: int,
    new_id: int,
    user: Callable[[int | None], int | None],
) -> int:
    """The scans of dossier ``old_id`` of the kept file, as dossier ``new_id``'s; how many."""
    if not _has_scans(source):
        return 0
    links = source.execute(
        select(DossierScanRow.__table__).where(DossierScanRow.dossier_id == old_id)
    ).all()
    files: dict[int, int] = {}
    for link in links:
        if link.file_id not in files:
            files[link.file_id] = _file(source, s, link.file_id, user)
        values: dict[str, Any] = dict(link._mapping)
        values.pop("id")
        values |= {
            "dossier_id": new_id,
            "file_id": files[link.file_id],
            "linked_by_id": user(values.get("linked_by_id")),
        }
        s.execute(insert(DossierScanRow).values(**values))
    return len(links)


def _file(
    source: Connection, s: Session, old_id: int, user: Callable[[int | None], int | None]
) -> int:
    row = source.execute(select(ScanFileRow.__table__).where(ScanFileRow.id == old_id)).one()
    values: dict[str, Any] = dict(row._mapping)
    data = bytes(values["data"])
    if hashlib.sha256(data).hexdigest() != values["sha256"]:
        raise UserError(
            translate(
                "ScanIntegrity",
                "Bản số hóa của hồ sơ {code} trong tệp dữ liệu cũ không còn đúng với mã băm "
                "đã ghi: không lấy lại được hồ sơ này.",
            ).format(code=values["origin_code"])
        )
    same = s.scalar(
        select(ScanFileRow.id).where(
            ScanFileRow.sha256 == values["sha256"], ScanFileRow.size == values["size"]
        )
    )
    if same is not None:
        return same
    values.pop("id")
    values["made_by_id"] = user(values.get("made_by_id"))
    return s.execute(insert(ScanFileRow).values(**values).returning(ScanFileRow.id)).scalar_one()
