"""Migrations keep every row: a filled database goes down to 0001 and back up to head."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from app.db import current_revision, head_revision, open_database, run_migration

TABLES = ["office", "app_user", "matter", "material_requirement", "applicant", "case_file",
          "case_material", "case_event", "holiday", "audit_log", "change_log"]


def _counts(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}


def test_issue2_database_upgrades_with_every_row(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    before = _counts(db)
    run_migration(db.engine, "downgrade", "0001")
    assert current_revision(db.engine) == "0001"
    assert _counts(db) == before
    db.dispose()

    db = open_database(f"sqlite:///{path}")  # start-up upgrades to head
    assert current_revision(db.engine) == head_revision()
    assert _counts(db) == before
    with db.engine.connect() as conn:
        stranded = conn.execute(text(
            "SELECT COUNT(*) FROM case_file WHERE status = 'accepted' AND (holder_id IS NULL OR current_step != 1)"
        )).scalar_one()
    assert stranded == 0  # accepted cases now sit at the window step with their clerk
    db.dispose()
