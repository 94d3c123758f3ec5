"""The assessment page (考核), driven as a township leader and as the county drive it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTreeWidgetItem

from app.services import Services
from tests.conftest import FixedClock
from tests.test_county_report import CountyWorld, build_county_world
from tests.test_ui_intake import pdf_text, type_text
from tests.test_ui_watch import close_windows, show
from ui.assessment_page import AssessmentPage, EntryDialog, WithdrawDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def column_of(table: QTableWidget, header: str) -> int:
    return next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == header)


def tree_item(page: AssessmentPage, code: str) -> QTreeWidgetItem:
    tree = page.tree
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        for index in range(group.childCount()):
            child = group.child(index)
            if child.data(0, Qt.ItemDataRole.UserRole) == code:
                return child
    raise AssertionError(code)


@pytest.fixture
def page(qtbot, services: Services, runner) -> Iterator[AssessmentPage]:  # type: ignore[no-untyped-def]
    widget = AssessmentPage(services, runner)
    show(qtbot, widget)
    widget.refresh()
    yield widget
    close_windows(widget)


def test_a_township_sees_its_items_by_category_with_computed_ones_marked(page: AssessmentPage) -> None:
    assert page.year_combo.currentText() == "2026"
    assert not page.office_combo.isVisible() and not page.tabs.isTabVisible(page.ranking_index)
    assert page.tree.topLevelItem(0).text(0) == "TD 土地管理" and page.tree.topLevelItem(0).text(1) == "250"
    on_time = tree_item(page, "ZW-01")
    assert on_time.text(3) == "Computed automatically" and on_time.text(2) == "60"
    assert tree_item(page, "TD-01").text(3) == "Entered"
    assert page.total_label.text() == "1000" and page.percent_label.text() == "100.00%"
    assert page.outcome_label.text() == "eligible for awards; head may be recommended"
    assert page.pay_label.text() == "100.00%" and page.veto_label.text() == "None"


def test_entering_a_deduction_changes_the_total(qtbot, page: AssessmentPage) -> None:  # type: ignore[no-untyped-def]
    dialog = page.open_entry_dialog()
    assert isinstance(dialog, EntryDialog) and dialog.isVisible()
    dialog.choose("TD-01")
    qtbot.keyClicks(dialog.points_edit, "70")
    dialog.submit()
    assert dialog.isVisible()  # nothing saved: both problems shown at their fields
    assert "最多还能录入 60 分" in dialog.error_text("points")
    assert "必须写明理由" in dialog.error_text("note")
    dialog.points_edit.clear()
    qtbot.keyClicks(dialog.points_edit, "45.5")
    type_text(qtbot, dialog.note_edit, "永久基本农田保护台账不全")
    type_text(qtbot, dialog.evidence_edit, "11月检查记录")
    dialog.submit()
    assert not dialog.isVisible()
    assert page.total_label.text() == "954.5" and page.percent_label.text() == "95.45%"
    assert tree_item(page, "TD-01").text(2) == "14.5"
    assert page.entries_table.rowCount() == 1 and page.entries_table.item(0, 5).text() == "永久基本农田保护台账不全"

    page.open_entry_dialog("KF-01")
    dialog = page.last_dialog
    assert isinstance(dialog, EntryDialog)
    qtbot.keyClicks(dialog.points_edit, "10")
    type_text(qtbot, dialog.note_edit, "县局通报批评")
    dialog.submit()
    assert page.total_label.text() == "944.5" and page.percent_label.text() == "94.45%"
    assert page.outcome_label.text() == "not eligible for awards; head may be recommended"
    assert page.pay_label.text() == "99.45%"

    row = next(r for r in range(2) if page.entries_table.item(r, 1).text() == "KF-01")
    page.entries_table.setCurrentCell(row, 0)
    withdraw = page.open_withdraw_dialog()
    assert isinstance(withdraw, WithdrawDialog)
    withdraw.submit()
    assert "原因" in withdraw.error_text("reason")
    type_text(qtbot, withdraw.reason_edit, "通报已撤销")
    withdraw.submit()
    assert page.total_label.text() == "954.5"
    assert page.entries_table.item(row, 0).font().strikeOut()


def test_a_veto_shows_in_red_whatever_the_score(qtbot, page: AssessmentPage) -> None:  # type: ignore[no-untyped-def]
    dialog = page.open_entry_dialog("FJ-01")
    assert isinstance(dialog, EntryDialog) and not dialog.points_edit.isEnabled()
    dialog.submit()
    assert "一票否决" in dialog.error_text("note")
    type_text(qtbot, dialog.note_edit, "东王村永久基本农田被挖塘，省厅通报")
    dialog.submit()
    assert page.total_label.text() == "1000"
    assert page.veto_label.text() == "Triggered: 耕地保护" and "b00020" in page.veto_label.styleSheet()
    assert page.outcome_label.text() == "Vetoed: no awards, the head is not recommended"


def test_print_the_score_sheet(page: AssessmentPage, tmp_path: Path) -> None:
    page.print_button.click()
    preview = page.last_preview
    assert preview is not None and preview.isVisible()
    text = pdf_text(preview.pdf)
    assert "示例镇自然资源所" in text and "千分制考核评分表" in text and "耕地保护目标责任落实" in text
    preview.reject()


def test_the_county_ranks_townships_and_opens_one(qtbot, services: Services, clock: FixedClock,  # type: ignore[no-untyped-def]
                                                  runner, tmp_path: Path) -> None:
    world: CountyWorld = build_county_world(services, clock)
    page = AssessmentPage(services, runner)
    show(qtbot, page)
    try:
        page.refresh()
        assert page.office_combo.isVisible() and page.office_combo.count() == 3
        assert page.tabs.isTabVisible(page.ranking_index)
        table = page.ranking_table
        assert [table.item(r, 2).text() for r in range(3)] == ["西河镇自然资源所", "东岭镇自然资源所", "示例镇自然资源所"]
        assert table.item(2, column_of(table, "Score")).text() == "925"
        assert table.item(2, column_of(table, "Awards")).text() == "no"
        assert table.item(2, column_of(table, "政务服务\n（200）")).text() == "125"
        page.tabs.setCurrentIndex(page.ranking_index)
        table.setFocus()
        table.setCurrentCell(2, 0)
        qtbot.keyClick(table, Qt.Key.Key_Return)
        assert page.tabs.currentIndex() == 0 and page.chosen_office() == world.town1
        assert page.total_label.text() == "925"
        assert "按时办结 2/4 件" in tree_item(page, "ZW-01").text(4)
        page.export_ranking(tmp_path / "rank.xlsx")
        rows = list(openpyxl.load_workbook(tmp_path / "rank.xlsx").active.iter_rows(values_only=True))
        assert rows[1][2] == "西河镇自然资源所"
        page.rank_print_button.click()
        preview = page.last_preview
        assert preview is not None and "千分制考核排名表" in pdf_text(preview.pdf)
        preview.reject()
    finally:
        close_windows(page)


def test_a_clerk_cannot_open_the_entry_dialog(qtbot, page: AssessmentPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    from app.dto import Role
    from tests.test_watch_services import add_user

    assert page.enter_button.isEnabled()
    services.ctx.user_id = add_user(services, "李娜", Role.WINDOW_CLERK)
    page.refresh()
    assert not page.enter_button.isEnabled() and not page.withdraw_button.isEnabled()
    assert page.total_label.text() == "1000"  # still sees the result
    tree_item(page, "TD-01").setSelected(True)
    page.tree.itemActivated.emit(tree_item(page, "TD-01"), 0)
    assert page.last_dialog is None
