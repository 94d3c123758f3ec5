"""A throw-away PostgreSQL server for the tests: its own cluster in a temporary folder.

The cluster listens only on a unix socket in that folder (no TCP port to clash
with anything), trusts local connections, and runs with fsync off because its
data is thrown away. PostgreSQL refuses to run as root, so when the tests run as
root (CI does) the folder is handed to the ``postgres`` user and the server
commands run through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

PG_BIN_ENV = "LANDDESK_PG_BIN"  # a folder holding initdb and pg_ctl, when not in a usual place
SUPERUSER = "postgres"

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server can be started here; the message says why and what to install."""


def _version_key(folder: str) -> tuple[int, ...]:
    match = re.search(r"/postgresql/(\d+(?:\.\d+)?)/bin$", folder)
    return tuple(int(p) for p in match.group(1).split(".")) if match else (0,)


def find_pg_bin() -> Path | None:
    """The folder with initdb and pg_ctl: $LANDDESK_PG_BIN, Debian's newest, or PATH."""
    candidates: list[str] = []
    if os.environ.get(PG_BIN_ENV):
        candidates.append(os.environ[PG_BIN_ENV])
    # Debian keeps the server programs out of PATH, one folder per major version.
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for folder in candidates:
        path = Path(folder)
        if (path / "initdb").is_file() and (path / "pg_ctl").is_file():
            return path
    return None


def check_identifier(name: str) -> str:
    """Database names are put into SQL unquoted; allow only plain lower-case names."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a plain database name: {name!r}")
    return name


class PostgresServer:
    """One PostgreSQL cluster: ``start()``, make databases, ``stop()`` removes everything."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="landdesk-pg-"))
        self.data_dir = self.folder / "data"
        self.socket_dir = self.folder  # a short path: unix socket paths are limited to ~107 bytes
        self.log_file = self.folder / "server.log"
        self.port = 5432  # only names the socket file; nothing listens on TCP
        self._as_root = os.geteuid() == 0
        self._admin: Any = None
        self.start_seconds = 0.0

    # -- running the server programs ----------------------------------------------------

    def _run(self, program: str, *args: str) -> None:
        command: list[str] = [str(self.bin_dir / program), *args]
        if self._as_root:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                env={**os.environ, "LC_ALL": "C", "TZ": "UTC"})
        if result.returncode != 0:
            log = self.log_file.read_text(errors="replace")[-2000:] if self.log_file.exists() else ""
            raise PostgresUnavailable(
                f"PostgreSQL: {' '.join(command)} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}{log}"
            )

    def start(self) -> None:
        began = time.perf_counter()
        if self._as_root:
            try:
                owner = pwd.getpwnam(SUPERUSER)
            except KeyError as exc:
                raise PostgresUnavailable(
                    f"running as root, but there is no '{SUPERUSER}' user to run PostgreSQL as "
                    "(the Debian package 'postgresql' creates it)"
                ) from exc
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
        self._run("initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions")
        options = " ".join([
            "-c listen_addresses=''",
            f"-c unix_socket_directories='{self.socket_dir}'",
            f"-p {self.port}",
            # Throw-away data: durability would only cost time.
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
            "-c max_connections=200", "-c timezone=UTC",
        ])
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data_dir),
                  "-l", str(self.log_file), "-o", options)
        self.start_seconds = time.perf_counter() - began

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "-D", str(self.data_dir), "-m", "immediate", "-w")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- databases ----------------------------------------------------------------------

    def url(self, database: str) -> str:
        """A SQLAlchemy URL for one database of this server (psycopg 3 over the socket)."""
        return (f"postgresql+psycopg://{SUPERUSER}@/{check_identifier(database)}"
                f"?host={self.socket_dir}&port={self.port}")

    def _admin_connection(self) -> Any:
        if self._admin is None:
            import psycopg

            self._admin = psycopg.connect(host=str(self.socket_dir), port=self.port, user=SUPERUSER,
                                          dbname="postgres", autocommit=True)
        return self._admin

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement on the maintenance database (CREATE/DROP DATABASE need autocommit)."""
        with self._admin_connection().cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else []

    def create_database(self, name: str, *, template: str | None = None) -> str:
        check_identifier(name)
        source = f" TEMPLATE {check_identifier(template)}" if template else ""
        self.execute(f"CREATE DATABASE {name}{source}")
        return self.url(name)

    def drop_database(self, name: str) -> None:
        # FORCE ends connections a failed test may have left open.
        self.execute(f"DROP DATABASE IF EXISTS {check_identifier(name)} WITH (FORCE)")


def start_server() -> PostgresServer:
    """Start a new server, or raise PostgresUnavailable saying what is missing."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise PostgresUnavailable(
            "the Python package psycopg is not installed (pip install 'psycopg[binary]')"
        ) from exc
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise PostgresUnavailable(
            "no PostgreSQL server programs (initdb, pg_ctl) found: install the Debian package "
            f"'postgresql' (scripts/dev.sh setup does) or set {PG_BIN_ENV}"
        )
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
