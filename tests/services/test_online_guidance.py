"""Online-only procedures (Directive 24/CT-TTg): the guide printed, recorded and counted,
and intake at the counter only on the clerk's confirmation."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import NotFound, ValidationError
from desk.domain.procedure import Channel
from desk.domain.statistics import Period
from desk.printing.printers import PrinterError
from desk.services import audit, catalog, dossiers, online_guidance, reports
from desk.services.intake import record_intake

PERMANENT_RESIDENCE = "1.004222"  # Đăng ký thường trú: online only from 01/10/2025
JUDICIAL_RECORD = "3.000333"
BIRTH = "1.001193"
MARCH = Period.month(2026, 3)


def draft_for(db, code: str, channel: Channel = Channel.COUNTER) -> IntakeDraft:
    p = catalog.get_procedure(db, code)
    return IntakeDraft(
        procedure_code=code,
        applicant=Applicant(name="Nguyễn Thị Mai", id_number="079190001234", phone="0912345678"),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers if not x.optional],
        channel=channel,
    )


def test_the_shipped_residence_and_judicial_record_procedures_are_online_only(db):
    assert catalog.get_procedure(db, PERMANENT_RESIDENCE).online_only
    assert catalog.get_procedure(db, JUDICIAL_RECORD).online_only
    assert not catalog.get_procedure(db, BIRTH).online_only


def test_a_printed_guide_is_recorded_and_counted_in_its_period(db, clerk, clock, tmp_path: Path):
    target = tmp_path / "guide.bin"
    image = online_guidance.print_guide(
        db, PERMANENT_RESIDENCE, clerk, clock, uri=f"file:{target}", paper="58"
    )
    assert image.width == 384 and target.read_bytes()
    online_guidance.print_guide(db, JUDICIAL_RECORD, None, clock, uri="none")
    april = FixedClock(datetime(2026, 4, 1, 8, 0))
    online_guidance.print_guide(db, PERMANENT_RESIDENCE, clerk, april, uri="none")

    def between(first: date, last: date) -> int:
        start = datetime.combine(first, datetime.min.time(), VN_TZ)
        end = datetime.combine(last + timedelta(days=1), datetime.min.time(), VN_TZ)
        with db.read() as s:
            return online_guidance.count_between(s, start, end)

    assert between(date(2026, 3, 1), date(2026, 3, 31)) == 2
    assert between(date(2026, 4, 1), date(2026, 4, 1)) == 1
    now = clock.now()
    assert reports.report(db, MARCH, now).guided_online == 2
    assert reports.as_record(reports.report(db, MARCH, now))["guided_online"] == 2
    assert reports.dashboard(db, MARCH, now).guided_online == 2
    assert reports.dashboard(db, Period.month(2026, 2), now).guided_online == 0


def test_a_printer_that_is_off_records_nothing(db, clerk, clock, tmp_path: Path):
    with pytest.raises(PrinterError):
        online_guidance.print_guide(
            db, PERMANENT_RESIDENCE, clerk, clock, uri=f"file:{tmp_path / 'no' / 'g.bin'}"
        )
    assert reports.report(db, MARCH, clock.now()).guided_online == 0


def test_an_unknown_procedure_is_not_found(db, clerk, clock):
    with pytest.raises(NotFound):
        online_guidance.print_guide(db, "9.999999", clerk, clock, uri="none")


def test_intake_of_an_online_only_procedure_at_the_counter_needs_the_clerks_confirmation(
    db, clerk, clock
):
    with pytest.raises(ValidationError) as refused:
        record_intake(db, draft_for(db, PERMANENT_RESIDENCE), clerk, clock)
    message = refused.value.errors["procedure"]
    assert "chỉ tiếp nhận trực tuyến từ 01/10/2025 (Chỉ thị 24/CT-TTg)" in message
    assert "Cổng Dịch vụ công quốc gia" in message and "Vẫn tiếp nhận tại quầy" in message
    assert dossiers.count_dossiers(db) == 0

    saved = record_intake(
        db, draft_for(db, PERMANENT_RESIDENCE), clerk, clock, accept_online_only=True
    )
    (entry,) = audit.trail(db, "dossier", saved.code)
    assert entry.after["online_only_received_at_counter"] is True


def test_an_online_only_dossier_that_came_online_and_other_procedures_need_nothing(
    db, clerk, clock
):
    online = record_intake(db, draft_for(db, PERMANENT_RESIDENCE, Channel.ONLINE), clerk, clock)
    assert "online_only_received_at_counter" not in audit.trail(db, "dossier", online.code)[0].after
    record_intake(db, draft_for(db, BIRTH), clerk, clock)
    assert dossiers.count_dossiers(db) == 2
