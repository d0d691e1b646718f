"""``desk guide CODE --printer URI``: the guide to submitting online, printed and counted."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from desk.cli import main
from desk.domain.clock import VN_TZ
from desk.domain.office import Office
from desk.services import office, settings
from desk.storage.database import open_database

OFFICE = Office(
    name="UBND xã Tân Phú", parent="UBND tỉnh Đồng Nai", code="H36.41", hotline="0251 3822 123"
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def office_file(tmp_path: Path) -> str:
    path = tmp_path / "desk.sqlite3"
    db = open_database(f"sqlite:///{path}")
    try:
        office.set_up_office(db, OFFICE, "admin", "Nguyễn Văn An", "matkhau123")
    finally:
        db.dispose()
    return str(path)


def test_guide_prints_to_the_printer_given_and_the_report_counts_it(
    capsys, tmp_path: Path, as_admin
):
    path = office_file(tmp_path)
    target = tmp_path / "guide.bin"
    code, out, err = run(capsys, "guide", "1.004222", "--printer", f"file:{target}", "--db", path)
    assert code == 0, err
    assert "Đã gửi phiếu hướng dẫn nộp trực tuyến 1.004222" in out and "Lưu ý" not in out
    data = target.read_bytes()
    assert data.startswith(b"\x1b@") and b"\x1dV" in data
    today = datetime.now(VN_TZ).date().isoformat()  # the day the guide was counted
    code, out, err = run(capsys, "report", "--from", today, "--to", today, "--db", path)
    assert code == 0, err
    assert json.loads(out)["guided_online"] == 1


def test_guide_uses_the_offices_printer_and_warns_for_a_procedure_not_online_only(
    capsys, tmp_path: Path, as_admin
):
    path = office_file(tmp_path)
    target = tmp_path / "set.bin"
    db = open_database(f"sqlite:///{path}")
    try:
        settings.set_setting(db, settings.PRINTER_URI, f"file:{target}")
    finally:
        db.dispose()
    code, out, err = run(capsys, "guide", "1.001193", "--db", path)
    assert code == 0, err
    assert target.read_bytes() and "không được đánh dấu chỉ tiếp nhận trực tuyến" in out


def test_guide_for_an_unknown_code_or_a_missing_printer_says_so(capsys, tmp_path: Path, as_admin):
    path = office_file(tmp_path)
    code, _, err = run(capsys, "guide", "9.999999", "--printer", "none", "--db", path)
    assert code == 2 and "Không có thủ tục mã '9.999999'" in err
    missing = f"file:{tmp_path / 'no' / 'g.bin'}"
    code, _, err = run(capsys, "guide", "1.004222", "--printer", missing, "--db", path)
    assert code == 2 and "Lỗi:" in err
