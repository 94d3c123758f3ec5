"""Make tests/fixtures/schema/<revision>.sqlite3: a demo database written by the program as it
was when <revision> was the newest schema, so tests/test_upgrades.py can prove an upgrade keeps
every row.

Each fixture is made by that old program itself (a git worktree of the commit, its own
``landdesk demo``), not by today's code pretending to be old. Run it when a new migration
is added, for the revision that was the head before it, and commit the file:

    .venv/bin/python scripts/make_schema_fixtures.py [REVISION ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "schema"

# revision → the last commit at which it was the newest migration
COMMITS = {
    "0001": "6c68be2^",
    "0002": "57e81b6^",
    "0003": "da07ffd",
    "0004": "15d92a4",
    "0005": "bdf1a4d",
    "0006": "e2714f6",
    "0007": "3c7614d",
}
CASES = 30


def make(revision: str, commit: str) -> Path:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    target = FIXTURES / f"{revision}.sqlite3"
    with tempfile.TemporaryDirectory(prefix="landdesk-fixture-") as temp:
        tree = Path(temp) / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), commit], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            db = Path(temp) / "fixture.sqlite3"
            env = {**os.environ, "PYTHONPATH": str(tree), "LANDDESK_DATA_DIR": str(Path(temp) / "data"),
                   "QT_QPA_PLATFORM": "offscreen"}
            subprocess.run([sys.executable, "-m", "app.cli", "demo", "--db", str(db), "--cases", str(CASES)],
                           cwd=tree, env=env, check=True)
            with sqlite3.connect(db) as conn:
                found = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
                if found != revision:
                    raise SystemExit(f"{commit} made a database at {found}, not {revision}")
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.execute("PRAGMA journal_mode=DELETE")
                conn.execute("VACUUM")
            shutil.copyfile(db, target)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("revisions", nargs="*", default=sorted(COMMITS))
    args = parser.parse_args()
    for revision in args.revisions:
        path = make(revision, COMMITS[revision])
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
