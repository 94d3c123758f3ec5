"""Registers (台账) as PDFs: landscape A4, like the daily 首问负责登记簿.

One layout for the four registers (app.services.registers gives the columns):
the office and the register's title, the range and the printing date, a ruled
table whose header row repeats on every page, a 合计 row, the summary sentence
and lines for the clerk's and the head's signatures. Page numbers ("第 x 页 共 y 页")
and a running header on continuation pages come from layout.build_pdf.

Columns with short, fixed-format values (numbers, dates, times) are as wide as
their longest value and printed as plain strings (no Paragraph parsing: a year of
a busy office is thousands of rows); columns of free text share the rest of the
width and wrap. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from app.printing.fonts import register_cjk_font
from app.printing.layout import (
    LIGHT_GREY,
    NBSP,
    DocInfo,
    FakeBold,
    Styles,
    blank,
    build_pdf,
    esc,
    grid_table,
    letterhead,
    para,
    styles_for,
)
from app.printing.routing_docs import (
    _WIDE_HEIGHT,
    _WIDE_WIDTH,
    _cell_styles,
    _headers,
    _text,
    _wide_template,
)
from app.services.registers import EMPTY_TEXT, Align, Register, RegisterColumn, cell_text

# Left + right cell padding of grid_table, and a hair for rounding in the font metrics.
_PADDING = 6 + 1.5
# No column narrower than two characters of the header: "序号", "方式".
_MIN_FIXED = 2
_LATE_SHADE = colors.Color(0.93, 0.93, 0.93)


def column_widths(columns: Sequence[RegisterColumn], font: str, size: float, width: float) -> list[float]:
    """Fixed columns as wide as their sample value; wrapping columns share the rest by weight."""
    fixed: list[float | None] = []
    for column in columns:
        if column.wrap:
            fixed.append(None)
            continue
        sample = max(stringWidth(column.sample, font, size),
                     stringWidth(column.title[:_MIN_FIXED], font, size))
        fixed.append(sample + _PADDING)
    used = sum(w for w in fixed if w is not None)
    weights = sum(c.weight for c in columns if c.wrap) or 1.0
    rest = max(width - used, 0.0)
    return [w if w is not None else rest * c.weight / weights for w, c in zip(fixed, columns, strict=True)]


def _cells(values: Sequence[Any], columns: Sequence[RegisterColumn], widths: Sequence[float],
           st: Styles) -> list[Any]:
    _, center, _ = _cell_styles(st.font, st.cell.fontSize)
    out: list[Any] = []
    size = st.cell.fontSize
    for value, column, width in zip(values, columns, widths, strict=True):
        # A time goes under its date: the column stays as narrow as a date.
        text = f"{value:%Y-%m-%d}\n{value:%H:%M}" if isinstance(value, dt.datetime) else cell_text(value)
        if all(stringWidth(line, st.font, size) + _PADDING <= width for line in text.split("\n")):
            out.append(text)  # fits as it is: drawn without Paragraph parsing
        else:
            style = center if column.align is Align.CENTER else st.cell
            out.append(para(_text(text), style))
    return out


def render_register(register: Register) -> bytes:
    """The register as a PDF (landscape A4)."""
    font = register_cjk_font()
    st = styles_for(font, 10.5)
    width = _WIDE_WIDTH
    columns = register.columns
    widths = column_widths(columns, font, st.cell.fontSize, width)
    subtitle = f"登记期间：{register.range_label}{NBSP * 6}打印日期：{register.printed_on.year}年" \
               f"{register.printed_on.month}月{register.printed_on.day}日"
    office = f"{register.office_name}（{register.scope}）" if register.scope else register.office_name
    story: list[Flowable] = [*letterhead(st, office, register.title, subtitle), Spacer(1, 3 * mm)]

    body: list[list[Any]] = [_headers([esc(c.title) for c in columns], st)]
    body += [_cells(row, columns, widths, st) for row in register.rows]
    extra: list[tuple[Any, ...]] = []
    if not register.rows:
        _, center, _ = _cell_styles(st.font, st.emphasis.fontSize)
        body.append([para(EMPTY_TEXT, center), *[""] * (len(columns) - 1)])
        extra += [("SPAN", (0, 1), (-1, 1)), ("TOPPADDING", (0, 1), (-1, 1), 6 * mm),
                  ("BOTTOMPADDING", (0, 1), (-1, 1), 6 * mm)]
    body.append(_cells(register.total_row, columns, widths, st))
    center_cols = [i for i, c in enumerate(columns) if c.align is Align.CENTER]
    table = grid_table(body, widths, st, center_cols=center_cols, padding=3, page_height=_WIDE_HEIGHT)
    if len(table._cellvalues) == len(body):  # no row was cut to fit a page: indexes still hold
        extra += [("BACKGROUND", (0, i + 1), (-1, i + 1), _LATE_SHADE)
                  for i in sorted(register.highlighted)]
    extra += [("BACKGROUND", (0, -1), (-1, -1), LIGHT_GREY), ("ALIGN", (0, -1), (-1, -1), "CENTER")]
    table.setStyle(TableStyle(extra))
    story.append(table)
    story.append(Spacer(1, 3 * mm))
    # The summary and the signatures stay together: a signature line alone on a last page
    # would sign nothing visible.
    story.append(KeepTogether([
        FakeBold(para(esc(register.summary), st.value), stroke=0.15),
        Spacer(1, 6 * mm),
        para(f"登记人：{blank(14)}{NBSP * 8}负责人审阅：{blank(14)}{NBSP * 8}"
             f"日期：{blank(8)}年{blank(4)}月{blank(4)}日", st.body_lead),
    ]))
    info = DocInfo(f"{register.title}（{register.first:%Y-%m-%d}至{register.last:%Y-%m-%d}）", "",
                   office)
    return build_pdf(story, info, [_wide_template()], font)


__all__ = ["column_widths", "render_register"]
