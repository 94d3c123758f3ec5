"""Migration 0003: changes logged before it get the same row and base hashes the flush hook gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from app.db import open_database, run_migration


def _hashes(db) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT seq, row_hash, base_hash FROM change_log ORDER BY seq")).all()


def test_old_changes_are_hashed_like_new_ones(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    made_by_the_hook = _hashes(db)
    assert any(base for _seq, _row, base in made_by_the_hook)  # updates carry a base hash
    run_migration(db.engine, "downgrade", "0002")
    db.dispose()

    db = open_database(f"sqlite:///{path}")  # start-up migrates to head again
    assert _hashes(db) == made_by_the_hook
    with db.engine.connect() as conn:
        dupes = conn.execute(text("SELECT COUNT(*) FROM app_user GROUP BY office_id, username "
                                  "HAVING COUNT(*) > 1")).all()
    assert dupes == []
    db.dispose()


def test_each_update_starts_from_the_previous_version(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    latest: dict[tuple[str, str], str | None] = {}
    broken = []
    with db.engine.connect() as conn:
        for seq, table, row_id, op, row_hash, base_hash in conn.execute(text(
                "SELECT seq, table_name, row_id, op, row_hash, base_hash FROM change_log ORDER BY seq")):
            if op != "insert" and latest.get((table, row_id)) != base_hash:
                broken.append((seq, table))
            latest[(table, row_id)] = row_hash
    db.dispose()
    assert latest and broken == []
