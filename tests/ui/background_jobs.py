"""Waiting for the work windows hand to the background (prints, files, lists)."""

from __future__ import annotations

from desk.ui.widgets import background

#: Generous: only reached when a test is broken, or the machine very loaded.
WAIT_MS = 30_000


def settle(qtbot) -> None:  # noqa: ANN001 (pytest-qt's fixture)
    """Wait until every piece of background work has been handed back to its window."""
    qtbot.waitUntil(lambda: background.pending() == 0, timeout=WAIT_MS)


def saves_done(qtbot) -> None:  # noqa: ANN001 (pytest-qt's fixture)
    """Wait until no intake form of the program is still saving its dossier, nor drawing
    the receipt of the one it saved."""
    from PySide6.QtWidgets import QApplication

    from desk.ui.intake.intake_window import IntakeWindow

    def forms() -> list[IntakeWindow]:
        found: list[IntakeWindow] = []
        for top in QApplication.topLevelWidgets():
            if isinstance(top, IntakeWindow):
                found.append(top)
            found.extend(top.findChildren(IntakeWindow))
        return found

    qtbot.waitUntil(lambda: not any(f.saving() or f.previewing() for f in forms()), timeout=WAIT_MS)


def saved(qtbot, form):  # noqa: ANN001, ANN201
    """Save ``form`` (an intake form) and wait for the outcome: the dossier it saved, or
    ``None`` when it saved nothing (the form then says why)."""
    before = form.last_dossier
    form.save()
    qtbot.waitUntil(lambda: not form.saving() and not form.previewing(), timeout=WAIT_MS)
    return form.last_dossier if form.last_dossier is not before else None


def previewed(qtbot, form) -> None:  # noqa: ANN001
    """Wait until the receipt of the dossier an intake form just saved is on screen (it is
    drawn off the window's thread), or could not be drawn."""
    qtbot.waitUntil(lambda: not form.saving() and not form.previewing(), timeout=WAIT_MS)


def ticks_of(parent):  # noqa: ANN001, ANN201 (a QObject; a list of ints)
    """A list that grows by one each time a 10 ms timer of ``parent`` fires: it grows only
    while the window's event loop runs (the window does not freeze)."""
    from PySide6.QtCore import QTimer

    ticks: list[int] = []
    timer = QTimer(parent)
    timer.timeout.connect(lambda: ticks.append(len(ticks)))
    timer.start(10)
    return ticks


def steps_done(qtbot, dialog) -> None:  # noqa: ANN001
    """Wait until a step's dialog has its outcome (recorded and closed, or refused), and
    the dossier's page it was opened from shows the dossier as the step left it."""
    import shiboken6

    page = dialog.parentWidget()
    qtbot.waitUntil(
        lambda: not shiboken6.isValid(dialog) or not dialog.submitting(), timeout=WAIT_MS
    )
    if page is not None and hasattr(page, "reading"):
        page_read(qtbot, page)


def submitted(qtbot, dialog) -> bool:  # noqa: ANN001
    """Submit a step's dialog and wait for the outcome: whether the step was recorded (the
    dialog then closed), else it says why and keeps what was typed."""
    from PySide6.QtWidgets import QDialog

    dialog.submit()
    steps_done(qtbot, dialog)

    return dialog.result() == QDialog.DialogCode.Accepted


def kiosk_ticket(qtbot, kiosk, group_id: int):  # noqa: ANN001, ANN201
    """Touch a group on the kiosk and wait for the ticket: the one issued, else ``None``
    (the screen then says why)."""
    before = kiosk.last_issued
    kiosk.take(group_id)
    qtbot.waitUntil(lambda: not kiosk.taking(), timeout=WAIT_MS)
    return kiosk.last_issued if kiosk.last_issued is not before else None


def list_read(qtbot, view) -> None:  # noqa: ANN001
    """Wait until a worklist (its screen, the main window, or its table model) has the
    rows and the counts it asked for: they are read off the window's thread (so are the
    main window's title and its calendar notice)."""
    window = view
    view = getattr(view, "worklist", view)

    def done() -> bool:
        title = getattr(window, "reading_title", None)  # the main window's title, too
        notice = getattr(window, "calendar_notice", None)
        return (
            not view.reading()
            and (title is None or not title())
            and (notice is None or not notice.reading())
        )

    qtbot.waitUntil(done, timeout=WAIT_MS)


def admin_opened(qtbot, window):  # noqa: ANN001, ANN201
    """Wait until the admin dialog the main window was asked to open (a menu item) has
    been read and opened: that dialog, or ``None`` when it could not be read."""
    qtbot.waitUntil(lambda: not window.opening_admin_dialog(), timeout=WAIT_MS)
    return window.last_admin_dialog


def page_read(qtbot, page) -> None:  # noqa: ANN001
    """Wait until a dossier's page shows what the dossier is now (it reads off the
    window's thread after each step, and when another counter changed the dossier)."""
    import shiboken6

    qtbot.waitUntil(lambda: not shiboken6.isValid(page) or not page.reading(), timeout=WAIT_MS)


def opened(qtbot, window, code: str):  # noqa: ANN001, ANN201
    """Open dossier ``code``'s page from the main window and wait until it shows: the
    page, or ``None`` when it could not be read (the window said why)."""
    window.open_dossier(code)
    return shown_page(qtbot, window, code)


def shown_page(qtbot, window, code: str):  # noqa: ANN001, ANN201
    """Wait until the main window has shown the page of ``code`` it was asked for (a
    double click, a scan): the page, or ``None`` when it could not be read."""
    qtbot.waitUntil(lambda: not window.opening(), timeout=WAIT_MS)
    page = window.pages.get(code)
    if page is not None:
        page_read(qtbot, page)
        step_opened(qtbot, page)  # a ready result scanned opens "Trả kết quả" at once
    return page


def step_opened(qtbot, page) -> None:  # noqa: ANN001
    """Wait until the step's dialog a page was asked to open is open (what it shows is
    read off the window's thread first), or it said why it could not be."""
    qtbot.waitUntil(lambda: not page.opening_step(), timeout=WAIT_MS)


def appointment_shown(qtbot, form) -> None:  # noqa: ANN001
    """Wait until an intake form shows the appointment of its procedure and channel as
    of now (worked out off the window's thread: it reads the office's calendar)."""
    qtbot.waitUntil(lambda: not form.appointment_pending(), timeout=WAIT_MS)


def held_read(qtbot, form) -> None:  # noqa: ANN001
    """Wait until an intake form shows the digitised papers held for the CCCD typed."""
    qtbot.waitUntil(lambda: not form.scans.reuse.looking_up(), timeout=WAIT_MS)


def catalog_read(qtbot, form) -> None:  # noqa: ANN001
    """Wait until an intake form (or its procedure picker) lists the catalog, read off the
    window's thread when the form is built."""
    picker = getattr(form, "picker", form)
    qtbot.waitUntil(lambda: not picker.reading(), timeout=WAIT_MS)


def screen_read(qtbot, screen) -> None:  # noqa: ANN001
    """Wait until a public screen (the kiosk, the waiting-room display, the rating window)
    shows what its last poll read (its first picture is read off the window's thread)."""
    qtbot.waitUntil(lambda: not screen.reading(), timeout=WAIT_MS)


def dialog_saved(qtbot, dialog, save=None) -> bool:  # noqa: ANN001
    """Save a dialog (``dialog.save()``, or ``save()``) and wait for the outcome, saved
    off the window's thread: whether the dialog closed accepted."""
    import shiboken6
    from PySide6.QtWidgets import QDialog

    results: list[int] = []  # (a dialog deleted on close has no result to ask afterwards)
    dialog.finished.connect(results.append)
    (save or dialog.save)()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.saving(), timeout=WAIT_MS)
    return results[-1:] == [QDialog.DialogCode.Accepted.value]
