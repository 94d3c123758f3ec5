"""结对消访: pairing long-standing petitioners with leaders, contacts, closing, the county's view."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.dto import Role
from app.errors import FormErrors, NotFoundError, PermissionDenied, StateError
from app.models import PetitionCase
from app.services import Services
from app.services.petitions import (
    ContactInput,
    EventKind,
    PetitionInput,
    PetitionRulesError,
    PetitionStatus,
    load_petition_rules,
    parse_petition_rules,
)
from app.validators import resident_id_check_char
from tests.conftest import FixedClock
from tests.props import examples
from tests.sync_support import Pair, pair

_ = pair  # the fixture, imported for pytest

TODAY = dt.date(2026, 11, 23)
RESOLUTION = "经多次上门协调，双方按2019年确权图重新确认界址并签订协议，信访人签字承诺息诉罢访。"


def resident_id(birth: str = "19580317", serial: str = "215") -> str:
    body = f"370702{birth}{serial}"
    return body + resident_id_check_char(body)


def add_leader(services: Services, username: str, name: str, role: Role) -> object:
    return services.users.create_user(username, name, (role,), "demo-2026-pass", must_change_password=False).id


def form(services: Services, leader_id: object = None, **changes: object) -> PetitionInput:
    values: dict[str, object] = dict(
        petitioner="赵德胜", subject="宅基地界址纠纷", leader_id=leader_id or services.ctx.user_id,
        id_number=resident_id(), phone="13905361234", address="示例镇东王村3组18号", village="东王村",
        history="2019年起因与邻居赵某宅基地界址争议多次到县、市上访。",
        first_petition_on=dt.date(2019, 4, 2), paired_on=dt.date(2026, 3, 10))
    values.update(changes)
    return PetitionInput(**values)  # type: ignore[arg-type]


def contact(day: dt.date, **changes: object) -> ContactInput:
    values: dict[str, object] = dict(on_date=day, form="visit", content="上门听取诉求，查看现场界桩",
                                     outcome="信访人同意等待重新测量", next_step="约县测绘队复测")
    values.update(changes)
    return ContactInput(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------- the data file


def test_the_shipped_rules_load() -> None:
    rules = load_petition_rules()
    assert rules.contact_interval_days == 30
    assert [c.name for c in rules.forms][:4] == ["上门走访", "约谈", "电话", "书信"]
    assert {"息诉罢访", "达成协议", "依法终结"} <= {c.name for c in rules.resolutions}


@pytest.mark.parametrize(("text", "line", "field", "words"), [
    ('version = "1"\ncontact_interval_days = "30"\nmin_resolution_chars = 20\n'
     '[[forms]]\ncode = "visit"\nname = "上门走访"\n[[resolutions]]\ncode = "x"\nname = "息诉罢访"\n',
     2, "contact_interval_days", "整数"),
    ('version = "1"\ncontact_interval_days = 30\nmin_resolution_chars = 20\n'
     '[[forms]]\ncode = "visit"\nname = "上门走访"\n[[forms]]\ncode = "visit"\nname = "约谈"\n'
     '[[resolutions]]\ncode = "x"\nname = "息诉罢访"\n', 8, "forms[2].code", "重复"),
    ('version = "1"\ncontact_interval_days = 30\nmin_resolution_chars = 20\n'
     '[[forms]]\ncode = "Visit Home"\nname = "上门走访"\n[[resolutions]]\ncode = "x"\nname = "息诉罢访"\n',
     5, "forms[1].code", "小写英文字母"),
    ('version = "1"\ncontact_interval_days = 30\nmin_resolution_chars = 20\n'
     '[[forms]]\ncode = "visit"\nnmae = "上门走访"\n[[resolutions]]\ncode = "x"\nname = "息诉罢访"\n',
     6, "forms[1].nmae", "是否想写 name"),
    ('version = "1"\ncontact_interval_days = 30\nmin_resolution_chars = 20\n'
     '[[forms]]\ncode = "visit"\nname = "上门走访"\n', 1, "resolutions", "缺少必填字段"),
    ('version = "1"\ncontact_interval_days = 30\nmin_resolution_chars = 20\nforms = [\n', 5, "toml", "TOML"),
])
def test_a_bad_rules_file_names_line_and_field(text: str, line: int, field: str, words: str) -> None:
    with pytest.raises(PetitionRulesError) as caught:
        parse_petition_rules(text, "petitions.toml")
    assert caught.value.line == line and caught.value.field == field
    assert words in caught.value.message and "petitions.toml" in caught.value.message


def test_a_missing_rules_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(PetitionRulesError, match="文件不存在"):
        load_petition_rules(tmp_path / "petitions.toml")


_TOML_SCALAR = st.one_of(st.integers(-5, 1000), st.text(max_size=8), st.booleans(),
                         st.floats(allow_nan=False, allow_infinity=False), st.dates())


@settings(max_examples=examples(150), deadline=None)
@given(interval=_TOML_SCALAR, chars=_TOML_SCALAR, code=st.text(max_size=20), name=st.text(max_size=16),
       junk=st.text(max_size=30))
def test_the_loader_only_ever_says_where_a_file_is_wrong(interval: object, chars: object, code: str, name: str,
                                                        junk: str) -> None:
    def toml(value: object) -> str:
        if isinstance(value, str):
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    text = (f'version = "1"\ncontact_interval_days = {toml(interval)}\nmin_resolution_chars = {toml(chars)}\n'
            f'[[forms]]\ncode = {toml(code)}\nname = {toml(name)}\n'
            f'[[resolutions]]\ncode = "settled"\nname = "息诉罢访"\n{junk}')
    try:
        rules = parse_petition_rules(text, "petitions.toml")
    except PetitionRulesError as exc:
        assert exc.line is None or 1 <= exc.line <= text.count("\n") + 1
        assert exc.field and exc.reason
    else:
        assert 1 <= rules.contact_interval_days <= 366 and rules.forms[0].code == code.strip()


# ---------------------------------------------------------------- registering and pairing


def test_register_pairs_a_petitioner_with_a_leader_and_numbers_the_file(services: Services) -> None:
    paired = services.petitions.register(form(services))
    case = paired.case
    assert paired.warning == ""
    assert case.item.number == "3707021012026XF000001"
    assert case.item.leader_name == "王晓梅" and case.item.paired_on == dt.date(2026, 3, 10)
    assert case.id_number == resident_id() and case.item.id_number_masked == "370702********" + resident_id()[-4:]
    assert case.item.status is PetitionStatus.OPEN and case.item.contacts == 0
    # Never contacted: counted from the pairing (2026-03-10 → 2026-11-23).
    assert case.item.days_since == 258 and case.item.overdue
    assert [e.kind for e in case.events] == [EventKind.REGISTER] and case.events[0].text == "与王晓梅结对"
    second = services.petitions.register(form(services, petitioner="钱玉兰", id_number="", phone="",
                                              subject="征地补偿分配", paired_on=None))
    assert second.case.item.number == "3707021012026XF000002"
    assert second.case.item.days_since == 0 and not second.case.item.overdue
    assert "王晓梅已结对 1 户信访老户：赵德胜（3707021012026XF000001）" in second.warning


def test_every_problem_of_a_registration_is_shown_at_its_field(services: Services) -> None:
    clerk = services.users.create_user("lina", "李娜", (Role.WINDOW_CLERK,), "demo-2026-pass",
                                       must_change_password=False).id
    bad = form(services, leader_id=clerk, petitioner=" ", subject="", id_number="370702195803172150",
               phone="139053612", first_petition_on=dt.date(2027, 1, 1), paired_on=dt.date(2026, 12, 1))
    with pytest.raises(FormErrors) as caught:
        services.petitions.register(bad)
    errors = caught.value.by_field()
    assert set(errors) == {"petitioner", "subject", "id_number", "phone", "first_petition_on", "paired_on",
                           "leader_id"}
    assert "校验位" in errors["id_number"].message
    assert "主要领导、分管领导或所长" in errors["leader_id"].message
    with services.ctx.reading() as s:
        assert s.query(PetitionCase).count() == 0


def test_the_same_person_cannot_have_two_open_files(services: Services) -> None:
    services.petitions.register(form(services))
    with pytest.raises(FormErrors) as caught:
        services.petitions.register(form(services, subject="承包地调整"))
    assert "已有正在结对化解的档案 3707021012026XF000001" in caught.value.by_field()["id_number"].message


def test_only_leaders_pair_and_record(services: Services) -> None:
    clerk = services.users.create_user("lina", "李娜", (Role.WINDOW_CLERK,), "demo-2026-pass",
                                       must_change_password=False).id
    case = services.petitions.register(form(services)).case
    services.ctx.user_id = clerk  # type: ignore[assignment]
    assert not services.petitions.may_record()
    with pytest.raises(PermissionDenied, match="结对消访"):
        services.petitions.register(form(services, id_number=""))
    with pytest.raises(PermissionDenied):
        services.petitions.log_contact(case.id, contact(dt.date(2026, 4, 1)))
    assert services.petitions.pairings()[0].number == case.item.number  # reading is open to the office


def test_repair_to_another_leader_keeps_the_reason_in_the_history(services: Services) -> None:
    zhang = add_leader(services, "zhangzq", "张志强", Role.DEPUTY_LEADER)
    sun = add_leader(services, "sundm", "孙德明", Role.LEADER)
    assert [p.display_name for p in services.petitions.leaders()] == ["孙德明", "张志强", "王晓梅"]
    case = services.petitions.register(form(services)).case
    services.petitions.register(form(services, leader_id=sun, petitioner="钱玉兰", id_number="",
                                     subject="征地补偿分配"))
    with pytest.raises(FormErrors) as caught:
        services.petitions.repair(case.id, case.item.leader_id, "  ")
    assert set(caught.value.by_field()) == {"leader_id", "reason"}
    assert services.petitions.pairing_warning(sun).startswith("孙德明已结对 1 户")  # type: ignore[arg-type]
    moved = services.petitions.repair(case.id, zhang, "王晓梅调任县局，改由分管领导联系")  # type: ignore[arg-type]
    assert moved.warning == ""
    detail = moved.case
    assert detail.item.leader_name == "张志强"
    assert detail.history.endswith("【2026-11-23】结对领导由王晓梅改为张志强，原因：王晓梅调任县局，改由分管领导联系")
    assert detail.history.startswith("2019年起")
    assert [e.kind for e in detail.events] == [EventKind.REGISTER, EventKind.REPAIR]
    assert detail.events[1].text == "结对领导由王晓梅改为张志强，原因：王晓梅调任县局，改由分管领导联系"
    assert detail.events[1].actor == "王晓梅"


# ---------------------------------------------------------------- contacts, closing, reopening


def test_contacts_are_dated_between_the_pairing_and_today(services: Services) -> None:
    case = services.petitions.register(form(services)).case
    with pytest.raises(FormErrors) as caught:
        services.petitions.log_contact(case.id, contact(dt.date(2026, 3, 9), form="fax", content="", outcome=""))
    errors = caught.value.by_field()
    assert "不能早于结对日期（2026-03-10）" in errors["on_date"].message
    assert "上门走访" in errors["form"].message and set(errors) == {"on_date", "form", "content", "outcome"}
    with pytest.raises(FormErrors, match="不能晚于今天"):
        services.petitions.log_contact(case.id, contact(TODAY + dt.timedelta(days=1)))
    services.petitions.log_contact(case.id, contact(dt.date(2026, 3, 12)))
    zhang = add_leader(services, "zhangzq", "张志强", Role.DEPUTY_LEADER)
    detail = services.petitions.log_contact(case.id, contact(
        dt.date(2026, 10, 20), form="talk", leader_id=zhang, participants="村支书赵建国"))
    assert [(c.on_date, c.form_name, c.leader_name) for c in detail.contacts] == [
        (dt.date(2026, 3, 12), "上门走访", "王晓梅"), (dt.date(2026, 10, 20), "约谈", "张志强")]
    assert detail.item.contacts == 2 and detail.item.last_contact_on == dt.date(2026, 10, 20)
    assert detail.item.days_since == 34 and detail.item.overdue  # 30 days in petitions.toml


def test_open_pairings_are_listed_most_neglected_first_and_filter_by_leader(services: Services) -> None:
    sun = add_leader(services, "sundm", "孙德明", Role.LEADER)
    a = services.petitions.register(form(services)).case
    b = services.petitions.register(form(services, leader_id=sun, petitioner="钱玉兰", id_number="",
                                         subject="征地补偿分配", paired_on=dt.date(2026, 9, 1))).case
    c = services.petitions.register(form(services, petitioner="孙桂芝", id_number="", subject="承包地调整",
                                         paired_on=dt.date(2026, 1, 5))).case
    services.petitions.log_contact(a.id, contact(dt.date(2026, 11, 20)))
    services.petitions.log_contact(c.id, contact(dt.date(2026, 10, 1)))
    listed = services.petitions.pairings()
    assert [(i.petitioner, i.days_since, i.overdue) for i in listed] == [
        ("钱玉兰", 83, True), ("孙桂芝", 53, True), ("赵德胜", 3, False)]
    assert [i.id for i in services.petitions.pairings(leader_id=sun)] == [b.id]  # type: ignore[arg-type]


def test_close_needs_a_kind_a_written_resolution_and_a_contact(services: Services) -> None:
    case = services.petitions.register(form(services)).case
    with pytest.raises(FormErrors) as caught:
        services.petitions.close(case.id, "", "已解决")
    assert set(caught.value.by_field()) == {"resolution_kind", "resolution", "contacts"}
    assert "至少 20 个字" in caught.value.by_field()["resolution"].message
    services.petitions.log_contact(case.id, contact(dt.date(2026, 5, 6)))
    closed = services.petitions.close(case.id, "withdrawn", RESOLUTION)
    assert closed.item.status is PetitionStatus.CLOSED and closed.item.resolution_kind == "息诉罢访"
    assert closed.item.days_since is None and not closed.item.overdue
    assert services.petitions.pairings() == []
    assert [i.id for i in services.petitions.pairings(PetitionStatus.CLOSED)] == [case.id]
    with pytest.raises(StateError, match="不能再登记联系情况"):
        services.petitions.log_contact(case.id, contact(dt.date(2026, 11, 1)))
    with pytest.raises(StateError):
        services.petitions.close(case.id, "withdrawn", RESOLUTION)
    with pytest.raises(FormErrors, match="重新打开的原因"):
        services.petitions.reopen(case.id, "")
    reopened = services.petitions.reopen(case.id, "信访人11月再次到县信访局反映")
    assert reopened.is_open and reopened.resolution == "" and reopened.item.resolution_kind == ""
    assert "重新打开，原因：信访人11月再次到县信访局反映（原于2026-11-23以“息诉罢访”结案：经多次上门" in reopened.history
    assert [e.kind for e in reopened.events] == [EventKind.REGISTER, EventKind.CLOSE, EventKind.REOPEN]
    assert reopened.events[1].text.startswith("息诉罢访：经多次上门协调")
    services.petitions.log_contact(case.id, contact(dt.date(2026, 11, 22)))  # open again: contacts allowed


# ---------------------------------------------------------------- outputs


def test_ledger_pdf_masks_ids_and_the_record_shows_them_in_full(services: Services) -> None:
    from app.printing.petition_docs import render_ledger, render_record

    case = services.petitions.register(form(services)).case
    services.petitions.log_contact(case.id, contact(dt.date(2026, 5, 6), participants="村支书赵建国"))
    services.petitions.register(form(services, petitioner="钱玉兰", id_number="", subject="征地补偿分配"))
    ledger = services.petitions.ledger()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_ledger(ledger))).pages)
    assert "结对消访台账" in text and "赵德胜" in text and "钱玉兰" in text
    assert "370702********" in text and resident_id() not in text
    assert "3707021012026XF000001" in text and "宅基地界址纠纷" in text
    reader = PdfReader(io.BytesIO(render_ledger(ledger)))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape
    detail = services.petitions.close(case.id, "agreement", RESOLUTION)
    record = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_record(detail))).pages).replace("\n", "")
    assert "结对消访工作记录" in record and resident_id() in record
    assert "村支书赵建国" in record and "达成协议" in record and "签字" in record


def test_ledger_to_excel(services: Services, tmp_path: Path) -> None:
    from app.reports.petitions_excel import write_ledger_excel

    case = services.petitions.register(form(services)).case
    services.petitions.log_contact(case.id, contact(dt.date(2026, 5, 6)))
    path = write_ledger_excel(services.petitions.ledger(), tmp_path / "台账.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r[0] == "序号")
    assert "档案编号" in rows[header] and "距上次联系天数" in rows[header]
    line = rows[header + 1]
    assert "赵德胜" in line and "370702********" + resident_id()[-4:] in line and dt.date(2026, 5, 6) in [
        v.date() if isinstance(v, dt.datetime) else v for v in line]
    assert sheet.freeze_panes == f"A{header + 2}"


def test_command_line_writers(services: Services, tmp_path: Path) -> None:
    from app.services.petitions import write_ledger, write_record

    case = services.petitions.register(form(services)).case
    pdf = write_ledger(services, tmp_path / "ledger.pdf", PetitionStatus.OPEN)
    assert "赵德胜" in "".join(p.extract_text() for p in PdfReader(pdf).pages)
    book = write_ledger(services, tmp_path / "ledger.xlsx")
    assert openpyxl.load_workbook(book).active["A1"].value == "示例镇自然资源所结对消访台账"  # type: ignore[index]
    record = write_record(services, f" {case.item.number} ", tmp_path / "record.pdf")
    assert case.item.number in "".join(p.extract_text() for p in PdfReader(record).pages)
    with pytest.raises(NotFoundError, match="3707021012026XF999999"):
        write_record(services, "3707021012026XF999999", tmp_path / "none.pdf")
    with pytest.raises(NotFoundError):
        write_ledger(services, tmp_path / "x.pdf", office_code="370702199")


# ---------------------------------------------------------------- the county


@pytest.mark.both_backends
def test_the_county_sees_every_townships_pairings_and_changes_none(pair: Pair, clock: FixedClock) -> None:
    township = pair.township
    sun = add_leader(township, "sundm", "孙德明", Role.LEADER)
    case = township.petitions.register(form(township, leader_id=sun)).case
    township.petitions.log_contact(case.id, contact(dt.date(2026, 6, 1)))
    result = township.sync.export_batch(pair.usb)
    data = result.path.read_bytes()
    assert "赵德胜".encode() not in data and resident_id().encode() not in data  # encrypted for the county
    assert "宅基地界址纠纷".encode() in data  # the subject is not personal data
    [report] = pair.county.sync.import_files([result.path])
    assert report.outcome == "applied", report.message

    county = pair.county.petitions
    assert county.is_county() and not county.may_record()
    [line] = county.pairings()
    assert line.petitioner == "赵德胜"  # decrypted at the county
    assert (line.office.code, line.office.name) == ("370702101", "示例镇自然资源所")
    assert line.leader_name == "孙德明" and line.contacts == 1 and line.days_since == 175
    [office] = county.offices()
    assert [i.id for i in county.pairings(office_id=office.id)] == [case.id]
    detail = county.case(case.id)
    assert detail.id_number == resident_id() and detail.contacts[0].content == "上门听取诉求，查看现场界桩"
    ledger = county.ledger(office_id=office.id)
    assert ledger.by_county and "示例镇自然资源所" in ledger.scope
    with pytest.raises(PermissionDenied, match="县局只能查看"):
        county.log_contact(case.id, contact(dt.date(2026, 11, 1)))
    with pytest.raises(PermissionDenied, match="县局只能查看"):
        county.register(form(pair.county))
    with pytest.raises(PermissionDenied, match="县局只能查看"):
        county.close(case.id, "withdrawn", RESOLUTION)


# ---------------------------------------------------------------- the demo


def test_demo_pairings_tell_a_year_of_contacts(demo_services: Services) -> None:
    import random

    from app.demo_petitions import fill_demo_petitions

    fill_demo_petitions(demo_services, TODAY, random.Random(8))
    fill_demo_petitions(demo_services, TODAY, random.Random(8))  # a second call adds nothing
    listed = demo_services.petitions.pairings(None)
    assert len(listed) == 4
    open_ones = [i for i in listed if i.status is PetitionStatus.OPEN]
    assert [(i.leader_name, i.petitioner, i.overdue) for i in open_ones] == [
        ("张志强", "钱玉兰", True), ("孙德明", "赵德胜", False), ("王晓梅", "周凤英", False)]
    [closed] = [i for i in listed if i.status is PetitionStatus.CLOSED]
    assert closed.resolution_kind == "达成协议" and closed.contacts == 3
    assert all(i.paired_on.year == 2026 and i.paired_on < TODAY for i in listed)
    assert demo_services.ctx.user_id is not None and demo_services.ctx.now() == FixedClock().now
