"""A citizen's personal data: handing it over, and erasing it when it is no longer needed.

The Personal Data Protection Law (91/2025/QH15) gives the data subject the right to
obtain the data an office holds about them (art. 4(1)(d), 15(2)(a)) and to have it
deleted once the purpose of the processing is over (art. 14(1)(b), (c)). A dossier
that was refused or stopped never leads to a result the office must keep, so after
the retention period a supervisor may erase the applicant's personal data from it;
the dossier itself (procedure, dates, steps) stays for the statistics and the
tracking book. Both acts are written to the audit trail, which keeps the masked ID
number, never the full one.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk.domain.clock import Clock, SystemClock, to_vn
from desk.domain.dossier import DossierStatus
from desk.domain.errors import NotFound, UserError
from desk.domain.masking import mask_id_number
from desk.domain.office import Clerk
from desk.domain.roles import Role
from desk.domain.text import fold
from desk.domain.translation import translate
from desk.services import audit, changes, outbox, scans, settings
from desk.storage import files
from desk.storage.database import Database
from desk.storage.tables import DossierRow, DossierStepRow

RETENTION_DAYS = "retention_days"
#: Five years, the longest complaint and review period a refused dossier may face.
DEFAULT_RETENTION_DAYS = 1826
ERASED_NAME = "(đã xóa)"  # untranslated: stored in the dossier in place of the name
#: Only a closed dossier that produced no result may lose its applicant's data.
ERASABLE = (DossierStatus.REFUSED.value, DossierStatus.STOPPED.value)
#: Columns that hold the applicant's personal data, and what replaces each one.
ERASED_VALUES: dict[str, Any] = {
    "applicant_name": ERASED_NAME,
    "id_number": "",
    "birth_date": None,
    "address": "",
    "phone": "",
    "email": "",
    "principal": "",
    "delivery_address": "",
    "collected_by": "",
}
FACTS = (
    "code",
    "procedure_code",
    "procedure_name",
    "field",
    "applicant_kind",
    "applicant_name",
    "id_number",
    "birth_date",
    "address",
    "phone",
    "email",
    "principal",
    "channel",
    "result_delivery",
    "delivery_address",
    "sets",
    "note",
    "fee",
    "limit_text",
    "received_at",
    "appointment_at",
    "due_at",
    "status",
    "holder",
    "decided_at",
    "result_class",
    "returned_at",
    "closed_at",
    "return_method",
    "tracking_number",
    "collected_by",
)


def retention_days(db: Database) -> int:
    """Days a refused or stopped dossier keeps its applicant's data after closing."""
    text = settings.get_setting(db, RETENTION_DAYS).strip()
    try:
        days = int(text) if text else DEFAULT_RETENTION_DAYS
    except ValueError:
        return DEFAULT_RETENTION_DAYS
    return days if days > 0 else DEFAULT_RETENTION_DAYS


def set_retention_days(db: Database, by: Clerk, days: int) -> None:
    if by.role != Role.ADMIN.value:
        raise UserError(
            translate(
                "PersonalData", "Chỉ quản trị viên mới được đổi thời hạn lưu giữ dữ liệu cá nhân."
            )
        )
    if days <= 0:
        raise UserError(
            translate("PersonalData", "Thời hạn lưu giữ phải là số ngày lớn hơn 0."), RETENTION_DAYS
        )
    settings.set_setting(db, RETENTION_DAYS, str(days))


# --- export ---------------------------------------------------------------------


def export_citizen(
    db: Database, clerk: Clerk, id_number: str, path: str | Path, clock: Clock | None = None
) -> int:
    """Write every dossier of ``id_number`` (facts, papers, steps) to a JSON file.

    Returns the number of dossiers written. The export and who made it go to the
    audit trail under the masked ID number (Law 91/2025/QH15 art. 15(2)(a): a
    request for one's own data is answered, and the answer is accounted for).
    """
    if clerk.role not in (Role.SUPERVISOR.value, Role.ADMIN.value):
        raise UserError(
            translate(
                "PersonalData",
                "Chỉ lãnh đạo, giám sát hoặc quản trị viên mới được xuất dữ liệu cá nhân của công dân.",
            )
        )
    wanted = "".join(id_number.split())
    if not wanted:
        raise UserError(
            translate("PersonalData", "Hãy nhập số định danh cá nhân (CCCD) cần xuất dữ liệu."),
            "id_number",
        )
    masked = mask_id_number(wanted)
    now = (clock or SystemClock()).now()
    target = Path(path)
    with db.write() as s:
        rows = s.scalars(
            select(DossierRow)
            .where(DossierRow.id_number == wanted)
            .options(selectinload(DossierRow.papers))
            .order_by(DossierRow.received_at, DossierRow.id)
        ).all()
        if not rows:
            raise NotFound(
                translate(
                    "PersonalData", "Không có hồ sơ nào của số định danh {id_number}."
                ).format(id_number=masked)
            )
        dossiers = [_dossier_data(s, row) for row in rows]
        for facts, row in zip(dossiers, rows):  # the PDFs go beside the file
            facts["scans"] = scans.export_files(s, row, target)
        content = {
            "id_number": wanted,
            "exported_at": now.isoformat(),
            "exported_by": clerk.full_name,
            "dossiers": dossiers,
        }
        _write_json(target, content)
        audit.record(
            s,
            clerk,
            now,
            "citizen",
            masked,
            "export",
            {},
            {"dossiers": [row.code for row in rows], "file": target.name},
        )
    return len(rows)


def _dossier_data(s: Session, row: DossierRow) -> dict[str, Any]:
    facts: dict[str, Any] = {name: _plain(getattr(row, name)) for name in FACTS}
    facts["papers"] = [{"name": p.name, "form": p.form, "count": p.count} for p in row.papers]
    steps = s.scalars(
        select(DossierStepRow)
        .where(DossierStepRow.dossier_id == row.id)
        .options(selectinload(DossierStepRow.by_user))
        .order_by(DossierStepRow.at, DossierStepRow.id)
    ).all()
    facts["steps"] = [
        {
            "kind": st.kind,
            "at": _plain(st.at),
            "by": st.by_user.full_name if st.by_user else "",
            "from": st.from_holder,
            "to": st.to_holder,
            "note": st.note,
            "result": st.result,
            "data": json.loads(st.data or "{}"),
        }
        for st in steps
    ]
    return facts


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _write_json(target: Path, content: dict[str, Any]) -> None:
    """Readable by its owner only: the file holds a citizen's personal data."""
    data = json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8")
    try:
        files.write_private_bytes(target, data)
    except OSError as exc:
        raise UserError(
            translate(
                "PersonalData",
                "Không ghi được tệp {path}: {error}. Hãy chọn thư mục khác "
                "còn chỗ trống và được phép ghi.",
            ).format(path=target, error=exc.strerror),
            "path",
        ) from exc


# --- erasure --------------------------------------------------------------------


def erase_personal_data(db: Database, clerk: Clerk, code: str, clock: Clock) -> None:
    """Erase the applicant's personal data from a refused or stopped dossier.

    Allowed to a supervisor only, and only once the dossier has been closed for
    longer than the retention period (Law 91/2025/QH15 art. 14(1)(b), (c):
    deletion when the purpose is over or the keeping time has passed). What was
    erased, by whom and when goes to the audit trail; the erased values themselves
    do not.
    """
    if clerk.role != Role.SUPERVISOR.value:
        raise UserError(
            translate(
                "PersonalData", "Chỉ lãnh đạo, giám sát mới được xóa dữ liệu cá nhân trong hồ sơ."
            )
        )
    days = retention_days(db)
    now = clock.now()
    with db.write() as s:
        row = s.scalar(select(DossierRow).where(DossierRow.code == code.strip()))
        if row is None:
            raise NotFound(
                translate(
                    "PersonalData", "Không tìm thấy hồ sơ mã '{code}'. Kiểm tra lại mã hồ sơ."
                ).format(code=code)
            )
        _check_erasable(row, now, days)
        erased = [name for name, value in ERASED_VALUES.items() if getattr(row, name) != value]
        erased += ["scans"] if scans.erase_for_dossier(s, row.id) else []  # the digitised papers
        for name, value in ERASED_VALUES.items():
            setattr(row, name, value)
        row.search_key = fold(row.code)
        outbox.erase_for(s, row)  # the messages' addresses and words go too
        audit.record(
            s, clerk, now, "dossier", row.code, "erase_personal_data", {}, {"erased": erased}
        )
        changes.bump(s, changes.DOSSIERS)


def _check_erasable(row: DossierRow, now: datetime, days: int) -> None:
    if row.applicant_name == ERASED_NAME and not row.id_number:
        raise UserError(
            translate(
                "PersonalData", "Dữ liệu cá nhân trong hồ sơ {code} đã được xóa trước đây."
            ).format(code=row.code)
        )
    if row.status not in ERASABLE or row.closed_at is None:
        raise UserError(
            translate(
                "PersonalData",
                "Hồ sơ {code} không bị từ chối hoặc dừng giải quyết: dữ liệu cá nhân "
                "trong hồ sơ này phải được lưu giữ, không được xóa.",
            ).format(code=row.code)
        )
    until = to_vn(row.closed_at) + timedelta(days=days)
    if now <= until:
        raise UserError(
            translate(
                "PersonalData",
                "Hồ sơ {code} chưa hết thời hạn lưu giữ {days} ngày kể từ khi kết thúc: "
                "chỉ được xóa dữ liệu cá nhân sau ngày {date}.",
            ).format(code=row.code, days=days, date=f"{until:%d/%m/%Y}")
        )
