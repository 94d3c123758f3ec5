"""督查: supervision notices and the follow-ups of bad ratings, overdue ones in red.

Three tabs: the notices not yet answered (the addressee replies here), the
follow-ups of bad ratings (return visit, rectification, closing), and — for
leaders only — issuing a notice on a case found by its number. The services
check every permission again; the buttons only spare people a refusal.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.permissions import Action, allowed
from app.printing import document_title, render_document
from app.services import Services
from app.services.office import StaffItem
from app.services.ratings import FollowUpItem, RatingService
from app.services.supervision import CaseRef, NoticeItem, SupervisionService
from ui.case_model import DUE_COLOURS, DueState
from ui.errors import show_error
from ui.inquiry_page import (
    STYLE,
    FormDialog,
    chosen_person,
    field_errors,
    local_time,
    mark_invalid,
    pydate,
    qdate,
    staff_label,
    text_box,
)
from ui.print_preview import PdfPreviewDialog
from ui.tasks import TaskRunner

OVERDUE_FG, OVERDUE_BG = DUE_COLOURS[DueState.OVERDUE]
TODAY_FG, TODAY_BG = DUE_COLOURS[DueState.TODAY]
DEFAULT_REPLY_DAYS = 3


def one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------- dialogs


class ReplyDialog(FormDialog):
    """The addressee's reply to a supervision notice."""

    def __init__(self, supervision: SupervisionService, runner: TaskRunner, notice: NoticeItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reply to supervision notice {number}").format(number=notice.number),
                         parent)
        self.ok_button.setText(self.tr("Send reply"))
        self.set_intro(self.tr("Case {case} · issued by {by} on {at} · reply by {due}\n{reason}").format(
            case=notice.case_number or "—", by=notice.issued_by, at=local_time(notice.issued_at),
            due=notice.reply_due.isoformat(), reason=notice.reason))
        self.reply_edit = text_box(120)
        self.reply_edit.setPlaceholderText(self.tr("What has been done, or why it is late and by when it will be done"))
        self.add_field("reply", self.tr("&Reply:"), self.reply_edit)
        self.reply_edit.setFocus()
        self.bind(runner, lambda: supervision.reply(notice.id, self.reply_edit.toPlainText()))


class FollowUpDialog(FormDialog):
    """Return visit and rectification of a bad rating; closing it once both are written."""

    def __init__(self, ratings: RatingService, runner: TaskRunner, item: FollowUpItem, *,
                 close: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Follow-up of a bad rating"), parent)
        self.ok_button.setText(self.tr("Save"))
        self.set_intro(self.tr("{subject} · {level} · rated {at} · due {due}\n{comment}").format(
            subject=item.subject, level=item.level.label, at=local_time(item.rated_at),
            due=item.follow_up_due.isoformat(), comment=item.comment))
        self.visit_edit = text_box(80)
        self.visit_edit.setPlainText(item.return_visit)
        self.visit_edit.setPlaceholderText(self.tr("When and how the person was visited or called, and what they said"))
        self.add_field("return_visit", self.tr("Return &visit:"), self.visit_edit)
        self.fix_edit = text_box(80)
        self.fix_edit.setPlainText(item.rectification)
        self.fix_edit.setPlaceholderText(self.tr("What was changed so it does not happen again"))
        self.add_field("rectification", self.tr("&Rectification:"), self.fix_edit)
        self.close_check = QCheckBox(self.tr("&Close the follow-up (both are written)"))
        self.close_check.setObjectName("close")
        self.close_check.setChecked(close)
        self.form.addRow("", self.close_check)
        self.visit_edit.setFocus()

        def perform() -> bool:
            visit, fix = self.visit_edit.toPlainText(), self.fix_edit.toPlainText()
            changed = visit.strip() != item.return_visit or fix.strip() != item.rectification
            if changed or not self.close_check.isChecked():  # saving nothing says what is missing
                ratings.record_follow_up(item.id, visit, fix)
            if self.close_check.isChecked():
                ratings.close(item.id)
                return True
            return False

        self.bind(runner, perform)


# ---------------------------------------------------------------------------- tables


def make_table(name: str, headers: Sequence[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(40)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def size_columns(table: QTableWidget, samples: dict[int, str]) -> None:
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for column, text in samples.items():
        width = max(metrics.horizontalAdvance(text) + 20, header.sectionSizeHint(column))
        header.resizeSection(column, width)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)


def fill_row(table: QTableWidget, row: int, texts: Sequence[str], key: uuid.UUID,
             colours: tuple[QColor, QColor] | None, tips: dict[int, str] | None = None) -> None:
    for column, text in enumerate(texts):
        cell = QTableWidgetItem(text)
        cell.setData(Qt.ItemDataRole.UserRole, str(key))
        tip = (tips or {}).get(column)
        if tip:
            cell.setToolTip(tip)
        if colours is not None:
            cell.setForeground(colours[0])
            cell.setBackground(colours[1])
        table.setItem(row, column, cell)


def detail_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * 3 + 12)
    label.setStyleSheet("padding: 4px; background: #fafafa;")
    return label


# ---------------------------------------------------------------------------- the page


class SupervisionPage(QWidget):
    statusChanged = Signal(str)
    issued = Signal(str)  # the new notice's number
    replied = Signal(object)  # the notice's id

    NOTICES, FOLLOW_UPS, ISSUE = 0, 1, 2

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        # Not yet on the Services facade: built from its context and reference data.
        self.supervision = services.supervision
        self.ratings = services.ratings
        self.notices: list[NoticeItem] = []
        self.follow_ups: list[FollowUpItem] = []
        self.people: list[StaffItem] = []
        self.case: CaseRef | None = None
        self.last_dialog: FormDialog | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self._issue_fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.setStyleSheet(STYLE)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._build_notices(), "")
        self.tabs.addTab(self._build_follow_ups(), "")
        self.tabs.addTab(self._build_issue(), self.tr("Issue a notice"))
        outer.addWidget(self.tabs, 1)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self.refresh()

    # ================================================================ building

    def _build_notices(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.notice_filter = QComboBox()
        self.notice_filter.setObjectName("noticeFilter")
        self.notice_filter.addItem(self.tr("All unanswered"), "open")
        self.notice_filter.addItem(self.tr("Overdue only"), "overdue")
        self.notice_filter.addItem(self.tr("Addressed to me"), "mine")
        show = QLabel(self.tr("Sho&w:"))
        show.setBuddy(self.notice_filter)
        bar.addWidget(show)
        bar.addWidget(self.notice_filter)
        bar.addStretch(1)
        self.notice_count = QLabel()
        self.notice_count.setObjectName("noticeCount")
        bar.addWidget(self.notice_count)
        column.addLayout(bar)
        headers = [self.tr("Notice no."), self.tr("Case no."), self.tr("Matter"), self.tr("Applicant"),
                   self.tr("Issued by"), self.tr("Addressed to"), self.tr("Issued at"),
                   self.tr("Reply by"), self.tr("State")]
        self.notices_table = make_table("notices", headers, 2)
        size_columns(self.notices_table, {
            0: "3707021012026DB000000", 1: "3707021012026000000", 3: "示例县恒达建材有限公司",
            4: "王晓梅", 5: "王晓梅", 6: "2026-11-23 10:00", 7: "2026-11-23",
            8: self.tr("Overdue {n} days").format(n=10),
        })
        column.addWidget(self.notices_table, 1)
        self.notice_detail = detail_label("noticeDetail")
        column.addWidget(self.notice_detail)
        buttons = QHBoxLayout()
        self.reply_button = QPushButton(self.tr("&Reply…"))
        self.reply_button.setObjectName("reply")
        self.print_notice_button = QPushButton(self.tr("&Print notice…"))
        self.print_notice_button.setObjectName("printNotice")
        self.notices_refresh = QPushButton(self.tr("Refresh"))
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.print_notice_button)
        buttons.addStretch(1)
        buttons.addWidget(self._legend())
        buttons.addWidget(self.notices_refresh)
        column.addLayout(buttons)

        self.notice_filter.currentIndexChanged.connect(lambda _i: self.load_notices())
        self.notices_table.currentCellChanged.connect(lambda *_: self._notice_selected())
        self.notices_table.cellActivated.connect(lambda *_: self.reply_current())
        self.reply_button.clicked.connect(self.reply_current)
        self.print_notice_button.clicked.connect(self.print_current_notice)
        self.notices_refresh.clicked.connect(self.refresh)
        return page

    def _build_follow_ups(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.follow_filter = QComboBox()
        self.follow_filter.setObjectName("followFilter")
        self.follow_filter.addItem(self.tr("All open follow-ups"), "all")
        self.follow_filter.addItem(self.tr("Mine"), "mine")
        show = QLabel(self.tr("Sho&w:"))
        show.setBuddy(self.follow_filter)
        bar.addWidget(show)
        bar.addWidget(self.follow_filter)
        bar.addStretch(1)
        self.follow_count = QLabel()
        self.follow_count.setObjectName("followCount")
        bar.addWidget(self.follow_count)
        column.addLayout(bar)
        headers = [self.tr("Rated at"), self.tr("Rating"), self.tr("Rated"), self.tr("Comment"),
                   self.tr("Follow-up by"), self.tr("Due"), self.tr("Return visit"),
                   self.tr("Rectification"), self.tr("State")]
        self.follow_table = make_table("followUps", headers, 3)
        size_columns(self.follow_table, {
            0: "2026-11-23 10:00", 1: "非常不满意", 2: "办件 3707021012026000000", 4: "王晓梅",
            5: "2026-11-23", 6: "已上门回访，群众", 7: "窗口增设引导员",
            8: self.tr("Overdue {n} days").format(n=10),
        })
        column.addWidget(self.follow_table, 1)
        self.follow_detail = detail_label("followDetail")
        column.addWidget(self.follow_detail)
        buttons = QHBoxLayout()
        self.follow_button = QPushButton(self.tr("Record &follow-up…"))
        self.follow_button.setObjectName("recordFollowUp")
        self.close_follow_button = QPushButton(self.tr("&Close follow-up…"))
        self.close_follow_button.setObjectName("closeFollowUp")
        self.follow_refresh = QPushButton(self.tr("Refresh"))
        buttons.addWidget(self.follow_button)
        buttons.addWidget(self.close_follow_button)
        buttons.addStretch(1)
        buttons.addWidget(self._legend())
        buttons.addWidget(self.follow_refresh)
        column.addLayout(buttons)

        self.follow_filter.currentIndexChanged.connect(lambda _i: self.load_follow_ups())
        self.follow_table.currentCellChanged.connect(lambda *_: self._follow_up_selected())
        self.follow_table.cellActivated.connect(lambda *_: self.record_follow_up())
        self.follow_button.clicked.connect(lambda: self.record_follow_up())
        self.close_follow_button.clicked.connect(lambda: self.record_follow_up(close=True))
        self.follow_refresh.clicked.connect(self.refresh)
        return page

    def _legend(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for (fg, bg), text in (((OVERDUE_FG, OVERDUE_BG), self.tr("Overdue")),
                               ((TODAY_FG, TODAY_BG), self.tr("Due today"))):
            label = QLabel(text)
            label.setStyleSheet(f"color: {fg.name()}; background: {bg.name()}; "
                                "padding: 2px 6px; border-radius: 3px;")
            row.addWidget(label)
        return box

    def _issue_field(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setAccessibleName(f"{key}_error")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self._issue_fields[key] = (widget, error)
        return box

    def _build_issue(self) -> QWidget:
        page = QWidget()
        holder = QHBoxLayout(page)
        content = QWidget()
        content.setMaximumWidth(content.fontMetrics().horizontalAdvance("国") * 60)
        holder.addWidget(content, 1)
        holder.addStretch(0)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("A supervision notice asks the person handling a case to explain "
                               "or speed up, and to reply by a day. Only leaders issue notices."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.case_edit = QLineEdit()
        self.case_edit.setObjectName("caseNumber")
        self.case_edit.setPlaceholderText(self.tr("case number, e.g. 3707021012026000001"))
        self.case_edit.setMaxLength(40)
        self.find_button = QPushButton(self.tr("Fin&d"))
        self.find_button.setObjectName("findCase")
        case_row = QWidget()
        case_layout = QHBoxLayout(case_row)
        case_layout.setContentsMargins(0, 0, 0, 0)
        case_layout.addWidget(self.case_edit, 1)
        case_layout.addWidget(self.find_button)
        case_label = QLabel(self.tr("&Case no.:"))
        case_label.setBuddy(self.case_edit)
        form.addRow(case_label, self._issue_field("case", case_row))
        self._issue_fields["case"] = (self.case_edit, self._issue_fields["case"][1])
        self.case_info = QLabel()
        self.case_info.setObjectName("caseInfo")
        self.case_info.setWordWrap(True)
        form.addRow("", self.case_info)

        self.addressee_combo = QComboBox()
        self.addressee_combo.setObjectName("issuedTo")
        addressee_label = QLabel(self.tr("&Addressed to:"))
        addressee_label.setBuddy(self.addressee_combo)
        form.addRow(addressee_label, self._issue_field("issued_to", self.addressee_combo))

        self.reason_edit = text_box(90)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("Why the case is supervised and what is asked"))
        reason_label = QLabel(self.tr("&Supervision reason:"))
        reason_label.setBuddy(self.reason_edit)
        form.addRow(reason_label, self._issue_field("reason", self.reason_edit))

        self.days_radio = QRadioButton(self.tr("within"))
        self.days_radio.setObjectName("byDays")
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("replyDays")
        self.days_spin.setRange(1, 60)
        self.days_spin.setValue(DEFAULT_REPLY_DAYS)
        self.days_spin.setSuffix(self.tr(" working days"))
        self.days_due = QLabel()
        self.days_due.setObjectName("daysDue")
        self.date_radio = QRadioButton(self.tr("by"))
        self.date_radio.setObjectName("byDate")
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("replyDue")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_group = QButtonGroup(self)
        self.due_group.addButton(self.days_radio)
        self.due_group.addButton(self.date_radio)
        self.days_radio.setChecked(True)
        due_row = QWidget()
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.days_radio, self.days_spin, self.days_due):
            due_layout.addWidget(widget)
        due_layout.addSpacing(24)
        due_layout.addWidget(self.date_radio)
        due_layout.addWidget(self.date_edit)
        due_layout.addStretch(1)
        due_label = QLabel(self.tr("Reply &by:"))
        due_label.setBuddy(self.days_spin)
        form.addRow(due_label, self._issue_field("reply_due", due_row))
        self._issue_fields["reply_days"] = (self.days_spin, self._issue_fields["reply_due"][1])
        column.addLayout(form)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.issue_button = QPushButton(self.tr("&Issue notice"))
        self.issue_button.setObjectName("issue")
        self.issue_print_button = QPushButton(self.tr("Issue and &print…"))
        self.issue_print_button.setObjectName("issuePrint")
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.issue_print_button)
        column.addLayout(buttons)
        self.issue_message = QLabel()
        self.issue_message.setObjectName("issueMessage")
        self.issue_message.setWordWrap(True)
        column.addWidget(self.issue_message)
        column.addStretch(1)

        self.case_edit.returnPressed.connect(self.find_case)
        self.case_edit.textEdited.connect(lambda _t: self._case_changed())
        self.find_button.clicked.connect(self.find_case)
        self.days_spin.valueChanged.connect(lambda _v: self._show_days_due())
        self.days_spin.valueChanged.connect(lambda _v: self.days_radio.setChecked(True))
        self.date_edit.dateChanged.connect(lambda _d: self.date_radio.setChecked(True))
        self.issue_button.clicked.connect(lambda: self.issue())
        self.issue_print_button.clicked.connect(lambda: self.issue(print_after=True))
        QWidget.setTabOrder(self.case_edit, self.find_button)
        QWidget.setTabOrder(self.find_button, self.addressee_combo)
        QWidget.setTabOrder(self.addressee_combo, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.days_radio)
        QWidget.setTabOrder(self.days_radio, self.days_spin)
        QWidget.setTabOrder(self.days_spin, self.date_radio)
        QWidget.setTabOrder(self.date_radio, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.issue_button)
        QWidget.setTabOrder(self.issue_button, self.issue_print_button)
        return page

    # ================================================================ loading

    def is_leader(self) -> bool:
        return allowed(self.services.ctx.roles(), Action.SUPERVISE)

    def refresh(self) -> None:
        """Reload both lists (after F5, a sign-in, or a change elsewhere)."""
        leader = self.is_leader()
        self.tabs.setTabVisible(self.ISSUE, leader)
        if leader:
            self._load_people()
        self.load_notices()
        self.load_follow_ups()

    def _load_people(self) -> None:
        me = self.services.ctx.user_id
        self.people = self.supervision.addressees()
        current = self.addressee_combo.currentData()
        self.addressee_combo.clear()
        for person in self.people:
            if person.id != me:  # nobody supervises themselves
                self.addressee_combo.addItem(staff_label(person, me, "{name}"), str(person.id))
        index = self.addressee_combo.findData(current) if current else -1
        self.addressee_combo.setCurrentIndex(max(index, 0) if self.addressee_combo.count() else -1)
        today = self.services.ctx.today()
        self.date_edit.blockSignals(True)  # choosing a date picks "by date"; loading it does not
        self.date_edit.setMinimumDate(qdate(today + dt.timedelta(days=1)))
        self.date_edit.setDate(qdate(self.supervision.reply_due_for(self.days_spin.value()).due))
        self.date_edit.blockSignals(False)
        self._show_days_due()

    def load_notices(self) -> None:
        which = self.notice_filter.currentData()
        service = self.supervision

        def load() -> list[NoticeItem]:
            if which == "overdue":
                return service.list_overdue()
            return service.list_open(mine=which == "mine")

        def loaded(items: list[NoticeItem]) -> None:
            self.notices = items
            self._fill_notices()

        self.runner.run(load, loaded, lambda exc: show_error(self, exc))
        # The tab title counts every unanswered notice, whatever the filter shows.
        self.runner.run(lambda: (len(service.list_open()), len(service.list_overdue())),
                        self._title_notices, lambda exc: show_error(self, exc))

    def load_follow_ups(self) -> None:
        mine = self.follow_filter.currentData() == "mine"
        service = self.ratings

        def loaded(items: list[FollowUpItem]) -> None:
            self.follow_ups = items
            self._fill_follow_ups()

        self.runner.run(lambda: service.open_follow_ups(mine=mine), loaded,
                        lambda exc: show_error(self, exc))
        self.runner.run(lambda: service.open_follow_ups(), self._title_follow_ups,
                        lambda exc: show_error(self, exc))

    def _title_notices(self, counts: tuple[int, int]) -> None:
        total, overdue = counts
        title = self.tr("Supervision notices ({n})").format(n=total)
        if overdue:
            title = self.tr("Supervision notices ({n}, {late} overdue)").format(n=total, late=overdue)
        self.tabs.setTabText(self.NOTICES, title)
        self.tabs.tabBar().setTabTextColor(self.NOTICES, OVERDUE_FG if overdue else QColor())

    def _title_follow_ups(self, items: list[FollowUpItem]) -> None:
        overdue = sum(1 for i in items if i.overdue)
        title = self.tr("Bad-rating follow-ups ({n})").format(n=len(items))
        if overdue:
            title = self.tr("Bad-rating follow-ups ({n}, {late} overdue)").format(n=len(items), late=overdue)
        self.tabs.setTabText(self.FOLLOW_UPS, title)
        self.tabs.tabBar().setTabTextColor(self.FOLLOW_UPS, OVERDUE_FG if overdue else QColor())

    def _state(self, due: dt.date, overdue: bool) -> tuple[str, tuple[QColor, QColor] | None]:
        today = self.services.ctx.today()
        if overdue:
            return self.tr("Overdue {n} days").format(n=(today - due).days), (OVERDUE_FG, OVERDUE_BG)
        if due == today:
            return self.tr("Due today"), (TODAY_FG, TODAY_BG)
        return self.tr("Open"), None

    def _fill_notices(self) -> None:
        keep = self.current_notice()
        table = self.notices_table
        table.setRowCount(len(self.notices))
        for row, n in enumerate(self.notices):
            state, colours = self._state(n.reply_due, n.overdue)
            fill_row(table, row, [
                n.number, n.case_number, n.matter_name, n.applicant_name, n.issued_by, n.issued_to,
                local_time(n.issued_at), n.reply_due.isoformat(), state,
            ], n.id, colours, {2: n.matter_name, 3: n.applicant_name})
        self.notice_count.setText(self.tr("{n} notices").format(n=len(self.notices)))
        self._reselect(table, [n.id for n in self.notices], keep.id if keep else None)
        self._notice_selected()

    def _fill_follow_ups(self) -> None:
        keep = self.current_follow_up()
        table = self.follow_table
        table.setRowCount(len(self.follow_ups))
        for row, f in enumerate(self.follow_ups):
            state, colours = self._state(f.follow_up_due, f.overdue)
            fill_row(table, row, [
                local_time(f.rated_at), f.level.label, f.subject, one_line(f.comment), f.follow_up_by,
                f.follow_up_due.isoformat(), one_line(f.return_visit), one_line(f.rectification),
                state,
            ], f.id, colours, {3: f.comment, 6: f.return_visit, 7: f.rectification})
        self.follow_count.setText(self.tr("{n} follow-ups").format(n=len(self.follow_ups)))
        self._reselect(table, [f.id for f in self.follow_ups], keep.id if keep else None)
        self._follow_up_selected()

    @staticmethod
    def _reselect(table: QTableWidget, ids: list[uuid.UUID], keep: uuid.UUID | None) -> None:
        if not ids:
            return
        row = ids.index(keep) if keep in ids else 0
        table.setCurrentCell(row, 0)

    # ================================================================ notices

    def current_notice(self) -> NoticeItem | None:
        row = self.notices_table.currentRow()
        return self.notices[row] if 0 <= row < len(self.notices) else None

    def select_notice(self, notice_id: uuid.UUID) -> bool:
        for row, n in enumerate(self.notices):
            if n.id == notice_id:
                self.notices_table.setCurrentCell(row, 0)
                return True
        return False

    def _notice_selected(self) -> None:
        n = self.current_notice()
        me = self.services.ctx.user_id
        self.reply_button.setEnabled(n is not None and n.issued_to_id == me and not n.replied)
        self.reply_button.setToolTip("" if n is None or n.issued_to_id == me else
                                     self.tr("Only {name}, to whom it is addressed, can reply").format(
                                         name=n.issued_to))
        self.print_notice_button.setEnabled(n is not None)
        if n is None:
            self.notice_detail.setText(self.tr("No unanswered supervision notices."))
            return
        self.notice_detail.setText(self.tr("{number} · reason: {reason}").format(
            number=n.number, reason=one_line(n.reason)))

    def reply_current(self) -> ReplyDialog | None:
        notice = self.current_notice()
        if notice is None or not self.reply_button.isEnabled():
            return None
        dialog = ReplyDialog(self.supervision, self.runner, notice, self)

        def done(_result: object) -> None:
            self._set_status(self.tr("Reply to {number} recorded.").format(number=notice.number))
            self.replied.emit(notice.id)
            self.load_notices()

        self._open(dialog, done)
        return dialog

    def print_current_notice(self) -> None:
        notice = self.current_notice()
        if notice is not None:
            self.print_notice(notice.id)

    def print_notice(self, notice_id: uuid.UUID) -> None:
        service = self.supervision

        def make() -> tuple[str, bytes]:
            data = service.notice_data(notice_id)
            return document_title(data), render_document(data)

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    # ================================================================ follow-ups

    def current_follow_up(self) -> FollowUpItem | None:
        row = self.follow_table.currentRow()
        return self.follow_ups[row] if 0 <= row < len(self.follow_ups) else None

    def _follow_up_selected(self) -> None:
        f = self.current_follow_up()
        may = f is not None and (f.follow_up_by_id == self.services.ctx.user_id or self.is_leader())
        self.follow_button.setEnabled(may)
        self.close_follow_button.setEnabled(may)
        if f is None:
            self.follow_detail.setText(self.tr("No open follow-ups of bad ratings."))
            return
        self.follow_detail.setText(self.tr("{subject} · {level}: {comment}").format(
            subject=f.subject, level=f.level.label, comment=one_line(f.comment)))

    def record_follow_up(self, close: bool = False) -> FollowUpDialog | None:
        item = self.current_follow_up()
        if item is None or not self.follow_button.isEnabled():
            return None
        dialog = FollowUpDialog(self.ratings, self.runner, item, close=close, parent=self)

        def done(closed: bool) -> None:
            self._set_status(self.tr("Follow-up closed.") if closed else self.tr("Follow-up saved."))
            self.load_follow_ups()

        self._open(dialog, done)
        return dialog

    # ================================================================ issuing

    def _case_changed(self) -> None:
        self.case = None
        self.case_info.clear()
        self._clear_issue_error("case")

    def find_case(self) -> None:
        self._clear_issue_error("case")
        number = self.case_edit.text()
        service = self.supervision
        self.runner.run(lambda: service.find_case(number), self._case_found, self._issue_failed)

    def _case_found(self, case: CaseRef) -> None:
        self.case = case
        self.case_edit.setText(case.number)
        parts = [case.matter_name, case.applicant_name, case.status.label]
        if case.due_date is not None:
            parts.append(self.tr("due {date}").format(date=case.due_date.isoformat()))
        if case.holder_name:
            parts.append(self.tr("now with {name}").format(name=case.holder_name))
        self.case_info.setText(" · ".join(parts))
        if case.holder_id is not None:
            index = self.addressee_combo.findData(str(case.holder_id))
            if index >= 0:
                self.addressee_combo.setCurrentIndex(index)
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_days_due(self) -> None:
        due = self.supervision.reply_due_for(self.days_spin.value())
        text = self.tr("→ {date}").format(date=due.due.isoformat())
        if due.uncertain:
            text += self.tr(" (tentative)")
        self.days_due.setText(text)

    def issue(self, *, print_after: bool = False) -> None:
        self._clear_issue_errors()
        if self.case is None or self.case.number != "".join(self.case_edit.text().split()).upper():
            # Look the number up first; the service then checks everything at once.
            number = self.case_edit.text()
            service = self.supervision
            self.runner.run(lambda: service.find_case(number),
                            lambda case: (self._case_found(case), self.issue(print_after=print_after)),
                            self._issue_failed)
            return
        case_id = self.case.id
        issued_to = chosen_person(self.addressee_combo)
        reason = self.reason_edit.toPlainText()
        by_days = self.days_radio.isChecked()
        days = self.days_spin.value()
        due = pydate(self.date_edit.date())
        service = self.supervision

        def perform() -> tuple[str, uuid.UUID | None]:
            if by_days:
                number = service.issue(case_id, issued_to, reason, reply_days=days)
            else:
                number = service.issue(case_id, issued_to, reason, reply_due=due)
            found = [n.id for n in service.for_case(case_id) if n.number == number]
            return number, found[0] if found else None

        def done(result: tuple[str, uuid.UUID | None]) -> None:
            number, notice_id = result
            self.issue_message.setStyleSheet("color: #1b5e20;")
            self.issue_message.setText(self.tr("Supervision notice {number} issued.").format(number=number))
            self._set_status(self.issue_message.text())
            self.reason_edit.clear()
            self.case_edit.clear()
            self._case_changed()
            self.issued.emit(number)
            self.load_notices()
            if print_after and notice_id is not None:
                self.print_notice(notice_id)

        self.issue_button.setEnabled(False)
        self.issue_print_button.setEnabled(False)
        self.runner.run(perform, lambda r: (self._issue_done(), done(r)),
                        lambda exc: (self._issue_done(), self._issue_failed(exc)))

    def _issue_done(self) -> None:
        self.issue_button.setEnabled(True)
        self.issue_print_button.setEnabled(True)

    def _issue_failed(self, exc: BaseException) -> None:
        problems = field_errors(exc)
        if problems is None:
            show_error(self, exc)
            return
        self._show_issue_errors(problems)

    def _show_issue_errors(self, problems: list[ValidationError]) -> None:
        first: QWidget | None = None
        general: list[str] = []
        for problem in problems:
            if problem.field in self._issue_fields:
                widget, error = self._issue_fields[problem.field]
                error.setText(problem.message)
                error.show()
                mark_invalid(widget, True)
                first = first or widget
            else:
                general.append(problem.message)
        self.issue_message.setStyleSheet("color: #b00020;")
        self.issue_message.setText("\n".join(general) or self.tr("Nothing was issued: {n} problem(s) marked in red.")
                                   .format(n=len(problems)))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def issue_error(self, key: str) -> str:
        error = self._issue_fields[key][1]
        return "" if error.isHidden() else error.text()

    def _clear_issue_error(self, key: str) -> None:
        widget, error = self._issue_fields[key]
        error.clear()
        error.hide()
        mark_invalid(widget, False)

    def _clear_issue_errors(self) -> None:
        for key in self._issue_fields:
            self._clear_issue_error(key)
        self.issue_message.clear()

    # ================================================================ shared

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.statusChanged.emit(text)

    def _open(self, dialog: FormDialog, done: Callable[[Any], None]) -> FormDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if self.last_dialog is dialog:
                self.last_dialog = None
            if result == QDialog.DialogCode.Accepted.value:
                done(dialog.outcome)

        dialog.finished.connect(finished)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _preview(self, made: tuple[str, bytes]) -> None:
        title, pdf = made
        try:
            dialog = PdfPreviewDialog(pdf, title, title.replace(" ", "_") + ".pdf", self)
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback
            show_error(self, exc, self.tr("Printing failed"))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget_preview(dialog))
        self.last_preview = dialog
        dialog.open()

    def _forget_preview(self, dialog: PdfPreviewDialog) -> None:
        if self.last_preview is dialog:
            self.last_preview = None


__all__ = ["FollowUpDialog", "ReplyDialog", "SupervisionPage"]
