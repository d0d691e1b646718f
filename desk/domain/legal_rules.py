"""Every rule of the one-stop mechanism the desk applies, with its source.

One row per rule: what the desk does, the text and article it comes from, and
whether that text was read (``confirmed``). A rule whose text in force could not
be found is an office setting (``setting``) whose default is the desk's
long-standing behaviour; the admin screen Quản trị › Quy định áp dụng lists
these rows and lets the admin choose those settings, and ``docs/legal.md``
explains each one. Only texts in force are cited here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desk.domain.translation import QT_TRANSLATE_NOOP


class LateCounting(StrEnum):
    """Against which date a dossier decided after an apology is classified."""

    ORIGINAL = "original"  # the appointment on the receipt: a rescheduled dossier stays late
    EXTENDED = "extended"  # the apology's new date


LATE_COUNTING_LABELS = {
    LateCounting.ORIGINAL: QT_TRANSLATE_NOOP(
        "LegalRules", "Theo ngày hẹn trên Giấy tiếp nhận (hồ sơ đã xin lỗi vẫn tính trễ hạn)"
    ),
    LateCounting.EXTENDED: QT_TRANSLATE_NOOP(
        "LegalRules", "Theo ngày hẹn lại trong văn bản xin lỗi"
    ),
}

#: Office setting key of ``LateCounting``.
LATE_COUNTING_SETTING = "late_counting"


@dataclass(frozen=True)
class LegalRule:
    key: str
    rule: str  # what the desk does, in Vietnamese (marked for translation)
    source: str  # text and article, in Vietnamese (marked for translation)
    confirmed: bool  # the text was read
    setting: str = ""  # the office setting that replaces an unconfirmed rule


RULES: tuple[LegalRule, ...] = (
    LegalRule(
        "papers_listed_only",
        QT_TRANSLATE_NOOP(
            "LegalRules", "Chỉ nhận, chỉ yêu cầu giấy tờ có trong danh mục của thủ tục"
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules", "Nghị định 118/2025/NĐ-CP điều 16 khoản 1, điều 5 khoản 1 điểm đ"
        ),
        True,
    ),
    LegalRule(
        "supplement_once",
        QT_TRANSLATE_NOOP(
            "LegalRules", "Yêu cầu bổ sung, hoàn thiện hồ sơ một lần, đầy đủ (Mẫu số 02)"
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Nghị định 118/2025/NĐ-CP điều 16 khoản 3, điều 11 khoản 2 điểm c, điều 17 khoản 1 điểm c",
        ),
        True,
    ),
    LegalRule(
        "receipt_and_code",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Hồ sơ đủ: lập Giấy tiếp nhận và hẹn trả kết quả (Mẫu số 01) có mã số hồ sơ",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules", "Nghị định 118/2025/NĐ-CP điều 17 khoản 1 điểm c và khoản 3"
        ),
        True,
    ),
    LegalRule(
        "dossier_code",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Mã số hồ sơ: mã định danh của cơ quan, ngày tiếp nhận, số thứ tự trong ngày "
            "(dạng MÃ-YYMMDD-NNNN giữ như trước)",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Nghị định 118/2025/NĐ-CP điều 28 khoản 2; Thông tư 03/2025/TT-VPCP điều 13 (chưa đọc được nguyên văn)",
        ),
        False,
    ),
    LegalRule(
        "refusal",
        QT_TRANSLATE_NOOP("LegalRules", "Từ chối tiếp nhận phải nêu rõ lý do (Mẫu số 03)"),
        QT_TRANSLATE_NOOP(
            "LegalRules", "Nghị định 118/2025/NĐ-CP điều 17 khoản 1 điểm c, điều 8 khoản 1 điểm b"
        ),
        True,
    ),
    LegalRule(
        "limit_restarts",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Hồ sơ phải bổ sung: thời hạn giải quyết tính lại từ đầu khi nhận đủ hồ sơ",
        ),
        QT_TRANSLATE_NOOP("LegalRules", "Nghị định 118/2025/NĐ-CP điều 19 khoản 5"),
        True,
    ),
    LegalRule(
        "apology",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Hồ sơ dự kiến quá hạn: văn bản xin lỗi, đề nghị gia hạn chậm nhất 01 ngày trước "
            "ngày hết hạn (Mẫu số 04); hẹn lại không quá một lần",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules", "Nghị định 118/2025/NĐ-CP điều 19 khoản 6, điều 12 khoản 5"
        ),
        True,
    ),
    LegalRule(
        "late_counting",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Hồ sơ đã xin lỗi, hẹn lại: tính đúng hạn hay trễ hạn theo ngày hẹn nào",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP: không tìm thấy quy định",
        ),
        False,
        LATE_COUNTING_SETTING,
    ),
    LegalRule(
        "result_classes",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Trước hạn: giải quyết trước ngày hẹn; đúng hạn: trong ngày hẹn, không muộn hơn giờ "
            "hẹn; quá hạn: sau đó",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Nghị định 118/2025/NĐ-CP chương V (đánh giá): không định nghĩa; cách tính của desk",
        ),
        False,
    ),
    LegalRule(
        "scores",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Điểm từng hồ sơ (thời gian 2/1/0, số lần đi lại 2/1/0) trên bảng điều khiển",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Nghị định 118/2025/NĐ-CP điều 29-34 (đánh giá): chưa đối chiếu bộ chỉ số; cách chấm của desk",
        ),
        False,
    ),
    LegalRule(
        "stop",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Dừng giải quyết theo đề nghị của người nộp, trước khi có quyết định "
            "(Thông báo dừng giải quyết hồ sơ, Mẫu số 05)",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Nghị định 118/2025/NĐ-CP điều 21; Thông tư 03/2025/TT-VPCP điều 7 (qua nguồn thứ cấp)",
        ),
        True,
    ),
    LegalRule(
        "forms",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Bảy mẫu phiếu 01-07: số và tên theo Phụ lục I; lời văn bên trong là dữ liệu "
            "cơ quan sửa được",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Thông tư 03/2025/TT-VPCP Phụ lục I (danh mục mẫu qua nguồn thứ cấp; lời văn chưa đối chiếu)",
        ),
        False,
    ),
    LegalRule(
        "working_days",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Ngày làm việc: thứ Hai - thứ Sáu, trừ ngày nghỉ lễ, Tết và ngày nghỉ hoán đổi; "
            "cộng ngày làm bù",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Bộ luật Lao động 2019 điều 111 khoản 3, điều 112; lịch nghỉ hằng năm của công chức",
        ),
        True,
    ),
    LegalRule(
        "period_start",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Thời hạn tính từ khi nhận đủ hồ sơ hợp lệ; ngày tiếp nhận không tính vào thời hạn",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules", "Nghị định 118/2025/NĐ-CP điều 17 khoản 3; Bộ luật Dân sự 2015 điều 147"
        ),
        True,
    ),
    LegalRule(
        "calendar_days_end",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Thời hạn tính bằng ngày: hết vào cuối ngày cuối cùng; ngày đó là ngày nghỉ thì "
            "hết vào cuối ngày làm việc tiếp theo",
        ),
        QT_TRANSLATE_NOOP("LegalRules", "Bộ luật Dân sự 2015 điều 148 khoản 1 và khoản 5"),
        True,
    ),
    LegalRule(
        "same_day_cutoff",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Thủ tục giải quyết trong ngày: nhận sau giờ chốt (thường 15 giờ) thì trả trong "
            "ngày làm việc tiếp theo",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Luật Hộ tịch 2014 điều 5 khoản 3; Nghị định 23/2015/NĐ-CP điều 7 (theo từng thủ tục)",
        ),
        True,
    ),
    LegalRule(
        "digitised_papers",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Số hóa giấy tờ khi tiếp nhận; không yêu cầu nộp lại giấy tờ đã có bản số hóa còn "
            "giá trị của hồ sơ đã có kết quả",
        ),
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Nghị định 118/2025/NĐ-CP điều 17 khoản 1 điểm b, c; điều 5 khoản 1 điểm i; "
            "điều 22 khoản 1",
        ),
        True,
    ),
    LegalRule(
        "notify_applicant",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Báo người nộp ngày hẹn lại qua thư điện tử, tin nhắn (theo kênh người nộp đồng ý)",
        ),
        QT_TRANSLATE_NOOP("LegalRules", "Nghị định 118/2025/NĐ-CP điều 19 khoản 6"),
        True,
    ),
    LegalRule(
        "online_only",
        QT_TRANSLATE_NOOP(
            "LegalRules",
            "Dịch vụ công trực tuyến toàn trình: không thu hồ sơ giấy, hướng dẫn nộp trực tuyến",
        ),
        QT_TRANSLATE_NOOP("LegalRules", "Chỉ thị 24/CT-TTg ngày 13/9/2025 mục 3"),
        True,
    ),
)


def rule(key: str) -> LegalRule:
    for entry in RULES:
        if entry.key == key:
            return entry
    raise KeyError(key)
