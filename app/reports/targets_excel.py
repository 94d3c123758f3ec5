"""A target's progress against plan as an Excel workbook (openpyxl).

Sheet 进度: the same table as the printed sheet (per month, or per year for a plan) with
Chinese headers in a frozen first row, quantities as numbers with the unit's decimals, rates
as percentages Excel can compute with, a bold 合计 row, the counting rule in a note, and two
native Excel charts beside it (planned vs actual as bars, cumulative as lines). The county's
sum of a target adds a sheet 各乡镇, and a county target handed down to townships a sheet
分解下达情况 (share, planned to date, actual, rate, ahead/behind by township, the county's total
against its own target). Saved atomically like every workbook of landdesk.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.excel import HEADER_FILL, MAX_WIDTH, TOTAL_FILL, display_width, save_workbook
from app.services.targets import Progress, Standing, TargetKind

RATE_FORMAT = "0.0%"
SHORT_FILL = PatternFill("solid", fgColor="FDE7E7")


def _fraction(percent: Decimal | None) -> float | None:
    """A percentage (79.5) as the fraction Excel formats as 79.5%."""
    return None if percent is None else float(percent) / 100


def _state(progress: Progress, index: int) -> str:
    line = progress.lines[index]
    if line.planned is None:
        return "未分解"
    if line.ended:
        return "未完成" if line.short else "完成"
    is_current = index == 0 or progress.lines[index - 1].ended
    return "进行中" if is_current and line.started else "未到期"


def write_targets_excel(progress: Progress, path: Path) -> Path:
    """Write ``progress`` to ``path`` (.xlsx) and return the path."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "进度"
    period = "年度" if progress.kind is TargetKind.PLAN else "月份"
    unit = progress.unit
    headers = (period, f"计划（{unit}）", f"完成（{unit}）", f"累计计划（{unit}）", f"累计完成（{unit}）",
               "完成率（累计完成÷累计计划）", "占总目标", "情况")
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, line in enumerate(progress.lines):
        sheet.append([line.label, line.planned, line.actual if line.started else None, line.cum_planned,
                      line.cum_actual if line.started else None, _fraction(line.rate),
                      _fraction(line.share_of_total), _state(progress, index)])
        if line.short:
            for cell in sheet[sheet.max_row]:
                cell.fill = SHORT_FILL
    total = progress.breakdown_total
    sheet.append(["合计", total, progress.actual, None, None,
                  float(progress.actual / total) if total else None, _fraction(progress.percent_of_total), ""])
    last = sheet.max_row
    for cell in sheet[last]:
        cell.font = Font(bold=True)
        cell.fill = TOTAL_FILL
    number_format = "0" if progress.decimals == 0 else "0." + "0" * progress.decimals
    for row in sheet.iter_rows(min_row=2, max_row=last):
        for cell in row[1:5]:
            cell.number_format = number_format
        for cell in row[5:7]:
            cell.number_format = RATE_FORMAT
    sheet.append([])
    for note in _notes(progress):
        sheet.append([note])
    sheet.freeze_panes = "A2"
    _widths(sheet, headers, last)
    _charts(sheet, progress, len(progress.lines))
    if progress.offices:
        _offices(book, progress)
    if progress.allotment is not None and progress.allotment.lines:
        _allotment(book, progress)
    book.properties.title = progress.title
    save_workbook(book, path)
    return path


def _notes(progress: Progress) -> list[str]:
    unit = progress.unit
    notes = [f"{progress.title}：目标 {progress.fmt(progress.planned)} {unit}{progress.area_note}，"
             f"截至 {progress.today:%Y-%m-%d} 完成 {progress.fmt(progress.actual)} {unit}，"
             f"按计划进度应完成 {progress.fmt(progress.planned_to_date)} {unit}（{progress.standing.label}）。",
             "完成数为挂钩任务包（未撤销）报告的进度之和，按进度所属月份计入；截至今天的计划进度 = 已过月份的计划 + "
             "本月计划 × 本月已过天数 ÷ 本月天数。"]
    if progress.uncounted_reports:
        notes.append(f"另有 {progress.uncounted_reports} 条进度报告的计量单位与目标不同且不能换算，未计入。")
    return notes


def _widths(sheet: Worksheet, headers: Sequence[str], last: int) -> None:
    _widths_plain(sheet, headers, last)
    # The rate header is long; wrapped in two lines it need not widen its column.
    sheet.column_dimensions["F"].width = 16
    sheet.row_dimensions[1].height = 32


def _charts(sheet: Worksheet, progress: Progress, count: int) -> None:
    labels = Reference(sheet, min_col=1, min_row=2, max_row=count + 1)
    bars = BarChart()
    bars.type = "col"
    bars.title = f"{'每年' if progress.kind is TargetKind.PLAN else '每月'}计划与完成（{progress.unit}）"
    bars.add_data(Reference(sheet, min_col=2, max_col=3, min_row=1, max_row=count + 1), titles_from_data=True)
    bars.set_categories(labels)
    bars.height, bars.width = 7.5, 16
    sheet.add_chart(bars, "J2")
    lines = LineChart()
    lines.title = f"累计计划与累计完成（{progress.unit}）"
    lines.add_data(Reference(sheet, min_col=4, max_col=5, min_row=1, max_row=count + 1), titles_from_data=True)
    lines.set_categories(labels)
    lines.height, lines.width = 7.5, 16
    sheet.add_chart(lines, "J18")


def _offices(book: Workbook, progress: Progress) -> None:
    sheet = book.create_sheet("各乡镇")
    unit = progress.unit
    headers = ("乡镇代码", "乡镇所", f"目标（{unit}）", f"完成（{unit}）", "占目标")
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for office, planned, actual in progress.offices:
        sheet.append([office.code, office.name, planned, actual, float(actual / planned) if planned else None])
    sheet.append(["合计", "", progress.planned, progress.actual, _fraction(progress.percent_of_total)])
    last = sheet.max_row
    for cell in sheet[last]:
        cell.font = Font(bold=True)
        cell.fill = TOTAL_FILL
    for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=5, max_col=5):
        cell.number_format = RATE_FORMAT
    sheet.freeze_panes = "A2"
    _widths_plain(sheet, headers, last)


def _allotment(book: Workbook, progress: Progress) -> None:
    allotment = progress.allotment
    assert allotment is not None
    sheet = book.create_sheet("分解下达情况")
    unit = progress.unit
    headers = ("乡镇代码", "乡镇所", f"下达任务（{unit}）", f"已完成（{unit}）", f"截至今天应完成（{unit}）",
               "完成率（占下达）", f"超前（+）落后（－）（{unit}）", "月度分解", "进度")
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for line in allotment.lines:
        sheet.append([line.office.code, line.office.name, line.planned, line.actual, line.planned_to_date,
                      _fraction(line.percent), line.gap, "已分解" if line.broken_down else "未分解",
                      line.standing.label])
        if line.standing is Standing.FAR_BEHIND:
            for cell in sheet[sheet.max_row]:
                cell.fill = SHORT_FILL
    first, last_line = 2, sheet.max_row
    # Totals as formulas, so a figure corrected by hand adds up again.
    sheet.append(["各乡镇所合计", "", f"=SUM(C{first}:C{last_line})", f"=SUM(D{first}:D{last_line})",
                  f"=SUM(E{first}:E{last_line})", f"=IF(C{last_line + 1}>0,D{last_line + 1}/C{last_line + 1},\"\")",
                  f"=D{last_line + 1}-E{last_line + 1}", "", ""])
    sheet.append(["县局目标", "", allotment.planned, f"=D{last_line + 1}", None,
                  f"=IF(C{last_line + 2}>0,D{last_line + 2}/C{last_line + 2},\"\")", None, "", ""])
    last = sheet.max_row
    for row in (last - 1, last):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
            cell.fill = TOTAL_FILL
    number_format = "0" if progress.decimals == 0 else "0." + "0" * progress.decimals
    for row in sheet.iter_rows(min_row=2, max_row=last):
        for cell in (row[2], row[3], row[4], row[6]):
            cell.number_format = number_format
        row[5].number_format = RATE_FORMAT
    sheet.append([])
    sheet.append([f"{allotment.target.years_label}{progress.name}：县局目标 {allotment.fmt(allotment.planned)} {unit}，"
                  f"下达 {len(allotment.lines)} 个乡镇所合计 {allotment.fmt(allotment.allotted)} {unit}；"
                  f"已完成为各乡镇所上报的任务包进度之和。"])
    sheet.freeze_panes = "A2"
    _widths_plain(sheet, headers, last_line)
    for column in "CDEFG":
        sheet.column_dimensions[column].width = 14
    sheet.row_dimensions[1].height = 32


def _widths_plain(sheet: Worksheet, headers: Sequence[str], last: int) -> None:
    for index, header in enumerate(headers, start=1):
        values: list[Any] = [header, *(r[index - 1] for r in sheet.iter_rows(min_row=2, max_row=last,
                                                                               values_only=True))]
        width = max(display_width(v if not isinstance(v, float) else f"{v:.3f}") for v in values) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 8), MAX_WIDTH)
