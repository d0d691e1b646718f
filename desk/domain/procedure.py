"""A published administrative procedure (thủ tục hành chính) and its papers.

The clerk may ask only for the papers the procedure lists (Decree 61 art. 15):
``Procedure.papers`` is that list, and the intake checklist shows nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from desk.domain.time_limit import TimeLimit
from desk.domain.translation import QT_TRANSLATE_NOOP


class Channel(StrEnum):
    """How the dossier reached the office (hình thức nộp)."""

    COUNTER = "counter"
    POST = "post"
    ONLINE = "online"


CHANNEL_LABELS = {
    Channel.COUNTER: QT_TRANSLATE_NOOP("Channel", "Trực tiếp tại quầy"),
    Channel.POST: QT_TRANSLATE_NOOP("Channel", "Qua dịch vụ bưu chính"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("Channel", "Trực tuyến"),
}


class PaperForm(StrEnum):
    """Whether a paper is handed in as the original, a copy, or only shown."""

    ORIGINAL = "original"
    COPY = "copy"
    SHOWN = "shown"


PAPER_FORM_LABELS = {
    PaperForm.ORIGINAL: QT_TRANSLATE_NOOP("PaperForm", "Bản chính"),
    PaperForm.COPY: QT_TRANSLATE_NOOP("PaperForm", "Bản sao"),
    PaperForm.SHOWN: QT_TRANSLATE_NOOP("PaperForm", "Xuất trình"),
}


@dataclass(frozen=True)
class RequiredPaper:
    """One paper in the procedure's published list (thành phần hồ sơ)."""

    name: str
    form: PaperForm = PaperForm.ORIGINAL
    count: int = 1
    optional: bool = False


@dataclass
class Procedure:
    code: str
    name: str
    field: str
    limit: TimeLimit
    level: str = ""
    fee: str = ""
    papers: list[RequiredPaper] = field(default_factory=list)
    channel_limits: dict[Channel, TimeLimit] = field(default_factory=dict)
    legal_basis: str = ""
    active: bool = True
    id: int | None = None

    def limit_for(self, channel: Channel) -> TimeLimit:
        """The limit for a channel: its own where published, else the general one."""
        return self.channel_limits.get(channel, self.limit)
