"""Backups: online copy of a live database, verification, rotation, second folder, restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app import backup
from app.errors import DatabaseError
from app.models import Case
from app.services import Services
from app.services.context import LOCAL_TZ
from tests.props import examples

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=LOCAL_TZ)


def db_path(services: Services) -> Path:
    path = services.ctx.db.sqlite_path
    assert path is not None
    return path


def case_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM case_file").fetchone()[0]


def test_a_backup_of_a_live_database_is_complete_and_verified(demo_services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    with demo_services.ctx.reading() as s:  # a reader holding the database open does not matter
        cases = s.scalar(select(func.count()).select_from(Case))
        info = backup.take_backup(db_path(demo_services), folder, "manual", NOW)
    assert info.path.name == "landdesk-20261123-020000-manual.sqlite3"
    assert info.tables["case_file"] == cases == case_count(info.path)
    assert info.revision is not None and info.rows > 1000
    assert [b.path for b in backup.list_backups(folder)] == [info.path]
    assert backup.verify_backup(info.path).tables == info.tables
    # One self-contained file: no WAL beside it, nothing half-written left behind.
    assert sorted(p.name for p in folder.iterdir()) == sorted([info.path.name, info.path.with_suffix(".json").name])


def test_backups_in_the_same_second_do_not_overwrite_each_other(services: Services, tmp_path: Path) -> None:
    first = backup.take_backup(db_path(services), tmp_path, "manual", NOW)
    second = backup.take_backup(db_path(services), tmp_path, "import", NOW)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert len(backup.list_backups(tmp_path)) == 2


@pytest.mark.parametrize("damage", ["truncate", "flip", "not_sqlite", "foreign_db"])
def test_a_damaged_or_foreign_backup_is_refused_by_name(services: Services, tmp_path: Path, damage: str) -> None:
    info = backup.take_backup(db_path(services), tmp_path, "manual", NOW)
    data = info.path.read_bytes()
    if damage == "truncate":
        info.path.write_bytes(data[: len(data) // 2])
        expected = "校验值不符"
    elif damage == "flip":
        info.path.write_bytes(data[:5000] + bytes([data[5000] ^ 0xFF]) + data[5001:])
        expected = "校验值不符"
    elif damage == "not_sqlite":
        info.path.write_bytes(b"PK\x03\x04 a zip file, not a database" * 100)
        expected = "不是 SQLite 数据库"
    else:
        info.path.unlink()
        info.path.with_suffix(".json").unlink()
        with sqlite3.connect(info.path) as conn:
            conn.execute("CREATE TABLE t (x)")
        expected = "不是 landdesk 的数据库"
    with pytest.raises(DatabaseError, match=expected):
        backup.verify_backup(info.path)


def test_restore_puts_the_backup_back_and_keeps_a_copy_of_what_it_replaced(
        demo_services: Services, tmp_path: Path) -> None:
    path = db_path(demo_services)
    folder = tmp_path / "backups"
    before = case_count(path)
    taken = backup.take_backup(path, folder, "manual", NOW)
    with demo_services.ctx.transaction("test.delete") as s:
        s.execute(Case.__table__.update().values(summary="restored away"))
    demo_services.ctx.db.dispose()
    restored, safety = backup.restore_backup(taken.path, path, folder, NOW + dt.timedelta(hours=1))
    assert restored.path == taken.path and safety is not None and safety.reason == "restore"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM case_file WHERE summary = 'restored away'").fetchone()[0] == 0
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with sqlite3.connect(safety.path) as conn:  # the replaced state is kept, changes and all
        assert conn.execute("SELECT count(*) FROM case_file WHERE summary = 'restored away'").fetchone()[0] == before
    assert case_count(path) == before


def test_restoring_over_a_damaged_database_moves_it_aside(services: Services, tmp_path: Path) -> None:
    path = db_path(services)
    taken = backup.take_backup(path, tmp_path, "manual", NOW)
    services.ctx.db.dispose()
    path.with_name(path.name + "-wal").unlink(missing_ok=True)
    with path.open("r+b") as f:
        f.seek(4096)
        f.write(b"\x00garbage" * 2048)
    _restored, safety = backup.restore_backup(taken.path, path, tmp_path, NOW)
    assert safety is None
    assert list(path.parent.glob("landdesk.damaged-*.sqlite3"))
    assert backup.integrity_problem(sqlite3.connect(path)) is None


def test_a_second_copy_on_a_usb_stick(services: Services, tmp_path: Path) -> None:
    info = backup.take_backup(db_path(services), tmp_path / "a", "exit", NOW)
    copied = backup.copy_to(info, tmp_path / "usb" / "landdesk")
    assert copied.path.read_bytes() == info.path.read_bytes()
    assert backup.verify_backup(copied.path).sha256 == info.sha256
    blocked = tmp_path / "readonly"
    blocked.write_text("a file where a folder should be")
    with pytest.raises(DatabaseError, match="无法把备份复制到"):
        backup.copy_to(info, blocked)


def test_newest_verified_skips_damaged_backups(services: Services, tmp_path: Path) -> None:
    older = backup.take_backup(db_path(services), tmp_path, "daily", NOW - dt.timedelta(days=1))
    newer = backup.take_backup(db_path(services), tmp_path, "daily", NOW)
    newer.path.write_bytes(newer.path.read_bytes()[:1000])
    found = backup.newest_verified([tmp_path, tmp_path / "missing"])
    assert found is not None and found.path == older.path


# ---------------------------------------------------------------- rotation


def test_rotation_of_a_year_and_a_half_of_daily_backups() -> None:
    # One backup a day at 18:00 Beijing, from 2025-06-01 to 2026-11-23 (Monday).
    start = dt.datetime(2025, 6, 1, 18, tzinfo=LOCAL_TZ)
    moments = [start + dt.timedelta(days=n) for n in range((NOW.date() - start.date()).days + 1)]
    kept = sorted(m.date() for m in (k.astimezone(LOCAL_TZ) for k in backup.to_keep(moments)))
    days = [dt.date(2026, 11, d) for d in range(17, 24)]  # the last seven days
    # Four ISO weeks counting this one (Monday 23rd): its own and last week's newest are already days.
    weeks = [dt.date(2026, 11, 15), dt.date(2026, 11, 8)]
    # Twelve months counting this one: the last days of December 2025 … October 2026.
    months = [dt.date(2026, m, 1) - dt.timedelta(days=1) for m in range(1, 12)]
    assert kept == sorted({*days, *weeks, *months})
    assert len(kept) == 7 + 2 + 11


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2026, 12, 31),
                             timezones=st.just(dt.UTC)), min_size=1, max_size=120))
def test_rotation_properties(moments: list[dt.datetime]) -> None:
    kept = backup.to_keep(moments)
    assert kept <= set(moments)
    assert max(moments) in kept
    assert len(kept) <= 1 + backup.KEEP_DAILY + backup.KEEP_WEEKLY + backup.KEEP_MONTHLY
    days = sorted({m.astimezone(LOCAL_TZ).date() for m in moments}, reverse=True)
    for day in days[: backup.KEEP_DAILY]:  # each recent day keeps its newest backup
        newest = max(m for m in moments if m.astimezone(LOCAL_TZ).date() == day)
        assert newest in kept
    assert backup.to_keep(kept) == kept  # rotating again removes nothing more


def test_rotate_deletes_files_and_manifests(services: Services, tmp_path: Path) -> None:
    taken = [backup.take_backup(db_path(services), tmp_path, "daily", NOW - dt.timedelta(days=n))
             for n in range(10)]
    removed = backup.rotate(tmp_path)
    # Kept: the 7 days 17–23 November, and the 15th as the newest of ISO week 46 (9–15 November);
    # the 16th (week 47's newest is the 22nd) and the 14th go.
    assert sorted(removed) == sorted([taken[7].path, taken[9].path])
    assert len(backup.list_backups(tmp_path)) == 8
    assert not [p for p in tmp_path.glob("*.json") if not p.with_suffix(".sqlite3").exists()]


def test_backup_and_restore_from_the_command_line(services: Services, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import landdesk

    path = db_path(services)
    services.ctx.db.dispose()
    common = ["--db", str(path), "--data-dir", str(tmp_path)]
    assert landdesk(["backup", *common, "--to", str(tmp_path / "usb")]) == 0
    out = capsys.readouterr().out
    assert "已备份并校验" in out and "已复制到" in out
    made = backup.list_backups(tmp_path / "backups")
    assert len(made) == 1 and (tmp_path / "usb" / made[0].path.name).exists()
    assert landdesk(["backup", *common, "--list"]) == 0
    assert made[0].path.name in capsys.readouterr().out
    assert landdesk(["restore", *common, str(made[0].path), "--yes"]) == 0
    assert "恢复前的数据库已备份为" in capsys.readouterr().out
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"not a database at all")
    assert landdesk(["restore", *common, str(bogus), "--yes"]) == 2
    assert "不是 SQLite 数据库" in capsys.readouterr().err


# ---------------------------------------------------------------- restoring another office's backup

COUNTY = ("示例县自然资源局", "370702000")


def county_services(make_services) -> Services:  # type: ignore[no-untyped-def]
    from tests.conftest import TEST_PASSWORD

    county = make_services("empty")
    county.sync.create_county_office(*COUNTY, username="wangxm", display_name="县局王晓梅", password=TEST_PASSWORD)
    return county


def restore_args(services: Services, folder: Path) -> list[str]:
    """The database of ``services`` closed, for ``landdesk restore`` on it."""
    path = db_path(services)
    services.ctx.db.dispose()
    return ["restore", "--db", str(path), "--data-dir", str(folder)]


def test_a_township_backup_is_refused_at_the_county_unless_its_code_is_given(
        make_services, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import landdesk

    county = county_services(make_services)  # data folder tmp_path
    town = make_services("office")  # 示例镇自然资源所 370702101
    theirs = backup.take_backup(db_path(town), tmp_path / "usb", "manual", NOW)
    assert backup.database_office(theirs.path) == backup.OfficeStamp("370702101", "示例镇自然资源所", False)
    path = db_path(county)
    common = restore_args(county, tmp_path)
    before = path.read_bytes()

    assert landdesk([*common, str(theirs.path), "--yes"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
    for named in ("示例镇自然资源所", "370702101", "示例县自然资源局", "370702000", "--other-office 370702101"):
        assert named in err, named
    assert path.read_bytes() == before  # not a byte written, nothing made beside it
    assert sorted(p.name for p in path.parent.glob(path.name + "*")) == [path.name]
    assert backup.list_backups(backup.backup_dir(tmp_path)) == []  # not even the safety backup

    for wrong in ("370702000", "37070210", "370702101 ", ""):
        assert landdesk([*common, str(theirs.path), "--yes", "--other-office", wrong]) == 2, wrong
        err = capsys.readouterr().err
        assert "不符" in err and "370702101" in err and "Traceback" not in err
    assert path.read_bytes() == before

    assert landdesk([*common, str(theirs.path), "--yes", "--other-office", "370702101"]) == 0
    out = capsys.readouterr().out
    assert "示例镇自然资源所" in out and "恢复前的数据库已备份为" in out
    assert backup.database_office(path) == backup.OfficeStamp("370702101", "示例镇自然资源所", False)
    [safety] = backup.list_backups(backup.backup_dir(tmp_path))  # the county's database is kept
    assert safety.reason == "restore" and backup.database_office(safety.path) == backup.OfficeStamp(
        COUNTY[1], COUNTY[0], True)


def test_county_and_township_of_the_same_code_are_other_offices(services: Services, tmp_path: Path) -> None:
    path = db_path(services)
    theirs = backup.take_backup(path, tmp_path / "usb", "manual", NOW)  # the township
    services.ctx.db.dispose()
    with sqlite3.connect(path) as conn:  # the database now says it is a county of the same code
        conn.execute("UPDATE office SET is_county = 1")
    conn.close()
    before = path.read_bytes()
    folder = tmp_path / "backups"
    with pytest.raises(backup.OtherOfficeBackup) as refused:
        backup.restore_backup(theirs.path, path, folder, NOW)
    assert "乡镇所" in refused.value.message and "县局" in refused.value.message
    assert "370702101" in refused.value.message
    assert path.read_bytes() == before and not folder.exists()
    _restored, safety = backup.restore_backup(theirs.path, path, folder, NOW, other_office="370702101")
    assert safety is not None
    stamp = backup.database_office(path)
    assert stamp is not None and not stamp.is_county


def test_same_office_and_new_databases_restore_without_a_confirmation(
        make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    town = make_services("office")
    ours = backup.take_backup(db_path(town), tmp_path / "usb", "manual", NOW)
    path = db_path(town)
    town.ctx.db.dispose()
    restored, safety = backup.restore_backup(ours.path, path, tmp_path / "backups", NOW)
    assert restored.path == ours.path and safety is not None
    # A confirmation, when given, must still be the backup's own code.
    with pytest.raises(backup.OtherOfficeBackup, match="不符"):
        backup.restore_backup(ours.path, path, tmp_path / "backups", NOW, other_office="370702102")
    # A new PC: the database has no office yet, so any office's backup may come in.
    blank = make_services("empty")
    new_pc = db_path(blank)
    blank.ctx.db.dispose()
    assert backup.database_office(new_pc) is None
    backup.restore_backup(ours.path, new_pc, tmp_path / "backups2", NOW)
    assert backup.database_office(new_pc) == backup.database_office(ours.path)
    # No file yet at all: the same.
    backup.restore_backup(ours.path, tmp_path / "fresh.sqlite3", tmp_path / "backups3", NOW)
    assert backup.database_office(tmp_path / "fresh.sqlite3") == backup.database_office(ours.path)


def test_recovering_a_damaged_database_takes_its_own_newest_backup(
        make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A second folder shared with another office's PC holds a newer backup of that office:
    the damaged database's own newest backup is offered and restored, not that one."""
    from app import startup

    town = make_services("office")  # data folder tmp_path
    county = county_services(make_services)
    own = backup.take_backup(db_path(town), backup.backup_dir(tmp_path), "daily", NOW - dt.timedelta(days=1))
    usb = tmp_path / "usb"
    backup.take_backup(db_path(county), usb, "exit", NOW)
    startup.save_settings(tmp_path, startup.BackupSettings(second_folder=usb))
    path = db_path(town)
    town.ctx.db.dispose()
    path.with_name(path.name + "-wal").unlink(missing_ok=True)
    with path.open("r+b") as f:  # pages past the office table overwritten
        f.seek(path.stat().st_size - 8192)
        f.write(b"\xde\xad\xbe\xef" * 1024)
    with pytest.raises(startup.DamagedDatabaseError) as damaged:
        startup.check_file(path, tmp_path)
    assert damaged.value.newest_backup is not None and damaged.value.newest_backup.path == own.path
    restored = startup.recover(path, tmp_path, NOW)
    assert restored.path == own.path
    assert backup.database_office(path) == backup.OfficeStamp("370702101", "示例镇自然资源所", False)
