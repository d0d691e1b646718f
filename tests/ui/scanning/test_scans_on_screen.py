"""Digitised papers on screen: reuse at intake, the page editor, the dossier page's scans."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from background_jobs import catalog_read, held_read, saved, settle
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import catalog, dossiers, intake, scan_attach, scans, steps
from desk.ui.dossier.dossier_page import DossierPage
from desk.ui.intake.intake_window import IntakeWindow
from desk.ui.scanning.page_editor import PageEditor
from desk.ui.scanning.scan_folder import ScanFolderWatcher

CERTIFICATE = "1.004873"
CCCD = "079190001234"


def _pages(folder: Path, count: int, start: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(start, start + count):
        im = Image.new("RGB", (620, 877), "white")
        ImageDraw.Draw(im).rectangle((20, 20, 600, 857), outline="black", width=4)
        path = folder / f"trang-{n}.jpg"
        im.save(path, dpi=(75, 75))
        out.append(path)
    return out


def _earlier(db, clerk, clock, tmp_path) -> str:
    p = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name="Nguyễn Thị Mai", id_number=CCCD, phone="0912345678"),
        papers=[ReceivedPaper(p.papers[0].name, p.papers[0].form)],
    )
    code = intake.record_intake(db, draft, clerk, clock).code
    scan_attach.attach_files(db, clerk, code, 1, _pages(tmp_path / "old", 2), clock)
    steps.mark_ready(db, clerk, code, clock)
    clock.advance(timedelta(days=3))
    return code


def test_intake_offers_the_persons_digitised_paper_and_the_receipt_names_it(
    qtbot, db, clerk, clock, tmp_path
):
    earlier = _earlier(db, clerk, clock, tmp_path)
    w = IntakeWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    catalog_read(qtbot, w)
    w.picker.search.setText("xac nhan tinh trang hon nhan")
    qtbot.keyClick(w.picker.search, Qt.Key.Key_Return)
    w.name_edit.setText("Nguyễn Thị Mai")
    w.phone_edit.setText("0912345678")
    assert not w.scans.reuse.isVisible()
    w.id_edit.setText(CCCD)
    held_read(qtbot, w)
    panel = w.scans.reuse
    assert panel.isVisible() and panel.table.rowCount() == 1
    assert panel.table.item(0, 4).text() == earlier
    w.papers.set_ticked(0, True)
    panel.set_used(0, True)
    assert not w.papers.is_ticked(0)  # not asked for again
    assert w.papers.item(0, 3).text() == f"Đã có bản số hóa ({earlier})"
    w.papers.set_ticked(1, True)
    dossier = saved(qtbot, w)
    assert dossier is not None
    assert [p.reused_from for p in dossier.papers] == [earlier, ""]
    (linked,) = scans.list_scans(db, dossier.code)
    assert linked.reused and linked.pages == 2


def test_pages_scanned_at_intake_are_kept_with_the_dossier_in_the_background(
    qtbot, db, clerk, clock, tmp_path
):
    w = IntakeWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.show()
    catalog_read(qtbot, w)
    w.picker.search.setText("xac nhan tinh trang hon nhan")
    qtbot.keyClick(w.picker.search, Qt.Key.Key_Return)
    w.name_edit.setText("Trần Văn Hùng")
    w.id_edit.setText("079090001234")
    w.phone_edit.setText("0912345678")
    editor = w.scans.edit(1, _pages(tmp_path / "new", 3))
    assert editor is not None and editor.pages.count() == 3
    editor.save()
    qtbot.waitUntil(lambda: w.papers.item(1, 3).text() == "3 trang", timeout=20_000)
    assert w.papers.is_ticked(1)
    dossier = saved(qtbot, w)
    qtbot.waitUntil(lambda: "Đã lưu bản số hóa 1 giấy tờ" in w.scans.status.text(), timeout=20_000)
    (kept,) = scans.list_scans(db, dossier.code)
    assert (kept.position, kept.pages, kept.pdfa) == (1, 3, True)


def test_the_editor_reorders_turns_and_drops_pages_before_saving(qtbot, tmp_path):
    kept: list = []

    def save(pages, valid_until, progress):
        for n in range(len(pages)):
            progress(n + 1, len(pages))
        kept.append((pages, valid_until))
        return "ok"

    editor = PageEditor("Giấy khai sinh", [], save, watch_folder=False)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.add_files(_pages(tmp_path, 3)) == 3
    qtbot.waitUntil(lambda: not editor.thumbs.busy)
    editor.pages.setCurrentRow(0)
    editor.turn(90)
    moved = editor.pages.takeItem(2)
    editor.pages.insertItem(0, moved)
    editor.pages.clearSelection()
    editor.pages.item(2).setSelected(True)
    editor.remove_selected()
    editor.valid_check.setChecked(True)
    assert editor.save()
    qtbot.waitUntil(lambda: editor.result == "ok", timeout=10_000)
    ((pages, valid),) = kept
    assert [(p.path.name, p.rotation) for p in pages] == [("trang-3.jpg", 0), ("trang-1.jpg", 90)]
    assert valid is not None


def test_the_dossier_page_shows_each_papers_scan_and_edits_its_pages(
    qtbot, db, clerk, clock, tmp_path
):
    code = _earlier(db, clerk, clock, tmp_path)
    page = DossierPage(db, clerk, code, clock)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    tab = page.scans_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.table.rowCount() == len(dossiers.get_dossier(db, code).papers) + 1
    assert tab.table.item(0, 2).text() == "2 trang (PDF/A)"
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.strip.count() == 2, timeout=20_000)
    viewer = tab.view_page(1)
    qtbot.waitUntil(
        lambda: viewer.image.pixmap() is not None and not viewer.image.pixmap().isNull()
    )
    viewer.close()
    saved = tmp_path / "giay-to-1.pdf"
    tab.save_pdf_to(saved)  # read and written in the background
    settle(qtbot)
    assert saved.read_bytes() == scans.read_pdf(db, code, 1)
    assert tab.note.text() == f"Đã lưu {saved}."
    tab.edit_pages()
    assert not tab.edit_button.isEnabled()  # until the pages are read
    settle(qtbot)
    editor = tab.last_editor
    assert editor is not None and editor.pages.count() == 2
    editor.add_files(_pages(tmp_path / "more", 1, start=9))
    editor.save()
    qtbot.waitUntil(lambda: tab.table.item(0, 2).text() == "3 trang (PDF/A)", timeout=20_000)
    assert scans.list_scans(db, code)[0].pages == 3


def test_the_scanner_folder_offers_a_file_once_it_is_written(qtbot, tmp_path):
    (tmp_path / "old.jpg").write_bytes(b"already there")
    watcher = ScanFolderWatcher(tmp_path)
    seen: list = []
    watcher.arrived.connect(seen.append)
    (new,) = _pages(tmp_path, 1)
    assert watcher.check() == []  # its size is not known to be final yet
    assert watcher.check() == [new] and seen == [[new]]
    assert watcher.check() == []
    watcher.stop()


def test_the_admin_names_this_pcs_scanner_folder_and_its_pages_arrive_in_the_editor(
    qtbot, tmp_path, monkeypatch
):
    from desk.ui.scanning import page_editor, scan_folder

    editor = PageEditor("Tờ khai", [], lambda *a: None, admin=True)
    qtbot.addWidget(editor)
    assert not editor.folder_button.isHidden()
    folder = tmp_path / "may-quet"
    folder.mkdir()
    monkeypatch.setattr(
        page_editor.QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder)
    )
    editor.choose_folder()
    assert scan_folder.scan_folder() == folder
    _pages(folder, 2)
    editor.watcher.check()
    editor.watcher.check()
    assert editor.pages.count() == 2
    clerk_editor = PageEditor("Tờ khai", [], lambda *a: None)
    qtbot.addWidget(clerk_editor)
    assert clerk_editor.folder_button.isHidden()
