"""The case list: search, filter by status and due date, open a case's detail."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.cases import COUNT_LIMIT, DueFilter
from app.services.intake import CaseStatus
from ui.case_detail import CaseDetailDialog
from ui.case_model import DUE_COLOURS, GREEN_BADGE, CaseTableModel, Column, DueState
from ui.errors import show_error
from ui.tasks import TaskRunner

SEARCH_DELAY_MS = 250
CONTINUABLE = (CaseStatus.RECEIVED, CaseStatus.INCOMPLETE)


class CasesPage(QWidget):
    continueIntake = Signal(object)  # case id to continue at the intake window

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None, *,
                 page_size: int | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.detail_dialog: CaseDetailDialog | None = None
        # At the county bureau the list holds every township's cases, to look up, not to work on.
        self.read_only = services.cases.spans_county()
        kwargs = {} if page_size is None else {"page_size": page_size}
        self.model = CaseTableModel(services, runner, parent=self, **kwargs)

        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Case or notice number, name, ID number or phone (beginning)"))
        self.search_edit.setMinimumWidth(320)
        bar.addWidget(self.search_edit, 3)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("status")
        self.status_combo.addItem(self.tr("All statuses"), "")
        for status in (CaseStatus.RECEIVED, CaseStatus.INCOMPLETE, CaseStatus.ACCEPTED,
                       CaseStatus.REJECTED):
            self.status_combo.addItem(status.label, status.value)
        status_label = QLabel(self.tr("Status:"))
        status_label.setBuddy(self.status_combo)
        bar.addWidget(status_label)
        bar.addWidget(self.status_combo)

        self.due_combo = QComboBox()
        self.due_combo.setObjectName("due")
        self.due_combo.addItem(self.tr("Any due date"), DueFilter.ANY.value)
        self.due_combo.addItem(self.tr("Due today"), DueFilter.TODAY.value)
        self.due_combo.addItem(self.tr("Due within 2 working days"), DueFilter.SOON.value)
        self.due_combo.addItem(self.tr("Overdue"), DueFilter.OVERDUE.value)
        due_label = QLabel(self.tr("Due:"))
        due_label.setBuddy(self.due_combo)
        bar.addWidget(due_label)
        bar.addWidget(self.due_combo)

        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.count_label.setMinimumWidth(90)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.count_label, 1)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("cases")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)  # the due-date tints carry the meaning
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        metrics = self.table.fontMetrics()
        samples = {
            Column.NUMBER: ["3707021012026B000000", self.model.tr("(received, no number yet)")],
            Column.APPLICANT: ["示例县恒达建材有限公司"],
            Column.STATUS: [s.label for s in CaseStatus],
            Column.RECEIVED: ["2026-11-23 10:00"],
            Column.DUE: [self.model.tr("{date} (tentative)").format(date="2027-01-25")],
            Column.GREEN: [self.model.tr("G")],
        }
        for column, texts in samples.items():
            # Wide enough for the longest expected value and for the (translated) header.
            width = max(metrics.horizontalAdvance(t) for t in texts) + 20
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.MATTER, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(self._legend())
        bottom.addStretch(1)
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.setObjectName("open")
        self.continue_button = QPushButton(self.tr("Continue intake"))
        self.continue_button.setObjectName("continue")
        self.continue_button.setToolTip(
            self.tr("Continue a received case or one waiting for supplementary materials "
                    "at the intake window"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for button in (self.open_button, self.continue_button, self.refresh_button):
            bottom.addWidget(button)
        self.continue_button.setVisible(not self.read_only)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.search_edit.textEdited.connect(lambda _text: self._search_timer.start())
        self.search_edit.textChanged.connect(self._cleared)
        self.search_edit.returnPressed.connect(self.search)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.due_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.countChanged.connect(self._show_count)
        self.model.rowsInserted.connect(self._select_first)
        self.model.failed.connect(lambda exc: show_error(self, exc))
        self.open_button.clicked.connect(self.open_current)
        self.continue_button.clicked.connect(self.continue_current)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self.setFocusProxy(self.search_edit)

        self.search()

    def _legend(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        entries = [
            (DUE_COLOURS[DueState.OVERDUE], self.tr("Overdue")),
            (DUE_COLOURS[DueState.TODAY], self.tr("Due today")),
            (DUE_COLOURS[DueState.SOON], self.tr("Due within 2 working days")),
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
        """Run the current search again (after an intake, or F5)."""
        self.search()

    def set_filter(self, status: CaseStatus | None = None, due: DueFilter = DueFilter.ANY) -> None:
        for combo, value in ((self.status_combo, status.value if status else ""),
                             (self.due_combo, due.value)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.search()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # ------------------------------------------------------------ searching

    def search(self) -> None:
        self._search_timer.stop()
        self.count_label.setText(self.tr("Searching…"))
        self.model.set_query(self.search_edit.text().strip(), self.status_filter(),
                             self.due_filter())

    def status_filter(self) -> CaseStatus | None:
        value = self.status_combo.currentData()
        return CaseStatus(value) if value else None

    def due_filter(self) -> DueFilter:
        return DueFilter(self.due_combo.currentData() or DueFilter.ANY.value)

    def _cleared(self, text: str) -> None:
        # The clear button and programmatic changes do not emit textEdited.
        if not text and self.model.text:
            self._search_timer.start()

    def _show_count(self, total: int) -> None:
        if total > COUNT_LIMIT:  # a broad search on a county's million cases is not counted out
            self.count_label.setText(self.tr("More than {n} cases").format(n=f"{COUNT_LIMIT:,}"))
            self.count_label.setToolTip(self.tr("Type more of the number or name to narrow the list"))
        else:
            self.count_label.setText(self.tr("{n} cases").format(n=total))
            self.count_label.setToolTip("")

    def _select_first(self, _parent: QModelIndex, first: int, _last: int) -> None:
        if first == 0 and not self.table.currentIndex().isValid():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    # ------------------------------------------------------------ acting on a case

    def current_case(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.case_id(index.row())

    def _update_buttons(self) -> None:
        index = self.table.currentIndex()
        has = index.isValid()
        self.open_button.setEnabled(has)
        self.continue_button.setEnabled(
            has and not self.read_only and self.model.row_at(index.row()).status in CONTINUABLE)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case(self.model.case_id(index.row()))

    def open_current(self) -> None:
        case_id = self.current_case()
        if case_id is not None:
            self.open_case(case_id)

    def continue_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and not self.read_only and self.model.row_at(index.row()).status in CONTINUABLE:
            self.continueIntake.emit(self.model.case_id(index.row()))

    def open_case(self, case_id: uuid.UUID) -> CaseDetailDialog:
        dialog = CaseDetailDialog(self.services, self.runner, case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.read_only:  # the county reads a township's case; only the township continues it
            dialog.continue_button.hide()
            dialog.loaded.connect(dialog.continue_button.hide)  # the dialog shows it per status
        else:
            dialog.continueRequested.connect(self.continueIntake)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.detail_dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: CaseDetailDialog) -> None:
        if self.detail_dialog is dialog:
            self.detail_dialog = None
