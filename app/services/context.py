"""What every service needs: the database, who is acting, and a clock.

A service method opens exactly one transaction through ``transaction()``;
the audit hook (app.audit) writes the audit and change logs inside it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import cast
from zoneinfo import ZoneInfo

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import audit, permissions
from app.clock import Clock
from app.db import Database
from app.dto import Role
from app.errors import DatabaseError
from app.permissions import Action

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def local_date(moment: dt.datetime) -> dt.date:
    """The date in China for an aware moment (a receipt says Beijing time, whatever the PC says)."""
    return moment.astimezone(LOCAL_TZ).date()


LOCKED_MESSAGE = ("数据库正被另一个 landdesk 窗口或另一台电脑占用，等了几秒仍未轮到，刚才的操作没有保存。"
                  "请关闭多开的 landdesk 窗口（或稍候）后再试一次。")


def _is_lock_timeout(exc: OperationalError) -> bool:
    """SQLite's busy timeout ran out, or PostgreSQL's lock_timeout did."""
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text or "lock timeout" in text


@dataclass
class ServiceContext:
    db: Database
    office_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    clock: Clock = field(kw_only=True)
    # Small, rarely changing lookups (the office's printed details, user names) kept
    # between calls; whoever changes one of them calls forget().
    _cache: dict[Hashable, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        audit.install(self.db.session_factory)

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return local_date(self.now())

    def cached(self, key: Hashable, load: Callable[[], object]) -> object:
        if key not in self._cache:
            self._cache[key] = load()
        return self._cache[key]

    def forget(self, key: Hashable) -> None:
        self._cache.pop(key, None)

    def roles(self) -> frozenset[Role]:
        """The signed-in user's roles (cached; UserService forgets them when they change)."""
        from app.models import User

        def load() -> frozenset[Role]:
            with self.reading() as s:
                user = s.get(User, self.user_id) if self.user_id else None
                if user is None or not user.active:
                    return frozenset()
                return frozenset(Role(r) for r in user.roles.split(",") if r)

        return cast(frozenset[Role], self.cached(("roles", self.user_id), load))

    def require(self, action: Action, *, is_holder: bool = True) -> None:
        """Raise PermissionDenied unless the signed-in user may do ``action``."""
        permissions.require(self.roles(), action, is_holder=is_holder)

    @contextmanager
    def transaction(self, action: str) -> Iterator[Session]:
        """One unit of work: commit on success, roll back everything on any error."""
        try:
            with self.db.session() as session:
                audit.set_actor(session, office_id=self.office_id, user_id=self.user_id, action=action,
                                clock=self.clock)
                with session.begin():
                    yield session
        except OperationalError as exc:
            if _is_lock_timeout(exc):
                raise DatabaseError(LOCKED_MESSAGE) from exc
            raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.db.read_session() as session:
            yield session
