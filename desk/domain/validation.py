"""Checks on what a clerk types at intake, each with a message that says what to fix.

- CCCD / personal ID (số định danh cá nhân): exactly 12 digits.
- Organisation tax / enterprise code: 10 digits, or 10 + "-" + 3 for a branch.
- Vietnamese mobile: 10 digits starting 03, 05, 07, 08, 09, or +84 and 9 digits.
  Landlines (02x, 11 digits) are accepted too: offices and firms still use them.

Every function returns ``None`` when the value is fine, else a message in the
clerk's language (Vietnamese unless the screen speaks another).
Field names used as keys: ``procedure``, ``name``, ``id_number``, ``birth_date``,
``phone``, ``email``, ``papers``, ``delivery_address``, ``sets``.
"""

from __future__ import annotations

import re
from datetime import date

from desk.domain.dossier import ApplicantKind, IntakeDraft, ResultDelivery
from desk.domain.translation import translate

_MOBILE = re.compile(r"^0(3|5|7|8|9)\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


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
    if not v.isdigit():
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
    if not re.fullmatch(r"\d{10}(-?\d{3})?", v):
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
    if not a.name.strip():
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
    if (msg := check_phone(a.phone)) is not None:
        errors["phone"] = msg
    if (msg := check_email(a.email)) is not None:
        errors["email"] = msg
    if not any(p.count > 0 for p in draft.papers):
        errors["papers"] = translate(
            "Validation", "Chưa đánh dấu giấy tờ nào đã nhận: hãy đánh dấu ít nhất một giấy tờ."
        )
    if draft.result_delivery is ResultDelivery.POST and not draft.delivery_address.strip():
        errors["delivery_address"] = translate(
            "Validation", "Trả kết quả qua bưu chính: hãy nhập địa chỉ nhận kết quả."
        )
    if draft.sets < 1:
        errors["sets"] = translate("Validation", "Số bộ hồ sơ phải từ 1 trở lên.")
    return errors
