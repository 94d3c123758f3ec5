"""县局汇总: the county bureau's consolidated view of every township's cases.

Filters (year, months, township) above three tables — by township, by township
and matter, by month. Double-click or Enter on a township opens its case list;
on a case, its transfer history. The table exports to Excel on the worker
thread. Only a county office sees this page (the main window asks the service);
the service refuses township offices anyway.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.county import (
    CaseCounts,
    CaseHistory,
    CaseScope,
    CountyCaseRow,
    CountyReport,
    ReportPeriod,
    TownshipItem,
)
from ui.errors import show_error
from ui.inquiry_page import local_time
from ui.supervision_page import OVERDUE_BG, OVERDUE_FG, fill_row, make_table, size_columns
from ui.tasks import TaskRunner

OVERDUE_COLOURS = (OVERDUE_FG, OVERDUE_BG)
GOOD_COLOUR = QColor("#1b5e20")


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def count_texts(counts: CaseCounts) -> list[str]:
    return [str(counts.received), str(counts.accepted), str(counts.completed), str(counts.on_time),
            str(counts.completed_late), str(counts.open), str(counts.open_overdue), str(counts.overdue),
            rate_text(counts.on_time_rate)]


def day_text(moment: object) -> str:
    return "" if moment is None else str(moment)


class CountyPage(QWidget):
    statusChanged = Signal(str)
    exported = Signal(str)  # the path of the written workbook

    OVERDUE_COLUMN = 7  # among the count columns: 超期合计

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.county = services.county
        self.runner = runner
        self.report: CountyReport | None = None
        self.townships: list[TownshipItem] = []
        self.last_dialog: QDialog | None = None
        self.last_message: QMessageBox | None = None
        self._filters_loaded = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        bar = QHBoxLayout()
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        self.first_month = QComboBox()
        self.first_month.setObjectName("firstMonth")
        self.last_month = QComboBox()
        self.last_month.setObjectName("lastMonth")
        for month in range(1, 13):
            text = self.tr("{month}").format(month=month)
            self.first_month.addItem(text, month)
            self.last_month.addItem(text, month)
        self.last_month.setCurrentIndex(11)
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.office_combo.setMinimumContentsLength(12)
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year_combo)
        months_label = QLabel(self.tr("&Months:"))
        months_label.setBuddy(self.first_month)
        office_label = QLabel(self.tr("&Township:"))
        office_label.setBuddy(self.office_combo)
        bar.addWidget(year_label)
        bar.addWidget(self.year_combo)
        bar.addWidget(months_label)
        bar.addWidget(self.first_month)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.last_month)
        bar.addWidget(office_label)
        bar.addWidget(self.office_combo, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh")
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.setObjectName("exportExcel")
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        outer.addLayout(bar)

        counts = [self.tr("Received"), self.tr("Accepted"), self.tr("Completed"), self.tr("On time"),
                  self.tr("Completed late"), self.tr("Still open"), self.tr("Open overdue"),
                  self.tr("Overdue total"), self.tr("On-time rate")]
        samples = {i: "0000000" for i in range(len(counts))}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("views")
        self.office_table = make_table("byOffice", [self.tr("Code"), self.tr("Township"), *counts], 1)
        size_columns(self.office_table, {0: "370702101", **{i + 2: t for i, t in samples.items()}})
        self.matter_table = make_table("byMatter", [self.tr("Township"), self.tr("Matter code"),
                                                    self.tr("Matter"), *counts], 2)
        size_columns(self.matter_table, {0: "示例镇自然资源所", 1: "TD-000",
                                         **{i + 3: t for i, t in samples.items()}})
        self.month_table = make_table("byMonth", [self.tr("Township"), self.tr("Month"), *counts], 0)
        size_columns(self.month_table, {1: "2026-11", **{i + 2: t for i, t in samples.items()}})
        self.tabs.addTab(self.office_table, self.tr("By township"))
        self.tabs.addTab(self.matter_table, self.tr("By township and matter"))
        self.tabs.addTab(self.month_table, self.tr("By month"))
        outer.addWidget(self.tabs, 1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        outer.addWidget(self.summary_label)
        hint = QLabel(self.tr("Counts cover the cases received in the chosen months (Beijing time). "
                              "Double-click or press Enter on a township to see its cases."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        outer.addWidget(hint)

        self.refresh_button.clicked.connect(self.load)
        self.export_button.clicked.connect(lambda: self.export_excel())
        for combo in (self.year_combo, self.first_month, self.last_month, self.office_combo):
            combo.activated.connect(lambda _i: self.load())
        self.office_table.cellActivated.connect(lambda row, _c: self.open_township(row))
        self.matter_table.cellActivated.connect(lambda row, _c: self.open_matter(row))
        self.month_table.cellActivated.connect(lambda row, _c: self.open_month_township(row))
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.load)

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Called when the page is shown: fill the filters once, then the tables."""
        if self._filters_loaded:
            self.load()
            return
        county = self.county

        def fetch() -> tuple[list[int], list[TownshipItem]]:
            return county.years(), county.townships()

        self.runner.run(fetch, self._filters_fetched, lambda exc: show_error(self, exc))

    def _filters_fetched(self, found: tuple[list[int], list[TownshipItem]]) -> None:
        years, townships = found
        self.townships = townships
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(self.tr("{year}").format(year=year), year)
        self.office_combo.clear()
        self.office_combo.addItem(self.tr("All townships"), None)
        for township in townships:
            self.office_combo.addItem(f"{township.name}（{township.code}）", str(township.id))
        self._filters_loaded = True
        self.load()

    def period(self) -> ReportPeriod:
        year = self.year_combo.currentData()
        return ReportPeriod(int(year) if year is not None else self.services.ctx.today().year,
                            int(self.first_month.currentData()), int(self.last_month.currentData()))

    def chosen_office(self) -> uuid.UUID | None:
        value = self.office_combo.currentData()
        return uuid.UUID(value) if value else None

    def set_filter(self, year: int | None = None, first_month: int | None = None,
                   last_month: int | None = None, office_id: uuid.UUID | None = None) -> None:
        """Choose filters (as a person would in the combo boxes) and reload."""
        if year is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(year))
        if first_month is not None:
            self.first_month.setCurrentIndex(first_month - 1)
        if last_month is not None:
            self.last_month.setCurrentIndex(last_month - 1)
        self.office_combo.setCurrentIndex(self.office_combo.findData(str(office_id) if office_id else None))
        self.load()

    def load(self) -> None:
        county, office = self.county, self.chosen_office()
        try:
            period = self.period()
        except ValueError:
            return
        self.runner.run(lambda: county.report(period, office), self._show_report,
                        lambda exc: show_error(self, exc))

    def _show_report(self, report: CountyReport) -> None:
        self.report = report
        self._fill(self.office_table,
                   [([line.office.code, line.office.name], line.counts, line.office.id)
                    for line in report.by_office], report.totals, 2)
        self._fill(self.matter_table,
                   [([line.office.name, line.matter_code, line.matter_name], line.counts, line.office.id)
                    for line in report.by_matter], report.totals, 3)
        self._fill(self.month_table,
                   [([line.office.name, f"{line.year}-{line.month:02d}"], line.counts, line.office.id)
                    for line in report.by_month], report.totals, 2)
        t = report.totals
        self.summary_label.setText(self.tr(
            "{period}: {received} received, {accepted} accepted, {completed} completed "
            "({rate} on time), {open} open of which {overdue} overdue; as of {today}.").format(
            period=report.period.label, received=t.received, accepted=t.accepted, completed=t.completed,
            rate=rate_text(t.on_time_rate), open=t.open, overdue=t.open_overdue,
            today=report.today.isoformat()))

    def _fill(self, table: QTableWidget, lines: Sequence[tuple[list[str], CaseCounts, uuid.UUID]],
              totals: CaseCounts, keys: int) -> None:
        table.setRowCount(0)
        table.setRowCount(len(lines) + 1)
        overdue_column = keys + self.OVERDUE_COLUMN
        for row, (texts, counts, key) in enumerate(lines):
            fill_row(table, row, [*texts, *count_texts(counts)], key, None)
            if counts.overdue:
                cell = table.item(row, overdue_column)
                cell.setForeground(OVERDUE_FG)
                cell.setBackground(OVERDUE_BG)
        total_row = len(lines)
        fill_row(table, total_row, [self.tr("Total"), *[""] * (keys - 1), *count_texts(totals)],
                 uuid.UUID(int=0), None)
        for column in range(table.columnCount()):
            item = table.item(total_row, column)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            item.setData(Qt.ItemDataRole.UserRole, None)  # the totals row has no drill-down
        for column in range(keys, table.columnCount()):
            for row in range(table.rowCount()):
                table.item(row, column).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if lines:
            table.setCurrentCell(0, 0)

    # ------------------------------------------------------------ drill-down

    def _row_office(self, table: QTableWidget, row: int) -> TownshipItem | None:
        item = table.item(row, 0)
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not key:
            return None
        return next((t for t in self.townships if str(t.id) == key), None)

    def open_township(self, row: int | None = None, matter_code: str | None = None,
                      table: QTableWidget | None = None,
                      period: ReportPeriod | None = None) -> TownshipCasesDialog | None:
        table = table or self.office_table
        if row is None:
            row = table.currentRow()
        township = self._row_office(table, row)
        if township is None:
            return None
        dialog = TownshipCasesDialog(self.services, self.runner, township, period or self.period(),
                                     matter_code, self)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def open_matter(self, row: int) -> TownshipCasesDialog | None:
        code = self.matter_table.item(row, 1)
        return self.open_township(row, code.text() if code is not None and code.text() else None,
                                  self.matter_table)

    def open_month_township(self, row: int) -> TownshipCasesDialog | None:
        """A township × month row: that township's cases received in that month."""
        cell = self.month_table.item(row, 1)
        period = None
        if cell is not None and "-" in cell.text():
            year, month = (int(part) for part in cell.text().split("-"))
            period = ReportPeriod(year, month, month)
        return self.open_township(row, table=self.month_table, period=period)

    # ------------------------------------------------------------ Excel

    def export_excel(self, path: Path | None = None) -> None:
        """Ask where (unless given), then write the workbook on the worker thread."""
        if path is None:
            suggested = f"县局汇总-{self.period().label}.xlsx"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), suggested,
                                                    self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        from app.reports.excel import write_county_report

        county, office, period = self.county, self.chosen_office(), self.period()
        self.export_button.setEnabled(False)
        self.statusChanged.emit(self.tr("Writing {path}…").format(path=path))

        def work() -> Path:
            return write_county_report(county.report(period, office), path)

        def done(written: Path) -> None:
            self.export_button.setEnabled(True)
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Exported"),
                              self.tr("The summary was saved to:\n{path}").format(path=written),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("exportDone")
            box.open()
            self.last_message = box
            self.exported.emit(str(written))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            show_error(self, exc)

        self.runner.run(work, done, failed)


class TownshipCasesDialog(QDialog):
    """One township's cases in the period; Enter on a case shows its transfer history."""

    SCOPES = (CaseScope.ALL, CaseScope.OPEN, CaseScope.OVERDUE, CaseScope.COMPLETED)

    def __init__(self, services: Services, runner: TaskRunner, township: TownshipItem,
                 period: ReportPeriod, matter_code: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.township = township
        self.period = period
        self.matter_code = matter_code
        self.rows: list[CountyCaseRow] = []
        self.history_dialog: CaseHistoryDialog | None = None
        title = self.tr("{township} — cases received {period}").format(township=township.name,
                                                                      period=period.label)
        if matter_code:
            title += f" · {matter_code}"
        self.setWindowTitle(title)
        self.resize(1200, 620)
        column = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("scope")
        labels = {CaseScope.ALL: self.tr("All cases"), CaseScope.OPEN: self.tr("Open"),
                  CaseScope.OVERDUE: self.tr("Overdue (open or completed late)"),
                  CaseScope.COMPLETED: self.tr("Completed")}
        for scope in self.SCOPES:
            self.scope_combo.addItem(labels[scope], scope.value)
        show = QLabel(self.tr("Sho&w:"))
        show.setBuddy(self.scope_combo)
        bar.addWidget(show)
        bar.addWidget(self.scope_combo)
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        bar.addWidget(self.count_label)
        column.addLayout(bar)
        headers = [self.tr("Case no."), self.tr("Applicant"), self.tr("Matter"), self.tr("Status"),
                   self.tr("Accepted"), self.tr("Due"), self.tr("Completed"), self.tr("On time")]
        self.table = make_table("cases", headers, 2)
        size_columns(self.table, {0: "3707021012026000000", 1: "示例县恒达建材有限公司", 3: "已受理（暂停）",
                                  4: "2026-11-23 10:00", 5: "2026-11-23", 6: "2026-11-23 10:00",
                                  7: self.tr("Late")})
        column.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.history_button = buttons.addButton(self.tr("Transfer &history…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.history_button.setObjectName("history")
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.table.cellActivated.connect(lambda row, _c: self.open_history(row))
        self.history_button.clicked.connect(lambda: self.open_history())
        self.load()

    def load(self) -> None:
        county, scope = self.services.county, CaseScope(self.scope_combo.currentData())
        office, period, matter = self.township.id, self.period, self.matter_code
        self.runner.run(lambda: county.township_cases(office, period, scope, matter), self._show,
                        lambda exc: show_error(self, exc))

    def _show(self, rows: list[CountyCaseRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, r in enumerate(rows):
            status = r.status.label + (self.tr(" (paused)") if r.paused else "")
            on_time = "" if r.on_time is None else (self.tr("Yes") if r.on_time else self.tr("Late"))
            fill_row(self.table, index,
                     [r.number, r.applicant_name, r.matter_name, status, local_time(r.accepted_at),
                      day_text(r.due_date), local_time(r.completed_at), on_time],
                     r.id, OVERDUE_COLOURS if r.overdue else None)
        self.count_label.setText(self.tr("{count} case(s)").format(count=len(rows)))
        if rows:
            self.table.setCurrentCell(0, 0)
            self.table.setFocus()

    def open_history(self, row: int | None = None) -> CaseHistoryDialog | None:
        if row is None:
            row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return None
        county, case_id = self.services.county, self.rows[row].id

        def opened(history: CaseHistory) -> None:
            dialog = CaseHistoryDialog(history, self)
            dialog.open()
            self.history_dialog = dialog

        self.runner.run(lambda: county.transfer_history(case_id), opened, lambda exc: show_error(self, exc))
        return self.history_dialog


class CaseHistoryDialog(QDialog):
    """A case's transfer slip rows as the county holds them; late steps in red."""

    def __init__(self, history: CaseHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.setWindowTitle(self.tr("Transfer history of {number}").format(number=history.number))
        self.resize(1200, 480)
        column = QVBoxLayout(self)
        head = QLabel(self.tr("{office} · {applicant} · {matter} · {status} · accepted {accepted} · "
                              "due {due} · completed {completed} {result}").format(
            office=history.office.name, applicant=history.applicant_name, matter=history.matter_name,
            status=history.status.label, accepted=local_time(history.accepted_at) or "—",
            due=day_text(history.due_date) or "—", completed=local_time(history.completed_at) or "—",
            result=history.result))
        head.setObjectName("caseHead")
        head.setWordWrap(True)
        head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(head)
        headers = [self.tr("No."), self.tr("Step"), self.tr("From"), self.tr("To"), self.tr("Sent"),
                   self.tr("Signed for"), self.tr("Done"), self.tr("Due"), self.tr("Opinion"),
                   self.tr("Result")]
        self.table = make_table("steps", headers, 8)
        size_columns(self.table, {0: "00", 1: "分管领导审核（退件）", 2: "王晓梅", 3: "王晓梅",
                                  4: "2026-11-23 10:00", 5: "2026-11-23 10:00", 6: "2026-11-23 10:00",
                                  7: "2026-11-23", 9: "办结（不予批准）"})
        self.table.setRowCount(len(history.steps))
        for index, step in enumerate(history.steps):
            name = step.step_name + (self.tr(" (return)") if step.is_return else "")
            opinion = step.opinion or step.reason
            fill_row(self.table, index,
                     [str(step.seq), name, step.from_name, step.to_name, local_time(step.sent_at),
                      local_time(step.received_at), local_time(step.done_at), day_text(step.due_date),
                      " ".join(opinion.split()), step.result],
                     history.case_id, OVERDUE_COLOURS if step.overdue else None,
                     {8: opinion} if opinion else None)
        if not history.steps:
            self.table.setRowCount(1)
            fill_row(self.table, 0, ["", self.tr("No transfer recorded"), *[""] * 8], history.case_id, None)
        column.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
