"""千分制考核 documents: one office's score sheet (A4 portrait) and the county ranking
(A4 landscape, and as an Excel workbook).

The score sheet lists every category and item with its full points, the points got and why
(the computation's findings for 自动计算 items, the entered deductions' notes otherwise), the
bonuses, deductions and veto items, the totals and the outcome under seed 004's thresholds,
and signature lines for the office and the county.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import Frame, PageTemplate

from app.assessment import AssessmentResult, fmt_points
from app.printing.fonts import register_cjk_font
from app.printing.layout import (
    LIGHT_GREY,
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
    letterhead,
    para,
    styles_for,
)

if TYPE_CHECKING:
    from app.services.assessment import OfficeAssessment, Ranking

_MARGIN_X = 18 * mm
_TOP = 22 * mm
_BOTTOM = 18 * mm
_PORTRAIT_WIDTH = PAGE_WIDTH - 2 * _MARGIN_X
_PORTRAIT_HEIGHT = PAGE_HEIGHT - _TOP - _BOTTOM
_WIDE_SIZE = landscape((PAGE_WIDTH, PAGE_HEIGHT))
_WIDE_MARGIN_X = 12 * mm
_WIDE_WIDTH = _WIDE_SIZE[0] - 2 * _WIDE_MARGIN_X
_WIDE_HEIGHT = _WIDE_SIZE[1] - _TOP - _BOTTOM

_CATEGORY_SHADE = colors.Color(0.93, 0.93, 0.93)
_RED = colors.Color(0.75, 0.05, 0.05)
_NUMERALS = "一二三四五六七八九十"


def _template(template_id: str, size: tuple[float, float], margin_x: float) -> PageTemplate:
    width = size[0] - 2 * margin_x
    height = size[1] - _TOP - _BOTTOM
    frame = Frame(margin_x, _BOTTOM, width, height, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    return PageTemplate(id=template_id, frames=[frame], pagesize=size)


def percent_text(value: Decimal) -> str:
    """95.00% — two places, rounded half up (the exact value decides the thresholds)."""
    return f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP)}%"


def coefficient_text(value: Decimal) -> str:
    return f"{(value * 100).quantize(Decimal('0.01'), ROUND_HALF_UP)}%"


def _ordinal(index: int) -> str:
    return _NUMERALS[index] if index < len(_NUMERALS) else str(index + 1)


def _red(st: Styles, *, centred: bool = False) -> ParagraphStyle:
    return ParagraphStyle("red", parent=st.cell, textColor=_RED, alignment=1 if centred else 0)


# ------------------------------------------------------------------ score sheet


def render_score_sheet(data: OfficeAssessment) -> bytes:
    """评分表 of one office for one year."""
    font = register_cjk_font()
    st = styles_for(font, 11.0)
    result = data.result
    scheme = result.scheme
    width = _PORTRAIT_WIDTH
    title = f"{data.year}年度目标责任千分制考核评分表"
    story: list[Flowable] = letterhead(
        st, data.office.name, title,
        f"考核方案 {scheme.version}（{scheme.issued_by} {fmt_date(scheme.issued_on)} 印发）")
    story.append(Spacer(1, 3 * mm))
    story.append(_summary_table(result, st, width))
    story.append(Spacer(1, 4 * mm))
    story.append(_items_table(result, st, width))
    story.append(Spacer(1, 4 * mm))
    story += _rules_tables(result, st, width)
    story.append(Spacer(1, 3 * mm))
    o = scheme.outcome
    story.append(para(
        f"说明：得分率 = 总分 ÷ {fmt_points(scheme.total)}。得分率低于 {fmt_points(o.awards_threshold)}% 的，"
        f"不得参加综合先进单位评选；低于 {fmt_points(o.recommend_threshold)}% 的，单位主要负责人不得作为"
        f"后备干部推荐人选和提拔使用对象；低于 {fmt_points(o.full_pay_threshold)}% 的，每递减一个百分点，"
        f"全所人员考核工资下浮 {fmt_points(o.pay_cut_per_point)}%，直至扣完为止。触发一票否决的，当年不得评先评优，"
        f"主要负责人不予推荐提拔。“自动计算”项目依据办件数据，统计截至 {fmt_date(data.today)}。", st.note))
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether([_signatures(st, width)]))
    info = DocInfo(title, "", data.office.name, "千分制考核")
    return build_pdf(story, info, [_template("sheet", (PAGE_WIDTH, PAGE_HEIGHT), _MARGIN_X)], font)


def _summary_table(result: AssessmentResult, st: Styles, width: float) -> Table:
    v = result.verdict
    value = st.value
    outcome_style = ParagraphStyle("outcome", parent=value, textColor=_RED) if (
        v.vetoed or not v.awards_eligible) else value
    veto_text = "是（" + "、".join(r.veto.name for r in result.vetoes) + "）" if v.vetoed else "否"
    rows = [
        ["基本得分", fmt_points(result.base), "加分", fmt_points(result.bonus), "扣分", fmt_points(result.deduction)],
        ["总分", fmt_points(result.total), "得分率", percent_text(v.percentage),
         "考核工资系数", coefficient_text(v.pay_coefficient)],
        ["一票否决", para(esc(veto_text), outcome_style if v.vetoed else value), "考核结果",
         para(esc(v.text), outcome_style), "", ""],
    ]
    widths = [width * f for f in (0.14, 0.19, 0.12, 0.2, 0.16, 0.19)]
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), st.font, st.value.fontSize, st.value.leading),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), LIGHT_GREY),
        ("BACKGROUND", (2, 0), (2, -1), LIGHT_GREY),
        ("BACKGROUND", (4, 0), (4, 1), LIGHT_GREY),
        ("SPAN", (3, 2), (5, 2)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _items_table(result: AssessmentResult, st: Styles, width: float) -> Table:
    widths = [width * f for f in (0.09, 0.37, 0.08, 0.08, 0.38)]
    small = ParagraphStyle("standard", parent=st.cell, fontSize=9, leading=11.5,
                           textColor=colors.Color(0.25, 0.25, 0.25))
    rows: list[list[Any]] = [["编码", "考核项目及评分标准", "分值", "得分", "评分情况"]]
    spans: list[tuple[Any, ...]] = []
    for index, cat in enumerate(result.categories):
        row = len(rows)
        rows.append([para(f"<b>{_ordinal(index)}、{esc(cat.category.name)}</b>（{esc(cat.category.code)}）", st.cell),
                     "", fmt_points(cat.category.points), fmt_points(cat.got), ""])
        spans += [("SPAN", (0, row), (1, row)), ("BACKGROUND", (0, row), (-1, row), _CATEGORY_SHADE)]
        for item in cat.items:
            name = esc(item.item.name)
            if item.item.standard:
                name += f"<br/><font size=9 color='#404040'>{esc(item.item.standard)}</font>"
            if item.computed:
                how = f"自动计算：{esc(item.detail)}"
                if item.deducted:
                    how += f"，扣 {fmt_points(item.deducted)} 分"
            elif item.notes:
                how = "<br/>".join(esc(n) for n in item.notes)
            else:
                how = "未扣分"
            got = para(fmt_points(item.got), _red(st, centred=True)) if item.deducted else fmt_points(item.got)
            rows.append([item.item.code, para(name, st.cell), fmt_points(item.item.points), got,
                         para(how, small)])
    rows.append([para("<b>合计（基本得分）</b>", st.cell), "", fmt_points(result.scheme.total),
                 fmt_points(result.base), ""])
    last = len(rows) - 1
    table = grid_table(rows, widths, st, center_cols=(0, 2, 3), page_height=_PORTRAIT_HEIGHT)
    table.setStyle(TableStyle([*spans, ("SPAN", (0, last), (1, last)),
                               ("BACKGROUND", (0, last), (-1, last), _CATEGORY_SHADE)]))
    return table


def _rules_tables(result: AssessmentResult, st: Styles, width: float) -> list[Flowable]:
    scheme = result.scheme
    out: list[Flowable] = []
    widths = [width * f for f in (0.09, 0.37, 0.08, 0.08, 0.38)]
    for title, rules, found in (("加分项目（合计不超过 " + fmt_points(scheme.bonus_cap) + " 分）",
                                 scheme.bonuses, result.bonuses),
                                ("扣分项目", scheme.deductions, result.deductions)):
        if not rules:
            continue
        got = {r.rule.code: r for r in found}
        rows: list[list[Any]] = [["编码", para(f"<b>{esc(title)}</b>", st.cell), "上限", "分数", "情况"]]
        for rule in rules:
            hit = got.get(rule.code)
            name = esc(rule.name) + (f"<br/><font size=9 color='#404040'>{esc(rule.standard)}</font>"
                                     if rule.standard else "")
            rows.append([rule.code, para(name, st.cell), fmt_points(rule.max),
                         fmt_points(hit.points) if hit else "—",
                         para("<br/>".join(esc(n) for n in hit.notes) if hit else "无", st.cell)])
        out += [grid_table(rows, widths, st, center_cols=(0, 2, 3), page_height=_PORTRAIT_HEIGHT),
                Spacer(1, 3 * mm)]
    if scheme.vetoes:
        triggered = {r.veto.code: r for r in result.vetoes}
        rows = [["编码", para("<b>一票否决事项</b>", st.cell), "情况", "", ""]]
        for veto in scheme.vetoes:
            hit = triggered.get(veto.code)
            name = esc(veto.name) + (f"<br/><font size=9 color='#404040'>{esc(veto.standard)}</font>"
                                     if veto.standard else "")
            state = (para("触发一票否决：" + "；".join(esc(n) for n in hit.notes), _red(st)) if hit
                     else para("未发生", st.cell))
            rows.append([veto.code, para(name, st.cell), state, "", ""])
        table = grid_table(rows, widths, st, center_cols=(0,), page_height=_PORTRAIT_HEIGHT)
        table.setStyle(TableStyle([("SPAN", (2, r), (4, r)) for r in range(len(rows))]))
        out.append(table)
    return out


def _signatures(st: Styles, width: float) -> Table:
    date = f"{blank(10)}年{blank(6)}月{blank(6)}日"
    rows = [
        [para(f"自评人（签字）：{blank(30)}", st.body_lead), para(f"日期：{date}", st.body_lead)],
        [para(f"单位主要负责人（签字）：{blank(22)}", st.body_lead), para(f"日期：{date}", st.body_lead)],
        [para(f"县局考核人（签字）：{blank(25)}", st.body_lead), para(f"县局（盖章）{NBSP * 2}日期：{date}", st.body_lead)],
    ]
    table = Table(rows, colWidths=[width * 0.55, width * 0.45])
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 5 * mm), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


# ------------------------------------------------------------------ county ranking


def ranking_headers(ranking: Ranking) -> list[str]:
    categories = [f"{c.name}\n（{fmt_points(c.points)}）" for c in ranking.scheme.categories]
    return ["名次", "单位代码", "单位", *categories, "加分", "扣分", "总分", "得分率", "一票否决",
            "评先评优", "所长推荐提拔", "考核工资系数"]


def ranking_cells(line: Any) -> list[Any]:
    """One township's row as plain values (Decimal points, text for the outcome)."""
    r: AssessmentResult = line.result
    v = r.verdict
    return [line.rank, line.office.code, line.office.name, *(c.got for c in r.categories), r.bonus,
            r.deduction, r.total, v.percentage, "否决" if v.vetoed else "",
            "可以" if v.awards_eligible else "不得", "可以" if v.head_recommended else "不予", v.pay_coefficient]


def render_ranking(ranking: Ranking) -> bytes:
    """县局: every township's result side by side, best first, vetoed offices last."""
    font = register_cjk_font()
    st = styles_for(font, 10.5)
    width = _WIDE_WIDTH
    title = f"{ranking.year}年度乡镇国土资源所千分制考核排名表"
    story: list[Flowable] = [
        LetterheadMark(),
        FakeBold(para(esc(ranking.county_name), st.letterhead), stroke=0.3),
        FakeBold(para(esc(title), st.title), stroke=0.5),
        para(esc(f"考核方案 {ranking.scheme.version}；办件数据截至 {fmt_date(ranking.today)}"), st.subtitle),
        Spacer(1, 3 * mm),
    ]
    n_cat = len(ranking.scheme.categories)
    head = ranking_headers(ranking)
    header_style = ParagraphStyle("h", parent=st.cell, alignment=1)
    header_cells = [para(esc(h).replace("\n", "<br/>"), header_style) for h in head]
    rows: list[list[Any]] = [header_cells]
    red_rows: list[int] = []
    for line in ranking.lines:
        cells = ranking_cells(line)
        shown = [str(cells[0]), cells[1], para(esc(cells[2]), st.cell),
                 *(fmt_points(c) for c in cells[3:3 + n_cat]),
                 fmt_points(cells[3 + n_cat]), fmt_points(cells[4 + n_cat]), fmt_points(cells[5 + n_cat]),
                 percent_text(cells[6 + n_cat]), cells[7 + n_cat], cells[8 + n_cat], cells[9 + n_cat],
                 coefficient_text(cells[10 + n_cat])]
        if line.result.verdict.vetoed or not line.result.verdict.awards_eligible:
            red_rows.append(len(rows))
        rows.append(shown)
    if not ranking.lines:
        rows.append(["", "", para("县局尚未收到乡镇所的数据", st.cell), *[""] * (len(head) - 3)])
    fixed = [10 * mm, 20 * mm, 36 * mm]
    tail = [11 * mm, 11 * mm, 14 * mm, 17 * mm, 14 * mm, 14 * mm, 14 * mm, 17 * mm]
    rest = (width - sum(fixed) - sum(tail)) / max(1, n_cat)
    widths = [*fixed, *[rest] * n_cat, *tail]
    table = grid_table(rows, widths, st, center_cols=tuple(i for i in range(len(head)) if i != 2),
                       page_height=_WIDE_HEIGHT)
    table.setStyle(TableStyle([("TEXTCOLOR", (0, r), (-1, r), _RED) for r in red_rows]))
    story.append(table)
    o = ranking.scheme.outcome
    story.append(Spacer(1, 3 * mm))
    story.append(para(
        f"说明：得分率低于 {fmt_points(o.awards_threshold)}% 不得评先评优，低于 {fmt_points(o.recommend_threshold)}% "
        f"所长不予推荐提拔，低于 {fmt_points(o.full_pay_threshold)}% 每递减一个百分点考核工资下浮 "
        f"{fmt_points(o.pay_cut_per_point)}%；触发一票否决的单位排在最后。红色为不得评先评优的单位。", st.note))
    story.append(Spacer(1, 6 * mm))
    story.append(para(f"制表人：{blank(30)}{NBSP * 10}审核人：{blank(30)}{NBSP * 10}"
                      f"日期：{blank(10)}年{blank(6)}月{blank(6)}日", st.body_lead))
    info = DocInfo(title, "", ranking.county_name, "千分制考核")
    return build_pdf(story, info, [_template("wide", _WIDE_SIZE, _WIDE_MARGIN_X)], font)


def write_ranking_xlsx(ranking: Ranking, path: Path) -> Path:
    """The ranking as a workbook: Chinese headers, frozen header row, widths, an average row."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from app.reports.excel import display_width, save_workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{ranking.year}年度考核排名"
    head = ranking_headers(ranking)
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    n_cat = len(ranking.scheme.categories)
    for line in ranking.lines:
        cells = ranking_cells(line)
        sheet.append([float(c) if isinstance(c, Decimal) else c for c in cells])
    if ranking.lines:
        count = len(ranking.lines)
        numbers = [sum((ranking_cells(line)[i] for line in ranking.lines), Decimal(0)) / count
                   for i in range(3, 7 + n_cat)]
        sheet.append(["平均", "", "", *(float(n.quantize(Decimal("0.01"))) for n in numbers)])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="F2F2F2")
    last = sheet.max_row
    for row in sheet.iter_rows(min_row=2, max_row=last):
        row[6 + n_cat].number_format = '0.00"%"'
        row[10 + n_cat].number_format = "0.00%"
        for cell in row[3:6 + n_cat]:
            cell.number_format = "0.##"
    sheet.append([])
    o = ranking.scheme.outcome
    sheet.append([f"考核方案 {ranking.scheme.version}；办件数据截至 {ranking.today:%Y-%m-%d}；得分率低于 "
                  f"{fmt_points(o.awards_threshold)}% 不得评先评优，低于 {fmt_points(o.recommend_threshold)}% "
                  "所长不予推荐提拔；一票否决的单位排在最后"])
    sheet.freeze_panes = "A2"
    from openpyxl.utils import get_column_letter

    for index, header in enumerate(head, start=1):
        values = [r[index - 1] for r in sheet.iter_rows(min_row=2, max_row=last, values_only=True)]
        width = max([min(display_width(header), 16), *(display_width(v) for v in values)]) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 7), 40)
    sheet.row_dimensions[1].height = 32
    book.properties.title = f"{ranking.year}年度千分制考核排名"
    save_workbook(book, path)
    return path


__all__: Sequence[str] = ["render_ranking", "render_score_sheet", "write_ranking_xlsx"]
