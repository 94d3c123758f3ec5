"""结对消访台账 as an Excel workbook (openpyxl), laid out like the registers' workbooks.

Row 1 names the office and the ledger, row 2 its scope and the printing date, row 3 holds the
Chinese headers; the three are frozen and repeat on every printed page. Dates are real Excel
dates so the office can sort and filter; lines not contacted within the interval are filled
pink; a summary line follows. ID numbers are masked as on the printed ledger. Saved through a
temporary file renamed into place (app.reports.excel.save_workbook).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.reports.excel import HEADER_FILL, display_width, save_workbook
from app.reports.registers_excel import BORDER, DATE_FORMAT, LATE_FILL
from app.services.context import local_date
from app.services.petitions import PetitionItem, PetitionLedger, PetitionStatus

HEADER_ROW = 3
WRAP_WIDTH = 36
# (header, wraps): the subject and the status wrap, the rest are short values.
COLUMNS: tuple[tuple[str, bool], ...] = (
    ("序号", False), ("乡镇所", False), ("档案编号", False), ("信访人", False), ("身份证号", False),
    ("村（居）", False), ("信访事项", True), ("结对领导", False), ("结对日期", False), ("联系次数", False),
    ("最近联系日期", False), ("距上次联系天数", False), ("状态", False), ("结案方式", False), ("结案日期", False),
)


def _values(index: int, line: PetitionItem) -> list[Any]:
    closed = line.status is PetitionStatus.CLOSED
    return [index, line.office.name, line.number, line.petitioner, line.id_number_masked, line.village,
            line.subject, line.leader_name, line.paired_on, line.contacts, line.last_contact_on,
            line.days_since, line.status.label + ("（超期未联系）" if line.overdue else ""),
            line.resolution_kind if closed else "",
            local_date(line.closed_at) if closed and line.closed_at else None]


def write_ledger_excel(ledger: PetitionLedger, path: Path) -> Path:
    """Write ``ledger`` to ``path`` (.xlsx) and return the path."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "结对消访台账"
    columns = COLUMNS if ledger.by_county else tuple(c for c in COLUMNS if c[0] != "乡镇所")
    keep = [i for i, c in enumerate(COLUMNS) if c in columns]
    last = get_column_letter(len(columns))
    sheet["A1"] = f"{ledger.office_name}结对消访台账"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(f"A1:{last}1")
    sheet.row_dimensions[1].height = 24
    sheet["A2"] = (f"范围：{ledger.scope}　　打印日期：{ledger.printed_on:%Y-%m-%d}　　"
                   f"超过 {ledger.interval_days} 天未联系的以红底标出")
    sheet["A2"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(f"A2:{last}2")
    for number, (title, _wrap) in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=number, value=title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    rows: list[list[Any]] = []
    for index, line in enumerate(ledger.lines, start=1):
        values = _values(index, line)
        rows.append([values[i] for i in keep])
    for offset, (values, line) in enumerate(zip(rows, ledger.lines, strict=True), start=1):
        row_no = HEADER_ROW + offset
        for number, (value, (_title, wrap)) in enumerate(zip(values, columns, strict=True), start=1):
            cell = sheet.cell(row=row_no, column=number, value=value)
            cell.border = BORDER
            cell.alignment = Alignment(vertical="center", wrap_text=wrap,
                                       horizontal="left" if wrap else "center")
            if hasattr(value, "isoformat"):
                cell.number_format = DATE_FORMAT
            if line.overdue:
                cell.fill = LATE_FILL
    row_no = HEADER_ROW + len(rows) + 2
    sheet.cell(row=row_no, column=1, value=ledger.summary).font = Font(bold=True)

    for number, (title, wrap) in enumerate(columns, start=1):
        texts = [title, *(_shown(r[number - 1]) for r in rows)]
        widest = max(display_width(t) for t in texts) + 2
        sheet.column_dimensions[get_column_letter(number)].width = min(max(widest, 6), WRAP_WIDTH if wrap else 40)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
    book.properties.title = f"{ledger.office_name}结对消访台账"
    book.properties.creator = ledger.office_name
    save_workbook(book, Path(path))
    return Path(path)


def _shown(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return "2026-01-01"
    return str(value)


__all__ = ["write_ledger_excel"]
