"""Study records (学习监督): recording, the quarterly register, the assessment's shortfalls,
the rules file, the county's read-only view after a sync, and the printed and Excel outputs."""

from __future__ import annotations

import datetime as dt
import io
import random
import uuid
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import update

from app.demo import DEMO_STAFF
from app.demo_study import fill_demo_study
from app.dto import Role
from app.errors import FormErrors, NotFoundError, PermissionDenied
from app.models import StudyRecord, User
from app.printing.study_docs import render_card, render_register
from app.reports.study_excel import write_register_xlsx
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.study import (
    LineStatus,
    StudyInput,
    StudyKind,
    StudyRulesError,
    load_rules,
    parse_rules,
    quarter_weeks,
    rules_path,
    shortfalls,
)
from app.services.users import DEMO_PASSWORD
from tests.props import examples
from tests.sync_support import Pair, pair

_ = pair  # the fixture, imported for pytest

TODAY = dt.date(2026, 11, 23)
JOINED = dt.datetime(2026, 1, 5, 9, 0, tzinfo=LOCAL_TZ)  # everyone's account, unless a test says otherwise


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "").replace("\n", "")


def set_joined(services: Services, user_id: uuid.UUID, moment: dt.datetime) -> None:
    """Account creation time is the database's clock, not the test's: fix it for the test."""
    with services.ctx.db.session() as s, s.begin():
        s.execute(update(User).where(User.id == user_id).values(created_at=moment.astimezone(dt.UTC)))


@pytest.fixture
def office(services: Services) -> dict[str, uuid.UUID]:
    """The demo office's staff (wangxm 所长 plus DEMO_STAFF), all joined on 5 January 2026."""
    for username, name, roles in DEMO_STAFF:
        services.users.create_user(username, name, roles, DEMO_PASSWORD, must_change_password=False)
    people = {u.username: u.id for u in services.users.list_users()}
    for user_id in people.values():
        set_joined(services, user_id, JOINED)
    return people


def study(services: Services, kind: StudyKind, day: dt.date, title: str = "学习土地管理法", *,
          user: uuid.UUID | None = None, **kw: object) -> uuid.UUID:
    entry = StudyInput(kind, day, title, user_id=user, **kw)  # type: ignore[arg-type]
    return services.study.record(entry).id


def full_quarter(services: Services, user: uuid.UUID, year: int, quarter: int, *, hours: str = "2",
                 skip: tuple[dt.date, ...] = (), article: bool = True) -> None:
    """Self-study every week of a quarter (recorded by the 所长 for the person) and one article."""
    for monday in quarter_weeks(year, quarter):
        if monday in skip or monday + dt.timedelta(days=6) >= TODAY:
            continue
        day = services.reference.calendar().next_workday(monday)
        if day > monday + dt.timedelta(days=6):
            day = monday + dt.timedelta(days=6)
        study(services, StudyKind.SELF_STUDY, day, f"第{monday:%W}周自学", user=user, hours=hours)
    if article:
        first_month = 3 * quarter - 2
        study(services, StudyKind.ARTICLE, dt.date(year, first_month + 1, 10), "关于宅基地审批的调研", user=user,
              organiser="县局《国土资源简报》", level="county")


def line_of(register, user_id):  # type: ignore[no-untyped-def]
    return next(x for o in register.offices for x in o.lines if x.person.id == user_id)


# ---------------------------------------------------------------- the rules file


def test_the_shipped_rules_follow_seed_004() -> None:
    rules = load_rules()
    assert rules.weekly_self_study_hours == Decimal(2) and rules.articles_per_quarter == 1
    assert [t.name for t in rules.tiers] == ["领导干部", "中层干部", "普通干部"]
    assert rules.tier_for([Role.LEADER]).name == "领导干部"
    assert rules.tier_for([Role.DEPUTY_LEADER]).name == "领导干部"
    assert rules.tier_for([Role.ADMIN, Role.WINDOW_CLERK, Role.SECTION_CHIEF]).name == "中层干部"
    assert rules.tier_for([Role.HANDLER]).name == "普通干部" and rules.tier_for([]).name == "普通干部"


def test_a_broken_rules_file_names_the_line_and_field() -> None:
    text = rules_path().read_text(encoding="utf-8")
    with pytest.raises(StudyRulesError) as bad:
        parse_rules(text.replace("weekly_self_study_hours = 2.0", 'weekly_self_study_hours = "2"'), "study.toml")
    line = next(i for i, t in enumerate(text.split("\n"), start=1) if t.startswith("weekly_self_study_hours"))
    assert bad.value.line == line and bad.value.field == "rules.weekly_self_study_hours"
    assert "study.toml" in bad.value.message and "数字" in bad.value.message
    with pytest.raises(StudyRulesError, match="未知角色“leadr”。是否想写 leader"):
        parse_rules(text.replace('roles = ["leader", "deputy_leader"]', 'roles = ["leadr"]'), "study.toml")
    with pytest.raises(StudyRulesError, match="hours_step"):
        parse_rules(text.replace("weekly_self_study_hours = 2.0", "weekly_self_study_hours = 1.3"), "study.toml")
    with pytest.raises(StudyRulesError, match="default = true"):
        parse_rules(text.replace("default = true", "default = false"), "study.toml")
    with pytest.raises(StudyRulesError, match="TOML 格式错误"):
        parse_rules(text.replace('name = "领导干部"', "name = 领导干部"), "study.toml")


@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(["weekly_self_study_hours", "articles_per_quarter", "week_min_working_days",
                            "article_min_weeks", "hours_step", "own_entry_days", "max_training_hours"]),
       value=st.one_of(st.integers(-5, 20000), st.floats(allow_nan=True, allow_infinity=True),
                       st.text(max_size=5), st.booleans()))
def test_any_value_in_the_rules_loads_or_is_refused_at_its_field(key: str, value: object) -> None:
    text = rules_path().read_text(encoding="utf-8")
    lines = text.split("\n")
    index = next(i for i, t in enumerate(lines) if t.startswith(f"{key} ="))
    if isinstance(value, bool):
        written = "true" if value else "false"
    elif isinstance(value, str):
        written = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    elif isinstance(value, float):
        written = repr(value).replace("inf", "inf").replace("nan", "nan")
    else:
        written = str(value)
    lines[index] = f"{key} = {written}"
    try:
        rules = parse_rules("\n".join(lines), "study.toml")
    except StudyRulesError as exc:
        # Refused at the field itself, or at one the new value contradicts (a step that no longer
        # divides the weekly hours), or as TOML that does not parse (nan, inf written badly).
        assert exc.file == "study.toml" and (exc.field.startswith("rules.") or exc.field == "toml")
        assert exc.line is not None
        if exc.field == f"rules.{key}":
            assert lines[exc.line - 1].startswith(f"{key} =")
    else:
        assert rules.hours_step > 0 and rules.weekly_self_study_hours >= 0


@settings(max_examples=examples(80), deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_a_rules_file_or_a_clear_error(text: str) -> None:
    try:
        parse_rules(text, "study.toml")
    except StudyRulesError as exc:
        assert exc.message.startswith("学习制度文件 study.toml")


# ---------------------------------------------------------------- recording


def test_a_clerk_records_her_own_self_study_and_sees_it(services: Services, office: dict[str, uuid.UUID]) -> None:
    services.ctx.user_id = office["lina"]
    item = services.study.record(StudyInput(StudyKind.SELF_STUDY, dt.date(2026, 11, 20), "学习不动产登记条例",
                                            hours="1.5"))
    assert item.person == "李娜" and item.hours == Decimal("1.5") and item.recorded_by == "李娜"
    assert [i.title for i in services.study.records()] == ["学习不动产登记条例"]
    assert services.study.week_hours(day=dt.date(2026, 11, 20)) == Decimal("1.5")


def test_every_problem_is_shown_at_its_field(services: Services, office: dict[str, uuid.UUID]) -> None:
    with pytest.raises(FormErrors) as bad:
        services.study.record(StudyInput(StudyKind.SELF_STUDY, TODAY + dt.timedelta(days=1), " ", hours="1.3"))
    fields = bad.value.by_field()
    assert "晚于今天" in fields["on_date"].message and "请填写学习内容" in fields["title"].message
    assert "0.5 小时" in fields["hours"].message
    with pytest.raises(FormErrors) as bad:
        services.study.record(StudyInput(StudyKind.ARTICLE, TODAY, "调研报告"))
    assert set(bad.value.by_field()) == {"organiser", "level"}
    with pytest.raises(FormErrors) as bad:
        services.study.record(StudyInput(StudyKind.TRAINING, TODAY, "业务培训", hours="0", organiser="县局",
                                         level="boss"))
    assert set(bad.value.by_field()) == {"hours", "level"}
    with pytest.raises(FormErrors) as bad:
        services.study.record(StudyInput(StudyKind.CERTIFICATE, TODAY, "职称证书"))
    assert "证书编号" in bad.value.by_field()["certificate_no"].message
    with pytest.raises(FormErrors) as bad:
        services.study.record(StudyInput(StudyKind.SELF_STUDY, TODAY, "通宵学习", hours="9"))
    assert "最多登记 8 小时" in bad.value.by_field()["hours"].message
    study(services, StudyKind.SELF_STUDY, TODAY, "上午自学", hours="6")
    with pytest.raises(FormErrors, match="合计将达 9 小时"):
        study(services, StudyKind.SELF_STUDY, TODAY, "下午自学", hours="3")
    with pytest.raises(FormErrors, match="已登记过同样的自学记录"):
        study(services, StudyKind.SELF_STUDY, TODAY, "上午自学", hours="1")


def test_old_records_and_other_peoples_need_a_leader(services: Services, office: dict[str, uuid.UUID]) -> None:
    services.ctx.user_id = office["lina"]
    with pytest.raises(FormErrors) as bad:
        study(services, StudyKind.SELF_STUDY, TODAY - dt.timedelta(days=40), hours="2")
    assert "30 天以内" in bad.value.by_field()["on_date"].message
    with pytest.raises(PermissionDenied, match="管理学习记录"):
        study(services, StudyKind.SELF_STUDY, TODAY, hours="2", user=office["liujj"])
    services.ctx.user_id = office["sundm"]  # 主要领导
    item_id = study(services, StudyKind.SELF_STUDY, TODAY - dt.timedelta(days=40), hours="2", user=office["lina"])
    assert services.study.record_item(item_id).recorded_by == "孙德明"
    services.ctx.user_id = office["liujj"]
    with pytest.raises(PermissionDenied):
        services.study.withdraw(item_id, "记错了")
    with pytest.raises(PermissionDenied):
        services.study.records(office["lina"])


def test_a_withdrawn_record_stays_on_file_and_counts_for_nothing(services: Services,
                                                                  office: dict[str, uuid.UUID]) -> None:
    services.ctx.user_id = office["lina"]
    day = dt.date(2026, 11, 17)
    item_id = study(services, StudyKind.SELF_STUDY, day, hours="2")
    with pytest.raises(FormErrors, match="必须写明原因"):
        services.study.withdraw(item_id, "  ")
    withdrawn = services.study.withdraw(item_id, "日期记错了")
    assert withdrawn.withdrawn and withdrawn.withdrawn_by == "李娜" and withdrawn.withdraw_reason == "日期记错了"
    with pytest.raises(FormErrors, match="已经撤销过了"):
        services.study.withdraw(item_id, "再撤一次")
    assert [i.withdrawn for i in services.study.records()] == [True]
    assert services.study.week_hours(day=day) == 0
    services.ctx.user_id = office["wangxm"]
    line = line_of(services.study.register(2026, 4), office["lina"])
    assert any(w.monday == dt.date(2026, 11, 16) for w in line.short_weeks)
    with services.ctx.reading() as s:
        assert s.get(StudyRecord, item_id) is not None  # never deleted


# ---------------------------------------------------------------- judging weeks and quarters


def test_one_and_a_half_hours_is_short_two_is_enough(services: Services, office: dict[str, uuid.UUID]) -> None:
    lina, chen = office["lina"], office["chenj"]
    full_quarter(services, lina, 2026, 3, hours="1.5")
    full_quarter(services, chen, 2026, 3, hours="2")
    register = services.study.register(2026, 3)
    short, enough = line_of(register, lina), line_of(register, chen)
    assert short.weeks_judged == 13 and short.weeks_short == 13 and short.status is LineStatus.SHORT
    assert short.short_weeks[0].label == "06.29—07.05（1.5h）"
    assert enough.weeks_short == 0 and enough.articles == 1 and enough.status is LineStatus.MET
    assert enough.self_study_hours == Decimal(26)
    # Two records of one hour in a week are two hours.
    services.ctx.user_id = office["wangxm"]
    with services.ctx.reading() as s:
        before = shortfalls(s, [services.ctx.office_id], 2026, TODAY)[services.ctx.office_id]  # type: ignore[index]
    study(services, StudyKind.SELF_STUDY, dt.date(2026, 7, 1), "补记一", hours="0.5", user=lina)
    with services.ctx.reading() as s:
        after = shortfalls(s, [services.ctx.office_id], 2026, TODAY)[services.ctx.office_id]  # type: ignore[index]
    assert after.weeks_short == before.weeks_short - 1


def test_the_spring_festival_week_is_not_judged(services: Services, office: dict[str, uuid.UUID]) -> None:
    user = office["liujj"]
    spring_festival = dt.date(2026, 2, 16)  # 16–20 February 2026 are all holidays
    full_quarter(services, user, 2026, 1, skip=(spring_festival,))
    register = services.study.register(2026, 1)
    line = line_of(register, user)
    week = next(w for w in register.weeks if w.monday == spring_festival)
    assert week.working_days == 0
    assert line.weeks_judged == len(register.weeks) - 1 and line.weeks_short == 0
    assert line.status is LineStatus.MET
    assert "02.16—02.22（工作日0天）" in pdf_text(render_register(register))


def test_a_quarter_not_yet_over_leaves_the_article_pending(services: Services,
                                                           office: dict[str, uuid.UUID]) -> None:
    user = office["chenj"]
    full_quarter(services, user, 2026, 4, article=False)
    register = services.study.register(2026, 4)
    line = line_of(register, user)
    assert not register.ended and line.weeks_judged == 8  # Sep 28 … Nov 16; this week is not over
    assert line.articles_required == 1 and not line.article_short and line.status is LineStatus.PENDING
    office_id = services.ctx.office_id
    assert office_id is not None
    with services.ctx.reading() as s:
        found = shortfalls(s, [office_id], 2026, TODAY)
    # Q1–Q3: six people without an article each (only 陈静 recorded anything, and only in Q4);
    # Q4's missing article is not counted while the quarter runs.
    assert found[office_id].articles_short == 3 * 6


def test_weeks_before_joining_are_not_counted(services: Services, office: dict[str, uuid.UUID]) -> None:
    newcomer = office["chenj"]
    set_joined(services, newcomer, dt.datetime(2026, 9, 3, 9, 0, tzinfo=LOCAL_TZ))  # a Thursday
    register = services.study.register(2026, 3)
    line = line_of(register, newcomer)
    # Her first week (3–4 September: 2 working days) is not judged; 7–27 September are.
    assert line.weeks_judged == 3 and line.weeks_short == 3
    assert line.articles_required == 0 and not line.article_short  # too few weeks to owe an article
    assert line_of(services.study.register(2026, 2), office["lina"]).weeks_judged == 13
    assert all(x.person.id != newcomer for x in services.study.register(2026, 2).lines)
    # A record dated before the account existed moves her start back (entered after the fact).
    study(services, StudyKind.SELF_STUDY, dt.date(2026, 8, 3), "入职前补记", hours="2", user=newcomer)
    assert line_of(services.study.register(2026, 3), newcomer).weeks_judged == 8


def test_disabled_people_are_not_counted(services: Services, office: dict[str, uuid.UUID]) -> None:
    services.users.update_user(office["liujj"], "刘建军", [Role.HANDLER], active=False)
    register = services.study.register(2026, 3)
    assert "刘建军" not in {x.person.name for x in register.lines} and len(register.lines) == 5


def test_shortfalls_for_the_assessment(services: Services, office: dict[str, uuid.UUID]) -> None:
    office_id = services.ctx.office_id
    assert office_id is not None
    for user in office.values():
        for quarter in (1, 2, 3):
            full_quarter(services, user, 2026, quarter)
        full_quarter(services, user, 2026, 4, article=False)
    # One short week (1.5 h) for 李娜 in Q2, no Q3 article for 陈静.
    with services.ctx.db.session() as s, s.begin():
        s.execute(update(StudyRecord).where(StudyRecord.user_id == office["lina"],
                                            StudyRecord.on_date == dt.date(2026, 5, 11)).values(hours=Decimal("1.5")))
        s.execute(update(StudyRecord).where(StudyRecord.user_id == office["chenj"],
                                            StudyRecord.kind == "article",
                                            StudyRecord.on_date == dt.date(2026, 8, 10))
                  .values(withdrawn_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC)))
    with services.ctx.reading() as s:
        found = shortfalls(s, [office_id, uuid.uuid4()], 2026, TODAY)
        earlier = shortfalls(s, [office_id], 2026, dt.date(2026, 9, 30))
    assert found[office_id].weeks_short == 1 and found[office_id].articles_short == 1
    assert list(found.values())[1].weeks_short == 0
    assert earlier[office_id].articles_short == 0  # on 30 September Q3 was not over yet
    register = services.study.register(2026, 3)
    assert register.offices[0].articles_short == 1
    assert register.compliance_rate == Decimal(5) / Decimal(6)


# ---------------------------------------------------------------- outputs


def test_register_pdf_and_excel_name_who_falls_short(services: Services, office: dict[str, uuid.UUID],
                                                     tmp_path: Path) -> None:
    for name, user in office.items():
        full_quarter(services, user, 2026, 3, hours="1.5" if name == "lina" else "2", article=name != "liujj")
    register = services.study.register(2026, 3)
    text = pdf_text(render_register(register))
    assert "2026年第三季度学习情况登记表" in text and "未达标人员名单" in text
    assert "李娜（普通干部）：自学不足13周" in text and "刘建军（普通干部）：调研文章0篇，应不少于1篇" in text
    assert "达标率66.7%" in text and "所长（签字）" in text
    path = write_register_xlsx(register, tmp_path / "study.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["登记表"]
    assert sheet.freeze_panes == "A4"
    rows = {r[1]: r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0] not in (None, "合计")}
    assert rows["李娜"][4] == 13 and rows["李娜"][13] == "未达标" and rows["王晓梅"][13] == "达标"
    names = [r[1] for r in book["未达标名单"].iter_rows(min_row=4, values_only=True)]
    assert names == ["刘建军", "李娜"]


def test_the_record_card_lists_a_year(services: Services, office: dict[str, uuid.UUID]) -> None:
    user = office["chenj"]
    full_quarter(services, user, 2026, 3)
    study(services, StudyKind.TRAINING, dt.date(2026, 8, 20), "不动产登记业务培训", user=user, hours="6",
          organiser="示例县自然资源局", level="staff")
    study(services, StudyKind.CERTIFICATE, dt.date(2026, 9, 8), "助理工程师职称证书", user=user,
          organiser="市人社局", certificate_no="鲁职2026-00123")
    card = services.study.card(user, 2026)
    assert card.tier_training_hours == 6 and card.tier_training_required == 8
    assert [q for q, line in card.quarters if line is not None] == [1, 2, 3, 4]
    text = pdf_text(render_card(card))
    assert "2026年度个人学习记录卡" in text and "陈静" in text and "助理工程师职称证书" in text
    assert "鲁职2026-00123" in text and "尚差2学时" in text


def test_the_demo_is_mostly_compliant_with_a_few_short(services: Services) -> None:
    for username, name, roles in DEMO_STAFF:
        services.users.create_user(username, name, roles, DEMO_PASSWORD, must_change_password=False)
    fill_demo_study(services, TODAY, random.Random(7))
    register = services.study.register(2026, 3)
    lines = {x.person.username: x for x in register.lines}
    assert len(lines) == 6
    assert lines["lina"].article_short and lines["lina"].weeks_short == 0
    assert lines["liujj"].weeks_short >= 1 and lines["chenj"].weeks_short >= 1
    assert all(lines[u].status is LineStatus.MET for u in ("wangxm", "zhangzq", "sundm"))
    tiers = {x.person.tier_name: x.trainings for x in register.lines}
    assert set(tiers) == {"领导干部", "中层干部", "普通干部"} and all(tiers.values())
    assert sum(x.certificates for x in register.lines) + sum(
        x.certificates for x in services.study.register(2026, 4).lines) == 1


# ---------------------------------------------------------------- the county


def test_the_county_sees_the_townships_records_and_changes_none(pair: Pair) -> None:
    township, county = pair.township, pair.county
    me = township.ctx.user_id
    assert me is not None
    set_joined(township, me, JOINED)
    full_quarter(township, me, 2026, 3, hours="1.5")
    result = township.sync.export_batch(pair.usb)
    county.sync.import_files([result.path])

    assert county.study.is_county() and not county.study.may_record()
    offices = county.study.offices()
    assert [o.name for o in offices] == ["示例镇自然资源所"]
    register = county.study.register(2026, 3)
    assert register.at_county and register.county_name == "示例县自然资源局"
    [line] = register.lines
    assert line.person.name == "王晓梅" and line.weeks_short == 13 and line.status is LineStatus.SHORT
    records = county.study.records(office_id=offices[0].id)
    assert len(records) == 14 and all(r.office.code == "370702101" for r in records)
    assert county.study.records(line.person.id, 2026)[0].office.name == "示例镇自然资源所"
    text = pdf_text(render_register(register))
    assert "乡镇所学习制度执行情况汇总表" in text and "示例镇自然资源所" in text
    with pytest.raises(PermissionDenied, match="县局只能查看"):
        county.study.record(StudyInput(StudyKind.SELF_STUDY, TODAY, "县局自学", hours="2"))
    with pytest.raises(PermissionDenied, match="县局只能查看"):
        county.study.withdraw(records[0].id, "县局撤销")


def test_command_line_outputs(services: Services, office: dict[str, uuid.UUID], tmp_path: Path) -> None:
    from app.services.study import write_card, write_register

    full_quarter(services, office["wangxm"], 2026, 3)
    pdf = write_register(services, 2026, 3, tmp_path / "q3.pdf")
    assert "2026年第三季度学习情况登记表" in pdf_text(pdf.read_bytes())
    xlsx = write_register(services, 2026, 3, tmp_path / "q3.xlsx", office_code="370702101")
    assert openpyxl.load_workbook(xlsx)["登记表"]["B4"].value is not None
    card = write_card(services, "wangxm", 2026, tmp_path / "card.pdf")
    assert "王晓梅" in pdf_text(card.read_bytes())
    with pytest.raises(NotFoundError, match="没有单位代码为 999999999"):
        write_register(services, 2026, 3, tmp_path / "x.pdf", office_code="999999999")
