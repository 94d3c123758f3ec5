"""Where landdesk keeps its data.

One place decides the data folder so tests, a portable install and the real
per-user folder all behave the same (qutebrowser's ``standarddir`` idea).
Order: explicit argument → ``LANDDESK_DATA_DIR`` → appdirs' user data folder.
The database file may be given separately with ``--db`` or ``LANDDESK_DB``.
"""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

APP_NAME = "landdesk"
APP_AUTHOR = "landdesk"
DB_FILENAME = "landdesk.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    chosen = override or os.environ.get("LANDDESK_DATA_DIR")
    path = Path(chosen) if chosen else Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(db: str | None = None, data_folder: Path | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (a path or a URL), ``LANDDESK_DB``, or the default file."""
    chosen = db or os.environ.get("LANDDESK_DB")
    if chosen and "://" in chosen:
        return chosen
    if chosen:
        return f"sqlite:///{Path(chosen).expanduser().resolve()}"
    folder = data_folder or data_dir()
    return f"sqlite:///{folder / DB_FILENAME}"


def log_dir(data_folder: Path | None = None) -> Path:
    path = (data_folder or data_dir()) / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def drafts_dir(data_folder: Path | None = None) -> Path:
    path = (data_folder or data_dir()) / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path
