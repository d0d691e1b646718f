"""Start-up with the worklist first (``desk.ui.first_start``): the window shows the
clerk's list and at-risk count read on the bare driver, then is completed on the
``Database`` into the same window the ordinary start builds."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import pytest
from desk_process import desk_env, desk_log, run_desk
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from desk.domain.clock import FixedClock
from desk.domain.errors import UserError
from desk.domain.scope import scope_for
from desk.services import accounts, demo, risk, worklist
from desk.services.first_screen import first_page, known_clerk
from desk.storage.tables import UserRow
from desk.ui.first_start import (
    DatabaseLoader,
    first_start,
    keep_at_risk_history,
    read_at_risk,
)
from desk.ui.intake.intake_window import IntakeWindow
from desk.ui.session.login_dialog import FirstLogin, LoginDialog
from desk.ui.worklist.first_worklist import FirstWorklist
from desk.ui.worklist.main_window import DOSSIERS_TAB, INTAKE_TAB, MainWindow, location_of
from desk.ui.worklist.worklist_view import WorklistView

TODAY = date(2026, 3, 10)
CLOCK = FixedClock(datetime(2026, 3, 10, 9, 15))


@pytest.fixture
def office_db(empty_db):
    demo.create_demo(empty_db, 600, today=TODAY, months=3)
    return empty_db


def _first_window(qtbot, db_url: str, username: str) -> tuple[MainWindow, object, object]:
    first = first_start(db_url)
    assert first is not None
    clerk = known_clerk(first.reader, username)
    page = first_page(first.reader, clerk, CLOCK.now(), 200)
    first.reader.close()
    window = MainWindow.first(clerk, first.names, page, location_of(db_url), CLOCK)
    qtbot.addWidget(window)
    window.show()
    return window, clerk, page


def test_the_first_screen_is_the_worklist_and_the_rest_follows(qtbot, office_db, db_url):
    window, clerk, _page = _first_window(qtbot, db_url, "lanhdao")
    first = window.tabs.widget(DOSSIERS_TAB)
    assert isinstance(first, FirstWorklist) and window.tabs.currentIndex() == DOSSIERS_TAB
    ordinary = worklist.fetch_page(office_db, first.model.filter, CLOCK.now(), size=200)
    assert first.model.codes() == [i.code for i in ordinary] and len(ordinary) > 5
    assert not window.menuBar().isEnabled() and not window.scan_box.isEnabled()
    assert "UBND xã Tân Phú" in window.windowTitle()
    assert window.database_label.text() == f"Dữ liệu: {location_of(db_url)}"

    window.complete(office_db)
    assert isinstance(window.tabs.widget(DOSSIERS_TAB), WorklistView)
    assert window.tabs.count() == 2 and window.tabs.currentIndex() == DOSSIERS_TAB
    assert window.tabs.tabText(INTAKE_TAB) == "Tiếp nhận hồ sơ"
    assert window.menuBar().isEnabled() and window.scan_box.isEnabled() and window.is_complete
    assert window.dossier_model.codes()[:200] == first.model.codes()
    qtbot.waitUntil(lambda: window.worklist.at_risk.count is not None, timeout=20_000)
    # The intake form is built when its tab is first opened, in the same place.
    assert not window.intake_built and not window.has_unsaved_input()
    assert not isinstance(window.tabs.widget(INTAKE_TAB), IntakeWindow)
    window.tabs.setCurrentIndex(INTAKE_TAB)
    assert window.intake_built and window.tabs.widget(INTAKE_TAB) is window.intake
    assert isinstance(window.intake, IntakeWindow) and window.tabs.currentIndex() == INTAKE_TAB
    assert window.tabs.count() == 2 and window.tabs.tabText(INTAKE_TAB) == "Tiếp nhận hồ sơ"
    window.tabs.setCurrentIndex(DOSSIERS_TAB)
    window.tabs.setCurrentIndex(INTAKE_TAB)
    assert window.tabs.widget(INTAKE_TAB) is window.intake  # built once


def test_a_card_scanned_on_the_list_builds_the_intake_and_fills_it(qtbot, office_db, db_url):
    from desk.domain.scan_text import parse_cccd_qr

    window, _clerk, _page = _first_window(qtbot, db_url, "canbo1")
    window.complete(office_db)
    assert not window.intake_built
    card = parse_cccd_qr("079190012345||Nguyễn Thị Thu Trang|05091990|Nữ|Tân Phú|10052021")
    assert card is not None
    window._card_scanned(card)
    assert window.tabs.currentWidget() is window.intake
    assert window.intake.applicant_form.name_edit.text() == "Nguyễn Thị Thu Trang"
    assert window.has_unsaved_input()  # typed and not saved: "Đổi người dùng..." warns


def test_the_at_risk_count_comes_first_and_is_not_worked_out_twice(qtbot, office_db, db_url):
    window, clerk, page = _first_window(qtbot, db_url, "lanhdao")
    found = read_at_risk(db_url, clerk, page)
    assert found is not None and found.items
    window.show_first_at_risk(found)
    first = window.first_worklist
    assert first is not None and first.at_risk_label.text() == (
        f"Cần xin lỗi - toàn cơ quan ({len(found.items)})"
    )
    notice = window.sign_in_notice
    assert notice is not None and notice.label.isVisible()
    assert str(len(found.items)) in notice.label.text()
    box = notice.box
    assert isinstance(box, QMessageBox) and box.isVisible()
    # "Xem danh sách" before the list's view exists: the list is shown once it does.
    window.show_at_risk()
    risk.refresh_history(office_db)
    loader = DatabaseLoader(db_url, "desk")  # as the start: the loader keeps its history
    loader.start(lambda: found, keep_at_risk_history)
    db = loader.wait()
    window.complete(db)
    view = window.worklist.at_risk
    assert view.count == len(found.items) and not view.loader.running  # seeded, not again
    assert view.model.rowCount() == len(found.items)
    assert window.worklist.at_risk_shown() and window.tabs.currentIndex() == DOSSIERS_TAB
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "at_risk_box"]
    assert boxes == [box]  # the supervisor is told once
    # The history read for the first screen is the one the minute's renewal uses.
    assert risk.history(db, found.now) is found.history
    loader.dispose()


def test_a_clerk_sees_their_own_count(qtbot, office_db, db_url):
    window, clerk, page = _first_window(qtbot, db_url, "canbo1")
    found = read_at_risk(db_url, clerk, page)
    assert found is not None
    window.show_first_at_risk(found)
    assert window.first_worklist is not None
    assert "của tôi" in window.first_worklist.at_risk_label.text()
    assert window.sign_in_notice is not None and window.sign_in_notice.box is None
    assert found.items == risk.at_risk(office_db, found.now, scope_for(clerk))


def test_the_login_checks_a_right_password_without_waiting_for_the_database(
    qtbot, office_db, db_url, caplog
):
    first = first_start(db_url)
    assert first is not None
    asked: list[int] = []

    def database():
        asked.append(1)
        return office_db

    dialog = LoginDialog(None, first=FirstLogin(first.reader, first.names, database))
    qtbot.addWidget(dialog)
    assert dialog.office_label.text() == first.names.name.upper()
    with caplog.at_level("INFO", logger="desk.ui.session.login_dialog"):
        dialog.show()
        qtbot.waitUntil(lambda: "login dialog shown" in caplog.text)
    dialog.username_edit.setText("canbo1")
    dialog.password_edit.setText(demo.DEMO_PASSWORD)
    assert dialog.try_log_in()
    qtbot.waitUntil(lambda: not dialog.checking())
    assert dialog.clerk == accounts.get_clerk(office_db, "canbo1") and asked == []

    wrong = LoginDialog(None, first=FirstLogin(first.reader, first.names, database))
    qtbot.addWidget(wrong)
    wrong.username_edit.setText("canbo1")
    wrong.password_edit.setText("sai-mat-khau")
    assert wrong.try_log_in()
    qtbot.waitUntil(lambda: not wrong.checking())
    assert wrong.clerk is None
    assert asked == [1] and wrong.password_edit.text() == ""  # counted the ordinary way
    with office_db.read() as s:
        assert s.scalar(select(UserRow.failed_logins).where(UserRow.username == "canbo1")) == 1
    first.reader.close()


def test_a_database_to_set_up_or_complete_starts_the_ordinary_way(empty_db, db_url):
    assert first_start(db_url) is None  # no office yet: the set-up wizard


def test_a_database_the_layer_cannot_open_is_said(tmp_path, qapp):
    notes = tmp_path / "ghi-chu.sqlite3"
    notes.write_bytes(b"not a database at all" * 100)
    loader = DatabaseLoader(f"sqlite:///{notes}", "desk")
    loader.start()
    with pytest.raises(UserError):
        loader.wait()
    loader.dispose()


def test_the_window_is_shown_before_sqlalchemy_loads(tmp_path):
    env = desk_env(tmp_path)
    db = tmp_path / "demo.sqlite3"
    made = run_desk("demo", "--db", str(db), "--dossiers", "60", env=env)
    assert made.returncode == 0, made.stderr
    picture = tmp_path / "window.png"
    code = (
        "import sys\n"
        "from desk.ui.worklist import main_window\n"
        "made = main_window.MainWindow.first.__func__\n"
        "seen = []\n"
        "def first(cls, *args, **kwargs):\n"
        "    seen.append(sorted(m for m in sys.modules if m.startswith('sqlalchemy')))\n"
        "    return made(cls, *args, **kwargs)\n"
        "main_window.MainWindow.first = classmethod(first)\n"
        "from desk.cli import main\n"
        f"code = main(['--demo', '--db', {str(db)!r}, '--snapshot', {str(picture)!r}])\n"
        "print(code, seen, 'desk.ui.intake.intake_window' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "0" and "[[]]" in done.stdout  # no SQLAlchemy module yet
    assert done.stdout.split()[-1] == "False"  # a window that only lists never loads the intake
    assert picture.exists()
    log = (desk_log(tmp_path)).read_text(encoding="utf-8")
    marks = [
        "main window shown with its worklist",
        "at-risk list ready",
        "main window complete",
        "snapshot saved",
    ]
    where = [log.index(mark) for mark in marks]
    assert where == sorted(where)


def test_what_completing_imports_is_imported_beforehand_off_the_windows_thread():
    import inspect
    import re

    from desk.ui.worklist import main_window

    source = inspect.getsource(MainWindow.complete)
    imported = set(re.findall(r"from (desk\.ui\.[\w.]+) import", source))
    assert imported and imported <= set(main_window.COMPLETION_MODULES)
    # The intake form is built on its first opening, and its code is loaded then.
    assert not any(name.startswith("desk.ui.intake") for name in main_window.COMPLETION_MODULES)
    services = re.findall(r"from desk\.services import ([\w, ]+)", source)
    for names in services:
        for name in names.split(","):
            assert f"desk.services.{name.strip()}" in main_window.COMPLETION_MODULES


def test_shortcuts_wait_for_the_rest_of_the_window(qtbot, office_db, db_url):
    from PySide6.QtCore import Qt

    window, _clerk, _page = _first_window(qtbot, db_url, "canbo1")
    with qtbot.waitActive(window):
        window.activateWindow()
    errors: list[BaseException] = []
    hook, sys.excepthook = sys.excepthook, lambda *exc: errors.append(exc[1])
    try:
        for key in (Qt.Key.Key_N, Qt.Key.Key_L, Qt.Key.Key_P):  # intake, lock, reprint
            qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert errors == [] and window.tabs.currentIndex() == DOSSIERS_TAB
        window.complete(office_db)
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == INTAKE_TAB and errors == []
        assert window.intake_built and window.tabs.currentWidget() is window.intake
    finally:
        sys.excepthook = hook
