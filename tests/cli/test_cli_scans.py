"""``desk attach``, ``desk attachments`` and ``desk reuse``: the digitised papers from a terminal."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desk.cli import main
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import accounts, catalog, steps
from desk.services.intake import record_intake

CCCD = "079190001234"


def _pages(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        im = Image.new("L", (1240, 1754), 255)
        ImageDraw.Draw(im).rectangle((60, 60, 1180, 1694), outline=0, width=8)
        path = folder / f"trang-{n + 1}.png"
        im.save(path, dpi=(150, 150))
        out.append(str(path))
    return out


@pytest.fixture
def setup(db, db_url, clerk, clock, monkeypatch):
    p = catalog.get_procedure(db, "1.004873")
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name="Đỗ Thị Thu Hà", id_number=CCCD, phone="0912345678"),
        papers=[ReceivedPaper(x.name, x.form) for x in p.papers[:2]],
    )
    code = record_intake(db, draft, clerk, clock).code
    monkeypatch.setenv("DESK_PASSWORD", "matkhau123")
    return db_url.removeprefix("sqlite:///"), code


def run(capsys, *args):
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def test_attach_then_list_and_write_out_the_pdf(capsys, setup, tmp_path):
    path, code = setup
    base = ["--user", "admin", "--db", path]
    files = _pages(tmp_path / "in", 6)
    rc, out, err = run(capsys, "attach", code, "--paper", "2", *files[:5], *base)
    assert rc == 0, err
    assert "đã xử lý 5/5 trang" in out and f"của hồ sơ {code}: 5 trang" in out
    rc, out, err = run(capsys, "attach", code, "--paper", "2", files[5], *base)
    assert rc == 0 and ": 6 trang" in out
    rc, out, _ = run(capsys, "attachments", code, "--json", "--out", str(tmp_path / "out"), *base)
    (row,) = json.loads(out)
    assert (row["paper"], row["pages"], row["made_by"], row["reused"]) == (
        2,
        6,
        "Nguyễn Văn An",
        False,
    )
    pdf = Path(row["file"])
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == row["sha256"]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           6" in info


def test_a_wrong_paper_number_or_file_is_told_plainly(capsys, setup, tmp_path):
    path, code = setup
    base = ["--user", "admin", "--db", path]
    rc, _, err = run(capsys, "attach", code, "--paper", "9", *_pages(tmp_path, 1), *base)
    assert rc == 2 and "không có giấy tờ số 9" in err
    bad = tmp_path / "ghi-chu.txt"
    bad.write_text("x", encoding="utf-8")
    rc, _, err = run(capsys, "attach", code, "--paper", "1", str(bad), *base)
    assert rc == 2 and "ghi-chu.txt" in err


def test_attaching_needs_a_login(capsys, setup, tmp_path):
    path, code = setup
    rc, _, err = run(capsys, "attach", code, "--paper", "1", *_pages(tmp_path, 1), "--db", path)
    assert rc == 2 and "--user" in err


def test_reuse_says_what_the_office_holds_and_whether_it_may_stand_in(
    capsys, setup, db, clerk, clock, tmp_path
):
    path, code = setup
    base = ["--user", "admin", "--db", path]
    assert run(capsys, "attach", code, "--paper", "1", *_pages(tmp_path, 2), *base)[0] == 0
    rc, out, _ = run(capsys, "reuse", "--cccd", CCCD, "--json", *base)
    (row,) = json.loads(out)
    assert (row["from_dossier"], row["pages"], row["state"]) == (code, 2, "no_result")
    steps.mark_ready(db, clerk, code, clock)
    rc, out, _ = run(capsys, "reuse", "--cccd", CCCD, *base)
    assert rc == 0 and code in out and "Dùng được" in out
    rc, _, err = run(capsys, "reuse", "--cccd", "12345", *base)
    assert rc == 2 and "12 chữ số" in err


def test_any_clerk_may_attach(capsys, setup, db, clerk, tmp_path, monkeypatch):
    path, code = setup
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok")
    monkeypatch.setenv("DESK_PASSWORD", "hoa2026ok")
    rc, out, err = run(
        capsys,
        "attach",
        code,
        "--paper",
        "1",
        *_pages(tmp_path, 1),
        "--user",
        "canbo1",
        "--db",
        path,
    )
    assert rc == 0, err
