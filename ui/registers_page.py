"""台账: the four registers (受理、办结、退件、首问) for any range of days.

Choose the register and the range (quick choices: this month, last month, this
year), at a county also the township; the table previews every line with the
合计 row and the summary. The register exports to Excel, previews for printing or
saves as a PDF; every query and file is made on the worker thread. A bad range is
said next to the date that is wrong, and nothing is loaded until it is fixed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.files import write_bytes_atomically
from app.services import Services
from app.services.registers import (
    Align,
    QuickRange,
    Register,
    RegisterKind,
    cell_text,
    check_range,
    quick_range,
)
from ui.errors import show_error
from ui.inquiry_page import mark_invalid, pydate, qdate
from ui.print_preview import PdfPreviewDialog
from ui.supervision_page import make_table
from ui.tasks import TaskRunner

LATE_BG = QColor("#fde9e7")
# A table item per cell: a year of a busy office (50,000 lines) would take seconds and a lot of
# memory to show, and nobody reads that on screen; the files hold every line.
PREVIEW_LIMIT = 2000
ERROR_STYLE = "color: #b71c1c;"
INVALID_STYLE = 'QDateEdit[invalid="true"] { border: 2px solid #c62828; border-radius: 3px; padding: 1px; }'
_ALIGN = {Align.LEFT: Qt.AlignmentFlag.AlignLeft, Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
          Align.RIGHT: Qt.AlignmentFlag.AlignRight}


class RegistersPage(QWidget):
    statusChanged = Signal(str)
    exported = Signal(str)  # the path of a written file

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.registers = services.registers
        self.runner = runner
        self.register: Register | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.last_message: QMessageBox | None = None
        self._townships_loaded = False
        self._setting_range = False  # the quick choice is setting both days

        self.setStyleSheet(INVALID_STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        bar = QHBoxLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        labels = {RegisterKind.INTAKE: self.tr("Intake register"),
                  RegisterKind.COMPLETION: self.tr("Completion register"),
                  RegisterKind.RETURNS: self.tr("Return register"),
                  RegisterKind.INQUIRY: self.tr("First-inquiry register")}
        for kind in RegisterKind:
            self.kind_combo.addItem(labels[kind], kind.value)
        kind_label = QLabel(self.tr("Re&gister:"))
        kind_label.setBuddy(self.kind_combo)
        self.quick_combo = QComboBox()
        self.quick_combo.setObjectName("quick")
        self.quick_combo.addItem(self.tr("This month"), QuickRange.THIS_MONTH.value)
        self.quick_combo.addItem(self.tr("Last month"), QuickRange.LAST_MONTH.value)
        self.quick_combo.addItem(self.tr("This year"), QuickRange.THIS_YEAR.value)
        self.quick_combo.addItem(self.tr("Chosen days"), "")
        quick_label = QLabel(self.tr("&Period:"))
        quick_label.setBuddy(self.quick_combo)
        self.first_edit = self._date_edit("firstDay")
        self.last_edit = self._date_edit("lastDay")
        first_label = QLabel(self.tr("&From:"))
        first_label.setBuddy(self.first_edit)
        last_label = QLabel(self.tr("&To:"))
        last_label.setBuddy(self.last_edit)
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.office_combo.setMinimumContentsLength(10)
        self.office_label = QLabel(self.tr("Towns&hip:"))
        self.office_label.setBuddy(self.office_combo)
        self.office_label.hide()
        self.office_combo.hide()
        self.refresh_button = QPushButton(self.tr("&Show"))
        self.refresh_button.setObjectName("show")
        for widget in (kind_label, self.kind_combo, quick_label, self.quick_combo, first_label,
                       self.first_edit, last_label, self.last_edit, self.office_label, self.office_combo):
            bar.addWidget(widget)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        outer.addLayout(bar)

        self.range_error = QLabel()
        self.range_error.setObjectName("rangeError")
        self.range_error.setStyleSheet(ERROR_STYLE)
        self.range_error.setWordWrap(True)
        self.range_error.hide()
        outer.addWidget(self.range_error)

        self.heading_label = QLabel()
        self.heading_label.setObjectName("heading")
        font = self.heading_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading_label.setFont(font)
        outer.addWidget(self.heading_label)
        self.table = make_table("rows", [], 0)
        self.table.setWordWrap(False)
        outer.addWidget(self.table, 1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.summary_label)

        buttons = QHBoxLayout()
        # No per-line progress comes out of reportlab; a moving bar says the work goes on
        # (a year of a busy office takes several seconds to lay out).
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(200)
        self.busy_bar.hide()
        buttons.addWidget(self.busy_bar)
        buttons.addStretch(1)
        self.excel_button = QPushButton(self.tr("Export &Excel…"))
        self.excel_button.setObjectName("exportExcel")
        self.preview_button = QPushButton(self.tr("Print pre&view"))
        self.preview_button.setObjectName("printPreview")
        self.pdf_button = QPushButton(self.tr("Save P&DF…"))
        self.pdf_button.setObjectName("savePdf")
        for button in (self.excel_button, self.preview_button, self.pdf_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        outer.addLayout(buttons)

        self.kind_combo.activated.connect(lambda _i: self.load())
        self.quick_combo.activated.connect(lambda _i: self.apply_quick_range())
        self.office_combo.activated.connect(lambda _i: self.load())
        for edit in (self.first_edit, self.last_edit):
            edit.dateChanged.connect(lambda _d: self._days_edited())
            edit.editingFinished.connect(self.load)
        self.refresh_button.clicked.connect(self.load)
        self.excel_button.clicked.connect(lambda: self.export_excel())
        self.preview_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.load)
        self.apply_quick_range(load=False)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1900, 1, 1))
        return edit

    # ------------------------------------------------------------ choices

    def refresh(self) -> None:
        """Called when the page is shown: at a county, list the townships once; then load."""
        if self._townships_loaded:
            self.load()
            return
        county = self.services.county

        def fetch() -> list[tuple[str, uuid.UUID]]:
            if not county.is_county_office():
                return []
            return [(f"{t.name}（{t.code}）", t.id) for t in county.townships()]

        def fetched(townships: list[tuple[str, uuid.UUID]]) -> None:
            self._townships_loaded = True
            if townships:
                self.office_combo.clear()
                self.office_combo.addItem(self.tr("All townships"), None)
                for name, office_id in townships:
                    self.office_combo.addItem(name, str(office_id))
                self.office_label.show()
                self.office_combo.show()
            self.load()

        self.runner.run(fetch, fetched, lambda exc: show_error(self, exc))

    def apply_quick_range(self, load: bool = True) -> None:
        value = self.quick_combo.currentData()
        if value:
            first, last = quick_range(QuickRange(value), self.services.ctx.today())
            self._setting_range = True
            try:
                self.first_edit.setDate(qdate(first))
                self.last_edit.setDate(qdate(last))
            finally:
                self._setting_range = False
        if load:
            self.load()

    def _days_edited(self) -> None:
        if not self._setting_range:
            self.quick_combo.setCurrentIndex(self.quick_combo.findData(""))

    def set_choice(self, kind: RegisterKind | None = None, first: dt.date | None = None,
                   last: dt.date | None = None, office_id: uuid.UUID | None = None) -> None:
        """Choose as a person would (register, days, township) and load."""
        if kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        if first is not None:
            self.first_edit.setDate(qdate(first))
        if last is not None:
            self.last_edit.setDate(qdate(last))
        if self.office_combo.isVisible() or office_id is not None:
            self.office_combo.setCurrentIndex(
                self.office_combo.findData(str(office_id) if office_id else None))
        self.load()

    def chosen_kind(self) -> RegisterKind:
        return RegisterKind(self.kind_combo.currentData())

    def chosen_office(self) -> uuid.UUID | None:
        value = self.office_combo.currentData()
        return uuid.UUID(value) if value else None

    def chosen_range(self) -> tuple[dt.date, dt.date] | None:
        """The days, or None after saying at the field what is wrong with them."""
        first, last = pydate(self.first_edit.date()), pydate(self.last_edit.date())
        try:
            check_range(first, last)
        except ValidationError as exc:
            self._show_range_error(exc)
            return None
        self._show_range_error(None)
        return first, last

    def _show_range_error(self, exc: ValidationError | None) -> None:
        mark_invalid(self.first_edit, exc is not None and exc.field == "first")
        mark_invalid(self.last_edit, exc is not None and exc.field == "last")
        self.range_error.setVisible(exc is not None)
        self.range_error.setText(exc.message if exc is not None else "")
        if exc is not None:
            (self.first_edit if exc.field == "first" else self.last_edit).setFocus()

    # ------------------------------------------------------------ loading

    def load(self) -> None:
        days = self.chosen_range()
        if days is None:
            self._show(None)
            return
        registers, kind, office = self.registers, self.chosen_kind(), self.chosen_office()
        self.statusChanged.emit(self.tr("Loading the register…"))
        self.busy_bar.show()
        self.runner.run(lambda: registers.register(kind, days[0], days[1], office), self._show,
                        self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.busy_bar.hide()
        if isinstance(exc, ValidationError) and exc.field in ("first", "last"):
            self._show_range_error(exc)
            return
        show_error(self, exc)

    def _show(self, register: Register | None) -> None:
        self.busy_bar.hide()
        self.register = register
        for button in (self.excel_button, self.preview_button, self.pdf_button):
            button.setEnabled(register is not None)
        table = self.table
        table.setRowCount(0)
        if register is None:
            table.setColumnCount(0)
            self.heading_label.clear()
            self.summary_label.clear()
            return
        columns = register.columns
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels([c.title for c in columns])
        shown = register.rows[:PREVIEW_LIMIT]
        lines = [*shown, register.total_row]
        table.clearSpans()
        table.setRowCount(len(lines) if register.rows else 2)
        if not register.rows:
            empty = QTableWidgetItem(self.tr("Nothing recorded in this period"))
            empty.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(0, 0, empty)
            table.setSpan(0, 0, 1, len(columns))
            lines = [register.total_row]
        start = 0 if register.rows else 1
        for offset, values in enumerate(lines):
            row = start + offset
            is_total = values is register.total_row
            for index, (column, value) in enumerate(zip(columns, values, strict=True)):
                item = QTableWidgetItem(cell_text(value))
                item.setTextAlignment(_ALIGN[column.align] | Qt.AlignmentFlag.AlignVCenter)
                if column.wrap:
                    item.setToolTip(cell_text(value))
                if is_total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                elif offset in register.highlighted:
                    item.setBackground(LATE_BG)
                table.setItem(row, index, item)
        self._size_columns(register)
        self.heading_label.setText(f"{register.heading}　{register.range_label}")
        summary = register.summary
        if len(shown) < register.count:
            summary += " " + self.tr("(The first {shown} of {count} lines are shown here; the Excel "
                                     "file and the printout hold them all.)").format(
                shown=len(shown), count=register.count)
        self.summary_label.setText(summary)
        self.statusChanged.emit(self.tr("{count} line(s)").format(count=register.count))

    def _size_columns(self, register: Register) -> None:
        """Short values as wide as the widest (of the first few hundred lines); free text a
        fixed share, its whole text in the tool tip."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # 备注 / 办结人 / 原因 / 结果 take what is left
        metrics = self.table.fontMetrics()
        sample_rows = register.rows[:300]
        for index, column in enumerate(register.columns):
            if column.wrap:
                width = metrics.horizontalAdvance("汉" * int(6 * column.weight + 2))
            else:
                texts = [column.sample, cell_text(register.total_row[index]),
                         *(cell_text(row[index]) for row in sample_rows)]
                width = max(metrics.horizontalAdvance(text) for text in texts)
            width = max(width, metrics.horizontalAdvance(column.title)) + 16
            header.resizeSection(index, width)

    # ------------------------------------------------------------ files

    def _suggested(self, suffix: str) -> str:
        assert self.register is not None
        return f"{self.register.file_stem}{suffix}"

    def export_excel(self, path: Path | None = None) -> None:
        """Ask where (unless given), then write the workbook on the worker thread."""
        if self.register is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                                    self._suggested(".xlsx"),
                                                    self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        registers, register = self.registers, self.register
        self._busy(True, self.tr("Writing {path}…").format(path=path))
        self.runner.run(lambda: registers.write_excel(register, path), self._written, self._file_failed)

    def save_pdf(self, path: Path | None = None) -> None:
        if self.register is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), self._suggested(".pdf"),
                                                    self.tr("PDF files (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        registers, register = self.registers, self.register
        target = path

        def work() -> Path:
            return write_bytes_atomically(target, registers.pdf(register))

        self._busy(True, self.tr("Writing {path}…").format(path=path))
        self.runner.run(work, self._written, self._file_failed)

    def _busy(self, busy: bool, message: str = "") -> None:
        for button in (self.excel_button, self.preview_button, self.pdf_button):
            button.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        if message:
            self.statusChanged.emit(message)

    def _written(self, written: Path) -> None:
        self._busy(False)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Saved"),
                          self.tr("The register was saved to:\n{path}").format(path=written),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("savedMessage")
        box.open()
        self.last_message = box
        self.exported.emit(str(written))

    def _file_failed(self, exc: BaseException) -> None:
        self._busy(False)
        show_error(self, exc)

    def print_preview(self) -> None:
        if self.register is None:
            return
        registers, register = self.registers, self.register
        self._busy(True, self.tr("Making the register for printing…"))
        self.runner.run(lambda: registers.pdf(register), self._preview, self._file_failed)

    def _preview(self, pdf: bytes) -> None:
        self._busy(False)
        assert self.register is not None
        title = f"{self.register.title} {self.register.range_label}"
        try:
            dialog = PdfPreviewDialog(pdf, title, self._suggested(".pdf"), self)
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback
            self._file_failed(exc)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget_preview(dialog))
        self.last_preview = dialog
        dialog.open()

    def _forget_preview(self, dialog: PdfPreviewDialog) -> None:
        if self.last_preview is dialog:
            self.last_preview = None


__all__ = ["RegistersPage"]
