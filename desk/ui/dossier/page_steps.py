"""The steps the dossier page offers: their buttons, in order, and their dialogs.

Whether a step is possible now, and why not, is the domain's rule
(:mod:`desk.domain.step_offer`), the same the services apply.
"""

from __future__ import annotations

from desk.domain.lifecycle import StepKind
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
