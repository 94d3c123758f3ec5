"""Re-sync a township from the county after data loss (issue 6).

A township that restored an old backup — or lost everything and set up a new, empty
database for the same office — has lost the rows it sent in batches after that backup.
The county still holds them. ``export_recovery`` (county) writes a file of kind
"recovery" for one township: every row the county holds that the township owns, parents
first, signed with the county's key, personal data encrypted for the township's key, and
the county's view of the township's chain (last applied batch and its hash).

``import_recovery`` (township) puts back, in one transaction and through the normal
session (so the hooks write the audit log and the change log), every row the township
lacks. Rows it has stay as they are: the township owns them. Sending the recovered rows
to the county again later is harmless: they are the county's own versions, so the county
counts them as unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit import REDACTED_MARK, _plain, _value, row_hash
from app.errors import StateError
from app.models import (
    Base,
    ChangeLog,
    Office,
    SyncBatch,
    SyncConflict,
    SyncImport,
    SyncOfficeState,
    SyncPeer,
    SyncRow,
    User,
)
from app.services.context import LOCAL_TZ
from app.sync import ownership, rows
from app.sync.crypto import DecryptError, FieldCipher, new_data_key, unwrap_key, wrap_key
from app.sync.fileformat import (
    FORMAT_VERSION,
    GENESIS_BATCH_HASH,
    BatchWriter,
    Header,
    Record,
    SyncFileError,
    VerifiedFile,
    file_label,
    peek_header,
    read_records,
    verify,
)
from app.sync.keys import unb64
from app.sync.township import _DryRun, _fsync_dir, _marker_seq, _record_import, _write_marker
from app.sync.types import ImportReport, TableCounts

if TYPE_CHECKING:
    from app.sync.service import SyncService

KIND = "recovery"
# A recovered account's password is not in the file (the county never has it). This value is
# no scrypt hash, so nobody signs in with it until an administrator sets a new password; it is
# still "a password" for the change log, so the row hashes like the one the county holds.
UNUSABLE_PASSWORD = "!recovered"
FETCH_CHUNK = 500


def recovery_file_name(county_code: str, township_code: str, made_at: dt.datetime) -> str:
    return f"{county_code}-recovery-{township_code}-{made_at.astimezone(LOCAL_TZ):%Y%m%d-%H%M}.ldsync"


def owned_tables() -> list[str]:
    """Tables whose rows a township owns, parents first."""
    return [t for t in rows.synced_tables() if t not in rows.COUNTY_OWNED]


def _fetch(conn: Connection, table_name: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Rows of a table by change-log row id (primary key values joined by "/")."""
    tbl = rows.table(table_name)
    pk = rows.primary_key(table_name)
    found: dict[str, dict[str, Any]] = {}
    wanted = list(ids)
    if len(pk) == 1:
        column = tbl.c[pk[0]]
        for start in range(0, len(wanted), FETCH_CHUNK):
            values = [rows.key_values(table_name, i)[pk[0]] for i in wanted[start:start + FETCH_CHUNK]]
            for row in conn.execute(select(tbl).where(column.in_(values))).mappings():
                found[str(_plain(row[pk[0]]))] = dict(row)
        return found
    for row_id in wanted:  # composite keys (number counters): few rows
        key = rows.key_values(table_name, row_id)
        row = conn.execute(select(tbl).where(and_(*[tbl.c[k] == v for k, v in key.items()]))).mappings().first()
        if row is not None:
            found[row_id] = dict(row)
    return found


def _payload(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row as a change-log payload (plain values, secrets masked, decimals at their scale)."""
    return {c.key: _value(table_name, c.key, row[c.name]) for c in rows.table(table_name).columns}


# ---------------------------------------------------------------- county: the file


def export_recovery(svc: SyncService, office_code: str, out_dir: Path) -> Path:
    keys = svc.own_keys()
    now = svc.ctx.now()
    with svc.ctx.reading() as s:
        county = svc.home_office(s)
        if not county.is_county:
            raise StateError("只有县局可以导出恢复文件")
        peer = s.get(SyncPeer, office_code)
        if peer is None or peer.role != "township":
            raise StateError(f"未登记乡镇 {office_code} 的公钥，无法为它导出恢复文件。"
                             "请先登记该乡镇（重新安装后的）公钥文件并电话核对指纹")
        state = s.get(SyncOfficeState, office_code)
        last_seq, last_hash = (state.last_seq, state.last_hash) if state else (0, GENESIS_BATCH_HASH)
        conn = s.connection()
        sync_row = SyncRow.__table__
        held: dict[str, dict[str, str]] = {}
        for table_name, row_id, digest in conn.execute(
                select(sync_row.c.table_name, sync_row.c.row_id, sync_row.c.row_hash)
                .where(sync_row.c.office_code == office_code, sync_row.c.deleted.is_(False))):
            held.setdefault(table_name, {})[row_id] = digest
        # Parents first (the order a batch replays in); within a table by row id: the same
        # database state always gives the same records.
        plan = [(t, sorted(held[t])) for t in owned_tables() if t in held]
        with contextlib.closing(conn.execute(select(sync_row.c.table_name, sync_row.c.row_id)
                                             .where(sync_row.c.office_code == office_code))) as owned:
            count, ids = rows.ids_hash(owned)
        # Which of the township's batches the county applied (so the township can tell which of
        # its rows the county has a newer version of), and rows in open conflict (never taken).
        applied = {str(seq): digest for seq, digest in conn.execute(
            select(SyncImport.batch_seq, SyncImport.batch_hash).where(
                SyncImport.office_code == office_code, SyncImport.kind == "uplink",
                SyncImport.outcome == "applied"))}
        conflicted = sorted({f"{t}/{i}" for t, i in conn.execute(
            select(SyncConflict.table_name, SyncConflict.row_id).where(
                SyncConflict.office_code == office_code, SyncConflict.resolved.is_(False)))})
        # Only the ids first (the header counts come before the records); the rows themselves
        # are read chunk by chunk while writing: a township's ten years never sit in memory.
        plan = [(t, _only_present(conn, t, row_ids)) for t, row_ids in plan]
        counts = {t: len(row_ids) for t, row_ids in plan if row_ids}
        data_key = new_data_key()
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

        wrapped = wrap_key(data_key, X25519PublicKey.from_public_bytes(unb64(peer.x25519_public)))
        total = sum(counts.values())
        header = Header(
            kind=KIND, format_version=FORMAT_VERSION, office_code=county.code, office_name=county.name,
            county_code=county.code, batch_seq=1, prev_batch_hash=GENESIS_BATCH_HASH, first_change=1,
            last_change=total, counts=counts, record_count=total,
            made_at=now.astimezone(dt.UTC).isoformat(), signer=keys.fingerprint, recipient=peer.fingerprint,
            wrapped_key=wrapped, flagged={},
            ack={"seq": last_seq, "hash": last_hash, "records": count, "ids_hash": ids,
                 "office_code": office_code, "office_name": peer.office_name,
                 "applied": applied, "conflicted": conflicted},
        )
        name = recovery_file_name(county.code, office_code, now)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SyncFileError(name, "write_failed", f"无法使用文件夹 {out_dir}：{exc.strerror or exc}") from exc
        final, temp = out_dir / name, out_dir / f".{name}.part"
        cipher = FieldCipher(data_key)
        try:
            with open(temp, "wb") as out:
                writer = BatchWriter(out, header)
                c = 0
                for table_name, row_ids in plan:
                    for start in range(0, len(row_ids), FETCH_CHUNK):
                        chunk = row_ids[start:start + FETCH_CHUNK]
                        c = _write_rows(writer, cipher, table_name, chunk, _fetch(conn, table_name, chunk),
                                        held[table_name], c, header.made_at)
                writer.finish(keys.signing)
                out.flush()
                os.fsync(out.fileno())
            verify(temp, expected_kind=KIND,
                   signer_key=lambda code: (keys.signing.public_key(), keys.fingerprint) if code == county.code
                   else None, own_fingerprint=peer.fingerprint)
            os.replace(temp, final)
            _fsync_dir(out_dir)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise SyncFileError(name, "write_failed", f"无法写入 {out_dir}：{exc.strerror or exc}") from exc
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
    return final


def _present(conn: Connection, table_name: str, row_ids: list[str]) -> set[str]:
    """Which of these row ids are in the table (primary keys only: cheap)."""
    tbl = rows.table(table_name)
    pk = rows.primary_key(table_name)
    if len(pk) != 1:
        return set(_fetch(conn, table_name, row_ids))
    column = tbl.c[pk[0]]
    found: set[str] = set()
    for start in range(0, len(row_ids), FETCH_CHUNK):
        values = [rows.key_values(table_name, i)[pk[0]] for i in row_ids[start:start + FETCH_CHUNK]]
        found.update(str(_plain(v)) for v in conn.scalars(select(column).where(column.in_(values))))
    return found


def _only_present(conn: Connection, table_name: str, row_ids: list[str]) -> list[str]:
    present = _present(conn, table_name, row_ids)
    return [i for i in row_ids if i in present]  # listed in sync_row but gone from the table: not sent


def _write_rows(writer: BatchWriter, cipher: FieldCipher, table_name: str, row_ids: list[str],
                found: dict[str, dict[str, Any]], held: dict[str, str], c: int, at: str) -> int:
    """Records for one chunk of rows; returns the last record number written."""
    for row_id in row_ids:
        c += 1
        payload = _payload(table_name, found[row_id])
        digest = held[row_id]
        if table_name == "app_user" and row_hash({**payload, "password_hash": REDACTED_MARK}) == digest:
            # The county stores no password; the township's account had one.
            payload["password_hash"] = REDACTED_MARK
        writer.write(Record(c=c, t=table_name, id=row_id, op="insert", h=digest, b=None, at=at,
                            p=cipher.seal(table_name, c, payload)))
    return c


# ---------------------------------------------------------------- township: importing it


def is_recovery_file(path: Path) -> bool:
    header = peek_header(path)
    return header is not None and header.kind == KIND


def _refused(name: str, exc: SyncFileError) -> ImportReport:
    return ImportReport(file_name=name, kind=KIND, office_code="", office_name="", batch_seq=0,
                        outcome="refused", message=exc.message, refusal_kind=exc.kind)


def import_recovery(svc: SyncService, path: Path, *, dry_run: bool) -> ImportReport:
    name = file_label(path)
    try:
        keys = svc.own_keys()
        with svc.ctx.reading() as s:
            office = svc.home_office(s)
            own_code, own_name, own_id = office.code, office.name, office.id
        if office.is_county:
            raise SyncFileError(name, "wrong_kind", "县局不导入恢复文件：恢复文件由县局导出，交给乡镇导入")
        peeked = peek_header(path)
        target = (peeked.ack or {}).get("office_code") if peeked is not None and peeked.kind == KIND else None
        if target is not None and target != own_code:
            raise SyncFileError(name, "wrong_office",
                                f"这是县局给 {(peeked.ack or {}).get('office_name', '')}（{target}）的恢复文件，"
                                f"本所是 {own_name}（{own_code}），未做任何更改")
        with svc.ctx.reading() as s:
            verified = verify(path, expected_kind=KIND, signer_key=lambda code: svc.peer_public(s, code, "county"),
                              own_fingerprint=keys.fingerprint)
        ack = verified.header.ack or {}
        if ack.get("office_code") != own_code or not verified.header.wrapped_key:
            raise SyncFileError(name, "wrong_office", f"这份恢复文件不是给本所（{own_code}）的，未做任何更改")
        try:
            cipher = FieldCipher(unwrap_key(verified.header.wrapped_key, keys.receiving))
        except DecryptError as exc:
            raise SyncFileError(name, "wrong_office", "文件中的数据密钥无法用本所的密钥解开，未做任何更改") from exc
        return _apply(svc, verified, cipher, own_code, own_id, dry_run=dry_run)
    except SyncFileError as exc:
        report = _refused(name, exc)
        if not dry_run:
            _record_import(svc, report, "")
        return report


@cache
def _mapped(table_name: str) -> tuple[type[Base], dict[str, str]]:
    """The ORM class of a table and column key → attribute name."""
    for mapper in Base.registry.mappers:
        if mapper.local_table is not None and getattr(mapper.local_table, "name", None) == table_name:
            attrs = {c.key: mapper.get_property_by_column(c).key for c in mapper.local_table.columns}
            return mapper.class_, attrs
    raise KeyError(table_name)


_VERSION_LOCK = threading.Lock()


@contextlib.contextmanager
def _versions_as_given() -> Iterator[None]:
    """A recovered row keeps the county's version counter (the optimistic lock): the ORM would
    number every insert 1, and the row would then no longer be the version the county holds
    (sending it again would be a conflict). Only this transaction's inserts flush meanwhile."""
    with _VERSION_LOCK:
        saved = [(m, m.version_id_generator) for m in Base.registry.mappers if m.version_id_col is not None]
        for mapper, _generator in saved:
            mapper.version_id_generator = False
        try:
            yield
        finally:
            for mapper, generator in saved:
                mapper.version_id_generator = generator


class _Recovery:
    """Puts back the rows of one recovery file, table by table, inside one transaction."""

    def __init__(self, s: Session, name: str, own_code: str, own_id: Any, cipher: FieldCipher,
                 ack: dict[str, Any]) -> None:
        self.s = s
        # The last change of this database that is certainly at the county: the end of the
        # newest local batch the county says it applied (with the same hash).
        applied = ack.get("applied") if isinstance(ack.get("applied"), dict) else {}
        self.covered = max((b.last_change for b in s.scalars(select(SyncBatch))
                            if applied.get(str(b.seq)) == b.batch_hash), default=0)
        conflicted = ack.get("conflicted")
        self.conflicted = {str(c) for c in conflicted} if isinstance(conflicted, list) else set()
        self.conn = s.connection()
        self.name = name
        self.own_code = own_code
        self.own_id = own_id
        self.cipher = cipher
        self.owned = set(owned_tables())
        self.counts: dict[str, TableCounts] = {}
        self.differing = 0
        self.missing_parent = 0
        self.clashed = 0
        self.unusable_passwords = 0
        self.fresh_users: list[dict[str, Any]] = []
        self.adopted = False
        self.diverted: set[tuple[str, str]] = set()
        self.file_office_id: Any = None  # the office row the file brings (the township's at the county)

    def run(self, records: Iterator[Record]) -> None:
        table_name, batch = "", []
        for record in records:
            if record.t != table_name and batch:
                self._table(table_name, batch)
                batch = []
            table_name = record.t
            batch.append(record)
        if batch:
            self._table(table_name, batch)
        if self.adopted:
            self._recreate_unmatched_users()

    def _count(self, table_name: str) -> TableCounts:
        return self.counts.setdefault(table_name, TableCounts())

    def _table(self, table_name: str, batch: list[Record]) -> None:
        counts = self._count(table_name)
        if table_name not in self.owned:
            raise self._refuse(batch[0], "不是本所的数据（本程序不认识这个表，或这个表归县局所有）")
        incoming: dict[str, tuple[Record, dict[str, Any]]] = {}
        for r in batch:
            if r.op == "delete" or r.p is None:
                raise self._refuse(r, "是删除记录：恢复文件只补回数据")
            try:
                payload = self.cipher.open(table_name, r.p)
            except DecryptError as exc:
                raise SyncFileError(self.name, "malformed", f"第 {r.c} 条记录的加密内容无法解开（{exc}）") from exc
            self._check_owner(r, payload)
            incoming[r.id] = (r, payload)
        if table_name == "office":
            incoming = self._office(incoming, counts)
        present = _fetch(self.conn, table_name, incoming)
        older: list[tuple[str, dict[str, Any]]] = []
        latest = self._latest_changes(table_name, present)
        for row_id, current in present.items():
            r, payload = incoming.pop(row_id)
            if row_hash(_payload(table_name, current)) == r.h:
                counts.kept += 1
            elif (latest.get(row_id) is not None and latest[row_id] <= self.covered
                  and f"{table_name}/{row_id}" not in self.conflicted):
                # This version reached the county, which has changed it since (in a batch this
                # database lost): the county's is the township's own later version.
                older.append((row_id, self._row(table_name, payload)))
            else:
                counts.kept += 1
                self.differing += 1
        values = {row_id: self._row(table_name, payload) for row_id, (_r, payload) in incoming.items()}
        refused = self._orphans(table_name, values) | self._clashes(table_name, values)
        for row_id in refused:
            values.pop(row_id)
            self.diverted.add((table_name, row_id))
            counts.refused += 1
        cls, attrs = _mapped(table_name)
        pk = set(rows.primary_key(table_name))
        for row_id, row in older:
            obj = self.s.get(cls, tuple(rows.key_values(table_name, row_id).values()))
            for key, value in row.items():
                if key not in pk:
                    setattr(obj, attrs[key], value)
        counts.updated += len(older)
        self.s.add_all([cls(**{attrs[k]: v for k, v in row.items()}) for row in values.values()])
        self.s.flush()
        counts.new += len(values)

    def _refuse(self, r: Record, reason: str) -> SyncFileError:
        return SyncFileError(self.name, "not_owner", f"第 {r.c} 条记录（{r.t}，{r.id}）{reason}。"
                             "恢复文件只能补回本所自己的数据，整个文件未导入")

    def _check_owner(self, r: Record, payload: dict[str, Any]) -> None:
        """Only this township's rows (app/sync/ownership.py), every value checked, before any write."""
        row = self._checked(r, payload)
        pk = rows.primary_key(r.t)
        if any(row.get(k) is None for k in pk) or "/".join(str(_plain(row[k])) for k in pk) != r.id:
            raise self._refuse(r, "的内容写的是另一行（主键与记录的行号不同）")
        if r.t == "office":
            if row.get("code") != self.own_code or row.get("is_county"):
                raise self._refuse(r, "是另一个单位的单位记录")
            return
        link = ownership.owner_link(r.t)
        if link is not None and link[1] == "office" and row.get(link[0]) not in (self.own_id, self.file_office_id):
            raise self._refuse(r, f"的 {link[0]} 指向另一个单位")

    def _checked(self, r: Record, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            return rows.to_row(r.t, payload)
        except rows.BadValue as exc:
            raise SyncFileError(self.name, "bad_value", f"第 {r.c} 条记录（{r.t} 的 {exc.column}）{exc.reason}，"
                                "整个文件未导入") from exc

    def _latest_changes(self, table_name: str, present: dict[str, Any]) -> dict[str, int]:
        """The last change-log number of each row (when this database last changed it)."""
        latest: dict[str, int] = {}
        ids = list(present)
        for start in range(0, len(ids), FETCH_CHUNK):
            latest.update((row_id, seq) for row_id, seq in self.conn.execute(
                select(ChangeLog.row_id, func.max(ChangeLog.seq)).where(
                    ChangeLog.table_name == table_name, ChangeLog.row_id.in_(ids[start:start + FETCH_CHUNK]))
                .group_by(ChangeLog.row_id)))
        return latest

    def _row(self, table_name: str, payload: dict[str, Any]) -> dict[str, Any]:
        row = rows.to_row(table_name, payload)
        if table_name == "app_user":
            fresh = next((u for u in self.fresh_users if u["username"] == row.get("username")
                          and row.get("office_id") == self.own_id), None)
            if fresh is not None:
                # The person who set the new database up keeps their password, as that account.
                row["password_hash"] = fresh["password_hash"]
                fresh["matched"] = row["id"]
            elif payload.get("password_hash") == REDACTED_MARK:
                row["password_hash"] = UNUSABLE_PASSWORD
                self.unusable_passwords += 1
        return row

    def _office(self, incoming: dict[str, tuple[Record, dict[str, Any]]],
                counts: TableCounts) -> dict[str, tuple[Record, dict[str, Any]]]:
        kept: dict[str, tuple[Record, dict[str, Any]]] = {}
        for row_id, (r, payload) in incoming.items():
            self.file_office_id = rows.to_row("office", payload)["id"]
            if row_id != str(self.own_id):
                self._adopt(payload)
            kept[row_id] = (r, payload)
        return kept

    def _adopt(self, payload: dict[str, Any]) -> None:
        """A new database set up again for the same office has a new office id; the county's
        rows all point at the old one. If nothing has been done in the new database yet, it
        takes the old identity: its office row and accounts give way to the county's (the
        person who set it up keeps their password, on their old account)."""
        for table_name in self.owned - {"office", "app_user"}:
            tbl = rows.table(table_name)
            if "office_id" not in tbl.c:
                continue  # rows under a case or an inquiry: their parents carry the office
            # Only this office's rows count: notices the county issued may already be here.
            if self.s.scalar(select(func.count()).select_from(tbl).where(tbl.c.office_id == self.own_id)):
                raise SyncFileError(self.name, "wrong_office",
                                    "本所数据库的单位记录与县局保存的不是同一条（重新安装后重新设置了单位），"
                                    "而且已经在新数据库中办理了业务，无法自动合并，未做任何更改。"
                                    "请在新建的空数据库（只设置了单位和管理员）上导入恢复文件")
        users = self.s.scalars(select(User).where(User.office_id == self.own_id)).all()
        self.fresh_users = [{"id": u.id, "username": u.username, "display_name": u.display_name,
                             "roles": u.roles, "password_hash": u.password_hash,
                             "must_change_password": u.must_change_password, "matched": None} for u in users]
        for user in users:
            self.s.delete(user)
        self.s.flush()
        office = self.s.get(Office, self.own_id)
        if office is not None:
            self.s.delete(office)
            self.s.flush()
        self.own_id = rows.to_row("office", payload)["id"]
        self.adopted = True

    def _recreate_unmatched_users(self) -> None:
        taken = set(self.s.scalars(select(User.username).where(User.office_id == self.own_id)))
        for fresh in self.fresh_users:
            if fresh["matched"] is None and fresh["username"] not in taken:
                self.s.add(User(id=fresh["id"], office_id=self.own_id, username=fresh["username"],
                                display_name=fresh["display_name"], roles=fresh["roles"],
                                password_hash=fresh["password_hash"],
                                must_change_password=fresh["must_change_password"]))
                fresh["matched"] = fresh["id"]
        self.s.flush()

    def _orphans(self, table_name: str, values: dict[str, dict[str, Any]]) -> set[str]:
        """Rows whose parent is neither here nor put back (refused, or not in the file)."""
        out: set[str] = set()
        for column, parent in rows.foreign_keys(table_name):
            wanted = {str(_plain(row[column])) for row in values.values() if row.get(column) is not None}
            if not wanted:
                continue
            known = set(_fetch(self.conn, parent, wanted)) if len(rows.primary_key(parent)) == 1 else wanted
            if parent == table_name:
                known |= set(values)  # a parent in the same table, put back in the same flush
            for row_id, row in values.items():
                value = row.get(column)
                if value is None:
                    continue
                key = str(_plain(value))
                if key not in known or (parent, key) in self.diverted:
                    out.add(row_id)
        self.missing_parent += len(out)
        return out

    def _clashes(self, table_name: str, values: dict[str, dict[str, Any]]) -> set[str]:
        """Rows whose unique value (a case number …) another row here already has: after a
        restore, a new case may have been given the number of a lost one. The township's
        row stays; the county's version is not put back."""
        out: set[str] = set()
        tbl = rows.table(table_name)
        pk = rows.primary_key(table_name)
        for columns in rows.unique_sets(table_name):
            wanted = {tuple(row.get(c) for c in columns): row_id for row_id, row in values.items()
                      if all(row.get(c) is not None for c in columns)}
            if not wanted:
                continue
            target = tbl.c[columns[0]] if len(columns) == 1 else tuple_(*[tbl.c[c] for c in columns])
            keys = list(wanted)
            for start in range(0, len(keys), FETCH_CHUNK):
                part = keys[start:start + FETCH_CHUNK]
                chosen = [k[0] for k in part] if len(columns) == 1 else part
                for hit in self.conn.execute(select(tbl).where(target.in_(chosen))).mappings():
                    row_id = wanted.get(tuple(hit[c] for c in columns))
                    holder = "/".join(str(_plain(hit[k])) for k in pk)
                    if row_id is not None and holder != row_id:
                        out.add(row_id)
        self.clashed += len(out)
        return out


def _apply(svc: SyncService, verified: VerifiedFile, cipher: FieldCipher, own_code: str, own_id: Any, *,
           dry_run: bool) -> ImportReport:
    header = verified.header
    ack = header.ack or {}
    acked_seq = int(ack["seq"])
    name = file_label(verified.path)
    try:
        with svc.ctx.transaction("sync.recovery") as s, _versions_as_given():
            work = _Recovery(s, name, own_code, own_id, cipher, ack)
            work.run(read_records(verified))
            items = _describe(work)
            items.append(_settle_chain(svc, s, own_code, ack))
            totals = TableCounts(**{f: sum(getattr(c, f) for c in work.counts.values())
                                    for f in TableCounts.__dataclass_fields__})
            message = (f"县局恢复文件：补回 {totals.new} 条，更新为县局较新版本 {totals.updated} 条，"
                       f"本所已有并保留 {totals.kept} 条"
                       + (f"（其中 {work.differing} 条与县局的版本不同，以本所为准）" if work.differing else "")
                       + f"，拒收 {totals.refused} 条")
            report = ImportReport(file_name=name, kind=KIND, office_code=header.office_code,
                                  office_name=header.office_name, batch_seq=acked_seq,
                                  outcome="checked" if dry_run else "applied",
                                  message=("（试导入，未写入）" + message) if dry_run else message,
                                  by_table=dict(work.counts), items=tuple(items), at=svc.ctx.now())
            if dry_run:
                raise _DryRun(report)
            _record_import(svc, report, verified.batch_hash, s)
    except _DryRun as done:
        return done.report
    except (ValueError, TypeError, KeyError) as exc:  # values that do not fit their columns
        raise SyncFileError(name, "malformed", f"文件中的数据无法导入（{exc}），未做任何更改") from exc
    except IntegrityError as exc:
        raise SyncFileError(name, "rejected", f"文件中的数据与本所数据库的约束冲突（{exc.orig}），未做任何更改") from exc
    with svc.ctx.reading() as s:
        local_last = s.scalar(select(func.max(SyncBatch.seq))) or 0
    if _marker_seq(svc, own_code) > max(local_last, acked_seq):
        # The county's view is what counts now: batches this PC made after that never arrived.
        _write_marker(svc, own_code, max(local_last, acked_seq))
    svc.ctx.forget(("office", work.own_id))  # its printed details may have been brought up to date
    if work.adopted:
        svc.ctx.office_id = work.own_id
        signed_in = next((u for u in work.fresh_users if u["id"] == svc.ctx.user_id), None)
        if signed_in is not None and signed_in["matched"] is not None:
            svc.ctx.forget(("roles", svc.ctx.user_id))
            svc.ctx.user_id = signed_in["matched"]
        svc.ctx.forget(("roles", svc.ctx.user_id))
    return report


def _settle_chain(svc: SyncService, s: Session, own_code: str, ack: dict[str, Any]) -> str:
    """Continue after the county's last applied batch (the rule a downlink's ack follows).

    A local batch the county applied with the same hash counts as acknowledged; every other
    local batch is to be sent again. So the next export carries every change after the newest
    batch the county certainly has — the recovered rows among them, which the county counts
    as unchanged — and no older change, whose versions the county has since replaced.
    """
    acked_seq, acked_hash = int(ack["seq"]), str(ack["hash"])
    applied = ack.get("applied") if isinstance(ack.get("applied"), dict) else {}
    batches = s.scalars(select(SyncBatch).order_by(SyncBatch.seq)).all()
    confirmed = []
    for b in batches:
        if applied.get(str(b.seq)) == b.batch_hash:
            confirmed.append(b.seq)
            if b.state != "acknowledged":
                b.state = "acknowledged"
                b.acknowledged_at = svc.ctx.now()
        else:
            b.state = "resend"
    state = s.get(SyncOfficeState, own_code)
    if state is None:
        state = SyncOfficeState(office_code=own_code, last_seq=0, last_hash=GENESIS_BATCH_HASH,
                                downlink_seq=0, updated_at=svc.ctx.now())
        s.add(state)
    if acked_seq >= state.last_seq:
        state.last_seq, state.last_hash = acked_seq, acked_hash
        state.updated_at = svc.ctx.now()
    next_seq = max([acked_seq, state.last_seq, *(b.seq for b in batches)]) + 1
    if not acked_seq:
        return f"县局尚未收到过本所的批次；下次导出为第 {next_seq} 批"
    held = f"本所数据库中仍有其中的第 {max(confirmed)} 批，" if confirmed else "本所数据库中没有其中任何一批，"
    received = f"第 1–{acked_seq} 批" if acked_seq > 1 else "第 1 批"
    return (f"县局已收到本所{received}；{held}下次导出为第 {next_seq} 批，"
            "发送此后的全部变更（县局会自动去重）")


def _describe(work: _Recovery) -> list[str]:
    items: list[str] = []
    if work.adopted:
        items.append("本数据库是重新建立的：已改用县局保存的本所单位记录，设置时建立的账户并入同名的原账户")
    if work.differing:
        items.append(f"{work.differing} 条本所已有的记录与县局的版本不同，保留本所的；下次导出后县局会将其列为冲突待核对")
    if work.clashed:
        items.append(f"{work.clashed} 条记录的编号（如案件编号）已被本所另一条记录使用，未补回；县局的版本仍在县局")
    if work.missing_parent:
        items.append(f"{work.missing_parent} 条记录所依附的记录（如事项目录、县局人员）本所没有，未补回；"
                     "请先导入县局最新的回传文件，再导入一次恢复文件")
    if work.unusable_passwords:
        items.append(f"补回了 {work.unusable_passwords} 个用户账户，密码不随文件传送：需由管理员重设密码后才能登录")
    return items
