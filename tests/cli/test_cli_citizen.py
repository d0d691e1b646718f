"""``desk catalog``, ``desk status``, ``desk ratings`` and the rating window's options."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from desk.cli.citizen import COMMANDS, WINDOW_COMMANDS, add_commands
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError
from desk.domain.rating import RatingLevel, RatingReason
from desk.services import catalog, queue, queue_setup, ratings
from desk.services.intake import record_intake

CERTIFICATE = "1.004873"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="desk")
    add_commands(p.add_subparsers(dest="command", required=True))
    return p


def run(capsys, db, clock, *args: str) -> tuple[int, str, str]:
    """As ``desk`` runs a sub-command: a ``UserError`` is "Lỗi: ..." and exit code 2."""
    parsed = parser().parse_args(list(args))
    try:
        handler = COMMANDS[parsed.command]
        code = handler(parsed, db, clock) if parsed.command == "catalog" else handler(parsed, db)
    except UserError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        code = 2
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dossier(db, clerk, clock) -> str:
    p = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name="Phạm Thị Hồng", id_number="079190001234", phone="0912345678"),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    return record_intake(db, draft, clerk, clock).code


def test_catalog_pdf_is_the_booklet_with_its_contents(capsys, db, clock, tmp_path):
    out = tmp_path / "niem-yet" / "danh-muc.pdf"
    code, stdout, _ = run(capsys, db, clock, "catalog", "--format", "pdf", "--out", str(out))
    count = len(catalog.list_procedures(db))
    assert code == 0 and stdout.strip() == f"Đã ghi {count} thủ tục vào {out}."
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "DANH MỤC THỦ TỤC HÀNH CHÍNH" in text and "MỤC LỤC" in text
    assert "(Cập nhật đến ngày 10/03/2026)" in text


def test_catalog_xlsx_from_the_suffix(capsys, db, clock, tmp_path):
    out = tmp_path / "danh-muc.xlsx"
    code, stdout, _ = run(capsys, db, clock, "catalog", "--out", str(out))
    assert code == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) - 1 == len(catalog.list_procedures(db))


def test_catalog_refuses_a_format_its_file_does_not_match(capsys, db, clock, tmp_path):
    out = tmp_path / "danh-muc.xlsx"
    code, _, err = run(capsys, db, clock, "catalog", "--format", "pdf", "--out", str(out))
    assert code == 2 and err.startswith("Lỗi: Tệp danh-muc.xlsx phải có đuôi .pdf")
    assert not out.exists()


def test_status_prints_what_the_kiosk_shows_and_nothing_personal(capsys, db, clock, dossier):
    code, out, _ = run(capsys, db, clock, "status", dossier)
    assert code == 0
    assert out.splitlines() == [
        f"Mã hồ sơ: {dossier}",
        f"Thủ tục: {catalog.get_procedure(db, CERTIFICATE).name}",
        "Tình trạng: Đã tiếp nhận",
        "Ngày hẹn trả kết quả: 09 giờ 15 phút, Thứ Sáu, ngày 13/03/2026",
        "Kết quả: Chưa có",
    ]
    for private in ("Phạm Thị Hồng", "079190001234", "0912345678"):
        assert private not in out


def test_status_checks_the_digits_when_given_and_speaks_json(capsys, db, clock, dossier):
    code, _, err = run(capsys, db, clock, "status", dossier, "--id4", "9999")
    assert code == 2 and "4 số cuối" in err
    code, out, _ = run(capsys, db, clock, "status", dossier, "--id4", "1234", "--json")
    assert code == 0
    assert json.loads(out) == {
        "code": dossier,
        "procedure": catalog.get_procedure(db, CERTIFICATE).name,
        "status": "Đã tiếp nhận",
        "appointment": "2026-03-13T09:15:00+07:00",
        "result_ready": False,
    }


def test_a_rating_given_at_the_end_of_a_service_is_in_the_report(
    capsys, db, clerk, clock, log_in_as, monkeypatch
):
    queue_setup.ensure_defaults(db)
    group = queue_setup.list_groups(db, active_only=True)[0]
    queue.take_ticket(db, group.id, None, clock)
    ticket = queue.call_next(db, 3, clerk, clock)
    queue.finish(db, ticket.id, 3, clerk, clock)
    request = ratings.request_rating(db, clerk, clock, ticket_id=ticket.id, counter_number=3)
    ratings.submit_rating(db, request, RatingLevel.NEUTRAL, [RatingReason.WAITING], clock=clock)
    log_in_as("admin", "matkhau123")  # per clerk: each clerk named
    code, out, _ = run(capsys, db, clock, "ratings", "--from", "2026-03-01", "--to", "2026-03-31")
    assert code == 0
    header, row = out.splitlines()
    assert header.split("\t") == [
        "Cán bộ",
        "Rất hài lòng",
        "Hài lòng",
        "Bình thường",
        "Không hài lòng",
        "Tổng",
        "Tỷ lệ hài lòng",
    ]
    assert row.split("\t") == ["Nguyễn Văn An", "0", "0", "1", "0", "1", "0,0%"]
    monkeypatch.delenv("DESK_USER")  # per counter: no name, no login
    args = ("ratings", "--from", "2026-03-10", "--to", "2026-03-10", "--by", "counter", "--json")
    code, out, _ = run(capsys, db, clock, *args)
    [counter] = json.loads(out)
    assert counter["label"] == "Quầy 3" and counter["levels"]["neutral"] == 1


def test_ratings_refuse_a_bad_date(capsys, db, clock, as_admin):
    code, _, err = run(capsys, db, clock, "ratings", "--from", "10/03/2026", "--to", "2026-03-31")
    assert code == 2 and "YYYY-MM-DD" in err
    code, out, _ = run(capsys, db, clock, "ratings", "--from", "2026-03-01", "--to", "2026-03-31")
    assert out.strip().endswith("Chưa có đánh giá nào từ 01/03/2026 đến 31/03/2026.")


def test_the_rating_window_takes_a_counter_and_opens_windowed():
    parsed = parser().parse_args(["rating-window", "--counter", "2", "--windowed"])
    assert (parsed.counter, parsed.fullscreen, parsed.demo) == (2, False, False)
    assert set(WINDOW_COMMANDS) == {"rating-window"}
    assert set(COMMANDS) == {"catalog", "status", "ratings"}
