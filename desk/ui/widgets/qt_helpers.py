"""Small Qt pieces the windows share: images, field errors, messages in the clerk's language.

Qt ships no Vietnamese translation of its own dialogs (the desk carries its own
``qtbase_vi``), so message boxes here make their buttons themselves, with texts
that go through :func:`translate` like every screen text: Vietnamese at the
source, English from the desk's catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

if TYPE_CHECKING:  # a receipt's or a scan's picture: the window opens without PIL
    from PIL import Image

ERROR_COLOUR = "#b00020"
OK_COLOUR = "#1b5e20"


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate``: all screen text goes through it.

    Call it with a literal context and text so ``pyside6-lupdate`` finds them.
    """
    return QCoreApplication.translate(context, text)


def pil_to_qimage(image: Image.Image) -> QImage:
    """A deep copy of a PIL image as a QImage, pixel for pixel (no smoothing, no scaling).

    Receipt images are 1-bit or greyscale; they are drawn as greyscale so what
    the screen shows is exactly what the printer gets.
    """
    if image.mode in ("1", "L"):
        grey = image.convert("L")
        data = grey.tobytes()
        qimage = QImage(data, grey.width, grey.height, grey.width, QImage.Format.Format_Grayscale8)
    else:
        rgba = image.convert("RGBA")
        data = rgba.tobytes()
        qimage = QImage(
            data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888
        )
    return qimage.copy()  # the QImage above only borrows ``data``


def pil_to_pixmap(image: Image.Image) -> QPixmap:
    return QPixmap.fromImage(pil_to_qimage(image))


class FieldError(QLabel):
    """A red message right under one input; takes no room while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setVisible(False)

    def set_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.set_message("")

    def message(self) -> str:
        return self.text() if not self.isHidden() else ""


def message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """A message box with one "Đóng" (close) button, not yet shown."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    close = box.addButton(translate("Dialogs", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_message(
    parent: QWidget,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """Show a message without blocking: the window stays as it is behind it.

    The box is modal to ``parent`` and deletes itself when closed.
    """
    box = message_box(parent, title, text, icon)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    open_keeping_focus(box)
    return box


def open_keeping_focus(dialog: QDialog) -> None:
    """Open ``dialog`` without blocking; when it closes, the field that had the focus gets it back.

    Qt does this itself only when the window manager re-activates the window,
    which not every platform does for a window-modal dialog.
    """
    before = QApplication.focusWidget()
    if before is not None:
        before_ref = before

        def _restore(_result: int) -> None:
            try:
                if before_ref.isVisible():
                    before_ref.window().activateWindow()
                    before_ref.setFocus(Qt.FocusReason.OtherFocusReason)
            except RuntimeError:  # the widget is gone
                pass

        dialog.finished.connect(_restore)
    dialog.open()


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    yes_text: str,
    no_text: str,
    on_yes: Callable[[], None],
) -> QMessageBox:
    """Ask a yes/no question with the caller's button texts; ``on_yes`` runs only on "yes".

    "Yes" is the default button (Enter) and "no" the escape button (Esc), so a
    clerk who pressed a key by mistake gets out with Esc.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.YesRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes)
    box.setEscapeButton(no)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _answered(_result: int) -> None:
        if box.clickedButton() is yes:
            on_yes()

    open_keeping_focus(box)
    # After the focus is given back, so that ``on_yes`` may move it elsewhere.
    box.finished.connect(_answered)
    return box
