"""A register (台账) as an Excel workbook (openpyxl): one sheet, laid out to be filed.

Row 1 names the office and the register, row 2 the range and the printing date,
row 3 holds the Chinese column headers; the three are frozen so the headers stay
in view, and repeat on every printed page. Then one row per line, a 合计 row and
the summary sentence. Dates and times are real Excel dates (Beijing time), so an
auditor can sort and filter them; long text wraps in capped column widths. The file
is saved through a temporary file renamed into place (app.reports.excel).
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.excel import HEADER_FILL, TOTAL_FILL, display_width, save_workbook
from app.services.registers import EMPTY_TEXT, Align, Register, cell_text

HEADER_ROW = 3
# Wrapped text columns are capped so a row of long reasons stays readable on screen.
WRAP_WIDTH = 36
MAX_WIDTH = 50
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
LATE_FILL = PatternFill("solid", fgColor="FDE9E7")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_ALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}


def write_register_excel(register: Register, path: Path) -> Path:
    """Write ``register`` to ``path`` (.xlsx) and return the path."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = register.title
    _fill(sheet, register)
    book.properties.title = f"{register.heading} {register.range_label}"
    book.properties.creator = register.office_name
    save_workbook(book, Path(path))
    return Path(path)


def _fill(sheet: Worksheet, register: Register) -> None:
    columns = register.columns
    width = len(columns)
    last_letter = get_column_letter(width)
    sheet["A1"] = register.heading
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(f"A1:{last_letter}1")
    sheet.row_dimensions[1].height = 24
    sheet["A2"] = f"登记期间：{register.range_label}　　打印日期：{register.printed_on:%Y-%m-%d}"
    sheet["A2"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(f"A2:{last_letter}2")

    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=column.title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    # Each distinct cell style is built once and copied to the cells that share it: openpyxl
    # hashes the style objects on every assignment, which made a month of a busy office
    # (5,000 lines) take 15 s; copying the cell's style array is what openpyxl does itself
    # when it copies a worksheet.
    aligns = [Alignment(horizontal=_ALIGN[c.align], vertical="center", wrap_text=c.wrap)
              for c in columns]
    styles: dict[tuple[int, str, bool], Any] = {}
    row_no = HEADER_ROW
    for i, values in enumerate(register.rows):
        row_no += 1
        late = i in register.highlighted
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_no, column=index, value="" if value is None else value)
            number_format = (DATETIME_FORMAT if isinstance(value, dt.datetime)
                             else DATE_FORMAT if isinstance(value, dt.date) else "")
            key = (index, number_format, late)
            style = styles.get(key)
            if style is not None:
                cell._style = copy(style)
                continue
            cell.border = BORDER
            cell.alignment = aligns[index - 1]
            if number_format:
                cell.number_format = number_format
            if late:
                cell.fill = LATE_FILL
            styles[key] = copy(cell._style)
    if not register.rows:
        row_no += 1
        sheet.cell(row=row_no, column=1, value=EMPTY_TEXT).alignment = Alignment(horizontal="center")
        sheet.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=width)

    row_no += 1
    for index, value in enumerate(register.total_row, start=1):
        cell = sheet.cell(row=row_no, column=index, value=_excel_value(value))
        cell.font = Font(bold=True)
        cell.fill = TOTAL_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center")

    row_no += 2
    sheet.cell(row=row_no, column=1, value=register.summary).font = Font(bold=True)

    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    _set_widths(sheet, register)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"


def _excel_value(value: object) -> object:
    return "" if value is None else value


def _set_widths(sheet: Worksheet, register: Register) -> None:
    for index, column in enumerate(register.columns, start=1):
        texts = [*(cell_text(row[index - 1]) for row in register.rows),
                 cell_text(register.total_row[index - 1])]
        widest = max(display_width(t) for t in texts) + 2
        cap = WRAP_WIDTH if column.wrap else MAX_WIDTH
        # Headers wrap too: a column need not be wider than its values for a long title.
        floor = max(6, min(display_width(column.title), 10) + 2)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(widest, floor), cap)


__all__ = ["write_register_excel"]
