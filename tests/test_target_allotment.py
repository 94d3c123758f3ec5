"""The county breaks its targets down to townships (下达) and the shares travel down and back.

County 示例县 sets 全县村庄改造 2026–2030 600 个 → 120 个 a year, allots 2026 as 70 + 50 to two
townships; each township sees its share as 县局下达, breaks it down by month, works on it
through task packages; the county reads each township's actual against its share.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.demo import _ensure_staff
from app.demo_targets import fill_demo_county_targets, fill_demo_township_shares
from app.errors import FormErrors, NotFoundError, PermissionDenied, ValidationError
from app.models import ChangeLog, WorkTarget
from app.printing.target_docs import target_progress_pdf
from app.reports.targets_excel import write_targets_excel
from app.services import Services
from app.services.packages import PackageForm
from app.services.targets import (
    COUNTY_ISSUED,
    COUNTY_READ_ONLY,
    DROPPED_REASON,
    Standing,
    TargetKind,
    allot_named_target,
    write_named_target,
)
from tests.sync_support import MakeServices, exchange_keys, make_county, make_township
from tests.test_county_report import _add_office
from tests.test_ui_intake import pdf_text

A_CODE, B_CODE = "370702101", "370702102"


def _office_id(services: Services, code: str) -> uuid.UUID:
    return next(o.id for o in services.targets.offices() if o.code == code)


def _county_plan(county: Services) -> uuid.UUID:
    """全县村庄改造 2026–2030 600 个, broken down evenly: 120 个 a year; returns 2026's target."""
    plan = county.targets.create_plan("村庄改造", "个", 2026, 2030, 600, "全县五年规划")
    county.targets.break_down_plan(plan.id)
    return county.targets.children(plan.id)[0].id


def _work_on(township: Services, share_id: uuid.UUID, done: int) -> uuid.UUID:
    """A package on the share, assigned and reported on through the package service."""
    packages = township.packages
    ref = packages.enter(PackageForm(title="东王村村庄改造", category="村庄改造", start_date=dt.date(2026, 3, 2),
                                     working_days=120, target_id=share_id, target_quantity=20, unit="个"))
    packages.assign(ref.id, township.ctx.user_id)
    packages.report_progress(ref.id, dt.date(2026, 6, 10), done, "完成东王村、西王村改造")
    return ref.id


# ------------------------------------------------------------------ one database


@pytest.fixture
def county_world(services: Services) -> tuple[Services, uuid.UUID, uuid.UUID, uuid.UUID]:
    """The demo office (a township) and a second one, plus the county, in one database."""
    ctx = services.ctx
    town_a = ctx.office_id
    assert town_a is not None
    services.town_a_user = ctx.user_id  # type: ignore[attr-defined]  # the demo office's leader
    town_b, b_user = _add_office(services, B_CODE, "东关镇自然资源所", username="zhaodl", display_name="赵东岭",
                                 roles="leader")
    services.town_b_user = b_user  # type: ignore[attr-defined]
    county, county_user = _add_office(services, "370702000", "示例县自然资源局", county=True, username="xianju",
                                      display_name="周县局", roles="admin,leader")
    ctx.office_id, ctx.user_id = county, county_user
    return services, town_a, town_b, county


def test_the_county_sets_its_own_targets_and_allots_at_least_the_whole(county_world: tuple) -> None:
    services, town_a, town_b, county = county_world
    targets = services.targets
    assert targets.is_county() and targets.may_edit()
    year_id = _county_plan(services)
    year = targets.target(year_id)
    assert (year.office.id, year.planned, year.kind) == (county, Decimal(120), TargetKind.YEARLY)
    assert {o.id for o in targets.townships()} == {town_a, town_b}
    with pytest.raises(ValidationError) as short:
        targets.allot(year_id, {town_a: 70, town_b: 40})
    assert "少 10 个" in short.value.message
    with pytest.raises(FormErrors):
        targets.allot(year_id, {county: 120})  # the county is not its own township

    allotment = targets.allot(year_id, {town_a: 70, town_b: 50})
    assert [(line.office.id, line.planned, line.actual) for line in allotment.lines] == [
        (town_a, 70, 0), (town_b, 50, 0)]
    assert allotment.allotted == 120 and allotment.surplus == 0
    listed = {(t.office.id, t.name, t.planned): t for t in targets.list_targets(2026)}
    share_a = listed[(town_a, "村庄改造", Decimal(70))]
    assert share_a.county_issued and share_a.parent_id == year_id and targets.target(year_id).allotted
    # The townships' shares add up in the county summary; the county's own target is not counted twice.
    [line] = targets.county_summary(2026)
    assert (line.planned, line.offices) == (Decimal(120), 2)

    # The shares stay read-only at the county; the county target cannot rise above what was allotted.
    with pytest.raises(PermissionDenied) as refused:
        targets.update(share_a.id, 80)
    assert refused.value.message == COUNTY_READ_ONLY
    with pytest.raises(ValidationError) as above:
        targets.update(year_id, 130)
    assert "请先重新下达" in above.value.message

    # Re-allotting updates in place; a township left out is cancelled, never deleted.
    with services.ctx.reading() as s:
        before = s.scalar(select(func.count()).select_from(WorkTarget))
    targets.allot(year_id, {town_a: 125})
    with services.ctx.reading() as s:
        assert s.scalar(select(func.count()).select_from(WorkTarget)) == before
        dropped = s.scalar(select(WorkTarget).where(WorkTarget.office_id == town_b))
        assert dropped is not None and dropped.cancel_reason == DROPPED_REASON
    again = targets.allot(year_id, {town_a: 60, town_b: 60})
    assert [(line.office.id, line.planned) for line in again.lines] == [(town_a, 60), (town_b, 60)]
    with services.ctx.reading() as s:
        assert s.scalar(select(func.count()).select_from(WorkTarget)) == before

    # Cancelling the county target takes the shares with it.
    targets.cancel(year_id, "全县规划调整")
    assert all(t.office.id == county for t in targets.list_targets(2026))


def test_a_township_keeps_its_share_but_breaks_it_down(county_world: tuple) -> None:
    services, town_a, _town_b, county = county_world
    targets = services.targets
    ctx = services.ctx
    county_user = ctx.user_id
    year_id = _county_plan(services)
    targets.allot(year_id, {town_a: 70, _town_b: 50})
    ctx.office_id, ctx.user_id = town_a, services.town_a_user  # type: ignore[attr-defined]
    [share] = targets.list_targets(2026)
    assert share.county_issued and share.planned == 70
    for attempt in (lambda: targets.update(share.id, 60), lambda: targets.cancel(share.id, "本所调整")):
        with pytest.raises(PermissionDenied) as err:
            attempt()
        assert err.value.message == COUNTY_ISSUED
    progress = targets.set_months(share.id, [0, 0, *[7] * 10])
    assert progress.breakdown_total == 70
    with pytest.raises(ValidationError):
        targets.create_yearly("村庄改造", "个", 2026, 10)  # one per name and year, the share included
    own = targets.create_yearly("卫片执法图斑核查", "宗", 2026, 36)
    assert not own.county_issued
    ctx.office_id, ctx.user_id = county, county_user
    [line_a, _line_b] = targets.allotment(year_id).lines
    assert line_a.broken_down
    assert targets.progress(year_id).breakdown_total is None  # B has not broken its share down yet
    ctx.office_id, ctx.user_id = _town_b, services.town_b_user  # type: ignore[attr-defined]
    [share_b] = targets.list_targets(2026)
    targets.set_months(share_b.id, [0, 0, *[5] * 10])
    ctx.office_id, ctx.user_id = county, county_user
    county_months = targets.progress(year_id)
    assert county_months.breakdown_total == 120 and county_months.lines[2].planned == 12


# ------------------------------------------------------------------ the whole story through sync


def test_allotment_travels_down_and_progress_comes_back(make_services: MakeServices, tmp_path: Path) -> None:
    county = make_county(make_services)
    town_a = make_township(make_services, A_CODE)
    town_b = make_township(make_services, B_CODE)
    usb = tmp_path / "usb"
    for township in (town_a, town_b):
        exchange_keys(township, county, tmp_path / f"keys{township.targets.offices()[0].code}")
        county.sync.import_files([township.sync.export_batch(usb).path])
    # The county knows both townships from their first batches.
    a_id, b_id = _office_id(county, A_CODE), _office_id(county, B_CODE)
    year_id = _county_plan(county)
    county.targets.allot(year_id, {a_id: 70, b_id: 50})

    downlinks = county.sync.export_downlinks(usb / "down1")
    assert len(downlinks) == 2
    for township in (town_a, town_b):
        code = township.targets.offices()[0].code
        [report] = township.sync.import_files([p for p in downlinks if f"-to-{code}-" in p.name])
        assert report.outcome == "applied"
        expected = "70" if code == A_CODE else "50"
        assert f"县局下达目标任务：2026年村庄改造 {expected} 个 1 项" in report.message

    # Township A: the share is 县局下达, it breaks it into months and works on it.
    [share] = town_a.targets.list_targets(2026)
    assert share.county_issued and share.planned == 70 and share.office.code == A_CODE
    with pytest.raises(PermissionDenied):
        town_a.targets.update(share.id, 60)
    town_a.targets.set_months(share.id, [0, 0, *[7] * 10])
    assert [c.id for c in town_a.packages.targets_for(2026)] == [share.id]
    _work_on(town_a, share.id, 12)
    # The downlinked rows are the county's: the township's change log does not send them back.
    with town_a.ctx.reading() as s:
        logged = set(s.scalars(select(ChangeLog.row_id).where(ChangeLog.table_name == "work_target")))
    assert str(share.id) not in logged and str(year_id) not in logged
    [up] = county.sync.import_files([town_a.sync.export_batch(usb).path])
    assert up.outcome == "applied" and not any(c.conflicts for c in up.by_table.values())

    # The county reads A's actual against its 70.
    allotment = county.targets.allotment(year_id)
    line_a, line_b = allotment.lines
    assert (line_a.office.code, line_a.planned, line_a.actual, line_a.broken_down) == (A_CODE, 70, 12, True)
    assert line_a.percent == Decimal("17.1") and line_a.standing is Standing.FAR_BEHIND
    assert (line_b.planned, line_b.actual, line_b.broken_down) == (50, 0, False)
    assert allotment.actual == 12 and allotment.percent == Decimal("10.0")
    progress = county.targets.progress(year_id)
    assert progress.actual == 12 and progress.allotment is not None
    text = pdf_text(target_progress_pdf(progress))
    assert "分解下达情况" in text and "东关镇自然资源所" in text
    sheet = openpyxl.load_workbook(write_targets_excel(progress, tmp_path / "county.xlsx"))["分解下达情况"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2, max_col=4)]
    assert rows[0][:3] == ["370702101", "示例镇自然资源所", 70] and rows[0][3] == 12

    # B breaks its 50 down by month (not yet sent up).
    [share_b] = town_b.targets.list_targets(2026)
    town_b.targets.set_months(share_b.id, [0, 0, *[5] * 10])

    # Re-allot 60 + 60: both rows updated in place, and the next downlink updates the townships.
    county.targets.allot(year_id, {a_id: 60, b_id: 60})
    assert {line.target_id for line in county.targets.allotment(year_id).lines} == {line_a.target_id,
                                                                                   line_b.target_id}
    downlinks = county.sync.export_downlinks(usb / "down2")
    for township in (town_a, town_b):
        code = township.targets.offices()[0].code
        [report] = township.sync.import_files([p for p in downlinks if f"-to-{code}-" in p.name])
        # B's months (50) no longer cover its new 60: the summary says so.
        short = "" if code == A_CODE else "（月度分解少 10，请重新分解）"
        assert f"县局下达目标任务：2026年村庄改造 60 个{short} 1 项" in report.message
        [mine] = township.targets.list_targets(2026)
        assert mine.planned == 60 and mine.county_issued
    assert town_a.targets.progress(share.id).actual == 12
    assert town_a.targets.progress(share.id).shortfall == 0  # A's 70 in months still covers 60
    assert town_b.targets.progress(share_b.id).shortfall == 10
    # A batch after the downlink still applies cleanly at the county.
    town_a.targets.create_yearly("卫片执法图斑核查", "宗", 2026, 36)
    [up] = county.sync.import_files([town_a.sync.export_batch(usb).path])
    assert up.outcome == "applied" and not any(c.conflicts for c in up.by_table.values())


# ------------------------------------------------------------------ the demo


def test_the_county_demo_allots_and_the_townships_work_on_their_shares(services: Services) -> None:
    _ensure_staff(services)  # the demo office's staff: its head and a handler
    ctx = services.ctx
    town_a, town_user = ctx.office_id, ctx.user_id
    _add_office(services, B_CODE, "东关镇自然资源所", username="zhaodl", display_name="赵东岭", roles="leader")
    county, county_user = _add_office(services, "370702000", "示例县自然资源局", county=True, username="xianju",
                                      display_name="周县局", roles="admin,leader")
    today = dt.date(2026, 11, 23)
    ctx.office_id, ctx.user_id = county, county_user
    fill_demo_county_targets(services, today, random.Random(1))
    fill_demo_county_targets(services, today, random.Random(1))  # a second run adds nothing
    own = [t for t in services.targets.list_targets(2026) if t.office.id == county]
    assert {(t.name, t.kind, t.planned, t.allotted) for t in own} == {
        ("城乡建设用地增减挂钩复垦", TargetKind.PLAN, Decimal(6000), False),
        ("城乡建设用地增减挂钩复垦", TargetKind.YEARLY, Decimal(1200), True),
        ("地质灾害隐患点巡查", TargetKind.YEARLY, Decimal(48), True)}
    ctx.office_id, ctx.user_id = town_a, town_user
    fill_demo_township_shares(services, today, random.Random(2))
    fill_demo_township_shares(services, today, random.Random(2))
    shares = [t for t in services.targets.list_targets(2026) if t.county_issued]
    assert len(shares) == 2 and all(t.broken_down for t in shares)
    ctx.office_id, ctx.user_id = county, county_user
    yearly = next(t for t in own if t.kind is TargetKind.YEARLY and t.unit == "亩")
    allotment = services.targets.allotment(yearly.id)
    assert [line.planned for line in allotment.lines] == [Decimal(640), Decimal(560)]
    assert allotment.lines[0].actual > 0 and allotment.lines[1].actual == 0
    assert all(t.created_at.year == 2026 for t in services.targets.list_targets(2026))


def test_the_command_line_allots_and_prints_the_county_target(county_world: tuple, tmp_path: Path) -> None:
    services, town_a, _town_b, _county = county_world
    _county_plan(services)
    codes = {o.id: o.code for o in services.targets.townships()}
    with pytest.raises(NotFoundError):
        allot_named_target(services, "村庄改造", 2026, {"370702999": "120"})
    allotment = allot_named_target(services, "村庄改造", 2026, {codes[town_a]: "70", B_CODE: "50"})
    assert [(line.office.code, line.planned) for line in allotment.lines] == [(A_CODE, 70), (B_CODE, 50)]
    written = write_named_target(services, "村庄改造", 2026, tmp_path / "county.pdf")
    text = pdf_text(written.read_bytes())
    assert "示例县自然资源局" in text and "分解下达情况" in text
    book = openpyxl.load_workbook(write_named_target(services, "村庄改造", 2026, tmp_path / "county.xlsx"))
    assert "分解下达情况" in book.sheetnames
