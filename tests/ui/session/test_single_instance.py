"""One desk per user and database: a second start brings the first forward and ends.

In one process (two ``SingleInstance`` objects, and ``run()`` answering a call
while its main window is minimised), then for real: two ``python -m desk``
processes on one database, and a third after the first was killed.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desk.storage.database import Database
from desk.ui import app as desk_app
from desk.ui.session.single_instance import (
    KEY_PREFIX,
    LOCK_NAME,
    REQUEST_NAME,
    SingleInstance,
    bring_forward,
    database_identity,
    instance_folder,
    instance_key,
)
from desk.ui.worklist.main_window import MainWindow

REPO = Path(__file__).resolve().parents[3]
#: Generous: only reached when something is broken (a start takes a few seconds).
WAIT_SECONDS = 90


@pytest.fixture
def key(tmp_path) -> Iterator[str]:
    key = instance_key(f"sqlite:///{tmp_path / 'khoa.sqlite3'}", user="canbo1")
    yield key
    shutil.rmtree(instance_folder(key), ignore_errors=True)


@pytest.fixture
def first(key):
    guard = SingleInstance(key)
    yield guard
    guard.close()


# --- the key -------------------------------------------------------------------------


def test_the_key_is_one_per_user_and_database(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    other = f"sqlite:///{tmp_path / 'dao-tao.sqlite3'}"
    assert instance_key(url, "canbo1") == instance_key(url, "canbo1")
    assert instance_key(url, "canbo1") != instance_key(url, "canbo2")
    assert instance_key(url, "canbo1") != instance_key(other, "canbo1")
    assert instance_key(url, "Nguyễn Văn An").isascii()
    assert instance_key(url, "x").startswith(KEY_PREFIX) and len(instance_key(url, "x")) < 40


def test_the_same_database_written_two_ways_is_one_desk(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    absolute = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert database_identity("sqlite:///desk.sqlite3") == database_identity(absolute)
    assert database_identity(f"sqlite:///{tmp_path}/du-lieu/../desk.sqlite3") == (
        database_identity(absolute)
    )


def test_the_password_of_a_server_url_is_not_part_of_the_key() -> None:
    one = "postgresql+psycopg://desk:matkhau1@10.0.0.5/desk"
    two = "postgresql+psycopg://desk:matkhau2@10.0.0.5/desk"
    assert instance_key(one, "canbo1") == instance_key(two, "canbo1")
    assert "matkhau" not in database_identity(one)
    assert instance_key(one, "canbo1") != instance_key(two.replace("/desk", "/khac"), "canbo1")


# --- two objects in one process --------------------------------------------------------


def test_the_second_claim_asks_the_first_to_come_forward(qtbot, first, key) -> None:
    assert first.claim() and first.is_listening()
    second = SingleInstance(key)
    with qtbot.waitSignal(first.activation_requested, timeout=10_000):
        assert not second.claim()
    assert not second.is_listening()


def test_after_the_first_closes_the_next_start_is_the_first(qtbot, first, key) -> None:
    assert first.claim()
    first.close()
    again = SingleInstance(key)
    try:
        assert again.claim() and again.is_listening()
    finally:
        again.close()


def _crash_holding(key: str) -> None:
    """A real process takes the desk's lock and is killed, as a crashed desk would be."""
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "from desk.ui.session.single_instance import instance_folder, LOCK_NAME\n"
        "folder = instance_folder(sys.argv[1])\n"
        "folder.mkdir(mode=0o700, parents=True, exist_ok=True)\n"
        "lock = QLockFile(str(folder / LOCK_NAME))\n"
        "assert lock.tryLock(0)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, key], cwd=REPO, capture_output=True)
    assert done.returncode == -9, done.stderr


def test_a_lock_left_by_a_crash_is_taken_over(qtbot, first, key, caplog) -> None:
    caplog.set_level(logging.INFO, logger="desk.ui.session.single_instance")
    _crash_holding(key)
    lock = instance_folder(key) / LOCK_NAME
    assert str(os.getpid()) not in lock.read_text()  # the dead process's lock is there
    assert first.claim() and first.is_listening()
    assert "took over the single-instance lock" in caplog.text
    assert lock.read_text().split()[0] == str(os.getpid())
    with qtbot.waitSignal(first.activation_requested, timeout=10_000):
        assert not SingleInstance(key).claim()


def test_a_lock_is_not_taken_over_for_its_age(qtbot, first, key) -> None:
    """A desk open all day keeps its lock: a start hours later is still the second."""
    assert first.claim()
    lock = instance_folder(key) / LOCK_NAME
    old = time.time() - 8 * 3600
    os.utime(lock, (old, old))
    with qtbot.waitSignal(first.activation_requested, timeout=10_000):
        assert not SingleInstance(key).claim()
    assert first.is_listening()


def test_a_request_left_before_the_start_is_not_taken_for_a_new_one(qtbot, key) -> None:
    """A request whose asker has long ended does not pull the next desk forward."""
    folder = instance_folder(key)
    folder.mkdir(mode=0o700, parents=True)
    (folder / REQUEST_NAME).write_bytes(b"show\n")
    guard = SingleInstance(key)
    try:
        with qtbot.assertNotEmitted(guard.activation_requested, wait=300):
            assert guard.claim()
        assert not (folder / REQUEST_NAME).exists()
    finally:
        guard.close()


def test_each_request_brings_the_desk_forward_again(qtbot, first, key) -> None:
    assert first.claim()
    for _ in range(3):
        with qtbot.waitSignal(first.activation_requested, timeout=10_000):
            assert not SingleInstance(key).claim()
        qtbot.waitUntil(lambda: not (instance_folder(key) / REQUEST_NAME).exists())


def test_a_temporary_folder_that_cannot_be_written_runs_without_the_guard(
    qtbot, key, tmp_path, monkeypatch, caplog
) -> None:
    blocker = tmp_path / "khong-phai-thu-muc"
    blocker.write_text("x")  # a file where the folder should be made
    monkeypatch.setattr(QDir, "tempPath", staticmethod(lambda: str(blocker)))
    guard = SingleInstance(key)
    assert guard.claim()  # the clerk still gets the desk
    assert not guard.is_listening()
    assert "a second window will not be noticed" in caplog.text
    guard.close()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="the temporary folder is shared on POSIX")
def test_a_folder_others_may_write_in_is_not_used(qtbot, key, caplog) -> None:
    """A folder in the shared temporary folder that another account could have made."""
    folder = instance_folder(key)
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    guard = SingleInstance(key)
    assert guard.claim() and not guard.is_listening()  # the desk opens, unguarded
    assert "is not this account's own" in caplog.text
    assert not (folder / LOCK_NAME).exists()
    assert SingleInstance(key).claim() is not False  # and asks nobody in that folder
    assert not (folder / REQUEST_NAME).exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="the temporary folder is shared on POSIX")
def test_an_own_folder_others_could_only_read_is_closed_and_used(qtbot, key, caplog) -> None:
    """The folder an earlier desk made readable by all: no one else could write in it,
    so the desk closes it and keeps its guard."""
    caplog.set_level(logging.INFO, logger="desk.ui.session.single_instance")
    folder = instance_folder(key)
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    guard = SingleInstance(key)
    assert guard.claim() and guard.is_listening()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert "closed" in caplog.text and "is not this account's own" not in caplog.text
    assert SingleInstance(key).claim() is False  # a second start is noticed
    guard.close()


def test_the_folder_is_closed_to_other_accounts(first, key) -> None:
    assert first.claim()
    if hasattr(os, "getuid"):
        assert instance_folder(key).stat().st_mode & 0o777 == 0o700


def test_bring_forward_unminimises_and_keeps_maximised(qtbot) -> None:
    window, other = QWidget(), QWidget()
    qtbot.addWidget(window)
    qtbot.addWidget(other)
    window.show()
    other.show()
    window.setWindowState(Qt.WindowState.WindowMaximized)
    window.showMinimized()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    bring_forward(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert not window.isMinimized() and window.isMaximized()


# --- run() -----------------------------------------------------------------------------


def test_run_brings_its_minimised_main_window_forward(qtbot, db: Database, log_home) -> None:
    steps: list[str] = []
    # Exceptions inside run() go to its error dialog, not to pytest: the test ends
    # itself if the window never comes, rather than wait for ever.
    deadline = time.monotonic() + 30

    def when_open() -> None:
        # (a window of an earlier test may linger, closed, until it is collected)
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, when_open)
            else:
                steps.append("never shown")
                QApplication.instance().exit(3)
            return
        window = windows[0]
        window.showMinimized()
        steps.append("minimised")
        # A second start of the desk, as another process would do it.
        steps.append("second ended" if not SingleInstance(instance_key(db.url)).claim() else "")
        QTimer.singleShot(20, lambda: wait_forward(window))

    def wait_forward(window: MainWindow) -> None:
        if window.isMinimized() and time.monotonic() < deadline:
            QTimer.singleShot(20, lambda: wait_forward(window))
            return
        steps.append("still minimised" if window.isMinimized() else "forward")
        window.close()

    QTimer.singleShot(0, when_open)
    assert desk_app.run(db.url, demo_clerk="admin") == 0
    assert steps == ["minimised", "second ended", "forward"]
    log_text = (log_home / "desk" / "log" / "desk.log").read_text(encoding="utf-8")
    assert "brought MainWindow forward" in log_text
    again = SingleInstance(instance_key(db.url))  # the first stopped listening when it ended
    try:
        assert again.claim()
    finally:
        again.close()


def test_a_second_run_ends_with_0_before_touching_its_database(qtbot, tmp_path, log_home) -> None:
    path = tmp_path / "chua-co.sqlite3"
    url = f"sqlite:///{path}"
    running = SingleInstance(instance_key(url))
    try:
        assert running.claim()
        with qtbot.waitSignal(running.activation_requested, timeout=10_000):
            assert desk_app.run(url) == 0
    finally:
        running.close()
    assert not path.exists()
    log_text = (log_home / "desk" / "log" / "desk.log").read_text(encoding="utf-8")
    assert "already open for this user on this database" in log_text


# --- two real processes ----------------------------------------------------------------


def _environment(tmp_path: Path, name: str, shared_temp: Path) -> dict[str, str]:
    """Each start its own log folder; one temp folder (where the locks are) for all."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / name),
        TMPDIR=str(shared_temp),
    )
    return env


def _log(tmp_path: Path, name: str) -> str:
    path = tmp_path / name / "desk" / "log" / "desk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _start(db_path: Path, tmp_path: Path, name: str, shared_temp: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desk", "--db", str(db_path)],
        cwd=REPO,
        env=_environment(tmp_path, name, shared_temp),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait_for_log(process: subprocess.Popen[str], tmp_path: Path, name: str, text: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while text not in _log(tmp_path, name):
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise AssertionError(f"{name} ended with {process.returncode}: {output}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{name} never logged {text!r}: {_log(tmp_path, name)}")
        time.sleep(0.1)


def _end(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode is not None


@pytest.fixture
def shared_temp() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="desk-"))
    yield folder
    shutil.rmtree(folder)


@pytest.mark.slow
def test_a_second_desk_process_brings_the_first_forward_and_exits_0(
    db: Database, tmp_path: Path, shared_temp: Path
) -> None:
    db_path = Path(db.engine.url.database)
    first = _start(db_path, tmp_path, "first", shared_temp)
    try:
        _wait_for_log(first, tmp_path, "first", "single instance: listening")
        second = subprocess.run(
            [sys.executable, "-m", "desk", "--db", str(db_path)],
            cwd=REPO,
            env=_environment(tmp_path, "second", shared_temp),
            capture_output=True,
            text=True,
            timeout=WAIT_SECONDS,
        )
        assert second.returncode == 0, second.stderr
        assert "asked it to come forward" in _log(tmp_path, "second")
        assert "listening" not in _log(tmp_path, "second")
        # The first has only the login dialog open yet: that is what comes forward.
        _wait_for_log(first, tmp_path, "first", "brought LoginDialog forward")
    finally:
        _end(first)
    # Killed, the first left its lock file: the next start takes it over.
    third = _start(db_path, tmp_path, "third", shared_temp)
    try:
        _wait_for_log(third, tmp_path, "third", "single instance: listening")
        assert "took over the single-instance lock" in _log(tmp_path, "third")
    finally:
        _end(third)
