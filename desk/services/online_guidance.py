"""Guiding a citizen to submit online (hướng dẫn nộp hồ sơ trực tuyến).

Directive 24/CT-TTg (2025) made some services online-only from 01/10/2025; the
catalog marks them (``Procedure.online_only``). When such a dossier comes to the
counter, the clerk prints a short guide to the National Public Service Portal
on the receipt printer (``desk.printing.online_guide``). Each guide printed is
recorded (time, clerk, procedure code) in ``online_guidance`` and the reports
count them per period ("guided online"), so a supervisor sees how many citizens
were sent to the portal instead of being received at the counter.

A guide is recorded only once it has reached the printer: a printer that is off
raises ``PrinterError`` and records nothing, so the clerk can try again. With the
``none`` printer (no receipt printer at this counter) nothing is sent and the
guide still counts: the clerk shows it on screen.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from desk.domain.clock import Clock, SystemClock
from desk.domain.office import Clerk
from desk.domain.procedure import Procedure
from desk.services import catalog, office
from desk.services.receipt_printer import receipt_printer
from desk.storage.database import Database
from desk.storage.tables import OnlineGuidanceRow

if TYPE_CHECKING:  # the picture's library, loaded with the printing
    from PIL import Image


def guide_image(
    db: Database, procedure: Procedure, printed_at: datetime, paper: str | None = None
) -> Image.Image:
    """The exact image the guide of ``procedure`` would print."""
    paper = paper or receipt_printer(db).paper
    from desk.printing.online_guide import guide_image

    return guide_image(procedure.code, procedure.name, office.get_office(db), printed_at, paper)


def print_guide(
    db: Database,
    procedure_code: str,
    clerk: Clerk | None,
    clock: Clock | None = None,
    uri: str | None = None,
    paper: str | None = None,
) -> Image.Image:
    """Print the guide for a procedure of the catalog, record it, return the image sent.

    ``uri`` and ``paper`` default to this PC's receipt printer (``receipt_printer``).
    Raises ``NotFound`` for a code not in the catalog, ``PrinterError`` (a
    ``UserError``) when the printer cannot be reached; then nothing is recorded.
    """
    procedure = catalog.get_procedure(db, procedure_code.strip())
    now = (clock or SystemClock()).now()
    if not uri or not paper:
        here = receipt_printer(db)
        uri, paper = uri or here.uri, paper or here.paper
    from desk.printing.online_guide import print_guide as send_guide

    image = send_guide(procedure.code, procedure.name, office.get_office(db), now, uri, paper)
    record_guidance(db, procedure.code, clerk, now)
    return image


def record_guidance(db: Database, procedure_code: str, clerk: Clerk | None, at: datetime) -> None:
    """Count one citizen guided to the portal for ``procedure_code``."""
    with db.write() as s:
        s.add(
            OnlineGuidanceRow(
                at=at, clerk_id=clerk.id if clerk else None, procedure_code=procedure_code
            )
        )


def count_between(s, start: datetime, end: datetime) -> int:  # noqa: ANN001
    """Guides printed from ``start`` (included) to ``end`` (excluded), inside the
    reports' open session."""
    stmt = select(func.count(OnlineGuidanceRow.id)).where(
        OnlineGuidanceRow.at >= start, OnlineGuidanceRow.at < end
    )
    return int(s.scalar(stmt) or 0)
