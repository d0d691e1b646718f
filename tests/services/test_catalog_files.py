from __future__ import annotations

import unicodedata
from datetime import time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desk.domain.catalog_columns import COLUMNS, HEADER_LABELS
from desk.domain.catalog_rows import procedure_to_row
from desk.domain.errors import UserError
from desk.domain.procedure import Channel, Level, PaperForm, Procedure, RequiredPaper
from desk.domain.time_limit import LimitKind, TimeLimit
from desk.services.catalog_files import (
    RowError,
    read_catalog,
    shipped_catalog_path,
    write_catalog,
)

CIVIL_STATUS_SAME_DAY = {
    "1.001193": "Thủ tục đăng ký khai sinh",
    "1.000894": "Thủ tục đăng ký kết hôn",
    "1.000656": "Thủ tục đăng ký khai tử",
}
LAND_FIRST_REGISTRATION = "1.013978"
CONSTRUCTION_PERMIT = "1.013225"
# The reference publishes no papers for this one: it ships inactive (SOURCES.md).
WITHOUT_PAPERS = {"1.014028"}

HEADER = ",".join(HEADER_LABELS[key] for key in COLUMNS).replace("Phí, lệ phí", '"Phí, lệ phí"')


@pytest.fixture(scope="module")
def shipped() -> list[Procedure]:
    catalog = read_catalog(shipped_catalog_path())
    assert catalog.errors == []
    return catalog.procedures


def by_code(procedures: list[Procedure]) -> dict[str, Procedure]:
    return {p.code: p for p in procedures}


def write_text(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_the_shipped_catalog_loads_without_errors(shipped: list[Procedure]) -> None:
    assert len(shipped) >= 30
    codes = [p.code for p in shipped]
    assert len(set(codes)) == len(codes)
    assert shipped_catalog_path().read_bytes().startswith(b"\xef\xbb\xbf")


def test_every_shipped_procedure_lists_papers_unless_none_are_published(
    shipped: list[Procedure],
) -> None:
    without = {p.code for p in shipped if not p.papers}
    assert without == WITHOUT_PAPERS
    assert all(not p.active for p in shipped if p.code in WITHOUT_PAPERS)
    assert all(p.active for p in shipped if p.code not in WITHOUT_PAPERS)


def test_shipped_texts_are_composed_unicode(shipped: list[Procedure]) -> None:
    for p in shipped:
        texts = [p.name, p.field, p.fee, p.legal_basis, *(paper.name for paper in p.papers)]
        assert all(unicodedata.is_normalized("NFC", t) for t in texts), p.code


def test_civil_status_same_day_procedures_stop_at_three_pm(shipped: list[Procedure]) -> None:
    procedures = by_code(shipped)
    for code, name in CIVIL_STATUS_SAME_DAY.items():
        assert procedures[code].name == name
        assert procedures[code].limit == TimeLimit.same_day(time(15, 0))


def test_first_land_registration_has_a_limit_per_channel(shipped: list[Procedure]) -> None:
    land = by_code(shipped)[LAND_FIRST_REGISTRATION]
    assert land.limit_for(Channel.COUNTER) == TimeLimit.working_days(27)
    assert land.limit_for(Channel.ONLINE) == TimeLimit.working_days(17)
    assert land.limit_for(Channel.POST) == TimeLimit.working_days(20)


def test_the_construction_permit_counts_calendar_days(shipped: list[Procedure]) -> None:
    permit = by_code(shipped)[CONSTRUCTION_PERMIT]
    assert permit.limit == TimeLimit.calendar_days(15)
    assert permit.limit_for(Channel.ONLINE).kind is LimitKind.CALENDAR_DAYS


def test_shipped_papers_keep_the_published_forms(shipped: list[Procedure]) -> None:
    birth = by_code(shipped)["1.001193"]
    forms = {paper.name: paper for paper in birth.papers}
    assert forms["Tờ khai đăng ký khai sinh theo mẫu"].form is PaperForm.ORIGINAL
    identity = next(p for p in birth.papers if p.name.startswith("Giấy tờ tùy thân"))
    assert identity.form is PaperForm.SHOWN and not identity.optional
    assert forms["Biên bản về việc trẻ bị bỏ rơi, nếu trẻ bị bỏ rơi"].optional


def test_csv_round_trip_gives_equal_procedures(shipped: list[Procedure], tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    write_catalog(path, shipped)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf" + HEADER_LABELS["code"].encode())
    again = read_catalog(path)
    assert again.errors == []
    assert again.procedures == shipped
    assert path.read_bytes() == shipped_catalog_path().read_bytes()


def test_xlsx_round_trip_gives_equal_procedures(shipped: list[Procedure], tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.xlsx"
    write_catalog(path, shipped)
    again = read_catalog(path)
    assert again.errors == []
    assert again.procedures == shipped


def test_the_xlsx_file_is_laid_out_for_editing(shipped: list[Procedure], tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.xlsx"
    write_catalog(path, shipped)
    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header == [HEADER_LABELS[key] for key in COLUMNS]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    papers_letter = sheet.cell(row=1, column=COLUMNS.index("papers") + 1).column_letter
    assert sheet.column_dimensions[papers_letter].width >= 60
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["B"].width
    birth_papers = sheet[f"{papers_letter}2"]
    assert birth_papers.alignment.wrap_text
    assert birth_papers.value.startswith("Tờ khai đăng ký khai sinh theo mẫu (bản chính)\n")
    assert sheet["A2"].value == "1.001193" and sheet["A2"].number_format == "@"


def test_bad_rows_are_each_reported_and_good_rows_still_read(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "sai.csv",
        HEADER + "\n"
        '1.000101,Tốt một,Hộ tịch,xã,working_days,3,,,,,"Tờ khai (bản chính)\nCCCD (xuất trình)",,1\n'
        "1.000102,Sai thời hạn,Hộ tịch,xã,working_days,ba,,,,,Tờ khai (bản chính),,1\n"
        "\n"
        "1.000103,Tốt hai,Chứng thực,xã,same_day,,15:00,,,,Giấy tờ (bản chính),,1\n"
        ",Thiếu mã,Chứng thực,xã,tuần,,,,,,Tờ khai,,1\n"
        "1.000105,Thiếu hình thức,Đất đai,xã,ngày,10,,,,,Mảnh trích đo (nếu có),,1\n",
    )
    catalog = read_catalog(path)
    assert [p.code for p in catalog.procedures] == ["1.000101", "1.000103"]
    assert catalog.procedures[0].papers[1] == RequiredPaper("CCCD", PaperForm.SHOWN)
    assert [(e.row_number, e.code) for e in catalog.errors] == [
        (3, "1.000102"),
        (6, ""),
        (7, "1.000105"),
    ]
    assert catalog.errors[0].message == (
        "Cột 'Thời hạn' (limit_amount): phải là số nguyên dương, đang là 'ba'"
    )
    assert "Cột 'Mã thủ tục' (code): không được để trống" in catalog.errors[1].message
    assert "Cột 'Loại thời hạn' (limit_kind)" in catalog.errors[1].message
    assert "giấy tờ thứ 1 'Tờ khai': chưa ghi hình thức" in catalog.errors[1].message
    assert "chưa ghi hình thức" in catalog.errors[2].message
    assert not catalog.ok


def test_bad_rows_in_a_workbook_carry_their_excel_row_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))  # English headers are accepted too
    sheet.append(
        [
            2.00072,
            "Mã thành số",
            "HKD",
            "xã",
            "working_days",
            3,
            None,
            None,
            None,
            None,
            "Giấy đề nghị (bản chính)",
            None,
            1,
        ]
    )
    sheet.append(
        [
            "1.001193",
            "Khai sinh",
            "Hộ tịch",
            "xã",
            "same_day",
            None,
            time(15, 0),
            None,
            None,
            None,
            "Tờ khai (bản chính)",
            None,
            True,
        ]
    )
    sheet.append([None] * len(COLUMNS))
    sheet.append(
        [
            "1.013978",
            "Đất",
            "Đất đai",
            "xã",
            "working_days",
            27,
            None,
            17,
            "hai mươi",
            None,
            "Đơn (bản chính)",
            None,
            1,
        ]
    )
    path = tmp_path / "sai.xlsx"
    workbook.save(path)
    catalog = read_catalog(path)
    assert [(e.row_number, e.code) for e in catalog.errors] == [(5, "1.013978")]
    assert "Cột 'Thời hạn bưu chính' (limit_post)" in catalog.errors[0].message
    first, birth = catalog.procedures
    assert first.code == "2.000720"
    assert birth.limit == TimeLimit.same_day(time(15, 0)) and birth.active


def test_duplicate_codes_are_all_refused(tmp_path: Path) -> None:
    row = "{code},{name},Hộ tịch,xã,working_days,3,,,,,Tờ khai (bản chính),,1\n"
    path = write_text(
        tmp_path / "trung.csv",
        HEADER
        + "\n"
        + row.format(code="1.000001", name="Một")
        + row.format(code="1.000002", name="Hai")
        + row.format(code="1.000001", name="Một lần nữa"),
    )
    catalog = read_catalog(path)
    assert [p.code for p in catalog.procedures] == ["1.000002"]
    assert [(e.row_number, e.code) for e in catalog.errors] == [(2, "1.000001"), (4, "1.000001")]
    assert "có ở nhiều dòng (2, 4)" in catalog.errors[0].message


def test_a_semicolon_file_saved_by_excel_is_read(tmp_path: Path) -> None:
    header = ";".join(HEADER_LABELS[key] for key in COLUMNS)
    path = write_text(
        tmp_path / "excel-vn.csv",
        header + "\r\n"
        "1.004194;Đăng ký tạm trú;Đăng ký, quản lý cư trú;xã;ngày làm việc;3;;;;"
        "10.000 đồng;Tờ khai CT01 (bản chính);;1\r\n",
    )
    catalog = read_catalog(path)
    assert catalog.errors == []
    (procedure,) = catalog.procedures
    assert procedure.field == "Đăng ký, quản lý cư trú"
    assert procedure.limit == TimeLimit.working_days(3)


def test_unknown_columns_are_reported_and_missing_ones_refused(tmp_path: Path) -> None:
    extra = write_text(
        tmp_path / "ghi-chu.csv",
        HEADER + ",Ghi chú\n1.000101,Một,Hộ tịch,xã,ngày,5,,,,,Tờ khai (bản chính),,1,,xem lại\n",
    )
    catalog = read_catalog(extra)
    assert catalog.ignored_columns == ["Ghi chú"]
    assert [p.code for p in catalog.procedures] == ["1.000101"]
    missing = write_text(tmp_path / "thieu.csv", "Mã thủ tục,Tên thủ tục\n1.000101,Một\n")
    catalog = read_catalog(missing)
    assert catalog.procedures == []
    (error,) = catalog.errors
    assert error.row_number == 1
    assert "thiếu cột 'Lĩnh vực' (field), 'Loại thời hạn' (limit_kind)" in error.message


def test_a_row_wider_than_the_header_is_refused(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "lech.csv",
        HEADER + "\n1.000101,Một,Hộ tịch,xã,ngày,5,,,,Phí, lệ phí,Tờ khai (bản chính),,1,0\n",
    )
    (error,) = read_catalog(path).errors
    assert error == RowError(2, "1.000101", error.message)
    assert "nhiều ô hơn dòng tiêu đề" in error.message and "dấu ngoặc kép" in error.message


def test_an_empty_file_says_where_the_header_goes(tmp_path: Path) -> None:
    (error,) = read_catalog(write_text(tmp_path / "trong.csv", "")).errors
    assert error.row_number == 1 and "dòng tiêu đề" in error.message


def test_a_csv_not_in_utf8_is_refused_with_how_to_save_it(tmp_path: Path) -> None:
    path = write_text(tmp_path / "ansi.csv", "Mã,Tên\n", encoding="cp1252")
    with pytest.raises(UserError, match="CSV UTF-8"):
        read_catalog(path)


def test_other_file_kinds_are_refused_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"phải là tệp \.csv hoặc \.xlsx") as caught:
        read_catalog(tmp_path / "danh-muc.xls")
    assert caught.value.field == "path"
    with pytest.raises(UserError, match=r"\.txt"):
        write_catalog(tmp_path / "danh-muc.txt", [])
    assert not (tmp_path / "danh-muc.txt").exists()


def test_missing_and_damaged_files_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Không tìm thấy tệp"):
        read_catalog(tmp_path / "khong-co.csv")
    damaged = tmp_path / "hong.xlsx"
    damaged.write_bytes(b"not a workbook")
    with pytest.raises(UserError, match="Không mở được tệp Excel"):
        read_catalog(damaged)


def test_a_procedure_the_format_cannot_hold_leaves_the_file_untouched(
    shipped: list[Procedure], tmp_path: Path
) -> None:
    path = tmp_path / "danh-muc.csv"
    write_catalog(path, shipped[:2])
    before = path.read_bytes()
    odd = Procedure(
        "9.999999",
        "Lạ",
        "Khác",
        TimeLimit.working_days(3),
        channel_limits={Channel.POST: TimeLimit.working_hours(8)},
    )
    with pytest.raises(ValueError):
        write_catalog(path, [shipped[0], odd])
    assert path.read_bytes() == before


def test_rows_written_are_the_rows_of_the_format(shipped: list[Procedure], tmp_path: Path) -> None:
    path = tmp_path / "mot.csv"
    write_catalog(path, shipped[:1])
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == HEADER
    assert len(lines) == 2
    assert lines[1].startswith(",".join(list(procedure_to_row(shipped[0]).values())[:5]))


# --- two-level local government and online-only services --------------------------------

ONLINE_ONLY = {
    "1.004222": "Đăng ký thường trú",
    "1.004194": "Đăng ký tạm trú",
    "3.000333": "Lý lịch tư pháp",
}


def test_no_shipped_procedure_is_at_the_district_level(shipped: list[Procedure]) -> None:
    assert all(p.level in set(Level) for p in shipped)
    assert by_code(shipped)["1.001731"].level is Level.COMMUNE  # was "huyện" before 07/2025
    text = shipped_catalog_path().read_text(encoding="utf-8-sig")
    levels = [row.split(",")[3] for row in text.splitlines()[1:] if row.count(",") > 3]
    assert "huyện" not in levels and "cấp huyện" not in levels


def test_residence_and_judicial_record_ship_online_only(shipped: list[Procedure]) -> None:
    marked = {p.code: p.name for p in shipped if p.online_only}
    assert set(marked) == set(ONLINE_ONLY)
    for code, words in ONLINE_ONLY.items():
        assert words.casefold() in marked[code].casefold()


def test_a_district_row_is_refused_with_its_row_number_and_what_to_write(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "cu.csv",
        HEADER + "\n"
        "1.000101,Tốt,Hộ tịch,xã,working_days,3,,,,,Tờ khai (bản chính),,1,0\n"
        "1.001731,Hỗ trợ chi phí mai táng,Bảo trợ xã hội,huyện,working_days,5,,,,,"
        "Tờ khai (bản chính),,1,0\n",
    )
    catalog = read_catalog(path)
    assert [p.code for p in catalog.procedures] == ["1.000101"]
    (error,) = catalog.errors
    assert (error.row_number, error.code) == (3, "1.001731")
    assert error.message.startswith("Cột 'Cấp thực hiện' (level): 'huyện' là cấp huyện")
    assert "từ 01/07/2025" in error.message and "'xã' hoặc 'tỉnh'" in error.message


def test_levels_and_online_only_survive_an_xlsx_round_trip(
    shipped: list[Procedure], tmp_path: Path
) -> None:
    path = tmp_path / "danh_muc.xlsx"
    write_catalog(path, shipped)
    again = by_code(read_catalog(path).procedures)
    assert {c: (p.level, p.online_only) for c, p in by_code(shipped).items()} == {
        c: (p.level, p.online_only) for c, p in again.items()
    }


# --- malformed files: a message naming the file and what is wrong, never a traceback ----

GOOD_ROW = "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,,same_day,,15:00"


def _good_workbook(path: Path, chartsheet_first: bool = False, with_chart: bool = True) -> Path:
    from openpyxl.chart import BarChart, Reference

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Thủ tục"
    header = [HEADER_LABELS[k] for k in ("code", "name", "field", "limit_kind", "cutoff")]
    sheet.append(header)
    sheet.append(["1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "same_day", "15:00"])
    if chartsheet_first:
        charts = workbook.create_chartsheet("Biểu đồ", 0)
        if with_chart:
            chart = BarChart()
            chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=2))
            charts.add_chart(chart)
    workbook.save(path)
    return path


def _rezip(source: Path, target: Path, change) -> Path:  # noqa: ANN001
    """``source``'s parts written to ``target``, each through ``change(name, data)``
    (``None`` leaves the part out)."""
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data = change(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
    return target


def test_a_csv_cell_longer_than_the_csv_module_takes_is_explained(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "danh-muc.csv", f'{HEADER}\n{GOOD_ROW}\n1.000894,"Đăng ký kết hôn{"x" * 140_000}'
    )
    with pytest.raises(UserError) as caught:
        read_catalog(path)
    message = caught.value.message
    assert message.startswith("Tệp danh-muc.csv, dòng 3: một ô dài hơn 131.072 ký tự.")
    assert "dấu ngoặc kép" in message and caught.value.field == "path"


def test_a_workbook_whose_sheet_xml_stops_short_is_explained(tmp_path: Path) -> None:
    good = _good_workbook(tmp_path / "good.xlsx")
    cut = _rezip(
        good,
        tmp_path / "cat-ngang.xlsx",
        lambda name, data: data[: len(data) // 2] if name == "xl/worksheets/sheet1.xml" else data,
    )
    with pytest.raises(UserError) as caught:
        read_catalog(cut)
    assert caught.value.message.startswith(
        "Tệp Excel cat-ngang.xlsx bị hỏng: trang “Thủ tục” bị cắt ngang, không đọc được đến hết"
    )


def test_a_workbook_without_its_workbook_part_is_explained(tmp_path: Path) -> None:
    good = _good_workbook(tmp_path / "good.xlsx")
    partless = _rezip(
        good,
        tmp_path / "thieu.xlsx",
        lambda name, data: None if name == "xl/workbook.xml" else data,
    )
    with pytest.raises(UserError) as caught:
        read_catalog(partless)
    assert caught.value.message.startswith("Tệp thieu.xlsx không có phần sổ tính (xl/workbook.xml)")


def test_a_chart_sheet_first_is_passed_over(tmp_path: Path) -> None:
    path = _good_workbook(tmp_path / "bieu-do-truoc.xlsx", chartsheet_first=True)
    assert load_workbook(path).sheetnames[0] == "Biểu đồ"
    catalog = read_catalog(path)
    assert catalog.errors == [] and [p.code for p in catalog.procedures] == ["1.001193"]


def test_a_chart_sheet_openpyxl_cannot_read_is_explained(tmp_path: Path) -> None:
    path = _good_workbook(tmp_path / "bieu-do.xlsx", chartsheet_first=True, with_chart=False)
    with pytest.raises(UserError) as caught:
        read_catalog(path)
    assert caught.value.message.startswith(
        "Tệp Excel bieu-do.xlsx có trang biểu đồ (chart sheet) mà desk không đọc được."
    )


@pytest.mark.parametrize("name", ["danh-muc.csv", "danh-muc.xlsx"])
def test_a_folder_named_like_a_catalog_is_explained(tmp_path: Path, name: str) -> None:
    (tmp_path / name).mkdir()
    with pytest.raises(UserError) as caught:
        read_catalog(tmp_path / name)
    assert caught.value.message.startswith(f"“{name}” là một thư mục, không phải tệp")


def test_a_workbook_of_random_parts_is_explained(tmp_path: Path) -> None:
    good = _good_workbook(tmp_path / "good.xlsx")
    broken = _rezip(
        good,
        tmp_path / "hong.xlsx",
        lambda name, data: b"\x00garbage" if name == "xl/styles.xml" else data,
    )
    with pytest.raises(UserError) as caught:
        read_catalog(broken)
    assert "hong.xlsx" in caught.value.message and "lưu lại dạng .xlsx" in caught.value.message


def test_control_characters_in_a_cell_refuse_the_row(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "dieu-khien.csv",
        f"{HEADER}\n{GOOD_ROW}\n1.000894,Thủ tục đăng ký\x1b[31m kết hôn,Hộ tịch,,same_day,,15:00\n",
    )
    catalog = read_catalog(path)
    assert [p.code for p in catalog.procedures] == ["1.001193"]
    [error] = catalog.errors
    assert error.row_number == 3
    assert "Cột 'Tên thủ tục' (name): có ký tự điều khiển không in được (\\x1b)" in error.message
