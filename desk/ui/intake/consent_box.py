"""The applicant's consent to be told by SMS, e-mail or Zalo: one box a channel, on the
intake form under the phone and the e-mail address.

Every box starts unticked: the clerk asks the citizen and ticks what they agree to
(silence is not consent). A box is offered only for a channel the office has
turned on (``desk notify setup``) and only once its address is typed: SMS and
Zalo need the phone, e-mail the address; a box whose address is erased is
unticked again, so the recorded consent always has somewhere to go.

The intake form asks which channels are on for each new citizen (``offer_later``):
the office's settings are read off the window's thread, and the boxes keep what
they offered until the answer comes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from desk.domain.consent import Consent, MessageChannel
from desk.services import notify_settings
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "ConsentBox"


class ConsentBox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consent_box")
        self.boxes = {
            MessageChannel.SMS: QCheckBox(translate("ConsentBox", "SMS"), self),
            MessageChannel.EMAIL: QCheckBox(translate("ConsentBox", "Thư điện tử"), self),
            MessageChannel.ZALO: QCheckBox(translate("ConsentBox", "Zalo"), self),
        }
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for channel, box in self.boxes.items():
            box.setObjectName(f"consent_{channel.value}")
            row.addWidget(box)
        row.addStretch(1)
        self._offered: set[MessageChannel] = set()
        self._phone: QLineEdit | None = None
        self._email: QLineEdit | None = None
        #: The reads of the channels on: the newest one asked is the one offered.
        self._reads = background.NewestRead(self)
        self._refresh()

    def watch(self, phone: QLineEdit, email: QLineEdit) -> None:
        """Offer each box only while its address is typed."""
        self._phone, self._email = phone, email
        phone.textChanged.connect(lambda _text: self._refresh())
        email.textChanged.connect(lambda _text: self._refresh())
        self._refresh()

    def set_offered(self, channels: Iterable[MessageChannel]) -> None:
        """The channels the office sends through; the others stay unticked and disabled."""
        self._offered = set(channels)
        self._refresh()

    def offer_later(self, db: Database) -> None:
        """Offer the channels the office has on now (none when the database cannot say),
        the settings read off the window's thread."""

        def done(channels: set[MessageChannel] | None, _error: str | None) -> None:
            self.set_offered(channels or ())  # none when the database cannot say

        self._reads.run(lambda: channels_on(db), done)

    def reading(self) -> bool:
        """Whether the channels on are being read."""
        return self._reads.waiting()

    def _has_address(self, channel: MessageChannel) -> bool:
        edit = self._email if channel is MessageChannel.EMAIL else self._phone
        return edit is not None and bool(edit.text().strip())

    def _refresh(self) -> None:
        for channel, box in self.boxes.items():
            offered = channel in self._offered
            usable = offered and self._has_address(channel)
            if not usable:
                box.setChecked(False)
            box.setEnabled(usable)
            if not offered:
                box.setToolTip(translate("ConsentBox", "Cơ quan chưa bật gửi tin qua kênh này."))
            elif not usable:
                box.setToolTip(
                    translate("ConsentBox", "Nhập địa chỉ thư điện tử trước.")
                    if channel is MessageChannel.EMAIL
                    else translate("ConsentBox", "Nhập số điện thoại trước.")
                )
            else:
                box.setToolTip(
                    translate(
                        "ConsentBox",
                        "Chỉ đánh dấu khi người nộp đồng ý nhận tin báo về hồ sơ qua kênh này.",
                    )
                )

    def consent(self) -> Consent:
        ticked = {c for c, box in self.boxes.items() if box.isChecked() and box.isEnabled()}
        return Consent(
            sms=MessageChannel.SMS in ticked,
            email=MessageChannel.EMAIL in ticked,
            zalo=MessageChannel.ZALO in ticked,
        )

    def is_dirty(self) -> bool:
        return any(box.isChecked() for box in self.boxes.values())

    def clear(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)

    def widgets(self) -> list[QWidget]:
        return list(self.boxes.values())


def channels_on(db: Database) -> set[MessageChannel]:
    """The channels the office sends through now."""
    return set(notify_settings.load(db).offered())
