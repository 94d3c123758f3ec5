"""A demo office with a few hundred realistic cases, made through the real services.

Used by ``landdesk --demo`` (so a new user sees a living office), by the
README screenshots and by the benchmarks. Every case goes through the intake
service with a moving clock, so audit and change logs are as real as the
cases. Names, ids and phones are generated (with valid check digits); they
belong to nobody.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.intake import ApplicantInput, IntakeForm, MaterialStatus, MaterialTick
from app.services.office import OfficeInput
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


def fill_demo(services: Services, *, cases: int = 300, seed: int = 20261123,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Create the demo office (if needed) and ``cases`` applications. Returns cases made."""
    rng = random.Random(seed)
    real_clock = services.ctx.clock
    if services.office.needs_setup():
        services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                      password=DEMO_PASSWORD)
    calendar = services.reference.calendar()
    today = real_clock().astimezone(LOCAL_TZ).date()
    # Working days of the last four weeks, oldest first, so deadlines fall around today
    # (cases cannot be completed until routing exists, so an older demo would be all overdue).
    days: list[dt.date] = []
    day = today - dt.timedelta(days=28)
    while day <= today:
        if calendar.is_workday(day):
            days.append(day)
        day += dt.timedelta(days=1)
    matters = services.reference.matters()
    clock = DemoClock(real_clock())
    services.ctx.clock = clock
    made = 0
    try:
        for i in range(cases):
            day = days[int(len(days) * i / max(cases, 1))]
            local = dt.datetime.combine(day, dt.time(8, 30), LOCAL_TZ) + dt.timedelta(
                minutes=rng.randint(0, 8 * 60))
            # Never in the future: today's cases are spread over the hours already passed.
            clock.now = min(local.astimezone(dt.UTC), real_clock() - dt.timedelta(minutes=cases - i))
            _one_case(services, rng, rng.choice(matters), today)
            made += 1
            if progress:
                progress(made, cases)
    finally:
        services.ctx.clock = real_clock
    return made


def _one_case(services: Services, rng: random.Random, matter, today: dt.date) -> None:  # type: ignore[no-untyped-def]
    organisation = rng.random() < 0.12
    if organisation:
        applicant = ApplicantInput(
            kind="organisation", name=rng.choice(COMPANIES), id_type="uscc", id_number=random_uscc(rng),
            phone=random_mobile(rng), address="示例镇工业园区", legal_rep=rng.choice(SURNAMES) + rng.choice(GIVEN),
        )
    else:
        village = rng.choice(VILLAGES)
        applicant = ApplicantInput(
            kind="person", name=rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else ""),
            id_type="resident_id", id_number=random_resident_id(rng, today), phone=random_mobile(rng),
            address=f"示例镇{village}{rng.randint(1, 300)}号", village=village,
        )
    roll = rng.random()
    ticks = []
    for m in matter.materials:
        if not m.required and rng.random() < 0.6:
            ticks.append(MaterialTick(m.code, MaterialStatus.NOT_APPLICABLE))
        else:
            ticks.append(MaterialTick(m.code, MaterialStatus.RECEIVED, m.copies))
    green = rng.random() < 0.05
    form = IntakeForm(
        matter_code=matter.code, applicant=applicant, green_channel=green,
        location=f"示例镇{applicant.village or '工业园区'}", summary=matter.name,
        area=f"{rng.randint(80, 400)}" if "宅基地" in matter.name else "",
        materials=ticks,
    )
    if roll < 0.15:
        required = [t for t in ticks if t.status is MaterialStatus.RECEIVED]
        for t in rng.sample(required, k=min(len(required), rng.randint(1, 3))):
            if rng.random() < 0.5:
                t.status, t.copies_received = MaterialStatus.MISSING, 0
            else:
                t.status, t.problem = MaterialStatus.DEFECTIVE, rng.choice(
                    ["复印件不清晰，无法辨认", "缺少村委会盖章", "签名与身份证姓名不一致", "图件未标注四至"])
        services.intake.notify_incomplete(form)
    elif roll < 0.19:
        services.intake.refuse(form, rng.choice(REFUSAL_REASONS))
    elif roll < 0.23:
        services.intake.receive(form)
    else:
        services.intake.accept(form)
