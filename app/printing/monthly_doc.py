"""业务办理情况月报: the monthly report to the county as a PDF.

Landscape A4 throughout: the by-matter table has twelve columns and none of them
may shrink below the 9 pt floor. Four parts: the table by matter with its totals
row; the comparison with the previous month (环比) and the same month last year
(同比); the last twelve months as a small table; and two charts drawn with
reportlab graphics (intake as bars, the on-time rate as a line). Tables repeat
their header row when they run onto a new page. No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence

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
from reportlab.platypus import Flowable, KeepTogether, Spacer
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
from app.services.monthly import (
    Change,
    ComparisonLine,
    MonthlyCounts,
    MonthlyReport,
    SeriesPoint,
    rate_runs,
)

_SIZE = landscape((PAGE_WIDTH, PAGE_HEIGHT))
_MARGIN_X = 15 * mm
_TOP = 20 * mm
_BOTTOM = 18 * mm
_WIDTH = _SIZE[0] - 2 * _MARGIN_X
_HEIGHT = _SIZE[1] - _TOP - _BOTTOM

RECEIVED_COLOUR = colors.Color(0.27, 0.45, 0.77)
ACCEPTED_COLOUR = colors.Color(0.62, 0.78, 0.35)
RATE_COLOUR = colors.Color(0.80, 0.30, 0.20)

MATTER_HEADERS = ("事项编码", "事项名称", "收件", "受理", "不予受理", "一次性告知", "办结", "按期办结", "逾期",
                  "按期办结率", "平均用时（工作日）", "绿色通道")


def _template() -> PageTemplate:
    frame = Frame(_MARGIN_X, _BOTTOM, _WIDTH, _HEIGHT, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    return PageTemplate(id="wide", frames=[frame], pagesize=_SIZE)


# ------------------------------------------------------------------ figures as text


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def days_text(days: float | None) -> str:
    return "—" if days is None else f"{days:.1f}"


def signed(value: float, digits: int = 0) -> str:
    text = f"{abs(value):.{digits}f}"
    # ASCII signs: the embedded CJK fonts have no U+2212 minus glyph.
    return f"+{text}" if value > 0 else (f"-{text}" if value < 0 else text)


def difference_text(line: ComparisonLine, c: Change) -> str:
    """``+12`` for counts; ``+1.3个百分点`` for the rate; ``—`` when there is nothing to compare."""
    if c.difference is None:
        return "—"
    if line.is_rate:
        return f"{signed(c.difference * 100, 1)}个百分点"
    return signed(c.difference)


def percent_text(c: Change) -> str:
    return "—" if c.percent is None else f"{signed(c.percent * 100, 1)}%"


def value_text(line: ComparisonLine, value: float | None) -> str:
    if line.is_rate:
        return rate_text(value)
    return "—" if value is None else f"{value:.0f}"


def matter_cells(counts: MonthlyCounts) -> list[str]:
    return [str(counts.received), str(counts.accepted), str(counts.not_accepted), str(counts.notices),
            str(counts.completed), str(counts.on_time), str(counts.overdue), rate_text(counts.on_time_rate),
            days_text(counts.average_days), str(counts.green_channel)]


# ------------------------------------------------------------------ parts


def _head_style(st: Styles) -> ParagraphStyle:
    return ParagraphStyle("monthly_head", parent=st.cell, alignment=TA_CENTER, rightIndent=0)


def _heading(text: str, st: Styles) -> Flowable:
    return FakeBold(para(esc(text), st.emphasis), stroke=0.2)


def _matter_table(report: MonthlyReport, st: Styles) -> Flowable:
    centred = _head_style(st)
    head = [para(esc(h).replace("（", "<br/>（"), centred) for h in MATTER_HEADERS]
    rows: list[list[object]] = [head]
    for line in report.by_matter:
        rows.append([line.matter_code, para(esc(line.matter_name), st.cell), *matter_cells(line.counts)])
    rows.append(["合计", "", *matter_cells(report.totals)])
    code_w, number_w = 19 * mm, 19.5 * mm
    widths = [code_w, _WIDTH - code_w - 10 * number_w, *[number_w] * 10]
    table = grid_table(rows, widths, st, center_cols=range(2, 12), padding=2.5, page_height=_HEIGHT)
    last = len(rows) - 1
    table.setStyle([("SPAN", (0, last), (1, last)), ("ALIGN", (0, last), (1, last), "CENTER"),
                    ("BACKGROUND", (0, last), (-1, last), colors.Color(0.93, 0.93, 0.93))])
    return table


def _comparison_table(report: MonthlyReport, st: Styles) -> Flowable:
    previous, last_year = report.month.shifted(-1), report.month.shifted(-12)
    rows: list[list[object]] = [[
        "指标", f"本月（{report.month.short}）", f"上月（{previous.short}）", "环比增减", "环比",
        f"去年同月（{last_year.short}）", "同比增减", "同比"]]
    for line in report.comparison:
        rows.append([line.label, value_text(line, line.current),
                     value_text(line, line.previous_month.earlier), difference_text(line, line.previous_month),
                     percent_text(line.previous_month), value_text(line, line.last_year.earlier),
                     difference_text(line, line.last_year), percent_text(line.last_year)])
    first = 30 * mm
    widths = [first, *[(_WIDTH - first) / 7] * 7]
    return grid_table(rows, widths, st, center_cols=range(1, 8), padding=2.5)


def _series_table(series: Sequence[SeriesPoint], st: Styles) -> Flowable:
    rows: list[list[object]] = [["月份", *[p.month.short for p in series]]]
    rows.append(["收件", *[str(p.received) for p in series]])
    rows.append(["受理", *[str(p.accepted) for p in series]])
    rows.append(["办结", *[str(p.completed) for p in series]])
    rows.append(["按期办结率", *[rate_text(p.on_time_rate) for p in series]])
    first = 25 * mm
    widths = [first, *[(_WIDTH - first) / len(series)] * len(series)]
    return grid_table(rows, widths, st, center_cols=range(1, len(series) + 1), padding=2)


def _charts(series: Sequence[SeriesPoint], font: str) -> Drawing:
    """Intake bars (收件, 受理) on the left, the on-time rate line on the right."""
    height = 62 * mm
    gap = 12 * mm
    half = (_WIDTH - gap) / 2
    drawing = Drawing(_WIDTH, height)
    labels = [f"{p.month.month}月" for p in series]
    size = 9

    bars = VerticalBarChart()
    bars.x, bars.y = 12 * mm, 10 * mm
    bars.width, bars.height = half - 14 * mm, height - 22 * mm
    bars.data = [[p.received for p in series], [p.accepted for p in series]]
    bars.bars[0].fillColor = RECEIVED_COLOUR
    bars.bars[1].fillColor = ACCEPTED_COLOUR
    bars.bars.strokeWidth = 0.3
    bars.groupSpacing = 4
    bars.valueAxis.valueMin = 0
    if max((p.received for p in series), default=0) < 5:
        # Whole cases only: a quiet (or empty) year gets 0–5 in steps of one, not 0.2, 0.4 …
        bars.valueAxis.valueMax = 5
        bars.valueAxis.valueStep = 1
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = size
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    bars.categoryAxis.categoryNames = labels
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = size
    drawing.add(bars)
    drawing.add(String(12 * mm, height - 6 * mm, "近12个月收件、受理（件）", fontName=font, fontSize=10))
    legend = Legend()
    legend.x, legend.y = half - 48 * mm, height - 3 * mm
    legend.fontName, legend.fontSize = font, size
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 22 * mm
    legend.colorNamePairs = [(RECEIVED_COLOUR, "收件"), (ACCEPTED_COLOUR, "受理")]
    drawing.add(legend)

    left = half + gap
    line = HorizontalLineChart()
    line.x, line.y = left + 12 * mm, 10 * mm
    line.width, line.height = half - 14 * mm, height - 22 * mm
    runs = rate_runs([p.on_time_rate for p in series])
    # One data row per run of months that have a rate, None elsewhere: a month with nothing
    # completed leaves a gap instead of a line drawn straight across it.
    line.data = [[None if v is None else v * 100 for v in run] for run in runs]
    line.joinedLines = 1
    for index in range(len(line.data)):
        line.lines[index].strokeColor = RATE_COLOUR
        line.lines[index].strokeWidth = 1.5
        line.lines[index].symbol = makeMarker("FilledCircle", size=4, fillColor=RATE_COLOUR)
    if not runs:
        # Nothing completed in twelve months: the axes with an invisible zero line (reportlab
        # cannot draw a line of no points) and a word saying why it is empty.
        line.data = [[0] * len(series)]
        line.lines[0].strokeColor = None
        drawing.add(String(left + half / 2, height / 2, "近12个月无办结件", fontName=font, fontSize=10,
                           textAnchor="middle"))
    line.valueAxis.valueMin = 0
    line.valueAxis.valueMax = 100
    line.valueAxis.valueStep = 20
    line.valueAxis.labelTextFormat = "%d%%"
    line.valueAxis.labels.fontName = font
    line.valueAxis.labels.fontSize = size
    line.valueAxis.visibleGrid = True
    line.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    line.categoryAxis.categoryNames = labels
    line.categoryAxis.labels.fontName = font
    line.categoryAxis.labels.fontSize = size
    drawing.add(line)
    drawing.add(String(left + 12 * mm, height - 6 * mm, "近12个月按期办结率", fontName=font, fontSize=10))
    return drawing


# ------------------------------------------------------------------ the document


def monthly_report_pdf(report: MonthlyReport) -> bytes:
    font = register_cjk_font()
    st = styles_for(font, 11.0)
    gap = NBSP * 4
    scope = f"统计范围：{report.scope_label}{gap}" if report.scope_label else ""
    story: list[Flowable] = [
        LetterheadMark(),
        FakeBold(para(esc(report.title), st.title), stroke=0.5),
        Spacer(1, 1 * mm),
        para(esc(f"{scope}统计月份：{report.month.label}{gap}数据截至：{fmt_date(report.today)}"), st.subtitle),
        Spacer(1, 3 * mm),
        _heading("一、分事项办理情况", st),
        Spacer(1, 1.5 * mm),
        _matter_table(report, st),
        Spacer(1, 4 * mm),
        KeepTogether([_heading("二、与上月、去年同月对比", st), Spacer(1, 1.5 * mm), _comparison_table(report, st)]),
        Spacer(1, 4 * mm),
        KeepTogether([_heading("三、近12个月办件情况", st), Spacer(1, 1.5 * mm),
                      _series_table(report.series, st), Spacer(1, 3 * mm), _charts(report.series, font)]),
        Spacer(1, 3 * mm),
    ]
    closing: list[Flowable] = [para(esc(note), st.note) for note in report.notes]
    closing += [
        Spacer(1, 4 * mm),
        para(f"填报单位：{esc(report.made_by)}{NBSP * 6}负责人：{blank(12)}{NBSP * 6}填报人：{blank(12)}"
             f"{NBSP * 6}填报日期：{esc(fmt_date(report.today))}", st.body_lead),
    ]
    story.append(KeepTogether(closing))
    info = DocInfo(f"{report.month.label}业务办理情况月报", "", report.office_name,
                   f"{report.office_name} {report.month.label}")
    return build_pdf(story, info, [_template()], font)
