"""A dossier's audit trail in the clerk's words: the receipts printed are named too."""

from __future__ import annotations

from datetime import datetime

from desk.domain.clock import VN_TZ
from desk.services.audit import AuditEntry
from desk.ui.dossier.dossier_history import audit_rows


def test_receipt_prints_are_named_as_a_clerk_names_them():
    at = datetime(2026, 3, 10, 11, 20, tzinfo=VN_TZ)
    after = {"appointment_at": "2026-03-12T09:15:00+07:00", "printer": "win32:EPSON TM-T82"}
    rows = audit_rows(
        [
            AuditEntry(at, "Lê Thị Hoa", "receipt_printed", {}, after),
            AuditEntry(at, "Lê Thị Hoa", "receipt_reprinted", {}, after),
            AuditEntry(at, "Lê Thị Hoa", "scan_removed", {"paper": 2}, {}),
        ]
    )
    assert [r[2] for r in rows] == ["In phiếu hẹn", "In lại phiếu hẹn", "scan_removed"]
    assert rows[1][4] == "Hẹn trả: 12/03/2026 09:15; Máy in: win32:EPSON TM-T82"
