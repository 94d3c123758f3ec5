"""事项目录 (administrators): the matter catalogue, its local edits and its brochures.

The county's catalogue version is the reference; an edit here is checked as a
whole (every problem shown at its field and in a list), previewed as the
printed brochure, and saved as a new local version with a note. Matters that
differ from the reference are flagged 本地修改 in the list, with what differs.
The page reads and writes only through ``services.catalog_edit`` and
``services.brochures``; all of it runs through the task runner.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalog import STEP_ROLES
from app.dto import MaterialForm, MatterSpec, Tier
from app.errors import ValidationError
from app.services.catalog_edit import (
    FIELD_LABELS,
    CatalogOverview,
    DraftProblems,
    FeeDraft,
    MaterialDraft,
    MatterDraft,
    MatterRow,
    Problem,
    StepDraft,
    VersionRow,
)
from ui.errors import message_for, show_error
from ui.print_preview import PdfPreviewDialog
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services

ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #555;"
BANNER_STYLE = ("color: #7a4a00; background: #fff4d6; border: 1px solid #f0c36d; "
                "border-radius: 3px; padding: 4px;")
LOCAL_FG = QColor("#7a4a00")
LOCAL_BG = QColor("#fff4d6")
ERROR_BG = QColor("#fde7e7")

# Columns of the editor's tables: the draft attribute each one edits.
MATERIAL_KEYS = ("code", "name", "form", "copies", "required", "condition", "note", "source")
STEP_KEYS = ("name", "role", "time_limit_days")
FEE_KEYS = ("name", "amount", "basis")
_TABLE_FIELD = re.compile(r"^(materials|steps|fees)\[(\d+)\](?:\.(\w+))?$")


def _int_or_text(text: str) -> int | str:
    """A number typed in a table cell; anything else goes to the checks as typed."""
    stripped = text.strip()
    return int(stripped) if re.fullmatch(r"-?\d{1,6}", stripped) else stripped


def _days(value: int) -> str:
    return "即办" if value == 0 else str(value)


class RowTable(QTableWidget):
    """A table of draft rows with add / remove / move, used for materials, steps and fees."""

    def __init__(self, name: str, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(headers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(26)
        self.setWordWrap(False)

    def move_current(self, offset: int, take: Callable[[int], list[Any]],
                     put: Callable[[int, list[Any]], None]) -> None:
        row = self.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.rowCount():
            return
        a, b = take(row), take(target)
        put(row, b)
        put(target, a)
        self.setCurrentCell(target, self.currentColumn())


class VersionsDialog(QDialog):
    """Every catalogue version held, with its note; one can be made current again."""

    changed = Signal()

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.rows: list[VersionRow] = []
        self.setObjectName("catalog_versions_dialog")
        self.setWindowTitle(self.tr("Catalogue versions"))
        self.resize(860, 420)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("versions")
        self.table.setHorizontalHeaderLabels([
            self.tr("Version"), self.tr("Source"), self.tr("Issuing body"), self.tr("Issued on"),
            self.tr("Matters"), self.tr("In use"), self.tr("Note")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("versions_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.use_button = QPushButton(self.tr("&Use this version"))
        self.use_button.setObjectName("use_version")
        self.use_button.clicked.connect(self.use_selected)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.clicked.connect(self.accept)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def refresh(self) -> None:
        self.runner.run(self.services.catalog_edit.versions, self._show, self._failed)

    def _show(self, rows: list[VersionRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, v in enumerate(rows):
            note = v.note + (f"（{v.saved_by}）" if v.saved_by else "")
            values = [v.version, v.source_label, v.issued_by, v.issued_on.isoformat(),
                      str(v.matter_count), self.tr("current") if v.is_current else "", note]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if v.source == "local":
                    item.setForeground(QBrush(LOCAL_FG))
                self.table.setItem(index, column, item)
        self._selection_changed()

    def selected(self) -> VersionRow | None:
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.rows):
            return None
        return self.rows[row]

    def _selection_changed(self) -> None:
        version = self.selected()
        self.use_button.setEnabled(version is not None and not version.is_current)

    def use_selected(self) -> None:
        version = self.selected()
        if version is None:
            return
        edit = self.services.catalog_edit
        self.runner.run(lambda: edit.make_current(version.id), self._used, self._failed)

    def _used(self, _row: VersionRow) -> None:
        self.changed.emit()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(message_for(exc))
        self.message.show()


class CatalogPage(QWidget):
    """The catalogue list on the left, the editor of one matter on the right."""

    saved = Signal(object)  # VersionRow: another catalogue version is now current

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.overview: CatalogOverview | None = None
        self.rows: list[MatterRow] = []
        self.draft: MatterDraft | None = None
        self.dirty = False
        self._loading = False
        self.problems: list[Problem] = []
        self.last_preview: PdfPreviewDialog | None = None
        self.last_dialog: QDialog | QMessageBox | None = None
        self.field_widgets: dict[str, QWidget] = {}
        self.field_errors: dict[str, QLabel] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        title = QLabel(self.tr("Matter catalogue"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        top.addWidget(title)
        self.version_label = QLabel()
        self.version_label.setObjectName("version_label")
        top.addWidget(self.version_label, 1)
        self.history_button = QPushButton(self.tr("Version &history…"))
        self.history_button.setObjectName("history")
        self.history_button.clicked.connect(self.show_versions)
        self.revert_button = QPushButton(self.tr("&Restore county version…"))
        self.revert_button.setObjectName("revert")
        self.revert_button.clicked.connect(self.confirm_revert)
        top.addWidget(self.history_button)
        top.addWidget(self.revert_button)
        outer.addLayout(top)
        self.message = QLabel()
        self.message.setObjectName("page_message")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 820])
        outer.addWidget(splitter, 1)
        self._set_editor_enabled(False)

    # ------------------------------------------------------------ building

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("matters")
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Matter"), self.tr("Tier"),
                                              self.tr("Promised / legal"), self.tr("Status")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.difference_label = QLabel()
        self.difference_label.setObjectName("differences")
        self.difference_label.setWordWrap(True)
        self.difference_label.setStyleSheet(BANNER_STYLE)
        self.difference_label.hide()
        layout.addWidget(self.difference_label)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New matter"))
        self.new_button.setObjectName("new_matter")
        self.new_button.clicked.connect(self.new_matter)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setObjectName("remove_matter")
        self.remove_button.setToolTip(self.tr("Only matters this office added itself can be removed"))
        self.remove_button.clicked.connect(self.confirm_remove)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        prints = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print brochure"))
        self.print_button.setObjectName("print_brochure")
        self.print_button.clicked.connect(self.print_brochure)
        self.booklet_button = QPushButton(self.tr("Print &all (booklet)"))
        self.booklet_button.setObjectName("print_booklet")
        self.booklet_button.clicked.connect(self.print_booklet)
        self.trifold_button = QPushButton(self.tr("&Tri-fold"))
        self.trifold_button.setObjectName("print_trifold")
        self.trifold_button.clicked.connect(self.print_trifold)
        for button in (self.print_button, self.booklet_button, self.trifold_button):
            prints.addWidget(button)
        prints.addStretch(1)
        layout.addLayout(prints)
        return box

    def _line(self, key: str, max_length: int = 200) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(key)
        edit.setMaxLength(max_length)
        edit.textEdited.connect(self._edited)
        self.field_widgets[key] = edit
        return edit

    def _text(self, key: str, height: int = 64) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(key)
        edit.setFixedHeight(height)
        edit.textChanged.connect(self._edited)
        self.field_widgets[key] = edit
        return edit

    def _spin(self, key: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(key)
        spin.setRange(0, 999)
        spin.setSuffix(self.tr(" working days"))
        spin.setSpecialValueText(self.tr("0 (same day)"))
        spin.setMinimumWidth(150)
        spin.valueChanged.connect(self._edited)
        self.field_widgets[key] = spin
        return spin

    def _error(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{key}_error")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self.field_errors[key] = label
        return label

    def _row(self, form: QFormLayout, label: str, key: str, widget: QWidget) -> None:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(self._error(key))
        form.addRow(label, box)

    def _build_editor(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor_title = QLabel()
        self.editor_title.setObjectName("editor_title")
        self.editor_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.editor_title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editor_tabs")
        # Scrolls rather than grows: with every field's error shown it must still fit 1366×768.
        basics = QScrollArea()
        basics.setObjectName("basics_scroll")
        basics.setWidgetResizable(True)
        basics.setFrameShape(QFrame.Shape.NoFrame)
        basics.setWidget(self._build_basics())
        self.tabs.addTab(basics, self.tr("Basics"))
        self.tabs.addTab(self._build_materials(), self.tr("Materials"))
        self.tabs.addTab(self._build_steps(), self.tr("Steps and time limits"))
        self.tabs.addTab(self._build_fees(), self.tr("Fees and legal basis"))
        layout.addWidget(self.tabs, 1)

        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problems")
        self.problem_list.setMaximumHeight(90)
        self.problem_list.setStyleSheet("QListWidget { color: #b00020; }")
        self.problem_list.itemActivated.connect(lambda item: self._go_to(item.data(Qt.ItemDataRole.UserRole)))
        self.problem_list.itemClicked.connect(lambda item: self._go_to(item.data(Qt.ItemDataRole.UserRole)))
        self.problem_list.hide()
        layout.addWidget(self.problem_list)

        note_row = QHBoxLayout()
        note_label = QLabel(self.tr("Reason for the change"))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText(self.tr("e.g. county notice of 2026-11-20: promise shortened"))
        note_label.setBuddy(self.note_edit)
        note_row.addWidget(note_label)
        note_row.addWidget(self.note_edit, 1)
        layout.addLayout(note_row)
        layout.addWidget(self._error("note"))

        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Chec&k"))
        self.check_button.setObjectName("check")
        self.check_button.clicked.connect(self.check)
        self.preview_button = QPushButton(self.tr("Pre&view brochure"))
        self.preview_button.setObjectName("preview")
        self.preview_button.clicked.connect(self.preview)
        self.export_button = QPushButton(self.tr("E&xport TOML…"))
        self.export_button.setObjectName("export_toml")
        self.export_button.setToolTip(self.tr("Save this matter as a catalogue file the county can adopt"))
        self.export_button.clicked.connect(self.export_toml)
        self.discard_button = QPushButton(self.tr("&Discard changes"))
        self.discard_button.setObjectName("discard")
        self.discard_button.clicked.connect(self.discard)
        self.save_button = QPushButton(self.tr("&Save as local version"))
        self.save_button.setObjectName("save")
        self.save_button.setStyleSheet("font-weight: bold;")
        self.save_button.clicked.connect(self.save)
        for button in (self.check_button, self.preview_button, self.export_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        return box

    def _build_basics(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # spare height below the fields, not between them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.code_edit = self._line("code", 20)
        self._row(form, self.tr("Code"), "code", self.code_edit)
        self.name_edit = self._line("name", 100)
        self._row(form, self.tr("Name"), "name", self.name_edit)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("category")
        self.category_combo.setEditable(True)
        self.category_combo.addItems(["土地管理", "矿产管理", "测绘管理", "执法监察", "信访", "规划管理"])
        self.category_combo.currentTextChanged.connect(self._edited)
        self.field_widgets["category"] = self.category_combo
        self._row(form, self.tr("Category"), "category", self.category_combo)
        self.tier_combo = QComboBox()
        self.tier_combo.setObjectName("tier")
        for tier in Tier:
            self.tier_combo.addItem(tier.label, tier.value)
        self.tier_combo.currentIndexChanged.connect(self._edited)
        self.field_widgets["tier"] = self.tier_combo
        self._row(form, self.tr("Tier"), "tier", self.tier_combo)
        days = QHBoxLayout()
        self.legal_spin = self._spin("legal_days")
        self.promised_spin = self._spin("promised_days")
        days_box = QWidget()
        days_box.setLayout(days)
        days.setContentsMargins(0, 0, 0, 0)
        days.addWidget(QLabel(self.tr("legal")))
        days.addWidget(self.legal_spin)
        days.addWidget(QLabel(self.tr("promised")))
        days.addWidget(self.promised_spin)
        days.addStretch(1)
        time_box = QVBoxLayout()
        time_box.setSpacing(1)
        time_box.addWidget(days_box)
        time_box.addWidget(self._error("legal_days"))
        time_box.addWidget(self._error("promised_days"))
        form.addRow(self.tr("Time limits"), time_box)
        self.window_edit = self._line("window", 100)
        self._row(form, self.tr("Window"), "window", self.window_edit)
        phones = QHBoxLayout()
        phones.setContentsMargins(0, 0, 0, 0)
        self.consult_edit = self._line("consult_phone", 30)
        self.consult_edit.setPlaceholderText(self.tr("empty: the office's number"))
        self.complaint_edit = self._line("complaint_phone", 30)
        phones.addWidget(QLabel(self.tr("consultation")))
        phones.addWidget(self.consult_edit, 1)
        phones.addWidget(QLabel(self.tr("complaints")))
        phones.addWidget(self.complaint_edit, 1)
        phone_box = QVBoxLayout()
        phone_box.setSpacing(1)
        phone_box.addLayout(phones)
        phone_box.addWidget(self._error("consult_phone"))
        phone_box.addWidget(self._error("complaint_phone"))
        form.addRow(self.tr("Phones"), phone_box)
        self.description_edit = self._text("description", 96)
        self._row(form, self.tr("What it is"), "description", self.description_edit)
        self.applicants_edit = self._text("applicants", 80)
        self._row(form, self.tr("Who may apply"), "applicants", self.applicants_edit)
        return page

    def _table_tab(self, table: RowTable, key: str, add: Callable[[], None],
                   remove: Callable[[], None], up: Callable[[], None], down: Callable[[], None],
                   note: str = "") -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addWidget(self._error(key))
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            label.setStyleSheet(NOTE_STYLE)
            layout.addWidget(label)
        buttons = QHBoxLayout()
        for text, name, slot in ((self.tr("Add row"), f"{key}_add", add),
                                 (self.tr("Remove row"), f"{key}_remove", remove),
                                 (self.tr("Move up"), f"{key}_up", up),
                                 (self.tr("Move down"), f"{key}_down", down)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.field_widgets[key] = table
        table.itemChanged.connect(self._edited)
        return page

    def _build_materials(self) -> QWidget:
        self.materials_table = RowTable("materials_table", [
            self.tr("Code"), self.tr("Material"), self.tr("Form"), self.tr("Copies"),
            self.tr("Required"), self.tr("When needed"), self.tr("Note"), self.tr("Where to get it")])
        header = self.materials_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((50, 240, 110, 50, 60, 160, 140, 140)):
            self.materials_table.setColumnWidth(column, width)
        return self._table_tab(
            self.materials_table, "materials",
            lambda: self._add_material(MaterialDraft(code=self._next_material_code())),
            lambda: self._remove_row(self.materials_table),
            lambda: self.materials_table.move_current(-1, self._take_material, self._put_material),
            lambda: self.materials_table.move_current(1, self._take_material, self._put_material),
            self.tr("A conditional material (Required unticked) must say when it is needed."))

    def _build_steps(self) -> QWidget:
        self.steps_table = RowTable("steps_table", [self.tr("Step"), self.tr("Who"),
                                                    self.tr("Days (0 = same day)")])
        header = self.steps_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps_table.setColumnWidth(1, 140)
        self.steps_table.setColumnWidth(2, 170)
        return self._table_tab(
            self.steps_table, "steps", lambda: self._add_step(StepDraft()),
            lambda: self._remove_row(self.steps_table),
            lambda: self.steps_table.move_current(-1, self._take_step, self._put_step),
            lambda: self.steps_table.move_current(1, self._take_step, self._put_step),
            self.tr("General matters: one review, at most 1 working day per step. Important matters: "
                    "section chief ≤ 1, deputy leader ≤ 2, leader the same day. Major matters: a "
                    "collective review followed by the leader. The steps must fit the promise."))

    def _build_fees(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Legal basis (one per line)")))
        self.basis_edit = self._text("legal_basis", 90)
        layout.addWidget(self.basis_edit)
        layout.addWidget(self._error("legal_basis"))
        layout.addWidget(QLabel(self.tr("Fees (no rows: free of charge)")))
        self.fees_table = RowTable("fees_table", [self.tr("Fee"), self.tr("Amount"), self.tr("Basis")])
        self.fees_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.fees_table.setColumnWidth(0, 160)
        fees = self._table_tab(
            self.fees_table, "fees", lambda: self._add_fee(FeeDraft()),
            lambda: self._remove_row(self.fees_table),
            lambda: self.fees_table.move_current(-1, self._take_fee, self._put_fee),
            lambda: self.fees_table.move_current(1, self._take_fee, self._put_fee))
        layout.addWidget(fees, 1)
        return page

    # ------------------------------------------------------------ table rows

    def _cell(self, table: QTableWidget, row: int, column: int, text: str) -> None:
        table.setItem(row, column, QTableWidgetItem(text))

    def _put_material(self, row: int, values: list[Any]) -> None:
        m = MaterialDraft(*values)
        table = self.materials_table
        self._loading, was = True, self._loading
        for column, key in enumerate(MATERIAL_KEYS):
            if key == "form":
                combo = QComboBox()
                for form in MaterialForm:
                    combo.addItem(form.label, form.value)
                index = combo.findData(m.form)
                combo.setCurrentIndex(max(index, 0))
                combo.currentIndexChanged.connect(self._edited)
                table.setCellWidget(row, column, combo)
            elif key == "required":
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Checked if m.required else Qt.CheckState.Unchecked)
                table.setItem(row, column, item)
            else:
                self._cell(table, row, column, str(getattr(m, key)))
        self._loading = was

    def _take_material(self, row: int) -> list[Any]:
        table = self.materials_table
        values: list[Any] = []
        for column, key in enumerate(MATERIAL_KEYS):
            if key == "form":
                combo = table.cellWidget(row, column)
                values.append(combo.currentData() if isinstance(combo, QComboBox) else "")
            elif key == "required":
                item = table.item(row, column)
                values.append(item is not None and item.checkState() == Qt.CheckState.Checked)
            else:
                item = table.item(row, column)
                text = item.text() if item is not None else ""
                values.append(_int_or_text(text) if key == "copies" else text)
        return values

    def _add_material(self, material: MaterialDraft) -> None:
        row = self.materials_table.rowCount()
        self.materials_table.insertRow(row)
        self._put_material(row, [getattr(material, k) for k in MATERIAL_KEYS])
        self.materials_table.setCurrentCell(row, 1)
        self._edited()

    def _next_material_code(self) -> str:
        taken = {str(v[0]) for v in (self._take_material(r) for r in range(self.materials_table.rowCount()))}
        number = 1
        while f"M{number:02d}" in taken:
            number += 1
        return f"M{number:02d}"

    def _put_step(self, row: int, values: list[Any]) -> None:
        step = StepDraft(*values)
        table = self.steps_table
        self._loading, was = True, self._loading
        self._cell(table, row, 0, str(step.name))
        combo = QComboBox()
        for role in STEP_ROLES:
            combo.addItem(role.label, role.value)
        combo.setCurrentIndex(max(combo.findData(step.role), 0))
        combo.currentIndexChanged.connect(self._edited)
        table.setCellWidget(row, 1, combo)
        self._cell(table, row, 2, str(step.time_limit_days))
        self._loading = was

    def _take_step(self, row: int) -> list[Any]:
        table = self.steps_table
        name = table.item(row, 0)
        combo = table.cellWidget(row, 1)
        days = table.item(row, 2)
        return [name.text() if name else "",
                combo.currentData() if isinstance(combo, QComboBox) else "",
                _int_or_text(days.text() if days else "")]

    def _add_step(self, step: StepDraft) -> None:
        row = self.steps_table.rowCount()
        self.steps_table.insertRow(row)
        self._put_step(row, [step.name, step.role, step.time_limit_days])
        self.steps_table.setCurrentCell(row, 0)
        self._edited()

    def _put_fee(self, row: int, values: list[Any]) -> None:
        self._loading, was = True, self._loading
        for column, value in enumerate(values):
            self._cell(self.fees_table, row, column, str(value))
        self._loading = was

    def _take_fee(self, row: int) -> list[Any]:
        return [(item.text() if (item := self.fees_table.item(row, c)) else "") for c in range(3)]

    def _add_fee(self, fee: FeeDraft) -> None:
        row = self.fees_table.rowCount()
        self.fees_table.insertRow(row)
        self._put_fee(row, [fee.name, fee.amount, fee.basis])
        self.fees_table.setCurrentCell(row, 0)
        self._edited()

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self._edited()

    # ------------------------------------------------------------ list

    def refresh(self) -> None:
        self.runner.run(self.services.catalog_edit.overview, self._show, self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self._say(message_for(exc), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show(self, overview: CatalogOverview) -> None:
        self.overview = overview
        selected = self.selected()
        self.rows = list(overview.matters)
        current = overview.current
        text = self.tr("In use: {version} ({source})").format(version=current.version,
                                                               source=current.source_label)
        if overview.reference is not None and not current.is_reference:
            text += self.tr(" · reference: {version} ({source})").format(
                version=overview.reference.version, source=overview.reference.source_label)
        if overview.removed:
            text += self.tr(" · not offered here: {codes}").format(codes="、".join(overview.removed))
        self.version_label.setText(text)
        self.revert_button.setEnabled(overview.reference is not None and not current.is_reference)
        table = self.table
        table.setRowCount(len(self.rows))
        for index, m in enumerate(self.rows):
            status = (self.tr("Added locally") if m.local_only
                      else self.tr("Local change") if m.locally_changed else "")
            values = [m.code, m.name, m.tier.label, f"{_days(m.promised_days)} / {m.legal_days}", status]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if m.locally_changed:
                    item.setBackground(QBrush(LOCAL_BG))
                    item.setForeground(QBrush(LOCAL_FG))
                    item.setToolTip("\n".join(m.differences))
                table.setItem(index, column, item)
        code = selected.code if selected else (self.draft.code if self.draft and not self.draft.is_new else None)
        if code:
            self.select_code(code)
        self._selection_changed()

    def selected(self) -> MatterRow | None:
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.rows):
            return None
        return self.rows[row]

    def select_code(self, code: str) -> None:
        for index, m in enumerate(self.rows):
            if m.code == code:
                self.table.selectRow(index)
                return

    def _selection_changed(self) -> None:
        m = self.selected()
        self.print_button.setEnabled(m is not None)
        self.trifold_button.setEnabled(m is not None)
        self.remove_button.setEnabled(m is not None and m.local_only)
        if m is not None and m.differences:
            self.difference_label.setText(self.tr("Differs from the county's version: {list}").format(
                list="；".join(m.differences)))
            self.difference_label.show()
        else:
            self.difference_label.hide()
        if m is None or (self.draft is not None and self.draft.code == m.code and not self.draft.is_new):
            return
        if self.dirty:
            self._confirm_discard(lambda: self.open_matter(m.code))
        else:
            self.open_matter(m.code)

    def _confirm_discard(self, then: Callable[[], None]) -> None:
        name = self.draft.code if self.draft and self.draft.code else self.tr("the new matter")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("Discard the unsaved changes to {name}?").format(name=name),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirm_discard")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Discard:
                self.dirty = False
                then()
            elif self.draft is not None and not self.draft.is_new:
                self.table.blockSignals(True)
                self.select_code(self.draft.code)
                self.table.blockSignals(False)

        box.finished.connect(answered)
        self.last_dialog = box
        box.open()

    # ------------------------------------------------------------ editor

    def open_matter(self, code: str) -> None:
        edit = self.services.catalog_edit
        self.runner.run(lambda: edit.edit_draft(code), self.load_draft, self._load_failed)

    def new_matter(self) -> None:
        if self.dirty:
            self._confirm_discard(self.new_matter)
            return
        edit = self.services.catalog_edit
        self.runner.run(lambda: edit.edit_draft(None), self._new_loaded, self._load_failed)

    def _new_loaded(self, draft: MatterDraft) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.load_draft(draft)
        self.code_edit.setFocus()

    def load_draft(self, draft: MatterDraft) -> None:
        self._loading = True
        try:
            self.draft = draft
            self.code_edit.setText(draft.code)
            self.code_edit.setReadOnly(not draft.is_new)  # cases and receipts name it
            self.name_edit.setText(draft.name)
            self.category_combo.setCurrentText(draft.category)
            self.tier_combo.setCurrentIndex(max(self.tier_combo.findData(draft.tier), 0))
            self.legal_spin.setValue(int(draft.legal_days))
            self.promised_spin.setValue(int(draft.promised_days))
            self.window_edit.setText(draft.window)
            self.consult_edit.setText(draft.consult_phone)
            self.complaint_edit.setText(draft.complaint_phone)
            self.description_edit.setPlainText(draft.description)
            self.applicants_edit.setPlainText(draft.applicants)
            self.basis_edit.setPlainText("\n".join(draft.legal_basis))
            for table in (self.materials_table, self.steps_table, self.fees_table):
                table.setRowCount(0)
            for m in draft.materials:
                row = self.materials_table.rowCount()
                self.materials_table.insertRow(row)
                self._put_material(row, [getattr(m, k) for k in MATERIAL_KEYS])
            for s in draft.steps:
                row = self.steps_table.rowCount()
                self.steps_table.insertRow(row)
                self._put_step(row, [s.name, s.role, s.time_limit_days])
            for f in draft.fees:
                row = self.fees_table.rowCount()
                self.fees_table.insertRow(row)
                self._put_fee(row, [f.name, f.amount, f.basis])
        finally:
            self._loading = False
        self.dirty = False
        self.show_problems([])
        self.field_errors["note"].hide()
        title = (self.tr("New matter") if draft.is_new
                 else self.tr("Editing {code} {name}").format(code=draft.code, name=draft.name))
        self.editor_title.setText(title)
        self._set_editor_enabled(True)

    def current_draft(self) -> MatterDraft:
        """What the form shows, as a draft (values as typed: the service checks them)."""
        assert self.draft is not None
        return MatterDraft(
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            category=self.category_combo.currentText(),
            tier=str(self.tier_combo.currentData()),
            legal_days=self.legal_spin.value(),
            promised_days=self.promised_spin.value(),
            description=self.description_edit.toPlainText(),
            applicants=self.applicants_edit.toPlainText(),
            window=self.window_edit.text(),
            consult_phone=self.consult_edit.text(),
            complaint_phone=self.complaint_edit.text(),
            legal_basis=[line for line in self.basis_edit.toPlainText().splitlines() if line.strip()],
            materials=[MaterialDraft(*self._take_material(r)) for r in range(self.materials_table.rowCount())],
            fees=[FeeDraft(*self._take_fee(r)) for r in range(self.fees_table.rowCount())],
            steps=[StepDraft(*self._take_step(r)) for r in range(self.steps_table.rowCount())],
            is_new=self.draft.is_new,
            file=self.draft.file,
        )

    def _edited(self, *_args: object) -> None:
        if self._loading or self.draft is None:
            return
        if not self.dirty:
            self.dirty = True
            self.editor_title.setText(self.editor_title.text() + self.tr(" (changed, not saved)"))

    def _set_editor_enabled(self, enabled: bool) -> None:
        self.tabs.setEnabled(enabled)
        for button in (self.check_button, self.preview_button, self.export_button,
                       self.discard_button, self.save_button, self.note_edit):
            button.setEnabled(enabled)
        if not enabled:
            self.editor_title.setText(self.tr("Choose a matter on the left to edit it, or add a new one."))

    def discard(self) -> None:
        if self.draft is None:
            return
        if self.draft.is_new:
            self.dirty = False
            self.draft = None
            self._set_editor_enabled(False)
            return
        self.dirty = False
        self.open_matter(self.draft.code)

    # ------------------------------------------------------------ problems

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem next to its field (tables: the cell turns red) and all of them in a list."""
        self.problems = problems
        for label in self.field_errors.values():
            if label.objectName() != "note_error":
                label.hide()
        self._loading, was = True, self._loading  # colouring a cell is not an edit
        for table in (self.materials_table, self.steps_table, self.fees_table):
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    item = table.item(row, column)
                    if item is not None and item.background().color() == ERROR_BG:
                        item.setBackground(QBrush())
                        item.setToolTip("")
        self._loading = was
        self.problem_list.clear()
        messages: dict[str, list[str]] = {}
        for problem in problems:
            messages.setdefault(problem.field, []).append(problem.message)
        for key, texts in messages.items():
            self._mark(key, "；".join(texts))
            self.problem_list.addItem(f"{self._where(key)}：{'；'.join(texts)}")
            self.problem_list.item(self.problem_list.count() - 1).setData(Qt.ItemDataRole.UserRole, key)
        self.problem_list.setVisible(bool(problems))

    def _where(self, key: str) -> str:
        m = _TABLE_FIELD.match(key)
        if m:
            table, row = FIELD_LABELS[m.group(1)], m.group(2)
            return self.tr("{table} row {row}").format(table=table, row=row)
        base = key.split("[")[0].split(".")[0]
        return FIELD_LABELS.get(base, key)

    def _mark(self, key: str, text: str) -> None:
        m = _TABLE_FIELD.match(key)
        if m is None:
            base = key.split("[")[0].split(".")[0]
            label = self.field_errors.get(base)
            if label is not None:
                label.setText(text)
                label.show()
            return
        table_key, row, column_key = m.group(1), int(m.group(2)) - 1, m.group(3)
        table, keys = {"materials": (self.materials_table, MATERIAL_KEYS),
                       "steps": (self.steps_table, STEP_KEYS),
                       "fees": (self.fees_table, FEE_KEYS)}[table_key]
        column = keys.index(column_key) if column_key in keys else 0
        if column_key is None or column_key not in keys or row >= table.rowCount():
            label = self.field_errors[table_key]
            label.setText(self.tr("Row {row}: {text}").format(row=row + 1, text=text))
            label.show()
            return
        item = table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            table.setItem(row, column, item)
        self._loading, was = True, self._loading
        item.setBackground(QBrush(ERROR_BG))
        item.setToolTip(text)
        self._loading = was

    def _go_to(self, key: str | None) -> None:
        if not key:
            return
        m = _TABLE_FIELD.match(key)
        base = m.group(1) if m else key.split("[")[0].split(".")[0]
        tab = {"materials": 1, "steps": 2, "fees": 3, "legal_basis": 3}.get(base, 0)
        self.tabs.setCurrentIndex(tab)
        if m:
            table = {"materials": self.materials_table, "steps": self.steps_table,
                     "fees": self.fees_table}[m.group(1)]
            keys = {"materials": MATERIAL_KEYS, "steps": STEP_KEYS, "fees": FEE_KEYS}[m.group(1)]
            column = keys.index(m.group(3)) if m.group(3) in keys else 0
            table.setCurrentCell(int(m.group(2)) - 1, column)
            table.setFocus()
            return
        widget = self.field_widgets.get(base)
        if widget is not None:
            widget.setFocus()

    def check(self) -> None:
        if self.draft is None:
            return
        draft = self.current_draft()
        edit = self.services.catalog_edit
        self.runner.run(lambda: edit.validate(draft), self._checked, self._load_failed)

    def _checked(self, problems: list[Problem]) -> None:
        self.show_problems(problems)
        if problems:
            self._say(self.tr("{count} problem(s) to correct before saving.").format(count=len(problems)),
                      error=True)
            self._go_to(problems[0].field)
        else:
            self._say(self.tr("No problems found."))

    # ------------------------------------------------------------ save, revert, remove

    def save(self) -> None:
        if self.draft is None:
            return
        draft = self.current_draft()
        note = self.note_edit.text()
        self.field_errors["note"].hide()
        edit = self.services.catalog_edit
        self.save_button.setEnabled(False)
        self.runner.run(lambda: edit.save([draft], note), self._saved, self._save_failed)

    def _saved(self, version: VersionRow) -> None:
        self.save_button.setEnabled(True)
        self.dirty = False
        self.note_edit.clear()
        self.show_problems([])
        code = self.code_edit.text().strip()
        if self.draft is not None:
            self.draft.is_new = False
            self.draft.code = code
        self._say(self.tr("Saved. The catalogue in use is now {version} ({source}).").format(
            version=version.version, source=version.source_label))
        self.saved.emit(version)
        self.refresh()
        if code:
            self.open_matter(code)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, DraftProblems):
            problems = [p for found in exc.problems.values() for p in found]
            self._checked(problems)
            return
        if isinstance(exc, ValidationError) and exc.field == "note":
            label = self.field_errors["note"]
            label.setText(exc.message)
            label.show()
            self.note_edit.setFocus()
            return
        self._say(message_for(exc), error=True)

    def confirm_revert(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore county version"),
                          self.tr("Use the county's catalogue again? Local versions stay in the history "
                                  "and can be used again; cases already accepted keep their matter."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_revert")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes and self._revert())
        self.last_dialog = box
        box.open()
        return box

    def _revert(self) -> None:
        edit = self.services.catalog_edit
        self.runner.run(edit.revert_to_reference, self._version_changed, self._load_failed)

    def _version_changed(self, version: VersionRow) -> None:
        self.dirty = False
        self._say(self.tr("The catalogue in use is now {version} ({source}).").format(
            version=version.version, source=version.source_label))
        self.saved.emit(version)
        self.refresh()
        if self.draft is not None and not self.draft.is_new:
            self.open_matter(self.draft.code)

    def confirm_remove(self) -> QMessageBox | None:
        m = self.selected()
        if m is None or not m.local_only:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove matter"),
                          self.tr("Remove {code} {name} from the catalogue in use? Cases already accepted "
                                  "keep it. The reason for the change is recorded.").format(
                              code=m.code, name=m.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_remove")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes
                             and self._remove(m.code))
        self.last_dialog = box
        box.open()
        return box

    def _remove(self, code: str) -> None:
        note = self.note_edit.text() or self.tr("Removed {code}").format(code=code)
        edit = self.services.catalog_edit
        self.draft = None
        self.dirty = False
        self._set_editor_enabled(False)
        self.runner.run(lambda: edit.save([], note, removed=[code]), self._version_changed,
                        self._save_failed)

    def show_versions(self) -> VersionsDialog:
        dialog = VersionsDialog(self.services, self.runner, self)
        dialog.changed.connect(self.refresh)
        dialog.changed.connect(lambda: self.draft is not None and not self.draft.is_new
                               and self.open_matter(self.draft.code))
        self.last_dialog = dialog
        dialog.open()
        dialog.refresh()
        return dialog

    # ------------------------------------------------------------ printing

    def preview(self) -> None:
        """The brochure of the unsaved draft, as it would print."""
        if self.draft is None:
            return
        draft = self.current_draft()
        services = self.services

        def make() -> tuple[str, bytes]:
            spec: MatterSpec = services.catalog_edit.spec_from_draft(draft)
            return f"办事指南预览 {spec.code} {spec.name}", services.brochures.preview_pdf(spec)

        self.runner.run(make, self._show_pdf, self._preview_failed)

    def _preview_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DraftProblems):
            self._checked([p for found in exc.problems.values() for p in found])
            return
        show_error(self, exc, self.tr("Printing failed"))

    def print_brochure(self) -> None:
        m = self.selected()
        if m is None:
            return
        brochures = self.services.brochures
        self.runner.run(lambda: (f"办事指南 {m.code} {m.name}", brochures.matter_pdf(m.code)),
                        self._show_pdf, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def print_booklet(self) -> None:
        brochures = self.services.brochures
        self.runner.run(lambda: ("办事指南汇编", brochures.booklet_pdf()),
                        self._show_pdf, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def print_trifold(self) -> None:
        m = self.selected()
        if m is None:
            return
        brochures = self.services.brochures
        self.runner.run(lambda: (f"三折页 {m.code} {m.name}", brochures.trifold_pdf(m.code)),
                        self._show_pdf, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def _show_pdf(self, made: tuple[str, bytes]) -> None:
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

    # ------------------------------------------------------------ export

    def export_toml(self) -> None:
        if self.draft is None:
            return
        draft = self.current_draft()
        edit = self.services.catalog_edit
        self.runner.run(lambda: edit.draft_toml(draft), self._ask_path, self._preview_failed)

    def _ask_path(self, text: str) -> None:
        code = self.code_edit.text().strip().lower() or "matter"
        dialog = QFileDialog(self, self.tr("Export matter file"), f"{code}.toml",
                             self.tr("Catalogue files (*.toml)"))
        dialog.setObjectName("export_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("toml")
        dialog.fileSelected.connect(lambda path: self.write_toml(Path(path), text))
        self.last_dialog = dialog
        dialog.open()

    def write_toml(self, path: Path, text: str) -> None:
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self._say(self.tr("Could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc),
                      error=True)
            return
        self._say(self.tr("Written to {path}").format(path=path))


__all__ = ["CatalogPage", "VersionsDialog"]
