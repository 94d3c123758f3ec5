"""The first-inquiry page and the supervision page, driven as the office drives them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.dto import Role
from app.services import Services
from app.services.inquiries import Handling, InquiryInput, InquiryService
from app.services.ratings import RatingService
from app.services.supervision import SupervisionService
from tests.test_intake_service import full_form
from tests.test_ui_intake import pdf_text, type_text
from tests.test_watch_services import add_user
from ui.inquiry_page import InquiryPage, OutcomeDialog, RatingDialog
from ui.supervision_page import OVERDUE_BG, FollowUpDialog, ReplyDialog, SupervisionPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


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


@pytest.fixture
def page(qtbot, services: Services, runner) -> Iterator[InquiryPage]:  # type: ignore[no-untyped-def]
    widget = InquiryPage(services, runner)
    show(qtbot, widget)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.asker_edit)
    yield widget
    close_windows(widget)


# ------------------------------------------------------------------ first inquiry


def test_log_an_inquiry_from_the_keyboard_and_find_it(qtbot, page: InquiryPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    logged: list[uuid.UUID] = []
    page.logged.connect(logged.append)
    type_text(qtbot, focused(), "东王村王大爷")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.phone_edit
    qtbot.keyClicks(focused(), "13853612345")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.address_edit
    type_text(qtbot, focused(), "东王村3组")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() in (page.matter_combo, page.matter_combo.lineEdit())
    qtbot.keyClicks(page.matter_combo.lineEdit(), "TD-001")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.materials_edit
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.question_edit
    type_text(qtbot, focused(), "院墙被邻居占了怎么办？")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.handling_combo
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # 转办
    assert page.forwarded_edit.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.forwarded_edit
    type_text(qtbot, focused(), "县局执法大队")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.responsible_combo
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.outcome_edit
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter saves

    assert len(logged) == 1
    item = InquiryService(services.ctx, services.reference).get(logged[0])
    assert item.asker == "东王村王大爷" and item.phone == "13853612345"
    assert item.matter == services.reference.matter("TD-001").name
    assert item.handling is Handling.FORWARDED and item.forwarded_to == "县局执法大队"
    assert item.first_officer == item.responsible_officer == "王晓梅"
    # Cleared for the next caller, the cursor back in the name field, the new entry selected.
    assert page.asker_edit.text() == page.question_edit.text() == page.forwarded_edit.text() == ""
    assert not page.forwarded_edit.isEnabled()
    assert focused() is page.asker_edit
    assert "东王村王大爷" in page.form_status.text()
    assert page.current() is not None and page.current().id == item.id

    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "1385")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1 and page.model.row_at(0).id == item.id
    assert page.count_label.text() == page.tr("{n} entries").format(n=1)
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "不存在的人")
    page.search()
    assert page.model.rowCount() == 0


def test_the_first_officer_is_responsible_unless_someone_else_is_named(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                                     runner) -> None:
    colleague = add_user(services, "丁明", Role.HANDLER)  # listed before the signed-in 王晓梅
    widget = InquiryPage(services, runner)
    show(qtbot, widget)
    widget.responsible_combo.clear()  # as on a fresh page, before the people are loaded
    widget.load_people()
    assert widget.responsible_combo.count() == 2
    assert widget.responsible_combo.currentData() == str(services.ctx.user_id)
    widget.responsible_combo.setCurrentIndex(widget.responsible_combo.findData(str(colleague)))
    widget.load_people()  # F5 while the form is being filled in keeps the choice
    assert widget.responsible_combo.currentData() == str(colleague)
    widget.reset_form()
    assert widget.responsible_combo.currentData() == str(services.ctx.user_id)
    close_windows(widget)


def test_enter_on_an_empty_form_marks_the_fields_and_saves_nothing(qtbot, page: InquiryPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.phone_edit, "138")
    qtbot.keyClick(page.asker_edit, Qt.Key.Key_Return)
    assert page.error_text("asker") == "请填写来电或来访人的姓名，或者单位名称"
    assert page.error_text("question") == "请填写来电来访反映或咨询的内容"
    assert "手机号码" in page.error_text("phone")
    assert page.asker_edit.property("invalid") is True
    assert focused() is page.asker_edit
    assert InquiryService(services.ctx, services.reference).count() == 0
    type_text(qtbot, page.asker_edit, "李")  # typing clears that field's message
    page.asker_edit.textEdited.emit("李")
    assert page.error_text("asker") == ""


def test_enter_in_the_matter_suggestions_chooses_without_saving(qtbot, page: InquiryPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    edit = page.matter_combo.lineEdit()
    edit.setFocus()
    type_text(qtbot, edit, "宅基地")
    completer = page.matter_combo.completer()
    completer.setCompletionPrefix("宅基地")
    completer.complete()
    popup = completer.popup()
    assert popup.isVisible() and completer.completionCount() >= 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert "宅基地" in edit.text() and edit.text() != "宅基地"  # a catalogue name was chosen
    assert page.error_text("asker") == "" and page.form_status.text() == ""  # not saved
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # the next Enter saves (and finds the gaps)
    assert page.error_text("asker") != ""
    assert InquiryService(services.ctx, services.reference).count() == 0


def test_saving_on_the_worker_thread(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from ui.tasks import TaskRunner

    threaded = TaskRunner()
    widget = InquiryPage(services, threaded)
    show(qtbot, widget)
    widget.asker_edit.setText("线程测试")
    widget.question_edit.setText("咨询土地证补办")
    with qtbot.waitSignal(widget.logged, timeout=10000):
        widget.save()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1 and widget.current() is not None, timeout=10000)
    assert widget.current().asker == "线程测试"
    assert widget.asker_edit.text() == ""
    threaded.wait()


def test_forwarded_needs_a_target_at_its_field(qtbot, page: InquiryPage) -> None:  # type: ignore[no-untyped-def]
    page.asker_edit.setText("刘大山")
    page.question_edit.setText("征地补偿标准")
    page.handling_combo.setCurrentIndex(1)
    qtbot.keyClick(page.question_edit, Qt.Key.Key_Return)
    assert page.error_text("forwarded_to") == "转办时请写明转给哪个股室、单位或哪位同志"
    assert focused() is page.forwarded_edit


def test_rate_the_selected_inquiry_opens_a_follow_up(qtbot, page: InquiryPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    InquiryService(services.ctx, services.reference).log(
        InquiryInput(asker="张秀英", question="宅基地翻建需要带哪些材料？"))
    page.refresh()
    assert page.rate_button.isEnabled()
    page.rate_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, RatingDialog) and dialog.isVisible()
    assert not dialog.follow_up_combo.isEnabled()
    dialog.ok_button.click()  # no level chosen
    assert "请选择评价等级" in dialog.error_text("level")
    qtbot.keyClick(dialog.level_buttons[2], Qt.Key.Key_Space)
    dialog.level_buttons[2].setChecked(True)
    assert dialog.follow_up_combo.isEnabled() and dialog.follow_up_note.isVisible()
    assert "2026-11-30" in dialog.follow_up_note.text()
    dialog.ok_button.click()  # a bad rating needs a comment
    assert "差评请写明" in dialog.error_text("comment")
    dialog.comment_edit.setPlainText("等了一个小时没人接待")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    (follow_up,) = RatingService(services.ctx, services.reference).open_follow_ups()
    assert follow_up.follow_up_by == "王晓梅" and follow_up.follow_up_due == dt.date(2026, 11, 30)
    assert page.model.row_at(0).rating == 2
    assert "2026-11-30" in page.form_status.text()


def test_outcome_closes_a_forwarded_inquiry(qtbot, page: InquiryPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    service = InquiryService(services.ctx, services.reference)
    inquiry_id = service.log(InquiryInput(asker="刘小红", question="林地能否建房", handling="forwarded",
                                          forwarded_to="县局林业股"))
    page.refresh()
    page.outcome_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, OutcomeDialog) and dialog.close_check.isChecked()
    dialog.ok_button.click()
    assert "办结前请填写办理结果" in dialog.error_text("outcome")
    dialog.outcome_edit.setPlainText("林业股已电话答复：不能建房")
    dialog.ok_button.click()
    assert not service.get(inquiry_id).is_open
    assert page.model.row_at(0).outcome == "林业股已电话答复：不能建房"


def test_print_the_register_of_a_chosen_day(qtbot, page: InquiryPage, services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    service = InquiryService(services.ctx, services.reference)
    clock.now = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)  # 23:00 Beijing, Friday
    service.log(InquiryInput(asker="周五晚来电", channel="phone", question="咨询不动产登记"))
    page.register_date.setDate(page.register_date.date().addDays(-3))
    page.print_button.click()
    preview = page.last_preview
    assert preview is not None and preview.isVisible()
    assert "2026年11月20日" in preview.windowTitle()
    text = pdf_text(preview.pdf)
    assert "首问负责登记簿" in text and "周五晚来电" in text
    preview.reject()


# ------------------------------------------------------------------ supervision


@pytest.fixture
def people(services: Services) -> dict[str, uuid.UUID]:
    assert services.ctx.user_id is not None
    return {"me": services.ctx.user_id, "handler": add_user(services, "李明", Role.HANDLER),
            "leader": add_user(services, "赵国强", Role.LEADER)}


def issue_notice(services: Services, to: uuid.UUID, days: int = 2) -> str:
    case_id = services.intake.accept(full_form(services)).case_id
    return SupervisionService(services.ctx, services.reference).issue(
        case_id, to, "已超过承诺时限，请说明原因", reply_days=days)


def supervision_page(qtbot, services: Services, runner) -> SupervisionPage:  # type: ignore[no-untyped-def]
    widget = SupervisionPage(services, runner)
    show(qtbot, widget)
    return widget


def test_the_addressee_replies_to_a_notice(qtbot, services: Services, runner, people) -> None:  # type: ignore[no-untyped-def]
    number = issue_notice(services, people["handler"])
    services.ctx.user_id = people["handler"]  # 李明 signs in
    page = supervision_page(qtbot, services, runner)
    assert not page.tabs.isTabVisible(page.ISSUE)  # a handler does not issue notices
    assert page.notices_table.rowCount() == 1
    assert page.notices_table.item(0, 0).text() == number
    assert page.reply_button.isEnabled()
    page.reply_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, ReplyDialog) and dialog.isVisible()
    assert "已超过承诺时限" in dialog.intro.text()
    dialog.ok_button.click()
    assert dialog.error_text("reply") == "请填写办理情况回复"
    type_text(qtbot, dialog.reply_edit, "已补充现场勘查，明日办结")
    qtbot.keyClick(dialog.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert page.notices_table.rowCount() == 0
    assert number in page.status_label.text()
    notice = SupervisionService(services.ctx, services.reference).for_case(
        services.cases.search()[0].id)[0]
    assert notice.reply == "已补充现场勘查，明日办结" and notice.replied_by == "李明"
    close_windows(page)


def test_only_the_addressee_may_reply_and_overdue_is_red(qtbot, services: Services, runner, people, clock) -> None:  # type: ignore[no-untyped-def]
    issue_notice(services, people["handler"], days=2)  # reply by Wed 25 November
    page = supervision_page(qtbot, services, runner)
    assert page.tabs.isTabVisible(page.ISSUE)  # 王晓梅 is a section chief
    assert not page.reply_button.isEnabled()
    assert page.reply_current() is None
    assert page.notices_table.item(0, 8).text() == page.tr("Open")
    clock.advance(days=2)
    page.refresh()
    assert page.notices_table.item(0, 8).text() == page.tr("Due today")
    clock.advance(days=1)
    page.refresh()
    assert page.notices_table.item(0, 8).text() == page.tr("Overdue {n} days").format(n=1)
    assert page.notices_table.item(0, 0).background().color() == OVERDUE_BG
    assert page.tr("Supervision notices ({n}, {late} overdue)").format(n=1, late=1) == \
        page.tabs.tabText(page.NOTICES)
    page.notice_filter.setCurrentIndex(2)  # addressed to me: none
    assert page.notices_table.rowCount() == 0
    close_windows(page)


def test_a_leader_issues_a_notice_from_a_case_number_and_prints_it(qtbot, services: Services, runner, people) -> None:  # type: ignore[no-untyped-def]
    services.intake.accept(full_form(services))
    page = supervision_page(qtbot, services, runner)
    page.tabs.setCurrentIndex(page.ISSUE)
    page.issue_button.click()  # nothing filled in
    assert page.issue_error("case") == "请填写受理编号"
    page.case_edit.setFocus()
    qtbot.keyClicks(page.case_edit, "3707021012026000001")
    qtbot.keyClick(page.case_edit, Qt.Key.Key_Return)
    assert page.case is not None and "张建国" in page.case_info.text()
    assert focused() is page.reason_edit
    page.issue_button.click()  # no reason yet
    assert page.issue_error("reason").startswith("请填写督办事由")
    page.addressee_combo.setCurrentIndex(page.addressee_combo.findData(str(people["handler"])))
    type_text(qtbot, page.reason_edit, "请加快办理并说明进度")
    assert page.days_radio.isChecked() and "2026-11-26" in page.days_due.text()
    page.issue_print_button.click()
    assert page.issue_message.text() == page.tr("Supervision notice {number} issued.").format(
        number="3707021012026DB000001")
    assert page.notices_table.rowCount() == 1
    assert page.notices_table.item(0, 7).text() == "2026-11-26"
    preview = page.last_preview
    assert preview is not None and preview.isVisible()
    assert "3707021012026DB000001" in pdf_text(preview.pdf)
    preview.reject()
    close_windows(page)


def test_issue_by_date_must_be_after_today(qtbot, services: Services, runner, people) -> None:  # type: ignore[no-untyped-def]
    services.intake.accept(full_form(services))
    page = supervision_page(qtbot, services, runner)
    page.case_edit.setText("3707021012026000001")
    page.reason_edit.setPlainText("督办")
    page.date_edit.setDate(page.date_edit.date().addDays(5))
    assert page.date_radio.isChecked()
    page.issue()
    notice = page.notices[0]
    assert notice.reply_due == dt.date(2026, 11, 26) + dt.timedelta(days=5)


def test_follow_up_recorded_and_closed_from_the_page(qtbot, services: Services, runner, people) -> None:  # type: ignore[no-untyped-def]
    inquiry_id = InquiryService(services.ctx, services.reference).log(
        InquiryInput(asker="张秀英", question="宅基地翻建"))
    ratings = RatingService(services.ctx, services.reference)
    ratings.rate(1, "答复前后矛盾", inquiry_id=inquiry_id)
    page = supervision_page(qtbot, services, runner)
    page.tabs.setCurrentIndex(page.FOLLOW_UPS)
    assert page.follow_table.rowCount() == 1 and page.follow_button.isEnabled()
    page.close_follow_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, FollowUpDialog) and dialog.close_check.isChecked()
    dialog.ok_button.click()  # closing needs both texts: both are marked
    assert dialog.error_text("return_visit") == "还没有填写回访情况，不能办结"
    assert dialog.error_text("rectification") == "还没有填写整改措施，不能办结"
    dialog.visit_edit.setPlainText("11月24日电话回访，群众表示理解")
    dialog.ok_button.click()  # saved, but closing needs the rectification too
    assert dialog.isVisible() and dialog.error_text("rectification") == "还没有填写整改措施，不能办结"
    dialog.fix_edit.setPlainText("一次性告知清单张贴到窗口")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert page.follow_table.rowCount() == 0 and ratings.open_follow_ups() == []
    close_windows(page)


def test_pages_are_not_clipped_at_1366x768(qtbot, services: Services, runner) -> None:  # type: ignore[no-untyped-def]
    inquiry = InquiryPage(services, runner)
    show(qtbot, inquiry)
    for widget in (inquiry.save_button, inquiry.clear_button, inquiry.print_button,
                   inquiry.rate_button, inquiry.outcome_button, inquiry.count_label):
        assert widget.width() >= widget.sizeHint().width(), widget.objectName()
    assert inquiry.table.height() > 200  # room for the list under the form
    supervision = supervision_page(qtbot, services, runner)
    for widget in (supervision.reply_button, supervision.print_notice_button,
                   supervision.follow_button, supervision.close_follow_button):
        assert widget.width() >= widget.sizeHint().width(), widget.objectName()
