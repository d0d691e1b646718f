"""``desk step`` and the worklist options of ``desk dossiers``."""

from __future__ import annotations

import json

import pytest

from desk.cli import main
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import catalog
from desk.services.intake import record_intake


@pytest.fixture
def path_and_code(db, db_url, clerk, clock, monkeypatch):
    p = catalog.get_procedure(db, "1.013978")
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name="Đỗ Thị Thu Hà", id_number="079190001234", phone="0912345678"),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    code = record_intake(db, draft, clerk, clock).code
    monkeypatch.setenv("DESK_PASSWORD", "matkhau123")
    return db_url.removeprefix("sqlite:///"), code


def run(capsys, *args):
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def test_a_dossier_through_every_step_from_the_command_line(capsys, path_and_code):
    path, code = path_and_code
    base = ["--user", "admin", "--db", path]
    rc, out, _ = run(capsys, "step", code, "transfer", "--to", "Văn phòng đăng ký đất đai", *base)
    assert rc == 0 and "Đang giải quyết (Văn phòng đăng ký đất đai)" in out
    rc, out, _ = run(capsys, "step", code, "ready", *base)
    assert rc == 0 and "Kết quả: Quá hạn" in out  # received in March, decided now
    rc, out, _ = run(capsys, "step", code, "return", "--collected-by", "Đỗ Văn Minh", *base)
    assert rc == 0 and "Đã trả kết quả (Đỗ Văn Minh)" in out


def test_illegal_moves_and_wrong_passwords_are_refused(capsys, path_and_code, monkeypatch):
    path, code = path_and_code
    rc, _, err = run(capsys, "step", code, "return", "--user", "admin", "--db", path)
    assert rc == 2 and "chưa có kết quả" in err
    rc, _, err = run(
        capsys,
        "step",
        code,
        "supplement",
        "--reason",
        "Thiếu",
        "--missing",
        "Sổ hộ khẩu",
        "--user",
        "admin",
        "--db",
        path,
    )
    assert rc == 2 and "danh mục" in err
    monkeypatch.setenv("DESK_PASSWORD", "sai-mat-khau")
    rc, _, err = run(capsys, "step", code, "ready", "--user", "admin", "--db", path)
    assert rc == 2 and "Sai tên đăng nhập hoặc mật khẩu" in err


def test_dossiers_band_status_and_search(capsys, path_and_code):
    path, code = path_and_code
    rc, out, _ = run(capsys, "dossiers", "--search", "do thi thu ha", "--json", "--db", path)
    assert [i["code"] for i in json.loads(out)] == [code]
    rc, out, _ = run(capsys, "dossiers", "--band", "overdue", "--json", "--db", path)
    assert code in [i["code"] for i in json.loads(out)]
    rc, out, _ = run(capsys, "dossiers", "--status", "result_ready", "--json", "--db", path)
    assert json.loads(out) == []
