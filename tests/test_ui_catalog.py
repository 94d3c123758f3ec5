"""The 事项目录 page, driven as an administrator drives it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.catalog import parse_matter
from app.dto import Role
from app.services import Services
from tests.test_ui_intake import pdf_text, type_text
from tests.test_watch_services import add_user
from ui.catalog_page import MATERIAL_KEYS, CatalogPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def show(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def close_windows(widget: QWidget) -> None:
    for child in widget.findChildren(QWidget):
        if child.isWindow() and child.isVisible():
            child.close()


@pytest.fixture
def page(qtbot, services: Services, runner) -> Iterator[CatalogPage]:  # type: ignore[no-untyped-def]
    widget = CatalogPage(services, runner)
    show(qtbot, widget)
    widget.refresh()
    yield widget
    close_windows(widget)


def open_matter(page: CatalogPage, code: str) -> None:
    page.select_code(code)
    assert page.draft is not None and page.draft.code == code
    assert code in page.editor_title.text()


def set_spin(qtbot, spin, value: int) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


def row_of(page: CatalogPage, code: str) -> int:
    return next(i for i, m in enumerate(page.rows) if m.code == code)


def test_edit_a_time_limit_see_the_error_fix_it_and_save(qtbot, page: CatalogPage,  # type: ignore[no-untyped-def]
                                                         services: Services) -> None:
    assert page.table.rowCount() == 15
    assert "2026.1" in page.version_label.text() and not page.revert_button.isEnabled()
    open_matter(page, "TD-001")
    assert page.promised_spin.value() == 10 and page.legal_spin.value() == 20

    set_spin(qtbot, page.promised_spin, 25)
    assert "changed, not saved" in page.editor_title.text()
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    error = page.findChild(QWidget, "promised_days_error")
    assert error is not None and error.isVisible()
    assert "超过了法定时限 20 个工作日" in error.text()  # type: ignore[attr-defined]
    assert page.problem_list.isVisible() and page.problem_list.count() >= 1

    # Saving as it is changes nothing: the same problems come back.
    type_text(qtbot, page.note_edit, "县局同意压缩承诺时限")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert error.isVisible()
    assert len(services.catalog_edit.versions()) == 1

    # Fix it: 8 days, and the on-site survey step 4 days so the steps fit the promise.
    set_spin(qtbot, page.promised_spin, 8)
    page.tabs.setCurrentIndex(2)
    page.steps_table.item(1, 2).setText("4")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible() and not page.problem_list.isVisible()
    assert page.message.text() == "No problems found."
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert "2026.1-本地1" in page.message.text()
    assert "2026.1-本地1" in page.version_label.text() and page.revert_button.isEnabled()
    row = row_of(page, "TD-001")
    assert page.table.item(row, 4).text() == "Local change"
    assert page.table.item(row, 3).text() == "8 / 20"
    assert "承诺时限：10 个工作日 → 8 个工作日" in page.table.item(row, 1).toolTip()
    assert page.table.item(row_of(page, "TD-002"), 4).text() == ""
    assert services.reference.matter("TD-001").promised_days == 8
    assert not page.dirty and page.note_edit.text() == ""


def test_materials_rows_are_added_moved_removed_and_a_bad_row_is_marked(qtbot, page: CatalogPage) -> None:  # type: ignore[no-untyped-def]
    open_matter(page, "TD-001")
    page.tabs.setCurrentIndex(1)
    table = page.materials_table
    assert table.rowCount() == 9
    qtbot.mouseClick(page.findChild(QWidget, "materials_add"), Qt.MouseButton.LeftButton)
    assert table.rowCount() == 10 and table.item(9, 0).text() == "M10"
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    name_column = MATERIAL_KEYS.index("name")
    assert table.item(9, name_column).toolTip() == "不能为空"
    assert any("row 10" in page.problem_list.item(i).text() for i in range(page.problem_list.count()))

    table.item(9, name_column).setText("村委会证明")
    table.setCurrentCell(9, name_column)
    qtbot.mouseClick(page.findChild(QWidget, "materials_up"), Qt.MouseButton.LeftButton)
    assert [m.code for m in page.current_draft().materials][-2:] == ["M10", "M09"]
    table.setCurrentCell(0, 1)
    qtbot.mouseClick(page.findChild(QWidget, "materials_remove"), Qt.MouseButton.LeftButton)
    assert [m.code for m in page.current_draft().materials][0] == "M02"
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "No problems found."


def test_a_missing_note_is_asked_for_at_its_field(qtbot, page: CatalogPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    open_matter(page, "TD-002")
    page.window_edit.setFocus()
    type_text(qtbot, page.window_edit, "（二号窗口）")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    note_error = page.findChild(QWidget, "note_error")
    assert note_error is not None and note_error.isVisible()
    assert len(services.catalog_edit.versions()) == 1


def test_new_matter_is_saved_and_flagged_as_added_locally(qtbot, page: CatalogPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.draft is not None and page.draft.is_new and not page.code_edit.isReadOnly()
    qtbot.keyClicks(page.code_edit, "TD-901")
    type_text(qtbot, page.name_edit, "临时用地复垦备案")
    page.description_edit.setPlainText("说明")
    page.applicants_edit.setPlainText("用地单位")
    page.basis_edit.setPlainText("《土地复垦条例》第十条")
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.findChild(QWidget, "materials_add"), Qt.MouseButton.LeftButton)
    page.materials_table.item(0, 1).setText("复垦方案")
    type_text(qtbot, page.note_edit, "县局通知先行受理")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 16
    row = row_of(page, "TD-901")
    assert page.table.item(row, 4).text() == "Added locally"
    page.table.selectRow(row)
    assert page.remove_button.isEnabled()
    box = page.confirm_remove()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert page.table.rowCount() == 15


def test_restore_the_county_version_and_use_a_local_one_again(qtbot, page: CatalogPage,  # type: ignore[no-untyped-def]
                                                              services: Services) -> None:
    draft = services.catalog_edit.edit_draft("TD-004")
    draft.window = "二号窗口"
    services.catalog_edit.save([draft], "改窗口")
    page.refresh()
    assert page.revert_button.isEnabled()
    box = page.confirm_revert()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert "2026.1 (" in page.message.text() and not page.revert_button.isEnabled()
    assert not any(m.locally_changed for m in page.rows)

    dialog = page.show_versions()
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(0)  # the local version, newest first
    assert dialog.use_button.isEnabled()
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert page.table.item(row_of(page, "TD-004"), 4).text() == "Local change"
    dialog.accept()


def test_someone_without_the_admin_role_is_told_and_nothing_is_saved(qtbot, page: CatalogPage,  # type: ignore[no-untyped-def]
                                                                      services: Services) -> None:
    open_matter(page, "TD-002")
    page.window_edit.setText("二号窗口")
    page.note_edit.setText("改窗口")
    services.ctx.user_id = add_user(services, "李娜", Role.WINDOW_CLERK)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.isVisible() and "修改事项目录" in page.message.text()
    assert len(services.catalog_edit.versions()) == 1


def test_export_writes_a_matter_file_that_reads_back(page: CatalogPage, tmp_path: Path) -> None:
    open_matter(page, "TD-003")
    page.name_edit.setText("临时用地审批（乡镇初审，本地）")
    page.export_toml()
    dialog = page.last_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    dialog.fileSelected.emit(str(tmp_path / "td-003.toml"))  # as choosing the file does
    dialog.reject()
    spec = parse_matter((tmp_path / "td-003.toml").read_text(encoding="utf-8"), "td-003.toml")
    assert spec.name == "临时用地审批（乡镇初审，本地）"
    assert "Written to" in page.message.text()


def test_preview_shows_the_brochure_of_the_unsaved_draft(qtbot, page: CatalogPage) -> None:  # type: ignore[no-untyped-def]
    open_matter(page, "TD-002")
    page.name_edit.setText("不动产登记受理初审（预览）")
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    preview = page.last_preview
    assert preview is not None and preview.isVisible()
    assert "不动产登记受理初审（预览）" in pdf_text(preview.pdf)
    preview.reject()


def test_print_buttons_show_the_brochures(qtbot, page: CatalogPage) -> None:  # type: ignore[no-untyped-def]
    open_matter(page, "TD-001")
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    preview = page.last_preview
    assert preview is not None and "农村村民宅基地用地审批" in pdf_text(preview.pdf)
    preview.reject()
    qtbot.mouseClick(page.trifold_button, Qt.MouseButton.LeftButton)
    assert page.last_preview is not None and "三折页" in page.last_preview.windowTitle()
    page.last_preview.reject()
