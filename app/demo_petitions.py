"""Demo pairings (结对消访) for the demo office: each leader with one long-standing petitioner.

Four land disputes of the kind township offices inherit — a homestead boundary, the sharing
of land-requisition compensation, a contract-land readjustment, the ownership of reclaimed
land — with contacts over the year: 孙德明 (主要领导) is in touch every month or two, 张志强
(分管领导) has not been in touch for more than the interval (red in the list), 王晓梅 (所长)
resolved hers by agreement in September and took on a new one in October. Dates count back
from ``today`` so the story reads the same whenever the demo is made. Made through
PetitionService only, acting as the leaders, with the clock set to each moment.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.petitions import ContactInput, PetitionInput
from app.validators import resident_id_check_char


@dataclass(frozen=True)
class _Contact:
    days_ago: int
    form: str
    content: str
    outcome: str
    next_step: str = ""
    participants: str = ""


@dataclass(frozen=True)
class _Story:
    leader: str  # display name of the demo leader
    petitioner: str
    birth: str  # yyyymmdd, for a made-up resident ID with a valid check digit
    village: str
    address: str
    subject: str
    history: str
    first_petition: dt.date
    paired_days_ago: int
    contacts: tuple[_Contact, ...]
    closing: tuple[int, str, str] | None = None  # (days ago, resolution kind code, resolution)


STORIES: tuple[_Story, ...] = (
    _Story(
        leader="孙德明", petitioner="赵德胜", birth="19560412", village="东王村", address="示例镇东王村三组18号",
        subject="宅基地界址纠纷",
        history="2018年翻建房屋时与东邻赵某因宅基地界址发生争议，认为2019年宅基地确权时东侧界桩向其院内偏移约0.6米；"
                "先后到镇政府、县信访局、市信访局反映12次，县局曾书面答复维持确权结果。",
        first_petition=dt.date(2018, 6, 12), paired_days_ago=312,
        contacts=(
            _Contact(305, "visit", "到赵德胜家中听取诉求，查看东侧院墙和界桩现状，调阅2019年确权地籍图。",
                     "信访人情绪激动，坚持界桩被移动；同意由县测绘队重新放样。", "联系县不动产登记中心安排复测。",
                     "东王村支部书记赵建国、包村干部刘建军"),
            _Contact(254, "talk", "约信访人及东邻赵某到所里，与县测绘队共同解释确权测量方法和误差。",
                     "双方同意以现场复测结果为准。", "3月内完成现场复测。", "县测绘队李工、东王村支部书记赵建国"),
            _Contact(189, "visit", "县测绘队现场复测，双方及村干部到场见证。",
                     "复测界址点与确权图一致，偏差在允许范围内；信访人对结果仍有疑虑。", "请村调委会做邻里调解。",
                     "县测绘队李工、村调委会主任"),
            _Contact(95, "phone", "电话回访，了解邻里调解进展。", "东邻同意让出院墙外0.3米通道，信访人态度缓和。",
                     "促成双方签订通道使用协议。"),
            _Contact(26, "visit", "上门走访，送达复测成果复印件，商量通道协议文本。", "信访人表示协议签订后不再上访。",
                     "年底前组织双方签订协议。", "包村干部刘建军"),
        ),
    ),
    _Story(
        leader="张志强", petitioner="钱玉兰", birth="19680925", village="西李庄村", address="示例镇西李庄村五组6号",
        subject="征地补偿分配",
        history="2012年省道改建征收西李庄村五组集体土地，组内分配土地补偿款时以其出嫁为由未分给本人份额；"
                "多次到县、市上访，要求按组内成员同等分配。",
        first_petition=dt.date(2013, 3, 5), paired_days_ago=276,
        contacts=(
            _Contact(266, "visit", "上门听取诉求，核对其户籍迁移和承包地情况。",
                     "信访人户籍一直在本组，二轮承包地仍由其耕种，诉求有一定依据。", "调取当年分配方案和村民会议记录。",
                     "西李庄村委会主任"),
            _Contact(222, "talk", "约谈五组组长，了解当年分配方案的表决过程。", "组长承认未书面通知信访人参加会议。",
                     "建议村委会重新召开组民会议。", "镇经管站工作人员"),
            _Contact(137, "phone", "电话告知组民会议筹备情况。", "信访人同意等待会议结果，暂不去县上访。"),
            _Contact(69, "letter", "书面答复：依据《农村土地承包法》和本组成员资格认定结果，建议组内重新分配。",
                     "信访人收到答复，表示等村里落实。", "督促村委会两个月内召开会议。"),
        ),
    ),
    _Story(
        leader="王晓梅", petitioner="孙桂芝", birth="19610307", village="北岭村", address="示例镇北岭村二组21号",
        subject="承包地调整",
        history="二轮延包时承包地被调整减少1.2亩，认为调整时未经本人同意；2015年以来多次到镇、县反映。",
        first_petition=dt.date(2015, 9, 10), paired_days_ago=312,
        contacts=(
            _Contact(298, "visit", "上门了解承包地调整经过，查看承包合同和经营权证。",
                     "合同面积与实际耕种面积相差1.2亩属实。", "调取村里二轮延包调整档案。", "北岭村支部书记"),
            _Contact(205, "talk", "约信访人与村委会一起核对调整档案。",
                     "档案显示调整出的1.2亩用于村道建设，未给予补偿。", "村委会研究以机动地补足或给予补偿。",
                     "北岭村委会主任、镇经管站"),
            _Contact(64, "visit", "上门协商补偿方案。", "双方同意以村机动地1.2亩补足，并签订书面协议。"),
        ),
        closing=(58, "agreement",
                 "经三次协调，村委会以村机动地1.2亩补足信访人承包地，双方签订书面协议并变更承包合同；"
                 "信访人在协议上签字承诺不再就此事上访。"),
    ),
    _Story(
        leader="王晓梅", petitioner="周凤英", birth="19590716", village="南河头村", address="示例镇南河头村四组9号",
        subject="复垦土地权属",
        history="2016年村内废弃砖瓦窑复垦为耕地后，由村集体发包给他人耕种；信访人称该地块原为其家自留地，要求返还。",
        first_petition=dt.date(2017, 4, 20), paired_days_ago=44,
        contacts=(
            _Contact(38, "visit", "上门听取诉求，查看复垦地块位置和四至。", "信访人提供了1983年自留地分配记录复印件。",
                     "调取复垦项目档案和土地利用现状图。", "南河头村支部书记"),
            _Contact(11, "talk", "约谈村委会和现承包人，核对复垦项目立项时的权属调查结论。",
                     "权属调查表记载为集体建设用地，与信访人所持记录不一致。", "请县局权籍调查科协助核实。"),
        ),
    ),
)


def _resident_id(birth: str, rng: random.Random) -> str:
    body = f"370702{birth}{rng.randint(100, 999)}"
    return body + resident_id_check_char(body)


def fill_demo_petitions(services: Services, today: dt.date, rng: random.Random) -> None:
    """Register the demo pairings, their contacts and the one resolution (skipped if any exist)."""
    petitions = services.petitions
    if petitions.pairings(None):
        return
    leaders = {p.display_name: p.id for p in petitions.leaders()}
    head = leaders.get("王晓梅") or next(iter(leaders.values()), None)
    if head is None:
        return
    ctx = services.ctx
    real_clock, real_user = ctx.clock, ctx.user_id

    @contextmanager
    def at(days_ago: int, hour: int, user: object) -> Iterator[None]:
        day = today - dt.timedelta(days=days_ago)
        moment = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 50)), LOCAL_TZ).astimezone(dt.UTC)
        ctx.clock = lambda: moment
        ctx.user_id = user  # type: ignore[assignment]
        yield

    try:
        for story in STORIES:
            leader = leaders.get(story.leader, head)
            with at(story.paired_days_ago, 9, head):
                case = petitions.register(PetitionInput(
                    petitioner=story.petitioner, subject=story.subject, leader_id=leader,
                    id_number=_resident_id(story.birth, rng), phone=f"139{rng.randint(0, 99999999):08d}",
                    address=story.address, village=story.village, history=story.history,
                    first_petition_on=story.first_petition)).case
            for contact in story.contacts:
                with at(contact.days_ago, 16, leader):
                    petitions.log_contact(case.id, ContactInput(
                        on_date=today - dt.timedelta(days=contact.days_ago), form=contact.form,
                        content=contact.content, outcome=contact.outcome, leader_id=leader,
                        participants=contact.participants, next_step=contact.next_step))
            if story.closing is not None:
                days_ago, kind, resolution = story.closing
                with at(days_ago, 10, leader):
                    petitions.close(case.id, kind, resolution)
    finally:
        ctx.clock, ctx.user_id = real_clock, real_user


__all__ = ["STORIES", "fill_demo_petitions"]
