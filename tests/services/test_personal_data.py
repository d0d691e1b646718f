"""A citizen's data handed over, and erased after the retention period, both audited."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import NotFound, UserError
from desk.services import accounts, audit, catalog, dossiers, personal_data, steps
from desk.services.intake import record_intake
from desk.storage.tables import DossierRow

LAND = "1.013978"
ID_NUMBER = "079190001234"
NAME = "Phạm Thị Hồng"
PHONE = "0912345678"


def _intake(db, clerk, clock, id_number: str = ID_NUMBER, name: str = NAME) -> str:
    p = catalog.get_procedure(db, LAND)
    draft = IntakeDraft(
        procedure_code=LAND,
        applicant=Applicant(
            name=name,
            id_number=id_number,
            phone=PHONE,
            address="Ấp 3, xã Tân Phú",
            email="hong@example.vn",
        ),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:2]],
    )
    return record_intake(db, draft, clerk, clock).code


@pytest.fixture
def supervisor(db, clerk):
    accounts.add_clerk(db, clerk, "lanhdao", "Võ Minh Tâm", "tam2026ok", role="supervisor")
    return accounts.log_in(db, "lanhdao", "tam2026ok")


@pytest.fixture
def plain_clerk(db, clerk):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok")
    return accounts.log_in(db, "canbo1", "hoa2026ok")


def test_export_holds_every_dossier_of_the_id_with_papers_and_steps(
    db, clerk, clock, supervisor, tmp_path
):
    first = _intake(db, clerk, clock)
    steps.refuse(db, clerk, first, "Thiếu giấy tờ bản chính", clock)
    second = _intake(db, clerk, clock)
    _intake(db, clerk, clock, id_number="001090001289", name="Trần Văn Khoa")
    out = tmp_path / "cong-dan.json"
    assert personal_data.export_citizen(db, supervisor, f" {ID_NUMBER} ", out, clock) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["id_number"] == ID_NUMBER
    assert [d["code"] for d in data["dossiers"]] == [first, second]
    d = data["dossiers"][0]
    assert d["applicant_name"] == NAME and d["phone"] == PHONE
    assert d["status"] == "refused" and len(d["papers"]) == 2
    assert [st["kind"] for st in d["steps"]] == ["intake", "refuse"]
    assert "Trần Văn Khoa" not in out.read_text(encoding="utf-8")


def test_export_is_audited_under_the_masked_id_only(db, clerk, clock, supervisor, tmp_path):
    code = _intake(db, clerk, clock)
    personal_data.export_citizen(db, supervisor, ID_NUMBER, tmp_path / "x.json", clock)
    trail = audit.trail(db, "citizen", "0791******34")
    assert len(trail) == 1
    assert trail[0].action == "export" and trail[0].by == "Võ Minh Tâm"
    assert trail[0].after["dossiers"] == [code]
    assert audit.trail(db, "citizen", ID_NUMBER) == []


def test_an_admin_may_export_a_clerk_may_not(db, clerk, clock, plain_clerk, tmp_path):
    _intake(db, clerk, clock)
    assert personal_data.export_citizen(db, clerk, ID_NUMBER, tmp_path / "a.json", clock) == 1
    with pytest.raises(UserError) as err:
        personal_data.export_citizen(db, plain_clerk, ID_NUMBER, tmp_path / "b.json", clock)
    assert "lãnh đạo" in err.value.message
    assert not (tmp_path / "b.json").exists()


def test_export_of_an_unknown_id_writes_nothing(db, clock, supervisor, tmp_path):
    with pytest.raises(NotFound):
        personal_data.export_citizen(db, supervisor, "001099999999", tmp_path / "n.json", clock)
    assert not (tmp_path / "n.json").exists()
    assert audit.trail(db, "citizen", "0010******99") == []


def test_export_to_a_folder_that_cannot_be_written_says_so_and_is_not_audited(
    db, clerk, clock, supervisor, tmp_path
):
    _intake(db, clerk, clock)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserError) as err:
        personal_data.export_citizen(db, supervisor, ID_NUMBER, blocker / "x.json", clock)
    assert "Không ghi được tệp" in err.value.message
    assert audit.trail(db, "citizen", "0791******34") == []


def _refused_long_ago(db, clerk, clock) -> str:
    code = _intake(db, clerk, clock)
    steps.refuse(db, clerk, code, "Không đủ điều kiện", clock)
    clock.advance(timedelta(days=personal_data.DEFAULT_RETENTION_DAYS + 1))
    return code


def test_erasure_blanks_the_personal_data_and_keeps_the_dossier(db, clerk, clock, supervisor):
    code = _refused_long_ago(db, clerk, clock)
    personal_data.erase_personal_data(db, supervisor, code, clock)
    d = dossiers.get_dossier(db, code)
    a = d.applicant
    assert a.name == "(đã xóa)"
    assert (a.id_number, a.address, a.phone, a.email, a.principal) == ("", "", "", "", "")
    assert a.birth_date is None
    assert d.procedure_code == LAND and d.status.value == "refused"
    assert [s.kind.value for s in steps.timeline(db, code)] == ["intake", "refuse"]
    with db.read() as s:
        key = s.scalar(select(DossierRow.search_key).where(DossierRow.code == code))
    assert "pham" not in key and ID_NUMBER not in key and PHONE not in key
    entry = audit.trail(db, "dossier", code)[-1]
    assert entry.action == "erase_personal_data" and entry.by == "Võ Minh Tâm"
    assert "id_number" in entry.after["erased"]
    assert ID_NUMBER not in json.dumps(entry.after) and NAME not in json.dumps(entry.after)


def test_a_stopped_dossier_may_be_erased_too(db, clerk, clock, supervisor):
    code = _intake(db, clerk, clock)
    steps.stop(db, clerk, code, "Người nộp xin rút hồ sơ", clock)
    clock.advance(timedelta(days=personal_data.DEFAULT_RETENTION_DAYS + 1))
    personal_data.erase_personal_data(db, supervisor, code, clock)
    assert dossiers.get_dossier(db, code).applicant.id_number == ""


def test_erasure_before_the_retention_period_is_refused(db, clerk, clock, supervisor):
    code = _intake(db, clerk, clock)
    steps.refuse(db, clerk, code, "Không đủ điều kiện", clock)
    clock.advance(timedelta(days=personal_data.DEFAULT_RETENTION_DAYS - 1))
    with pytest.raises(UserError) as err:
        personal_data.erase_personal_data(db, supervisor, code, clock)
    assert "chưa hết thời hạn lưu giữ 1826 ngày" in err.value.message
    assert dossiers.get_dossier(db, code).applicant.id_number == ID_NUMBER


def test_the_retention_period_is_a_setting(db, clerk, clock, supervisor):
    personal_data.set_retention_days(db, clerk, 30)
    assert personal_data.retention_days(db) == 30
    code = _intake(db, clerk, clock)
    steps.refuse(db, clerk, code, "Không đủ điều kiện", clock)
    clock.advance(timedelta(days=31))
    personal_data.erase_personal_data(db, supervisor, code, clock)
    assert dossiers.get_dossier(db, code).applicant.name == "(đã xóa)"
    with pytest.raises(UserError):
        personal_data.set_retention_days(db, supervisor, 1)


def test_an_open_or_returned_dossier_is_never_erased(db, clerk, clock, supervisor):
    code = _intake(db, clerk, clock)
    clock.advance(timedelta(days=4000))
    with pytest.raises(UserError) as err:
        personal_data.erase_personal_data(db, supervisor, code, clock)
    assert "phải được lưu giữ" in err.value.message
    assert dossiers.get_dossier(db, code).applicant.name == NAME


def test_only_a_supervisor_erases(db, clerk, clock, plain_clerk, supervisor):
    code = _refused_long_ago(db, clerk, clock)
    for who in (plain_clerk, clerk):
        with pytest.raises(UserError) as err:
            personal_data.erase_personal_data(db, who, code, clock)
        assert "Chỉ lãnh đạo, giám sát" in err.value.message
    assert dossiers.get_dossier(db, code).applicant.name == NAME


def test_erasing_twice_is_refused(db, clerk, clock, supervisor):
    code = _refused_long_ago(db, clerk, clock)
    personal_data.erase_personal_data(db, supervisor, code, clock)
    with pytest.raises(UserError) as err:
        personal_data.erase_personal_data(db, supervisor, code, clock)
    assert "đã được xóa" in err.value.message
    with pytest.raises(NotFound):
        personal_data.erase_personal_data(db, supervisor, "KHONG-CO", clock)
