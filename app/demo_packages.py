"""Demo task packages (项目化管理) for the demo office: one of every stage of the life cycle.

Nine packages of 2026 as a township office would run them — village renovation, satellite
image checks, farmland patrols, the land survey update, title registration, a petition case,
land consolidation — entered by the head (王晓梅), assigned to the staff, reported on month by
month, inspected and accepted: one accepted and scored, one awaiting acceptance, one sent back
and in progress again, one overdue, one with an inspection past its rectification deadline,
one only assigned, one only entered and one cancelled. The clock is moved to each step's
moment, so every "at" in the history is as real as the step. The village renovation packages
count towards a target only if the office has a matching one (the targets may come later).
Only the package service's public methods are used, acting as each person in turn.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import random
import uuid
from collections.abc import Callable, Generator
from dataclasses import dataclass
from decimal import Decimal

from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.packages import MilestoneInput, PackageForm, PackageService, TargetChoice


@dataclass
class _Acting:
    services: Services
    people: dict[str, uuid.UUID]  # display name → id
    today: dt.date
    rng: random.Random

    @property
    def packages(self) -> PackageService:
        return self.services.packages

    def at(self, day: dt.date, hour: int, minute: int | None = None) -> dt.datetime:
        """``day`` (the next working day if it is none) at ``hour``: the moment a step wants."""
        # The first working day on or after ``day``: one working day after the day before.
        day = self.packages.due_date_for(day - dt.timedelta(days=1), 1).due
        minute = self.rng.randint(0, 50) if minute is None else minute
        return dt.datetime.combine(day, dt.time(hour, minute), LOCAL_TZ).astimezone(dt.UTC)

    def who(self, name: str) -> None:
        self.services.ctx.user_id = self.people[name]

    def working_day(self, start: dt.date, n: int) -> dt.date:
        return self.packages.due_date_for(start, n).due


# A story yields the moment it wants to act next; the scheduler runs all stories in time order
# (as app.demo does with cases), so numbers and logs run forward in time.
Story = Generator[dt.datetime, None, None]

HEAD = "王晓梅"
LEADER = "孙德明"
DEPUTY = "张志强"


def fill_demo_packages(services: Services, today: dt.date, rng: random.Random) -> None:
    """Enter the demo office's packages of 2026 and take each to its stage (all before ``today``)."""
    real_clock = services.ctx.clock
    first_user = services.ctx.user_id
    people = {p.display_name: p.id for p in services.packages.staff()}
    missing = {HEAD, LEADER, DEPUTY, "刘建军", "陈静", "李娜"} - set(people)
    if missing:
        raise ValueError(f"演示单位缺少人员：{'、'.join(sorted(missing))}（请先生成演示办件）")
    a = _Acting(services, people, today, rng)
    queue: list[tuple[dt.datetime, int, Story]] = []
    order = itertools.count()

    def schedule(story: Story) -> None:
        try:
            moment = next(story)
        except StopIteration:
            return
        if moment.astimezone(LOCAL_TZ).date() > today:  # a story never runs into the future
            story.close()
            return
        heapq.heappush(queue, (moment, next(order), story))

    try:
        for make in _STORIES:
            schedule(make(a))
        while queue:
            moment, _, story = heapq.heappop(queue)
            services.ctx.clock = lambda moment=moment: moment  # type: ignore[misc]
            schedule(story)
    finally:
        services.ctx.clock = real_clock
        services.ctx.user_id = first_user


def _enter(a: _Acting, day: dt.date, form: PackageForm) -> Generator[dt.datetime, None, uuid.UUID]:
    yield a.at(day, 9)
    a.who(HEAD)
    return a.packages.enter(form).id


def _assign(a: _Acting, package_id: uuid.UUID, day: dt.date, responsible: str, *helpers: str) -> Story:
    yield a.at(day, 10)
    a.who(HEAD)
    a.packages.assign(package_id, a.people[responsible], [a.people[h] for h in helpers])


def _report(a: _Acting, package_id: uuid.UUID, who: str, day: dt.date, quantity: str, note: str,
            milestone: str | None = None) -> Story:
    yield a.at(day, 16)
    a.who(who)
    done: list[uuid.UUID] = []
    if milestone is not None:
        detail = a.packages.detail(package_id)
        done = [m.id for m in detail.milestones if m.title == milestone and not m.done]
    a.packages.report_progress(package_id, day if day <= a.today else a.today, quantity, note,
                               milestones_done=done)


def _village_target(a: _Acting, unit_kinds: tuple[str, ...]) -> TargetChoice | None:
    """A target of 2026 counting land freed (公顷/亩) or villages, if the office has one."""
    return _target(a, unit_kinds, ("村", "腾", "土地"))


def _target(a: _Acting, unit_kinds: tuple[str, ...], words: tuple[str, ...]) -> TargetChoice | None:
    """The office's 2026 target in one of these units whose name has one of these words."""
    a.who(HEAD)
    # The year's own target first, not the five-year plan it breaks down.
    for target in sorted(a.packages.targets_for(2026), key=lambda t: t.last_year - t.first_year):
        if target.unit in unit_kinds and any(word in target.name for word in words):
            return target
    return None


# ---------------------------------------------------------------- the stories


def _dongwang(a: _Acting) -> Story:
    """Accepted and scored (优秀), with an inspection that was put right."""
    target = _village_target(a, ("公顷", "亩"))
    unit = target.unit if target is not None else "公顷"
    amount = "5.2" if unit == "公顷" else "78"
    start = dt.date(2026, 3, 2)
    due = a.working_day(start, 150)
    package_id = yield from _enter(a, dt.date(2026, 2, 26), PackageForm(
        title="2026年度村庄改造（东王村）", category="村庄改造", start_date=start, working_days=150,
        description="东王村整村改造：旧宅拆除 46 户，复垦腾出土地，新村安置区建设用地报批。",
        target_id=target.id if target else None, target_quantity=amount, unit=unit,
        milestones=(MilestoneInput("完成拆旧协议签订", dt.date(2026, 4, 30)),
                    MilestoneInput("旧宅拆除完毕", dt.date(2026, 7, 31)),
                    MilestoneInput("复垦地块验收", min(due, dt.date(2026, 9, 25)))),
    ))
    yield from _assign(a, package_id, dt.date(2026, 2, 27), "刘建军", "陈静")
    steps = [("2026-03-31", "0.6", "完成入户调查 46 户，签订拆旧协议 31 户", None),
             ("2026-04-30", "0.9", "拆旧协议全部签订，拆除旧宅 12 户", "完成拆旧协议签订"),
             ("2026-05-29", "1.1", "拆除旧宅 15 户，清运建筑垃圾", None),
             ("2026-06-30", "1.0", "拆除旧宅 11 户，复垦地块平整", None),
             ("2026-07-31", "0.8", "旧宅 46 户全部拆除，复垦种植", "旧宅拆除完毕")]
    share = Decimal(amount) / Decimal("5.2")  # the steps free 4.4 of 5.2 公顷; the rest comes last
    for day, quantity, note, milestone in steps:
        value = (Decimal(quantity) * share).quantize(Decimal("0.01"))
        yield from _report(a, package_id, "刘建军", dt.date.fromisoformat(day), str(value), note, milestone)
    yield a.at(dt.date(2026, 8, 12), 10)
    a.who(DEPUTY)
    a.packages.inspect(package_id, "复垦地块东北角约 0.3 公顷仍有建筑垃圾未清运，影响耕作。",
                       "清运剩余建筑垃圾，深翻整平，拍摄整改前后照片备查。", rectify_days=10)
    yield a.at(dt.date(2026, 8, 21), 15)
    a.who("刘建军")
    [inspection] = a.packages.detail(package_id).inspections
    a.packages.rectify(inspection.id, "已组织机械清运建筑垃圾 120 立方米，完成深翻整平，照片已存档。")
    rest = Decimal(amount) - sum((Decimal(q) * share).quantize(Decimal("0.01")) for _, q, _, _ in steps)
    yield from _report(a, package_id, "刘建军", dt.date(2026, 9, 18), str(rest), "剩余地块复垦完成，复垦地块通过镇级初验",
            "复垦地块验收")
    yield a.at(dt.date(2026, 9, 22), 9)
    a.who("刘建军")
    a.packages.submit(package_id, "拆旧 46 户、复垦全部完成，申请验收")
    yield a.at(dt.date(2026, 9, 28), 15)
    a.who(LEADER)
    a.packages.accept(package_id, "经现场核查，拆旧复垦面积与台账一致，资料齐全，同意验收出库。")
    yield a.at(dt.date(2026, 10, 9), 10)
    a.who(LEADER)
    a.packages.score(package_id, "93", "提前完成任务，群众满意度高，督查问题整改及时。")


def _xili(a: _Acting) -> Story:
    """In progress, on time, counting towards the village target if there is one."""
    target = _village_target(a, ("公顷", "亩"))
    unit = target.unit if target is not None else "公顷"
    amount = "6.5" if unit == "公顷" else "97.5"
    start = dt.date(2026, 5, 6)
    package_id = yield from _enter(a, dt.date(2026, 4, 28), PackageForm(
        title="2026年度村庄改造（西李庄）", category="村庄改造", start_date=start, working_days=160,
        description="西李庄旧村改造：拆旧 58 户，复垦腾地，配合新型农村社区建设。",
        target_id=target.id if target else None, target_quantity=amount, unit=unit,
        milestones=(MilestoneInput("完成拆旧协议签订", dt.date(2026, 7, 15)),
                    MilestoneInput("旧宅拆除完毕", dt.date(2026, 11, 30)),
                    MilestoneInput("复垦地块验收", dt.date(2026, 12, 18))),
    ))
    yield from _assign(a, package_id, dt.date(2026, 4, 29), "陈静", "李娜")
    factor = Decimal(amount) / Decimal("6.5")
    for day, quantity, note, milestone in (
            ("2026-06-30", "0.8", "完成入户调查 58 户，签订拆旧协议 40 户", None),
            ("2026-07-15", "0.7", "拆旧协议全部签订", "完成拆旧协议签订"),
            ("2026-08-31", "1.1", "拆除旧宅 17 户", None),
            ("2026-09-30", "0.9", "拆除旧宅 13 户，复垦地块平整", None),
            ("2026-10-30", "0.7", "拆除旧宅 9 户", None),
            ("2026-11-20", "0.5", "拆除旧宅 6 户，余 13 户正在协商补偿", None)):
        yield from _report(a, package_id, "陈静", dt.date.fromisoformat(day),
                str((Decimal(quantity) * factor).quantize(Decimal("0.01"))), note, milestone)


def _satellite(a: _Acting) -> Story:
    """Overdue: 36 图斑 due at the end of October, 31 checked (towards the 卫片 target, if any)."""
    target = _target(a, ("宗",), ("卫片",))
    package_id = yield from _enter(a, dt.date(2026, 8, 28), PackageForm(
        title="土地卫片执法图斑核查（2026年第三季度）", category="执法监察", start_date=dt.date(2026, 9, 1),
        working_days=35, target_id=target.id if target else None, target_quantity="36", unit="宗",
        description="县局下发第三季度卫片图斑 36 宗：逐宗外业核查、内业举证，违法用地立案查处。",
        milestones=(MilestoneInput("外业核查完成", dt.date(2026, 9, 30)),
                    MilestoneInput("内业举证上报", dt.date(2026, 10, 20))),
    ))
    yield from _assign(a, package_id, dt.date(2026, 8, 31), "刘建军", "张志强")
    yield from _report(a, package_id, "刘建军", dt.date(2026, 9, 15), "14", "外业核查 14 宗，其中合法用地 11 宗")
    yield from _report(a, package_id, "刘建军", dt.date(2026, 9, 30), "12", "外业核查 12 宗", None)
    yield from _report(a, package_id, "刘建军", dt.date(2026, 10, 30), "5", "内业举证 5 宗；余 5 宗当事人未到场，需再次约谈")
    yield from _report(a, package_id, "张志强", dt.date(2026, 11, 13), "0", "余 5 宗已发约谈通知，尚未到场")


def _patrol(a: _Acting) -> Story:
    """An inspection past its rectification deadline and not yet put right."""
    package_id = yield from _enter(a, dt.date(2026, 9, 30), PackageForm(
        title="耕地保护网格化巡查（第四季度）", category="耕地保护", start_date=dt.date(2026, 10, 9),
        working_days=55, target_quantity="24", unit="次",
        description="全镇 18 个行政村划分 6 个网格，每网格每月巡查不少于 1 次，发现问题当日上报。",
    ))
    yield from _assign(a, package_id, dt.date(2026, 10, 9), "陈静", "李娜")
    yield from _report(a, package_id, "陈静", dt.date(2026, 10, 30), "7", "完成 10 月巡查 7 次，发现并制止乱占耕地 1 处")
    yield a.at(dt.date(2026, 11, 10), 10)
    a.who(LEADER)
    a.packages.inspect(package_id, "第三、第五网格巡查记录缺少现场照片和村级网格员签字。",
                       "补齐巡查照片和签字，建立巡查台账，今后每次巡查当日录入。", rectify_days=5)
    yield from _report(a, package_id, "陈静", dt.date(2026, 11, 20), "6", "完成 11 月上中旬巡查 6 次")


def _survey(a: _Acting) -> Story:
    """Submitted for acceptance, waiting for the leader."""
    package_id = yield from _enter(a, dt.date(2026, 7, 30), PackageForm(
        title="第三次国土调查成果更新（2026年度变更调查）", category="调查确权", start_date=dt.date(2026, 8, 3),
        working_days=80, target_quantity="120", unit="处",
        description="对照遥感监测图斑逐一实地调查地类变化，更新“三调”数据库并上报县局。",
        milestones=(MilestoneInput("外业调查完成", dt.date(2026, 9, 30)),
                    MilestoneInput("数据库更新上报", dt.date(2026, 11, 6))),
    ))
    yield from _assign(a, package_id, dt.date(2026, 7, 31), "张志强", "刘建军")
    yield from _report(a, package_id, "张志强", dt.date(2026, 8, 31), "46", "外业调查变化图斑 46 处")
    yield from _report(a, package_id, "张志强", dt.date(2026, 9, 30), "52", "外业调查变化图斑 52 处", "外业调查完成")
    yield from _report(a, package_id, "刘建军", dt.date(2026, 11, 6), "22", "内业整理 22 处，数据库更新完成并上报",
            "数据库更新上报")
    yield a.at(dt.date(2026, 11, 9), 9)
    a.who("张志强")
    a.packages.submit(package_id, "120 处变化图斑全部调查更新，数据库已通过县局质检")


def _registration(a: _Acting) -> Story:
    """Sent back once at acceptance; in progress again."""
    package_id = yield from _enter(a, dt.date(2026, 5, 27), PackageForm(
        title="宅基地确权登记发证（北张村）", category="调查确权", start_date=dt.date(2026, 6, 1),
        working_days=120, target_quantity="210", unit="户",
        description="北张村宅基地和集体建设用地使用权确权登记，权籍调查、公示、登簿发证。",
    ))
    yield from _assign(a, package_id, dt.date(2026, 6, 2), "刘建军", "李娜")
    for day, quantity, note in (("2026-06-30", "38", "完成权籍调查 38 户"), ("2026-07-31", "55", "完成权籍调查 55 户"),
                                ("2026-08-31", "61", "完成权籍调查 61 户，公示 80 户"),
                                ("2026-10-16", "56", "登簿发证 210 户")):
        yield from _report(a, package_id, "刘建军", dt.date.fromisoformat(day), quantity, note)
    yield a.at(dt.date(2026, 10, 19), 9)
    a.who("刘建军")
    a.packages.submit(package_id, "210 户全部登簿发证")
    yield a.at(dt.date(2026, 10, 23), 15)
    a.who(LEADER)
    a.packages.send_back(package_id, "抽查发现 12 户宗地图四至与公示不一致，请核实更正后再报验收。")
    yield from _report(a, package_id, "刘建军", dt.date(2026, 11, 18), "0", "已更正 9 户宗地图，余 3 户当事人外出务工")


def _petition(a: _Acting) -> Story:
    """Assigned, not yet reported on."""
    package_id = yield from _enter(a, dt.date(2026, 11, 13), PackageForm(
        title="信访积案化解（东王村宅基地边界纠纷）", category="信访维稳", start_date=dt.date(2026, 11, 16),
        working_days=30, target_quantity="1", unit="件",
        description="东王村两户宅基地边界纠纷，历时三年多次上访；实地测量、调解、依法出具处理意见。",
    ))
    yield from _assign(a, package_id, dt.date(2026, 11, 16), "张志强", "陈静")


def _farmland(a: _Acting) -> Story:
    """Entered, waiting to be assigned."""
    yield from _enter(a, dt.date(2026, 11, 19), PackageForm(
        title="高标准农田建设项目土地权属调整", category="土地整理", start_date=dt.date(2026, 12, 1),
        working_days=60, target_quantity="35", unit="公顷",
        description="配合县农业农村局高标准农田建设项目，做好项目区土地权属调查和调整方案。",
    ))


def _kiln(a: _Acting) -> Story:
    """Cancelled: merged into the county's project."""
    package_id = yield from _enter(a, dt.date(2026, 4, 8), PackageForm(
        title="废弃砖瓦窑复垦（南河村）", category="土地整理", start_date=dt.date(2026, 4, 13),
        working_days=60, target_quantity="2.3", unit="公顷",
    ))
    yield a.at(dt.date(2026, 4, 21), 11)
    a.who(HEAD)
    a.packages.cancel(package_id, "县局将南河村砖瓦窑并入全县工矿废弃地复垦项目统一实施，本所不再单独入库。")


_STORIES: tuple[Callable[[_Acting], Story], ...] = (
    _kiln, _dongwang, _xili, _registration, _survey, _satellite, _patrol, _petition, _farmland)

__all__ = ["fill_demo_packages"]
