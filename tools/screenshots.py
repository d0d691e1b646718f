"""Pictures of the desk's windows, in Vietnamese or English, on a demo office.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py --lang en --out shots/en

Each window opens at the size it has on a counter PC (1366x768 for the main
windows, its own size for a dialog), waits for its lists to load, and is saved
as ``<name>.png``. The tests open the same windows to check that nothing is
left untranslated or clipped (tests/ui/test_screens_language.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The demo's "today": a Friday, so every urgency band has dossiers.
TODAY = date(2026, 11, 27)
SCREEN = (1366, 768)
#: The windows a dialog opens over, kept for the life of the program. Kept on the dialog
#: itself, a host and its dialog made a cycle of references that the collector freed in
#: the middle of deleting other windows, and the program crashed.
_HOSTS: list[object] = []


def demo_office(folder: Path):
    """A demo database in ``folder`` with 400 dossiers over six months."""
    from desk.config import database_url
    from desk.services import demo
    from desk.storage.database import open_database

    db = open_database(database_url(folder / "demo.sqlite3"))
    demo.create_demo(db, 400, today=TODAY)
    return db


def _one_code(db, status: str) -> str:
    from sqlalchemy import select

    from desk.storage.tables import DossierRow

    with db.read() as session:
        return session.scalars(
            select(DossierRow.code).where(DossierRow.status == status).order_by(DossierRow.id)
        ).first()


def windows(db) -> Iterator[tuple[str, Callable[[], object]]]:
    """(name, make) for every window and dialog worth a picture."""
    from desk.domain.clock import FixedClock
    from desk.services import accounts

    clock = FixedClock(datetime(TODAY.year, TODAY.month, TODAY.day, 9, 40))
    admin = accounts.get_clerk(db, "admin")
    boss = accounts.get_clerk(db, "lanhdao")
    clerk = accounts.get_clerk(db, "canbo1")
    running = _one_code(db, "in_progress")

    from desk.ui.admin import (
        backup_dialog,
        calendar_dialog,
        clerks_dialog,
        departments_dialog,
        office_dialog,
        password_dialog,
        printer_dialog,
        procedures_dialog,
        queue_dialog,
        rules_dialog,
    )
    from desk.ui.dashboard import dashboard_window
    from desk.ui.dossier import (
        apology_dialog,
        dossier_page,
        result_dialogs,
        step_dialogs,
        supervisor_dialogs,
    )
    from desk.ui.intake import intake_window
    from desk.ui.public import display_window, kiosk_window, rating_window
    from desk.ui.session import login_dialog, setup_wizard
    from desk.ui.worklist import main_window

    yield "main_window", lambda: main_window.MainWindow(db, boss, clock)
    yield "main_window_clerk", lambda: _dossiers_tab(main_window.MainWindow(db, clerk, clock))
    yield "main_window_first", lambda: _first_screen(db, "canbo1", clock)
    yield "main_window_intake_later", lambda: _intake_opened(_first_screen(db, "canbo1", clock), db)
    yield "main_window_at_risk", lambda: _at_risk_shown(main_window.MainWindow(db, boss, clock))
    yield "intake_window", lambda: intake_window.IntakeWindow(db, clerk, clock)
    december = FixedClock(datetime(2026, 12, 7, 9, 0))
    yield (
        "intake_window_unconfirmed",  # an appointment in 2027, whose schedule is not entered
        lambda: _picked(intake_window.IntakeWindow(db, clerk, december), "1.013978"),
    )
    yield "dossier_page", lambda: dossier_page.DossierPage(db, boss, running, clock)
    yield "consent_dialog", lambda: _consent_dialog(db, boss, running, clock)
    yield "dashboard", lambda: dashboard_window.DashboardWindow(db, boss, clock)
    yield "kiosk", lambda: kiosk_window.KioskWindow(db, clock, printer_uri="none")
    yield (
        "kiosk_procedure",
        lambda: _procedure_opened(kiosk_window.KioskWindow(db, clock, printer_uri="none")),
    )
    yield "display", lambda: display_window.DisplayWindow(db, clock, sound=False)
    yield "rating", lambda: rating_window.RatingWindow(db, clock, counter_number=1)
    yield "login", lambda: login_dialog.LoginDialog(db)
    yield "setup_wizard", lambda: setup_wizard.SetupWizard(db, clock)
    yield "apology", lambda: apology_dialog.ApologyDialog(db, boss, running, clock)
    for name in ("TransferDialog", "SupplementRequestDialog", "RefuseDialog", "StopDialog"):
        yield f"step_{name}", (lambda n=name: getattr(step_dialogs, n)(db, boss, running, clock))
    yield (
        "step_ResultReadyDialog",
        lambda: result_dialogs.ResultReadyDialog(db, boss, running, clock),
    )
    yield "step_ReassignDialog", lambda: supervisor_dialogs.ReassignDialog(db, boss, running, clock)
    yield (
        "step_EditDossierDialog",
        lambda: supervisor_dialogs.EditDossierDialog(db, boss, running, clock),
    )
    yield "admin_procedures", lambda: procedures_dialog.ProceduresDialog(db, admin)
    yield "admin_clerks", lambda: clerks_dialog.ClerksDialog(db, admin)
    yield "admin_departments", lambda: departments_dialog.DepartmentsDialog(db, admin)
    yield "admin_office", lambda: office_dialog.OfficeDialog(db, admin)
    yield "admin_calendar", lambda: calendar_dialog.CalendarDialog(db, admin, clock=clock)
    yield (
        "admin_calendar_proposed",
        lambda: _proposed_selected(calendar_dialog.CalendarDialog(db, admin, clock=clock)),
    )
    yield "admin_rules", lambda: rules_dialog.RulesDialog(db, admin)
    yield "admin_queue", lambda: queue_dialog.QueueDialog(db, admin)
    yield "admin_printer", lambda: printer_dialog.PrinterSettingsDialog(db, admin, clock=clock)
    yield "admin_backup", lambda: backup_dialog.BackupDialog(db, admin, clock)
    yield "admin_password", lambda: password_dialog.PasswordDialog(db, admin)
    from desk.ui.messages import outbox_dialog

    yield "outbox", lambda: outbox_dialog.OutboxDialog(db, boss, clock)
    from desk.services import receipts
    from desk.ui.intake import receipt_preview

    yield (
        "receipt_preview",
        lambda: receipt_preview.ReceiptPreviewDialog(
            receipts.receipt_image(db, running), running, db, clerk=clerk, clock=clock
        ),
    )
    from desk.services.dossiers import get_dossier

    paper = get_dossier(db, running).papers[0].name
    yield "page_editor", lambda: _page_editor(_sample_page(), paper, running)
    yield "page_viewer", lambda: _page_viewer(_sample_page(), paper)


def _sample_page() -> Path:
    """A scanned page: an A4 sheet at 150 dpi with a heading and lines of text."""
    from PIL import Image, ImageDraw, ImageFont

    from desk.documents.fonts import register_fonts

    path = Path(tempfile.mkdtemp(prefix="desk-page-")) / "trang-1.png"
    sheet = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(str(register_fonts().regular), 36)
    draw.text((160, 160), "GIẤY KHAI SINH", fill=0, font=font)
    for line in range(30):
        draw.line((160, 300 + 44 * line, 1080, 300 + 44 * line), fill=120, width=2)
    sheet.save(path)
    return path


def _consent_dialog(db, clerk, code: str, clock):  # noqa: ANN001, ANN202
    """The applicant's consent to messages, recorded anew from the dossier page."""
    from desk.services import dossiers
    from desk.ui.dossier.consent_dialog import ConsentDialog

    return ConsentDialog(db, clerk, clock, code, dossiers.get_dossier(db, code).applicant)


def _page_editor(page: Path, paper: str, code: str):  # noqa: ANN202
    """A paper's scanned page, open to be kept, titled as the dossier's tab titles it."""
    from desk.documents.scan_sources import PageSource
    from desk.ui.scanning.page_editor import PageEditor
    from desk.ui.widgets.qt_helpers import translate

    title = translate("DossierScans", "Bản số hóa: {name} (hồ sơ {code})").format(
        name=paper, code=code
    )
    return PageEditor(title, [PageSource(page)], lambda *_: None, watch_folder=False)


def _page_viewer(page: Path, paper: str):  # noqa: ANN202
    """A kept scan's page shown large (from the dossier's "Bản số hóa" tab), titled with
    the paper's name."""
    from PySide6.QtWidgets import QWidget

    from desk.documents.scan_pdf import image_pdf
    from desk.documents.scan_sources import PageSource
    from desk.ui.dossier.page_viewer import PageViewer

    host = QWidget()  # the dossier page it opens over
    _HOSTS.append(host)  # kept: a parent collected takes its child
    return PageViewer(image_pdf([PageSource(page)]), 1, 0, paper, host)


def _first_screen(db, username: str, clock):  # noqa: ANN001, ANN202
    """The window's first screen (the list and the at-risk count, before the rest)."""
    from desk.services.first_screen import first_page, known_clerk
    from desk.ui.first_start import first_start, read_at_risk
    from desk.ui.worklist.main_window import MainWindow, location_of

    first = first_start(db.url)
    with first.reader as reader:
        clerk = known_clerk(reader, username)
        page = first_page(reader, clerk, clock.now(), 200)
    window = MainWindow.first(clerk, first.names, page, location_of(db.url), clock)
    window.show_first_at_risk(read_at_risk(db.url, clerk, page))
    return window


def _intake_opened(window, db):  # noqa: ANN001, ANN202
    """The window completed from its first screen, then its intake tab opened: the form
    is built then, in its place."""
    from desk.ui.worklist.main_window import INTAKE_TAB

    window.complete(db)
    window.tabs.setCurrentIndex(INTAKE_TAB)
    return window


def _picked(window, code: str):
    """The intake window with one procedure chosen, as after the clerk's search (once the
    catalog, read off the window's thread, is listed)."""
    from PySide6.QtWidgets import QApplication

    settle(QApplication.instance())
    window.picker.choose(code)
    return window


def _proposed_selected(dialog):
    """The calendar with the proposed day (24/11/2026) selected, ready to be decided."""
    for row in range(dialog.special_table.rowCount()):
        if dialog.special_table.item(row, 0).text() == "24/11/2026":
            dialog.special_table.selectRow(row)
    return dialog


def _at_risk_shown(window):  # noqa: ANN001, ANN202
    """The supervisor's window on its list of dossiers at risk of being late."""
    window.show_at_risk()
    return window


def _procedure_opened(kiosk):  # noqa: ANN001, ANN202
    """The kiosk's procedure lookup showing one procedure's sheet (its papers, its fee)."""
    from desk.ui.public.kiosk_look import LOOKUP

    kiosk.open_page(LOOKUP)
    kiosk.lookup.open_procedure("1.013978")
    return kiosk


def _dossiers_tab(window):
    window.tabs.setCurrentIndex(1)
    return window


def settle(app) -> None:
    """Let the window load its lists (background threads, the public screens' polls
    among them) and lay itself out."""
    from desk.ui.widgets import background

    for _ in range(3):
        app.processEvents()
        background.wait_for_done(20_000)
        app.processEvents()


def show(make: Callable[[], object], app):
    from PySide6.QtWidgets import QDialog

    widget = make()
    if isinstance(widget, QDialog):  # its own size, grown if its contents need more
        widget.resize(widget.size().expandedTo(widget.sizeHint()))
    else:
        widget.resize(*SCREEN)
    widget.show()
    settle(app)
    return widget


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", nargs="*", help="names of the windows to take")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="desk-shots-"))
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    os.environ["XDG_STATE_HOME"] = str(work / "state")
    os.environ["DESK_LANG"] = args.lang
    from desk.ui.app import application

    app = application()
    db = demo_office(work)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, make in windows(db):
        if args.only and name not in args.only:
            continue
        widget = show(make, app)
        widget.grab().save(str(args.out / f"{name}.png"))
        print(args.out / f"{name}.png")
        widget.close()
        widget.deleteLater()
        settle(app)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
