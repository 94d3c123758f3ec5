"""考核: the year-end 1000-point assessment of an office.

A township sees its own self-assessment; the county picks a township and also sees every
township ranked side by side. The items tree shows each category and item with its full
points and the points got (computed ones marked 自动计算); leaders enter deductions, bonuses
and vetoes in a dialog whose problems appear at the fields; the result panel shows the total,
the percentage, the outcome under seed 004's thresholds, the pay coefficient and a veto in red.
"""

from __future__ import annotations

import uuid
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.assessment import EntryKind, Method, fmt_points
from app.services import Services
from app.services.assessment import AssessedOffice, EntryItem, OfficeAssessment, Ranking
from ui.errors import show_error
from ui.inquiry_page import STYLE as FORM_STYLE
from ui.inquiry_page import FormDialog, local_time, text_box
from ui.print_preview import PdfPreviewDialog, ask_xlsx_path, show_preview
from ui.supervision_page import fill_row, make_table, size_columns
from ui.tasks import TaskRunner

RED = QColor("#b00020")
COMPUTED_COLOUR = QColor("#1a5fb4")
GROUP_BG = QColor("#eeeeee")


def percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP)}%"


class EntryDialog(FormDialog):
    """Enter a deduction on an item, a bonus, a deduction off the total, or a veto."""

    def __init__(self, data: OfficeAssessment, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Enter an assessment score"), parent)
        self.setStyleSheet(FORM_STYLE)
        self.data = data
        scheme = data.scheme
        self.set_intro(self.tr("{office}, {year}: a deduction needs its reason; a veto needs the facts "
                               "and their basis.").format(office=data.office.name, year=data.year))
        self.item_combo = QComboBox()
        self.item_combo.setObjectName("item_code")
        self.item_combo.setMinimumContentsLength(28)
        self.kinds: dict[str, EntryKind] = {}
        for _category, item in scheme.items():
            if item.method is Method.ENTERED:
                self._add_choice(item.code, self.tr("Deduct · {code} {name} (≤ {points})").format(
                    code=item.code, name=item.name, points=fmt_points(item.points)), EntryKind.ITEM)
        for rule in scheme.bonuses:
            self._add_choice(rule.code, self.tr("Bonus · {code} {name} (≤ {points})").format(
                code=rule.code, name=rule.name, points=fmt_points(rule.max)), EntryKind.BONUS)
        for rule in scheme.deductions:
            self._add_choice(rule.code, self.tr("Deduction off the total · {code} {name} (≤ {points})").format(
                code=rule.code, name=rule.name, points=fmt_points(rule.max)), EntryKind.DEDUCTION)
        for veto in scheme.vetoes:
            self._add_choice(veto.code, self.tr("Veto · {code} {name}").format(code=veto.code, name=veto.name),
                             EntryKind.VETO)
        self.points_edit = QLineEdit()
        self.points_edit.setPlaceholderText(self.tr("e.g. 2 or 0.5"))
        self.note_edit = text_box(70)
        self.evidence_edit = QLineEdit()
        self.evidence_edit.setPlaceholderText(self.tr("document number, record book page …"))
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("evidenceFile")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_layout.addWidget(self.file_edit, 1)
        file_layout.addWidget(browse)
        self.add_field("item_code", self.tr("&Item:"), self.item_combo)
        self.add_field("points", self.tr("&Points:"), self.points_edit)
        self.add_field("note", self.tr("&Reason:"), self.note_edit)
        self.add_field("evidence", self.tr("&Evidence:"), self.evidence_edit)
        self.add_field("evidence_file", self.tr("Evidence &file:"), file_row)
        self.item_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _add_choice(self, code: str, text: str, kind: EntryKind) -> None:
        self.item_combo.addItem(text, code)
        self.kinds[code] = kind

    def choose(self, code: str) -> None:
        self.item_combo.setCurrentIndex(self.item_combo.findData(code))

    def _kind_changed(self) -> None:
        is_veto = self.kinds.get(self.item_combo.currentData()) is EntryKind.VETO
        self.points_edit.setEnabled(not is_veto)
        if is_veto:
            self.points_edit.clear()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Evidence file"))
        if path:
            self.file_edit.setText(path)

    def values(self) -> dict[str, Any]:
        file_text = self.file_edit.text().strip()
        return {
            "item_code": str(self.item_combo.currentData() or ""),
            "points": self.points_edit.text().strip() or "0",
            "note": self.note_edit.toPlainText(),
            "evidence": self.evidence_edit.text(),
            "evidence_file": Path(file_text) if file_text else None,
        }


class WithdrawDialog(FormDialog):
    def __init__(self, entry: EntryItem, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Withdraw an entry"), parent)
        self.setStyleSheet(FORM_STYLE)
        self.set_intro(self.tr("{code} {name}: {points} points — {note}").format(
            code=entry.item_code, name=entry.item_name, points=fmt_points(entry.points), note=entry.note))
        self.reason_edit = text_box(60)
        self.add_field("reason", self.tr("&Why:"), self.reason_edit)


class AssessmentPage(QWidget):
    statusChanged = Signal(str)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.assessment = services.assessment
        self.runner = runner
        self.data: OfficeAssessment | None = None
        self.ranking: Ranking | None = None
        self.offices: list[AssessedOffice] = []
        self.is_county = False
        self.last_dialog: FormDialog | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self._filters_loaded = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        bar = QHBoxLayout()
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year_combo)
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.office_combo.setMinimumContentsLength(14)
        self.office_label = QLabel(self.tr("&Office:"))
        self.office_label.setBuddy(self.office_combo)
        self.enter_button = QPushButton(self.tr("&Enter score…"))
        self.enter_button.setObjectName("enter")
        self.print_button = QPushButton(self.tr("&Print score sheet…"))
        self.print_button.setObjectName("printSheet")
        self.rank_print_button = QPushButton(self.tr("Print &ranking…"))
        self.rank_print_button.setObjectName("printRanking")
        self.rank_excel_button = QPushButton(self.tr("Ranking to E&xcel…"))
        self.rank_excel_button.setObjectName("exportRanking")
        for widget in (year_label, self.year_combo, self.office_label, self.office_combo):
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.enter_button, self.print_button, self.rank_print_button, self.rank_excel_button):
            bar.addWidget(button)
        outer.addLayout(bar)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("views")
        sheet = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setObjectName("items")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Full"), self.tr("Points"), self.tr("Scored by"),
                                   self.tr("Details")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        metrics = self.tree.fontMetrics()
        # Room for the longest item name after the tree's indentation and expander.
        self.tree.setColumnWidth(0, metrics.horizontalAdvance("ZF-01 动态巡查与违法用地早发现早制止") + 70)
        for column in (1, 2):
            self.tree.setColumnWidth(column, metrics.horizontalAdvance("00000.00") + 16)
        self.tree.setColumnWidth(3, metrics.horizontalAdvance(self.tr("Computed automatically")) + 20)
        sheet.addWidget(self.tree)
        entries_box = QWidget()
        entries_layout = QVBoxLayout(entries_box)
        entries_layout.setContentsMargins(0, 4, 0, 0)
        entries_head = QHBoxLayout()
        entries_head.addWidget(QLabel(self.tr("Entries this year (withdrawn ones struck through):")))
        entries_head.addStretch(1)
        self.withdraw_button = QPushButton(self.tr("&Withdraw entry…"))
        self.withdraw_button.setObjectName("withdraw")
        entries_head.addWidget(self.withdraw_button)
        entries_layout.addLayout(entries_head)
        self.entries_table = make_table("entries", [
            self.tr("Entered at"), self.tr("Code"), self.tr("Item"), self.tr("Kind"), self.tr("Points"),
            self.tr("Reason"), self.tr("Evidence"), self.tr("Entered by")], 5)
        size_columns(self.entries_table, {0: "2026-11-23 10:00", 1: "ZW-01", 2: "耕地保护目标责任落实",
                                          3: "一票否决", 4: "000.00", 6: "县局〔2026〕12号", 7: "王晓梅（县局）"})
        entries_layout.addWidget(self.entries_table)
        sheet.addWidget(entries_box)
        sheet.setStretchFactor(0, 3)
        sheet.setStretchFactor(1, 1)

        sheet_tab = QWidget()
        sheet_layout = QHBoxLayout(sheet_tab)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_layout.addWidget(sheet, 1)
        sheet_layout.addWidget(self._result_panel())
        self.tabs.addTab(sheet_tab, self.tr("Score sheet"))
        self.ranking_table = make_table("ranking", self._ranking_headers([]), 2)
        self.ranking_index = self.tabs.addTab(self.ranking_table, self.tr("Ranking of townships"))
        outer.addWidget(self.tabs, 1)

        self.year_combo.activated.connect(lambda _i: self.load())
        self.office_combo.activated.connect(lambda _i: self.load())
        self.enter_button.clicked.connect(lambda: self.open_entry_dialog())
        self.withdraw_button.clicked.connect(lambda: self.open_withdraw_dialog())
        self.print_button.clicked.connect(lambda: self.print_sheet())
        self.rank_print_button.clicked.connect(lambda: self.print_ranking())
        self.rank_excel_button.clicked.connect(lambda: self.export_ranking())
        self.ranking_table.cellActivated.connect(lambda row, _c: self.open_ranked(row))
        self.tree.itemActivated.connect(lambda item, _c: self._tree_activated(item))
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.load)
        self._set_county(False)

    def _result_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Assessment result"))
        box.setObjectName("result")
        form = QFormLayout(box)
        self.base_label = QLabel()
        self.bonus_label = QLabel()
        self.deduction_label = QLabel()
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.total_label.setFont(font)
        self.percent_label = QLabel()
        self.percent_label.setObjectName("percentage")
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("outcome")
        self.outcome_label.setWordWrap(True)
        self.pay_label = QLabel()
        self.pay_label.setObjectName("pay")
        self.veto_label = QLabel()
        self.veto_label.setObjectName("veto")
        self.veto_label.setWordWrap(True)
        form.addRow(self.tr("Items:"), self.base_label)
        form.addRow(self.tr("Bonus:"), self.bonus_label)
        form.addRow(self.tr("Deductions:"), self.deduction_label)
        form.addRow(self.tr("Total:"), self.total_label)
        form.addRow(self.tr("Percentage:"), self.percent_label)
        form.addRow(self.tr("Pay coefficient:"), self.pay_label)
        form.addRow(self.tr("Veto:"), self.veto_label)
        form.addRow(self.tr("Outcome:"), self.outcome_label)
        hint = QLabel(self.tr("Below 95%: no awards. Below 90%: the head is not recommended for promotion. "
                              "Each percentage point below 95 cuts the assessment pay by 1%."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow(hint)
        box.setMinimumWidth(self.fontMetrics().horizontalAdvance("考核工资系数：一票否决：不得评先评优") + 40)
        return box

    def _set_county(self, county: bool) -> None:
        self.is_county = county
        for widget in (self.office_label, self.office_combo, self.rank_print_button, self.rank_excel_button):
            widget.setVisible(county)
        self.tabs.setTabVisible(self.ranking_index, county)

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Called when the page is shown: fill the pickers once, then the office's result."""
        if self._filters_loaded:
            self.load()
            return
        assessment = self.assessment

        def fetch() -> tuple[list[int], list[AssessedOffice], bool]:
            return assessment.years(), assessment.offices(), assessment.is_county()

        self.runner.run(fetch, self._filters_fetched, lambda exc: show_error(self, exc))

    def _filters_fetched(self, found: tuple[list[int], list[AssessedOffice], bool]) -> None:
        years, offices, county = found
        self.offices = offices
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        self.office_combo.clear()
        for office in offices:
            self.office_combo.addItem(f"{office.name}（{office.code}）", str(office.id))
        self._set_county(county)
        self._filters_loaded = True
        self.load()

    def year(self) -> int:
        value = self.year_combo.currentData()
        return int(value) if value is not None else self.services.ctx.today().year

    def chosen_office(self) -> uuid.UUID | None:
        value = self.office_combo.currentData()
        return uuid.UUID(value) if value else None

    def set_filter(self, year: int | None = None, office_id: uuid.UUID | None = None) -> None:
        if year is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(year))
        if office_id is not None:
            self.office_combo.setCurrentIndex(self.office_combo.findData(str(office_id)))
        self.load()

    def load(self) -> None:
        assessment, year, office, county = self.assessment, self.year(), self.chosen_office(), self.is_county
        if county and office is None:
            self._show_nothing()
            return

        # Who may enter is asked on every load: another person may have signed in at the idle lock.
        def fetch() -> tuple[OfficeAssessment, Ranking | None, bool]:
            return (assessment.assess(year, office), assessment.ranking(year) if county else None,
                    assessment.may_enter())

        self.runner.run(fetch, self._show, lambda exc: show_error(self, exc))

    def _show_nothing(self) -> None:
        self.data = None
        self.tree.clear()
        self.entries_table.setRowCount(0)
        self.total_label.setText("—")
        self.outcome_label.setText(self.tr("No township has sent its data to the county yet."))
        for button in (self.enter_button, self.print_button, self.withdraw_button):
            button.setEnabled(False)

    def _show(self, found: tuple[OfficeAssessment, Ranking | None, bool]) -> None:
        data, ranking, may_enter = found
        self.data = data
        self.ranking = ranking
        self.print_button.setEnabled(True)
        self.enter_button.setEnabled(may_enter)
        self.withdraw_button.setEnabled(may_enter)
        self._fill_tree(data)
        self._fill_entries(data)
        self._fill_result(data)
        if ranking is not None:
            self._fill_ranking(ranking)
        self.statusChanged.emit(self.tr("{office} {year}: {total} points").format(
            office=data.office.name, year=data.year, total=fmt_points(data.result.total)))

    def _fill_tree(self, data: OfficeAssessment) -> None:
        result = data.result
        self.tree.clear()
        for cat in result.categories:
            top = QTreeWidgetItem([f"{cat.category.code} {cat.category.name}", fmt_points(cat.category.points),
                                   fmt_points(cat.got), "", ""])
            self._group_look(top)
            for item in cat.items:
                scored_by = self.tr("Computed automatically") if item.computed else self.tr("Entered")
                child = QTreeWidgetItem([f"{item.item.code} {item.item.name}", fmt_points(item.item.points),
                                         fmt_points(item.got), scored_by, item.detail])
                child.setData(0, Qt.ItemDataRole.UserRole, item.item.code)
                child.setToolTip(0, item.item.standard)
                child.setToolTip(4, item.detail)
                if item.computed:
                    child.setForeground(3, COMPUTED_COLOUR)
                if item.deducted:
                    child.setForeground(2, RED)
                self._align(child)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        scheme = result.scheme
        rules = [(self.tr("Bonus (at most {cap} in all)").format(cap=fmt_points(scheme.bonus_cap)),
                  scheme.bonuses, result.bonuses, result.bonus),
                 (self.tr("Deductions off the total"), scheme.deductions, result.deductions, result.deduction)]
        for title, scheme_rules, found, sum_points in rules:
            top = QTreeWidgetItem([title, "", fmt_points(sum_points), "", ""])
            self._group_look(top)
            got = {r.rule.code: r for r in found}
            for rule in scheme_rules:
                hit = got.get(rule.code)
                child = QTreeWidgetItem([f"{rule.code} {rule.name}", fmt_points(rule.max),
                                         fmt_points(hit.points) if hit else "—", self.tr("Entered"),
                                         "；".join(hit.notes) if hit else ""])
                child.setData(0, Qt.ItemDataRole.UserRole, rule.code)
                child.setToolTip(0, rule.standard)
                self._align(child)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(bool(found))
        triggered = {v.veto.code: v for v in result.vetoes}
        top = QTreeWidgetItem([self.tr("Veto items"), "", "", "", ""])
        self._group_look(top)
        for veto in scheme.vetoes:
            hit = triggered.get(veto.code)
            child = QTreeWidgetItem([f"{veto.code} {veto.name}", "", "", self.tr("Entered"),
                                     self.tr("VETO: {notes}").format(notes="；".join(hit.notes)) if hit
                                     else self.tr("Not triggered")])
            child.setData(0, Qt.ItemDataRole.UserRole, veto.code)
            child.setToolTip(0, veto.standard)
            if hit:
                for column in range(5):
                    child.setForeground(column, RED)
            top.addChild(child)
        self.tree.addTopLevelItem(top)
        top.setExpanded(bool(triggered))

    def _group_look(self, item: QTreeWidgetItem) -> None:
        font = item.font(0)
        font.setBold(True)
        for column in range(5):
            item.setFont(column, font)
            item.setBackground(column, GROUP_BG)
        self._align(item)

    @staticmethod
    def _align(item: QTreeWidgetItem) -> None:
        for column in (1, 2):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _fill_entries(self, data: OfficeAssessment) -> None:
        table = self.entries_table
        table.setRowCount(0)
        table.setRowCount(len(data.entries))
        for row, entry in enumerate(reversed(data.entries)):
            by = entry.entered_by + (self.tr(" (county)") if entry.by_county else "")
            evidence = entry.evidence + (f"（{entry.evidence_file}）" if entry.evidence_file else "")
            fill_row(table, row, [local_time(entry.entered_at), entry.item_code, entry.item_name, entry.kind.label,
                                  fmt_points(entry.points), entry.note, evidence, by], entry.id, None,
                     {5: entry.note, 6: evidence})
            if entry.withdrawn:
                for column in range(table.columnCount()):
                    cell = table.item(row, column)
                    font = cell.font()
                    font.setStrikeOut(True)
                    cell.setFont(font)
                    cell.setForeground(QColor("#777777"))
                    cell.setToolTip(self.tr("Withdrawn: {reason}").format(reason=entry.withdraw_reason))
            elif entry.kind is EntryKind.VETO:
                for column in range(table.columnCount()):
                    table.item(row, column).setForeground(RED)

    def _fill_result(self, data: OfficeAssessment) -> None:
        result = data.result
        v = result.verdict
        self.base_label.setText(fmt_points(result.base))
        self.bonus_label.setText(f"+{fmt_points(result.bonus)}")
        self.deduction_label.setText(f"−{fmt_points(result.deduction)}")
        self.total_label.setText(fmt_points(result.total))
        self.percent_label.setText(percent(v.percentage))
        self.pay_label.setText(percent(v.pay_coefficient * 100))
        if v.vetoed:
            self.veto_label.setText(self.tr("Triggered: {items}").format(items="、".join(r.veto.name for r in result.vetoes)))
            self.veto_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.veto_label.setText(self.tr("None"))
            self.veto_label.setStyleSheet("")
        if v.vetoed:
            outcome = self.tr("Vetoed: no awards, the head is not recommended")
        else:
            outcome = "; ".join([
                self.tr("eligible for awards") if v.awards_eligible else self.tr("not eligible for awards"),
                self.tr("head may be recommended") if v.head_recommended else self.tr("head not recommended")])
        self.outcome_label.setText(outcome)
        bad = v.vetoed or not v.awards_eligible
        self.outcome_label.setStyleSheet("color: #b00020;" if bad else "color: #1b5e20;")

    def _ranking_headers(self, categories: list[str]) -> list[str]:
        return [self.tr("Rank"), self.tr("Code"), self.tr("Office"), *categories, self.tr("Bonus"),
                self.tr("Deductions"), self.tr("Score"), self.tr("Percentage"), self.tr("Veto"),
                self.tr("Awards"), self.tr("Head recommended"), self.tr("Pay coefficient")]

    def _fill_ranking(self, ranking: Ranking) -> None:
        table = self.ranking_table
        # Two-line headers (name, then full points) keep the table within a 1366-pixel screen.
        categories = [f"{c.name}\n（{fmt_points(c.points)}）" for c in ranking.scheme.categories]
        headers = self._ranking_headers(categories)
        if table.columnCount() != len(headers):
            table.setColumnCount(len(headers))
            table.setHorizontalHeaderLabels(headers)
            samples = {0: "000", 1: "370702101"}
            samples.update({3 + i: c.name for i, c in enumerate(ranking.scheme.categories)})
            samples.update({len(headers) - 8 + i: text for i, text in enumerate(
                ["+00.0", "−00.0", "0000.00", "100.00%", self.tr("VETO"), self.tr("eligible"), self.tr("yes"),
                 "100.00%"])})
            size_columns(table, samples)
            table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setRowCount(0)
        table.setRowCount(len(ranking.lines))
        for row, line in enumerate(ranking.lines):
            r = line.result
            v = r.verdict
            texts = [str(line.rank), line.office.code, line.office.name, *(fmt_points(c.got) for c in r.categories),
                     fmt_points(r.bonus), fmt_points(r.deduction), fmt_points(r.total),
                     percent(v.percentage), self.tr("VETO") if v.vetoed else "",
                     self.tr("eligible") if v.awards_eligible else self.tr("no"),
                     self.tr("yes") if v.head_recommended else self.tr("not recommended"),
                     percent(v.pay_coefficient * 100)]
            fill_row(table, row, texts, line.office.id, None)
            for column in range(3, len(texts)):
                table.item(row, column).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if v.vetoed or not v.awards_eligible:
                for column in range(table.columnCount()):
                    table.item(row, column).setForeground(RED)

    # ------------------------------------------------------------ actions

    def open_entry_dialog(self, code: str | None = None) -> EntryDialog | None:
        data = self.data
        if data is None:
            return None
        dialog = EntryDialog(data, self)
        if code:
            dialog.choose(code)
        assessment = self.assessment

        def perform() -> EntryItem:
            values = dialog.values()
            return assessment.enter(data.office.id, data.year, values["item_code"], values["points"],
                                    values["note"], values["evidence"], values["evidence_file"])

        dialog.bind(self.runner, perform)
        dialog.accepted.connect(self.load)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _tree_activated(self, item: QTreeWidgetItem) -> None:
        code = item.data(0, Qt.ItemDataRole.UserRole)
        if code and self.enter_button.isEnabled():
            self.open_entry_dialog(str(code))

    def selected_entry(self) -> EntryItem | None:
        if self.data is None:
            return None
        row = self.entries_table.currentRow()
        cell = self.entries_table.item(row, 0) if row >= 0 else None
        key = cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None
        return next((e for e in self.data.entries if str(e.id) == key), None)

    def open_withdraw_dialog(self) -> WithdrawDialog | None:
        entry = self.selected_entry()
        if entry is None or entry.withdrawn:
            return None
        dialog = WithdrawDialog(entry, self)
        assessment = self.assessment
        box = dialog.reason_edit
        if not isinstance(box, QPlainTextEdit):  # pragma: no cover - always a text box
            return None
        dialog.bind(self.runner, lambda: assessment.withdraw(entry.id, box.toPlainText()))
        dialog.accepted.connect(self.load)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_ranked(self, row: int) -> None:
        cell = self.ranking_table.item(row, 0)
        if cell is None:
            return
        self.tabs.setCurrentIndex(0)
        self.set_filter(office_id=uuid.UUID(cell.data(Qt.ItemDataRole.UserRole)))

    def print_sheet(self) -> None:
        data = self.data
        if data is None:
            return

        def make() -> tuple[str, bytes]:
            from app.printing.assessment_doc import render_score_sheet

            return f"{data.office.name} {data.year}年度考核评分表", render_score_sheet(data)

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def print_ranking(self) -> None:
        ranking = self.ranking
        if ranking is None:
            return

        def make() -> tuple[str, bytes]:
            from app.printing.assessment_doc import render_ranking

            return f"{ranking.year}年度千分制考核排名", render_ranking(ranking)

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def _preview(self, made: tuple[str, bytes]) -> None:
        show_preview(self, *made)

    def export_ranking(self, path: Path | None = None) -> None:
        ranking = self.ranking
        if ranking is None:
            return
        if path is None:
            path = ask_xlsx_path(self, self.tr("Export ranking"), f"{ranking.year}年度千分制考核排名.xlsx")
            if path is None:
                return
        elif path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        target = path

        def write() -> Path:
            from app.printing.assessment_doc import write_ranking_xlsx

            return write_ranking_xlsx(ranking, target)

        self.runner.run(write, lambda p: self.statusChanged.emit(self.tr("Saved {path}").format(path=p)),
                        lambda exc: show_error(self, exc))


__all__ = ["AssessmentPage", "EntryDialog", "WithdrawDialog"]
