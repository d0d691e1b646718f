from __future__ import annotations

import unicodedata
from datetime import time

import pytest

from desk.domain.catalog_columns import COLUMNS, HEADER_LABELS, CatalogRowError, canonical_column
from desk.domain.catalog_papers import format_papers, parse_papers
from desk.domain.catalog_rows import procedure_from_row, procedure_to_row
from desk.domain.procedure import Channel, Level, PaperForm, Procedure, RequiredPaper
from desk.domain.time_limit import LimitKind, TimeLimit


def land_registration() -> Procedure:
    limit = TimeLimit.working_days(27)
    return Procedure(
        code="1.013978",
        name="Đăng ký đất đai, tài sản gắn liền với đất lần đầu",
        field="Đất đai",
        level=Level.COMMUNE,
        limit=limit,
        fee="Theo quy định của Luật phí và lệ phí",
        papers=[
            RequiredPaper("Đơn đăng ký đất đai (kèm 01 bản sao)", PaperForm.ORIGINAL),
            RequiredPaper("Bản vẽ (mặt bằng, mặt đứng)", PaperForm.COPY, count=2),
            RequiredPaper("Giấy tờ tùy thân", PaperForm.SHOWN),
            RequiredPaper("Văn bản về việc đại diện (nếu có)", PaperForm.ORIGINAL, optional=True),
        ],
        channel_limits={
            Channel.ONLINE: TimeLimit.working_days(17),
            Channel.POST: TimeLimit.working_days(20),
        },
        legal_basis="Luật Đất đai 31/2024/QH15",
        active=False,
    )


def birth_registration_row() -> dict[str, str]:
    return {
        "code": "1.001193",
        "name": "Thủ tục đăng ký khai sinh",
        "field": "Hộ tịch",
        "level": "xã",
        "limit_kind": "same_day",
        "limit_amount": "",
        "cutoff": "15:00",
        "limit_online": "",
        "limit_post": "",
        "fee": "Miễn lệ phí",
        "papers": "Tờ khai đăng ký khai sinh (bản chính) | Giấy chứng sinh (bản chính) x1",
        "legal_basis": "Luật Hộ tịch 60/2014/QH13",
        "active": "1",
        "online_only": "0",
    }


def problems_of(row: dict[str, str]) -> list[str]:
    with pytest.raises(CatalogRowError) as caught:
        procedure_from_row(row)
    return caught.value.problems


def test_a_procedure_survives_a_round_trip_through_a_row() -> None:
    procedure = land_registration()
    row = procedure_to_row(procedure)
    assert list(row) == list(COLUMNS)
    assert row["limit_online"] == "17" and row["limit_post"] == "20"
    assert row["active"] == "0"
    assert procedure_from_row(row) == procedure
    assert procedure_to_row(procedure_from_row(row)) == row


def test_a_same_day_row_reads_with_its_cut_off() -> None:
    procedure = procedure_from_row(birth_registration_row())
    assert procedure.limit == TimeLimit.same_day(time(15, 0))
    assert procedure.channel_limits == {}
    assert procedure.papers == [
        RequiredPaper("Tờ khai đăng ký khai sinh", PaperForm.ORIGINAL),
        RequiredPaper("Giấy chứng sinh", PaperForm.ORIGINAL),
    ]
    assert procedure_to_row(procedure)["papers"] == (
        "Tờ khai đăng ký khai sinh (bản chính) | Giấy chứng sinh (bản chính)"
    )


def test_vietnamese_headers_and_variants_name_the_same_columns() -> None:
    row = {HEADER_LABELS[key]: value for key, value in birth_registration_row().items()}
    assert procedure_from_row(row) == procedure_from_row(birth_registration_row())
    assert canonical_column("Mã TTHC") == "code"
    assert canonical_column("  THOI HAN truc tuyen ") == "limit_online"
    assert canonical_column("limit-amount") == "limit_amount"
    assert canonical_column("Ghi chú") is None


def test_a_bad_amount_names_the_column_and_the_value() -> None:
    row = birth_registration_row() | {"limit_kind": "working_days", "limit_amount": "ba"}
    assert problems_of(row) == [
        "Cột 'Thời hạn' (limit_amount): phải là số nguyên dương, đang là 'ba'"
    ]


def test_every_fault_of_a_row_is_reported_at_once() -> None:
    row = birth_registration_row() | {
        "code": "",
        "limit_kind": "tuần",
        "cutoff": "25:00",
        "active": "có lẽ",
    }
    problems = problems_of(row)
    assert len(problems) == 4
    assert problems[0] == "Cột 'Mã thủ tục' (code): không được để trống"
    assert "Cột 'Loại thời hạn' (limit_kind)" in problems[1] and "'tuần'" in problems[1]
    assert "Cột 'Giờ chốt nhận' (cutoff)" in problems[2] and "HH:MM" in problems[2]
    assert "Cột 'Đang áp dụng' (active)" in problems[3]
    with pytest.raises(ValueError, match="; "):
        procedure_from_row(row)


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("working_days", LimitKind.WORKING_DAYS),
        ("Ngày làm việc", LimitKind.WORKING_DAYS),
        ("ngày", LimitKind.CALENDAR_DAYS),
        ("Calendar days", LimitKind.CALENDAR_DAYS),
        ("giờ làm việc", LimitKind.WORKING_HOURS),
    ],
)
def test_limit_kinds_are_read_in_english_or_vietnamese(written: str, kind: LimitKind) -> None:
    row = birth_registration_row() | {"limit_kind": written, "limit_amount": "5", "cutoff": ""}
    assert procedure_from_row(row).limit == TimeLimit(kind, 5)


def test_a_same_day_procedure_has_no_amount_and_no_channel_limits() -> None:
    row = birth_registration_row() | {"limit_amount": "3", "limit_online": "2"}
    problems = problems_of(row)
    assert len(problems) == 2
    assert problems[0].startswith("Cột 'Thời hạn' (limit_amount): thủ tục giải quyết trong ngày")
    assert problems[1].startswith("Cột 'Thời hạn trực tuyến' (limit_online)")


def test_channel_limits_share_the_kind_and_cut_off() -> None:
    row = birth_registration_row() | {
        "limit_kind": "calendar_days",
        "limit_amount": "15",
        "cutoff": "16h30",
        "limit_post": "20",
    }
    procedure = procedure_from_row(row)
    assert procedure.limit == TimeLimit(LimitKind.CALENDAR_DAYS, 15, time(16, 30))
    assert procedure.limit_for(Channel.POST) == TimeLimit(LimitKind.CALENDAR_DAYS, 20, time(16, 30))
    assert procedure.limit_for(Channel.ONLINE) == procedure.limit


def test_a_zero_channel_amount_is_refused() -> None:
    row = birth_registration_row() | {"limit_kind": "working_days", "limit_amount": "3"}
    problems = problems_of(row | {"limit_post": "0"})
    assert problems == [
        "Cột 'Thời hạn bưu chính' (limit_post): phải là số nguyên dương, đang là '0'"
    ]


def test_a_code_that_excel_turned_into_a_number_is_refused_with_a_hint() -> None:
    (problem,) = problems_of(birth_registration_row() | {"code": "2.00072"})
    assert "Excel" in problem and "2.000720" in problem


def test_active_accepts_one_zero_and_words_and_defaults_to_active() -> None:
    row = birth_registration_row()
    assert procedure_from_row(row | {"active": "0"}).active is False
    assert procedure_from_row(row | {"active": "Không"}).active is False
    assert procedure_from_row(row | {"active": "có"}).active is True
    del row["active"]
    assert procedure_from_row(row).active is True


def test_cells_are_stored_composed_and_trimmed() -> None:
    decomposed = unicodedata.normalize("NFD", "  Thủ tục đăng ký khai tử ")
    procedure = procedure_from_row(birth_registration_row() | {"name": decomposed})
    assert procedure.name == "Thủ tục đăng ký khai tử"
    assert unicodedata.is_normalized("NFC", procedure.name)


def test_papers_read_the_reference_notation_and_variants() -> None:
    text = (
        "Giấy tờ tùy thân (Hộ chiếu/Thẻ căn cước) (xuất trình, bản chính)\n"
        "Văn bản ủy quyền (được chứng thực) nếu ủy quyền (Bản chính, không bắt buộc)"
        " | Bản vẽ thiết kế (bản sao) ×3 |  | "
    )
    assert parse_papers(text) == [
        RequiredPaper("Giấy tờ tùy thân (Hộ chiếu/Thẻ căn cước)", PaperForm.SHOWN),
        RequiredPaper(
            "Văn bản ủy quyền (được chứng thực) nếu ủy quyền", PaperForm.ORIGINAL, optional=True
        ),
        RequiredPaper("Bản vẽ thiết kế", PaperForm.COPY, count=3),
    ]


def test_papers_round_trip_through_their_notation() -> None:
    papers = land_registration().papers
    written = format_papers(papers)
    assert written == (
        "Đơn đăng ký đất đai (kèm 01 bản sao) (bản chính) | Bản vẽ (mặt bằng, mặt đứng) (bản sao) x2"
        " | Giấy tờ tùy thân (xuất trình)"
        " | Văn bản về việc đại diện (nếu có) (bản chính, tùy trường hợp)"
    )
    assert parse_papers(written) == papers
    assert parse_papers(format_papers(papers, "\n")) == papers


@pytest.mark.parametrize(
    ("paper", "fault"),
    [
        ("Mảnh trích đo bản đồ địa chính (nếu có)", "chưa ghi hình thức"),
        ("Tờ khai", "chưa ghi hình thức"),
        ("Tờ khai (bản chính, bản sao)", "chỉ ghi một hình thức"),
        ("Tờ khai (bản chính, nếu cần)", "không hiểu 'nếu cần' trong ngoặc cuối"),
        ("Tờ khai (bản chính) x0", "số bản sau 'x'"),
        ("(bản sao)", "thiếu tên giấy tờ"),
    ],
)
def test_a_bad_paper_is_named_with_its_position(paper: str, fault: str) -> None:
    with pytest.raises(CatalogRowError) as caught:
        parse_papers(f"Đơn đề nghị (bản chính) | {paper}")
    (problem,) = caught.value.problems
    assert problem.startswith(f"Cột 'Thành phần hồ sơ' (papers), giấy tờ thứ 2 '{paper}': ")
    assert fault in problem


def test_what_the_file_cannot_hold_is_refused_on_writing() -> None:
    mixed = land_registration()
    mixed.channel_limits[Channel.ONLINE] = TimeLimit.calendar_days(17)
    with pytest.raises(ValueError, match="share the kind"):
        procedure_to_row(mixed)
    counter = land_registration()
    counter.channel_limits[Channel.COUNTER] = TimeLimit.working_days(5)
    with pytest.raises(ValueError, match="counter limit"):
        procedure_to_row(counter)
    piped = land_registration()
    piped.papers = [RequiredPaper("Tờ khai | bản kê")]
    with pytest.raises(ValueError, match="may not contain"):
        procedure_to_row(piped)


def test_a_counter_limit_equal_to_the_general_one_is_written_as_the_general_one() -> None:
    procedure = land_registration()
    procedure.channel_limits[Channel.COUNTER] = procedure.limit
    row = procedure_to_row(procedure)
    assert row["limit_amount"] == "27"
    assert Channel.COUNTER not in procedure_from_row(row).channel_limits


# --- levels (two-level local government since 01/07/2025) and online-only services ---


@pytest.mark.parametrize(
    "cell, level",
    [
        ("xã", Level.COMMUNE),
        ("cấp xã", Level.COMMUNE),
        ("Cấp Xã", Level.COMMUNE),
        ("phường", Level.COMMUNE),
        ("commune", Level.COMMUNE),
        ("tỉnh", Level.PROVINCE),
        ("Cấp tỉnh", Level.PROVINCE),
        ("province", Level.PROVINCE),
        ("Trung ương", Level.CENTRAL),
        ("Bộ", Level.CENTRAL),
        ("central", Level.CENTRAL),
        ("", None),
    ],
)
def test_the_level_column_reads_the_three_levels_and_their_variants(cell, level) -> None:
    assert procedure_from_row(birth_registration_row() | {"level": cell}).level is level


@pytest.mark.parametrize(
    "cell", ["huyện", "cấp huyện", "Cấp Huyện", "quận", "thị xã", "thành phố thuộc tỉnh"]
)
def test_a_district_level_row_is_refused_with_the_reorganisation_message(cell) -> None:
    (problem,) = problems_of(birth_registration_row() | {"level": cell})
    assert problem.startswith("Cột 'Cấp thực hiện' (level)")
    assert f"'{cell}'" in problem
    assert "01/07/2025" in problem and "không còn cấp huyện" in problem
    assert "'xã' hoặc 'tỉnh'" in problem and "công bố lại sau khi sắp xếp" in problem


def test_a_level_that_is_no_level_names_the_three_allowed() -> None:
    (problem,) = problems_of(birth_registration_row() | {"level": "thôn"})
    assert "'trung ương', 'tỉnh' hoặc 'xã'" in problem and "'thôn'" in problem


@pytest.mark.parametrize("level", [*Level, None])
def test_every_level_survives_a_round_trip(level) -> None:
    procedure = land_registration()
    procedure.level = level
    row = procedure_to_row(procedure)
    assert row["level"] == {None: "", Level.CENTRAL: "trung ương", Level.PROVINCE: "tỉnh",
                            Level.COMMUNE: "xã"}[level]  # fmt: skip
    assert procedure_from_row(row).level is level


def test_online_only_survives_a_round_trip_and_defaults_to_no() -> None:
    procedure = land_registration()
    procedure.online_only = True
    row = procedure_to_row(procedure)
    assert row["online_only"] == "1" and list(row)[-1] == "online_only"
    assert procedure_from_row(row) == procedure
    without_column = {k: v for k, v in birth_registration_row().items() if k != "online_only"}
    assert procedure_from_row(without_column).online_only is False
    assert procedure_from_row(birth_registration_row() | {"online_only": ""}).online_only is False
    assert procedure_from_row(birth_registration_row() | {"online_only": "có"}).online_only is True
    assert canonical_column("Chỉ trực tuyến") == "online_only"
    assert canonical_column("chi truc tuyen") == "online_only"


def test_a_bad_online_only_cell_names_the_column() -> None:
    (problem,) = problems_of(birth_registration_row() | {"online_only": "đôi khi"})
    assert problem.startswith("Cột 'Chỉ trực tuyến' (online_only)") and "'đôi khi'" in problem
