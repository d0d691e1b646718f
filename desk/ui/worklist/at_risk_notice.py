"""Telling a supervisor, as they sign in, how many dossiers need an apology now.

The apology must reach the citizen at the latest one day before the appointment
(Decree 118/2025 art. 19(6)), so the head of the one-stop desk is told at once:
a line in the status bar that stays (and follows the count as it is renewed;
a click on it opens the list), and once per sign-in a dialog with a button to
the list. Plain clerks see the count on the worklist's tab only.

The count is asked for once the main window is first shown, so the window
appears as fast as before; it is computed off the window's thread (at start-up,
on the bare driver before the rest of the window is built: ``desk.ui.first_start``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from desk.ui.widgets.qt_helpers import ERROR_COLOUR, translate

if TYPE_CHECKING:
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
    """Tells a supervisor how many dossiers are at risk, once the list is counted.

    The list is asked for when ``window`` is first shown, or at once when the window
    already is (completed after its first screen). On the first screen the count
    comes before the list's view exists (``counted``, from the bare start); ``follow``
    then gives the view, whose renewed counts it shows from then on.
    """

    def __init__(
        self,
        window: QMainWindow,
        at_risk: AtRiskView | None,
        supervisor: bool,
        show_list: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window, self._show_list = window, show_list
        self._supervisor = supervisor
        self._at_risk: AtRiskView | None = None
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
        if at_risk is not None:
            self.follow(at_risk)

    def follow(self, at_risk: AtRiskView) -> None:
        """Show ``at_risk``'s counts from now on; ask for its first list unless it has one."""
        self._at_risk = at_risk
        if self._supervisor:
            at_risk.counted.connect(self.counted)
        if at_risk.count is not None:
            return
        if self._window.isVisible():
            self._shown = True
            QTimer.singleShot(0, at_risk.refresh)
        else:
            self._window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and not self._shown and self._at_risk is not None:
            self._shown = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._at_risk.refresh)
        return False

    def counted(self, count: int) -> None:
        """A new count: the line, and the dialog the first time there is something to do."""
        if not self._supervisor:
            return
        text = status_text(count)
        if count:
            text = f'<a href="at-risk" style="color:{ERROR_COLOUR}; font-weight:bold">{text}</a>'
        self.label.setText(text)
        self.label.setToolTip(translate("AtRiskNotice", "Bấm để xem danh sách hồ sơ cần xin lỗi."))
        self.label.show()
        if not self._counted_once and count:  # at sign-in only, not at each renewal
            self.box = ask(self._window, count, self._show_list)
        self._counted_once = True
