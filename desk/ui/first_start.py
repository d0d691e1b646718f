"""Start-up with the worklist first: the window is on screen before the database layer.

On a database at the statement book's schema whose first start is complete
(``desk.services.first_screen``), the start reads on the bare driver what the clerk
sees first (the office, the account signing in, the first page of their worklist; on
a server, through libpq itself) and shows it (``MainWindow.first``), while
SQLAlchemy, the tables and the ``Database`` itself load on a thread of their own
(``DatabaseLoader``); the window is completed on them as soon as they are there. The
login dialog is shown the same way: a right password is checked on the bare driver,
and anything with something to record (a wrong password to count, a lock) waits for
the database layer and takes the ordinary sign-in.

Anywhere else (a new file, a schema to upgrade, a set-up to complete, a URL the
book cannot read) ``first_start`` says ``None`` and the program starts the
ordinary way, which creates, upgrades or explains.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog

from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.services.first_screen import AtRisk, FirstPage, OfficeNames, known_clerk, office_names
from desk.storage.statement_book import BareReader, BareUnavailable, open_bare
from desk.ui.widgets.qt_helpers import translate

if TYPE_CHECKING:
    from desk.storage.database import Database

log = logging.getLogger(__name__)


@dataclass
class FirstStart:
    """What the start read before the database layer: a reader still open, the office."""

    url: str
    reader: BareReader
    names: OfficeNames


def first_start(url: str) -> FirstStart | None:
    """The bare start on ``url``, or ``None`` for the ordinary one. A server that cannot be
    reached is a ``UserError`` at once, in the words the ordinary start would use."""
    try:
        reader = open_bare(url, light=True)
    except BareUnavailable as exc:
        log.info("ordinary start: %s", exc)
        return None
    log.info("bare start, reading with %s", reader.driver)
    try:
        names = office_names(reader)
    except BareUnavailable as exc:
        log.info("ordinary start: %s", exc)
        reader.close()
        return None
    return FirstStart(url, reader, names)


class DatabaseLoader(QObject):
    """Loads the database layer and opens the ``Database`` on a thread of its own, once
    ``start``-ed; ``loaded`` follows on the window's thread (``wait`` blocks for it
    instead). It is started once the window is on screen, or while the login dialog
    waits for the clerk: loading takes the interpreter's lock most of the time, and
    would slow down the building of what is shown first."""

    loaded = Signal()
    # The result of the work ``start`` was given to do first (``None`` if it failed).
    first_done = Signal(object)

    def __init__(self, url: str, program: str, modules: Sequence[str] = ()) -> None:
        super().__init__()
        self._url = url
        self._program = program
        #: Modules the window needs once the database is open, imported here as well:
        #: importing defines classes and creates no widget, so it may run off the
        #: window's thread, which then only builds.
        self._modules = tuple(modules)
        self._done = threading.Event()
        self._db: Database | None = None
        self._error: UserError | None = None
        self._first: Callable[[], object] | None = None
        self._keep: Callable[[Database, object], None] | None = None
        self._thread = threading.Thread(target=self._load, name="database-loader", daemon=True)

    def start(
        self,
        first: Callable[[], object] | None = None,
        keep: Callable[[Database, object], None] | None = None,
    ) -> None:
        """Start loading, after ``first()`` when given (its result comes with ``first_done``,
        ``None`` when it failed); then ``keep(db, result)``, on this thread too, once the
        ``Database`` is open and ``first`` found something. A second call does nothing."""
        if self._thread.ident is None:
            self._first = first
            self._keep = keep
            self._thread.start()

    def _load(self) -> None:
        found = None
        if self._first is not None:
            try:
                found = self._first()
            except Exception:  # noqa: BLE001 (what the bare start could not do, the rest does)
                log.exception("the first screen's work failed")
                found = None
            try:
                self.first_done.emit(found)
            except RuntimeError:  # the program ended first
                return
        try:
            from desk.storage.database import open_database

            self._db = open_database(self._url, program=self._program)
            from sqlalchemy.orm import configure_mappers

            configure_mappers()  # here, not in the window's first query
            for name in self._modules:
                importlib.import_module(name)
            if self._keep is not None and found is not None:
                self._kept(self._db, found)
        except UserError as exc:
            self._error = exc
        except Exception as exc:  # noqa: BLE001 (a bug: logged, and the start says so)
            log.exception("the database layer did not load")
            self._error = UserError(
                translate(
                    "App", "Không mở được dữ liệu: {error}. Xem nhật ký của chương trình."
                ).format(error=exc)
            )
        finally:
            self._done.set()
            try:
                self.loaded.emit()
            except RuntimeError:  # the program ended first
                log.debug("database loaded after the program closed")

    def _kept(self, db: Database, found: object) -> None:
        assert self._keep is not None
        try:
            self._keep(db, found)
        except Exception:  # noqa: BLE001 (what it keeps is worked out again when needed)
            log.exception("what the first screen read was not kept")

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self) -> Database:
        """The ``Database``, once open; its ``UserError`` if it could not be."""
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._db is not None
        return self._db

    def when_loaded(self, then: Callable[[], None]) -> None:
        """Call ``then()`` once, on the window's thread, when the ``Database`` is open (or
        could not be)."""
        called = False

        def once() -> None:
            nonlocal called
            if not called:
                called = True
                then()

        self.loaded.connect(once, Qt.ConnectionType.QueuedConnection)
        if self.done:  # it was faster than this call
            self.loaded.emit()

    def dispose(self) -> None:
        """Close the ``Database`` it opened (waiting for it if it is still on its way)."""
        if self._thread.ident is None:
            return
        self._done.wait()
        if self._db is not None:
            self._db.dispose()


def sign_in_first(
    first: FirstStart, loader: DatabaseLoader, demo_clerk: str | None
) -> Clerk | None:
    """Who works at the counter: the demo's clerk at once, else the login dialog's;
    ``None`` when the clerk cancels. What the bare reads cannot answer waits for the
    database layer and is answered the ordinary way."""
    if demo_clerk:
        try:
            return known_clerk(first.reader, demo_clerk)
        except BareUnavailable:
            from desk.services import accounts

            return accounts.get_clerk(loader.wait(), demo_clerk)
    from desk.ui.session.login_dialog import FirstLogin, LoginDialog

    loader.start()  # while the clerk types
    dialog = LoginDialog(None, first=FirstLogin(first.reader, first.names, loader.wait))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.clerk


def keep_at_risk_history(db: Database, found: object) -> None:
    """Keep the year's history the first screen's at-risk list was read with, for the
    window's list view (``DatabaseLoader.start``'s ``keep``: it reads the calendar's
    stamp, so it runs on the loader's thread, not in the window's completion)."""
    from desk.services import calendar, risk

    assert isinstance(found, AtRisk)
    risk.keep_history(db, found.now, calendar.working_calendar(db), found.history)


def read_at_risk(url: str, clerk: Clerk, page: FirstPage) -> AtRisk | None:
    """The clerk's at-risk list read on the bare driver, on the first page's calendar and
    moment (``None``: the window's list view works it out the ordinary way once built)."""
    from desk.domain.scope import scope_for
    from desk.services.first_screen import at_risk

    try:
        with open_bare(url, light=True) as reader:  # libpq itself: no psycopg to load first
            return at_risk(reader, page.now, scope_for(clerk), page.calendar)
    except (BareUnavailable, UserError) as exc:
        log.info("at-risk list not read on the bare driver: %s", exc)
        return None
