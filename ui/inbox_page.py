"""My inbox (我的待办): the cases I hold now, most urgent first; leaders also see the office's overdue.

The rows come from ``RoutingService.inbox()`` (or ``office_overdue()`` with
the leaders' "全所超期" switch); green-channel cases are listed first, and
each row is tinted by its deadline: overdue red, due today orange, due within
two working days yellow, clock paused grey. Enter or a double click opens the
case's ``RoutingDialog``; "Case record…" in that dialog asks, through
``openCase``, for the full case dialog.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.permissions import LEADERS
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.routing import InboxRow
from ui.case_model import DUE_COLOURS, GREEN_BADGE, DueState, RowsModel, bold_font, green_badge
from ui.errors import show_error
from ui.routing_panel import RoutingDialog, routing_for
from ui.tasks import TaskRunner

PAUSED_COLOURS = (QColor("#555555"), QColor("#ececec"))

_Index = QModelIndex | QPersistentModelIndex


class InboxFilter(StrEnum):
    """Which of my cases to list; the home page's tiles open the inbox on one of these."""

    ALL = "all"
    UNRECEIVED = "unreceived"  # sent to me, not yet signed for (签收)
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"  # within two working days
    OVERDUE = "overdue"

    def matches(self, row: InboxRow) -> bool:
        if self is InboxFilter.UNRECEIVED:
            return row.received_at is None
        if self is InboxFilter.DUE_TODAY:
            return row.due_today
        if self is InboxFilter.DUE_SOON:
            return row.due_soon
        if self is InboxFilter.OVERDUE:
            return row.overdue
        return True


class InboxColumn:
    NUMBER = 0
    APPLICANT = 1
    MATTER = 2
    STEP = 3
    SENT = 4
    RECEIVED = 5
    STEP_DUE = 6
    CASE_DUE = 7
    COUNT = 8


def row_state(row: InboxRow) -> DueState | None:
    """The tint of a row: None = paused (grey); DueState.NONE = nothing to warn about."""
    if row.paused:
        return None
    if row.overdue:
        return DueState.OVERDUE
    if row.due_today:
        return DueState.TODAY
    if row.due_soon:
        return DueState.SOON
    return DueState.NONE


class InboxModel(RowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InboxRow] = []
        self._today = dt.date.min
        self._headers = [
            self.tr("Case number"), self.tr("Applicant"), self.tr("Matter"),
            self.tr("Current step"), self.tr("Sent to me"), self.tr("Signed for"),
            self.tr("Step due"), self.tr("Case due"),
        ]

    def set_rows(self, rows: list[InboxRow], today: dt.date) -> None:
        self.beginResetModel()
        # Green channel first; otherwise the order the core gave (most urgent first).
        self._rows = sorted(rows, key=lambda r: not r.green_channel)
        self._today = today
        self.endResetModel()

    def row_at(self, row: int) -> InboxRow:
        return self._rows[row]

    def case_id(self, row: int) -> uuid.UUID:
        return self._rows[row].case_id

    def rows(self) -> list[InboxRow]:
        return list(self._rows)

    def _when(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return ""
        local = moment.astimezone(LOCAL_TZ)
        if local.year == self._today.year:
            return local.strftime("%m-%d %H:%M")
        return local.strftime("%Y-%m-%d %H:%M")

    def display(self, row: InboxRow, column: int) -> str:
        if column == InboxColumn.NUMBER:
            number = row.number or ""
            return self.tr("G {number}").format(number=number) if row.green_channel else number
        if column == InboxColumn.APPLICANT:
            return row.applicant_name
        if column == InboxColumn.MATTER:
            return row.matter_name
        if column == InboxColumn.STEP:
            # The office overdue list names who holds each case.
            return f"{row.step_name}（{row.holder_name}）" if row.holder_name else row.step_name
        if column == InboxColumn.SENT:
            return self._when(row.sent_at)
        if column == InboxColumn.RECEIVED:
            return self._when(row.received_at) if row.received_at else self.tr("Not yet")
        if column == InboxColumn.STEP_DUE:
            return row.step_due.isoformat() if row.step_due else ""
        if column == InboxColumn.CASE_DUE:
            text = row.case_due.isoformat() if row.case_due else ""
            if row.paused:
                text = self.tr("{date} paused").format(date=text) if text else self.tr("paused")
            return text
        return ""

    def tooltip(self, row: InboxRow, column: int) -> str | None:
        notes = []
        if row.green_channel:
            notes.append(self.tr("Green channel (key project): handle first"))
        if row.paused:
            notes.append(self.tr("Clock paused (暂停计时): the days do not count"))
        elif row.overdue:
            notes.append(self.tr("Overdue"))
        elif row.due_today:
            notes.append(self.tr("Due today"))
        elif row.due_soon:
            notes.append(self.tr("Due within 2 working days"))
        if column == InboxColumn.RECEIVED and row.received_at is None:
            notes.append(self.tr("Sent to you but not yet received (签收)"))
        if column in (InboxColumn.APPLICANT, InboxColumn.MATTER, InboxColumn.STEP):
            notes.insert(0, self.display(row, column))
        return "\n".join(notes) or None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        if column == InboxColumn.NUMBER and row.green_channel:
            return green_badge(role)
        if role == Qt.ItemDataRole.FontRole and column == InboxColumn.RECEIVED \
                and row.received_at is None:
            return bold_font()
        state = row_state(row)
        colours = PAUSED_COLOURS if state is None else DUE_COLOURS.get(state)
        if colours is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return colours[0]
        if role == Qt.ItemDataRole.BackgroundRole:
            return colours[1]
        if role == Qt.ItemDataRole.FontRole and column in (InboxColumn.STEP_DUE,
                                                            InboxColumn.CASE_DUE):
            font = QFont()
            font.setBold(state is not None)
            return font
        return None


class InboxPage(QWidget):
    openCase = Signal(object)  # case id: the user asked for the full case record
    changed = Signal()  # something was done to a case from here (home counts are stale)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.routing = routing_for(services)
        self.model = InboxModel(self)
        self.dialog: RoutingDialog | None = None
        self.office_mode = False  # the leaders' list of the whole office's overdue cases
        self.is_leader = False
        self._all: list[InboxRow] = []
        self._today = dt.date.min

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.title_label = QLabel(self.tr("My inbox"))
        self.title_label.setObjectName("title")
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        bar.addWidget(self.title_label)
        bar.addSpacing(16)
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("filter")
        for value, text in (
            (InboxFilter.ALL, self.tr("All my cases")),
            (InboxFilter.UNRECEIVED, self.tr("Not yet received")),
            (InboxFilter.DUE_TODAY, self.tr("Due today")),
            (InboxFilter.DUE_SOON, self.tr("Due within 2 working days")),
            (InboxFilter.OVERDUE, self.tr("Overdue")),
        ):
            self.filter_combo.addItem(text, value.value)
        filter_label = QLabel(self.tr("&Show:"))
        filter_label.setBuddy(self.filter_combo)
        bar.addWidget(filter_label)
        bar.addWidget(self.filter_combo)
        self.office_button = QPushButton(self.tr("Office overdue (全所超期)"))
        self.office_button.setObjectName("office_overdue")
        self.office_button.setCheckable(True)
        self.office_button.setToolTip(self.tr("Every overdue case of the office, whoever holds it"))
        self.office_button.hide()
        bar.addWidget(self.office_button)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.count_label, 1)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("inbox")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        metrics = self.table.fontMetrics()
        samples = {
            InboxColumn.NUMBER: [self.model.tr("G {number}").format(number="3707021012026000001")],
            InboxColumn.APPLICANT: ["示例县恒达建材有限公司"],
            InboxColumn.STEP: ["窗口受理并当场查询"],
            InboxColumn.SENT: ["11-23 10:00"],
            InboxColumn.RECEIVED: ["11-23 10:00", self.model.tr("Not yet")],
            InboxColumn.STEP_DUE: ["2026-12-07"],
            InboxColumn.CASE_DUE: [self.model.tr("{date} paused").format(date="2026-12-07")],
        }
        for column, texts in samples.items():
            width = max(metrics.horizontalAdvance(t) for t in texts) + 20
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(InboxColumn.MATTER, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555; font-size: 12pt; padding: 12px;")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        bottom = QHBoxLayout()
        bottom.addWidget(self._legend())
        bottom.addStretch(1)
        self.open_button = QPushButton(self.tr("&Handle…"))
        self.open_button.setObjectName("open")
        self.open_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh")
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.refresh_button)
        layout.addLayout(bottom)

        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.office_button.toggled.connect(self.set_office_mode)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._update_buttons)
        self.open_button.clicked.connect(self.open_current)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self.setFocusProxy(self.table)

    def _legend(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        entries = [
            (DUE_COLOURS[DueState.OVERDUE], self.tr("Overdue")),
            (DUE_COLOURS[DueState.TODAY], self.tr("Due today")),
            (DUE_COLOURS[DueState.SOON], self.tr("Due within 2 working days")),
            (PAUSED_COLOURS, self.tr("Clock paused")),
            (GREEN_BADGE, self.tr("G = green channel")),
        ]
        for (fg, bg), text in entries:
            label = QLabel(text)
            label.setStyleSheet(f"color: {fg.name()}; background: {bg.name()}; "
                                "padding: 2px 6px; border-radius: 3px;")
            row.addWidget(label)
        return box

    # ------------------------------------------------------------ public

    def refresh(self) -> None:
        routing, services, office = self.routing, self.services, self.office_mode

        def load() -> tuple[list[InboxRow], bool, dt.date]:
            user = services.office.current_user()
            leader = bool(set(user.roles) & LEADERS)
            rows = routing.office_overdue() if office and leader else routing.inbox()
            return list(rows), leader, services.ctx.today()

        self.count_label.setText(self.tr("Loading…"))
        self.runner.run(load, self._loaded, self._failed)

    def set_filter(self, which: InboxFilter | str = InboxFilter.ALL) -> None:
        """Show my cases of one kind (the home page's tiles); leaves the office list."""
        value = InboxFilter(which).value
        self.filter_combo.blockSignals(True)
        self.filter_combo.setCurrentIndex(max(self.filter_combo.findData(value), 0))
        self.filter_combo.blockSignals(False)
        if self.office_mode:
            self.office_button.setChecked(False)  # refreshes
        else:
            self.refresh()

    def set_office_mode(self, on: bool) -> None:
        self.office_mode = on
        self.office_button.blockSignals(True)
        self.office_button.setChecked(on)
        self.office_button.blockSignals(False)
        self.title_label.setText(self.tr("Overdue in the office") if on else self.tr("My inbox"))
        self.filter_combo.setEnabled(not on)
        self.refresh()

    def current_filter(self) -> InboxFilter:
        return InboxFilter(self.filter_combo.currentData() or InboxFilter.ALL.value)

    # ------------------------------------------------------------ showing

    def _loaded(self, result: tuple[list[InboxRow], bool, dt.date]) -> None:
        rows, leader, today = result
        self.is_leader = leader
        self.office_button.setVisible(leader)
        if self.office_mode and not leader:
            self.office_mode = False
            self.office_button.setChecked(False)
        self._all = rows
        self._today = today
        self._apply_filter()

    def _failed(self, exc: BaseException) -> None:
        self.count_label.setText("")
        show_error(self, exc)

    def _filter_changed(self, _index: int) -> None:
        self._apply_filter()

    def _current_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _apply_filter(self) -> None:
        which = InboxFilter.ALL if self.office_mode else self.current_filter()
        rows = [r for r in self._all if which.matches(r)]
        current = self.current_case()
        self.model.set_rows(rows, self._today)
        self._show_count()
        if rows:
            target = next((i for i, r in enumerate(self.model.rows()) if r.case_id == current), 0)
            self.table.selectRow(target)
            self.table.setCurrentIndex(self.model.index(target, 0))

    def _show_count(self) -> None:
        rows = self.model.rows()
        if self.office_mode:
            text = self.tr("{n} overdue cases in the office").format(n=len(rows))
            empty = self.tr("No case of the office is overdue.")
        else:
            every = self._all
            text = self.tr("{n} shown · {total} in my inbox · {unreceived} not yet received · "
                           "{overdue} overdue").format(
                n=len(rows), total=len(every),
                unreceived=sum(1 for r in every if r.received_at is None),
                overdue=sum(1 for r in every if r.overdue))
            empty = (self.tr("Nothing in your inbox.") if not every else
                     self.tr("None of your cases is in this list."))
        self.count_label.setText(text)
        self.empty_label.setText(empty)
        self.empty_label.setVisible(not rows)

    # ------------------------------------------------------------ opening

    def current_case(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.case_id(index.row())

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_case() is not None)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case(self.model.case_id(index.row()))

    def open_current(self) -> None:
        case_id = self.current_case()
        if case_id is not None:
            self.open_case(case_id)

    def open_case(self, case_id: uuid.UUID) -> RoutingDialog:
        dialog = RoutingDialog(self.services, self.runner, case_id, self)
        dialog.panel.changed.connect(self._case_changed)
        dialog.detailsRequested.connect(self.openCase)
        if self.dialog is not None:  # the last one opened is kept, earlier ones go
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def _case_changed(self) -> None:
        self.refresh()
        self.changed.emit()
