"""Files to a dossier's paper in one call: read the pages, make the one PDF, keep it.

What ``desk attach`` and the window's background worker do: the pages of the
files given (images or PDFs, in the order given) are added after the pages the
paper already has (``append``), or replace them; the paper's one PDF is written
again from all of them, without loss (``desk.documents.scan_pdf``), and kept
with ``desk.services.scans.attach``. ``progress(done, total)`` is called after
each page, from the thread that runs this.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from desk.documents.scan_pdf import BuiltPdf, build_pdf
from desk.documents.scan_sources import PageSource, pages_in, unpack_stored
from desk.domain.clock import Clock
from desk.domain.errors import NotFound, UserError
from desk.domain.office import Clerk
from desk.domain.scans import MAX_PAGES, RESULT_POSITION, Scan, ScanKind
from desk.domain.translation import translate
from desk.services import scans
from desk.storage.database import Database

Progress = Callable[[int, int], None]


def existing_pages(
    db: Database, code: str, position: int, folder: Path, kind: ScanKind = ScanKind.PAPER
) -> list[PageSource]:
    """The pages the paper already has, as sources in ``folder`` (none: ``[]``)."""
    try:
        data = scans.read_pdf(db, code, position, kind)
    except NotFound:
        return []
    return unpack_stored(data, folder)


def pages_of(paths: Sequence[Path]) -> list[PageSource]:
    """Every page of every file, in order; refuses a file that is not a scan."""
    pages = [page for path in paths for page in pages_in(Path(path))]
    if len(pages) > MAX_PAGES:
        raise UserError(
            translate(
                "ScanAttach", "Quá nhiều trang ({count}): một giấy tờ được tối đa {limit} trang."
            ).format(count=len(pages), limit=MAX_PAGES),
            "pages",
        )
    return pages


def build_for(
    db: Database,
    code: str,
    position: int,
    pages: Sequence[PageSource],
    clock: Clock,
    *,
    kind: ScanKind = ScanKind.PAPER,
    progress: Progress | None = None,
) -> BuiltPdf:
    """The PDF of ``pages`` titled with the dossier and the paper."""
    title = f"{code} - {_paper_label(db, code, position, kind)}"
    if not pages:
        raise UserError(translate("ScanAttach", "Chưa có trang nào để lưu."), "pages")
    return build_pdf(pages, title=title, made_at=clock.now(), progress=progress)


def _paper_label(db: Database, code: str, position: int, kind: ScanKind) -> str:
    if kind is ScanKind.RESULT:
        return "Kết quả giải quyết"  # untranslated: the PDF's title, data like the paper names
    from desk.services.dossiers import get_dossier

    papers = get_dossier(db, code).papers
    return papers[position - 1].name if 0 < position <= len(papers) else f"#{position}"


def attach_files(
    db: Database,
    clerk: Clerk,
    code: str,
    position: int,
    paths: Sequence[Path],
    clock: Clock,
    *,
    kind: ScanKind = ScanKind.PAPER,
    append: bool = True,
    valid_until: date | None = None,
    progress: Progress | None = None,
) -> Scan:
    """Add the pages of ``paths`` to a paper (or its result) and keep its new PDF."""
    position = RESULT_POSITION if kind is ScanKind.RESULT else position
    new = pages_of(paths)
    with tempfile.TemporaryDirectory(prefix="desk-scan-") as folder:
        old = existing_pages(db, code, position, Path(folder), kind) if append else []
        built = build_for(db, code, position, [*old, *new], clock, kind=kind, progress=progress)
    if valid_until is None and append:
        valid_until = _current_validity(db, code, position, kind)
    return scans.attach(db, clerk, code, position, built, clock, kind=kind, valid_until=valid_until)


def _current_validity(db: Database, code: str, position: int, kind: ScanKind) -> date | None:
    for scan in scans.list_scans(db, code):
        if scan.kind is kind and scan.position == position:
            return scan.valid_until
    return None
