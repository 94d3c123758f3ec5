"""Audit log and sync change log, written by the same flush as the change itself.

Hooking the session's flush (rather than asking each service to remember)
means no code path can change a row without leaving both records, and both
land in the same transaction as the change: they commit or vanish together.
The logs are written with Core inserts on the flush's own connection so the
ORM unit of work is not disturbed mid-flush.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Numeric, event, insert, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.models import LOCAL_TABLES, UNLOGGED_TABLES, AuditHead, AuditLog, Base, ChangeLog

GENESIS_HASH = "0" * 64

# Columns whose values never leave the row: the logs record that they changed, not what to.
# (A password hash in the audit log or a sync file would be an offline cracking target.)
REDACTED = frozenset({("app_user", "password_hash"), ("sync_key", "ed25519_private"),
                      ("sync_key", "x25519_private")})
REDACTED_MARK = "[已隐藏]"


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


_SCALES: dict[tuple[str, str], Decimal] = {}


def _scale(table: str, key: str) -> Decimal | None:
    if not _SCALES:
        for tbl in Base.metadata.tables.values():
            for column in tbl.columns:
                scale = getattr(column.type, "scale", None)
                if isinstance(column.type, Numeric) and scale is not None:
                    _SCALES[(tbl.name, column.key)] = Decimal(1).scaleb(-scale)
    return _SCALES.get((table, key))


def _value(table: str, key: str, value: Any) -> Any:
    if (table, key) in REDACTED:
        return None if value is None else REDACTED_MARK
    if isinstance(value, Decimal):
        # As the database will hand it back (185 is stored as 185.00): the row hash of an
        # insert must equal the hash of the same row read later.
        step = _scale(table, key)
        if step is not None:
            value = value.quantize(step, rounding=ROUND_HALF_UP)
    return _plain(value)


def snapshot(obj: Base) -> dict[str, Any]:
    """All column values of a mapped object as JSON-ready plain values (secrets masked)."""
    mapper = inspect(obj).mapper
    table = obj.__table__.name
    return {attr.key: _value(table, attr.key, getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _row_id(obj: Base) -> str:
    identity = inspect(obj).identity
    if identity is None:
        mapper = inspect(obj).mapper
        identity = tuple(getattr(obj, c.key) for c in mapper.primary_key)
    return "/".join(str(_plain(v)) for v in identity)


def _changes(obj: Base) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    table = obj.__table__.name
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            before[attr.key] = _value(table, attr.key, hist.deleted[0]) if hist.deleted else None
            after[attr.key] = _value(table, attr.key, hist.added[0]) if hist.added else None
    return before, after


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def row_hash(row: dict[str, Any] | None) -> str | None:
    """SHA-256 of a row's plain values (as in a change-log payload); None for "no row"."""
    if row is None:
        return None
    return hashlib.sha256(canonical_json(row).encode("utf-8")).hexdigest()


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    """Hash of one audit entry, chained to the previous one."""
    fields = {k: entry[k] for k in ("seq", "at", "office_id", "user_id", "action", "entity",
                                     "entity_id", "before", "after")}
    return hashlib.sha256((prev_hash + canonical_json(fields)).encode("utf-8")).hexdigest()


def set_actor(session: Session, *, office_id: uuid.UUID | None, user_id: uuid.UUID | None,
              action: str, clock: Clock) -> None:
    """Say who is acting, why and by which clock, for every row this session changes."""
    session.info["office_id"] = office_id
    session.info["user_id"] = user_id
    session.info["action"] = action
    session.info["clock"] = clock


def _clock(session: Session) -> Clock:
    clock: Clock | None = session.info.get("clock")
    if clock is None:
        raise RuntimeError("a change was flushed without set_actor(): every change needs an actor and a clock")
    return clock


_STAMPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _stamped_columns(obj: Base) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(stamped when the row is made, stamped when its columns change) for obj's table."""
    table = obj.__table__.name
    if table not in _STAMPS:
        mapper = inspect(obj).mapper
        marks = [(attr.key, attr.columns[0].info.get("stamp")) for attr in mapper.column_attrs]
        _STAMPS[table] = (tuple(k for k, m in marks if m in ("insert", "change")),
                          tuple(k for k, m in marks if m == "change"))
    return _STAMPS[table]


def _stamp_times(session: Session) -> None:
    """created_at / updated_at from the service's clock, in the flush that writes the row."""
    now: dt.datetime | None = None
    for obj in session.new:
        for key in _stamped_columns(obj)[0]:
            if getattr(obj, key) is None:
                now = now or _clock(session)()
                setattr(obj, key, now)
    for obj in session.dirty:
        on_change = _stamped_columns(obj)[1]
        if not on_change or not session.is_modified(obj):
            continue
        _before, after = _changes(obj)
        if after and not any(key in after for key in on_change):
            now = now or _clock(session)()
            for key in on_change:
                setattr(obj, key, now)


def _table_rank() -> dict[str, int]:
    return {table.name: rank for rank, table in enumerate(Base.metadata.sorted_tables)}


_RANK: dict[str, int] = {}


def _rank(obj: Base) -> int:
    if not _RANK:
        _RANK.update(_table_rank())
    return _RANK.get(obj.__table__.name, 0)


_BASES = "landdesk_base_hashes"


def _before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    # The base hash of an update must be the row exactly as it was stored. Columns the flush
    # itself changes (``onupdate`` times, the version counter) leave no history, so the row's
    # old values are taken here, before the flush touches them.
    bases: dict[int, str | None] = {}
    session.info[_BASES] = bases
    _stamp_times(session)
    for obj in session.dirty:
        table = obj.__table__.name
        if table in UNLOGGED_TABLES or table in LOCAL_TABLES or not session.is_modified(obj):
            continue
        before, _after = _changes(obj)
        bases[id(obj)] = row_hash({**snapshot(obj), **before})


def _after_flush(session: Session, _flush_context: Any) -> None:
    # The change log must replay in an order the foreign keys accept (the county applies it
    # record by record): within a flush, inserts and updates parents first, deletes children first.
    items: list[tuple[str, Base, dict[str, Any] | None, dict[str, Any] | None]] = []
    for obj in sorted(session.new, key=_rank):
        if obj.__table__.name not in UNLOGGED_TABLES:
            items.append(("insert", obj, None, snapshot(obj)))
    for obj in sorted(session.dirty, key=_rank):
        if obj.__table__.name in UNLOGGED_TABLES or not session.is_modified(obj):
            continue
        before, after = _changes(obj)
        if after:
            items.append(("update", obj, before, after))
    for obj in sorted(session.deleted, key=_rank, reverse=True):
        if obj.__table__.name not in UNLOGGED_TABLES:
            items.append(("delete", obj, snapshot(obj), None))
    if not items:
        session.info.pop(_BASES, None)
        return

    action = session.info.get("action")
    if not action:
        raise RuntimeError("a change was flushed without set_actor(): every change needs an actor")
    office_id = session.info.get("office_id")
    user_id = session.info.get("user_id")
    now = _clock(session)()
    conn = session.connection()

    # FOR UPDATE (PostgreSQL; SQLite's writer lock already serialises): a second writer
    # waits here for this one's commit, so two transactions never chain onto the same head.
    head = conn.execute(select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)
                        .with_for_update()).first()
    last_seq, prev_hash = (head.last_seq, head.last_hash) if head else (0, GENESIS_HASH)

    audit_rows: list[dict[str, Any]] = []
    change_rows: list[dict[str, Any]] = []
    bases: dict[int, str | None] = session.info.get(_BASES, {})
    for op, obj, before, after in items:
        table = obj.__table__.name
        row_id = _row_id(obj)
        last_seq += 1
        entry = {
            "seq": last_seq,
            "at": now.isoformat(),
            "office_id": _plain(office_id),
            "user_id": _plain(user_id),
            "action": action,
            "entity": table,
            "entity_id": row_id,
            "before": before,
            "after": after,
        }
        digest = entry_hash(prev_hash, entry)
        audit_rows.append({**entry, "at": now, "office_id": office_id, "user_id": user_id,
                           "prev_hash": prev_hash, "hash": digest})
        prev_hash = digest
        if table in LOCAL_TABLES:
            continue
        # deletions travel as tombstones (payload None); updates carry the whole row
        payload = None if op == "delete" else snapshot(obj)
        if op == "insert":
            base = None
        elif op == "update":
            assert payload is not None and before is not None
            base = bases.pop(id(obj), None) or row_hash({**payload, **before})
        else:
            base = row_hash(before)
        change_rows.append({
            "at": now,
            "office_id": office_id,
            "table_name": table,
            "row_id": row_id,
            "op": op,
            "payload": payload,
            "row_hash": row_hash(payload),
            "base_hash": base,
        })

    conn.execute(insert(AuditLog), audit_rows)
    if change_rows:
        conn.execute(insert(ChangeLog), change_rows)
    session.info.pop(_BASES, None)
    if head:
        conn.execute(update(AuditHead).where(AuditHead.id == 1)
                     .values(last_seq=last_seq, last_hash=prev_hash))
    else:
        conn.execute(insert(AuditHead).values(id=1, last_seq=last_seq, last_hash=prev_hash))


_INSTALLED = "_landdesk_audit_installed"


def install(factory: sessionmaker[Session]) -> None:
    """Attach the logging hook to every session the factory makes (once per factory).

    The mark is kept on the factory itself: ``event.contains`` keys its registry by id(), and a
    new factory at the address of a collected one (common in a long test run) would be taken
    for it — its sessions would then write no audit or change log at all.
    """
    if not getattr(factory, _INSTALLED, False):
        event.listen(factory, "before_flush", _before_flush)
        event.listen(factory, "after_flush", _after_flush)
        setattr(factory, _INSTALLED, True)


def verify_chain(session: Session) -> int | None:
    """Return the seq of the first broken or missing audit entry, or None if intact."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    last_seq = 0
    for row in session.execute(select(AuditLog).order_by(AuditLog.seq)).scalars():
        if row.seq != expected_seq or row.prev_hash != prev_hash:
            return expected_seq
        entry = {
            "seq": row.seq,
            "at": row.at.isoformat(),
            "office_id": _plain(row.office_id),
            "user_id": _plain(row.user_id),
            "action": row.action,
            "entity": row.entity,
            "entity_id": row.entity_id,
            "before": row.before,
            "after": row.after,
        }
        if entry_hash(prev_hash, entry) != row.hash:
            return row.seq
        prev_hash = row.hash
        last_seq = row.seq
        expected_seq += 1
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one_or_none()
    if head is not None and (head.last_seq != last_seq or head.last_hash != prev_hash):
        return last_seq + 1
    return None
