"""学习监督 documents: the quarterly study register (A4 landscape) and a person's yearly study
record card (A4 portrait).

The register lists everyone counted in the quarter with the weeks judged, the weeks short of the
weekly self-study minimum, hours, articles against the requirement, trainings, certificates and
达标 / 未达标, then the names of those who fall short and why (seed 004: 对学习制度执行不力的
单位和个人，实行系统内通报), the office's compliance rate, and signature lines. At the county
it starts with one line per township and then gives each township's register on its own page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import Frame, PageTemplate

from app.printing.fonts import register_cjk_font
from app.printing.layout import (
    NBSP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    DocInfo,
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
from app.services.study import (
    LineStatus,
    OfficeRegister,
    PersonLine,
    StudyCard,
    StudyRegister,
    StudyRules,
    fmt_hours,
    quarter_bounds,
    quarter_label,
)

_TOP = 20 * mm
_BOTTOM = 18 * mm
_WIDE_SIZE = landscape((PAGE_WIDTH, PAGE_HEIGHT))
_WIDE_MARGIN_X = 12 * mm
_WIDE_WIDTH = _WIDE_SIZE[0] - 2 * _WIDE_MARGIN_X
_WIDE_HEIGHT = _WIDE_SIZE[1] - _TOP - _BOTTOM
_MARGIN_X = 18 * mm
_PORTRAIT_WIDTH = PAGE_WIDTH - 2 * _MARGIN_X
_PORTRAIT_HEIGHT = PAGE_HEIGHT - _TOP - _BOTTOM
_RED = colors.Color(0.72, 0.05, 0.05)
_SHORT_SHADE = colors.Color(1.0, 0.91, 0.90)
_TOTAL_SHADE = colors.Color(0.93, 0.93, 0.93)


def _template(template_id: str, size: tuple[float, float], margin_x: float) -> PageTemplate:
    frame = Frame(margin_x, _BOTTOM, size[0] - 2 * margin_x, size[1] - _TOP - _BOTTOM, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    return PageTemplate(id=template_id, frames=[frame], pagesize=size)


def rate_text(rate: Decimal | None) -> str:
    if rate is None:
        return "—"
    return f"{(rate * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def rules_sentence(rules: StudyRules) -> str:
    return (f"每周自学不少于 {fmt_hours(rules.weekly_self_study_hours)} 小时，每季度调研文章不少于 "
            f"{rules.articles_per_quarter} 篇；工作日少于 {rules.week_min_working_days} 天的周不计")


def _centred(st: Styles) -> ParagraphStyle:
    return ParagraphStyle("centred", parent=st.cell, alignment=1)


def _red(st: Styles) -> ParagraphStyle:
    return ParagraphStyle("short", parent=st.cell, textColor=_RED, alignment=1)


# ------------------------------------------------------------------ register


REGISTER_HEADERS = ("序号", "姓名", "层级", "判定\n周数", "自学不足\n周数", "自学合计\n（小时）", "调研文章\n（篇/应）",
                    "培训\n（次/学时）", "本年本层级\n培训（学时）", "证书", "结果", "未达标情况")


def person_cells(line: PersonLine) -> list[str]:
    """One person's register line as text (the PDF and the UI table say the same)."""
    tier = (f"{fmt_hours(line.tier_training_hours)}/{fmt_hours(line.tier_training_required)}"
            if line.tier_training_required else fmt_hours(line.tier_training_hours))
    articles = f"{line.articles}/{line.articles_required}"
    if line.articles < line.articles_required and not line.quarter_ended:
        articles += "（未结束）"
    return [line.person.name, line.person.tier_name, str(line.weeks_judged), str(line.weeks_short),
            fmt_hours(line.self_study_hours), articles, f"{line.trainings}/{fmt_hours(line.training_hours)}",
            tier, str(line.certificates), line.status.label, line.reasons()]


def render_register(register: StudyRegister) -> bytes:
    """学习情况季度登记表 of an office, or at the county of every township with a summary first."""
    font = register_cjk_font()
    st = styles_for(font, 10.5)
    title = f"{register.label}学习情况登记表"
    story: list[Flowable] = []
    if register.at_county:
        story += letterhead(st, register.county_name, f"{register.label}乡镇所学习制度执行情况汇总表",
                            _period_text(register))
        story.append(Spacer(1, 3 * mm))
        story.append(_summary_table(register, st))
        story.append(Spacer(1, 3 * mm))
        story.append(para(esc(_county_note(register)), st.note))
        story += _signatures(st, county=True)
        for office in register.offices:
            story.append(PageBreak())
            story += _office_section(register, office, st, title)
    else:
        for office in register.offices:
            story += _office_section(register, office, st, title)
    owner = register.county_name if register.at_county else (register.offices[0].office.name
                                                             if register.offices else "")
    info = DocInfo(title, "", owner, "学习监督")
    return build_pdf(story, info, [_template("wide", _WIDE_SIZE, _WIDE_MARGIN_X)], font)


def _period_text(register: StudyRegister) -> str:
    weeks = register.weeks
    span = (f"{fmt_date(weeks[0].monday)}—{fmt_date(weeks[-1].sunday)}，共 {len(weeks)} 周" if weeks else "")
    state = "季度已结束" if register.ended else f"季度未结束，统计截至 {fmt_date(register.today)}（未过完的周不判定）"
    return f"统计期间：{span}；{state}"


def _county_note(register: StudyRegister) -> str:
    return (f"说明：{rules_sentence(register.rules)}。达标率 = 未出现不达标情形的人数 ÷ 参加统计人数。"
            "“自学不足人周”为各人自学不足的周数之和，“缺调研文章”为季度内调研文章不足的人数。"
            "各乡镇所的明细见后附各所登记表。")


def _summary_table(register: StudyRegister, st: Styles) -> Table:
    head = ["序号", "单位代码", "单位", "参加统计\n人数", "达标", "未达标", "待完成", "自学不足\n人周", "缺调研\n文章人数",
            "达标率"]
    rows: list[list[Any]] = [[para(esc(h).replace("\n", "<br/>"), _centred(st)) for h in head]]
    red_rows: list[int] = []
    for no, office in enumerate(register.offices, start=1):
        pending = sum(1 for line in office.lines if line.status is LineStatus.PENDING)
        if office.short:
            red_rows.append(len(rows))
        rows.append([str(no), office.office.code, para(esc(office.office.name), st.cell), str(office.counted),
                     str(office.met), str(len(office.short)), str(pending), str(office.person_weeks_short),
                     str(office.articles_short), rate_text(office.compliance_rate)])
    if not register.offices:
        rows.append(["", "", para("县局尚未收到乡镇所的数据", st.cell), *[""] * 7])
    lines = register.lines
    rows.append(["", "", "合计", str(len(lines)), str(sum(o.met for o in register.offices)),
                 str(sum(len(o.short) for o in register.offices)),
                 str(sum(1 for x in lines if x.status is LineStatus.PENDING)),
                 str(sum(o.person_weeks_short for o in register.offices)),
                 str(sum(o.articles_short for o in register.offices)), rate_text(register.compliance_rate)])
    fixed = [12 * mm, 24 * mm]
    rest = [22 * mm] * 6
    widths = [*fixed, _WIDE_WIDTH - sum(fixed) - sum(rest) - 24 * mm, *rest, 24 * mm]
    table = grid_table(rows, widths, st, center_cols=tuple(i for i in range(len(head)) if i != 2),
                       page_height=_WIDE_HEIGHT)
    last = len(rows) - 1
    table.setStyle(TableStyle([*[("TEXTCOLOR", (0, r), (-1, r), _RED) for r in red_rows],
                               ("BACKGROUND", (0, last), (-1, last), _TOTAL_SHADE)]))
    return table


def _office_section(register: StudyRegister, office: OfficeRegister, st: Styles, title: str) -> list[Flowable]:
    story: list[Flowable] = letterhead(st, office.office.name, title, _period_text(register))
    story.append(Spacer(1, 3 * mm))
    story.append(_person_table(office, st))
    story.append(Spacer(1, 3 * mm))
    short = office.short
    met_text = (f"本所参加统计 {office.counted} 人，达标 {office.met} 人，未达标 {len(short)} 人"
                + (f"，待完成 {office.counted - office.met - len(short)} 人" if office.counted - office.met - len(short)
                   else "") + f"；达标率 {rate_text(office.compliance_rate)}。")
    story.append(para(esc(met_text), st.body_lead))
    if short:
        items = [para("<b>未达标人员名单（拟予通报）：</b>", st.body_lead)]
        for no, line in enumerate(short, start=1):
            items.append(para(f"{no}. {esc(line.person.name)}（{esc(line.person.tier_name)}）：{esc(line.reasons())}",
                              st.pending))
        story.append(KeepTogether(items))
    else:
        story.append(para("本季度无未达标人员。", st.body_lead))
    skipped = [w for w in register.weeks if w.working_days < register.rules.week_min_working_days]
    notes = [rules_sentence(register.rules) + "。"]
    if skipped:
        notes.append("不计的周：" + "、".join(f"{w.monday:%m.%d}—{w.sunday:%m.%d}（工作日 {w.working_days} 天）"
                                          for w in skipped) + "。")
    notes.append("周一至周日为一周，周四所在的季度为该周所属季度；新入职人员自入职之日起计算；"
                 "调研文章按季度内的日期统计；已撤销的记录不计。")
    if register.calendar_uncertain:
        notes.append(f"注意：{register.year} 年的法定节假日安排尚未录入工作日历，按周一至周五计算工作日。")
    story.append(Spacer(1, 2 * mm))
    story.append(para(esc("说明：" + "".join(notes)), st.note))
    story += _signatures(st, county=False)
    return story


def _person_table(office: OfficeRegister, st: Styles) -> Table:
    header = [para(esc(h).replace("\n", "<br/>"), _centred(st)) for h in REGISTER_HEADERS]
    rows: list[list[Any]] = [header]
    shaded: list[int] = []
    for no, line in enumerate(office.lines, start=1):
        cells = person_cells(line)
        status = line.status
        result: Any = para(esc(cells[9]), _red(st)) if status is LineStatus.SHORT else cells[9]
        if status is LineStatus.SHORT:
            shaded.append(len(rows))
        rows.append([str(no), para(esc(cells[0]), st.cell), cells[1], cells[2], cells[3], cells[4],
                     para(esc(cells[5]), _centred(st)), cells[6], cells[7], cells[8], result,
                     para(esc(cells[10]), st.cell)])
    if not office.lines:
        rows.append(["", para("本季度没有参加统计的人员", st.cell), *[""] * 10])
    widths = [11 * mm, 20 * mm, 20 * mm, 13 * mm, 17 * mm, 17 * mm, 20 * mm, 20 * mm, 22 * mm, 11 * mm, 16 * mm]
    widths.append(_WIDE_WIDTH - sum(widths))
    table = grid_table(rows, widths, st, center_cols=(0, 2, 3, 4, 5, 7, 8, 9, 10), page_height=_WIDE_HEIGHT)
    table.setStyle(TableStyle([("BACKGROUND", (0, r), (-1, r), _SHORT_SHADE) for r in shaded]))
    return table


def _signatures(st: Styles, *, county: bool) -> list[Flowable]:
    date = f"{blank(10)}年{blank(6)}月{blank(6)}日"
    who = ("制表人", "审核人", "县局（盖章）") if county else ("填表人", "所长（签字）", "单位（盖章）")
    rows = [[para(f"{who[0]}：{blank(22)}", st.body_lead), para(f"{who[1]}：{blank(22)}", st.body_lead),
             para(f"{who[2]}{NBSP * 2}{date}", st.body_lead)]]
    table = Table(rows, colWidths=[_WIDE_WIDTH * 0.3, _WIDE_WIDTH * 0.32, _WIDE_WIDTH * 0.38])
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 6 * mm), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([Spacer(1, 2 * mm), table])]


# ------------------------------------------------------------------ personal card


def render_card(card: StudyCard) -> bytes:
    """个人学习记录卡: a person's quarters and every standing record of the year."""
    font = register_cjk_font()
    st = styles_for(font, 11.0)
    width = _PORTRAIT_WIDTH
    title = f"{card.year}年度个人学习记录卡"
    story: list[Flowable] = letterhead(st, card.office.name, title,
                                       f"统计截至 {fmt_date(min(card.today, dt.date(card.year, 12, 31)))}")
    story.append(Spacer(1, 3 * mm))
    person = card.person
    info = [["姓名", person.name, "层级", person.tier_name, "计入日期", fmt_date(person.joined)]]
    head = Table(info, colWidths=[width * f for f in (0.12, 0.2, 0.12, 0.2, 0.14, 0.22)])
    head.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), st.font, st.value.fontSize, st.value.leading),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), _TOTAL_SHADE), ("BACKGROUND", (2, 0), (2, -1), _TOTAL_SHADE),
        ("BACKGROUND", (4, 0), (4, -1), _TOTAL_SHADE),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    story.append(head)
    story.append(Spacer(1, 4 * mm))
    story.append(para("<b>一、季度学习情况</b>", st.body_lead))
    story.append(_quarters_table(card, st, width))
    story.append(Spacer(1, 2 * mm))
    required = card.tier_training_required
    tier_text = (f"本年{person.tier_name}层级培训 {fmt_hours(card.tier_training_hours)} 学时"
                 + (f"，应不少于 {fmt_hours(required)} 学时"
                    + ("，已达到。" if card.tier_training_hours >= required else "，尚差 "
                       + fmt_hours(required - card.tier_training_hours) + " 学时。") if required else "。"))
    story.append(para(esc(tier_text + rules_sentence(card.rules) + "。“不计”：该季度没有本人应计的周（尚未入职等）。"),
                      st.note))
    story.append(Spacer(1, 4 * mm))
    story.append(para("<b>二、学习记录明细</b>", st.body_lead))
    story.append(_records_table(card, st, width))
    story.append(Spacer(1, 6 * mm))
    date = f"{blank(10)}年{blank(6)}月{blank(6)}日"
    sign = Table([[para(f"本人签字：{blank(24)}", st.body_lead), para(f"日期：{date}", st.body_lead)],
                  [para(f"所长审核（签字）：{blank(18)}", st.body_lead), para(f"日期：{date}", st.body_lead)]],
                 colWidths=[width * 0.52, width * 0.48])
    sign.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 5 * mm), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(KeepTogether([sign]))
    doc_info = DocInfo(f"{title}（{person.name}）", "", card.office.name, "学习监督")
    return build_pdf(story, doc_info, [_template("card", (PAGE_WIDTH, PAGE_HEIGHT), _MARGIN_X)], font)


def _quarters_table(card: StudyCard, st: Styles, width: float) -> Table:
    head = ["季度", "判定\n周数", "自学不足\n周数", "自学合计\n（小时）", "调研文章\n（篇/应）", "培训\n（次）", "证书", "结果"]
    rows: list[list[Any]] = [[para(esc(h).replace("\n", "<br/>"), _centred(st)) for h in head]]
    shaded: list[int] = []
    notes: list[str] = []
    for quarter, line in card.quarters:
        name = quarter_label(card.year, quarter)[5:]
        if line is None:
            begun = quarter_bounds(card.year, quarter)[0] <= card.today
            rows.append([name, "—", "—", "—", "—", "—", "—", "不计" if begun else "未开始"])
            continue
        label = line.status.label + ("" if line.quarter_ended else "（未结束）")
        status: Any = para(esc(label), _centred(st))
        if line.status is LineStatus.SHORT:
            shaded.append(len(rows))
            status = para(esc(label), _red(st))
            notes.append(f"{name}：{line.reasons()}")
        rows.append([name, str(line.weeks_judged), str(line.weeks_short), fmt_hours(line.self_study_hours),
                     f"{line.articles}/{line.articles_required}", str(line.trainings), str(line.certificates), status])
    widths = [width * f for f in (0.12, 0.1, 0.12, 0.14, 0.14, 0.09, 0.08, 0.21)]
    table = grid_table(rows, widths, st, center_cols=tuple(range(8)), page_height=_PORTRAIT_HEIGHT)
    table.setStyle(TableStyle([("BACKGROUND", (0, r), (-1, r), _SHORT_SHADE) for r in shaded]))
    if not notes:
        return table
    holder = Table([[table], [para(esc("未达标情况：" + "；".join(notes)), st.note)]], colWidths=[width])
    holder.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return holder


def _records_table(card: StudyCard, st: Styles, width: float) -> Table:
    rows: list[list[Any]] = [["日期", "类别", "学习内容 / 题目", "学时", "说明"]]
    for item in card.records:
        details = []
        if item.organiser:
            details.append(item.organiser)
        if item.level_name:
            details.append(item.level_name)
        if item.certificate_no:
            details.append(f"编号 {item.certificate_no}")
        if item.evidence_file:
            details.append(f"附件 {item.evidence_file}")
        rows.append([f"{item.on_date:%Y-%m-%d}", item.kind.label, para(esc(item.title), st.cell),
                     fmt_hours(item.hours) if item.hours else "", para(esc("；".join(details)), st.cell)])
    if not card.records:
        rows.append(["", "", para("本年度没有学习记录", st.cell), "", ""])
    widths = [width * f for f in (0.14, 0.1, 0.42, 0.08, 0.26)]
    return grid_table(rows, widths, st, center_cols=(0, 1, 3), page_height=_PORTRAIT_HEIGHT)


__all__: Sequence[str] = ["person_cells", "render_card", "render_register"]
