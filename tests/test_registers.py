"""Registers (台账) on cases made by the real intake and routing services.

Every expected line and total is worked out by hand from the scenario in
``build_register_world``. November 2026 has no public holiday, so only weekends
are rest days; counting starts the day after acceptance (tests/test_routing.py).

    November 2026
    Mo Tu We Th Fr Sa Su
                       1
     2  3  4  5  6  7  8
     9 10 11 12 13 14 15
    16 17 18 19 20 21 22
    23 (today)
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from app.errors import PermissionDenied, ValidationError
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.inquiries import InquiryInput
from app.services.intake import ApplicantInput, MaterialStatus
from app.services.registers import (
    EMPTY_TEXT,
    QuickRange,
    RegisterKind,
    cell_text,
    check_range,
    mask_id,
    quick_range,
    write_register,
)
from app.services.routing import CaseResult, PauseKind
from tests.conftest import FixedClock
from tests.test_intake_service import VALID_ID, full_form
from tests.test_routing import add_user

D = dt.date
NOV_FIRST, NOV_LAST = D(2026, 11, 1), D(2026, 11, 20)
MASKED_ID = VALID_ID[:6] + "********" + VALID_ID[-4:]
ORG_ID = "91350100M000100Y43"


def beijing(month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=LOCAL_TZ).astimezone(dt.UTC)


@dataclass
class RegisterWorld:
    services: Services
    clerk: uuid.UUID  # 王晓梅 (the fixture's first user)
    handler: uuid.UUID  # 李经办
    numbers: dict[str, str]


def build_register_world(services: Services, clock: FixedClock) -> RegisterWorld:
    """The scenario (times are Beijing time; numbers in the order they were given):

    a9  TD-004 accepted Fri 30 Oct 16:00 (…000001), due Mon 2 Nov, completed 2 Nov 11:00 → 1 day, on time
    a1  TD-004 accepted Mon 2 Nov 09:00 (…000002), due Tue 3 Nov, completed 3 Nov 15:00 → 1 day, on time
    a2  TD-004 green channel, accepted 2 Nov 10:00 (…000003), due 3 Nov, completed Thu 5 Nov → 3 days, late
    a3  TD-009 (即办) for an organisation, accepted Wed 4 Nov 11:00 (…000004), completed 16:00 → 0, on time
    a4  TD-001 accepted Thu 5 Nov 09:00 (…000005), due Thu 19 Nov; sent to 李经办 10:00;
        Fri 6 Nov 10:00 李经办 returns it to 窗口受理 (row 3); Mon 9 Nov 王晓梅 sends it again (row 4);
        paused for 补正 Tue 10 – Thu 12 Nov (due moves by 3 days to Tue 24 Nov);
        Fri 13 Nov 15:00 李经办 returns it to the applicant (row 5)   → 6 − 3 = 3 days, on time
    a5  TD-004 refused Fri 6 Nov 14:00 (J000001)
    a6  TD-001 one-time notice Mon 9 Nov 09:30 (B000001), never supplemented
    a7  TD-004 one-time notice Tue 10 Nov 09:00 (B000002), supplemented and accepted Thu 12 Nov 10:00
        (…000006, received again that day), due Fri 13 Nov, still open
    a8  TD-004 received Fri 13 Nov 11:00, undecided (decision due Fri 20 Nov)
    Inquiries: Tue 3 Nov 09:15 a call answered; Tue 10 Nov 14:00 a visit forwarded, still open;
    Wed 25 Nov a call (after the range).
    """
    s = services
    assert s.ctx.user_id is not None
    clerk = s.ctx.user_id
    handler = add_user(s, "lijb", "李经办", "handler")
    world = RegisterWorld(s, clerk, handler, {})
    ids: dict[str, uuid.UUID] = {}

    def at(month: int, day: int, hour: int = 10, minute: int = 0) -> None:
        clock.now = beijing(month, day, hour, minute)

    def act(user: uuid.UUID) -> None:
        s.ctx.user_id = user

    def accept(key: str, code: str, **changes: object) -> None:
        outcome = s.intake.accept(full_form(s, code, **changes))
        ids[key], world.numbers[key] = outcome.case_id, outcome.number

    def complete(key: str) -> None:
        s.routing.complete(ids[key], CaseResult.APPROVED, "经核对，同意。")

    def incomplete_form(code: str):  # type: ignore[no-untyped-def]
        form = full_form(s, code)
        first = next(t for t in form.materials if t.status is MaterialStatus.RECEIVED)
        first.status, first.copies_received = MaterialStatus.MISSING, 0
        return form

    at(10, 30, 16)
    accept("a9", "TD-004")
    at(11, 2, 11)
    complete("a9")
    at(11, 2, 9)
    accept("a1", "TD-004")
    at(11, 2, 10)
    accept("a2", "TD-004", green_channel=True)
    at(11, 3, 15)
    complete("a1")
    at(11, 4, 11)
    org = ApplicantInput(kind="organisation", name="示例县恒达建材有限公司", id_type="uscc",
                         id_number=ORG_ID, phone="0536-8123456", legal_rep="李强")
    accept("a3", "TD-009", applicant=org, agent_name="刘代办", agent_id_number=VALID_ID)
    at(11, 4, 16)
    complete("a3")
    at(11, 5, 9)
    accept("a4", "TD-001")
    at(11, 5, 10)
    complete("a2")
    s.routing.send(ids["a4"], handler)
    at(11, 6, 10)
    act(handler)
    s.routing.receive(ids["a4"])
    s.routing.return_case(ids["a4"], "宗地图缺少四邻签字确认", 1)
    at(11, 6, 14)
    act(clerk)
    s.intake.refuse(full_form(s, "TD-004"), "不属于本所受理范围")
    at(11, 9, 9)
    s.routing.receive(ids["a4"])
    s.routing.send(ids["a4"], handler)
    at(11, 9, 9, 30)
    world.numbers["a6"] = s.intake.notify_incomplete(incomplete_form("TD-001")).number
    at(11, 10, 9)
    notice = s.intake.notify_incomplete(incomplete_form("TD-004"))
    world.numbers["a7 notice"] = notice.number
    act(handler)
    s.routing.receive(ids["a4"])
    s.routing.pause(ids["a4"], PauseKind.SUPPLEMENT, "申请人补正四邻签字")
    at(11, 12, 10)
    act(clerk)
    outcome = s.intake.accept(full_form(s, "TD-004"), case_id=notice.case_id)
    world.numbers["a7"] = outcome.number
    act(handler)
    s.routing.resume(ids["a4"])
    at(11, 13, 11)
    act(clerk)
    s.intake.receive(full_form(s, "TD-004"))
    at(11, 13, 15)
    act(handler)
    s.routing.return_case(ids["a4"], "申请人已有宅基地，不符合“一户一宅”条件", None)

    act(clerk)
    at(11, 3, 9, 15)
    s.inquiries.log(InquiryInput(channel="phone", asker="赵大山", phone="13853600001",
                                 matter="TD-004", question="大棚看护房要不要备案"))
    at(11, 10, 14)
    s.inquiries.log(InquiryInput(channel="visit", asker="钱二河", address="示例镇西河村",
                                 question="反映邻居占用道路建房", handling="forwarded",
                                 forwarded_to="执法中队"))
    at(11, 25, 9)
    s.inquiries.log(InquiryInput(channel="phone", asker="孙三", question="咨询办公时间"))
    clock.now = beijing(11, 23)
    return world


@pytest.fixture
def world(services: Services, clock: FixedClock) -> RegisterWorld:
    return build_register_world(services, clock)


def texts(row: tuple) -> list[str]:  # type: ignore[type-arg]
    return [cell_text(v) for v in row]


def column(register, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    index = next(i for i, c in enumerate(register.columns) if c.key == key)
    return [cell_text(row[index]) for row in register.rows]


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


# ---------------------------------------------------------------- the four registers


@pytest.mark.both_backends
def test_intake_register_lists_every_window_decision(world: RegisterWorld) -> None:
    n = world.numbers
    register = world.services.registers.register(RegisterKind.INTAKE, NOV_FIRST, NOV_LAST)
    assert register.office_name == "示例镇自然资源所" and register.scope == ""
    assert [c.title for c in register.columns] == [
        "序号", "收件/受理编号", "收件时间", "申请人", "证件号码", "联系电话", "事项名称", "办理结果",
        "承诺办结日期", "绿色通道", "受理人", "备注"]
    # a7's notice of 10 Nov is a line of its own although the case was received again on 12 Nov.
    assert column(register, "number") == [n["a1"], n["a2"], n["a3"], n["a4"], "3707021012026J000001",
                                          n["a6"], n["a7 notice"], n["a7"], ""]
    assert n["a6"] == "3707021012026B000001" and n["a7"] == "3707021012026000006"
    assert column(register, "received_at") == [
        "2026-11-02 09:00", "2026-11-02 10:00", "2026-11-04 11:00", "2026-11-05 09:00",
        "2026-11-06 14:00", "2026-11-09 09:30", "2026-11-10 09:00", "2026-11-12 10:00",
        "2026-11-13 11:00"]
    assert column(register, "result") == ["受理", "受理", "受理", "受理", "不予受理", "一次性告知补正",
                                          "一次性告知补正", "受理", "待定"]
    # a4's due date as it stands: the receipt said 19 Nov, the 补正 pause moved it to 24 Nov.
    assert column(register, "due_date") == ["2026-11-03", "2026-11-03", "2026-11-04", "2026-11-24",
                                            "", "", "", "2026-11-13", ""]
    assert column(register, "green") == ["", "是", "", "", "", "", "", "", ""]
    assert column(register, "id_number") == [MASKED_ID, MASKED_ID, ORG_ID, *[MASKED_ID] * 6]
    assert column(register, "applicant")[2] == "示例县恒达建材有限公司"
    assert column(register, "clerk") == ["王晓梅"] * 9
    notes = column(register, "note")
    assert notes[2] == "代理人：刘代办"
    assert notes[4] == "理由：不属于本所受理范围"
    assert notes[5] == "待申请人补正材料"
    assert notes[6] == f"2026-11-12 补正后受理（{n['a7']}）"
    assert notes[7] == "经告知书 3707021012026B000002 补正后受理"
    assert notes[8] == "须于 2026-11-20 前作出是否受理的决定"
    assert texts(register.total_row)[:2] == ["合计", "共 9 件"]
    assert register.summary == ("本期共收件 9 件：受理 5 件（其中绿色通道 1 件），一次性告知补正 2 件，"
                                "不予受理 1 件，待定 1 件。")
    # The notice's own day: only it (the case itself is on 12 Nov's register).
    tenth = world.services.registers.register(RegisterKind.INTAKE, D(2026, 11, 10), D(2026, 11, 10))
    assert column(tenth, "number") == [n["a7 notice"]]
    assert column(world.services.registers.register(RegisterKind.INTAKE, D(2026, 11, 12),
                                                    D(2026, 11, 12)), "number") == [n["a7"]]


@pytest.mark.both_backends
def test_completion_register_counts_working_days_without_pauses(world: RegisterWorld) -> None:
    n = world.numbers
    register = world.services.registers.register(RegisterKind.COMPLETION, NOV_FIRST, NOV_LAST)
    assert [texts(row) for row in register.rows] == [
        ["1", n["a9"], "张建国", "设施农业用地备案", "2026-10-30", "1", "2026-11-02", "2026-11-02", "准予",
         "1", "按期", "王晓梅", "王晓梅"],
        ["2", n["a1"], "张建国", "设施农业用地备案", "2026-11-02", "1", "2026-11-03", "2026-11-03", "准予",
         "1", "按期", "王晓梅", "王晓梅"],
        ["3", n["a3"], "示例县恒达建材有限公司", "不动产（土地）登记资料查询", "2026-11-04", "0",
         "2026-11-04", "2026-11-04", "准予", "0", "按期", "王晓梅", "王晓梅"],
        ["4", n["a2"], "张建国", "设施农业用地备案", "2026-11-02", "1", "2026-11-03", "2026-11-05", "准予",
         "3", "逾期", "王晓梅", "王晓梅"],
        ["5", n["a4"], "张建国", "农村村民宅基地用地审批", "2026-11-05", "10", "2026-11-24", "2026-11-13",
         "退回申请人", "3", "按期", "王晓梅", "李经办"],
    ]
    assert register.highlighted == frozenset({3})  # the late one
    # (1 + 1 + 0 + 3 + 3) / 5 = 1.6 working days; 4 of 5 on time.
    assert texts(register.total_row) == ["合计", "共 5 件", "", "", "", "", "", "", "", "平均 1.6",
                                         "按期 4 件", "", ""]
    assert register.summary == ("本期共办结 5 件：准予 4 件，不予批准 0 件，申请人撤回 0 件，退回申请人 1 件；"
                                "按期办结 4 件，逾期办结 1 件，按期办结率 80.0%；平均实际用时 1.6 个工作日。")


@pytest.mark.both_backends
def test_return_register_lists_returns_to_a_step_and_to_the_applicant(world: RegisterWorld) -> None:
    number = world.numbers["a4"]
    register = world.services.registers.register(RegisterKind.RETURNS, NOV_FIRST, NOV_LAST)
    assert [texts(row) for row in register.rows] == [
        ["1", f"{number}T03", "张建国", "农村村民宅基地用地审批", "2026-11-06 10:00", "实地踏勘与审查",
         "李经办", "窗口受理（王晓梅）", "宗地图缺少四邻签字确认"],
        ["2", f"{number}T05", "张建国", "农村村民宅基地用地审批", "2026-11-13 15:00", "实地踏勘与审查",
         "李经办", "申请人", "申请人已有宅基地，不符合“一户一宅”条件"],
    ]
    assert register.summary == "本期共退件 2 件：退回前面环节 1 件，退回申请人 1 件。"


def test_inquiry_register_uses_the_daily_register_columns(world: RegisterWorld) -> None:
    register = world.services.registers.register(RegisterKind.INQUIRY, NOV_FIRST, NOV_LAST)
    assert [c.title for c in register.columns] == [
        "序号", "时间", "方式", "来访/来电人", "联系电话", "住址", "咨询事项", "接收材料", "首问人", "责任人",
        "办理情况", "结果"]
    assert [texts(row) for row in register.rows] == [
        ["1", "2026-11-03 09:15", "来电", "赵大山", "13853600001", "", "【设施农业用地备案】大棚看护房要不要备案",
         "无", "王晓梅", "王晓梅", "当场答复", ""],
        ["2", "2026-11-10 14:00", "来访", "钱二河", "", "示例镇西河村", "反映邻居占用道路建房", "无", "王晓梅",
         "王晓梅", "转办至执法中队", "尚未办结"],
    ]
    assert register.summary == ("本期共登记 2 件（来电 1 件，来访 1 件）；当场答复 1 件，转办 1 件，"
                                "其中尚未办结 1 件。")


def test_the_range_is_inclusive_beijing_days(world: RegisterWorld) -> None:
    registers = world.services.registers
    # 2 Nov 09:00 Beijing is 1 Nov 01:00 UTC: still a 2 November line.
    one_day = registers.register(RegisterKind.INTAKE, D(2026, 11, 2), D(2026, 11, 2))
    assert column(one_day, "received_at") == ["2026-11-02 09:00", "2026-11-02 10:00"]
    assert registers.register(RegisterKind.INTAKE, D(2026, 10, 30), D(2026, 10, 30)).count == 1
    assert registers.register(RegisterKind.INQUIRY, D(2026, 11, 25), D(2026, 11, 25)).count == 1


# ---------------------------------------------------------------- ranges and rights


def test_bad_ranges_are_refused_at_the_field(services: Services) -> None:
    registers = services.registers
    with pytest.raises(ValidationError) as info:
        registers.register(RegisterKind.INTAKE, D(2026, 11, 30), D(2026, 11, 1))
    assert info.value.field == "last" and "早于开始日期" in info.value.message
    with pytest.raises(ValidationError) as info:
        registers.register(RegisterKind.INTAKE, D(2020, 1, 1), D(2025, 1, 1))
    assert info.value.field == "last" and info.value.reason == "too_long" and "5 年" in info.value.message
    assert check_range(D(2020, 1, 1), D(2024, 12, 31)) == (D(2020, 1, 1), D(2024, 12, 31))
    with pytest.raises(ValidationError) as info:
        registers.register(RegisterKind.INTAKE, D(1999, 12, 31), D(2000, 1, 5))
    assert info.value.field == "first"
    with pytest.raises(ValidationError) as info:
        write_register(services, "intake", "2026-11-01", "11/30", Path("x.xlsx"))
    assert info.value.field == "last" and "2026-11-01" in info.value.message
    with pytest.raises(ValidationError) as info:
        write_register(services, "ledger", "2026-11-01", "2026-11-30", Path("x.xlsx"))
    assert info.value.field == "kind"


def test_quick_ranges() -> None:
    today = D(2026, 1, 15)
    assert quick_range(QuickRange.THIS_MONTH, today) == (D(2026, 1, 1), D(2026, 1, 31))
    assert quick_range(QuickRange.LAST_MONTH, today) == (D(2025, 12, 1), D(2025, 12, 31))
    assert quick_range(QuickRange.THIS_YEAR, today) == (D(2026, 1, 1), D(2026, 12, 31))
    assert quick_range(QuickRange.LAST_MONTH, D(2026, 3, 31)) == (D(2026, 2, 1), D(2026, 2, 28))


@given(st.dates(), st.dates())
def test_any_range_is_taken_or_refused_at_a_field(first: dt.date, last: dt.date) -> None:
    try:
        assert check_range(first, last) == (first, last)
    except ValidationError as exc:
        assert exc.field in ("first", "last") and exc.message
    else:
        assert first <= last and first.year >= 2000 and last.year <= 2100
        assert (last - first).days < 5 * 366


@given(st.dates(min_value=D(2001, 1, 1), max_value=D(2099, 12, 31)), st.sampled_from(list(QuickRange)))
def test_quick_ranges_are_whole_months_or_years(today: dt.date, choice: QuickRange) -> None:
    first, last = quick_range(choice, today)
    check_range(first, last)
    assert first.day == 1 and (last + dt.timedelta(days=1)).day == 1
    if choice is QuickRange.LAST_MONTH:
        assert last < today.replace(day=1) and (today.replace(day=1) - last).days == 1
    else:
        assert first <= today <= last


def test_masking() -> None:
    assert mask_id("resident_id", "370702198001011234") == "370702********1234"
    assert mask_id("uscc", ORG_ID) == ORG_ID
    assert mask_id("other", "E12345678") == "E1*****78"


def test_other_offices_registers_are_not_a_townships_to_read(world: RegisterWorld) -> None:
    with pytest.raises(PermissionDenied):
        world.services.registers.register(RegisterKind.INTAKE, NOV_FIRST, NOV_LAST, uuid.uuid4())


def test_only_the_offices_staff_read_registers(services: Services) -> None:
    services.ctx.user_id = add_user(services, "guest", "来客", "")  # no role at all
    with pytest.raises(PermissionDenied) as info:
        services.registers.register(RegisterKind.INTAKE, NOV_FIRST, NOV_LAST)
    assert "工作人员" in info.value.message


def test_county_sees_all_townships_with_a_township_column(services: Services, clock: FixedClock,
                                                          tmp_path: Path) -> None:
    from tests.test_county_report import build_county_world

    county = build_county_world(services, clock)
    register = services.registers.register(RegisterKind.INTAKE, D(2026, 11, 1), D(2026, 11, 30))
    assert register.scope == "全部 3 个乡镇" and register.office_name == "示例县自然资源局"
    assert [c.title for c in register.columns][:3] == ["序号", "乡镇", "收件/受理编号"]
    # 示例镇: c3 c4 c5 c6 c7 c8 received in November (Beijing); 东岭镇: d2 d3.
    assert sorted(column(register, "township")) == ["东岭镇自然资源所"] * 2 + ["示例镇自然资源所"] * 6
    assert texts(register.total_row)[:3] == ["合计", "", "共 8 件"]
    one = services.registers.register(RegisterKind.INTAKE, D(2026, 11, 1), D(2026, 11, 30), county.town2)
    assert one.office_name == "东岭镇自然资源所" and one.count == 2 and one.columns[1].key == "number"
    path = write_register(services, "受理", "2026-11-01", "2026-11-30", tmp_path / "dl.xlsx",
                          office_code="370702102")
    assert openpyxl.load_workbook(path).active["A1"].value == "东岭镇自然资源所 受理登记簿"


# ---------------------------------------------------------------- Excel and PDF


@pytest.mark.parametrize("kind", list(RegisterKind))
def test_excel_read_back(world: RegisterWorld, kind: RegisterKind, tmp_path: Path) -> None:
    registers = world.services.registers
    register = registers.register(kind, NOV_FIRST, NOV_LAST)
    path = write_register(world.services, kind.value, "2026-11-01", "2026-11-20", tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == kind.label
    assert sheet["A1"].value == f"示例镇自然资源所 {kind.label}"
    assert sheet["A2"].value == "登记期间：2026年11月1日至2026年11月20日　　打印日期：2026-11-23"
    assert [c.value for c in sheet[3]] == [c.title for c in register.columns]
    assert sheet.freeze_panes == "A4"
    assert sheet.print_title_rows == "$3:$3"
    total = 4 + register.count
    assert [sheet.cell(total, 1).value, sheet.cell(total, 2).value] == ["合计", f"共 {register.count} 件"]
    assert sheet.cell(total + 2, 1).value == register.summary
    first_row = [c.value for c in sheet[4]]
    assert first_row[0] == 1
    for letter in ("A", "B", "C"):
        assert sheet.column_dimensions[letter].width >= 6
    assert sheet.column_dimensions["B"].width >= 18  # numbers and times are not cut
    if kind is RegisterKind.COMPLETION:
        assert first_row[4] == dt.datetime(2026, 10, 30)  # a real date, for sorting and filtering
        assert sheet.cell(4 + 3, 11).value == "逾期"


def test_empty_register_says_so(services: Services, tmp_path: Path) -> None:
    registers = services.registers
    register = registers.register(RegisterKind.RETURNS, D(2026, 1, 1), D(2026, 1, 31))
    assert register.count == 0 and register.summary.startswith("本期共退件 0 件")
    text = "".join(pdf_pages(registers.pdf(register)))
    assert EMPTY_TEXT in text and "退件原因" in text and "共 0 件" in text
    sheet = openpyxl.load_workbook(registers.write_excel(register, tmp_path / "e.xlsx")).active
    assert sheet["A4"].value == EMPTY_TEXT and sheet["A5"].value == "合计"


def test_pdf_of_each_register(world: RegisterWorld, tmp_path: Path) -> None:
    n = world.numbers
    for kind, expected in [
        (RegisterKind.INTAKE, [n["a1"], "一次性告知补正", "370702********", "本期共收件 9 件"]),
        (RegisterKind.COMPLETION, [n["a4"], "退回申请人", "逾期", "按期办结率 80.0%", "平均 1.6"]),
        (RegisterKind.RETURNS, [f"{n['a4']}T05", "宗地图缺少四邻签字确认", "退回申请人 1 件"]),
        (RegisterKind.INQUIRY, ["赵大山", "转办至执法中队", "本期共登记 2 件"]),
    ]:
        out = write_register(world.services, kind.value, NOV_FIRST, NOV_LAST, tmp_path / f"{kind}.pdf")
        pages = pdf_pages(out.read_bytes())
        text = "".join(pages).replace("\n", "")  # wrapped cells come out line by line
        assert "示例镇自然资源所" in text and kind.label in text
        assert "登记期间：2026年11月1日至2026年11月20日" in text and "打印日期：2026年11月23日" in text
        for piece in expected:
            assert piece in text, (kind, piece)


def test_long_register_repeats_the_header_on_every_page(services: Services, clock: FixedClock) -> None:
    for i in range(45):
        clock.now = beijing(11, 2 + i % 18, 9, i)
        services.inquiries.log(InquiryInput(
            channel="visit", asker=f"来访人{i:02d}", address="示例镇东王村",
            question="咨询宅基地审批需要哪些材料，村里开会的会议纪要是否必须，" * 2))
    register = services.registers.register(RegisterKind.INQUIRY, NOV_FIRST, NOV_LAST)
    pages = pdf_pages(services.registers.pdf(register))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "咨询事项" in page and "首问人" in page, number  # the header row
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    assert "来访人00" in pages[0] and "来访人44" in "".join(pages[1:])
    assert "本期共登记 45 件" in pages[-1] and "共 45 件" in pages[-1]
