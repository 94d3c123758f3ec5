"""目标任务: yearly targets broken down by year and month (层层分解), and progress against plan.

A year picker (and at the county a township picker) above the list of the year's plans and
yearly targets with their progress; the county also sees its townships' targets added up by
name and unit. The chosen target's detail shows the month table (or, for a plan, the years):
planned, actual, cumulative, completion rate, the months that fell short in red, and a QtCharts
chart with planned and actual as bars and the cumulative figures as lines on a second axis.
Leaders create plans and yearly targets, break them down (the running total and the at-least
check shown as the figures are typed), change or cancel them; everyone prints and exports.
At the county leaders set the county's own targets and allot (下达) a yearly one to townships
(one box per township, the running total and the at-least check live); the chosen county target
shows its shares by township against what each has done. A share the county handed down is
marked 县局下达 at the township, which breaks it down by month but cannot change or cancel it.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.targets import (
    Allotment,
    CountyLine,
    Progress,
    Standing,
    TargetItem,
    TargetKind,
    TargetOffice,
    TargetsConfig,
    fmt_quantity,
    split_evenly,
)
from ui.errors import show_error
from ui.inquiry_page import STYLE as FORM_STYLE
from ui.inquiry_page import FormDialog, text_box
from ui.print_preview import PdfPreviewDialog, ask_xlsx_path, show_preview
from ui.supervision_page import fill_row, make_table, size_columns
from ui.tasks import TaskRunner

PLANNED_COLOUR = QColor("#9eb8db")
ACTUAL_COLOUR = QColor("#338c4d")
SHORT_FG = QColor("#b00020")
SHORT_BG = QColor("#fde7e7")
AHEAD_FG = QColor("#1b6e2f")
MAX_SPIN = 999999999.0


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def _decimal(spin: QDoubleSpinBox) -> Decimal:
    return Decimal(f"{spin.value():.{spin.decimals()}f}")


def _quantity_spin(decimals: int, name: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setDecimals(decimals)
    spin.setRange(0, MAX_SPIN)
    spin.setGroupSeparatorShown(False)
    spin.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("000000000.00") + 16)
    return spin


# ---------------------------------------------------------------------------- dialogs


class TargetDialog(FormDialog):
    """A new plan (several years) or a new yearly target."""

    def __init__(self, config: TargetsConfig, kind: TargetKind, this_year: int,
                 parent: QWidget | None = None) -> None:
        kind = TargetKind(kind)
        title = self.tr("New plan") if kind is TargetKind.PLAN else self.tr("New yearly target")
        super().__init__(title, parent)
        self.setStyleSheet(FORM_STYLE)
        self.config = config
        self.kind = kind
        self.set_intro(self.tr("A plan covers several years and is then broken down into yearly targets; "
                               "targets are minimums.") if kind is TargetKind.PLAN else
                       self.tr("A yearly target is broken down into months afterwards; targets are minimums."))
        self.name_combo = QComboBox()
        self.name_combo.setObjectName("name")
        self.name_combo.setEditable(True)
        self.name_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name_combo.addItem("", "")
        for suggestion in config.suggestions:
            self.name_combo.addItem(suggestion.name, suggestion.unit)
        self.name_combo.setCurrentIndex(0)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unit")
        for unit in config.units:
            self.unit_combo.addItem(unit.name, unit.name)
        self.first_spin = QSpinBox()
        self.first_spin.setObjectName("first_year")
        self.first_spin.setRange(2000, 2100)
        self.first_spin.setValue(this_year)
        self.last_spin = QSpinBox()
        self.last_spin.setObjectName("last_year")
        self.last_spin.setRange(2000, 2100)
        self.last_spin.setValue(this_year + 4)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("planned")
        self.amount_edit.setPlaceholderText(self.tr("e.g. 120 or 666.67"))
        self.area_label = QLabel()
        self.area_label.setObjectName("areaNote")
        self.area_label.setStyleSheet("color: #555;")
        amount_row = QWidget()
        amount_layout = QHBoxLayout(amount_row)
        amount_layout.setContentsMargins(0, 0, 0, 0)
        amount_layout.addWidget(self.amount_edit, 1)
        amount_layout.addWidget(self.area_label)
        self.note_edit = text_box(50)
        self.note_edit.setMaximumHeight(90)
        self.add_field("name", self.tr("&Target:"), self.name_combo)
        self.add_field("unit", self.tr("&Unit:"), self.unit_combo)
        if kind is TargetKind.PLAN:
            self.add_field("first_year", self.tr("&From year:"), self.first_spin)
            self.add_field("last_year", self.tr("&To year:"), self.last_spin)
            self.add_field("planned", self.tr("Total (at &least):"), amount_row)
        else:
            self.add_field("year", self.tr("&Year:"), self.first_spin)
            self.add_field("planned", self.tr("Amount (at &least):"), amount_row)
        self.add_field("note", self.tr("&Note:"), self.note_edit)
        self.name_combo.currentIndexChanged.connect(self._suggestion_chosen)
        self.amount_edit.textChanged.connect(self._show_area)
        self.unit_combo.currentIndexChanged.connect(self._show_area)

    def _suggestion_chosen(self, index: int) -> None:
        unit = self.name_combo.itemData(index)
        if unit:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))

    def _show_area(self) -> None:
        """The other area unit beside an area (15 亩 = 1 公顷) as it is typed."""
        try:
            value = Decimal(self.amount_edit.text().strip())
        except ArithmeticError:
            self.area_label.clear()
            return
        self.area_label.setText(self.config.area_note(value, self.unit_combo.currentText())
                                if value.is_finite() else "")

    def values(self) -> dict[str, Any]:
        return {"name": self.name_combo.currentText(), "unit": self.unit_combo.currentText(),
                "first_year": self.first_spin.value(), "last_year": self.last_spin.value(),
                "planned": self.amount_edit.text().strip(), "note": self.note_edit.toPlainText()}


class BreakdownDialog(FormDialog):
    """Break a yearly target into 12 months, or a plan into its years.

    One box per period; the running total and whether it reaches the target are shown as the
    figures are typed; “Even split” fills the boxes with the default breakdown.
    """

    def __init__(self, progress: Progress, even: list[Decimal], parent: QWidget | None = None) -> None:
        is_plan = progress.kind is TargetKind.PLAN
        super().__init__(self.tr("Break down into years") if is_plan else self.tr("Break down into months"), parent)
        self.setStyleSheet(FORM_STYLE)
        self.progress = progress
        self.even = even
        self.target_total = progress.planned
        self.decimals = progress.decimals
        self.set_intro(self.tr("{title}: target {amount} {unit}. The parts must add up to at least the target; "
                               "a part may be 0.").format(title=progress.title,
                                                          amount=progress.fmt(progress.planned), unit=progress.unit))
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.spins: list[QDoubleSpinBox] = []
        self.periods = [line.period for line in progress.lines]
        for index, line in enumerate(progress.lines):
            key = f"year_{line.period}" if is_plan else f"month_{line.period}"
            spin = _quantity_spin(self.decimals, key)
            value = line.planned if line.planned is not None else even[index]
            spin.setValue(float(value))
            caption = QLabel(self.tr("{year}:").format(year=line.period) if is_plan
                             else self.tr("Month {month}:").format(month=line.period))
            caption.setBuddy(spin)
            row, column = (index // 2, (index % 2) * 2) if not is_plan else (index, 0)
            grid.addWidget(caption, row, column)
            grid.addWidget(spin, row, column + 1)
            self.spins.append(spin)
            self.aliases[key] = "parts"
            spin.valueChanged.connect(self._update_total)
        self.add_field("parts", self.tr("Parts:"), grid_box, "months", "years")
        self.total_label = QLabel()
        self.total_label.setObjectName("runningTotal")
        self.even_button = QPushButton(self.tr("&Even split"))
        self.even_button.setObjectName("evenSplit")
        total_row = QWidget()
        total_layout = QHBoxLayout(total_row)
        total_layout.setContentsMargins(0, 0, 0, 0)
        total_layout.addWidget(self.total_label, 1)
        total_layout.addWidget(self.even_button)
        self.add_field("total", self.tr("Sum of the parts:"), total_row)
        self.even_button.clicked.connect(self.fill_even)
        self._update_total()

    def fill_even(self) -> None:
        for spin, value in zip(self.spins, self.even, strict=True):
            spin.setValue(float(value))

    def total(self) -> Decimal:
        return sum((_decimal(spin) for spin in self.spins), Decimal(0))

    def short_by(self) -> Decimal:
        return max(self.target_total - self.total(), Decimal(0))

    def _update_total(self) -> None:
        total, unit = self.total(), self.progress.unit
        short = self.short_by()
        if short > 0:
            text = self.tr("{total} {unit} — {short} {unit} short of the target {target} {unit}").format(
                total=fmt_quantity(total, self.decimals), unit=unit, short=fmt_quantity(short, self.decimals),
                target=fmt_quantity(self.target_total, self.decimals))
            self.total_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            over = total - self.target_total
            text = self.tr("{total} {unit} — reaches the target {target} {unit} (+{over})").format(
                total=fmt_quantity(total, self.decimals), unit=unit,
                target=fmt_quantity(self.target_total, self.decimals), over=fmt_quantity(over, self.decimals))
            self.total_label.setStyleSheet("color: #1b6e2f;")
        self.total_label.setText(text)
        self.ok_button.setEnabled(short == 0)

    def amounts(self) -> list[Decimal]:
        return [_decimal(spin) for spin in self.spins]


class AmountDialog(FormDialog):
    """Change a target's amount and note."""

    def __init__(self, item: TargetItem, config: TargetsConfig, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change target"), parent)
        self.setStyleSheet(FORM_STYLE)
        spec = config.unit(item.unit)
        self.set_intro(self.tr("{name} ({years}): a breakdown must still add up to at least the target.").format(
            name=item.name, years=item.years_label))
        self.amount_spin = _quantity_spin(spec.decimals if spec else 2, "planned")
        self.amount_spin.setValue(float(item.planned))
        self.note_edit = text_box(50)
        self.note_edit.setPlainText(item.note)
        self.add_field("planned", self.tr("Amount ({unit}):").format(unit=item.unit), self.amount_spin)
        self.add_field("note", self.tr("&Note:"), self.note_edit)


class AllotDialog(FormDialog):
    """下达: one box per township for its share of a county yearly target.

    The running total and whether it reaches the county target are shown as the figures are
    typed; OK stays disabled while the shares fall short. A township left at 0 gets nothing
    (a share it had is cancelled).
    """

    def __init__(self, item: TargetItem, townships: list[TargetOffice], current: dict[uuid.UUID, Decimal],
                 decimals: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Allot to townships"), parent)
        self.setStyleSheet(FORM_STYLE)
        self.item = item
        self.townships = townships
        self.decimals = decimals
        self.set_intro(self.tr("{name} ({years}): county target {amount} {unit}. The townships' shares must add up "
                               "to at least the county target; a township left at 0 gets no share.").format(
            name=item.name, years=item.years_label, amount=fmt_quantity(item.planned, decimals), unit=item.unit))
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.spins: dict[uuid.UUID, QDoubleSpinBox] = {}
        for index, office in enumerate(townships):
            spin = _quantity_spin(decimals, f"office_{office.code}")
            spin.setValue(float(current.get(office.id, Decimal(0))))
            caption = QLabel(f"{office.name}：")
            caption.setBuddy(spin)
            grid.addWidget(caption, index, 0)
            grid.addWidget(spin, index, 1)
            self.spins[office.id] = spin
            self.aliases[f"office_{office.code}"] = "shares"
            spin.valueChanged.connect(self._update_total)
        self.add_field("shares", self.tr("Shares ({unit}):").format(unit=item.unit), grid_box)
        self.total_label = QLabel()
        self.total_label.setObjectName("runningTotal")
        self.even_button = QPushButton(self.tr("&Even split"))
        self.even_button.setObjectName("evenSplit")
        total_row = QWidget()
        total_layout = QHBoxLayout(total_row)
        total_layout.setContentsMargins(0, 0, 0, 0)
        total_layout.addWidget(self.total_label, 1)
        total_layout.addWidget(self.even_button)
        self.add_field("total", self.tr("Sum of the shares:"), total_row)
        self.even_button.clicked.connect(self.fill_even)
        self.even_button.setEnabled(bool(townships))
        self._update_total()

    def fill_even(self) -> None:
        shares = split_evenly(self.item.planned, len(self.spins), self.decimals)
        for spin, value in zip(self.spins.values(), shares, strict=True):
            spin.setValue(float(value))

    def total(self) -> Decimal:
        return sum((_decimal(spin) for spin in self.spins.values()), Decimal(0))

    def short_by(self) -> Decimal:
        return max(self.item.planned - self.total(), Decimal(0))

    def _update_total(self) -> None:
        total, unit, target = self.total(), self.item.unit, self.item.planned
        short = self.short_by()
        if short > 0:
            text = self.tr("{total} {unit} — {short} {unit} short of the county target {target} {unit}").format(
                total=fmt_quantity(total, self.decimals), unit=unit, short=fmt_quantity(short, self.decimals),
                target=fmt_quantity(target, self.decimals))
            self.total_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            text = self.tr("{total} {unit} — reaches the county target {target} {unit} (+{over})").format(
                total=fmt_quantity(total, self.decimals), unit=unit, target=fmt_quantity(target, self.decimals),
                over=fmt_quantity(total - target, self.decimals))
            self.total_label.setStyleSheet("color: #1b6e2f;")
        self.total_label.setText(text)
        self.ok_button.setEnabled(short == 0)

    def shares(self) -> dict[uuid.UUID, Decimal]:
        return {office_id: _decimal(spin) for office_id, spin in self.spins.items()}


class CancelDialog(FormDialog):
    def __init__(self, item: TargetItem, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cancel target"), parent)
        self.setStyleSheet(FORM_STYLE)
        text = self.tr("{name} ({years}, {amount} {unit}) stays on record as cancelled.").format(
            name=item.name, years=item.years_label, amount=fmt_quantity(item.planned), unit=item.unit)
        if item.kind is TargetKind.PLAN:
            text += " " + self.tr("Its yearly targets are cancelled with it.")
        if item.allotted:
            text += " " + self.tr("The townships' shares are cancelled with it.")
        self.set_intro(text)
        self.reason_edit = text_box(60)
        self.add_field("reason", self.tr("&Why:"), self.reason_edit)


# ---------------------------------------------------------------------------- the page


class TargetsPage(QWidget):
    statusChanged = Signal(str)

    LIST_TAB, COUNTY_TAB = 0, 1

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.targets = services.targets
        self.runner = runner
        self.rows: list[Progress] = []
        self.county_lines: list[CountyLine] = []
        self.shown: Progress | None = None
        self.is_county = False
        self.editable = False
        self.own_office: uuid.UUID | None = None
        self.last_dialog: FormDialog | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self._filters_loaded = False
        self._wanted: uuid.UUID | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        bar = QHBoxLayout()
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year_combo)
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.office_combo.setMinimumContentsLength(12)
        self.office_label = QLabel(self.tr("&Township:"))
        self.office_label.setBuddy(self.office_combo)
        self.cancelled_check = QCheckBox(self.tr("Show &cancelled"))
        self.cancelled_check.setObjectName("showCancelled")
        for widget in (year_label, self.year_combo, self.office_label, self.office_combo, self.cancelled_check):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.plan_button = QPushButton(self.tr("New &plan…"))
        self.plan_button.setObjectName("newPlan")
        self.yearly_button = QPushButton(self.tr("New yearly &target…"))
        self.yearly_button.setObjectName("newYearly")
        self.breakdown_button = QPushButton(self.tr("&Break down…"))
        self.breakdown_button.setObjectName("breakDown")
        self.change_button = QPushButton(self.tr("C&hange…"))
        self.change_button.setObjectName("change")
        self.cancel_button = QPushButton(self.tr("Ca&ncel target…"))
        self.cancel_button.setObjectName("cancelTarget")
        self.allot_button = QPushButton(self.tr("&Allot to townships…"))
        self.allot_button.setObjectName("allot")
        self.preview_button = QPushButton(self.tr("&Print preview…"))
        self.preview_button.setObjectName("printPreview")
        self.excel_button = QPushButton(self.tr("E&xport to Excel…"))
        self.excel_button.setObjectName("exportExcel")
        self.edit_buttons = (self.plan_button, self.yearly_button, self.breakdown_button, self.change_button,
                             self.cancel_button)
        outer.addLayout(bar)
        # The actions on a row of their own: at the county there are eight of them, more than
        # fit beside the filters on a 1366-pixel screen.
        actions = QHBoxLayout()
        for button in (*self.edit_buttons, self.allot_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.excel_button)
        outer.addLayout(actions)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("views")
        self.list_table = make_table("targets", [
            self.tr("Township"), self.tr("Target"), self.tr("Kind"), self.tr("Years"), self.tr("Target amount"),
            self.tr("Done"), self.tr("% of target"), self.tr("Should be done by today"), self.tr("Progress")], 1)
        size_columns(self.list_table, {0: "东关镇自然资源所", 2: self.tr("Allotted to townships"), 3: "2026—2030 年",
                                       4: "3333.33 公顷", 5: "0000.00", 6: "100.0%", 7: "0000.00",
                                       8: self.tr("Far behind")})
        self.tabs.addTab(self.list_table, self.tr("Targets"))
        self.county_table = make_table("countyTotals", [
            self.tr("Target"), self.tr("Unit"), self.tr("Townships"), self.tr("Target amount"), self.tr("Done"),
            self.tr("% of target")], 0)
        size_columns(self.county_table, {1: "公顷", 2: "000", 3: "0000000.00", 4: "0000000.00", 5: "100.0%"})
        self.county_index = self.tabs.addTab(self.county_table, self.tr("County totals"))

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        self.title_label = QLabel()
        self.title_label.setObjectName("title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_layout.addWidget(self.title_label)
        detail_layout.addWidget(self.summary_label)
        # A county target handed down: its shares by township against what each has done.
        self.allotment_label = QLabel(self.tr("Allotted to townships"))
        self.allotment_label.setObjectName("allotmentTitle")
        self.allotment_table = make_table("allotment", [
            self.tr("Township"), self.tr("Share"), self.tr("Done"), self.tr("% of share"),
            self.tr("Should be done by today"), self.tr("Ahead (+) / behind (−)"), self.tr("Months"),
            self.tr("Progress")], 0)
        size_columns(self.allotment_table, {0: "东关镇自然资源所（合计）", 1: "0000.00", 2: "0000.00", 3: "100.0%",
                                            4: "0000.00", 5: "+0000.00", 6: self.tr("Not broken down"),
                                            7: self.tr("Far behind")})
        detail_layout.addWidget(self.allotment_label)
        detail_layout.addWidget(self.allotment_table)
        self.period_table = make_table("periods", [
            self.tr("Period"), self.tr("Planned"), self.tr("Done"), self.tr("Cumulative planned"),
            self.tr("Cumulative done"), self.tr("Completion rate"), self.tr("% of target"), self.tr("Status")], 7)
        size_columns(self.period_table, {0: self.tr("Month {month}").format(month=12), 1: "00000.00", 2: "00000.00",
                                         3: "00000.00", 4: "00000.00", 5: "100.0%", 6: "100.0%",
                                         7: self.tr("Not yet due")})
        self.chart = QChart()
        self.chart.setObjectName("progressChart")
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("chartView")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.period_table)
        lower.addWidget(self.chart_view)
        lower.setStretchFactor(0, 0)
        lower.setStretchFactor(1, 1)
        # The table as wide as its columns; the chart takes the rest.
        lower.setSizes([self.period_table.horizontalHeader().length() + 4, 700])
        detail_layout.addWidget(lower, 1)
        hint = QLabel(self.tr("Done = progress reported on the target's task packages (not cancelled), in the month "
                              "it counts in. Should be done by today = the months passed plus this month's share "
                              "by days. Completion rate = cumulative done ÷ cumulative planned."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        detail_layout.addWidget(hint)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        outer.addWidget(splitter, 1)

        self.year_combo.activated.connect(lambda _i: self.load())
        self.office_combo.activated.connect(lambda _i: self.load())
        self.cancelled_check.toggled.connect(lambda _c: self.load())
        self.list_table.itemSelectionChanged.connect(self._list_selected)
        self.county_table.itemSelectionChanged.connect(self._county_selected)
        self.plan_button.clicked.connect(lambda: self.open_target_dialog(TargetKind.PLAN))
        self.yearly_button.clicked.connect(lambda: self.open_target_dialog(TargetKind.YEARLY))
        self.breakdown_button.clicked.connect(lambda: self.open_breakdown_dialog())
        self.change_button.clicked.connect(lambda: self.open_change_dialog())
        self.cancel_button.clicked.connect(lambda: self.open_cancel_dialog())
        self.allot_button.clicked.connect(lambda: self.open_allot_dialog())
        self.preview_button.clicked.connect(lambda: self.print_preview())
        self.excel_button.clicked.connect(lambda: self.export_excel())
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.load)
        self._set_county(False, False)
        self._update_buttons()

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Called when the page is shown: fill the pickers once, then the list."""
        if self._filters_loaded:
            self.load()
            return
        targets = self.targets

        def fetch() -> tuple[list[int], list[TargetOffice], bool, bool]:
            return targets.years(), targets.offices(), targets.is_county(), targets.may_edit()

        self.runner.run(fetch, self._filters_fetched, lambda exc: show_error(self, exc))

    def _filters_fetched(self, found: tuple[list[int], list[TargetOffice], bool, bool]) -> None:
        years, offices, county, editable = found
        this_year = self.services.ctx.today().year
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(this_year), 0))
        self.office_combo.clear()
        if county:
            self.office_combo.addItem(self.tr("All townships"), None)
            for office in offices:
                self.office_combo.addItem(f"{office.name}（{office.code}）", str(office.id))
        own = [o for o in offices if o.is_county] if county else offices[:1]
        self.own_office = own[0].id if own else None
        self._set_county(county, editable)
        self._filters_loaded = True
        self.load()

    def _set_county(self, county: bool, editable: bool) -> None:
        self.is_county = county
        self.editable = editable
        self.office_label.setVisible(county)
        self.office_combo.setVisible(county)
        self.tabs.setTabVisible(self.county_index, county)
        self.list_table.setColumnHidden(0, not county)
        for button in self.edit_buttons:
            button.setVisible(self.editable)
        # At the county the new targets are the county's own; only the county allots.
        self.plan_button.setText(self.tr("New county &plan…") if county else self.tr("New &plan…"))
        self.yearly_button.setText(self.tr("New county yearly &target…") if county
                                   else self.tr("New yearly &target…"))
        self.allot_button.setVisible(self.editable and county)

    def year(self) -> int:
        value = self.year_combo.currentData()
        return int(value) if value is not None else self.services.ctx.today().year

    def chosen_office(self) -> uuid.UUID | None:
        data = self.office_combo.currentData()
        return uuid.UUID(data) if data else None

    def set_year(self, year: int) -> None:
        """Choose a year as a person would in the picker, and reload."""
        index = self.year_combo.findData(year)
        if index < 0:
            self.year_combo.addItem(str(year), year)
            index = self.year_combo.count() - 1
        self.year_combo.setCurrentIndex(index)
        self.load()

    def set_office(self, office_id: uuid.UUID | None) -> None:
        self.office_combo.setCurrentIndex(max(self.office_combo.findData(str(office_id) if office_id else None), 0))
        self.load()

    def load(self) -> None:
        targets, year, office = self.targets, self.year(), self.chosen_office()
        cancelled, county = self.cancelled_check.isChecked(), self.is_county
        self.statusChanged.emit(self.tr("Loading the targets of {year}…").format(year=year))

        def fetch() -> tuple[list[Progress], list[CountyLine]]:
            rows = targets.overview(year, office, include_cancelled=cancelled)
            return rows, targets.county_summary(year) if county else []

        self.runner.run(fetch, self._loaded, lambda exc: show_error(self, exc))

    def _loaded(self, found: tuple[list[Progress], list[CountyLine]]) -> None:
        self.rows, self.county_lines = found
        keep = self._wanted or (self.selected_item().id if self.selected_item() else None)
        self._wanted = None
        table = self.list_table
        table.blockSignals(True)
        table.setRowCount(0)
        table.setRowCount(len(self.rows))
        for row, progress in enumerate(self.rows):
            item = progress.target
            assert item is not None
            name = item.name + (self.tr(" (cancelled)") if item.cancelled else "")
            if item.kind is TargetKind.PLAN:
                kind = self.tr("Plan")
            elif item.county_issued:
                kind = self.tr("Issued by the county")
            elif item.allotted:
                kind = self.tr("Allotted to townships")
            else:
                kind = self.tr("Year of a plan") if item.parent_id else self.tr("Yearly target")
            texts = [item.office.name, name, kind, item.years_label,
                     f"{progress.fmt(item.planned)} {item.unit}", progress.fmt(progress.actual),
                     percent_text(progress.percent_of_total), progress.fmt(progress.planned_to_date),
                     self.standing_text(progress.standing)]
            tips = {1: item.cancel_reason} if item.cancelled else {}
            if item.county_issued:
                tips[2] = self.tr("Issued by the county: the amount is set by the county; break it down by month "
                                  "and link task packages to it here.")
            if progress.area_note:  # 公顷 ↔ 亩 beside an area
                tips[4] = f"{progress.fmt(item.planned)} {item.unit}{progress.area_note}"
            fill_row(table, row, texts, item.id, None, tips)
            for column in range(4, 8):
                table.item(row, column).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            colour = self.standing_colour(progress.standing)
            if colour is not None:
                table.item(row, 8).setForeground(colour)
            if item.cancelled:
                for column in range(table.columnCount()):
                    cell = table.item(row, column)
                    font = cell.font()
                    font.setStrikeOut(True)
                    cell.setFont(font)
                    cell.setForeground(QColor("#777777"))
        table.blockSignals(False)
        self._fill_county()
        self.statusChanged.emit("")
        found_row = next((r for r, p in enumerate(self.rows) if p.target and p.target.id == keep), None)
        if found_row is None and self.rows:
            found_row = 0
        if found_row is not None:
            table.setCurrentCell(found_row, 1)
            self._list_selected()
        else:
            self.show_progress(None)

    def _fill_county(self) -> None:
        table = self.county_table
        table.blockSignals(True)
        table.setRowCount(0)
        table.setRowCount(len(self.county_lines))
        for row, line in enumerate(self.county_lines):
            texts = [line.name, line.unit, str(line.offices), fmt_quantity(line.planned, line.decimals),
                     fmt_quantity(line.actual, line.decimals), percent_text(line.percent)]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if column >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, cell)
        table.blockSignals(False)

    def standing_text(self, standing: Standing) -> str:
        return {
            Standing.NOT_STARTED: self.tr("Not started"), Standing.AHEAD: self.tr("On track or ahead"),
            Standing.BEHIND: self.tr("Behind"), Standing.FAR_BEHIND: self.tr("Far behind"),
            Standing.MET: self.tr("Reached"), Standing.MISSED: self.tr("Missed"),
            Standing.NO_PLAN: self.tr("Nothing planned"),
        }[standing]

    @staticmethod
    def standing_colour(standing: Standing) -> QColor | None:
        if standing in (Standing.BEHIND, Standing.FAR_BEHIND, Standing.MISSED):
            return SHORT_FG
        if standing in (Standing.AHEAD, Standing.MET):
            return AHEAD_FG
        return None

    # ------------------------------------------------------------ the chosen target

    def selected_item(self) -> TargetItem | None:
        row = self.list_table.currentRow()
        if self.tabs.currentIndex() != self.LIST_TAB or not 0 <= row < len(self.rows):
            return None
        return self.rows[row].target

    def select_target(self, target_id: uuid.UUID) -> None:
        self.tabs.setCurrentIndex(self.LIST_TAB)
        for row, progress in enumerate(self.rows):
            if progress.target and progress.target.id == target_id:
                self.list_table.setCurrentCell(row, 1)
                self._list_selected()
                return

    def _list_selected(self) -> None:
        row = self.list_table.currentRow()
        self.show_progress(self.rows[row] if 0 <= row < len(self.rows) else None)

    def _county_selected(self) -> None:
        row = self.county_table.currentRow()
        if not 0 <= row < len(self.county_lines):
            return
        line = self.county_lines[row]
        targets = self.targets
        self.runner.run(lambda: targets.county_progress(line.name, line.unit, line.year), self.show_progress,
                        lambda exc: show_error(self, exc))

    def show_progress(self, progress: Progress | None) -> None:
        self.shown = progress
        self._update_buttons()
        if progress is None:
            self._fill_allotment(None)
            self.title_label.setText(self.tr("No targets for this year yet.") if not self.rows else "")
            self.summary_label.clear()
            self.period_table.setRowCount(0)
            self.chart.removeAllSeries()
            for axis in self.chart.axes():
                self.chart.removeAxis(axis)
            return
        self.title_label.setText(progress.title)
        self._fill_allotment(progress.allotment)
        self.summary_label.setText(self.summary_text(progress))
        self.summary_label.setStyleSheet("color: #b00020;" if self.standing_colour(progress.standing) == SHORT_FG
                                         else "")
        self._fill_periods(progress)
        self._fill_chart(progress)

    def _fill_allotment(self, allotment: Allotment | None) -> None:
        shown = allotment is not None and bool(allotment.lines)
        self.allotment_label.setVisible(shown)
        self.allotment_table.setVisible(shown)
        table = self.allotment_table
        table.setRowCount(0)
        if allotment is None or not shown:
            return
        table.setRowCount(len(allotment.lines) + 2)
        for row, line in enumerate(allotment.lines):
            texts = [line.office.name, allotment.fmt(line.planned), allotment.fmt(line.actual),
                     percent_text(line.percent), allotment.fmt(line.planned_to_date), _signed(line.gap, allotment),
                     self.tr("Broken down") if line.broken_down else self.tr("Not broken down"),
                     self.standing_text(line.standing)]
            fill_row(table, row, texts, line.target_id, None)
            colour = self.standing_colour(line.standing)
            if colour is not None:
                table.item(row, 7).setForeground(colour)
                table.item(row, 5).setForeground(colour)
        total_row, county_row = len(allotment.lines), len(allotment.lines) + 1
        fill_row(table, total_row, [self.tr("Townships together"), allotment.fmt(allotment.allotted),
                                    allotment.fmt(allotment.actual),
                                    percent_text(_percent(allotment.actual, allotment.allotted)),
                                    allotment.fmt(allotment.planned_to_date),
                                    _signed(allotment.actual - allotment.planned_to_date, allotment), "", ""],
                 allotment.target.id, None)
        fill_row(table, county_row, [self.tr("County target"), allotment.fmt(allotment.planned),
                                     allotment.fmt(allotment.actual), percent_text(allotment.percent), "", "", "", ""],
                 allotment.target.id, None)
        for row in (total_row, county_row):
            for column in range(table.columnCount()):
                cell = table.item(row, column)
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
        for row in range(table.rowCount()):
            for column in range(1, 6):
                table.item(row, column).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # As tall as its rows (up to ten), so the month table below keeps its room.
        shown_rows = min(table.rowCount(), 10)
        table.setFixedHeight(table.horizontalHeader().height() + 2 * table.frameWidth() + 2
                             + sum(table.rowHeight(r) for r in range(shown_rows)))

    def summary_text(self, progress: Progress) -> str:
        parts = [self.tr("Target {amount} {unit}{area}; done {done} {unit} ({percent} of the target).").format(
            amount=progress.fmt(progress.planned), unit=progress.unit, area=progress.area_note,
            done=progress.fmt(progress.actual), percent=percent_text(progress.percent_of_total))]
        if progress.standing in (Standing.AHEAD, Standing.BEHIND, Standing.FAR_BEHIND):
            parts.append(self.tr("By today {due} {unit} should be done: {standing} by {gap} {unit}.").format(
                due=progress.fmt(progress.planned_to_date), unit=progress.unit,
                standing=self.tr("ahead") if progress.gap >= 0 else self.tr("behind"),
                gap=progress.fmt(abs(progress.gap))))
        parts.append(self.tr("Progress: {standing}.").format(standing=self.standing_text(progress.standing)))
        if progress.short_periods:
            # The labels are Chinese (“4月”, “2025年”) in either language, so is their separator.
            labels = "、".join(line.label for line in progress.lines if line.short)
            parts.append(self.tr("Fell short: {periods}.").format(periods=labels))
        target = progress.target
        if progress.allotment is not None and progress.allotment.lines:
            parts.append(self.tr("Allotted to {count} townships, {total} {unit} together.").format(
                count=len(progress.allotment.lines), total=progress.allotment.fmt(progress.allotment.allotted),
                unit=progress.unit))
        elif progress.breakdown_total is None:
            parts.append(self.tr("Not broken down yet."))
        elif progress.shortfall > 0:
            parts.append(self.tr("The breakdown is {short} {unit} short of the target.").format(
                short=progress.fmt(progress.shortfall), unit=progress.unit))
        if progress.uncounted_reports:
            parts.append(self.tr("{count} progress reports in another unit were not counted.").format(
                count=progress.uncounted_reports))
        if target is not None and target.county_issued:
            parts.append(self.tr("Issued by the county."))
        if target is not None and target.cancelled:
            parts.append(self.tr("Cancelled: {reason}").format(reason=target.cancel_reason))
        return " ".join(parts)

    def state_text(self, progress: Progress, index: int) -> str:
        line = progress.lines[index]
        if line.planned is None:
            return self.tr("Not broken down")
        if line.ended:
            return self.tr("Fell short") if line.short else self.tr("Done")
        is_current = index == 0 or progress.lines[index - 1].ended
        return self.tr("Under way") if is_current and line.started else self.tr("Not yet due")

    def _fill_periods(self, progress: Progress) -> None:
        table = self.period_table
        header = table.horizontalHeaderItem(0)
        header.setText(self.tr("Year") if progress.kind is TargetKind.PLAN else self.tr("Month"))
        table.setRowCount(0)
        table.setRowCount(len(progress.lines) + 1)
        for row, line in enumerate(progress.lines):
            label = str(line.period) if progress.kind is TargetKind.PLAN else self.tr("Month {month}").format(
                month=line.period)
            texts = [label, progress.fmt(line.planned), progress.fmt(line.actual) if line.started else "—",
                     progress.fmt(line.cum_planned), progress.fmt(line.cum_actual) if line.started else "—",
                     percent_text(line.rate), percent_text(line.share_of_total), self.state_text(progress, row)]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if 0 < column < 7:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if line.short:
                    cell.setBackground(SHORT_BG)
                    if column in (2, 7):
                        cell.setForeground(SHORT_FG)
                table.setItem(row, column, cell)
        total_row = len(progress.lines)
        texts = [self.tr("Total"), progress.fmt(progress.breakdown_total), progress.fmt(progress.actual), "", "",
                 "", percent_text(progress.percent_of_total), ""]
        for column, text in enumerate(texts):
            cell = QTableWidgetItem(text)
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
            if 0 < column < 7:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(total_row, column, cell)

    def _fill_chart(self, progress: Progress) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        is_plan = progress.kind is TargetKind.PLAN
        title = (self.tr("Planned and done per year ({unit})") if is_plan
                 else self.tr("Planned and done per month ({unit})"))
        chart.setTitle(title.format(unit=progress.unit))
        labels = [str(line.period) for line in progress.lines]
        planned = QBarSet(self.tr("Planned"))
        planned.setColor(PLANNED_COLOUR)
        done = QBarSet(self.tr("Done"))
        done.setColor(ACTUAL_COLOUR)
        for line in progress.lines:
            planned.append(float(line.planned or 0))
            done.append(float(line.actual))
        bars = QBarSeries()
        bars.append(planned)
        bars.append(done)
        chart.addSeries(bars)
        periods = QBarCategoryAxis()
        periods.append(labels)
        per_period = QValueAxis()
        per_period.setLabelFormat("%.0f")
        top = max([float(line.planned or 0) for line in progress.lines]
                  + [float(line.actual) for line in progress.lines] + [1.0])
        per_period.setRange(0, top * 1.1)
        per_period.applyNiceNumbers()
        cumulative = QValueAxis()
        cumulative.setLabelFormat("%.0f")
        cumulative.setTitleText(self.tr("Cumulative"))
        cum_top = max([float(line.cum_planned or 0) for line in progress.lines]
                      + [float(line.cum_actual) for line in progress.lines] + [float(progress.planned), 1.0])
        cumulative.setRange(0, cum_top * 1.05)
        cumulative.applyNiceNumbers()
        chart.addAxis(periods, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(per_period, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(cumulative, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(periods)
        bars.attachAxis(per_period)
        for name, colour, values in (
                (self.tr("Cumulative planned"), PLANNED_COLOUR.darker(130),
                 [line.cum_planned for line in progress.lines]),
                (self.tr("Cumulative done"), ACTUAL_COLOUR.darker(120),
                 [line.cum_actual if line.started else None for line in progress.lines])):
            series = QLineSeries()
            series.setName(name)
            pen = QPen(colour)
            pen.setWidthF(2.2)
            series.setPen(pen)
            series.setPointsVisible(True)
            for index, value in enumerate(values):
                if value is not None:
                    series.append(index, float(value))
            if series.count() == 0:
                continue
            chart.addSeries(series)
            series.attachAxis(periods)
            series.attachAxis(cumulative)

    # ------------------------------------------------------------ actions

    def _update_buttons(self) -> None:
        item = self.shown.target if self.shown is not None else None
        # Only the office's own targets change here; a share from the county is only broken down.
        own = item is not None and not item.cancelled and item.office.id == self.own_office
        self.breakdown_button.setEnabled(self.editable and own)
        self.change_button.setEnabled(self.editable and own and item is not None and not item.county_issued)
        self.cancel_button.setEnabled(self.editable and own and item is not None and not item.county_issued)
        self.allot_button.setEnabled(self.editable and self.is_county and own and item is not None
                                     and item.kind is TargetKind.YEARLY)
        if item is not None and item.county_issued:
            tip = self.tr("Issued by the county: only the county changes or cancels it.")
        else:
            tip = ""
        self.change_button.setToolTip(tip)
        self.cancel_button.setToolTip(tip)
        self.preview_button.setEnabled(self.shown is not None)
        self.excel_button.setEnabled(self.shown is not None)

    def _after_change(self, target_id: uuid.UUID | None) -> None:
        self._wanted = target_id
        years = self.targets.years()
        current = self.year()
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(current), 0))
        self.load()

    def open_target_dialog(self, kind: TargetKind) -> TargetDialog:
        dialog = TargetDialog(self.targets.config(), kind, self.year(), self)
        targets = self.targets

        def perform() -> TargetItem:
            v = dialog.values()
            if kind is TargetKind.PLAN:
                return targets.create_plan(v["name"], v["unit"], v["first_year"], v["last_year"], v["planned"],
                                           v["note"])
            return targets.create_yearly(v["name"], v["unit"], v["first_year"], v["planned"], v["note"])

        dialog.bind(self.runner, perform)
        dialog.accepted.connect(lambda: self._after_change(dialog.outcome.id if dialog.outcome else None))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_breakdown_dialog(self) -> BreakdownDialog | None:
        progress = self.shown
        item = progress.target if progress is not None else None
        if (progress is None or item is None or item.cancelled or not self.editable
                or item.office.id != self.own_office):
            return None
        targets = self.targets
        is_plan = item.kind is TargetKind.PLAN
        even = list(targets.even_years(item.id).values()) if is_plan else targets.even_months(item.id)
        dialog = BreakdownDialog(progress, even, self)

        def perform() -> Progress:
            amounts = dialog.amounts()
            if is_plan:
                return targets.break_down_plan(item.id, dict(zip(dialog.periods, amounts, strict=True)))
            return targets.set_months(item.id, amounts)

        dialog.bind(self.runner, perform)
        dialog.accepted.connect(lambda: self._after_change(item.id))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_change_dialog(self) -> AmountDialog | None:
        item = self.shown.target if self.shown is not None else None
        if (item is None or item.cancelled or not self.editable or item.office.id != self.own_office
                or item.county_issued):
            return None
        dialog = AmountDialog(item, self.targets.config(), self)
        targets = self.targets
        dialog.bind(self.runner, lambda: targets.update(item.id, _decimal(dialog.amount_spin),
                                                        dialog.note_edit.toPlainText()))
        dialog.accepted.connect(lambda: self._after_change(item.id))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_allot_dialog(self) -> AllotDialog | None:
        """下达: the chosen county yearly target shared out to the townships."""
        progress = self.shown
        item = progress.target if progress is not None else None
        if (progress is None or item is None or item.cancelled or not self.editable or not self.is_county
                or item.office.id != self.own_office or item.kind is not TargetKind.YEARLY):
            return None
        targets = self.targets
        current = {line.office.id: line.planned for line in progress.allotment.lines} if progress.allotment else {}
        dialog = AllotDialog(item, targets.townships(), current, progress.decimals, self)
        dialog.bind(self.runner, lambda: targets.allot(item.id, dialog.shares()))
        dialog.accepted.connect(lambda: self._after_change(item.id))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_cancel_dialog(self) -> CancelDialog | None:
        item = self.shown.target if self.shown is not None else None
        if (item is None or item.cancelled or not self.editable or item.office.id != self.own_office
                or item.county_issued):
            return None
        dialog = CancelDialog(item, self)
        targets = self.targets
        dialog.bind(self.runner, lambda: targets.cancel(item.id, dialog.reason_edit.toPlainText()))
        dialog.accepted.connect(lambda: self._after_change(None))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _file_name(self, suffix: str) -> str:
        progress = self.shown
        assert progress is not None
        years = (f"{progress.first_year}-{progress.last_year}" if progress.kind is TargetKind.PLAN
                 else str(progress.first_year))
        return f"{progress.scope}-{years}-{progress.name}-目标任务完成情况{suffix}".replace(" ", "")

    def print_preview(self) -> None:
        progress = self.shown
        if progress is None:
            return

        def make() -> tuple[str, bytes]:
            from app.printing.target_docs import target_progress_pdf

            return progress.title, target_progress_pdf(progress)

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def _preview(self, made: tuple[str, bytes]) -> None:
        title, pdf = made
        show_preview(self, title, pdf, self._file_name(".pdf"))

    def export_excel(self, path: Path | None = None) -> None:
        progress = self.shown
        if progress is None:
            return
        if path is None:
            path = ask_xlsx_path(self, self.tr("Export to Excel"), self._file_name(".xlsx"))
            if path is None:
                return
        elif path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        target = path

        def write() -> Path:
            from app.reports.targets_excel import write_targets_excel

            return write_targets_excel(progress, target)

        self.runner.run(write, lambda p: self.statusChanged.emit(self.tr("Saved {path}").format(path=p)),
                        lambda exc: show_error(self, exc))


def _percent(part: Decimal, whole: Decimal) -> Decimal | None:
    return (part * 100 / whole).quantize(Decimal("0.1")) if whole > 0 else None


def _signed(value: Decimal, allotment: Allotment) -> str:
    """``+2``, ``-49``: ahead of or behind what should be done by today."""
    text = allotment.fmt(value)
    return f"+{text}" if value > 0 else text


__all__ = ["AllotDialog", "AmountDialog", "BreakdownDialog", "CancelDialog", "TargetDialog", "TargetsPage"]
