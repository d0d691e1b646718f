"""The procedure catalog in the database: search, edit, import and export.

The catalog is the law's list for the counter: intake shows only these
procedures and, for each, only its published papers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk.domain.errors import NotFound, UserError
from desk.domain.office import Clerk
from desk.domain.procedure import Channel, PaperForm, Procedure, RequiredPaper, stored_level
from desk.domain.text import fold, matches
from desk.domain.time_limit import LimitKind, TimeLimit
from desk.domain.translation import translate
from desk.storage.database import Database
from desk.storage.tables import ChannelLimitRow, ProcedurePaperRow, ProcedureRow


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)  # "Dòng 7 (1.001193): ..."


def _limit(kind: str, amount: int, cutoff: str) -> TimeLimit:
    return TimeLimit(LimitKind(kind), amount, time.fromisoformat(cutoff) if cutoff else None)


def to_procedure(row: ProcedureRow) -> Procedure:
    return Procedure(
        id=row.id,
        code=row.code,
        name=row.name,
        field=row.field,
        level=stored_level(row.level),
        limit=_limit(row.limit_kind, row.limit_amount, row.cutoff),
        fee=row.fee,
        legal_basis=row.legal_basis,
        active=row.active,
        online_only=bool(row.online_only),
        papers=[RequiredPaper(p.name, PaperForm(p.form), p.count, p.optional) for p in row.papers],
        channel_limits={
            Channel(c.channel): _limit(c.limit_kind, c.limit_amount, c.cutoff)
            for c in row.channel_limits
        },
    )


def _fill(row: ProcedureRow, p: Procedure) -> None:
    row.code, row.name, row.field = p.code.strip(), p.name.strip(), p.field.strip()
    row.level = p.level.value if p.level is not None else ""
    row.search_key = fold(f"{p.code} {p.name} {p.field}")
    row.limit_kind, row.limit_amount = p.limit.kind.value, p.limit.amount
    row.cutoff = p.limit.cutoff.strftime("%H:%M") if p.limit.cutoff else ""
    row.fee, row.legal_basis, row.active = p.fee, p.legal_basis, p.active
    row.online_only = p.online_only
    row.papers = [
        ProcedurePaperRow(
            position=i, name=x.name, form=x.form.value, count=x.count, optional=x.optional
        )
        for i, x in enumerate(p.papers, start=1)
    ]
    # Reuse each channel's row: a fresh row for a channel already listed would be
    # inserted before the old one is deleted, breaking the unique (procedure, channel).
    kept = {c.channel: c for c in row.channel_limits}
    row.channel_limits = [
        _channel_limit(kept.get(ch.value) or ChannelLimitRow(channel=ch.value), lim)
        for ch, lim in p.channel_limits.items()
    ]


def _channel_limit(row: ChannelLimitRow, lim: TimeLimit) -> ChannelLimitRow:
    row.limit_kind, row.limit_amount = lim.kind.value, lim.amount
    row.cutoff = lim.cutoff.strftime("%H:%M") if lim.cutoff else ""
    return row


def _query():
    return select(ProcedureRow).options(
        selectinload(ProcedureRow.papers), selectinload(ProcedureRow.channel_limits)
    )


def list_procedures(
    db: Database, query: str = "", *, include_inactive: bool = False
) -> list[Procedure]:
    """Procedures whose code, name or field match every word of ``query``, accents ignored."""
    stmt = _query().order_by(ProcedureRow.field, ProcedureRow.name)
    if not include_inactive:
        stmt = stmt.where(ProcedureRow.active.is_(True))
    with db.read() as s:
        rows = s.scalars(stmt).all()
        return [to_procedure(r) for r in rows if not query or matches(query, r.search_key)]


def get_procedure(db: Database, code: str) -> Procedure:
    with db.read() as s:
        row = s.scalar(_query().where(ProcedureRow.code == code))
        if row is None:
            raise NotFound(
                translate("Catalog", "Không có thủ tục mã '{code}' trong danh mục.").format(
                    code=code
                ),
                "procedure",
            )
        return to_procedure(row)


def check_procedure(p: Procedure) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not p.code.strip():
        errors["code"] = translate("Catalog", "Chưa nhập mã thủ tục.")
    if not p.name.strip():
        errors["name"] = translate("Catalog", "Chưa nhập tên thủ tục.")
    if not p.field.strip():
        errors["field"] = translate("Catalog", "Chưa nhập lĩnh vực.")
    if not p.papers:
        errors["papers"] = translate("Catalog", "Thủ tục phải có ít nhất một thành phần hồ sơ.")
    return errors


def save_procedure(db: Database, by: Clerk, procedure: Procedure) -> Procedure:
    """Add or update (by code) one procedure; admins only."""
    from desk.domain.errors import ValidationError

    if not by.is_admin:
        raise UserError(translate("Catalog", "Chỉ quản trị viên mới được sửa danh mục thủ tục."))
    errors = check_procedure(procedure)
    if errors:
        raise ValidationError(errors)
    with db.write() as s:
        _upsert(s, procedure)
    return get_procedure(db, procedure.code.strip())


def _upsert(s: Session, p: Procedure) -> bool:
    """True when the procedure is new."""
    row = s.scalar(_query().where(ProcedureRow.code == p.code.strip()))
    new = row is None
    if row is None:
        row = ProcedureRow()
        s.add(row)
    _fill(row, p)
    return new


def import_procedures(db: Database, procedures: list[Procedure]) -> ImportReport:
    with db.write() as s:
        return import_procedures_in(s, procedures)


def import_procedures_in(s: Session, procedures: list[Procedure]) -> ImportReport:
    """``import_procedures`` inside the caller's transaction."""
    report = ImportReport()
    for p in procedures:
        if _upsert(s, p):
            report.added += 1
        else:
            report.updated += 1
    return report


def import_catalog(db: Database, by: Clerk, path: Path) -> ImportReport:
    """Import a CSV/XLSX file: good rows are saved, each bad row is reported."""
    from desk.services.catalog_files import read_catalog

    if not by.is_admin:
        raise UserError(translate("Catalog", "Chỉ quản trị viên mới được nhập danh mục thủ tục."))
    loaded = read_catalog(Path(path))
    report = import_procedures(db, loaded.procedures)
    report.errors = [
        (
            translate("Catalog", "Dòng {row} ({code}): {message}")
            if e.code
            else translate("Catalog", "Dòng {row}: {message}")
        ).format(row=e.row_number, code=e.code, message=e.message)
        for e in loaded.errors
    ]
    return report


def export_catalog(db: Database, path: Path) -> int:
    from desk.services.catalog_files import write_catalog

    procedures = list_procedures(db, include_inactive=True)
    write_catalog(Path(path), procedures)
    return len(procedures)


def load_shipped_catalog_in(s: Session) -> ImportReport:
    """First run: the catalog shipped in ``resources/catalog``, inside the caller's
    transaction (the first start's)."""
    from desk.services.catalog_files import read_catalog, shipped_catalog_path

    loaded = read_catalog(shipped_catalog_path())
    if loaded.errors:
        raise RuntimeError(f"the shipped catalog has bad rows: {loaded.errors}")
    return import_procedures_in(s, loaded.procedures)
