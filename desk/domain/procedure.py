"""A published administrative procedure (thủ tục hành chính) and its papers.

The clerk may ask only for the papers the procedure lists: ``Procedure.papers``
is that list, and the intake checklist shows nothing else.

``Procedure.level`` (cấp thực hiện) is one of three: central (trung ương),
province (tỉnh) or commune (xã). Local government has had two levels since
01/07/2025: there is no district (huyện) level any more, so ``Level`` has no
such member and a catalog row saying "huyện" is refused
(``desk.domain.catalog_rows``). ``None`` means the catalog does not say.

``Procedure.online_only`` marks a service accepted online only (Directive
24/CT-TTg of 2025: from 01/10/2025 for permanent and temporary residence
registration, judicial record certificates and others). Intake at the counter
warns the clerk, offers a printed guide to the National Public Service Portal,
and saves such a dossier only when the clerk confirms a special case.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
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


class Level(StrEnum):
    """Who carries out the procedure (cấp thực hiện), after the 2025 reorganisation."""

    CENTRAL = "central"  # a ministry or central agency (trung ương, bộ, ngành)
    PROVINCE = "province"  # the province or centrally-run city (tỉnh, thành phố)
    COMMUNE = "commune"  # the commune, ward or special zone (xã, phường, đặc khu)


LEVEL_LABELS = {
    Level.CENTRAL: QT_TRANSLATE_NOOP("Level", "Trung ương"),
    Level.PROVINCE: QT_TRANSLATE_NOOP("Level", "Cấp tỉnh"),
    Level.COMMUNE: QT_TRANSLATE_NOOP("Level", "Cấp xã"),
}


def stored_level(value: str | None) -> Level | None:
    """The level of a stored key; ``None`` for an empty or unknown one."""
    try:
        return Level(value) if value else None
    except ValueError:
        return None


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
    level: Level | None = None
    fee: str = ""
    # ``dataclasses.field`` in full: the class's own ``field`` (the domain) hides the name.
    papers: list[RequiredPaper] = dataclasses.field(default_factory=list)
    channel_limits: dict[Channel, TimeLimit] = dataclasses.field(default_factory=dict)
    legal_basis: str = ""
    active: bool = True
    online_only: bool = False  # accepted online only (Directive 24/CT-TTg, 2025)
    id: int | None = None

    def limit_for(self, channel: Channel) -> TimeLimit:
        """The limit for a channel: its own where published, else the general one."""
        return self.channel_limits.get(channel, self.limit)
