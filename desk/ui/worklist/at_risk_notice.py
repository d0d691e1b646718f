"""Telling a supervisor, as they sign in, how many dossiers need an apology now.

The apology must reach the citizen at the latest one day before the appointment
(Decree 118/2025 art. 19(6)), so the head of the one-stop desk is told at once:
a line in the status bar that stays (and follows the count as it is renewed;
a click on it opens the list), and once per sign-in a dialog with a button to
the list. Plain clerks see the count on the worklist's tab only.

The count is asked for once the main window is first shown, so the window
appears as fast as before; it is computed off the window's thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from desk.ui.widgets.qt_helpers import ERROR_COLOUR, translate
from desk.ui.worklist.at_risk_view import AtRiskView

CONTEXT = "AtRiskNotice"


def status_text(count: int) -> str:
    if count == 0:
        return translate("AtRiskNotice", "Không có hồ sơ nào có nguy cơ trễ hạn.")
    return translate("AtRiskNotice", "Có {n} hồ sơ có nguy cơ trễ hạn, cần xin lỗi.").format(
        n=count
    )


def ask(window: QMainWindow, count: int, show_list: Callable[[], None]) -> QMessageBox:
    """The dialog with a button to the list; not modal: the counter goes on working."""
    box = QMessageBox(window)
    box.setObjectName("at_risk_box")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("AtRiskNotice", "Hồ sơ cần xin lỗi"))
    box.setText(
        translate(
            "AtRiskNotice",
            "Có {n} hồ sơ có nguy cơ trễ hạn, cần xin lỗi và hẹn lại ngày trả kết quả.",
        ).format(n=count)
    )
    box.setInformativeText(
        translate(
            "AtRiskNotice",
            "Phiếu xin lỗi phải đến người nộp chậm nhất một ngày làm việc trước ngày hẹn, và "
            "ngày hẹn chỉ được đổi một lần (Nghị định 118/2025/NĐ-CP, điều 19 khoản 6).",
        )
    )
    show = box.addButton(
        translate("AtRiskNotice", "Xem danh sách"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("AtRiskNotice", "Để sau"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(show)
    show.clicked.connect(show_list)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


class SignInNotice(QObject):
    """Counts the dossiers at risk when ``window`` is first shown; tells a supervisor."""

    def __init__(
        self,
        window: QMainWindow,
        at_risk: AtRiskView,
        supervisor: bool,
        show_list: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window, self._at_risk, self._show_list = window, at_risk, show_list
        self._shown = self._counted_once = False
        #: The dialog shown to the supervisor, if any.
        self.box: QMessageBox | None = None
        #: The supervisor's line in the status bar (a link to the list).
        self.label = QLabel(window)
        self.label.setObjectName("at_risk_label")
        self.label.setContentsMargins(8, 0, 8, 0)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.linkActivated.connect(lambda _link: show_list())
        self.label.hide()
        if supervisor:
            window.statusBar().insertPermanentWidget(0, self.label)
            at_risk.counted.connect(self._counted)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._at_risk.refresh)
        return False

    def _counted(self, count: int) -> None:
        text = status_text(count)
        if count:
            text = f'<a href="at-risk" style="color:{ERROR_COLOUR}; font-weight:bold">{text}</a>'
        self.label.setText(text)
        self.label.setToolTip(translate("AtRiskNotice", "Bấm để xem danh sách hồ sơ cần xin lỗi."))
        self.label.show()
        if not self._counted_once and count:  # at sign-in only, not at each renewal
            self.box = ask(self._window, count, self._show_list)
        self._counted_once = True
