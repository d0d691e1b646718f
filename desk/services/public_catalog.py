"""The published procedures (niêm yết, công khai thủ tục hành chính), as citizens see them.

Offices must publish every procedure in full where citizens can see it: the
kiosk's "Tra cứu thủ tục" screen (search without accents, browse by field),
the checklist slip printed from it, the A4 booklet for the notice board and
the same list as an Excel file. All of them show only the active procedures
of the catalog, the very list the counter works from (Decree 118/2025 art. 16(1)
and art. 5(1)(đ): the counter may ask only for the papers published).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image

from desk.documents.catalog_booklet import Booklet, group_by_field, write_booklet
from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import NotFound, UserError
from desk.domain.procedure import Procedure
from desk.domain.translation import translate
from desk.printing.checklist_render import print_checklist as _print_checklist
from desk.services import catalog, office, queue_setup
from desk.storage.database import Database

FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True)
class FieldCount:
    """A field (lĩnh vực) and how many active procedures it has."""

    name: str
    count: int


def published(db: Database, query: str = "", field: str = "") -> list[Procedure]:
    """Active procedures matching every word of ``query`` (accents and case ignored),
    in ``field`` when one is given; by field, then by name, as the booklet orders them."""
    found = catalog.list_procedures(db, query)
    if field:
        found = [p for p in found if p.field.strip() == field.strip()]
    return [p for part in group_by_field(found) for p in part.procedures]


def fields(db: Database) -> list[FieldCount]:
    """The fields of the active procedures, in alphabetical order, with their counts."""
    parts = group_by_field(catalog.list_procedures(db))
    return [FieldCount(part.field, len(part.procedures)) for part in parts]


def get_published(db: Database, code: str) -> Procedure:
    """One active procedure; a withdrawn one is not published any more."""
    procedure = catalog.get_procedure(db, code.strip())
    if not procedure.active:
        raise NotFound(
            translate("PublicCatalog", "Thủ tục mã '{code}' không còn áp dụng.").format(code=code),
            "procedure",
        )
    return procedure


def print_checklist(
    db: Database,
    code: str,
    clock: Clock | None = None,
    uri: str | None = None,
    paper: str | None = None,
) -> Image.Image:
    """Print a procedure's checklist slip on the kiosk's printer (or ``uri``); its image.

    Raises ``PrinterError`` when the printer cannot be reached; ``none`` prints nothing.
    """
    setting_uri, setting_paper = queue_setup.kiosk_printer(db)
    now = (clock or SystemClock()).now()
    return _print_checklist(
        get_published(db, code),
        office.get_office(db),
        now,
        uri or setting_uri,
        paper or setting_paper,
    )


def write_booklet_pdf(db: Database, path: Path, as_of: date) -> int:
    """The A4 booklet of every active procedure, dated ``as_of``; returns the count."""
    procedures = tuple(catalog.list_procedures(db))
    write_booklet(path, Booklet(office.get_office(db), procedures, as_of))
    return len(procedures)


def write_xlsx(db: Database, path: Path) -> int:
    """The same list as an Excel workbook (the catalog's own format, active procedures only)."""
    from desk.services.catalog_files import write_catalog

    procedures = published(db)
    write_catalog(path, procedures)
    return len(procedures)


def export(db: Database, path: Path, fmt: str = "", clock: Clock | None = None) -> int:
    """Write the published catalog as ``pdf`` or ``xlsx`` (from the file's suffix when
    ``fmt`` is empty); returns how many procedures it holds."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise UserError(
            translate(
                "PublicCatalog", "Không ghi được danh mục dạng '{format}': chọn pdf hoặc xlsx."
            ).format(format=fmt or path.name),
            "format",
        )
    if path.suffix.lower() != f".{fmt}":
        raise UserError(
            translate(
                "PublicCatalog", "Tệp {name} phải có đuôi .{format} cho định dạng {format}."
            ).format(name=path.name, format=fmt),
            "out",
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return write_xlsx(db, path)
    return write_booklet_pdf(db, path, (clock or SystemClock()).now().date())
