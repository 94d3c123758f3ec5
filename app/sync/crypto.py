"""Personal data in a batch file is readable only by the county.

Each batch has a random 32-byte data key, wrapped for the county's X25519 key
(ephemeral X25519 → HKDF-SHA256 → AES-GCM). Personal fields are encrypted with
AES-GCM under the data key; the nonce is derived from the change number and the
field, so a batch re-made with its stored data key is byte-identical.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.sync.keys import b64, unb64

# The one list of personal fields (names, ID numbers, phones, addresses of citizens).
PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "applicant": ("name", "id_number", "phone", "address", "legal_rep", "legal_rep_id_number"),
    "case_file": ("agent_name", "agent_id_number", "agent_phone"),
    "inquiry": ("asker", "address", "phone"),
    "service_rating": ("comment", "return_visit"),
    # A petition file's history and contact notes name neighbours and relatives as well.
    "petition_case": ("petitioner", "id_number", "phone", "address", "history", "resolution"),
    "petition_contact": ("participants", "content", "outcome", "next_step"),
}

PREFIX = "enc1:"
_WRAP_INFO = b"landdesk-sync-1 data key"


class DecryptError(Exception):
    """An encrypted value or wrapped key does not open with this key."""


def new_data_key() -> bytes:
    return os.urandom(32)


def _kek(shared: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_WRAP_INFO).derive(shared)


def wrap_key(data_key: bytes, recipient: X25519PublicKey) -> str:
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    nonce = os.urandom(12)
    sealed = AESGCM(_kek(ephemeral.exchange(recipient))).encrypt(nonce, data_key, eph_pub)
    return b64(eph_pub + nonce + sealed)


def unwrap_key(wrapped: str, own: X25519PrivateKey) -> bytes:
    try:
        raw = unb64(wrapped)
        eph_pub, nonce, sealed = raw[:32], raw[32:44], raw[44:]
        shared = own.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        key = AESGCM(_kek(shared)).decrypt(nonce, sealed, eph_pub)
    except (ValueError, InvalidTag, TypeError) as exc:
        raise DecryptError(str(exc)) from exc
    if len(key) != 32:
        raise DecryptError("data key length")
    return key


class FieldCipher:
    """Encrypts and decrypts the personal fields of payloads with one batch's data key."""

    def __init__(self, data_key: bytes) -> None:
        self._key = data_key
        self._aead = AESGCM(data_key)

    def _nonce(self, change_seq: int, field: str) -> bytes:
        return hmac.new(self._key, f"{change_seq}/{field}".encode(), hashlib.sha256).digest()[:12]

    def seal(self, table: str, change_seq: int, payload: dict[str, Any]) -> dict[str, Any]:
        fields = PERSONAL_FIELDS.get(table)
        if not fields:
            return payload
        out = dict(payload)
        for field in fields:
            if field in out and out[field] is not None:
                plain = json.dumps(out[field], ensure_ascii=False).encode("utf-8")
                nonce = self._nonce(change_seq, field)
                aad = f"{table}/{field}".encode()
                out[field] = PREFIX + b64(nonce + self._aead.encrypt(nonce, plain, aad))
        return out

    def open(self, table: str, payload: dict[str, Any]) -> dict[str, Any]:
        fields = PERSONAL_FIELDS.get(table)
        if not fields:
            return payload
        out = dict(payload)
        for field in fields:
            value = out.get(field)
            if isinstance(value, str) and value.startswith(PREFIX):
                try:
                    raw = unb64(value[len(PREFIX):])
                    plain = self._aead.decrypt(raw[:12], raw[12:], f"{table}/{field}".encode())
                    out[field] = json.loads(plain.decode("utf-8"))
                except (ValueError, InvalidTag, UnicodeDecodeError) as exc:
                    raise DecryptError(f"{table}.{field}") from exc
            elif value is not None:
                raise DecryptError(f"{table}.{field} not encrypted")
        return out
