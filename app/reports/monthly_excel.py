"""The monthly report as an Excel workbook: sheets 按事项, 对比 and 近12个月.

Like the county summary (app/reports/excel.py, whose helpers it shares): Chinese
headers in a frozen first row, widths from the longest text, a bold 合计 row, rates as
percentages Excel can compute with, the counting rules in a note under each table,
and an atomic save.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.excel import (
    HEADER_FILL,
    MAX_WIDTH,
    RATE_FORMAT,
    TOTAL_FILL,
    display_width,
    save_workbook,
)
from app.services.monthly import MonthlyCounts, MonthlyReport

MATTER_HEADERS = ("事项编码", "事项名称", "收件", "受理", "不予受理", "一次性告知", "办结", "按期办结", "超期办结",
                  "在办超期", "逾期合计", "按期办结率", "平均用时（工作日）", "绿色通道")
DAYS_FORMAT = "0.0"


def matter_values(counts: MonthlyCounts) -> list[Any]:
    average = None if counts.average_days is None else round(counts.average_days, 2)
    return [counts.received, counts.accepted, counts.not_accepted, counts.notices, counts.completed,
            counts.on_time, counts.completed_late, counts.open_overdue, counts.overdue, counts.on_time_rate,
            average, counts.green_channel]


def write_monthly_excel(report: MonthlyReport, path: Path) -> Path:
    """Write ``report`` to ``path`` (.xlsx) and return the path."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    title = report.title + (f"（{report.scope_label}）" if report.scope_label else "")

    rows = [[line.matter_code, line.matter_name, *matter_values(line.counts)] for line in report.by_matter]
    sheet = _table(book, "按事项", MATTER_HEADERS, rows, ["合计", "", *matter_values(report.totals)],
                   {12: RATE_FORMAT, 13: DAYS_FORMAT}, report.notes)

    previous, last_year = report.month.shifted(-1), report.month.shifted(-12)
    headers = ("事项编码", "事项名称", "指标", f"本月（{report.month.short}）", f"上月（{previous.short}）",
               "环比增减", "环比", f"去年同月（{last_year.short}）", "同比增减", "同比")
    rows = []
    total_rows = []
    for line in report.comparison:
        total_rows.append(["合计", "", line.label, line.current, line.previous_month.earlier,
                           line.previous_month.difference, line.previous_month.percent, line.last_year.earlier,
                           line.last_year.difference, line.last_year.percent])
    for mc in report.matter_comparison:
        for label, current, before, year_ago in _matter_metrics(mc.current, mc.previous_month, mc.last_year):
            rows.append([mc.matter_code, mc.matter_name, label, current, before, _minus(current, before),
                         _ratio(current, before, label), year_ago, _minus(current, year_ago),
                         _ratio(current, year_ago, label)])
    sheet = _table(book, "对比", headers, [*total_rows, *rows], None, {}, (
        "环比：与上月比较；同比：与去年同月比较。增减为本月减去比较月；按期办结率的增减为百分点，不计环比、同比的百分比。",
        *report.notes[:1]))
    for row in sheet.iter_rows(min_row=2, max_row=len(total_rows) + len(rows) + 1):
        is_rate = row[2].value == "按期办结率"
        for cell in (row[3], row[4], row[5], row[7], row[8]):
            cell.number_format = "0.0%" if is_rate else "0"
        for cell in (row[6], row[9]):
            cell.number_format = "+0.0%;-0.0%;0.0%"
        if row[0].value == "合计":
            for cell in row:
                cell.font = Font(bold=True)
                cell.fill = TOTAL_FILL

    rows = [[p.month.short, p.received, p.accepted, p.completed, p.on_time, p.on_time_rate]
            for p in report.series]
    series_total = ["合计", sum(p.received for p in report.series), sum(p.accepted for p in report.series),
                    sum(p.completed for p in report.series), sum(p.on_time for p in report.series)]
    completed = series_total[3]
    series_total.append(series_total[4] / completed if completed else None)
    _table(book, "近12个月", ("月份", "收件", "受理", "办结", "按期办结", "按期办结率"), rows, series_total,
           {6: RATE_FORMAT}, report.notes[:1])
    book.properties.title = title
    save_workbook(book, path)
    return path


def _matter_metrics(current: MonthlyCounts, before: MonthlyCounts,
                    year_ago: MonthlyCounts) -> list[tuple[str, Any, Any, Any]]:
    return [("收件", current.received, before.received, year_ago.received),
            ("受理", current.accepted, before.accepted, year_ago.accepted),
            ("办结", current.completed, before.completed, year_ago.completed),
            ("按期办结率", current.on_time_rate, before.on_time_rate, year_ago.on_time_rate)]


def _minus(current: Any, earlier: Any) -> Any:
    return None if current is None or earlier is None else current - earlier


def _ratio(current: Any, earlier: Any, label: str) -> Any:
    if label == "按期办结率" or current is None or not earlier:
        return None
    return (current - earlier) / earlier


def _table(book: Workbook, title: str, headers: Sequence[str], rows: list[list[Any]], total: list[Any] | None,
           formats: dict[int, str], notes: Sequence[str]) -> Worksheet:
    sheet = book.create_sheet(title)
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append(row)
    if total is not None:
        sheet.append(total)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            cell.fill = TOTAL_FILL
    last = sheet.max_row
    for column, number_format in formats.items():
        for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=column, max_col=column):
            cell.number_format = number_format
    sheet.append([])
    for note in notes:
        sheet.append([note])
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        values = [header, *(r[index - 1] for r in sheet.iter_rows(min_row=2, max_row=last, values_only=True))]
        width = max(display_width(v if not isinstance(v, float) else f"{v:.3f}") for v in values) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 8), MAX_WIDTH)
    return sheet
