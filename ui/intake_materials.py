"""The materials checklist of the intake page: one row per material the chosen matter requires.

Keyboard: the table is one Tab stop. Up/Down choose a row; Space toggles
已收 ↔ 未提交; 1–4 set 已收 / 未提交 / 不符合要求 / 不适用; Enter or F2 goes
into the row's fields (Tab moves along them, Esc or Enter in the last one
comes back to the list).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import MaterialForm
from app.services.intake import MaterialStatus, MaterialTick
from app.services.reference import MaterialItem, MatterItem

COL_TICK, COL_NAME, COL_REQUIRED, COL_FORM, COL_COPIES, COL_STATUS, COL_RECEIVED, COL_PROBLEM = range(8)
ERROR_BACKGROUND = QColor("#fde2e2")
STATUS_KEYS = {
    Qt.Key.Key_1: MaterialStatus.RECEIVED,
    Qt.Key.Key_2: MaterialStatus.MISSING,
    Qt.Key.Key_3: MaterialStatus.DEFECTIVE,
    Qt.Key.Key_4: MaterialStatus.NOT_APPLICABLE,
}


@dataclass
class _Row:
    material: MaterialItem
    status: QComboBox
    copies: QSpinBox
    problem: QLineEdit
    description: str
    error: str = ""

    def editors(self) -> list[QWidget]:
        return [w for w in (self.status, self.copies, self.problem) if w.isEnabled()]


class MaterialsTable(QTableWidget):
    """The table itself: row-wise keyboard handling on top of QTableWidget."""

    toggleRequested = Signal(int)
    statusRequested = Signal(int, object)
    editRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if row >= 0 and plain:
            key = event.key()
            if key == Qt.Key.Key_Space:
                self.toggleRequested.emit(row)
                return
            if key in STATUS_KEYS:
                self.statusRequested.emit(row, STATUS_KEYS[Qt.Key(key)])
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                self.editRequested.emit(row)
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event):  # type: ignore[no-untyped-def]
        super().focusInEvent(event)
        if self.currentRow() < 0 and self.rowCount():
            self.setCurrentCell(0, COL_NAME)


class MaterialsPanel(QWidget):
    """Title, counts, the "all received" button, an error summary and the table."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._matter: MatterItem | None = None
        self._updating = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("Materials chec&klist"))
        self.title.setObjectName("sectionTitle")
        head.addWidget(self.title)
        self.counts = QLabel()
        self.counts.setObjectName("hint")
        head.addWidget(self.counts, 1)
        self.all_button = QPushButton(self.tr("All &submitted"))
        self.all_button.setToolTip(self.tr("Mark every material not marked 'not applicable' as submitted (Ctrl+Shift+A)"))
        self.all_button.clicked.connect(self.mark_all_received)
        head.addWidget(self.all_button)
        layout.addLayout(head)

        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.table = MaterialsTable(0, 8)
        self.title.setBuddy(self.table)
        self.table.setHorizontalHeaderLabels([
            "", self.tr("Material"), self.tr("Required?"), self.tr("Form"), self.tr("Copies required"),
            self.tr("Status"), self.tr("Copies received"), self.tr("Problem"),
        ])
        header_tips = {
            COL_TICK: self.tr("Ticked: submitted (Space)"),
            COL_PROBLEM: self.tr("What is wrong, when the material is not as required"),
        }
        for col, tip in header_tips.items():
            item = self.table.horizontalHeaderItem(col)
            if item is not None:
                item.setToolTip(tip)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PROBLEM, QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        header.setMinimumSectionSize(24)
        self.table.toggleRequested.connect(self.toggle_row)
        self.table.statusRequested.connect(self._status_key)
        self.table.editRequested.connect(self.edit_row)
        self.table.itemChanged.connect(self._item_changed)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(0)
        self._resize_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._resize_timer.start())
        layout.addWidget(self.table, 1)

        self.legend = QLabel(self.tr("Space: submitted / not submitted · 1 submitted · 2 not submitted · 3 not as required · 4 not applicable · Enter: edit the row, Esc: back"))
        self.legend.setObjectName("hint")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self._update_counts()

    def _size_columns(self) -> None:
        """Fixed columns as wide as their longest text in the current language; the name takes the rest."""
        fm = self.fontMetrics()
        hm = self.table.horizontalHeader().fontMetrics()

        def wide(*texts: str) -> int:
            return max(fm.horizontalAdvance(t) for t in texts)

        def head(col: int) -> int:
            item = self.table.horizontalHeaderItem(col)
            return hm.horizontalAdvance(item.text()) + 16 if item is not None else 0

        statuses = [self.status_label(s) for s in MaterialStatus]
        widths = {
            COL_TICK: 28,
            COL_REQUIRED: max(wide(self.tr("Required"), self.tr("If applies")) + 14, head(COL_REQUIRED)),
            COL_FORM: max(wide(*(f.label for f in MaterialForm)) + 14, head(COL_FORM)),
            COL_COPIES: max(wide("99") + 16, head(COL_COPIES)),
            COL_STATUS: max(wide(*statuses) + 40, head(COL_STATUS)),
            COL_RECEIVED: max(wide("99") + 44, head(COL_RECEIVED)),
            COL_PROBLEM: max(wide("国") * 8, head(COL_PROBLEM)),
        }
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)

    # ------------------------------------------------------------ labels

    def status_label(self, status: MaterialStatus) -> str:
        return {
            MaterialStatus.RECEIVED: self.tr("Submitted"),
            MaterialStatus.MISSING: self.tr("Not submitted"),
            MaterialStatus.DEFECTIVE: self.tr("Not as required"),
            MaterialStatus.NOT_APPLICABLE: self.tr("Not applicable"),
        }[status]

    def _describe(self, m: MaterialItem) -> str:
        lines = [m.name]
        if m.condition:
            lines.append(self.tr("When: {text}").format(text=m.condition))
        if m.note:
            lines.append(self.tr("Note: {text}").format(text=m.note))
        if m.source:
            lines.append(self.tr("Where to get it: {text}").format(text=m.source))
        return "\n".join(lines)

    # ------------------------------------------------------------ building

    def set_matter(self, matter: MatterItem | None) -> None:
        if matter is not None and self._matter is not None and matter.code == self._matter.code \
                and len(self._rows) == len(matter.materials):
            return
        self._matter = matter
        self._updating = True
        self.table.clearContents()
        self.table.setRowCount(0)
        self._rows = []
        self.clear_errors()
        materials = matter.materials if matter is not None else ()
        self.table.setRowCount(len(materials))
        for row, m in enumerate(materials):
            self._build_row(row, m)
        self._updating = False
        self.table.resizeRowsToContents()
        if materials:
            self.table.setCurrentCell(0, COL_NAME)
        self._update_counts()

    def _build_row(self, row: int, m: MaterialItem) -> None:
        description = self._describe(m)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        tick.setCheckState(Qt.CheckState.Unchecked)
        self.table.setItem(row, COL_TICK, tick)
        required_text = self.tr("Required") if m.required else self.tr("If applies")
        texts = {COL_NAME: m.name, COL_REQUIRED: required_text, COL_FORM: m.form.label,
                 COL_COPIES: str(m.copies)}
        for col, text in texts.items():
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if col != COL_NAME:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, col, item)
        if not m.required:
            self.table.item(row, COL_REQUIRED).setForeground(QBrush(QColor("#8a5a00")))

        status = QComboBox()
        for s in (MaterialStatus.RECEIVED, MaterialStatus.MISSING, MaterialStatus.DEFECTIVE):
            status.addItem(self.status_label(s), s.value)
        if not m.required:
            status.addItem(self.status_label(MaterialStatus.NOT_APPLICABLE), MaterialStatus.NOT_APPLICABLE.value)
        status.setCurrentIndex(1)
        copies = QSpinBox()
        copies.setRange(0, 99)
        copies.setEnabled(False)
        copies.setAlignment(Qt.AlignmentFlag.AlignRight)
        problem = QLineEdit()
        problem.setPlaceholderText(self.tr("what is wrong"))
        problem.setEnabled(False)
        entry = _Row(m, status, copies, problem, description)
        self._rows.append(entry)
        for widget in (status, copies, problem):
            widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            widget.installEventFilter(self)
        self.table.setCellWidget(row, COL_STATUS, status)
        self.table.setCellWidget(row, COL_RECEIVED, copies)
        self.table.setCellWidget(row, COL_PROBLEM, problem)
        status.currentIndexChanged.connect(lambda _i, r=row: self._status_changed(r))
        copies.valueChanged.connect(lambda _v, r=row: self._edited(r))
        problem.textChanged.connect(lambda _t, r=row: self._edited(r))
        self._set_tooltips(row)

    # ------------------------------------------------------------ reading and writing

    def row_count(self) -> int:
        return len(self._rows)

    def row_of(self, code: str) -> int:
        for i, row in enumerate(self._rows):
            if row.material.code == code:
                return i
        return -1

    def status(self, row: int) -> MaterialStatus:
        return MaterialStatus(self._rows[row].status.currentData())

    def status_combo(self, row: int) -> QComboBox:
        return self._rows[row].status

    def copies_spin(self, row: int) -> QSpinBox:
        return self._rows[row].copies

    def problem_edit(self, row: int) -> QLineEdit:
        return self._rows[row].problem

    def ticks(self) -> list[MaterialTick]:
        out = []
        for row in self._rows:
            status = MaterialStatus(row.status.currentData())
            out.append(MaterialTick(
                code=row.material.code, status=status,
                copies_received=row.copies.value() if status is MaterialStatus.RECEIVED else 0,
                problem=row.problem.text().strip() if status is MaterialStatus.DEFECTIVE else "",
            ))
        return out

    def set_ticks(self, ticks: list[MaterialTick]) -> None:
        for tick in ticks:
            row = self.row_of(tick.code)
            if row < 0:
                continue
            self.set_status(row, MaterialStatus(tick.status))
            entry = self._rows[row]
            if tick.status == MaterialStatus.RECEIVED and tick.copies_received:
                entry.copies.setValue(tick.copies_received)
            if tick.problem:
                entry.problem.setText(tick.problem)

    def set_status(self, row: int, status: MaterialStatus) -> None:
        combo = self._rows[row].status
        index = combo.findData(status.value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def toggle_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        received = self.status(row) is MaterialStatus.RECEIVED
        self.set_status(row, MaterialStatus.MISSING if received else MaterialStatus.RECEIVED)

    def mark_all_received(self) -> None:
        for row in range(len(self._rows)):
            if self.status(row) is not MaterialStatus.NOT_APPLICABLE:
                self.set_status(row, MaterialStatus.RECEIVED)

    def is_pristine(self) -> bool:
        return all(
            self.status(r) is MaterialStatus.MISSING and not self._rows[r].problem.text()
            for r in range(len(self._rows))
        )

    # ------------------------------------------------------------ errors

    def show_errors(self, by_code: dict[str, str], general: list[str]) -> int:
        """Mark rows with their problem and list everything above the table. Returns the first bad row."""
        self.clear_errors()
        first = -1
        lines = list(general)
        for row, entry in enumerate(self._rows):
            message = by_code.get(entry.material.code)
            if message:
                entry.error = message
                self._paint_row(row)
                lines.append(message)
                if first < 0:
                    first = row
        unknown = [msg for code, msg in by_code.items() if self.row_of(code) < 0]
        lines.extend(unknown)
        if lines:
            self.error_label.setText("\n".join(f"• {line}" for line in lines))
            self.error_label.show()
        return first

    def clear_errors(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        for row, entry in enumerate(self._rows):
            if entry.error:
                entry.error = ""
                self._paint_row(row)

    def row_error(self, row: int) -> str:
        return self._rows[row].error

    def _paint_row(self, row: int) -> None:
        entry = self._rows[row]
        brush = QBrush(ERROR_BACKGROUND) if entry.error else QBrush()
        self._updating = True
        for col in (COL_TICK, COL_NAME, COL_REQUIRED, COL_FORM, COL_COPIES):
            item = self.table.item(row, col)
            if item is not None:
                item.setBackground(brush)
        self._updating = False
        for widget in (entry.status, entry.copies, entry.problem):
            widget.setProperty("invalid", bool(entry.error))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self._set_tooltips(row)

    def _set_tooltips(self, row: int) -> None:
        entry = self._rows[row]
        tip = f"{entry.error}\n\n{entry.description}" if entry.error else entry.description
        for col in (COL_TICK, COL_NAME, COL_REQUIRED, COL_FORM, COL_COPIES):
            item = self.table.item(row, col)
            if item is not None:
                item.setToolTip(tip)
        entry.status.setToolTip(tip)
        entry.copies.setToolTip(entry.error or self.tr("Copies received"))
        entry.problem.setToolTip(entry.error or self.tr("What is wrong with it: printed on the one-time notice"))

    # ------------------------------------------------------------ reacting

    def _status_changed(self, row: int) -> None:
        entry = self._rows[row]
        status = self.status(row)
        received = status is MaterialStatus.RECEIVED
        entry.copies.setEnabled(received)
        if received and entry.copies.value() == 0:
            entry.copies.setValue(entry.material.copies)
        entry.problem.setEnabled(status is MaterialStatus.DEFECTIVE)
        tick = self.table.item(row, COL_TICK)
        if tick is not None:
            self._updating = True
            tick.setCheckState(Qt.CheckState.Checked if received else Qt.CheckState.Unchecked)
            self._updating = False
        self._edited(row)

    def _edited(self, row: int) -> None:
        if self._rows[row].error:
            self._rows[row].error = ""
            self._paint_row(row)
        self._update_counts()
        if not self._updating:
            self.changed.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() != COL_TICK:
            return
        row = item.row()
        checked = item.checkState() == Qt.CheckState.Checked
        if checked != (self.status(row) is MaterialStatus.RECEIVED):
            self.set_status(row, MaterialStatus.RECEIVED if checked else MaterialStatus.MISSING)

    def _status_key(self, row: int, status: MaterialStatus) -> None:
        if status is MaterialStatus.NOT_APPLICABLE and self._rows[row].material.required:
            self.error_label.setText(self.tr("“{name}” is required; it cannot be marked not applicable").format(
                name=self._rows[row].material.name))
            self.error_label.show()
            return
        self.set_status(row, status)
        if status is MaterialStatus.DEFECTIVE:
            self._rows[row].problem.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_row(self, row: int) -> None:
        entry = self._rows[row]
        target = entry.problem if entry.problem.isEnabled() else entry.status
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def _back_to_table(self, row: int, next_row: bool = False) -> None:
        if next_row and row + 1 < len(self._rows):
            row += 1
        self.table.setCurrentCell(row, COL_NAME)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_counts(self) -> None:
        total = len(self._rows)
        if not total:
            self.counts.setText(self.tr("Choose a matter to see its materials list"))
            self.all_button.setEnabled(False)
            return
        self.all_button.setEnabled(True)
        tally = {s: 0 for s in MaterialStatus}
        for row in range(total):
            tally[self.status(row)] += 1
        self.counts.setText(self.tr("{total} items: {received} submitted, {missing} not submitted, {defective} not as required, {na} not applicable").format(
            total=total, received=tally[MaterialStatus.RECEIVED], missing=tally[MaterialStatus.MISSING],
            defective=tally[MaterialStatus.DEFECTIVE], na=tally[MaterialStatus.NOT_APPLICABLE]))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        row = next((i for i, r in enumerate(self._rows) if watched in (r.status, r.copies, r.problem)), -1)
        if row < 0:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():  # type: ignore[attr-defined]
            event.ignore()
            return True  # scrolling the table must not change a status under the mouse
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()  # type: ignore[attr-defined]
        if key == Qt.Key.Key_Escape:
            self._back_to_table(row)
            return True
        editors = self._rows[row].editors()
        position = editors.index(watched) if watched in editors else -1
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            step = -1 if key == Qt.Key.Key_Backtab else 1
            target = position + step
            if 0 <= target < len(editors):
                editors[target].setFocus(Qt.FocusReason.TabFocusReason)
            else:
                self._back_to_table(row, next_row=step > 0)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():  # type: ignore[attr-defined]
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            if position + 1 < len(editors):
                editors[position + 1].setFocus(Qt.FocusReason.TabFocusReason)
            else:
                self._back_to_table(row, next_row=True)
            return True
        return super().eventFilter(watched, event)
