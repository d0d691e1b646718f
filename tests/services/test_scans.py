"""Scan once, never ask again: pages made here become a paper's PDF, read back with poppler,
reused by a second dossier of the same CCCD, kept through backup and restore, erased."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError, ValidationError
from desk.domain.scans import ReuseState, ScanKind
from desk.printing.receipt_layout import ReceiptLayout
from desk.services import (
    accounts,
    backup,
    catalog,
    dossiers,
    missing_dossiers,
    office,
    personal_data,
    restore,
    scan_attach,
    scan_reuse,
    scans,
    steps,
)
from desk.services.intake import record_intake
from desk.storage.engine import sqlite_path
from desk.storage.tables import ScanFileRow

CERTIFICATE = "1.004873"  # Giấy xác nhận tình trạng hôn nhân: five papers
CCCD = "079190001234"
sqlite_only = pytest.mark.sqlite_only(reason="a backup and a restore copy a SQLite file")


def make_pages(folder: Path, count: int, prefix: str = "trang") -> list[Path]:
    """A4 pages at 300 dpi, drawn here: a JPEG, a grey PNG and a 1-bit TIFF in turn."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(1, count + 1):
        im = Image.new("RGB", (2480, 3508), "white")
        draw = ImageDraw.Draw(im)
        draw.rectangle((150, 150, 2330, 3358), outline="black", width=12)
        draw.text((300, 300), f"{prefix} {n}", fill="black")
        kind = n % 3
        if kind == 1:
            path = folder / f"{prefix}-{n}.jpg"
            im.save(path, dpi=(300, 300), quality=85)
        elif kind == 2:
            path = folder / f"{prefix}-{n}.png"
            im.convert("L").save(path, dpi=(300, 300))
        else:
            path = folder / f"{prefix}-{n}.tif"
            im.convert("1").save(path, dpi=(300, 300), compression="group4")
        out.append(path)
    return out


def pdf_pages(data: bytes, tmp_path: Path) -> int:
    path = tmp_path / "read-back.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def intake(db, clerk, clock, *, reused=None, ticked=(0, 1), id_number=CCCD) -> str:
    p = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name="Nguyễn Thị Mai", id_number=id_number, phone="0912345678"),
        papers=[ReceivedPaper(p.papers[i].name, p.papers[i].form, 1) for i in ticked],
        reused=dict(reused or {}),
    )
    return record_intake(db, draft, clerk, clock).code


def scan_count(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(ScanFileRow))


def test_pages_made_here_become_one_pdf_read_back_with_its_count_and_hash(
    db, clerk, clock, tmp_path
):
    code = intake(db, clerk, clock)
    scan = scan_attach.attach_files(db, clerk, code, 1, make_pages(tmp_path / "in", 3), clock)
    assert (scan.position, scan.pages, scan.made_by, scan.pdfa) == (1, 3, "Nguyễn Văn An", True)
    assert scan.made_at == clock.now() and not scan.reused
    data = scans.read_pdf(db, code, 1)
    assert pdf_pages(data, tmp_path) == 3
    assert hashlib.sha256(data).hexdigest() == scan.sha256 and scan.size == len(data)
    assert [s.name for s in scans.list_scans(db, code)] == [
        dossiers.get_dossier(db, code).papers[0].name
    ]


def test_more_pages_are_added_after_the_first_ones_and_the_old_pdf_goes(db, clerk, clock, tmp_path):
    code = intake(db, clerk, clock)
    scan_attach.attach_files(db, clerk, code, 2, make_pages(tmp_path / "a", 2), clock)
    first = scans.read_pdf(db, code, 2)
    again = scan_attach.attach_files(db, clerk, code, 2, make_pages(tmp_path / "b", 1), clock)
    assert again.pages == 3 and again.pdfa
    data = scans.read_pdf(db, code, 2)
    assert pdf_pages(data, tmp_path) == 3 and data != first
    assert scan_count(db) == 1  # the two-page PDF is gone


def test_a_paper_number_the_receipt_does_not_list_is_refused(db, clerk, clock, tmp_path):
    code = intake(db, clerk, clock)
    with pytest.raises(UserError) as caught:
        scan_attach.attach_files(db, clerk, code, 7, make_pages(tmp_path, 1), clock)
    assert "không có giấy tờ số 7" in caught.value.message and "2 giấy tờ" in caught.value.message


def test_a_file_that_is_not_a_scan_is_named(db, clerk, clock, tmp_path):
    code = intake(db, clerk, clock)
    bad = tmp_path / "ghi-chu.txt"
    bad.write_text("không phải ảnh", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        scan_attach.attach_files(db, clerk, code, 1, [bad], clock)
    assert "ghi-chu.txt" in caught.value.message


def test_the_result_is_digitised_once_the_dossier_has_one(db, clerk, clock, tmp_path):
    code = intake(db, clerk, clock)
    with pytest.raises(UserError):
        scan_attach.attach_files(
            db, clerk, code, 0, make_pages(tmp_path / "r", 1), clock, kind=ScanKind.RESULT
        )
    steps.mark_ready(db, clerk, code, clock)
    result = scan_attach.attach_files(
        db, clerk, code, 0, make_pages(tmp_path / "r", 1), clock, kind=ScanKind.RESULT
    )
    assert (result.kind, result.position) == (ScanKind.RESULT, 0)
    assert result.name.startswith("Kết quả giải quyết: ")


def test_a_paper_digitised_in_a_dossier_with_a_result_is_reused_by_the_next_one(
    db, clerk, clock, tmp_path
):
    first = intake(db, clerk, clock)
    scan = scan_attach.attach_files(db, clerk, first, 1, make_pages(tmp_path / "p", 2), clock)
    held = scan_reuse.held_for(db, f" {CCCD} ")
    assert [(h.file_id, h.origin_code, h.pages) for h in held] == [(scan.file_id, first, 2)]
    assert held[0].state(clock.now().date()) is ReuseState.NO_RESULT
    steps.mark_ready(db, clerk, first, clock)
    (held,) = scan_reuse.held_for(db, CCCD)
    assert held.state(clock.now().date()) is ReuseState.USABLE

    paper = held.name
    second = intake(db, clerk, clock, reused={paper: held.file_id}, ticked=(1,))
    dossier = dossiers.get_dossier(db, second)
    assert [(p.name, p.reused_from) for p in dossier.papers][0] == (paper, first)
    (linked,) = scans.list_scans(db, second)
    assert linked.reused and linked.origin_code == first and linked.file_id == scan.file_id
    assert scans.read_pdf(db, second, 1) == scans.read_pdf(db, first, 1)
    assert scan_count(db) == 1  # one PDF, two dossiers
    receipt = ReceiptLayout.for_dossier(dossier, office.get_office(db)).text()
    assert f"1. {paper} (đã có bản số hóa, mã hồ sơ {first})" in receipt


def test_reuse_is_refused_without_a_result_for_someone_else_or_when_expired(
    db, clerk, clock, tmp_path
):
    first = intake(db, clerk, clock)
    scan = scan_attach.attach_files(
        db, clerk, first, 1, make_pages(tmp_path, 1), clock, valid_until=date(2026, 3, 20)
    )
    name = scan.name
    with pytest.raises(ValidationError) as caught:
        intake(db, clerk, clock, reused={name: scan.file_id}, ticked=(1,))
    assert "chưa có kết quả" in caught.value.errors["papers"]
    steps.mark_ready(db, clerk, first, clock)
    with pytest.raises(ValidationError) as caught:
        intake(db, clerk, clock, reused={name: scan.file_id}, ticked=(1,), id_number="001090001289")
    assert "không phải của người nộp này" in caught.value.errors["papers"]
    with pytest.raises(ValidationError) as caught:
        intake(db, clerk, clock, reused={name: scan.file_id}, ticked=(0,))
    assert "vừa được đánh dấu đã nhận" in caught.value.errors["papers"]
    clock.advance(timedelta(days=11))
    with pytest.raises(ValidationError) as caught:
        intake(db, clerk, clock, reused={name: scan.file_id}, ticked=(1,))
    assert "hết hiệu lực" in caught.value.errors["papers"]


def test_an_erasure_takes_the_scans_with_the_personal_data(db, clerk, clock, tmp_path):
    accounts.add_clerk(db, clerk, "lanhdao", "Võ Minh Tâm", "tam2026ok", role="supervisor")
    supervisor = accounts.log_in(db, "lanhdao", "tam2026ok")
    code = intake(db, clerk, clock)
    scan_attach.attach_files(db, clerk, code, 1, make_pages(tmp_path, 2), clock)
    steps.refuse(db, clerk, code, "Thiếu giấy tờ bản chính", clock)
    clock.advance(timedelta(days=personal_data.DEFAULT_RETENTION_DAYS + 1))
    personal_data.erase_personal_data(db, supervisor, code, clock)
    assert scans.list_scans(db, code) == [] and scan_count(db) == 0
    assert scan_reuse.held_for(db, CCCD) == []


def test_the_citizens_export_holds_the_pdfs(db, clerk, clock, tmp_path):
    accounts.add_clerk(db, clerk, "lanhdao", "Võ Minh Tâm", "tam2026ok", role="supervisor")
    supervisor = accounts.log_in(db, "lanhdao", "tam2026ok")
    code = intake(db, clerk, clock)
    scan = scan_attach.attach_files(db, clerk, code, 1, make_pages(tmp_path / "p", 2), clock)
    out = tmp_path / "cong-dan.json"
    personal_data.export_citizen(db, supervisor, CCCD, out, clock)
    (entry,) = json.loads(out.read_text(encoding="utf-8"))["dossiers"][0]["scans"]
    assert entry["sha256"] == scan.sha256 and entry["pages"] == 2
    pdf = tmp_path / entry["file"]
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == scan.sha256


@sqlite_only
def test_scans_survive_a_backup_and_a_restore_and_come_back_with_a_missing_dossier(
    db, clerk, clock, tmp_path
):
    first = intake(db, clerk, clock)
    kept_scan = scan_attach.attach_files(db, clerk, first, 1, make_pages(tmp_path / "a", 2), clock)
    copy = backup.backup_now(db, tmp_path / "b", clock)
    scans.remove(db, clerk, first, 1, clock)
    later = intake(db, clerk, clock)
    late_scan = scan_attach.attach_files(db, clerk, later, 2, make_pages(tmp_path / "c", 1), clock)
    result = restore.restore(db.url, copy, clerk, clock)
    (back,) = scans.list_scans(db, first)
    assert back.sha256 == kept_scan.sha256
    assert pdf_pages(scans.read_pdf(db, first, 1), tmp_path) == 2
    missing_dossiers.bring_back(db, clerk, result.kept, [later], clock)
    (brought,) = scans.list_scans(db, later)
    assert (brought.sha256, brought.position) == (late_scan.sha256, 2)
    assert scans.read_pdf(db, later, 2)


@sqlite_only
def test_a_backup_whose_scan_no_longer_matches_its_hash_is_refused(db, clerk, clock, tmp_path):
    code = intake(db, clerk, clock)
    scan_attach.attach_files(db, clerk, code, 1, make_pages(tmp_path / "a", 1), clock)
    copy = backup.backup_now(db, tmp_path / "b", clock)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE scan_files SET data = substr(data, 1, length(data) - 10)")
    conn.commit()
    conn.close()
    with pytest.raises(UserError) as caught:
        restore.restore(db.url, copy, clerk, clock)
    assert f"{code} #1" in caught.value.message
    assert sqlite_path(db.url).exists() and scans.read_pdf(db, code, 1)
