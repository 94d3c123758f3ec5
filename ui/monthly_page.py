"""月报: the monthly report to the county, with its two charts.

A month picker (and, at the county, a township picker) above the report by matter,
the comparison with the previous month and the same month last year, and two
QtCharts for the last twelve months: intake as bars (received, accepted) and the
on-time rate as a line. The report is counted on the worker thread; the PDF for the
print preview or for saving and the Excel workbook are made there too.
"""

from __future__ import annotations

from pathlib import Path

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
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.monthly import (
    ComparisonLine,
    MonthlyCounts,
    MonthlyReport,
    ReportMonth,
    ScopeChoice,
    rate_runs,
)
from ui.errors import show_error
from ui.print_preview import PdfPreviewDialog
from ui.supervision_page import OVERDUE_BG, OVERDUE_FG, make_table, size_columns
from ui.tasks import TaskRunner

RECEIVED_COLOUR = QColor("#4573c4")
ACCEPTED_COLOUR = QColor("#9ec75a")
RATE_COLOUR = QColor("#cc4d33")


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def days_text(days: float | None) -> str:
    return "—" if days is None else f"{days:.1f}"


def signed(value: float, digits: int = 0) -> str:
    text = f"{abs(value):.{digits}f}"
    return f"+{text}" if value > 0 else (f"-{text}" if value < 0 else text)


def matter_texts(counts: MonthlyCounts) -> list[str]:
    return [str(counts.received), str(counts.accepted), str(counts.not_accepted), str(counts.notices),
            str(counts.completed), str(counts.on_time), str(counts.overdue), rate_text(counts.on_time_rate),
            days_text(counts.average_days), str(counts.green_channel)]


class MonthlyPage(QWidget):
    statusChanged = Signal(str)
    exported = Signal(str)  # the path of the written workbook or PDF

    COUNT_KEYS = 2  # columns before the counts: code, matter
    OVERDUE_COLUMN = 8

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.monthly = services.monthly
        self.runner = runner
        self.report: MonthlyReport | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.last_message: QMessageBox | None = None
        self._choices_loaded = False
        self._shown_key: tuple[int, int, str | None] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        bar = QHBoxLayout()
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("month")
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month_combo)
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.office_combo.setMinimumContentsLength(12)
        self.office_label = QLabel(self.tr("&Township:"))
        self.office_label.setBuddy(self.office_combo)
        bar.addWidget(month_label)
        bar.addWidget(self.month_combo)
        bar.addWidget(self.office_label)
        bar.addWidget(self.office_combo, 1)
        self.office_label.hide()
        self.office_combo.hide()
        bar.addStretch(0)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh")
        self.excel_button = QPushButton(self.tr("&Export to Excel…"))
        self.excel_button.setObjectName("exportExcel")
        self.preview_button = QPushButton(self.tr("&Print preview…"))
        self.preview_button.setObjectName("printPreview")
        self.pdf_button = QPushButton(self.tr("Save P&DF…"))
        self.pdf_button.setObjectName("savePdf")
        for button in (self.refresh_button, self.excel_button, self.preview_button, self.pdf_button):
            bar.addWidget(button)
        outer.addLayout(bar)

        self.title_label = QLabel()
        self.title_label.setObjectName("title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        outer.addWidget(self.title_label)

        headers = [self.tr("Matter code"), self.tr("Matter"), self.tr("Received"), self.tr("Accepted"),
                   self.tr("Not accepted"), self.tr("One-time notices"), self.tr("Completed"),
                   self.tr("Completed on time"), self.tr("Overdue cases"), self.tr("On-time completion rate"),
                   self.tr("Average working days"), self.tr("Green channel")]
        self.matter_table = make_table("byMatter", headers, 1)
        size_columns(self.matter_table, {0: "TD-000", **{i: "0000000" for i in range(2, len(headers))}})
        comparison_headers = [self.tr("Figure"), self.tr("This month"), self.tr("Previous month"),
                              self.tr("Change"), self.tr("Change %"), self.tr("Same month last year"),
                              self.tr("Change"), self.tr("Change %")]
        self.comparison_table = make_table("comparison", comparison_headers, 0)
        header = self.comparison_table.horizontalHeader()
        # Headers carry the compared months ("Previous month (2026-09)"): sized to them, never clipped.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows_height = self.comparison_table.verticalHeader().defaultSectionSize() * 4
        self.comparison_table.setFixedHeight(rows_height + header.sizeHint().height() + 4)

        self.intake_chart = QChart()
        self.intake_chart.setObjectName("intakeChart")
        self.rate_chart = QChart()
        self.rate_chart.setObjectName("rateChart")
        charts = QWidget()
        chart_row = QHBoxLayout(charts)
        chart_row.setContentsMargins(0, 0, 0, 0)
        self.chart_views: list[QChartView] = []
        for chart, name in ((self.intake_chart, "intakeView"), (self.rate_chart, "rateView")):
            chart.setMargins(QMargins(4, 4, 4, 4))
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            view = QChartView(chart)
            view.setObjectName(name)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(200)
            chart_row.addWidget(view)
            self.chart_views.append(view)

        # The comparison has a fixed height (four figures); the splitter shares the rest between
        # the matter table and the charts.
        bottom = QWidget()
        bottom_column = QVBoxLayout(bottom)
        bottom_column.setContentsMargins(0, 0, 0, 0)
        bottom_column.addWidget(self.comparison_table)
        bottom_column.addWidget(charts, 1)
        lower = QSplitter(Qt.Orientation.Vertical)
        lower.addWidget(self.matter_table)
        lower.addWidget(bottom)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        outer.addWidget(lower, 1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        outer.addWidget(self.summary_label)
        hint = QLabel(self.tr("Counts cover the applications received in the month (Beijing time), as they "
                              "stand today. Overdue = completed late + open past the due date and not paused; "
                              "on-time rate = completed on time ÷ completed."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        outer.addWidget(hint)

        self.refresh_button.clicked.connect(self.load)
        self.excel_button.clicked.connect(lambda: self.export_excel())
        self.preview_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        for combo in (self.month_combo, self.office_combo):
            combo.activated.connect(lambda _i: self.load())
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.load)
        self._set_busy(False)

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Called when the page is shown: fill the pickers once, then the report."""
        if self._choices_loaded:
            self.load()
            return
        monthly = self.monthly

        def fetch() -> tuple[list[ReportMonth], ReportMonth, list[ScopeChoice], bool]:
            return monthly.months(), monthly.default_month(), monthly.scopes(), monthly.is_county()

        self.runner.run(fetch, self._choices_fetched, lambda exc: show_error(self, exc))

    def _choices_fetched(self, found: tuple[list[ReportMonth], ReportMonth, list[ScopeChoice], bool]) -> None:
        months, default, scopes, is_county = found
        self.month_combo.clear()
        for month in months:
            # Data as text: findData cannot match Python tuples.
            self.month_combo.addItem(self.tr("{year}-{month:02d}").format(year=month.year, month=month.month),
                                     month.short)
        index = self.month_combo.findData(default.short)
        self.month_combo.setCurrentIndex(max(index, 0))
        self.office_combo.clear()
        if is_county:
            self.office_combo.addItem(self.tr("All townships"), None)
            for choice in scopes:
                self.office_combo.addItem(f"{choice.name}（{choice.code}）", choice.code)
        self.office_label.setVisible(is_county)
        self.office_combo.setVisible(is_county)
        self._choices_loaded = True
        self.load()

    def chosen(self) -> tuple[int, int, str | None]:
        data = self.month_combo.currentData()
        if data is None:
            data = self.monthly.default_month().short
        year, month = (int(part) for part in str(data).split("-"))
        office = self.office_combo.currentData()  # None at a township (empty picker) or for all townships
        return year, month, office

    def set_month(self, year: int, month: int, office_code: str | None = None) -> None:
        """Choose a month (and township) as a person would in the pickers, and reload."""
        self.month_combo.setCurrentIndex(self.month_combo.findData(ReportMonth(year, month).short))
        if self.office_combo.count():
            self.office_combo.setCurrentIndex(self.office_combo.findData(office_code))
        self.load()

    def load(self) -> None:
        year, month, office = self.chosen()
        monthly = self.monthly
        self.statusChanged.emit(self.tr("Counting {year}-{month:02d}…").format(year=year, month=month))
        self.runner.run(lambda: (monthly.report(year, month, office), (year, month, office)),
                        self._show_report, lambda exc: show_error(self, exc))

    def _shown_report(self) -> MonthlyReport | None:
        """The report on screen if it is for the chosen month and township (files reuse it)."""
        return self.report if self.report is not None and self._shown_key == self.chosen() else None

    def _show_report(self, found: tuple[MonthlyReport, tuple[int, int, str | None]]) -> None:
        report, self._shown_key = found
        self.report = report
        self.title_label.setText(report.title + (f"（{report.scope_label}）" if report.scope_label else ""))
        self._fill_matters(report)
        self._fill_comparison(report)
        self._fill_charts(report)
        t = report.totals
        self.summary_label.setText(self.tr(
            "{month}: {received} received, {accepted} accepted, {completed} completed ({rate} on time), "
            "{overdue} overdue, {green} green channel; as of {today}.").format(
            month=report.month.label, received=t.received, accepted=t.accepted, completed=t.completed,
            rate=rate_text(t.on_time_rate), overdue=t.overdue, green=t.green_channel,
            today=report.today.isoformat()))
        self.statusChanged.emit("")
        self._set_busy(False)

    def _fill_matters(self, report: MonthlyReport) -> None:
        table = self.matter_table
        lines = [(line.matter_code, line.matter_name, line.counts) for line in report.by_matter]
        lines.append((self.tr("Total"), "", report.totals))
        table.setRowCount(0)
        table.setRowCount(len(lines))
        for row, (code, name, counts) in enumerate(lines):
            for column, text in enumerate([code, name, *matter_texts(counts)]):
                item = QTableWidgetItem(text)
                if column >= self.COUNT_KEYS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == self.OVERDUE_COLUMN and counts.overdue:
                    item.setForeground(OVERDUE_FG)
                    item.setBackground(OVERDUE_BG)
                if row == len(lines) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if column == 1:
                    item.setToolTip(name)
                table.setItem(row, column, item)

    def _fill_comparison(self, report: MonthlyReport) -> None:
        table = self.comparison_table
        table.setRowCount(len(report.comparison))
        previous, last_year = report.month.shifted(-1), report.month.shifted(-12)
        headers = [self.tr("Figure"), self.tr("This month ({month})").format(month=report.month.short),
                   self.tr("Previous month ({month})").format(
            month=previous.short), self.tr("Change"), self.tr("Change %"),
            self.tr("Same month last year ({month})").format(month=last_year.short), self.tr("Change"),
            self.tr("Change %")]
        table.setHorizontalHeaderLabels(headers)
        for row, line in enumerate(report.comparison):
            texts = [self._figure_label(line), self._value(line, line.current),
                     self._value(line, line.previous_month.earlier), self._difference(line, line.previous_month),
                     self._percent(line.previous_month), self._value(line, line.last_year.earlier),
                     self._difference(line, line.last_year), self._percent(line.last_year)]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)

    def _figure_label(self, line: ComparisonLine) -> str:
        return {"收件": self.tr("Received"), "受理": self.tr("Accepted"), "办结": self.tr("Completed"),
                "按期办结率": self.tr("On-time completion rate")}.get(line.label, line.label)

    @staticmethod
    def _value(line: ComparisonLine, value: float | None) -> str:
        if line.is_rate:
            return rate_text(value)
        return "—" if value is None else f"{value:.0f}"

    def _difference(self, line: ComparisonLine, change: object) -> str:
        difference = getattr(change, "difference", None)
        if difference is None:
            return "—"
        if line.is_rate:
            return self.tr("{points} pts").format(points=signed(difference * 100, 1))
        return signed(difference)

    @staticmethod
    def _percent(change: object) -> str:
        percent = getattr(change, "percent", None)
        return "—" if percent is None else f"{signed(percent * 100, 1)}%"

    def _fill_charts(self, report: MonthlyReport) -> None:
        labels = [self.tr("{month}/{year}").format(month=p.month.month, year=p.month.year % 100)
                  for p in report.series]
        intake = self.intake_chart
        intake.removeAllSeries()
        for axis in intake.axes():
            intake.removeAxis(axis)
        intake.setTitle(self.tr("Intake, last 12 months"))
        received = QBarSet(self.tr("Received"))
        received.setColor(RECEIVED_COLOUR)
        accepted = QBarSet(self.tr("Accepted"))
        accepted.setColor(ACCEPTED_COLOUR)
        for point in report.series:
            received.append(point.received)
            accepted.append(point.accepted)
        bars = QBarSeries()
        bars.append(received)
        bars.append(accepted)
        intake.addSeries(bars)
        months_axis = QBarCategoryAxis()
        months_axis.append(labels)
        counts_axis = QValueAxis()
        counts_axis.setRange(0, max([p.received for p in report.series] + [1]) * 1.1)
        counts_axis.setLabelFormat("%d")
        counts_axis.applyNiceNumbers()
        intake.addAxis(months_axis, Qt.AlignmentFlag.AlignBottom)
        intake.addAxis(counts_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(months_axis)
        bars.attachAxis(counts_axis)

        rate_chart = self.rate_chart
        rate_chart.removeAllSeries()
        for axis in rate_chart.axes():
            rate_chart.removeAxis(axis)
        rate_chart.setTitle(self.tr("On-time completion rate, last 12 months"))
        rate_months = QBarCategoryAxis()
        rate_months.append(labels)
        percent_axis = QValueAxis()
        percent_axis.setRange(0, 100)
        percent_axis.setTickCount(6)
        percent_axis.setLabelFormat("%d%%")
        rate_chart.addAxis(rate_months, Qt.AlignmentFlag.AlignBottom)
        rate_chart.addAxis(percent_axis, Qt.AlignmentFlag.AlignLeft)
        # Months with nothing completed have no rate: a gap, not a false 0 % nor a line drawn across
        # them, so each run of months with a rate is a series of its own (named once in the legend).
        for number, run in enumerate(rate_runs([p.on_time_rate for p in report.series])):
            line = QLineSeries()
            line.setName(self.tr("On-time completion rate (%)"))
            line.setColor(RATE_COLOUR)
            line.setPointsVisible(True)
            for index, rate in enumerate(run):
                if rate is not None:
                    line.append(index, rate * 100)
            rate_chart.addSeries(line)
            line.attachAxis(rate_months)
            line.attachAxis(percent_axis)
            if number:
                for marker in rate_chart.legend().markers(line):
                    marker.setVisible(False)

    # ------------------------------------------------------------ files

    def _set_busy(self, busy: bool) -> None:
        has_report = self.report is not None
        for button in (self.excel_button, self.preview_button, self.pdf_button):
            button.setEnabled(has_report and not busy)

    def _suggested_name(self, suffix: str) -> str:
        year, month, _office = self.chosen()
        return f"业务办理情况月报-{year}-{month:02d}{suffix}"

    def export_excel(self, path: Path | None = None) -> None:
        """Ask where (unless given), then write the workbook on the worker thread."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                                    self._suggested_name(".xlsx"),
                                                    self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._write(path)

    def save_pdf(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), self._suggested_name(".pdf"),
                                                    self.tr("PDF files (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._write(path)

    def _write(self, path: Path) -> None:
        from app.files import write_bytes_atomically
        from app.printing.monthly_doc import monthly_report_pdf
        from app.reports.monthly_excel import write_monthly_excel

        monthly, shown = self.monthly, self._shown_report()
        year, month, office = self.chosen()
        self._set_busy(True)

        def work() -> Path:
            report = shown or monthly.report(year, month, office)
            if path.suffix.lower() == ".xlsx":
                return write_monthly_excel(report, path)
            write_bytes_atomically(path, monthly_report_pdf(report))
            return path

        self.statusChanged.emit(self.tr("Writing {path}…").format(path=path))

        def done(written: Path) -> None:
            self._set_busy(False)
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Saved"),
                              self.tr("The monthly report was saved to:\n{path}").format(path=written),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("savedMessage")
            box.open()
            self.last_message = box
            self.exported.emit(str(written))

        self.runner.run(work, done, self._failed)

    def print_preview(self) -> None:
        """Make the PDF on the worker thread, then show it in the print preview (landscape A4)."""
        from app.printing.monthly_doc import monthly_report_pdf

        monthly, shown = self.monthly, self._shown_report()
        year, month, office = self.chosen()
        self._set_busy(True)

        def make() -> tuple[str, bytes]:
            report = shown or monthly.report(year, month, office)
            return report.title, monthly_report_pdf(report)

        self.runner.run(make, self._preview, self._failed)

    def _preview(self, made: tuple[str, bytes]) -> None:
        self._set_busy(False)
        title, pdf = made
        try:
            preview = PdfPreviewDialog(pdf, title, f"{title}.pdf", self)
        except Exception as exc:  # noqa: BLE001 - shown (and logged) instead of lost in a slot
            show_error(self, exc)
            return
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_preview = preview
        preview.open()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)
