"""Which steps the dossier page offers, and why one is not offered now.

A step is offered when the law allows it from the dossier's status
(``desk.domain.lifecycle.MOVES``), the clerk's role allows it
(``desk.domain.roles.may``) and, for a supplement request, none was made in
this round yet (Decree 118/2025/NĐ-CP art. 16(3) and 11(2)(c): everything
missing at once, asked once). The reason for a step not offered is the very
message the services would give.

The apology ("Xin lỗi và hẹn lại", Decree 118/2025/NĐ-CP art. 19(6)) is offered
for a running dossier that has none yet: the date may be moved once only.
"""

from __future__ import annotations

from desk.domain.apology import Apology, check_can_apologise
from desk.domain.dossier import Dossier, DossierStatus
from desk.domain.errors import UserError
from desk.domain.lifecycle import MOVES, StepKind, check_move, check_supplement_request
from desk.domain.roles import Permission, may, require
from desk.domain.translation import QT_TRANSLATE_NOOP
from desk.ui.dossier.result_dialogs import ResultReadyDialog, ReturnDialog
from desk.ui.dossier.step_dialogs import (
    ReceiveSupplementDialog,
    RefuseDialog,
    StepDialog,
    StopDialog,
    SupplementRequestDialog,
    TransferDialog,
)
from desk.ui.dossier.supervisor_dialogs import EditDossierDialog, ReassignDialog

#: The steps the page offers, in the order a dossier usually takes them.
PAGE_STEPS = (
    StepKind.TRANSFER,
    StepKind.SUPPLEMENT_REQUEST,
    StepKind.SUPPLEMENT_RECEIVED,
    StepKind.RESULT_READY,
    StepKind.RETURN,
    StepKind.REFUSE,
    StepKind.STOP,
    StepKind.REASSIGN,
    StepKind.EDIT,
)
BUTTON_TEXTS = {
    StepKind.TRANSFER: QT_TRANSLATE_NOOP("DossierPage", "Chuyển xử lý..."),
    StepKind.SUPPLEMENT_REQUEST: QT_TRANSLATE_NOOP("DossierPage", "Yêu cầu bổ sung..."),
    StepKind.SUPPLEMENT_RECEIVED: QT_TRANSLATE_NOOP("DossierPage", "Nhận hồ sơ bổ sung..."),
    StepKind.RESULT_READY: QT_TRANSLATE_NOOP("DossierPage", "Có kết quả..."),
    StepKind.RETURN: QT_TRANSLATE_NOOP("DossierPage", "Trả kết quả..."),
    StepKind.REFUSE: QT_TRANSLATE_NOOP("DossierPage", "Từ chối..."),
    StepKind.STOP: QT_TRANSLATE_NOOP("DossierPage", "Dừng giải quyết..."),
    StepKind.REASSIGN: QT_TRANSLATE_NOOP("DossierPage", "Giao lại cán bộ..."),
    StepKind.EDIT: QT_TRANSLATE_NOOP("DossierPage", "Sửa thông tin..."),
    StepKind.APOLOGY: QT_TRANSLATE_NOOP("DossierPage", "Xin lỗi và hẹn lại..."),
}
DIALOGS: dict[StepKind, type[StepDialog]] = {
    StepKind.TRANSFER: TransferDialog,
    StepKind.SUPPLEMENT_REQUEST: SupplementRequestDialog,
    StepKind.SUPPLEMENT_RECEIVED: ReceiveSupplementDialog,
    StepKind.RESULT_READY: ResultReadyDialog,
    StepKind.RETURN: ReturnDialog,
    StepKind.REFUSE: RefuseDialog,
    StepKind.STOP: StopDialog,
    StepKind.REASSIGN: ReassignDialog,
    StepKind.EDIT: EditDossierDialog,
}
PERMISSIONS = {StepKind.REASSIGN: Permission.REASSIGN, StepKind.EDIT: Permission.EDIT_DOSSIER}


def supplement_asked_this_round(dossier: Dossier) -> bool:
    return (
        dossier.status is DossierStatus.WAITING_SUPPLEMENT
        or dossier.supplement_round > dossier.comebacks
    )


def step_allowed(kind: StepKind, dossier: Dossier, role: str) -> bool:
    """Whether the page enables ``kind``: the move is legal now and the role may make it."""
    if not may(role, PERMISSIONS.get(kind, Permission.STEP)):
        return False
    if dossier.status not in MOVES[kind][0]:
        return False
    return not (kind is StepKind.SUPPLEMENT_REQUEST and supplement_asked_this_round(dossier))


def why_not(kind: StepKind, dossier: Dossier, role: str) -> str:
    """The refusal the services would give for ``kind`` now ("" when it is allowed)."""
    try:
        require(role, PERMISSIONS.get(kind, Permission.STEP))
        if kind is StepKind.SUPPLEMENT_REQUEST:
            check_supplement_request(dossier.status, supplement_asked_this_round(dossier))
        else:
            check_move(dossier.status, kind)
    except UserError as exc:
        return exc.message
    return ""


def apology_allowed(dossier: Dossier, apology: Apology | None, role: str) -> bool:
    """Whether the page offers "Xin lỗi và hẹn lại": running, none yet, a role that makes steps."""
    return apology is None and step_allowed(StepKind.APOLOGY, dossier, role)


def apology_why_not(dossier: Dossier, apology: Apology | None, role: str) -> str:
    """Why no apology can be made now: the one already made (its number and new date),
    the dossier not running, or the role ("" when it can be made)."""
    try:
        require(role, PERMISSIONS.get(StepKind.APOLOGY, Permission.STEP))
        check_can_apologise(dossier.status, apology)
        check_move(dossier.status, StepKind.APOLOGY)
    except UserError as exc:
        return exc.message
    return ""
