"""Password hashing and password rules.

Passwords are stretched with scrypt (RFC 7914, in the standard library's
hashlib): memory-hard, so a stolen database file cannot be cracked cheaply on
graphics cards. The stored text names its parameters,
``scrypt$n$r$p$salt$hash`` (salt and hash in base64), so the cost can be
raised later: ``needs_rehash()`` says when a stored hash uses weaker settings
than today's, and the sign-in that proves the password stores a new one.

Nothing here ever logs, returns or stores a password in clear.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

SCHEME = "scrypt"
N = 2**14  # CPU/memory cost: 128 * r * N bytes = 16 MiB, about 50 ms on an office PC
R = 8
P = 1
SALT_BYTES = 16
KEY_BYTES = 32
# Refuse absurd parameters read from a (tampered) database instead of exhausting memory.
_MAX_MEMORY = 2**28  # 256 MiB
_MAX_P = 16
_MAX_KEY = 1024
_SLACK = 2**21

MIN_LENGTH = 8
MAX_LENGTH = 128  # scrypt takes any length; this only stops pasting a whole document

# Temporary passwords are read aloud or copied from a slip of paper: no 0/O, 1/l/I.
_READABLE = "abcdefghjkmnpqrstuvwxyz23456789"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    # "surrogatepass": any Python string can be hashed, even one pasted with broken characters
    return hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, n=n, r=r, p=p,
                          dklen=length, maxmem=128 * r * n + _SLACK)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, N, R, P, KEY_BYTES)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(key)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    if not (n >= 2 and n & (n - 1) == 0 and r >= 1 and 128 * r * n <= _MAX_MEMORY
            and 1 <= p <= _MAX_P):
        return None
    if not salt or not 1 <= len(key) <= _MAX_KEY:
        return None
    return n, r, p, salt, key


def verify_password(password: str, stored: str | None) -> bool:
    """True when ``password`` matches ``stored``; False for anything malformed, never raises."""
    if not stored or not isinstance(password, str):
        return False
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, key = parsed
    try:
        candidate = _derive(password, salt, n, r, p, len(key))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, key)


def needs_rehash(stored: str | None) -> bool:
    """True when ``stored`` was made with weaker (or unknown) settings than today's."""
    if not stored:
        return False
    parsed = _parse(stored)
    if parsed is None:
        return True
    n, r, p, salt, key = parsed
    return n < N or r < R or p < P or len(salt) < SALT_BYTES or len(key) < KEY_BYTES


def burn_time(password: str) -> None:
    """Spend as long as a real check, so a wrong user name answers as slowly as a wrong password."""
    _derive(password, b"\0" * SALT_BYTES, N, R, P, KEY_BYTES)


def password_problem(password: str, username: str = "") -> str | None:
    """Why ``password`` may not be used, in Chinese, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"密码至少需要 {MIN_LENGTH} 个字符"
    if len(password) > MAX_LENGTH:
        return f"密码不能超过 {MAX_LENGTH} 个字符"
    if password.isdigit():
        return "密码不能全是数字，请加入字母或符号"
    if not password.strip():
        return "密码不能全是空格"
    if username and password.strip().casefold() == username.strip().casefold():
        return "密码不能与登录名相同"
    return None


def temporary_password() -> str:
    """A readable one-time password such as ``kfm7-x2qe``: 8 characters, at least one letter."""
    while True:
        chars = "".join(secrets.choice(_READABLE) for _ in range(8))
        if not chars.isdigit():
            return f"{chars[:4]}-{chars[4:]}"
