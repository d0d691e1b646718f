"""The messages to the applicant on the dossier page: every try on the timeline, among
the steps, and a line under the heading that says what the applicant agreed to and
what was sent, waits or failed (in red when one was given up).

A message's rows: one per try (sent, or failed with the reason and, while tries
remain, the time of the next one), or one "waiting" row while it has had none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QWidget,
)

from desk.domain.lifecycle import STEP_LABELS, Step
from desk.domain.messages import (
    CHANNEL_LABELS,
    MAX_ATTEMPTS,
    MessageChannel,
    MessageStatus,
)
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.services import outbox
from desk.storage.database import Database
from desk.ui.dossier.dossier_history import stamp, timeline_rows
from desk.ui.widgets.forms import fill_table
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "DossierMessages"

KIND_LABELS = {
    MessageChannel.SMS: QT_TRANSLATE_NOOP("DossierMessages", "Tin nhắn SMS"),
    MessageChannel.EMAIL: QT_TRANSLATE_NOOP("DossierMessages", "Thư điện tử"),
    MessageChannel.ZALO: QT_TRANSLATE_NOOP("DossierMessages", "Tin nhắn Zalo"),
}
SENT_COLOUR = "#1b5e20"
FAILED_COLOUR = "#b00020"
WAITING_COLOUR = "#6d4c00"
WITHDRAWN_COLOUR = "#546e7a"
MESSAGE_BACKGROUND = "#f3f6fb"

Row = tuple[str, ...]


def _row(m: outbox.MessageView, result: str, details: str, by: str = "") -> Row:
    return (
        "",  # the time, filled in by the caller
        translated(KIND_LABELS[m.channel]),
        "",
        m.recipient,
        by,
        result,
        details,
    )


def message_rows(m: outbox.MessageView) -> list[tuple[datetime, Row, str]]:
    """A message's rows with their time and colour, oldest first."""
    about = translate("DossierMessages", "Báo tin: {step}").format(
        step=translated(STEP_LABELS[m.step_kind])
    )
    rows: list[tuple[datetime, Row, str]] = []
    for number, attempt in enumerate(m.history, start=1):
        by = (
            translate("DossierMessages", "máy {host}").format(host=attempt.host)
            if attempt.host
            else ""
        )
        if attempt.ok:
            result = translate("DossierMessages", "Đã gửi")
            rows.append((attempt.at, _row(m, result, about, by), SENT_COLOUR))
            continue
        details = translate("DossierMessages", "{about}. Lần {n}/{of}: {error}").format(
            about=about, n=number, of=MAX_ATTEMPTS, error=attempt.error
        )
        last = number == len(m.history)
        if last and m.status is MessageStatus.PENDING:
            details += ". " + translate("DossierMessages", "Thử lại lúc {at}.").format(
                at=stamp(m.next_attempt_at)
            )
        given_up = last and m.status is MessageStatus.FAILED
        if given_up:
            details += ". " + translate("DossierMessages", "Đã thôi gửi: báo lãnh đạo.")
            result, colour = translate("DossierMessages", "Gửi không được"), FAILED_COLOUR
        else:  # a try that failed, with more to come (or that came)
            result, colour = translate("DossierMessages", "Lỗi, thử lại"), WAITING_COLOUR
        rows.append((attempt.at, _row(m, result, details, by), colour))
    if m.status is MessageStatus.WITHDRAWN:  # the applicant withdrew: never (again) sent
        # Said in the reader's language: the reason stored with it is in the recorder's.
        withdrawn = translate(
            "DossierMessages", "Người nộp đã rút lại đồng ý nhận tin qua kênh này."
        )
        details = f"{about}. {withdrawn}"
        result = translate("DossierMessages", "Không gửi")
        at = rows[-1][0] if rows else m.created_at
        rows.append((at, _row(m, result, details), WITHDRAWN_COLOUR))
        return rows
    if not m.history:
        if m.status is MessageStatus.FAILED:  # never tried: its words could not be written
            details = f"{about}. {m.last_error}"
            result = translate("DossierMessages", "Gửi không được")
            rows.append((m.created_at, _row(m, result, details), FAILED_COLOUR))
        else:
            result = translate("DossierMessages", "Chờ gửi")
            rows.append((m.created_at, _row(m, result, about), WAITING_COLOUR))
    return rows


def merged_rows(
    timeline: Sequence[Step],
    messages: Sequence[outbox.MessageView],
    names: Mapping[str, str] | None = None,
) -> list[tuple[Row, str]]:
    """The steps and the messages' rows in time order (a step before its messages);
    each with its text colour ("" for a step)."""
    entries: list[tuple[datetime, int, int, Row, str]] = []
    for order, (step, row) in enumerate(zip(timeline, timeline_rows(timeline, names))):
        entries.append((step.at, 0, order, row, ""))
    order = 0
    for m in messages:
        for at, row, colour in message_rows(m):
            entries.append((at, 1, order, (stamp(at), *row[1:]), colour))
            order += 1
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    return [(row, colour) for _at, _kind, _order, row, colour in entries]


def summary(
    messages: Sequence[outbox.MessageView], agreed: Sequence[MessageChannel]
) -> tuple[str, bool]:
    """The line under the heading, and whether a message was given up."""
    failed = [m for m in messages if m.status is MessageStatus.FAILED]
    channels = ", ".join(translated(CHANNEL_LABELS[c]) for c in agreed)
    parts = [
        translate("DossierMessages", "Người nộp đồng ý nhận tin qua: {channels}.").format(
            channels=channels
        )
        if agreed
        else translate("DossierMessages", "Người nộp không đăng ký nhận tin nhắn.")
    ]
    if messages:
        counts = {s: sum(m.status is s for m in messages) for s in MessageStatus}
        parts.append(
            translate(
                "DossierMessages", "Đã gửi {sent}, chờ gửi {waiting}, gửi không được {failed}."
            ).format(
                sent=counts[MessageStatus.SENT],
                waiting=counts[MessageStatus.PENDING] + counts[MessageStatus.SENDING],
                failed=counts[MessageStatus.FAILED],
            )
        )
        if counts[MessageStatus.WITHDRAWN]:
            parts.append(
                translate(
                    "DossierMessages", "Không gửi {withdrawn} vì người nộp đã rút đồng ý."
                ).format(withdrawn=counts[MessageStatus.WITHDRAWN])
            )
    if failed:
        last = failed[-1]
        parts.append(
            translate("DossierMessages", "{kind} tới {to} gửi không được: {error}").format(
                kind=translated(KIND_LABELS[last.channel]), to=last.recipient, error=last.last_error
            )
        )
    return " ".join(parts), bool(failed)


class PageMessages:
    """The dossier page's part about messages: ``row`` to lay out (the line, and the
    button that records the applicant's consent anew), ``fill`` on reload."""

    def __init__(self, db: Database, code: str, parent: QWidget | None = None) -> None:
        self._db = db
        self._code = code
        self.messages: list[outbox.MessageView] = []
        self.line = QLabel(parent)
        self.line.setObjectName("messages_line")
        self.line.setWordWrap(True)
        self.line.setTextFormat(Qt.TextFormat.PlainText)
        self.line.hide()
        self.consent_button = QPushButton(translate("DossierMessages", "Nhận tin nhắn..."), parent)
        self.consent_button.setObjectName("consent_button")
        self.consent_button.setAutoDefault(False)
        self.consent_button.setToolTip(
            translate(
                "DossierMessages",
                "Người nộp đồng ý thêm hoặc rút lại đồng ý nhận tin báo qua SMS, thư điện tử, "
                "Zalo.",
            )
        )
        self.consent_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.row = QHBoxLayout()
        self.row.addWidget(self.line, 1)
        self.row.addWidget(
            self.consent_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )

    def fill(
        self,
        table: QTableWidget,
        timeline: Sequence[Step],
        names: Mapping[str, str],
        messages: list[outbox.MessageView],
        agreed: Sequence[MessageChannel],
    ) -> None:
        """The timeline with the messages among the steps (read with the page,
        ``desk.ui.dossier.page_data``); the line under the heading."""
        self.messages = messages
        rows = merged_rows(timeline, self.messages, names)
        fill_table(table, [row for row, _colour in rows])
        background = QBrush(QColor(MESSAGE_BACKGROUND))
        for number, (_row, colour) in enumerate(rows):
            if not colour:
                continue
            for column in range(table.columnCount()):
                item = table.item(number, column)
                item.setBackground(background)
                if column == 5:
                    item.setForeground(QBrush(QColor(colour)))
        text, failed = summary(self.messages, agreed)
        self.line.setText(text)
        self.line.setStyleSheet(f"color: {FAILED_COLOUR};" if failed else "color: #455a64;")
        self.line.setVisible(bool(agreed or self.messages))
