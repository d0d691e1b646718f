"""A dossier's page is read off the window's thread: opening it, and reading it again
after another counter changed the dossier, never freeze the window.

Another PC holds the dossiers locked so that nobody may read them (a restore, a
long correction): the page asked for waits in the background while the main
window's timer keeps ticking, a second click on the same dossier reads nothing
more, and the page shows once the lock goes. A page already open and read again
meanwhile keeps what it shows, then shows the dossier as the other counter left it.
"""

from __future__ import annotations

from background_jobs import list_read, page_read, shown_page, ticks_of
from dossier_factory import record
from server_locks import locked

from desk.services import accounts, steps
from desk.ui.worklist.main_window import MainWindow


def test_a_page_waiting_on_a_locked_server_leaves_the_window_alive(qtbot, server_db, clock):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    code = record(server_db, clerk, clock, "Lê Văn Tám")
    other_code = record(server_db, clerk, clock, "Phạm Thị Cúc")
    window = MainWindow(server_db, clerk, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    list_read(qtbot, window)
    window.open_dossier(other_code)
    open_page = shown_page(qtbot, window, other_code)
    assert open_page is not None and "Đã tiếp nhận" in open_page.heading.text()
    ticks = ticks_of(window)

    with locked(server_db.url, "dossiers"):
        assert window.open_dossier(code) is None  # read in the background
        assert window.open_dossier(code) is None  # a second click: nothing more
        assert window.opening() and code not in window.pages
        open_page.reload()  # as when another counter changed it
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 30)  # the event loop runs meanwhile
        assert window.opening() and open_page.reading()
        assert "Đã tiếp nhận" in open_page.heading.text()  # kept while it waits
    page = shown_page(qtbot, window, code)
    assert page is not None and page.isVisible() and page.code == code
    assert page.facts["name"].text() == "Lê Văn Tám"
    assert list(window.pages) == [other_code, code]

    steps.transfer(server_db, clerk, other_code, "Công an xã", clock)  # another counter
    open_page.reload()
    page_read(qtbot, open_page)
    assert "Đang giải quyết" in open_page.heading.text()
    assert open_page.facts["holder"].text() == "Công an xã"


def test_a_step_s_dialog_waiting_on_a_locked_server_opens_once_when_read(qtbot, server_db, clock):
    from background_jobs import step_opened

    from desk.domain.lifecycle import StepKind
    from desk.ui.dossier.dossier_page import DossierPage
    from desk.ui.dossier.step_dialogs import TransferDialog

    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    code = record(server_db, clerk, clock)
    page = DossierPage(server_db, clerk, code, clock)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    ticks = ticks_of(page)
    with locked(server_db.url, "departments"):
        page.step_buttons[StepKind.TRANSFER].click()
        page.step_buttons[StepKind.TRANSFER].click()  # a second click while it is read
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 30)  # the event loop runs meanwhile
        assert page.opening_step() and page.last_dialog is None
    step_opened(qtbot, page)
    dialog = page.last_dialog
    assert isinstance(dialog, TransferDialog) and dialog.isVisible()
    assert dialog.department_combo.findData("Công an xã") > 0
    assert len([d for d in page.findChildren(TransferDialog) if d.isVisible()]) == 1
