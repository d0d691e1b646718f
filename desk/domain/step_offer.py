"""Which steps a clerk may take on a dossier now, and why not when not.

A step is possible when the law allows it from the dossier's status
(:data:`desk.domain.lifecycle.MOVES`), the clerk's role allows it
(:func:`desk.domain.roles.may`) and, for a supplement request, none was made in
this round yet (Decree 118/2025/NĐ-CP art. 16(3) and 11(2)(c): everything
missing at once, asked once). The reason for a step not possible is the very
message the services give when it is tried.

The apology ("Xin lỗi và hẹn lại", Decree 118/2025/NĐ-CP art. 19(6)) is possible
for a running dossier that has none yet: the date may be moved once only.
"""

from __future__ import annotations

from desk.domain.apology import Apology, check_can_apologise
from desk.domain.dossier import Dossier, DossierStatus
from desk.domain.errors import UserError
from desk.domain.lifecycle import MOVES, StepKind, check_move, check_supplement_request
from desk.domain.roles import Permission, may, require

#: The permission each step needs; every step not named needs ``Permission.STEP``.
PERMISSIONS = {StepKind.REASSIGN: Permission.REASSIGN, StepKind.EDIT: Permission.EDIT_DOSSIER}


def permission_for(kind: StepKind) -> Permission:
    return PERMISSIONS.get(kind, Permission.STEP)


def supplement_asked_this_round(
    status: DossierStatus, supplement_round: int, comebacks: int
) -> bool:
    """A supplement was asked in this round: the dossier waits for it, or was asked more
    times than the citizen came back with papers."""
    return status is DossierStatus.WAITING_SUPPLEMENT or supplement_round > comebacks


def _asked(dossier: Dossier) -> bool:
    return supplement_asked_this_round(dossier.status, dossier.supplement_round, dossier.comebacks)


def step_allowed(kind: StepKind, dossier: Dossier, role: str) -> bool:
    """Whether ``kind`` may be taken now: the move is legal and the role may make it."""
    if not may(role, permission_for(kind)):
        return False
    if dossier.status not in MOVES[kind][0]:
        return False
    return not (kind is StepKind.SUPPLEMENT_REQUEST and _asked(dossier))


def why_not(kind: StepKind, dossier: Dossier, role: str) -> str:
    """The refusal the services give for ``kind`` now ("" when it is allowed)."""
    try:
        require(role, permission_for(kind))
        if kind is StepKind.SUPPLEMENT_REQUEST:
            check_supplement_request(dossier.status, _asked(dossier))
        else:
            check_move(dossier.status, kind)
    except UserError as exc:
        return exc.message
    return ""


def apology_allowed(dossier: Dossier, apology: Apology | None, role: str) -> bool:
    """Whether "Xin lỗi và hẹn lại" is possible: running, none yet, a role that makes steps."""
    return apology is None and step_allowed(StepKind.APOLOGY, dossier, role)


def apology_why_not(dossier: Dossier, apology: Apology | None, role: str) -> str:
    """Why no apology can be made now: the one already made (its number and new date),
    the dossier not running, or the role ("" when it can be made)."""
    try:
        require(role, permission_for(StepKind.APOLOGY))
        check_can_apologise(dossier.status, apology)
        check_move(dossier.status, StepKind.APOLOGY)
    except UserError as exc:
        return exc.message
    return ""
