"""The study page (学习监督), driven as a clerk, as the 所长 and as the county drive it."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableWidget

from app.demo import DEMO_STAFF
from app.demo_study import fill_demo_study
from app.services import Services
from app.services.study import StudyKind
from app.services.users import DEMO_PASSWORD
from tests.sync_support import Pair, pair
from tests.test_study import JOINED, full_quarter, set_joined
from tests.test_ui_intake import pdf_text, type_text
from tests.test_ui_watch import close_windows, show
from ui.study_page import RecordDialog, StudyPage, WithdrawDialog

_ = pair  # the fixture, imported for pytest

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")

TODAY = dt.date(2026, 11, 23)


def column_of(table: QTableWidget, header: str) -> int:
    return next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == header)


def row_of(table: QTableWidget, column: int, text: str) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, column).text() == text)


@pytest.fixture
def staff(services: Services) -> dict[str, uuid.UUID]:
    for username, name, roles in DEMO_STAFF:
        services.users.create_user(username, name, roles, DEMO_PASSWORD, must_change_password=False)
    people = {u.username: u.id for u in services.users.list_users()}
    for user_id in people.values():
        set_joined(services, user_id, JOINED)
    return people


def open_page(qtbot, services: Services, runner) -> StudyPage:  # type: ignore[no-untyped-def]
    widget = StudyPage(services, runner)
    show(qtbot, widget)
    widget.refresh()
    return widget


@pytest.fixture
def page(qtbot, services: Services, staff: dict[str, uuid.UUID], runner) -> Iterator[StudyPage]:  # type: ignore[no-untyped-def]
    widget = open_page(qtbot, services, runner)
    yield widget
    close_windows(widget)


def test_a_clerk_adds_self_study_and_sees_her_week(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                  staff: dict[str, uuid.UUID], runner) -> None:
    services.ctx.user_id = staff["lina"]
    page = open_page(qtbot, services, runner)
    try:
        assert not page.tabs.isTabEnabled(page.register_index)  # the register is for leaders
        assert not page.person_combo.isVisible()
        dialog = page.open_record_dialog()
        assert isinstance(dialog, RecordDialog) and dialog.isVisible()
        assert dialog.hours_edit.isVisible() and not dialog.number_edit.isVisible()
        qtbot.keyClicks(dialog.hours_edit, "1.3")
        dialog.submit()
        assert dialog.isVisible()
        assert "请填写学习内容" in dialog.error_text("title") and "0.5 小时" in dialog.error_text("hours")
        dialog.hours_edit.clear()
        qtbot.keyClicks(dialog.hours_edit, "1.5")
        type_text(qtbot, dialog.title_edit.lineEdit(), "学习《不动产登记暂行条例》")
        dialog.submit()
        assert not dialog.isVisible()
        table = page.records_table
        assert table.rowCount() == 1 and table.item(0, column_of(table, "Topic / title")).text() == "学习《不动产登记暂行条例》"
        assert page.week_label.text().startswith("李娜 (普通干部): 1.5 of 2 hours of self-study this week")

        table.setCurrentCell(0, 0)
        withdraw = page.open_withdraw_dialog()
        assert isinstance(withdraw, WithdrawDialog)
        withdraw.submit()
        assert "原因" in withdraw.error_text("reason")
        type_text(qtbot, withdraw.reason_edit, "重复登记")
        withdraw.submit()
        assert page.records_table.item(0, 0).font().strikeOut()
        assert "0 of 2 hours" in page.week_label.text()
    finally:
        close_windows(page)


def test_the_dialog_follows_the_kind(page: StudyPage) -> None:
    dialog = page.open_record_dialog()
    assert isinstance(dialog, RecordDialog)
    dialog.choose_kind(StudyKind.CERTIFICATE)
    assert dialog.number_edit.isVisible() and dialog.file_edit.isVisible() and not dialog.hours_edit.isVisible()
    assert dialog.title_edit.count() == 5 and dialog.title_edit.itemText(2) == "职称证书"
    dialog.choose_kind(StudyKind.TRAINING)
    assert [dialog.level_combo.itemText(i) for i in range(dialog.level_combo.count())] == [
        "领导干部", "中层干部", "普通干部"]
    dialog.choose_kind(StudyKind.ARTICLE)
    assert dialog.level_combo.itemText(1) == "县级采用" and not dialog.hours_edit.isVisible()
    dialog.date_edit.setDate(QDate(2026, 11, 20))
    dialog.title_edit.setEditText("关于宅基地审批情况的调研")
    dialog.submit()
    assert "发表刊物" in dialog.error_text("organiser")
    dialog.organiser_edit.setText("县自然资源局《国土资源简报》")
    dialog.level_combo.setCurrentIndex(1)
    dialog.submit()
    assert not dialog.isVisible()
    assert page.records_table.item(0, 1).text() == "调研文章"
    assert "县级采用" in page.records_table.item(0, 4).text()


def test_a_leader_records_for_someone_else(page: StudyPage, staff: dict[str, uuid.UUID]) -> None:
    assert page.person_combo.isVisible() and page.person_combo.count() == 6
    page.person_combo.setCurrentIndex(page.person_combo.findData(str(staff["liujj"])))
    page.load_records()
    dialog = page.open_record_dialog()
    assert isinstance(dialog, RecordDialog)
    assert dialog.person_combo.currentData() == str(staff["liujj"])
    dialog.date_edit.setDate(QDate(2026, 9, 1))  # long ago: only a leader may enter it
    dialog.hours_edit.setText("2")
    dialog.title_edit.setEditText("补记：学习土地管理法")
    dialog.submit()
    assert not dialog.isVisible()
    table = page.records_table
    assert table.rowCount() == 1 and table.item(0, column_of(table, "Recorded by")).text() == "王晓梅"


def test_the_register_highlights_who_falls_short(qtbot, services: Services, staff: dict[str, uuid.UUID],  # type: ignore[no-untyped-def]
                                                 runner, tmp_path: Path) -> None:
    for name, user in staff.items():
        full_quarter(services, user, 2026, 3, hours="1.5" if name == "chenj" else "2", article=name != "lina")
    page = open_page(qtbot, services, runner)
    try:
        page.tabs.setCurrentIndex(page.register_index)
        page.quarter_combo.setCurrentIndex(page.quarter_combo.findText("2026 Q3"))
        page.load_register()
        table = page.register_table
        assert table.rowCount() == 6 and table.isColumnHidden(0) and not page.summary_table.isVisible()
        result = column_of(table, "Result")
        row = row_of(table, 1, "李娜")
        assert table.item(row, result).text() == "未达标"
        assert table.item(row, 0).background().color().name() == "#fde9e7"
        assert "调研文章 0 篇" in table.item(row, column_of(table, "Falls short in")).text()
        chen = row_of(table, 1, "陈静")
        assert table.item(chen, column_of(table, "Weeks short")).text() == "13"
        assert table.item(row_of(table, 1, "王晓梅"), result).text() == "达标"
        assert page.rate_label.text() == "2026年第三季度: 6 people counted, 2 fall short; compliance 66.7%."

        page.print_button.click()
        preview = page.last_preview
        assert preview is not None and preview.isVisible()
        text = pdf_text(preview.pdf)
        assert "2026年第三季度学习情况登记表" in text and "未达标人员名单" in text and "陈静（普通干部）" in text
        preview.reject()
        page.export_register(tmp_path / "register")
        book = openpyxl.load_workbook(tmp_path / "register.xlsx")
        assert [r[1] for r in book["未达标名单"].iter_rows(min_row=4, values_only=True)] == ["李娜", "陈静"]

        page.open_person(chen)  # from the register to her records
        assert page.tabs.currentIndex() == 0 and page.person_combo.currentText() == "陈静"
        assert page.records_table.rowCount() == 14  # thirteen weeks and the article
        page.card_button.click()
        preview = page.last_preview
        assert preview is not None
        assert "个人学习记录卡" in pdf_text(preview.pdf) and "陈静" in pdf_text(preview.pdf)
        preview.reject()
    finally:
        close_windows(page)


def test_the_county_sees_every_township_read_only(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    township, county = pair.township, pair.county
    me = township.ctx.user_id
    assert me is not None
    set_joined(township, me, JOINED)
    full_quarter(township, me, 2026, 3, hours="1.5")
    county.sync.import_files([township.sync.export_batch(pair.usb).path])
    page = open_page(qtbot, county, runner)
    try:
        assert not page.add_button.isVisible() and page.records_office_combo.isVisible()
        page.tabs.setCurrentIndex(page.register_index)
        page.quarter_combo.setCurrentIndex(page.quarter_combo.findText("2026 Q3"))
        page.load_register()
        assert page.office_combo.itemText(0) == "All townships" and page.summary_table.rowCount() == 1
        assert page.summary_table.item(0, 1).text() == "示例镇自然资源所"
        table = page.register_table
        assert not table.isColumnHidden(0) and table.item(0, 0).text() == "示例镇自然资源所"
        assert table.item(0, column_of(table, "Result")).text() == "未达标"
        page.open_person(0)
        assert page.person_combo.currentText() == "王晓梅" and page.records_table.rowCount() == 14
    finally:
        close_windows(page)


def test_screenshot_of_the_demo(qtbot, services: Services, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for username, name, roles in DEMO_STAFF:
        services.users.create_user(username, name, roles, DEMO_PASSWORD, must_change_password=False)
    fill_demo_study(services, TODAY, random.Random(20261123))
    page = open_page(qtbot, services, runner)
    try:
        page.tabs.setCurrentIndex(page.register_index)
        page.quarter_combo.setCurrentIndex(page.quarter_combo.findText("2026 Q3"))
        page.load_register()
        assert page.register_table.rowCount() == 6
        assert page.grab().save(str(tmp_path / "study.png"))
    finally:
        close_windows(page)
