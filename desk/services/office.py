"""The office this desk serves, and the first start that sets it up.

The first start (the set-up wizard, ``desk db init``) is ONE transaction: the
office, its first admin, the shipped catalog and calendar (with the years it
confirms) and the usual departments are all saved, or none is. Versions before
this one saved them one after the other, so a start cut short (power, a killed
program) could leave an office with an admin and no catalog, calendar or
departments: ``complete_setup`` finds what is missing and adds it, again in one
transaction, and says what it added (the window at start, ``desk db init``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desk.documents.facts import place_of
from desk.domain.clock import Clock, SystemClock
from desk.domain.dossier_code import agency_code_problem
from desk.domain.errors import NotFound, ValidationError
from desk.domain.office import Clerk, Office
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated
from desk.domain.validation import check_text
from desk.services import settings
from desk.storage import rows
from desk.storage.database import Database
from desk.storage.tables import DepartmentRow, OfficeRow, ProcedureRow, SettingRow, UserRow

#: What a first start loads besides the office and its admin, as a message names it.
SHIPPED_PARTS = {
    "catalog": QT_TRANSLATE_NOOP("Office", "danh mục thủ tục hành chính"),
    "calendar": QT_TRANSLATE_NOOP("Office", "lịch nghỉ lễ, Tết"),
    "departments": QT_TRANSLATE_NOOP("Office", "danh sách phòng, ban"),
}
#: The longest office name or parent body a form prints (their columns' size).
OFFICE_NAME_LIMIT = 200
#: Office setting: the place name letters and reports are dated at ("Tân Phú, ngày
#: ..."); by default taken from the office's name.
PLACE_SETTING = "document_place"


@dataclass(frozen=True)
class SetupState:
    """What of the first start is in the database."""

    office: bool
    admin: bool
    missing: tuple[str, ...]  # keys of SHIPPED_PARTS not loaded yet

    @property
    def complete(self) -> bool:
        return self.office and self.admin and not self.missing


def _setup_statement(_dialect: str):  # noqa: ANN202
    from desk.services.calendar_build import CONFIRMED_YEARS

    return select(
        exists().where(OfficeRow.id == 1),
        exists().select_from(UserRow),
        exists().select_from(ProcedureRow),
        exists().where(SettingRow.key == CONFIRMED_YEARS),
        exists().select_from(DepartmentRow),
    )


#: What of the first start is in the database, in one statement: the office, an
#: account, then each of ``SHIPPED_PARTS`` (also read without the ORM, by the window's
#: first screen: ``desk.services.first_screen``).
SETUP = rows.Statement(_setup_statement)


def _office_names_statement(_dialect: str):  # noqa: ANN202
    return select(OfficeRow.name, OfficeRow.parent).where(OfficeRow.id == 1)


#: The office's name and its parent body, as the window's title and the login show them.
OFFICE_NAMES = rows.Statement(_office_names_statement)


def state_from(found: tuple) -> SetupState:
    """The ``SetupState`` of a row of ``SETUP``."""
    office, admin, *parts = (bool(v) for v in found)
    missing = tuple(key for key, present in zip(SHIPPED_PARTS, parts, strict=True) if not present)
    return SetupState(office=office, admin=admin, missing=missing)


def _setup_in(s: Session) -> SetupState:
    return state_from(s.execute(SETUP.clause(s.get_bind().dialect)).one())


def setup_state(db: Database) -> SetupState:
    with db.read() as s:
        return _setup_in(s)


def needs_setup(db: Database) -> bool:
    """True until the office and a first admin account exist (the wizard asks for them).

    An office that has both but lacks a shipped part is completed by
    ``complete_setup`` instead, without asking anything.
    """
    state = setup_state(db)
    return not state.office or not state.admin


def _load_missing(s: Session) -> list[str]:
    """Load every shipped part the database lacks; the labels of those loaded."""
    from desk.services import calendar, catalog, departments

    missing = _setup_in(s).missing
    loaders = {
        "catalog": catalog.load_shipped_catalog_in,
        "calendar": calendar.load_shipped_days_in,
        "departments": departments.seed_departments_in,
    }
    for key in missing:
        loaders[key](s)
    return [translated(SHIPPED_PARTS[key]) for key in missing]


def complete_setup(db: Database) -> list[str]:
    """Add what a first start cut short left out (in one transaction); the labels
    of what was added, ``[]`` when nothing was missing."""
    if not setup_state(db).missing:
        return []
    with db.write() as s:
        return _load_missing(s)


def check_office(office: Office) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not office.name.strip():
        errors["office_name"] = translate(
            "Office", "Chưa nhập tên cơ quan (ví dụ: UBND xã Tân Phú)."
        )
    elif msg := check_text(
        office.name, "office_name", translate("Office", "Tên cơ quan"), OFFICE_NAME_LIMIT
    ):
        errors["office_name"] = msg
    if not office.parent.strip():
        errors["office_parent"] = translate(
            "Office", "Chưa nhập cơ quan cấp trên (ví dụ: UBND tỉnh Đồng Nai)."
        )
    elif msg := check_text(
        office.parent, "office_parent", translate("Office", "Cơ quan cấp trên"), OFFICE_NAME_LIMIT
    ):
        errors["office_parent"] = msg
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
    """First start, all or nothing: the office (an office row a cut-short start left
    is updated), the first admin, and every shipped part not loaded yet."""
    from desk.services import accounts

    errors = check_office(office)
    errors.update(accounts.check_account(admin_username, admin_full_name, admin_password))
    if errors:
        raise ValidationError(errors)
    with db.write() as s:
        _save_office_in(s, office)
        clerk = accounts.create_account_in(
            s,
            admin_username,
            admin_full_name,
            admin_password,
            role="admin",
            clock=clock or SystemClock(),
        )
        _load_missing(s)
    return clerk


def save_office(db: Database, office: Office) -> None:
    errors = check_office(office)
    if errors:
        raise ValidationError(errors)
    with db.write() as s:
        _save_office_in(s, office)


def _save_office_in(s: Session, office: Office) -> None:
    row = s.get(OfficeRow, 1) or OfficeRow(id=1)
    row.name, row.parent, row.code = (
        office.name.strip(),
        office.parent.strip(),
        office.code.strip(),
    )
    row.address, row.hotline = office.address.strip(), office.hotline.strip()
    row.head_title, row.head_name = office.head_title.strip(), office.head_name.strip()
    s.add(row)


def find_office(db: Database) -> Office | None:
    """The office saved, or ``None`` before the first start saved it."""
    try:
        return get_office(db)
    except NotFound:
        return None


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


def document_place(db: Database, the_office: Office | None = None) -> str:
    """Where the office's forms and reports are dated: the ``document_place`` setting,
    else the commune, ward or province in the office's name."""
    the_office = the_office or get_office(db)
    return settings.get_setting(db, PLACE_SETTING).strip() or place_of(the_office)
