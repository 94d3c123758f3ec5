"""Demo targets for the demo office: its share of the county's 2026–2030 plan (seed 000), broken down.

Seed 000: “从2009年到2013年5年间，全市改造村庄600个左右，力争腾出土地3333.33hm²以上。每年改造村庄
120个左右，力争腾出土地666.67hm²以上。” The demo township carries a sixth of the county's yearly
figures — 20 villages and 111.11 hm² a year — over 2026–2030, broken down into yearly targets and
the 2026 ones into months (nothing planned in February: the Spring Festival). A third target in 宗
(卫片执法图斑核查) stands on its own, and a fourth was cancelled when the county moved the work
elsewhere. Only the target service's public methods are used, acting as the office's head; actuals
come from task packages, which the package demo links to these targets.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from app.dto import Role
from app.services import Services
from app.services.context import LOCAL_TZ


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
