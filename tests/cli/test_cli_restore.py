"""``desk restore`` and ``desk restore-missing``: an admin's login, never under a working desk,
any file name, private files, an empty file left alone."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import main
from desk.config import database_url
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import accounts, backup, catalog
from desk.services.intake import record_intake
from desk.storage.database import open_database
from desk.storage.engine import ascii_host_name, host_name, sqlite_path

ROOT = Path(__file__).resolve().parents[2]
sqlite_only = pytest.mark.sqlite_only(reason="a restore replaces a SQLite file")


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def _intake(db, clerk, clock, name: str = "Nguyễn Thị Mai") -> str:  # noqa: ANN001
    p = catalog.get_procedure(db, "1.001193")
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name=name, id_number="079190001234"),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    return record_intake(db, draft, clerk, clock).code


def _codes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT code FROM dossiers ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def admin_password(monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", "matkhau123")
    monkeypatch.delenv("DESK_USER", raising=False)


@sqlite_only
def test_restore_asks_for_an_admin(capsys, db, clerk, clock, tmp_path, admin_password):
    live = str(sqlite_path(db.url))
    copy = backup.backup_now(db, tmp_path / "b", clock)
    rc, _, err = run(capsys, "restore", str(copy), "--db", live, "--yes")
    assert rc == 2 and "--user" in err and "DESK_USER" in err
    accounts.add_clerk(db, clerk, "canbo9", "Lê Văn C", "matkhau123")
    rc, _, err = run(capsys, "restore", str(copy), "--db", live, "--yes", "--user", "canbo9")
    assert rc == 2 and "quản trị" in err
    os.environ["DESK_PASSWORD"] = "sai-mat-khau"
    rc, _, err = run(capsys, "restore", str(copy), "--db", live, "--yes", "--user", "admin")
    assert rc == 2 and "mật khẩu" in err.lower()
    assert list(Path(live).parent.glob("*truoc-khoi-phuc*")) == []


@sqlite_only
def test_restore_refuses_under_a_running_desk_and_waits_for_it_with_wait(
    capsys, db, clerk, clock, tmp_path, admin_password, monkeypatch
):
    monkeypatch.syspath_prepend(str(ROOT / "tests" / "reliability"))
    from restore_harness import IntakeLoop  # the running desk of the reliability tests

    live = sqlite_path(db.url)
    copy = backup.backup_now(db, tmp_path / "b", clock)
    loop = IntakeLoop(db.url, tmp_path, 7)
    try:
        loop.wait_for(2)
        rc, _, err = run(
            capsys, "restore", str(copy), "--db", str(live), "--yes", "--user", "admin"
        )
        assert rc == 2
        assert f"{host_name()} (bàn tiếp nhận)" in err and "--wait" in err
        waiting = subprocess.Popen(
            [sys.executable, "-m", "desk", "restore", str(copy), "--db", str(live), "--yes"]
            + ["--user", "admin", "--wait", "60"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        said = [waiting.stdout.readline() for _ in range(2)]
        assert "hợp lệ" in said[0] and "Đang đợi các máy đóng desk" in said[1]
        loop.wait_for(len(loop.codes) + 2)  # the desk keeps working meanwhile
    finally:
        loop.close()
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    printed = loop.codes
    kept = next(live.parent.glob("desk.truoc-khoi-phuc-*.sqlite3"))
    assert _codes(kept) == printed  # what the desk saved is in the kept file
    assert f"{len(printed)} hồ sơ có trong tệp cũ" in out and "restore-missing" in out
    after = [_intake(db, clerk, clock) for _ in range(3)]
    assert not set(after) & set(printed)  # no code handed out twice
    rc, out, err = run(
        capsys, "restore-missing", "--from", str(kept), "--db", str(live), "--user", "admin"
    )
    assert rc == 0 and all(code in out for code in printed), err
    rc, out, _ = run(
        capsys,
        "restore-missing",
        "--from",
        str(kept),
        "--db",
        str(live),
        "--user",
        "admin",
        "--all",
    )
    assert rc == 0 and out.count("Đã lấy lại hồ sơ") == len(printed)
    assert set(_codes(live)) == set(printed) | set(after)


@pytest.mark.postgresql_only(reason="the server's own view of its connections")
def test_restore_on_a_server_names_the_connected_pcs(capsys, db, tmp_path, admin_password):
    desk = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from desk.storage.database import open_database\n"
            "db = open_database(sys.argv[1], create=False, program='desk')\n"
            "with db.read() as s: pass\n"
            "print('READY', flush=True); sys.stdin.read(); db.dispose()",
            db.url,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert desk.stdout.readline().strip() == "READY"
        rc, _, err = run(
            capsys, "restore", "x.dump", "--db-url", db.url, "--yes", "--user", "admin"
        )
    finally:
        desk.communicate("", timeout=30)
    assert rc == 2 and "pg_restore" in err and f"{ascii_host_name()} (bàn tiếp nhận)" in err


@sqlite_only
@pytest.mark.parametrize("name", ["ho so 100%20.db", "x?.db", "so #3 hồ sơ.db"])
def test_restore_replaces_exactly_the_file_named(
    capsys, db, clerk, clock, tmp_path, admin_password, name
):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    folder = tmp_path / "dữ liệu"
    folder.mkdir()
    for decoy in ("ho so 100 .db", "x", "so "):
        (folder / decoy).write_bytes(b"decoy")
    target = folder / name
    made = open_database(database_url(target))
    from desk.services import office as office_service

    office_service.set_up_office(
        made, office_service.get_office(db), "admin", "Nguyễn Văn An", "matkhau123"
    )
    admin = accounts.log_in(made, "admin", "matkhau123")
    _intake(made, admin, clock)
    made.dispose()
    rc, out, err = run(
        capsys, "restore", str(copy), "--db", str(target), "--yes", "--user", "admin"
    )
    assert rc == 0, err
    assert _codes(target) == []  # the backup has no dossier: that file was replaced
    assert [(folder / d).read_bytes() for d in ("ho so 100 .db", "x", "so ")] == [b"decoy"] * 3
    kept = next(folder.glob("*truoc-khoi-phuc*"))
    assert kept.name.startswith(Path(name).stem + ".truoc-khoi-phuc-") and len(_codes(kept)) == 1


@sqlite_only
def test_an_empty_db_file_gets_a_clear_message_and_stays_empty(capsys, tmp_path, admin_password):
    empty = tmp_path / "trong.db"
    empty.write_bytes(b"")
    rc, _, err = run(capsys, "dossiers", "--db", str(empty))
    assert rc == 2 and "trống (0 byte)" in err and "không phải là cơ sở dữ liệu của desk" in err
    assert empty.read_bytes() == b""
    assert [p.name for p in tmp_path.glob("trong.db*")] == ["trong.db"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows: the user's folder")
def test_the_citizen_export_is_readable_by_its_owner_only(
    capsys, db, db_url, clerk, clock, tmp_path, admin_password
):
    _intake(db, clerk, clock)
    out_file = tmp_path / "cong-dan.json"
    out_file.write_text("{}")
    out_file.chmod(0o644)  # an older export in its place
    where = (
        ["--db", db_url.removeprefix("sqlite:///")]
        if db_url.startswith("sqlite")
        else [
            "--db-url",
            db_url,
        ]
    )
    rc, _, err = run(
        capsys, "export-citizen", "079190001234", "--out", str(out_file), "--user", "admin", *where
    )
    assert rc == 0, err
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    assert "Nguyễn Thị Mai" in out_file.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
