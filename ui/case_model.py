"""The case list as a lazy table model: pages of rows fetched as the user scrolls.

The county database will hold a million cases, so the model never asks for the
whole table: it keeps the rows fetched so far and asks the case service for the
next page when the view scrolls near the end
(``canFetchMore``/``fetchMore``), continuing after the last row it holds (keyset
paging). Pages are fetched through the task runner, so
a slow query never freezes the window; an answer that arrives after the filter
changed is dropped (``_generation``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import Enum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app.services import Services
from app.services.cases import COUNT_LIMIT, OPEN_STATUSES, CaseRow, DueFilter
from app.services.context import LOCAL_TZ
from app.services.intake import CaseStatus
from ui.tasks import TaskRunner

PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex


class DueState(Enum):
    NONE = "none"
    SOON = "soon"  # due within two working days (after today)
    TODAY = "today"
    OVERDUE = "overdue"


# Text and row tint for each due state: red, orange, yellow (legible on the usual white rows).
DUE_COLOURS: dict[DueState, tuple[QColor, QColor]] = {
    DueState.OVERDUE: (QColor("#b3261e"), QColor("#fde7e7")),
    DueState.TODAY: (QColor("#a84f00"), QColor("#ffe9cc")),
    DueState.SOON: (QColor("#6b5900"), QColor("#fff7c2")),
}
GREEN_BADGE = (QColor("#ffffff"), QColor("#2e7d32"))


class Column:
    NUMBER = 0
    APPLICANT = 1
    MATTER = 2
    STATUS = 3
    RECEIVED = 4
    DUE = 5
    GREEN = 6
    COUNT = 7


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def green_badge(role: int, *, centred: bool = False) -> object:
    """How a green-channel cell looks, for one item data role (None: the default)."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return GREEN_BADGE[0]
    if role == Qt.ItemDataRole.BackgroundRole:
        return GREEN_BADGE[1]
    if role == Qt.ItemDataRole.TextAlignmentRole and centred:
        return Qt.AlignmentFlag.AlignCenter
    if role == Qt.ItemDataRole.FontRole:
        return bold_font()
    return None


class RowsModel(QAbstractTableModel):
    """A table of plain row objects (``self._rows``) under fixed headers (``self._headers``)."""

    _rows: list
    _headers: list[str]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class CaseTableModel(RowsModel):
    """Rows of ``services.cases.search`` for one query, fetched a page at a time."""

    countChanged = Signal(int)  # cases matching the query; above COUNT_LIMIT means "more than"
    loadingChanged = Signal(bool)
    failed = Signal(object)  # an exception from the service

    def __init__(self, services: Services, runner: TaskRunner, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.page_size = page_size
        self.text = ""
        self.status: CaseStatus | None = None
        self.due = DueFilter.ANY
        self.total: int | None = None
        self._rows: list[CaseRow] = []
        self._more = False
        self._loading = False
        self._generation = 0
        self._today = dt.date.min
        self._soon = dt.date.min
        self._headers = [
            self.tr("Case / notice no."),
            self.tr("Applicant"),
            self.tr("Matter"),
            self.tr("Status"),
            self.tr("Received at"),
            self.tr("Due date"),
            self.tr("Green channel"),
        ]

    # ------------------------------------------------------------ querying

    def set_query(self, text: str = "", status: CaseStatus | None = None,
                  due: DueFilter = DueFilter.ANY) -> None:
        """Start over with a new search: clear the rows, fetch the first page and the count."""
        self.text, self.status, self.due = text, status, due
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self._rows = []
        self._more = True
        self._loading = False
        self.total = None
        self.endResetModel()
        text, status, due = self.text, self.status, self.due
        services = self.services

        def count() -> tuple[int, dt.date, dt.date]:
            today = services.ctx.today()
            soon = services.reference.calendar().add_working_days(today, 2).due
            total = services.cases.count(text, status=status, due=due, cap=COUNT_LIMIT)
            return total, today, soon

        def counted(result: tuple[int, dt.date, dt.date]) -> None:
            if generation != self._generation:
                return
            self.total, self._today, self._soon = result
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, Column.COUNT - 1))
            self.countChanged.emit(self.total)

        # The first page before the count: the runner works through one task at a time, and the
        # rows are what the clerk waits for.
        self.fetchMore(QModelIndex())
        self.runner.run(count, counted, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._more = False
        self.loadingChanged.emit(False)
        self.failed.emit(exc)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt signature
        if not self.canFetchMore(parent):
            return
        self._loading = True
        self.loadingChanged.emit(True)
        generation = self._generation
        # Keyset paging: the next page starts after the last row shown, so page 5,000 costs what
        # page 1 does (an offset would make the database skip every earlier row again).
        after = self._rows[-1] if self._rows else None
        text, status, due, limit = self.text, self.status, self.due, self.page_size
        services = self.services

        def fetch() -> list[CaseRow]:
            return services.cases.search(text, status=status, due=due, limit=limit, after=after)

        def fetched(rows: list[CaseRow]) -> None:
            if generation != self._generation:
                return
            self._loading = False
            self._more = len(rows) == limit
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            self.loadingChanged.emit(False)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._failed(exc)

        self.runner.run(fetch, fetched, failed)

    @property
    def loading(self) -> bool:
        return self._loading

    # ------------------------------------------------------------ reading rows

    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def case_id(self, row: int) -> uuid.UUID:
        return self._rows[row].id

    def row_of(self, case_id: uuid.UUID) -> int:
        """Position of a case among the rows fetched so far, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), -1)

    def due_state(self, row: CaseRow) -> DueState:
        if row.due_date is None or row.status.value not in OPEN_STATUSES:
            return DueState.NONE
        if row.overdue or row.due_date < self._today:
            return DueState.OVERDUE
        if row.due_date == self._today:
            return DueState.TODAY
        if row.due_date <= self._soon:
            return DueState.SOON
        return DueState.NONE

    # ------------------------------------------------------------ Qt model

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if column == Column.GREEN and row.green_channel:
            return green_badge(role, centred=True)
        state = self.due_state(row)
        if state is not DueState.NONE:
            if role == Qt.ItemDataRole.ForegroundRole:
                return DUE_COLOURS[state][0]
            if role == Qt.ItemDataRole.BackgroundRole:
                return DUE_COLOURS[state][1]
            if role == Qt.ItemDataRole.FontRole and column == Column.DUE:
                return bold_font()
        return None

    def _display(self, row: CaseRow, column: int) -> str | None:
        if column == Column.NUMBER:
            return row.number or self.tr("(received, no number yet)")
        if column == Column.APPLICANT:
            return row.applicant_name
        if column == Column.MATTER:
            return row.matter_name
        if column == Column.STATUS:
            return row.status.label
        if column == Column.RECEIVED:
            return row.received_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
        if column == Column.DUE:
            if row.due_date is None:
                return ""
            text = row.due_date.isoformat()
            if row.due_uncertain:
                text = self.tr("{date} (tentative)").format(date=text)
            return text
        if column == Column.GREEN:
            return self.tr("G") if row.green_channel else ""
        return None

    def _tooltip(self, row: CaseRow, column: int) -> str | None:
        if column == Column.GREEN and row.green_channel:
            return self.tr("Green channel (key project): listed first")
        if column == Column.DUE:
            state = self.due_state(row)
            parts = []
            if state is DueState.OVERDUE:
                parts.append(self.tr("Overdue"))
            elif state is DueState.TODAY:
                parts.append(self.tr("Due today"))
            elif state is DueState.SOON:
                parts.append(self.tr("Due within two working days"))
            if row.due_uncertain:
                parts.append(self.tr("Tentative: the holiday arrangement of that year was not "
                                     "entered when the deadline was counted"))
            return "\n".join(parts) or None
        if column in (Column.APPLICANT, Column.MATTER):
            return self._display(row, column)
        return None
