"""Task package papers: 任务书及验收单, 督查整改通知书 and the year's 任务包台账.

Seed 004 (打包入库—二级管理—全程督查—验收出库—严格考核): the task sheet is the package's
file copy — what was to be done by whom and by when, the milestones, every progress report,
each inspection with its rectification, and the acceptance and score — signed by the
responsible person and the accepting leader. Parts not yet reached print as blanks to be
filled by hand, so the sheet can be printed at entry and again at acceptance.

The register is landscape A4 so that no column falls below the 9 pt floor. No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.printing.documents import _full_template
from app.printing.fonts import register_cjk_font
from app.printing.layout import (
    NBSP,
    DocInfo,
    FakeBold,
    LetterheadMark,
    Styles,
    blank,
    build_pdf,
    esc,
    fmt_date,
    fmt_datetime,
    grid_table,
    letterhead,
    para,
    styles_for,
    to_local,
)
from app.printing.routing_docs import (
    _PORTRAIT_HEIGHT,
    _PORTRAIT_WIDTH,
    _WIDE_HEIGHT,
    _WIDE_WIDTH,
    _cell_styles,
    _date_blank,
    _form_table,
    _short_date,
    _text,
    _wide_template,
    _writing_lines,
)
from app.services.packages import (
    DONE_STATUSES,
    InspectionItem,
    InspectionNotice,
    PackageDetail,
    PackageItem,
    PackageRegister,
    PackageStatus,
    fmt_quantity,
)

_LABEL = 24 * mm


def _v(text: str, st: Styles) -> Any:
    return para(_text(text) if text else "", st.value)


def _quantity(value: Decimal | None, unit: str) -> str:
    return f"{fmt_quantity(value)}{unit}" if value is not None else ""


def _progress_text(item: PackageItem) -> str:
    if item.target_quantity is None:
        return f"已完成 {_quantity(item.achieved, item.unit)}" if item.achieved else "（未设数量目标）"
    return (f"{_quantity(item.achieved, item.unit)} / {_quantity(item.target_quantity, item.unit)}"
            f"（{item.progress}%）")


def _timing(item: PackageItem) -> str:
    if item.status is PackageStatus.CANCELLED:
        return "已撤销"
    if item.status in DONE_STATUSES:
        return f"逾期 {item.days_late} 个工作日验收" if item.days_late else "按期验收"
    if item.days_late:
        return f"已逾期 {item.days_late} 个工作日"
    return f"剩余 {item.days_left} 个工作日" if item.days_left else "今天截止"


def _heading(text: str, st: Styles) -> Flowable:
    return FakeBold(para(esc(text), st.emphasis), stroke=0.2)


def _section(title: str, st: Styles, body: Flowable) -> Flowable:
    """A heading kept with (the start of) what it heads: never alone at the foot of a page."""
    return KeepTogether([_heading(title, st), Spacer(1, 1 * mm), body])


def _four(width: float) -> list[float]:
    """label, value, label, value: the first value holds a 21-character package number."""
    first = 62 * mm
    return [_LABEL, first, _LABEL, width - 2 * _LABEL - first]


def _table(head: Sequence[str], rows: list[list[Any]], widths: Sequence[float], st: Styles, *,
           center: Sequence[int], empty: str, height: float) -> Flowable:
    h, _, _ = _cell_styles(st.font, st.cell.fontSize)
    header = [para(text, h) for text in head]
    if not rows:
        rows = [[para(esc(empty), st.cell), *([""] * (len(head) - 1))]]
        table = grid_table([header, *rows], widths, st, center_cols=center)
        table.setStyle([("SPAN", (0, 1), (-1, 1))])
        return table
    return grid_table([header, *rows], widths, st, center_cols=center, page_height=height)


# ------------------------------------------------------------------ 任务书及验收单


def render_package_sheet(detail: PackageDetail) -> bytes:
    """任务书及验收单 of one package."""
    font = register_cjk_font()
    st = styles_for(font, 11.0)
    width = _PORTRAIT_WIDTH
    item = detail.item
    _, center, _ = _cell_styles(font, st.cell.fontSize)
    c = st.cell
    people = "、".join(n for n in item.co_workers if n) or "无"
    assigned = f"{detail.assigned_by} {fmt_datetime(detail.assigned_at)}" if detail.assigned_at else ""
    rows: list[list[Any]] = [
        ["任务名称", _v(item.title, st), "", ""],
        ["类　　别", _v(item.category, st), "目标数量",
         _v(_quantity(item.target_quantity, item.unit) or "（无数量目标）", st)],
        ["计入目标", _v(item.target_name or "（不计入目标任务）", st), "完成情况", _v(_progress_text(item), st)],
        ["开始日期", _v(fmt_date(item.start_date), st), "工　　期", _v(f"{item.working_days} 个工作日", st)],
        ["截止日期", _v(fmt_date(item.due_date), st), "当前状态", _v(f"{item.status_label}，{_timing(item)}", st)],
        ["责 任 人", _v(item.responsible or "（尚未分配）", st), "协 办 人", _v(people, st)],
        ["入　　库", _v(f"{detail.entered_by} {fmt_datetime(detail.entered_at)}", st), "分　　配", _v(assigned, st)],
        ["任务说明", para(_text(detail.description) or "—", st.body_lead), "", ""],
    ]
    form = _form_table(rows, _four(width), st, label_cols=(0, 2),
                       spans=[((1, 0), (3, 0)), ((1, 7), (3, 7))])
    year = item.due_date.year
    story: list[Flowable] = letterhead(st, detail.office.name, "任务包任务书及验收单", number=item.number)
    story += [Spacer(1, 3 * mm), form, Spacer(1, 5 * mm)]
    milestone_rows = [
        [str(m.seq), para(_text(m.title), c), para(fmt_date(m.due_date), center),
         para(fmt_date(to_local(m.done_at).date()) if m.done_at else "", center),
         para("已完成" if m.done else ("逾期未完成" if m.due_date < detail.today else "未完成"), center)]
        for m in detail.milestones
    ]
    story.append(_section("一、进度节点", st, _table(("序号", "节点内容", "计划日期", "完成时间", "状态"), milestone_rows,
                        [12 * mm, width - 12 * mm - 30 * mm - 36 * mm - 24 * mm, 30 * mm, 36 * mm, 24 * mm],
                        st, center=(0,), empty="未设进度节点", height=_PORTRAIT_HEIGHT)))
    story.append(Spacer(1, 5 * mm))
    progress_rows = [
        [str(n), para(_short_date(p.as_of, year), center), para(_quantity(p.quantity, item.unit), center),
         para(_quantity(p.cumulative, item.unit), center),
         para(_text(p.note) + (f"<br/>附：{esc('、'.join(p.files))}" if p.files else ""), c),
         para(esc(p.reported_by), center)]
        for n, p in enumerate(detail.progress, start=1)
    ]
    story.append(_section("二、进度报告", st, _table(("序号", "截至", "本期完成", "累计完成", "进度情况", "报告人"), progress_rows,
                        [12 * mm, 22 * mm, 22 * mm, 22 * mm, width - 12 * mm - 66 * mm - 20 * mm, 20 * mm],
                        st, center=(0,), empty="尚无进度报告", height=_PORTRAIT_HEIGHT)))
    story.append(Spacer(1, 5 * mm))
    inspection_rows = [
        [para(esc(i.number), center), para(f"{esc(i.issued_by)}<br/>{_short_date(to_local(i.issued_at).date(), year)}",
                                            center),
         para(_text(i.finding), c), para(_text(i.requirement), c),
         para(_short_date(i.rectify_due, year), center), para(_rectification(i, year), c)]
        for i in detail.inspections
    ]
    rest = width - 46 * mm - 15 * mm - 13 * mm  # the number on one line, the texts share the rest
    story.append(_section("三、督查整改", st, _table(("督查编号", "督查人", "发现问题", "整改要求", "期限", "整改情况"), inspection_rows,
                        [46 * mm, 15 * mm, rest * 0.3, rest * 0.3, 13 * mm, rest * 0.4],
                        st, center=(), empty="未经督查", height=_PORTRAIT_HEIGHT)))
    story.append(Spacer(1, 5 * mm))
    story.append(_section("四、验收与评分", st, _acceptance(detail, st, width)))
    story += [Spacer(1, 6 * mm), _signatures(st, width)]
    info = DocInfo("任务包任务书及验收单", item.number, detail.office.name, item.title)
    return build_pdf(story, info, [_full_template()], font)


def _rectification(i: InspectionItem, year: int) -> str:
    if i.rectified_at is None:
        return "逾期未整改" if i.overdue else "待整改"
    late = "（逾期）" if to_local(i.rectified_at).date() > i.rectify_due else ""
    return (f"{_text(i.rectification)}<br/>{esc(i.rectified_by)} "
            f"{_short_date(to_local(i.rectified_at).date(), year)}{late}")


def _acceptance(detail: PackageDetail, st: Styles, width: float) -> Flowable:
    item = detail.item
    if item.status is PackageStatus.CANCELLED:
        rows: list[list[Any]] = [["撤销时间", _v(fmt_datetime(detail.cancelled_at) if detail.cancelled_at else "", st),
                                  "", ""],
                                 ["撤销理由", _v(detail.cancel_reason, st), "", ""]]
        return _form_table(rows, _four(width), st, label_cols=(0,), spans=[((1, 0), (3, 0)), ((1, 1), (3, 1))])
    accepted = item.accepted_at is not None
    score = f"{fmt_quantity(item.score)} 分" if item.score is not None else ""
    # Blank cells keep room to write by hand while the package is not yet accepted or scored.
    note = para(_text(detail.acceptance_note), st.body_lead) if accepted else Spacer(1, 15 * mm)
    score_note = para(_text(detail.score_note), st.body_lead) if item.score is not None else Spacer(1, 9 * mm)
    rows = [
        ["报验收时间", _v(fmt_datetime(detail.submitted_at) if detail.submitted_at else "", st),
         "验收时间", _v(fmt_datetime(item.accepted_at) if item.accepted_at else "", st)],
        ["验收意见", note, "", ""],
        ["得　　分", _v(score, st), "等　　次", _v(item.grade, st)],
        ["评分说明", score_note, "", ""],
    ]
    # A package sent back keeps its returns on file: who refused acceptance, when and why.
    returns = [e for e in detail.events if e.kind == "returned"]
    if returns:
        lines = "<br/>".join(f"{esc(fmt_datetime(e.at))} {esc(e.actor)}：{_text(e.note)}" for e in returns)
        rows.insert(1, ["退回记录", para(lines, st.body_lead), "", ""])
    spans = [((1, r), (3, r)) for r, row in enumerate(rows) if row[2] == ""]
    return _form_table(rows, _four(width), st, label_cols=(0, 2), spans=spans)


def _signatures(st: Styles, width: float) -> Flowable:
    """Three signatures side by side, each with room to sign and a date under it."""
    who = ("责任人（签字）：", "验收人（签字）：", "分管领导（签字）：")
    table = Table([[para(w, st.body_lead) for w in who], [para(_date_blank(), st.body_lead)] * 3],
                  colWidths=[width / 3] * 3, rowHeights=[12 * mm, 8 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, 0), "TOP"), ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([table])


# ------------------------------------------------------------------ 督查整改通知书


def render_inspection_notice(notice: InspectionNotice) -> bytes:
    """督查整改通知书: what was found, what to put right by when; the rectification, or lines for it."""
    font = register_cjk_font()
    st = styles_for(font, 12.0)
    width = _PORTRAIT_WIDTH
    item, i = notice.package, notice.inspection
    rows: list[list[Any]] = [
        ["任务名称", _v(item.title, st), "", ""],
        ["任务编号", _v(item.number, st), "责 任 人", _v(item.responsible or "（尚未分配）", st)],
        ["督 查 人", _v(i.issued_by, st), "督查时间", _v(fmt_datetime(i.issued_at), st)],
        ["整改期限", FakeBold(para(f"{esc(fmt_date(i.rectify_due))}前", st.value), stroke=0.2), "", ""],
        ["发现问题", para(_text(i.finding), st.body_lead), "", ""],
        ["整改要求", para(_text(i.requirement), st.body_lead), "", ""],
    ]
    form = _form_table(rows, _four(width), st, label_cols=(0, 2),
                       spans=[((1, r), (3, r)) for r in (0, 3, 4, 5)])
    story: list[Flowable] = letterhead(st, notice.office.name, "督查整改通知书", number=i.number)
    salutation = f"{esc(item.responsible)}同志：" if item.responsible else "责任人："
    story += [
        Spacer(1, 2 * mm),
        para(salutation, st.body),
        para(f"经督查，任务包“{esc(item.title)}”存在下列问题，请按要求于{esc(fmt_date(i.rectify_due))}前"
             "整改到位，并将整改情况书面报督查人。", st.body_indent),
        Spacer(1, 2 * mm),
        form,
        Spacer(1, 5 * mm),
        _heading("整改情况", st),
        Spacer(1, 1 * mm),
    ]
    if i.rectified_at is not None:
        late = "（逾期整改）" if to_local(i.rectified_at).date() > i.rectify_due else ""
        story.append(para(_text(i.rectification), st.body_indent))
        story.append(Spacer(1, 2 * mm))
        story.append(para(f"整改人：{esc(i.rectified_by)}{NBSP * 6}整改时间：{esc(fmt_datetime(i.rectified_at))}{late}",
                          st.body_right))
    else:
        story.append(_writing_lines(7, width))
        story.append(Spacer(1, 4 * mm))
        story.append(KeepTogether([para(f"整改人（签字）：{blank(16)}{NBSP * 6}整改时间：{_date_blank()}",
                                        st.body_right)]))
    story += [Spacer(1, 6 * mm),
              KeepTogether([para(f"督查人（签字）：{blank(16)}{NBSP * 6}复核时间：{_date_blank()}", st.body_right)])]
    info = DocInfo("督查整改通知书", i.number, notice.office.name, item.title)
    return build_pdf(story, info, [_full_template()], font)


# ------------------------------------------------------------------ 任务包台账


def register_columns(at_county: bool) -> list[tuple[str, float]]:
    """(header, width in points) of the register; the title column takes what is left.

    Widths hold their longest value on one line at the 9 pt cell size: a 21-character number,
    "5.2公顷 / 5.2公顷", "93（优秀）". At the county the start date gives way to the township.
    """
    columns = [("序号", 9 * mm)]
    if at_county:
        columns.append(("乡镇所", 24 * mm))
    columns += [("任务编号", 44 * mm), ("任务名称", 0.0), ("类别", 17 * mm), ("责任人", 15 * mm)]
    if not at_county:
        columns.append(("开始", 13 * mm))
    columns += [("截止", 13 * mm), ("完成 / 目标", 30 * mm), ("进度", 15 * mm), ("状态", 14 * mm),
                ("未整改<br/>督查", 13 * mm), ("时限<br/>（工作日）", 17 * mm), ("得分", 20 * mm)]
    rest = _WIDE_WIDTH - sum(w for _, w in columns)
    return [(h, w if w else rest) for h, w in columns]


def render_package_register(register: PackageRegister) -> bytes:
    font = register_cjk_font()
    st = styles_for(font, 10.5)  # cells at the 9 pt floor: the widest register that stays legible
    _, center, _ = _cell_styles(font, st.cell.fontSize)
    columns = register_columns(register.at_county)
    year = register.year
    rows: list[list[Any]] = []
    for n, item in enumerate(register.items, start=1):
        timing = (f"逾期{item.days_late}" if item.days_late else
                  "按期" if item.status in DONE_STATUSES else f"余{item.days_left}")
        cells: list[Any] = [str(n)]
        if register.at_county:
            cells.append(para(esc(item.office_name), st.cell))
        score = f"{fmt_quantity(item.score)}（{item.grade}）" if item.score is not None else ""
        cells += [
            para(esc(item.number), center), para(esc(item.title), st.cell), para(esc(item.category), center),
            para(esc(item.responsible), center)]
        if not register.at_county:
            cells.append(para(_short_date(item.start_date, year), center))
        cells += [
            para(_short_date(item.due_date, year), center),
            para(esc(f"{_quantity(item.achieved, item.unit)} / {_quantity(item.target_quantity, item.unit)}"
                     if item.target_quantity is not None else _quantity(item.achieved, item.unit)), center),
            para(f"{item.progress}%" if item.progress is not None else "—", center),
            para(esc(item.status_label), center), para(str(item.open_inspections or ""), center),
            para(esc(timing), center), para(esc(score), center),
        ]
        rows.append(cells)
    h, _, _ = _cell_styles(font, st.cell.fontSize)
    header = [para(text, h) for text, _ in columns]
    total = ["合计", *([""] * (len(columns) - 1))]
    average = register.average_score
    name_col = 3 if register.at_county else 2
    last = len(columns) - 1
    total[name_col] = para(esc(f"共 {len(register.items)} 个，已验收 {register.accepted} 个"), st.cell)
    total[last - 2] = para(str(register.open_inspections), center)
    total[last - 1] = para(f"逾期{register.late}个", center)
    total[last] = para(f"均分{average}" if average is not None else "", center)
    table = grid_table([header, *rows, total], [w for _, w in columns], st, center_cols=(0,),
                       page_height=_WIDE_HEIGHT)
    table.setStyle([("SPAN", (0, len(rows) + 1), (name_col - 1, len(rows) + 1)),
                    ("SPAN", (name_col, len(rows) + 1), (last - 3, len(rows) + 1))])
    story: list[Flowable] = [
        LetterheadMark(),
        FakeBold(para(esc(register.office_name), st.letterhead), stroke=0.3),
        FakeBold(para(f"{year}年度任务包台账", st.title), stroke=0.5),
        para(f"按截止日期所在年度统计　打印日期：{esc(fmt_date(register.today))}", st.subtitle),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        para(esc(register_summary(register)), st.body),
    ]
    info = DocInfo(f"{year}年度任务包台账", "", register.office_name)
    return build_pdf(story, info, [_wide_template()], font)


def register_summary(register: PackageRegister) -> str:
    average = register.average_score
    text = (f"{register.year}年度截止的任务包共 {len(register.items)} 个，已验收 {register.accepted} 个，"
            f"逾期 {register.late} 个（含逾期验收），未整改督查 {register.open_inspections} 项")
    if average is not None:
        text += f"，已评分任务包平均 {average} 分"
    if register.cancelled:
        text += f"；另有撤销 {register.cancelled} 个，不列入"
    return text + "。"


__all__ = ["register_columns", "register_summary", "render_inspection_notice", "render_package_register",
           "render_package_sheet"]
