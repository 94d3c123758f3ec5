"""Opening the database: pragmas, migrations, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.db import open_database, refuse_network_path
from app.errors import DatabaseError
from app.models import Base, Case


def test_fresh_database_is_migrated_and_matches_models(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    db.dispose()


def test_database_from_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    db = open_database(f"sqlite:///{path}", migrate=False)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    with pytest.raises(DatabaseError, match="更新版本"):
        open_database(f"sqlite:///{path}")


@pytest.mark.parametrize("path", [r"\\server\share\landdesk.sqlite3", "//nas/landdesk/db.sqlite3"])
def test_network_share_is_refused(path: str) -> None:
    with pytest.raises(DatabaseError, match="网络共享"):
        refuse_network_path(Path(path) if path.startswith("//") else path)  # type: ignore[arg-type]


def test_unreadable_file_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match="无法打开数据库"):
        open_database(f"sqlite:///{path}")


def test_revision_scan_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from app.db import alembic_config, head_revision, known_revisions

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {s.revision for s in script.walk_revisions()}


def test_a_database_held_by_another_copy_is_a_clear_message_and_nothing_is_saved(services) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from tests.test_intake_service import count, full_form

    path = services.ctx.db.sqlite_path
    before = count(services, Case)
    other = sqlite3.connect(path, isolation_level=None)  # another landdesk writing a long time
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError, match="另一个 landdesk 窗口"):
            services.intake.accept(full_form(services))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert count(services, Case) == before
    services.intake.accept(full_form(services))  # once it lets go, work goes on
    assert count(services, Case) == before + 1
