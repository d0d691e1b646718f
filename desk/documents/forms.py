"""Old home of the dossier forms' writers, now ``desk.services.form_documents``.

Kept only while the dossier page (``desk.ui.dossier.form_documents``) and the
``desk step`` / ``desk letter`` commands still import the writers from here;
delete it once they import ``desk.services.form_documents``. Nothing else may
use it: ``desk.documents`` lays out what it is given and reads no database.
"""

from desk.services.form_documents import (  # noqa: F401
    apology_pdf,
    control_slip_pdf,
    receipt_pdf,
    refusal_pdf,
    stop_notice_pdf,
    supplement_request_pdf,
)
