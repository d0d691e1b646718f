"""``desk step`` and the worklist options of ``desk dossiers``."""

from __future__ import annotations

import json
import subprocess

import pytest

from desk.cli import main
from desk.domain.dossier import Applicant, DossierStatus, IntakeDraft, ReceivedPaper
from desk.services import catalog, dossiers
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


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


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


def test_a_stop_writes_its_notice_when_asked(capsys, path_and_code, tmp_path):
    path, code = path_and_code
    out_file = tmp_path / "thong-bao-dung.pdf"
    rc, out, err = run(
        capsys,
        "step",
        code,
        "stop",
        "--reason",
        "Người nộp có đơn xin rút hồ sơ",
        "--out",
        str(out_file),
        "--user",
        "admin",
        "--db",
        path,
    )
    assert rc == 0, err
    assert "Dừng giải quyết" in out and f"Đã ghi {out_file}" in out
    text = pdf_text(out_file)
    for words in (
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "Mẫu số 05 - Phụ lục I Thông tư 03/2025/TT-VPCP",
        code,
        "Đỗ Thị Thu Hà",
        "Lý do theo đề nghị: Người nộp có đơn xin rút hồ sơ",
    ):
        assert words in text, words


def test_out_is_refused_for_a_step_without_a_form(capsys, db, path_and_code, tmp_path):
    path, code = path_and_code
    out_file = tmp_path / "x.pdf"
    rc, _, err = run(
        capsys, "step", code, "ready", "--out", str(out_file), "--user", "admin", "--db", path
    )
    assert rc == 2 and "--out chỉ dùng với supplement, refuse, stop" in err
    assert not out_file.exists()
    assert dossiers.get_dossier(db, code).status is DossierStatus.RECEIVED  # nothing recorded


@pytest.mark.parametrize("folder", [False, True])
def test_a_notice_that_cannot_be_written_is_refused_before_the_step(
    capsys, db, path_and_code, tmp_path, folder
):
    """The step was recorded first, then its notice failed: a folder given as --out even
    ended in a traceback."""
    path, code = path_and_code
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    rc, _, err = run(
        capsys,
        "step",
        code,
        "stop",
        "--reason",
        "Xin rút hồ sơ",
        "--out",
        str(tmp_path if folder else blocked / "dung.pdf"),
        "--user",
        "admin",
        "--db",
        path,
    )
    assert rc == 2
    if folder:
        assert f"{tmp_path} là một thư mục: hãy ghi cả tên tệp" in err
    else:
        assert f"{blocked} là một tệp, không phải thư mục" in err
    assert dossiers.get_dossier(db, code).status is DossierStatus.RECEIVED  # nothing recorded


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


def test_dossiers_band_status_and_search(capsys, path_and_code, monkeypatch):
    path, code = path_and_code
    monkeypatch.setenv("DESK_USER", "admin")
    rc, out, _ = run(capsys, "dossiers", "--search", "do thi thu ha", "--json", "--db", path)
    assert [i["code"] for i in json.loads(out)] == [code]
    rc, out, _ = run(capsys, "dossiers", "--band", "overdue", "--json", "--db", path)
    assert code in [i["code"] for i in json.loads(out)]
    rc, out, _ = run(capsys, "dossiers", "--status", "result_ready", "--json", "--db", path)
    assert json.loads(out) == []
