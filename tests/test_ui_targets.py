"""The targets page (目标任务), driven as a township leader, a clerk and the county drive it.

Actuals come from task packages made with the ORM helper of tests/test_targets.py (the package
service is built in parallel). Labels are read in the English source: no translator is loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries

from app.demo import DEMO_STAFF, _ensure_staff
from app.services import Services
from app.services.targets import TargetKind
from tests.test_county_report import _add_office
from tests.test_targets import add_package, ten_months
from tests.test_ui_intake import pdf_text, type_text
from tests.test_ui_watch import close_windows, show
from ui.targets_page import (
    AllotDialog,
    AmountDialog,
    BreakdownDialog,
    CancelDialog,
    TargetDialog,
    TargetsPage,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def column_texts(page: TargetsPage, column: int) -> list[str]:
    table = page.list_table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def row_of(page: TargetsPage, name: str, kind: str) -> int:
    return next(r for r in range(page.list_table.rowCount())
                if page.list_table.item(r, 1).text() == name and page.list_table.item(r, 2).text() == kind)


@pytest.fixture
def page(qtbot, services: Services, runner) -> Iterator[TargetsPage]:  # type: ignore[no-untyped-def]
    widget = TargetsPage(services, runner)
    show(qtbot, widget)
    widget.refresh()
    yield widget
    close_windows(widget)


def test_a_leader_makes_a_plan_breaks_it_down_and_the_year_into_months(qtbot, page: TargetsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.year_combo.currentText() == "2026" and page.list_table.rowCount() == 0
    assert page.title_label.text() == "No targets for this year yet."
    assert page.plan_button.isVisible() and not page.office_combo.isVisible()
    assert not page.tabs.isTabVisible(page.county_index) and page.list_table.isColumnHidden(0)

    dialog = page.open_target_dialog(TargetKind.PLAN)
    assert isinstance(dialog, TargetDialog) and dialog.isVisible()
    dialog.submit()
    assert "请填写目标名称" in dialog.error_text("name") and dialog.isVisible()
    dialog.name_combo.setCurrentIndex(dialog.name_combo.findText("土地整理腾地"))
    assert dialog.unit_combo.currentText() == "公顷"  # the suggestion brings its unit
    dialog.last_spin.setValue(2030)
    qtbot.keyClicks(dialog.amount_edit, "3333.33")
    assert dialog.area_label.text() == "（49999.95 亩）"
    dialog.submit()
    assert not dialog.isVisible()
    assert column_texts(page, 1) == ["土地整理腾地"] and column_texts(page, 4) == ["3333.33 公顷"]
    assert page.title_label.text() == "示例镇自然资源所 土地整理腾地（2026—2030年）"
    assert "Not broken down yet." in page.summary_label.text()

    breakdown = page.open_breakdown_dialog()
    assert isinstance(breakdown, BreakdownDialog)
    assert [s.value() for s in breakdown.spins] == [666.67, 666.67, 666.67, 666.66, 666.66]
    breakdown.spins[4].setValue(600)
    assert "66.66 公顷 short of the target 3333.33 公顷" in breakdown.total_label.text()
    assert not breakdown.ok_button.isEnabled()
    breakdown.spins[4].setValue(700)
    assert "reaches the target" in breakdown.total_label.text() and breakdown.ok_button.isEnabled()
    breakdown.submit()
    assert not breakdown.isVisible()
    assert page.period_table.item(4, 1).text() == "700.00" and page.period_table.item(5, 1).text() == "3366.67"

    year_row = row_of(page, "土地整理腾地", "Year of a plan")
    page.list_table.setCurrentCell(year_row, 1)
    assert page.title_label.text() == "示例镇自然资源所 2026年 土地整理腾地"
    months = page.open_breakdown_dialog()
    assert isinstance(months, BreakdownDialog) and len(months.spins) == 12
    months.spins[1].setValue(0)  # the Spring Festival month
    assert "short of the target 666.67 公顷" in months.total_label.text()
    months.spins[0].setValue(months.spins[0].value() + 55.56)
    assert months.ok_button.isEnabled()
    months.submit()
    assert not months.isVisible()
    assert page.period_table.item(1, 1).text() == "0.00" and page.period_table.item(0, 1).text() == "111.12"
    bars = [s for s in page.chart.series() if isinstance(s, QBarSeries)]
    lines = [s for s in page.chart.series() if isinstance(s, QLineSeries)]
    assert len(bars) == 1 and bars[0].barSets()[0].at(0) == pytest.approx(111.12)
    assert [s.name() for s in lines] == ["Cumulative planned", "Cumulative done"]

    change = page.open_change_dialog()
    assert isinstance(change, AmountDialog)
    change.amount_spin.setValue(700)
    change.submit()
    assert "各月合计 666.67 公顷，少于新的目标 700.00 公顷" in change.error_text("planned")
    change.amount_spin.setValue(600)
    change.submit()
    assert "改后各年合计 3300.00 公顷，比规划总量 3333.33 公顷少 33.33 公顷" in change.error_text("planned")
    change.amount_spin.setValue(633.34)
    change.submit()
    assert not change.isVisible()
    assert page.list_table.item(page.list_table.currentRow(), 4).text() == "633.34 公顷"
    assert page.list_table.item(page.list_table.currentRow(), 4).toolTip() == "633.34 公顷（9500.10 亩）"


def test_months_that_fell_short_are_red_and_the_sheet_prints(qtbot, services: Services, runner,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    target = services.targets.create_yearly("村庄改造", "个", 2026, 20)
    services.targets.set_months(target.id, [0, 0, *[2] * 10])
    add_package(services, target.id, ten_months([0, 0, 2, 1, 2, 3, 2, 2, 2, 2]))
    page = TargetsPage(services, runner)
    show(qtbot, page)
    try:
        page.refresh()
        assert column_texts(page, 5) == ["16"] and column_texts(page, 8) == ["Behind"]
        april = page.period_table.item(3, 7)
        assert april.text() == "Fell short" and april.foreground().color().name() == "#b00020"
        assert page.period_table.item(2, 7).text() == "Done" and page.period_table.item(10, 7).text() == "Under way"
        assert page.period_table.item(11, 2).text() == "—"
        assert "Fell short: 4月." in page.summary_label.text() and "Progress: Behind." in page.summary_label.text()
        assert "By today 18 个 should be done: behind by 2 个." in page.summary_label.text()

        page.preview_button.click()
        preview = page.last_preview
        assert preview is not None and preview.isVisible()
        assert "2026年村庄改造目标任务完成情况表" in pdf_text(preview.pdf)
        preview.reject()
        page.export_excel(tmp_path / "villages")
        rows = list(openpyxl.load_workbook(tmp_path / "villages.xlsx").active.iter_rows(values_only=True))
        assert rows[4][:3] == ("4月", 2, 1)

        dialog = page.open_cancel_dialog()
        assert isinstance(dialog, CancelDialog)
        dialog.submit()
        assert "原因" in dialog.error_text("reason")
        type_text(qtbot, dialog.reason_edit, "县局调整任务")
        dialog.submit()
        assert page.list_table.rowCount() == 0
        page.cancelled_check.setChecked(True)
        assert column_texts(page, 1) == ["村庄改造 (cancelled)"]
        assert page.list_table.item(0, 1).font().strikeOut() and not page.breakdown_button.isEnabled()
        assert "Cancelled: 县局调整任务" in page.summary_label.text()
    finally:
        close_windows(page)


def test_a_clerk_sees_the_targets_but_cannot_change_them(qtbot, services: Services, runner) -> None:  # type: ignore[no-untyped-def]
    services.targets.create_yearly("卫片执法图斑核查", "宗", 2026, 36)
    _ensure_staff(services)
    services.ctx.user_id = next(u.id for u in services.users.list_users() if u.username == DEMO_STAFF[0][0])
    page = TargetsPage(services, runner)
    show(qtbot, page)
    try:
        page.refresh()
        assert column_texts(page, 1) == ["卫片执法图斑核查"]
        assert not any(button.isVisible() for button in page.edit_buttons)
        assert page.preview_button.isEnabled() and page.open_breakdown_dialog() is None
    finally:
        close_windows(page)


def test_the_county_sees_every_township_and_their_sum(qtbot, services: Services, runner) -> None:  # type: ignore[no-untyped-def]
    ctx = services.ctx
    services.targets.set_months(services.targets.create_yearly("村庄改造", "个", 2026, 20).id)
    town2, user2 = _add_office(services, "370702102", "东岭镇自然资源所", username="zhaodl", display_name="赵东岭",
                               roles="section_chief")
    county, county_user = _add_office(services, "370702000", "示例县自然资源局", county=True, username="xianju",
                                      display_name="周县局", roles="admin,leader")
    ctx.office_id, ctx.user_id = town2, user2
    theirs = services.targets.create_yearly("村庄改造", "个", 2026, 100)
    services.targets.set_months(theirs.id)
    add_package(services, theirs.id, [(dt.date(2026, 5, 5), 30)])
    ctx.office_id, ctx.user_id = county, county_user
    page = TargetsPage(services, runner)
    show(qtbot, page)
    try:
        page.refresh()
        # All, the county itself and the two townships; the county's leader plans the county's own targets.
        assert page.office_combo.isVisible() and page.office_combo.count() == 4
        assert not page.list_table.isColumnHidden(0) and page.allot_button.isVisible()
        assert page.yearly_button.text() == "New county yearly &target…"
        # A township's own target stays read-only at the county.
        assert not page.change_button.isEnabled() and not page.allot_button.isEnabled()
        assert column_texts(page, 0) == ["示例镇自然资源所", "东岭镇自然资源所"]
        page.set_office(town2)
        assert column_texts(page, 0) == ["东岭镇自然资源所"] and column_texts(page, 5) == ["30"]
        assert page.tabs.isTabVisible(page.county_index)
        page.tabs.setCurrentIndex(page.county_index)
        page.county_table.setCurrentCell(0, 0)
        assert [page.county_table.item(0, c).text() for c in range(6)] == ["村庄改造", "个", "2", "120", "30", "25.0%"]
        assert page.title_label.text() == "示例县自然资源局（2 个乡镇所合计） 2026年 村庄改造"
        assert page.shown is not None and page.shown.planned == Decimal(120)
        page.preview_button.click()
        preview = page.last_preview
        assert preview is not None and "各乡镇所目标与完成" in pdf_text(preview.pdf)
        preview.reject()
    finally:
        close_windows(page)


def test_the_county_allots_a_target_and_the_township_sees_its_share(qtbot, services: Services, runner) -> None:  # type: ignore[no-untyped-def]
    ctx = services.ctx
    town1, user1 = ctx.office_id, ctx.user_id
    town2, _user2 = _add_office(services, "370702102", "东岭镇自然资源所", username="zhaodl", display_name="赵东岭",
                                roles="section_chief")
    county, county_user = _add_office(services, "370702000", "示例县自然资源局", county=True, username="xianju",
                                      display_name="周县局", roles="admin,leader")
    ctx.office_id, ctx.user_id = county, county_user
    page = TargetsPage(services, runner)
    show(qtbot, page)
    try:
        page.refresh()
        assert page.open_allot_dialog() is None  # nothing chosen yet
        made = page.open_target_dialog(TargetKind.YEARLY)
        made.name_combo.setCurrentIndex(made.name_combo.findText("村庄改造"))
        made.amount_edit.setText("120")
        made.submit()
        assert column_texts(page, 0) == ["示例县自然资源局"] and page.allot_button.isEnabled()
        dialog = page.open_allot_dialog()
        assert isinstance(dialog, AllotDialog) and dialog.isVisible()
        assert [s.value() for s in dialog.spins.values()] == [0, 0] and not dialog.ok_button.isEnabled()
        dialog.spins[town1].setValue(70)
        dialog.spins[town2].setValue(40)
        assert "10 个 short of the county target 120 个" in dialog.total_label.text()
        assert not dialog.ok_button.isEnabled()
        dialog.spins[town2].setValue(50)
        assert dialog.ok_button.isEnabled() and "reaches the county target" in dialog.total_label.text()
        dialog.submit()
        assert not dialog.isVisible()
        page.set_office(county)
        page.select_target(next(p.target.id for p in page.rows if p.target is not None))
        assert page.allotment_table.isVisible() and page.allotment_table.rowCount() == 4
        table = page.allotment_table
        assert [table.item(0, c).text() for c in (0, 1, 2)] == ["示例镇自然资源所", "70", "0"]
        assert table.item(3, 0).text() == "County target" and table.item(3, 1).text() == "120"
        assert "Allotted to 2 townships, 120 个 together." in page.summary_label.text()
        page.preview_button.click()
        preview = page.last_preview
        assert preview is not None and "分解下达情况" in pdf_text(preview.pdf)
        preview.reject()
        again = page.open_allot_dialog()
        assert again is not None and [s.value() for s in again.spins.values()] == [70, 50]
        again.reject()
    finally:
        close_windows(page)

    ctx.office_id, ctx.user_id = town1, user1
    page = TargetsPage(services, runner)
    show(qtbot, page)
    try:
        page.refresh()
        assert column_texts(page, 2) == ["Issued by the county"] and not page.allot_button.isVisible()
        assert page.breakdown_button.isEnabled() and not page.change_button.isEnabled()
        assert not page.cancel_button.isEnabled() and page.open_change_dialog() is None
        assert "Issued by the county." in page.summary_label.text()
        dialog = page.open_breakdown_dialog()
        assert dialog is not None
        dialog.fill_even()
        dialog.submit()
        assert services.targets.months(page.rows[0].target.id) is not None  # type: ignore[union-attr]
    finally:
        close_windows(page)
