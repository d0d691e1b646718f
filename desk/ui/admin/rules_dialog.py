"""Quản trị › Quy định áp dụng: every one-stop rule the desk applies, with its source.

The table says, for each rule, the text and article it comes from and whether
that text was read. A rule whose text in force was not found stands as an office
setting with the desk's long-standing behaviour as default; the admin chooses it
here (audited). Anyone may read the list; only the admin changes a setting.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.legal_rules import LATE_COUNTING_LABELS, RULES, LateCounting
from desk.domain.office import Clerk
from desk.domain.translation import translated
from desk.services import office_rules
from desk.storage.database import Database
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import Notice, fill_table, read_only_table, vietnamese_buttons
from desk.ui.widgets.qt_helpers import translate


class RulesDialog(QDialog):
    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        found: LateCounting | None = None,
    ) -> None:
        """``found``: the office's setting as ``read`` gave it (read here when not given)."""
        super().__init__(parent)
        self.db, self.clerk = db, clerk
        self.setWindowTitle(self.title())
        intro = QLabel(
            translate(
                "RulesDialog",
                "Các quy định desk áp dụng khi tiếp nhận, hẹn trả và lập phiếu, kèm văn bản gốc. "
                "Quy định có văn bản chưa đối chiếu được là cài đặt của cơ quan: giữ mặc định "
                "hoặc chọn theo hướng dẫn của cấp trên.",
            )
        )
        intro.setWordWrap(True)
        self.table = read_only_table(
            [
                translate("RulesDialog", "Quy định"),
                translate("RulesDialog", "Đã đối chiếu"),
                translate("RulesDialog", "Nguồn"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        yes, no = translate("RulesDialog", "Có"), translate("RulesDialog", "Chưa")
        fill_table(
            self.table,
            [(translated(r.rule), yes if r.confirmed else no, translated(r.source)) for r in RULES],
            [r.key for r in RULES],
        )
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        self.late_combo = QComboBox()
        for value, label in LATE_COUNTING_LABELS.items():
            self.late_combo.addItem(translated(label), value.value)
        late = found if found is not None else self.read(db)
        self.late_combo.setCurrentIndex(self.late_combo.findData(late.value))
        self.save_button = QPushButton(translate("RulesDialog", "Lưu cài đặt"))
        self.save_button.clicked.connect(self.save)
        for widget in (self.late_combo, self.save_button):
            widget.setEnabled(clerk.is_admin)
        settings_box = QGroupBox(
            translate("RulesDialog", "Cài đặt của cơ quan (văn bản chưa quy định rõ)")
        )
        form = QFormLayout(settings_box)
        form.addRow(
            translate("RulesDialog", "Hồ sơ đã xin lỗi, hẹn lại được tính:"), self.late_combo
        )
        form.addRow(self.save_button)
        self.notice = Notice()
        self._saves = DialogSave(self, self.notice)
        if not clerk.is_admin:
            self.notice.show_error(
                translate("RulesDialog", "Chỉ quản trị viên mới được đổi cài đặt.")
            )
        close = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(settings_box)
        layout.addWidget(self.notice)
        layout.addWidget(close)
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width() - 40), min(700, screen.height() - 60))
        self.table.resizeRowsToContents()

    @staticmethod
    def title() -> str:
        return translate("RulesDialog", "Quy định áp dụng")

    @staticmethod
    def read(db: Database) -> LateCounting:
        """What the dialog shows (it may wait on the server: read off the window's thread)."""
        return office_rules.late_counting(db)

    def save(self) -> bool:
        """Save the choice off the window's thread; the notice says what was saved, or
        why not. ``False`` when a save is already on its way."""
        self.notice.clear_notice()
        db, clerk, choice = self.db, self.clerk, LateCounting(self.late_combo.currentData())

        def saved(chosen: LateCounting) -> None:
            self.notice.show_ok(
                translate("RulesDialog", "Đã lưu: {choice}.").format(
                    choice=translated(LATE_COUNTING_LABELS[chosen])
                )
            )

        return self._saves.run(
            lambda: office_rules.set_late_counting(db, clerk, choice),
            saved,
            lambda exc: self.notice.show_error(exc.message),
        )

    def saving(self) -> bool:
        """Whether the choice is being saved."""
        return self._saves.waiting()
