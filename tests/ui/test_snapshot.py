"""``desk --demo --db FILE --snapshot PNG``: the window opens on a kept demo office and pictures itself."""

from __future__ import annotations

import os
import time

from desk_process import desk_env, desk_log, run_desk
from PIL import Image

from desk.ui.widgets.screen_fit import FRAME


def test_a_kept_demo_office_opens_and_the_window_pictures_itself(tmp_path):
    env = desk_env(tmp_path)
    db = tmp_path / "demo.sqlite3"
    made = run_desk("demo", "--db", str(db), "--dossiers", "40", env=env)
    assert made.returncode == 0, made.stderr
    for run in ("first", "second"):  # the second start reuses the office, it does not add to it
        picture = tmp_path / f"{run}.png"
        shown = run_desk("--demo", "--db", str(db), "--snapshot", str(picture), env=env)
        assert shown.returncode == 0, shown.stderr
        image = Image.open(picture)
        # the window as it opens on Qt's offscreen screen (800x800): its frame inside
        assert image.size == (800 - FRAME.width(), min(760, 800 - FRAME.height()))
        assert len(image.convert("L").getcolors(maxcolors=1 << 16) or ()) > 20  # drawn, not blank
    as_supervisor = dict(env, DESK_USER="lanhdao", DESK_PASSWORD="demo1234")  # sees every dossier
    listed = run_desk("dossiers", "--db", str(db), "--limit", "1000", env=as_supervisor)
    assert len(listed.stdout.strip().splitlines()) == 40
    log = (desk_log(tmp_path)).read_text(encoding="utf-8")
    assert log.count("snapshot saved to") == 2 and "canbo1 signed in" in log


def test_a_snapshot_with_nobody_signed_in_ends_with_a_message(tmp_path):
    """Without --demo the window would wait at the login dialog for ever: it says why instead."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"))
    env.pop("DESK_LANG", None)
    db = tmp_path / "office.sqlite3"
    picture = tmp_path / "window.png"
    shown = run_desk("--db", str(db), "--snapshot", str(picture), env=env)
    assert shown.returncode == 2
    assert "--snapshot cần một cán bộ đăng nhập sẵn" in shown.stderr and "--demo" in shown.stderr
    assert not picture.exists() and not db.exists()  # nothing opened, nothing made


def test_a_snapshot_whose_clerk_cannot_sign_in_ends_with_the_reason(db, db_url, tmp_path):
    """An office set up without the demo's accounts: the start cannot sign canbo1 in, and
    says so on standard error instead of waiting behind a box nobody closes."""
    picture = tmp_path / "window.png"
    shown = run_desk(
        "--demo", "--db-url", db_url, "--snapshot", str(picture), env=desk_env(tmp_path)
    )
    assert shown.returncode == 2, shown.stderr
    assert "Không đăng nhập được" in shown.stderr and "canbo1" in shown.stderr
    assert not picture.exists()


def test_a_new_demo_file_is_filled_by_the_window_then_opened_list_first(tmp_path):
    env = desk_env(tmp_path)
    db = tmp_path / "moi.sqlite3"
    log = desk_log(tmp_path)
    first = run_desk("--demo", "--db", str(db), "--snapshot", str(tmp_path / "1.png"), env=env)
    assert first.returncode == 0, first.stderr
    made = log.read_text(encoding="utf-8")
    assert "ordinary start" in made and "main window complete" not in made
    second = run_desk("--demo", "--db", str(db), "--snapshot", str(tmp_path / "2.png"), env=env)
    assert second.returncode == 0, second.stderr
    reopened = log.read_text(encoding="utf-8")[len(made) :]
    assert "ordinary start" not in reopened and "main window complete" in reopened
    assert "(first screen)" in reopened  # the clerk's at-risk count came first


def test_on_a_server_the_list_comes_first_too(tmp_path, pg_server):
    """The first screen's reads on PostgreSQL (the window tests otherwise run on SQLite)."""
    url = pg_server.create_database()
    env = desk_env(tmp_path)
    log = desk_log(tmp_path)
    try:
        made = run_desk("demo", "--db-url", url, "--dossiers", "60", env=env)
        assert made.returncode == 0, made.stderr
        shown = run_desk("--demo", "--db-url", url, "--snapshot", str(tmp_path / "w.png"), env=env)
        assert shown.returncode == 0, shown.stderr
    finally:
        pg_server.drop_database(url)
    text = log.read_text(encoding="utf-8")
    assert "ordinary start" not in text and "(first screen)" in text
    assert "bare start, reading with libpq" in text  # not psycopg, before the window
    assert text.index("main window shown") < text.index("main window complete")
    assert (tmp_path / "w.png").stat().st_size > 10_000


def test_the_picture_waits_for_the_layouts_the_late_lists_change(qapp, tmp_path):
    """A count that arrives from the background lengthens a label; the row it is in is laid
    out again only on the next pass of the event loop. The picture waits for that pass:
    taken at once, it showed the band buttons elided ("Quá … 760") and the view tabs
    behind their arrows on a window with room to spare."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

    from desk.ui.app import take_snapshot
    from desk.ui.widgets import background

    window = QWidget()
    outer = QVBoxLayout(window)
    row = QHBoxLayout()
    label = QLabel("0", window)
    row.addWidget(label)
    row.addStretch(1)
    outer.addLayout(row)
    window.resize(800, 200)
    window.show()
    qapp.processEvents()

    def late() -> str:  # a count still being read when the picture is asked for
        time.sleep(0.2)
        return "Đến hạn ngày làm việc tới: 12.345"

    def snap() -> None:
        background.run(window, late, lambda text, _error: label.setText(text))
        take_snapshot(qapp, window, tmp_path / "w.png")

    QTimer.singleShot(0, snap)  # as the program takes it: from the running event loop
    assert qapp.exec() == 0
    assert label.text().endswith("12.345")
    assert label.width() >= label.sizeHint().width()
    assert (tmp_path / "w.png").exists()
    window.close()
