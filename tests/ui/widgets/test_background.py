"""The one way a window hands work to the background and gets its outcome back."""

from __future__ import annotations

import threading

import shiboken6
from background_jobs import settle
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desk.domain.errors import UserError
from desk.ui.widgets import background
from desk.ui.widgets.progress_note import ProgressNote, ProgressWindow

WAIT_SECONDS = 30


def make_window(qtbot) -> tuple[QWidget, QPushButton, ProgressNote]:
    window = QWidget()
    button = QPushButton("In", window)
    note = ProgressNote(window)
    layout = QVBoxLayout(window)
    layout.addWidget(button)
    layout.addWidget(note)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, button, note


def held_work(result: object = "xong") -> tuple[threading.Event, threading.Event, object]:
    """Work that waits on the pool thread until the test lets it go."""
    started, go = threading.Event(), threading.Event()

    def work() -> object:
        started.set()
        assert go.wait(WAIT_SECONDS)
        if isinstance(result, Exception):
            raise result
        return result

    return started, go, work


def test_the_work_runs_off_the_window_thread_and_its_result_comes_back_on_it(qtbot):
    window, button, note = make_window(qtbot)
    threads: list[threading.Thread] = []
    results: list[object] = []
    started, go, work = held_work()

    def on_done(result: object) -> None:
        threads.append(threading.current_thread())
        results.append(result)

    job = background.run_in_background(
        window, work, on_done, results.append, "Đang in...", buttons=[button], note=note
    )
    assert started.wait(WAIT_SECONDS) and job.running
    assert not button.isEnabled()
    qtbot.waitUntil(note.isVisible)  # once the work has run a moment
    assert note.text() == "Đang in..."
    go.set()
    qtbot.waitUntil(lambda: not job.running)
    assert results == ["xong"] and threads == [threading.main_thread()]
    assert button.isEnabled() and not note.isVisible()


def test_a_refusal_comes_back_as_its_message_and_a_bug_as_the_message_given(qtbot):
    window, button, note = make_window(qtbot)
    told: list[str] = []
    for error, expected in (
        (UserError("Máy in chưa bật."), "Máy in chưa bật."),
        (ZeroDivisionError("bug"), "Lỗi: xem nhật ký."),
    ):
        _started, go, work = held_work(error)
        go.set()
        background.run_in_background(
            window, work, told.append, told.append, "...", note=note, failure="Lỗi: xem nhật ký."
        )
        settle(qtbot)
        assert told[-1] == expected


def test_a_button_disabled_before_stays_disabled_after(qtbot):
    window, button, note = make_window(qtbot)
    other = QPushButton("Khác", window)
    other.setEnabled(False)
    background.run_in_background(
        window, lambda: 1, lambda _r: None, lambda _m: None, "...", buttons=[button, other]
    )
    settle(qtbot)
    assert button.isEnabled() and not other.isEnabled()


def test_without_a_place_on_screen_a_small_window_says_what_runs(qtbot):
    window, _button, _note = make_window(qtbot)
    started, go, work = held_work()
    job = background.run_in_background(
        window, work, lambda _r: None, lambda _m: None, "Đang ghi tệp PDF..."
    )
    assert started.wait(WAIT_SECONDS)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(ProgressWindow)))
    [shown] = window.findChildren(ProgressWindow)
    assert shown.text() == "Đang ghi tệp PDF..." and not shown.isModal()
    go.set()
    qtbot.waitUntil(lambda: not job.running)
    qtbot.waitUntil(lambda: not window.findChildren(ProgressWindow))  # gone, not just hidden


def test_an_owner_closed_meanwhile_is_not_called(qtbot):
    window, button, note = make_window(qtbot)
    called: list[object] = []
    started, go, work = held_work()
    background.run_in_background(window, work, called.append, called.append, "...", note=note)
    assert started.wait(WAIT_SECONDS)
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    go.set()
    settle(qtbot)
    assert called == []


def test_progress_reports_reach_the_window_thread(qtbot):
    window, _button, _note = make_window(qtbot)
    seen: list[tuple[int, int, threading.Thread]] = []

    def work(report) -> str:  # noqa: ANN001
        for done in range(1, 4):
            report(done, 3)
        return "ok"

    outcome: list[object] = []
    background.run(
        window,
        work,
        lambda result, error: outcome.append((result, error)),
        progressed=lambda done, total: seen.append((done, total, threading.current_thread())),
    )
    settle(qtbot)
    assert [(d, t) for d, t, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    assert {thread for _, _, thread in seen} == {threading.main_thread()}
    assert outcome == [("ok", None)]


def test_only_the_newest_read_is_shown_whichever_ends_first(qtbot):
    """A search asked while the one before still waits on the server: the newer answer is
    shown, and the older one, coming back after it, is not."""
    window, _button, _note = make_window(qtbot)
    reads = background.NewestRead(window)
    shown: list[object] = []
    older_started, older_go, older = held_work("cũ")
    newer_started, newer_go, newer = held_work("mới")
    reads.run(older, lambda result, error: shown.append(result))
    assert older_started.wait(WAIT_SECONDS)
    reads.run(newer, lambda result, error: shown.append(result), pool=background.device_pool())
    assert newer_started.wait(WAIT_SECONDS) and reads.waiting()
    newer_go.set()
    qtbot.waitUntil(lambda: not reads.waiting())
    assert shown == ["mới"]
    older_go.set()
    settle(qtbot)
    assert shown == ["mới"]  # the older answer came back last, and was not shown


def test_a_forgotten_read_is_never_shown(qtbot):
    window, _button, _note = make_window(qtbot)
    reads = background.NewestRead(window)
    shown: list[object] = []
    started, go, work = held_work()
    reads.run(work, lambda result, error: shown.append(result))
    assert started.wait(WAIT_SECONDS) and reads.waiting()
    reads.forget()  # the clerk emptied the field: nothing of it is wanted
    assert not reads.waiting()
    go.set()
    settle(qtbot)
    assert shown == []
