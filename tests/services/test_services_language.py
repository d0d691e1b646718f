"""Services, storage and printing speak the clerk's language; stored data stays Vietnamese.

A tagging translator stands in for Qt's: it marks each text with its context, so
a test sees which texts went through translation, under which context, and
which stayed the Vietnamese source (values saved in the database).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desk.domain.errors import NotFound, UserError
from desk.domain.queue import Counter
from desk.domain.translation import SourceText, install_backend, translated
from desk.printing.printer_uri import SETTINGS_HINT, parse_printer_uri
from desk.services import (
    accounts,
    calendar,
    catalog_files,
    dossiers,
    queue,
    queue_setup,
    ratings,
    worklist,
)
from desk.storage.database import Database
from desk.storage.engine import explain_database_error


@pytest.fixture
def tagged() -> Iterator[None]:
    """Every translated text comes back as ``<Context>text``."""
    install_backend(lambda context, text: f"<{context}>{text}")
    try:
        yield
    finally:
        install_backend(None)


LABEL_TABLES = [
    (ratings.GROUP_LABELS, "Ratings"),
    (worklist.VIEW_LABELS, "Worklist"),
    (calendar.KINDS, "Calendar"),
    (queue.ACTIONS, "Queue"),
]


@pytest.mark.parametrize(("table", "context"), LABEL_TABLES)
def test_label_tables_keep_vietnamese_and_know_their_context(
    table: dict, context: str, tagged: None
) -> None:
    for label in table.values():
        assert isinstance(label, SourceText) and label.context == context
        assert translated(label) == f"<{context}>{label}"
        assert "<" not in str(label)  # the table itself stays the Vietnamese source


def test_messages_are_translated_and_filled_in_after(tagged: None) -> None:
    with pytest.raises(UserError) as bad_uri:
        parse_printer_uri("tcp:máy-in")
    message = bad_uri.value.message
    assert message.startswith("<PrinterUri>Địa chỉ máy in “tcp:máy-in” không đúng (<PrinterUri>")
    assert f"<PrinterUri>{SETTINGS_HINT}" in message
    empty = catalog_files.catalog_from_table([])
    assert [e.message for e in empty.errors] == [
        "<CatalogFiles>Tệp trống: dòng 1 phải là dòng tiêu đề (Mã thủ tục, Tên thủ tục, ...)."
    ]
    errors = queue_setup.check_counter(Counter(0, 0, "", ()))
    assert errors == {
        "number": "<QueueSetup>Số quầy phải từ 1 đến 99.",
        "groups": "<QueueSetup>Hãy chọn ít nhất một nhóm dịch vụ cho quầy.",
    }


def test_database_failures_are_screen_messages(tagged: None) -> None:
    error = explain_database_error(
        Exception("connection refused"), "postgresql+psycopg://desk:secret@server/office"
    )
    assert error.message.startswith(
        "<Database>Không kết nối được tới máy chủ cơ sở dữ liệu server/office."
    )
    assert "secret" not in error.message


def test_service_refusals_go_through_translation(db: Database, tagged: None) -> None:
    with pytest.raises(UserError) as wrong:
        accounts.log_in(db, "admin", "sai-mat-khau")
    assert wrong.value.message == "<Accounts>Sai tên đăng nhập hoặc mật khẩu."
    with pytest.raises(NotFound) as unknown:
        dossiers.get_dossier(db, "H36.41-000000-9999")
    assert unknown.value.message == (
        "<Dossiers>Không tìm thấy hồ sơ mã 'H36.41-000000-9999'. Kiểm tra lại mã trên phiếu hẹn."
    )


def test_the_default_notice_is_shown_in_the_screen_language(db: Database, tagged: None) -> None:
    assert queue_setup.get_notices(db).startswith("<QueueSetup>Kính mời quý khách")


def test_saved_names_stay_vietnamese(tagged: None) -> None:
    """Group names are data: they are saved once, whatever the screen language."""
    names = [g.name for g in queue_setup.default_groups(["Hộ tịch", "Chứng thực", "Y tế"])]
    assert names == ["Hộ tịch", "Chứng thực", "Lĩnh vực khác"]
    assert all("<" not in name for name in names)
