"""The quarterly study register as an Excel workbook (openpyxl).

Sheets: 登记表 (one row per person: numbers as numbers so they can be summed and filtered,
those who fall short shaded, a 合计 row), 未达标名单 (who falls short and why, for the notice),
and at the county 汇总 first (one row per township with its compliance rate). Each sheet names
the office and quarter in row 1, the period in row 2, and has its Chinese headers in a frozen
row 3 that repeats on every printed page. Saved through a temporary file renamed into place.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.excel import HEADER_FILL, TOTAL_FILL, display_width, save_workbook
from app.services.study import LineStatus, StudyRegister, fmt_hours

HEADER_ROW = 3
SHORT_FILL = PatternFill("solid", fgColor="FDE9E7")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
MAX_WIDTH = 60

PERSON_HEADERS = ("序号", "姓名", "层级", "判定周数", "自学不足周数", "自学合计（小时）", "调研文章（篇）", "应交调研文章（篇）",
                  "培训（次）", "培训（学时）", "本年本层级培训（学时）", "本层级应培训（学时/年）", "证书（个）", "结果",
                  "未达标情况")
SUMMARY_HEADERS = ("单位代码", "单位", "参加统计人数", "达标", "未达标", "待完成", "自学不足人周", "缺调研文章人数", "达标率")
SHORT_HEADERS = ("序号", "姓名", "层级", "自学不足周数", "自学不足的周（当周小时数）", "调研文章（篇/应）")


def write_register_xlsx(register: StudyRegister, path: Path) -> Path:
    """Write the register to ``path`` (.xlsx) and return the path."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    owner = register.county_name if register.at_county else (
        register.offices[0].office.name if register.offices else "")
    period = _period(register)
    if register.at_county:
        _summary_sheet(book, register, owner, period)
    _person_sheet(book, register, owner, period)
    _short_sheet(book, register, owner, period)
    book.properties.title = f"{owner} {register.label}学习情况登记表"
    book.properties.creator = owner
    save_workbook(book, Path(path))
    return Path(path)


def _period(register: StudyRegister) -> str:
    weeks = register.weeks
    span = f"{weeks[0].monday:%Y-%m-%d} 至 {weeks[-1].sunday:%Y-%m-%d}，共 {len(weeks)} 周" if weeks else ""
    state = "季度已结束" if register.ended else f"季度未结束，统计截至 {register.today:%Y-%m-%d}"
    rules = register.rules
    return (f"统计期间：{span}；{state}；每周自学不少于 {fmt_hours(rules.weekly_self_study_hours)} 小时，"
            f"每季度调研文章不少于 {rules.articles_per_quarter} 篇")


def _head(sheet: Worksheet, title: str, period: str, headers: Sequence[str]) -> None:
    last = get_column_letter(len(headers))
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(f"A1:{last}1")
    sheet.row_dimensions[1].height = 24
    sheet["A2"] = period
    sheet["A2"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.merge_cells(f"A2:{last}2")
    sheet.row_dimensions[2].height = 30
    for index, header in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[HEADER_ROW].height = 32
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _row(sheet: Worksheet, values: Sequence[Any], *, fill: PatternFill | None = None, bold: bool = False,
         wrap_from: int | None = None) -> None:
    row_no = sheet.max_row + 1
    for index, value in enumerate(values, start=1):
        cell = sheet.cell(row=row_no, column=index, value=value)
        cell.border = BORDER
        wrap = wrap_from is not None and index >= wrap_from
        cell.alignment = Alignment(horizontal="left" if wrap or isinstance(value, str) and len(value) > 6
                                   else "center", vertical="center", wrap_text=wrap)
        if fill is not None:
            cell.fill = fill
        if bold:
            cell.font = Font(bold=True)


def _widths(sheet: Worksheet, headers: Sequence[str], wrap_cap: dict[int, int] | None = None) -> None:
    caps = wrap_cap or {}
    for index, header in enumerate(headers, start=1):
        values = [r[index - 1] for r in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
        width = max([min(display_width(header), 14), *(display_width(v) for v in values)]) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 6), caps.get(index, MAX_WIDTH))


def _summary_sheet(book: Workbook, register: StudyRegister, owner: str, period: str) -> None:
    sheet = book.create_sheet("汇总")
    _head(sheet, f"{owner} {register.label}乡镇所学习制度执行情况汇总表", period, SUMMARY_HEADERS)
    for office in register.offices:
        pending = sum(1 for x in office.lines if x.status is LineStatus.PENDING)
        rate = office.compliance_rate
        _row(sheet, [office.office.code, office.office.name, office.counted, office.met, len(office.short), pending,
                     office.person_weeks_short, office.articles_short, float(rate) if rate is not None else None],
             fill=SHORT_FILL if office.short else None)
    lines = register.lines
    rate = register.compliance_rate
    _row(sheet, ["合计", "", len(lines), sum(o.met for o in register.offices),
                 sum(len(o.short) for o in register.offices),
                 sum(1 for x in lines if x.status is LineStatus.PENDING),
                 sum(o.person_weeks_short for o in register.offices), sum(o.articles_short for o in register.offices),
                 float(rate) if rate is not None else None], fill=TOTAL_FILL, bold=True)
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1, min_col=9, max_col=9):
        row[0].number_format = "0.0%"
    _widths(sheet, SUMMARY_HEADERS)


def _person_sheet(book: Workbook, register: StudyRegister, owner: str, period: str) -> None:
    sheet = book.create_sheet("登记表")
    county = register.at_county
    headers = (("单位代码", "单位") if county else ()) + PERSON_HEADERS
    _head(sheet, f"{owner} {register.label}学习情况登记表", period, headers)
    numbers = 0
    for office in register.offices:
        for no, line in enumerate(office.lines, start=1):
            numbers += 1
            values: list[Any] = [office.office.code, office.office.name] if county else []
            values += [no, line.person.name, line.person.tier_name, line.weeks_judged, line.weeks_short,
                       float(line.self_study_hours), line.articles, line.articles_required, line.trainings,
                       float(line.training_hours), float(line.tier_training_hours),
                       float(line.tier_training_required), line.certificates, line.status.label, line.reasons()]
            _row(sheet, values, fill=SHORT_FILL if line.status is LineStatus.SHORT else None,
                 wrap_from=len(values))
    if not numbers:
        _row(sheet, ["本季度没有参加统计的人员"])
    lines = register.lines
    lead = ["合计", ""] if county else []
    _row(sheet, [*lead, "合计" if not county else "", f"{len(lines)} 人", "",
                 sum(x.weeks_judged for x in lines), sum(x.weeks_short for x in lines),
                 float(sum((x.self_study_hours for x in lines), 0)), sum(x.articles for x in lines),
                 sum(x.articles_required for x in lines), sum(x.trainings for x in lines),
                 float(sum((x.training_hours for x in lines), 0)), float(sum((x.tier_training_hours for x in lines), 0)),
                 "", sum(x.certificates for x in lines),
                 f"达标 {sum(1 for x in lines if x.status is LineStatus.MET)} 人", ""], fill=TOTAL_FILL, bold=True)
    _widths(sheet, headers, {len(headers): 50})


def _short_sheet(book: Workbook, register: StudyRegister, owner: str, period: str) -> None:
    sheet = book.create_sheet("未达标名单")
    county = register.at_county
    headers = (("单位",) if county else ()) + SHORT_HEADERS
    _head(sheet, f"{owner} {register.label}学习制度执行不力人员名单", period, headers)
    found = 0
    for office in register.offices:
        for line in office.short:
            found += 1
            values: list[Any] = [office.office.name] if county else []
            values += [found, line.person.name, line.person.tier_name, line.weeks_short,
                       "、".join(w.label for w in line.short_weeks),
                       f"{line.articles}/{line.articles_required}" + ("（不足）" if line.article_short else "")]
            _row(sheet, values, wrap_from=len(values) - 1)
    if not found:
        _row(sheet, ["本季度无未达标人员"])
    _widths(sheet, headers, {len(headers) - 1: 60})


__all__ = ["write_register_xlsx"]
