"""Township → county → township: what users rely on when files go back and forth on USB sticks."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, StateError
from app.models import Applicant, ChangeLog, SyncBatch
from app.sync import SyncFileError
from app.sync import county as county_module
from tests.conftest import FixedClock
from tests.sync_support import (
    Pair,
    accept_case,
    exchange_keys,
    make_county,
    make_township,
    pair,
    table_counts,
)

pytestmark = pytest.mark.both_backends
_ = pair  # the fixture, imported for pytest

CASE_TABLES = ["case_file", "applicant", "case_material", "case_event", "sync_row", "sync_conflict"]


def test_first_export_carries_every_change_and_the_county_applies_it(pair: Pair) -> None:
    result = pair.township.sync.export_batch(pair.usb)
    assert result.path.name == "370702101-00001-202611.ldsync"
    assert result.batch_seq == 1 and not result.remade
    with pair.township.ctx.reading() as s:
        logged = s.scalars(select(ChangeLog.table_name)).all()
        marked = s.scalars(select(ChangeLog.batch_seq).distinct()).all()
    assert result.changes == len([t for t in logged if t != "setting"])
    assert marked == [1]

    [report] = pair.county.sync.import_files([result.path])
    assert report.outcome == "applied", report.message
    assert report.by_table["case_file"].new == 1
    assert report.by_table["applicant"].new == 1
    assert table_counts(pair.county, ["case_file", "applicant"]) == {"case_file": 1, "applicant": 1}
    with pair.county.ctx.reading() as s:
        assert s.scalars(select(Applicant.name)).all() == ["张建国"]  # decrypted at the county
    history = pair.county.sync.import_history()
    assert history[0].outcome == "applied" and history[0].by_table["case_file"].new == 1
    if pair.county.ctx.db.sqlite_path is not None:  # a verified backup was taken before the import
        from app import backup

        taken = backup.list_backups(backup.backup_dir(pair.county.sync.data_folder))
        assert [b.reason for b in taken] == ["import"] and taken[0].tables["case_file"] == 0


def test_personal_data_is_not_readable_in_the_file(pair: Pair) -> None:
    result = pair.township.sync.export_batch(pair.usb)
    data = result.path.read_bytes()
    assert "张建国".encode() not in data
    assert b"13853612345" not in data
    assert "示例镇东王村".encode() in data  # the case's location is not personal data


def test_same_file_ten_times_and_a_renamed_copy_change_nothing(pair: Pair, tmp_path: Path) -> None:
    path = pair.township.sync.export_batch(pair.usb).path
    pair.county.sync.import_files([path])
    before = table_counts(pair.county, CASE_TABLES)
    copy = tmp_path / "拷贝 (2).ldsync"
    shutil.copyfile(path, copy)
    reports = pair.county.sync.import_files([path] * 10 + [copy])
    assert [r.outcome for r in reports] == ["duplicate"] * 11
    assert all("未做任何更改" in r.message for r in reports)
    assert table_counts(pair.county, CASE_TABLES) == before


def test_lost_file_is_remade_byte_for_byte(pair: Pair, tmp_path: Path) -> None:
    first = pair.township.sync.export_batch(pair.usb)
    original = first.path.read_bytes()
    first.path.unlink()
    again = pair.township.sync.export_batch(pair.usb)  # nothing new, not acknowledged: the same batch
    assert again.remade and again.batch_seq == 1
    assert again.path.read_bytes() == original
    remade = pair.township.sync.remake_batch(1, tmp_path / "other")
    assert remade.path.read_bytes() == original


def test_unacknowledged_changes_travel_again_in_the_next_batch(pair: Pair) -> None:
    first = pair.township.sync.export_batch(pair.usb)
    accept_case(pair.township, "李四")
    second = pair.township.sync.export_batch(pair.usb)
    assert second.batch_seq == 2 and second.first_change == first.first_change  # the first stick may be lost
    [report] = pair.county.sync.import_files([second.path])
    assert report.outcome == "held" and report.missing == (1,)
    reports = pair.county.sync.import_files([first.path])
    assert [r.outcome for r in reports] == ["applied", "applied"]
    assert reports[0].applied_after == (2,)
    assert table_counts(pair.county, ["case_file"]) == {"case_file": 2}
    assert reports[1].by_table["case_file"].unchanged >= 1  # sent twice, counted once


def test_batches_in_the_order_3_1_2(pair: Pair) -> None:
    paths = []
    for n in range(3):
        if n:
            accept_case(pair.township, f"申请人{n}")
        paths.append(pair.township.sync.export_batch(pair.usb).path)
        dl = pair.county.sync.export_downlinks(pair.usb / "down")  # ack so each batch holds only new changes
        pair.township.sync.import_files(dl)
    # the county above acknowledged nothing yet (nothing imported): every batch carries everything
    county = pair.county
    r3 = county.sync.import_files([paths[2]])
    assert r3[0].outcome == "held" and r3[0].missing == (1, 2)
    r1 = county.sync.import_files([paths[0]])
    assert r1[0].outcome == "applied" and r1[0].applied_after == ()
    r2 = county.sync.import_files([paths[1]])
    assert [r.outcome for r in r2] == ["applied", "applied"] and r2[0].applied_after == (3,)
    assert table_counts(county, ["case_file"]) == {"case_file": 3}
    assert county.sync.import_files([paths[2]])[0].outcome == "duplicate"


def test_export_to_a_read_only_folder_marks_nothing(pair: Pair, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from app.sync import township as township_module

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root writes anyway: the file system says no instead

        def read_only(*_args, **_kwargs):  # type: ignore[no-untyped-def]
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))

        monkeypatch.setattr(township_module, "open", read_only, raising=False)
    try:
        with pytest.raises(SyncFileError) as err:
            pair.township.sync.export_batch(folder)
    finally:
        folder.chmod(0o700)
    assert err.value.kind == "write_failed" and "只读" in err.value.message
    assert list(folder.iterdir()) == []
    with pair.township.ctx.reading() as s:
        assert s.scalars(select(SyncBatch)).all() == []
        assert s.scalars(select(ChangeLog.batch_seq).where(ChangeLog.batch_seq.is_not(None))).all() == []


def test_export_to_a_full_disk_marks_nothing(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.sync import fileformat

    real = fileformat.BatchWriter._emit
    written = {"n": 0}

    def fill_up(self, data: bytes) -> None:  # type: ignore[no-untyped-def]
        written["n"] += 1
        if written["n"] > 20:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(self, data)

    monkeypatch.setattr(fileformat.BatchWriter, "_emit", fill_up)
    with pytest.raises(SyncFileError) as err:
        pair.township.sync.export_batch(pair.usb)
    assert err.value.kind == "write_failed" and "已满" in err.value.message
    assert list(pair.usb.iterdir()) == []
    with pair.township.ctx.reading() as s:
        assert s.scalars(select(SyncBatch)).all() == []
    monkeypatch.setattr(fileformat.BatchWriter, "_emit", real)
    assert pair.township.sync.export_batch(pair.usb).batch_seq == 1  # the retry is batch 1 again


def test_cancelled_export_marks_nothing(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    township = make_township(make_services, cases=8)
    county = make_county(make_services)
    exchange_keys(township, county, tmp_path / "keys")
    with pytest.raises(SyncFileError) as err:
        township.sync.export_batch(tmp_path / "usb", cancel=lambda: True)
    assert err.value.kind == "cancelled"
    assert list((tmp_path / "usb").iterdir()) == []
    assert township.sync.status().unacknowledged == []


def test_import_killed_half_way_leaves_the_county_as_before(make_services, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    township = make_township(make_services, cases=8)
    county = make_county(make_services)
    exchange_keys(township, county, tmp_path / "keys")
    monkeypatch.setattr(county_module, "CHUNK", 100)
    path = township.sync.export_batch(tmp_path / "usb").path
    before = table_counts(county, CASE_TABLES + ["sync_import", "sync_office_state"])
    real = county_module._apply_chunk
    calls = {"n": 0}

    def dies(applier, chunk):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("power cut")
        real(applier, chunk)

    monkeypatch.setattr(county_module, "_apply_chunk", dies)
    with pytest.raises(KeyboardInterrupt):
        county.sync.import_files([path])
    assert table_counts(county, CASE_TABLES + ["sync_import", "sync_office_state"]) == before
    monkeypatch.setattr(county_module, "_apply_chunk", real)
    [report] = county.sync.import_files([path])
    assert report.outcome == "applied"
    assert table_counts(county, ["case_file"]) == table_counts(township, ["case_file"])


def test_dry_run_checks_and_counts_without_writing(pair: Pair) -> None:
    path = pair.township.sync.export_batch(pair.usb).path
    before = table_counts(pair.county, CASE_TABLES + ["sync_import"])
    [report] = pair.county.sync.import_files([path], dry_run=True)
    assert report.outcome == "checked" and report.by_table["case_file"].new == 1
    assert table_counts(pair.county, CASE_TABLES + ["sync_import"]) == before
    assert pair.county.sync.import_files([path])[0].outcome == "applied"


def test_downlink_acknowledges_and_next_batch_holds_only_new_changes(pair: Pair) -> None:
    first = pair.township.sync.export_batch(pair.usb)
    pair.county.sync.import_files([first.path])
    [downlink] = pair.county.sync.export_downlinks(pair.usb / "down")
    [report] = pair.township.sync.import_files([downlink])
    assert report.outcome == "applied", report.message
    assert "县局已确认收到第 1 批" in report.items
    status = pair.township.sync.status()
    assert status.last_acked_seq == 1 and status.unacknowledged == []
    with pytest.raises(StateError, match="没有新的变更"):
        pair.township.sync.export_batch(pair.usb)
    accept_case(pair.township, "王五")
    second = pair.township.sync.export_batch(pair.usb)
    assert second.batch_seq == 2 and second.first_change == first.last_change + 1
    assert pair.county.sync.import_files([second.path])[0].outcome == "applied"
    assert pair.township.sync.import_files([downlink])[0].outcome == "duplicate"


def test_downlink_count_mismatch_makes_the_township_send_everything_again(pair: Pair) -> None:
    first = pair.township.sync.export_batch(pair.usb)
    pair.county.sync.import_files([first.path])
    events = table_counts(pair.county, ["case_event"])["case_event"]
    with pair.county.ctx.transaction("test.lose_rows") as s:  # e.g. the county restored an old backup
        s.execute(county_module.SyncRow.__table__.delete().where(
            county_module.SyncRow.__table__.c.table_name == "case_event"))
        s.execute(county_module.rows.table("case_event").delete())
    [downlink] = pair.county.sync.export_downlinks(pair.usb / "down")
    [report] = pair.township.sync.import_files([downlink])
    assert any("重新发送全部数据" in item for item in report.items)
    resend = pair.township.sync.export_batch(pair.usb)
    assert resend.batch_seq == 2 and resend.first_change == 1
    [applied] = pair.county.sync.import_files([resend.path])
    assert applied.outcome == "applied" and applied.by_table["case_event"].new == events > 0
    assert applied.by_table["case_file"].unchanged >= 1
    [downlink2] = pair.county.sync.export_downlinks(pair.usb / "down2")
    [ok] = pair.township.sync.import_files([downlink2])
    assert "县局已确认收到第 1–2 批" in ok.items


def test_restored_township_continues_without_gaps_or_duplicates(pair: Pair, tmp_path: Path) -> None:
    township, county = pair.township, pair.county
    backup = _backup(township, tmp_path / "backup")
    b1 = township.sync.export_batch(pair.usb)
    county.sync.import_files([b1.path])
    accept_case(township, "赵六")
    b2 = township.sync.export_batch(pair.usb)
    county.sync.import_files([b2.path])
    county_cases = table_counts(county, ["case_file"])["case_file"]

    township = _restore(township, backup)  # back to before batch 1: the PC's disk died
    accept_case(township, "钱七")  # work goes on after the restore
    (township.sync.data_folder / "sync" / "township-state.json").unlink(missing_ok=True)  # new PC
    reused = township.sync.export_batch(pair.usb / "after")
    assert reused.batch_seq == 1
    refused = county.sync.import_files([reused.path])[0]
    assert refused.outcome == "refused" and refused.refusal_kind == "replayed_conflict"
    assert "回传文件" in refused.message

    [downlink] = county.sync.export_downlinks(pair.usb / "down")
    township.sync.import_files([downlink])
    b3 = township.sync.export_batch(pair.usb / "after2")
    assert b3.batch_seq == 3 and b3.first_change == 1  # never reuses 1 or 2; sends everything it has
    [report] = county.sync.import_files([b3.path])
    assert report.outcome == "applied", report.message
    assert report.by_table["case_file"].unchanged == 1  # 张建国's case, sent again: not doubled
    assert table_counts(county, ["case_file"])["case_file"] == county_cases  # nothing silently replaced
    conflicts = county.sync.conflicts()
    # the restored database gave 钱七's case the number the lost 赵六 case had: both versions kept
    [case_conflict] = [c for c in conflicts if c.table_name == "case_file"]
    assert case_conflict.county_version is not None and case_conflict.incoming_version is not None
    assert case_conflict.county_version["number"] == case_conflict.incoming_version["number"]
    assert case_conflict.county_version["id"] != case_conflict.incoming_version["id"]
    assert all(c.office_code == "370702101" and c.batch_seq == 3 for c in conflicts)


def test_restored_database_on_the_same_pc_asks_for_the_downlink_first(pair: Pair, tmp_path: Path) -> None:
    backup = _backup(pair.township, tmp_path / "backup")
    pair.township.sync.export_batch(pair.usb)
    township = _restore(pair.township, backup)
    with pytest.raises(StateError, match="回传文件"):
        township.sync.export_batch(pair.usb)


def test_export_needs_the_county_key_and_an_administrator(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    township = make_township(make_services)
    with pytest.raises(SyncFileError) as err:
        township.sync.export_batch(tmp_path)
    assert err.value.kind == "no_county_key" and "县局的公钥" in err.value.message
    from app.dto import Role

    township.users.create_user("lina", "李娜", [Role.WINDOW_CLERK], "Lina-2026-ok")
    township.users.sign_in("lina", "Lina-2026-ok")
    with pytest.raises(PermissionDenied):
        township.sync.export_batch(tmp_path)


def test_implausible_clock_is_flagged_not_trusted(pair: Pair) -> None:
    import datetime as dt

    # The PC's clock (which stamps the change log) was set to 1999 for one application.
    clock = pair.township.ctx.clock
    assert isinstance(clock, FixedClock)
    right = clock.now
    clock.now = dt.datetime(1999, 12, 31, 8, tzinfo=dt.UTC)
    accept_case(pair.township, "孙八")
    clock.now = right
    result = pair.township.sync.export_batch(pair.usb)
    assert result.flagged_times > 0 and "1999" in result.flagged_examples[0]
    [report] = pair.county.sync.import_files([result.path])
    assert report.outcome == "applied" and "时间不可信" in report.message


def _backup(services, folder: Path):  # type: ignore[no-untyped-def]
    db = services.ctx.db
    folder.mkdir(parents=True)
    if db.sqlite_path is None:
        return ("pg", _pg_dump(services))
    from app import backup

    return ("sqlite", backup.take_backup(db.sqlite_path, folder, "manual", services.ctx.now()).path)


def _restore(services, backup):  # type: ignore[no-untyped-def]
    from app.db import open_database
    from app.services import Services

    kind, what = backup
    db = services.ctx.db
    if kind == "pg":
        _pg_restore(services, what)
        return Services.create(db, services.sync.data_folder, clock=services.ctx.clock)
    else:
        from app import backup

        path = db.sqlite_path
        db.dispose()
        backup.restore_backup(what, path, what.parent, services.ctx.now())  # the program's own restore
        fresh = open_database(f"sqlite:///{path}")
    restored = Services.create(fresh, services.sync.data_folder, clock=services.ctx.clock)
    services.ctx.db = fresh  # so the fixture closes the new engine
    return restored


def _pg_dump(services):  # type: ignore[no-untyped-def]
    """Every table's rows, in order (a logical backup)."""
    from app.models import Base

    with services.ctx.db.engine.connect() as conn:
        return {t.name: [dict(r) for r in conn.execute(t.select()).mappings()] for t in Base.metadata.sorted_tables}


def _pg_restore(services, dump) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from app.models import Base

    with services.ctx.db.engine.begin() as conn:
        for t in reversed(Base.metadata.sorted_tables):
            conn.execute(t.delete())
        for t in Base.metadata.sorted_tables:
            if dump[t.name]:
                conn.execute(t.insert(), dump[t.name])
        for t in ("audit_log", "change_log"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{t}', 'seq'), "
                              f"COALESCE((SELECT MAX(seq) FROM {t}), 0) + 1, false)"))


def test_batches_sent_again_before_a_downlink_give_no_conflicts(pair: Pair) -> None:
    """Batches 1, 2 and 3 made with no downlink in between: 2 and 3 carry 1's changes again
    (nothing acknowledged yet). The county counts them once, as unchanged: no false conflicts."""
    from tests.test_sync_recovery import county_row_hashes, township_row_hashes

    paths = []
    for name in ("赵一", "钱二", "孙三"):
        accept_case(pair.township, name)
        paths.append(pair.township.sync.export_batch(pair.usb / name).path)
    reports = pair.county.sync.import_files(paths)
    assert [r.outcome for r in reports] == ["applied"] * 3, [r.message for r in reports]
    assert sum(c.conflicts + c.refused for r in reports for c in r.by_table.values()) == 0
    assert pair.county.sync.conflicts() == []
    assert all(sum(c.unchanged for c in r.by_table.values()) > 0 for r in reports[1:])
    assert township_row_hashes(pair.township) == county_row_hashes(pair.county, "370702101")
