"""Opening the database: engine settings, migrations at start, sessions.

SQLite is the township default (WAL for concurrent readers, FULL sync because
power cuts are routine, foreign keys on). PostgreSQL is used by URL for a LAN
office or the county server, with the same guarantees: one writer at a time
(an advisory lock where SQLite has BEGIN IMMEDIATE), UTC sessions, and text
lengths checked before the database sees them (app.lengths). The schema is only
ever changed by Alembic.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app import lengths
from app.errors import DatabaseError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_UNC = re.compile(r"^(\\\\|//)[^\\/]+[\\/]")


def refuse_network_path(path: Path) -> None:
    """SQLite's locking is unreliable over SMB/NFS: refuse such paths up front."""
    raw = str(path)
    if _UNC.match(raw):
        raise DatabaseError(
            f"数据库不能放在网络共享文件夹（{raw}）上：断网或多台电脑同时使用会损坏数据。"
            "请把数据库放在本机硬盘；多台电脑共用请改用 PostgreSQL 服务器。"
        )
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = raw[:3]
        DRIVE_REMOTE = 4
        if re.match(r"^[A-Za-z]:\\", drive) and ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE:
            raise DatabaseError(
                f"数据库不能放在网络驱动器（{drive}）上。请把数据库放在本机硬盘；"
                "多台电脑共用请改用 PostgreSQL 服务器。"
            )


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Autocommit at the driver level so SQLAlchemy's "begin" hook below decides
    # when a transaction starts (pysqlite otherwise defers BEGIN and takes the
    # write lock late, which gives "database is locked" under two writers).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # A writing transaction takes the write lock at the start (IMMEDIATE), so it
    # never fails half-way because another copy of the program started writing.
    # Readers begin deferred: in WAL mode they never wait for a writer.
    if conn.get_execution_options().get("landdesk_readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


# Any constant will do: every landdesk writer on a PostgreSQL database takes this one lock.
WRITER_LOCK_KEY = 0x6C616E64  # "land"


def _postgresql_begin(conn: Any) -> None:
    # The same rule as SQLite's BEGIN IMMEDIATE: one writing transaction at a time.
    # Services read, check and then write (the next case number, the audit chain's
    # head, "is the case still at this step"); under PostgreSQL's READ COMMITTED two
    # PCs could otherwise both pass a check and write conflicting rows, and the
    # change log's seq order would stop being its commit order, which sync relies on.
    # A transaction-level advisory lock is released by COMMIT or ROLLBACK.
    if not conn.get_execution_options().get("landdesk_readonly"):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")


def _postgresql_engine(url: str, *, echo: bool) -> Engine:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":  # SQLAlchemy would pick psycopg2, which we do not ship
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(
        parsed,
        echo=echo,
        pool_pre_ping=True,
        # UTC sessions: the app stores naive UTC, and any timestamp PostgreSQL converts on
        # its own must not depend on the server's time zone. A writer waits at most 15 s
        # for another one (like SQLite's busy timeout) instead of hanging the window.
        connect_args={"options": "-c timezone=UTC -c lock_timeout=15000"},
    )
    event.listen(engine, "begin", _postgresql_begin)
    return engine


def make_engine(url: str, *, echo: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        return _postgresql_engine(url, echo=echo)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            path = Path(database)
            refuse_network_path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    # The config is a ConfigParser: a "%" (a URL-quoted password or socket path) must be doubled.
    url = engine.url.render_as_string(hide_password=False)
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=]*=\s*(None|['\"]([^'\"]+)['\"])", re.M)


def _scan_revisions() -> dict[str, str | None]:
    """revision → down_revision, read straight from the migration files.

    Start-up only needs to know whether the database is at head; reading a few
    small files is far cheaper than importing Alembic, which is loaded only when
    a migration actually has to run. A test checks this agrees with Alembic.
    """
    found: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values = {m.group(1): m.group(3) for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8"))}
        if values.get("revision"):
            found[values["revision"]] = values.get("down_revision")
    return found


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        conn.execution_options(landdesk_readonly=True)  # a look, not a write: wait for no writer
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    return set(_scan_revisions())


def head_revision() -> str:
    revisions = _scan_revisions()
    heads = set(revisions) - {down for down in revisions.values() if down}
    if len(heads) != 1:
        raise DatabaseError(f"程序内的数据库迁移脚本不完整（heads: {sorted(heads)}）")
    return heads.pop()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the program's revision; refuse a database from a newer program."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseError(
            f"这个数据库由更新版本的 landdesk 创建（结构版本 {current}），本程序无法安全打开。"
            "请安装最新版本后再打开。"
        )
    if current == head_revision():
        return
    run_migration(engine, "upgrade", "head")


def run_migration(engine: Engine, direction: str, target: str) -> None:
    """Upgrade or downgrade in one transaction.

    SQLite rebuilds a table to alter it, which foreign keys forbid while other
    tables point at it; so they are switched off around the migration (it can
    only be done outside a transaction) and every reference is checked before
    the migration commits.
    """
    from alembic import command

    cfg = alembic_config(engine)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                getattr(command, direction)(cfg, target)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseError(f"数据库升级后发现 {len(broken)} 处关联数据不一致，升级已撤销")
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


@dataclass
class Database:
    """An open database: the engine and a session factory. Passed to services, never global."""

    engine: Engine
    session_factory: sessionmaker[Session]
    read_factory: sessionmaker[Session]

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def sqlite_path(self) -> Path | None:
        if self.engine.url.get_backend_name() != "sqlite":
            return None
        db = self.engine.url.database
        return Path(db) if db and db != ":memory:" else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.session_factory() as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for queries only; on SQLite it does not take the write lock."""
        with self.read_factory() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open (and by default migrate) the database at ``url``."""
    engine = None
    try:
        engine = make_engine(url)
        if migrate:
            upgrade_to_head(engine)
    except Exception as exc:  # sqlite3.OperationalError and friends, with the cause kept
        if engine is not None:
            engine.dispose()  # no half-open connection left behind (a server counts them)
        if isinstance(exc, DatabaseError):
            raise
        hint = ""
        if make_url(url).get_backend_name() == "postgresql":
            hint = "请检查数据库服务器是否已开机、地址和端口是否正确、用户名和密码是否正确。"
        raise DatabaseError(f"无法打开数据库 {make_url(url).render_as_string()}：{hint}{exc}") from exc
    factory = sessionmaker(engine, expire_on_commit=False)
    readers = sessionmaker(engine.execution_options(landdesk_readonly=True), expire_on_commit=False)
    for sessions in (factory, readers):
        lengths.install(sessions)  # too-long text: the same clear message on SQLite and PostgreSQL
    return Database(engine=engine, session_factory=factory, read_factory=readers)
