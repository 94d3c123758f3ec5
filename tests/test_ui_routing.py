"""Routing screens: the case's 办理 panel, its small dialogs, the inbox and the home counts.

A case of TD-001 (an important matter: 窗口受理 → 经办人 → 所长 → 分管领导 → 主要领导 → 窗口)
is accepted by 王晓梅 (window clerk, section chief, administrator) and driven through
the panel by switching ``services.ctx.user_id`` between the people made here.
"""

from __future__ import annotations

import io
import re
import uuid

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.models import User
from app.permissions import Action
from app.services import Services
from app.services.intake import CaseStatus
from app.services.routing import CaseResult, PauseKind, RoutingService
from tests.test_intake_service import full_form
from ui.case_detail import CaseDetailDialog
from ui.case_model import DUE_COLOURS, GREEN_BADGE, DueState
from ui.home_page import HomePage
from ui.inbox_page import PAUSED_COLOURS, InboxColumn, InboxFilter, InboxPage
from ui.routing_panel import (
    CollectiveDialog,
    CompleteDialog,
    OpinionDialog,
    PauseDialog,
    ResumeDialog,
    ReturnDialog,
    RoutingDialog,
    RoutingPanel,
    SendDialog,
    routing_for,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

PEOPLE = {
    "handler": ("lijb", "李经办", "handler"),
    "chief": ("zhaosz", "赵所长", "section_chief"),
    "deputy": ("sunfz", "孙副镇长", "deputy_leader"),
    "leader": ("zhouzz", "周镇长", "leader"),
}


def make_users(services: Services) -> dict[str, uuid.UUID]:
    ids = {"clerk": services.ctx.user_id}
    with services.ctx.transaction("test.users") as s:
        for key, (username, name, roles) in PEOPLE.items():
            user = User(office_id=services.ctx.office_id, username=username, display_name=name,
                        roles=roles)
            s.add(user)
            s.flush()
            ids[key] = user.id
    assert all(ids.values())
    return ids  # type: ignore[return-value]


def accept(services: Services, code: str = "TD-001", **changes: object) -> uuid.UUID:
    outcome = services.intake.accept(full_form(services, code, **changes))
    assert outcome.status is CaseStatus.ACCEPTED
    return outcome.case_id


def pdf_text(pdf: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", text)


def routing(services: Services) -> RoutingService:
    return RoutingService(services.ctx, services.reference)


def as_user(services: Services, user_id: uuid.UUID) -> None:
    services.ctx.user_id = user_id


def make_panel(qtbot, services: Services, runner, case_id: uuid.UUID) -> RoutingPanel:  # type: ignore[no-untyped-def]
    panel = RoutingPanel(services, runner, case_id)
    qtbot.addWidget(panel)
    panel.resize(1100, 620)
    panel.show()
    return panel


def send_via_panel(panel: RoutingPanel, to: uuid.UUID, opinion: str = "") -> None:
    assert panel.buttons["send"].isEnabled()
    panel.buttons["send"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, SendDialog) and dialog.isVisible()
    dialog.choose(to)
    dialog.opinion_edit.setPlainText(opinion)
    dialog.ok_button.click()
    assert not dialog.isVisible(), dialog.message.text() + str({k: dialog.error_text(k) for k in dialog.errors})


def opinion_via_panel(panel: RoutingPanel, text: str, agree: bool = True) -> None:
    panel.buttons["opinion"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, OpinionDialog)
    dialog.opinion_edit.setPlainText(text)
    (dialog.agree if agree else dialog.disagree).setChecked(True)
    dialog.ok_button.click()
    assert not dialog.isVisible()


def move_to(services: Services, case_id: uuid.UUID, people: dict[str, uuid.UUID],
            order: int) -> None:
    """Drive a case with the service until it is at catalogue step ``order``."""
    service = routing(services)
    by_role = {"window_clerk": "clerk", "handler": "handler", "section_chief": "chief",
               "deputy_leader": "deputy", "leader": "leader", "collective": "chief"}
    while True:
        state = service.state(case_id)
        assert state.holder_id is not None
        as_user(services, state.holder_id)
        if state.open_step is not None and state.open_step.received_at is None:
            service.receive(case_id)
        if state.current_step == order:
            return
        assert state.next_step is not None
        service.send(case_id, people[by_role[state.next_step.role.value]])


def close_preview(panel: RoutingPanel) -> bytes:
    preview = panel.last_preview
    assert preview is not None and preview.isVisible()
    pdf = preview.pdf
    preview.reject()
    return pdf


# ------------------------------------------------------------------ the panel


def test_handler_receives_opines_sends_on_and_prints_transfer_slip(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services)

    # The clerk who accepted the case holds it at the window and sends it to the handler.
    panel = make_panel(qtbot, services, runner, case_id)
    state = panel.state
    assert state is not None and state.holder_id == people["clerk"]
    assert [c.property("state") for c in panel.chips] == ["current"] + ["to_come"] * 5
    assert "窗口受理" in panel.chips[0].text() and "窗口人员" in panel.chips[0].text()
    assert panel.buttons["send"].isEnabled()
    assert not panel.buttons["receive"].isEnabled()
    with qtbot.waitSignal(panel.changed):
        send_via_panel(panel, people["handler"], "材料齐全，请实地踏勘")
    assert panel.state.holder_id == people["handler"]
    assert panel.history_table.rowCount() == 2
    assert not any(b.isEnabled() for k, b in panel.buttons.items() if k != "print_slip")
    assert panel.print_slip_button.isEnabled()
    assert "李经办" in panel.hint_label.text()

    # The handler signs in: only 签收 until the case is received.
    as_user(services, people["handler"])
    panel = make_panel(qtbot, services, runner, case_id)
    assert panel.buttons["receive"].isEnabled()
    assert not panel.buttons["opinion"].isEnabled() and not panel.buttons["send"].isEnabled()
    assert panel.history_table.item(1, 5).text() == panel.tr("not yet")
    panel.buttons["receive"].click()
    assert panel.state.open_step is not None and panel.state.open_step.received_at is not None
    assert not panel.buttons["receive"].isEnabled()
    assert panel.buttons["opinion"].isEnabled() and panel.buttons["send"].isEnabled()
    assert [c.property("state") for c in panel.chips][:3] == ["done", "current", "to_come"]

    opinion_via_panel(panel, "经实地踏勘，符合一户一宅规定，拟同意")
    assert panel.state.open_step.opinion == "经实地踏勘，符合一户一宅规定，拟同意"
    send_via_panel(panel, people["chief"])
    assert panel.state.holder_name == "赵所长"

    # The section chief receives, agrees and sends on to the deputy leader.
    as_user(services, people["chief"])
    panel = make_panel(qtbot, services, runner, case_id)
    panel.buttons["receive"].click()
    opinion_via_panel(panel, "同意，请分管领导审核")
    send_via_panel(panel, people["deputy"])
    history = panel.history_table
    assert history.rowCount() == 4
    assert [history.item(r, 3).text() for r in range(4)] == ["王晓梅", "李经办", "赵所长", "孙副镇长"]
    assert history.item(2, 8).text() == "同意"
    assert "同意，请分管领导审核" in history.item(2, 9).text()

    panel.print_slip_button.click()
    text = pdf_text(close_preview(panel))
    for expected in ("李经办", "赵所长", "孙副镇长", "经实地踏勘，符合一户一宅规定，拟同意",
                     "同意，请分管领导审核", state.number):
        assert expected in text, expected


def test_return_needs_a_reason_then_goes_back_and_offers_the_slip(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services)
    move_to(services, case_id, people, 3)  # at the section chief, received
    panel = make_panel(qtbot, services, runner, case_id)
    before = routing(services).state(case_id)
    assert panel.buttons["return"].isEnabled()

    panel.buttons["return"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, ReturnDialog)
    # earlier steps, and the applicant
    targets = [dialog.target_combo.itemData(i) for i in range(dialog.target_combo.count())]
    assert targets == [1, 2, ReturnDialog.APPLICANT]
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_text("reason")
    assert dialog.reason_edit.hasFocus() or not panel.isActiveWindow()
    after = routing(services).state(case_id)
    assert after.history == before.history and after.holder_id == before.holder_id

    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData(2))
    dialog.reason_edit.setPlainText("四至界址示意图与现场不符，请重新踏勘")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    state = panel.state
    assert state.holder_id == people["handler"] and state.current_step == 2
    last = panel.history_table.rowCount() - 1
    assert state.history[-1].kind == "return"
    item = panel.history_table.item(last, 9)
    assert "四至界址示意图与现场不符" in item.text()
    assert item.foreground().color().name() == "#b3261e"

    box = panel.last_question
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "李经办" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    text = pdf_text(close_preview(panel))
    assert "四至界址示意图与现场不符，请重新踏勘" in text and "赵所长" in text and "李经办" in text

    # The return row can be printed again from the record.
    panel.history_table.selectRow(last)
    assert panel.print_return_button.isEnabled()
    panel.print_return_button.click()
    assert "四至界址示意图与现场不符" in pdf_text(close_preview(panel))
    panel.history_table.selectRow(0)
    assert not panel.print_return_button.isEnabled()


def test_return_to_the_applicant_closes_the_case(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services)
    move_to(services, case_id, people, 2)
    panel = make_panel(qtbot, services, runner, case_id)
    panel.buttons["return"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, ReturnDialog)
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData(ReturnDialog.APPLICANT))
    dialog.reason_edit.setPlainText("申请人不符合一户一宅条件")
    dialog.ok_button.click()
    assert panel.state.status is CaseStatus.RETURNED
    assert "申请人" in panel.history_table.item(panel.history_table.rowCount() - 1, 3).text()
    assert not any(b.isEnabled() for k, b in panel.buttons.items() if k != "print_slip")
    assert panel.banner.isVisible()
    assert panel.chips[1].property("state") == "returned"
    panel.last_question.button(QMessageBox.StandardButton.No).click()
    assert panel.last_preview is None


def test_stale_screen_gets_a_message_and_the_fresh_state(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services)
    move_to(services, case_id, people, 2)
    as_user(services, people["clerk"])
    routing(services).state(case_id)
    as_user(services, people["handler"])
    panel = make_panel(qtbot, services, runner, case_id)
    # Meanwhile the handler returns it from another PC: the buttons here are stale.
    routing(services).return_case(case_id, "材料需补充", 1)
    before = routing(services).state(case_id)
    panel.buttons["send"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, SendDialog)
    dialog.choose(people["chief"])
    dialog.ok_button.click()
    assert not dialog.isVisible() and dialog.failure is not None
    boxes = [w for w in panel.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "Traceback" not in boxes[-1].text()
    assert "不在您手上" in boxes[-1].text() or "不能" in boxes[-1].text()
    assert routing(services).state(case_id).history == before.history
    assert not panel.buttons["send"].isEnabled()  # the panel read the state again
    boxes[-1].accept()


def test_service_errors_go_to_their_field(qtbot, services, runner, clock) -> None:  # type: ignore[no-untyped-def]
    make_users(services)
    case_id = accept(services)
    panel = make_panel(qtbot, services, runner, case_id)
    panel.buttons["pause"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, PauseDialog)
    dialog.ok_button.click()
    assert dialog.error_text("reason")  # checked before asking the core
    dialog.reason_edit.setPlainText("公示宅基地申请")
    dialog.start_edit.setDate(dialog.start_edit.date().addDays(3))  # the core refuses the future
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "今天" in dialog.error_text("start")
    assert not routing(services).state(case_id).paused


def test_pause_and_resume_the_clock(qtbot, services, runner, clock) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services)
    panel = make_panel(qtbot, services, runner, case_id)
    original_due = panel.state.due_date
    assert original_due is not None
    assert panel.buttons["pause"].isVisible() and not panel.buttons["resume"].isVisible()
    panel.buttons["pause"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, PauseDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(PauseKind.PUBLIC_NOTICE.value))
    dialog.reason_edit.setPlainText("宅基地申请在村内公示")
    dialog.ok_button.click()
    state = panel.state
    assert state.paused
    assert panel.buttons["resume"].isVisible() and not panel.buttons["pause"].isVisible()
    assert not panel.buttons["send"].isEnabled()  # the clock must run again first
    assert "公示" in panel.banner.text() and panel.pauses_label.isVisible()
    assert panel.chips[0].property("state") == "current"

    inbox = InboxPage(services, runner)
    qtbot.addWidget(inbox)
    inbox.refresh()
    row = inbox.model.rows()[0]
    assert row.paused
    index = inbox.model.index(0, InboxColumn.CASE_DUE)
    assert inbox.model.tr("paused") in inbox.model.data(index) or "暂停" in inbox.model.data(index)
    assert inbox.model.data(index, Qt.ItemDataRole.BackgroundRole) == PAUSED_COLOURS[1]

    clock.advance(days=7)
    panel.reload()
    panel.buttons["resume"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, ResumeDialog)
    dialog.ok_button.click()
    assert not panel.state.paused
    assert panel.state.due_date is not None and panel.state.due_date > original_due
    assert "2026-11-30" in panel.pauses_label.text()
    assert people  # users exist for the staff lists


def test_general_matter_completed_at_the_window_prints_the_notice(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    case_id = accept(services, "TD-004")
    panel = make_panel(qtbot, services, runner, case_id)
    assert panel.buttons["complete"].isEnabled()
    assert not panel.buttons["collective"].isVisible()
    panel.buttons["complete"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, CompleteDialog)
    dialog.ok_button.click()
    assert dialog.error_text("text")
    dialog.result_combo.setCurrentIndex(dialog.result_combo.findData(CaseResult.APPROVED.value))
    dialog.text_edit.setPlainText("经核对地类，同意备案。")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert panel.state.status is CaseStatus.COMPLETED
    assert "准予" in panel.banner.text()
    assert all(c.property("state") == "done" for c in panel.chips)
    text = pdf_text(close_preview(panel))
    assert "经核对地类，同意备案。" in text
    assert panel.print_notice_button.isEnabled()
    panel.print_notice_button.click()
    assert "同意备案" in pdf_text(close_preview(panel))


def test_major_matter_collective_review(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services, "TD-005")
    panel = make_panel(qtbot, services, runner, case_id)
    assert panel.buttons["collective"].isVisible() and not panel.buttons["collective"].isEnabled()
    move_to(services, case_id, people, 5)  # the collective step, held by the chief
    panel = make_panel(qtbot, services, runner, case_id)
    assert Action.COLLECTIVE in panel.state.actions
    assert not panel.buttons["send"].isEnabled()  # not before the meeting has decided
    panel.buttons["collective"].click()
    dialog = panel.last_dialog
    assert isinstance(dialog, CollectiveDialog)
    dialog.ok_button.click()
    assert dialog.error_text("participants") and dialog.error_text("minutes")
    dialog.participants_edit.setText("周镇长、孙副镇长、赵所长、李经办")
    dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("agree"))
    dialog.minutes_edit.setPlainText("经集体研究，同意调处意见")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert panel.collective_label.isVisible()
    assert "周镇长、孙副镇长" in panel.collective_label.text()
    assert panel.buttons["send"].isEnabled()


def test_case_detail_has_the_routing_tab(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    case_id = accept(services)
    dialog = CaseDetailDialog(services, runner, case_id)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.routing_panel, RoutingPanel)
    assert dialog.tabs.indexOf(dialog.routing_panel) == 1
    assert dialog.routing_panel.state is not None


def test_received_case_has_no_routing_tab(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    row = demo_services.cases.search(status=CaseStatus.RECEIVED)[0]
    dialog = CaseDetailDialog(demo_services, runner, row.id)
    qtbot.addWidget(dialog)
    assert dialog.routing_panel is None


def test_routing_for_builds_the_service(services) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(routing_for(services), RoutingService)


# ------------------------------------------------------------------ inbox


def test_inbox_lists_the_case_for_its_holder_only(qtbot, services, runner, clock) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services)
    other = accept(services, green_channel=True)
    routing(services).send(case_id, people["handler"])

    page = InboxPage(services, runner)
    qtbot.addWidget(page)
    page.refresh()
    assert [r.case_id for r in page.model.rows()] == [other]  # the clerk kept the other one
    assert page.model.data(page.model.index(0, InboxColumn.NUMBER),
                           Qt.ItemDataRole.BackgroundRole) == GREEN_BADGE[1]

    as_user(services, people["handler"])
    page.refresh()
    assert [r.case_id for r in page.model.rows()] == [case_id]
    model = page.model
    assert model.data(model.index(0, InboxColumn.STEP)) == "实地踏勘与审查"
    assert model.data(model.index(0, InboxColumn.RECEIVED)) == model.tr("Not yet")
    assert model.data(model.index(0, InboxColumn.APPLICANT)) == "张建国"
    assert "1" in page.count_label.text()
    page.set_filter(InboxFilter.UNRECEIVED)
    assert model.rowCount() == 1
    page.set_filter(InboxFilter.OVERDUE)
    assert model.rowCount() == 0 and page.empty_label.isVisibleTo(page)

    as_user(services, people["chief"])
    page.set_filter(InboxFilter.ALL)
    assert page.model.rowCount() == 0
    assert not page.office_button.isHidden()  # a section chief may see the office's overdue
    clock.advance(days=1)  # Tuesday: the window step of the case the clerk kept is a day late
    page.office_button.click()
    assert [r.case_id for r in page.model.rows()] == [other]
    step = page.model.data(page.model.index(0, InboxColumn.STEP))
    assert step.endswith("（王晓梅）")  # the office list says who holds it


def test_enter_opens_the_routing_dialog(qtbot, services, runner) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services)
    routing(services).send(case_id, people["handler"])
    as_user(services, people["handler"])
    page = InboxPage(services, runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, RoutingDialog) and dialog.isVisible()
    assert dialog.case_id == case_id
    assert dialog.panel.state is not None and dialog.panel.state.number in dialog.windowTitle()
    with qtbot.waitSignal(page.changed):
        dialog.panel.buttons["receive"].click()
    assert page.model.row_at(0).received_at is not None  # the inbox read again
    with qtbot.waitSignal(page.openCase) as blocker:
        dialog.details_button.click()
    assert blocker.args == [case_id]
    dialog.close_button.click()


def test_overdue_colour_after_ten_days(qtbot, services, runner, clock) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services)
    routing(services).send(case_id, people["handler"])
    as_user(services, people["handler"])
    page = InboxPage(services, runner)
    qtbot.addWidget(page)
    page.refresh()
    index = page.model.index(0, InboxColumn.STEP_DUE)
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    clock.advance(days=10)
    page.refresh()
    row = page.model.row_at(0)
    assert row.overdue
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) == DUE_COLOURS[DueState.OVERDUE][1]
    assert page.model.data(index, Qt.ItemDataRole.ForegroundRole) == DUE_COLOURS[DueState.OVERDUE][0]
    page.set_filter(InboxFilter.OVERDUE)
    assert page.model.rowCount() == 1

    # The history row in the panel is red too.
    panel = make_panel(qtbot, services, runner, case_id)
    assert panel.banner.isVisible() and panel.state.open_step.overdue
    due = panel.history_table.item(1, 7)
    assert due.foreground().color().name() == "#b3261e"

    # A leader sees it in the office's overdue list; the handler has no such switch.
    assert page.office_button.isHidden()
    as_user(services, people["leader"])
    page.set_filter(InboxFilter.ALL)
    assert not page.office_button.isHidden()
    assert page.model.rowCount() == 0
    page.office_button.click()
    assert [r.case_id for r in page.model.rows()] == [case_id]
    assert not page.filter_combo.isEnabled()
    page.office_button.click()
    assert page.model.rowCount() == 0


def test_due_today_and_soon_colours(qtbot, services, runner, clock) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    case_id = accept(services)
    routing(services).send(case_id, people["handler"])  # 5 working days: due Mon 30 Nov
    as_user(services, people["handler"])
    page = InboxPage(services, runner)
    qtbot.addWidget(page)
    clock.advance(days=4)  # Friday 27th: due within two working days
    page.refresh()
    index = page.model.index(0, InboxColumn.MATTER)
    assert page.model.row_at(0).due_soon
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) == DUE_COLOURS[DueState.SOON][1]
    clock.advance(days=3)  # Monday 30th: due today
    page.refresh()
    assert page.model.row_at(0).due_today
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) == DUE_COLOURS[DueState.TODAY][1]


# ------------------------------------------------------------------ home


def test_home_shows_my_counts_and_opens_the_inbox(qtbot, services, runner, clock) -> None:  # type: ignore[no-untyped-def]
    people = make_users(services)
    first = accept(services)
    accept(services)
    routing(services).send(first, people["handler"])
    as_user(services, people["handler"])
    home = HomePage(services, runner)
    qtbot.addWidget(home)
    home.refresh()
    assert home.my_tiles["inbox"].text().endswith("1")
    assert home.my_tiles["unreceived"].text().endswith("1")
    assert home.my_tiles["overdue"].text().endswith("0")
    clock.advance(days=10)
    home.refresh()
    assert home.my_tiles["overdue"].text().endswith("1")
    assert "#fde7e7" in home.my_tiles["overdue"].styleSheet()
    with qtbot.waitSignal(home.openInbox) as blocker:
        home.my_tiles["overdue"].click()
    assert blocker.args == [InboxFilter.OVERDUE]
