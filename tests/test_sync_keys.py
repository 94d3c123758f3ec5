"""Office keys: files people exchange and fingerprints they read to each other over the phone."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from app.audit import verify_chain
from app.models import AuditLog
from app.sync import KeyFileError
from app.sync.keys import read_key_file
from tests.sync_support import make_county, make_township

pytestmark = pytest.mark.both_backends


def test_public_key_file_and_fingerprint(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    township = make_township(make_services)
    info = township.sync.write_public_key(tmp_path / "mine.ldkey")
    data = json.loads((tmp_path / "mine.ldkey").read_text(encoding="utf-8"))
    assert data["office_code"] == "370702101" and data["role"] == "township"
    assert re.fullmatch(r"([0-9A-F]{8} ){4}[0-9A-F]{8}", info.fingerprint)
    assert data["fingerprint"] == info.fingerprint == township.sync.status().own_fingerprint
    assert "private" not in (tmp_path / "mine.ldkey").read_text(encoding="utf-8")
    # the same keys on every call: they are stored with the office's data
    assert township.sync.write_public_key(tmp_path / "again.ldkey").fingerprint == info.fingerprint


def test_private_keys_never_reach_the_audit_log(make_services) -> None:  # type: ignore[no-untyped-def]
    township = make_township(make_services)
    keys = township.sync.own_keys()
    stored = keys.stored()
    with township.ctx.reading() as s:
        entries = s.scalars(select(AuditLog).where(AuditLog.entity == "sync_key")).all()
        assert entries and verify_chain(s) is None
    text = json.dumps([e.after for e in entries])
    assert stored[0] not in text and stored[1] not in text


def test_register_once_again_and_replace(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    township = make_township(make_services)
    county = make_county(make_services)
    key = township.sync.write_public_key(tmp_path / "t.ldkey")
    assert county.sync.register_key(tmp_path / "t.ldkey") == key
    assert county.sync.register_key(tmp_path / "t.ldkey") == key  # the same key again: nothing happens
    assert [p.office_code for p in county.sync.peers()] == ["370702101"]

    reinstalled = make_township(make_services)  # same office, new PC, new keys
    new_key = reinstalled.sync.write_public_key(tmp_path / "t2.ldkey")
    assert new_key.fingerprint != key.fingerprint
    with pytest.raises(KeyFileError, match="重装"):
        county.sync.register_key(tmp_path / "t2.ldkey")
    assert county.sync.peers()[0].fingerprint == key.fingerprint
    assert county.sync.register_key(tmp_path / "t2.ldkey", replace=True).fingerprint == new_key.fingerprint
    assert county.sync.peers()[0].fingerprint == new_key.fingerprint


def test_roles_are_checked(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    township = make_township(make_services)
    other = make_township(make_services, "370702102")
    county = make_county(make_services)
    other.sync.write_public_key(tmp_path / "other.ldkey")
    county.sync.write_public_key(tmp_path / "county.ldkey")
    township.sync.write_public_key(tmp_path / "self.ldkey")
    with pytest.raises(KeyFileError, match="只登记县局"):
        township.sync.register_key(tmp_path / "other.ldkey")
    with pytest.raises(KeyFileError, match="自己的公钥"):
        township.sync.register_key(tmp_path / "self.ldkey")
    with pytest.raises(KeyFileError, match="只登记乡镇"):
        _register_county_at_county(county, tmp_path)
    township.sync.register_key(tmp_path / "county.ldkey")
    assert [p.role for p in township.sync.peers()] == ["county"]


def _rewritten(source: Path, target: Path, **changes: str) -> Path:
    """The same keys under another office, written as the program writes key files."""
    replace(read_key_file(source), **changes).write(target)
    return target


def _register_county_at_county(county, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    county.sync.register_key(_rewritten(tmp_path / "county.ldkey", tmp_path / "other-county.ldkey",
                                        office_code="370703000"))


@pytest.mark.parametrize("content, reason", [
    ("not json", "无法读取"),
    ('{"format": "something-else"}', "不是单位公钥文件"),
    ('{"format": "landdesk-office-key", "version": 9}', "更新版本"),
    ('{"format": "landdesk-office-key", "version": 1, "office_code": "12"}', "已损坏"),
])
def test_damaged_key_files_are_refused(make_services, tmp_path: Path, content: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    township = make_township(make_services)
    path = tmp_path / "bad.ldkey"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KeyFileError, match=reason):
        township.sync.register_key(path)
    assert township.sync.peers() == []


def test_edited_fingerprint_is_noticed(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    township = make_township(make_services)
    county = make_county(make_services)
    county.sync.write_public_key(tmp_path / "c.ldkey")
    data = json.loads((tmp_path / "c.ldkey").read_text(encoding="utf-8"))
    data["fingerprint"] = "00000000 00000000 00000000 00000000 00000000"
    (tmp_path / "c.ldkey").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KeyFileError, match="指纹"):
        township.sync.register_key(tmp_path / "c.ldkey")


@pytest.mark.parametrize("respell", [
    lambda data: json.dumps(data, ensure_ascii=False),  # on one line
    lambda data: json.dumps(data, ensure_ascii=True, indent=2) + "\n",  # Chinese escaped
    lambda data: json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\r\n") + "\r\n",  # CR LF
    lambda data: json.dumps(dict(reversed(data.items())), ensure_ascii=False, indent=2) + "\n",
], ids=["one-line", "escaped", "crlf", "reordered"])
def test_a_respelled_key_file_is_refused(make_services, tmp_path: Path, respell) -> None:  # type: ignore[no-untyped-def]
    """Same keys, same fields, another spelling: only the program's own is accepted."""
    township = make_township(make_services)
    county = make_county(make_services)
    county.sync.write_public_key(tmp_path / "c.ldkey")
    data = json.loads((tmp_path / "c.ldkey").read_text(encoding="utf-8"))
    (tmp_path / "c2.ldkey").write_bytes(respell(data).encode("utf-8"))
    with pytest.raises(KeyFileError, match="写法"):
        township.sync.register_key(tmp_path / "c2.ldkey")
    assert township.sync.peers() == []
    township.sync.register_key(tmp_path / "c.ldkey")


def test_a_township_registers_one_county(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    township = make_township(make_services)
    county = make_county(make_services)
    county.sync.write_public_key(tmp_path / "c.ldkey")
    township.sync.register_key(tmp_path / "c.ldkey")
    _rewritten(tmp_path / "c.ldkey", tmp_path / "c2.ldkey", office_code="370703000", office_name="邻县自然资源局")
    with pytest.raises(KeyFileError, match="只对应一个县局"):
        township.sync.register_key(tmp_path / "c2.ldkey")
    township.sync.register_key(tmp_path / "c2.ldkey", replace=True)
    assert [p.office_code for p in township.sync.peers()] == ["370703000"]
