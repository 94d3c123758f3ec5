"""The intake page (一窗受理), driven with the keyboard as a window clerk drives it.

Every decision goes through the real services (inline task runner) and the
printed document is read back from the PDF the preview dialog was given.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services import Services
from app.services.intake import (
    ApplicantInput,
    CaseStatus,
    IntakeForm,
    MaterialStatus,
    MaterialTick,
)
from app.validators import resident_id_check_char
from ui.intake_page import IntakePage

# The offscreen platform cannot size, raise or grab for windows such as the completer's popup.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")

BODY = "37070219850715001"  # born 15 July 1985, 17th digit odd: male
GOOD_ID = BODY + resident_id_check_char(BODY)
BAD_ID = BODY + ("1" if GOOD_ID[-1] != "1" else "2")  # wrong check character
PHONE = "13812345678"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def pdf_text(pdf: bytes) -> str:
    """All text of the PDF with white space removed, so wrapped lines still match."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", text)


@pytest.fixture
def page(qtbot, services: Services, runner) -> Iterator[IntakePage]:  # type: ignore[no-untyped-def]
    widget = IntakePage(services, runner)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.matter_combo)
    yield widget
    for child in widget.findChildren(QWidget):
        if child.isWindow() and child.isVisible():
            child.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as a clerk does: Latin keys one by one, Chinese as the input method commits it."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose_matter(qtbot, page: IntakePage, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = page.matter_combo.lineEdit()
    edit.selectAll()
    type_text(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def fill_applicant(page: IntakePage, name: str = "张三", id_number: str = GOOD_ID, phone: str = PHONE) -> None:
    page.name_edit.setText(name)
    page.id_number_edit.setText(id_number)
    page.phone_edit.setText(phone)


def close_preview(page: IntakePage) -> bytes:
    dialog = page.last_preview
    assert dialog is not None and dialog.isVisible()
    pdf = dialog.pdf
    dialog.reject()
    return pdf


# ------------------------------------------------------------------ the whole flow


def test_keyboard_intake_accept_prints_receipt_and_clears(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    matter = services.reference.matter("TD-001")
    decided = []
    page.decided.connect(decided.append)
    assert focused() is page.matter_combo  # typing starts in the matter chooser

    choose_matter(qtbot, page, "TD-001")
    assert page.matter_combo.matter() == matter
    assert page.materials.row_count() == len(matter.materials)
    assert focused() is page.person_radio  # Enter moved on to the next field
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.name_edit
    type_text(qtbot, focused(), "张三")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is page.id_type_combo
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.id_number_edit
    qtbot.keyClicks(focused(), GOOD_ID)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert page.error_text("id_number") == ""
    assert "1985-07-15" in page.id_info.text() and page.id_info.isVisible()
    assert focused() is page.phone_edit
    qtbot.keyClicks(focused(), PHONE)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is page.address_edit

    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL_SHIFT)  # all received
    assert all(t.status is MaterialStatus.RECEIVED for t in page.materials.ticks())
    assert page.has_unsaved_input()

    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)  # accept and print

    rows = services.cases.search("张三")
    assert len(rows) == 1
    row = rows[0]
    assert row.status is CaseStatus.ACCEPTED
    assert len(row.number) == 19 and row.number.startswith("3707021012026")
    assert page.last_outcome is not None and page.last_outcome.number == row.number
    assert decided == [page.last_outcome]
    assert row.number in page.success_banner.text()
    assert row.number in page.status_label.text()

    text = pdf_text(close_preview(page))
    assert row.number in text
    assert matter.name in text

    # Cleared for the next applicant; the draft is gone.
    assert page.matter_combo.matter() is None and page.matter_combo.currentText() == ""
    assert page.name_edit.text() == page.id_number_edit.text() == page.phone_edit.text() == ""
    assert page.materials.row_count() == 0
    assert not page.has_unsaved_input()
    assert services.drafts.list() == []


def test_bad_id_number_is_shown_at_the_field_and_nothing_is_saved(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    before = services.cases.count()
    choose_matter(qtbot, page, "TD-004")
    page.name_edit.setText("李四")
    page.phone_edit.setText(PHONE)
    page.id_number_edit.setFocus()
    qtbot.keyClicks(page.id_number_edit, BAD_ID)
    qtbot.keyClick(page.id_number_edit, Qt.Key.Key_Tab)  # leaving the field checks it
    assert "校验位" in page.error_text("id_number")
    assert page.id_number_edit.property("invalid") is True
    assert not page.id_info.isVisible()

    page.mark_all_received()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert services.cases.count() == before
    assert page.last_preview is None
    assert "校验位" in page.error_text("id_number")
    assert focused() is page.id_number_edit  # the first bad field gets the focus

    # Correcting it clears the red at once.
    page.id_number_edit.setText(GOOD_ID)
    assert page.error_text("id_number") == ""
    assert page.id_number_edit.property("invalid") is False


def test_every_service_error_goes_to_its_field(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    page.accept()  # empty form
    assert page.error_text("matter")
    assert page.error_text("name")
    assert page.error_text("id_number")
    assert page.error_text("phone")
    assert focused() is page.matter_combo
    assert services.cases.count() == 0

    choose_matter(qtbot, page, "TD-001")
    fill_applicant(page)
    page.materials.set_status(0, MaterialStatus.DEFECTIVE)  # no problem written
    page.materials.set_status(1, MaterialStatus.RECEIVED)
    page.accept()
    assert page.error_text("matter") == "" and page.error_text("name") == ""
    assert page.materials.row_error(0)  # the row is marked, with the message in its tool tip
    assert page.materials.row_error(0) in page.materials.table.item(0, 1).toolTip()
    assert page.materials.error_label.isVisible()
    assert "不能受理" in page.materials.error_label.text()  # and the summary says why
    assert focused() is page.materials.table
    assert services.cases.count() == 0


def test_one_time_notice_lists_every_missing_material(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    matter = services.reference.matter("TD-001")
    choose_matter(qtbot, page, "td001")  # code without the dash, lower case
    fill_applicant(page)
    page.mark_all_received()
    table = page.materials.table
    table.setFocus()
    table.setCurrentCell(1, 1)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # row 2 back to not submitted
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # row 4 too
    missing = [matter.materials[1].name, matter.materials[3].name]
    assert [t.status for t in page.materials.ticks()].count(MaterialStatus.MISSING) == 2

    qtbot.mouseClick(page.notice_button, Qt.MouseButton.LeftButton)

    outcome = page.last_outcome
    assert outcome is not None and outcome.status is CaseStatus.INCOMPLETE
    assert outcome.number in page.success_banner.text()
    text = pdf_text(close_preview(page))
    for name in missing:
        assert re.sub(r"\s+", "", name) in text
    assert services.cases.count(status=CaseStatus.INCOMPLETE) == 1


def test_defective_material_needs_a_problem_and_it_is_printed(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    choose_matter(qtbot, page, "TD-004")
    fill_applicant(page)
    page.mark_all_received()
    table = page.materials.table
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_3)  # not as required: the cursor goes to the problem field
    problem = page.materials.problem_edit(0)
    assert focused() is problem
    type_text(qtbot, problem, "缺少村委会盖章")
    qtbot.keyClick(problem, Qt.Key.Key_Return)
    assert focused() is table and table.currentRow() == 1
    page.notify_incomplete()
    assert "缺少村委会盖章" in pdf_text(close_preview(page))


def test_refusal_asks_for_the_reason_and_prints_it(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    choose_matter(qtbot, page, "TD-004")
    fill_applicant(page, name="王五")
    page.refuse()
    dialog = page.last_refuse_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.reason_edit.hasFocus())  # the clerk types the reason at once
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason yet
    reason = "申请地块不在本镇行政区域内"
    type_text(qtbot, dialog.reason_edit, reason)
    assert ok.isEnabled()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, CTRL)

    outcome = page.last_outcome
    assert outcome is not None and outcome.status is CaseStatus.REJECTED
    assert outcome.number.startswith("3707021012026J")
    assert reason in pdf_text(close_preview(page))
    assert services.cases.search("王五")[0].status is CaseStatus.REJECTED


def test_refusal_with_a_bad_form_marks_the_fields_before_asking(qtbot, page: IntakePage) -> None:  # type: ignore[no-untyped-def]
    choose_matter(qtbot, page, "TD-004")
    page.refuse()
    assert page.last_refuse_dialog is None
    assert page.error_text("name")


def test_receive_for_later_has_no_document(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    choose_matter(qtbot, page, "TD-004")
    fill_applicant(page)
    page.receive()
    assert page.last_outcome is not None and page.last_outcome.status is CaseStatus.RECEIVED
    assert page.last_preview is None
    assert services.cases.count(status=CaseStatus.RECEIVED) == 1
    assert page.success_banner.isVisible()


def test_deadline_in_a_year_without_calendar_shows_a_warning(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    # A major matter accepted late in 2026 runs into 2027, which the calendar does not know yet.
    longest = max(services.reference.matters(), key=lambda m: m.promised_days)
    choose_matter(qtbot, page, longest.code)
    fill_applicant(page)
    page.mark_all_received()
    page.accept()
    outcome = page.last_outcome
    assert outcome is not None and outcome.warnings
    assert page.warning_banner.isVisible()
    assert outcome.warnings[0] in page.warning_banner.text()
    assert "1" in page.status_label.text() and outcome.number in page.status_label.text()
    close_preview(page)


def test_green_channel_accepts_with_materials_to_follow(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    choose_matter(qtbot, page, "TD-004")
    fill_applicant(page)
    assert not page.pending_edit.isVisible()
    page.green_check.setChecked(True)
    assert page.pending_edit.isVisible()
    page.materials.set_status(0, MaterialStatus.RECEIVED)
    page.accept()
    outcome = page.last_outcome
    assert outcome is not None and outcome.status is CaseStatus.ACCEPTED
    detail = services.cases.detail(outcome.case_id)
    assert detail.green_channel and detail.pending_due == dt.date(2026, 12, 7)
    close_preview(page)


# ------------------------------------------------------------------ drafts and continuing


def test_draft_autosaves_after_a_pause_and_restores(qtbot, page: IntakePage, services: Services, runner) -> None:  # type: ignore[no-untyped-def]
    choose_matter(qtbot, page, "TD-001")
    page.org_radio.setChecked(True)
    page.name_edit.setText("示例县恒达建材有限公司")
    page.legal_rep_edit.setText("赵六")
    page.phone_edit.setText("0536-8123456")
    page.agent_check.setChecked(True)
    page.agent_name_edit.setText("钱七")
    page.area_edit.setText("2亩")
    page.green_check.setChecked(True)
    page.materials.set_status(0, MaterialStatus.RECEIVED)
    page.materials.set_status(2, MaterialStatus.DEFECTIVE)
    page.materials.problem_edit(2).setText("复印件不清晰")
    page.materials.set_status(6, MaterialStatus.NOT_APPLICABLE)
    assert services.drafts.list() == []
    qtbot.waitUntil(lambda: len(services.drafts.list()) == 1, timeout=5000)  # the 2 s debounce
    saved = services.drafts.list()[0]
    assert saved.id == page.draft_id and saved.applicant_name == "示例县恒达建材有限公司"

    other = IntakePage(services, runner)
    qtbot.addWidget(other)
    other.restore_draft(page.draft_id)
    assert other.current_form() == page.current_form()
    assert other.has_unsaved_input()
    assert other.materials.status(2) is MaterialStatus.DEFECTIVE
    assert other.materials.problem_edit(2).text() == "复印件不清晰"
    assert "1333.33" in other.area_info.text()


def test_hiding_the_page_saves_the_draft_and_clear_discards_it(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    choose_matter(qtbot, page, "TD-004")
    page.name_edit.setText("孙八")
    page.hide()
    assert [d.applicant_name for d in services.drafts.list()] == ["孙八"]
    page.show()
    page.ask_clear()
    box = page.last_message_box
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert page.name_edit.text() == ""
    assert services.drafts.list() == []
    assert not page.has_unsaved_input()


def test_continue_after_a_notice_then_accept(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    matter = services.reference.matter("TD-001")
    form = IntakeForm(
        matter_code=matter.code,
        applicant=ApplicantInput(name="周九", id_number=GOOD_ID, phone=PHONE),
        materials=[MaterialTick(m.code, MaterialStatus.RECEIVED if i > 1 else MaterialStatus.MISSING)
                   for i, m in enumerate(matter.materials)],
    )
    notice = services.intake.notify_incomplete(form)
    page.continue_case(notice.case_id)

    assert notice.number in page.continue_banner.text()
    assert not page.matter_combo.isEnabled()
    assert page.matter_combo.matter() == matter
    assert page.name_edit.text() == "周九"
    assert page.materials.status(0) is MaterialStatus.MISSING
    assert page.materials.status(2) is MaterialStatus.RECEIVED
    assert focused() is page.materials.table

    table = page.materials.table
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.keyClick(table, Qt.Key.Key_Return, CTRL)

    outcome = page.last_outcome
    assert outcome is not None and outcome.case_id == notice.case_id
    assert outcome.status is CaseStatus.ACCEPTED and len(outcome.number) == 19
    assert services.cases.count() == 1
    close_preview(page)
    assert page.matter_combo.isEnabled() and not page.continue_banner.isVisible()


def test_continue_a_decided_case_is_refused_with_a_message(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    matter = services.reference.matter("TD-004")
    form = IntakeForm(matter_code=matter.code, applicant=ApplicantInput(name="吴十", id_number=GOOD_ID, phone=PHONE),
                      materials=[MaterialTick(m.code, MaterialStatus.RECEIVED) for m in matter.materials])
    accepted = services.intake.accept(form)
    page.continue_case(accepted.case_id)
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "已受理" in boxes[0].text()
    assert page.matter_combo.isEnabled() and page.name_edit.text() == ""


# ------------------------------------------------------------------ the form itself


def test_matter_change_rebuilds_the_checklist(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    first, second = services.reference.matter("TD-001"), services.reference.matter("ZF-001")
    choose_matter(qtbot, page, first.code)
    assert page.materials.row_count() == len(first.materials)
    assert "不收费" in page.matter_hint.text()
    choose_matter(qtbot, page, second.code)
    assert page.materials.row_count() == len(second.materials)
    names = [page.materials.table.item(r, 1).text() for r in range(page.materials.row_count())]
    assert names == [m.name for m in second.materials]
    # Conditional materials offer 不适用, required ones do not.
    for row, m in enumerate(second.materials):
        combo = page.materials.status_combo(row)
        assert (combo.findData(MaterialStatus.NOT_APPLICABLE.value) >= 0) == (not m.required)


def test_matter_by_part_of_its_name(qtbot, page: IntakePage, services: Services) -> None:  # type: ignore[no-untyped-def]
    target = services.reference.matter("TD-004")
    unique = next(
        target.name[i:i + 4] for i in range(len(target.name) - 3)
        if sum(target.name[i:i + 4] in m.name for m in services.reference.matters()) == 1
    )
    choose_matter(qtbot, page, unique)
    assert page.matter_combo.matter() == target
    choose_matter(qtbot, page, "不存在的事项")
    assert page.matter_combo.matter() is None
    assert page.error_text("matter")


def test_live_checks_area_and_phone(qtbot, page: IntakePage) -> None:  # type: ignore[no-untyped-def]
    page.area_edit.setFocus()
    qtbot.keyClicks(page.area_edit, "0.5")
    type_text(qtbot, page.area_edit, "公顷")
    assert "5000.00" in page.area_info.text() and "7.50" in page.area_info.text()
    page.area_edit.setText("很大")
    qtbot.keyClick(page.area_edit, Qt.Key.Key_Return)
    assert "面积" in page.error_text("area")
    page.phone_edit.setFocus()
    qtbot.keyClicks(page.phone_edit, "1381234")
    assert page.error_text("phone") == ""  # no complaint while typing
    qtbot.keyClick(page.phone_edit, Qt.Key.Key_Tab)
    assert "11" in page.error_text("phone")


def test_organisation_switches_id_type_and_shows_legal_representative(page: IntakePage) -> None:
    assert not page.legal_rep_edit.isVisible()
    page.org_radio.setChecked(True)
    assert page.id_type_combo.currentData() == "uscc"
    assert page.legal_rep_edit.isVisible() and page.legal_rep_id_edit.isVisible()
    page.person_radio.setChecked(True)
    assert page.id_type_combo.currentData() == "resident_id"
    assert not page.legal_rep_edit.isVisible()


def test_tab_order_runs_top_to_bottom(qtbot, page: IntakePage) -> None:  # type: ignore[no-untyped-def]
    expected = [page.person_radio, page.name_edit, page.id_type_combo, page.id_number_edit, page.phone_edit,
                page.address_edit, page.village_edit, page.agent_check, page.summary_edit, page.location_edit,
                page.area_edit, page.green_check, page.materials.table]
    seen = []
    for _ in expected:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    assert seen == expected


def test_unexpected_error_is_a_message_not_a_traceback(qtbot, page: IntakePage, services: Services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services.intake, "accept", broken)
    choose_matter(qtbot, page, "TD-004")
    fill_applicant(page)
    page.accept()
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "disk on fire" not in boxes[0].text()
    assert page.accept_button.isEnabled()
    assert page.name_edit.text() == "张三"  # the form is kept


def test_decision_on_the_worker_thread(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    """The real runner: the service call and the PDF run off the UI thread, results come back by signal."""
    from ui.tasks import TaskRunner

    threaded = TaskRunner()
    page = IntakePage(services, threaded)
    qtbot.addWidget(page)
    page.show()
    page.matter_combo.set_matter_code("TD-004")
    fill_applicant(page)
    page.mark_all_received()
    page.accept()
    assert not page.accept_button.isEnabled()  # no second click while the first one runs
    with qtbot.waitSignal(page.decided, timeout=10000):
        pass  # delivered through the event loop, which only runs here
    qtbot.waitUntil(lambda: page.last_preview is not None, timeout=10000)
    assert page.last_outcome is not None
    assert page.last_outcome.number in pdf_text(close_preview(page))
    assert page.accept_button.isEnabled()
    threaded.wait()
