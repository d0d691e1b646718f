"""The main window: the intake form, the worklist, the scan box, the admin menu.

Opening must stay fast on an office's whole history (a million dossiers): the
worklist reads one page of 200 rows and more only as the clerk scrolls
(``WorklistTableModel``), and its counts are range counts on an index.

A receipt's code opens its dossier from any screen: F2 puts the cursor in the
scan box of the toolbar, where a keyboard-wedge scanner types the code and
Enter; a dossier whose result is ready goes straight to "Trả kết quả".

A PC at a counter (its number in the machine settings, "Hồ sơ > Quầy của máy
này...") shows the counter's queue panel beside the form. "Tiếp nhận hồ sơ" on
the panel starts an intake for the ticket being served: every dossier saved
while that ticket is still served at this counter is linked to it (one citizen
may bring several dossiers; ``desk.ui.worklist.counter_queue``). A supervisor is told at sign-in how many dossiers
are at risk of being late (``desk.ui.worklist.at_risk_notice``).

The clerk locks the screen at once with Ctrl+L (the idle lock, opened with
their own password), and another clerk takes the counter with "Đổi người
dùng...", also from the locked screen: the session is built anew for them
(``hand_over``: worklist, scope, menus of their role), the previous clerk's
dossier and report windows close, and input not saved yet is given up only
when the clerk says so (``desk.ui.session.user_switch``). Each PC chooses its
own receipt printer ("Máy in phiếu của máy này..."); the office's printer, for
the PCs without one, is the admin's. The bars and menus are in
``desk.ui.worklist.window_menus``, reprinting in ``desk.ui.worklist.reprinting``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from desk import __version__, config
from desk.domain.clock import Clock, SystemClock
from desk.domain.dossier import DossierStatus
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.storage.url_text import shown_url, sqlite_file
from desk.ui.admin.admin_dialogs import AdminDialogs
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import show_message, translate
from desk.ui.widgets.screen_fit import fit_to_screen
from desk.ui.worklist.counter_queue import TICKET_CHECK_MS, CounterQueue, machine_counter
from desk.ui.worklist.reprinting import Reprinting
from desk.ui.worklist.window_menus import WindowMenus
from desk.ui.worklist.window_tabs import DOSSIERS_TAB, INTAKE_TAB, WindowTabs

if TYPE_CHECKING:  # imported when first used: the window opens without them
    from desk.domain.queue import Ticket
    from desk.domain.scan_text import CccdCard
    from desk.services.first_screen import AtRisk, FirstPage, OfficeNames
    from desk.storage.database import Database
    from desk.ui.dossier.dossier_page import DossierPage
    from desk.ui.dossier.page_data import PageData
    from desk.ui.intake.intake_window import IntakeWindow
    from desk.ui.intake.receipt_preview import ReceiptPreviewDialog
    from desk.ui.session.user_switch import UserSwitch
    from desk.ui.worklist.at_risk_notice import SignInNotice
    from desk.ui.worklist.calendar_notice import CalendarNotice
    from desk.ui.worklist.counter_panel import CounterPanel
    from desk.ui.worklist.first_worklist import FirstWorklist
    from desk.ui.worklist.office_tools import OfficeTools
    from desk.ui.worklist.outbox_tools import MessageTools
    from desk.ui.worklist.scan_route import ScanRoute
    from desk.ui.worklist.worklist_view import WorklistView

log = logging.getLogger(__name__)

CONTEXT = "MainWindow"
#: What ``complete`` imports: at start-up, imported beforehand off the window's thread.
#: Not the intake form's modules: the window opens on the list and builds the form when
#: it is first opened (``WindowTabs.intake``); their code (a megabyte in memory) loads
#: then, in some 50 ms, instead of at every start of a window that may only list.
COMPLETION_MODULES = (
    "desk.ui.worklist.at_risk_notice",
    "desk.ui.worklist.calendar_notice",
    "desk.ui.worklist.first_worklist",
    "desk.ui.worklist.office_tools",
    "desk.ui.worklist.outbox_tools",
    "desk.ui.worklist.worklist_view",
    "desk.services.calendar",
    "desk.services.risk",
)


def database_location(db: Database) -> str:
    """The database file for SQLite, else the URL without its password."""
    return location_of(db.url)


def location_of(url: str) -> str:
    """``database_location`` of a URL (the window's first screen has no ``Database`` yet)."""
    found = sqlite_file(url)
    if found is not None and not found[1]:
        return str(Path(found[0]))
    return shown_url(url)


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


class MainWindow(AdminDialogs, WindowMenus, WindowTabs, CounterQueue, Reprinting, QMainWindow):
    """The window of the clerk at the counter.

    Built whole from a ``Database`` (``MainWindow(db, clerk)``), or in two steps
    at start-up (``MainWindow.first(...)``): first the frame and the first page of
    the worklist, read on the bare driver, so the clerk sees the list at once;
    then, once the database layer has loaded in the background, ``complete(db)``
    builds the rest (the intake form, the whole worklist with its bands and
    filters, the tools) and enables the menus (``completed`` is emitted).
    """

    #: The whole window is built (``complete``): every menu works.
    completed = Signal()

    def __init__(
        self,
        db: Database | None,
        clerk: Clerk,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        *,
        location: str = "",
    ) -> None:
        super().__init__(parent)
        self._clerk = clerk
        self._clock: Clock = clock or SystemClock()
        self._dialogs: list[QDialog] = []
        #: The reads of what an admin dialog shows, before it opens (``AdminDialogs``).
        self._admin_reads = background.NewestRead(self)
        #: The reads of the office's name for the title.
        self._title_reads = background.NewestRead(self)
        self.setObjectName("main_window")
        self.last_preview: ReceiptPreviewDialog | None = None
        self.pages: dict[str, DossierPage] = {}
        #: The codes whose page is being read to be shown.
        self._opening: set[str] = set()
        self.counter_dock: QDockWidget | None = None
        self.counter_panel: CounterPanel | None = None
        self.counter_number: int | None = None
        #: The ticket the intakes are for, while it is served at this counter.
        self.ticket: Ticket | None = None
        #: The clerk who took over this counter, once one has.
        self.successor: MainWindow | None = None
        self.is_complete = False
        #: Until ``complete``: the first screen's list, the at-risk list worked out for it,
        #: and whether the clerk asked for that list already.
        self.first_worklist: FirstWorklist | None = None
        self._first_at_risk: AtRisk | None = None
        self._at_risk_asked = False
        self.sign_in_notice: SignInNotice | None = None
        self._intake: IntakeWindow | None = None

        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self._build_scan_bar()
        self._build_menus()
        self._build_status_bar(database_location(db) if db is not None else location)
        self._ticket_timer = QTimer(self)
        self._ticket_timer.setInterval(TICKET_CHECK_MS)
        self._ticket_timer.timeout.connect(self._check_ticket)
        fit_to_screen(self, 1280, 760)
        if db is not None:
            self.complete(db)

    @classmethod
    def first(
        cls,
        clerk: Clerk,
        names: OfficeNames,
        page: FirstPage,
        location: str,
        clock: Clock | None = None,
    ) -> MainWindow:
        """The window's first screen: the frame, the office's name and the first page of
        the clerk's worklist; the menus wait for ``complete``."""
        from desk.ui.worklist.at_risk_notice import SignInNotice
        from desk.ui.worklist.first_worklist import FirstWorklist, StartingTab

        window = cls(None, clerk, clock, location=location)
        window.setWindowTitle(f"desk — {names.name}")
        window.tabs.addTab(StartingTab(window), cls._tab_label(INTAKE_TAB))
        window.first_worklist = FirstWorklist(clerk, page, window)
        window.tabs.addTab(window.first_worklist, cls._tab_label(DOSSIERS_TAB))
        window.tabs.setCurrentIndex(DOSSIERS_TAB)
        window.menuBar().setEnabled(False)
        window.scan_box.setEnabled(False)
        window.sign_in_notice = SignInNotice(window, None, clerk.is_supervisor, window.show_at_risk)
        return window

    def show_first_at_risk(self, found: AtRisk | None) -> None:
        """The at-risk list worked out for the first screen: its count is shown (the
        supervisor is told), and the list's view starts with it once it is built."""
        if found is None or self.is_complete:
            return
        self._first_at_risk = found
        log.info("at-risk list ready: %d dossiers (first screen)", len(found.items))
        if self.first_worklist is not None:
            self.first_worklist.show_at_risk_count(len(found.items))
        if self.sign_in_notice is not None:
            self.sign_in_notice.counted(len(found.items))

    def complete(self, db: Database) -> None:
        """Build the rest of the window on ``db`` (at once for ``MainWindow(db, clerk)``)."""
        from desk.ui.worklist.at_risk_notice import SignInNotice
        from desk.ui.worklist.calendar_notice import CalendarNotice
        from desk.ui.worklist.first_worklist import StartingTab
        from desk.ui.worklist.office_tools import OfficeTools
        from desk.ui.worklist.outbox_tools import MessageTools
        from desk.ui.worklist.worklist_view import WorklistView

        clerk = self._clerk
        self._db = db
        if self.tabs.count() == 0:  # at once: the intake's place, opened first
            self.tabs.addTab(StartingTab(self), self._tab_label(INTAKE_TAB))
        first = self.first_worklist.model if self.first_worklist is not None else None
        self.worklist: WorklistView = WorklistView(db, clerk, self._clock, self, first=first)
        self.dossier_model = self.worklist.model
        self.dossier_view = self.worklist.table
        self.reprint_button = self.worklist.reprint_button
        self._put_in_tab(DOSSIERS_TAB, self.worklist)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        if self.tabs.currentIndex() == INTAKE_TAB:
            self._build_intake()
        self.worklist.open_requested.connect(self.open_dossier)
        self.worklist.reloaded.connect(self._refresh_pages)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.set_counter(machine_counter(), save=False)
        found = self._first_at_risk
        if found is not None:  # worked out for the first screen: not again (its history
            # was kept by the loader: ``desk.ui.first_start.keep_at_risk_history``)
            self.worklist.at_risk.seed(found.items, found.now)
        if self.sign_in_notice is None:
            self.sign_in_notice = SignInNotice(
                self, self.worklist.at_risk, clerk.is_supervisor, self.show_at_risk
            )
        else:
            self.sign_in_notice.follow(self.worklist.at_risk)
        self.calendar_notice: CalendarNotice | None = None
        if clerk.is_supervisor:
            self.calendar_notice = CalendarNotice(self, db, self._clock, self.open_calendar)
        self.refresh_title()
        self.database_label.setText(
            translate("MainWindow", "Dữ liệu: {where}").format(where=database_location(db))
        )
        self.office_tools: OfficeTools = OfficeTools(self, db, clerk, self._clock)
        self.office_tools.idle_lock.offer_switch(self.switch_user)
        # messages to applicants
        self.message_tools: MessageTools = MessageTools(self, db, clerk, self._clock)
        self.menuBar().setEnabled(True)
        self.scan_box.setEnabled(True)
        self.is_complete = True
        self.first_worklist = None
        self.completed.emit()
        if self._at_risk_asked:
            self.show_at_risk()

    # -- state -----------------------------------------------------------------

    def refresh_title(self) -> None:
        """The office's name in the title, read off the window's thread (the title keeps
        what it says until then)."""
        from desk.services import office

        db = self._db

        def read() -> str:
            try:
                return office.get_office(db).name
            except UserError:
                return ""  # no office yet

        def done(name: str | None, error: str | None) -> None:
            if name is None:
                log.warning("the office's name could not be read: %s", error)
                return
            name = name or translate("MainWindow", "chưa thiết lập cơ quan")
            self.setWindowTitle(f"desk — {name}")

        self._title_reads.run(read, done)

    def reading_title(self) -> bool:
        return self._title_reads.waiting()

    def refresh_dossiers(self) -> None:
        self.worklist.refresh()

    def _on_dossier_saved(self, code: str) -> None:
        """The list reads again; the status bar says it is saved (and from which ticket,
        once linked to the one served here, off the window's thread)."""
        self.refresh_dossiers()

        def say(ticket: Ticket | None) -> None:
            text = translate("MainWindow", "Đã lưu hồ sơ {code}.").format(code=code)
            if ticket is not None:
                text = translate("MainWindow", "Đã lưu hồ sơ {code}, nhận từ số {ticket}.").format(
                    code=code, ticket=ticket.code
                )
            self.statusBar().showMessage(text, 10_000)

        self._link_to_ticket(code, say)

    def show_at_risk(self) -> None:
        """The dossiers at risk of being late ("Cần xin lỗi"), in the worklist (once it is
        built, on the first screen)."""
        self.tabs.setCurrentIndex(DOSSIERS_TAB)
        if not self.is_complete:
            self._at_risk_asked = True
            return
        self._at_risk_asked = False
        self.worklist.show_at_risk()

    # -- the dossier pages ----------------------------------------------------------

    def open_dossier(
        self,
        code: str,
        then: Callable[[DossierPage], object] | None = None,
        failed: Callable[[], object] | None = None,
    ) -> DossierPage | None:
        """Show the dossier's page: the one already open is brought forward and read
        again; a new one is read off the window's thread and shows once read. ``then(page)``
        follows once the page shows what the dossier is now; ``failed()`` when it cannot be
        read (the window has said why). Returns the page when it was already open."""
        page = self.pages.get(code)
        if page is not None:
            self._bring_forward(page)
            page.reload(None if then is None else lambda: then(page))
            return page
        if code in self._opening:  # asked twice (a double click, a scan twice): read once
            return None
        from desk.ui.dossier.page_data import read_page

        self._opening.add(code)
        db, trail = self._db, self._clerk.is_supervisor

        def done(data: PageData | None, error: str | None) -> None:
            self._opening.discard(code)
            if error is not None or data is None:
                show_message(self, translate("MainWindow", "Mở hồ sơ"), error or "")
                if failed is not None:
                    failed()
                return
            if self.is_locked():  # the counter locked meanwhile: nothing shows over the lock
                return
            page = self.pages.get(data.dossier.code)
            if page is None:
                page = self._new_page(data)
            self._bring_forward(page)
            if then is not None:
                then(page)

        background.run(self, lambda: read_page(db, code, trail), done)
        return None

    def opening(self) -> bool:
        """Whether a dossier's page is being read to be shown."""
        return bool(self._opening)

    def _new_page(self, data: PageData) -> DossierPage:
        from desk.ui.dossier.dossier_page import DossierPage

        page = DossierPage(self._db, self._clerk, data.dossier.code, self._clock, self, data=data)
        self.pages[page.code] = page
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.destroyed.connect(lambda *_, c=page.code: self.pages.pop(c, None))
        page.changed.connect(lambda _code: self.refresh_dossiers())
        return page

    def _bring_forward(self, page: DossierPage) -> None:
        page.show()
        page.raise_()
        page.activateWindow()

    def open_scanned(self, code: str) -> None:
        """A scanned or typed code: its page, and "Trả kết quả" at once when the result is
        ready (both once the page is read, off the window's thread)."""
        if self.is_locked():  # a receipt scanned at a locked counter opens nothing
            return

        def opened(page: DossierPage) -> None:
            from desk.domain.lifecycle import StepKind

            self.scan_box.done()
            busy = page.last_dialog is not None and page.last_dialog.isVisible()
            if page.dossier.status is DossierStatus.RESULT_READY and not busy:
                page.open_step(StepKind.RETURN)

        self.open_dossier(code, opened, self.scan_box.failed)

    def install_scan_route(self, clock: Callable[[], float] | None = None) -> ScanRoute:
        """Scans from any field (and this PC's COM-port scanner) open dossiers or fill the applicant."""
        from desk.services.scanner_port import SCANNER_SETTING, parse_scanner_setting
        from desk.ui.worklist.scan_route import ScanRoute

        route = ScanRoute(self, clock) if clock is not None else ScanRoute(self)
        route.dossier_code_scanned.connect(self.open_scanned)
        route.card_scanned.connect(self._card_scanned)
        route.other_scanned.connect(
            lambda text: self.statusBar().showMessage(
                translate("MainWindow", "Mã vừa quét không phải mã hồ sơ hay mã QR căn cước."),
                10_000,
            )
        )
        port = parse_scanner_setting(config.machine_settings().get(SCANNER_SETTING))
        if port is not None:
            route.start_serial(port)
        self.scan_route = route.install()
        return route

    def _card_scanned(self, card: CccdCard) -> None:
        if self.is_locked():
            return
        self.tabs.setCurrentIndex(INTAKE_TAB)
        self.intake.fill_applicant(card)
        self.statusBar().showMessage(
            translate("MainWindow", "Đã điền người nộp từ thẻ căn cước."), 10_000
        )

    def _refresh_pages(self) -> None:
        for page in list(self.pages.values()):
            page.reload(quiet=True)  # read off the window's thread; a failure is logged

    # -- who sits at the counter -------------------------------------------------

    def is_locked(self) -> bool:
        return self.office_tools.idle_lock.locked

    def lock_screen(self) -> None:
        """ "Khóa màn hình" (Ctrl+L): cover the window now; the clerk's password opens it."""
        self.office_tools.idle_lock.lock(manual=True)

    def has_unsaved_input(self) -> bool:
        """Typed and not saved yet: the intake form, or a step dialog open on a dossier page."""
        steps = any(
            p.last_dialog is not None and p.last_dialog.isVisible() for p in self.pages.values()
        )
        return (self._intake is not None and self._intake.is_dirty()) or steps

    def switch_user(self) -> UserSwitch:
        """ "Đổi người dùng...": another clerk signs in; the session becomes theirs."""
        from desk.ui.session.user_switch import UserSwitch

        switch = UserSwitch(self, self._db, self._clerk, self._clock, self.has_unsaved_input())
        switch.switched.connect(self.hand_over)
        self.user_switch = switch
        switch.start()
        return switch

    def hand_over(self, clerk: Clerk) -> MainWindow:
        """The counter's session for ``clerk``: a window built for them where this one
        was (their worklist, scope and menus); this one closes with every window of the
        previous clerk, shown or hidden by the lock."""
        from desk.ui.session.user_switch import keep

        successor = MainWindow(self._db, clerk, self._clock)
        successor.setGeometry(self.geometry())
        route = getattr(self, "scan_route", None)
        if route is not None:  # the scanner (and its COM port) goes to the new window
            route.uninstall()
            successor.install_scan_route()
        keep(successor)
        if self.isMaximized():
            successor.showMaximized()
        else:
            successor.show()
        self.successor = successor
        leaving = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
            and w is not self
            and w is not successor
            and not _belongs_to(w, successor)
        ]
        for widget in leaving + self.office_tools.idle_lock.hidden:
            if shiboken6.isValid(widget):
                widget.close()
        self.close()
        self.deleteLater()
        return successor

    # -- reprinting --------------------------------------------------------------

    def selected_code(self) -> str | None:
        return self.worklist.selected_code()

    def show_about(self) -> QMessageBox:
        text = translate(
            "MainWindow",
            "desk {version}\nBàn tiếp nhận hồ sơ của Bộ phận Một cửa: tiếp nhận, hẹn trả kết quả, "
            "in phiếu.\n\nTệp dữ liệu: {database}\nThư mục nhật ký: {logs}",
        ).format(version=__version__, database=database_location(self._db), logs=config.log_dir())
        box = show_message(
            self, translate("MainWindow", "Giới thiệu desk"), text, QMessageBox.Icon.Information
        )
        box.setObjectName("about_box")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return box

    def quit_program(self) -> bool:
        """ "Thoát": this window, then every other window (reports, the dashboard,
        dossier pages) and the program; nothing is left running unseen."""
        if not self.close():
            return False  # the clerk kept an unsaved intake
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()
        QApplication.quit()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        log.info("main window closed by %s", self._clerk.username)
        super().closeEvent(event)
        if event.isAccepted():
            # Notices, alerts and dossier pages go with the window: a box left open
            # must not keep the program running with no main window.
            for widget in QApplication.topLevelWidgets():
                if widget is not self and widget.isVisible() and _belongs_to(widget, self):
                    widget.close()
