"""Refuse text longer than its column before it reaches the database.

SQLite stores a 300-character name in a VARCHAR(100) without a word; PostgreSQL
(an office server, the county) refuses the whole transaction with an English
driver error. Checking every String column at flush time gives the same clear
Chinese message on both, names the field so a form can mark it, and keeps a
township's SQLite data loadable into the county's PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapper, Session, sessionmaker

from app.errors import FormErrors, ValidationError

_PREVIEW = 8  # characters of the value quoted in the message, so a person can find the field

_limits: dict[Mapper[Any], tuple[tuple[str, int], ...]] = {}


def _string_limits(mapper: Mapper[Any]) -> tuple[tuple[str, int], ...]:
    if mapper not in _limits:
        found = []
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            if isinstance(column.type, String) and column.type.length:
                found.append((attr.key, column.type.length))
        _limits[mapper] = tuple(found)
    return _limits[mapper]


def too_long(obj: object) -> list[ValidationError]:
    """One error per text attribute of ``obj`` longer than its column allows."""
    errors = []
    for key, limit in _string_limits(inspect(obj).mapper):
        value = getattr(obj, key)
        if isinstance(value, str) and len(value) > limit:
            preview = value[:_PREVIEW] + "…"
            errors.append(ValidationError(
                key, value, "length",
                f"“{preview}”太长：这一项最多 {limit} 个字，现在有 {len(value)} 个字，请删减后再保存",
            ))
    return errors


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    errors = [e for obj in (*session.new, *session.dirty) for e in too_long(obj)]
    if errors:
        raise FormErrors(errors)


_INSTALLED = "_landdesk_lengths_installed"


def install(factory: sessionmaker[Session]) -> None:
    """Check every session the factory makes (once per factory; marked on the factory, since
    ``event.contains`` can mistake a new factory for a collected one at the same address)."""
    if not getattr(factory, _INSTALLED, False):
        event.listen(factory, "before_flush", _before_flush)
        setattr(factory, _INSTALLED, True)
