"""A signed township batch may touch only that township's rows (app/sync/ownership.py).

Every file here is signed with the township's own registered key, as a stolen township PC or a
careless edit re-signed would make it: the signature is good, the content is not allowed.
Each must be refused whole, named by record number, table and reason, with the county unchanged.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.audit import row_hash, snapshot
from app.demo import fill_demo_management
from app.models import Base, SyncBatch, SyncRow
from app.services import Services
from app.sync.crypto import FieldCipher
from app.sync.fileformat import BatchWriter, Header, Record
from app.sync.rows import synced_tables
from tests.props import examples
from tests.sync_support import accept_case, exchange_keys, make_county, make_township

pytestmark = pytest.mark.both_backends

A, B = "370702101", "370702102"
COUNTY_OWNED = {"catalog_version", "matter", "material_requirement", "holiday", "calendar_year"}


@dataclass
class County:
    county: Services
    a: Services
    b: Services
    real: Path  # A's next real batch, not yet imported
    folder: Path

    def __repr__(self) -> str:
        return "County(A, B)"


def _model(table_name: str) -> Any:
    return next(m.class_ for m in Base.registry.mappers if m.class_.__tablename__ == table_name)


def county_rows(services: Services, table_name: str, owner: str | None) -> list[dict[str, Any]]:
    """Rows of a table at the county as plain values: a township's (owner = its code) or the
    county's own (owner None: rows with no sync_row)."""
    model = _model(table_name)
    with services.ctx.reading() as s:
        owned = {r for (r,) in s.execute(select(SyncRow.row_id).where(SyncRow.table_name == table_name,
                                                                       SyncRow.office_code == owner))} \
            if owner else None
        synced = {r for (r,) in s.execute(select(SyncRow.row_id).where(SyncRow.table_name == table_name))}
        out = []
        for obj in s.scalars(select(model)):
            plain = snapshot(obj)
            row_id = "/".join(str(plain[c.key]) for c in model.__table__.primary_key.columns)
            if (owned is not None and row_id in owned) or (owned is None and row_id not in synced):
                out.append({"id": row_id, "row": plain})
        return out


def county_state(services: Services) -> dict[str, str | None]:
    """Every synced table's rows, hashed: equal before and after means nothing changed."""
    state = {}
    with services.ctx.reading() as s:
        for table_name in synced_tables():
            digests = sorted(row_hash(snapshot(o)) or "" for o in s.scalars(select(_model(table_name))))
            state[table_name] = row_hash({"rows": digests})
    return state


def forge(world: County, forged: list[dict[str, Any]], name: str = "forged.ldsync") -> Path:
    """A's real next batch with these records after its own, re-signed with A's own key."""
    lines = world.real.read_bytes().split(b"\n")[:-1]
    header = json.loads(lines[1])
    real = [json.loads(line) for line in lines[2:-1]]
    with world.a.ctx.reading() as s:
        data_key = s.scalar(select(SyncBatch.data_key).where(SyncBatch.seq == header["batch_seq"]))
    cipher = FieldCipher(base64.b64decode(data_key))
    records = list(real)
    c = header["last_change"]
    for item in forged:
        c += 1
        payload = item.get("p")
        records.append({"c": c, "t": item["t"], "id": item["id"], "op": item["op"],
                        "h": row_hash(payload), "b": item.get("b"), "at": header["made_at"],
                        "p": None if payload is None else cipher.seal(item["t"], c, payload)})
    counts: dict[str, int] = {}
    for r in records:
        counts[r["t"]] = counts.get(r["t"], 0) + 1
    header.update(last_change=c, counts=counts, record_count=len(records))
    path = world.folder / name
    with open(path, "wb") as out:
        writer = BatchWriter(out, Header(**header))
        for r in records:
            writer.write(Record(**r))
        writer.finish(world.a.sync.own_keys().signing)
    return path


@pytest.fixture
def world(make_services, tmp_path: Path) -> County:  # type: ignore[no-untyped-def]
    county = make_county(make_services)
    towns = {}
    for code in (A, B):
        town = make_township(make_services, code, cases=40 if code == B else 6)
        fill_demo_management(town)
        if code == B:  # B has a row in every table a township sends
            town.assessment.enter(town.ctx.office_id, 2026, "TD-01", 1, "自评扣分")  # type: ignore[arg-type]
            photo = tmp_path / "现场.jpg"
            photo.write_bytes(b"\xff\xd8 a photo")
            package = next(p for p in town.packages.list_packages() if p.status == "in_progress")
            town.packages.add_evidence(package.id, photo, "现场照片")
        exchange_keys(town, county, tmp_path / "keys" / code)
        [report] = county.sync.import_files([town.sync.export_batch(tmp_path / "usb" / code).path])
        assert report.outcome == "applied", report.message
        towns[code] = town
    accept_case(towns[A], "王五")
    real = towns[A].sync.export_batch(tmp_path / "usb" / "next").path
    return County(county, towns[A], towns[B], real, tmp_path)


def _refused(world: County, path: Path, before: dict[str, str | None]) -> str:
    world.county.ctx.clock.advance(seconds=1)  # type: ignore[attr-defined]  # history is newest first
    [report] = world.county.sync.import_files([path])
    assert report.outcome == "refused", (path.name, report.message)
    assert county_state(world.county) == before
    history = world.county.sync.import_history(limit=1)
    assert history[0].outcome == "refused" and history[0].message == report.message
    return report.message


def _changed(row: dict[str, Any]) -> dict[str, Any]:
    """The same row with one text value changed (or as it is, where it has none)."""
    out = dict(row)
    for key, value in row.items():
        if isinstance(value, str) and key not in ("id", "office_id") and not key.endswith("_id") \
                and len(value) < 20 and not value[:1].isdigit():
            out[key] = value + "改"
            break
    return out


def _new_key(table_name: str, row: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    model = _model(table_name)
    pk = [c.key for c in model.__table__.primary_key.columns]
    out = dict(row)
    for key in pk:
        if key == "id":
            out[key] = str(uuid.uuid4())
    return "/".join(str(out[k]) for k in pk), out


def test_every_table_other_townships_and_county_rows_are_refused(world: County) -> None:
    """The matrix: every synced table × another township's row / the county's row ×
    insert / update / delete — each refused whole; the township's own rows pass."""
    before = county_state(world.county)
    tried: dict[str, list[str]] = {}
    for table_name in synced_tables():
        if table_name in COUNTY_OWNED:
            continue
        for whose, owner in (("other", B), ("county", None)):
            found = county_rows(world.county, table_name, owner)
            if not found:
                continue
            target = found[0]
            county_hash = row_hash(target["row"])
            new_id, inserted = _new_key(table_name, target["row"])
            cases = {
                "update": {"t": table_name, "id": target["id"], "op": "update", "p": _changed(target["row"]),
                           "b": county_hash},
                "delete": {"t": table_name, "id": target["id"], "op": "delete", "p": None, "b": county_hash},
            }
            if new_id != target["id"]:
                cases["insert"] = {"t": table_name, "id": new_id, "op": "insert", "p": inserted}
            for op, record in cases.items():
                message = _refused(world, forge(world, [record], f"{table_name}-{whose}-{op}.ldsync"), before)
                assert table_name in message and "整个文件未导入" in message, message
                tried.setdefault(table_name, []).append(f"{whose} {op}")
    # Every table of which township B has rows at the county was tried, and the county's own
    # office and accounts.
    with_rows = {t for t in synced_tables() if t not in COUNTY_OWNED and county_rows(world.county, t, B)}
    assert {t for t, ops in tried.items() if "other update" in ops} == with_rows
    assert with_rows == set(synced_tables()) - COUNTY_OWNED, sorted(set(synced_tables()) - COUNTY_OWNED - with_rows)
    assert {"county update", "county delete"} <= set(tried["app_user"]) & set(tried["office"])
    # … and the real batch, after all that, still applies: the county was never changed.
    [report] = world.county.sync.import_files([world.real])
    assert report.outcome == "applied", report.message


def test_own_rows_pass(world: County) -> None:
    """The same kind of record on the township's own rows is applied."""
    [own] = [r for r in county_rows(world.county, "inquiry", A)][:1] or [None]
    assert own is not None
    changed = _changed(own["row"])
    path = forge(world, [{"t": "inquiry", "id": own["id"], "op": "update", "p": changed,
                          "b": row_hash(own["row"])}])
    [report] = world.county.sync.import_files([path])
    assert report.outcome == "applied", report.message
    assert county_rows(world.county, "inquiry", A)[0]["row"] in (changed, own["row"]) or any(
        r["row"] == changed for r in county_rows(world.county, "inquiry", A))


def test_the_attacks_seen_in_the_issue(world: County) -> None:
    """Renaming the county's administrator and clearing its password; an update whose payload
    names another row than its record; a case put into another office; is_county set."""
    before = county_state(world.county)
    [admin] = [r for r in county_rows(world.county, "app_user", None) if r["row"]["username"] == "wangxm"]
    own_user = county_rows(world.county, "app_user", A)[0]
    renamed = {**admin["row"], "display_name": "被改名", "password_hash": None}
    # the record names A's own user, the payload the county's administrator
    message = _refused(world, forge(world, [{"t": "app_user", "id": own_user["id"], "op": "update",
                                             "p": renamed, "b": row_hash(own_user["row"])}]), before)
    assert "主键" in message
    b_case = county_rows(world.county, "case_file", B)[0]
    a_office = county_rows(world.county, "office", A)[0]
    new_id, moved = _new_key("case_file", {**b_case["row"], "number": "X-1"})
    message = _refused(world, forge(world, [{"t": "case_file", "id": new_id, "op": "insert", "p": moved}]),
                       before)
    assert "另一个单位" in message
    own_case = county_rows(world.county, "case_file", A)[0]
    into_b = {**own_case["row"], "office_id": b_case["row"]["office_id"]}
    _refused(world, forge(world, [{"t": "case_file", "id": own_case["id"], "op": "update", "p": into_b,
                                   "b": row_hash(own_case["row"])}]), before)
    county_flag = {**a_office["row"], "is_county": True}
    message = _refused(world, forge(world, [{"t": "office", "id": a_office["id"], "op": "update",
                                             "p": county_flag, "b": row_hash(a_office["row"])}]), before)
    assert "县局标记" in message


BAD_VALUES = [
    ("case_file", "promised_days", 1 << 70, "64 位"),
    ("case_file", "office_id", 12345, "office_id"),
    ("case_file", "received_at", "yesterday", "received_at"),
    ("case_file", "status", None, "不能为空"),
    ("case_file", "area_m2", "abc", "area_m2"),
    ("case_file", "area_m2", "NaN", "有限"),
    ("case_file", "area_m2", "Infinity", "有限"),
    ("case_file", "green_channel", "yes", "true 或 false"),
    ("case_file", "due_date", "2026-02-30", "due_date"),
    ("case_file", "number", "9" * 25, "长于 24"),
    ("case_file", "summary", "夹带\x00空字符", "空字符"),
    ("case_material", "copies_required", 1.5, "整数"),
]


def test_values_that_do_not_fit_are_refused_cleanly(world: County) -> None:
    """Each bad value, in a correctly signed record of the township's own row: refused whole,
    naming the record and the column, the county unchanged (one world for all: nothing changes)."""
    before = county_state(world.county)
    for n, (table_name, column, value, words) in enumerate(BAD_VALUES):
        own = county_rows(world.county, table_name, A)[0]
        assert column in own["row"], (table_name, column)
        bad = {**own["row"], column: value}
        path = forge(world, [{"t": table_name, "id": own["id"], "op": "update", "p": bad,
                              "b": row_hash(own["row"])}], f"bad-{n}.ldsync")
        message = _refused(world, path, before)
        assert column in message and "整个文件未导入" in message, message
        if words:
            assert words in message, message


def test_a_bad_file_does_not_stop_the_next_one_on_the_command_line(world: County, tmp_path: Path) -> None:
    from tests.conftest import landdesk

    own = county_rows(world.county, "case_file", A)[0]
    bad = forge(world, [{"t": "case_file", "id": own["id"], "op": "update",
                         "p": {**own["row"], "promised_days": 1 << 70}, "b": row_hash(own["row"])}], "bad.ldsync")
    db = world.county.ctx.db
    if db.sqlite_path is None:
        pytest.skip("the command line test opens the county's SQLite file")
    code = landdesk(["--db", str(db.sqlite_path), "--data-dir", str(tmp_path / "cli"), "sync", "import",
                     str(bad), str(world.real)], clock=world.county.ctx.clock)
    assert code == 2  # one file refused …
    history = world.county.sync.import_history(limit=2)
    assert sorted(h.outcome for h in history) == ["applied", "refused"]  # … the next one applied


@st.composite
def pointing_records(draw: st.DrawFn, world: County) -> dict[str, Any]:
    table_name = draw(st.sampled_from([t for t in synced_tables() if t not in COUNTY_OWNED]))
    owner = draw(st.sampled_from([B, None]))
    found = county_rows(world.county, table_name, owner) or county_rows(world.county, table_name, B)
    if not found:
        found = county_rows(world.county, "case_file", B)
        table_name = "case_file"
    target = draw(st.sampled_from(found))
    row = dict(target["row"])
    if draw(st.booleans()):
        key = draw(st.sampled_from(sorted(row)))
        row[key] = draw(st.one_of(st.none(), st.integers(), st.text(max_size=30), st.booleans(),
                                  st.floats(allow_nan=True), st.just(str(uuid.uuid4()))))
    op = draw(st.sampled_from(["insert", "update", "delete"]))
    return {"t": table_name, "id": target["id"], "op": op, "p": None if op == "delete" else row,
            "b": row_hash(target["row"])}


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_signed_records_pointing_anywhere_are_refused(world: County, data: st.DataObject) -> None:
    """Correctly signed batches whose record points at another township's or the county's row,
    with random values: always a clean refusal and an unchanged county."""
    before = county_state(world.county)
    record = data.draw(pointing_records(world))
    [report] = world.county.sync.import_files([forge(world, [record])])
    assert report.outcome == "refused", report.message
    assert county_state(world.county) == before


def test_an_import_is_traced_in_the_county_audit_chain(world: County) -> None:
    """Rows applied by an import are written with Core statements, not one by one; the import
    itself is in the audit chain: the file's batch hash and the counts by table."""
    from app.audit import verify_chain
    from app.models import AuditLog

    [report] = world.county.sync.import_files([world.real])
    assert report.outcome == "applied"
    with world.county.ctx.reading() as s:
        entries = s.scalars(select(AuditLog).where(AuditLog.entity == "sync_import",
                                                   AuditLog.action == "sync.import")).all()
        assert verify_chain(s) is None
    traced = [e.after for e in entries if e.after and e.after.get("batch_seq") == report.batch_seq
              and e.after.get("office_code") == A]
    assert len(traced) == 1 and len(traced[0]["batch_hash"]) == 64
    counts = traced[0]["summary"]["by_table"]
    assert counts["case_file"]["new"] == report.by_table["case_file"].new


def township_rows(services: Services, table_name: str) -> list[dict[str, Any]]:
    model = _model(table_name)
    with services.ctx.reading() as s:
        out = []
        for obj in s.scalars(select(model)):
            plain = snapshot(obj)
            out.append({"id": "/".join(str(plain[c.key]) for c in model.__table__.primary_key.columns),
                        "row": plain})
        return out


def forge_downlink(world: County, forged: list[dict[str, Any]], name: str) -> Path:
    """The county's real downlink to A with these records after its own, re-signed with the county's key."""
    [real] = world.county.sync.export_downlinks(world.folder / "down" / name, [A])
    lines = real.read_bytes().split(b"\n")[:-1]
    header = json.loads(lines[1])
    records = [json.loads(line) for line in lines[2:-1]]
    c = header["last_change"]
    for item in forged:
        c += 1
        records.append({"c": c, "t": item["t"], "id": item["id"], "op": item["op"],
                        "h": row_hash(item.get("p")), "b": None, "at": header["made_at"], "p": item.get("p")})
    counts: dict[str, int] = {}
    for r in records:
        counts[r["t"]] = counts.get(r["t"], 0) + 1
    header.update(last_change=c, counts=counts, record_count=len(records))
    path = world.folder / f"{name}.ldsync"
    with open(path, "wb") as out:
        writer = BatchWriter(out, Header(**header))
        for r in records:
            writer.write(Record(**r))
        writer.finish(world.county.sync.own_keys().signing)
    return path


def township_state(services: Services) -> dict[str, str | None]:
    return county_state(services)  # the same fingerprint of every synced table


def test_a_county_signed_downlink_touches_only_what_the_county_owns(world: County) -> None:
    """The rules the other way round: a downlink signed by the registered county key may not
    rewrite the township's own office, accounts, cases or targets, nor carry other tables."""
    a = world.a
    own_office = township_rows(a, "office")[0] if len(township_rows(a, "office")) == 1 else next(
        r for r in township_rows(a, "office") if not r["row"]["is_county"])
    own_user = next(r for r in township_rows(a, "app_user") if r["row"]["username"] == "wangxm")
    own_case = township_rows(a, "case_file")[0]
    own_target = next(r for r in township_rows(a, "work_target") if r["row"]["parent_id"] is None)
    attacks = {
        "office": {"t": "office", "id": own_office["id"], "op": "update",
                   "p": {**own_office["row"], "name": "被县局改名"}},
        "user": {"t": "app_user", "id": own_user["id"], "op": "update",
                 "p": {**own_user["row"], "display_name": "被改名", "roles": "admin"}},
        "case": {"t": "case_file", "id": own_case["id"], "op": "update",
                 "p": {**own_case["row"], "status": "completed"}},
        "target": {"t": "work_target", "id": own_target["id"], "op": "update",
                   "p": {**own_target["row"], "planned": "1.00"}},
        "delete": {"t": "holiday", "id": township_rows(a, "holiday")[0]["id"], "op": "delete"},
    }
    before = township_state(a)
    for n, (what, record) in enumerate(attacks.items()):
        a.ctx.clock.advance(seconds=1)  # type: ignore[attr-defined]
        [report] = a.sync.import_files([forge_downlink(world, [record], f"{n}-{what}")])
        assert report.outcome == "refused" and report.refusal_kind == "not_owner", (what, report.message)
        assert "整个文件未导入" in report.message
        assert township_state(a) == before, what
    [real] = world.county.sync.export_downlinks(world.folder / "down" / "real", [A])
    [report] = a.sync.import_files([real])
    assert report.outcome == "applied", report.message


def test_a_county_signed_recovery_file_brings_back_only_the_township_s_own_rows(world: County) -> None:
    """A recovery file for A that also carries B's rows (or a catalogue row, or a delete) is
    refused whole; the township is unchanged. The real one still applies."""
    [real] = [world.county.sync.export_recovery(A, world.folder / "rec" / "real")]
    b_study = county_rows(world.county, "study_record", B)[0]
    b_package = county_rows(world.county, "task_package", B)[0]
    matter = county_rows(world.county, "matter", None)[0]
    attacks = {
        "other-study": {"t": "study_record", "id": b_study["id"], "op": "insert", "p": b_study["row"]},
        "other-package": {"t": "task_package", "id": b_package["id"], "op": "insert", "p": b_package["row"]},
        "catalogue": {"t": "matter", "id": matter["id"], "op": "insert", "p": matter["row"]},
        "delete": {"t": "study_record", "id": county_rows(world.county, "study_record", A)[0]["id"],
                   "op": "delete"},
    }
    before = township_state(world.a)
    lines = real.read_bytes().split(b"\n")[:-1]
    for n, (what, item) in enumerate(attacks.items()):
        header = json.loads(lines[1])
        records = [json.loads(line) for line in lines[2:-1]]
        # parents first, as the county writes them: the forged record goes after its table's rows
        at = max((i for i, r in enumerate(records) if r["t"] == item["t"]), default=len(records) - 1) + 1
        records.insert(at, {"c": 0, "t": item["t"], "id": item["id"], "op": item["op"],
                            "h": row_hash(item.get("p")), "b": None, "at": header["made_at"], "p": item.get("p")})
        for c, r in enumerate(records, start=header["first_change"]):
            r["c"] = c
        counts: dict[str, int] = {}
        for r in records:
            counts[r["t"]] = counts.get(r["t"], 0) + 1
        header.update(last_change=header["first_change"] + len(records) - 1, counts=counts,
                      record_count=len(records))
        path = world.folder / f"rec-{n}-{what}.ldsync"
        with open(path, "wb") as out:
            writer = BatchWriter(out, Header(**header))
            for r in records:
                writer.write(Record(**r))
            writer.finish(world.county.sync.own_keys().signing)
        world.a.ctx.clock.advance(seconds=1)  # type: ignore[attr-defined]
        [report] = world.a.sync.import_files([path])
        assert report.outcome == "refused" and report.refusal_kind == "not_owner", (what, report.message)
        assert township_state(world.a) == before, what
    [report] = world.a.sync.import_files([real])
    assert report.outcome == "applied", report.message
