"""The batch file: streamed JSON lines, checksummed and signed.

    LANDDESK-SYNC 1                     magic line
    {header}                            kind, office, batch seq, chain, counts, keys …
    {"c":…,"t":…,"id":…,"op":…,…}       one line per change record
    {"records":n,"sha256":…,"sig":…}    trailer: SHA-256 of every byte above, Ed25519 signature

Reading is two passes over the file: ``verify`` checks everything (shape, counts,
checksum, signature, recipient) without keeping records in memory, then
``read_records`` streams them for applying and checks the checksum once more at
the end (the file could change between passes). Every problem is a
SyncFileError with a Chinese message naming the file and what is wrong.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.errors import LanddeskError
from app.sync.keys import b64, unb64

MAGIC_PREFIX = b"LANDDESK-SYNC "
FORMAT_VERSION = 1
MAGIC = MAGIC_PREFIX + str(FORMAT_VERSION).encode() + b"\n"
MAX_LINE = 16 * 1024 * 1024  # one record line; a longer line is damage, not data
GENESIS_BATCH_HASH = "0" * 64
OPS = ("insert", "update", "delete")
KINDS = {"uplink": "乡镇上报文件", "downlink": "县局回传文件", "recovery": "县局恢复文件"}
TRAILER_START = b'{"records":'
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")


class SyncFileError(LanddeskError):
    """A sync file is refused. ``kind`` says why, for the UI and tests:

    not_sync_file, unreadable, truncated, malformed, checksum, signature, unknown_office,
    wrong_county, wrong_office, wrong_kind, future_version, replayed_conflict, chain,
    write_failed, no_county_key, cancelled.
    """

    def __init__(self, file_name: str, kind: str, detail: str) -> None:
        super().__init__(f"同步文件 {file_name}：{detail}" if file_name else detail)
        self.file_name = file_name
        self.kind = kind
        self.detail = detail


def file_label(path: Path | str) -> str:
    """A file's name as shown and stored: whatever a stick's file system holds (names that are not
    UTF-8, hundreds of characters), the name never decides or breaks an import."""
    name = Path(path).name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    name = "".join(ch if ch.isprintable() else "\ufffd" for ch in name)
    return name if len(name) <= FILE_LABEL_MAX else name[:FILE_LABEL_MAX - 41] + "…" + name[-40:]


FILE_LABEL_MAX = 200  # sync_import.file_name

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def encode_line(obj: Any) -> bytes:
    """One canonical JSON line: the same object always gives the same bytes."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _canonical(line: bytes, data: Any, what: str) -> None:
    """A header or trailer is accepted only in the one spelling this program writes.

    JSON allows the same object many ways (spaces, key order, escapes); the trailer is not
    covered by the checksum, so without this a reshaped file would still be "valid".
    """
    try:
        same = encode_line(data) == line
    except (UnicodeEncodeError, ValueError):  # a lone surrogate escape cannot be written back
        same = False
    if not same:
        raise ValueError(f"{what}的写法与本程序写出的不同（被改写过）")


@dataclass(frozen=True)
class Header:
    kind: str
    format_version: int
    office_code: str
    office_name: str
    county_code: str
    batch_seq: int
    prev_batch_hash: str
    first_change: int
    last_change: int
    counts: dict[str, int]
    record_count: int
    made_at: str
    signer: str
    recipient: str
    wrapped_key: str | None
    flagged: dict[str, Any]
    ack: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Record:
    c: int
    t: str
    id: str
    op: str
    h: str | None
    b: str | None
    at: str
    p: dict[str, Any] | None


@dataclass(frozen=True)
class VerifiedFile:
    path: Path
    header: Header
    batch_hash: str


# ---------------------------------------------------------------- writing


class BatchWriter:
    """Writes one batch to an open binary file, hashing as it goes (nothing kept in memory)."""

    def __init__(self, out: IO[bytes], header: Header) -> None:
        self._out = out
        self._sha = hashlib.sha256()
        self._records = 0
        self._emit(MAGIC)
        self._emit(encode_line(header.to_json()))

    def _emit(self, data: bytes) -> None:
        self._sha.update(data)
        self._out.write(data)

    def write(self, record: Record) -> None:
        # Keys in a fixed order, the payload as stored: deterministic without sorting every row.
        line = {"c": record.c, "t": record.t, "id": record.id, "op": record.op, "h": record.h, "b": record.b,
                "at": record.at, "p": record.p}
        self._emit(_dumps(line).encode("utf-8") + b"\n")
        self._records += 1

    def finish(self, signing: Ed25519PrivateKey) -> str:
        digest = self._sha.hexdigest()
        signature = b64(signing.sign(digest.encode("ascii")))
        self._out.write(encode_line({"records": self._records, "sha256": digest, "sig": signature}))
        return digest


# ---------------------------------------------------------------- reading


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_hash(value: Any) -> bool:
    return isinstance(value, str) and _HEX64.match(value) is not None


def _header(data: Any) -> Header:
    if not isinstance(data, dict):
        raise ValueError("文件头不是 JSON 对象")
    strings = ("kind", "office_code", "office_name", "county_code", "made_at", "signer", "recipient")
    ints = ("format_version", "batch_seq", "first_change", "last_change", "record_count")
    for key in strings:
        if not isinstance(data.get(key), str):
            raise ValueError(f"文件头缺少 {key}")
    for key in ints:
        if not _is_int(data.get(key)) or data[key] < 0:
            raise ValueError(f"文件头的 {key} 不是非负整数")
    if data["kind"] not in KINDS:
        raise ValueError("文件头的 kind 不对")
    if not _is_hash(data.get("prev_batch_hash")):
        raise ValueError("文件头的 prev_batch_hash 不对")
    counts = data.get("counts")
    if not isinstance(counts, dict) or not all(isinstance(k, str) and _is_int(v) and v >= 0
                                               for k, v in counts.items()):
        raise ValueError("文件头的 counts 不对")
    if sum(counts.values()) != data["record_count"]:
        raise ValueError("文件头的分表计数与记录总数不符")
    if data["batch_seq"] < 1 or data["first_change"] > data["last_change"] + 1:
        raise ValueError("文件头的批次号或变更范围不对")
    wrapped = data.get("wrapped_key")
    if wrapped is not None and not isinstance(wrapped, str):
        raise ValueError("文件头的 wrapped_key 不对")
    flagged = data.get("flagged", {})
    ack = data.get("ack")
    if not isinstance(flagged, dict) or (ack is not None and not isinstance(ack, dict)):
        raise ValueError("文件头的 flagged 或 ack 不对")
    if ack is not None and not (_is_int(ack.get("seq")) and isinstance(ack.get("hash"), str)
                                and _is_int(ack.get("records")) and isinstance(ack.get("ids_hash"), str)):
        raise ValueError("文件头的 ack 不对")
    return Header(
        kind=data["kind"], format_version=data["format_version"], office_code=data["office_code"],
        office_name=data["office_name"], county_code=data["county_code"], batch_seq=data["batch_seq"],
        prev_batch_hash=data["prev_batch_hash"], first_change=data["first_change"],
        last_change=data["last_change"], counts=dict(counts), record_count=data["record_count"],
        made_at=data["made_at"], signer=data["signer"], recipient=data["recipient"],
        wrapped_key=wrapped, flagged=flagged, ack=ack,
    )


def _record(data: Any, header: Header) -> Record:
    if not isinstance(data, dict) or set(data) != {"c", "t", "id", "op", "h", "b", "at", "p"}:
        raise ValueError("记录的字段不对")
    c, t, row_id, op, h, b, at, p = (data[k] for k in ("c", "t", "id", "op", "h", "b", "at", "p"))
    if not _is_int(c) or not header.first_change <= c <= header.last_change:
        raise ValueError("记录的变更号超出文件头的范围")
    if not isinstance(t, str) or t not in header.counts:
        raise ValueError("记录的表名不在文件头的计数中")
    if not isinstance(row_id, str) or not row_id or len(row_id) > 64:
        raise ValueError("记录的行号不对")
    if op not in OPS or not isinstance(at, str):
        raise ValueError("记录的操作或时间不对")
    if (h is not None and not _is_hash(h)) or (b is not None and not _is_hash(b)):
        raise ValueError("记录的哈希不对")
    if op == "delete":
        if p is not None or h is not None:
            raise ValueError("删除记录不应带有内容")
    elif not isinstance(p, dict) or h is None:
        raise ValueError("记录缺少内容")
    return Record(c=c, t=t, id=row_id, op=op, h=h, b=b, at=at, p=p)


def _json(line: bytes) -> Any:
    try:
        return json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise ValueError("不是有效的 JSON") from exc


class _Lines:
    """Reads a file line by line, hashing every byte before the trailer."""

    def __init__(self, fh: IO[bytes], name: str) -> None:
        self.fh = fh
        self.name = name
        self.sha = hashlib.sha256()
        self.line_no = 0

    def next(self) -> bytes | None:
        line = self.fh.readline(MAX_LINE + 1)
        if not line:
            return None
        self.line_no += 1
        if not line.endswith(b"\n"):
            if len(line) > MAX_LINE:
                raise SyncFileError(self.name, "malformed", f"第 {self.line_no} 行过长，文件已损坏")
            raise SyncFileError(self.name, "truncated", "文件不完整（最后一行没有写完），可能复制时中断，请重新复制或重新导出")
        return line


def _open(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the callers' with-blocks
    except OSError as exc:
        raise SyncFileError(file_label(path), "unreadable", f"无法读取：{exc.strerror or exc}") from exc


def _read_start(lines: _Lines) -> Header:
    name = lines.name
    first = lines.fh.readline(64)
    lines.line_no = 1
    if not first.startswith(MAGIC_PREFIX) or not first.endswith(b"\n"):
        raise SyncFileError(name, "not_sync_file", "不是 landdesk 同步文件")
    version_text = first[len(MAGIC_PREFIX):].strip()
    if not version_text.isdigit():
        raise SyncFileError(name, "not_sync_file", "不是 landdesk 同步文件")
    if int(version_text) > FORMAT_VERSION:
        raise SyncFileError(name, "future_version",
                            f"此文件由更新版本的程序生成（格式版本 {int(version_text)}），请先升级本程序再导入")
    if first != MAGIC:
        raise SyncFileError(name, "not_sync_file", "不是 landdesk 同步文件")
    lines.sha.update(first)
    line = lines.next()
    if line is None:
        raise SyncFileError(name, "truncated", "文件不完整（缺少文件头），请重新复制或重新导出")
    lines.sha.update(line)
    try:
        data = _json(line)
        if isinstance(data, dict) and _is_int(data.get("format_version")) and data["format_version"] > FORMAT_VERSION:
            raise SyncFileError(name, "future_version",
                                f"此文件由更新版本的程序生成（格式版本 {data['format_version']}），请先升级本程序再导入")
        header = _header(data)
        _canonical(line, data, "文件头")
        return header
    except ValueError as exc:
        raise SyncFileError(name, "malformed", f"文件头已损坏（{exc}）") from exc


def peek_header(path: Path) -> Header | None:
    """The header of a sync file, unchecked (None if it is not one): only to decide how to
    import it. Nothing read here is trusted: ``verify`` checks the whole file afterwards."""
    try:
        with _open(path) as fh:
            return _read_start(_Lines(fh, file_label(path)))
    except SyncFileError:
        return None


def verify(path: Path, *, expected_kind: str, signer_key: Callable[[str], tuple[Ed25519PublicKey, str] | None],
           own_fingerprint: str) -> VerifiedFile:
    """Pass 1: check the whole file; return its header and batch hash. Writes nothing."""
    path = Path(path)
    name = file_label(path)
    with _open(path) as fh:
        lines = _Lines(fh, name)
        header = _read_start(lines)
        if header.kind != expected_kind:
            raise SyncFileError(name, "wrong_kind",
                                f"这是{KINDS[header.kind]}，不能在这里导入（这里应导入{KINDS[expected_kind]}）")
        # Cheap refusals first, from the header alone: a file from an office nobody registered, or
        # addressed to another office, is not read on (a huge file after a valid header).
        found = signer_key(header.office_code)
        if found is None:
            raise SyncFileError(name, "unknown_office",
                                f"来自未登记的单位 {header.office_name}（{header.office_code}），"
                                "请先登记该单位的公钥文件并核对指纹")
        public, registered_fingerprint = found
        if header.signer != registered_fingerprint:
            raise SyncFileError(name, "signature",
                                f"签名密钥（指纹 {header.signer}）与登记的 {header.office_code} 的公钥不符；"
                                "如对方重装过程序，请核对并重新登记其公钥")
        if header.recipient != own_fingerprint:
            kind = "wrong_county" if header.kind == "uplink" else "wrong_office"
            raise SyncFileError(name, kind, "此文件是发给另一个单位的（接收方公钥指纹不是本单位的），请核对")
        # Pass 1 hashes and counts record lines without decoding them: only a signed file is
        # read further, and pass 2 checks every record's shape inside the import's transaction.
        count = 0
        trailer: Any = None
        try:
            while True:
                line = lines.next()
                if line is None:
                    break
                if line.startswith(TRAILER_START):
                    trailer = _json(line)
                    if not isinstance(trailer, dict):
                        raise ValueError("文件尾不是 JSON 对象")
                    _canonical(line, trailer, "文件尾")
                    if fh.read(1):
                        raise ValueError("文件尾之后还有内容")
                    break
                lines.sha.update(line)
                count += 1
        except ValueError as exc:
            raise SyncFileError(name, "malformed", f"第 {lines.line_no} 行已损坏（{exc}）") from exc
        if trailer is None:
            raise SyncFileError(name, "truncated", "文件不完整（缺少文件尾），可能复制时中断，请重新复制或重新导出")
    digest = lines.sha.hexdigest()
    if not (isinstance(trailer.get("sha256"), str) and isinstance(trailer.get("sig"), str)
            and _is_int(trailer.get("records")) and set(trailer) == {"records", "sha256", "sig"}):
        raise SyncFileError(name, "malformed", "文件尾已损坏")
    if trailer["sha256"] != digest:
        raise SyncFileError(name, "checksum", "校验和不符：文件内容被改动或已损坏，请重新复制或重新导出")
    if trailer["records"] != count or count != header.record_count:
        raise SyncFileError(name, "malformed", "记录数与文件头不符，文件已损坏")
    try:
        public.verify(unb64(trailer["sig"]), digest.encode("ascii"))
    except (InvalidSignature, ValueError) as exc:
        raise SyncFileError(name, "signature", "签名无效：文件不是由登记的单位生成，或已被改动") from exc
    return VerifiedFile(path=path, header=header, batch_hash=digest)


def verify_written(path: Path, public: Ed25519PublicKey, records: int) -> str:
    """Read a file just written back from the disk: checksum, signature and record count only
    (its content came from this program a moment ago). Returns the batch hash."""
    name = file_label(path)
    with _open(path) as fh:
        size = fh.seek(0, 2)
        tail_start = max(0, size - 4096)
        fh.seek(tail_start)
        tail = fh.read()
        cut = tail.rfind(b"\n", 0, len(tail) - 1)
        if cut < 0 or not tail.endswith(b"\n"):
            raise SyncFileError(name, "write_failed", "重新读取时文件不完整")
        body_size = tail_start + cut + 1
        sha = hashlib.sha256()
        fh.seek(0)
        left = body_size
        while left:
            block = fh.read(min(left, 1 << 20))
            if not block:
                raise SyncFileError(name, "write_failed", "重新读取时文件不完整")
            sha.update(block)
            left -= len(block)
        trailer_line = fh.read()
    try:
        trailer = json.loads(trailer_line)
        digest = sha.hexdigest()
        if trailer["sha256"] != digest or trailer["records"] != records:
            raise ValueError("checksum")
        public.verify(unb64(trailer["sig"]), digest.encode("ascii"))
    except (ValueError, KeyError, TypeError, InvalidSignature) as exc:
        raise SyncFileError(name, "write_failed", "重新读取时校验失败，文件没有正确写入") from exc
    return digest


def read_records(verified: VerifiedFile) -> Iterator[Record]:
    """Pass 2: the records of a verified file, one at a time, each checked; raises
    SyncFileError if a record is malformed or the file changed since pass 1."""
    name = file_label(verified.path)
    header = verified.header
    seen: dict[str, int] = {}
    last_c = 0
    with _open(verified.path) as fh:
        lines = _Lines(fh, name)
        _read_start(lines)
        while True:
            line = lines.next()
            if line is None or line.startswith(TRAILER_START):
                break
            lines.sha.update(line)
            try:
                record = _record(_json(line), header)
                if record.c <= last_c:
                    raise ValueError("记录的顺序不对")
            except ValueError as exc:
                raise SyncFileError(name, "malformed", f"第 {lines.line_no} 行已损坏（{exc}）") from exc
            last_c = record.c
            seen[record.t] = seen.get(record.t, 0) + 1
            yield record
    if lines.sha.hexdigest() != verified.batch_hash:
        raise SyncFileError(name, "checksum", "读取过程中文件被改动，请重新导入")
    if {k: v for k, v in header.counts.items() if v} != seen:
        raise SyncFileError(name, "malformed", "各表记录数与文件头不符，文件已损坏")
