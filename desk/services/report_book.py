"""The tracking book (Sổ theo dõi hồ sơ, form 07 of Circular 03/2025/TT-VPCP, Annex I):
the period's dossiers, in the order they were received, streamed from one query.

A dossier belongs to the book of the period it was received in (``received_at``,
Vietnam days). Rows are read in batches, so a year's book does not hold a
hundred thousand ORM objects at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select

from desk.documents import tracking_book
from desk.documents.tracking_book import BookEntry, TrackingBook
from desk.domain.statistics import Period
from desk.services import office
from desk.storage.database import Database
from desk.storage.tables import DepartmentRow, DossierRow

D = DossierRow
BATCH = 2000


def _in_period(period: Period):  # noqa: ANN202
    return (D.received_at >= period.start, D.received_at < period.end)


def book_count(db: Database, period: Period) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(D).where(*_in_period(period))) or 0)


def book_entries(db: Database, period: Period) -> Iterator[BookEntry]:
    """The period's dossiers, numbered from 1 in the order received."""
    stmt = (
        select(
            D.code,
            D.procedure_name,
            D.applicant_name,
            D.address,
            D.phone,
            DepartmentRow.name,
            D.received_at,
            D.appointment_at,
            D.due_at,
            D.returned_at,
            D.status,
            D.return_method,
            D.tracking_number,
        )
        .outerjoin(DepartmentRow, DepartmentRow.id == D.department_id)
        .where(*_in_period(period))
        .order_by(D.received_at, D.id)
        .execution_options(yield_per=BATCH)
    )
    with db.read() as s:
        for number, r in enumerate(s.execute(stmt), start=1):
            yield BookEntry(
                number=number,
                code=r[0],
                procedure=r[1],
                applicant=r[2],
                address=r[3] or "",
                phone=r[4] or "",
                department=r[5] or "",
                received_at=r[6],
                appointment_at=r[7],
                due_at=r[8],
                returned_at=r[9],
                status=r[10],
                return_method=r[11] or "",
                tracking_number=r[12] or "",
            )


def tracking_book_data(db: Database, period: Period) -> TrackingBook:
    """The book with its entries still to be read (a generator: use it once)."""
    the_office = office.get_office(db)
    place = office.document_place(db, the_office)
    return TrackingBook(
        office=the_office,
        place=place,
        period=period,
        count=book_count(db, period),
        entries=book_entries(db, period),
    )


def tracking_book_pdf(db: Database, period: Period, path: str | Path) -> Path:
    return tracking_book.write(tracking_book_data(db, period), path)
