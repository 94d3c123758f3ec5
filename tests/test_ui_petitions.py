"""The petition pairing page (结对消访), driven as a leader of the demo office and as the county."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableWidget

from app.demo_petitions import fill_demo_petitions
from app.dto import Role
from app.services import Services
from tests.conftest import FixedClock
from tests.sync_support import Pair, pair
from tests.test_petitions import contact, form
from tests.test_ui_intake import pdf_text, type_text
from tests.test_ui_watch import close_windows, show
from ui.case_model import DUE_COLOURS, DueState
from ui.petitions_page import (
    CloseDialog,
    ContactDialog,
    PetitionsPage,
    RegisterDialog,
    ReopenDialog,
    RepairDialog,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
_ = pair  # the fixture, imported for pytest

TODAY = dt.date(2026, 11, 23)


def column_of(table: QTableWidget, header: str) -> int:
    return next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == header)


def cells(table: QTableWidget, header: str) -> list[str]:
    column = column_of(table, header)
    return [table.item(r, column).text() for r in range(table.rowCount())]


@pytest.fixture
def demo_page(qtbot, demo_services: Services, runner) -> Iterator[PetitionsPage]:  # type: ignore[no-untyped-def]
    fill_demo_petitions(demo_services, TODAY, random.Random(8))
    widget = PetitionsPage(demo_services, runner)
    show(qtbot, widget)
    widget.refresh()
    yield widget
    close_windows(widget)


@pytest.fixture
def page(qtbot, services: Services, runner) -> Iterator[PetitionsPage]:  # type: ignore[no-untyped-def]
    widget = PetitionsPage(services, runner)
    show(qtbot, widget)
    widget.refresh()
    yield widget
    close_windows(widget)


def test_open_pairings_most_neglected_first_with_overdue_days_in_red(demo_page: PetitionsPage) -> None:
    table = demo_page.table
    assert cells(table, "Petitioner") == ["钱玉兰", "赵德胜", "周凤英"]
    assert cells(table, "Leader") == ["张志强", "孙德明", "王晓梅"]
    days = column_of(table, "Days since")
    assert cells(table, "Days since") == ["69", "26", "11"]
    fg, bg = DUE_COLOURS[DueState.OVERDUE]
    assert table.item(0, days).background().color() == bg and table.item(0, days).foreground().color() == fg
    assert table.item(1, days).background().color() != bg
    assert demo_page.count_label.text() == "3 cases, 1 not contacted for more than 30 days"
    # The first line is shown below with its contacts, newest first.
    assert "钱玉兰" in demo_page.detail.text() and "征地补偿分配" in demo_page.detail.text()
    assert demo_page.contacts_table.rowCount() == 4
    assert demo_page.contacts_table.item(0, 1).text() == "书信"
    assert not demo_page.office_filter.isVisible()

    demo_page.leader_filter.setCurrentIndex(demo_page.leader_filter.findText("孙德明"))
    demo_page.load()
    assert cells(table, "Petitioner") == ["赵德胜"]
    demo_page.leader_filter.setCurrentIndex(0)
    demo_page.set_status(None)
    assert table.rowCount() == 4 and cells(table, "Status")[-1] == "Closed (达成协议)"


def test_register_and_pair_shows_problems_at_the_fields_and_warns_of_a_second_pairing(
        qtbot, page: PetitionsPage) -> None:  # type: ignore[no-untyped-def]
    dialog = page.open_register_dialog()
    assert isinstance(dialog, RegisterDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.id_edit, "370702195803172150")
    dialog.submit()
    assert dialog.isVisible()
    assert "请填写信访人姓名" in dialog.error_text("petitioner")
    assert "校验位" in dialog.error_text("id_number") and dialog.error_text("subject")
    dialog.id_edit.clear()
    type_text(qtbot, dialog.petitioner_edit, "赵德胜")
    type_text(qtbot, dialog.subject_edit, "宅基地界址纠纷")
    type_text(qtbot, dialog.village_edit, "东王村")
    assert dialog.warning.label.isHidden()
    dialog.submit()
    assert not dialog.isVisible()
    assert cells(page.table, "Petitioner") == ["赵德胜"] and cells(page.table, "Days since") == ["0"]
    assert page.table.item(0, 0).text() == "3707021012026XF000001"

    second = page.open_register_dialog()
    assert isinstance(second, RegisterDialog)
    assert second.warning.label.isVisible() and "王晓梅已结对 1 户" in second.warning.label.text()
    type_text(qtbot, second.petitioner_edit, "钱玉兰")
    type_text(qtbot, second.subject_edit, "征地补偿分配")
    second.paired_edit.setDate(second.paired_edit.date().addDays(-40))
    with qtbot.waitSignal(page.statusChanged) as signal:
        second.submit()
    assert "王晓梅已结对" in signal.args[0]
    assert cells(page.table, "Petitioner") == ["钱玉兰", "赵德胜"]  # 40 days without contact comes first


def test_log_contacts_close_and_reopen(qtbot, services: Services, page: PetitionsPage) -> None:  # type: ignore[no-untyped-def]
    services.petitions.register(form(services))
    page.load()
    assert page.table.rowCount() == 1 and page.contact_button.isEnabled()

    close = page.open_close_dialog()
    assert isinstance(close, CloseDialog)
    close.submit()
    assert "至少 20 个字" in close.error_text("resolution")
    assert "至少要有一次联系记录" in close.message.text()
    close.reject()

    dialog = page.open_contact_dialog()
    assert isinstance(dialog, ContactDialog)
    dialog.choose_form("talk")
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(1))
    assert dialog.date_edit.date() == dialog.date_edit.maximumDate()  # no later than today
    dialog.date_edit.setDate(QDate(2026, 3, 9))
    dialog.submit()
    assert "不能早于结对日期（2026-03-10）" in dialog.error_text("on_date") and dialog.error_text("content")
    dialog.date_edit.setDate(QDate(2026, 11, 21))
    type_text(qtbot, dialog.content_edit, "约谈信访人，解释确权测量结果")
    type_text(qtbot, dialog.outcome_edit, "信访人同意复测")
    dialog.submit()
    assert not dialog.isVisible()
    assert page.contacts_table.rowCount() == 1 and page.contacts_table.item(0, 1).text() == "约谈"
    assert cells(page.table, "Days since") == ["2"] and cells(page.table, "Contacts") == ["1"]

    close = page.open_close_dialog()
    assert isinstance(close, CloseDialog)
    close.choose("withdrawn")
    type_text(qtbot, close.resolution_edit, "经复测界址无误，双方签订通道使用协议，信访人签字承诺不再上访。")
    close.submit()
    assert not close.isVisible()
    # The case left the open list: the page follows it to the closed ones.
    assert page.status() is not None and page.status().value == "closed"
    assert cells(page.table, "Status") == ["Closed (息诉罢访)"]
    assert not page.contact_button.isEnabled() and page.reopen_button.isEnabled()
    assert "息诉罢访" in page.detail.text()

    reopen = page.open_reopen_dialog()
    assert isinstance(reopen, ReopenDialog)
    reopen.submit()
    assert reopen.error_text("reason")
    type_text(qtbot, reopen.reason_edit, "信访人再次到县信访局反映")
    reopen.submit()
    assert page.status() is not None and page.status().value == "open"
    assert cells(page.table, "Status") == ["Being resolved"] and page.contact_button.isEnabled()
    assert "重新打开，原因：信访人再次到县信访局反映" in page.detail.text()


def test_repair_to_another_leader(qtbot, services: Services, page: PetitionsPage) -> None:  # type: ignore[no-untyped-def]
    zhang = services.users.create_user("zhangzq", "张志强", (Role.DEPUTY_LEADER,), "demo-2026-pass",
                                       must_change_password=False).id
    services.petitions.register(form(services))
    page.refresh()
    dialog = page.open_repair_dialog()
    assert isinstance(dialog, RepairDialog)
    assert [dialog.leader_combo.itemText(i) for i in range(dialog.leader_combo.count())] == ["张志强"]
    dialog.submit()
    assert dialog.error_text("reason")
    type_text(qtbot, dialog.reason_edit, "王晓梅借调县局半年")
    dialog.submit()
    assert not dialog.isVisible()
    assert cells(page.table, "Leader") == ["张志强"]
    assert "结对领导由王晓梅改为张志强，原因：王晓梅借调县局半年" in page.detail.text()
    assert page.case is not None and page.case.item.leader_id == zhang


def test_print_the_ledger_and_a_record_and_export_to_excel(demo_page: PetitionsPage, tmp_path: Path) -> None:
    demo_page.print_button.click()
    preview = demo_page.last_preview
    assert preview is not None and preview.isVisible()
    text = pdf_text(preview.pdf)
    assert "结对消访台账" in text and "钱玉兰" in text and "赵德胜" in text and "370702********" in text
    preview.reject()
    demo_page.record_button.click()
    record = demo_page.last_preview
    assert record is not None
    text = pdf_text(record.pdf)
    assert "结对消访工作记录" in text and "钱玉兰" in text and "书面答复" in text
    assert demo_page.case is not None and demo_page.case.id_number in text
    record.reject()

    target = tmp_path / "台账"
    demo_page.export_ledger(target)
    sheet = openpyxl.load_workbook(target.with_suffix(".xlsx")).active
    assert sheet is not None
    names = [row[2] for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]]
    assert names[:3] == ["钱玉兰", "赵德胜", "周凤英"]


def test_a_clerk_reads_but_cannot_register(qtbot, services: Services, runner) -> None:  # type: ignore[no-untyped-def]
    services.petitions.register(form(services))
    clerk = services.users.create_user("lina", "李娜", (Role.WINDOW_CLERK,), "demo-2026-pass",
                                       must_change_password=False).id
    services.ctx.user_id = clerk  # type: ignore[assignment]
    widget = PetitionsPage(services, runner)
    show(qtbot, widget)
    widget.refresh()
    try:
        assert widget.table.rowCount() == 1
        assert not widget.register_button.isEnabled() and not widget.contact_button.isEnabled()
        assert widget.open_register_dialog() is None and widget.record_button.isEnabled()
    finally:
        close_windows(widget)


def test_the_county_sees_townships_read_only(qtbot, pair: Pair, runner, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    township = pair.township
    case = township.petitions.register(form(township)).case
    township.petitions.log_contact(case.id, contact(dt.date(2026, 11, 2)))
    [report] = pair.county.sync.import_files([township.sync.export_batch(pair.usb).path])
    assert report.outcome == "applied", report.message
    widget = PetitionsPage(pair.county, runner)
    show(qtbot, widget)
    widget.refresh()
    try:
        assert widget.office_filter.isVisible()
        assert widget.office_filter.itemText(1) == "示例镇自然资源所（370702101）"
        assert cells(widget.table, "Township") == ["示例镇自然资源所"]
        assert cells(widget.table, "Petitioner") == ["赵德胜"] and cells(widget.table, "Days since") == ["21"]
        for button in (widget.register_button, widget.contact_button, widget.close_button, widget.repair_button,
                       widget.reopen_button):
            assert not button.isVisible()
        assert widget.record_button.isEnabled() and widget.print_button.isEnabled()
        widget.office_filter.setCurrentIndex(1)
        widget.load()
        assert widget.table.rowCount() == 1
    finally:
        close_windows(widget)
