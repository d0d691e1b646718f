"""Printing and reprinting a dossier's thermal receipt.

The dossier is already saved when this runs; a printer failure raises a
``PrinterError`` (a ``UserError``) and changes nothing in the database, so a
reprint is always possible. A print is "printed" only when the printer
confirmed it (``desk.printing.printer_status``): the result says what is known.

Each receipt that goes out to a printer is written in the dossier's audit trail
(``receipt_printed``, or ``receipt_reprinted`` for a copy: who, when, for which
appointment). A receipt printed again for an appointment a receipt already went
out for is a reprint: it says "IN LẠI" and when at its top, so a copy is never
taken for the first receipt. A new appointment (after a supplement the time
limit starts again, Decree 118/2025 art. 19) makes a new receipt, printed as a
first one. A receipt only shown (printer ``none``) or that did not reach the
printer went nowhere, and is not counted.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PIL import Image

from desk import printing
from desk.domain.clock import Clock, SystemClock, to_vn
from desk.domain.dossier import Dossier
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.services import audit, dossiers, office
from desk.services.receipt_printer import receipt_printer
from desk.storage.database import Database

log = logging.getLogger(__name__)

PRINTED = "receipt_printed"
REPRINTED = "receipt_reprinted"


def receipt_image(db: Database, code: str, paper: str | None = None) -> Image.Image:
    """The exact image that would be sent to this PC's receipt printer."""
    paper = paper or receipt_printer(db).paper
    return printing.receipt_image(dossiers.get_dossier(db, code), office.get_office(db), paper)


def printed_before(db: Database, dossier: Dossier) -> bool:
    """A receipt for the dossier's present appointment has already gone to a printer."""
    due = to_vn(dossier.appointment_at)
    for entry in audit.trail(db, "dossier", dossier.code):
        if entry.action not in (PRINTED, REPRINTED):
            continue
        try:
            if datetime.fromisoformat(str(entry.after.get("appointment_at"))) == due:
                return True
        except ValueError:
            continue
    return False


def print_receipt(
    db: Database,
    code: str,
    uri: str | None = None,
    paper: str | None = None,
    status_timeout: float | None = None,
    *,
    clerk: Clerk | None = None,
    clock: Clock | None = None,
) -> printing.PrintedReceipt:
    """Print (or reprint) the receipt: the image sent, and whether the printer confirmed it.

    ``uri`` and ``paper`` default to this PC's receipt printer
    (``desk.services.receipt_printer``). A reprint (see the module) is marked
    "IN LẠI" with the time now; ``clerk`` is who the audit trail names for the print.
    """
    if not uri or not paper:
        here = receipt_printer(db)
        uri, paper = uri or here.uri, paper or here.paper
    dossier, the_office = dossiers.get_dossier(db, code), office.get_office(db)
    now = (clock or SystemClock()).now()
    reprinted_at = now if printed_before(db, dossier) else None
    if status_timeout is None:
        printed = printing.print_receipt(dossier, the_office, uri, paper, reprinted_at=reprinted_at)
    else:
        printed = printing.print_receipt(
            dossier,
            the_office,
            uri,
            paper,
            status_timeout=status_timeout,
            reprinted_at=reprinted_at,
        )
    if printed.outcome.delivery is not printing.Delivery.NOTHING:
        _record(db, dossier, clerk, now, uri, reprinted=reprinted_at is not None)
    return printed


def _record(
    db: Database, dossier: Dossier, clerk: Clerk | None, now: datetime, uri: str, reprinted: bool
) -> None:
    """The print in the dossier's audit trail; the receipt is out whatever happens here."""
    after = {"appointment_at": to_vn(dossier.appointment_at).isoformat(), "printer": uri}
    try:
        with db.write() as s:
            action = REPRINTED if reprinted else PRINTED
            audit.record(s, clerk, now, "dossier", dossier.code, action, after=after)
    except UserError as exc:
        log.warning("receipt of %s printed but not written down: %s", dossier.code, exc.message)
