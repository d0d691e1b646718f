"""A citizen's rating of one service (đánh giá mức độ hài lòng).

The directive behind the desk asks offices to listen to citizens; the national
index of serving citizens and businesses (Decision 766/QĐ-TTg of 2022) measures
satisfaction on four levels, which the rating window offers as they are:
rất hài lòng, hài lòng, bình thường, không hài lòng. A citizen may add what the
rating is about (the reasons) and a comment; both are optional. A
"không hài lòng" is brought to the supervisor at once.

Glossary: rating = đánh giá; level = mức độ hài lòng; reason = nội dung đánh giá;
rating request = lời mời đánh giá shown on the window facing the citizen.
Only plain rules live here; the database work is in ``desk.services.ratings``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from desk.domain.errors import ValidationError
from desk.domain.text import nfc
from desk.domain.translation import QT_TRANSLATE_NOOP, translate

#: A comment longer than this is refused (a touch screen comment is a sentence or two).
MAX_COMMENT = 500


class RatingLevel(StrEnum):
    """The four levels, best first."""

    VERY_SATISFIED = "very_satisfied"
    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    UNSATISFIED = "unsatisfied"


LEVEL_LABELS = {
    RatingLevel.VERY_SATISFIED: QT_TRANSLATE_NOOP("RatingLevel", "Rất hài lòng"),
    RatingLevel.SATISFIED: QT_TRANSLATE_NOOP("RatingLevel", "Hài lòng"),
    RatingLevel.NEUTRAL: QT_TRANSLATE_NOOP("RatingLevel", "Bình thường"),
    RatingLevel.UNSATISFIED: QT_TRANSLATE_NOOP("RatingLevel", "Không hài lòng"),
}

#: The levels the index counts as satisfied.
SATISFIED_LEVELS = frozenset({RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED})


class RatingReason(StrEnum):
    """What the rating is about; the citizen may tick several, or none."""

    ATTITUDE = "attitude"
    WAITING = "waiting"
    PROCESSING = "processing"
    GUIDANCE = "guidance"
    PAPERS = "papers"
    FACILITIES = "facilities"


REASON_LABELS = {
    RatingReason.ATTITUDE: QT_TRANSLATE_NOOP("RatingReason", "Thái độ phục vụ"),
    RatingReason.WAITING: QT_TRANSLATE_NOOP("RatingReason", "Thời gian chờ"),
    RatingReason.PROCESSING: QT_TRANSLATE_NOOP("RatingReason", "Thời gian giải quyết"),
    RatingReason.GUIDANCE: QT_TRANSLATE_NOOP("RatingReason", "Hướng dẫn, giải thích"),
    RatingReason.PAPERS: QT_TRANSLATE_NOOP("RatingReason", "Thủ tục, giấy tờ"),
    RatingReason.FACILITIES: QT_TRANSLATE_NOOP("RatingReason", "Cơ sở vật chất"),
}


class RequestState(StrEnum):
    """A rating request's life on the window facing the citizen."""

    OPEN = "open"  # shown, waiting for the citizen
    RATED = "rated"  # the citizen gave a rating
    SKIPPED = "skipped"  # the citizen closed it, or left it untouched until it timed out
    EXPIRED = "expired"  # a newer service at the same counter took its place


@dataclass(frozen=True)
class RatingInput:
    """What the citizen chose on the window, checked and normalised."""

    level: RatingLevel
    reasons: tuple[RatingReason, ...] = ()
    comment: str = ""

    @classmethod
    def checked(
        cls, level: RatingLevel | str, reasons: Iterable[RatingReason | str] = (), comment: str = ""
    ) -> RatingInput:
        """Raise ``ValidationError`` for an unknown level or reason, or a comment too long."""
        errors: dict[str, str] = {}
        try:
            chosen = RatingLevel(level)
        except ValueError:
            errors["level"] = translate("Rating", "Xin chọn một mức độ hài lòng.")
            chosen = RatingLevel.NEUTRAL
        picked: list[RatingReason] = []
        for reason in reasons:
            try:
                value = RatingReason(reason)
            except ValueError:
                errors["reasons"] = translate(
                    "Rating", "Nội dung đánh giá '{reason}' không có trong danh sách."
                ).format(reason=reason)
                continue
            if value not in picked:
                picked.append(value)
        text = nfc(" ".join(comment.split()))
        if len(text) > MAX_COMMENT:
            errors["comment"] = translate(
                "Rating", "Góp ý dài quá {limit} ký tự: xin viết ngắn lại."
            ).format(limit=MAX_COMMENT)
        if errors:
            raise ValidationError(errors)
        order = list(RatingReason)
        return cls(chosen, tuple(sorted(picked, key=order.index)), text)


@dataclass
class RatingTally:
    """Ratings of one clerk, counter, procedure or period: how many of each level.

    ``satisfied_share`` is the index's figure: the share of ratings at "rất hài
    lòng" or "hài lòng" among all ratings.
    """

    key: str
    label: str
    counts: dict[RatingLevel, int] = field(default_factory=lambda: dict.fromkeys(RatingLevel, 0))
    reasons: dict[RatingReason, int] = field(default_factory=lambda: dict.fromkeys(RatingReason, 0))

    def add(self, level: RatingLevel, reasons: Iterable[RatingReason] = ()) -> None:
        self.counts[level] += 1
        for reason in reasons:
            self.reasons[reason] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def satisfied(self) -> int:
        return sum(self.counts[level] for level in SATISFIED_LEVELS)

    @property
    def satisfied_share(self) -> float | None:
        """Between 0 and 1; None when nobody rated."""
        return self.satisfied / self.total if self.total else None

    def share_text(self) -> str:
        """ "87,5%" as Vietnamese writes it; "—" when nobody rated."""
        share = self.satisfied_share
        if share is None:
            return "—"
        return f"{share * 100:.1f}%".replace(".", ",")
