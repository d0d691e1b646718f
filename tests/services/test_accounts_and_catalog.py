from __future__ import annotations

import pytest

from desk.domain.errors import UserError, ValidationError
from desk.domain.procedure import PaperForm, RequiredPaper
from desk.services import accounts, catalog, office
from desk.storage.tables import UserRow


def test_first_setup_needs_office_and_admin(empty_db):
    assert office.needs_setup(empty_db)


def test_passwords_are_not_stored_in_clear(db):
    with db.read() as s:
        stored = s.query(UserRow).one().password_hash
    assert "matkhau123" not in stored
    assert stored.startswith("scrypt$")


def test_login_good_and_bad(db):
    assert accounts.log_in(db, "admin", "matkhau123").is_admin
    with pytest.raises(UserError) as err:
        accounts.log_in(db, "admin", "sai-mat-khau1")
    assert err.value.message == "Sai tên đăng nhập hoặc mật khẩu."


def test_admin_adds_a_clerk_who_can_log_in_but_cannot_add_others(db, clerk):
    hoa = accounts.add_clerk(db, clerk, "canbo.hoa", "Lê Thị Hoa", "hoa2026ok")
    assert accounts.log_in(db, "canbo.hoa", "hoa2026ok") == hoa
    with pytest.raises(UserError):
        accounts.add_clerk(db, hoa, "canbo.x", "X", "abcd12345")
    with pytest.raises(UserError) as dup:
        accounts.add_clerk(db, clerk, "canbo.hoa", "Ai đó", "hoa2026ok")
    assert "đã có người dùng" in dup.value.message


def test_weak_password_and_bad_username_are_refused(db, clerk):
    with pytest.raises(ValidationError) as err:
        accounts.add_clerk(db, clerk, "Cán Bộ", "", "1234")
    assert set(err.value.errors) == {"username", "full_name", "password"}


def test_search_ignores_accents_and_case(db):
    found = catalog.list_procedures(db, "dang ky ket hon")
    assert [p.name for p in found] == ["Thủ tục đăng ký kết hôn"]
    assert catalog.list_procedures(db, "KHAI SINH")


def test_admin_edits_a_procedures_papers(db, clerk):
    p = catalog.get_procedure(db, "1.000894")
    p.papers.append(RequiredPaper("Giấy xác nhận tình trạng hôn nhân", PaperForm.ORIGINAL, 1))
    saved = catalog.save_procedure(db, clerk, p)
    assert saved.papers[-1].name == "Giấy xác nhận tình trạng hôn nhân"
    assert catalog.get_procedure(db, "1.000894").papers == saved.papers


def test_shipped_catalog_is_loaded_on_setup(db):
    assert len(catalog.list_procedures(db)) >= 25


def test_the_program_hashes_at_its_own_cost(monkeypatch, quick_password_hashing):
    """The tests hash at a lower cost (``tests/conftest.py``); the program's is scrypt
    N = 2**14, r = 8, p = 1, written in the hash, and a hash of either cost is checked."""
    from desk.domain import passwords

    assert quick_password_hashing == 2**14  # the program's own, before the tests lowered it
    monkeypatch.setattr(passwords, "N", quick_password_hashing)
    stored = passwords.hash_password("matkhau123")
    assert stored.startswith("scrypt$16384$8$1$")
    assert passwords.verify_password("matkhau123", stored)
    assert not passwords.verify_password("matkhau124", stored)
