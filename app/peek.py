"""A first look at the database before it is opened, for the sign-in dialog at start-up.

Opening the database for work (app/startup.py) means importing SQLAlchemy, the models and
the services, checking the file and perhaps migrating it: most of a second on an old PC.
The sign-in dialog needs none of that to be shown, only to know that an office is set up
(otherwise the first-run set-up comes instead) and, for ``--demo``, whose name to fill in.
This module reads just that with the standard ``sqlite3`` module, read-only, and answers
``None`` whenever it cannot tell (no file yet, a server database, a damaged or foreign
file, an older schema): the caller then waits for the real opening as before, which
decides everything (damage, migration, set-up) exactly as it always did.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SQLITE_PREFIX = "sqlite:///"


@dataclass(frozen=True)
class OfficePeek:
    has_office: bool  # False: the first-run set-up will be asked for
    first_username: str | None  # the earliest active account (the demo office's administrator)


def peek_office(url: str) -> OfficePeek | None:
    """What the sign-in dialog needs, read without SQLAlchemy; ``None`` when it cannot tell."""
    if not url.startswith(SQLITE_PREFIX):
        return None
    path = Path(url.removeprefix(SQLITE_PREFIX))
    if str(path) in {"", ":memory:"} or not path.is_file():
        return None
    import sqlite3

    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=2)
    except (sqlite3.Error, ValueError):
        return None
    try:
        offices = conn.execute("SELECT count(*) FROM office").fetchone()[0]
        row = conn.execute("SELECT username FROM app_user WHERE active ORDER BY created_at LIMIT 1").fetchone()
    except sqlite3.Error as exc:  # damaged, not ours, or older than these tables: the opening will tell
        log.info("no first look at %s: %s", path, exc)
        return None
    finally:
        conn.close()
    return OfficePeek(has_office=bool(offices), first_username=row[0] if row else None)
