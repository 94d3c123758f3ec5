"""目标任务进度表: a target's progress against plan as a landscape A4 PDF.

A yearly target prints its twelve months (计划 / 完成 / 累计计划 / 累计完成 / 完成率 …) and a
plan its years, each followed by two charts drawn with reportlab graphics: planned and actual
per period as bars, and the cumulative planned and actual as lines. The county's sum of a
target across townships adds a table by township. Landscape so no column shrinks below the
9 pt floor; the table and its charts are kept on one page when they fit. No Qt here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table
from reportlab.platypus.doctemplate import Frame, PageTemplate

from app.printing.fonts import register_cjk_font
from app.printing.layout import (
    NBSP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    DocInfo,
    FakeBold,
    LetterheadMark,
    Styles,
    blank,
    build_pdf,
    esc,
    fmt_date,
    grid_table,
    para,
    styles_for,
)
from app.services.targets import Allotment, Progress, Standing, TargetKind, fmt_quantity

_SIZE = landscape((PAGE_WIDTH, PAGE_HEIGHT))
_MARGIN_X = 15 * mm
_TOP = 20 * mm
_BOTTOM = 18 * mm
_WIDTH = _SIZE[0] - 2 * _MARGIN_X
_HEIGHT = _SIZE[1] - _TOP - _BOTTOM
_TABLE_WIDTH = 150 * mm  # the month table on the left, its two charts stacked on the right
_CHART_GAP = 6 * mm
_CHART_WIDTH = _WIDTH - _TABLE_WIDTH - _CHART_GAP

PLANNED_COLOUR = colors.Color(0.62, 0.72, 0.86)
ACTUAL_COLOUR = colors.Color(0.20, 0.55, 0.30)
SHORT_COLOUR = colors.Color(0.75, 0.10, 0.10)
SHORT_FILL = colors.Color(0.99, 0.90, 0.90)
TOTAL_FILL = colors.Color(0.93, 0.93, 0.93)

HEADERS = ("{period}", "计划", "完成", "累计计划", "累计完成", "完成率\n（累计完成÷累计计划）", "占总目标", "情况")


def _template() -> PageTemplate:
    frame = Frame(_MARGIN_X, _BOTTOM, _WIDTH, _HEIGHT, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    return PageTemplate(id="wide", frames=[frame], pagesize=_SIZE)


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def signed(progress: Progress, value: Decimal) -> str:
    # ASCII signs: the embedded CJK fonts have no U+2212 minus glyph.
    text = progress.fmt(abs(value))
    return f"+{text}" if value > 0 else (f"-{text}" if value < 0 else text)


def line_state(progress: Progress, index: int) -> str:
    line = progress.lines[index]
    if line.planned is None:
        return "未分解"
    if not line.ended:
        is_current = index == 0 or progress.lines[index - 1].ended
        return "进行中" if is_current and line.started else "未到期"
    return "未完成" if line.short else "完成"


def summary_text(progress: Progress) -> str:
    """One paragraph a leader reads first: the target, done so far, ahead or behind."""
    unit = progress.unit
    parts = [f"目标 {progress.fmt(progress.planned)} {unit}{progress.area_note}",
             f"截至 {fmt_date(progress.today)} 完成 {progress.fmt(progress.actual)} {unit}"
             f"（占目标 {percent_text(progress.percent_of_total)}）"]
    if progress.standing in (Standing.AHEAD, Standing.BEHIND, Standing.FAR_BEHIND):
        parts.append(f"按计划进度应完成 {progress.fmt(progress.planned_to_date)} {unit}，"
                     f"{'超前' if progress.gap >= 0 else '落后'} {progress.fmt(abs(progress.gap))} {unit}"
                     f"（{progress.standing.label}）")
    else:
        parts.append(progress.standing.label)
    word = "年份" if progress.kind is TargetKind.PLAN else "月份"
    if progress.short_periods:
        labels = "、".join(line.label for line in progress.lines if line.short)
        parts.append(f"未完成计划的{word}：{labels}")
    if progress.allotment is not None and progress.allotment.lines:
        parts.append(f"已分解下达到 {len(progress.allotment.lines)} 个乡镇所（见“分解下达情况”）")
    elif progress.breakdown_total is None:
        parts.append("尚未分解到" + ("年度" if progress.kind is TargetKind.PLAN else "月"))
    elif progress.shortfall > 0:
        parts.append(f"分解合计比目标少 {progress.fmt(progress.shortfall)} {unit}，请补足")
    return "；".join(parts) + "。"


def _heading(text: str, st: Styles) -> Flowable:
    return FakeBold(para(esc(text), st.emphasis), stroke=0.2)


def _table(progress: Progress, st: Styles) -> Flowable:
    centred = ParagraphStyle("target_head", parent=st.cell, alignment=TA_CENTER, rightIndent=0)
    period = "年度" if progress.kind is TargetKind.PLAN else "月份"
    head = [para(esc(h.format(period=period)).replace("\n", "<br/>"), centred) for h in HEADERS]
    rows: list[list[object]] = [head]
    for index, line in enumerate(progress.lines):
        rows.append([line.label, progress.fmt(line.planned), progress.fmt(line.actual) if line.started else "—",
                     progress.fmt(line.cum_planned), progress.fmt(line.cum_actual) if line.started else "—",
                     percent_text(line.rate),
                     percent_text(line.share_of_total), line_state(progress, index)])
    rows.append(["合计", progress.fmt(progress.breakdown_total), progress.fmt(progress.actual), "", "",
                 percent_text(_ratio(progress.actual, progress.breakdown_total)),
                 percent_text(progress.percent_of_total), ""])
    first, rate, share, state = 15 * mm, 24 * mm, 17 * mm, 15 * mm
    number = (_TABLE_WIDTH - first - rate - share - state) / 4
    widths = [first, number, number, number, number, rate, share, state]
    table = grid_table(rows, widths, st, center_cols=range(0, 8), padding=1.3)
    style: list[tuple[object, ...]] = []
    for row, line in enumerate(progress.lines, start=1):
        if line.short:
            style += [("BACKGROUND", (0, row), (-1, row), SHORT_FILL),
                      ("TEXTCOLOR", (2, row), (2, row), SHORT_COLOUR),
                      ("TEXTCOLOR", (7, row), (7, row), SHORT_COLOUR)]
    last = len(rows) - 1
    style.append(("BACKGROUND", (0, last), (-1, last), TOTAL_FILL))
    table.setStyle(style)
    return table


def _ratio(part: Decimal, whole: Decimal | None) -> Decimal | None:
    if whole is None or whole <= 0:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"))


def _closing(progress: Progress, st: Styles) -> list[Flowable]:
    """How the figures are counted, and the lines to sign, under the table."""
    notes = ["注：完成数为挂钩任务包（未撤销）报告的进度之和，按进度所属月份计入；截至今天的计划进度 = "
             "已过月份的计划 + 本月计划 × 本月已过天数 ÷ 本月天数；完成率 = 累计完成 ÷ 累计计划。"]
    if progress.uncounted_reports:
        notes.append(f"另有 {progress.uncounted_reports} 条进度报告的计量单位与目标不同且不能换算，未计入。")
    return [Spacer(1, 3 * mm), *(para(esc(n), st.note) for n in notes), Spacer(1, 5 * mm),
            para(f"填报单位：{esc(progress.scope)}", st.body_lead),
            para(f"负责人：{blank(12)}{NBSP * 6}填报人：{blank(12)}", st.body_lead),
            para(f"填报日期：{esc(fmt_date(progress.today))}", st.body_lead)]


def _side_by_side(progress: Progress, st: Styles, font: str, under_table: list[Flowable]) -> Flowable:
    """The table on the left and the two charts stacked on its right: one page for all of it."""
    chart_height = 58 * mm
    outer = Table([[[_table(progress, st), *under_table], [bar_chart(progress, font, _CHART_WIDTH, chart_height),
                                           Spacer(1, 3 * mm),
                                           line_chart(progress, font, _CHART_WIDTH, chart_height)]]],
                  colWidths=[_TABLE_WIDTH + _CHART_GAP, _CHART_WIDTH], hAlign="LEFT")
    outer.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), _CHART_GAP), ("RIGHTPADDING", (1, 0), (1, 0), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return outer


def _offices_table(progress: Progress, st: Styles) -> Flowable:
    rows: list[list[object]] = [["乡镇代码", "乡镇所", f"目标（{progress.unit}）", f"完成（{progress.unit}）", "占目标"]]
    for office, planned, actual in progress.offices:
        rows.append([office.code, para(esc(office.name), st.cell), progress.fmt(planned), progress.fmt(actual),
                     percent_text(_ratio(actual, planned))])
    rows.append(["合计", "", progress.fmt(progress.planned), progress.fmt(progress.actual),
                 percent_text(progress.percent_of_total)])
    widths = [30 * mm, 80 * mm, 40 * mm, 40 * mm, 30 * mm]
    table = grid_table(rows, widths, st, center_cols=(0, 2, 3, 4), padding=2.2)
    last = len(rows) - 1
    table.setStyle([("SPAN", (0, last), (1, last)), ("BACKGROUND", (0, last), (-1, last), TOTAL_FILL)])
    return table


def allotment_summary(allotment: Allotment, unit: str) -> str:
    """One sentence above the table by township: the county target, what was handed down, what is done."""
    text = (f"县局目标 {allotment.fmt(allotment.planned)} {unit}，已下达 {len(allotment.lines)} 个乡镇所，"
            f"合计 {allotment.fmt(allotment.allotted)} {unit}")
    if allotment.surplus > 0:
        text += f"（多下达 {allotment.fmt(allotment.surplus)} {unit}）"
    text += (f"；各乡镇所已完成 {allotment.fmt(allotment.actual)} {unit}，"
             f"占县局目标 {percent_text(allotment.percent)}")
    behind = [line.office.name for line in allotment.lines
              if line.standing in (Standing.BEHIND, Standing.FAR_BEHIND, Standing.MISSED)]
    return text + (f"；进度落后：{'、'.join(behind)}。" if behind else "；各乡镇所均未落后。")


def _allotment_table(allotment: Allotment, unit: str, st: Styles) -> Flowable:
    centred = ParagraphStyle("allot_head", parent=st.cell, alignment=TA_CENTER, rightIndent=0)
    heads = ["乡镇代码", "乡镇所", f"下达任务\n（{unit}）", f"截至今天应完成\n（{unit}）", f"已完成\n（{unit}）",
             "完成率\n（占下达）", "超前（+）\n落后（－）", "月度分解", "进度"]
    rows: list[list[object]] = [[para(esc(h).replace("\n", "<br/>"), centred) for h in heads]]
    style: list[tuple[object, ...]] = []
    for row, line in enumerate(allotment.lines, start=1):
        gap = line.gap.quantize(Decimal("0.01"))
        rows.append([line.office.code, para(esc(line.office.name), st.cell), allotment.fmt(line.planned),
                     allotment.fmt(line.planned_to_date), allotment.fmt(line.actual), percent_text(line.percent),
                     ("+" if gap > 0 else "") + fmt_quantity(gap, allotment.decimals) if gap else "0",
                     "已分解" if line.broken_down else "未分解", line.standing.label])
        if line.standing in (Standing.BEHIND, Standing.FAR_BEHIND, Standing.MISSED):
            style += [("TEXTCOLOR", (6, row), (6, row), SHORT_COLOUR), ("TEXTCOLOR", (8, row), (8, row), SHORT_COLOUR)]
        if line.standing is Standing.FAR_BEHIND:
            style.append(("BACKGROUND", (0, row), (-1, row), SHORT_FILL))
    total_gap = (allotment.actual - allotment.planned_to_date).quantize(Decimal("0.01"))
    rows.append(["各乡镇所合计", "", allotment.fmt(allotment.allotted), allotment.fmt(allotment.planned_to_date),
                 allotment.fmt(allotment.actual), percent_text(_ratio(allotment.actual, allotment.allotted)),
                 ("+" if total_gap > 0 else "") + fmt_quantity(total_gap, allotment.decimals), "", ""])
    rows.append(["县局目标", "", allotment.fmt(allotment.planned), "", allotment.fmt(allotment.actual),
                 percent_text(allotment.percent), "", "", ""])
    widths = [28 * mm, 62 * mm, 24 * mm, 30 * mm, 24 * mm, 24 * mm, 26 * mm, 22 * mm, 27 * mm]
    table = grid_table(rows, widths, st, center_cols=(0, 2, 3, 4, 5, 6, 7, 8), padding=2.0)
    for last in (len(rows) - 2, len(rows) - 1):
        style += [("SPAN", (0, last), (1, last)), ("BACKGROUND", (0, last), (-1, last), TOTAL_FILL)]
    table.setStyle(style)
    return table


def _axis_max(values: list[float]) -> tuple[float, float]:
    """A round top for the value axis and its step (never 0–0 for an empty target)."""
    top = max(values + [0.0])
    if top <= 0:
        return 5.0, 1.0
    magnitude = 10 ** (len(str(int(top))) - 1)
    for step_factor in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5):
        step = magnitude * step_factor
        if top / step <= 6:
            return step * (int(top / step) + 1), step
    return magnitude * 10.0, magnitude * 2.0


def _value_axis(axis: Any, font: str, top: float, step: float) -> None:
    axis.valueMin, axis.valueMax, axis.valueStep = 0, top, step
    axis.labels.fontName = font
    axis.labels.fontSize = 9
    axis.visibleGrid = True
    axis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)


def _legend(drawing: Drawing, font: str, right: float, top: float, pairs: list[tuple[object, str]]) -> None:
    legend = Legend()
    legend.fontName, legend.fontSize = font, 9
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 24 * mm
    legend.x, legend.y = right - 24 * mm * len(pairs), top
    legend.colorNamePairs = pairs
    drawing.add(legend)


def bar_chart(progress: Progress, font: str, width: float, height: float) -> Drawing:
    """Planned and actual per month (per year for a plan), side by side."""
    drawing = Drawing(width, height)
    planned = [float(line.planned) if line.planned is not None else 0.0 for line in progress.lines]
    actual = [float(line.actual) for line in progress.lines]
    bars = VerticalBarChart()
    bars.x, bars.y = 14 * mm, 8 * mm
    bars.width, bars.height = width - 16 * mm, height - 20 * mm
    bars.data = [planned, actual]
    bars.bars[0].fillColor = PLANNED_COLOUR
    bars.bars[1].fillColor = ACTUAL_COLOUR
    bars.bars.strokeWidth = 0.3
    bars.groupSpacing = 4
    _value_axis(bars.valueAxis, font, *_axis_max(planned + actual))
    bars.categoryAxis.categoryNames = [line.label for line in progress.lines]
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = 9
    drawing.add(bars)
    per = "每年" if progress.kind is TargetKind.PLAN else "每月"
    drawing.add(String(2 * mm, height - 5 * mm, f"{per}计划与完成（{progress.unit}）", fontName=font, fontSize=10))
    _legend(drawing, font, width, height - 2 * mm, [(PLANNED_COLOUR, "计划"), (ACTUAL_COLOUR, "完成")])
    return drawing


def line_chart(progress: Progress, font: str, width: float, height: float) -> Drawing:
    """Cumulative planned and cumulative actual; the actual line stops at the current period."""
    drawing = Drawing(width, height)
    cum_planned = [float(line.cum_planned) if line.cum_planned is not None else None for line in progress.lines]
    # What is not yet reported is not a flat line to December.
    cum_actual: list[float | None] = [float(line.cum_actual) if line.started else None
                                      for line in progress.lines]
    chart = HorizontalLineChart()
    chart.x, chart.y = 14 * mm, 8 * mm
    chart.width, chart.height = width - 16 * mm, height - 20 * mm
    data: list[list[float | None]] = []
    colours: list[object] = []
    if any(v is not None for v in cum_planned):
        data.append(cum_planned)
        colours.append(PLANNED_COLOUR)
    if any(v is not None for v in cum_actual):
        data.append(cum_actual)
        colours.append(ACTUAL_COLOUR)
    if not data:  # a plan not yet begun and not broken down: axes only (reportlab needs a line)
        data, colours = [[0.0] * len(progress.lines)], [None]
    chart.data = data
    chart.joinedLines = 1
    for index, colour in enumerate(colours):
        chart.lines[index].strokeColor = colour
        chart.lines[index].strokeWidth = 1.8
        if colour is not None:
            chart.lines[index].symbol = makeMarker("FilledCircle", size=4, fillColor=colour)
    values = [v for row in data for v in row if v is not None] + [float(progress.planned)]
    _value_axis(chart.valueAxis, font, *_axis_max(values))
    chart.categoryAxis.categoryNames = [line.label for line in progress.lines]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 9
    drawing.add(chart)
    drawing.add(String(2 * mm, height - 5 * mm, f"累计计划与累计完成（{progress.unit}）", fontName=font,
                       fontSize=10))
    _legend(drawing, font, width, height - 2 * mm, [(PLANNED_COLOUR, "累计计划"), (ACTUAL_COLOUR, "累计完成")])
    return drawing


def target_progress_pdf(progress: Progress) -> bytes:
    """The progress sheet of a yearly target, a plan, or the county's sum of a target."""
    font = register_cjk_font()
    st = styles_for(font, 11.0)
    gap = NBSP * 4
    kind = "规划" if progress.kind is TargetKind.PLAN else "年度目标"
    years = (f"{progress.first_year}—{progress.last_year}年" if progress.kind is TargetKind.PLAN
             else f"{progress.first_year}年")
    title = f"{years}{progress.name}目标任务完成情况表"
    target = progress.target
    lines = [f"单位：{progress.scope}", f"类别：{kind}", f"计量单位：{progress.unit}", f"数据截至：{fmt_date(progress.today)}"]
    story: list[Flowable] = [
        LetterheadMark(),
        FakeBold(para(esc(title), st.title), stroke=0.5),
        Spacer(1, 1 * mm),
        para(esc(gap.join(lines)), st.subtitle),
        Spacer(1, 3 * mm),
        para(esc(summary_text(progress)), st.body),
    ]
    if target is not None and target.cancelled:
        story.append(para(esc(f"该目标已于 {fmt_date(target.cancelled_at)} 撤销：{target.cancel_reason}"
                              if target.cancelled_at else ""), st.body))
    if target is not None and target.note:
        story.append(para(esc(f"说明：{target.note}"), st.note))
    period = "年度" if progress.kind is TargetKind.PLAN else "月度"
    story += [
        Spacer(1, 2 * mm),
        _heading(f"一、分{period}计划与完成情况", st),
        Spacer(1, 1.5 * mm),
        _side_by_side(progress, st, font, _closing(progress, st)),
    ]
    if progress.offices:
        story += [Spacer(1, 3 * mm),
                  KeepTogether([_heading("二、各乡镇所目标与完成", st), Spacer(1, 1.5 * mm),
                                _offices_table(progress, st)])]
    if progress.allotment is not None and progress.allotment.lines:
        # A page of its own: the county reads it township by township.
        allotment = progress.allotment
        story += [PageBreak(), _heading("二、分解下达情况", st), Spacer(1, 1.5 * mm),
                  para(esc(allotment_summary(allotment, progress.unit)), st.body), Spacer(1, 2 * mm),
                  _allotment_table(allotment, progress.unit, st), Spacer(1, 2 * mm),
                  para(esc("注：下达任务为县局分解到各乡镇所的年度目标；已完成为各乡镇所上报的任务包进度之和；"
                           "截至今天应完成按乡镇所的月度分解计算，未分解的按全年天数平均计算。"), st.note)]
    info = DocInfo(title, "", progress.scope, f"{progress.scope} {title}")
    return build_pdf(story, info, [_template()], font)
