"""The screens' language: Vietnamese by default (Qt's own buttons too), English on demand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QWizard

from desk.domain import translation
from desk.domain.dossier import STATUS_LABELS, DossierStatus
from desk.ui.session import language


@pytest.fixture
def speak(qapp):
    """Install a language for one test, and Vietnamese again after it."""
    yield language.install_language
    language.install_language("vi")
    translation.install_backend(None)


def test_qt_own_buttons_and_menus_speak_vietnamese(qtbot, speak):
    assert speak("vi") == "vi"
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(buttons)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"Đồng ý", "Hủy", "Lưu", "Đóng"}
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    actions = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    assert {"Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"} <= set(actions)
    wizard = QWizard()
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.FinishButton).replace("&", "") == "Hoàn tất"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Hủy"
    box = QMessageBox(QMessageBox.Icon.Information, "", "", QMessageBox.StandardButton.Yes)
    qtbot.addWidget(box)
    box.setDetailedText("chi tiết")
    shown = [b.text() for b in box.buttons()]
    assert "Xem chi tiết..." in shown and "&Có" in shown
    assert QLocale().language() == QLocale.Language.Vietnamese


def test_english_translates_the_desk_and_its_labels(qtbot, speak):
    assert speak("en") == "en"
    label = STATUS_LABELS[DossierStatus.RECEIVED]
    assert str(label) != translation.translated(label)  # English on screen...
    assert not any(ord(c) > 127 for c in translation.translated(label))
    assert any(ord(c) > 127 for c in str(label))  # ...while paper keeps the Vietnamese
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.buttons()[0].text() == "Cancel"  # Qt's own English
    speak("vi")
    assert translation.translated(label) == str(label)
