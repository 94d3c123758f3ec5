"""Backups of the SQLite database: taken, verified, rotated and restored.

A backup is made with SQLite's online backup API from a connection that holds a read
transaction, never by copying the file: a live WAL database is two or three files that
only agree at a checkpoint, and a power cut during a plain copy leaves something that
merely looks like a database. The same read transaction counts the rows of every table,
so the copy can be checked against exactly the state it was taken from.

Each backup is ``landdesk-YYYYMMDD-HHMMSS-<reason>.sqlite3`` in the backup folder, with a
``.json`` manifest beside it (when, why, schema revision, program version, row counts,
size, SHA-256). It is written under a temporary name, verified (``PRAGMA
integrity_check`` and the row counts), fsynced, and only then given its real name: a
file with the real name is a verified backup.

A restore compares the office of the backup (read from the backup file itself, never from
its manifest or name) with the office of the database it replaces: a backup of another office
(another code, or a county's in place of a township's or the other way round) is refused
unless the administrator names that office's code, so a county database never silently
becomes a township (``OtherOfficeBackup``).

Rotation keeps the newest backup of each of the last 7 days, 4 ISO weeks and 12 months
that have backups (a grandfather–father–son scheme), and never the newest backup itself.
PostgreSQL databases are backed up by the server's own tools (pg_dump); see the README.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import DatabaseError

BACKUP_SUFFIX = ".sqlite3"
MANIFEST_SUFFIX = ".json"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12

REASONS = {
    "manual": "手动备份",
    "daily": "每日自动备份",
    "exit": "退出时备份",
    "import": "导入同步文件前",
    "migration": "升级数据库前",
    "restore": "恢复备份前",
}

_NAME = re.compile(r"^landdesk-(\d{8})-(\d{6})(?:-(\d+))?-([a-z]+)\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # UTC
    reason: str
    revision: str | None
    version: str
    size: int
    sha256: str
    tables: dict[str, int] = field(default_factory=dict)

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


@dataclass(frozen=True)
class OfficeStamp:
    """Which office a database file belongs to (its home office: see ``database_office``)."""

    code: str
    name: str
    is_county: bool

    @property
    def kind(self) -> str:
        return "县局" if self.is_county else "乡镇所"

    @property
    def label(self) -> str:
        return f"“{self.name}”（{self.kind}，单位代码 {self.code}）"

    def same_office(self, other: OfficeStamp) -> bool:
        return self.code == other.code and self.is_county == other.is_county


class OtherOfficeBackup(DatabaseError):
    """The backup belongs to another office than the database it would replace (or the code
    given to confirm that is not the backup's)."""

    def __init__(self, backup: Path, theirs: OfficeStamp, ours: OfficeStamp | None,
                 given: str | None = None) -> None:
        here = ours.label if ours is not None else "尚未设置单位的数据库"
        if given is None:
            message = (f"备份 {backup.name} 是{theirs.label}的数据，而当前数据库是{here}的；"
                       f"恢复后当前数据库就会变成{theirs.name}，所以没有恢复，当前数据库未作任何改动。"
                       f"请先核对是否选错了备份文件。确实要用该单位的数据替换本数据库时（例如在新电脑上接手该单位），"
                       f"请输入该备份的单位代码 {theirs.code} 确认：命令行加上 --other-office {theirs.code}，"
                       f"或在“备份与恢复”窗口的确认栏中输入该代码。")
        else:
            message = (f"确认用的单位代码 {given or '（空）'} 与备份 {backup.name} 的单位代码不符："
                       f"该备份是{theirs.label}的数据，当前数据库是{here}。没有恢复，当前数据库未作任何改动。"
                       f"请核对后输入该备份的单位代码 {theirs.code}。")
        super().__init__(message)
        self.backup = backup
        self.theirs = theirs
        self.ours = ours
        self.given = given


def backup_dir(data_folder: Path) -> Path:
    path = data_folder / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


# ---------------------------------------------------------------- taking a backup


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _home_office(conn: sqlite3.Connection) -> OfficeStamp | None:
    """The office a landdesk database belongs to, found as app.services.office.home_office_id
    finds it (the office of the earliest user who can sign in here; a county database also holds
    every township's office, a township's the county's), or None when no office is set up."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'office'").fetchone():
        return None
    for where in ("WHERE u.password_hash IS NOT NULL", ""):
        row = conn.execute(
            "SELECT o.code, o.name, o.is_county FROM app_user u JOIN office o ON o.id = u.office_id "
            f"{where} ORDER BY u.created_at LIMIT 1").fetchone()
        if row is not None:
            break
    else:
        row = conn.execute("SELECT code, name, is_county FROM office ORDER BY created_at LIMIT 1").fetchone()
    return OfficeStamp(code=str(row[0]), name=str(row[1]), is_county=bool(row[2])) if row else None


def database_office(path: Path) -> OfficeStamp | None:
    """The office of a database or backup file, read from the file itself (read-only).

    None when no office is set up in it (a new database); DatabaseError when it cannot be read.
    """
    if not path.is_file():
        return None
    # Without a -wal file beside it the database is all in its one file: read it as immutable,
    # so not even the -wal/-shm files a reader of a WAL database makes appear beside it.
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True, timeout=10)
    except sqlite3.Error as exc:
        raise DatabaseError(f"读不出 {path.name} 属于哪个单位（{exc}）。") from exc
    try:
        return _home_office(conn)
    except sqlite3.Error as exc:
        raise DatabaseError(f"读不出 {path.name} 属于哪个单位（{exc}）。") from exc
    finally:
        conn.close()


def check_office(backup: Path, db_path: Path, other_office: str | None = None) -> tuple[OfficeStamp | None, OfficeStamp | None]:
    """Refuse (``OtherOfficeBackup``) a backup of another office than the database's, unless
    ``other_office`` is exactly the backup's office code. Returns (backup's office, database's).

    Allowed without it: the same office (code and county/township), a database with no office
    yet (a new PC), and a backup with no office in it. A database too damaged to say whose it
    is is not compared: the restore moves it aside, kept, and the backup chosen stands.
    ``other_office``, when given, must equal the backup's code even where no confirmation is
    needed, so a mistyped confirmation never passes.
    """
    theirs = database_office(backup)
    try:
        ours = database_office(db_path)
    except DatabaseError:
        ours = None
    if other_office is not None and (theirs is None or other_office != theirs.code):
        if theirs is None:
            raise DatabaseError(f"备份 {backup.name} 中还没有设置单位，与确认用的单位代码 {other_office} 不符，"
                                "没有恢复，当前数据库未作任何改动。")
        raise OtherOfficeBackup(backup, theirs, ours, given=other_office)
    if theirs is not None and ours is not None and not theirs.same_office(ours) and other_office is None:
        raise OtherOfficeBackup(backup, theirs, ours)
    return theirs, ours


def integrity_problem(conn: sqlite3.Connection, *, quick: bool = False) -> str | None:
    """None when SQLite finds the file sound, else the first problems it names."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)")]
    except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
        return str(exc)
    return None if rows == ["ok"] else "；".join(rows[:5])


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unique_name(folder: Path, moment: dt.datetime, reason: str) -> Path:
    stamp = moment.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"landdesk-{stamp}-{reason}{BACKUP_SUFFIX}"
    n = 1
    while path.exists():  # two backups in one second (an import right after a manual backup)
        n += 1
        path = folder / f"landdesk-{stamp}-{n}-{reason}{BACKUP_SUFFIX}"
    return path


def take_backup(db_path: Path, folder: Path, reason: str, now: dt.datetime) -> BackupInfo:
    """Back the database up into ``folder``; verified before it gets its name."""
    if reason not in REASONS:
        raise ValueError(reason)
    if not db_path.exists():
        raise DatabaseError(f"要备份的数据库文件不存在：{db_path}")
    from app import version

    folder.mkdir(parents=True, exist_ok=True)
    target = _unique_name(folder, now, reason)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(db_path, isolation_level=None, timeout=30)
    try:
        source.execute("BEGIN")  # one snapshot for the counts and the copy
        counts = _counts(source)
        revision = _revision(source)
        copy = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            problem = integrity_problem(copy)
            copied = _counts(copy)
        finally:
            copy.close()
        source.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"备份失败：数据库文件 {db_path} 读不出来（{exc}）") from exc
    finally:
        source.close()
    if problem is not None or copied != counts:
        partial.unlink(missing_ok=True)
        detail = problem or "、".join(t for t in counts if copied.get(t) != counts[t])
        raise DatabaseError(f"备份写好后校验不通过（{detail}），已删除这份备份。请检查磁盘后重试。")
    with partial.open("rb+") as f:
        os.fsync(f.fileno())
    info = BackupInfo(path=target, taken_at=now.astimezone(dt.UTC), reason=reason, revision=revision,
                      version=version(), size=partial.stat().st_size, sha256=_sha256(partial), tables=counts)
    _write_manifest(info)
    os.replace(partial, target)
    _fsync_dir(folder)
    return info


def _manifest_path(backup: Path) -> Path:
    return backup.with_suffix(MANIFEST_SUFFIX)


def _write_manifest(info: BackupInfo) -> None:
    data = {"taken_at": info.taken_at.isoformat(), "reason": info.reason, "revision": info.revision,
            "version": info.version, "size": info.size, "sha256": info.sha256, "tables": info.tables}
    path = _manifest_path(info.path)
    temp = path.with_name(path.name + ".partial")
    temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temp, path)


def copy_to(info: BackupInfo, folder: Path) -> BackupInfo:
    """A second copy (a USB stick): the verified file and its manifest, checked by hash after writing."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / info.path.name
        partial = target.with_name(target.name + ".partial")
        with info.path.open("rb") as src, partial.open("wb") as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    except OSError as exc:
        raise DatabaseError(f"无法把备份复制到 {folder}：{exc.strerror or exc}。请检查U盘是否插好、是否写保护。") from exc
    if _sha256(partial) != info.sha256:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"复制到 {folder} 的备份与原件不一致（U盘可能有坏块），已删除。")
    copied = BackupInfo(**{**info.__dict__, "path": target})
    _write_manifest(copied)
    os.replace(partial, target)
    return copied


# ---------------------------------------------------------------- reading backups back


def _parse_name(path: Path) -> tuple[dt.datetime, str] | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    moment = dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    return moment, m.group(4)


def read_backup(path: Path) -> BackupInfo:
    """What a backup file says about itself (its manifest, or the file when that is missing)."""
    parsed = _parse_name(path)
    manifest = _manifest_path(path)
    try:
        data = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None
    except (OSError, ValueError):
        data = None
    if data is not None:
        try:
            return BackupInfo(path=path, taken_at=dt.datetime.fromisoformat(data["taken_at"]),
                              reason=str(data["reason"]), revision=data.get("revision"),
                              version=str(data.get("version", "")), size=int(data["size"]),
                              sha256=str(data["sha256"]), tables={str(k): int(v) for k, v in data["tables"].items()})
        except (KeyError, TypeError, ValueError):
            pass
    moment, reason = parsed or (dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC), "manual")
    return BackupInfo(path=path, taken_at=moment, reason=reason, revision=None, version="",
                      size=path.stat().st_size, sha256="")


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every finished backup in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [read_backup(p) for p in folder.glob(f"landdesk-*{BACKUP_SUFFIX}") if _parse_name(p)]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def verify_backup(path: Path) -> BackupInfo:
    """Check a backup before trusting it: readable, sound, and (with a manifest) unchanged."""
    if not path.is_file():
        raise DatabaseError(f"备份文件不存在：{path}")
    with path.open("rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise DatabaseError(f"{path.name} 不是 landdesk 的备份文件（不是 SQLite 数据库）。")
    info = read_backup(path)
    if info.sha256 and _sha256(path) != info.sha256:
        raise DatabaseError(f"备份文件 {path.name} 与备份时记录的校验值不符：文件已损坏或被改动，不能用于恢复。")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        problem = integrity_problem(conn)
        if problem is not None:
            raise DatabaseError(f"备份文件 {path.name} 已损坏（{problem}），不能用于恢复。")
        if _revision(conn) is None:
            raise DatabaseError(f"{path.name} 不是 landdesk 的数据库（没有结构版本）。")
        counts = _counts(conn)
        if info.tables and counts != info.tables:
            raise DatabaseError(f"备份文件 {path.name} 的记录数与备份时不符，不能用于恢复。")
        revision = _revision(conn)
    finally:
        conn.close()
    return BackupInfo(**{**info.__dict__, "revision": revision, "tables": counts})


def newest_verified(folders: Iterable[Path], office: OfficeStamp | None = None) -> BackupInfo | None:
    """The newest backup in any of the folders that passes ``verify_backup`` (and, with
    ``office``, is not another office's: a second folder on a USB stick may be shared)."""
    candidates = sorted((b for folder in folders for b in list_backups(folder)),
                        key=lambda b: b.taken_at, reverse=True)
    for candidate in candidates:
        try:
            found = verify_backup(candidate.path)
            theirs = database_office(found.path) if office is not None else None
        except DatabaseError:
            continue
        if office is not None and theirs is not None and not theirs.same_office(office):
            continue
        return found
    return None


# ---------------------------------------------------------------- rotation


def to_keep(moments: Iterable[dt.datetime], *, daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
            monthly: int = KEEP_MONTHLY) -> set[dt.datetime]:
    """Which backup times a grandfather–father–son rotation keeps.

    The newest backup of each of the ``daily`` most recent days that have one, of each of
    the ``weekly`` most recent ISO weeks and of the ``monthly`` most recent months, in Beijing
    dates; the newest backup of all is always kept.
    """
    from app.services.context import LOCAL_TZ

    ordered = sorted(set(moments), reverse=True)
    keep: set[dt.datetime] = set(ordered[:1])
    buckets: list[tuple[int, dict[object, dt.datetime]]] = [(daily, {}), (weekly, {}), (monthly, {})]
    for moment in ordered:
        day = moment.astimezone(LOCAL_TZ).date()
        keys = (day, day.isocalendar()[:2], (day.year, day.month))
        for (limit, newest), key in zip(buckets, keys, strict=True):
            if key not in newest and len(newest) < limit:
                newest[key] = moment  # the first seen in newest-first order is the bucket's newest
    for _limit, newest in buckets:
        keep.update(newest.values())
    return keep


def rotate(folder: Path) -> list[Path]:
    """Delete the backups (and manifests) the rotation does not keep; returns what was removed."""
    backups = list_backups(folder)
    keep = to_keep(b.taken_at for b in backups)
    removed = []
    for b in backups:
        if b.taken_at not in keep:
            b.path.unlink(missing_ok=True)
            _manifest_path(b.path).unlink(missing_ok=True)
            removed.append(b.path)
    return removed


# ---------------------------------------------------------------- restoring


def prepare_restore(backup: Path, db_path: Path, other_office: str | None = None,
                    ) -> tuple[BackupInfo, OfficeStamp | None, OfficeStamp | None]:
    """Everything a restore checks before it writes: the backup verified, from a known schema
    revision, of the same office (``check_office``). Returns (backup, its office, the database's)."""
    from app.db import known_revisions

    chosen = verify_backup(backup)
    if chosen.revision not in known_revisions():
        raise DatabaseError(f"备份 {backup.name} 由更新版本的 landdesk 做出（结构版本 {chosen.revision}），"
                            "请先安装最新版本再恢复。")
    theirs, ours = check_office(chosen.path, db_path, other_office)
    return chosen, theirs, ours


def restore_backup(backup: Path, db_path: Path, folder: Path, now: dt.datetime, *,
                   other_office: str | None = None) -> tuple[BackupInfo, BackupInfo | None]:
    """Put a verified backup in place of the database (which no connection may hold open).

    A backup of another office is refused before anything is written (``check_office``)
    unless ``other_office`` is that office's code. The current database is backed up first
    (reason "restore") when it can still be read, so a restore can itself be undone.
    Returns (the backup restored, the safety copy).
    """
    chosen, _theirs, _ours = prepare_restore(backup, db_path, other_office)
    safety = None
    if db_path.exists():
        try:
            safety = take_backup(db_path, folder, "restore", now)
        except DatabaseError:
            safety = None  # a damaged database cannot be backed up; it is moved aside below
    if safety is None and db_path.exists():
        set_aside(db_path, now)
    source = sqlite3.connect(f"file:{chosen.path}?mode=ro", uri=True)
    target = sqlite3.connect(db_path, isolation_level=None)
    try:
        source.backup(target)  # page by page inside the target's own transaction: all or nothing
        target.execute("PRAGMA journal_mode=WAL")
        problem = integrity_problem(target)
    finally:
        target.close()
        source.close()
    if problem is not None:
        raise DatabaseError(f"恢复后的数据库校验不通过（{problem}）。原数据库的备份在 {folder}。")
    return chosen, safety


def set_aside(db_path: Path, now: dt.datetime) -> Path:
    """Move a damaged database (and its WAL files) out of the way, keeping them for inspection."""
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    moved = db_path.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        part = db_path.with_name(db_path.name + suffix)
        if part.exists():
            os.replace(part, moved.with_name(moved.name + suffix))
    return moved
