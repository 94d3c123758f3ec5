"""Targets broken down by year and month (层层分解) and progress against plan.

Actuals come from task packages. The package service is built in parallel, so these tests make
packages and progress reports with a small ORM helper (``add_package``) inside a transaction,
as the package service will; the coordinator may switch it to that service.
Today is Mon 23 Nov 2026, 10:00 Beijing (tests.conftest.NOW).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import uuid
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.demo import DEMO_STAFF, _ensure_staff
from app.demo_targets import fill_demo_targets
from app.errors import FormErrors, NotFoundError, PermissionDenied, ValidationError
from app.models import AuditLog, ChangeLog, PackageProgress, TargetMonth, TaskPackage, WorkTarget
from app.printing.target_docs import target_progress_pdf
from app.reports.targets_excel import write_targets_excel
from app.resources import resource_path
from app.services import Services
from app.services.targets import (
    COUNTY_READ_ONLY,
    Standing,
    TargetKind,
    TargetsConfigError,
    load_targets_config,
    parse_targets_config,
    split_evenly,
    write_named_target,
    write_target_file,
)
from tests.conftest import FixedClock
from tests.props import examples
from tests.sync_support import Pair, pair  # noqa: F401 - the fixture
from tests.test_county_report import _add_office
from tests.test_ui_intake import pdf_text

CONFIG_TEXT = resource_path("management", "targets.toml").read_text(encoding="utf-8")


def add_package(services: Services, target_id: uuid.UUID | None, reports: list[tuple[dt.date, str | int]], *,
                unit: str = "", cancelled: bool = False) -> uuid.UUID:
    """A task package linked to a target, with its progress reports (stands in for the package service)."""
    with services.ctx.transaction("test.package") as s:
        package = TaskPackage(
            office_id=services.ctx.office_id, number=uuid.uuid4().hex[:20], title="东王村村庄改造", category="村庄改造",
            target_id=target_id, unit=unit, start_date=dt.date(2026, 1, 5), working_days=220,
            due_date=dt.date(2026, 12, 31), status="cancelled" if cancelled else "in_progress",
            entered_at=services.ctx.now(), cancelled_at=services.ctx.now() if cancelled else None)
        s.add(package)
        s.flush()
        for day, quantity in reports:
            s.add(PackageProgress(package_id=package.id, as_of=day, quantity=Decimal(str(quantity)),
                                  note="进度报告", reported_at=services.ctx.now()))
        return package.id


def ten_months(values: list[int | str]) -> list[tuple[dt.date, int | str]]:
    return [(dt.date(2026, month, 12), value) for month, value in enumerate(values, start=1) if value]


# ------------------------------------------------------------------ splitting


def test_the_seed_plan_splits_evenly_to_the_cent_and_adds_up() -> None:
    assert split_evenly(Decimal("3333.33"), 5) == [Decimal("666.67")] * 3 + [Decimal("666.66")] * 2
    assert split_evenly(Decimal(600), 5, 0) == [Decimal(120)] * 5
    assert split_evenly(Decimal(20), 12, 0) == [Decimal(2)] * 8 + [Decimal(1)] * 4
    weights = [1, 0, *[1] * 10]  # nothing in the Spring Festival month
    months = split_evenly(Decimal(22), 12, 0, weights)
    assert months[1] == 0 and sum(months) == 22


@settings(max_examples=examples(200), deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2), st.integers(1, 12),
       st.lists(st.integers(0, 5), min_size=12, max_size=12).filter(any))
def test_a_split_always_adds_up_to_the_total_and_respects_zero_weights(total: Decimal, parts: int,
                                                                       weights: list[int]) -> None:
    chosen = weights[:parts] if any(weights[:parts]) else [1] * parts
    shares = split_evenly(total, parts, 2, chosen)
    assert sum(shares) == total
    assert all(s >= 0 for s in shares)
    assert all(s == 0 for s, w in zip(shares, chosen, strict=True) if w == 0)


# ------------------------------------------------------------------ the data file


def test_the_shipped_file_loads() -> None:
    config = load_targets_config()
    assert [u.name for u in config.units][:4] == ["个", "宗", "件", "处"]
    assert config.unit("亩").per_hectare == 15 and config.unit("个").decimals == 0
    assert config.convert(Decimal(15), "亩", "公顷") == 1
    assert config.convert(Decimal(1), "宗", "公顷") is None
    assert config.area_note(Decimal("666.67"), "公顷") == "（10000.05 亩）"


def test_a_bad_unit_is_named_with_file_line_and_field() -> None:
    text = CONFIG_TEXT.replace('kind = "area"\ndecimals = 2\nper_hectare = 15', 'kind = "area"\ndecimals = 2')
    with pytest.raises(TargetsConfigError) as err:
        parse_targets_config(text, "targets.toml")
    assert err.value.field == "units[6].per_hectare" and "15" in err.value.message
    assert err.value.line == text.split("\n").index('name = "亩"') + 0
    bad = CONFIG_TEXT.replace('unit = "宗"', 'unit = "平方"', 1)
    with pytest.raises(TargetsConfigError) as err:
        parse_targets_config(bad, "targets.toml")
    assert err.value.field.startswith("suggestions[") and "平方" in err.value.message
    assert "targets.toml 第" in err.value.message


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_raise_only_the_config_error(data: st.DataObject) -> None:
    lines = CONFIG_TEXT.split("\n")
    action = data.draw(st.sampled_from(["delete", "duplicate", "replace", "number"]))
    at = data.draw(st.integers(0, len(lines) - 1))
    if action == "delete":
        del lines[at]
    elif action == "duplicate":
        lines.insert(at, lines[at])
    elif action == "replace":
        lines[at] = data.draw(st.text(max_size=30))
    else:
        lines[at] = re.sub(r"\d+", str(data.draw(st.integers(-5, 2000))), lines[at])
    try:
        config = parse_targets_config("\n".join(lines), "edited.toml")
    except TargetsConfigError as exc:
        assert exc.file == "edited.toml" and exc.field
    else:
        assert config.units and all(0 <= u.decimals <= 2 for u in config.units)


# ------------------------------------------------------------------ planning


@pytest.mark.both_backends
def test_a_plan_broken_down_into_years_and_a_year_into_months(services: Services) -> None:
    targets = services.targets
    plan = targets.create_plan("土地整理腾地", "公顷", 2026, 2030, "3333.33", "全县五年任务")
    assert plan.kind is TargetKind.PLAN and not plan.broken_down
    progress = targets.break_down_plan(plan.id)
    assert [line.planned for line in progress.lines] == [Decimal("666.67")] * 3 + [Decimal("666.66")] * 2
    assert progress.breakdown_total == Decimal("3333.33") and progress.shortfall == 0
    # The seed's own figures: 666.67 × 5 = 3333.35 is accepted, targets being minimums.
    progress = targets.break_down_plan(plan.id, {year: "666.67" for year in range(2026, 2031)})
    assert progress.breakdown_total == Decimal("3333.35")
    with pytest.raises(ValidationError) as err:
        targets.break_down_plan(plan.id, {2026: "666.67", 2027: "666.66", 2028: 666, 2029: 666, 2030: 666})
    assert err.value.reason == "short"
    assert "3333.33 公顷少 2.00 公顷" in err.value.message and "3333.33 公顷" in err.value.message
    year = next(t for t in targets.children(plan.id) if t.first_year == 2026)
    assert year.parent_id == plan.id and year.planned == Decimal("666.67") and year.name == "土地整理腾地"
    months = targets.set_months(year.id)
    assert months.breakdown_total == Decimal("666.67") and [line.planned for line in months.lines][:2] == [
        Decimal("55.56"), Decimal("55.56")]
    with pytest.raises(ValidationError) as err:
        targets.set_months(year.id, ["0", *["55.55"] * 11])
    assert "少 55.62 公顷" in err.value.message
    assert targets.months(year.id)[0] == Decimal("55.56")  # the refused breakdown changed nothing
    # A month may be 0 (春节); the new breakdown replaces the old in one transaction.
    targets.set_months(year.id, ["60", "0", *["60.67"] * 10])
    with services.ctx.reading() as s:
        rows = s.scalars(select(TargetMonth).where(TargetMonth.target_id == year.id)).all()
    assert len(rows) == 12 and sum(Decimal(r.planned) for r in rows) == Decimal("666.70")
    # A yearly target with months cannot be raised above them, whatever the plan says.
    with pytest.raises(ValidationError) as err:
        targets.break_down_plan(plan.id, {2026: 700, 2027: 700, 2028: 700, 2029: 700, 2030: 700})
    assert err.value.reason == "months_short" and "2026 年已按月分解" in err.value.message


def test_villages_are_counted_whole_and_fields_are_checked_at_once(services: Services) -> None:
    targets = services.targets
    with pytest.raises(FormErrors) as err:
        targets.create_plan("", "平方", 2026, 2026, "-1")
    fields = err.value.by_field()
    assert set(fields) >= {"name", "unit", "planned"}
    with pytest.raises(FormErrors) as err:
        targets.create_plan("村庄改造", "个", 2026, 2030, "600.5")
    assert err.value.by_field()["planned"].reason == "decimals"
    with pytest.raises(FormErrors) as err:
        targets.create_plan("村庄改造", "个", 2027, 2026, 600)
    assert err.value.by_field()["last_year"].reason == "order"
    plan = targets.create_plan("村庄改造", "个", 2026, 2030, 600)
    assert [line.planned for line in targets.break_down_plan(plan.id).lines] == [Decimal(120)] * 5
    with pytest.raises(ValidationError) as duplicate:
        targets.create_yearly("村庄改造", "个", 2026, 120)
    assert duplicate.value.reason == "duplicate"


def test_change_and_cancel_keep_the_record(services: Services, clock: FixedClock) -> None:
    targets = services.targets
    plan = targets.create_plan("村庄改造", "个", 2026, 2030, 100)
    targets.break_down_plan(plan.id)
    year = targets.children(plan.id)[0]
    with pytest.raises(ValidationError) as err:
        targets.update(year.id, 19)
    assert "比规划总量 100 个少 1 个" in err.value.message
    assert targets.update(year.id, 25, "多安排5个").planned == 25
    with pytest.raises(ValidationError):
        targets.cancel(plan.id, "  ")
    clock.advance(hours=1)
    cancelled = targets.cancel(plan.id, "县局重新下达任务")
    assert cancelled.cancelled and cancelled.cancel_reason == "县局重新下达任务" and cancelled.cancelled_by == "王晓梅"
    assert all(c.cancelled for c in targets.children(plan.id))
    assert targets.list_targets(2026) == []
    assert {t.name for t in targets.list_targets(2026, include_cancelled=True)} == {"村庄改造"}
    with services.ctx.reading() as s:
        assert s.scalar(select(func.count()).select_from(WorkTarget)) == 6  # nothing deleted
        actions = set(s.scalars(select(AuditLog.action)))
        changed = set(s.scalars(select(ChangeLog.table_name)))
    assert {"targets.create_plan", "targets.break_down_plan", "targets.update", "targets.cancel"} <= actions
    assert "work_target" in changed
    # A new target of the same name may follow the cancelled one.
    assert targets.create_plan("村庄改造", "个", 2026, 2030, 100).cancelled_at is None


def test_only_leaders_set_targets(services: Services) -> None:
    _ensure_staff(services)
    clerk = next(u for u in services.users.list_users() if u.username == DEMO_STAFF[0][0])
    services.ctx.user_id = clerk.id
    assert not services.targets.may_edit()
    with pytest.raises(PermissionDenied) as err:
        services.targets.create_yearly("卫片执法图斑核查", "宗", 2026, 36)
    assert "制定目标任务" in err.value.message


# ------------------------------------------------------------------ progress against plan


@pytest.mark.both_backends
def test_progress_month_by_month_against_the_plan(services: Services) -> None:
    targets = services.targets
    target = targets.create_yearly("村庄改造", "个", 2026, 20)
    targets.set_months(target.id, [0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1])
    add_package(services, target.id, ten_months([0, 0, 1, 2, 0, 3, 0, 0, 5]))
    add_package(services, target.id, [(dt.date(2026, 11, 2), 1), (dt.date(2025, 12, 30), 7)])
    add_package(services, target.id, [(dt.date(2026, 4, 1), 9)], cancelled=True)  # not counted
    add_package(services, None, [(dt.date(2026, 4, 1), 9)])  # another target's work
    progress = targets.progress(target.id)
    march, october, november, december = (progress.lines[i] for i in (2, 9, 10, 11))
    assert (march.planned, march.actual, march.cum_planned, march.cum_actual) == (2, 1, 3, 1)
    assert march.rate == Decimal("33.3") and march.short and march.ended
    assert progress.actual == 12 and progress.percent_of_total == Decimal("60.0")
    assert october.cum_planned == 17 and october.cum_actual == 11 and october.short
    assert not november.ended and not november.short and november.actual == 1
    assert not december.started and december.rate is None
    assert progress.short_periods == (2, 3, 5, 7, 8, 10)
    # By 23 November: January–October (17) plus 23/30 of November's 2.
    assert progress.planned_to_date == Decimal("18.53")
    assert progress.standing is Standing.FAR_BEHIND and progress.gap == Decimal("-6.53")
    assert progress.packages == 2


def test_area_progress_in_mu_counts_towards_a_target_in_hectares(services: Services) -> None:
    targets = services.targets
    target = targets.create_yearly("土地整理腾地", "公顷", 2026, "111.11")
    add_package(services, target.id, [(dt.date(2026, 5, 6), 150)], unit="亩")
    add_package(services, target.id, [(dt.date(2026, 5, 7), "2.5")], unit="公顷")
    add_package(services, target.id, [(dt.date(2026, 5, 8), 3)], unit="宗")
    progress = targets.progress(target.id)
    assert progress.lines[4].actual == Decimal("12.50") and progress.uncounted_reports == 1
    assert progress.breakdown_total is None and progress.lines[4].planned is None
    assert progress.area_note == "（1666.65 亩）"
    # Not broken down: the year's share by days (327 of 365) is what should be done by today.
    assert progress.planned_to_date == (Decimal("111.11") * 327 / 365).quantize(Decimal("0.01"))


def test_a_plan_year_by_year_counts_the_packages_of_its_years(services: Services) -> None:
    targets = services.targets
    plan = targets.create_plan("村庄改造", "个", 2025, 2027, 60)
    targets.break_down_plan(plan.id, {2025: 20, 2026: 20, 2027: 20})
    years = {t.first_year: t for t in targets.children(plan.id)}
    add_package(services, years[2025].id, [(dt.date(2025, 6, 1), 15)])
    add_package(services, years[2026].id, [(dt.date(2026, 6, 1), 18)])
    add_package(services, plan.id, [(dt.date(2026, 9, 1), 2)])  # linked to the plan itself
    progress = targets.plan_progress(plan.id)
    first, second, third = progress.lines
    assert (first.planned, first.actual, first.short) == (20, 15, True)
    assert (second.actual, second.cum_actual, second.short, second.ended) == (20, 35, False, False)
    assert not third.started and third.cum_planned == 60
    assert progress.short_periods == (2025,)
    # 2025 (20) + 2026 by days (20 × 327/365) = 37.92 should be done by today.
    assert progress.planned_to_date == Decimal("37.92") and progress.standing is Standing.BEHIND
    targets.cancel(years[2027].id, "该年任务调整")
    assert targets.plan_progress(plan.id).shortfall == 20


# ------------------------------------------------------------------ outputs


def test_the_printed_sheet_and_the_workbook(services: Services, tmp_path: Path) -> None:
    targets = services.targets
    target = targets.create_yearly("卫片执法图斑核查", "宗", 2026, 36, "县局下发的年度图斑")
    targets.set_months(target.id, [0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2])
    add_package(services, target.id, ten_months([0, 0, 4, 3, 5, 4, 4, 2, 4, 4]))
    text = pdf_text(target_progress_pdf(targets.progress(target.id)))
    for expected in ("2026年卫片执法图斑核查目标任务完成情况表", "示例镇自然资源所", "累计计划", "累计完成",
                     "未完成计划的月份：4月、8月", "每月计划与完成（宗）", "累计计划与累计完成（宗）", "负责人"):
        assert expected in text
    path = write_target_file(services, target.id, tmp_path / "图斑.xlsx")
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("月份", "计划（宗）", "完成（宗）") and sheet.freeze_panes == "A2"
    assert rows[4][:5] == ("4月", 4, 3, 8, 7) and rows[4][7] == "未完成"
    assert rows[13][0] == "合计" and rows[13][2] == 30
    assert len(sheet._charts) == 2

    plan = targets.create_plan("土地整理腾地", "公顷", 2026, 2030, "555.55")
    targets.break_down_plan(plan.id)
    written = write_target_file(services, plan.id, tmp_path / "plan.pdf")
    plan_text = pdf_text(written.read_bytes())
    assert "2026—2030年土地整理腾地目标任务完成情况表" in plan_text and "2030年" in plan_text
    assert "8333.25亩" in plan_text
    write_targets_excel(targets.plan_progress(plan.id), tmp_path / "plan.xlsx")
    assert openpyxl.load_workbook(tmp_path / "plan.xlsx").active["A2"].value == "2026年"


def test_targets_not_yet_broken_down_still_print(services: Services, tmp_path: Path) -> None:
    targets = services.targets
    plan = targets.create_plan("村庄改造", "个", 2027, 2031, 100)
    text = pdf_text(target_progress_pdf(targets.plan_progress(plan.id)))
    assert "尚未开始" in text and "尚未分解到年度" in text
    yearly = targets.create_yearly("违法用地查处", "宗", 2026, 12)
    progress = targets.progress(yearly.id)
    assert progress.lines[0].planned is None and progress.breakdown_total is None
    assert "尚未分解到月" in pdf_text(target_progress_pdf(progress))
    write_targets_excel(progress, tmp_path / "x.xlsx")
    assert openpyxl.load_workbook(tmp_path / "x.xlsx").active["H2"].value == "未分解"


# ------------------------------------------------------------------ the county


@pytest.mark.both_backends
def test_the_county_reads_every_township_and_adds_up_the_same_target(services: Services,
                                                                     tmp_path: Path) -> None:
    ctx = services.ctx
    town1, user1 = ctx.office_id, ctx.user_id
    town2, user2 = _add_office(services, "370702102", "东岭镇自然资源所", username="zhaodl", display_name="赵东岭",
                               roles="section_chief")
    county, county_user = _add_office(services, "370702000", "示例县自然资源局", county=True, username="xianju",
                                      display_name="周县局", roles="admin,leader")
    targets = services.targets
    mine = targets.create_yearly("村庄改造", "个", 2026, 20)
    targets.set_months(mine.id, [0, 0, *[2] * 10])
    add_package(services, mine.id, [(dt.date(2026, 3, 2), 3)])
    ctx.office_id, ctx.user_id = town2, user2
    theirs = targets.create_yearly("村庄改造", "个", 2026, 100)
    targets.set_months(theirs.id, [0, 0, *[10] * 10])
    add_package(services, theirs.id, [(dt.date(2026, 3, 9), 12)])
    targets.create_yearly("卫片执法图斑核查", "宗", 2026, 30)
    assert {t.name for t in targets.list_targets(2026)} == {"村庄改造", "卫片执法图斑核查"}

    ctx.office_id, ctx.user_id = county, county_user
    assert targets.is_county() and targets.may_edit()  # the county's own targets (tests/test_target_allotment.py)
    listed = targets.list_targets(2026)
    assert [(t.office.name, t.name) for t in listed] == [
        ("示例镇自然资源所", "村庄改造"), ("东岭镇自然资源所", "卫片执法图斑核查"), ("东岭镇自然资源所", "村庄改造")]
    assert [t.name for t in targets.list_targets(2026, town1)] == ["村庄改造"]
    [villages, spots] = [line for line in targets.county_summary(2026) if line.name == "村庄改造"] + [
        line for line in targets.county_summary(2026) if line.name != "村庄改造"]
    assert (villages.offices, villages.planned, villages.actual) == (2, 120, 15)
    assert (spots.offices, spots.planned) == (1, 30)
    total = targets.county_progress("村庄改造", "个", 2026)
    assert total.scope == "示例县自然资源局（2 个乡镇所合计）" and total.planned == 120 and total.lines[2].planned == 12
    assert total.lines[2].actual == 15 and [o.code for o, _p, _a in total.offices] == ["370702101", "370702102"]
    assert "各乡镇所目标与完成" in pdf_text(target_progress_pdf(total))
    for attempt in (lambda: targets.update(mine.id, 30),
                    lambda: targets.set_months(mine.id), lambda: targets.cancel(mine.id, "县局撤销")):
        with pytest.raises(PermissionDenied) as err:
            attempt()
        assert err.value.message == COUNTY_READ_ONLY
    written = write_named_target(services, "村庄改造", 2026, tmp_path / "county.pdf")
    assert "示例县自然资源局（2个乡镇所合计）" in pdf_text(written.read_bytes())
    written = write_named_target(services, "村庄改造", 2026, tmp_path / "east.xlsx", office_code="370702102")
    assert openpyxl.load_workbook(written).active["C4"].value == 12
    with pytest.raises(NotFoundError):
        write_named_target(services, "村庄改造", 2026, tmp_path / "x.pdf", plan=True)
    ctx.office_id, ctx.user_id = town1, user1
    with pytest.raises(PermissionDenied):
        targets.county_summary(2026)
    with pytest.raises(NotFoundError):
        targets.target(theirs.id)  # another township's target is not this office's


@pytest.mark.both_backends
def test_targets_reach_the_county_through_a_sync_batch(pair: Pair) -> None:  # noqa: F811
    township = pair.township
    plan = township.targets.create_plan("土地整理腾地", "公顷", 2026, 2030, "555.55")
    township.targets.break_down_plan(plan.id)
    year = township.targets.children(plan.id)[0]
    township.targets.set_months(year.id)
    add_package(township, year.id, [(dt.date(2026, 4, 20), "8.5")])
    batch = township.sync.export_batch(pair.usb)
    [report] = pair.county.sync.import_files([batch.path])
    county = pair.county.targets
    listed = county.list_targets(2026)
    assert [(t.office.code, t.kind, t.planned) for t in listed] == [
        ("370702101", TargetKind.PLAN, Decimal("555.55")), ("370702101", TargetKind.YEARLY, Decimal("111.11"))]
    progress = county.progress(year.id)
    assert progress.lines[3].actual == Decimal("8.50") and progress.breakdown_total == Decimal("111.11")
    assert county.plan_progress(plan.id).lines[0].actual == Decimal("8.50")
    assert [(line.name, line.planned) for line in county.county_summary(2026)] == [("土地整理腾地", Decimal("111.11"))]
    with pytest.raises(PermissionDenied):
        county.update(year.id, 120)
    # A new monthly breakdown travels too, replacing the months the county holds.
    township.targets.set_months(year.id, ["0", "0", *["11.12"] * 10])
    township.targets.cancel(plan.id, "县局重新下达任务")
    [report] = pair.county.sync.import_files([township.sync.export_batch(pair.usb).path])
    assert county.months(year.id) == [Decimal(0), Decimal(0), *[Decimal("11.12")] * 10]
    assert county.list_targets(2026) == [] and len(county.list_targets(2026, include_cancelled=True)) == 2


# ------------------------------------------------------------------ the demo


def test_the_demo_targets_are_the_townships_share_of_the_seed_plan(services: Services) -> None:
    _ensure_staff(services)
    today = dt.date(2026, 11, 23)
    fill_demo_targets(services, today, random.Random(1))
    fill_demo_targets(services, today, random.Random(1))  # a second run adds nothing
    targets = services.targets
    listed = targets.list_targets(2026, include_cancelled=True)
    summary = {(t.name, t.kind, t.planned, t.cancelled) for t in listed}
    assert summary == {
        ("村庄改造", TargetKind.PLAN, Decimal(100), False), ("村庄改造", TargetKind.YEARLY, Decimal(20), False),
        ("土地整理腾地", TargetKind.PLAN, Decimal("555.55"), False),
        ("土地整理腾地", TargetKind.YEARLY, Decimal("111.11"), False),
        ("卫片执法图斑核查", TargetKind.YEARLY, Decimal(36), False),
        ("农村宅基地确权登记", TargetKind.YEARLY, Decimal(300), True)}
    villages = next(t for t in listed if t.name == "村庄改造" and t.kind is TargetKind.YEARLY)
    months = targets.months(villages.id)
    assert months is not None and months[1] == 0 and sum(months) == 20
    assert all(t.created_at.year == 2026 and t.created_by == "孙德明" for t in listed)
