"""结对消访 documents: the ledger of pairings (台账, landscape A4) and one case's contact record
(结对消访工作记录, portrait A4).

The ledger is posted and passed round at meetings, so ID numbers are masked in the middle
(370702********1234) as on every register; the record stays in the case file and shows the
number in full. Lines not contacted within the interval of resources/management/petitions.toml
are shaded, as on the screen. No Qt here.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from app.printing.documents import _FULL_HEIGHT, _full_template
from app.printing.fonts import register_cjk_font
from app.printing.layout import (
    NBSP,
    DocInfo,
    FakeBold,
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
from app.printing.routing_docs import (
    _PORTRAIT_WIDTH,
    _WIDE_HEIGHT,
    _WIDE_WIDTH,
    _cell_styles,
    _date_blank,
    _form_table,
    _headers,
    _text,
    _wide_template,
    _writing_lines,
)
from app.services.context import local_date
from app.services.petitions import PetitionDetail, PetitionItem, PetitionLedger, PetitionStatus

_OVERDUE_SHADE = colors.Color(0.9, 0.9, 0.9)
_EMPTY = "（没有符合条件的结对档案）"


def _day(value: Any) -> str:
    return f"{value:%Y-%m-%d}" if value is not None else ""


# ------------------------------------------------------------------ ledger


def _ledger_columns(by_county: bool, font: str, size: float) -> list[tuple[str, float | None]]:
    """(header markup, width in mm; None shares what is left) for each column."""
    # The file number and a masked ID number each stay on one line: as wide as they print.
    number = (stringWidth("3707021012026XF000000", font, size) + 8) / mm
    person = (stringWidth("370702********0000", font, size) + 8) / mm
    columns: list[tuple[str, float | None]] = [("序号", 9)]
    if by_county:
        columns.append(("乡镇所", 26))
    columns += [("档案编号", number), ("信访人<br/>（身份证号）", person), ("村（居）", 20), ("信访事项", None),
                ("结对领导", 17), ("结对日期", 20), ("联系<br/>次数", 11), ("最近联系", 20),
                ("距今<br/>天数", 12), ("状态", 27)]
    return columns


def _status_text(line: PetitionItem, interval: int) -> str:
    if line.status is PetitionStatus.CLOSED:
        closed = f"<br/>{_day(local_date(line.closed_at))}" if line.closed_at else ""
        return f"已结案<br/>{esc(line.resolution_kind)}{closed}"
    if line.overdue:
        return f"化解中<br/>超{interval}天未联系"
    return "化解中"


def _ledger_row(index: int, line: PetitionItem, ledger: PetitionLedger, st: Styles) -> list[Any]:
    _, center, _ = _cell_styles(st.font, st.cell.fontSize)
    person = esc(line.petitioner) + (f"<br/>{esc(line.id_number_masked)}" if line.id_number_masked else "")
    row: list[Any] = [str(index)]
    if ledger.by_county:
        row.append(para(esc(line.office.name), st.cell))
    row += [
        line.number,  # one line: a plain string is never wrapped
        para(person, center),
        para(esc(line.village), center),
        para(esc(line.subject), st.cell),
        para(esc(line.leader_name), center),
        _day(line.paired_on),
        str(line.contacts),
        _day(line.last_contact_on) or "—",
        "" if line.days_since is None else str(line.days_since),
        para(_status_text(line, ledger.interval_days), center),
    ]
    return row


def render_ledger(ledger: PetitionLedger) -> bytes:
    """结对消访台账 (landscape A4): one line per pairing, overdue ones shaded."""
    font = register_cjk_font()
    st = styles_for(font, 10.5)
    width = _WIDE_WIDTH
    columns = _ledger_columns(ledger.by_county, font, st.cell.fontSize)
    known = sum(w for _h, w in columns if w is not None) * mm
    widths = [w * mm if w is not None else width - known for _h, w in columns]
    subtitle = (f"范围：{ledger.scope}{NBSP * 6}打印日期：{fmt_date(ledger.printed_on)}"
                f"{NBSP * 6}超过 {ledger.interval_days} 天未联系的以灰底标出")
    story: list[Flowable] = [*letterhead(st, ledger.office_name, "结对消访台账", subtitle), Spacer(1, 3 * mm)]
    body: list[list[Any]] = [_headers([h for h, _w in columns], st)]
    body += [_ledger_row(i, line, ledger, st) for i, line in enumerate(ledger.lines, start=1)]
    extra: list[tuple[Any, ...]] = []
    if not ledger.lines:
        _, center, _ = _cell_styles(st.font, st.emphasis.fontSize)
        body.append([para(_EMPTY, center), *[""] * (len(columns) - 1)])
        extra += [("SPAN", (0, 1), (-1, 1)), ("TOPPADDING", (0, 1), (-1, 1), 6 * mm),
                  ("BOTTOMPADDING", (0, 1), (-1, 1), 6 * mm)]
    number_cols = [0] + [i for i, (h, _w) in enumerate(columns) if h in ("结对日期", "联系<br/>次数", "最近联系",
                                                                         "距今<br/>天数")]
    table = grid_table(body, widths, st, center_cols=number_cols, padding=3, page_height=_WIDE_HEIGHT)
    if len(table._cellvalues) == len(body):  # no row was cut to fit a page: indexes still hold
        extra += [("BACKGROUND", (0, i), (-1, i), _OVERDUE_SHADE)
                  for i, line in enumerate(ledger.lines, start=1) if line.overdue]
    table.setStyle(TableStyle(extra))
    story.append(table)
    story.append(Spacer(1, 3 * mm))
    story.append(KeepTogether([
        FakeBold(para(esc(ledger.summary), st.value), stroke=0.15),
        Spacer(1, 6 * mm),
        para(f"填表人：{blank(14)}{NBSP * 8}主要领导审阅：{blank(14)}{NBSP * 8}"
             f"日期：{blank(8)}年{blank(4)}月{blank(4)}日", st.body_lead),
    ]))
    info = DocInfo("结对消访台账", "", ledger.office_name, ledger.scope)
    return build_pdf(story, info, [_wide_template()], font)


# ------------------------------------------------------------------ one case's record


def _record_form(case: PetitionDetail, st: Styles, width: float) -> Any:
    v = st.value
    item = case.item
    label = 24 * mm
    first = 58 * mm
    widths = [label, first, label, width - 2 * label - first]
    status = item.status.label
    if item.status is PetitionStatus.OPEN and item.days_since is not None:
        status += f"（距上次联系 {item.days_since} 天）"
    rows: list[list[Any]] = [
        ["信 访 人", para(esc(item.petitioner), v), "身份证号", para(esc(case.id_number) or "—", v)],
        ["联系电话", para(esc(case.phone) or "—", v), "村（居）", para(esc(item.village) or "—", v)],
        ["住　　址", para(esc(case.address) or "—", v), "", ""],
        ["信访事项", para(esc(item.subject), v), "", ""],
        ["首次信访", para(_day(case.first_petition_on) or "—", v), "结对领导", para(esc(item.leader_name), v)],
        ["结对日期", para(fmt_date(item.paired_on), v), "当前状态", para(esc(status), v)],
        ["信访经过", para(_text(case.history) or "—", st.body_lead), "", ""],
    ]
    return _form_table(rows, widths, st, label_cols=(0, 2), spans=[((1, r), (3, r)) for r in (2, 3, 6)])


def _contacts_table(case: PetitionDetail, st: Styles, width: float) -> Any:
    _, center, _ = _cell_styles(st.font, st.cell.fontSize)
    fixed = [9, 19, 17, 15, 20]
    rest = width - sum(fixed) * mm
    widths = [w * mm for w in fixed] + [rest * 0.5, rest * 0.5]
    body: list[list[Any]] = [_headers(["序号", "日期", "方式", "接待<br/>领导", "参加人员", "联系内容",
                                       "结果及下一步"], st)]
    for i, c in enumerate(case.contacts, start=1):
        result = _text(c.outcome)
        if c.next_step.strip():
            result += f"<br/>下一步：{_text(c.next_step)}"
        body.append([str(i), _day(c.on_date), para(esc(c.form_name), center), para(esc(c.leader_name), center),
                     para(_text(c.participants) or "—", st.cell), para(_text(c.content), st.cell),
                     para(result, st.cell)])
    extra: list[tuple[Any, ...]] = []
    if not case.contacts:
        body.append([para("尚无联系记录", center), *[""] * 6])
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table = grid_table(body, widths, st, center_cols=(0, 1), padding=3, page_height=_FULL_HEIGHT)
    if extra:
        table.setStyle(TableStyle(extra))
    return table


def render_record(case: PetitionDetail) -> bytes:
    """结对消访工作记录 of one case: the petitioner, every contact, the resolution, signatures."""
    font = register_cjk_font()
    st = styles_for(font, 11.0)
    width = _PORTRAIT_WIDTH
    item = case.item
    story: list[Flowable] = letterhead(st, item.office.name, "结对消访工作记录", number=item.number)
    story += [Spacer(1, 3 * mm), _record_form(case, st, width), Spacer(1, 5 * mm),
              FakeBold(para(f"联系记录（共 {len(case.contacts)} 次）", st.emphasis), stroke=0.2),
              Spacer(1, 1.5 * mm), _contacts_table(case, st, width), Spacer(1, 5 * mm)]
    heading = FakeBold(para("化解结果", st.emphasis), stroke=0.2)
    if item.status is PetitionStatus.CLOSED:
        closed = fmt_date(item.closed_at) if item.closed_at else ""
        rows = [["结案方式", para(esc(item.resolution_kind), st.value), "结案日期", para(closed, st.value)],
                ["化解情况", para(_text(case.resolution), st.body_lead), "", ""],
                ["结案登记", para(esc(case.closed_by) or "—", st.value), "", ""]]
        label = 24 * mm
        widths = [label, 58 * mm, label, width - 2 * label - 58 * mm]
        story.append(KeepTogether([heading, Spacer(1, 1.5 * mm),
                                   _form_table(rows, widths, st, label_cols=(0, 2),
                                               spans=[((1, 1), (3, 1)), ((1, 2), (3, 2))])]))
    else:
        story.append(KeepTogether([heading, Spacer(1, 1.5 * mm),
                                   para("尚未化解结案。结案方式：" + "　".join(f"□{esc(n)}" for n in case.resolution_names),
                                        st.body_lead),
                                   _writing_lines(4, width)]))
    story.append(Spacer(1, 8 * mm))
    story.append(KeepTogether([
        para(f"结对领导（签字）：{blank(16)}{NBSP * 6}日期：{_date_blank()}", st.body_lead),
        Spacer(1, 5 * mm),
        para(f"信访人（签字）：{blank(17)}{NBSP * 6}日期：{_date_blank()}", st.body_lead),
        Spacer(1, 5 * mm),
        para(f"单位审核意见及负责人（签字）：{blank(24)}{NBSP * 2}日期：{_date_blank()}", st.body_lead),
    ]))
    info = DocInfo("结对消访工作记录", item.number, item.office.name, item.subject)
    return build_pdf(story, info, [_full_template()], font)


__all__ = ["render_ledger", "render_record"]
