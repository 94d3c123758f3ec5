"""The working-day calendar page: showing, editing, publishing a year, the calculator."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from ui.calendar_page import HOLIDAY_COLOUR, MAKEUP_COLOUR, CalendarPage


def _page(qtbot, services, runner) -> CalendarPage:  # type: ignore[no-untyped-def]
    page = CalendarPage(services, runner)
    qtbot.addWidget(page)
    return page


def test_2026_spring_festival_is_a_holiday(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    assert page.year == 2026  # the test clock's year
    assert page.banner.isHidden()
    assert page.published_check.isChecked()
    rows = page.entry_rows()
    spring = [r for r in rows if r[3] == "春节"]
    assert spring, rows
    assert all(r[2] == page.tr("Off") for r in spring)
    makeup = [r for r in rows if r[3] == "春节调休"]
    assert makeup and all(r[2] == page.tr("Work") for r in makeup)
    # the grid paints them: holidays red, make-up working days blue and bold
    day = dt.date.fromisoformat(spring[0][0])
    fmt = page.grid.dateTextFormat(QDate(day.year, day.month, day.day))
    assert fmt.foreground().color() == HOLIDAY_COLOUR
    work = dt.date.fromisoformat(makeup[0][0])
    fmt = page.grid.dateTextFormat(QDate(work.year, work.month, work.day))
    assert fmt.foreground().color() == MAKEUP_COLOUR
    assert fmt.fontWeight() >= 700


def test_unpublished_year_shows_banner(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    page.year_spin.setValue(2027)
    assert page.grid.yearShown() == 2027
    assert not page.banner.isHidden()
    assert "2027" in page.banner.text()
    assert not page.published_check.isChecked()
    assert page.entry_rows() == []


def test_grid_navigation_follows_year(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    page.grid.setCurrentPage(2025, 5)
    assert page.year == 2025
    assert any(r[3] == "劳动节" for r in page.entry_rows())


def test_set_holiday_updates_service_and_list(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    day = dt.date(2027, 2, 8)
    assert services.reference.calendar().is_workday(day)
    page.select_day(day)
    assert page.year == 2027
    page.holiday_radio.click()
    page.name_edit.setText("春节")
    page.save_button.click()
    assert not services.reference.calendar().is_workday(day)
    assert ("2027-02-08", page.tr("Monday"), page.tr("Off"), "春节") in page.entry_rows()
    fmt = page.grid.dateTextFormat(QDate(2027, 2, 8))
    assert fmt.foreground().color() == HOLIDAY_COLOUR
    # still unpublished: one holiday does not make the year known
    assert not page.banner.isHidden()

    # back to normal
    page.normal_radio.click()
    assert not page.name_edit.isEnabled()
    page.save_button.click()
    assert services.reference.calendar().is_workday(day)
    assert page.entry_rows() == []


def test_set_makeup_working_day(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    day = dt.date(2027, 2, 6)  # a Saturday
    page.select_day(day)
    assert not services.reference.calendar().is_workday(day)
    page.makeup_radio.click()
    page.name_edit.setText("春节调休")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert services.reference.calendar().is_workday(day)
    assert page.entry_rows()[0][2:] == (page.tr("Work"), "春节调休")


def test_missing_name_is_shown_at_field_and_changes_nothing(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    day = dt.date(2027, 2, 8)
    page.select_day(day)
    page.holiday_radio.click()
    page.name_edit.setText("   ")
    page.save_button.click()
    assert not page.name_error.isHidden()
    assert page.name_error.text()
    assert services.reference.calendar().is_workday(day)
    assert page.entry_rows() == []
    # typing hides the message again
    qtbot.keyClicks(page.name_edit, "x")
    assert page.name_error.isHidden()


def test_service_validation_error_goes_to_field(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    """Even if the page's own check were bypassed, the core's error lands at the name field."""
    from app.errors import ValidationError

    page = _page(qtbot, services, runner)
    page._save_failed(ValidationError("name", "", "empty", "请填写名称"))
    assert page.name_error.text() == "请填写名称"
    assert not page.name_error.isHidden()


def test_mark_year_published(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    page.year_spin.setValue(2027)
    page.published_check.click()
    assert 2027 in services.reference.calendar_years()
    assert page.banner.isHidden()
    page.published_check.click()
    assert 2027 not in services.reference.calendar_years()
    assert not page.banner.isHidden()


def test_calculator_flags_2027(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    page.start_edit.setDate(QDate(2026, 9, 25))
    page.days_spin.setValue(5)
    # 国庆节 2026: five working days from 25 September run past the holiday
    expected = services.reference.calendar().add_working_days(dt.date(2026, 9, 25), 5)
    assert page.due_label.text().startswith(expected.due.isoformat())
    assert page.note_label.isHidden()

    page.start_edit.setDate(QDate(2026, 12, 20))
    page.days_spin.setValue(20)
    expected = services.reference.calendar().add_working_days(dt.date(2026, 12, 20), 20)
    assert expected.due.year == 2027 and expected.uncertain
    assert page.due_label.text().startswith(expected.due.isoformat())
    assert not page.note_label.isHidden()
    assert "2027" in page.note_label.text()


def test_calculator_uses_edited_calendar(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    page.start_edit.setDate(QDate(2027, 2, 5))  # Friday
    page.days_spin.setValue(1)
    assert page.due_label.text().startswith("2027-02-08")
    page.select_day(dt.date(2027, 2, 8))
    page.holiday_radio.click()
    page.name_edit.setText("春节")
    page.save_button.click()
    assert page.due_label.text().startswith("2027-02-09")


def test_selecting_list_row_selects_day(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services, runner)
    page.entries_table.selectRow(0)
    first = dt.date.fromisoformat(page.entries_table.item(0, 0).text())
    assert page.grid.selectedDate() == QDate(first.year, first.month, first.day)
    assert page.name_edit.text() == page.entries_table.item(0, 3).text()


def test_import_a_holiday_file_after_confirming(qtbot, services, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from tests.test_holiday_file import GOOD

    page = _page(qtbot, services, runner)
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace("2027-02-07", "2027-02-08"), encoding="utf-8")
    box = page.import_holiday_file(bad)
    assert "bad.toml 第 14 行" in box.text() and "本来就上班" in box.text()
    box.done(0)
    assert 2027 not in services.reference.calendar_years()  # nothing stored

    good = tmp_path / "2027.toml"
    good.write_text(GOOD, encoding="utf-8")
    box = page.import_holiday_file(good)
    assert box.objectName() == "confirmHolidayImport" and "2027" in box.text()
    assert "2027-02-07" in box.detailedText()
    box.done(QMessageBox.StandardButton.Yes)
    assert 2027 in services.reference.calendar_years()
    assert page.year == 2027 and page.published_check.isChecked() and page.banner.isHidden()
    assert [r[3] for r in page.entry_rows()] == ["元旦", "春节", "春节调休"]
