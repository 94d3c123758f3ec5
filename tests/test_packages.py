"""Task packages (项目化管理): the rules file, the life cycle from 入库 to 评分, who may do what,
the lists, late packages for the assessment, and the county's read-only view after a sync.

Today is Mon 23 Nov 2026, 10:00 Beijing (tests.conftest.FixedClock). November 2026 has no
holidays, so working days are Monday to Friday: 10 working days after Mon 2 Nov is Mon 16 Nov.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.dto import Role
from app.errors import FormErrors, NotFoundError, PermissionDenied, StateError
from app.models import AuditLog, PackageEvidence, TaskPackage, WorkTarget
from app.resources import resource_path
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.packages import (
    MilestoneInput,
    PackageFilter,
    PackageForm,
    PackageRulesError,
    PackageService,
    PackageStatus,
    late_packages,
    linked_progress,
    parse_quantity,
    parse_rules,
)
from tests.conftest import FixedClock
from tests.props import examples
from tests.sync_support import Pair, pair
from tests.test_watch_services import add_user

_ = pair  # the fixture, imported for pytest

RULES_TEXT = (resource_path("management") / "packages.toml").read_text(encoding="utf-8")
TODAY = dt.date(2026, 11, 23)


def beijing(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LOCAL_TZ)


class Office:
    """The demo office with a head (wangxm, 科长), a leader, two handlers and a window clerk."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.packages = services.packages
        assert services.ctx.user_id is not None
        self.head = services.ctx.user_id
        self.leader = add_user(services, "孙德明", Role.LEADER)
        self.handler = add_user(services, "刘建军", Role.HANDLER)
        self.other = add_user(services, "陈静", Role.HANDLER)
        self.clerk = add_user(services, "李娜", Role.WINDOW_CLERK)

    def act(self, user_id: uuid.UUID) -> None:
        self.services.ctx.user_id = user_id

    def enter(self, title: str = "2026年度村庄改造（东王村）", **kw: object) -> uuid.UUID:
        self.act(self.head)
        form = PackageForm(**{"title": title, "category": "村庄改造", "start_date": dt.date(2026, 11, 2),
                              "working_days": 30, "target_quantity": "10", "unit": "户", **kw})  # type: ignore[arg-type]
        return self.packages.enter(form).id

    def running(self, **kw: object) -> uuid.UUID:
        """Entered, assigned to the handler and reported on once."""
        package_id = self.enter(**kw)
        self.packages.assign(package_id, self.handler, [self.other])
        self.act(self.handler)
        self.packages.report_progress(package_id, dt.date(2026, 11, 10), "4", "拆旧 4 户")
        return package_id


@pytest.fixture
def office(services: Services) -> Office:
    return Office(services)


# ------------------------------------------------------------------ the rules file


def test_the_shipped_rules_load() -> None:
    rules = parse_rules(RULES_TEXT)
    assert "村庄改造" in rules.category_names() and "公顷" in rules.units
    assert [rules.grade(Decimal(p)) for p in ("100", "90", "89.9", "80", "60", "59.9", "0")] == \
        ["优秀", "优秀", "良好", "良好", "合格", "不合格", "不合格"]
    assert rules.inspection_default_days <= rules.inspection_max_days


@pytest.mark.parametrize(("change", "field"), [
    # Elements are counted from 1, as in the other data files' messages.
    (("min = 80", "min = 95"), "grades[2].min"),
    (('name = "土地整理"', 'name = "村庄改造"'), "categories[2].name"),
    (("default_days = 5", "default_days = 50"), "inspection.default_days"),
    (("max_working_days = 250", 'max_working_days = "250"'), "max_working_days"),
    (('note = "土地整理和', 'nite = "土地整理和'), "categories[1].nite"),
    (('min = 0', 'min = 10'), "grades[4].min"),
])
def test_rule_errors_name_the_line_and_field(change: tuple[str, str], field: str) -> None:
    text = RULES_TEXT.replace(*change, 1)
    with pytest.raises(PackageRulesError) as caught:
        parse_rules(text, "packages.toml")
    error = caught.value
    assert error.field == field
    changed_line = next(i for i, (a, b) in enumerate(zip(text.split("\n"), RULES_TEXT.split("\n"), strict=True),
                                                    start=1) if a != b)
    assert error.line == changed_line
    assert "packages.toml" in error.message and field in error.message


def test_a_syntax_error_names_its_line() -> None:
    text = RULES_TEXT.replace('units = ["个",', 'units = ["个,', 1)
    with pytest.raises(PackageRulesError) as caught:
        parse_rules(text)
    assert caught.value.field == "toml"
    assert caught.value.line == text.split("\n").index(next(x for x in text.split("\n") if x.startswith("units"))) + 1


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(RULES_TEXT) - 1), st.text(max_size=6))
def test_any_damage_is_a_clear_error_or_still_valid(position: int, insert: str) -> None:
    text = RULES_TEXT[:position] + insert + RULES_TEXT[position + 1:]
    try:
        rules = parse_rules(text, "packages.toml")
    except PackageRulesError as error:
        assert error.message.startswith("任务包规则文件 packages.toml")
        assert error.line is None or 1 <= error.line <= text.count("\n") + 1
    else:
        assert rules.grades[-1].min == 0 and rules.categories


# ------------------------------------------------------------------ entering


def test_enter_numbers_the_package_and_counts_working_days(office: Office) -> None:
    office.act(office.head)
    ref = office.packages.enter(PackageForm(
        title="土地卫片执法图斑核查", category="执法监察", start_date=dt.date(2026, 11, 2), working_days=10,
        target_quantity="36", unit="宗", description="2026年第三季度卫片下发图斑",
        milestones=(MilestoneInput("外业核查", dt.date(2026, 11, 13)), MilestoneInput("内业举证", dt.date(2026, 11, 9))),
        co_worker_ids=(office.other,)))
    assert ref.number == "3707021012026RW000001"
    assert ref.due_date == dt.date(2026, 11, 16)
    detail = office.packages.detail(ref.id)
    assert detail.item.status is PackageStatus.ENTERED
    assert [m.title for m in detail.milestones] == ["内业举证", "外业核查"]  # by date
    assert detail.item.co_workers == ("陈静",)
    assert [e.label for e in detail.events] == ["入库"]
    assert office.packages.enter(PackageForm(title="第二个", category="其他", start_date=TODAY,
                                             working_days=5)).number.endswith("RW000002")


def test_every_problem_of_the_form_at_once(office: Office) -> None:
    office.act(office.head)
    with pytest.raises(FormErrors) as caught:
        office.packages.enter(PackageForm(
            title=" ", category="绿化", start_date=dt.date(2026, 11, 2), working_days=10,
            target_quantity="-3", unit="吨",
            milestones=(MilestoneInput("验收", dt.date(2026, 12, 30)),), co_worker_ids=(uuid.uuid4(),)))
    fields = caught.value.by_field()
    assert set(fields) == {"title", "category", "target_quantity", "unit", "milestones", "co_worker_ids"}
    assert "2026-11-16" in fields["milestones"].message
    with pytest.raises(FormErrors) as caught:
        office.packages.enter(PackageForm(title="x", category="其他", start_date=TODAY, working_days=0))
    assert set(caught.value.by_field()) == {"working_days"}


def test_a_package_counting_towards_a_target_uses_its_unit(office: Office) -> None:
    target_id = uuid.uuid4()
    with office.services.ctx.transaction("test.target") as s:
        s.add(WorkTarget(id=target_id, office_id=office.services.ctx.office_id, name="村庄改造腾地",
                         unit="公顷", first_year=2026, last_year=2026, planned=Decimal("40"),
                         created_at=office.services.ctx.now()))
    assert [t.name for t in office.packages.targets_for(2026)] == ["村庄改造腾地"]
    with pytest.raises(FormErrors) as caught:
        office.enter(target_id=target_id)  # 10 户
    assert caught.value.by_field()["unit"].reason == "target_unit"
    with pytest.raises(FormErrors) as caught:
        office.enter(target_id=target_id, start_date=dt.date(2025, 12, 1), unit="公顷")
    assert caught.value.by_field()["target_id"].reason == "year"
    package_id = office.enter(target_id=target_id, target_quantity="30", unit="亩")  # 亩 converts
    office.packages.assign(package_id, office.handler)
    office.act(office.handler)
    office.packages.report_progress(package_id, dt.date(2026, 11, 10), "15", "复垦 15 亩")
    office.packages.report_progress(package_id, dt.date(2026, 11, 20), "7.5", "复垦 7.5 亩")
    assert office.packages.list_packages()[0].target_name == "村庄改造腾地"
    with office.services.ctx.reading() as s:
        assert linked_progress(s, target_id, "公顷") == {dt.date(2026, 11, 1): Decimal("1.5")}


def test_only_leaders_enter(office: Office) -> None:
    form = PackageForm(title="x", category="其他", start_date=TODAY, working_days=5)
    for user in (office.handler, office.clerk):
        office.act(user)
        with pytest.raises(PermissionDenied, match="任务包管理"):
            office.packages.enter(form)


# ------------------------------------------------------------------ the life cycle


@pytest.mark.both_backends
def test_from_entry_to_score_with_a_return_and_an_inspection(office: Office, clock: FixedClock,
                                                              tmp_path: Path) -> None:
    p = office.packages
    package_id = office.enter(milestones=(MilestoneInput("拆旧完成", dt.date(2026, 11, 20)),))
    p.assign(package_id, office.other)
    p.assign(package_id, office.handler, [office.other])  # re-assigned
    assert p.detail(package_id).item.status is PackageStatus.ASSIGNED

    office.act(office.handler)
    photo = tmp_path / "拆旧现场.jpg"
    photo.write_bytes(b"\xff\xd8 photo of the site")
    milestone = p.detail(package_id).milestones[0]
    p.report_progress(package_id, dt.date(2026, 11, 10), "6", "拆旧 6 户", evidence_files=[photo],
                      milestones_done=[milestone.id])
    detail = p.detail(package_id)
    assert detail.item.status is PackageStatus.IN_PROGRESS
    assert detail.item.progress == Decimal("60.0")
    assert detail.milestones[0].done
    [evidence] = detail.evidence
    assert evidence.file_name == "拆旧现场.jpg" and evidence.path is not None
    assert evidence.path.read_bytes() == photo.read_bytes()
    assert detail.progress[0].files == ("拆旧现场.jpg",)

    office.act(office.leader)
    number = p.inspect(package_id, "复垦地块未平整", "一周内完成平整并拍照", rectify_days=5)
    assert number == "3707021012026DC000001"
    office.act(office.handler)
    p.report_progress(package_id, dt.date(2026, 11, 20), "4", "拆旧 4 户，全部完成")
    p.submit(package_id, "已全部完成")
    office.act(office.head)
    with pytest.raises(StateError, match="DC000001 尚未整改"):
        p.accept(package_id, "同意")
    p.send_back(package_id, "复垦地块尚未平整")
    assert p.detail(package_id).item.status is PackageStatus.IN_PROGRESS

    office.act(office.handler)
    [inspection] = p.detail(package_id).inspections
    p.rectify(inspection.id, "已平整并拍照")
    p.submit(package_id)
    office.act(office.head)
    p.accept(package_id, "经现场核查，同意验收")
    assert p.score(package_id, "86.5", "按时完成，资料齐全") == "良好"
    detail = p.detail(package_id)
    assert detail.item.status is PackageStatus.SCORED
    assert detail.item.score == Decimal("86.5") and detail.item.grade == "良好"
    assert detail.item.achieved == Decimal("10.00") and detail.item.days_late == 0
    assert [e.kind for e in detail.events] == [
        "entered", "assigned", "assigned", "progress", "milestone", "inspected", "progress", "submitted",
        "returned", "rectified", "submitted", "accepted", "scored"]
    assert "改派" in detail.events[2].note
    with office.services.ctx.reading() as s:
        actions = set(s.scalars(select(AuditLog.action)).all())
    assert {"packages.enter", "packages.accept", "packages.score"} <= actions


def test_states_refuse_what_does_not_fit(office: Office) -> None:
    p = office.packages
    package_id = office.enter()
    with pytest.raises(StateError):
        p.submit(package_id)
    with pytest.raises(StateError):
        p.accept(package_id, "同意")
    office.act(office.handler)
    with pytest.raises(PermissionDenied):  # not yet his
        p.report_progress(package_id, TODAY, "1", "x")
    office.act(office.head)
    p.cancel(package_id, "并入全镇统一实施")
    with pytest.raises(StateError):
        p.assign(package_id, office.handler)
    assert p.list_packages() == []
    assert [i.status for i in p.list_packages(PackageFilter(status="all"))] == [PackageStatus.CANCELLED]


def test_progress_reports_are_checked(office: Office) -> None:
    p = office.packages
    package_id = office.running()
    with pytest.raises(FormErrors) as caught:
        p.report_progress(package_id, dt.date(2026, 11, 24), "-1", " ")
    assert set(caught.value.by_field()) == {"as_of", "quantity", "note"}
    with pytest.raises(FormErrors) as caught:
        p.report_progress(package_id, dt.date(2026, 11, 9), "1", "补报")
    assert caught.value.by_field()["as_of"].reason == "before_last"
    with pytest.raises(FormErrors) as caught:
        p.report_progress(package_id, dt.date(2026, 10, 30), "1", "x")
    assert caught.value.by_field()["as_of"].reason == "early"
    p.report_progress(package_id, dt.date(2026, 11, 10), "0", "本周无进展，等待拆迁补偿到位")  # 0 is allowed
    office.act(office.clerk)  # neither responsible, co-worker nor leader
    with pytest.raises(PermissionDenied):
        p.report_progress(package_id, TODAY, "1", "x")
    office.act(office.other)  # a co-worker may
    p.report_progress(package_id, TODAY, "1", "拆旧 1 户")
    with pytest.raises(PermissionDenied):
        p.submit(package_id)  # only the responsible person or a leader


@pytest.mark.both_backends
def test_lists_show_days_left_overdue_and_inspections(office: Office) -> None:
    p = office.packages
    late = office.running(title="耕地保护网格化巡查", start_date=dt.date(2026, 10, 19), working_days=20)  # due 16 Nov
    soon = office.running(title="第三次国土调查成果更新", working_days=20)  # due Mon 30 Nov
    office.act(office.leader)
    p.inspect(soon, "巡查记录不全", "补齐", rectify_due=dt.date(2026, 11, 25))
    items = {i.title: i for i in p.list_packages()}
    assert items["耕地保护网格化巡查"].overdue and items["耕地保护网格化巡查"].days_late == 5
    assert items["第三次国土调查成果更新"].days_left == 5
    assert items["第三次国土调查成果更新"].open_inspections == 1
    assert items["第三次国土调查成果更新"].progress == Decimal("40.0")
    assert [i.id for i in p.list_packages(PackageFilter(status="overdue"))] == [late]
    office.act(office.handler)
    assert len(p.list_packages(PackageFilter(mine=True))) == 2
    office.act(office.clerk)
    assert p.list_packages(PackageFilter(mine=True)) == []
    assert len(p.list_packages(PackageFilter(person_id=office.other))) == 2
    assert p.list_packages(PackageFilter(category="执法监察")) == []
    assert p.list_packages(PackageFilter(year=2025)) == []


def test_an_unrectified_inspection_past_its_deadline_is_flagged(office: Office, clock: FixedClock) -> None:
    p = office.packages
    package_id = office.running()
    office.act(office.leader)
    p.inspect(package_id, "进度滞后", "加快进度", rectify_days=2)  # Wed 25 Nov
    clock.now = beijing(2026, 11, 26, 9, 0)
    [inspection] = p.detail(package_id).inspections
    assert inspection.overdue and p.list_packages()[0].overdue_inspections == 1
    office.act(office.handler)
    p.rectify(inspection.id, "已加派人手")
    assert "逾期" in p.detail(package_id).events[-1].note
    with pytest.raises(StateError):
        p.rectify(inspection.id, "again")


def test_actions_follow_role_and_state(office: Office) -> None:
    p = office.packages
    package_id = office.running()
    office.act(office.handler)
    mine = p.actions(p.detail(package_id))
    assert mine.report and mine.submit and not mine.decide and not mine.inspect
    office.act(office.other)
    helper = p.actions(p.detail(package_id))
    assert helper.report and not helper.submit
    office.act(office.head)
    head = p.actions(p.detail(package_id))
    assert head.assign and head.inspect and head.cancel and not head.score


def test_unknown_packages_are_not_found(office: Office) -> None:
    with pytest.raises(NotFoundError):
        office.packages.detail(uuid.uuid4())


# ------------------------------------------------------------------ late packages for the assessment


@pytest.mark.both_backends
def test_late_packages_at_the_edges(office: Office, make_services) -> None:  # type: ignore[no-untyped-def]
    services = office.services
    mine = services.ctx.office_id
    assert mine is not None
    other_office = uuid.uuid4()

    def add(due: dt.date, status: str = "in_progress", accepted_at: dt.datetime | None = None,
            office_id: uuid.UUID = mine) -> None:
        with services.ctx.transaction("test.package") as s:
            s.add(TaskPackage(office_id=office_id, number=f"T{uuid.uuid4().hex[:20]}", title="t",
                              category="其他", start_date=dt.date(2026, 1, 5), working_days=10, due_date=due,
                              status=status, entered_at=services.ctx.now(), accepted_at=accepted_at))

    add(dt.date(2026, 11, 20))  # open, past due → late
    add(dt.date(2026, 11, 23))  # open, due today → not late
    add(dt.date(2026, 11, 20), "submitted")  # submitted but not accepted → late
    add(dt.date(2026, 11, 20), "accepted", beijing(2026, 11, 20, 23, 30))  # on the due day (Beijing)
    add(dt.date(2026, 11, 20), "scored", beijing(2026, 11, 21, 0, 30))  # a day late, though UTC says 20th
    add(dt.date(2026, 11, 20), "cancelled")  # cancelled → never
    add(dt.date(2025, 12, 31))  # due last year → not this year's
    add(dt.date(2027, 1, 4))  # next year
    with services.ctx.transaction("test.office") as s:
        from app.models import Office as OfficeRow

        s.add(OfficeRow(id=other_office, code="370702199", name="东岭镇自然资源所"))
    add(dt.date(2026, 3, 2), office_id=other_office)
    with services.ctx.reading() as s:
        assert late_packages(s, [mine, other_office], 2026, TODAY) == {mine: 3, other_office: 1}
        assert late_packages(s, [mine], 2025, TODAY) == {mine: 1}
        assert late_packages(s, [mine], 2026, dt.date(2026, 11, 20)) == {mine: 1}  # only the late acceptance
        assert late_packages(s, [], 2026, TODAY) == {}


# ------------------------------------------------------------------ the county


def test_the_county_sees_every_township_and_changes_nothing(pair: Pair) -> None:
    township = pair.township
    head = township.ctx.user_id
    handler = add_user(township, "刘建军", Role.HANDLER)
    ref = township.packages.enter(PackageForm(title="2026年度村庄改造（东王村）", category="村庄改造",
                                              start_date=dt.date(2026, 11, 2), working_days=30,
                                              target_quantity="12", unit="户"))
    township.packages.assign(ref.id, handler)
    township.ctx.user_id = handler
    township.packages.report_progress(ref.id, dt.date(2026, 11, 20), "5", "拆旧 5 户")
    township.ctx.user_id = head
    township.packages.inspect(ref.id, "档案不全", "补齐拆旧协议", rectify_days=3)

    result = township.sync.export_batch(pair.usb)
    pair.county.sync.import_files([result.path])

    county = pair.county.packages
    assert county.is_county()
    [item] = county.list_packages()
    assert (item.number, item.office_name, item.responsible) == (ref.number, "示例镇自然资源所", "刘建军")
    assert item.achieved == Decimal("5.00") and item.open_inspections == 1
    township_id = item.office_id
    assert county.list_packages(PackageFilter(office_id=township_id)) == [item]
    assert county.list_packages(PackageFilter(office_id=uuid.uuid4())) == []
    detail = county.detail(ref.id)
    assert [e.kind for e in detail.events] == ["entered", "assigned", "progress", "inspected"]
    assert detail.office.name == "示例镇自然资源所"
    assert county.actions(detail) == type(county.actions(detail))()  # nothing to press
    assert county.register(2026).items[0].number == ref.number
    for attempt in (
        lambda: county.enter(PackageForm(title="x", category="其他", start_date=TODAY, working_days=5)),
        lambda: county.accept(ref.id, "同意"),
        lambda: county.inspect(ref.id, "x", "y", rectify_days=3),
        lambda: county.cancel(ref.id, "x"),
    ):
        with pytest.raises(PermissionDenied, match="县局只能查看"):
            attempt()


def test_package_service_keeps_its_constructor(services: Services) -> None:
    assert isinstance(services.packages, PackageService)
    with services.ctx.reading() as s:
        assert s.scalars(select(PackageEvidence)).all() == []


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_quantities_with_two_places_are_taken_as_typed(value: Decimal) -> None:
    assert parse_quantity(f"{value:,f}", "q", "数量", allow_zero=True) == value
    assert parse_quantity(str(value), "q", "数量", allow_zero=True) == value


@given(st.text(max_size=12))
def test_any_text_is_a_quantity_or_a_field_error(text: str) -> None:
    result = parse_quantity(text, "quantity", "本期完成数量", allow_zero=False)
    if isinstance(result, Decimal):
        assert result > 0 and result == result.quantize(Decimal("0.01"))
    else:
        assert result.field == "quantity" and result.message.startswith("本期完成数量")
