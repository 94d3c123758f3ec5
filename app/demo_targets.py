"""Demo targets for the demo office: its share of the county's 2026–2030 plan (seed 000), broken down.

Seed 000: “从2009年到2013年5年间，全市改造村庄600个左右，力争腾出土地3333.33hm²以上。每年改造村庄
120个左右，力争腾出土地666.67hm²以上。” The demo township carries a sixth of the county's yearly
figures — 20 villages and 111.11 hm² a year — over 2026–2030, broken down into yearly targets and
the 2026 ones into months (nothing planned in February: the Spring Festival). A third target in 宗
(卫片执法图斑核查) stands on its own, and a fourth was cancelled when the county moved the work
elsewhere. Only the target service's public methods are used, acting as the office's head; actuals
come from task packages, which the package demo links to these targets.

At the county (``fill_demo_county_targets``) the bureau sets its own 2026–2030 plan for
城乡建设用地增减挂钩复垦 (6000 亩, 1200 亩 a year) and a 2026 target of 地质灾害隐患点巡查, and
allots both 2026 targets to the townships it knows. After the downlink, a township's
``fill_demo_township_shares`` breaks each share down by month and works on it through a task
package, so the county's 分解下达情况 shows real progress once the next batch comes up.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal

from app.dto import Role
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.packages import PackageForm
from app.services.targets import split_evenly

# The county's demo targets: name, unit, plan total over five years (None: a yearly target on
# its own), the 2026 amount, and the townships' weights in code order (the larger towns first).
COUNTY_DEMO = (("城乡建设用地增减挂钩复垦", "亩", Decimal(6000), Decimal(1200), (40, 35, 25), "土地整理"),
               ("地质灾害隐患点巡查", "处", None, Decimal(48), (18, 16, 14), "其他"))


def _at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), LOCAL_TZ).astimezone(dt.UTC)


def fill_demo_targets(services: Services, today: dt.date, rng: random.Random) -> None:
    """Plans, yearly targets and monthly breakdowns of 2026 for the demo office (idempotent)."""
    targets = services.targets
    if targets.is_county():
        return
    head = next((u for u in services.users.list_users()
                 if u.active and Role.LEADER in u.roles), None) or next(
        (u for u in services.users.list_users() if u.active and Role.SECTION_CHIEF in u.roles), None)
    if head is None:
        return
    # The dates below run to mid-April; early in a year the demo plans start the year before.
    year = today.year if today >= dt.date(today.year, 4, 16) else today.year - 1
    existing = {(t.name, t.unit, t.first_year, t.last_year) for t in targets.list_targets(include_cancelled=True)}
    real_clock, real_user = services.ctx.clock, services.ctx.user_id
    moment = _at(dt.date(year, 1, 6))
    services.ctx.clock = lambda: moment
    services.ctx.user_id = head.id
    try:
        plans = (("村庄改造", "个", Decimal(100),
                  [1, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2],
                  "县局下达我所2026—2030年村庄改造任务（全县每年120个左右，我所每年20个以上）"),
                 ("土地整理腾地", "公顷", Decimal("555.55"),
                  ["6", "0", "8", "10", "11", "11", "10", "10", "11", "12", "12", "10.11"],
                  "结合村庄改造腾出土地，力争每年111.11公顷以上（全县每年666.67公顷以上）"))
        for number, (name, unit, total, months, note) in enumerate(plans):
            if (name, unit, year, year + 4) in existing:
                continue
            moment = _at(dt.date(year, 1, 6), 9, 10 * number)
            plan = targets.create_plan(name, unit, year, year + 4, total, note)
            moment = _at(dt.date(year, 1, 7), 10, rng.randint(0, 50))
            targets.break_down_plan(plan.id)
            first = next(c for c in targets.children(plan.id) if c.first_year == year)
            moment = _at(dt.date(year, 1, 9), 15, rng.randint(0, 50))
            targets.set_months(first.id, [Decimal(str(m)) for m in months])

        if ("卫片执法图斑核查", "宗", year, year) not in existing:
            moment = _at(dt.date(year, 2, 24), 9, 30)
            spot = targets.create_yearly("卫片执法图斑核查", "宗", year, 36,
                                         "县局下发的年度卫片执法图斑，逐宗实地核查、填报核查结果")
            moment = _at(dt.date(year, 2, 24), 10, 5)
            targets.set_months(spot.id, [0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2])

        if ("农村宅基地确权登记", "宗", year, year) not in existing:
            moment = _at(dt.date(year, 3, 2), 8, 40)
            wrong = targets.create_yearly("农村宅基地确权登记", "宗", year, 300)
            moment = _at(dt.date(year, 4, 15), 16, 20)
            targets.cancel(wrong.id, "县局调整任务分工：宅基地确权登记改由县不动产登记中心统一实施")
    finally:
        services.ctx.clock = real_clock
        services.ctx.user_id = real_user


def _head(services: Services) -> uuid.UUID | None:
    users = [u for u in services.users.list_users() if u.active]
    head = next((u for u in users if Role.LEADER in u.roles), None) or next(
        (u for u in users if Role.SECTION_CHIEF in u.roles), None)
    return head.id if head is not None else None


def fill_demo_county_targets(services: Services, today: dt.date, rng: random.Random) -> None:
    """At the county: its own plan and yearly targets, and their 2026 shares allotted to the
    townships it knows (from their batches). Idempotent; does nothing at a township."""
    targets = services.targets
    if not targets.is_county():
        return
    head = _head(services)
    townships = targets.townships()
    if head is None or not townships:
        return
    year = today.year if today >= dt.date(today.year, 4, 16) else today.year - 1
    existing = {(t.name, t.unit, t.first_year, t.last_year): t for t in targets.list_targets(include_cancelled=True)
                if t.office.is_county}
    real_clock, real_user = services.ctx.clock, services.ctx.user_id
    moment = _at(dt.date(year, 1, 4))
    services.ctx.clock = lambda: moment
    services.ctx.user_id = head
    try:
        for number, (name, unit, plan_total, amount, weights, _category) in enumerate(COUNTY_DEMO):
            if (name, unit, year, year) in existing:
                continue
            moment = _at(dt.date(year, 1, 4), 9, 10 * number)
            if plan_total is not None:
                plan = targets.create_plan(name, unit, year, year + 4, plan_total,
                                           f"全县{year}—{year + 4}年{name}规划，每年{amount}{unit}以上，分解下达到各乡镇所")
                targets.break_down_plan(plan.id)
                yearly = next(c for c in targets.children(plan.id) if c.first_year == year)
            else:
                yearly = targets.create_yearly(name, unit, year, amount, "汛前、汛中、汛后逐点巡查，分解下达到各乡镇所")
            spec = targets.config().unit(unit)
            shares = split_evenly(amount, len(townships), spec.decimals if spec else 2,
                                  [weights[i % len(weights)] for i in range(len(townships))])
            moment = _at(dt.date(year, 1, 5), 10, rng.randint(0, 50))
            targets.allot(yearly.id, {o.id: share for o, share in zip(townships, shares, strict=True)})
    finally:
        services.ctx.clock = real_clock
        services.ctx.user_id = real_user


def fill_demo_township_shares(services: Services, today: dt.date, rng: random.Random) -> None:
    """At a township after the county's downlink: each share the county handed down is broken
    down by month (nothing in February) and worked on through one task package with monthly
    progress reports up to last month. Idempotent: shares already broken down are left alone."""
    targets = services.targets
    if targets.is_county():
        return
    head = _head(services)
    if head is None:
        return
    users = [u for u in services.users.list_users() if u.active]
    worker = next((u.id for u in users if Role.HANDLER in u.roles), head)
    categories = {name: category for name, _u, _p, _a, _w, category in COUNTY_DEMO}
    real_clock, real_user = services.ctx.clock, services.ctx.user_id
    moment = _at(dt.date(today.year, 1, 8))
    services.ctx.clock = lambda: moment
    try:
        for share in targets.list_targets(today.year):
            if not share.county_issued or share.broken_down:
                continue
            spec = targets.config().unit(share.unit)
            decimals = spec.decimals if spec else 2
            services.ctx.user_id = head
            moment = _at(dt.date(share.first_year, 1, 8), 9, rng.randint(0, 50))
            months = split_evenly(share.planned, 12, decimals, [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
            targets.set_months(share.id, months)
            start = dt.date(share.first_year, 3, 2)
            moment = _at(start, 10, rng.randint(0, 50))
            ref = services.packages.enter(PackageForm(
                title=f"{share.first_year}年{share.name}（县局下达）", category=categories.get(share.name, "其他"),
                start_date=start, working_days=200, description=f"落实县局下达的{share.name}任务",
                target_id=share.id, target_quantity=share.planned, unit=share.unit))
            services.packages.assign(ref.id, worker)
            services.ctx.user_id = worker
            # Progress month by month to last month, a little behind or ahead of the plan.
            for month in range(3, today.month if today.year == share.first_year else 13):
                done = (months[month - 1] * Decimal(rng.randint(70, 115)) / 100).quantize(
                    Decimal(1).scaleb(-decimals))
                as_of = dt.date(share.first_year, month, 25)
                moment = _at(as_of, 16, rng.randint(0, 50))
                services.packages.report_progress(ref.id, as_of, done, f"{month}月完成{done}{share.unit}")
    finally:
        services.ctx.clock = real_clock
        services.ctx.user_id = real_user
