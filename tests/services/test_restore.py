"""Restoring a backup: an admin's action, never under a working PC, no number twice, undoable."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk.domain.clock import VN_TZ
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import NotFound, UserError
from desk.domain.office import Office
from desk.services import (
    accounts,
    apologies,
    audit,
    backup,
    catalog,
    dossiers,
    missing_dossiers,
    queue,
    queue_setup,
    restore,
    steps,
)
from desk.services.intake import record_intake
from desk.storage.counters import next_value
from desk.storage.database import open_database
from desk.storage.engine import ascii_host_name, host_name, sqlite_path, sqlite_url
from desk.storage.tables import ApologySequenceRow

BIRTH = "1.001193"
CERTIFICATE = "1.004873"  # 3 working days: the apology's procedure in test_apologies
sqlite_only = pytest.mark.sqlite_only(reason="a restore replaces a SQLite file")
OFFICE = Office(
    name="UBND xã Tân Phú",
    parent="UBND tỉnh Đồng Nai",
    code="H36.41",
    head_title="CHỦ TỊCH",
    head_name="Trần Thị Bình",
)


def _intake(db, clerk, clock, name="Nguyễn Thị Mai", procedure=BIRTH) -> str:
    p = catalog.get_procedure(db, procedure)
    draft = IntakeDraft(
        procedure_code=procedure,
        applicant=Applicant(name=name, id_number="079190001234"),
        papers=[ReceivedPaper(x.name) for x in p.papers[:2]],
    )
    return record_intake(db, draft, clerk, clock).code


def _codes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT code FROM dossiers")}
    finally:
        conn.close()


def _present(db, host: str, program: str = "desk", pid: int = 4242, seen=None) -> None:  # noqa: ANN001
    """A presence row as another program writes it (times as naive UTC, like UtcDateTime)."""
    seen = (seen or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    conn = sqlite3.connect(sqlite_path(db.url))
    try:
        conn.execute(
            "INSERT INTO presence (host, program, pid, started_at, seen_at) VALUES (?, ?, ?, ?, ?)",
            (host, program, pid, seen.isoformat(sep=" "), seen.isoformat(sep=" ")),
        )
        conn.commit()
    finally:
        conn.close()


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@sqlite_only
def test_restore_checks_then_replaces_keeps_the_old_file_and_lists_what_only_it_holds(
    db, clerk, clock, tmp_path
):
    first = _intake(db, clerk, clock)
    copy = backup.backup_now(db, tmp_path / "b", clock)
    second = _intake(db, clerk, clock, name="Trần Văn Hùng")
    result = restore.restore(db.url, copy, clerk, clock)
    assert result.kept is not None and _codes(result.kept) == {first, second}
    assert result.kept.name.startswith("desk.truoc-khoi-phuc-20260310-091500-000000")
    assert dossiers.get_dossier(db, first).code == first  # the open connection sees it
    with pytest.raises(NotFound):
        dossiers.get_dossier(db, second)
    assert [(m.code, m.applicant) for m in result.missing] == [(second, "Trần Văn Hùng")]
    assert result.missing[0].received_at == clock.now()
    again = open_database(db.url, create=False)
    assert _codes(sqlite_path(db.url)) == {first}
    again.dispose()


@sqlite_only
def test_only_an_admin_restores(db, clerk, clock, tmp_path):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    accounts.add_clerk(db, clerk, "canbo9", "Lê Văn C", "matkhau123")
    plain = accounts.log_in(db, "canbo9", "matkhau123")
    with pytest.raises(UserError, match="quản trị"):
        restore.restore(db.url, copy, plain, clock)
    assert list(sqlite_path(db.url).parent.glob("*truoc-khoi-phuc*")) == []


@sqlite_only
def test_restore_refuses_garbage_and_changes_nothing(db, clerk, clock, tmp_path):
    _intake(db, clerk, clock)
    live = sqlite_path(db.url)
    before = live.read_bytes()
    bad = tmp_path / "desk-20260101-000000.sqlite3"
    bad.write_bytes(b"PK\x03\x04 not a database" * 100)
    with pytest.raises(UserError, match="không phải là bản sao lưu"):
        restore.restore(db.url, bad, clerk, clock)
    assert live.read_bytes() == before
    assert list(live.parent.glob("*truoc-khoi-phuc*")) == []


@sqlite_only
def test_restore_refuses_a_corrupt_copy(db, clerk, clock, tmp_path):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    data = bytearray(copy.read_bytes())
    for i in range(4096 * 3, min(len(data), 4096 * 8)):  # scribble over table pages
        data[i] = 0x5A
    copy.write_bytes(bytes(data))
    with pytest.raises(UserError, match="hỏng|toàn vẹn"):
        restore.restore(db.url, copy, clerk, clock)


@sqlite_only
def test_restore_refuses_a_backup_from_a_newer_desk(db, clerk, clock, tmp_path):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="mới hơn"):
        restore.restore(db.url, copy, clerk, clock)


@sqlite_only
def test_restore_over_a_garbage_database_file_keeps_it(db, clerk, clock, tmp_path):
    _intake(db, clerk, clock)
    copy = backup.backup_now(db, tmp_path / "b", clock)
    target = tmp_path / "broken" / "desk.sqlite3"
    target.parent.mkdir()
    target.write_bytes(b"garbage" * 1000)
    result = restore.restore(sqlite_url(target), copy, clerk, clock)
    assert result.kept is not None and result.kept.read_bytes() == b"garbage" * 1000
    assert result.missing == []
    restored = open_database(sqlite_url(target), create=False)
    restored.dispose()
    assert len(_codes(target)) == 1
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


# -- nobody else working on the file --------------------------------------------------


@sqlite_only
def test_a_program_on_another_pc_stops_the_restore_and_is_named(db, clerk, clock, tmp_path):
    _intake(db, clerk, clock)
    copy = backup.backup_now(db, tmp_path / "b", clock)
    _present(db, "PC-QUAY-2", "desk")
    _present(db, "PC-SANH", "kiosk")
    live = sqlite_path(db.url)
    with pytest.raises(restore.ProgramsConnected) as err:
        restore.restore(db.url, copy, clerk, clock)
    assert "PC-QUAY-2 (bàn tiếp nhận), PC-SANH (máy lấy số)" in err.value.message
    assert "Không có gì bị thay đổi" in err.value.message and "khôi phục lại" in err.value.message
    assert [p.host for p in err.value.programs] == ["PC-QUAY-2", "PC-SANH"]
    assert list(live.parent.glob("*truoc-khoi-phuc*")) == []


@sqlite_only
def test_a_silent_pc_and_a_process_gone_from_this_pc_do_not_count(db, clerk, clock, tmp_path):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    _present(db, "PC-TAT-MAY", seen=datetime.now(UTC) - timedelta(minutes=3))
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    _present(db, host_name(), pid=int(ended.stdout))  # killed without closing: its row stayed
    _present(db, host_name(), pid=os.getpid())  # the admin's own desk, restoring
    assert restore.restore(db.url, copy, clerk, clock).kept is not None


@sqlite_only
def test_waiting_for_the_other_pcs_then_restoring(db, clerk, clock, tmp_path):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    _present(db, "PC-QUAY-2")
    told = []

    def the_clerk_closes_desk(seconds: float) -> None:
        conn = sqlite3.connect(sqlite_path(db.url))
        conn.execute("DELETE FROM presence")
        conn.commit()
        conn.close()

    restore.wait_until_alone(db.url, 60, told.append, sleep=the_clerk_closes_desk)
    assert [[p.host for p in programs] for programs in told] == [["PC-QUAY-2"]]
    _present(db, "PC-QUAY-2")
    with pytest.raises(restore.ProgramsConnected, match="PC-QUAY-2"):
        restore.wait_until_alone(db.url, 0.05, told.append)
    with pytest.raises(restore.ProgramsConnected):
        restore.restore(db.url, copy, clerk, clock, wait_s=0.05)
    the_clerk_closes_desk(0)
    assert restore.restore(db.url, copy, clerk, clock, wait_s=0.05).kept is not None


# -- no number handed out twice ---------------------------------------------------------


@sqlite_only
def test_no_code_ticket_or_letter_number_is_handed_out_again(db, clerk, clock, tmp_path):
    late = _intake(db, clerk, clock, procedure=CERTIFICATE)
    queue_setup.ensure_defaults(db)
    group = queue_setup.list_groups(db, active_only=True)[0]
    copy = backup.backup_now(db, tmp_path / "b", clock)
    # after the backup: two dossiers, a ticket and an apology letter left the office
    handed = {_intake(db, clerk, clock), _intake(db, clerk, clock)}
    ticket = queue.take_ticket(db, group.id, None, clock)
    new_date = datetime(2026, 3, 18, 10, 0, tzinfo=VN_TZ)
    letter = apologies.make_apology(db, clerk, late, "Chờ xác minh", new_date, "sms", clock)
    result = restore.restore(db.url, copy, clerk, clock)
    assert result.counters_forward == 3  # the day's codes, the tickets, the letters
    after = {_intake(db, clerk, clock) for _ in range(3)}
    assert not after & handed and not after & _codes(result.kept)
    assert queue.take_ticket(db, group.id, None, clock).ticket.number == ticket.ticket.number + 1
    again = apologies.make_apology(db, clerk, late, "Chờ xác minh", new_date, "sms", clock)
    assert again.number == letter.number + 1


@sqlite_only
def test_two_restores_in_the_same_second_keep_two_files(db, clerk, clock, tmp_path):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    first = _intake(db, clerk, clock)
    one = restore.restore(db.url, copy, clerk, clock).kept
    second = _intake(db, clerk, clock, name="Trần Văn Hùng")
    two = restore.restore(db.url, copy, clerk, clock).kept  # the same clock: the same instant
    assert one is not None and two is not None and one != two
    assert _codes(one) == {first} and _codes(two) == {second}
    assert two.name == one.name.replace(".sqlite3", "-2.sqlite3")


# -- private files, a full disk ---------------------------------------------------------


@sqlite_only
@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows: the user's folder")
def test_the_kept_file_and_the_database_are_readable_by_their_owner_only(
    db, clerk, clock, tmp_path
):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    kept = restore.restore(db.url, copy, clerk, clock).kept
    live = sqlite_path(db.url)
    for path in (kept, live, Path(f"{live}-wal"), Path(f"{live}-shm")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def _full_disk_on_the_kept_copy(real):  # noqa: ANN001, ANN202
    def copy(source: Path, target: Path) -> None:
        if ".partial" in target.name and "restore" not in target.name:
            target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # some bytes went out
            raise OSError(errno.ENOSPC, "No space left on device")
        real(source, target)

    return copy


@sqlite_only
@pytest.mark.parametrize("where", ["kept copy", "new content", "live copy"])
def test_a_full_disk_during_restore_says_so_and_leaves_nothing_half_written(
    db, clerk, clock, tmp_path, monkeypatch, where
):
    _intake(db, clerk, clock)
    copy = backup.backup_now(db, tmp_path / "b", clock)
    _intake(db, clerk, clock)
    live = sqlite_path(db.url)
    before = (_codes(live), _files(live.parent))
    if where == "kept copy":
        monkeypatch.setattr(restore, "online_copy", _full_disk_on_the_kept_copy(backup.online_copy))
    elif where == "new content":
        monkeypatch.setattr(
            restore,
            "_take_counters_forward",
            _raise(sqlite3.OperationalError("database or disk is full")),
        )
    else:
        monkeypatch.setattr(
            restore, "_copy_into_live", _raise(sqlite3.OperationalError("database or disk is full"))
        )
    with pytest.raises(UserError) as err:
        restore.restore(db.url, copy, clerk, clock)
    assert err.value.message.startswith("Ổ đĩa đã đầy")
    assert "giải phóng dung lượng" in err.value.message and "khôi phục lại" in err.value.message
    assert (_codes(live), _files(live.parent)) == before  # no kept file, no partial file


def _raise(exc: BaseException):  # noqa: ANN202
    def fail(*_args: object) -> None:
        raise exc

    return fail


# -- bringing back what only the kept file holds --------------------------------------------


@sqlite_only
def test_the_missing_dossiers_come_back_whole_with_the_account_that_received_them(
    db, clerk, clock, tmp_path
):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    accounts.add_clerk(db, clerk, "canbo9", "Lê Văn C", "matkhau123")
    newcomer = accounts.log_in(db, "canbo9", "matkhau123")
    one = _intake(db, newcomer, clock, name="Phạm Thị Hồng")
    two = _intake(db, clerk, clock, name="Trần Văn Hùng")
    papers = len(dossiers.get_dossier(db, one).papers)
    result = restore.restore(db.url, copy, clerk, clock)
    assert [m.code for m in result.missing] == [one, two]
    done = missing_dossiers.bring_back(db, clerk, result.kept, [one], clock)
    assert done.codes == [one] and done.accounts == ["canbo9"]
    d = dossiers.get_dossier(db, one)
    assert d.applicant.name == "Phạm Thị Hồng" and len(d.papers) == papers
    assert [s.kind.value for s in steps.timeline(db, one)] == ["intake"]
    assert [e.action for e in audit.trail(db, "dossier", one)][-1] == "brought_back"
    assert [m.code for m in missing_dossiers.missing_dossiers(db, result.kept)] == [two]
    again = missing_dossiers.bring_back(db, clerk, result.kept, [one, two], clock)
    assert again.codes == [two] and again.already_there == [one]
    with pytest.raises(UserError, match="không có hồ sơ H36"):
        missing_dossiers.bring_back(db, clerk, result.kept, ["H36.41-260310-9999"], clock)


def test_dossiers_come_back_into_a_database_on_either_engine(db, clerk, clock, tmp_path):
    from desk.services import office as office_service

    kept_url = sqlite_url(tmp_path / "kept.sqlite3")
    other = open_database(kept_url)
    office_service.set_up_office(other, OFFICE, "admin", "Nguyễn Văn An", "matkhau123")
    their_admin = accounts.log_in(other, "admin", "matkhau123")
    codes = [_intake(other, their_admin, clock, name=f"Người {i}") for i in range(2)]
    with other.write() as s:  # five letters numbered there, of dossiers not in the kept file
        for _ in range(5):
            next_value(s, ApologySequenceRow.last, year=2026)
    other.dispose()
    assert [
        m.code for m in missing_dossiers.missing_dossiers(db, tmp_path / "kept.sqlite3")
    ] == codes
    missing_dossiers.bring_back(db, clerk, tmp_path / "kept.sqlite3", None, clock)
    assert [dossiers.get_dossier(db, c).applicant.name for c in codes] == ["Người 0", "Người 1"]
    assert _intake(db, clerk, clock) not in codes  # the day's counter went forward too
    with db.read() as s:  # ...and so did the apology letters' counter
        assert s.get(ApologySequenceRow, 2026).last == 5


# -- a server ------------------------------------------------------------------------------


@pytest.mark.postgresql_only(reason="the server's own view of its connections")
def test_a_server_is_restored_on_the_server_and_the_connected_pcs_are_named(db, clerk, tmp_path):
    kiosk = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from desk.storage.database import open_database\n"
            "db = open_database(sys.argv[1], create=False, program='kiosk')\n"
            "with db.read() as s: pass\n"
            "print('READY', flush=True); sys.stdin.read(); db.dispose()",
            db.url,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert kiosk.stdout.readline().strip() == "READY"
        with pytest.raises(restore.ProgramsConnected) as err:
            restore.restore(db.url, tmp_path / "any.dump", clerk)
        assert "pg_restore" in err.value.message
        assert f"{ascii_host_name()} (máy lấy số)" in err.value.message
    finally:
        kiosk.communicate("", timeout=30)
    with pytest.raises(UserError) as err:
        restore.restore(db.url, tmp_path / "any.dump", clerk)
    assert "pg_restore" in err.value.message and "máy lấy số" not in err.value.message
