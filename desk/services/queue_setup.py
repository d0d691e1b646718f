"""Setting up the queue: service groups, counters, the office's queue rules.

On first use the groups are made from the fields of the office's catalog (A =
Hộ tịch, B = Đất đai - Xây dựng, ...; fields the known groups do not cover go
to "Lĩnh vực khác") and counters 1-3 are made to serve them. An admin edits
all of it afterwards (Quản trị > Hàng đợi). Every change bumps the queue's
change counter so kiosks and displays on other PCs pick it up.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desk.domain.errors import NotFound, UserError, ValidationError
from desk.domain.queue import Counter, QueueRules, ServiceGroup, normalise_letter
from desk.domain.text import fold, nfc
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated
from desk.printing.paper import paper_width
from desk.printing.printer_uri import parse_printer_uri
from desk.services import changes, settings
from desk.storage.database import Database
from desk.storage.queue_tables import QueueCounterGroupRow, QueueCounterRow, QueueGroupRow
from desk.storage.tables import ProcedureRow, SettingRow

MAX_PRIORITY_RUN = "queue_max_priority_run"
NO_SHOW_AFTER = "queue_no_show_after"
NOTICES = "queue_notices"
SOUND = "queue_sound"
KIOSK_PRINTER = "queue_kiosk_printer"
KIOSK_PAPER = "queue_kiosk_paper"

DEFAULT_NOTICES = QT_TRANSLATE_NOOP(
    "QueueSetup",
    "Kính mời quý khách lấy số thứ tự và chờ đến lượt. "
    "Người cao tuổi, người khuyết tật, phụ nữ mang thai, người có con nhỏ, "
    "thương binh và người có công được ưu tiên: xin chọn “Ưu tiên” khi lấy số. "
    "Vui lòng chuẩn bị sẵn giấy tờ tùy thân khi đến quầy.",
)


@dataclass(frozen=True)
class _Template:
    name: str
    keys: tuple[str, ...]  # folded words a catalog field starts with or contains


# The usual split of a commune's one-stop shop; a field no template takes goes to "other".
# The names are saved as the groups' names in the database (data, not screen text).
_TEMPLATES = (
    _Template("Hộ tịch", ("ho tich",)),  # untranslated: saved as a group's name
    _Template(
        "Đất đai - Xây dựng",  # untranslated: saved as a group's name
        ("dat dai", "xay dung", "tai nguyen", "moi truong"),
    ),
    _Template("Kinh doanh", ("doanh nghiep", "kinh doanh", "hop tac xa")),
    _Template("Chứng thực", ("chung thuc",)),  # untranslated: saved as a group's name
    _Template(
        "Lao động - Xã hội",  # untranslated: saved as a group's name
        ("bao tro", "giam ngheo", "nguoi co cong", "lao dong", "tre em"),
    ),
)
OTHER_GROUP = "Lĩnh vực khác"  # untranslated: saved as a group's name


# ---------------------------------------------------------------- groups


def _group(row: QueueGroupRow) -> ServiceGroup:
    return ServiceGroup(
        id=row.id,
        letter=row.letter,
        name=row.name,
        fields=tuple(json.loads(row.fields or "[]")),
        position=row.position,
        active=row.active,
    )


def list_groups(db: Database, active_only: bool = False) -> list[ServiceGroup]:
    with db.read() as s:
        query = select(QueueGroupRow).order_by(QueueGroupRow.position, QueueGroupRow.letter)
        if active_only:
            query = query.where(QueueGroupRow.active.is_(True))
        return [_group(row) for row in s.scalars(query)]


def check_group(group: ServiceGroup) -> dict[str, str]:
    errors: dict[str, str] = {}
    try:
        normalise_letter(group.letter)
    except UserError as exc:
        errors["letter"] = exc.message
    if not group.name.strip():
        errors["name"] = translate("QueueSetup", "Hãy nhập tên nhóm, ví dụ “Hộ tịch”.")
    elif len(group.name.strip()) > 120:
        errors["name"] = translate("QueueSetup", "Tên nhóm dài quá 120 ký tự.")
    return errors


def save_group(db: Database, group: ServiceGroup) -> ServiceGroup:
    """Add (``id == 0``) or change a group; the letter stays unique."""
    errors = check_group(group)
    if errors:
        raise ValidationError(errors)
    with db.write() as s:
        return _save_group_in(s, group)


def _save_group_in(s: Session, group: ServiceGroup) -> ServiceGroup:
    letter = normalise_letter(group.letter)
    changes.bump(s, changes.QUEUE)
    taken = s.scalar(
        select(QueueGroupRow.id).where(QueueGroupRow.letter == letter, QueueGroupRow.id != group.id)
    )
    if taken is not None:
        raise ValidationError(
            {
                "letter": translate(
                    "QueueSetup", "Ký hiệu “{letter}” đã dùng cho nhóm khác."
                ).format(letter=letter)
            }
        )
    row = s.get(QueueGroupRow, group.id) if group.id else None
    if row is None:
        position = group.position or (s.scalar(select(func.max(QueueGroupRow.position))) or 0) + 1
        row = QueueGroupRow(position=position)
        s.add(row)
    else:
        row.position = group.position or row.position
    row.letter = letter
    row.name = nfc(" ".join(group.name.split()))
    row.fields = json.dumps([nfc(f.strip()) for f in group.fields if f.strip()], ensure_ascii=False)
    row.active = group.active
    s.flush()
    return _group(row)


def catalog_fields(db: Database) -> list[str]:
    """The fields of the active procedures, for mapping groups to them."""
    with db.read() as s:
        query = select(ProcedureRow.field).where(ProcedureRow.active.is_(True)).distinct()
        return sorted({f for f in s.scalars(query) if f.strip()}, key=fold)


def default_groups(fields: list[str]) -> list[ServiceGroup]:
    """Groups for a catalog's fields: the usual templates that have fields, then "other"."""
    buckets: dict[str, list[str]] = {t.name: [] for t in _TEMPLATES}
    others: list[str] = []
    for field in fields:
        key = fold(field)
        template = next((t for t in _TEMPLATES if any(k in key for k in t.keys)), None)
        (buckets[template.name] if template else others).append(field)
    names = [t.name for t in _TEMPLATES if buckets[t.name]]
    if not names:
        names = [t.name for t in _TEMPLATES[:3]]
    groups = [
        ServiceGroup(0, string.ascii_uppercase[i], name, tuple(buckets.get(name, [])), i + 1)
        for i, name in enumerate(names)
    ]
    letter = string.ascii_uppercase[len(groups)]
    groups.append(ServiceGroup(0, letter, OTHER_GROUP, tuple(others), len(groups) + 1))
    return groups


def ensure_defaults(db: Database) -> bool:
    """Make the default groups and counters 1-3 if the office has none; True if made.

    Counter 1 takes the first half of the groups, counter 2 the second half,
    counter 3 all of them (the usual general counter), so every group is
    served from the first day. Groups and counters are made in one transaction:
    a program cut in the middle leaves none (never groups without counters).
    """
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(QueueGroupRow)):
            return False
    fields = catalog_fields(db)
    with db.write() as s:
        if s.scalar(select(func.count()).select_from(QueueGroupRow)):
            return False  # another screen made them meanwhile
        groups = [_save_group_in(s, g) for g in default_groups(fields)]
        half = (len(groups) + 1) // 2
        ids = [g.id for g in groups]
        for number, served in ((1, ids[:half]), (2, ids[half:]), (3, ids)):
            _save_counter_in(s, Counter(0, number, "", tuple(served)))
    return True


# ---------------------------------------------------------------- counters


def _counter(row: QueueCounterRow) -> Counter:
    return Counter(
        id=row.id,
        number=row.number,
        name=row.name,
        group_ids=tuple(g.id for g in row.groups),
        active=row.active,
    )


def list_counters(db: Database, active_only: bool = False) -> list[Counter]:
    with db.read() as s:
        query = select(QueueCounterRow).order_by(QueueCounterRow.number)
        if active_only:
            query = query.where(QueueCounterRow.active.is_(True))
        return [_counter(row) for row in s.scalars(query)]


def get_counter(db: Database, number: int) -> Counter:
    with db.read() as s:
        row = s.scalar(select(QueueCounterRow).where(QueueCounterRow.number == number))
        if row is None:
            raise NotFound(
                translate(
                    "QueueSetup",
                    "Chưa có quầy số {number}: thêm quầy trong Quản trị > Hàng đợi, "
                    "hoặc chọn số quầy khác.",
                ).format(number=number)
            )
        return _counter(row)


def check_counter(counter: Counter) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not 1 <= counter.number <= 99:
        errors["number"] = translate("QueueSetup", "Số quầy phải từ 1 đến 99.")
    if len(counter.name.strip()) > 60:
        errors["name"] = translate("QueueSetup", "Tên quầy dài quá 60 ký tự.")
    if counter.active and not counter.group_ids:
        errors["groups"] = translate("QueueSetup", "Hãy chọn ít nhất một nhóm dịch vụ cho quầy.")
    return errors


def save_counter(db: Database, counter: Counter) -> Counter:
    """Add (``id == 0``) or change a counter and the groups it serves."""
    errors = check_counter(counter)
    if errors:
        raise ValidationError(errors)
    with db.write() as s:
        return _save_counter_in(s, counter)


def _save_counter_in(s: Session, counter: Counter) -> Counter:
    changes.bump(s, changes.QUEUE)
    taken = s.scalar(
        select(QueueCounterRow.id).where(
            QueueCounterRow.number == counter.number, QueueCounterRow.id != counter.id
        )
    )
    if taken is not None:
        raise ValidationError(
            {
                "number": translate("QueueSetup", "Đã có quầy số {number}.").format(
                    number=counter.number
                )
            }
        )
    row = s.get(QueueCounterRow, counter.id) if counter.id else None
    if row is None:
        row = QueueCounterRow()
        s.add(row)
    row.number = counter.number
    row.name = nfc(" ".join(counter.name.split()))
    row.active = counter.active
    s.flush()
    _set_served(s, row.id, counter.group_ids)
    s.expire(row, ["groups"])
    return _counter(row)


def _set_served(s: Session, counter_id: int, group_ids: tuple[int, ...]) -> None:
    s.execute(delete(QueueCounterGroupRow).where(QueueCounterGroupRow.counter_id == counter_id))
    for group_id in dict.fromkeys(group_ids):
        if s.get(QueueGroupRow, group_id) is None:
            raise ValidationError(
                {"groups": translate("QueueSetup", "Một nhóm đã chọn không còn nữa: hãy chọn lại.")}
            )
        s.add(QueueCounterGroupRow(counter_id=counter_id, group_id=group_id))
    s.flush()


# ---------------------------------------------------------------- rules and display


def get_rules(db: Database) -> QueueRules:
    defaults = QueueRules()
    run = settings.get_setting(db, MAX_PRIORITY_RUN)
    after = settings.get_setting(db, NO_SHOW_AFTER)
    return QueueRules(
        max_priority_run=int(run) if run.strip().isdigit() else defaults.max_priority_run,
        no_show_after=int(after) if after.strip().isdigit() else defaults.no_show_after,
    )


def set_rules(db: Database, rules: QueueRules) -> None:
    rules = replace(rules)  # validated again by __post_init__
    settings.set_setting(db, MAX_PRIORITY_RUN, str(rules.max_priority_run))
    settings.set_setting(db, NO_SHOW_AFTER, str(rules.no_show_after))
    _bump(db)


def get_notices(db: Database) -> str:
    """The scrolling line of the waiting-room display."""
    with db.read() as s:
        row = s.get(SettingRow, NOTICES)
    return translated(DEFAULT_NOTICES) if row is None else row.value


def set_notices(db: Database, text: str) -> None:
    settings.set_setting(db, NOTICES, nfc(" ".join(text.split())))
    _bump(db)


def sound_enabled(db: Database) -> bool:
    """Whether displays speak the calls (an office may prefer a silent room)."""
    return settings.get_setting(db, SOUND) != "off"


def set_sound_enabled(db: Database, enabled: bool) -> None:
    settings.set_setting(db, SOUND, "on" if enabled else "off")
    _bump(db)


def kiosk_printer(db: Database) -> tuple[str, str]:
    """The kiosk's ticket printer URI and paper ("none": the number is shown on screen only).

    The kiosk is usually a PC of its own with its own printer, so it has its own
    setting; the paper defaults to the counters' paper.
    """
    uri = settings.get_setting(db, KIOSK_PRINTER).strip() or "none"
    paper = settings.get_setting(db, KIOSK_PAPER).strip() or settings.get_setting(
        db, settings.PAPER
    )
    return uri, paper


def kiosk_prints(db: Database, uri: str | None = None) -> bool:
    """Whether what the kiosk prints goes to a printer: to ``uri`` when given, else to its
    own setting ("none": shown on screen only)."""
    return (uri or kiosk_printer(db)[0]).strip().lower() != "none"


def set_kiosk_printer(db: Database, uri: str, paper: str) -> None:
    parse_printer_uri(uri)  # a UserError names what is wrong with it
    paper_width(paper)
    settings.set_setting(db, KIOSK_PRINTER, uri.strip())
    settings.set_setting(db, KIOSK_PAPER, paper)
    _bump(db)


def _bump(db: Database) -> None:
    with db.write() as s:
        changes.bump(s, changes.QUEUE)
