"""The 月报 page on the hand-built month of tests/test_monthly_report.py (labels in English source)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QLineSeries
from PySide6.QtWidgets import QComboBox, QMessageBox, QTableWidget

from app.services import Services
from tests.conftest import NOW, FixedClock
from tests.test_county_report import _add_office, beijing
from tests.test_intake_service import full_form
from tests.test_monthly_report import MonthWorld, build_month
from tests.test_ui_watch import close_windows, show
from ui.monthly_page import MonthlyPage
from ui.supervision_page import OVERDUE_BG

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def cells(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def row_of(table: QTableWidget, first: str) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == first)


@pytest.fixture
def world(services: Services, clock: FixedClock) -> MonthWorld:
    return build_month(services, clock)


@pytest.fixture
def page(qtbot, world: MonthWorld, runner) -> Iterator[MonthlyPage]:  # type: ignore[no-untyped-def]
    widget = MonthlyPage(world.services, runner)
    show(qtbot, widget)
    widget.refresh()
    yield widget
    close_windows(widget)


def test_the_month_just_ended_is_shown_with_its_figures(page: MonthlyPage) -> None:
    # Today is 23 Nov 2026: October is chosen; the picker runs from this month back to Sep 2025.
    assert page.month_combo.currentText() == "2026-10"
    assert page.month_combo.itemText(0) == "2026-11" and page.month_combo.itemText(page.month_combo.count() - 1) == "2025-09"
    assert not page.office_combo.isVisible()  # a township reports on itself only
    assert page.title_label.text() == "示例镇自然资源所 2026年10月 业务办理情况月报"
    table = page.matter_table
    assert table.rowCount() == 16  # 15 matters and the total
    td004 = cells(table, row_of(table, "TD-004"))
    assert td004 == ["TD-004", "设施农业用地备案", "7", "6", "1", "1", "4", "3", "2", "75.0%", "1.0", "0"]
    assert table.item(row_of(table, "TD-004"), MonthlyPage.OVERDUE_COLUMN).background().color() == OVERDUE_BG
    total = cells(table, table.rowCount() - 1)
    assert total == ["Total", "", "11", "8", "1", "2", "6", "5", "3", "83.3%", "0.8", "1"]
    comparison = page.comparison_table
    assert cells(comparison, 0) == ["Received", "11", "3", "+8", "+266.7%", "1", "+10", "+1000.0%"]
    assert cells(comparison, 3) == ["On-time completion rate", "83.3%", "50.0%", "+33.3 pts", "—", "100.0%", "-16.7 pts", "—"]
    assert comparison.horizontalHeaderItem(2).text() == "Previous month (2026-09)"
    assert "2026-11-23" in page.summary_label.text() and "11 received" in page.summary_label.text()


def test_both_charts_have_twelve_months(page: MonthlyPage) -> None:
    bars = page.intake_chart.series()
    assert len(bars) == 1 and isinstance(bars[0], QBarSeries)
    received, accepted = bars[0].barSets()
    assert (received.label(), accepted.label()) == ("Received", "Accepted")
    assert [received.at(i) for i in range(received.count())] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 11]
    assert [accepted.at(i) for i in range(accepted.count())] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 8]
    months = next(a for a in page.intake_chart.axes() if isinstance(a, QBarCategoryAxis))
    assert months.count() == 12 and months.at(0) == "11/25" and months.at(11) == "10/26"
    lines = page.rate_chart.series()
    assert all(isinstance(line, QLineSeries) for line in lines)
    # Only three months have completed cases, so a rate: Nov 2025, then Sep and Oct 2026. The
    # months between are a gap: two line series, not one line drawn across ten empty months.
    points = [[(p.x(), round(p.y(), 1)) for p in line.points()] for line in lines]
    assert points == [[(0, 100.0)], [(10, 50.0), (11, 83.3)]]
    # Another month redraws the charts instead of adding to them.
    page.set_month(2026, 9)
    assert len(page.intake_chart.series()) == 1 and len(page.rate_chart.series()) == 2
    assert page.intake_chart.series()[0].barSets()[0].at(11) == 3
    assert cells(page.matter_table, page.matter_table.rowCount() - 1)[2] == "3"


def test_export_excel_and_save_pdf(qtbot, page: MonthlyPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.exported) as written:
        page.export_excel(tmp_path / "月报")
    assert written.args == [str(tmp_path / "月报.xlsx")]
    assert page.last_message is not None and "月报.xlsx" in page.last_message.text()
    assert openpyxl.load_workbook(tmp_path / "月报.xlsx")["按事项"]["C17"].value == 11  # the totals row
    with qtbot.waitSignal(page.exported):
        page.save_pdf(tmp_path / "月报.pdf")
    text = PdfReader(tmp_path / "月报.pdf").pages[0].extract_text()
    assert "示例镇自然资源所 2026年10月 业务办理情况月报" in text


def test_print_preview_is_landscape(page: MonthlyPage) -> None:
    from PySide6.QtGui import QPageLayout

    page.print_preview()
    preview = page.last_preview
    assert preview is not None and preview.isVisible()
    assert "2026年10月" in preview.windowTitle()
    assert preview.printer().pageLayout().orientation() == QPageLayout.Orientation.Landscape
    assert preview.pdf.startswith(b"%PDF")
    preview.close()


def test_county_has_a_township_picker(qtbot, world: MonthWorld, clock: FixedClock, runner) -> None:  # type: ignore[no-untyped-def]
    services = world.services
    town2, town2_user = _add_office(services, "370702102", "东岭镇自然资源所", username="zhaodl",
                                    display_name="赵东岭", roles="window_clerk,section_chief")
    county, county_user = _add_office(services, "370702000", "示例县自然资源局", county=True,
                                      username="xianju", display_name="周县局", roles="admin,leader")
    services.ctx.office_id, services.ctx.user_id = town2, town2_user
    clock.now = beijing(10, 20)
    services.intake.accept(full_form(services, "TD-004"))
    services.ctx.office_id, services.ctx.user_id = county, county_user
    clock.now = NOW
    widget = MonthlyPage(services, runner)
    show(qtbot, widget)
    try:
        widget.refresh()
        combo = widget.findChild(QComboBox, "office")
        assert combo.isVisible() and combo.count() == 3 and combo.currentText() == "All townships"
        assert widget.title_label.text().endswith("（全县汇总）")
        assert cells(widget.matter_table, widget.matter_table.rowCount() - 1)[2] == "12"
        widget.set_month(2026, 10, "370702102")
        assert widget.title_label.text().startswith("东岭镇自然资源所 2026年10月")
        assert cells(widget.matter_table, widget.matter_table.rowCount() - 1)[2] == "1"
    finally:
        close_windows(widget)


def test_a_failure_is_shown_not_raised(page: MonthlyPage) -> None:
    page.month_combo.clear()
    page.month_combo.addItem("1999-01", "1999-01")
    page.load()
    box = page.findChild(QMessageBox)
    assert box is not None and "年份" in box.text()
