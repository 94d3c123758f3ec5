"""The 台账 page on the real services: choose a register and days, preview, export, print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableWidget

from app.services import Services
from app.services.registers import RegisterKind
from tests.conftest import FixedClock
from tests.test_registers import RegisterWorld, build_register_world
from tests.test_ui_watch import close_windows, show
from ui.registers_page import LATE_BG, RegistersPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")

D = dt.date


def cells(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def headers(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


@pytest.fixture
def world(services: Services, clock: FixedClock) -> RegisterWorld:
    return build_register_world(services, clock)


@pytest.fixture
def page(qtbot, world: RegisterWorld, runner) -> Iterator[RegistersPage]:  # type: ignore[no-untyped-def]
    widget = RegistersPage(world.services, runner)
    show(qtbot, widget)
    widget.refresh()
    yield widget
    close_windows(widget)


def test_opens_on_this_months_intake_register(page: RegistersPage) -> None:
    assert page.kind_combo.currentText() == "Intake register"
    assert page.first_edit.date().toString("yyyy-MM-dd") == "2026-11-01"
    assert page.last_edit.date().toString("yyyy-MM-dd") == "2026-11-30"
    assert not page.office_combo.isVisible()  # a township: its own registers only
    table = page.table
    assert headers(table)[:3] == ["序号", "收件/受理编号", "收件时间"]
    assert table.rowCount() == 10  # nine lines and the 合计 row
    assert cells(table, 0)[:3] == ["1", "3707021012026000002", "2026-11-02 09:00"]
    assert cells(table, 9)[:2] == ["合计", "共 9 件"] and table.item(9, 0).font().bold()
    assert "本期共收件 9 件" in page.summary_label.text()
    assert "示例镇自然资源所 受理登记簿" in page.heading_label.text()
    assert page.excel_button.isEnabled() and page.pdf_button.isEnabled()
    assert not page.busy_bar.isVisible()


def test_choose_a_register_and_days(page: RegistersPage) -> None:
    page.set_choice(RegisterKind.COMPLETION, D(2026, 11, 1), D(2026, 11, 20))
    assert page.quick_combo.currentData() == ""  # hand-picked days
    table = page.table
    assert table.rowCount() == 6
    assert cells(table, 4)[8:11] == ["退回申请人", "3", "按期"]
    assert table.item(3, 0).background().color() == LATE_BG  # the late completion
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(RegisterKind.RETURNS.value))
    page.kind_combo.activated.emit(page.kind_combo.currentIndex())
    assert page.table.rowCount() == 3 and cells(page.table, 1)[7] == "申请人"
    page.quick_combo.setCurrentIndex(page.quick_combo.findData("last_month"))
    page.quick_combo.activated.emit(page.quick_combo.currentIndex())
    assert page.first_edit.date().toString("yyyy-MM-dd") == "2026-10-01"
    assert cells(page.table, 0)[0] == "Nothing recorded in this period"
    assert "本期共退件 0 件" in page.summary_label.text()


def test_bad_range_is_said_at_the_field(page: RegistersPage) -> None:
    page.set_choice(first=D(2026, 11, 30), last=D(2026, 11, 1))
    assert page.range_error.isVisible() and "早于开始日期" in page.range_error.text()
    assert page.last_edit.property("invalid") is True and page.first_edit.property("invalid") is False
    assert page.table.rowCount() == 0 and not page.excel_button.isEnabled()
    assert page.findChild(QMessageBox) is None  # said at the field, not in a box
    page.set_choice(first=D(2026, 11, 1), last=D(2026, 11, 30))
    assert not page.range_error.isVisible() and page.last_edit.property("invalid") is False
    assert page.table.rowCount() == 10


def test_export_to_excel_through_the_file_dialog(page: RegistersPage, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "受理登记簿"
    asked: list[str] = []

    def fake_dialog(parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    page.excel_button.click()
    assert asked == ["受理登记簿-20261101-20261130.xlsx"]
    written = target.with_name("受理登记簿.xlsx")
    sheet = openpyxl.load_workbook(written).active
    assert sheet["A1"].value == "示例镇自然资源所 受理登记簿"
    assert sheet.cell(4 + 9, 1).value == "合计"
    assert page.last_message is not None and str(written) in page.last_message.text()


def test_save_pdf_and_print_preview(page: RegistersPage, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    page.pdf_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    page.preview_button.click()
    assert page.last_preview is not None and "受理登记簿" in page.last_preview.windowTitle()
    # Landscape pages on a landscape sheet: a portrait printer would cut them off.
    orientation = page.last_preview.printer().pageLayout().orientation()
    assert orientation == QPageLayout.Orientation.Landscape
    page.last_preview.close()


def test_a_long_register_previews_its_first_lines(page: RegistersPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.registers_page.PREVIEW_LIMIT", 3)
    page.load()
    assert page.table.rowCount() == 4 and cells(page.table, 3)[:2] == ["合计", "共 9 件"]
    assert "first 3 of 9 lines" in page.summary_label.text()


def test_county_chooses_a_township(qtbot, services: Services, clock: FixedClock, runner) -> None:  # type: ignore[no-untyped-def]
    from tests.test_county_report import build_county_world

    county = build_county_world(services, clock)
    widget = RegistersPage(services, runner)
    show(qtbot, widget)
    widget.refresh()
    try:
        assert widget.office_combo.isVisible() and widget.office_combo.count() == 4
        assert headers(widget.table)[1] == "乡镇" and widget.table.rowCount() == 9  # 8 + 合计
        widget.set_choice(office_id=county.town2)
        assert "乡镇" not in headers(widget.table) and widget.table.rowCount() == 3
        assert "东岭镇自然资源所" in widget.heading_label.text()
    finally:
        close_windows(widget)
