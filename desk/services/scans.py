"""A dossier's digitised papers and result: attach, list, read back, drop, erase.

Each paper of a dossier (numbered as on its receipt) and its result (number 0)
has at most one PDF, with its page count, SHA-256, who made it and when
(Decree 118/2025 art. 17(1)(c): the clerk answers for the copy matching the
paper; art. 22(4): the result is kept under the person's number). The PDFs live
in the database (``scan_files``), so every counter sees them and a backup holds
them with the dossiers; a PDF is read back only after its hash is checked.

Attaching again replaces the paper's PDF (the window and ``desk attach`` build
the new one from the old pages and the new ones); a PDF no dossier links any
more is deleted in the same transaction. Every attach and drop is audited.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from desk.domain.clock import Clock
from desk.domain.dossier import DossierStatus
from desk.domain.errors import NotFound, UserError
from desk.domain.office import Clerk
from desk.domain.roles import Permission, require
from desk.domain.scans import (
    MAX_PAGES,
    MAX_PDF_BYTES,
    RESULT_POSITION,
    WITH_RESULT,
    Scan,
    ScanKind,
    pdf_name,
)
from desk.domain.translation import translate
from desk.services import audit, changes
from desk.storage import files
from desk.storage.database import Database
from desk.storage.tables import DossierPaperRow, DossierRow, DossierScanRow, ScanFileRow, UserRow

if TYPE_CHECKING:
    from desk.documents.scan_pdf import BuiltPdf

#: Stored as the result's name when the clerk gives none (data, not screen text).
RESULT_NAME = "Kết quả giải quyết: {procedure}"  # untranslated: stored data, like paper names


def _dossier(s: Session, code: str) -> DossierRow:
    row = s.scalar(select(DossierRow).where(DossierRow.code == code.strip()))
    if row is None:
        raise NotFound(
            translate("Scans", "Không tìm thấy hồ sơ mã '{code}'. Kiểm tra lại mã hồ sơ.").format(
                code=code
            )
        )
    return row


def _paper(s: Session, row: DossierRow, position: int) -> DossierPaperRow:
    papers = s.scalars(
        select(DossierPaperRow)
        .where(DossierPaperRow.dossier_id == row.id)
        .order_by(DossierPaperRow.position)
    ).all()
    for paper in papers:
        if paper.position == position:
            return paper
    raise UserError(
        translate(
            "Scans",
            "Hồ sơ {code} không có giấy tờ số {number}: phiếu hẹn của hồ sơ ghi {count} giấy "
            "tờ, đánh số từ 1.",
        ).format(code=row.code, number=position, count=len(papers)),
        "paper",
    )


def paper_position(db: Database, code: str, name: str) -> int:
    """The number of the paper called ``name`` in the dossier's list (as on its receipt)."""
    with db.read() as s:
        row = _dossier(s, code)
        found = s.scalar(
            select(DossierPaperRow.position).where(
                DossierPaperRow.dossier_id == row.id, DossierPaperRow.name == name
            )
        )
    if found is None:
        raise UserError(
            translate("Scans", "Hồ sơ {code} không có giấy tờ “{name}”.").format(
                code=code, name=name
            ),
            "paper",
        )
    return found


def _check_size(built: BuiltPdf) -> None:
    if built.pages > MAX_PAGES or len(built.data) > MAX_PDF_BYTES:
        raise UserError(
            translate(
                "Scans",
                "Bản số hóa quá lớn ({pages} trang, {megabytes} MB): một giấy tờ được tối đa "
                "{max_pages} trang và {max_megabytes} MB. Hãy quét ở độ phân giải 300 dpi, "
                "ảnh đen trắng hoặc xám cho giấy tờ không có màu.",
            ).format(
                pages=built.pages,
                megabytes=len(built.data) // 2**20,
                max_pages=MAX_PAGES,
                max_megabytes=MAX_PDF_BYTES // 2**20,
            ),
            "pages",
        )


def attach(
    db: Database,
    clerk: Clerk,
    code: str,
    position: int,
    built: BuiltPdf,
    clock: Clock,
    *,
    kind: ScanKind = ScanKind.PAPER,
    name: str = "",
    valid_until: date | None = None,
) -> Scan:
    """Keep ``built`` as the PDF of paper ``position`` of dossier ``code`` (or of its result)."""
    require(clerk.role, Permission.STEP)
    _check_size(built)
    if hashlib.sha256(built.data).hexdigest() != built.sha256:
        raise ValueError("the PDF changed after its hash was taken")
    now = clock.now()
    with db.write() as s:
        row = _dossier(s, code)
        if kind is ScanKind.RESULT:
            if DossierStatus(row.status) not in WITH_RESULT:
                raise UserError(
                    translate(
                        "Scans",
                        "Hồ sơ {code} chưa có kết quả: chỉ số hóa kết quả sau khi đã ghi nhận "
                        "“Có kết quả”.",
                    ).format(code=row.code),
                    "paper",
                )
            position = RESULT_POSITION
            name = name.strip() or RESULT_NAME.format(procedure=row.procedure_name)
        else:
            name = _paper(s, row, position).name
        file = ScanFileRow(
            sha256=built.sha256,
            pages=built.pages,
            size=len(built.data),
            pdfa=built.pdfa,
            origin_code=row.code,
            made_at=now,
            made_by_id=clerk.id,
            valid_until=valid_until,
            data=built.data,
        )
        s.add(file)
        s.flush()
        old = _link(s, row.id, kind, position)
        if old is not None:
            old_file = old.file_id
            old.file_id, old.name, old.linked_at, old.linked_by_id = file.id, name, now, clerk.id
            s.flush()
            _delete_if_unused(s, old_file)
        else:
            s.add(
                DossierScanRow(
                    dossier_id=row.id,
                    kind=kind.value,
                    position=position,
                    name=name,
                    file_id=file.id,
                    linked_at=now,
                    linked_by_id=clerk.id,
                )
            )
        if kind is ScanKind.PAPER:
            _paper(s, row, position).reused_from = ""  # scanned here now
        audit.record(
            s,
            clerk,
            now,
            "dossier",
            row.code,
            "scan_attached",
            {},
            {"paper": position, "kind": kind.value, "pages": built.pages, "sha256": built.sha256},
        )
        changes.bump(s, changes.DOSSIERS)
    return next(x for x in list_scans(db, code) if x.kind is kind and x.position == position)


def _link(s: Session, dossier_id: int, kind: ScanKind, position: int) -> DossierScanRow | None:
    return s.scalar(
        select(DossierScanRow).where(
            DossierScanRow.dossier_id == dossier_id,
            DossierScanRow.kind == kind.value,
            DossierScanRow.position == position,
        )
    )


def _delete_if_unused(s: Session, file_id: int) -> None:
    used = s.scalar(select(exists().where(DossierScanRow.file_id == file_id)))
    if not used:
        s.execute(delete(ScanFileRow).where(ScanFileRow.id == file_id))


def _scans_of(s: Session, row: DossierRow) -> list[Scan]:
    rows = s.execute(
        select(DossierScanRow, ScanFileRow, UserRow.full_name)
        .join(ScanFileRow, ScanFileRow.id == DossierScanRow.file_id)
        .outerjoin(UserRow, UserRow.id == ScanFileRow.made_by_id)
        .where(DossierScanRow.dossier_id == row.id)
        .order_by(DossierScanRow.kind, DossierScanRow.position)
    ).all()
    return [
        Scan(
            file_id=f.id,
            dossier_code=row.code,
            kind=ScanKind(link.kind),
            position=link.position,
            name=link.name,
            pages=f.pages,
            sha256=f.sha256,
            size=f.size,
            made_at=f.made_at,
            made_by=who or "",
            origin_code=f.origin_code,
            valid_until=f.valid_until,
            pdfa=f.pdfa,
        )
        for link, f, who in rows
    ]


def list_scans(db: Database, code: str) -> list[Scan]:
    """The dossier's scans: its papers by number, then its result."""
    with db.read() as s:
        return _scans_of(s, _dossier(s, code))


def read_pdf(db: Database, code: str, position: int, kind: ScanKind = ScanKind.PAPER) -> bytes:
    """The PDF of one paper (or of the result), after checking it is the one recorded."""
    with db.read() as s:
        row = _dossier(s, code)
        link = _link(s, row.id, kind, RESULT_POSITION if kind is ScanKind.RESULT else position)
        if link is None:
            raise NotFound(
                translate(
                    "Scans", "Giấy tờ số {number} của hồ sơ {code} chưa có bản số hóa."
                ).format(number=position, code=row.code)
            )
        data, digest = s.execute(
            select(ScanFileRow.data, ScanFileRow.sha256).where(ScanFileRow.id == link.file_id)
        ).one()
    data = bytes(data)
    if hashlib.sha256(data).hexdigest() != digest:
        raise UserError(
            translate(
                "Scans",
                "Bản số hóa giấy tờ số {number} của hồ sơ {code} không còn đúng với mã băm đã ghi "
                "(dữ liệu bị hỏng): hãy khôi phục từ bản sao lưu hoặc quét lại giấy tờ.",
            ).format(number=position, code=row.code)
        )
    return data


def remove(db: Database, clerk: Clerk, code: str, position: int, clock: Clock,
           kind: ScanKind = ScanKind.PAPER) -> None:  # fmt: skip
    """Drop the scan of one paper (a wrong paper scanned); audited."""
    require(clerk.role, Permission.STEP)
    now = clock.now()
    with db.write() as s:
        row = _dossier(s, code)
        position = RESULT_POSITION if kind is ScanKind.RESULT else position
        link = _link(s, row.id, kind, position)
        if link is None:
            return
        file_id = link.file_id
        s.delete(link)
        s.flush()
        _delete_if_unused(s, file_id)
        audit.record(s, clerk, now, "dossier", row.code, "scan_removed", {"paper": position}, {})
        changes.bump(s, changes.DOSSIERS)


def erase_for_dossier(s: Session, dossier_id: int) -> int:
    """Inside an erasure's transaction: the dossier's scans go, and every PDF no other
    dossier links. Returns how many scans the dossier had."""
    files = list(
        s.scalars(select(DossierScanRow.file_id).where(DossierScanRow.dossier_id == dossier_id))
    )
    s.execute(delete(DossierScanRow).where(DossierScanRow.dossier_id == dossier_id))
    s.flush()
    for file_id in set(files):
        _delete_if_unused(s, file_id)
    return len(files)


def export_files(s: Session, row: DossierRow, target: Path) -> list[dict[str, object]]:
    """The citizen's export: each scan of a dossier written as a PDF in the folder beside
    ``target`` (``cong-dan.json`` -> ``cong-dan-ban-so-hoa/``), readable by its owner
    only; returns what the JSON says of each."""
    out: list[dict[str, object]] = []
    folder = target.with_name(f"{target.stem}-ban-so-hoa")
    for scan in _scans_of(s, row):
        data = bytes(
            s.scalars(select(ScanFileRow.data).where(ScanFileRow.id == scan.file_id)).one()
        )
        name = pdf_name(row.code, scan.position, scan.name)
        folder.mkdir(parents=True, exist_ok=True)
        files.write_private_bytes(folder / name, data)
        out.append(
            {
                "paper": scan.position,
                "kind": scan.kind.value,
                "name": scan.name,
                "pages": scan.pages,
                "sha256": scan.sha256,
                "made_at": scan.made_at.isoformat(),
                "made_by": scan.made_by,
                "from_dossier": scan.origin_code,
                "valid_until": scan.valid_until.isoformat() if scan.valid_until else None,
                "file": f"{folder.name}/{name}",
            }
        )
    return out
