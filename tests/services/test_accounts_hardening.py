"""Accounts hardened: lockout after wrong passwords, password change and reset, roles enforced."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desk.domain.clock import FixedClock
from desk.domain.errors import UserError
from desk.services import accounts, audit, backup, calendar, catalog, steps
from desk.storage.tables import UserRow

T0 = datetime(2026, 3, 10, 9, 15)


@pytest.fixture
def plain(db, clerk):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau123")
    return accounts.log_in(db, "canbo1", "matkhau123")


def _row(db, username):
    from sqlalchemy import select

    with db.read() as s:
        return s.scalar(select(UserRow).where(UserRow.username == username))


def test_five_wrong_passwords_lock_the_account_for_a_while(db, plain):
    clock = FixedClock(T0)
    for _ in range(4):
        with pytest.raises(UserError, match="^Sai tên đăng nhập hoặc mật khẩu.$"):
            accounts.log_in(db, "canbo1", "sai-matkhau1", clock)
    with pytest.raises(UserError, match="tạm khóa đến 09:30"):
        accounts.log_in(db, "canbo1", "sai-matkhau1", clock)
    # even the right password waits until the lock ends
    with pytest.raises(UserError, match="tạm khóa"):
        accounts.log_in(db, "canbo1", "matkhau123", FixedClock(T0 + timedelta(minutes=14)))
    later = FixedClock(T0 + timedelta(minutes=16))
    assert accounts.log_in(db, "canbo1", "matkhau123", later).username == "canbo1"
    assert _row(db, "canbo1").failed_logins == 0
    assert [e.action for e in audit.trail(db, "user", "canbo1")] == ["login_locked"]


def test_a_right_password_resets_the_count(db, plain):
    clock = FixedClock(T0)
    for _ in range(4):
        with pytest.raises(UserError):
            accounts.log_in(db, "canbo1", "sai-matkhau1", clock)
    accounts.log_in(db, "canbo1", "matkhau123", clock)
    assert _row(db, "canbo1").failed_logins == 0
    for _ in range(4):  # four more wrong ones still do not lock it
        with pytest.raises(UserError, match="^Sai tên"):
            accounts.log_in(db, "canbo1", "sai-matkhau1", clock)
    assert _row(db, "canbo1").locked_until is None


def test_unknown_user_gets_the_same_answer(db):
    with pytest.raises(UserError) as exc:
        accounts.log_in(db, "khongco", "matkhau123")
    assert exc.value.message == "Sai tên đăng nhập hoặc mật khẩu."


def test_owner_changes_password_with_the_old_one(db, plain):
    with pytest.raises(UserError, match="hiện tại không đúng"):
        accounts.change_password(db, plain, "nham-123abc", "matkhaumoi9")
    with pytest.raises(UserError, match="ít nhất 8"):
        accounts.change_password(db, plain, "matkhau123", "ngan1")
    accounts.change_password(db, plain, "matkhau123", "matkhaumoi9", FixedClock(T0))
    with pytest.raises(UserError):
        accounts.log_in(db, "canbo1", "matkhau123")
    assert accounts.log_in(db, "canbo1", "matkhaumoi9").username == "canbo1"
    assert _row(db, "canbo1").password_changed_at == FixedClock(T0).now()
    assert [e.action for e in audit.trail(db, "user", "canbo1")] == ["password_changed"]


def test_admin_reset_lifts_a_lock_and_the_owner_must_change_it(db, clerk, plain):
    for _ in range(5):
        with pytest.raises(UserError):
            accounts.log_in(db, "canbo1", "sai-matkhau1")
    accounts.reset_password(db, clerk, "canbo1", "tamthoi123")
    user = accounts.log_in(db, "canbo1", "tamthoi123")
    assert accounts.must_change_password(db, user)
    accounts.change_password(db, user, "tamthoi123", "cuatoi4567")
    assert not accounts.must_change_password(db, user)
    trail = audit.trail(db, "user", "canbo1")
    assert [e.action for e in trail] == ["login_locked", "password_reset", "password_changed"]
    assert trail[1].by == "Nguyễn Văn An"


def test_disabled_account_cannot_log_in(db, clerk, plain):
    accounts.set_active(db, clerk, "canbo1", False)
    with pytest.raises(UserError, match="đã bị khóa"):
        accounts.log_in(db, "canbo1", "matkhau123")
    accounts.set_active(db, clerk, "canbo1", True)
    assert accounts.log_in(db, "canbo1", "matkhau123").username == "canbo1"


def test_services_refuse_a_clerk_for_admin_and_supervisor_changes(db, plain, tmp_path, clock):
    """Called directly, not through a button: each refuses and nothing changes."""
    hash_before = _row(db, "admin").password_hash
    refused = {
        "add_clerk": lambda: accounts.add_clerk(db, plain, "moi123", "Người Mới", "matkhau123"),
        "reset": lambda: accounts.reset_password(db, plain, "admin", "chiem1234"),
        "disable": lambda: accounts.set_active(db, plain, "admin", False),
        "backup_folder": lambda: backup.set_backup_folder(db, plain, tmp_path),
        "office_hours": lambda: calendar.set_office_hours(db, plain, "07:00-17:00"),
        "procedure": lambda: catalog.save_procedure(
            db, plain, catalog.get_procedure(db, "1.001193")
        ),
        "reassign": lambda: steps.reassign(db, plain, "X-1", "admin", "lý do", clock),
    }
    for call in refused.values():
        with pytest.raises(UserError, match="Chỉ"):
            call()
    assert _row(db, "admin").password_hash == hash_before
    assert _row(db, "admin").active
    assert _row(db, "moi123") is None
    assert backup.backup_folder(db) == backup.default_folder()
