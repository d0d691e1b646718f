"""The applicant changes their mind about messages, after intake: agrees to a channel,
or withdraws their consent to one (at any time, in writing: docs/legal.md, "Messages to
the applicant").

The clerk ticks what the citizen now agrees to and notes their request (a letter, an
e-mail). A channel the office has turned off keeps what the citizen said before; a
channel without its address cannot be ticked. Recorded at once
(``outbox.change_consent``): a withdrawn channel's unsent messages are never sent.
What it shows (the consent on record, the channels on) is read before it opens
(``read``, then ``found``), and the change is recorded, off the window's thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock
from desk.domain.consent import Consent, MessageChannel
from desk.domain.dossier import Applicant
from desk.domain.errors import UserError
from desk.domain.messages import recipients
from desk.domain.office import Clerk
from desk.services import outbox
from desk.storage.database import Database
from desk.ui.intake.consent_box import ConsentBox, channels_on
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import vietnamese_buttons
from desk.ui.widgets.qt_helpers import ERROR_COLOUR, translate

CONTEXT = "ConsentDialog"


class ConsentDialog(QDialog):
    """Records the applicant's consent to messages anew; ``stopped`` is how many unsent
    messages the change kept from going (once accepted)."""

    def __init__(  # noqa: PLR0913 (the page's own: db, clerk, clock; the dossier)
        self,
        db: Database,
        clerk: Clerk,
        clock: Clock,
        code: str,
        applicant: Applicant,
        parent: QWidget | None = None,
        found: ConsentRead | None = None,
    ) -> None:
        """``found``: what ``read`` read for ``code`` off the window's thread (read here
        when not given)."""
        super().__init__(parent)
        self.setObjectName("consent_dialog")
        self.setWindowTitle(
            translate("ConsentDialog", "Nhận tin nhắn: hồ sơ {code}").format(code=code)
        )
        self._db, self._clerk, self._clock, self._code = db, clerk, clock, code
        found = found if found is not None else self.read(db, code)
        self.before = found.before
        self._saves = DialogSave(self)
        self._addresses = (applicant.phone, applicant.email)
        self.stopped = 0
        intro = QLabel(
            translate(
                "ConsentDialog",
                "Người nộp có quyền đồng ý hoặc rút lại đồng ý nhận tin báo về hồ sơ bất cứ lúc "
                "nào. Chỉ đánh dấu kênh người nộp đồng ý. Tin nhắn chưa gửi qua kênh bỏ đánh "
                "dấu sẽ không gửi nữa; tin đã gửi vẫn giữ trong hồ sơ.",
            )
        )
        intro.setWordWrap(True)
        phone = QLineEdit(applicant.phone, self)
        email = QLineEdit(applicant.email, self)
        for field in (phone, email):
            field.setReadOnly(True)
        self.box = ConsentBox(self)
        self.box.watch(phone, email)
        self.box.set_offered(found.channels_on)
        for channel, box in self.box.boxes.items():
            box.setChecked(box.isEnabled() and channel in self.before.agreed())
        self.note = QLineEdit(self)
        self.note.setObjectName("consent_note")
        self.note.setPlaceholderText(
            translate("ConsentDialog", "Ví dụ: đơn ngày 07/12/2026; thư điện tử của người nộp")
        )
        self.error = QLabel(self)
        self.error.setObjectName("consent_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        form = QFormLayout()
        form.addRow(translate("ConsentDialog", "Điện thoại:"), phone)
        form.addRow(translate("ConsentDialog", "Thư điện tử:"), email)
        form.addRow(translate("ConsentDialog", "Đồng ý nhận tin qua:"), self.box)
        form.addRow(translate("ConsentDialog", "Yêu cầu của người nộp:"), self.note)
        buttons = vietnamese_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
            )
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("ConsentDialog", "Ghi nhận")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.adjustSize()  # as tall as its contents, not a default dialog's 480 px

    def chosen(self) -> Consent:
        """The ticked channels; a channel the office has off keeps what was said before
        (while its address is there)."""
        ticked = set(self.box.consent().agreed())
        reachable = set(recipients(Consent(sms=True, email=True, zalo=True), *self._addresses))

        def agrees(channel: MessageChannel) -> bool:
            if self.box.boxes[channel].isEnabled():
                return channel in ticked
            return channel in self.before.agreed() and channel in reachable

        return Consent(
            sms=agrees(MessageChannel.SMS),
            email=agrees(MessageChannel.EMAIL),
            zalo=agrees(MessageChannel.ZALO),
        )

    @staticmethod
    def read(db: Database, code: str) -> ConsentRead:
        """What the dialog shows for ``code`` (on a pool thread: no widget)."""
        try:
            channels = channels_on(db)
        except UserError:  # the settings cannot say: no channel offered
            channels = set()
        return ConsentRead(outbox.consent_for(db, code), frozenset(channels))

    def accept(self) -> None:
        """Record the change off the window's thread; the dialog closes once it is (a
        refusal is said under the boxes, nothing changed)."""
        db, clerk, code, clock = self._db, self._clerk, self._code, self._clock
        chosen, note = self.chosen(), self.note.text()
        self.error.hide()

        def recorded(stopped: int) -> None:
            self.stopped = stopped
            super(ConsentDialog, self).accept()

        def refused(exc: UserError) -> None:
            self.error.setText(exc.message)
            self.error.show()

        self._saves.run(
            lambda: outbox.change_consent(db, clerk, code, chosen, clock, note), recorded, refused
        )

    def saving(self) -> bool:
        """Whether the change is being recorded."""
        return self._saves.waiting()


@dataclass(frozen=True)
class ConsentRead:
    """What the dialog shows: the consent on record and the channels the office has on."""

    before: Consent
    channels_on: frozenset[MessageChannel]
