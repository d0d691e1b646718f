"""Faults injected one by one: each gives a clear Vietnamese message and changes no data.

SQLite-specific (the file lock, ``max_page_count``, the file at start): every
test builds its own database file under ``tmp_path``.
Also proven elsewhere: a write refused while another connection holds the lock
(``tests/storage/test_database.py``), and an error nobody caught in the window
(``tests/ui/test_main_window.py::test_an_unexpected_error_is_logged_and_shown...``);
the tests here add the intake itself and an error raised from inside Qt's event loop.
"""

from __future__ import annotations

import socket
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from desk import printing
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError
from desk.domain.office import Clerk, Office
from desk.printing import PrinterError
from desk.services import accounts, catalog, dossiers, receipts
from desk.services import office as office_service
from desk.services.intake import record_intake
from desk.storage.database import Database, open_database
from desk.storage.engine import make_engine
from desk.storage.tables import DaySequenceRow

pytestmark = pytest.mark.sqlite_only(reason="faults of a SQLite file")

LAND = "1.013978"
OFFICE = Office(
    name="UBND xã Tân Phú",
    parent="UBND tỉnh Đồng Nai",
    code="H36.41",
    address="Số 1 đường Hùng Vương, xã Tân Phú, tỉnh Đồng Nai",
    hotline="0251 3822 123",
    head_title="CHỦ TỊCH",
    head_name="Trần Thị Bình",
)


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A desk database file set up like an office, closed again."""
    address = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    db = open_database(address)
    office_service.set_up_office(db, OFFICE, "admin", "Nguyễn Văn An", "matkhau123")
    db.dispose()
    return address


def _draft(db: Database, name: str = "Phạm Thị Hồng") -> IntakeDraft:
    p = catalog.get_procedure(db, LAND)
    return IntakeDraft(
        procedure_code=LAND,
        applicant=Applicant(name=name, id_number="079190001234", phone="0912345678"),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:2]],
    )


def _state(db: Database) -> tuple[int, int | None]:
    """What a lost or half-written intake would change: the dossiers and the day's number."""
    with db.read() as s:
        last = s.scalar(select(func.max(DaySequenceRow.last)))
    return dossiers.count_dossiers(db), last


def _clerk(db: Database) -> Clerk:
    return accounts.log_in(db, "admin", "matkhau123")


# --- the database locked by another program --------------------------------------


def test_an_intake_while_another_program_holds_the_lock_is_refused_then_goes_through(url, clock):
    db = Database(url, make_engine(url, busy_timeout_ms=200))
    clerk = _clerk(db)
    record_intake(db, _draft(db), clerk, clock)
    before = _state(db)
    holder = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(UserError) as err:
            record_intake(db, _draft(db), clerk, clock)
        assert "đang bị một chương trình hoặc máy khác khóa quá lâu" in err.value.message
        assert "bấm Lưu lại" in err.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _state(db) == before
    record_intake(db, _draft(db), clerk, clock)  # the clerk presses Save again
    assert _state(db) == (before[0] + 1, before[1] + 1)
    db.dispose()


# --- the disk full while saving ----------------------------------------------------


class PageLimit:
    """``PRAGMA max_page_count`` on every connection: a disk with no room to grow."""

    def __init__(self, db: Database) -> None:
        self.pages: int | None = None
        event.listen(db.engine, "connect", self._limit)
        db.engine.dispose()  # new connections from now on

    def _limit(self, dbapi_conn: sqlite3.Connection, _record: object) -> None:
        if self.pages is not None:
            dbapi_conn.execute(f"PRAGMA max_page_count = {self.pages}")


def test_disk_full_while_saving_an_intake_says_so_and_saves_nothing(url, clock):
    db = open_database(url)
    clerk = _clerk(db)
    limit = PageLimit(db)
    with db.read() as s:
        limit.pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    db.engine.dispose()
    saved_before_full = 0
    failure: UserError | None = None
    before = _state(db)
    for _ in range(300):  # the pages still free fill up after a few intakes
        before = _state(db)
        try:
            record_intake(db, _draft(db), clerk, clock)
        except UserError as exc:
            failure = exc
            break
        saved_before_full += 1
    assert failure is not None, "the page limit was never reached"
    assert "Ổ đĩa đã đầy" in failure.message
    assert "Dữ liệu trên màn hình vẫn được giữ" in failure.message
    assert _state(db) == before  # no dossier, and the day's number not used up
    with db.read() as s:
        assert s.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    limit.pages = None  # room again: the same intake now goes through
    db.engine.dispose()
    saved = record_intake(db, _draft(db), clerk, clock)
    assert _state(db) == (before[0] + 1, (before[1] or 0) + 1)
    assert dossiers.get_dossier(db, saved.code).applicant.name == "Phạm Thị Hồng"
    db.dispose()


# --- the database file at start ----------------------------------------------------


def test_a_missing_file_is_refused_when_not_creating_and_nothing_is_created(tmp_path):
    path = tmp_path / "desk.sqlite3"
    with pytest.raises(UserError) as err:
        open_database(f"sqlite:///{path}", create=False)
    assert err.value.message == f"Không tìm thấy tệp dữ liệu {path}."
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_cannot_be_read_is_refused_and_a_backup_is_offered(tmp_path):
    # Running as root, permissions stop nothing: a folder where the file should be
    # cannot be opened as a file by anyone.
    path = tmp_path / "desk.sqlite3"
    path.mkdir()
    (path / "keep.txt").write_text("giữ nguyên")
    with pytest.raises(UserError) as err:
        open_database(f"sqlite:///{path}")
    assert err.value.message.startswith(f"Không đọc được tệp dữ liệu {path}")
    assert "khôi phục từ bản sao lưu" in err.value.message
    assert sorted(p.name for p in path.iterdir()) == ["keep.txt"]
    assert (path / "keep.txt").read_text() == "giữ nguyên"


@pytest.mark.parametrize(
    "content",
    [
        b"Danh sach ho so thang 3\n" * 200,  # a text file
        b"SQLite format 3\x00" + bytes(range(256)) * 16,  # the header, then garbage
    ],
    ids=["text", "broken-sqlite"],
)
def test_a_file_that_is_not_a_database_is_refused_untouched_and_a_backup_offered(tmp_path, content):
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(content)
    with pytest.raises(UserError) as err:
        open_database(f"sqlite:///{path}")
    assert "không phải là cơ sở dữ liệu của desk hoặc đã bị hỏng" in err.value.message
    assert "không ghi đè" in err.value.message
    assert "khôi phục từ bản sao lưu" in err.value.message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.sqlite3"]  # no -wal, no -shm


# --- the printer gone mid-job ------------------------------------------------------


class VanishingPrinter:
    """A network printer on 127.0.0.1 that takes a few bytes, then drops the line.

    Its receive window is tiny, so the sender is still sending when the
    connection is reset (closing with unread data sends a TCP reset).
    """

    def __init__(self, take: int = 64) -> None:
        self.take = take
        self.received = b""
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(1)
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        while len(self.received) < self.take:
            chunk = conn.recv(self.take - len(self.received))
            if not chunk:
                break
            self.received += chunk
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        conn.close()

    def close(self) -> None:
        self.thread.join(timeout=10)
        self.server.close()


@pytest.fixture
def vanishing_printer() -> Iterator[VanishingPrinter]:
    printer = VanishingPrinter()
    yield printer
    printer.close()


def _more_than_the_kernel_buffers() -> int:
    """A job the sending socket cannot swallow whole, so the reset meets it mid-way.

    (A receipt is small enough to sit in the kernel's buffers on loopback; a
    thermal printer's own buffer is a few kilobytes, so there the same reset
    comes mid-receipt.)
    """
    text = Path("/proc/sys/net/ipv4/tcp_wmem").read_text().split()
    return 2 * int(text[2]) + 1_000_000


def test_the_printer_gone_mid_job_says_so_and_how_to_print_again(vanishing_printer):
    job = b"\x1b@" + b"\x00" * _more_than_the_kernel_buffers()
    with pytest.raises(PrinterError) as err:
        printing.send(f"tcp://127.0.0.1:{vanishing_printer.port}", job)
    assert err.value.message == (
        f"Mất kết nối với máy in 127.0.0.1:{vanishing_printer.port} khi đang in: "
        "kiểm tra cáp mạng và máy in, rồi in lại."
    )
    assert err.value.field == "printer" and err.value.detail  # the system's words, for the log
    assert vanishing_printer.received == job[: vanishing_printer.take]  # it had started


def test_a_receipt_the_printer_port_refuses_keeps_the_dossier_and_reprints(url, clock, tmp_path):
    # /dev/full: a printer port that takes no byte (USB or parallel printer unplugged).
    db = open_database(url)
    saved = record_intake(db, _draft(db), _clerk(db), clock)
    before = _state(db)
    with pytest.raises(PrinterError) as err:
        receipts.print_receipt(db, saved.code, "file:/dev/full")
    assert err.value.message.startswith("Không ghi được vào tệp “/dev/full”")
    assert "máy in đã cắm và bật" in err.value.message
    assert _state(db) == before
    assert dossiers.get_dossier(db, saved.code).applicant.name == "Phạm Thị Hồng"
    out = tmp_path / "reprint.bin"  # the reprint, once a printer answers, has it all
    receipts.print_receipt(db, saved.code, f"file:{out}")
    assert out.read_bytes().startswith(b"\x1b@") and out.stat().st_size > 1000
    db.dispose()


# --- an error anywhere in the window -------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_an_error_raised_inside_the_event_loop_is_shown_and_the_loop_goes_on(qtbot, tmp_path):
    from PySide6.QtCore import QTimer

    from desk.ui import app as desk_app

    log_file = desk_app.setup_logging(tmp_path)
    hook = desk_app.ExceptionHook(log_file)
    previous, sys.excepthook = sys.excepthook, hook
    ran: list[str] = []

    def broken_slot() -> None:
        ran.append("broken")
        raise RuntimeError("lỗi trong một nút bấm")

    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: hook.box is not None)
        QTimer.singleShot(0, lambda: ran.append("next"))  # the program still answers
        qtbot.waitUntil(lambda: "next" in ran)
    finally:
        sys.excepthook = previous
    assert ran == ["broken", "next"]
    assert hook.box is not None and hook.box.text().startswith("Đã xảy ra lỗi không mong muốn.")
    assert "RuntimeError: lỗi trong một nút bấm" in log_file.read_text(encoding="utf-8")
    hook.box.done(0)
    qtbot.waitUntil(lambda: hook.box is None)


def test_a_bug_with_nobody_at_the_keyboard_ends_the_program_and_says_why(
    qapp, tmp_path, capfd
) -> None:
    """``desk --snapshot`` whose window failed to complete waited for ever behind the
    error dialog; unattended, the hook ends the event loop with its own code."""
    from PySide6.QtCore import QTimer

    from desk.ui import app as desk_app

    log_file = desk_app.setup_logging(tmp_path)
    hook = desk_app.ExceptionHook(log_file, unattended=True)
    previous, sys.excepthook = sys.excepthook, hook
    hang = QTimer()  # what would end a hang
    hang.setSingleShot(True)
    hang.timeout.connect(lambda: qapp.exit(99))
    try:
        QTimer.singleShot(0, lambda: 1 / 0)
        hang.start(30_000)
        code = qapp.exec()
    finally:
        hang.stop()
        sys.excepthook = previous
    assert code == desk_app.EXIT_UNATTENDED_ERROR
    assert hook.box is None
    said = capfd.readouterr().err
    assert "Chương trình dừng vì một lỗi không mong muốn: ZeroDivisionError" in said
    assert str(log_file) in said
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")
