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
    String,
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


class BadValue(ValueError):
    """A value in a sync file that does not fit its column; ``column`` names it."""

    def __init__(self, column: str, reason: str) -> None:
        super().__init__(f"{column}：{reason}")
        self.column = column
        self.reason = reason


INT64 = (-(1 << 63), (1 << 63) - 1)  # SQLite's integers; PostgreSQL's bigint


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _to_uuid(value: Any) -> uuid.UUID:
    if not _is_text(value):
        raise ValueError("应为 UUID 文本")
    return uuid.UUID(value)


def _to_datetime(value: Any) -> dt.datetime:
    if not _is_text(value):
        raise ValueError("应为时间文本")
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _to_date(value: Any) -> dt.date:
    if not _is_text(value):
        raise ValueError("应为日期文本")
    return dt.date.fromisoformat(value)


def _to_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("应为 true 或 false")
    return value


def _to_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("应为整数")
    if not INT64[0] <= value <= INT64[1]:
        raise ValueError("整数超出 64 位范围")
    return value


def _decimal(precision: int | None, scale: int | None) -> Converter:
    def convert(value: Any) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError("应为数字文本")
        number = Decimal(value)  # "abc" → InvalidOperation, a ValueError
        if not number.is_finite():
            raise ValueError("不是有限的数")
        if scale is not None:
            number = number.quantize(Decimal(1).scaleb(-scale))
            if precision is not None and number.adjusted() >= precision - scale:
                raise ValueError(f"超出 {precision - scale} 位整数")
        return number

    return convert


def _text(length: int | None) -> Converter:
    def convert(value: Any) -> str:
        if not _is_text(value):
            raise ValueError("应为文本")
        if length is not None and len(value) > length:
            raise ValueError(f"长于 {length} 个字")
        if "\x00" in value:
            raise ValueError("含有空字符")
        return value

    return convert


def _converter(column_type: Any) -> Converter | None:
    if isinstance(column_type, Uuid):
        return _to_uuid
    if isinstance(column_type, UTCDateTime | DateTime):
        return _to_datetime
    if isinstance(column_type, Date):
        return _to_date
    if isinstance(column_type, Numeric):
        return _decimal(column_type.precision, column_type.scale)
    if isinstance(column_type, Boolean):
        return _to_bool
    if isinstance(column_type, Integer):
        return _to_int
    if isinstance(column_type, String):  # Text too
        return _text(column_type.length)
    if isinstance(column_type, JSON):
        return None
    return None


@cache
def converters(name: str) -> dict[str, Converter | None]:
    """Column name → how to check a plain JSON value and turn it into the column's Python type."""
    return {c.key: _converter(c.type) for c in table(name).columns}


@cache
def _plan(name: str) -> tuple[tuple[str, Converter | None, bool], ...]:
    masked = {key for table_name, key in MASKED if table_name == name}
    return tuple((c.key, _masked if c.key in masked else converters(name)[c.key],
                  not c.nullable and c.key not in masked)
                 for c in table(name).columns)


def _masked(_value: Any) -> None:
    return None


def to_row(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A change-log payload as values for a Core insert/update, every value checked against its
    column (type, 64-bit range, finite decimals at the column's scale, real dates, UUIDs, text
    length); raises BadValue naming the column. Keys this program does not know are dropped
    (a newer program's column)."""
    row: dict[str, Any] = {}
    for key, convert, required in _plan(name):
        if key not in payload:
            continue
        value = payload[key]
        if value is None:
            if required:
                raise BadValue(key, "不能为空")
            row[key] = None
            continue
        try:
            row[key] = convert(value) if convert is not None else value
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise BadValue(key, f"值 {_shown(value)} 不合要求（{exc}）") from None
    return row


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


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
    return {k: _key_part(conv[k], v) for k, v in zip(keys, parts, strict=True)}


def _key_part(convert: Converter | None, text: str) -> Any:
    # A row id is text: an integer key is written in digits there.
    if convert is _to_int:
        return _to_int(int(text))
    return convert(text) if convert is not None else text


def ids_hash(keys: Any) -> tuple[int, str]:
    """Count and order-independent hash of (table, row id) pairs: sum of SHA-256 mod 2^256."""
    total = 0
    count = 0
    for table_name, row_id in keys:
        total = (total + int.from_bytes(hashlib.sha256(f"{table_name}/{row_id}".encode()).digest(), "big")) \
            % (1 << 256)
        count += 1
    return count, f"{total:064x}"
