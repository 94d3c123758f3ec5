"""Three townships with generated activity → one county: every row arrives exactly as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.audit import _plain
from app.models import Base, CaseEvent, User
from app.services import Services
from tests.sync_support import accept_case, exchange_keys, make_county, make_township

pytestmark = pytest.mark.both_backends

TOWNSHIP_TABLES = ["office", "app_user", "applicant", "case_file", "case_material", "case_event", "case_step",
                   "case_pause", "collective_review", "inquiry", "service_rating", "supervision_notice",
                   "sequence_counter"]

MUST_HAVE = {"office", "app_user", "applicant", "case_file", "case_material", "case_event", "case_step"}


def _rows(services: Services, table: str, office_id: Any = None) -> dict[str, dict[str, Any]]:
    tbl = Base.metadata.tables[table]
    pk = [c.key for c in tbl.primary_key.columns]
    with services.ctx.db.engine.connect() as conn:
        found = conn.execute(select(tbl)).mappings().all()
    out = {"/".join(str(_plain(r[k])) for k in pk): {k: _plain(v) for k, v in r.items()} for r in found}
    if table == "app_user":  # passwords never travel
        for row in out.values():
            row.pop("password_hash")
    return out


def _assert_county_holds(township: Services, county: Services) -> None:
    for table in TOWNSHIP_TABLES:
        mine = _rows(township, table)
        theirs = _rows(county, table)
        if table in MUST_HAVE:
            assert mine, table
        for row_id, row in mine.items():
            assert theirs.get(row_id) == row, (table, row_id)


def test_three_townships_round_trip_field_by_field(make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    county = make_county(make_services)
    # A year of activity each: about one application per working day, routed, rated, supervised.
    townships = [make_township(make_services, code, cases=250, weeks=52)
                 for code in ("370702101", "370702102", "370702103")]
    for n, township in enumerate(townships):
        exchange_keys(township, county, tmp_path / f"keys{n}")

    usb = tmp_path / "usb"
    for township in townships:
        [report] = county.sync.import_files([township.sync.export_batch(usb).path])
        assert report.outcome == "applied", report.message
        assert sum(c.conflicts + c.refused for c in report.by_table.values()) == 0
    for township in townships:
        _assert_county_holds(township, county)

    # A month later: new applications, a changed user, a deleted row (a tombstone), then batch 2.
    downlinks = county.sync.export_downlinks(tmp_path / "down")
    for township, downlink in zip(townships, downlinks, strict=True):
        assert township.sync.import_files([downlink])[0].outcome == "applied"
        accept_case(township, "周九")
        with township.ctx.transaction("test.edit") as s:
            user = s.scalars(select(User).order_by(User.username)).first()
            user.display_name = user.display_name + "（调岗）"
            event = s.scalars(select(CaseEvent).order_by(CaseEvent.id)).first()
            gone = event.id
            s.delete(event)
        result = township.sync.export_batch(usb)
        assert result.batch_seq == 2
        [report] = county.sync.import_files([result.path])
        assert report.outcome == "applied", report.message
        assert report.by_table["case_event"].deleted == 1 and report.by_table["app_user"].updated == 1
        with county.ctx.reading() as s:
            assert s.get(CaseEvent, gone) is None
        _assert_county_holds(township, county)

    # The county's own users can sign in; the townships' cannot (no password travelled).
    county.users.sign_in("wangxm", "guotu-2026")
    assert county.sync.status().mode == "county"
    assert len({r["office_id"] for r in _rows(county, "case_file").values()}) == 3
