"""Demo study records (学习监督) for the demo office: a quarter and a half of them.

Everyone of the office records their own self-study week by week (2–4 hours, on working
days), an article a quarter and the training of their tier, each on the day it happened (the
clock is moved to that evening, so "recorded at" is as real as the record). Mostly compliant,
with the blemishes a register is there to show: two people short of the weekly two hours in a
few weeks, one without a research article in the last complete quarter, and a certificate.
Only the study service's public methods are used, acting as each person in turn.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.study import (
    PersonItem,
    StudyInput,
    StudyKind,
    quarter_bounds,
    quarter_of,
    quarter_weeks,
)

TOPICS = (
    "学习《中华人民共和国土地管理法实施条例》",
    "学习《不动产登记暂行条例实施细则》",
    "学习《行政许可法》关于办理时限的规定",
    "学习农村宅基地审批管理办法",
    "学习耕地保护“长牙齿”硬措施有关文件",
    "学习国土空间规划“一张图”应用要点",
    "学习自然资源执法监察典型案例通报",
    "学习矿产资源开发利用监管政策",
    "学习测绘地理信息管理有关规定",
    "学习信访工作条例",
    "学习土地整理和村庄改造项目管理办法",
    "学习党风廉政建设有关规定",
)
ARTICLES = (
    ("关于示例镇农村宅基地审批情况的调研报告", "县自然资源局《国土资源简报》", "county"),
    ("示例镇土地整理项目实施中存在的问题及对策", "市自然资源局《自然资源工作信息》", "city"),
    ("浅析乡镇国土所“一窗受理”的做法与成效", "县自然资源局《国土资源简报》", "county"),
    ("关于耕地占补平衡落实情况的调查与思考", "所内学习交流会", "office"),
    ("村庄改造中节约集约用地的几点建议", "县政府《政务信息》", "county"),
    ("基层国土所信访老户化解工作的实践", "所内学习交流会", "office"),
    ("关于动态巡查早发现早制止机制的思考", "市自然资源局《自然资源工作信息》", "city"),
    ("农村集体建设用地管理现状调研", "省自然资源厅《国土资源通讯》", "province"),
)
TRAININGS = {
    "leader": ("全县自然资源系统领导干部依法行政专题培训", "示例县自然资源局", Decimal(12)),
    "middle": ("中层干部管理能力与疑难问题处理培训", "示例县自然资源局", Decimal(8)),
    "staff": ("不动产登记与土地管理业务知识培训", "示例县自然资源局", Decimal(6)),
}
# Who falls short where: the second and third people of the ordinary staff miss the weekly hours
# now and then; the window clerk writes no article in the last complete quarter.
SHORT_WEEKS = {"liujj": 2, "chenj": 1}
NO_ARTICLE = "lina"


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), LOCAL_TZ).astimezone(dt.UTC)


def fill_demo_study(services: Services, today: dt.date, rng: random.Random) -> None:
    """Records from the start of the previous quarter up to the day before ``today``, for everyone
    of the office."""
    study = services.study
    ctx = services.ctx
    first_user, real_clock = ctx.user_id, ctx.clock
    now = real_clock()
    people = study.people()  # the first user manages study (所长), so this is everyone
    calendar = services.reference.calendar()
    this_q = quarter_of(today)
    prev_year, prev_q = (today.year - 1, 4) if this_q == 1 else (today.year, this_q - 1)
    mondays = [m for m in quarter_weeks(prev_year, prev_q) + quarter_weeks(today.year, this_q) if m <= today]
    try:
        for person in people:
            ctx.user_id = person.id
            short_left = SHORT_WEEKS.get(person.username, 0)
            # Short weeks fall in the previous (complete) quarter, so its register shows them.
            complete = len(quarter_weeks(prev_year, prev_q))
            short_weeks = set(rng.sample(range(1, complete - 1), k=short_left)) if short_left else set()
            for index, monday in enumerate(mondays):
                days = [monday + dt.timedelta(days=d) for d in range(7)]
                working = [d for d in days if calendar.is_workday(d) and d < today]
                if not working:
                    continue  # the Spring Festival week: nobody is at work
                if index in short_weeks:
                    hours = [rng.choice([Decimal(1), Decimal("1.5")])]
                else:
                    hours = rng.choice([[Decimal(2)], [Decimal(1), Decimal(1)], [Decimal("1.5"), Decimal(1)],
                                        [Decimal(2), Decimal(1)], [Decimal(1), Decimal("1.5"), Decimal("0.5")]])
                topics = rng.sample(TOPICS, k=len(hours))
                for n, (amount, topic) in enumerate(zip(hours, topics, strict=True)):
                    # The first week starts on its first working day, so that everybody is
                    # counted from the start of the period.
                    day = working[0] if index == 0 and n == 0 else rng.choice(working)
                    _record(services, now, day, 17, rng, StudyInput(StudyKind.SELF_STUDY, day, topic, hours=amount))
            _articles(services, now, person, prev_year, prev_q, today, rng)
            _training(services, now, person, mondays, today, rng)
        # 陈静 passed the assistant engineer examination: the certificate, recorded by herself.
        winner = next((p for p in people if p.username == "chenj"), people[-1] if people else None)
        if winner is not None:
            ctx.user_id = winner.id
            day = calendar.next_workday(mondays[len(mondays) // 2])
            _record(services, now, day, 16, rng, StudyInput(
                StudyKind.CERTIFICATE, day, "助理工程师（土地管理）职称证书", organiser="示例市人力资源和社会保障局",
                certificate_no=f"鲁职证字{day.year}第{rng.randint(10000, 99999)}号",
                note="专业技术资格评审通过，申请学习奖励"))
    finally:
        ctx.user_id, ctx.clock = first_user, real_clock


def _record(services: Services, now: dt.datetime, day: dt.date, hour: int, rng: random.Random,
            entry: StudyInput) -> None:
    # Today's records are not written "this evening": never later than now.
    moment = min(_at(day, hour, rng.randint(0, 50)), now)
    services.ctx.clock = lambda: moment
    services.study.record(entry)


def _articles(services: Services, now: dt.datetime, person: PersonItem, year: int, quarter: int, today: dt.date,
              rng: random.Random) -> None:
    """One article in the previous quarter (except the one who missed it), and for about half the
    office one already in the running quarter."""
    chosen = rng.sample(ARTICLES, k=2)
    calendar = services.reference.calendar()
    first, last = quarter_bounds(year, quarter)
    if person.username != NO_ARTICLE:
        day = calendar.next_workday(first + dt.timedelta(days=rng.randint(20, 75)))
        title, where, level = chosen[0]
        _record(services, now, min(day, last), 15, rng, StudyInput(StudyKind.ARTICLE, min(day, last), title,
                                                              organiser=where, level=level))
    q_first = quarter_bounds(today.year, quarter_of(today))[0]
    if rng.random() < 0.5 and (today - q_first).days > 20:
        day = calendar.next_workday(q_first + dt.timedelta(days=rng.randint(10, (today - q_first).days - 5)))
        title, where, level = chosen[1]
        _record(services, now, day, 15, rng, StudyInput(StudyKind.ARTICLE, day, title, organiser=where, level=level))


def _training(services: Services, now: dt.datetime, person: PersonItem, mondays: list[dt.date], today: dt.date,
              rng: random.Random) -> None:
    """The training of the person's own tier, one day of it in the first half of the period."""
    title, organiser, hours = TRAININGS.get(person.tier_code, TRAININGS["staff"])
    day = services.reference.calendar().next_workday(mondays[len(mondays) // 3] + dt.timedelta(days=1))
    if day < today:
        _record(services, now, day, 18, rng, StudyInput(StudyKind.TRAINING, day, title, hours=hours,
                                                   organiser=organiser, level=person.tier_code))
