"""Office keys: an Ed25519 key that signs batch files and an X25519 key that receives them.

The public halves travel as a small ``.ldkey`` JSON file; people compare the printed
fingerprint over the phone before registering a peer's key.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from app.errors import LanddeskError

KEY_FILE_FORMAT = "landdesk-office-key"
KEY_FILE_VERSION = 1
ROLES = {"township": "乡镇", "county": "县局"}


class KeyFileError(LanddeskError):
    """A public key file cannot be used (not a key file, damaged, wrong role …)."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(ed25519_public: bytes, x25519_public: bytes) -> str:
    """SHA-256 of both public keys, first 20 bytes as five groups of eight hex digits."""
    digest = hashlib.sha256(ed25519_public + x25519_public).hexdigest()[:40].upper()
    return " ".join(digest[i:i + 8] for i in range(0, 40, 8))


@dataclass(frozen=True)
class OwnKeys:
    """This office's private keys (from the sync_key row)."""

    signing: Ed25519PrivateKey
    receiving: X25519PrivateKey

    @classmethod
    def generate(cls) -> OwnKeys:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @classmethod
    def from_stored(cls, ed25519_private: str, x25519_private: str) -> OwnKeys:
        return cls(Ed25519PrivateKey.from_private_bytes(unb64(ed25519_private)),
                   X25519PrivateKey.from_private_bytes(unb64(x25519_private)))

    def stored(self) -> tuple[str, str]:
        return b64(_raw_private(self.signing)), b64(_raw_private(self.receiving))

    @property
    def ed25519_public(self) -> bytes:
        return _raw_public(self.signing.public_key())

    @property
    def x25519_public(self) -> bytes:
        return _raw_public(self.receiving.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.ed25519_public, self.x25519_public)


@dataclass(frozen=True)
class PublicKeyFile:
    office_code: str
    office_name: str
    role: str
    ed25519_public: bytes
    x25519_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.ed25519_public, self.x25519_public)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": KEY_FILE_FORMAT,
            "version": KEY_FILE_VERSION,
            "office_code": self.office_code,
            "office_name": self.office_name,
            "role": self.role,
            "ed25519_public": b64(self.ed25519_public),
            "x25519_public": b64(self.x25519_public),
            "fingerprint": self.fingerprint,
        }

    def text(self) -> str:
        """The file's one accepted spelling (read_key_file refuses any other)."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def write(self, path: Path) -> None:
        path.write_text(self.text(), encoding="utf-8", newline="\n")


def read_key_file(path: Path) -> PublicKeyFile:
    """Read and check a ``.ldkey`` file; every problem is a KeyFileError naming the file."""
    from app.sync.fileformat import file_label  # fileformat imports this module

    name = file_label(path)
    try:
        if Path(path).stat().st_size > 64 * 1024:
            raise KeyFileError(f"文件 {name} 不是单位公钥文件（文件过大）")
        raw = Path(path).read_bytes().decode("utf-8")
        data = json.loads(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KeyFileError(f"无法读取单位公钥文件 {name}：{exc}") from exc
    if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
        raise KeyFileError(f"文件 {name} 不是单位公钥文件（.ldkey）")
    version = data.get("version")
    if not isinstance(version, int) or version > KEY_FILE_VERSION:
        raise KeyFileError(f"单位公钥文件 {name} 由更新版本的程序生成，请先升级本程序")
    try:
        code, office_name, role = data["office_code"], data["office_name"], data["role"]
        ed_pub, x_pub = unb64(data["ed25519_public"]), unb64(data["x25519_public"])
        if not (isinstance(code, str) and code.isdigit() and len(code) == 9):
            raise ValueError("单位代码应为 9 位数字")
        if not isinstance(office_name, str) or not office_name.strip():
            raise ValueError("缺少单位名称")
        if role not in ROLES:
            raise ValueError("单位类型应为乡镇或县局")
        Ed25519PublicKey.from_public_bytes(ed_pub)
        X25519PublicKey.from_public_bytes(x_pub)
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileError(f"单位公钥文件 {name} 已损坏：{exc}") from exc
    key = PublicKeyFile(code, office_name, role, ed_pub, x_pub)
    if data.get("fingerprint") != key.fingerprint:
        raise KeyFileError(f"单位公钥文件 {name} 的指纹与公钥不符，文件可能被改动过")
    if raw != key.text():
        raise KeyFileError(f"单位公钥文件 {name} 的写法与本程序写出的不同，文件被改写过；请让对方重新导出公钥文件")
    return key
