"""Opening the database for a day's work: integrity check, backup before a migration, daily backup.

The window (ui/application.py) and the command line both come through here, so the
rules hold however landdesk is started:

1. A SQLite file that fails SQLite's quick check is not opened for writing at all:
   ``DamagedDatabaseError`` says what SQLite found and names the newest verified
   backup; ``recover`` moves the damaged file aside (kept, never deleted) and restores
   that backup.
2. A database at an older schema revision is backed up (reason "migration") before
   Alembic upgrades it; a migration that fails leaves the old revision (one transaction)
   and the backup.
3. Once a day (the first start of the day) a backup is taken and the rotation applied;
   on exit another, also copied to the second folder (a USB stick) when one is set.

PostgreSQL databases skip 1–3: the server has its own checks and pg_dump.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app import backup
from app.backup import BackupInfo
from app.db import Database, current_revision, head_revision, make_engine, open_database
from app.errors import DatabaseError

if TYPE_CHECKING:
    from app.services import Services

log = logging.getLogger(__name__)

CONFIG_FILE = "backup.json"  # per PC: a USB stick's drive letter belongs to the PC, not the database


class DamagedDatabaseError(DatabaseError):
    """The database file fails SQLite's integrity check; nothing has been written to it."""

    def __init__(self, path: Path, problem: str, newest_backup: BackupInfo | None) -> None:
        offer = (f"最新的已校验备份是 {newest_backup.path.name}（{_local(newest_backup.taken_at)}）。"
                 if newest_backup else "没有找到可用的备份。")
        offer += ("乡镇所恢复备份（或新建数据库）后，可请县局导出本所的恢复文件并在“同步 → 导入同步文件”中导入，"
                  "找回备份之后报送过县局的数据。")
        super().__init__(f"数据库文件 {path} 已损坏（{problem}），为防止损坏扩大，已停止写入。{offer}")
        self.path = path
        self.problem = problem
        self.newest_backup = newest_backup


def _local(moment: dt.datetime) -> str:
    from app.services.context import LOCAL_TZ

    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


# ---------------------------------------------------------------- settings kept per PC


@dataclass(frozen=True)
class BackupSettings:
    second_folder: Path | None = None


def load_settings(data_folder: Path) -> BackupSettings:
    path = data_folder / CONFIG_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        second = data.get("second_folder")
        return BackupSettings(second_folder=Path(second) if second else None)
    except (OSError, ValueError, AttributeError):
        return BackupSettings()


def save_settings(data_folder: Path, settings: BackupSettings) -> None:
    path = data_folder / CONFIG_FILE
    temp = path.with_name(path.name + ".partial")
    data = {"second_folder": str(settings.second_folder) if settings.second_folder else None}
    temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temp, path)


def backup_folders(data_folder: Path) -> list[Path]:
    """Where backups are looked for: the data folder's, then the second folder."""
    folders = [backup.backup_dir(data_folder)]
    second = load_settings(data_folder).second_folder
    if second is not None:
        folders.append(second)
    return folders


# ---------------------------------------------------------------- opening


def check_file(path: Path, data_folder: Path) -> None:
    """Raise DamagedDatabaseError if SQLite's quick check finds the file unsound."""
    import sqlite3

    if not path.exists():
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        problem = str(exc)
    else:
        try:
            problem = backup.integrity_problem(conn, quick=True)
        finally:
            conn.close()
    if problem is not None:
        log.error("database %s failed the integrity check: %s", path, problem)
        raise DamagedDatabaseError(path, problem,
                                   backup.newest_verified(backup_folders(data_folder), _office_if_readable(path)))


def _office_if_readable(path: Path) -> backup.OfficeStamp | None:
    """The office of a (perhaps damaged) database file, or None when it has none or cannot tell."""
    try:
        return backup.database_office(path)
    except DatabaseError:
        return None


def open_checked(url: str, data_folder: Path, now: dt.datetime) -> tuple[Database, BackupInfo | None]:
    """Open for work: integrity check, backup before migrating, migrate. Returns (db, that backup)."""
    engine = make_engine(url)
    try:
        path = Path(engine.url.database) if engine.dialect.name == "sqlite" and engine.url.database else None
        if path is not None and str(path) != ":memory:":
            check_file(path, data_folder)
        before_migration = None
        current = current_revision(engine)
        if path is not None and path.exists() and current is not None and current != head_revision():
            before_migration = backup.take_backup(path, backup.backup_dir(data_folder), "migration", now)
            log.info("backed up %s before migrating from %s: %s", path, current, before_migration.path)
    finally:
        engine.dispose()
    return open_database(url), before_migration


def daily_backup(db: Database, data_folder: Path, now: dt.datetime) -> BackupInfo | None:
    """The first start of a (Beijing) day takes a backup and applies the rotation."""
    from app.services.context import local_date

    path = db.sqlite_path
    if path is None or not path.exists():
        return None
    folder = backup.backup_dir(data_folder)
    today = local_date(now)
    if any(local_date(b.taken_at) == today for b in backup.list_backups(folder)):
        return None
    info = backup.take_backup(path, folder, "daily", now)
    backup.rotate(folder)
    return info


def exit_backup(db: Database, data_folder: Path, now: dt.datetime) -> BackupInfo | None:
    """On exit: a verified backup, a copy to the second folder if set, rotation in both."""
    path = db.sqlite_path
    if path is None or not path.exists():
        return None
    folder = backup.backup_dir(data_folder)
    info = backup.take_backup(path, folder, "exit", now)
    backup.rotate(folder)
    second = load_settings(data_folder).second_folder
    if second is not None:
        try:
            backup.copy_to(info, second)
            backup.rotate(second)
        except DatabaseError as exc:  # the stick is not plugged in: the local backup still counts
            log.warning("second backup folder: %s", exc.message)
    return info


def manual_backup(db: Database, data_folder: Path, now: dt.datetime) -> BackupInfo:
    """A backup on request: verified, copied to the second folder when set (a failure there is
    reported, the local backup stands), rotation applied."""
    path = db.sqlite_path
    if path is None:
        raise DatabaseError("PostgreSQL 数据库请用服务器自带的 pg_dump 备份（见 README）。")
    folder = backup.backup_dir(data_folder)
    info = backup.take_backup(path, folder, "manual", now)
    backup.rotate(folder)
    second = load_settings(data_folder).second_folder
    if second is not None:
        backup.copy_to(info, second)
        backup.rotate(second)
    return info


def backup_office(services: Services, chosen: Path) -> tuple[backup.OfficeStamp | None, backup.OfficeStamp | None]:
    """(The office of the backup ``chosen``, the office of this database): read from the files,
    for the restore dialog to ask for a confirmation when they differ. Nones when it cannot tell
    (the restore itself checks again, and refuses a backup it cannot read)."""
    path = services.ctx.db.sqlite_path
    try:
        theirs = backup.database_office(chosen)
    except DatabaseError:
        return None, None
    return theirs, (_office_if_readable(path) if path is not None else None)


def restore_running(services: Services, chosen: Path, data_folder: Path,
                    now: dt.datetime, *, other_office: str | None = None) -> tuple[BackupInfo, BackupInfo | None]:
    """Restore from inside the program (administrators): the database is closed first and the
    program must be started again afterwards, so no page keeps rows from before.

    A backup of another office needs ``other_office``, its office code (backup.check_office)."""
    from app.permissions import Action

    services.ctx.require(Action.RESTORE)
    path = services.ctx.db.sqlite_path
    if path is None:
        raise DatabaseError("PostgreSQL 数据库请用服务器自带的 pg_restore 恢复（见 README）。")
    backup.prepare_restore(chosen, path, other_office)  # refuse a bad or foreign file before closing anything
    services.ctx.db.dispose()
    return backup.restore_backup(chosen, path, backup.backup_dir(data_folder), now, other_office=other_office)


def last_backup(data_folder: Path) -> BackupInfo | None:
    found = [b for folder in backup_folders(data_folder) for b in backup.list_backups(folder)]
    return max(found, key=lambda b: b.taken_at, default=None)


def recover(path: Path, data_folder: Path, now: dt.datetime, chosen: Path | None = None) -> BackupInfo:
    """Replace a damaged database by the newest verified backup (or ``chosen``)."""
    if chosen is None:
        # The newest backup of this database: a second folder shared with another office's PC
        # may hold newer backups of that office, which the restore would refuse.
        newest = backup.newest_verified(backup_folders(data_folder), _office_if_readable(path))
        if newest is None:
            raise DatabaseError("没有找到可用的备份，无法自动恢复。请新建数据库并以原单位代码设置本所，把新的公钥文件交县局登记，"
                                "再导入县局导出的本所恢复文件（landdesk sync recovery）。")
        chosen = newest.path
    restored, _safety = backup.restore_backup(chosen, path, backup.backup_dir(data_folder), now)
    return restored
