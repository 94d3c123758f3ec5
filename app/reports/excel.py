"""The county summary as an Excel workbook (openpyxl): one sheet per view.

Each sheet has Chinese headers in a frozen first row, columns wide enough for
their Chinese text, a 合计 row, and a note saying which period was counted.
The file is written next to its target and renamed into place, so a failed
save (disk full, the old file open in Excel) never leaves half a workbook.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.files import save_atomically
from app.services.county import CaseCounts, CountyReport

COUNT_HEADERS = ("收件", "受理", "办结", "按时办结", "超期办结", "在办", "在办超期", "超期合计", "按时办结率")
RATE_FORMAT = "0.0%"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
MAX_WIDTH = 60


def count_cells(counts: CaseCounts) -> list[Any]:
    return [counts.received, counts.accepted, counts.completed, counts.on_time, counts.completed_late,
            counts.open, counts.open_overdue, counts.overdue, counts.on_time_rate]


def display_width(value: object) -> int:
    """Columns are measured in Latin characters; a Chinese character takes two."""
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def write_county_report(report: CountyReport, path: Path) -> Path:
    """Write the three views of ``report`` to ``path`` (.xlsx) and return the path."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    note = (f"统计期间：{report.period.label}（按收件日期，北京时间）；"
            f"在办超期截至 {report.today:%Y-%m-%d}；按时办结率 = 按时办结 ÷（按时办结 + 超期办结）")
    _sheet(book, "按乡镇", ("乡镇代码", "乡镇名称"),
           [([line.office.code, line.office.name], line.counts) for line in report.by_office],
           report.totals, note)
    _sheet(book, "按乡镇和事项", ("乡镇代码", "乡镇名称", "事项编码", "事项名称"),
           [([line.office.code, line.office.name, line.matter_code, line.matter_name], line.counts)
            for line in report.by_matter],
           _total(line.counts for line in report.by_matter), note)
    _sheet(book, "按月份", ("乡镇代码", "乡镇名称", "月份"),
           [([line.office.code, line.office.name, f"{line.year}-{line.month:02d}"], line.counts)
            for line in report.by_month],
           _total(line.counts for line in report.by_month), note)
    book.properties.title = f"县局汇总 {report.period.label}"
    save_workbook(book, path)
    return path


def _total(counts: Any) -> CaseCounts:
    return sum(counts, CaseCounts())


def _sheet(book: Workbook, title: str, keys: Sequence[str], lines: list[tuple[list[Any], CaseCounts]],
           totals: CaseCounts, note: str) -> Worksheet:
    sheet = book.create_sheet(title)
    headers = [*keys, *COUNT_HEADERS]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for key_cells, counts in lines:
        sheet.append([*key_cells, *count_cells(counts)])
    sheet.append(["合计", *[""] * (len(keys) - 1), *count_cells(totals)])
    total_row = sheet.max_row
    for cell in sheet[total_row]:
        cell.font = Font(bold=True)
        cell.fill = TOTAL_FILL
    rate_column = len(headers)
    for row in sheet.iter_rows(min_row=2, max_row=total_row, min_col=rate_column, max_col=rate_column):
        for cell in row:
            cell.number_format = RATE_FORMAT
    sheet.append([])
    sheet.append([note])
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        values = [header, *(r[index - 1] for r in sheet.iter_rows(min_row=2, max_row=total_row,
                                                                  values_only=True))]
        width = max(display_width(v) for v in values) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 8), MAX_WIDTH)
    return sheet


def save_workbook(book: Workbook, path: Path) -> None:
    """Save ``book`` to ``path`` through a temporary file renamed into place."""
    save_atomically(path, book.save, what="Excel 文件",
                    hint="请检查文件夹是否存在、能否写入，以及该文件是否正在 Excel 中打开")
