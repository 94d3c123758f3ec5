"""County side: apply townships' batches, make downlinks.

A batch is verified completely before anything is written, then applied in one
transaction with Core statements. Each record is compared with what the county
holds (``sync_row``): applied only onto the version it was made from, otherwise
kept as a conflict with both versions. Batches after a gap are held and applied
as soon as the gap is filled.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, delete, insert, select, tuple_, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import aliased

from app.audit import _plain, row_hash, snapshot
from app.errors import StateError
from app.models import (
    Base,
    CalendarYear,
    Case,
    CatalogVersion,
    Holiday,
    MaterialRequirement,
    Matter,
    Office,
    SupervisionNotice,
    SyncConflict,
    SyncHeld,
    SyncImport,
    SyncOfficeState,
    SyncPeer,
    SyncRow,
    SyncVersion,
    User,
    WorkTarget,
)
from app.services.context import LOCAL_TZ
from app.sync import ownership, rows
from app.sync.crypto import DecryptError, FieldCipher, unwrap_key
from app.sync.fileformat import (
    FORMAT_VERSION,
    GENESIS_BATCH_HASH,
    BatchWriter,
    Header,
    Record,
    SyncFileError,
    VerifiedFile,
    file_label,
    read_records,
    verify,
)
from app.sync.township import _DryRun, _fsync_dir, _record_import
from app.sync.types import ImportReport, TableCounts

if TYPE_CHECKING:
    from app.sync.service import SyncService

CHUNK = 2000


def _held_dir(svc: SyncService) -> Path:
    return svc.data_folder / "sync" / "held"


def _refused(name: str, exc: SyncFileError, header: Header | None = None) -> ImportReport:
    return ImportReport(file_name=name, kind="uplink", office_code=header.office_code if header else "",
                        office_name=header.office_name if header else "",
                        batch_seq=header.batch_seq if header else 0, outcome="refused",
                        message=exc.message, refusal_kind=exc.kind)


def _verify(svc: SyncService, path: Path) -> VerifiedFile:
    keys = svc.own_keys()
    with svc.ctx.reading() as s:
        return verify(path, expected_kind="uplink",
                      signer_key=lambda code: svc.peer_public(s, code, "township"),
                      own_fingerprint=keys.fingerprint)


def import_uplink(svc: SyncService, path: Path, *, dry_run: bool) -> list[ImportReport]:
    """Import one township batch; returns its report plus one for each held batch it unblocked."""
    name = file_label(path)
    try:
        verified = _verify(svc, path)
    except SyncFileError as exc:
        report = _refused(name, exc)
        if not dry_run:
            _record_import(svc, report, "")
        return [report]
    header = verified.header
    code = header.office_code
    with svc.ctx.reading() as s:
        state = s.get(SyncOfficeState, code)
        last_seq, last_hash = (state.last_seq, state.last_hash) if state else (0, GENESIS_BATCH_HASH)
        applied_hash = s.scalar(select(SyncImport.batch_hash).where(
            SyncImport.office_code == code, SyncImport.batch_seq == header.batch_seq,
            SyncImport.outcome == "applied", SyncImport.kind == "uplink").limit(1))
        held = s.scalars(select(SyncHeld).where(SyncHeld.office_code == code)).all()
    seq = header.batch_seq

    def simple(outcome: str, message: str, kind: str = "", missing: tuple[int, ...] = ()) -> ImportReport:
        return ImportReport(file_name=name, kind="uplink", office_code=code, office_name=header.office_name,
                            batch_seq=seq, outcome=outcome, message=message, missing=missing, refusal_kind=kind,
                            at=svc.ctx.now())

    if seq <= last_seq:
        if applied_hash == verified.batch_hash:
            report = simple("duplicate", f"{header.office_name} 第 {seq} 批已导入过，未做任何更改")
        else:
            report = simple("refused",
                            f"{header.office_name} 第 {seq} 批已导入过，但这份文件的内容与已导入的不同。"
                            "乡镇的数据库可能是从旧备份恢复的：请乡镇先导入县局最新的回传文件，再重新导出",
                            "replayed_conflict")
        if dry_run:
            return [dataclass_replace(report, outcome="checked")]
        _record_import(svc, report, verified.batch_hash)
        return [report]

    if seq > last_seq + 1:
        held_seqs = {h.batch_seq for h in held}
        missing = tuple(n for n in range(last_seq + 1, seq) if n not in held_seqs)
        same = next((h for h in held if h.batch_seq == seq), None)
        if same is not None and same.batch_hash != verified.batch_hash:
            report = simple("refused", f"{header.office_name} 第 {seq} 批已有一份内容不同的文件在等待，"
                            "请核对后再导入", "replayed_conflict", missing)
        else:
            gaps = "、".join(str(n) for n in missing)
            report = simple("held", f"{header.office_name} 缺少第 {gaps} 批，第 {seq} 批已暂存，"
                            "收到缺少的批次后会自动导入" if missing else
                            f"{header.office_name} 第 {seq} 批已暂存，等待前面的批次", missing=missing)
        if dry_run:
            return [dataclass_replace(report, outcome="checked")]
        if report.outcome == "held" and same is None:
            stored = _held_dir(svc) / f"{code}-{seq:05d}-{verified.batch_hash[:12]}.ldsync"
            stored.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, stored)
            with svc.ctx.transaction("sync.hold") as s:
                s.add(SyncHeld(office_code=code, batch_seq=seq, batch_hash=verified.batch_hash,
                               file_name=name, stored_path=str(stored), received_at=svc.ctx.now()))
                _record_import(svc, report, verified.batch_hash, s)
        else:
            _record_import(svc, report, verified.batch_hash)
        return [report]

    if header.prev_batch_hash != last_hash:
        report = simple("refused", f"{header.office_name} 第 {seq} 批没有接在县局已有的第 {last_seq} 批之后"
                        "（前一批的哈希不符）。乡镇的数据库可能是从旧备份恢复的：请乡镇先导入县局最新的回传文件，再重新导出",
                        "chain")
        if not dry_run:
            _record_import(svc, report, verified.batch_hash)
        return [report]

    try:
        report = _apply(svc, verified, name, dry_run=dry_run)
    except SyncFileError as exc:
        report = _refused(name, exc, header)
        if not dry_run:
            _record_import(svc, report, verified.batch_hash)
        return [report]
    if dry_run or report.outcome != "applied":
        return [report]
    applied_after: list[int] = []
    extra: list[ImportReport] = []
    while True:  # the gap may now be filled: apply what was waiting, in order
        with svc.ctx.reading() as s:
            nxt = s.scalars(select(SyncHeld).where(SyncHeld.office_code == code,
                                                   SyncHeld.batch_seq == seq + 1 + len(applied_after))).first()
        if nxt is None:
            break
        held_path = Path(nxt.stored_path)
        try:
            held_verified = _verify(svc, held_path)
            if held_verified.batch_hash != nxt.batch_hash:
                raise SyncFileError(nxt.file_name, "checksum", "暂存的文件已被改动")
            held_report = _apply(svc, held_verified, nxt.file_name, dry_run=False, held_id=nxt.id)
        except SyncFileError as exc:
            held_report = _refused(nxt.file_name, exc)
            with svc.ctx.transaction("sync.unhold") as s:
                s.execute(delete(SyncHeld).where(SyncHeld.id == nxt.id))
                _record_import(svc, held_report, "", s)
        extra.append(held_report)
        if held_report.outcome != "applied":
            break
        applied_after.append(held_report.batch_seq)
        with contextlib.suppress(OSError):
            held_path.unlink()
    if applied_after:
        report = dataclass_replace(report, applied_after=tuple(applied_after),
                                   message=report.message + f"；随后自动导入了暂存的第 "
                                   f"{'、'.join(map(str, applied_after))} 批")
    return [report, *extra]


def dataclass_replace(report: ImportReport, **changes: Any) -> ImportReport:
    from dataclasses import replace

    return replace(report, **changes)


# ---------------------------------------------------------------- applying one batch


@dataclass
class _Known:
    owner: str | None  # None: not in sync_row
    hash: str | None
    live: bool  # the row exists in its table now
    loaded: bool  # was in sync_row before this chunk


class _Applier:
    """Applies records chunk by chunk; one instance per batch, inside one transaction."""

    def __init__(self, conn: Connection, office_code: str, county_code: str, batch_seq: int,
                 cipher: FieldCipher | None, now: dt.datetime, file_name: str) -> None:
        self.conn = conn
        self.office = office_code
        self.county = county_code
        self.batch_seq = batch_seq
        self.cipher = cipher
        self.now = now
        self.file_name = file_name
        self.counts: dict[str, TableCounts] = {}
        self.order = {name: i for i, name in enumerate(rows.synced_tables())}
        # Rows kept out (conflicts) whose children must then be kept out too.
        self.diverted: set[tuple[str, str]] = set()
        office = Office.__table__
        # The sender's office rows: the one the county knows for its code, and any this batch
        # brings with that code (a township set up again in a new database sends its new one;
        # the unique code keeps a second row out as a conflict).
        self.sender_ids: set[Any] = set(conn.scalars(select(office.c.id).where(office.c.code == office_code)))
        self._owners: dict[tuple[str, str], str | None] = {}  # rows without sync_row, by content
        # Rows this batch has shown to be the sender's (written, or kept out as conflicts).
        self.claimed: set[tuple[str, str]] = set()

    def _lookup(self, records: list[Record]) -> dict[tuple[str, str], _Known]:
        known: dict[tuple[str, str], _Known] = {}
        by_table: dict[str, set[str]] = {}
        for r in records:
            if r.t not in self.order:
                continue
            by_table.setdefault(r.t, set()).add(r.id)
            # The rows a record refers to, to know whose they are (foreign keys are never encrypted).
            for column, parent in ownership.checked_references(r.t):
                value = r.p.get(column) if r.p else None
                if isinstance(value, str) and len(value) <= 64:
                    by_table.setdefault(parent, set()).add(value)
        sync_row = SyncRow.__table__
        for table_name, ids in by_table.items():
            ids = {i for i in ids if _parses(table_name, i)}
            if table_name not in rows.COUNTY_OWNED:
                for row_id, owner, digest, deleted in self.conn.execute(
                        select(sync_row.c.row_id, sync_row.c.office_code, sync_row.c.row_hash, sync_row.c.deleted)
                        .where(sync_row.c.table_name == table_name, sync_row.c.row_id.in_(ids))):
                    known[(table_name, row_id)] = _Known(owner, digest, not deleted, True)
            unknown = [i for i in ids if (table_name, i) not in known]
            for row_id in self._existing(table_name, unknown):
                known[(table_name, row_id)] = _Known(None, None, True, False)
        return known

    def _existing(self, table_name: str, ids: list[str]) -> Iterable[str]:
        if not ids:
            return []
        tbl = rows.table(table_name)
        pk = rows.primary_key(table_name)
        if len(pk) == 1:
            column = tbl.c[pk[0]]
            values = [rows.key_values(table_name, i)[pk[0]] for i in ids]
            found = {str(_plain(v)) for v in self.conn.scalars(select(column).where(column.in_(values)))}
            return [i for i in ids if i in found]
        out = []
        for i in ids:
            key = rows.key_values(table_name, i)
            if self.conn.execute(select(*[tbl.c[k] for k in pk]).where(*[tbl.c[k] == v for k, v in key.items()])
                                 ).first() is not None:
                out.append(i)
        return out

    def _county_version(self, table_name: str, row_id: str) -> dict[str, Any] | None:
        tbl = rows.table(table_name)
        key = rows.key_values(table_name, row_id)
        found = self.conn.execute(select(tbl).where(*[tbl.c[k] == v for k, v in key.items()])).mappings().first()
        return None if found is None else {k: _plain(v) for k, v in found.items()}

    def _history(self, records: list[Record], known: dict[tuple[str, str], _Known]) -> set[tuple[str, str, str]]:
        """Versions the county has held of the sender's rows that this chunk's records do not
        simply continue: a record bringing one of them again is not a conflict."""
        wanted: dict[str, set[str]] = {}
        for r in records:
            cur = known.get((r.t, r.id))
            if cur is not None and cur.owner == self.office and cur.hash not in (r.h, r.b):
                wanted.setdefault(r.t, set()).add(r.id)
        version = SyncVersion.__table__
        found: set[tuple[str, str, str]] = set()
        for table_name, ids in wanted.items():
            for part in _batches(sorted(ids), 500):
                found.update((table_name, row_id, digest) for row_id, digest in self.conn.execute(
                    select(version.c.row_id, version.c.row_hash)
                    .where(version.c.table_name == table_name, version.c.row_id.in_(part))))
        return found

    def apply_chunk(self, records: list[Record]) -> None:
        known = self._lookup(records)
        held_before = self._history(records, known)
        inserts: dict[str, dict[str, dict[str, Any]]] = {}
        updates: dict[str, dict[str, dict[str, Any]]] = {}
        deletes: dict[str, dict[str, dict[str, Any]]] = {}
        conflicts: list[dict[str, Any]] = []
        touched: dict[tuple[str, str], _Known] = {}
        sources: dict[tuple[str, str], tuple[Record, dict[str, Any] | None]] = {}
        new_versions: list[dict[str, Any]] = []
        held_now: set[tuple[str, str, str]] = set()  # versions written by this chunk (earlier ones are in held_before)
        for r in records:
            counts = self.counts.setdefault(r.t, TableCounts())
            key = (r.t, r.id)
            cur = known.get(key) or _Known(None, None, False, False)
            known[key] = cur
            if r.t not in self.order:
                raise self._refuse(r, "这个表不随同步文件传送，或本程序不认识")
            payload = self._open(r)
            checked = self._checked(r, payload)
            if r.t in rows.COUNTY_OWNED:
                # The county owns these: a township's copy only fills a gap (e.g. its catalogue version).
                if r.op != "delete" and not cur.live:
                    row = dict(checked or {})
                    if r.t == "catalog_version":
                        # Kept for the township's cases, never the county's current catalogue.
                        row["is_current"] = False
                    inserts.setdefault(r.t, {})[r.id] = row
                    cur.live = True
                    counts.new += 1
                else:
                    counts.unchanged += 1
                continue
            self._check_owner(r, checked, cur, known)
            if checked is not None:
                self.claimed.add(key)
            if cur.hash == r.h and (cur.owner is not None or r.op == "delete"):
                counts.unchanged += 1
                continue
            if cur.owner is None and cur.live:
                # The county has this row of its own: never overwritten silently.
                conflicts.append(self._conflict(r, self._county_version(r.t, r.id), payload))
                counts.conflicts += 1
                continue
            if cur.owner == self.office and cur.hash != r.b and r.h is not None and (
                    (r.t, r.id, r.h) in held_before or (r.t, r.id, r.h) in held_now):
                # A version of this row the county has held before: sent again (no downlink came
                # in between), or older than the one it holds. Not a divergence.
                counts.unchanged += 1
                continue
            if cur.owner is not None and cur.hash != r.b:
                conflicts.append(self._conflict(r, self._county_version(r.t, r.id) if cur.live else None, payload))
                counts.conflicts += 1
                if not cur.live:
                    self.diverted.add(key)
                continue
            sources[key] = (r, payload)
            if r.op == "delete":
                if cur.live:
                    pending = inserts.get(r.t, {}).pop(r.id, None)
                    updates.get(r.t, {}).pop(r.id, None)
                    if pending is None:
                        deletes.setdefault(r.t, {})[r.id] = rows.key_values(r.t, r.id)
                    counts.deleted += 1
                else:
                    counts.unchanged += 1
                cur.live = False
            else:
                row = dict(checked or {})
                if cur.live:
                    if r.id in inserts.get(r.t, {}):
                        inserts[r.t][r.id] = row
                    else:
                        updates.setdefault(r.t, {})[r.id] = row
                    counts.updated += 1
                elif r.id in deletes.get(r.t, {}):
                    del deletes[r.t][r.id]  # deleted and re-made within this chunk: still in the table
                    updates.setdefault(r.t, {})[r.id] = row
                    counts.new += 1
                else:
                    inserts.setdefault(r.t, {})[r.id] = row
                    counts.new += 1
                cur.live = True
            cur.owner = self.office
            cur.hash = r.h
            touched[key] = cur
            if r.h is not None:
                held_now.add((r.t, r.id, r.h))
                new_versions.append({"table_name": r.t, "row_id": r.id, "row_hash": r.h})
        for key, county_version in self._clashes(inserts, updates):
            r, payload = sources[key]
            self.diverted.add(key)
            touched.pop(key, None)
            counts = self.counts[r.t]
            if inserts.get(r.t, {}).pop(r.id, None) is not None:
                counts.new -= 1
            else:
                updates[r.t].pop(r.id)
                counts.updated -= 1
            counts.conflicts += 1
            conflicts.append(self._conflict(r, county_version, payload))
        self._write(inserts, updates, deletes)
        self._write_sync_rows(touched)
        clashed = set(sources) - set(touched)  # kept out after the loop: none of their versions are held
        self._write_versions([v for v in new_versions if (v["table_name"], v["row_id"]) not in clashed])
        if conflicts:
            self.conn.execute(insert(SyncConflict.__table__), conflicts)

    def _refuse(self, r: Record, reason: str) -> SyncFileError:
        return SyncFileError(self.file_name, "not_owner",
                             f"第 {r.c} 号变更（{r.t}，{r.id}）{reason}。文件的签名有效，但它要改的数据不属于 "
                             f"{self.office}，整个文件未导入")

    def _checked(self, r: Record, payload: dict[str, Any] | None) -> dict[str, Any] | None:
        """The record's values converted and checked against their columns (None for a delete)."""
        if payload is None:
            if r.op != "delete":
                raise SyncFileError(self.file_name, "malformed", f"第 {r.c} 号变更缺少内容，整个文件未导入")
            if not _parses(r.t, r.id):
                raise SyncFileError(self.file_name, "bad_value",
                                    f"第 {r.c} 号变更（{r.t}）的行号 {r.id[:40]} 不合要求，整个文件未导入")
            return None
        try:
            row = rows.to_row(r.t, payload)
        except rows.BadValue as exc:
            raise SyncFileError(self.file_name, "bad_value",
                                f"第 {r.c} 号变更（{r.t} 的 {exc.column}）{exc.reason}，整个文件未导入") from exc
        pk = rows.primary_key(r.t)
        if any(row.get(k) is None for k in pk) or "/".join(str(_plain(row[k])) for k in pk) != r.id:
            raise self._refuse(r, "的内容写的是另一行（主键与记录的行号不同）")
        return row

    def _owner_of(self, table_name: str, row_id: str, known: dict[tuple[str, str], _Known]) -> str | None:
        """The office code owning a row the county holds or this batch brought; None if absent."""
        if (table_name, row_id) in self.claimed:
            return self.office
        cur = known.get((table_name, row_id))
        if cur is not None and cur.owner is not None:
            return cur.owner
        if cur is not None and not cur.live:
            return None
        key = (table_name, row_id)
        if key not in self._owners:
            self._owners[key] = self._owner_by_content(table_name, row_id, known)
        return self._owners[key]

    def _owner_by_content(self, table_name: str, row_id: str, known: dict[tuple[str, str], _Known]) -> str | None:
        # A row without sync_row is the county's own, or one it made for a township (a target
        # share): whose it is, is written in the row.
        if table_name in rows.COUNTY_OWNED:
            return self.county
        if not _parses(table_name, row_id):
            return None
        tbl = rows.table(table_name)
        where = [tbl.c[k] == v for k, v in rows.key_values(table_name, row_id).items()]
        if table_name == "office":
            return self.conn.scalar(select(tbl.c.code).where(*where))
        link = ownership.owner_link(table_name)
        if link is None:
            return None
        value = self.conn.scalar(select(tbl.c[link[0]]).where(*where))
        if value is None:
            return None
        return self._owner_of(link[1], str(_plain(value)), known)

    def _check_owner(self, r: Record, row: dict[str, Any] | None, cur: _Known,
                     known: dict[tuple[str, str], _Known]) -> None:
        """Refuse the file unless the record touches only the sender's rows (app/sync/ownership.py)."""
        if cur.live or cur.owner is not None:
            holder = cur.owner or self._owner_of(r.t, r.id, known)
            if holder != self.office and not self._may_answer(r, row, cur, holder):
                whose = "县局" if holder == self.county else f"另一个单位（{holder or '县局'}）"
                raise self._refuse(r, f"要改的是{whose}的数据")
        if row is None:
            return
        if r.t == "office":
            if row.get("code") != self.office or row.get("is_county"):
                raise self._refuse(r, "把本所的单位代码或县局标记改成了别的")
            self.sender_ids.add(row["id"])
            return
        link = ownership.owner_link(r.t)
        for column, parent in ownership.checked_references(r.t):
            value = row.get(column)
            if value is None:
                if link is not None and column == link[0]:
                    raise self._refuse(r, f"没有写明所属单位（{column}）")
                continue
            if parent == "office":
                if value not in self.sender_ids:
                    raise self._refuse(r, f"的 {column} 指向另一个单位")
                continue
            owner = self._owner_of(parent, str(_plain(value)), known)
            allowed = {self.office, self.county} if parent in ownership.COUNTY_REFERENCE_OK else {self.office}
            if owner is not None and owner not in allowed:
                raise self._refuse(r, f"的 {column} 指向{'县局' if owner == self.county else '另一个单位'}的{parent}")
            if owner is None and link is not None and column == link[0]:
                raise self._refuse(r, f"的 {column} 指向县局没有、本文件也没有的{parent}")

    def _may_answer(self, r: Record, row: dict[str, Any] | None, cur: _Known, holder: str | None) -> bool:
        """A county notice on the sender's case: the township may write its reply, nothing else."""
        allowed = ownership.REPLY_COLUMNS.get(r.t)
        if allowed is None or holder != self.county or row is None or not cur.live or r.op != "update":
            return False
        if row.get("office_id") not in self.sender_ids:
            return False
        county_version = self._county_version(r.t, r.id) or {}
        incoming = {k: _plain(v) for k, v in row.items()}
        return all(incoming.get(k) == v for k, v in county_version.items() if k not in allowed)

    def _clashes(self, inserts: dict[str, dict[str, dict[str, Any]]],
                 updates: dict[str, dict[str, dict[str, Any]]]) -> list[tuple[tuple[str, str], Any]]:
        """Rows that cannot be written as they are: a unique value (a case number …) the county
        already holds on another row, or a parent that was itself kept out as a conflict.

        After a township restored an old backup, its new cases may get the numbers of cases the
        county already has from before: both versions are kept, the county's stays in place.
        """
        found: list[tuple[tuple[str, str], Any]] = []
        for table_name in sorted(set(inserts) | set(updates), key=self.order.__getitem__):
            pending = {**inserts.get(table_name, {}), **updates.get(table_name, {})}
            if not pending:
                continue
            for row_id, row in pending.items():
                for column, parent in rows.foreign_keys(table_name):
                    value = row.get(column)
                    if value is not None and (parent, str(_plain(value))) in self.diverted:
                        found.append(((table_name, row_id), None))
                        self.diverted.add((table_name, row_id))
                        break
            clashed = {key for key, _v in found}
            tbl = rows.table(table_name)
            pk = rows.primary_key(table_name)
            for columns in rows.unique_sets(table_name):
                wanted = {tuple(row.get(c) for c in columns): row_id for row_id, row in pending.items()
                          if (table_name, row_id) not in clashed and all(row.get(c) is not None for c in columns)}
                if not wanted:
                    continue
                target = tbl.c[columns[0]] if len(columns) == 1 else tuple_(*[tbl.c[c] for c in columns])
                values = [v[0] for v in wanted] if len(columns) == 1 else list(wanted)
                for hit in self.conn.execute(select(tbl).where(target.in_(values))).mappings():
                    key_values = tuple(hit[c] for c in columns)
                    row_id = wanted.get(key_values)
                    holder = "/".join(str(_plain(hit[k])) for k in pk)
                    if row_id is not None and holder != row_id:
                        found.append(((table_name, row_id), {k: _plain(v) for k, v in hit.items()}))
                        clashed.add((table_name, row_id))
                        self.diverted.add((table_name, row_id))
        return found

    def _open(self, r: Record) -> dict[str, Any] | None:
        if r.p is None or self.cipher is None:
            return r.p
        try:
            return self.cipher.open(r.t, r.p)
        except DecryptError as exc:
            raise SyncFileError(self.file_name, "malformed", f"第 {r.c} 号变更的加密内容无法解开（{exc}）") from exc

    def _conflict(self, r: Record, county_version: dict[str, Any] | None,
                  incoming: dict[str, Any] | None) -> dict[str, Any]:
        import uuid

        return {"id": uuid.uuid4(), "office_code": self.office, "table_name": r.t, "row_id": r.id,
                "county_version": county_version, "incoming_version": incoming, "change_seq": r.c,
                "batch_seq": self.batch_seq, "at": self.now, "resolved": False}

    def _write(self, inserts: dict[str, dict[str, dict[str, Any]]], updates: dict[str, dict[str, dict[str, Any]]],
               deletes: dict[str, dict[str, dict[str, Any]]]) -> None:
        # Parents first for inserts and updates, children first for deletes: foreign keys hold.
        for table_name in sorted(inserts, key=self.order.__getitem__):
            for group in _same_keys(inserts[table_name].values()):
                self.conn.execute(insert(rows.table(table_name)), group)
        for table_name in sorted(updates, key=self.order.__getitem__):
            tbl = rows.table(table_name)
            pk = rows.primary_key(table_name)
            for group in _same_keys(updates[table_name].values()):
                stmt = update(tbl).where(and_(*[tbl.c[k] == bindparam(f"pk_{k}") for k in pk]))
                self.conn.execute(stmt, [{**row, **{f"pk_{k}": row[k] for k in pk}} for row in group])
        for table_name in sorted(deletes, key=self.order.__getitem__, reverse=True):
            tbl = rows.table(table_name)
            pk = rows.primary_key(table_name)
            stmt = delete(tbl).where(and_(*[tbl.c[k] == bindparam(f"pk_{k}") for k in pk]))
            self.conn.execute(stmt, [{f"pk_{k}": key[k] for k in pk} for key in deletes[table_name].values()])

    def _write_versions(self, versions: list[dict[str, Any]]) -> None:
        if not versions:
            return
        version = SyncVersion.__table__
        unique = list({(v["table_name"], v["row_id"], v["row_hash"]): v for v in versions}.values())
        if self.conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        self.conn.execute(dialect_insert(version).on_conflict_do_nothing(), unique)

    def _write_sync_rows(self, touched: dict[tuple[str, str], _Known]) -> None:
        sync_row = SyncRow.__table__
        new = [{"table_name": t, "row_id": i, "office_code": k.owner, "row_hash": k.hash, "deleted": not k.live}
               for (t, i), k in touched.items() if not k.loaded]
        old = [{"k_t": t, "k_i": i, "office_code": k.owner, "row_hash": k.hash, "deleted": not k.live}
               for (t, i), k in touched.items() if k.loaded]
        if new:
            self.conn.execute(insert(sync_row), new)
            for (_t, _i), k in touched.items():
                k.loaded = True
        if old:
            self.conn.execute(update(sync_row).where(sync_row.c.table_name == bindparam("k_t"),
                                                     sync_row.c.row_id == bindparam("k_i")), old)


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _parses(table_name: str, row_id: str) -> bool:
    """Whether a row id fits the table's primary key (a UUID key must be a UUID …)."""
    try:
        rows.key_values(table_name, row_id)
    except (ValueError, TypeError, ArithmeticError):
        return False
    return True


def _same_keys(rows_: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    groups: dict[frozenset[str], list[dict[str, Any]]] = {}
    for row in rows_:
        groups.setdefault(frozenset(row), []).append(row)
    yield from groups.values()


def _chunks(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while chunk := list(islice(records, size)):
        yield chunk


def _apply_chunk(applier: _Applier, chunk: list[Record]) -> None:
    """One chunk of a batch (a seam for the test that kills an import half-way)."""
    applier.apply_chunk(chunk)


def _apply(svc: SyncService, verified: VerifiedFile, name: str, *, dry_run: bool,
           held_id: Any = None) -> ImportReport:
    header = verified.header
    keys = svc.own_keys()
    try:
        cipher = FieldCipher(unwrap_key(header.wrapped_key, keys.receiving)) if header.wrapped_key else None
    except DecryptError as exc:
        raise SyncFileError(name, "wrong_county", "文件中的数据密钥无法用本县局的密钥解开") from exc
    try:
        with svc.ctx.transaction("sync.import") as s:
            county_code = svc.home_office(s).code
            conn = s.connection()
            state = s.get(SyncOfficeState, header.office_code)
            if (state.last_seq if state else 0) != header.batch_seq - 1:
                raise StateError("另一台电脑同时在导入同一乡镇的文件，请稍后重试")
            applier = _Applier(conn, header.office_code, county_code, header.batch_seq, cipher,
                               svc.ctx.now(), name)
            try:
                for chunk in _chunks(read_records(verified), CHUNK):
                    _apply_chunk(applier, chunk)
            except (ValueError, TypeError, KeyError) as exc:  # values that do not fit their columns
                raise SyncFileError(name, "malformed", f"文件中的数据无法导入（{exc}），未做任何更改") from exc
            except (IntegrityError, DataError) as exc:
                raise SyncFileError(name, "rejected",
                                    f"文件中的数据与县局数据库的约束冲突（{exc.orig}），未做任何更改") from exc
            if state is None:
                state = SyncOfficeState(office_code=header.office_code, last_seq=0, last_hash=GENESIS_BATCH_HASH,
                                        downlink_seq=0, updated_at=svc.ctx.now())
                s.add(state)
            state.last_seq = header.batch_seq
            state.last_hash = verified.batch_hash
            state.updated_at = svc.ctx.now()
            if held_id is not None:
                s.execute(delete(SyncHeld).where(SyncHeld.id == held_id))
            by_table = applier.counts
            totals = TableCounts(**{f: sum(getattr(c, f) for c in by_table.values())
                                    for f in TableCounts.__dataclass_fields__})
            message = (f"{header.office_name} 第 {header.batch_seq} 批：新增 {totals.new}，更新 {totals.updated}，"
                       f"删除 {totals.deleted}，未变 {totals.unchanged}，冲突 {totals.conflicts}，拒收 {totals.refused}")
            if header.flagged.get("count"):
                message += f"；其中 {header.flagged['count']} 条变更的时间不可信（乡镇电脑时钟可能有误），已按顺序号处理"
            report = ImportReport(file_name=name, kind="uplink", office_code=header.office_code,
                                  office_name=header.office_name, batch_seq=header.batch_seq,
                                  outcome="checked" if dry_run else "applied",
                                  message=("（试导入，未写入）" + message) if dry_run else message,
                                  by_table=dict(by_table), at=svc.ctx.now())
            if dry_run:
                raise _DryRun(report)
            _record_import(svc, report, verified.batch_hash, s)
    except _DryRun as done:
        return done.report
    return report


# ---------------------------------------------------------------- downlinks


def export_downlinks(svc: SyncService, out_dir: Path, office_codes: Sequence[str] | None, *,
                     progress: Callable[[int, int], None] | None) -> list[Path]:
    keys = svc.own_keys()
    with svc.ctx.reading() as s:
        county = svc.home_office(s)
        if not county.is_county:
            raise StateError("只有县局可以导出回传文件")
        peers = s.scalars(select(SyncPeer).where(SyncPeer.role == "township").order_by(SyncPeer.office_code)).all()
        targets = [(p.office_code, p.office_name, p.fingerprint) for p in peers
                   if office_codes is None or p.office_code in office_codes]
        unknown = set(office_codes or ()) - {p.office_code for p in peers}
        county_id, county_code, county_name = county.id, county.code, county.name
    if unknown:
        raise StateError(f"未登记这些乡镇的公钥：{'、'.join(sorted(unknown))}")
    out_dir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for index, (code, _name, fingerprint) in enumerate(targets):
        made.append(_export_downlink(svc, out_dir, keys, county_id, county_code, county_name,
                                     code, fingerprint))
        if progress:
            progress(index + 1, len(targets))
    return made


def _downlink_rows(s: Any, county_id: Any, township_code: str) -> list[tuple[str, Base]]:
    items: list[tuple[str, Base]] = [("office", s.get(Office, county_id))]
    township = s.scalars(select(Office).where(Office.code == township_code)).first()
    notices: list[SupervisionNotice] = []
    shares: list[WorkTarget] = []
    county_targets: list[WorkTarget] = []
    if township is not None:
        notices = list(s.scalars(select(SupervisionNotice).join(Case, SupervisionNotice.case_id == Case.id)
                                 .where(Case.office_id == township.id, SupervisionNotice.office_id == county_id)
                                 .order_by(SupervisionNotice.number)))
        # The township's shares of county targets (cancelled ones too: the cancellation travels),
        # and the county targets they belong to, which mark them 县局下达 there.
        parent = aliased(WorkTarget)
        shares = list(s.scalars(select(WorkTarget).join(parent, parent.id == WorkTarget.parent_id)
                                .where(WorkTarget.office_id == township.id, parent.office_id == county_id)
                                .order_by(WorkTarget.first_year, WorkTarget.name, WorkTarget.id)))
        wanted = {t.parent_id for t in shares}
        county_targets = list(s.scalars(select(WorkTarget).where(WorkTarget.id.in_(wanted))
                                        .order_by(WorkTarget.id))) if wanted else []
    issuers = {n.issued_by for n in notices if n.issued_by}
    issuers |= {u for t in (*county_targets, *shares) for u in (t.created_by, t.cancelled_by) if u}
    items += [("app_user", u) for u in s.scalars(select(User).where(User.id.in_(issuers))
                                                  .order_by(User.id))]
    current = s.scalars(select(CatalogVersion).where(CatalogVersion.is_current)).all()
    items += [("catalog_version", v) for v in current]
    matters = list(s.scalars(select(Matter).where(Matter.catalog_version_id.in_([v.id for v in current]))
                             .order_by(Matter.id)))
    items += [("matter", m) for m in matters]
    items += [("material_requirement", m) for m in s.scalars(
        select(MaterialRequirement).where(MaterialRequirement.matter_id.in_([m.id for m in matters]))
        .order_by(MaterialRequirement.id))]
    items += [("holiday", h) for h in s.scalars(select(Holiday).order_by(Holiday.day))]
    items += [("calendar_year", y) for y in s.scalars(select(CalendarYear).order_by(CalendarYear.year))]
    items += [("supervision_notice", n) for n in notices]
    items += [("work_target", t) for t in (*county_targets, *shares)]
    return items


def _row_id(obj: Base) -> str:
    mapper = obj.__mapper__
    return "/".join(str(_plain(getattr(obj, c.key))) for c in mapper.primary_key)


def _export_downlink(svc: SyncService, out_dir: Path, keys: Any, county_id: Any, county_code: str,
                     county_name: str, township_code: str, fingerprint: str) -> Path:
    now = svc.ctx.now()
    with svc.ctx.transaction("sync.downlink_export") as s:
        state = s.get(SyncOfficeState, township_code)
        if state is None:
            state = SyncOfficeState(office_code=township_code, last_seq=0, last_hash=GENESIS_BATCH_HASH,
                                    downlink_seq=0, updated_at=now)
            s.add(state)
        seq = state.downlink_seq + 1
        items = [(t, obj, snapshot(obj)) for t, obj in _downlink_rows(s, county_id, township_code)]
        # Notices the county sends are rows the township may answer: remember the version sent,
        # so the answer (made from it) applies here as an ordinary update.
        conn = s.connection()
        sync_row = SyncRow.__table__
        for t, obj, payload in items:
            if t != "supervision_notice":
                continue
            rid = _row_id(obj)
            found = conn.execute(select(sync_row.c.row_id).where(sync_row.c.table_name == t,
                                                                  sync_row.c.row_id == rid)).first()
            if found is None:
                conn.execute(insert(sync_row).values(table_name=t, row_id=rid, office_code=county_code,
                                                     row_hash=row_hash(payload), deleted=False))
            else:
                conn.execute(update(sync_row).where(sync_row.c.table_name == t, sync_row.c.row_id == rid)
                             .values(row_hash=row_hash(payload), deleted=False))
        with contextlib.closing(conn.execute(select(sync_row.c.table_name, sync_row.c.row_id)
                                             .where(sync_row.c.office_code == township_code)
                                             .execution_options(yield_per=5000))) as owned:
            count, ids = rows.ids_hash(owned)
        counts: dict[str, int] = {}
        for t, _obj, _p in items:
            counts[t] = counts.get(t, 0) + 1
        header = Header(
            kind="downlink", format_version=FORMAT_VERSION, office_code=county_code, office_name=county_name,
            county_code=county_code, batch_seq=seq, prev_batch_hash=GENESIS_BATCH_HASH, first_change=1,
            last_change=len(items), counts=counts, record_count=len(items),
            made_at=now.astimezone(dt.UTC).isoformat(), signer=keys.fingerprint, recipient=fingerprint,
            wrapped_key=None, flagged={},
            ack={"seq": state.last_seq, "hash": state.last_hash, "records": count, "ids_hash": ids},
        )
        name = f"{county_code}-to-{township_code}-{seq:05d}-{now.astimezone(LOCAL_TZ):%Y%m}.ldsync"
        final = out_dir / name
        temp = out_dir / f".{name}.part"
        try:
            with open(temp, "wb") as out:
                writer = BatchWriter(out, header)
                for c, (t, obj, payload) in enumerate(items, start=1):
                    writer.write(Record(c=c, t=t, id=_row_id(obj), op="insert", h=row_hash(payload), b=None,
                                        at=header.made_at, p=payload))
                writer.finish(keys.signing)
                out.flush()
                os.fsync(out.fileno())
            verify(temp, expected_kind="downlink",
                   signer_key=lambda code: (keys.signing.public_key(), keys.fingerprint) if code == county_code
                   else None, own_fingerprint=fingerprint)
            os.replace(temp, final)
            _fsync_dir(out_dir)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise SyncFileError(name, "write_failed", f"无法写入 {out_dir}：{exc.strerror or exc}") from exc
        state.downlink_seq = seq
        state.updated_at = now
    return final

