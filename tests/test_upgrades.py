"""Upgrades: a database made by every earlier program version opens, is backed up, migrated,
and keeps every row; a migration that fails half-way leaves the old revision."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app import audit, backup
from app import db as dbmod
from app.dto import Role
from app.errors import DatabaseError, SignInError
from app.models import Case
from app.services import Services
from app.startup import open_checked
from tests.conftest import FixedClock

FIXTURES = Path(__file__).parent / "fixtures" / "schema"
REVISIONS = sorted(p.stem for p in FIXTURES.glob("*.sqlite3"))
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


def snapshot(path: Path) -> dict[str, dict[tuple[Any, ...], tuple[Any, ...]]]:
    """Every row of every table, keyed by primary key, with the columns it had."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        found = {}
        for table in tables:
            info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            columns = [c[1] for c in info]
            keys = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] or ["rowid"]
            rows = conn.execute(f'SELECT {", ".join(keys)}, {", ".join(columns)} FROM "{table}"').fetchall()
            found[table] = {tuple(r[: len(keys)]): tuple(zip(columns, r[len(keys):], strict=True)) for r in rows}
        return found


def test_there_is_a_fixture_for_every_earlier_revision() -> None:
    head = dbmod.head_revision()
    assert sorted(dbmod.known_revisions() - {head}) == REVISIONS


@pytest.mark.parametrize("revision", REVISIONS)
def test_an_old_database_is_backed_up_migrated_and_keeps_every_row(revision: str, tmp_path: Path) -> None:
    path = tmp_path / "landdesk.sqlite3"
    shutil.copyfile(FIXTURES / f"{revision}.sqlite3", path)
    before = snapshot(path)
    assert sum(len(rows) for rows in before.values()) > 500

    database, saved = open_checked(f"sqlite:///{path}", tmp_path, NOW)
    try:
        assert saved is not None and saved.reason == "migration" and saved.revision == revision
        assert backup.verify_backup(saved.path).tables["case_file"] == len(before["case_file"])
        assert dbmod.current_revision(database.engine) == dbmod.head_revision()
        after = snapshot(path)
        for table, rows in before.items():
            assert set(after[table]) == set(rows), f"rows of {table} lost or added"
            for key, old in rows.items():
                new = dict(after[table][key])
                changed = [c for c, v in old if new.get(c, v) != v]
                assert not changed, f"{table} {key}: {changed} changed"
        # The upgraded database is usable: the audit chain still verifies and work goes on.
        services = Services.create(database, tmp_path, clock=FixedClock())
        with services.ctx.reading() as s:
            assert audit.verify_chain(s) is None
            numbers = set(s.scalars(select(Case.number).where(Case.number.is_not(None))))
        assert numbers == {dict(r)["number"] for r in before["case_file"].values()} - {None}
        if revision == "0001":  # nobody had a password then: the first to sign in sets one
            assert services.office.office().name == dict(next(iter(before["office"].values())))["name"]
            signed = services.users.sign_in("wangxm", "guotu-2026")
            assert Role.ADMIN in signed.roles
            with pytest.raises(SignInError):  # the claim is once per database, not per account
                services.users.sign_in("wangxm", "another-2026")
        users = {dict(r)["username"] for r in before["app_user"].values()}
        assert services.users.sign_in("wangxm", "guotu-2026" if revision == "0001" else "demo2026")
        assert "wangxm" in users
    finally:
        database.dispose()


def test_a_migration_that_fails_half_way_leaves_the_old_revision(services: Services, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = services.ctx.db.sqlite_path
    assert path is not None
    services.ctx.db.dispose()
    head = dbmod.head_revision()
    migrations = tmp_path / "migrations"
    shutil.copytree(dbmod.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9999_fails.py").write_text(f'''
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.add_column("case_file", sa.Column("half_done_flag", sa.Integer))
    op.execute("UPDATE case_file SET summary = 'changed by a failed migration'")
    raise RuntimeError("disk full half-way through the migration")


def downgrade() -> None:
    pass
''', encoding="utf-8")
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", migrations)
    before = snapshot(path)
    with pytest.raises(DatabaseError, match="disk full"):
        open_checked(f"sqlite:///{path}", tmp_path, NOW)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchall()
    assert snapshot(path) == before
    # The backup taken before it is there, and verified.
    taken = backup.list_backups(backup.backup_dir(tmp_path))
    assert [b.reason for b in taken] == ["migration"] and taken[0].revision == head
