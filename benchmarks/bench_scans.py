"""Digitising a paper: 20 A4 pages scanned at 300 dpi, made into its PDF and kept.

    python benchmarks/bench_scans.py [--pages 20] [--pg-url postgresql+psycopg://...]

Pages are drawn here like scans of typed papers (lines of text, a stamp, the
grain of a scanner), at 2480 x 3508 pixels, in the two forms scanners write:
colour JPEG (quality 85), greyscale PNG and black-and-white PNG (a scanner's
text mode). For each: the time to make the one
PDF (``desk.documents.scan_pdf``), the time to keep it (``services.scans.attach``
on SQLite, and on PostgreSQL with ``--pg-url``), the database's growth, and a
baseline: writing the same PDF bytes to a file and fsync-ing it. Then the growth
of a 1,000,000-dossier database at 5 pages a dossier, estimated from the bytes
a page costs.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from desk.documents.scan_pdf import build_pdf
from desk.documents.scan_sources import pages_in
from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.office import Office
from desk.services import accounts, catalog, office, scans
from desk.services.intake import record_intake
from desk.storage.database import open_database

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WORDS = "Ủy ban nhân dân xã Tân Phú xác nhận ông bà có hộ khẩu thường trú tại ấp số".split()


def scanned_page(n: int, rng: random.Random) -> Image.Image:
    """An A4 page at 300 dpi that looks like a scan: text, a red stamp, grain, a slight blur."""
    im = Image.new("RGB", (2480, 3508), (250, 249, 245))
    draw = ImageDraw.Draw(im)
    try:
        font = ImageFont.truetype(FONT, 42)
    except OSError:
        font = ImageFont.load_default()
    y = 300
    while y < 3200:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 14)))
        draw.text((220, y), line, font=font, fill=(30, 30, 35))
        y += 70
    draw.ellipse((1600, 2700, 2100, 3200), outline=(200, 20, 20), width=14)
    draw.text((1700, 2920), f"Trang {n}", font=font, fill=(200, 20, 20))
    grain = Image.effect_noise((2480, 3508), 10).convert("RGB")
    im = Image.blend(im, grain, 0.06).filter(ImageFilter.GaussianBlur(0.6))
    return im


def make_pages(folder: Path, count: int, kind: str) -> list[Path]:
    rng = random.Random(7)
    out = []
    for n in range(1, count + 1):
        im = scanned_page(n, rng)
        if kind == "jpeg":
            path = folder / f"{kind}-{n:02d}.jpg"
            im.save(path, quality=85, dpi=(300, 300))
        elif kind == "bw":  # black and white, as a scanner's "text" mode writes
            path = folder / f"{kind}-{n:02d}.png"
            im.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1").save(
                path, dpi=(300, 300)
            )
        else:
            path = folder / f"{kind}-{n:02d}.png"
            im.convert("L").save(path, dpi=(300, 300))
        out.append(path)
    return out


def _dossier(db, clock) -> str:  # noqa: ANN001
    clerk = accounts.log_in(db, "admin", "matkhau123")
    p = catalog.get_procedure(db, "1.004873")
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name="Nguyễn Thị Mai", id_number="079190001234", phone="0912345678"),
        papers=[ReceivedPaper(p.papers[0].name, p.papers[0].form)],
    )
    return record_intake(db, draft, clerk, clock).code


def _database(url: str):  # noqa: ANN202
    db = open_database(url)
    if office.needs_setup(db):
        office.set_up_office(
            db, Office(name="UBND xã Tân Phú", parent="UBND tỉnh Đồng Nai", code="H36.41"),
            "admin", "Nguyễn Văn An", "matkhau123",
        )  # fmt: skip
    return db


def _size(db, url: str) -> int:  # noqa: ANN001
    if url.startswith("sqlite"):
        with db.engine.connect() as conn:
            count = conn.exec_driver_sql("PRAGMA page_count").scalar()
            size = conn.exec_driver_sql("PRAGMA page_size").scalar()
        return int(count * size)
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar())


def keep(url: str, built, clock) -> tuple[float, int]:  # noqa: ANN001
    """Seconds to keep ``built`` as a dossier's paper, and the database's growth in bytes."""
    db = _database(url)
    try:
        clerk = accounts.log_in(db, "admin", "matkhau123")
        code = _dossier(db, clock)
        before = _size(db, url)
        start = time.perf_counter()
        scans.attach(db, clerk, code, 1, built, clock)
        seconds = time.perf_counter() - start
        return seconds, _size(db, url) - before
    finally:
        db.dispose()


def fresh_pg(url: str):  # noqa: ANN201 (a context manager of a database URL)
    """A PostgreSQL database of the bench's own on the server of ``url``, dropped after."""
    from contextlib import contextmanager

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    @contextmanager
    def made():  # noqa: ANN202
        name = f"desk_bench_scans_{os.getpid()}"
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    return made()


def baseline(folder: Path, data: bytes) -> float:
    path = folder / "same-bytes.pdf"
    start = time.perf_counter()
    with path.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    return time.perf_counter() - start


def _kept(name: str, seconds: float, growth: int, pages: int) -> None:
    print(f"  kept, {name:10s} {seconds:6.3f} s; database grew {growth / 1024:,.0f} KB "
          f"= {growth / pages / 1024:.0f} KB/page")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--pg-url", default=os.environ.get("DESK_BENCH_PG_URL", ""))
    args = parser.parse_args()
    clock = FixedClock(datetime(2026, 3, 10, 9, 15))
    with tempfile.TemporaryDirectory(prefix="desk-bench-scans-") as tmp:
        folder = Path(tmp)
        for kind in ("jpeg", "png", "bw"):
            files = make_pages(folder, args.pages, kind)
            input_bytes = sum(p.stat().st_size for p in files)
            pages = [page for path in files for page in pages_in(path)]
            start = time.perf_counter()
            built = build_pdf(pages, title="bench", made_at=clock.now())
            build_s = time.perf_counter() - start
            n = built.pages
            print(
                f"== {n} A4 pages at 300 dpi, {kind.upper()} scans ({input_bytes / n / 1024:.0f} KB/page in)"
            )
            print(f"  PDF made:       {build_s:6.2f} s  ({build_s / n * 1000:.0f} ms/page), "
                  f"{len(built.data) / n / 1024:.0f} KB/page, PDF/A: {built.pdfa}")  # fmt: skip
            file_s = baseline(folder, built.data)
            print(f"  baseline file:  {file_s:6.3f} s  (the same bytes written and fsync'd)")
            seconds, growth = keep(f"sqlite:///{folder / f'bench-{kind}.sqlite3'}", built, clock)
            _kept("SQLite", seconds, growth, n)
            if args.pg_url:
                with fresh_pg(args.pg_url) as url:
                    _kept("PostgreSQL", *keep(url, built, clock), n)
            per_page = len(built.data) / n
            estimate = per_page * 5 * 1_000_000
            print(f"  1,000,000 dossiers x 5 pages: about {estimate / 1e9:,.0f} GB of PDFs")
            for path in files:
                path.unlink()


if __name__ == "__main__":
    main()
