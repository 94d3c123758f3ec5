"""The 1000-point assessment: the scheme file, scoring at the thresholds, entries, case data,
the county ranking, sync, and the printed score sheet and ranking.

Case data comes from tests.test_county_report's world (two townships, real intake and routing,
today Mon 23 Nov 2026). Counted by hand, by the year of each case's due date (2026):

  示例镇 370702101: on time c1, c9 (accepted 31 Dec 2025, due Jan 2026, done 31 Dec) = 2;
                   completed late c2, c3 = 2; open overdue c4 = 1 (c5 is paused, c6 not due)
                   → on-time rate 50%: ZW-01 loses (100 − 50) × 2 = 100, capped at its 60;
                     ZW-02 loses 3 × 5 = 15; total 925 = 92.5%.
  东岭镇 370702102: on time d1; open overdue d3 (an undecided application) → ZW-02 −5: 995.
  西河镇 370702103: nothing → 1000.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import func, select

from app.assessment import (
    AssessmentSchemeError,
    CaseFacts,
    EntryFact,
    EntryKind,
    OutcomeRules,
    available_years,
    check_entry,
    load_scheme,
    parse_scheme,
    pay_coefficient,
    score,
    verdict,
)
from app.errors import FormErrors, PermissionDenied, ValidationError
from app.models import AssessmentEntry, AuditLog, User
from app.printing.assessment_doc import render_ranking, render_score_sheet
from app.resources import resource_path
from app.services import Services
from app.services.assessment import write_ranking, write_score_sheet
from tests.conftest import FixedClock
from tests.props import examples
from tests.sync_support import Pair, pair
from tests.test_county_report import CountyWorld, build_county_world

_ = pair  # the fixture, imported for pytest

SCHEME_TEXT = (resource_path("assessment") / "scheme-2026.toml").read_text(encoding="utf-8")
SCHEME = parse_scheme(SCHEME_TEXT, "scheme-2026.toml")
NO_CASES = CaseFacts()


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def count(services: Services, model: type) -> int:
    with services.ctx.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# ------------------------------------------------------------------ the scheme file


def test_the_bundled_scheme_adds_up_to_1000_with_the_four_vetoes() -> None:
    scheme = load_scheme(2026)
    assert scheme.total == 1000 and sum(c.points for c in scheme.categories) == 1000
    assert [c.name for c in scheme.categories][:4] == ["土地管理", "矿产管理", "测绘管理", "执法监察"]
    assert [v.name for v in scheme.vetoes] == ["耕地保护", "违法用地", "矿山安全生产", "廉政作风"]
    assert {i.measure for _c, i in scheme.items() if i.measure} >= {"on_time_rate", "overdue_cases"}
    assert load_scheme(2030).version == scheme.version  # a later year uses the latest scheme
    assert available_years() == [2026]


def test_categories_not_adding_up_to_1000_name_the_total_line() -> None:
    text = SCHEME_TEXT.replace('name = "测绘管理"\npoints = 80', 'name = "测绘管理"\npoints = 90')
    text = text.replace('code = "CH-01"\nname = "测量标志保护"\npoints = 40', 'code = "CH-01"\nname = "测量标志保护"\npoints = 50')
    with pytest.raises(AssessmentSchemeError) as err:
        parse_scheme(text, "scheme-2026.toml")
    assert err.value.field == "total"
    assert err.value.line == SCHEME_TEXT.split("\n").index("total = 1000") + 1
    assert "1010" in err.value.message and "1000" in err.value.message


def test_items_not_adding_up_to_their_category_name_the_category() -> None:
    text = SCHEME_TEXT.replace('name = "测量标志保护"\npoints = 40', 'name = "测量标志保护"\npoints = 45')
    with pytest.raises(AssessmentSchemeError) as err:
        parse_scheme(text, "scheme-2026.toml")
    assert err.value.field == "categories[3].points"
    assert "85" in err.value.message and "测绘管理" in err.value.message


def test_a_typo_and_a_wrong_method_are_named_with_their_line() -> None:
    with pytest.raises(AssessmentSchemeError) as err:
        parse_scheme(SCHEME_TEXT.replace("per = 2", "pre = 2"), "x.toml")
    assert err.value.field == "categories[5].items[1].pre" and "per" in err.value.message
    assert err.value.line == SCHEME_TEXT.split("\n").index("per = 2") + 1
    with pytest.raises(AssessmentSchemeError) as err:
        parse_scheme(SCHEME_TEXT.replace('measure = "late_notices"', 'measure = "late"'), "x.toml")
    assert err.value.field == "categories[5].items[3].measure"


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_raise_only_the_scheme_error(data: st.DataObject) -> None:
    lines = SCHEME_TEXT.split("\n")
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
        scheme = parse_scheme("\n".join(lines), "edited.toml")
    except AssessmentSchemeError as exc:
        assert exc.file == "edited.toml" and exc.field
    else:
        assert sum(c.points for c in scheme.categories) == 1000


# ------------------------------------------------------------------ outcome at the thresholds


@pytest.mark.parametrize(("total", "percentage", "awards", "head"), [
    ("1000", "100", True, True),
    ("950", "95.0", True, True),
    ("949.9", "94.99", False, True),
    ("900", "90.0", False, True),
    ("899.9", "89.99", False, False),
])
def test_thresholds_are_exact(total: str, percentage: str, awards: bool, head: bool) -> None:
    v = verdict(Decimal(total), vetoed=False)
    assert v.percentage == Decimal(percentage)
    assert (v.awards_eligible, v.head_recommended) == (awards, head)


def test_a_veto_voids_awards_and_recommendation_whatever_the_score() -> None:
    result = score(SCHEME, [EntryFact("FJ-03", Decimal(0), "某矿发生较大安全生产责任事故")], NO_CASES)
    assert result.total == 1000 and result.verdict.vetoed
    assert not result.verdict.awards_eligible and not result.verdict.head_recommended
    assert result.verdict.text.startswith("一票否决")
    assert [v.veto.name for v in result.vetoes] == ["矿山安全生产"]


def test_pay_coefficient_one_percent_per_point_below_95_with_a_floor() -> None:
    assert pay_coefficient(Decimal(95)) == 1 and pay_coefficient(Decimal(100)) == 1
    assert pay_coefficient(Decimal(94)) == Decimal("0.99")
    assert pay_coefficient(Decimal("92.5")) == Decimal("0.975")
    harsh = OutcomeRules(pay_cut_per_point=Decimal(5))
    assert pay_coefficient(Decimal(80), harsh) == Decimal("0.25")
    assert pay_coefficient(Decimal(60), harsh) == 0  # 35 points × 5% would be −75%: floored


def test_scoring_through_the_scheme_reaches_94_99_exactly() -> None:
    entries = [EntryFact("TD-01", Decimal("30"), "耕地保护台账不全"),
               EntryFact("KC-03", Decimal("40"), "隐患点未落实监测"),
               EntryFact("KC-03", Decimal("5"), "重复扣分被封顶"),  # the item stops at its 40
               EntryFact("JF-01", Decimal("15"), "省级表彰"), EntryFact("JF-02", Decimal("10"), "文章"),
               EntryFact("JF-03", Decimal("10"), "创新"),  # 35 of bonus, capped at 30
               EntryFact("KF-01", Decimal("10.1"), "通报批评")]
    result = score(SCHEME, entries, NO_CASES)
    assert result.base == 930 and result.bonus == 30 and result.deduction == Decimal("10.1")
    assert result.total == Decimal("949.9") and result.percentage == Decimal("94.99")
    assert not result.verdict.awards_eligible and result.verdict.head_recommended
    assert result.verdict.pay_coefficient == Decimal("0.9999")


def test_computed_items_from_case_facts() -> None:
    facts = CaseFacts(on_time=45, completed_late=5, open_overdue=2, late_notices=1, overdue_follow_ups=9,
                      late_supervision=0)
    result = score(SCHEME, [], facts)
    items = {i.item.code: i for c in result.categories for i in c.items}
    assert items["ZW-01"].deducted == 20 and "90.00%" in items["ZW-01"].detail  # 10 points × 2
    assert items["ZW-02"].deducted == 35  # 7 overdue × 5
    assert items["ZW-03"].deducted == 5
    assert items["ZW-04"].deducted == 20  # 9 × 5 = 45, capped at the item's 20
    assert items["ZW-05"].deducted == 0
    assert result.total == 1000 - 80


def test_entry_checks_report_every_field_at_once() -> None:
    with pytest.raises(FormErrors) as err:
        check_entry(SCHEME, "ZW-01", "3", "")
    fields = err.value.by_field()
    assert fields["item_code"].reason == "computed" and fields["note"].reason == "required"
    with pytest.raises(FormErrors) as err:
        check_entry(SCHEME, "TD-99", "abc", "x")
    assert set(err.value.by_field()) == {"item_code", "points"}
    with pytest.raises(FormErrors) as err:
        check_entry(SCHEME, "TD-01", "20", "再扣", [EntryFact("TD-01", Decimal(50), "已扣")])
    assert "最多还能录入 10 分" in err.value.by_field()["points"].message
    with pytest.raises(FormErrors) as err:
        check_entry(SCHEME, "FJ-01", "0", " ")
    assert "一票否决" in err.value.by_field()["note"].message
    assert check_entry(SCHEME, "FJ-01", "", "破坏耕地被通报") == (EntryKind.VETO, Decimal(0))
    assert check_entry(SCHEME, "TD-01", "0.5", "少一本台账") == (EntryKind.ITEM, Decimal("0.5"))


# ------------------------------------------------------------------ the service at a township


def test_entering_changes_the_total_and_withdrawing_restores_it(services: Services) -> None:
    office = services.ctx.office_id
    assert office is not None
    before = services.assessment.assess(2026)
    assert before.result.total == 1000 and before.office.code == "370702101"
    audit = count(services, AuditLog)
    entry = services.assessment.enter(office, 2026, "DW-03", "2.5", "3 月有 1 人工作时间脱岗",
                                      "考勤记录第 12 页")
    assert entry.kind is EntryKind.ITEM and entry.entered_by == "王晓梅" and not entry.by_county
    assert count(services, AuditLog) == audit + 1  # one transaction, one audited row
    after = services.assessment.assess(2026)
    assert after.result.total == Decimal("997.5")
    item = next(i for c in after.result.categories for i in c.items if i.item.code == "DW-03")
    assert item.got == Decimal("37.5") and "脱岗" in item.detail
    services.assessment.withdraw(entry.id, "录错了所")
    again = services.assessment.assess(2026)
    assert again.result.total == 1000 and again.entries[0].withdrawn


def test_evidence_file_is_referenced_by_name_and_sha256(services: Services, tmp_path: Path) -> None:
    scan = tmp_path / "通报.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    entry = services.assessment.enter(services.ctx.office_id, 2026, "KF-01", 10, "县局通报批评",  # type: ignore[arg-type]
                                      "县局〔2026〕12号", evidence_file=scan)
    assert entry.evidence_file == "通报.pdf" and len(entry.evidence_sha256) == 64
    copy = services.assessment.evidence_copy(entry)  # kept in the data folder, named by its hash
    assert copy is not None and copy.parent == tmp_path / "evidence"
    assert copy.read_bytes() == b"%PDF-1.4 scan" and entry.evidence_sha256 in copy.name
    services.assessment.evidence_dir = None  # without a folder: the name and hash only
    again = services.assessment.enter(services.ctx.office_id, 2026, "KF-01", 10, "再次通报",  # type: ignore[arg-type]
                                      evidence_file=scan)
    assert again.evidence_sha256 == entry.evidence_sha256
    with pytest.raises(FormErrors):
        services.assessment.enter(services.ctx.office_id, 2026, "KF-01", 100, "")  # type: ignore[arg-type]


def test_a_clerk_may_not_enter_and_nothing_changes(services: Services) -> None:
    clerk = uuid.uuid4()
    with services.ctx.transaction("test.user") as s:
        s.add(User(id=clerk, office_id=services.ctx.office_id, username="lina", display_name="李娜",
                   roles="window_clerk"))
    services.ctx.user_id = clerk
    entries, audit = count(services, AssessmentEntry), count(services, AuditLog)
    with pytest.raises(PermissionDenied) as err:
        services.assessment.enter(services.ctx.office_id, 2026, "TD-01", 5, "无权录入")  # type: ignore[arg-type]
    assert "考核评分" in err.value.message
    assert count(services, AssessmentEntry) == entries and count(services, AuditLog) == audit
    assert not services.assessment.may_enter()


def test_a_township_sees_only_itself_and_no_ranking(services: Services) -> None:
    assert [o.code for o in services.assessment.offices()] == ["370702101"]
    with pytest.raises(PermissionDenied):
        services.assessment.ranking(2026)
    with pytest.raises(PermissionDenied):
        services.assessment.assess(2026, uuid.uuid4())


# ------------------------------------------------------------------ the county


@pytest.fixture
def world(services: Services, clock: FixedClock) -> CountyWorld:
    return build_county_world(services, clock)


@pytest.mark.both_backends
def test_computed_items_from_the_townships_cases(world: CountyWorld) -> None:
    town1 = world.services.assessment.assess(2026, world.town1)
    assert town1.facts == CaseFacts(on_time=2, completed_late=2, open_overdue=1)
    items = {i.item.code: i for c in town1.result.categories for i in c.items}
    assert items["ZW-01"].got == 0 and items["ZW-01"].computed
    assert items["ZW-02"].deducted == 15
    assert town1.result.total == 925 and town1.result.percentage == Decimal("92.5")
    assert town1.result.verdict.pay_coefficient == Decimal("0.975")
    town2 = world.services.assessment.assess(2026, world.town2)
    assert town2.facts == CaseFacts(on_time=1, open_overdue=1) and town2.result.total == 995


def test_the_county_ranks_every_township_vetoed_last(world: CountyWorld) -> None:
    assessment = world.services.assessment
    ranking = assessment.ranking(2026)
    assert [(line.rank, line.office.code, line.result.total) for line in ranking.lines] == [
        (1, "370702103", 1000), (2, "370702102", 995), (3, "370702101", 925)]
    assessment.enter(world.town3, 2026, "FJ-02", 0, "新增违法占用耕地被省厅挂牌督办", "省厅督办函")
    entry = assessment.assess(2026, world.town3).entries[0]
    assert entry.by_county and entry.entered_by == "周县局"
    ranking = assessment.ranking(2026)
    assert [line.office.code for line in ranking.lines] == ["370702102", "370702101", "370702103"]
    assert ranking.lines[-1].result.verdict.vetoed and ranking.lines[-1].result.total == 1000


def test_score_sheet_and_ranking_print(world: CountyWorld, tmp_path: Path) -> None:
    assessment = world.services.assessment
    assessment.enter(world.town1, 2026, "TD-01", 8, "永久基本农田台账缺 3 个村", "检查记录")
    assessment.enter(world.town1, 2026, "JF-02", 4, "两篇调研文章被县局采用")
    sheet = pdf_text(render_score_sheet(assessment.assess(2026, world.town1)))
    for text in ("示例镇自然资源所", "2026年度目标责任千分制考核评分表", "耕地保护目标责任落实", "永久基本农田台账缺",
                 "自动计算", "按时办结 2/4 件", "921", "92.10%", "不得评先评优", "所长可推荐提拔", "97.10%",
                 "一票否决事项", "单位主要负责人（签字）"):
        assert text in sheet, text
    ranking = pdf_text(render_ranking(assessment.ranking(2026)))
    for text in ("2026年度乡镇国土资源所千分制考核排名表", "示例县自然资源局", "西河镇自然资源所", "东岭镇自然资源所",
                 "1000", "995", "921", "99.50%"):
        assert text in ranking, text
    path = write_ranking(world.services, 2026, tmp_path / "rank.xlsx")
    sheet_ws = openpyxl.load_workbook(path).active
    assert sheet_ws.freeze_panes == "A2"
    rows = list(sheet_ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("名次", "单位代码", "单位") and rows[0][-1] == "考核工资系数"
    assert rows[1][:3] == (1, "370702103", "西河镇自然资源所") and rows[3][-6] == 921
    assert rows[4][0] == "平均"
    out = write_score_sheet(world.services, 2026, tmp_path / "sheet.pdf", office_code="370702102")
    assert "东岭镇自然资源所" in pdf_text(out.read_bytes())


# ------------------------------------------------------------------ township → county


@pytest.mark.both_backends
def test_a_townships_self_assessment_reaches_the_county(pair: Pair) -> None:
    township = pair.township
    township.assessment.enter(township.ctx.office_id, 2026, "ZF-01", 6, "6 月巡查记录缺 2 次",  # type: ignore[arg-type]
                              "巡查记录本")
    result = township.sync.export_batch(pair.usb)
    [report] = pair.county.sync.import_files([result.path])
    assert report.outcome == "applied", report.message
    assert report.by_table["assessment_entry"].new == 1
    [line] = pair.county.assessment.ranking(2026).lines
    assert line.office.code == "370702101" and line.result.total == 994
    [entry] = pair.county.assessment.assess(2026, line.office.id).entries
    assert entry.note == "6 月巡查记录缺 2 次" and entry.entered_by == "王晓梅" and not entry.by_county


@pytest.mark.both_backends
def test_computed_items_from_hand_built_cases_ratings_and_notices(services: Services, clock: FixedClock,
                                                                  tmp_path: Path) -> None:
    """示例镇 alone: one case accepted Mon 2 Nov (TD-001, due 16 Nov, still open: overdue), rated
    非常不满意 the same day with no follow-up since, a 督办单 on it due 4 Nov never answered, and its
    one-time notice marked late; a bad rating in December 2025 counts for 2025 only."""
    from app.dto import Role
    from app.models import Case
    from app.services.context import LOCAL_TZ
    from tests.test_intake_service import full_form
    from tests.test_watch_services import add_user

    def beijing(month: int, day: int, year: int = 2026) -> dt.datetime:
        return dt.datetime(year, month, day, 10, tzinfo=LOCAL_TZ).astimezone(dt.UTC)

    clock.now = beijing(12, 10, 2025)
    old = services.intake.accept(full_form(services, "TD-001")).case_id
    services.ratings.rate(1, "去年的差评", case_id=old)
    clock.now = beijing(11, 2)
    case_id = services.intake.accept(full_form(services, "TD-001")).case_id
    services.ratings.rate(1, "窗口态度差", case_id=case_id)
    services.ratings.rate(5, "满意", case_id=case_id)
    handler = add_user(services, "刘建军", Role.HANDLER)
    services.supervision.issue(case_id, handler, "请说明为何未按期办理", reply_days=2)
    with services.ctx.transaction("test.notice_late") as s:
        s.get(Case, case_id).notice_late = True  # type: ignore[union-attr]
    clock.now = beijing(11, 23)

    result = services.assessment.assess(2026)
    # 刘建军 joined on 11-02 (the services' clock) and recorded no study: three whole weeks short.
    assert result.facts == CaseFacts(open_overdue=1, late_notices=1, overdue_follow_ups=1, late_supervision=1,
                                     study_weeks_short=3)
    items = {i.item.code: i for c in result.result.categories for i in c.items}
    assert [items[c].deducted for c in ("ZW-01", "ZW-02", "ZW-03", "ZW-04", "ZW-05")] == [0, 5, 5, 5, 5]
    assert items["DW-01"].deducted == 3  # 1 point per person-week of self-study short
    assert result.result.total == 977
    (tmp_path / "scheme-2025.toml").write_text(SCHEME_TEXT.replace("year = 2026", "year = 2025"), encoding="utf-8")
    services.assessment.scheme_dir = tmp_path
    last_year = services.assessment.assess(2025)
    assert last_year.facts.overdue_follow_ups == 1 and last_year.facts.late_supervision == 0


def test_a_year_without_a_scheme_or_in_the_future_is_refused(services: Services, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        services.assessment.enter(services.ctx.office_id, 2027, "TD-01", 1, "明年")  # type: ignore[arg-type]
    assert err.value.field == "year"
    services.assessment.scheme_dir = tmp_path
    (tmp_path / "scheme-2024.toml").write_text(SCHEME_TEXT, encoding="utf-8")  # says year = 2026
    with pytest.raises(AssessmentSchemeError) as scheme_err:
        services.assessment.assess(2025)
    assert scheme_err.value.field == "year" and "2024" in scheme_err.value.message
    with pytest.raises(AssessmentSchemeError) as scheme_err:
        services.assessment.assess(2023)
    assert "scheme-2023.toml" in scheme_err.value.message


def test_command_line_score_sheet_and_a_township_refused_the_ranking(
        services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import landdesk

    services.assessment.enter(services.ctx.office_id, 2026, "CH-01", 5, "测量标志 2 座未落实保管人")  # type: ignore[arg-type]
    db = ["--db", str(tmp_path / "landdesk.sqlite3"), "--data-dir", str(tmp_path)]
    out = tmp_path / "评分表.pdf"
    assert landdesk(["assess", "sheet", *db, "--year", "2026", "-o", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    assert "示例镇自然资源所" in text and "测量标志 2 座未落实保管人" in text and "995" in text
    assert landdesk(["assess", "rank", *db, "--year", "2026", "-o", str(tmp_path / "rank.pdf")]) != 0
    assert "县局" in capsys.readouterr().err
    assert not (tmp_path / "rank.pdf").exists()


# ------------------------------------------------------------------ 精细化管理 feeds the assessment


def test_late_task_packages_take_points_off_dw02(services: Services, clock: FixedClock) -> None:
    """A package past its due date and not accepted costs 3 points, and so does one accepted
    after it; one accepted in time costs nothing; a cancelled one is not counted."""
    from app.services.packages import PackageForm

    me = services.ctx.user_id
    assert me is not None

    def enter(title: str, start: dt.date, days: int) -> uuid.UUID:
        return services.packages.enter(PackageForm(title=title, category="其他", start_date=start,
                                                   working_days=days)).id

    def finish(package: uuid.UUID, day: dt.date) -> None:
        services.packages.assign(package, me, [])
        services.packages.report_progress(package, day, "0", "已完成")
        services.packages.submit(package)
        services.packages.accept(package, "资料齐全")

    clock.now = dt.datetime(2026, 10, 8, 2, 0, tzinfo=dt.UTC)
    late = enter("耕地保护网格化巡查", dt.date(2026, 10, 8), 10)  # due 10-21, still open on 11-23
    enter("卫片图斑核查", dt.date(2026, 10, 8), 50)  # due in December
    cancelled = enter("作废的任务", dt.date(2026, 10, 8), 10)
    services.packages.cancel(cancelled, "重复入库")
    done = enter("档案整理", dt.date(2026, 10, 8), 10)
    clock.now = dt.datetime(2026, 10, 16, 2, 0, tzinfo=dt.UTC)
    finish(done, dt.date(2026, 10, 16))  # before its due date
    clock.now = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)

    items = {i.item.code: i for c in services.assessment.assess(2026).result.categories for i in c.items}
    assert items["DW-02"].got == Decimal(37) and "1 项" in items["DW-02"].detail
    finish(late, dt.date(2026, 11, 23))  # accepted, but after its due date: still late
    again = {i.item.code: i for c in services.assessment.assess(2026).result.categories for i in c.items}
    assert again["DW-02"].got == Decimal(37)
