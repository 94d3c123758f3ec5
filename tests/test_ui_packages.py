"""The task package page, driven as the office drives it: enter a package in the dialog, assign
it, report progress, inspect, rectify, accept and score; see the buttons follow the user and
the state; print and export; and the county's read-only view."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QWidget

from app.dto import Role
from app.services import Services
from app.services.packages import PackageForm, PackageStatus
from tests.sync_support import Pair, pair
from tests.test_watch_services import add_user
from ui.package_dialogs import (
    AssignDialog,
    DecisionDialog,
    EnterDialog,
    InspectDialog,
    ProgressDialog,
    RectifyDialog,
    ScoreDialog,
    tick,
)
from ui.packages_page import PackagesPage

_ = pair
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def show(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def close_windows(widget: QWidget) -> None:
    for child in widget.findChildren(QWidget):
        if child.isWindow() and child.isVisible():
            child.close()


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


class Office:
    def __init__(self, services: Services) -> None:
        assert services.ctx.user_id is not None
        self.head = services.ctx.user_id  # 王晓梅, 科长
        self.handler = add_user(services, "刘建军", Role.HANDLER)
        self.helper = add_user(services, "陈静", Role.HANDLER)
        self.leader = add_user(services, "孙德明", Role.LEADER)


@pytest.fixture
def office(services: Services) -> Office:
    return Office(services)


@pytest.fixture
def page(qtbot, services: Services, office: Office, runner) -> Iterator[PackagesPage]:  # type: ignore[no-untyped-def]
    widget = PackagesPage(services, runner)
    show(qtbot, widget)
    widget.refresh()
    yield widget
    close_windows(widget)


def as_user(page: PackagesPage, user_id: uuid.UUID) -> None:
    page.services.ctx.user_id = user_id
    page.refresh()


def test_enter_assign_report_inspect_accept_and_score(qtbot, page: PackagesPage, office: Office,  # type: ignore[no-untyped-def]
                                                     services: Services, tmp_path: Path) -> None:
    assert page.enter_button.isEnabled() and page.table.rowCount() == 0
    dialog = page.enter()
    assert isinstance(dialog, EnterDialog) and dialog.isVisible()
    dialog.ok_button.click()  # nothing typed: the title is asked for at its field
    assert "请填写任务包名称" in dialog.error_text("title")
    dialog.title_edit.setText("2026年度村庄改造（东王村）")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("村庄改造"))
    dialog.quantity_edit.setText("12")
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("户"))
    dialog.start_edit.setDate(QDate(2026, 11, 2))
    dialog.days_spin.setValue(10)
    assert "2026-11-16" in dialog.due_label.text()
    dialog.milestone_edit.setText("签订拆旧协议")
    dialog.milestone_date.setDate(QDate(2026, 11, 9))
    dialog.add_milestone()
    tick(dialog.co_workers, "陈静")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert "3707021012026RW000001" in page.status_label.text()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 2).text() == "2026年度村庄改造（东王村）"
    assert page.table.item(0, 6).text() == page.tr("Overdue {n} working days").format(n=5)
    assert page.detail is not None and page.detail.item.co_workers == ("陈静",)

    dialog = page.assign()
    assert isinstance(dialog, AssignDialog)
    dialog.responsible_combo.setCurrentIndex(dialog.responsible_combo.findText("刘建军"))
    dialog.ok_button.click()
    assert page.detail.item.responsible == "刘建军"
    assert page.report_button.isEnabled()  # a leader may report too

    as_user(page, office.handler)
    assert not page.enter_button.isEnabled() and not page.inspect_button.isEnabled()
    dialog = page.report()
    assert isinstance(dialog, ProgressDialog)
    dialog.quantity_edit.setText("-2")
    dialog.ok_button.click()
    assert "不能为负数" in dialog.error_text("quantity") and "请填写进度情况" in dialog.error_text("note")
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"jpeg")
    dialog.quantity_edit.setText("7")
    dialog.note_edit.setPlainText("签订拆旧协议 7 户")
    dialog.milestone_list.item(0).setCheckState(dialog.milestone_list.item(0).checkState().Checked)
    dialog.files.add(photo)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    detail = page.detail
    assert detail.item.status is PackageStatus.IN_PROGRESS and detail.item.progress == Decimal("58.3")
    assert page.progress_table.rowCount() == 1 and page.progress_table.item(0, 5).text() == "现场.jpg"
    assert page.evidence_table.item(0, 0).text() == "现场.jpg"
    assert page.milestone_table.item(0, 3).text().startswith("2026-11-23")

    as_user(page, office.leader)
    dialog = page.inspect()
    assert isinstance(dialog, InspectDialog)
    dialog.finding_edit.setPlainText("协议未附身份证复印件")
    dialog.requirement_edit.setPlainText("补齐")
    dialog.days_spin.setValue(3)
    dialog.ok_button.click()
    assert "3707021012026DC000001" in page.status_label.text()
    assert page.table.item(0, 8).text() == "1"

    as_user(page, office.handler)
    page.tabs.setCurrentIndex(page.INSPECTIONS)
    page.inspection_table.setCurrentCell(0, 0)
    dialog = page.rectify()
    assert isinstance(dialog, RectifyDialog)
    dialog.text_edit.setPlainText("已补齐 7 户身份证复印件")
    dialog.ok_button.click()
    dialog = page.report()
    dialog.quantity_edit.setText("5")
    dialog.note_edit.setPlainText("签订 5 户，全部完成")
    dialog.ok_button.click()
    dialog = page.submit()
    assert dialog is not None
    dialog.text_edit.setPlainText("全部完成")
    dialog.ok_button.click()
    assert page.detail.item.status is PackageStatus.SUBMITTED

    as_user(page, office.leader)
    dialog = page.decide()
    assert isinstance(dialog, DecisionDialog)
    dialog.ok_button.click()
    assert "请填写验收意见" in dialog.error_text("note")
    dialog.note_edit.setPlainText("同意验收")
    dialog.ok_button.click()
    assert page.detail.item.status is PackageStatus.ACCEPTED
    dialog = page.score()
    assert isinstance(dialog, ScoreDialog)
    dialog.score_edit.setText("91")
    assert dialog.grade_label.text() == "优秀"
    dialog.note_edit.setPlainText("按期完成")
    dialog.ok_button.click()
    assert page.detail.item.grade == "优秀"
    assert page.table.rowCount() == 0  # accepted packages leave the default "not yet accepted" list
    assert page.detail.item.status is PackageStatus.SCORED  # but stay in view after the step
    page.status_combo.setCurrentIndex(page.status_combo.findData("all"))
    assert page.table.rowCount() == 1
    assert [page.history_table.item(r, 1).text() for r in range(page.history_table.rowCount())] == [
        "入库", "分配", "报告进度", "完成节点", "督查", "整改", "报告进度", "报验收", "验收出库", "评分"]

    page.print_sheet()
    assert page.last_preview is not None
    text = pdf_text(page.last_preview.pdf)
    assert "任务包任务书及验收单" in text and "同意验收" in text and "优秀" in text
    page.last_preview.close()
    page.tabs.setCurrentIndex(page.INSPECTIONS)
    page.print_notice()
    assert "督查整改通知书" in pdf_text(page.last_preview.pdf)
    page.last_preview.close()
    page.print_register()
    assert "2026年度任务包台账" in pdf_text(page.last_preview.pdf)
    page.last_preview.close()
    target = tmp_path / "台账"
    page.export(target)
    sheet = openpyxl.load_workbook(target.with_suffix(".xlsx")).active
    assert sheet.cell(4, 3).value == "2026年度村庄改造（东王村）" and sheet.freeze_panes == "A4"


def test_buttons_follow_the_user(qtbot, page: PackagesPage, office: Office, services: Services) -> None:  # type: ignore[no-untyped-def]
    ref = services.packages.enter(PackageForm(title="土地卫片执法图斑核查", category="执法监察",
                                              start_date=dt.date(2026, 11, 16), working_days=20))
    services.packages.assign(ref.id, office.handler)
    page.refresh()
    assert page.assign_button.isEnabled() and page.cancel_button.isEnabled()
    assert not page.submit_button.isEnabled()  # nothing reported yet
    as_user(page, office.helper)  # neither responsible nor co-worker
    assert page.table.rowCount() == 1
    assert not page.report_button.isEnabled() and not page.assign_button.isEnabled()
    page.mine_check.setChecked(True)
    assert page.table.rowCount() == 0 and page.detail is None
    as_user(page, office.handler)
    assert page.table.rowCount() == 1 and page.report_button.isEnabled()
    assert page.table.item(0, 6).text() == page.tr("{n} working days left").format(n=15)


def test_the_county_reads_every_township(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    township = pair.township
    ref = township.packages.enter(PackageForm(title="耕地保护网格化巡查", category="耕地保护",
                                              start_date=dt.date(2026, 11, 2), working_days=30))
    pair.county.sync.import_files([township.sync.export_batch(pair.usb).path])
    widget = PackagesPage(pair.county, runner)
    show(qtbot, widget)
    widget.refresh()
    try:
        assert widget.table.rowCount() == 1 and not widget.table.isColumnHidden(0)
        assert widget.table.item(0, 0).text() == "示例镇自然资源所"
        assert widget.detail is not None and widget.detail.item.id == ref.id
        assert not widget.enter_button.isVisible() and not widget.assign_button.isVisible()
        assert widget.office_combo.isVisible() and widget.office_combo.count() == 2
        assert widget.print_button.isEnabled()
        widget.print_register()
        assert "各乡镇所" in pdf_text(widget.last_preview.pdf)
        widget.last_preview.close()
    finally:
        close_windows(widget)
        QApplication.processEvents()
