"""The office this desk serves, and the first start that sets it up."""

from __future__ import annotations

from desk.domain.clock import Clock, SystemClock
from desk.domain.dossier_code import agency_code_problem
from desk.domain.errors import NotFound, ValidationError
from desk.domain.office import Clerk, Office
from desk.domain.translation import translate
from desk.storage.database import Database
from desk.storage.tables import OfficeRow, UserRow


def needs_setup(db: Database) -> bool:
    """True until the office and a first admin account exist."""
    with db.read() as s:
        return s.get(OfficeRow, 1) is None or s.query(UserRow).first() is None


def check_office(office: Office) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not office.name.strip():
        errors["office_name"] = translate(
            "Office", "Chưa nhập tên cơ quan (ví dụ: UBND xã Tân Phú)."
        )
    if not office.parent.strip():
        errors["office_parent"] = translate(
            "Office", "Chưa nhập cơ quan cấp trên (ví dụ: UBND tỉnh Đồng Nai)."
        )
    problem = agency_code_problem(office.code.strip())
    if problem:
        errors["office_code"] = problem
    return errors


def set_up_office(
    db: Database,
    office: Office,
    admin_username: str,
    admin_full_name: str,
    admin_password: str,
    clock: Clock | None = None,
) -> Clerk:
    """First start: save the office, the first admin, the shipped catalog and calendar."""
    from desk.services import accounts, calendar, catalog, departments

    errors = check_office(office)
    errors.update(accounts.check_account(admin_username, admin_full_name, admin_password))
    if errors:
        raise ValidationError(errors)
    save_office(db, office)
    clerk = accounts.create_account(
        db,
        admin_username,
        admin_full_name,
        admin_password,
        role="admin",
        clock=clock or SystemClock(),
    )
    catalog.load_shipped_catalog(db)
    calendar.load_shipped_days(db)
    departments.seed_departments(db)
    return clerk


def save_office(db: Database, office: Office) -> None:
    errors = check_office(office)
    if errors:
        raise ValidationError(errors)
    with db.write() as s:
        row = s.get(OfficeRow, 1) or OfficeRow(id=1)
        row.name, row.parent, row.code = (
            office.name.strip(),
            office.parent.strip(),
            office.code.strip(),
        )
        row.address, row.hotline = office.address.strip(), office.hotline.strip()
        row.head_title, row.head_name = office.head_title.strip(), office.head_name.strip()
        s.add(row)


def get_office(db: Database) -> Office:
    with db.read() as s:
        row = s.get(OfficeRow, 1)
        if row is None:
            raise NotFound(translate("Office", "Chưa thiết lập thông tin cơ quan."))
        return Office(
            name=row.name,
            parent=row.parent,
            code=row.code,
            address=row.address,
            hotline=row.hotline,
            head_title=row.head_title,
            head_name=row.head_name,
        )
