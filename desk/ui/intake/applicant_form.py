"""The two right-hand parts of the intake form: who submits, and how the result goes back.

A person is identified by the CCCD (12 digits), an organisation by its tax
code; the labels change with the choice so the clerk types the right number.
Someone may submit for another (ủy quyền): the principal is recorded too.
The result is collected at the counter or sent by post, and then an address
is needed (Decree 118/2025 art. 15 and 22: the receipt states where the result goes).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.domain.dossier import Applicant, ApplicantKind, ResultDelivery
from desk.domain.procedure import CHANNEL_LABELS, Channel
from desk.domain.scan_text import CccdCard
from desk.domain.translation import translated
from desk.ui.intake.consent_box import ConsentBox
from desk.ui.widgets.qt_helpers import FieldError, translate

CONTEXT = "IntakeWindow"
_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


def parse_birth_date(text: str) -> date | None:
    """A date typed as dd/mm/yyyy (or with dots or dashes, or as 8 digits); empty is none."""
    value = text.strip()
    if not value:
        return None
    if value.isdigit() and len(value) == 8:
        value = f"{value[:2]}/{value[2:4]}/{value[4:]}"
    m = _DATE.match(value)
    if m is None:
        raise ValueError(value)
    day, month, year = (int(g) for g in m.groups())
    return date(year, month, day)


def with_error(field: QWidget, error: FieldError) -> QWidget:
    """The input and, right under it, its error line."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class _Section(QGroupBox):
    """A titled group of inputs, each with its error line, keyed by field name."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.errors: dict[str, FieldError] = {}
        self._edits: dict[str, QLineEdit] = {}

    def _line(self, key: str, placeholder: str = "", with_error_line: bool = True) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        if with_error_line:
            error = FieldError(self)
            error.setObjectName(f"error_{key}")
            self.errors[key] = error
            self._edits[key] = edit
            edit.textEdited.connect(error.clear_message)
        return edit

    def _row(self, key: str) -> QWidget:
        return with_error(self._edits[key], self.errors[key])

    def line_edits(self) -> dict[str, QLineEdit]:
        """The text inputs that have an error line, by field name."""
        return dict(self._edits)


class ApplicantForm(_Section):
    """Person or organisation, name, identity number, birth date, address, contacts, principal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("IntakeWindow", "Người nộp hồ sơ"), parent)
        self.person_radio = QRadioButton(translate("IntakeWindow", "Cá nhân"), self)
        self.organisation_radio = QRadioButton(translate("IntakeWindow", "Tổ chức"), self)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.person_radio)
        self.kind_group.addButton(self.organisation_radio)
        kinds = QHBoxLayout()
        kinds.addWidget(self.person_radio)
        kinds.addWidget(self.organisation_radio)
        kinds.addStretch(1)
        self.name_edit = self._line("name")
        self.id_edit = self._line("id_number")
        self.birth_edit = self._line(
            "birth_date", translate("IntakeWindow", "ngày/tháng/năm, ví dụ 05/09/1990")
        )
        self.address_edit = self._line("address")
        self.phone_edit = self._line("phone", translate("IntakeWindow", "ví dụ 0912345678"))
        self.email_edit = self._line("email", translate("IntakeWindow", "ví dụ ten@example.vn"))
        self.principal_edit = self._line(
            "principal",
            translate("IntakeWindow", "Họ tên người hoặc tổ chức ủy quyền, nếu nộp thay"),
        )
        self.consent_box = ConsentBox(self)  # SMS, e-mail, Zalo: what the citizen agrees to
        self.consent_box.watch(self.phone_edit, self.email_edit)
        self.name_label = QLabel(self)
        self.id_label = QLabel(self)
        self.birth_label = QLabel(translate("IntakeWindow", "Ngày sinh:"), self)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("IntakeWindow", "Người nộp:"), kinds)
        form.addRow(self.name_label, self._row("name"))
        form.addRow(self.id_label, self._row("id_number"))
        form.addRow(self.birth_label, self._row("birth_date"))
        form.addRow(translate("IntakeWindow", "Địa chỉ:"), self._row("address"))
        form.addRow(translate("IntakeWindow", "Điện thoại:"), self._row("phone"))
        form.addRow(translate("IntakeWindow", "Thư điện tử:"), self._row("email"))
        form.addRow(translate("IntakeWindow", "Đồng ý nhận tin:"), self.consent_box)
        form.addRow(translate("IntakeWindow", "Người ủy quyền:"), self._row("principal"))
        self.person_radio.toggled.connect(lambda _on: self._on_kind_changed())
        self.clear()

    def tab_chain(self) -> list[QWidget]:
        return [
            self.person_radio,
            self.organisation_radio,
            self.name_edit,
            self.id_edit,
            self.birth_edit,
            self.address_edit,
            self.phone_edit,
            self.email_edit,
            *self.consent_box.widgets(),
            self.principal_edit,
        ]

    def is_person(self) -> bool:
        return self.person_radio.isChecked()

    def _on_kind_changed(self) -> None:
        person = self.is_person()
        self.name_label.setText(
            translate("IntakeWindow", "Họ và tên:")
            if person
            else translate("IntakeWindow", "Tên tổ chức:")
        )
        self.id_label.setText(
            translate("IntakeWindow", "Số CCCD:")
            if person
            else translate("IntakeWindow", "Mã số thuế:")
        )
        self.id_edit.setPlaceholderText(
            translate("IntakeWindow", "12 chữ số")
            if person
            else translate("IntakeWindow", "10 chữ số, hoặc 0101234567-001")
        )
        self.birth_edit.setEnabled(person)
        self.birth_label.setEnabled(person)
        self.errors["id_number"].clear_message()
        self.errors["name"].clear_message()
        self.errors["birth_date"].clear_message()

    def applicant(self) -> tuple[Applicant, dict[str, str]]:
        """The applicant as typed, and the problems only the form can see (an unreadable date)."""
        local: dict[str, str] = {}
        birth: date | None = None
        if self.is_person():
            try:
                birth = parse_birth_date(self.birth_edit.text())
            except ValueError:
                local["birth_date"] = translate(
                    "IntakeWindow",
                    "Ngày sinh phải theo dạng ngày/tháng/năm có thật, ví dụ 05/09/1990.",
                )
        applicant = Applicant(
            name=self.name_edit.text(),
            kind=ApplicantKind.PERSON if self.is_person() else ApplicantKind.ORGANISATION,
            id_number=self.id_edit.text(),
            birth_date=birth,
            address=self.address_edit.text(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            principal=self.principal_edit.text(),
        )
        return applicant, local

    def fill_from_card(self, card: CccdCard) -> None:
        """The person read from a CCCD / Căn cước QR: name, number, birth date, address."""
        self.person_radio.setChecked(True)
        self.name_edit.setText(card.name)
        self.id_edit.setText(card.id_number)
        self.birth_edit.setText(f"{card.birth_date:%d/%m/%Y}" if card.birth_date else "")
        self.address_edit.setText(card.address)
        for key in ("name", "id_number", "birth_date", "address"):
            self.errors[key].clear_message()

    def is_dirty(self) -> bool:
        return any(edit.text().strip() for edit in self._edits.values())

    def clear(self) -> None:
        self.person_radio.setChecked(True)
        for edit in self._edits.values():
            edit.clear()
        self._on_kind_changed()
        for error in self.errors.values():
            error.clear_message()


class DeliveryForm(_Section):
    """How the dossier came in, where the result goes, how many sets, a note."""

    channel_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("IntakeWindow", "Nộp hồ sơ và nhận kết quả"), parent)
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("channel")
        for channel in Channel:
            self.channel_combo.addItem(translated(CHANNEL_LABELS[channel]), channel.value)
        self.counter_radio = QRadioButton(translate("IntakeWindow", "Tại Bộ phận Một cửa"), self)
        self.post_radio = QRadioButton(translate("IntakeWindow", "Qua dịch vụ bưu chính"), self)
        self.delivery_group = QButtonGroup(self)
        self.delivery_group.addButton(self.counter_radio)
        self.delivery_group.addButton(self.post_radio)
        deliveries = QHBoxLayout()
        deliveries.addWidget(self.counter_radio)
        deliveries.addWidget(self.post_radio)
        deliveries.addStretch(1)
        self.delivery_address_edit = self._line(
            "delivery_address", translate("IntakeWindow", "Địa chỉ nhận kết quả qua bưu chính")
        )
        self.sets_spin = QSpinBox(self)
        self.sets_spin.setObjectName("sets")
        self.sets_spin.setRange(1, 99)
        self.sets_spin.setSuffix(translate("IntakeWindow", " bộ"))
        self.errors["sets"] = FieldError(self)
        self.errors["sets"].setObjectName("error_sets")
        self.note_edit = self._line("note")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("IntakeWindow", "Hình thức nộp:"), self.channel_combo)
        form.addRow(translate("IntakeWindow", "Nhận kết quả:"), deliveries)
        form.addRow(translate("IntakeWindow", "Địa chỉ nhận:"), self._row("delivery_address"))
        form.addRow(
            translate("IntakeWindow", "Số lượng hồ sơ:"),
            with_error(self.sets_spin, self.errors["sets"]),
        )
        form.addRow(translate("IntakeWindow", "Ghi chú:"), self._row("note"))
        self.channel_combo.currentIndexChanged.connect(lambda _i: self.channel_changed.emit())
        self.post_radio.toggled.connect(lambda _on: self._on_delivery_changed())
        self.sets_spin.valueChanged.connect(lambda _v: self.errors["sets"].clear_message())
        self.clear()

    def tab_chain(self) -> list[QWidget]:
        return [
            self.channel_combo,
            self.counter_radio,
            self.post_radio,
            self.delivery_address_edit,
            self.sets_spin,
            self.note_edit,
        ]

    def _on_delivery_changed(self) -> None:
        by_post = self.post_radio.isChecked()
        self.delivery_address_edit.setEnabled(by_post)
        if not by_post:
            self.errors["delivery_address"].clear_message()

    def channel(self) -> Channel:
        return Channel(self.channel_combo.currentData())

    def set_channel(self, channel: Channel) -> None:
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(channel.value))

    def result_delivery(self) -> ResultDelivery:
        return ResultDelivery.POST if self.post_radio.isChecked() else ResultDelivery.COUNTER

    def delivery_address(self) -> str:
        """The address typed, only when the result goes by post."""
        return self.delivery_address_edit.text() if self.post_radio.isChecked() else ""

    def is_dirty(self) -> bool:
        return bool(self.delivery_address_edit.text().strip() or self.note_edit.text().strip())

    def clear(self) -> None:
        self.set_channel(Channel.COUNTER)
        self.counter_radio.setChecked(True)
        self.delivery_address_edit.clear()
        self.note_edit.clear()
        self.sets_spin.setValue(1)
        self._on_delivery_changed()
        for error in self.errors.values():
            error.clear_message()
