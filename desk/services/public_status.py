"""What the kiosk tells a citizen about a dossier: its status, the date, whether the
result is ready. Nothing else.

The kiosk stands in the lobby where anyone can touch it, so the answer carries
no personal data at all: not the applicant's name, ID number, address or
phone, not the papers, not who handles the dossier. ``PublicStatus`` has
exactly five fields, and the query reads only the columns they need (plus the
ID number, which is compared here and never returned).

Two ways to ask, two kinds of proof:

- Scanning the QR code of the receipt (``status_by_receipt``): holding the
  receipt is the proof. The receipt itself already shows the code, the
  procedure and the appointment, so the kiosk reveals nothing its holder does
  not have in hand.
- Typing the code (``status_by_typed_code``): a dossier code is guessable (the
  agency, the date and a day's sequence, Decree 118/2025 art. 28(2)), so the last
  four digits of the applicant's ID number (or tax code) are asked as well. A
  wrong code and wrong digits get the same answer, so typing does not even
  tell whether a code exists.

The date shown is the one the citizen should come back on: the appointment, or
the one new date an apology gave (Decree 118/2025 art. 19(6)), which the desk
keeps in ``due_at``. While the dossier waits for papers the clock is stopped
(art. 19(4)) and a new appointment will be given, so no date is shown; a
closed dossier has none either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desk.domain.dossier import STATUS_LABELS, DossierStatus
from desk.domain.errors import NotFound, UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated
from desk.storage.database import Database
from desk.storage.tables import DossierRow

#: Statuses whose date the kiosk shows (the clock runs, or the result waits).
DATED = frozenset({DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS, DossierStatus.RESULT_READY})

NO_MATCH = QT_TRANSLATE_NOOP(
    "PublicStatus",
    "Không tìm thấy hồ sơ khớp với mã hồ sơ và 4 số cuối giấy tờ đã nhập. "
    "Xin kiểm tra lại mã trên phiếu hẹn, hoặc quét mã QR trên phiếu.",
)


@dataclass(frozen=True)
class PublicStatus:
    """The whole answer: the dossier code, the procedure, the status, the date, ready or not."""

    code: str
    procedure_name: str
    status_label: str
    appointment: datetime | None
    result_ready: bool


def normalise_code(text: str) -> str:
    """As the receipt prints it: no spaces, capitals (a scanner may send either case)."""
    return "".join(text.split()).upper()


def check_last4(text: str) -> str:
    """The four digits, or a ``UserError`` saying what to type."""
    digits = "".join(text.split())
    if len(digits) != 4 or not digits.isdigit():
        raise UserError(
            translate(
                "PublicStatus",
                "Xin nhập đúng 4 chữ số cuối của số CCCD (hoặc mã số thuế) ghi trên phiếu hẹn.",
            ),
            "id_last4",
        )
    return digits


def status_by_receipt(db: Database, code: str) -> PublicStatus:
    """The status for a scanned receipt QR code (holding the receipt is the proof)."""
    code = normalise_code(code)
    found = _find(db, code)
    if found is None:
        raise NotFound(
            translate(
                "PublicStatus",
                "Không tìm thấy hồ sơ mã {code}. Xin hỏi cán bộ tại Bộ phận Một cửa.",
            ).format(code=code),
            "code",
        )
    return found[0]


def status_by_typed_code(db: Database, code: str, id_last4: str) -> PublicStatus:
    """The status for a typed code, when the last 4 digits of the ID number match."""
    digits = check_last4(id_last4)
    code = normalise_code(code)
    if not code:
        raise UserError(translate("PublicStatus", "Xin nhập mã hồ sơ ghi trên phiếu hẹn."), "code")
    found = _find(db, code)
    if found is None:
        raise NotFound(translated(NO_MATCH), "code")
    status, id_number = found
    if len(id_number) < 4 or id_number[-4:] != digits:
        raise NotFound(translated(NO_MATCH), "code")
    return status


def _find(db: Database, code: str) -> tuple[PublicStatus, str] | None:
    with db.read() as s:
        row = s.execute(
            select(
                DossierRow.code,
                DossierRow.procedure_name,
                DossierRow.status,
                DossierRow.due_at,
                DossierRow.appointment_at,
                DossierRow.id_number,
            ).where(DossierRow.code == code)
        ).first()
    if row is None:
        return None
    status = DossierStatus(row.status)
    date = (row.due_at or row.appointment_at) if status in DATED else None
    public = PublicStatus(
        code=row.code,
        procedure_name=row.procedure_name,
        status_label=STATUS_LABELS[status],
        appointment=date,
        result_ready=status is DossierStatus.RESULT_READY,
    )
    return public, "".join((row.id_number or "").split())
