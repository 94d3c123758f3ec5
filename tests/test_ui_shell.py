"""The window around the pages: first-run set-up, navigation, draft recovery, errors."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.services import Services
from app.services.cases import DueFilter
from app.services.intake import ApplicantInput, IntakeForm
from ui.errors import message_for, setup_logging
from ui.main_window import MainWindow
from ui.setup_dialog import SetupDialog


def test_setup_dialog_shows_errors_at_fields_then_creates_office(qtbot, blank_services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = SetupDialog(blank_services)
    qtbot.addWidget(dialog)
    dialog.fields["name"].setText("城关镇自然资源所")
    dialog.fields["code"].setText("3707021")
    dialog.fields["display_name"].setText("李明")
    dialog.fields["username"].setText("liming")
    dialog.fields["password"].setText("chengguan-1")
    dialog.fields["password_confirm"].setText("chengguan-1")
    dialog.submit()
    assert not dialog.errors["code"].isHidden()
    assert "9" in dialog.errors["code"].text() or "位" in dialog.errors["code"].text()
    assert blank_services.office.needs_setup()
    dialog.fields["code"].setText("370702101")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert not blank_services.office.needs_setup()
    assert blank_services.office.office().name == "城关镇自然资源所"


def test_navigation_and_home_counts(qtbot, demo_services: Services, runner) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_services, runner)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need an active window
    counts = demo_services.cases.counts()
    assert window.home.tiles["open"].text().endswith(str(counts.open))
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.cases
    window.home.tiles["overdue"].click()
    assert window.stack.currentWidget() is window.cases
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.intake


def test_draft_left_by_a_crash_is_offered_and_restored(qtbot, services: Services, runner) -> None:  # type: ignore[no-untyped-def]
    draft_id = services.drafts.new_id()
    services.drafts.save(draft_id, IntakeForm(matter_code="TD-001", applicant=ApplicantInput(name="赵铁柱")))
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    window.offer_drafts()
    box = window.findChild(QMessageBox, "draft_offer")
    assert box is not None and "赵铁柱" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert window.stack.currentWidget() is window.intake
    assert window.intake.has_unsaved_input()


def test_unexpected_error_is_logged_and_shown_briefly(tmp_path: Path) -> None:
    log = setup_logging(tmp_path)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        text = message_for(exc)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert str(log) in text and "Traceback" not in text
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "") == str(log):
            root.removeHandler(handler)
            handler.close()


def test_due_filter_from_home(qtbot, demo_services: Services, runner) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_services, runner)
    qtbot.addWidget(window)
    window.show_cases(None, DueFilter.OVERDUE)
    assert window.stack.currentWidget() is window.cases


def test_sign_in_reminder_counts_what_i_hold_and_opens_my_inbox(qtbot, services: Services, runner,  # type: ignore[no-untyped-def]
                                                                clock) -> None:
    from tests.test_intake_service import full_form

    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    window.after_sign_in()  # nothing held yet: a quiet word in the status bar, no box
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Nothing is waiting for you.")
    assert window.reminder is None

    services.intake.accept(full_form(services, "TD-001"))  # the window step is due today (0 days)
    services.intake.accept(full_form(services, "TD-001", green_channel=True))
    clock.advance(days=1)  # Tuesday: both window steps are a day late
    window.after_sign_in()
    qtbot.waitUntil(lambda: window.reminder is not None and window.reminder.isVisible())
    box = window.reminder
    assert box is not None and box.objectName() == "sign_in_reminder"
    assert "You hold 2 open case(s)." in box.text() and "2 overdue" in box.text()
    assert box.icon() is QMessageBox.Icon.Warning
    box.defaultButton().click()
    assert window.stack.currentWidget() is window.inbox


def test_home_shows_packages_study_and_petitions_and_opens_their_pages(  # type: ignore[no-untyped-def]
        qtbot, services: Services, runner, clock) -> None:
    import datetime as dt

    from app.services.packages import PackageForm

    me = services.ctx.user_id
    clock.now = dt.datetime(2026, 10, 8, 2, 0, tzinfo=dt.UTC)
    late = services.packages.enter(PackageForm(title="耕地保护网格化巡查", category="其他",
                                               start_date=dt.date(2026, 10, 8), working_days=10)).id
    services.packages.assign(late, me, [])  # type: ignore[arg-type]
    clock.now = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    tiles = window.home.managed_tiles
    assert tiles["my_packages"].text().endswith("1 open, 1 overdue")
    assert tiles["late_packages"].property("attention") is True
    assert tiles["study"].text().endswith("0 of 2 hours") and tiles["study"].property("attention") is True
    assert tiles["petitions"].text().endswith("\n0") and tiles["petitions"].property("attention") is False
    tiles["my_packages"].click()
    assert window.stack.currentWidget() is window.packages_page
    window.nav.setCurrentRow(0)
    tiles["study"].click()
    assert window.stack.currentWidget() is window.study_page
