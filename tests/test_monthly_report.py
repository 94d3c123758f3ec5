"""The monthly report on a hand-built month: every figure counted by hand in the comments.

Cases are made by the real intake and routing services on a moving clock (today is
Mon 23 Nov 2026, tests.conftest.NOW). The report month is October 2026: Thu 1 Oct to
Wed 7 Oct are the National Day holiday and Sat 10 Oct is a make-up working day (调休).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from app.errors import NotFoundError, PermissionDenied, ValidationError
from app.services import Services
from app.services.intake import MaterialStatus
from app.services.monthly import MonthlyCounts, ReportMonth, rate_runs, write_monthly_report
from app.services.routing import CaseResult, PauseKind
from tests.conftest import NOW, FixedClock
from tests.test_county_report import _add_office, beijing
from tests.test_intake_service import full_form

pytestmark = pytest.mark.both_backends


@dataclass
class MonthWorld:
    services: Services
    clock: FixedClock
    town: uuid.UUID
    town_user: uuid.UUID
    cases: dict[str, uuid.UUID]


def build_month(services: Services, clock: FixedClock) -> MonthWorld:
    """示例镇's cases (B = Beijing time; TD-004/TD-002 promise 1 working day, TD-009 is 即办):

    October 2026, the report month:
      o1  TD-004 accepted Mon 12 Oct, due 13 Oct, completed Tue 13 Oct       → on time, 1 day used
      o2  TD-004 accepted Fri 9 Oct, due Sat 10 Oct (调休), completed Mon 12 Oct → late, 2 days used
      o3  TD-004 accepted Wed 14 Oct, paused 15–20 Oct (补正), due moves to 21 Oct,
          completed Wed 21 Oct                                                 → on time, 1 day used
      o4  TD-002 green channel, accepted Fri 16 Oct, due Mon 19 Oct, completed 19 Oct → on time, 1 day
      o5  TD-004 accepted Tue 27 Oct, due 28 Oct, still open                  → open overdue
      o6  TD-004 accepted Wed 28 Oct, paused the same day, still paused       → open, not overdue
      o7  TD-004 refused Thu 1 Oct 00:30 B (30 Sep in UTC: an October case)  → not accepted
      o8  TD-001 one-time notice Fri 23 Oct, never supplemented              → notice
      o9  TD-004 one-time notice Mon 19 Oct, supplemented and accepted Tue 20 Oct, completed
          the same day                                                         → notice, on time, 0 days
      o10 TD-009 (即办) accepted Thu 29 Oct 10:00, completed 11:00           → on time, 0 days
      o11 TD-001 收件 Fri 30 Oct, decision due Fri 6 Nov, undecided          → open overdue
    Not October:
      b1  TD-004 accepted Sun 1 Nov 00:30 B (31 Oct in UTC: a November case)
      s1  TD-004 accepted Mon 14 Sep, completed Tue 15 Sep                    → on time (previous month)
      s2  TD-004 accepted Tue 15 Sep, completed Thu 17 Sep                    → late (previous month)
      s3  TD-004 refused Wed 16 Sep                                           → previous month
      y1  TD-004 accepted Mon 13 Oct 2025, completed Tue 14 Oct 2025          → on time (last year)
      z1  TD-004 accepted Mon 10 Nov 2025, completed Tue 11 Nov 2025          → first month of the series
      x1  TD-004 accepted Mon 15 Sep 2025, completed                          → before the series
    """
    assert services.ctx.office_id is not None and services.ctx.user_id is not None
    world = MonthWorld(services, clock, services.ctx.office_id, services.ctx.user_id, {})
    intake, routing = services.intake, services.routing

    def at(month: int, day: int, hour: int = 10, minute: int = 0, year: int = 2026) -> None:
        clock.now = beijing(month, day, hour, minute, year=year)

    def accept(key: str, code: str, **changes: object) -> None:
        world.cases[key] = intake.accept(full_form(services, code, **changes)).case_id

    def complete(key: str) -> None:
        routing.complete(world.cases[key], CaseResult.APPROVED, "经核对，同意。")

    def notice(key: str, code: str) -> None:
        form = full_form(services, code)
        first = next(t for t in form.materials if t.status is MaterialStatus.RECEIVED)
        first.status, first.copies_received = MaterialStatus.MISSING, 0
        world.cases[key] = intake.notify_incomplete(form).case_id

    for key, (month, day, year) in {"x1": (9, 15, 2025), "y1": (10, 13, 2025), "z1": (11, 10, 2025),
                                    "s1": (9, 14, 2026)}.items():
        at(month, day, year=year)
        accept(key, "TD-004")
        at(month, day + 1, 15, year=year)
        complete(key)
    at(9, 15)
    accept("s2", "TD-004")
    at(9, 17, 9)
    complete("s2")
    at(9, 16)
    world.cases["s3"] = intake.refuse(full_form(services, "TD-004"), "不属于本所受理范围").case_id

    at(10, 1, 0, 30)
    world.cases["o7"] = intake.refuse(full_form(services, "TD-004"), "不属于本所受理范围").case_id
    at(10, 9)
    accept("o2", "TD-004")
    at(10, 12)
    accept("o1", "TD-004")
    at(10, 12, 9)
    complete("o2")
    at(10, 13, 15)
    complete("o1")
    at(10, 14)
    accept("o3", "TD-004")
    at(10, 15)
    routing.pause(world.cases["o3"], PauseKind.SUPPLEMENT, "申请人补正宗地图")
    at(10, 16)
    accept("o4", "TD-002", green_channel=True)
    at(10, 19)
    complete("o4")
    notice("o9", "TD-004")
    at(10, 20)
    routing.resume(world.cases["o3"])
    intake.accept(full_form(services, "TD-004"), case_id=world.cases["o9"])
    at(10, 20, 16)
    complete("o9")
    at(10, 21)
    complete("o3")
    at(10, 23)
    notice("o8", "TD-001")
    at(10, 27)
    accept("o5", "TD-004")
    at(10, 28)
    accept("o6", "TD-004")
    routing.pause(world.cases["o6"], PauseKind.SUPPLEMENT, "等待村委会证明")
    at(10, 29)
    accept("o10", "TD-009")
    at(10, 29, 11)
    complete("o10")
    at(10, 30)
    world.cases["o11"] = intake.receive(full_form(services, "TD-001")).case_id
    at(11, 1, 0, 30)
    accept("b1", "TD-004")
    clock.now = NOW
    return world


@pytest.fixture
def world(services: Services, clock: FixedClock) -> MonthWorld:
    return build_month(services, clock)


def line(report, code: str) -> MonthlyCounts:  # type: ignore[no-untyped-def]
    return next(m.counts for m in report.by_matter if m.matter_code == code)


# ------------------------------------------------------------------ the figures


def test_october_by_matter_and_totals(world: MonthWorld) -> None:
    report = world.services.monthly.report(2026, 10)
    assert report.title == "示例镇自然资源所 2026年10月 业务办理情况月报"
    assert report.today == dt.date(2026, 11, 23) and report.office_code == "370702101"
    # Every matter of the catalogue has a line, with zeros where nothing was received.
    assert len(report.by_matter) == 15 and line(report, "KC-001") == MonthlyCounts()
    # TD-004: o1 o2 o3 o5 o6 o7 o9 received (7); o7 refused, so 6 accepted; o9 had a notice;
    # o1 o2 o3 o9 completed (4), o2 late; o5 o6 open, o5 overdue (o6 paused);
    # days used 1 (o1) + 2 (o2: Sat 10 Oct 调休 and Mon 12 Oct) + 1 (o3: 15–20 Oct paused) + 0 (o9) = 4.
    assert line(report, "TD-004") == MonthlyCounts(
        received=7, accepted=6, completed=4, on_time=3, completed_late=1, open=2, open_overdue=1,
        not_accepted=1, notices=1, green_channel=0, days_used=4, days_measured=4)
    assert line(report, "TD-004").average_days == 1.0 and line(report, "TD-004").overdue == 2
    # TD-002: o4, green channel, Fri 16 → Mon 19 Oct is 1 working day.
    assert line(report, "TD-002") == MonthlyCounts(received=1, accepted=1, completed=1, on_time=1,
                                                   green_channel=1, days_used=1, days_measured=1)
    # TD-009: o10, done the same day: 0 days.
    assert line(report, "TD-009") == MonthlyCounts(received=1, accepted=1, completed=1, on_time=1,
                                                   days_measured=1)
    assert line(report, "TD-009").average_days == 0.0
    # TD-001: o8 (notice, waiting for materials: not open) and o11 (收件, decision overdue since 6 Nov).
    assert line(report, "TD-001") == MonthlyCounts(received=2, open=1, open_overdue=1, notices=1)
    # Totals: 11 received, 8 accepted, 1 refused, 2 notices, 6 completed of which 5 on time,
    # overdue = 1 late + 2 open overdue = 3; days 4 + 1 + 0 = 5 over 6 completed cases.
    t = report.totals
    assert t == MonthlyCounts(received=11, accepted=8, completed=6, on_time=5, completed_late=1, open=3,
                              open_overdue=2, not_accepted=1, notices=2, green_channel=1, days_used=5,
                              days_measured=6)
    assert t.overdue == 3 and t.on_time_rate == pytest.approx(5 / 6) and t.average_days == pytest.approx(5 / 6)


def test_comparison_with_the_previous_month_and_last_year(world: MonthWorld) -> None:
    report = world.services.monthly.report(2026, 10)
    # September 2026: s1 s2 s3 received, s1 s2 accepted and completed, s1 on time (50%).
    assert report.previous_month == MonthlyCounts(received=3, accepted=2, completed=2, on_time=1,
                                                  completed_late=1, not_accepted=1, days_used=0)
    # October 2025: y1 only, on time.
    assert report.last_year == MonthlyCounts(received=1, accepted=1, completed=1, on_time=1)
    lines = {c.label: c for c in report.comparison}
    assert list(lines) == ["收件", "受理", "办结", "按期办结率"]
    received = lines["收件"]
    # 11 against 3: +8, +266.7 %; against 1: +10, +1000 %.
    assert (received.current, received.previous_month.earlier, received.previous_month.difference) == (11, 3, 8)
    assert received.previous_month.percent == pytest.approx(8 / 3)
    assert (received.last_year.earlier, received.last_year.difference) == (1, 10)
    assert received.last_year.percent == pytest.approx(10.0)
    assert (lines["受理"].current, lines["受理"].previous_month.difference, lines["受理"].last_year.difference) == (8, 6, 7)
    assert (lines["办结"].current, lines["办结"].previous_month.difference, lines["办结"].last_year.difference) == (6, 4, 5)
    rate = lines["按期办结率"]
    # 5/6 = 83.3 % against 50 % (+33.3 points) and 100 % (−16.7 points); rates have no percent change.
    assert rate.is_rate and rate.current == pytest.approx(5 / 6)
    assert rate.previous_month.difference == pytest.approx(5 / 6 - 0.5) and rate.previous_month.percent is None
    assert rate.last_year.difference == pytest.approx(5 / 6 - 1)
    by_code = {m.matter_code: m for m in report.matter_comparison}
    assert by_code["TD-004"].previous_month.received == 3 and by_code["TD-004"].last_year.received == 1


def test_the_twelve_month_series(world: MonthWorld) -> None:
    series = world.services.monthly.report(2026, 10).series
    assert [p.month for p in series] == [ReportMonth(2025, 11).shifted(i) for i in range(12)]
    assert series[0].month.short == "2025-11" and series[-1].month.short == "2026-10"
    # z1 in Nov 2025; nothing Dec 2025 – Aug 2026; September 3 received / 2 accepted, 50 %; October 11 / 8.
    assert [(p.received, p.accepted) for p in series] == [(1, 1), *[(0, 0)] * 9, (3, 2), (11, 8)]
    assert [p.on_time_rate for p in series] == [1.0, *[None] * 9, 0.5, pytest.approx(5 / 6)]
    # x1 (Sep 2025) is before the series and b1 (1 Nov 2026 in Beijing) after it.
    november = world.services.monthly.report(2026, 11)
    assert november.totals.received == 1 and november.series[-2].received == 11


def test_county_scope_all_townships_or_one(world: MonthWorld, clock: FixedClock) -> None:
    services = world.services
    town2, town2_user = _add_office(services, "370702102", "东岭镇自然资源所", username="zhaodl",
                                    display_name="赵东岭", roles="window_clerk,section_chief")
    county, county_user = _add_office(services, "370702000", "示例县自然资源局", county=True,
                                      username="xianju", display_name="周县局", roles="admin,leader")
    services.ctx.office_id, services.ctx.user_id = town2, town2_user
    clock.now = beijing(10, 20)
    d1 = services.intake.accept(full_form(services, "TD-004")).case_id  # on time: done the next day
    clock.now = beijing(10, 21, 9)
    services.routing.complete(d1, CaseResult.APPROVED, "同意。")
    # A township sees only its own cases, and may not ask for another's.
    assert services.monthly.report(2026, 10).totals.received == 1
    assert not services.monthly.is_county() and services.monthly.scopes() == []
    with pytest.raises(PermissionDenied):
        services.monthly.report(2026, 10, "370702101")

    services.ctx.office_id, services.ctx.user_id = county, county_user
    clock.now = NOW
    whole = services.monthly.report(2026, 10)
    assert whole.title == "示例县自然资源局 2026年10月 业务办理情况月报" and whole.scope_label == "全县汇总"
    assert whole.office_code is None
    # 示例镇's 11 plus 东岭镇's d1: 12 received, 9 accepted, 7 completed, 6 on time.
    assert (whole.totals.received, whole.totals.accepted, whole.totals.completed, whole.totals.on_time) == (12, 9, 7, 6)
    one = services.monthly.report(2026, 10, "370702102")
    assert one.title.startswith("东岭镇自然资源所") and one.totals.received == 1 and one.totals.on_time == 1
    assert [c.code for c in services.monthly.scopes()] == ["370702101", "370702102"]
    with pytest.raises(NotFoundError):
        services.monthly.report(2026, 10, "370702199")


def test_bad_months_are_refused(services: Services) -> None:
    with pytest.raises(ValidationError):
        services.monthly.report(2026, 13)
    with pytest.raises(ValidationError):
        services.monthly.report(1999, 1)
    # An empty month is a report of zeros, not an error.
    empty = services.monthly.report(2026, 10)
    assert empty.totals == MonthlyCounts() and empty.totals.on_time_rate is None
    assert [c.current for c in empty.comparison] == [0, 0, 0, None]
    assert services.monthly.default_month() == ReportMonth(2026, 10)
    assert services.monthly.months()[0] == ReportMonth(2026, 11)


# ------------------------------------------------------------------ files


def test_excel_reads_back(world: MonthWorld, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_monthly_report(world.services, 2026, 10, tmp_path / "月报.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["按事项", "对比", "近12个月"]
    sheet = book["按事项"]
    assert sheet.freeze_panes == "A2"
    headers = [c.value for c in sheet[1]]
    assert headers[:8] == ["事项编码", "事项名称", "收件", "受理", "不予受理", "一次性告知", "办结", "按期办结"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]}
    td004 = dict(zip(headers, rows["TD-004"], strict=True))
    assert (td004["收件"], td004["受理"], td004["不予受理"], td004["一次性告知"], td004["办结"]) == (7, 6, 1, 1, 4)
    assert (td004["按期办结"], td004["逾期合计"], td004["平均用时（工作日）"]) == (3, 2, 1.0)
    assert td004["按期办结率"] == pytest.approx(0.75)
    total = dict(zip(headers, rows["合计"], strict=True))
    assert (total["收件"], total["受理"], total["办结"], total["绿色通道"]) == (11, 8, 6, 1)
    assert sheet.column_dimensions["B"].width >= 20  # the matter names fit
    comparison = [r for r in book["对比"].iter_rows(min_row=2, values_only=True) if r[0] == "合计"]
    assert [r[2:6] for r in comparison][:3] == [("收件", 11, 3, 8), ("受理", 8, 2, 6), ("办结", 6, 2, 4)]
    series = list(book["近12个月"].iter_rows(min_row=2, max_row=13, values_only=True))
    assert series[0][:3] == ("2025-11", 1, 1) and series[-1][:3] == ("2026-10", 11, 8)
    assert book["近12个月"]["A14"].value == "合计" and book["近12个月"]["B14"].value == 15


def test_pdf_text(world: MonthWorld, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_monthly_report(world.services, 2026, 10, tmp_path / "月报.pdf")
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "示例镇自然资源所 2026年10月 业务办理情况月报" in text
    for words in ("分事项办理情况", "与上月、去年同月对比", "近12个月", "设施农业用地备案", "合计",
                  "83.3%", "+33.3个百分点", "-16.7个百分点", "+266.7%", "2025-11", "数据截至：2026年11月23日"):
        assert words in text, words
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape A4
    assert round(float(width)) == 842 and round(float(height)) == 595


def test_an_empty_month_prints_and_other_formats_are_refused(services: Services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # No case at all: zeros, dashes for the rates, empty charts — but a document all the same.
    path = write_monthly_report(services, 2026, 10, tmp_path / "空.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "示例镇自然资源所 2026年10月 业务办理情况月报" in text and "近12个月按期办结率" in text
    assert write_monthly_report(services, 2026, 10, tmp_path / "空.xlsx").exists()
    with pytest.raises(ValidationError):
        write_monthly_report(services, 2026, 10, tmp_path / "月报.docx")


# ------------------------------------------------------------------ pure helpers


@given(st.integers(2000, 2099), st.integers(1, 12), st.integers(-240, 240))
def test_month_arithmetic_round_trips(year: int, month: int, shift: int) -> None:
    start = ReportMonth(year, month)
    moved = start.shifted(shift)
    assert 1 <= moved.month <= 12 and moved.shifted(-shift) == start
    assert (moved.year - year) * 12 + moved.month - month == shift
    # A month ends where the next begins, at Beijing midnight (16:00 UTC the day before).
    assert start.end == start.shifted(1).start and start.start.hour == 16


@given(st.lists(st.one_of(st.none(), st.floats(0, 1)), max_size=12))
def test_rate_runs_split_at_gaps_and_keep_every_rate(rates: list[float | None]) -> None:
    runs = rate_runs(rates)
    assert all(len(run) == len(rates) for run in runs)
    # Every rate is in exactly one run, and each run is one unbroken stretch of months.
    for index, rate in enumerate(rates):
        holders = [run for run in runs if run[index] is not None]
        assert len(holders) == (0 if rate is None else 1)
    for run in runs:
        filled = [i for i, v in enumerate(run) if v is not None]
        assert filled == list(range(filled[0], filled[-1] + 1))
