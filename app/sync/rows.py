"""Which tables travel, who owns them, and turning JSON-plain values back into column values."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    Numeric,
    Table,
    UniqueConstraint,
    Uuid,
)

from app.models import LOCAL_TABLES, UNLOGGED_TABLES, Base, UTCDateTime

# The county owns these (DESIGN §4): a township's copy never overwrites the county's.
COUNTY_OWNED = ("catalog_version", "matter", "material_requirement", "holiday", "calendar_year")
# Tables a downlink carries, parents first. ``work_target``: the township's shares of county
# targets (县局下达) and those county targets; the township never changes them.
DOWNLINK_TABLES = ("office", "app_user", "catalog_version", "matter", "material_requirement",
                   "holiday", "calendar_year", "supervision_notice", "work_target")
# Values that never leave a township as they are (see app.audit.REDACTED): stored as NULL.
MASKED = {("app_user", "password_hash")}

Converter = Callable[[Any], Any]


def synced_tables() -> list[str]:
    """Every table a batch may carry, parents before children."""
    return [t.name for t in Base.metadata.sorted_tables
            if t.name not in LOCAL_TABLES and t.name not in UNLOGGED_TABLES]


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def _to_datetime(value: Any) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _converter(column_type: Any) -> Converter | None:
    if isinstance(column_type, Uuid):
        return uuid.UUID
    if isinstance(column_type, UTCDateTime | DateTime):
        return _to_datetime
    if isinstance(column_type, Date):
        return dt.date.fromisoformat
    if isinstance(column_type, Numeric):
        return Decimal
    if isinstance(column_type, Boolean):
        return bool
    if isinstance(column_type, Integer):
        return int
    if isinstance(column_type, JSON):
        return None
    return None


@cache
def converters(name: str) -> dict[str, Converter | None]:
    """Column name → how to turn its plain JSON value back into the column's Python type."""
    return {c.key: _converter(c.type) for c in table(name).columns}


@cache
def _plan(name: str) -> tuple[tuple[str, Converter | None], ...]:
    masked = {key for table_name, key in MASKED if table_name == name}
    return tuple((key, _masked if key in masked else convert) for key, convert in converters(name).items())


def _masked(_value: Any) -> None:
    return None


def to_row(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A change-log payload as values for a Core insert/update (unknown keys dropped)."""
    row: dict[str, Any] = {}
    for key, convert in _plan(name):
        if key in payload:
            value = payload[key]
            row[key] = convert(value) if value is not None and convert is not None else value
    return row


@cache
def foreign_keys(name: str) -> tuple[tuple[str, str], ...]:
    """(column, parent table) for each foreign key of a table."""
    return tuple((fk.parent.key, fk.column.table.name) for fk in table(name).foreign_keys)


@cache
def unique_sets(name: str) -> tuple[tuple[str, ...], ...]:
    """Column sets that must be unique in a table, besides its primary key."""
    tbl = table(name)
    sets = [tuple(c.key for c in con.columns) for con in tbl.constraints if isinstance(con, UniqueConstraint)]
    sets += [tuple(c.key for c in ix.columns) for ix in tbl.indexes if ix.unique]
    sets += [(c.key,) for c in tbl.columns if c.unique]
    return tuple(dict.fromkeys(s for s in sets if s))


@cache
def primary_key(name: str) -> tuple[str, ...]:
    return tuple(c.key for c in table(name).primary_key.columns)


def key_values(name: str, row_id: str) -> dict[str, Any]:
    """The primary key columns from a change-log row id ("a/b" for composite keys)."""
    keys = primary_key(name)
    parts = row_id.split("/") if len(keys) > 1 else [row_id]
    if len(parts) != len(keys):
        raise ValueError(f"row id {row_id!r} does not fit {name}")
    conv = converters(name)
    return {k: (conv[k](v) if conv[k] else v) for k, v in zip(keys, parts, strict=True)}


def ids_hash(keys: Any) -> tuple[int, str]:
    """Count and order-independent hash of (table, row id) pairs: sum of SHA-256 mod 2^256."""
    total = 0
    count = 0
    for table_name, row_id in keys:
        total = (total + int.from_bytes(hashlib.sha256(f"{table_name}/{row_id}".encode()).digest(), "big")) \
            % (1 << 256)
        count += 1
    return count, f"{total:064x}"
