"""The county summary page, driven by keyboard and mouse on the real services."""

from __future__ import annotations

from collections.abc import Iterator

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget

from app.services import Services
from tests.conftest import FixedClock
from tests.test_county_report import CountyWorld, build_county_world
from tests.test_ui_watch import close_windows, show
from ui.county_page import CaseHistoryDialog, CountyPage, TownshipCasesDialog
from ui.main_window import MainWindow
from ui.supervision_page import OVERDUE_BG

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def cells(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def column_of(table: QTableWidget, header: str) -> int:
    return next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == header)


@pytest.fixture
def world(services: Services, clock: FixedClock) -> CountyWorld:
    return build_county_world(services, clock)


@pytest.fixture
def page(qtbot, world: CountyWorld, runner) -> Iterator[CountyPage]:  # type: ignore[no-untyped-def]
    widget = CountyPage(world.services, runner)
    show(qtbot, widget)
    widget.refresh()
    yield widget
    close_windows(widget)


def test_the_summary_by_township_with_totals(page: CountyPage) -> None:
    table = page.office_table
    assert table.rowCount() == 4  # three townships and the totals
    assert cells(table, 0)[:4] == ["370702101", "示例镇自然资源所", "8", "6"]
    overdue = column_of(table, "Overdue total")
    assert table.item(0, overdue).text() == "3"
    assert table.item(0, overdue).background().color() == OVERDUE_BG
    assert cells(table, 2)[2:4] == ["0", "0"] and cells(table, 2)[-1] == "—"  # 西河镇: nothing yet
    assert cells(table, 3)[0] == "Total" and cells(table, 3)[2] == "11"
    assert table.item(0, column_of(table, "On-time rate")).text() == "33.3%"
    assert "11" in page.summary_label.text() and "2026-11-23" in page.summary_label.text()
    months = page.month_table
    assert [cells(months, r)[:3] for r in range(months.rowCount() - 1)] == [
        ["示例镇自然资源所", "2026-10", "2"], ["示例镇自然资源所", "2026-11", "6"],
        ["东岭镇自然资源所", "2026-10", "1"], ["东岭镇自然资源所", "2026-11", "2"]]


def test_filters_narrow_the_table(page: CountyPage, world: CountyWorld) -> None:
    assert page.year_combo.currentText() == "2026" and page.year_combo.count() == 2
    page.set_filter(first_month=11, last_month=11)
    assert cells(page.office_table, 3)[2] == "8"  # November only
    page.set_filter(year=2026, first_month=1, last_month=12, office_id=world.town2)
    assert page.office_table.rowCount() == 2 and cells(page.office_table, 0)[1] == "东岭镇自然资源所"
    page.set_filter(first_month=12, last_month=3)
    box = page.findChild(QMessageBox)
    assert box is not None and "结束月份" in box.text()


def test_drill_down_to_a_case_and_its_transfer_history(qtbot, page: CountyPage, world: CountyWorld) -> None:  # type: ignore[no-untyped-def]
    page.office_table.setFocus()
    page.office_table.setCurrentCell(0, 1)
    qtbot.keyClick(page.office_table, Qt.Key.Key_Return)
    dialog = page.last_dialog
    assert isinstance(dialog, TownshipCasesDialog) and dialog.isVisible()
    assert "示例镇自然资源所" in dialog.windowTitle()
    assert dialog.table.rowCount() == 8 and dialog.count_label.text() == "8 case(s)"
    c2 = next(i for i, r in enumerate(dialog.rows) if r.id == world.cases["c2"])
    assert cells(dialog.table, c2)[-1] == "Late" and dialog.table.item(c2, 0).background().color() == OVERDUE_BG
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findData("overdue"))
    assert {r.id for r in dialog.rows} == {world.cases[k] for k in ("c2", "c3", "c4")}

    row = next(i for i, r in enumerate(dialog.rows) if r.id == world.cases["c3"])
    dialog.table.setCurrentCell(row, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    history = dialog.history_dialog
    assert isinstance(history, CaseHistoryDialog) and history.isVisible()
    assert history.table.rowCount() == 1
    step = cells(history.table, 0)
    assert step[3] == "王晓梅" and step[-1] == "办结（准予）" and step[6] == "2026-11-03 07:30"
    assert history.table.item(0, 0).background().color() == OVERDUE_BG  # done a day late


def test_a_matter_row_opens_that_matters_cases(page: CountyPage, world: CountyWorld) -> None:
    table = page.matter_table
    row = next(r for r in range(table.rowCount()) if cells(table, r)[1] == "TD-009")
    dialog = page.open_matter(row)
    assert dialog is not None and [r.id for r in dialog.rows] == [world.cases["c3"]]
    assert page.open_township(table.rowCount() - 1, table=table) is None  # the totals row


def test_a_month_row_opens_that_months_cases(page: CountyPage, world: CountyWorld) -> None:
    table = page.month_table
    row = next(r for r in range(table.rowCount()) if cells(table, r)[:2] == ["示例镇自然资源所", "2026-10"])
    dialog = page.open_month_township(row)
    assert dialog is not None and {r.id for r in dialog.rows} == {world.cases["c1"], world.cases["c2"]}
    assert "2026年10月" in dialog.windowTitle()


def test_export_to_excel_tells_where(qtbot, page: CountyPage, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "县局汇总"
    with qtbot.waitSignal(page.exported) as written:
        page.export_excel(target)
    assert written.args == [str(tmp_path / "县局汇总.xlsx")]
    assert page.last_message is not None and str(tmp_path / "县局汇总.xlsx") in page.last_message.text()
    book = openpyxl.load_workbook(tmp_path / "县局汇总.xlsx")
    assert book["按乡镇"]["C2"].value == 8


def test_main_window_shows_the_page_only_at_the_county(qtbot, world: CountyWorld, runner) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(world.services, runner)
    qtbot.addWidget(window)
    assert not window.county_item.isHidden()
    assert window.stack.currentWidget() is window.county_page  # the county starts on its summary
    assert window.nav.currentItem() is window.county_item
    assert window.county_page.office_table.rowCount() == 4
    window.close()

    world.act_as(world.town1, world.town1_user)
    township = MainWindow(world.services, runner)
    qtbot.addWidget(township)
    assert township.county_item.isHidden()
    assert QApplication.activeModalWidget() is None
    township.close()
