"""The queue's set-up: service groups, counters, and the rules and display settings.

Groups are the kiosk's buttons (a letter, a name, the procedure fields they
take); counters say which groups they call. The rules are the office's
choice: how many priority tickets may be called in a row while others wait,
and how many calls before a ticket may be marked absent. Only an admin saves.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import UserError, ValidationError
from desk.domain.office import Clerk
from desk.domain.queue import Counter, QueueRules, ServiceGroup
from desk.domain.translation import translated
from desk.services import queue_setup
from desk.storage.database import Database
from desk.ui.admin.printer_dialog import paper_choices
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import (
    FieldErrors,
    Notice,
    clean_text,
    fill_table,
    read_only_table,
    vietnamese_buttons,
)
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import fit_to_screen


def _checked(items: QListWidget) -> list[object]:
    return [
        items.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(items.count())
        if items.item(i).checkState() == Qt.CheckState.Checked
    ]


def _fill_checks(items: QListWidget, choices: list[tuple[object, str]], on: set[object]) -> None:
    items.clear()
    for value, label in choices:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in on else Qt.CheckState.Unchecked)
        items.addItem(item)


def _selected_data(table: QTableWidget) -> object:
    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)


@dataclass(frozen=True)
class QueueShown:
    """What the dialog shows: the groups, the counters, the rules and display settings,
    the kiosk's printer (address, paper), and the catalog's fields a group may serve."""

    groups: list[ServiceGroup]
    counters: list[Counter]
    rules: QueueRules
    notices: str
    sound: bool
    kiosk_printer: tuple[str, str]
    fields: list[str]


class QueueDialog(QDialog):
    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        found: QueueShown | None = None,
    ) -> None:
        """``found``: what ``read`` gave (read here when not given)."""
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.setWindowTitle(self.title())
        found = found if found is not None else self.read(db)
        self._fields = found.fields
        self.tabs = QTabWidget()
        self.tabs.addTab(self._groups_tab(), translate("QueueDialog", "Nhóm dịch vụ"))
        self.tabs.addTab(self._counters_tab(), translate("QueueDialog", "Quầy"))
        self.tabs.addTab(self._settings_tab(), translate("QueueDialog", "Cài đặt"))
        self.notice = Notice()
        self._saves = DialogSave(self, self.notice)
        #: The group or counter saved last, once saved.
        self.last_saved: ServiceGroup | Counter | None = None
        buttons = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 680)
        self.show_queue(found)
        if not clerk.is_admin:
            for button in (self.save_group_button, self.save_counter_button, self.save_settings):
                button.setEnabled(False)
            self.notice.show_error(
                translate("QueueDialog", "Chỉ quản trị viên mới được sửa cài đặt hàng đợi.")
            )

    # ------------------------------------------------------------ groups

    def _groups_tab(self) -> QWidget:
        self.group_errors = FieldErrors()
        self.group_table = read_only_table(
            [
                translate("QueueDialog", "Ký hiệu"),
                translate("QueueDialog", "Tên nhóm"),
                translate("QueueDialog", "Đang dùng"),
                translate("QueueDialog", "Lĩnh vực"),
            ]
        )
        self.group_table.itemSelectionChanged.connect(self._group_selected)
        self.letter_edit = QLineEdit()
        self.letter_edit.setMaxLength(1)
        self.letter_edit.setFixedWidth(60)
        self.group_name_edit = QLineEdit()
        self.group_name_edit.setPlaceholderText(translate("QueueDialog", "Ví dụ: Hộ tịch"))
        self.fields_list = QListWidget()
        self.fields_list.setMaximumHeight(150)
        self.group_active = QCheckBox(translate("QueueDialog", "Nhận số ở máy lấy số"))
        self.new_group_button = QPushButton(translate("QueueDialog", "Thêm nhóm mới"))
        self.new_group_button.clicked.connect(lambda: self._edit_group(None))
        self.save_group_button = QPushButton(translate("QueueDialog", "Lưu nhóm"))
        self.save_group_button.clicked.connect(self.save_group)
        form = QFormLayout()
        form.addRow(
            translate("QueueDialog", "Ký hiệu:"), self.group_errors.wrap("letter", self.letter_edit)
        )
        form.addRow(
            translate("QueueDialog", "Tên nhóm:"),
            self.group_errors.wrap("name", self.group_name_edit),
        )
        form.addRow(translate("QueueDialog", "Lĩnh vực thủ tục:"), self.fields_list)
        form.addRow("", self.group_active)
        return self._tab(self.group_table, form, self.new_group_button, self.save_group_button)

    def _tab(
        self, table: QTableWidget, form: QFormLayout, new: QPushButton, save: QPushButton
    ) -> QWidget:
        page = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def _group_selected(self) -> None:
        group_id = _selected_data(self.group_table)
        self._edit_group(next((g for g in self.groups if g.id == group_id), None))

    def _edit_group(self, group: ServiceGroup | None) -> None:
        self.editing_group = group
        self.group_errors.clear()
        self.letter_edit.setText(group.letter if group else "")
        self.group_name_edit.setText(group.name if group else "")
        self.group_active.setChecked(group.active if group else True)
        fields = self._fields
        mapped = list(group.fields) if group else []
        choices = [(f, f) for f in dict.fromkeys(fields + mapped)]
        _fill_checks(self.fields_list, choices, set(mapped))

    def save_group(self) -> bool:
        """Save the group in the form, off the window's thread (``last_saved`` once saved);
        a problem is said under its field. ``False`` when a save is already on its way."""
        self.notice.clear_notice()
        current = self.editing_group
        group = ServiceGroup(
            id=current.id if current else 0,
            letter=clean_text(self.letter_edit),
            name=clean_text(self.group_name_edit),
            fields=tuple(str(f) for f in _checked(self.fields_list)),
            position=current.position if current else 0,
            active=self.group_active.isChecked(),
        )
        db = self.db

        def saved(group: ServiceGroup) -> None:
            self.notice.show_ok(
                translate("QueueDialog", "Đã lưu nhóm {0} · {1}.").format(group.letter, group.name)
            )

        return self._save(lambda: queue_setup.save_group(db, group), self.group_errors, saved)

    # ------------------------------------------------------------ counters

    def _counters_tab(self) -> QWidget:
        self.counter_errors = FieldErrors()
        self.counter_table = read_only_table(
            [
                translate("QueueDialog", "Số quầy"),
                translate("QueueDialog", "Tên"),
                translate("QueueDialog", "Đang dùng"),
                translate("QueueDialog", "Nhóm phục vụ"),
            ]
        )
        self.counter_table.itemSelectionChanged.connect(self._counter_selected)
        self.number_spin = QSpinBox()
        self.number_spin.setRange(1, 99)
        self.counter_name_edit = QLineEdit()
        self.counter_name_edit.setPlaceholderText(
            translate("QueueDialog", "Để trống: “Quầy” và số quầy")
        )
        self.served_list = QListWidget()
        self.served_list.setMaximumHeight(150)
        self.counter_active = QCheckBox(translate("QueueDialog", "Đang dùng"))
        self.new_counter_button = QPushButton(translate("QueueDialog", "Thêm quầy mới"))
        self.new_counter_button.clicked.connect(lambda: self._edit_counter(None))
        self.save_counter_button = QPushButton(translate("QueueDialog", "Lưu quầy"))
        self.save_counter_button.clicked.connect(self.save_counter)
        form = QFormLayout()
        form.addRow(
            translate("QueueDialog", "Số quầy:"),
            self.counter_errors.wrap("number", self.number_spin),
        )
        form.addRow(
            translate("QueueDialog", "Tên quầy:"),
            self.counter_errors.wrap("name", self.counter_name_edit),
        )
        form.addRow(
            translate("QueueDialog", "Gọi số của nhóm:"),
            self.counter_errors.wrap("groups", self.served_list),
        )
        form.addRow("", self.counter_active)
        return self._tab(
            self.counter_table, form, self.new_counter_button, self.save_counter_button
        )

    def _counter_selected(self) -> None:
        counter_id = _selected_data(self.counter_table)
        self._edit_counter(next((c for c in self.counters if c.id == counter_id), None))

    def _edit_counter(self, counter: Counter | None) -> None:
        self.editing_counter = counter
        self.counter_errors.clear()
        next_number = max((c.number for c in self.counters), default=0) + 1
        self.number_spin.setValue(counter.number if counter else min(99, next_number))
        self.counter_name_edit.setText(counter.name if counter else "")
        self.counter_active.setChecked(counter.active if counter else True)
        choices = [(g.id, f"{g.letter} · {g.name}") for g in self.groups]
        _fill_checks(self.served_list, choices, set(counter.group_ids) if counter else set())

    def save_counter(self) -> bool:
        """Save the counter in the form, off the window's thread (``last_saved`` once
        saved). ``False`` when a save is already on its way."""
        self.notice.clear_notice()
        current = self.editing_counter
        counter = Counter(
            id=current.id if current else 0,
            number=self.number_spin.value(),
            name=clean_text(self.counter_name_edit),
            group_ids=tuple(int(g) for g in _checked(self.served_list)),  # type: ignore[call-overload]
            active=self.counter_active.isChecked(),
        )
        db = self.db

        def saved(counter: Counter) -> None:
            self.notice.show_ok(translate("QueueDialog", "Đã lưu {0}.").format(counter.label))

        return self._save(lambda: queue_setup.save_counter(db, counter), self.counter_errors, saved)

    # ------------------------------------------------------------ settings

    def _settings_tab(self) -> QWidget:
        page = QWidget()
        self.run_spin = QSpinBox()
        self.run_spin.setRange(0, 20)
        self.run_spin.setToolTip(
            translate(
                "QueueDialog", "0: số ưu tiên không được gọi trước, mọi số theo thứ tự lấy số."
            )
        )
        self.no_show_spin = QSpinBox()
        self.no_show_spin.setRange(1, 10)
        self.notices_edit = QPlainTextEdit()
        self.notices_edit.setMaximumHeight(110)
        self.sound_check = QCheckBox(
            translate("QueueDialog", "Đọc số gọi trên loa của màn hình chờ")
        )
        self.printer_edit = QLineEdit()
        self.printer_edit.setPlaceholderText(
            translate("QueueDialog", "none, tcp://192.168.1.60:9100, win32:TÊN MÁY IN")
        )
        self.paper_combo = QComboBox()
        for key, label in paper_choices():
            self.paper_combo.addItem(translated(label), key)
        self.save_settings = QPushButton(translate("QueueDialog", "Lưu cài đặt"))
        self.save_settings.clicked.connect(self.save_settings_clicked)
        form = QFormLayout(page)
        form.addRow(
            translate("QueueDialog", "Số ưu tiên được gọi liên tiếp, tối đa:"), self.run_spin
        )
        form.addRow(
            translate("QueueDialog", "Gọi bao nhiêu lần mới được đánh dấu vắng mặt:"),
            self.no_show_spin,
        )
        form.addRow(
            translate("QueueDialog", "Dòng thông báo chạy trên màn hình chờ:"), self.notices_edit
        )
        form.addRow("", self.sound_check)
        form.addRow(translate("QueueDialog", "Máy in phiếu của máy lấy số:"), self.printer_edit)
        form.addRow(translate("QueueDialog", "Khổ giấy phiếu:"), self.paper_combo)
        form.addRow("", self.save_settings)
        return page

    def save_settings_clicked(self) -> bool:
        """Save the queue's settings off the window's thread; the notice says it is done,
        or why not. ``False`` when a save is already on its way."""
        self.notice.clear_notice()
        db = self.db
        rules = QueueRules(self.run_spin.value(), self.no_show_spin.value())
        notices, sound = clean_text(self.notices_edit), self.sound_check.isChecked()
        printer, paper = clean_text(self.printer_edit) or "none", self.paper_combo.currentData()

        def work() -> None:
            queue_setup.set_rules(db, rules)
            queue_setup.set_notices(db, notices)
            queue_setup.set_sound_enabled(db, sound)
            queue_setup.set_kiosk_printer(db, printer, paper)

        return self._saves.run(
            work,
            lambda _: self.notice.show_ok(translate("QueueDialog", "Đã lưu cài đặt hàng đợi.")),
            lambda exc: self.notice.show_error(exc.message),
        )

    # ------------------------------------------------------------ common

    def _save(self, action, errors: FieldErrors, done) -> bool:  # noqa: ANN001
        """``action()`` off the window's thread, then the dialog's lists read again with
        it; ``done(saved)`` and ``last_saved`` once shown, a problem under its field."""
        db = self.db

        def work():  # noqa: ANN202
            return action(), self.read(db)

        def saved(result) -> None:  # noqa: ANN001
            self.last_saved, shown = result
            self.show_queue(shown)
            done(self.last_saved)

        def refused(exc: UserError) -> None:
            if isinstance(exc, ValidationError):
                left = errors.show(exc.errors)
                if left:
                    self.notice.show_error(exc.errors[left[0]])
            else:
                self.notice.show_error(exc.message)

        return self._saves.run(work, saved, refused)

    def saving(self) -> bool:
        """Whether a group, a counter or the settings are being saved."""
        return self._saves.waiting()

    @staticmethod
    def title() -> str:
        return translate("QueueDialog", "Hàng đợi và lấy số")

    @staticmethod
    def read(db: Database) -> QueueShown:
        """What the dialog shows, the default groups and counters made first if the office
        has none (it may wait on the server: run off the window's thread)."""
        queue_setup.ensure_defaults(db)
        return QueueShown(
            queue_setup.list_groups(db),
            queue_setup.list_counters(db),
            queue_setup.get_rules(db),
            queue_setup.get_notices(db),
            queue_setup.sound_enabled(db),
            queue_setup.kiosk_printer(db),
            queue_setup.catalog_fields(db),
        )

    def show_queue(self, shown: QueueShown) -> None:
        self.groups = shown.groups
        self.counters = shown.counters
        self._fields = shown.fields
        yes, no = translate("QueueDialog", "Có"), translate("QueueDialog", "Không")
        fill_table(
            self.group_table,
            [(g.letter, g.name, yes if g.active else no, "; ".join(g.fields)) for g in self.groups],
            [g.id for g in self.groups],
        )
        letters = {g.id: g.letter for g in self.groups}
        fill_table(
            self.counter_table,
            [
                (
                    str(c.number),
                    c.label,
                    yes if c.active else no,
                    ", ".join(letters.get(g, "?") for g in c.group_ids),
                )
                for c in self.counters
            ],
            [c.id for c in self.counters],
        )
        self._edit_group(None)
        self._edit_counter(None)
        rules = shown.rules
        self.run_spin.setValue(rules.max_priority_run)
        self.no_show_spin.setValue(rules.no_show_after)
        self.notices_edit.setPlainText(shown.notices)
        self.sound_check.setChecked(shown.sound)
        uri, paper = shown.kiosk_printer
        self.printer_edit.setText(uri)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))
