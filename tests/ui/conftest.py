"""Fixtures for the window tests: an intake form on a real database, logs in a temp folder."""

from __future__ import annotations

import logging
import os

from background_jobs import catalog_read

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desk.domain.clock import FixedClock  # noqa: E402
from desk.domain.office import Clerk  # noqa: E402
from desk.storage.database import Database  # noqa: E402


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    """The user's data folder (machine settings, forms) inside the test's temp folder,
    so no test reads or writes the real one (which counter this PC is, for example)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def log_home(tmp_path, monkeypatch):
    """The user's log folder (platformdirs' state folder) inside the test's temp folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    yield tmp_path / "state"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if type(handler).__name__ == "_DeskLogHandler":
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def intake(qtbot, db: Database, clerk: Clerk, clock: FixedClock):
    from desk.ui.intake.intake_window import IntakeWindow

    window = IntakeWindow(db, clerk, clock)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    catalog_read(qtbot, window)
    window.focus_search()
    return window


@pytest.fixture(autouse=True)
def nothing_outlives_its_test(qapp, data_home):
    """Each window test starts with no top-level window open from before (one left
    visible would keep ``app.exec()`` from returning when the main window closes),
    and ends with none: at teardown, once every pool thread is done (one still
    running would be reading a database the next fixture deletes), every top-level
    window is deleted. Each one left would be sent every later test's language change
    and looked through by every later search of the top-level windows."""
    for widget in qapp.topLevelWidgets():
        if widget.isVisible():
            widget.close()
        if widget.isVisible():  # it refused (a locked screen, a question): hide it, so
            widget.hide()  # its keyboard filters (the scan route) no longer take keys
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    from desk.ui.widgets import background

    assert background.wait_for_done(30_000)
    for widget in qapp.topLevelWidgets():
        widget.hide()  # not close(): a window's own closing may ask a question
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def hung_printer(tmp_path):
    """A ``file:`` printer on a FIFO that holds every print until ``release()``."""
    from hung_printer import HungPrinter

    printer = HungPrinter(tmp_path)
    yield printer
    printer.close()


#: How long a desk on ``server_db`` waits for a lock before it gives up: longer than any
#: test run, so a test decides when the lock goes.
PATIENT_MS = 600_000


@pytest.fixture
def server_db(pg_server):
    """The test office on PostgreSQL, opened by a desk that waits long for locks (the
    windows that must not freeze while a server makes them wait)."""
    from desk.storage.engine import make_engine

    url = pg_server.create_database(office=True)
    db = Database(url, engine=make_engine(url, busy_timeout_ms=PATIENT_MS))
    yield db
    db.dispose()
    pg_server.drop_database(url)
