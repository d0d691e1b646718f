"""``desk apology`` and ``desk letter``: PDFs from the command line, and every refusal."""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from desk.cli.letters import add_commands, run_apology, run_letter
from desk.config import database_url
from desk.domain.apology import propose_new_date
from desk.domain.clock import SystemClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError
from desk.domain.lifecycle import SupplementRequest
from desk.services import apologies, calendar, catalog, dossiers, steps
from desk.services.intake import record_intake
from desk.storage.database import open_database


def run(capsys, db_path: str, *args: str) -> tuple[int, str, str]:
    """As ``desk`` runs a sub-command: a ``UserError`` is "Lỗi: ..." and exit code 2."""
    parser = argparse.ArgumentParser(prog="desk")
    add_commands(parser.add_subparsers(dest="command", required=True))
    parsed = parser.parse_args([*args, "--db", db_path])
    db = open_database(database_url(parsed.db), create=False)
    try:
        handler = {"apology": run_apology, "letter": run_letter}[parsed.command]
        code = handler(parsed, db)
    except UserError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        code = 2
    finally:
        db.dispose()
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def setup(db, db_url, clerk, monkeypatch):
    """A dossier received now (the command line runs on the real clock)."""
    p = catalog.get_procedure(db, "1.004873")
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name="Đỗ Thị Thu Hà", id_number="079190001234"),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    code = record_intake(db, draft, clerk, SystemClock()).code
    monkeypatch.setenv("DESK_USER", "admin")  # both show the applicant: a login
    monkeypatch.setenv("DESK_PASSWORD", "matkhau123")
    return db_url.removeprefix("sqlite:///"), code


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def a_good_new_date(db, code: str) -> datetime:
    old = dossiers.get_dossier(db, code).effective_due()
    return propose_new_date(old, calendar.working_calendar(db), now=SystemClock().now())


def test_an_apology_is_recorded_and_its_letter_written(capsys, db, setup, tmp_path):
    path, code = setup
    new = a_good_new_date(db, code)
    out_file = tmp_path / "xin-loi.pdf"
    rc, out, err = run(
        capsys,
        path,
        "apology",
        code,
        "--reason",
        "Chờ xác minh nơi cư trú",
        "--new-date",
        f"{new:%Y-%m-%d %H:%M}",
        "--out",
        str(out_file),
        "--notify",
        "sms",
    )
    assert rc == 0, err
    assert f"Đã lập phiếu xin lỗi số 1/PXL cho hồ sơ {code}." in out
    assert f"{new:%H} giờ {new:%M} phút, ngày {new:%d/%m/%Y}" in out
    text = pdf_text(out_file)
    assert "Lý do: Chờ xác minh nơi cư trú" in text and "Kính gửi: Ông/Bà Đỗ Thị Thu Hà" in text
    apology = apologies.get_apology(db, code)
    assert apology.made_by == "Nguyễn Văn An" and apology.notify_method.value == "sms"


def test_a_second_apology_is_refused(capsys, db, setup, tmp_path):
    path, code = setup
    new = f"{a_good_new_date(db, code):%Y-%m-%d %H:%M}"
    args = ["apology", code, "--reason", "Chờ", "--new-date", new, "--out", str(tmp_path / "a.pdf")]
    assert run(capsys, path, *args)[0] == 0
    rc, _, err = run(capsys, path, *args)
    assert rc == 2
    assert "đã được xin lỗi và hẹn lại một lần" in err and "không thể hẹn lại nữa" in err


@pytest.mark.parametrize("where", ["folder", "file-as-folder", "empty", "new-folder", "no-suffix"])
def test_an_apology_is_not_used_up_by_a_path_that_cannot_be_written(
    capsys, db, setup, tmp_path, where
):
    """The one apology a dossier may have was recorded before its letter failed to be
    written: a folder given as --out, or a folder under a file, used it up."""
    path, code = setup
    new = f"{a_good_new_date(db, code):%Y-%m-%d %H:%M}"
    (tmp_path / "a-file").write_text("x")
    out = {
        "folder": str(tmp_path),
        "file-as-folder": str(tmp_path / "a-file" / "a.pdf"),
        "new-folder": f"{tmp_path / 'ho-so'}/",  # written as a file named "ho-so"
        "no-suffix": str(tmp_path / "ho-so"),
    }
    rc, _, err = run(
        capsys, path, "apology", code, "--reason", "Chờ", "--new-date", new,
        "--out", out.get(where, " "),
    )  # fmt: skip
    assert rc == 2
    said = {
        "folder": f"{tmp_path} là một thư mục: hãy ghi cả tên tệp, ví dụ {tmp_path / 'phieu.pdf'}.",
        "file-as-folder": f"{tmp_path / 'a-file'} là một tệp, không phải thư mục.",
        "empty": "Chưa có tên tệp cần ghi",
        "new-folder": f"{tmp_path / 'ho-so'} là một thư mục: hãy ghi cả tên tệp",
        "no-suffix": f"Tên tệp {tmp_path / 'ho-so'} cần có đuôi .pdf, ví dụ {tmp_path / 'ho-so.pdf'}.",
    }[where]
    assert said in err
    assert apologies.get_apology(db, code) is None
    assert not (tmp_path / "ho-so").exists()
    rc, _, err = run(capsys, path, "letter", "receipt", code, "--out", out.get(where, " "))
    assert rc == 2 and said in err
    good = tmp_path / "xin-loi.pdf"
    rc, _, err = run(capsys, path, "apology", code, "--reason", "Chờ", "--new-date", new,
                     "--out", str(good))  # fmt: skip
    assert rc == 0, err


def test_the_apology_letter_is_written_again(capsys, db, setup, tmp_path):
    path, code = setup
    rc, _, err = run(capsys, path, "letter", "apology", code, "--out", str(tmp_path / "b.pdf"))
    assert rc == 2 and "chưa có phiếu xin lỗi" in err
    new = f"{a_good_new_date(db, code):%Y-%m-%d %H:%M}"
    run(capsys, path, "apology", code, "--reason", "Chờ hồ sơ liên thông", "--new-date", new,
        "--out", str(tmp_path / "a.pdf"))  # fmt: skip
    again = tmp_path / "lai" / "b.pdf"
    rc, out, err = run(capsys, path, "letter", "apology", code, "--out", str(again))
    assert rc == 0, err
    assert "Lý do: Chờ hồ sơ liên thông" in pdf_text(again)
    assert pdf_text(again) == pdf_text(tmp_path / "a.pdf")


def test_a_date_before_the_old_appointment_is_refused(capsys, db, setup, tmp_path):
    path, code = setup
    old = dossiers.get_dossier(db, code).effective_due()
    before = f"{old - timedelta(days=1):%Y-%m-%d %H:%M}"
    rc, _, err = run(
        capsys,
        path,
        "apology",
        code,
        "--reason",
        "Chờ",
        "--new-date",
        before,
        "--out",
        str(tmp_path / "a.pdf"),
    )
    assert rc == 2 and "phải sau ngày hẹn cũ" in err
    assert not (tmp_path / "a.pdf").exists()
    assert apologies.get_apology(db, code) is None


def test_a_day_off_is_refused(capsys, db, setup, tmp_path):
    path, code = setup
    day = a_good_new_date(db, code) + timedelta(days=1)
    while day.weekday() != 6:  # the next Sunday
        day += timedelta(days=1)
    rc, _, err = run(
        capsys,
        path,
        "apology",
        code,
        "--reason",
        "Chờ",
        "--new-date",
        f"{day:%Y-%m-%d} 09:00",
        "--out",
        str(tmp_path / "a.pdf"),
    )
    assert rc == 2 and "(Chủ nhật) không phải ngày làm việc" in err


def test_a_date_written_wrongly_says_how_to_write_it(capsys, setup, tmp_path):
    path, code = setup
    rc, _, err = run(
        capsys,
        path,
        "apology",
        code,
        "--reason",
        "Chờ",
        "--new-date",
        "20/03/2026",
        "--out",
        str(tmp_path / "a.pdf"),
    )
    assert rc == 2 and "YYYY-MM-DD HH:MM" in err


def test_a_wrong_password_is_refused(capsys, setup, tmp_path, monkeypatch):
    path, code = setup
    monkeypatch.setenv("DESK_PASSWORD", "sai-mat-khau")
    rc, _, err = run(
        capsys,
        path,
        "apology",
        code,
        "--reason",
        "Chờ",
        "--new-date",
        "2030-01-08 09:00",
        "--out",
        str(tmp_path / "a.pdf"),
        "--user",
        "admin",
    )
    assert rc == 2 and "Sai tên đăng nhập hoặc mật khẩu" in err


@pytest.mark.parametrize(
    "kind, words, number",
    [
        ("receipt", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu số 01"),
        ("control", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 06"),
    ],
)
def test_letters_are_written(capsys, setup, tmp_path, kind, words, number):
    path, code = setup
    out_file = tmp_path / f"{kind}.pdf"
    rc, out, err = run(capsys, path, "letter", kind, code, "--out", str(out_file))
    assert rc == 0, err
    assert f"Đã ghi {out_file}" in out
    text = pdf_text(out_file)
    assert words in text and code in text and number in text


def test_the_stop_notice_follows_the_stop(capsys, db, clerk, setup, tmp_path):
    path, code = setup
    out_file = tmp_path / "dung.pdf"
    rc, _, err = run(capsys, path, "letter", "stop", code, "--out", str(out_file))
    assert rc == 2 and "chưa dừng giải quyết" in err
    assert not out_file.exists()
    steps.stop(db, clerk, code, "Người nộp có đơn xin rút hồ sơ", SystemClock())
    rc, out, err = run(capsys, path, "letter", "stop", code, "--out", str(out_file))
    assert rc == 0, err
    text = pdf_text(out_file)
    for words in (
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "Mẫu số 05",
        code,
        "Kính gửi: Ông/Bà Đỗ Thị Thu Hà",
        "Lý do theo đề nghị: Người nộp có đơn xin rút hồ sơ",
    ):
        assert words in text, words


def test_the_help_names_the_forms_of_circular_03(capsys):
    parser = argparse.ArgumentParser(prog="desk")
    add_commands(parser.add_subparsers(dest="command", required=True))
    with pytest.raises(SystemExit):
        parser.parse_args(["letter", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Phụ lục I Thông tư 03/2025/TT-VPCP" in text
    assert "stop: thông báo dừng giải quyết hồ sơ (mẫu 05)" in text
    assert "control: phiếu kiểm soát (mẫu 06)" in text


def test_supplement_and_refusal_letters_follow_their_steps(capsys, db, clerk, setup, tmp_path):
    path, code = setup
    rc, _, err = run(capsys, path, "letter", "refusal", code, "--out", str(tmp_path / "r.pdf"))
    assert rc == 2 and "chưa bị từ chối" in err
    rc, _, err = run(capsys, path, "letter", "supplement", code, "--out", str(tmp_path / "s.pdf"))
    assert rc == 2 and "chưa có yêu cầu bổ sung" in err
    steps.request_supplement(
        db, clerk, code, SupplementRequest((), "Tờ khai thiếu chữ ký"), SystemClock()
    )
    rc, _, err = run(capsys, path, "letter", "supplement", code, "--out", str(tmp_path / "s.pdf"))
    assert rc == 0, err
    assert "1. Tờ khai thiếu chữ ký" in pdf_text(tmp_path / "s.pdf")


def test_an_unknown_dossier(capsys, setup, tmp_path):
    path, _ = setup
    rc, _, err = run(capsys, path, "letter", "receipt", "H36.41-000000-0000", "--out", "x.pdf")
    assert rc == 2 and "Không tìm thấy hồ sơ mã 'H36.41-000000-0000'" in err


@pytest.mark.parametrize(
    "typed, said",
    [
        ("2026-02-30 09:00", "Ngày 2026-02-30 không có trên lịch: hãy xem lại ngày và tháng."),
        ("30/03/2026 09:00", "Ngày hẹn mới '30/03/2026 09:00' không đúng dạng"),
        ("0026-03-30 09:00", "Năm 26 nằm ngoài lịch của desk"),
    ],
)
def test_the_new_date_is_read_as_every_moment_typed(capsys, db, setup, tmp_path, typed, said):
    path, code = setup
    rc, _, err = run(capsys, path, "apology", code, "--reason", "Chờ", "--new-date", typed,
                     "--out", str(tmp_path / "a.pdf"))  # fmt: skip
    assert rc == 2 and said in err
    assert apologies.get_apology(db, code) is None
