"""The rules of digitised papers: when a held scan stands for a paper, and which papers need one."""

from __future__ import annotations

from datetime import date, datetime

from desk.domain.clock import VN_TZ
from desk.domain.procedure import Channel, PaperForm
from desk.domain.scans import (
    HeldScan,
    ReuseState,
    ScanKind,
    best_paper_for,
    copy_needed,
    is_person_id,
    pdf_name,
)

TODAY = date(2026, 3, 10)


def _held(valid_until=None, has_result=True) -> HeldScan:
    return HeldScan(
        file_id=1,
        name="Giấy khai sinh",
        kind=ScanKind.PAPER,
        origin_code="H36.41-260301-0002",
        made_at=datetime(2026, 3, 1, 8, 0, tzinfo=VN_TZ),
        pages=2,
        valid_until=valid_until,
        has_result=has_result,
    )


def test_a_scan_of_a_dossier_with_a_result_is_usable_until_its_paper_expires():
    assert _held().state(TODAY) is ReuseState.USABLE
    assert _held(valid_until=TODAY).state(TODAY) is ReuseState.USABLE
    assert _held(valid_until=date(2026, 3, 9)).state(TODAY) is ReuseState.EXPIRED
    assert _held(has_result=False).state(TODAY) is ReuseState.NO_RESULT


def test_the_clerk_is_offered_the_paper_of_the_same_name_or_the_closest():
    papers = ["Tờ khai", "Bản sao Giấy khai sinh", "Giấy khai sinh (bản chính)"]
    assert best_paper_for("tờ khai", papers) == "Tờ khai"
    assert best_paper_for("Giấy khai sinh", papers) == "Bản sao Giấy khai sinh"
    assert best_paper_for("Sổ hộ khẩu", papers) is None
    assert best_paper_for("", papers) is None


def test_papers_only_shown_and_online_dossiers_need_no_copy():
    assert copy_needed(PaperForm.COPY, Channel.COUNTER)
    assert not copy_needed(PaperForm.SHOWN, Channel.COUNTER)
    assert not copy_needed(PaperForm.ORIGINAL, Channel.ONLINE)


def test_a_person_id_has_twelve_digits_and_files_get_plain_names():
    assert is_person_id("079 190 001 234") and not is_person_id("07919000123")
    assert pdf_name("H36.41-260310-0001", 2, "Bản sao Giấy khai sinh") == (
        "H36.41-260310-0001_02_ban-sao-giay-khai-sinh.pdf"
    )
    assert pdf_name("H36.41-260310-0001", 0, "Kết quả") == "H36.41-260310-0001_ket-qua_ket-qua.pdf"
