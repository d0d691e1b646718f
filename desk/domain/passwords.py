"""Password hashing: salted scrypt from the standard library, never clear text.

Format: ``scrypt$n$r$p$salt_hex$hash_hex``, so the cost can be raised later
while old hashes still verify.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from desk.domain.translation import translate

N, R, P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        password.encode(),
        salt=bytes.fromhex(salt_hex),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(digest_hex) // 2,
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


def check_new_password(password: str) -> str | None:
    """A message (in the clerk's language) when a new password is too weak, else ``None``."""
    if len(password) < 8:
        return translate("Passwords", "Mật khẩu phải có ít nhất 8 ký tự.")
    if password.isdigit() or password.isalpha():
        return translate("Passwords", "Mật khẩu phải có cả chữ và số.")
    return None
