"""The year's task package register (任务包台账) as an Excel workbook.

Laid out like the other registers (app/reports/registers_excel.py): the office and title, the
year and printing date, Chinese headers frozen and repeated on every printed page, one row per
package (overdue ones shaded), a 合计 row and the summary sentence. Dates are real Excel dates
and quantities real numbers, so the county can sort and add them up. Saved atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.printing.package_docs import register_summary
from app.reports.excel import HEADER_FILL, TOTAL_FILL, display_width, save_workbook
from app.reports.registers_excel import BORDER, DATE_FORMAT, DATETIME_FORMAT, LATE_FILL
from app.services.context import LOCAL_TZ
from app.services.packages import PackageItem, PackageRegister

HEADER_ROW = 3
WRAP_WIDTH = 40
MAX_WIDTH = 24
QUANTITY_FORMAT = "#,##0.##"


def _columns(at_county: bool) -> list[tuple[str, bool]]:
    """(header, wraps) of each column."""
    columns = [("序号", False)]
    if at_county:
        columns.append(("乡镇所", False))
    columns += [("任务编号", False), ("任务名称", True), ("类别", False), ("责任人", False), ("协办人", True),
                ("开始日期", False), ("工期（工作日）", False), ("截止日期", False), ("目标数量", False),
                ("单位", False), ("累计完成", False), ("进度（%）", False), ("状态", False),
                ("未整改督查", False), ("逾期（工作日）", False), ("验收时间", False), ("得分", False),
                ("等次", False), ("计入目标", True)]
    return columns


def _row(n: int, item: PackageItem, at_county: bool) -> list[Any]:
    cells: list[Any] = [n]
    if at_county:
        cells.append(item.office_name)
    accepted = item.accepted_at.astimezone(LOCAL_TZ).replace(tzinfo=None) if item.accepted_at else None
    cells += [item.number, item.title, item.category, item.responsible, "、".join(item.co_workers),
              item.start_date, item.working_days, item.due_date,
              float(item.target_quantity) if item.target_quantity is not None else None, item.unit,
              float(item.achieved), float(item.progress) if item.progress is not None else None,
              item.status_label, item.open_inspections or None, item.days_late or None, accepted,
              float(item.score) if item.score is not None else None, item.grade, item.target_name]
    return cells


def write_package_register(register: PackageRegister, path: Path) -> Path:
    """Write the register to ``path`` (.xlsx) and return the path."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{register.year}年度任务包"
    columns = _columns(register.at_county)
    last_letter = get_column_letter(len(columns))
    sheet["A1"] = f"{register.office_name} {register.year}年度任务包台账"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(f"A1:{last_letter}1")
    sheet.row_dimensions[1].height = 24
    sheet["A2"] = f"按截止日期所在年度统计　　打印日期：{register.today:%Y-%m-%d}"
    sheet["A2"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A2:{last_letter}2")
    for index, (title, _) in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    widths = [display_width(title) + 2 for title, _ in columns]
    row_no = HEADER_ROW
    for n, item in enumerate(register.items, start=1):
        row_no += 1
        for index, value in enumerate(_row(n, item, register.at_county), start=1):
            cell = sheet.cell(row=row_no, column=index, value=value)
            cell.border = BORDER
            wraps = columns[index - 1][1]
            cell.alignment = Alignment(vertical="center", wrap_text=wraps)
            if hasattr(value, "hour"):
                cell.number_format = DATETIME_FORMAT
            elif hasattr(value, "day"):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, float):
                cell.number_format = QUANTITY_FORMAT
            if item.days_late:
                cell.fill = LATE_FILL
            shown = value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "hour") else value
            widths[index - 1] = max(widths[index - 1], display_width(shown) + 2)

    row_no += 1
    offset = 1 if register.at_county else 0
    totals: dict[int, Any] = {
        1: "合计",
        3 + offset: f"共 {len(register.items)} 个，已验收 {register.accepted} 个",
        15 + offset: register.open_inspections,
        16 + offset: f"逾期 {register.late} 个",
        18 + offset: float(register.average_score) if register.average_score is not None else None,
    }
    for index in range(1, len(columns) + 1):
        cell = sheet.cell(row=row_no, column=index, value=totals.get(index))
        cell.font = Font(bold=True)
        cell.fill = TOTAL_FILL
        cell.border = BORDER
    sheet.cell(row=row_no, column=18 + offset).number_format = "0.0"
    row_no += 2
    sheet.cell(row=row_no, column=1, value=register_summary(register)).font = Font(bold=True)

    for index, (_, wraps) in enumerate(columns, start=1):
        cap = WRAP_WIDTH if wraps else MAX_WIDTH
        sheet.column_dimensions[get_column_letter(index)].width = min(max(widths[index - 1], 6), cap)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
    book.properties.title = f"{register.year}年度任务包台账"
    book.properties.creator = register.office_name
    save_workbook(book, Path(path))
    return Path(path)


__all__ = ["write_package_register"]
