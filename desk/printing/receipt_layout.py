"""What the thermal receipt says, as a plain list of typed blocks.

The thermal receipt is the compact version of form 01, "Giấy tiếp nhận hồ sơ và
hẹn trả kết quả" (Circular 03/2025/TT-VPCP, Annex I, form 01; Decree 118/2025
art. 17(1)(c)): it carries the same facts (dossier code, applicant and principal,
request, papers received with their counts, number of sets, time limit, time of
receipt, appointment, where the result is collected, clerk) on 58 or 80 mm
paper. The layout knows nothing about pixels, so its content is tested as text
and the same layout can feed a screen preview, a raster printer or a text dump.

A receipt printed again for the same appointment says so at its very top, with
the time it was printed again ("IN LẠI - 14:05 12/03/2026", Vietnam time), so a
copy is never taken for the first one; the first print carries no such line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from desk.domain.clock import to_vn
from desk.domain.dossier import (
    RESULT_DELIVERY_LABELS,
    Applicant,
    ApplicantKind,
    Dossier,
    ReceivedPaper,
    ResultDelivery,
    for_print,
)
from desk.domain.masking import mask_id_number
from desk.domain.office import Office
from desk.domain.procedure import PAPER_FORM_LABELS, PaperForm
from desk.domain.text import nfc, printable
from desk.printing.vn_format import clock_text, time_and_date_text, weekday_and_date_text

RECEIPT_TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
APPOINTMENT_HEADING = "HẸN TRẢ KẾT QUẢ"
REPRINT_MARK = "IN LẠI"
RULE_TEXT = "-" * 32
#: The most characters of one text the receipt prints (the office's name and
#: address; a dossier's texts are cut to their columns' sizes by ``for_print``).
TEXT_LIMIT = 1000


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class TextSize(StrEnum):
    """Relative sizes; the renderer turns them into dots for the paper width."""

    SMALL = "small"
    NORMAL = "normal"
    LARGE = "large"
    HUGE = "huge"


@dataclass(frozen=True)
class TextLine:
    """A paragraph of one style; ``fit`` shrinks it to one line instead of wrapping."""

    text: str
    size: TextSize = TextSize.NORMAL
    bold: bool = False
    align: Align = Align.LEFT
    fit: bool = False

    def lines(self) -> list[str]:
        return [self.text]


@dataclass(frozen=True)
class Field:
    """One fact of the receipt, printed "Label: value" with the label in bold."""

    label: str
    value: str
    size: TextSize = TextSize.NORMAL

    def lines(self) -> list[str]:
        return [f"{self.label}: {self.value}"]


@dataclass(frozen=True)
class Rule:
    """A separating line across the paper."""

    def lines(self) -> list[str]:
        return [RULE_TEXT]


@dataclass(frozen=True)
class Spacer:
    """Blank space, ``lines`` in units of the normal line height."""

    lines_high: float = 0.5

    def lines(self) -> list[str]:
        return []


@dataclass(frozen=True)
class QrBlock:
    """A QR code, centred; the citizen or a scanner reads the dossier code from it."""

    data: str

    def lines(self) -> list[str]:
        return []


@dataclass(frozen=True)
class PaperItem:
    """One paper received: name, original/copy/shown, and how many; or a paper not
    asked for again, with the earlier dossier whose digitised copy stands for it."""

    name: str
    form: PaperForm
    count: int
    reused_from: str = field(default="", kw_only=True)

    def text(self, number: int) -> str:
        return f"{self.prefix(number)}{self.body()}"

    def prefix(self, number: int) -> str:
        return f"{number}. "

    def body(self) -> str:
        return f"{self.name} {self.suffix()}"

    def suffix(self) -> str:
        if self.reused_from:
            return f"(đã có bản số hóa, mã hồ sơ {self.reused_from})"
        return f"({PAPER_FORM_LABELS[self.form]}: {self.count})"

    def suffix_parts(self) -> list[str]:
        """The suffix in pieces a printed line may break between (never inside one)."""
        if self.reused_from:
            return ["(đã có bản số hóa,", f"mã hồ sơ {self.reused_from})"]
        return [self.suffix()]


@dataclass(frozen=True)
class PaperList:
    """The papers received, numbered (form 01: "thành phần hồ sơ", with counts)."""

    heading: str
    items: tuple[PaperItem, ...]
    empty_text: str = "(Không có giấy tờ)"

    def lines(self) -> list[str]:
        if not self.items:
            return [f"{self.heading}:", self.empty_text]
        return [f"{self.heading}:"] + [item.text(n) for n, item in enumerate(self.items, 1)]


@dataclass(frozen=True)
class Framed:
    """Blocks inside a heavy frame: what the citizen must not miss (the appointment)."""

    blocks: tuple[TextLine, ...]

    def lines(self) -> list[str]:
        return [line for block in self.blocks for line in block.lines()]


Block = TextLine | Field | Rule | Spacer | QrBlock | PaperList | Framed


@dataclass(frozen=True)
class ReceiptLayout:
    """The receipt as an ordered tuple of blocks."""

    blocks: tuple[Block, ...]

    def lines(self) -> list[str]:
        """Every printed line of text, in order (QR codes and spacing print no text)."""
        return [line for block in self.blocks for line in block.lines()]

    def text(self) -> str:
        return "\n".join(self.lines())

    def qr_codes(self) -> list[str]:
        return [block.data for block in self.blocks if isinstance(block, QrBlock)]

    @classmethod
    def for_dossier(
        cls, dossier: Dossier, office: Office, reprinted_at: datetime | None = None
    ) -> ReceiptLayout:
        """The receipt of one saved dossier, every text in NFC and printable (no
        control character, no text longer than a column holds); ``reprinted_at``:
        printed again then, which the receipt says first."""
        dossier = for_print(dossier)
        blocks: list[Block] = []
        if reprinted_at is not None:
            blocks += _reprint(reprinted_at)
        blocks += _header(office)
        blocks += _code(dossier)
        blocks += _applicant(dossier.applicant)
        blocks += _request(dossier)
        blocks += _times(dossier)
        blocks += _delivery(dossier)
        blocks += _footer(dossier, office)
        return cls(tuple(_normalised(block) for block in blocks))


def reprint_text(at: datetime) -> str:
    """ "IN LẠI - 14:05 12/03/2026": when the receipt was printed again, Vietnam time."""
    return f"{REPRINT_MARK} - {to_vn(at):%H:%M %d/%m/%Y}"


def _reprint(at: datetime) -> list[Block]:
    return [
        TextLine(reprint_text(at), TextSize.LARGE, bold=True, align=Align.CENTER, fit=True),
        Rule(),
    ]


def _header(office: Office) -> list[Block]:
    blocks: list[Block] = []
    if office.parent.strip():
        blocks.append(TextLine(office.parent.upper(), align=Align.CENTER))
    blocks.append(TextLine(office.name.upper(), bold=True, align=Align.CENTER))
    if office.address.strip():
        blocks.append(TextLine(office.address, TextSize.SMALL, align=Align.CENTER))
    blocks += [Rule(), TextLine(RECEIPT_TITLE, TextSize.LARGE, bold=True, align=Align.CENTER)]
    return blocks


def _code(dossier: Dossier) -> list[Block]:
    return [
        Spacer(0.3),
        TextLine(
            f"Mã hồ sơ: {dossier.code}", TextSize.LARGE, bold=True, align=Align.CENTER, fit=True
        ),
        QrBlock(dossier.code),
        Rule(),
    ]


def _applicant(applicant: Applicant) -> list[Block]:
    organisation = applicant.kind is ApplicantKind.ORGANISATION
    blocks: list[Block] = [
        Field("Tổ chức nộp hồ sơ" if organisation else "Người nộp hồ sơ", applicant.name)
    ]
    if applicant.id_number.strip():
        shown = applicant.id_number if organisation else mask_id_number(applicant.id_number)
        blocks.append(Field("Mã số thuế" if organisation else "Số CCCD", shown))
    if applicant.principal.strip():
        blocks.append(Field("Ủy quyền cho", applicant.principal))
    if applicant.address.strip():
        blocks.append(Field("Địa chỉ", applicant.address))
    if applicant.phone.strip():
        blocks.append(Field("Điện thoại", applicant.phone))
    if applicant.email.strip():
        blocks.append(Field("Thư điện tử", applicant.email))
    return blocks


def _request(dossier: Dossier) -> list[Block]:
    return [
        Field("Thủ tục", dossier.procedure_name),
        PaperList("Giấy tờ đã nhận", tuple(_paper_item(p) for p in dossier.papers)),
        Field("Số lượng hồ sơ", f"{dossier.sets:02d} bộ"),
        Field("Thời hạn giải quyết", dossier.limit_text),
    ]


def _paper_item(paper: ReceivedPaper) -> PaperItem:
    return PaperItem(paper.name, paper.form, paper.count, reused_from=paper.reused_from)


def _times(dossier: Dossier) -> list[Block]:
    """Receipt time, then the appointment large, bold and framed."""
    appointment = dossier.appointment_at
    return [
        Field("Nhận lúc", time_and_date_text(dossier.received_at)),
        Spacer(0.4),
        Framed(
            (
                TextLine(APPOINTMENT_HEADING, TextSize.LARGE, bold=True, align=Align.CENTER),
                TextLine(
                    clock_text(appointment), TextSize.HUGE, bold=True, align=Align.CENTER, fit=True
                ),
                TextLine(
                    weekday_and_date_text(appointment),
                    TextSize.LARGE,
                    bold=True,
                    align=Align.CENTER,
                    fit=True,
                ),
            )
        ),
        Spacer(0.4),
    ]


def _delivery(dossier: Dossier) -> list[Block]:
    blocks: list[Block] = [
        Field("Nơi nhận kết quả", RESULT_DELIVERY_LABELS[dossier.result_delivery])
    ]
    if dossier.result_delivery is ResultDelivery.POST:
        address = dossier.delivery_address.strip() or dossier.applicant.address.strip()
        if address:
            blocks.append(Field("Địa chỉ nhận kết quả", address))
    return blocks


def _footer(dossier: Dossier, office: Office) -> list[Block]:
    blocks: list[Block] = [Field("Cán bộ tiếp nhận", dossier.clerk_name)]
    if office.hotline.strip():
        blocks.append(Field("Đường dây nóng", office.hotline))
    if dossier.result_delivery is ResultDelivery.POST:
        closing = "Kết quả sẽ được gửi qua dịch vụ bưu chính đến địa chỉ trên."
    else:
        closing = "Vui lòng mang theo giấy này và giấy tờ tùy thân khi đến nhận kết quả."
    blocks += [Rule(), TextLine(closing, TextSize.SMALL, align=Align.CENTER)]
    return blocks


def _clean(text: str) -> str:
    """NFC (decomposed input misplaces marks), no control character, at most ``TEXT_LIMIT``."""
    return printable(nfc(text), TEXT_LIMIT)


def _normalised(block: Block) -> Block:
    """The same block with every string cleaned (``_clean``)."""
    if isinstance(block, TextLine):
        return TextLine(_clean(block.text), block.size, block.bold, block.align, block.fit)
    if isinstance(block, Field):
        return Field(_clean(block.label), _clean(block.value), block.size)
    if isinstance(block, QrBlock):
        return QrBlock(_clean(block.data))
    if isinstance(block, PaperList):
        items = tuple(
            replace(i, name=_clean(i.name), reused_from=_clean(i.reused_from)) for i in block.items
        )
        return PaperList(_clean(block.heading), items, _clean(block.empty_text))
    if isinstance(block, Framed):
        return Framed(tuple(_normalised(line) for line in block.blocks))  # type: ignore[misc]
    return block
