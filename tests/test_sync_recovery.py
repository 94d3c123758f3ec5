"""A township that lost data gets its rows back from the county (recovery file, issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.audit import verify_chain
from app.errors import LanddeskError, StateError
from app.models import Applicant, Case, ChangeLog, Office, SyncRow
from app.services import Services
from tests.conftest import TEST_PASSWORD
from tests.sync_support import (
    COUNTY_CODE,
    Pair,
    accept_case,
    exchange_keys,
    make_county,
    make_township,
    pair,
    table_counts,
)
from tests.test_sync_flow import _backup, _restore

_ = pair  # the fixture, imported for pytest

CASE_TABLES = ["case_file", "applicant", "case_material", "case_event", "case_step"]


def _case_numbers(services: Services) -> list[str]:
    with services.ctx.reading() as s:
        return sorted(n for n in s.scalars(select(Case.number)) if n)


def _lost_after_restore(pair: Pair, tmp_path: Path) -> tuple[Services, dict[str, int]]:
    """Two batches at the county; the township goes back to a backup taken after the first."""
    township, county = pair.township, pair.county
    b1 = township.sync.export_batch(pair.usb)
    assert county.sync.import_files([b1.path])[0].outcome == "applied"
    backup = _backup(township, tmp_path / "backup")
    for name in ("赵六", "钱七", "孙八"):
        accept_case(township, name)
    b2 = township.sync.export_batch(pair.usb)
    assert b2.batch_seq == 2 and county.sync.import_files([b2.path])[0].outcome == "applied"
    before = table_counts(township, CASE_TABLES)
    restored = _restore(township, backup)
    assert table_counts(restored, ["case_file"])["case_file"] == 1  # the second batch's cases are gone
    return restored, before


def reinstalled_keys(township: Services, county: Services, folder: Path) -> None:
    """A township set up again made new keys: the county replaces the old one (after the phone check)."""
    folder.mkdir()
    new_key = township.sync.write_public_key(folder)
    county.sync.register_key(folder / f"{new_key.office_code}.ldkey", replace=True)
    county_key = county.sync.write_public_key(folder)
    township.sync.register_key(folder / f"{county_key.office_code}.ldkey")


def township_row_hashes(services: Services) -> dict[str, str | None]:
    """Every township-owned row of a township database, by "table/row id", hashed as the change log does."""
    from app.audit import row_hash
    from app.sync import rows
    from app.sync.recovery import _payload, owned_tables

    found: dict[str, str | None] = {}
    with services.ctx.reading() as s:
        for table_name in owned_tables():
            pk = rows.primary_key(table_name)
            for row in s.connection().execute(select(rows.table(table_name))).mappings():
                row_id = "/".join(str(_payload(table_name, dict(row))[k]) for k in pk)
                found[f"{table_name}/{row_id}"] = row_hash(_payload(table_name, dict(row)))
    return found


def county_row_hashes(county: Services, office_code: str) -> dict[str, str | None]:
    with county.ctx.reading() as s:
        return {f"{t}/{i}": h for t, i, h in s.execute(select(SyncRow.table_name, SyncRow.row_id, SyncRow.row_hash)
                                                       .where(SyncRow.office_code == office_code,
                                                              SyncRow.deleted.is_(False)))}


def _sync_rows(services: Services) -> int:
    with services.ctx.reading() as s:
        return s.scalar(select(func.count()).select_from(SyncRow)) or 0


@pytest.mark.both_backends
def test_restored_township_gets_every_lost_case_back(pair: Pair, tmp_path: Path) -> None:
    township, before = _lost_after_restore(pair, tmp_path)
    county = pair.county
    path = county.sync.export_recovery("370702101", tmp_path / "recovery")
    assert path.name.startswith(f"{COUNTY_CODE}-recovery-370702101-")
    assert "赵六".encode() not in path.read_bytes()  # personal data encrypted for the township

    [report] = township.sync.import_files([path])
    assert report.outcome == "applied", report.message
    assert report.kind == "recovery"
    assert report.by_table["case_file"].new == 3 and report.by_table["case_file"].kept == 1
    assert report.by_table["applicant"].updated == 1
    assert "补回" in report.message and "下次导出为第 3 批" in "；".join(report.items)
    assert table_counts(township, CASE_TABLES) == before  # every case back, nothing twice
    assert table_counts(township, CASE_TABLES) == table_counts(county, CASE_TABLES)
    assert _case_numbers(township) == _case_numbers(county)
    assert township_row_hashes(township) == county_row_hashes(county, "370702101")
    with county.ctx.reading() as s:
        county_applicants = sorted(s.scalars(select(Applicant.name)))
    with township.ctx.reading() as s:
        # The one applicant (the same ID number each time) as the county has it: the restored
        # row was the version of batch 1, the county's came later and is put back.
        assert sorted(s.scalars(select(Applicant.name))) == county_applicants == ["孙八"]
        assert verify_chain(s) is None  # the inserts went through the audited session
        logged = s.scalars(select(ChangeLog).where(ChangeLog.table_name == "case_file")
                           .order_by(ChangeLog.seq.desc()).limit(3)).all()
    with county.ctx.reading() as s:
        held = dict(s.execute(select(SyncRow.row_id, SyncRow.row_hash).where(SyncRow.table_name == "case_file")).all())
    assert all(held[c.row_id] == c.row_hash for c in logged)  # the county's very versions

    # The same file again changes nothing.
    again = township.sync.import_files([path])[0]
    assert again.by_table["case_file"].new == 0 and again.by_table["case_file"].kept == 4
    assert table_counts(township, CASE_TABLES) == before

    # Work goes on; the next batch continues the county's chain and doubles nothing.
    accept_case(township, "周九")
    county_rows = _sync_rows(county)
    b3 = township.sync.export_batch(pair.usb / "after")
    assert b3.batch_seq == 3
    [applied] = county.sync.import_files([b3.path])
    assert applied.outcome == "applied", applied.message
    assert applied.by_table["case_file"].new == 1  # 周九's case only
    assert applied.by_table["case_file"].unchanged == 3  # the recovered ones, sent again: unchanged
    assert sum(c.conflicts for c in applied.by_table.values()) == 0, [(c.table_name, c.county_version, c.incoming_version) for c in county.sync.conflicts()]
    assert county.sync.conflicts() == []
    assert table_counts(county, ["case_file"]) == {"case_file": 5}
    assert len(set(_case_numbers(county))) == 5  # the number counter came back too: no number reused
    assert _sync_rows(county) > county_rows
    [downlink] = county.sync.export_downlinks(pair.usb / "down")
    [ok] = township.sync.import_files([downlink])
    assert "县局已确认收到第 1–3 批" in ok.items


@pytest.mark.both_backends
def test_a_new_database_for_the_same_office_recovers_everything(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.dto import Role
    from app.sync.recovery import owned_tables

    township = make_township(make_services, cases=6)  # routed cases: steps, events, pauses, versions > 1
    township.users.create_user("chenjing9", "陈静", [Role.WINDOW_CLERK], "Chen-2026-ok")
    county = make_county(make_services)
    exchange_keys(township, county, tmp_path / "keys")
    b1 = township.sync.export_batch(tmp_path / "usb")
    assert county.sync.import_files([b1.path])[0].outcome == "applied"
    tables = [t for t in owned_tables() if t not in ("office", "app_user")]
    before = table_counts(township, tables)
    assert before["case_step"] > 0 and before["case_event"] > 0

    # The disk died, no backup: the office is set up again on a new PC, with new keys.
    with township.ctx.reading() as s:
        township_office = s.scalar(select(Office.id))
    fresh = make_township(make_services)
    reinstalled_keys(fresh, county, tmp_path / "newkeys")

    path = county.sync.export_recovery("370702101", tmp_path / "recovery")
    [report] = fresh.sync.import_files([path])
    assert report.outcome == "applied", report.message
    assert any("重设密码" in item for item in report.items)  # passwords never travel
    assert table_counts(fresh, tables) == before
    assert township_row_hashes(fresh) == county_row_hashes(county, "370702101")  # row for row, value for value
    assert table_counts(fresh, ["office", "app_user"]) == table_counts(township, ["office", "app_user"])
    assert _case_numbers(fresh) == _case_numbers(township)
    with fresh.ctx.reading() as s:
        assert verify_chain(s) is None
    # The person who set it up goes on, on their old account and with their password.
    fresh.users.sign_in("wangxm", TEST_PASSWORD)
    with pytest.raises(LanddeskError):
        fresh.users.sign_in("chenjing9", "Chen-2026-ok")
    fresh.users.sign_in("wangxm", TEST_PASSWORD)
    accept_case(fresh, "吴十")
    b2 = fresh.sync.export_batch(tmp_path / "after")
    assert b2.batch_seq == 2
    [applied] = county.sync.import_files([b2.path])
    assert applied.outcome == "applied", applied.message
    assert applied.by_table["case_file"].new == 1
    assert applied.by_table["case_file"].unchanged == before["case_file"]
    assert county.sync.conflicts() == []
    assert table_counts(county, ["case_file"])["case_file"] == before["case_file"] + 1
    # The office row and account made while setting up again came and went: not at the county.
    assert table_counts(county, ["office"]) == {"office": 2}
    with county.ctx.reading() as s:
        assert s.scalars(select(Office.id).where(Office.code == "370702101")).all() == [township_office]
    assert len(set(_case_numbers(county))) == len(_case_numbers(county))


def test_a_file_for_another_township_is_refused(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    county = make_county(make_services)
    first = make_township(make_services, "370702101")
    accept_case(first)
    other = make_township(make_services, "370702102")
    exchange_keys(first, county, tmp_path / "k1")
    exchange_keys(other, county, tmp_path / "k2")
    county.sync.import_files([first.sync.export_batch(tmp_path / "usb").path])
    path = county.sync.export_recovery("370702101", tmp_path / "recovery")
    before = table_counts(other, CASE_TABLES)
    [report] = other.sync.import_files([path])
    assert report.outcome == "refused" and report.refusal_kind == "wrong_office"
    assert "370702101" in report.message and "未做任何更改" in report.message
    assert table_counts(other, CASE_TABLES) == before


def test_an_edited_file_is_refused(pair: Pair, tmp_path: Path) -> None:
    township, _before = _lost_after_restore(pair, tmp_path)
    path = pair.county.sync.export_recovery("370702101", tmp_path / "recovery")
    edited = tmp_path / "edited.ldsync"
    edited.write_bytes(path.read_bytes().replace("示例镇东王村".encode(), "示例镇西王村".encode(), 1))
    [report] = township.sync.import_files([edited])
    assert report.outcome == "refused" and report.refusal_kind == "checksum"
    assert table_counts(township, ["case_file"]) == {"case_file": 1}


def test_refusals_change_nothing(pair: Pair, tmp_path: Path) -> None:
    township, county = pair.township, pair.county
    county.sync.import_files([township.sync.export_batch(pair.usb).path])
    path = county.sync.export_recovery("370702101", tmp_path / "recovery")
    # The recovery file given to the county, a township's batch given as a recovery file.
    [at_county] = county.sync.import_files([path])
    assert at_county.outcome == "refused" and at_county.refusal_kind == "wrong_kind"
    assert "县局恢复文件" in at_county.message
    accept_case(township, "李四")
    batch = township.sync.export_batch(pair.usb / "b2").path
    before = table_counts(township, CASE_TABLES)
    [own] = township.sync.import_files([batch])
    assert own.outcome == "refused" and own.refusal_kind == "wrong_kind"
    assert table_counts(township, CASE_TABLES) == before
    with pytest.raises(StateError, match="只有县局"):
        township.sync.export_recovery("370702101", tmp_path / "x")
    with pytest.raises(StateError, match="未登记乡镇"):
        county.sync.export_recovery("370702199", tmp_path / "x")


def test_dry_run_counts_without_writing(pair: Pair, tmp_path: Path) -> None:
    township, _before = _lost_after_restore(pair, tmp_path)
    path = pair.county.sync.export_recovery("370702101", tmp_path / "recovery")
    counts = table_counts(township, CASE_TABLES + ["sync_import"])
    [report] = township.sync.import_files([path], dry_run=True)
    assert report.outcome == "checked" and report.by_table["case_file"].new == 3
    assert table_counts(township, CASE_TABLES + ["sync_import"]) == counts


def test_forged_signature_is_refused(pair: Pair, tmp_path: Path) -> None:
    from app.sync.keys import OwnKeys

    township, county = pair.township, pair.county
    county.sync.import_files([township.sync.export_batch(pair.usb).path])
    path = county.sync.export_recovery("370702101", tmp_path / "recovery")
    # Re-sign the same content with a key that is not the registered county's.
    lines = path.read_bytes().split(b"\n")
    import hashlib
    import json

    from app.sync.keys import b64

    body = b"\n".join(lines[:-2]) + b"\n"
    digest = hashlib.sha256(body).hexdigest()
    forger = OwnKeys.generate()
    trailer = json.loads(lines[-2])
    trailer["sig"] = b64(forger.signing.sign(digest.encode("ascii")))
    forged = tmp_path / "forged.ldsync"
    forged.write_bytes(body + json.dumps(trailer, sort_keys=True, separators=(",", ":")).encode() + b"\n")
    before = table_counts(township, CASE_TABLES)
    [report] = township.sync.import_files([forged])
    assert report.outcome == "refused" and report.refusal_kind == "signature", report.message
    assert table_counts(township, CASE_TABLES) == before


def test_cli_writes_the_recovery_file(pair: Pair, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from app.sync import cli

    pair.county.sync.import_files([pair.township.sync.export_batch(pair.usb).path])
    args = argparse.Namespace(sync_command="recovery", office="370702101", out=tmp_path / "r")
    assert cli.run(args, pair.county) == 0
    out = capsys.readouterr().out
    assert "恢复文件" in out and "370702101" in out
    [made] = list((tmp_path / "r").glob("*.ldsync"))
    args = argparse.Namespace(sync_command="import", files=[made], dry_run=True)
    assert cli.run(args, pair.township) == 0
    out = capsys.readouterr().out
    assert "已检查" in out and "case_file\t新增 0" in out and "保留 1" in out


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
def test_county_dialog_makes_the_file_and_the_township_imports_it(qtbot, pair: Pair, runner,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    from ui.sync_dialogs import DownlinkDialog, ImportDialog

    township, before = _lost_after_restore(pair, tmp_path)
    folder = tmp_path / "stick"
    dialog = DownlinkDialog(pair.county, runner, folder=folder)
    qtbot.addWidget(dialog)
    dialog.recovery_button.click()  # "all townships" is ticked: a recovery file is for one
    assert "for one township" in dialog.result_label.text() and dialog.paths == []
    dialog.choose(["370702101"])
    dialog.recovery_button.click()
    assert len(dialog.paths) == 1 and dialog.paths[0].exists(), dialog.result_label.text()
    assert "Recovery file for 370702101 written" in dialog.result_label.text()

    receive = ImportDialog(township, runner)
    qtbot.addWidget(receive)
    receive.add_files(dialog.paths)
    receive.import_button.click()
    header = [receive.summary_table.horizontalHeaderItem(c).text() for c in range(receive.summary_table.columnCount())]
    outcome = receive.summary_table.item(0, header.index("Outcome")).text()
    assert outcome == "Imported", receive.items_label.text()
    assert "补回 " in receive.items_label.text()
    details = {receive.details_table.item(r, 0).text(): receive.details_table.item(r, 7).text()
               for r in range(receive.details_table.rowCount())}
    assert receive.details_table.horizontalHeaderItem(7).text() == "Kept" and details["Case files"] == "1"
    assert table_counts(township, CASE_TABLES) == before


def test_a_case_made_after_the_restore_keeps_its_number(pair: Pair, tmp_path: Path) -> None:
    township, _before = _lost_after_restore(pair, tmp_path)
    accept_case(township, "郑十一")  # gets the number the lost 赵六 case had
    mine = set(_case_numbers(township))
    path = pair.county.sync.export_recovery("370702101", tmp_path / "recovery")
    [report] = township.sync.import_files([path])
    assert report.outcome == "applied", report.message
    assert report.by_table["case_file"].new == 2 and report.by_table["case_file"].refused == 1
    assert any("编号" in item for item in report.items)
    assert mine <= set(_case_numbers(township))  # the township's own case stays as it is
    with township.ctx.reading() as s:
        assert verify_chain(s) is None


def test_a_new_database_with_work_in_it_is_not_merged(pair: Pair, tmp_path: Path, make_services) -> None:  # type: ignore[no-untyped-def]
    pair.county.sync.import_files([pair.township.sync.export_batch(pair.usb).path])
    fresh = make_township(make_services)
    accept_case(fresh, "吴十")
    reinstalled_keys(fresh, pair.county, tmp_path / "newkeys")
    path = pair.county.sync.export_recovery("370702101", tmp_path / "recovery")
    before = table_counts(fresh, CASE_TABLES + ["office", "app_user"])
    [report] = fresh.sync.import_files([path])
    assert report.outcome == "refused" and report.refusal_kind == "wrong_office"
    assert "未做任何更改" in report.message
    assert table_counts(fresh, CASE_TABLES + ["office", "app_user"]) == before
