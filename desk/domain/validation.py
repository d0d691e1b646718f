"""Checks on what a clerk types at intake, each with a message that says what to fix.

- CCCD / personal ID (số định danh cá nhân): exactly 12 digits.
- Organisation tax / enterprise code: 10 digits, or 10 + "-" + 3 for a branch.
- Vietnamese mobile: 10 digits starting 03, 05, 07, 08, 09, or +84 and 9 digits.
  Landlines (02x, 11 digits) are accepted too: offices and firms still use them.

- Free text (names, addresses, notes, reasons): no control character (NUL, ESC,
  tab, line break in a one-line field...; see ``desk.domain.text.UNSAFE``) and
  no more than the field's limit (``MAX_LENGTHS``, ``check_text``).

Every function returns ``None`` when the value is fine, else a message in the
clerk's language (Vietnamese unless the screen speaks another).
Field names used as keys: ``procedure``, ``name``, ``id_number``, ``birth_date``,
``address``, ``phone``, ``email``, ``principal``, ``papers``, ``delivery_address``,
``sets``, ``note``.
"""

from __future__ import annotations

import re
from datetime import date

from desk.domain.dossier import ApplicantKind, IntakeDraft, ResultDelivery
from desk.domain.scan_text import looks_like_scan
from desk.domain.text import escape_code, unsafe_characters
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated

_MOBILE = re.compile(r"^0(3|5|7|8|9)\d{8}$", re.ASCII)
_LANDLINE = re.compile(r"^02\d{9}$", re.ASCII)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

#: The longest text each free-text field may hold, in characters. Each is printed
#: on a legal form (form 01, the receipt, of Circular 03/2025/TT-VPCP, Annex I, on
#: A4 and A5 and on 58/80 mm thermal paper; forms 02-05 for the reasons) and kept
#: in a column of that size, so the limits keep every form on its page:
#:
#: - ``name``, ``principal``, ``collected_by`` 150: one to two lines of form 01.
#:   Personal names are rarely over 40 characters; an organisation's full
#:   registered name (a branch repeats its enterprise's) rarely over 120.
#: - ``address``, ``delivery_address`` 300: three lines of form 01; a full address
#:   (house number, lane, street, hamlet, commune, province) stays well under.
#: - ``email`` 120: the column holds 120 (the mail standard allows 254, no
#:   address in use comes near); ``phone`` 20: the column, and a number typed
#:   with spaces and +84 is 15 at most.
#: - ``note`` 500: one paragraph; a step's ``note`` 500 as well.
#: - ``reason`` 1000: the reasons printed on forms 02-05 (about twelve lines of
#:   A4), so the form keeps its signatures on its one page; ``contact`` 200;
#:   ``tracking_number`` 60 (postal tracking codes are 13 characters).
MAX_LENGTHS: dict[str, int] = {
    "name": 150,
    "principal": 150,
    "collected_by": 150,
    "applicant_name": 150,
    "address": 300,
    "delivery_address": 300,
    "email": 120,
    "phone": 20,
    "note": 500,
    "reason": 1000,
    "contact": 200,
    "tracking_number": 60,
}
#: Fields where the clerk may start a new line (the multi-line boxes of the steps).
MULTI_LINE = frozenset({"reason"})

#: How each field is named in its message ("Họ và tên dài ...").
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("Validation", "Họ và tên"),
    "organisation": QT_TRANSLATE_NOOP("Validation", "Tên tổ chức"),
    "applicant_name": QT_TRANSLATE_NOOP("Validation", "Họ và tên"),
    "principal": QT_TRANSLATE_NOOP("Validation", "Người ủy quyền"),
    "collected_by": QT_TRANSLATE_NOOP("Validation", "Người nhận kết quả"),
    "address": QT_TRANSLATE_NOOP("Validation", "Địa chỉ"),
    "delivery_address": QT_TRANSLATE_NOOP("Validation", "Địa chỉ nhận kết quả"),
    "email": QT_TRANSLATE_NOOP("Validation", "Thư điện tử"),
    "phone": QT_TRANSLATE_NOOP("Validation", "Số điện thoại"),
    "note": QT_TRANSLATE_NOOP("Validation", "Ghi chú"),
    "reason": QT_TRANSLATE_NOOP("Validation", "Lý do"),
    "contact": QT_TRANSLATE_NOOP("Validation", "Người cần liên hệ"),
    "tracking_number": QT_TRANSLATE_NOOP("Validation", "Mã vận đơn"),
}


def check_text(
    value: str, field: str, label: str | None = None, limit: int | None = None
) -> str | None:
    """``None`` when ``value`` may be kept in ``field`` and printed; else what to fix.

    Refused: a control character (NUL, ESC..., pasted from another program; a
    tab or a line break where the field is one line) and a text longer than
    ``limit`` (by default ``MAX_LENGTHS[field]``). ``label`` names the field in
    the message (its usual name by default).
    """
    name = label or translated(FIELD_LABELS[field])
    limit = limit or MAX_LENGTHS[field]
    bad = unsafe_characters(value, line_breaks=field in MULTI_LINE)
    if bad:
        if all(c in "\t\n\r\v\f\u2028\u2029\x85" for c in bad):
            return translate(
                "Validation",
                "{field} phải viết trên một dòng: hãy xóa dấu xuống dòng hoặc dấu tab.",
            ).format(field=name)
        return translate(
            "Validation",
            "{field} có ký tự điều khiển không in được ({codes}), thường do dán từ chương "
            "trình khác: hãy xóa ô này rồi gõ lại.",
        ).format(field=name, codes=", ".join(escape_code(c) for c in bad[:3]))
    if len(value.strip()) > limit:
        return translate(
            "Validation",
            "{field} dài {count} ký tự, quá mức {limit} ký tự để in vừa trên giấy tờ: "
            "hãy viết gọn lại.",
        ).format(field=name, count=f"{len(value.strip()):,}".replace(",", "."), limit=limit)
    return None


def check_texts(values: dict[str, str]) -> dict[str, str]:
    """``check_text`` of each field given, by field name (only the fields at fault)."""
    errors: dict[str, str] = {}
    for field, value in values.items():
        if (msg := check_text(value, field)) is not None:
            errors[field] = msg
    return errors


def normalise_phone(phone: str) -> str:
    """Digits only, with +84 / 84 turned into a leading 0."""
    digits = re.sub(r"[\s.\-()]", "", phone)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def check_cccd(value: str) -> str | None:
    v = value.strip()
    if not v:
        return translate("Validation", "Chưa nhập số CCCD/định danh cá nhân.")
    if not (v.isascii() and v.isdigit()):
        return translate(
            "Validation", "Số CCCD chỉ gồm chữ số (12 chữ số), không có chữ hay dấu cách."
        )
    if len(v) != 12:
        return translate("Validation", "Số CCCD phải có đúng 12 chữ số (đang có {count}).").format(
            count=len(v)
        )
    return None


def check_tax_code(value: str) -> str | None:
    v = value.strip()
    if not v:
        return translate("Validation", "Chưa nhập mã số thuế/mã số doanh nghiệp của tổ chức.")
    if not re.fullmatch(r"\d{10}(-?\d{3})?", v, re.ASCII):
        return translate(
            "Validation",
            "Mã số thuế phải có 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (ví dụ 0101234567-001).",
        )
    return None


def check_phone(value: str, required: bool = False) -> str | None:
    v = value.strip()
    if not v:
        return translate("Validation", "Chưa nhập số điện thoại.") if required else None
    p = normalise_phone(v)
    if _MOBILE.match(p) or _LANDLINE.match(p):
        return None
    return translate(
        "Validation",
        "Số điện thoại không hợp lệ: số di động có 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 "
        "(hoặc +84 và 9 chữ số).",
    )


def check_email(value: str) -> str | None:
    v = value.strip()
    if v and not _EMAIL.match(v):
        return translate("Validation", "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).")
    return None


def check_birth_date(value: date | None, today: date) -> str | None:
    if value is not None and value > today:
        return translate("Validation", "Ngày sinh không được sau ngày hôm nay.")
    return None


def validate_intake(
    draft: IntakeDraft, today: date, procedure_known: bool = True
) -> dict[str, str]:
    """Every problem with a draft, field by field; empty when it may be saved."""
    errors: dict[str, str] = {}
    if not draft.procedure_code:
        errors["procedure"] = translate("Validation", "Chưa chọn thủ tục hành chính.")
    elif not procedure_known:
        errors["procedure"] = translate(
            "Validation", "Thủ tục đã chọn không còn trong danh mục; hãy chọn lại."
        )
    a = draft.applicant
    errors.update(_text_errors(draft))
    if "name" not in errors and not a.name.strip():
        errors["name"] = (
            translate("Validation", "Chưa nhập họ và tên người nộp.")
            if a.kind is ApplicantKind.PERSON
            else translate("Validation", "Chưa nhập tên tổ chức.")
        )
    id_check = check_cccd if a.kind is ApplicantKind.PERSON else check_tax_code
    if (msg := id_check(a.id_number)) is not None:
        errors["id_number"] = msg
    if (msg := check_birth_date(a.birth_date, today)) is not None:
        errors["birth_date"] = msg
    if "phone" not in errors and (msg := check_phone(a.phone)) is not None:
        errors["phone"] = msg
    if "email" not in errors and (msg := check_email(a.email)) is not None:
        errors["email"] = msg
    if not any(p.count > 0 for p in draft.papers) and not draft.reused:  # or digitised before
        errors["papers"] = translate(
            "Validation", "Chưa đánh dấu giấy tờ nào đã nhận: hãy đánh dấu ít nhất một giấy tờ."
        )
    if (
        draft.result_delivery is ResultDelivery.POST
        and "delivery_address" not in errors
        and not draft.delivery_address.strip()
    ):
        errors["delivery_address"] = translate(
            "Validation", "Trả kết quả qua bưu chính: hãy nhập địa chỉ nhận kết quả."
        )
    if draft.sets < 1:
        errors["sets"] = translate("Validation", "Số bộ hồ sơ phải từ 1 trở lên.")
    return errors


def _text_errors(draft: IntakeDraft) -> dict[str, str]:
    """Control characters and over-long texts in the free-text fields of a draft."""
    a = draft.applicant
    errors = check_texts(
        {
            "address": a.address,
            "phone": a.phone,
            "email": a.email,
            "principal": a.principal,
            "delivery_address": draft.delivery_address,
            "note": draft.note,
        }
    )
    label = FIELD_LABELS["name" if a.kind is ApplicantKind.PERSON else "organisation"]
    if (msg := check_text(a.name, "name", translated(label))) is not None:
        errors["name"] = msg
    elif looks_like_scan(a.name):
        errors["name"] = translate(
            "Validation",
            "Ô tên đang chứa mã hồ sơ hoặc dữ liệu mã QR, không phải tên: "
            "hãy xóa và nhập tên người nộp.",
        )
    return errors
