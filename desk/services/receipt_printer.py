"""Which printer a receipt goes to: this PC's own, else the office's.

Every counter PC has its receipt printer beside it, so the printer is a setting
of the PC (``machine.json``, ``desk.config.machine_settings``): any clerk signed
in at it may choose it, test it and save it, and the choice is written in the
audit trail (who, which PC, the printer before and after). The office keeps one
printer in the database for the PCs that have not chosen their own; that
office-wide setting, like every office setting, is the admin's alone.

A printer is an address (``desk.printing.printer_uri``) and a paper setting
("80", "80-180dpi", "58"); both are checked before anything is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk import config
from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.translation import translate
from desk.printing.paper import paper_width
from desk.printing.printer_uri import parse_printer_uri
from desk.services import audit, settings
from desk.services.sessions import PC_ENTITY
from desk.storage.database import Database
from desk.storage.engine import host_name

#: This PC's receipt printer in its machine settings: ``{"uri": ..., "paper": ...}``.
PC_PRINTER = "receipt_printer"


@dataclass(frozen=True)
class ReceiptPrinter:
    """A printer address and its paper; ``this_pc``: this PC's own, not the office's."""

    uri: str
    paper: str
    this_pc: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"uri": self.uri, "paper": self.paper}

    def audited(self) -> dict[str, Any]:
        """As the audit trail keeps it: whose printer it was, too."""
        return self.as_dict() | {"this_pc": self.this_pc}


def office_printer(db: Database) -> ReceiptPrinter:
    """The office's printer, for the PCs without one of their own."""
    with db.read() as s:
        uri = settings.get_setting_in(s, settings.PRINTER_URI)
        paper = settings.get_setting_in(s, settings.PAPER)
    return ReceiptPrinter(uri, paper)


def this_pc_printer() -> ReceiptPrinter | None:
    """This PC's own printer, ``None`` when it has none (or its setting is damaged)."""
    value = config.machine_settings().get(PC_PRINTER)
    if not isinstance(value, dict):
        return None
    uri, paper = value.get("uri"), value.get("paper")
    if not isinstance(uri, str) or not uri.strip() or not isinstance(paper, str):
        return None
    return ReceiptPrinter(uri.strip(), paper, this_pc=True)


def receipt_printer(db: Database) -> ReceiptPrinter:
    """Where this PC prints receipts: its own printer, else the office's."""
    return this_pc_printer() or office_printer(db)


def check_printer(uri: str, paper: str) -> None:
    """A ``UserError`` (field ``printer_uri`` or ``paper``) unless both can be used."""
    parse_printer_uri(uri)
    paper_width(paper)


def set_this_pc_printer(
    db: Database, clerk: Clerk, uri: str | None, paper: str = "", clock: Clock | None = None
) -> ReceiptPrinter:
    """Save this PC's own printer (``uri=None``: none, use the office's), any clerk.

    The setting and its audit entry go together: a file that cannot be written
    (``OSError``) rolls the entry back, and an entry the database refuses
    (``UserError``) puts the file back as it was.
    """
    kept = config.machine_settings().get(PC_PRINTER)
    before = receipt_printer(db)
    chosen = None
    if uri is not None:
        check_printer(uri.strip(), paper)
        chosen = ReceiptPrinter(uri.strip(), paper, this_pc=True)
    after = chosen or office_printer(db)
    now = (clock or SystemClock()).now()
    try:
        with db.write() as s:
            audit.record(
                s,
                clerk,
                now,
                PC_ENTITY,
                host_name(),
                "receipt_printer",
                before.audited(),
                after.audited(),
            )
            s.flush()
            config.save_machine_setting(PC_PRINTER, chosen.as_dict() if chosen else None)
    except UserError:
        config.save_machine_setting(PC_PRINTER, kept)
        raise
    return after


def set_office_printer(
    db: Database, clerk: Clerk, uri: str, paper: str, clock: Clock | None = None
) -> ReceiptPrinter:
    """Save the office's printer, for the PCs without their own: the admin only."""
    if not clerk.is_admin:
        raise UserError(
            translate(
                "ReceiptPrinter",
                "Chỉ quản trị viên mới được đổi máy in chung của cơ quan. Máy in của máy này: "
                "Hồ sơ > Máy in phiếu của máy này.",
            )
        )
    check_printer(uri.strip(), paper)
    chosen = ReceiptPrinter(uri.strip(), paper)
    before = office_printer(db)
    now = (clock or SystemClock()).now()
    with db.write() as s:
        settings.set_setting_in(s, settings.PRINTER_URI, chosen.uri)
        settings.set_setting_in(s, settings.PAPER, chosen.paper)
        audit.record(
            s, clerk, now, "setting", "receipt_printer", "set", before.audited(), chosen.audited()
        )
    return chosen
