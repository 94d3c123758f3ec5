"""The case list, its lazy model, and the case detail dialog."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt

from app.services.cases import DueFilter
from app.services.context import LOCAL_TZ
from app.services.intake import CaseStatus
from ui.case_detail import CaseDetailDialog
from ui.case_model import DUE_COLOURS, GREEN_BADGE, CaseTableModel, Column, DueState
from ui.cases_page import CasesPage

# The offscreen platform warns whenever a shown window passes on its size hints.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _page(qtbot, services, runner, **kwargs) -> CasesPage:  # type: ignore[no-untyped-def]
    page = CasesPage(services, runner, **kwargs)
    qtbot.addWidget(page)
    return page


def _numbers(model: CaseTableModel) -> list[str]:
    return [model.row_at(r).number for r in range(model.rowCount())]


def test_model_fetches_pages_lazily(qapp, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(demo_services, runner, page_size=10)
    model.set_query()
    assert model.total == 40
    assert model.rowCount() == 10
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 40
    assert len({model.case_id(r) for r in range(40)}) == 40


def test_page_shows_first_page_count_and_columns(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner, page_size=15)
    assert page.model.rowCount() == 15
    assert "40" in page.count_label.text()
    first = demo_services.cases.search(limit=1)[0]
    model = page.model
    assert model.data(model.index(0, Column.APPLICANT)) == first.applicant_name
    # received_at is shown in Beijing time
    shown = model.data(model.index(0, Column.RECEIVED))
    assert shown == first.received_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def test_green_channel_first_with_badge(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    model = page.model
    greens = [model.row_at(r).green_channel for r in range(model.rowCount())]
    assert any(greens)
    # green channel cases come first, then the rest
    assert greens == sorted(greens, reverse=True)
    index = model.index(0, Column.GREEN)
    assert model.data(index)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) == GREEN_BADGE[1]
    plain = greens.index(False)
    assert model.data(model.index(plain, Column.GREEN)) == ""


def test_search_by_case_number_prefix(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    target = next(r for r in demo_services.cases.search(limit=50) if r.number)
    prefix = target.number[:-1]
    qtbot.keyClicks(page.search_edit, prefix)
    # typing waits for the debounce; Enter searches at once
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    numbers = _numbers(page.model)
    assert target.number in numbers
    assert all(n.startswith(prefix) for n in numbers)
    assert page.model.text == prefix


def test_search_as_you_type_after_pause(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    target = demo_services.cases.search(limit=1)[0]
    phone = demo_services.cases.detail(target.id).phone
    qtbot.keyClicks(page.search_edit, phone)  # QTest types ASCII only
    assert page.model.text == ""  # not yet: the debounce is still running
    qtbot.waitUntil(lambda: page.model.text == phone, timeout=2000)
    assert target.id in {page.model.case_id(r) for r in range(page.model.rowCount())}


def test_status_filter(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    page.status_combo.setCurrentIndex(page.status_combo.findData(CaseStatus.INCOMPLETE.value))
    model = page.model
    expected = demo_services.cases.count(status=CaseStatus.INCOMPLETE)
    assert expected > 0
    assert model.rowCount() == expected
    assert {model.row_at(r).status for r in range(model.rowCount())} == {CaseStatus.INCOMPLETE}
    assert str(expected) in page.count_label.text()


def test_set_filter_and_overdue_colour(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    overdue = demo_services.cases.search(due=DueFilter.OVERDUE)
    assert overdue
    page = _page(qtbot, demo_services, runner)
    page.set_filter(due=DueFilter.OVERDUE)
    model = page.model
    assert page.due_filter() is DueFilter.OVERDUE
    assert model.rowCount() == len(overdue)
    for r in range(model.rowCount()):
        assert model.due_state(model.row_at(r)) is DueState.OVERDUE
        index = model.index(r, Column.APPLICANT)
        assert model.data(index, Qt.ItemDataRole.BackgroundRole) == DUE_COLOURS[DueState.OVERDUE][1]
        assert model.data(index, Qt.ItemDataRole.ForegroundRole) == DUE_COLOURS[DueState.OVERDUE][0]


def _states(model: CaseTableModel) -> dict:  # type: ignore[type-arg]
    return {
        model.row_at(r).id: (model.row_at(r), model.due_state(model.row_at(r)),
                             model.data(model.index(r, Column.MATTER), Qt.ItemDataRole.BackgroundRole))
        for r in range(model.rowCount())
    }


def test_due_soon_today_and_closed_rows_colours(qtbot, demo_services, runner, clock) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    states = _states(page.model)
    soon = [v for v in states.values() if v[1] is DueState.SOON]
    assert soon, "demo data has cases due within two working days"
    assert all(v[2] == DUE_COLOURS[DueState.SOON][1] for v in soon)
    closed = [v for v in states.values() if v[0].status in (CaseStatus.INCOMPLETE, CaseStatus.REJECTED)]
    assert closed and all(v[1] is DueState.NONE and v[2] is None for v in closed)

    # on the due date itself the row turns orange
    target = soon[0][0]
    clock.advance(days=(target.due_date - demo_services.ctx.today()).days)
    page.refresh()
    row, state, background = _states(page.model)[target.id]
    assert state is DueState.TODAY
    assert background == DUE_COLOURS[DueState.TODAY][1]
    page.set_filter(due=DueFilter.TODAY)
    assert target.id in {page.model.case_id(r) for r in range(page.model.rowCount())}


def test_clock_advance_makes_cases_overdue(qtbot, demo_services, runner, clock) -> None:  # type: ignore[no-untyped-def]
    before = demo_services.cases.count(due=DueFilter.OVERDUE)
    clock.advance(days=60)
    page = _page(qtbot, demo_services, runner)
    page.set_filter(due=DueFilter.OVERDUE)
    assert page.model.rowCount() > before


def test_uncertain_due_date_is_marked(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    model = page.model
    rows = [r for r in range(model.rowCount()) if model.row_at(r).due_uncertain]
    assert rows, "demo data has deadlines in 2027, a year without a calendar"
    text = model.data(model.index(rows[0], Column.DUE))
    assert text.startswith(model.row_at(rows[0]).due_date.isoformat())
    assert text != model.row_at(rows[0]).due_date.isoformat()


def test_enter_opens_detail_with_applicant_and_materials(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    page.show()
    qtbot.waitExposed(page)
    target = page.model.row_at(2)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.detail_dialog
    assert isinstance(dialog, CaseDetailDialog)
    assert dialog.isVisible()
    assert dialog.case_id == target.id
    detail = demo_services.cases.detail(target.id)
    assert dialog.fields["applicant_name"].text() == detail.applicant_name
    assert detail.id_number in dialog.fields["id_number"].text()  # in full: staff screen
    assert dialog.materials_table.rowCount() == len(detail.materials) > 0
    names = {dialog.materials_table.item(r, 0).text() for r in range(len(detail.materials))}
    assert any(m.name in n for m in detail.materials for n in names)
    assert dialog.events_table.rowCount() == len(detail.events) > 0
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_double_click_opens_detail(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    page.show()
    qtbot.waitExposed(page)
    rect = page.table.visualRect(page.model.index(1, Column.APPLICANT))
    # Qt 6's QTest sends only the double-click event; a real double click starts with a click.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.detail_dialog is not None
    assert page.detail_dialog.case_id == page.model.case_id(1)
    page.detail_dialog.reject()


@pytest.mark.parametrize("status", [CaseStatus.ACCEPTED, CaseStatus.INCOMPLETE, CaseStatus.REJECTED])
def test_reprint_makes_pdf_with_case_number(qtbot, demo_services, runner, status) -> None:  # type: ignore[no-untyped-def]
    row = demo_services.cases.search(status=status)[0]
    assert row.number
    dialog = CaseDetailDialog(demo_services, runner, row.id)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.reprint_button.isEnabled()
    dialog.reprint_button.click()
    assert dialog.last_pdf is not None
    preview = dialog.last_preview
    assert preview is not None
    assert preview.pdf == dialog.last_pdf
    assert preview.isVisible()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(preview.pdf)).pages)
    assert row.number in text.replace(" ", "")
    assert row.number in preview.windowTitle()
    preview.reject()


def test_received_case_has_nothing_to_reprint(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    row = demo_services.cases.search(status=CaseStatus.RECEIVED)[0]
    dialog = CaseDetailDialog(demo_services, runner, row.id)
    qtbot.addWidget(dialog)
    assert not dialog.reprint_button.isEnabled()
    assert dialog.continue_button.isEnabled()


def test_model_with_worker_thread_drops_stale_pages(qtbot, demo_services) -> None:  # type: ignore[no-untyped-def]
    from ui.tasks import TaskRunner

    threaded = TaskRunner()
    model = CaseTableModel(demo_services, threaded, page_size=10)
    try:
        model.set_query()
        model.set_query(status=CaseStatus.INCOMPLETE)  # supersedes the first before it lands
        expected = demo_services.cases.count(status=CaseStatus.INCOMPLETE)
        qtbot.waitUntil(lambda: model.total is not None and not model.loading, timeout=5000)
        assert model.total == expected
        assert model.rowCount() == expected
        assert {model.row_at(r).status for r in range(model.rowCount())} == {CaseStatus.INCOMPLETE}
    finally:
        threaded.wait()


def test_incomplete_case_can_be_continued(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    page.set_filter(status=CaseStatus.INCOMPLETE)
    case_id = page.model.case_id(0)
    assert page.continue_button.isEnabled()
    dialog = page.open_case(case_id)
    assert dialog.continue_button.isEnabled()
    with qtbot.waitSignal(page.continueIntake) as blocker:
        dialog.continue_button.click()
    assert blocker.args == [case_id]
    assert not dialog.isVisible()


def test_continue_button_on_page(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    page.set_filter(status=CaseStatus.RECEIVED)
    with qtbot.waitSignal(page.continueIntake) as blocker:
        page.continue_button.click()
    assert blocker.args == [page.model.case_id(0)]
    page.set_filter(status=CaseStatus.ACCEPTED)
    assert not page.continue_button.isEnabled()


@pytest.mark.parametrize("status", [CaseStatus.ACCEPTED, CaseStatus.REJECTED])
def test_decided_case_cannot_be_continued(qtbot, demo_services, runner, status) -> None:  # type: ignore[no-untyped-def]
    row = demo_services.cases.search(status=status)[0]
    dialog = CaseDetailDialog(demo_services, runner, row.id)
    qtbot.addWidget(dialog)
    assert not dialog.continue_button.isEnabled()
    if status is CaseStatus.REJECTED:
        detail = demo_services.cases.detail(row.id)
        assert any(detail.refusal_reason in w.text() for w in dialog.warning_labels)


def test_detail_of_uncertain_deadline_warns(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r in demo_services.cases.search(limit=100) if r.due_uncertain)
    dialog = CaseDetailDialog(demo_services, runner, row.id)
    qtbot.addWidget(dialog)
    assert any("2027" in w.text() for w in dialog.warning_labels)


def test_search_by_name_prefix(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    target = demo_services.cases.search(limit=1)[0]
    page.search_edit.setText(target.applicant_name[:2])
    page.search()
    assert target.id in {page.model.case_id(r) for r in range(page.model.rowCount())}
    assert all(page.model.row_at(r).applicant_name.startswith(target.applicant_name[:2])
               for r in range(page.model.rowCount()))


def test_focus_search_and_empty_result(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner)
    page.show()
    qtbot.waitExposed(page)
    page.table.setFocus()
    page.focus_search()
    assert page.focusWidget() is page.search_edit
    page.search_edit.setText("ZZZ-no-such-case")
    page.search()
    assert page.model.rowCount() == 0
    assert "0" in page.count_label.text()
    assert not page.open_button.isEnabled()
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=2000)


def test_scrolling_fetches_the_next_pages_after_the_last_row(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_services, runner, page_size=8)
    page.resize(900, 300)
    page.show()
    qtbot.waitExposed(page)
    bar = page.table.verticalScrollBar()
    while page.model.canFetchMore(QModelIndex()):
        bar.setValue(bar.maximum())  # the view asks for more rows as it reaches the end
        qtbot.wait(1)
    assert [page.model.case_id(r) for r in range(page.model.rowCount())] == [
        r.id for r in demo_services.cases.search(limit=500)]


def test_broad_search_says_more_than_the_count_limit(qtbot, demo_services, runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.case_model
    import ui.cases_page

    for module in (ui.case_model, ui.cases_page):
        monkeypatch.setattr(module, "COUNT_LIMIT", 5)
    page = _page(qtbot, demo_services, runner)
    id_prefix = demo_services.cases.detail(page.model.case_id(0)).id_number[:6]
    page.search_edit.setText(id_prefix)
    page.search()
    assert page.count_label.text() == "More than 5 cases"
    assert page.model.rowCount() > 5  # the rows are all there, only the count stops early
    page.search_edit.setText(page.model.row_at(0).number)
    page.search()
    assert page.count_label.text() == "1 cases"


def test_county_bureau_looks_cases_up_without_continuing_them(qtbot, demo_services, runner) -> None:  # type: ignore[no-untyped-def]
    import uuid

    from app.models import Office, User

    county, user = uuid.uuid4(), uuid.uuid4()
    with demo_services.ctx.transaction("test.county") as s:
        s.add(Office(id=county, code="370702000", name="示例县自然资源局", is_county=True))
        s.flush()
        s.add(User(id=user, office_id=county, username="xianju", display_name="周县局", roles="admin"))
    demo_services.ctx.office_id, demo_services.ctx.user_id = county, user
    page = _page(qtbot, demo_services, runner)
    assert "40" in page.count_label.text()  # every township's cases
    page.set_filter(status=CaseStatus.INCOMPLETE)
    assert page.model.rowCount() > 0
    assert page.continue_button.isHidden() and not page.continue_button.isEnabled()
    dialog = page.open_case(page.current_case())
    assert dialog.continue_button.isHidden()
    dialog.close()
