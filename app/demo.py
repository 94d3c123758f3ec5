"""A demo office with a few hundred realistic cases, made through the real services.

Used by ``landdesk --demo`` (so a new user sees a living office), by the
README screenshots and by the benchmarks. Every case goes through the intake
service and then along its catalogue routing (签收, 意见, 传办, 集体会审, 补正,
办结) with a moving clock, so audit and change logs are as real as the cases. Names, ids and phones are generated (with valid check digits); they
belong to nobody.

``make_demo_office`` is what ``landdesk demo`` and ``landdesk --demo`` run: it decides before
writing anything whether the demo can be filled (``demo_refusal``) — into a database with no
office yet, or one holding only the demo office and its first user — and refuses otherwise,
because the demo's stories assume its own office, staff and an empty record.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import random
import uuid
from collections.abc import Callable, Generator
from dataclasses import dataclass, field

from app.dto import Role, RoutingStepSpec, Tier
from app.errors import LanddeskError
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.inquiries import Channel, Handling, InquiryInput
from app.services.intake import ApplicantInput, IntakeForm, MaterialStatus, MaterialTick
from app.services.office import OfficeInput
from app.services.ratings import RatingLevel
from app.services.reference import MatterItem
from app.services.routing import CaseResult, PauseKind, can_complete_at, step_roles
from app.services.users import DEMO_PASSWORD
from app.validators import resident_id_check_char, uscc_check_char

DEMO_OFFICE = OfficeInput(
    name="示例镇自然资源所",
    code="370702101",
    county="示例县自然资源局",
    address="示例镇人民路88号便民服务中心一楼",
    phone="0536-8123456",
    complaint_phone="12345",
    reconsideration_body="示例县人民政府",
    court="示例县人民法院",
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华玉兰志强春梅海燕红梅国庆文华德明建国淑珍凤英小红晓东学军振华永刚立新"
VILLAGES = ["东王村", "西李庄村", "南河头村", "北岭村", "前进村", "后屯村", "大柳树村", "小店子村", "杨家埠村", "石桥村"]
COMPANIES = ["示例县恒达建材有限公司", "示例镇绿源农业专业合作社", "示例县宏远石料有限公司", "示例县金土地测绘有限公司"]
REFUSAL_REASONS = [
    "申请事项不属于本机关职权范围，请向县自然资源局不动产登记中心申请",
    "申请人不具备申请资格：申请人非本集体经济组织成员",
    "申请的地块位于永久基本农田保护范围内，依法不得申请",
]


def random_resident_id(rng: random.Random, today: dt.date) -> str:
    birth = today - dt.timedelta(days=rng.randint(20 * 365, 75 * 365))
    body = f"370702{birth:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + resident_id_check_char(body)


def random_uscc(rng: random.Random) -> str:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91370702" + "".join(rng.choice(chars) for _ in range(9))
    return body + uscc_check_char(body)


def random_mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}"


@dataclass
class DemoClock:
    """A clock the demo moves through past working days, so cases get realistic dates."""

    now: dt.datetime

    def __call__(self) -> dt.datetime:
        return self.now


# The office's staff besides 王晓梅 (its first user: administrator, window clerk and 所长).
DEMO_STAFF: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("lina", "李娜", (Role.WINDOW_CLERK,)),
    ("liujj", "刘建军", (Role.HANDLER,)),
    ("chenj", "陈静", (Role.HANDLER,)),
    ("zhangzq", "张志强", (Role.DEPUTY_LEADER,)),
    ("sundm", "孙德明", (Role.LEADER,)),
)

# A case's story yields the moment it wants to act next; the scheduler sets the clock to that
# moment (in time order across all cases) and resumes it, so the logs run forward in time.
Story = Generator[dt.datetime, None, None]


@dataclass
class _Demo:
    services: Services
    rng: random.Random
    days: list[dt.date]  # working days of the demo period, oldest first
    today: dt.date
    staff: dict[Role, list[uuid.UUID]]
    made: int = 0
    completed: list[uuid.UUID] = field(default_factory=list)

    def moment(self, index: int, minutes_after_8: int) -> dt.datetime:
        """Working day ``index`` (may be past the last day: the story then stops) at 8:00 + minutes."""
        if index >= len(self.days):
            return dt.datetime.max.replace(tzinfo=dt.UTC)
        local = dt.datetime.combine(self.days[index], dt.time(8, 0), LOCAL_TZ)
        return (local + dt.timedelta(minutes=min(max(minutes_after_8, 0), 9 * 60))).astimezone(dt.UTC)

    def act_as(self, user_id: uuid.UUID) -> None:
        self.services.ctx.user_id = user_id

    def someone(self, role: Role) -> uuid.UUID:
        people = [u for r in step_roles(role) for u in self.staff.get(r, [])]
        return self.rng.choice(people)


def _ensure_staff(services: Services) -> dict[Role, list[uuid.UUID]]:
    known = {u.username for u in services.users.list_users()}
    for username, name, roles in DEMO_STAFF:
        if username not in known:
            services.users.create_user(username, name, roles, DEMO_PASSWORD, must_change_password=False)
    staff: dict[Role, list[uuid.UUID]] = {}
    for u in services.users.list_users():
        if u.active:
            for role in u.roles:
                staff.setdefault(role, []).append(u.id)
    return staff


class DemoRefused(LanddeskError):
    """The demo cannot be filled into this database; nothing has been written."""


# Tables that may hold rows before the demo is filled: the reference data the program loads by
# itself (catalogue, holiday calendar), the logs of those loads, settings, the office's own sync
# keys, and the demo office with its first user. Rows in any other table are someone's records.
_ALLOWED_BEFORE_DEMO = frozenset({
    "catalog_version", "matter", "material_requirement", "holiday", "calendar_year",
    "audit_log", "audit_head", "change_log", "setting", "sync_key", "office", "app_user",
})
# How the records that stand in the demo's way are named to the user.
_RECORD_NAMES = {
    "case_file": "申请", "inquiry": "首问登记", "work_target": "目标任务", "task_package": "任务包",
    "study_record": "学习记录", "petition_case": "信访件", "assessment_entry": "考核记录",
    "supervision_notice": "督办单", "service_rating": "评价", "sync_batch": "同步批次",
    "sync_peer": "已登记的公钥",
}
_NEW_DATABASE_HINT = ("请换一个新的数据库再生成演示数据：命令行加上 --db 一个新文件（如 --db 演示.sqlite3），"
                      "或用 --data-dir 指定一个新的空文件夹。")


def demo_refusal(services: Services, *, cases: int = 300) -> str | None:
    """Why the demo cannot be filled into this database (None: it can), decided before any write.

    It can go ahead on a database with no office and no records yet, or one holding only the
    demo office (``DEMO_OFFICE``) with its first user 王晓梅 and nothing else — as the first run
    of ``landdesk --demo`` leaves it. Anything else (another office, a county, a demo filled
    already) would mix the demo into real records or repeat what is there, and the demo's
    stories fail part-way on data they do not expect.
    """
    from sqlalchemy import func, select

    from app.models import Base, Office, User

    if cases < 0:
        return f"演示申请件数不能为负数（--cases {cases}），请给出 0 或更大的数。"
    path = services.ctx.db.sqlite_path
    where = f"数据库 {path} " if path is not None else "这个数据库"
    with services.ctx.reading() as s:
        offices = list(s.scalars(select(Office).order_by(Office.created_at)))
        users = list(s.scalars(select(User).order_by(User.created_at)))
        counts = {t.name: s.scalar(select(func.count()).select_from(t)) or 0
                  for t in Base.metadata.sorted_tables if t.name not in _ALLOWED_BEFORE_DEMO}
    others = [o for o in offices
              if (o.code, o.name, o.is_county) != (DEMO_OFFICE.code, DEMO_OFFICE.name, False)]
    if others:
        o = others[0]
        kind = "县局" if o.is_county else "乡镇所"
        return (f"{where}已设置为“{o.name}”（{kind}，单位代码 {o.code}），不是演示单位“{DEMO_OFFICE.name}”"
                f"（{DEMO_OFFICE.code}）。演示数据只生成在新的空数据库里，以免和真实数据混在一起；"
                f"本次没有写入任何数据。{_NEW_DATABASE_HINT}")
    records = [f"{label} {counts[name]} 条" for name, label in _RECORD_NAMES.items() if counts.get(name)]
    if not records and any(counts.values()):
        records.append(f"其他记录 {sum(counts.values())} 条")
    if len(users) > 1:
        records.insert(0, f"用户 {len(users)} 名")
    elif users and (users[0].username, users[0].display_name) != ("wangxm", "王晓梅"):
        records.insert(0, f"用户“{users[0].display_name}”（{users[0].username}）")
    if records:
        first = "、".join(records[:4]) + ("等" if len(records) > 4 else "")
        return (f"{where}里已经有数据（{first}），演示数据会和这些记录重复或冲突、中途出错；"
                f"本次没有写入任何数据。已有的数据请直接打开这个数据库查看（landdesk --db 同一个文件）；"
                f"{_NEW_DATABASE_HINT}")
    return None


def make_demo_office(services: Services, *, cases: int = 300,
                     progress: Callable[[int, int], None] | None = None) -> int:
    """``landdesk demo`` / ``--demo``: refuse (``DemoRefused``) before any write when the demo
    cannot be filled here, else fill the cases and the office's management records."""
    problem = demo_refusal(services, cases=cases)
    if problem is not None:
        raise DemoRefused(problem)
    made = fill_demo(services, cases=cases, progress=progress)
    fill_demo_management(services)
    return made


def fill_demo(services: Services, *, cases: int = 300, seed: int = 20261123, weeks: int = 8,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Create the demo office (if needed), its staff and ``cases`` applications, and move the
    accepted ones along their routing as the days pass: most older cases are completed, recent
    ones wait at some step, a few run late. Returns the number of applications made."""
    rng = random.Random(seed)
    real_clock = services.ctx.clock
    if services.office.needs_setup():
        services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                      password=DEMO_PASSWORD)
    first_user = services.ctx.user_id
    assert first_user is not None
    staff = _ensure_staff(services)
    calendar = services.reference.calendar()
    now = real_clock()
    today = now.astimezone(LOCAL_TZ).date()
    # By default eight weeks of working days: old enough for completed cases, recent enough
    # that the open ones fall due around today. (A year for the sync round trip's townships.)
    days: list[dt.date] = []
    day = today - dt.timedelta(weeks=weeks)
    while day <= today:
        if calendar.is_workday(day):
            days.append(day)
        day += dt.timedelta(days=1)
    demo = _Demo(services, rng, days, today, staff)
    matters = services.reference.matters()
    clock = DemoClock(now)
    services.ctx.clock = clock
    queue: list[tuple[dt.datetime, int, Story]] = []
    order = itertools.count()

    def schedule(story: Story) -> None:
        try:
            moment = next(story)
        except StopIteration:
            return
        # A story never goes back in time (a step signed for "at 8:30" after a 15:00 acceptance
        # is signed for at 15:00).
        moment = max(moment, clock.now)
        if moment <= now:
            heapq.heappush(queue, (moment, next(order), story))
        else:
            story.close()

    clock.now = dt.datetime.min.replace(tzinfo=dt.UTC)
    try:
        for i in range(cases):
            local = dt.datetime.combine(days[int(len(days) * i / max(cases, 1))], dt.time(8, 30),
                                        LOCAL_TZ) + dt.timedelta(minutes=rng.randint(0, 8 * 60))
            # Never in the future: today's cases are spread over the hours already passed.
            at = min(local.astimezone(dt.UTC), now - dt.timedelta(minutes=cases - i))
            # The oldest few cover every outcome, so even a small demo (the samples, the tests)
            # has one of each; after them the mix is random.
            outcome = FIRST_OUTCOMES[i] if i < len(FIRST_OUTCOMES) else rng.random()
            schedule(_case_story(demo, rng.choice(matters), at, first_user, outcome))
        for i in range(cases // 6):  # calls and visits that are not applications (首问登记)
            index = int(len(days) * i / max(cases // 6, 1))
            at = demo.moment(index, rng.randint(30, 8 * 60))
            schedule(_inquiry_story(demo, [m.name for m in matters], min(at, now - dt.timedelta(minutes=i))))
        while queue:
            before = demo.made
            clock.now, _, story = heapq.heappop(queue)
            schedule(story)
            if progress and demo.made != before:
                progress(demo.made, cases)
        clock.now = now
        services.ctx.user_id = first_user
        _ratings_and_notices(demo, first_user)
    finally:
        services.ctx.clock = real_clock
        services.ctx.user_id = first_user
    return demo.made


def _applicant(rng: random.Random, today: dt.date) -> ApplicantInput:
    if rng.random() < 0.12:
        return ApplicantInput(
            kind="organisation", name=rng.choice(COMPANIES), id_type="uscc", id_number=random_uscc(rng),
            phone=random_mobile(rng), address="示例镇工业园区", legal_rep=rng.choice(SURNAMES) + rng.choice(GIVEN),
        )
    village = rng.choice(VILLAGES)
    return ApplicantInput(
        kind="person", name=rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else ""),
        id_type="resident_id", id_number=random_resident_id(rng, today), phone=random_mobile(rng),
        address=f"示例镇{village}{rng.randint(1, 300)}号", village=village,
    )


# Outcome rolls: below 0.15 one-time notice, then refusal (< 0.19), received for a later decision
# (< 0.23), accepted.
FIRST_OUTCOMES = (0.5, 0.1, 0.17, 0.2, 0.6)


def _case_story(demo: _Demo, matter: MatterItem, at: dt.datetime, first_user: uuid.UUID,
                roll: float) -> Story:
    services, rng = demo.services, demo.rng
    yield at
    # Most applications are taken by 王晓梅, some by the second window clerk.
    clerk = first_user if rng.random() < 0.7 else demo.someone(Role.WINDOW_CLERK)
    demo.act_as(clerk)
    applicant = _applicant(rng, demo.today)
    ticks = []
    for m in matter.materials:
        if not m.required and rng.random() < 0.6:
            ticks.append(MaterialTick(m.code, MaterialStatus.NOT_APPLICABLE))
        else:
            ticks.append(MaterialTick(m.code, MaterialStatus.RECEIVED, m.copies))
    form = IntakeForm(
        matter_code=matter.code, applicant=applicant, green_channel=rng.random() < 0.05,
        location=f"示例镇{applicant.village or '工业园区'}", summary=matter.name,
        area=f"{rng.randint(80, 400)}" if "宅基地" in matter.name else "",
        materials=ticks,
    )
    demo.made += 1
    if roll < 0.15:
        required = [t for t in ticks if t.status is MaterialStatus.RECEIVED]
        for t in rng.sample(required, k=min(len(required), rng.randint(1, 3))):
            if rng.random() < 0.5:
                t.status, t.copies_received = MaterialStatus.MISSING, 0
            else:
                t.status, t.problem = MaterialStatus.DEFECTIVE, rng.choice(
                    ["复印件不清晰，无法辨认", "缺少村委会盖章", "签名与身份证姓名不一致", "图件未标注四至"])
        services.intake.notify_incomplete(form)
        return
    if roll < 0.19:
        services.intake.refuse(form, rng.choice(REFUSAL_REASONS))
        return
    if roll < 0.23:
        services.intake.receive(form)
        return
    case_id = services.intake.accept(form).case_id
    yield from _route(demo, matter, case_id, clerk, at)


def _inquiry_story(demo: _Demo, matter_names: list[str], at: dt.datetime) -> Story:
    services, rng = demo.services, demo.rng
    yield at
    word, question, handling, outcome = rng.choice(QUESTIONS)
    matter_name = next((name for name in matter_names if word in name), "")
    forwarded = handling == "转办"
    village = rng.choice(VILLAGES)
    officer = rng.choice(demo.staff[Role.WINDOW_CLERK])
    demo.act_as(officer)
    inquiry_id = services.inquiries.log(InquiryInput(
        channel=rng.choice([Channel.PHONE, Channel.VISIT]).value,
        asker=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
        address=f"示例镇{village}", phone=random_mobile(rng), matter=matter_name, question=question,
        handling=(Handling.FORWARDED if forwarded else Handling.ANSWERED).value,
        forwarded_to=rng.choice(FORWARD_TO) if forwarded else "",
        outcome="" if forwarded else outcome,
    ))
    if forwarded:  # the outcome comes back a few days later
        yield demo.moment(demo.days.index(at.astimezone(LOCAL_TZ).date()) + rng.randint(1, 4),
                          rng.randint(60, 8 * 60))
        demo.act_as(officer)
        services.inquiries.close(inquiry_id, outcome)


def _route(demo: _Demo, matter: MatterItem, case_id: uuid.UUID, clerk: uuid.UUID,
           accepted: dt.datetime) -> Story:
    """Walk the catalogue steps: each holder signs for the case, gives an opinion and sends it
    on within (usually) the step's time limit; the last step completes it."""
    rng, routing = demo.rng, demo.services.routing
    day = demo.days.index(accepted.astimezone(LOCAL_TZ).date())
    minutes = int((accepted.astimezone(LOCAL_TZ) - dt.datetime.combine(
        accepted.astimezone(LOCAL_TZ).date(), dt.time(8, 0), LOCAL_TZ)).total_seconds() // 60)
    first = routing.state(case_id)
    plan: tuple[RoutingStepSpec, ...] = first.plan
    holder = clerk
    # About one case in ten is slow at one step (the overdue list must have something to show);
    # a few important or major cases are paused for 补正 along the way.
    slow_step = rng.randrange(len(plan)) if rng.random() < 0.1 else -1
    pause_step = 1 if first.tier is not Tier.GENERAL and len(plan) > 2 and rng.random() < 0.08 else -1
    position = 0
    signed_for = True  # the window step is signed for at acceptance
    while True:
        spec = plan[position]
        if not signed_for:
            day, minutes = day + (rng.random() < 0.4), rng.randint(0, 120)
            yield demo.moment(day, minutes)
            demo.act_as(holder)
            routing.receive(case_id)
        if position == pause_step:
            minutes += 30
            yield demo.moment(day, minutes)
            demo.act_as(holder)
            routing.pause(case_id, PauseKind.SUPPLEMENT, "宗地界址图四至与现场不符，通知申请人补正",
                          start=demo.days[day])
            day += rng.randint(2, 4)
            yield demo.moment(day, 60)
            demo.act_as(holder)
            routing.resume(case_id, demo.days[day - 1])
        limit = max(spec.time_limit_days, 0)
        took = rng.randint(0, limit) if position != slow_step else limit + rng.randint(1, 4)
        day, minutes = day + took, rng.randint(30, 8 * 60) if took else minutes + rng.randint(20, 90)
        yield demo.moment(day, minutes)
        demo.act_as(holder)
        if spec.role is Role.COLLECTIVE:
            routing.record_collective_review(
                case_id, demo.days[day], "孙德明、张志强、王晓梅、刘建军", "agree",
                "经集体研究，该宗用地符合村庄规划和用地标准，同意上报审批。")
        if can_complete_at(plan, spec.order):
            refused = rng.random() < 0.08
            routing.complete(
                case_id, CaseResult.NOT_APPROVED if refused else CaseResult.APPROVED,
                "经审查，申请地块不符合村庄规划，不予批准。" if refused
                else f"经审查，申请符合规定，准予办理{matter.name}。")
            demo.completed.append(case_id)
            return
        if spec.role is not Role.COLLECTIVE:
            routing.record_opinion(case_id, rng.choice(OPINIONS), "agree")
        position += 1
        nxt = plan[position]
        receiver = holder if step_roles(nxt.role) & _roles(demo, holder) else demo.someone(nxt.role)
        routing.send(case_id, receiver)
        signed_for = receiver == holder
        holder = receiver


# Calls and visits: (a word of the matter's name, question, handling, outcome). The matter is
# found in the catalogue by that word, so no matter name is written here.
QUESTIONS = (
    ("宅基地", "申请宅基地需要准备哪些材料，多长时间能批下来", "当场答复", "已告知所需材料清单和承诺时限，发放办事指南"),
    ("宅基地", "咨询老宅翻建是否需要重新审批", "当场答复", "已说明原址翻建须按新申请办理宅基地审批"),
    ("违法", "反映邻居建房占用其承包地", "转办", "已转执法中队核查，责令停止施工"),
    ("不动产", "询问不动产登记办理进度", "当场答复", "已查询，告知在县登记中心审核中"),
    ("设施农业", "咨询大棚看护房是否需要备案", "当场答复", "已告知备案条件和所需材料"),
    ("违法", "反映村东砖厂取土破坏耕地", "转办", "执法中队已到现场查看并立案"),
    ("临时用地", "咨询临时用地到期后如何复垦", "当场答复", "已告知复垦方案和验收程序"),
    ("争议", "反映与邻村地界不清，要求调处", "转办", "已转调处小组，约定下周到现场"),
)
# To whom a matter that cannot be answered at the window is forwarded.
FORWARD_TO = ("执法中队", "县不动产登记中心", "村建办")

OPINIONS = ("材料齐全，符合规定，同意", "经实地核查，四至清楚，同意报批", "情况属实，拟同意",
            "同意，请按程序办理", "审核无误，同意")


def _roles(demo: _Demo, user_id: uuid.UUID) -> set[Role]:
    return {role for role, people in demo.staff.items() if user_id in people}


def _ratings_and_notices(demo: _Demo, first_user: uuid.UUID) -> None:
    """Ratings on some completed cases (one bad, with its follow-up open) and a supervision
    notice from the leader on the most overdue case."""
    services, rng = demo.services, demo.rng
    for n, case_id in enumerate(demo.completed[: max(len(demo.completed) // 4, 0)]):
        level = RatingLevel.VERY_SATISFIED if rng.random() < 0.8 else RatingLevel.SATISFIED
        if n == 3:
            level = RatingLevel.DISSATISFIED
        services.ratings.rate(level, "等了很久，窗口答复不清楚" if level.needs_follow_up else "",
                              case_id=case_id)
    leaders = demo.staff.get(Role.LEADER, [])
    for row in services.routing.office_overdue(limit=5):
        holder = services.routing.state(row.case_id).holder_id
        if leaders and holder is not None and holder not in leaders:
            demo.act_as(leaders[0])
            services.supervision.issue(row.case_id, holder,
                                       "该件已超过办理时限，请说明原因并于期限内办结", reply_days=2)
            demo.act_as(first_user)
            break


def fill_demo_management(services: Services, *, seed: int = 20261123) -> None:
    """The demo office's 精细化管理 records: targets, task packages, study records and
    petition pairings, made through the services as the demo staff (after ``fill_demo``)."""
    from app.demo_packages import fill_demo_packages
    from app.demo_petitions import fill_demo_petitions
    from app.demo_study import fill_demo_study
    from app.demo_targets import fill_demo_targets

    rng = random.Random(seed)
    today = services.ctx.today()
    first_user = services.ctx.user_id
    try:
        fill_demo_targets(services, today, rng)  # before the packages, which count towards them
        fill_demo_packages(services, today, rng)
        fill_demo_study(services, today, rng)
        fill_demo_petitions(services, today, rng)
    finally:
        services.ctx.user_id = first_user
