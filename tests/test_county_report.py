"""The county's consolidated view, on cases made by the real intake and routing services.

One database plays the county: two township offices accept and handle cases
(the context acts as each office in turn, as their own PCs would before the
sync brought the rows up), then the context becomes the county office and
reads the summary. Every expected number below is counted by hand from the
scenario in ``CountyWorld``; today is Mon 23 Nov 2026 (tests.conftest.NOW).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import openpyxl
import pytest

from app.errors import LanddeskError, NotFoundError, PermissionDenied, ValidationError
from app.models import Office, User
from app.reports.excel import write_county_report
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.county import CaseCounts, CaseScope, ReportPeriod
from app.services.intake import CaseStatus, MaterialStatus
from app.services.routing import CaseResult, PauseKind
from tests.conftest import NOW, FixedClock
from tests.test_intake_service import full_form

pytestmark = pytest.mark.both_backends

YEAR_2026 = ReportPeriod(2026)


def beijing(month: int, day: int, hour: int = 10, minute: int = 0, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ).astimezone(dt.UTC)


@dataclass
class CountyWorld:
    services: Services
    clock: FixedClock
    county_office: uuid.UUID
    county_user: uuid.UUID
    town1: uuid.UUID  # 示例镇 370702101 (the fixture's office)
    town1_user: uuid.UUID
    town2: uuid.UUID  # 东岭镇 370702102
    town2_user: uuid.UUID
    town3: uuid.UUID  # 西河镇 370702103, no cases at all
    cases: dict[str, uuid.UUID]

    def act_as(self, office: uuid.UUID, user: uuid.UUID) -> None:
        self.services.ctx.office_id, self.services.ctx.user_id = office, user

    def as_county(self) -> None:
        self.act_as(self.county_office, self.county_user)
        self.clock.now = NOW


def _add_office(services: Services, code: str, name: str, *, county: bool = False,
                username: str, display_name: str, roles: str) -> tuple[uuid.UUID, uuid.UUID]:
    office_id, user_id = uuid.uuid4(), uuid.uuid4()
    with services.ctx.transaction("test.office") as s:
        s.add(Office(id=office_id, code=code, name=name, is_county=county))
        s.flush()
        s.add(User(id=user_id, office_id=office_id, username=username, display_name=display_name,
                   roles=roles))
    return office_id, user_id


def build_county_world(services: Services, clock: FixedClock) -> CountyWorld:
    """The scenario every test reads (B = Beijing time; 办结 = complete at the window step).

    示例镇 (town1):
      c1  TD-004 accepted Mon 12 Oct 10:00, due Tue 13 Oct, completed 13 Oct        → on time
      c2  TD-004 accepted Mon 12 Oct 10:00, due 13 Oct, completed Thu 15 Oct        → late
      c3  TD-009 (即办) accepted Mon 2 Nov, due 2 Nov, completed Tue 3 Nov 07:30 B
          (still 2 Nov in UTC: only the Beijing date shows it late)                  → late
      c4  TD-004 accepted Sun 1 Nov 00:30 B (31 Oct in UTC: a November case), due 2 Nov, open → open overdue
      c5  TD-004 accepted Mon 2 Nov, due 3 Nov, paused for 补正 on 2 Nov            → open, not overdue
      c6  TD-001 accepted Mon 16 Nov, due Mon 30 Nov, open                          → open, not overdue
      c7  refused Mon 9 Nov                                                          → received only
      c8  one-time notice Tue 10 Nov                                                 → received only
      c9  TD-004 accepted Wed 31 Dec 2025 22:00 B, completed                         → another year
    东岭镇 (town2):
      d1  TD-004 accepted Tue 20 Oct, due Wed 21 Oct, completed 21 Oct 16:00 B       → on time
      d2  TD-002 accepted Fri 20 Nov, due Mon 23 Nov (today), open                   → open, not overdue
      d3  收件 Mon 9 Nov, decision due Mon 16 Nov, undecided                          → open overdue
    西河镇 (town3): nothing.
    """
    assert services.ctx.office_id is not None and services.ctx.user_id is not None
    town1, town1_user = services.ctx.office_id, services.ctx.user_id
    town2, town2_user = _add_office(services, "370702102", "东岭镇自然资源所", username="zhaodl",
                                    display_name="赵东岭", roles="window_clerk,section_chief")
    town3, _ = _add_office(services, "370702103", "西河镇自然资源所", username="qianxh",
                           display_name="钱西河", roles="window_clerk")
    county, county_user = _add_office(services, "370702000", "示例县自然资源局", county=True,
                                      username="xianju", display_name="周县局", roles="admin,leader")
    world = CountyWorld(services, clock, county, county_user, town1, town1_user, town2, town2_user,
                        town3, {})
    intake, routing = services.intake, services.routing

    def accept(key: str, code: str, when: dt.datetime) -> uuid.UUID:
        clock.now = when
        world.cases[key] = intake.accept(full_form(services, code)).case_id
        return world.cases[key]

    def complete(key: str, when: dt.datetime) -> None:
        clock.now = when
        routing.complete(world.cases[key], CaseResult.APPROVED, "经核对，同意。")

    world.act_as(town1, town1_user)
    accept("c9", "TD-004", beijing(12, 31, 22, year=2025))
    complete("c9", beijing(12, 31, 23, year=2025))
    accept("c1", "TD-004", beijing(10, 12))
    accept("c2", "TD-004", beijing(10, 12))
    complete("c1", beijing(10, 13, 15))
    complete("c2", beijing(10, 15, 9))
    accept("c3", "TD-009", beijing(11, 2))
    complete("c3", beijing(11, 3, 7, 30))
    accept("c4", "TD-004", beijing(11, 1, 0, 30))
    accept("c5", "TD-004", beijing(11, 2, 11))
    routing.pause(world.cases["c5"], PauseKind.SUPPLEMENT, "申请人补正宗地图")
    accept("c6", "TD-001", beijing(11, 16))
    clock.now = beijing(11, 9)
    world.cases["c7"] = intake.refuse(full_form(services, "TD-004"), "不属于本所受理范围").case_id
    clock.now = beijing(11, 10)
    form = full_form(services, "TD-001")
    first = next(t for t in form.materials if t.status is MaterialStatus.RECEIVED)
    first.status, first.copies_received = MaterialStatus.MISSING, 0
    world.cases["c8"] = intake.notify_incomplete(form).case_id

    world.act_as(town2, town2_user)
    accept("d1", "TD-004", beijing(10, 20))
    complete("d1", beijing(10, 21, 16))
    accept("d2", "TD-002", beijing(11, 20))
    clock.now = beijing(11, 9)
    world.cases["d3"] = intake.receive(full_form(services, "TD-001")).case_id

    world.as_county()
    return world


@pytest.fixture
def world(services: Services, clock: FixedClock) -> CountyWorld:
    return build_county_world(services, clock)


def by_code(report_lines: tuple, code: str):  # type: ignore[no-untyped-def, type-arg]
    return next(line for line in report_lines if line.office.code == code)


# ------------------------------------------------------------------ the summary


def test_counts_per_township_match_a_hand_count(world: CountyWorld) -> None:
    report = world.services.county.report(YEAR_2026)
    assert [line.office.code for line in report.by_office] == ["370702101", "370702102", "370702103"]
    town1 = by_code(report.by_office, "370702101").counts
    # c1..c8 (c9 is 2025): c7 refused and c8 incomplete were received but not accepted.
    assert town1 == CaseCounts(received=8, accepted=6, completed=3, on_time=1, completed_late=2,
                               open=3, open_overdue=1)
    assert town1.overdue == 3 and town1.on_time_rate == pytest.approx(1 / 3)
    town2 = by_code(report.by_office, "370702102").counts
    assert town2 == CaseCounts(received=3, accepted=2, completed=1, on_time=1, completed_late=0,
                               open=2, open_overdue=1)
    # A township with no cases is listed with zeros, not left out.
    assert by_code(report.by_office, "370702103").counts == CaseCounts()
    assert by_code(report.by_office, "370702103").counts.on_time_rate is None
    assert report.totals == CaseCounts(received=11, accepted=8, completed=4, on_time=2,
                                       completed_late=2, open=5, open_overdue=2)
    assert report.today == dt.date(2026, 11, 23)


def test_months_are_beijing_months_and_the_period_filters(world: CountyWorld) -> None:
    county = world.services.county
    report = county.report(YEAR_2026)
    months = {(line.office.code, line.month): line.counts for line in report.by_month}
    # c4 was accepted at 00:30 on 1 Nov Beijing time (still 31 Oct in UTC): a November case.
    assert set(months) == {("370702101", 10), ("370702101", 11), ("370702102", 10), ("370702102", 11)}
    assert months[("370702101", 10)] == CaseCounts(received=2, accepted=2, completed=2, on_time=1,
                                                   completed_late=1)
    assert months[("370702101", 11)] == CaseCounts(received=6, accepted=4, completed=1, on_time=0,
                                                   completed_late=1, open=3, open_overdue=1)
    assert months[("370702102", 11)].received == 2

    november = county.report(ReportPeriod(2026, 11, 11))
    assert by_code(november.by_office, "370702101").counts.received == 6
    assert november.totals.received == 8
    october = county.report(ReportPeriod(2026, 10, 10))
    assert october.totals == CaseCounts(received=3, accepted=3, completed=3, on_time=2, completed_late=1)
    last_year = county.report(ReportPeriod(2025))
    assert last_year.totals == CaseCounts(received=1, accepted=1, completed=1, on_time=1)
    assert county.years() == [2026, 2025]


def test_by_matter_and_office_filter(world: CountyWorld) -> None:
    report = world.services.county.report(YEAR_2026, office_id=world.town1)
    assert [line.office.code for line in report.by_office] == ["370702101"]
    matters = {line.matter_code: line for line in report.by_matter}
    assert set(matters) == {"TD-001", "TD-004", "TD-009"}
    assert matters["TD-004"].matter_name == "设施农业用地备案"
    # TD-004: c1, c2, c4, c5 accepted, c7 refused.
    assert matters["TD-004"].counts == CaseCounts(received=5, accepted=4, completed=2, on_time=1,
                                                  completed_late=1, open=2, open_overdue=1)
    assert matters["TD-001"].counts == CaseCounts(received=2, accepted=1, open=1)  # c6, c8
    assert matters["TD-009"].counts == CaseCounts(received=1, accepted=1, completed=1, completed_late=1)
    assert all(line.office.code == "370702101" for line in report.by_month)
    assert report.totals.received == 8


def test_bad_periods_are_refused_in_chinese(world: CountyWorld) -> None:
    county = world.services.county
    with pytest.raises(ValidationError) as wrong_order:
        county.report(ReportPeriod(2026, 11, 3))
    assert wrong_order.value.field == "last_month" and "结束月份" in wrong_order.value.message
    with pytest.raises(ValidationError):
        county.report(ReportPeriod(2026, 0, 3))
    with pytest.raises(NotFoundError):
        county.report(YEAR_2026, office_id=world.county_office)  # the county is not a township


def test_a_township_cannot_see_the_county_summary(world: CountyWorld) -> None:
    world.act_as(world.town1, world.town1_user)
    county = world.services.county
    assert not county.is_county_office()
    with pytest.raises(PermissionDenied) as denied:
        county.report(YEAR_2026)
    assert "乡镇" in denied.value.message
    with pytest.raises(PermissionDenied):
        county.transfer_history(world.cases["c1"])
    world.as_county()
    assert county.is_county_office()


# ------------------------------------------------------------------ drill-down


def test_township_case_list(world: CountyWorld) -> None:
    county = world.services.county
    rows = county.township_cases(world.town1, YEAR_2026)
    ids = [r.id for r in rows]
    c = world.cases
    assert ids == [c["c1"], c["c2"], c["c4"], c["c3"], c["c5"], c["c7"], c["c8"], c["c6"]]  # by receipt
    row = {r.id: r for r in rows}
    assert row[c["c1"]].on_time is True and not row[c["c1"]].overdue
    assert row[c["c2"]].on_time is False and row[c["c2"]].overdue
    assert row[c["c3"]].on_time is False  # completed 07:30 on 3 Nov Beijing, due 2 Nov
    assert row[c["c4"]].overdue and row[c["c4"]].on_time is None
    assert row[c["c5"]].paused and not row[c["c5"]].overdue
    assert row[c["c1"]].applicant_name == "张建国" and row[c["c1"]].matter_name == "设施农业用地备案"
    assert row[c["c1"]].number == "3707021012026000001"  # c9 took 2025's number sequence
    assert row[c["c7"]].status is CaseStatus.REJECTED and row[c["c7"]].accepted_at is None
    assert row[c["c8"]].number.startswith("3707021012026B")  # only a notice number

    overdue = county.township_cases(world.town1, YEAR_2026, CaseScope.OVERDUE)
    assert {r.id for r in overdue} == {c["c2"], c["c3"], c["c4"]}
    open_ = county.township_cases(world.town1, YEAR_2026, CaseScope.OPEN)
    assert {r.id for r in open_} == {c["c4"], c["c5"], c["c6"]}
    done = county.township_cases(world.town1, YEAR_2026, CaseScope.COMPLETED)
    assert {r.id for r in done} == {c["c1"], c["c2"], c["c3"]}
    td009 = county.township_cases(world.town1, YEAR_2026, matter_code="TD-009")
    assert [r.id for r in td009] == [c["c3"]]
    assert county.township_cases(world.town3, YEAR_2026) == []
    with pytest.raises(NotFoundError):
        county.township_cases(world.county_office, YEAR_2026)


def test_transfer_history_of_a_routed_case(world: CountyWorld) -> None:
    """An important matter passed from the window to a handler and back, read at the county."""
    services, clock = world.services, world.clock
    handler = uuid.uuid4()
    with services.ctx.transaction("test.users") as s:
        s.add(User(id=handler, office_id=world.town2, username="lijb2", display_name="李经办",
                   roles="handler"))
    world.act_as(world.town2, world.town2_user)
    clock.now = beijing(11, 16, 9)
    case_id = services.intake.accept(full_form(services, "TD-001")).case_id
    services.routing.send(case_id, handler, "材料齐全，请踏勘")
    world.act_as(world.town2, handler)
    clock.now = beijing(11, 17, 9)
    services.routing.receive(case_id)
    clock.now = beijing(11, 20, 15)
    services.routing.return_case(case_id, "宗地图四至不清", to_step=1)

    world.as_county()
    history = services.county.transfer_history(case_id)
    assert history.office.name == "东岭镇自然资源所" and history.matter_name == "农村村民宅基地用地审批"
    assert history.status is CaseStatus.ACCEPTED and history.due_date == dt.date(2026, 11, 30)
    steps = history.steps
    assert [(s.seq, s.step_name, s.from_name, s.to_name, s.is_return) for s in steps] == [
        (1, steps[0].step_name, "", "赵东岭", False),
        (2, steps[1].step_name, "赵东岭", "李经办", False),
        (3, steps[0].step_name, "李经办", "赵东岭", True),
    ]
    assert steps[1].opinion == "" and steps[0].opinion == "材料齐全，请踏勘"
    assert steps[1].received_at == beijing(11, 17, 9) and steps[1].done_at == beijing(11, 20, 15)
    assert steps[1].result == "退回" and steps[1].reason == "宗地图四至不清"
    assert steps[2].reason == "宗地图四至不清" and steps[2].done_at is None
    # The handler's step (5 working days from Mon 16 → Mon 23) was returned on Fri 20, in time;
    # the return to the window (0 days → Fri 20) is still open on Mon 23: overdue.
    assert steps[1].due_date == dt.date(2026, 11, 23) and not steps[1].overdue
    assert steps[2].due_date == dt.date(2026, 11, 20) and steps[2].overdue
    assert not steps[0].overdue

    with pytest.raises(NotFoundError):
        services.county.transfer_history(uuid.uuid4())


# ------------------------------------------------------------------ Excel


def test_excel_export_reads_back(world: CountyWorld, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = world.services.county.report(YEAR_2026)
    path = write_county_report(report, tmp_path / "县局汇总.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["按乡镇", "按乡镇和事项", "按月份"]

    sheet = book["按乡镇"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["乡镇代码", "乡镇名称", "收件", "受理"]
    assert "按时办结率" in header and "超期合计" in header
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    first = dict(zip(header, rows[0], strict=True))
    assert first["乡镇代码"] == "370702101" and first["收件"] == 8 and first["超期合计"] == 3
    assert first["按时办结率"] == pytest.approx(1 / 3)
    totals = next(dict(zip(header, r, strict=True)) for r in rows if r[0] == "合计")
    assert totals["收件"] == 11 and totals["按时办结"] == 2 and totals["在办超期"] == 2
    assert totals["按时办结率"] == pytest.approx(2 / 4)
    assert sheet.column_dimensions["B"].width >= len("东岭镇自然资源所") * 2
    assert any("2026年1—12月" in str(r[0]) for r in rows)  # the period is written under the table

    matters = book["按乡镇和事项"]
    mheader = [c.value for c in matters[1]]
    assert mheader[:4] == ["乡镇代码", "乡镇名称", "事项编码", "事项名称"]
    mrows = [dict(zip(mheader, [c.value for c in r], strict=True)) for r in matters.iter_rows(min_row=2)]
    td004 = next(r for r in mrows if r["乡镇代码"] == "370702101" and r["事项编码"] == "TD-004")
    assert td004["收件"] == 5 and td004["在办超期"] == 1
    assert next(r for r in mrows if r["乡镇代码"] == "合计")["收件"] == 11

    months = book["按月份"]
    oheader = [c.value for c in months[1]]
    assert oheader[:3] == ["乡镇代码", "乡镇名称", "月份"]
    orows = [dict(zip(oheader, [c.value for c in r], strict=True)) for r in months.iter_rows(min_row=2)]
    assert {(r["乡镇代码"], r["月份"]) for r in orows if r["乡镇代码"] in ("370702101", "370702102")} == {
        ("370702101", "2026-10"), ("370702101", "2026-11"), ("370702102", "2026-10"), ("370702102", "2026-11")}
    assert next(r for r in orows if r["乡镇代码"] == "合计")["收件"] == 11


def test_excel_export_to_an_unwritable_place_says_so(world: CountyWorld, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = world.services.county.report(YEAR_2026)
    folder = tmp_path / "usb"
    folder.mkdir()
    blocker = folder / "汇总.xlsx"
    blocker.mkdir()  # a folder where the file should go: the rename fails after the write
    with pytest.raises(LanddeskError) as failed:
        write_county_report(report, blocker)
    assert "无法保存" in failed.value.message
    assert list(folder.iterdir()) == [blocker]  # no temporary file left behind
    with pytest.raises(LanddeskError):
        write_county_report(report, tmp_path / "missing" / "汇总.xlsx")


# ------------------------------------------------------------------ through real sync files


def _two_townships_through_sync(make_services, tmp_path, *, complete: bool) -> Services:  # type: ignore[no-untyped-def]
    """Two townships accept cases on Mon 2 Nov (TD-004, due Tue 3 Nov) — one at 示例镇, two at
    东岭镇 — optionally complete the last one on Wed 4 Nov (late), export their batches, and the
    county imports both. Returns the county's services."""
    from tests.sync_support import exchange_keys, make_county, make_township

    county = make_county(make_services)
    towns = [make_township(make_services, code) for code in ("370702101", "370702102")]
    batches = []
    for index, town in enumerate(towns):
        exchange_keys(town, county, tmp_path / f"keys{index}")
        town.ctx.clock.now = beijing(11, 2)  # type: ignore[attr-defined]
        for _ in range(index + 1):
            last = town.intake.accept(full_form(town, "TD-004")).case_id
        if complete:
            town.ctx.clock.now = beijing(11, 4)  # type: ignore[attr-defined]
            town.routing.complete(last, CaseResult.APPROVED, "同意备案。")
        batches.append(town.sync.export_batch(tmp_path / f"usb{index}").path)
    county.ctx.clock.now = NOW  # type: ignore[attr-defined]
    assert [r.outcome for r in county.sync.import_files(batches)] == ["applied", "applied"]
    return county


def test_the_county_reads_what_township_batches_brought(make_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The summary and the drill-down read the rows the county imported from batch files,
    with the townships' own staff names."""
    county = _two_townships_through_sync(make_services, tmp_path, complete=False)
    assert county.county.is_county_office()
    report = county.county.report(YEAR_2026)
    counts = {line.office.code: line.counts for line in report.by_office}
    assert counts == {"370702101": CaseCounts(received=1, accepted=1, open=1, open_overdue=1),
                      "370702102": CaseCounts(received=2, accepted=2, open=2, open_overdue=2)}
    town2 = next(t for t in county.county.townships() if t.code == "370702102")
    rows = county.county.township_cases(town2.id, YEAR_2026)
    assert len(rows) == 2 and all(r.overdue and r.applicant_name == "张建国" for r in rows)
    assert rows[0].number == "3707021022026000001"
    history = county.county.transfer_history(rows[0].id)
    assert history.office.name == "东关镇自然资源所"
    assert [(s.to_name, s.done_at) for s in history.steps] == [("王晓梅", None)]


def test_a_completion_reaches_the_county_summary(make_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    county = _two_townships_through_sync(make_services, tmp_path, complete=True)
    counts = {line.office.code: line.counts for line in county.county.report(YEAR_2026).by_office}
    assert counts["370702101"] == CaseCounts(received=1, accepted=1, completed=1, completed_late=1)
    assert counts["370702102"] == CaseCounts(received=2, accepted=2, completed=1, completed_late=1,
                                             open=1, open_overdue=1)
