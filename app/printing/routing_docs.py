"""Routing documents: 传办单, 退件单, 办结通知书, 督办单 and the 首问负责登记簿.

Seed 000 (传办单和退件单制度): every hand-off is written down — who passed the
case to whom, when it was received and done, the opinion and the handler's
signature — and accountability is read from these sheets.  So the transfer
slip can be printed at any moment: rows already recorded are filled in, the
steps still to come are printed as blank rows to be completed by hand.

Every function returns a complete A4 PDF (the CJK font embedded as a subset).
The wide tables (transfer slip, inquiry register) are set on landscape A4 so
that no column has to shrink below the 9 pt floor.  No Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import Frame, PageTemplate

from app.dto import (
    DecisionNoticeData,
    InquiryRegisterData,
    InquiryRow,
    PartyInfo,
    ReturnSlipData,
    SlipRow,
    SupervisionNoticeData,
    TransferSlipData,
)
from app.printing.documents import _closing, _full_template, _sentence
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
    fmt_datetime,
    grid_table,
    letterhead,
    para,
    styles_for,
    to_local,
)

# ------------------------------------------------------------------ pages

# Portrait pages reuse the intake documents' template (20 mm sides, room for
# the running header and the page number).  Landscape: 15 mm sides give the
# opinion column of the transfer slip a third of the width.
_PORTRAIT_WIDTH = PAGE_WIDTH - 40 * mm
_PORTRAIT_HEIGHT = PAGE_HEIGHT - 22 * mm - 18 * mm
_WIDE_SIZE = landscape((PAGE_WIDTH, PAGE_HEIGHT))
_WIDE_MARGIN_X = 15 * mm
_WIDE_TOP = 22 * mm
_WIDE_BOTTOM = 18 * mm
_WIDE_WIDTH = _WIDE_SIZE[0] - 2 * _WIDE_MARGIN_X
_WIDE_HEIGHT = _WIDE_SIZE[1] - _WIDE_TOP - _WIDE_BOTTOM

# Room for a handwritten signature (and a date beside it) in a table row.
_SIGN_HEIGHT = 10 * mm
# Blank rows are filled in entirely by hand: opinions need a little more.
_BLANK_ROW_HEIGHT = 13 * mm

_RETURN_SHADE = colors.Color(0.9, 0.9, 0.9)


def _wide_template() -> PageTemplate:
    frame = Frame(
        _WIDE_MARGIN_X,
        _WIDE_BOTTOM,
        _WIDE_WIDTH,
        _WIDE_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    return PageTemplate(id="wide", frames=[frame], pagesize=_WIDE_SIZE)


# ------------------------------------------------------------------ text


# The DTOs carry printed labels; a stored code that slipped through is still
# printed in Chinese rather than as an English word on an official form.
_LABELS = {
    "agree": "同意",
    "disagree": "不同意",
    "returned": "退回",
    "return": "退回",
    "defer": "暂缓",
    "phone": "来电",
    "visit": "来访",
    "answered": "当场答复",
    "forwarded": "转办",
}


def _label(value: str) -> str:
    return _LABELS.get(value.strip(), value.strip())


def _text(value: str) -> str:
    """User text as Paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(esc(line) for line in value.strip().splitlines())


def _short_time(moment: dt.datetime | None, year: int) -> str:
    """``11-23 09:30`` in Beijing time; the year is printed only when it differs."""
    if moment is None:
        return ""
    local = to_local(moment)
    if local.year == year:
        return f"{local:%m-%d %H:%M}"
    return f"{local:%Y-%m-%d %H:%M}"


def _short_date(day: dt.date | None, year: int) -> str:
    if day is None:
        return ""
    return f"{day:%m-%d}" if day.year == year else f"{day:%Y-%m-%d}"


def _applicant_text(party: PartyInfo) -> str:
    text = esc(party.name)
    if party.agent_name:
        text += f"（代理人：{esc(party.agent_name)}）"
    return text


@lru_cache(maxsize=8)
def _cell_styles(font: str, size: float) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """Header cells (centred), short centred values (times, names), and white-on-black tags."""
    head = ParagraphStyle(
        f"rd-head-{size}",
        fontName=font,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
        wordWrap="CJK",
    )
    # No right indent here: times and names carry no closing punctuation to
    # hang, and "11-23 09:30" must stay on one line in a narrow column.
    center = ParagraphStyle(
        f"rd-center-{size}",
        fontName=font,
        fontSize=size,
        leading=size * 1.3,
        alignment=TA_CENTER,
        wordWrap="CJK",
    )
    tag = ParagraphStyle(
        f"rd-tag-{size}",
        fontName=font,
        fontSize=size + 3,
        leading=(size + 3) * 1.25,
        alignment=TA_CENTER,
        textColor=colors.white,
        wordWrap="CJK",
    )
    return head, center, tag


def _headers(names: Sequence[str], st: Styles) -> list[Any]:
    head, _, _ = _cell_styles(st.font, st.cell.fontSize)
    return [para(name, head) for name in names]


def _plain(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    """An unruled layout table with no padding."""
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *extra,
        ]
    )


def _form_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    st: Styles,
    *,
    label_cols: Sequence[int] = (0,),
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled form: shaded label cells, wrapping value cells, nothing clipped.

    Label cells are plain strings (short, fixed); values are Paragraphs.
    """
    table = Table(rows, colWidths=list(widths), hAlign="CENTER")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), st.font, st.value.fontSize, st.value.leading),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    # Shade the label cells themselves, not whole columns: a value spanning
    # across a label column must stay white under its text.
    for r, row in enumerate(rows):
        for col in label_cols:
            if isinstance(row[col], str) and row[col]:
                commands += [
                    ("BACKGROUND", (col, r), (col, r), LIGHT_GREY),
                    ("ALIGN", (col, r), (col, r), "CENTER"),
                ]
    commands += [("SPAN", a, b) for a, b in spans]
    table.setStyle(TableStyle([*commands, *extra]))
    return table


def _title_block(
    st: Styles, office_name: str, title: str, width: float, left: Flowable | str = ""
) -> Table:
    """Office name over the document title, with an optional tag on the left."""
    side = 34 * mm
    center = [
        FakeBold(para(esc(office_name), st.letterhead), stroke=0.3),
        FakeBold(para(esc(title), st.title), stroke=0.5),
    ]
    table = Table([[left, center, ""]], colWidths=[side, width - 2 * side, side])
    table.setStyle(_plain([("ALIGN", (0, 0), (0, 0), "LEFT")]))
    return table


def _green_tag(st: Styles) -> Table:
    """绿色通道, white on black: it stands out on a monochrome laser printer."""
    _, _, tag = _cell_styles(st.font, st.body.fontSize)
    t = Table([[para("绿色通道", tag)]], colWidths=[30 * mm])
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.black),
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return t


def _writing_lines(count: int, width: float, height: float = 9 * mm) -> Table:
    """Ruled lines to write on by hand."""
    t = Table([[""] for _ in range(count)], colWidths=[width], rowHeights=[height] * count)
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)]))
    return t


def _form_widths(width: float) -> list[float]:
    """label, value, label, value on a portrait page.

    The first value holds a case number (24 characters, 57 mm at 12 pt) on
    one line; the second a date and time (46 mm).
    """
    label = 24 * mm
    first = 64 * mm
    return [label, first, label, width - 2 * label - first]


def _min_height(content: Flowable, width: float, height: float) -> list[Flowable]:
    """``content`` with space below it up to ``height``: room to add to by hand."""
    _, h = content.wrap(width, PAGE_HEIGHT)
    return [content, Spacer(1, max(0.0, height - h))]


def _date_blank() -> str:
    return f"{blank(8)}年{blank(4)}月{blank(4)}日"


# ------------------------------------------------------------------ transfer slip

_SLIP_HEAD = (
    "序号",
    "环节",
    "移交人",
    "接收人",
    "移交时间",
    "签收时间",
    "办结时间",
    "时限<br/>（截止日期）",
    "意见",
    "结果",
    "签字",
)


def _slip_widths(width: float) -> list[float]:
    # 21 mm holds "11-23 09:30" at 9 pt on one line; 22 mm holds "（截止日期）".
    fixed = [9, 24, 17, 17, 21, 21, 21, 22, None, 16, 26]
    known = sum(w for w in fixed if w is not None) * mm
    return [w * mm if w is not None else width - known for w in fixed]


def _slip_header(data: TransferSlipData, st: Styles, width: float) -> list[Flowable]:
    due = esc(fmt_date(data.due_date)) if data.due_date else "待定"
    if data.due_uncertain:
        due += "（待定：该日期所在年度的节假日安排尚未公布，办结日期可能顺延）"
    v = st.value
    label_w = 22 * mm
    value_w = (width - 3 * label_w) / 3
    rows: list[list[Any]] = [
        [
            "案件编号",
            para(esc(data.case_number), v),
            "事项层级",
            para(esc(data.tier_label), v),
            "受理时间",
            para(esc(fmt_datetime(data.accepted_at)), v),
        ],
        [
            "申请事项",
            para(esc(data.matter_name), v),
            "申 请 人",
            para(_applicant_text(data.applicant), v),
            "",
            "",
        ],
        [
            "办结期限",
            para(due, v),
            "",
            "",
            "打印时间",
            para(esc(fmt_datetime(data.printed_at)), v),
        ],
    ]
    spans = [((3, 1), (5, 1)), ((1, 2), (3, 2))]
    if data.pauses:
        lines = "<br/>".join(f"暂停计时：{esc(p)}" for p in data.pauses)
        rows.append([para(lines, v), "", "", "", "", ""])
        spans.append(((0, 3), (5, 3)))
    info = _form_table(
        rows,
        [label_w, value_w, label_w, value_w, label_w, value_w],
        st,
        label_cols=(0, 2, 4),
        spans=spans,
    )
    left: Flowable | str = _green_tag(st) if data.green_channel else ""
    return [
        LetterheadMark(),
        _title_block(st, data.office.name, "传办单", width, left),
        Spacer(1, 2 * mm),
        info,
        Spacer(1, 3 * mm),
    ]


def _slip_row(row: SlipRow, st: Styles, year: int) -> tuple[list[Any], bool]:
    """One recorded hand-off as table cells; True when it is a return (退件)."""
    _, center, _ = _cell_styles(st.font, st.cell.fontSize)
    cell = st.cell
    is_return = row.kind == "return"
    result = _label(row.result)
    opinion = _text(row.opinion)
    step = esc(row.step_name)
    if is_return:
        step += "<br/>（退回）"
        reason = _text(row.reason) or "（未填写理由）"
        text = f"【退回】理由：{reason}"
        if opinion and row.opinion.strip() != row.reason.strip():
            text += f"<br/>意见：{opinion}"
        opinion = text
        if "退回" not in result:
            result = "退回" + (f"（{esc(result)}）" if result else "")
        else:
            result = esc(result)
    else:
        result = esc(result)
    cells = [
        str(row.seq),
        para(step, center),
        para(esc(row.from_name), center),
        para(esc(row.to_name), center),
        para(_short_time(row.sent_at, year), center),
        para(_short_time(row.received_at, year), center),
        para(_short_time(row.done_at, year), center),
        para(_short_date(row.due_date, year), center),
        para(opinion, cell),
        para(result, center),
        Spacer(1, _SIGN_HEIGHT - 6),  # the cell is the signature box; 6 = its padding
    ]
    return cells, is_return


def _slip_table(data: TransferSlipData, st: Styles, width: float) -> Table:
    _, center, _ = _cell_styles(st.font, st.cell.fontSize)
    year = to_local(data.accepted_at).year
    rows: list[list[Any]] = [_headers(_SLIP_HEAD, st)]
    returns: list[int] = []
    for row in data.rows:
        cells, is_return = _slip_row(row, st, year)
        if is_return:
            returns.append(len(rows))
        rows.append(cells)
    seq = max((r.seq for r in data.rows), default=0)
    for offset, step in enumerate(data.remaining_steps, start=1):
        blank_row: list[Any] = [str(seq + offset), para(esc(step), center)]
        blank_row += [""] * 8
        blank_row.append(Spacer(1, _BLANK_ROW_HEIGHT - 6))
        rows.append(blank_row)
    if len(rows) == 1:
        rows.append(["", para("（尚无移交记录）", center), *[""] * 9])
    table = grid_table(
        rows, _slip_widths(width), st, center_cols=(0,), padding=3, page_height=_WIDE_HEIGHT
    )
    table.setStyle(TableStyle([("BACKGROUND", (0, r), (-1, r), _RETURN_SHADE) for r in returns]))
    return table


def render_transfer_slip(data: TransferSlipData) -> bytes:
    """传办单: the case header, every hand-off, and blank rows for the steps to come.

    Landscape A4: eleven columns with a readable opinion column do not fit a
    portrait page at 9 pt.  Many rows continue on further pages under the
    repeated column header; each continuation page has a running header with
    the case number, and every page is numbered 第 N 页 共 M 页.
    """
    font = register_cjk_font()
    st = styles_for(font, 10.5)
    width = _WIDE_WIDTH
    story: list[Flowable] = _slip_header(data, st, width)
    story.append(_slip_table(data, st, width))
    story.append(Spacer(1, 2 * mm))
    story.append(
        para(
            "说明：各环节移交、签收、办结时，经办人须在本单填写时间、意见并签字；"
            "退回的须写明理由，并另附退件单。本单是考核和责任追究的依据。",
            st.note,
        )
    )
    info = DocInfo("传办单", data.case_number, data.office.name, data.matter_name)
    return build_pdf(story, info, [_wide_template()], font)


# ------------------------------------------------------------------ return slip


def render_return_slip(data: ReturnSlipData) -> bytes:
    """退件单: who returned the case, to whom, when and why; both sides sign."""
    font = register_cjk_font()
    st = styles_for(font, 12.0)
    width = _PORTRAIT_WIDTH
    v = st.value
    widths = _form_widths(width)
    to_applicant = data.returned_to.strip() == "申请人"
    reason = para(_text(data.reason) or "（未填写）", st.body_lead)
    rows: list[list[Any]] = [
        [
            "案件编号",
            para(esc(data.case_number), v),
            "退件时间",
            para(esc(fmt_datetime(data.returned_at)), v),
        ],
        ["申请事项", para(esc(data.matter_name), v), "", ""],
        ["申 请 人", para(_applicant_text(data.applicant), v), "", ""],
        ["退件环节", para(esc(data.step_name), v), "", ""],
        ["退 件 人", para(esc(data.returned_by), v), "退 回 至", para(esc(data.returned_to), v)],
        ["退件理由", _min_height(reason, width - widths[0] - 8, 28 * mm), "", ""],
    ]
    form = _form_table(
        rows,
        widths,
        st,
        label_cols=(0, 2),
        spans=[((1, r), (3, r)) for r in (1, 2, 3, 5)],
        # The reason is what accountability is read from: room to read and add to it.
        extra=[("VALIGN", (1, 5), (1, 5), "TOP")],
    )
    receiver = "申请人（签收）" if to_applicant else "接收人（签收）"
    sign = Table(
        [
            [
                para(f"退件人（签字）：{blank(24)}", st.body_lead),
                para(f"日期：{_date_blank()}", st.body_lead),
            ],
            [
                para(f"{receiver}：{blank(24)}", st.body_lead),
                para(f"日期：{_date_blank()}", st.body_lead),
            ],
        ],
        colWidths=[width * 0.58, width * 0.42],
    )
    sign.setStyle(_plain([("TOPPADDING", (0, 0), (-1, -1), 6 * mm)]))
    story: list[Flowable] = letterhead(st, data.office.name, "退件单", number=data.slip_number)
    story += [
        Spacer(1, 3 * mm),
        form,
        Spacer(1, 2 * mm),
        para("退件须写明理由；本单一式两份，退件人与接收人各执一份，并附于案卷。", st.note),
        KeepTogether([sign]),
    ]
    info = DocInfo("退件单", data.slip_number, data.office.name, data.matter_name)
    return build_pdf(story, info, [_full_template()], font)


# ------------------------------------------------------------------ decision notice


def render_decision_notice(data: DecisionNoticeData) -> bytes:
    """办结通知书: the decision, its reasons, and the remedies when not approved."""
    font = register_cjk_font()
    st = styles_for(font, 12.0)
    office = data.office
    accepted = esc(fmt_date(data.accepted_at))
    story: list[Flowable] = letterhead(st, office.name, "办结通知书", number=data.decision_number)
    story += [
        Spacer(1, 3 * mm),
        para(f"{esc(data.applicant.name)}：", st.body),
        para(
            f"你（单位）于{accepted}提出的{esc(data.matter_name)}申请"
            f"（受理编号：{esc(data.case_number)}），本机关于{accepted}受理，"
            f"经审查，决定：{esc(_sentence(data.result_label))}。",
            st.body_indent,
        ),
    ]
    for paragraph in data.text.strip().splitlines():
        if paragraph.strip():
            story.append(para(esc(paragraph.strip()), st.body_indent))
    if data.result == "not_approved":
        body = office.reconsideration_body.strip() or "本机关的上一级行政机关或者本级人民政府"
        court = office.court.strip() or "有管辖权的人民法院"
        story.append(
            para(
                f"如不服本决定，可以自收到本通知书之日起六十日内向{esc(body)}申请行政复议，"
                f"也可以自收到本通知书之日起六个月内向{esc(court)}提起行政诉讼。",
                st.body_indent,
            )
        )
    story += _closing(st, office, data.decided_at, data.clerk_name, data.contact_phone)
    info = DocInfo("办结通知书", data.decision_number, office.name, data.matter_name)
    return build_pdf(story, info, [_full_template()], font)


# ------------------------------------------------------------------ supervision notice


def render_supervision_notice(data: SupervisionNoticeData) -> bytes:
    """督办单: why a case is supervised and by when to reply; the reply, or lines for it."""
    font = register_cjk_font()
    st = styles_for(font, 12.0)
    width = _PORTRAIT_WIDTH
    v = st.value
    rows: list[list[Any]] = [
        [
            "案件编号",
            para(esc(data.case_number), v),
            "督办时间",
            para(esc(fmt_datetime(data.issued_at)), v),
        ],
        ["申请事项", para(esc(data.matter_name), v), "", ""],
        ["申 请 人", para(esc(data.applicant_name), v), "", ""],
        ["督 办 人", para(esc(data.issued_by), v), "被督办人", para(esc(data.issued_to), v)],
        ["回复期限", FakeBold(para(f"{esc(fmt_date(data.reply_due))}前", v), stroke=0.2), "", ""],
        ["督办事由", para(_text(data.reason), st.body_lead), "", ""],
    ]
    form = _form_table(
        rows,
        _form_widths(width),
        st,
        label_cols=(0, 2),
        spans=[((1, r), (3, r)) for r in (1, 2, 4, 5)],
    )
    story: list[Flowable] = letterhead(st, data.office.name, "督办单", number=data.number)
    story += [
        Spacer(1, 3 * mm),
        form,
        Spacer(1, 5 * mm),
        FakeBold(para("办理情况回复", st.emphasis), stroke=0.2),
        Spacer(1, 1 * mm),
    ]
    if data.reply.strip():
        late = ""
        if data.replied_at is not None and to_local(data.replied_at).date() > data.reply_due:
            late = "（逾期回复）"
        story.append(para(_text(data.reply), st.body_indent))
        story.append(Spacer(1, 2 * mm))
        replied_at = esc(fmt_datetime(data.replied_at)) if data.replied_at else _date_blank()
        story.append(
            para(
                f"回复人：{esc(data.replied_by) or blank(12)}{NBSP * 6}回复时间：{replied_at}{late}",
                st.body_right,
            )
        )
    else:
        story.append(
            para(
                f"请于{esc(fmt_date(data.reply_due))}前将办理情况书面回复督办人。",
                st.body_indent,
            )
        )
        story.append(_writing_lines(7, width))
        story.append(Spacer(1, 4 * mm))
        story.append(
            KeepTogether(
                [
                    para(
                        f"回复人（签字）：{blank(16)}{NBSP * 6}回复时间：{_date_blank()}",
                        st.body_right,
                    )
                ]
            )
        )
    info = DocInfo("督办单", data.number, data.office.name, data.matter_name)
    return build_pdf(story, info, [_full_template()], font)


# ------------------------------------------------------------------ inquiry register

_INQUIRY_HEAD = (
    "序号",
    "时间",
    "方式",
    "来访/<br/>来电人",
    "联系电话",
    "住址",
    "咨询事项",
    "接收材料",
    "首问人",
    "责任人",
    "办理情况<br/>（当场答复/<br/>转办至…）",
    "结果",
)

_WEEKDAYS = "一二三四五六日"


def _inquiry_widths(width: float) -> list[float]:
    fixed = [9, 13, 11, 22, 25, 26, None, 26, 15, 15, 28, 28]
    known = sum(w for w in fixed if w is not None) * mm
    return [w * mm if w is not None else width - known for w in fixed]


def _handling(row: InquiryRow) -> str:
    handling = _label(row.handling)
    target = row.forwarded_to.strip()
    if not target:
        return esc(handling)
    if handling in ("转办", ""):
        return f"转办至{esc(target)}"
    return f"{esc(handling)}（转办至{esc(target)}）"


def _inquiry_row(i: int, row: InquiryRow, st: Styles) -> list[Any]:
    _, center, _ = _cell_styles(st.font, st.cell.fontSize)
    cell = st.cell
    question = _text(row.question)
    if row.matter.strip():
        # On a line of its own: a wrap right after the tag would put the
        # question's "：" at the start of a line (reportlab lets it start one).
        question = f"【{esc(row.matter.strip())}】<br/>{question}"
    return [
        str(i),
        para(f"{to_local(row.at):%H:%M}", center),
        para(esc(_label(row.channel)), center),
        para(esc(row.asker), cell),
        para(esc(row.phone), center),
        para(esc(row.address), cell),
        para(question, cell),
        para(_text(row.materials_received) or "无", cell),
        para(esc(row.first_officer), center),
        para(esc(row.responsible_officer), center),
        para(_handling(row), cell),
        para(_text(row.outcome), cell),
    ]


def _inquiry_total(rows: Sequence[InquiryRow]) -> str:
    channels: dict[str, int] = {}
    for row in rows:
        label = _label(row.channel) or "其他"
        channels[label] = channels.get(label, 0) + 1
    forwarded = sum(1 for r in rows if r.forwarded_to.strip() or _label(r.handling) == "转办")
    parts = "，".join(f"{k}{NBSP}{n}{NBSP}件" for k, n in channels.items())
    return (
        f"本日共登记{NBSP}{len(rows)}{NBSP}件（{parts}）；"
        f"当场答复{NBSP}{len(rows) - forwarded}{NBSP}件，转办{NBSP}{forwarded}{NBSP}件。"
    )


def render_inquiry_register(data: InquiryRegisterData) -> bytes:
    """首问负责登记簿 for one day, landscape A4: every call and visit, with a total."""
    font = register_cjk_font()
    st = styles_for(font, 10.5)
    width = _WIDE_WIDTH
    day = f"{fmt_date(data.day)}（星期{_WEEKDAYS[data.day.weekday()]}）"
    story: list[Flowable] = [
        LetterheadMark(),
        _title_block(st, data.office.name, "首问负责登记簿", width),
        para(f"登记日期：{esc(day)}", st.subtitle),
        Spacer(1, 3 * mm),
    ]
    rows = sorted(data.rows, key=lambda r: to_local(r.at))
    if rows:
        body: list[list[Any]] = [_headers(_INQUIRY_HEAD, st)]
        body += [_inquiry_row(i, row, st) for i, row in enumerate(rows, start=1)]
        story.append(
            grid_table(
                body,
                _inquiry_widths(width),
                st,
                center_cols=(0,),
                padding=3,
                page_height=_WIDE_HEIGHT,
            )
        )
        story.append(Spacer(1, 2 * mm))
        story.append(FakeBold(para(_inquiry_total(rows), st.value), stroke=0.15))
    else:
        _, center, _ = _cell_styles(st.font, st.emphasis.fontSize)
        empty = Table([[para("本日无登记", center)]], colWidths=[width])
        empty.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("TOPPADDING", (0, 0), (-1, -1), 8 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8 * mm),
                ]
            )
        )
        story.append(empty)
    story.append(Spacer(1, 6 * mm))
    story.append(
        KeepTogether(
            [
                para(
                    f"登记人：{blank(14)}{NBSP * 8}负责人审阅：{blank(14)}"
                    f"{NBSP * 8}日期：{_date_blank()}",
                    st.body_lead,
                )
            ]
        )
    )
    # The day stands in for a number in the running header of later pages.
    info = DocInfo(f"首问负责登记簿（{fmt_date(data.day)}）", "", data.office.name)
    return build_pdf(story, info, [_wide_template()], font)


__all__ = [
    "render_decision_notice",
    "render_inquiry_register",
    "render_return_slip",
    "render_supervision_notice",
    "render_transfer_slip",
]


# ------------------------------------------------------------------ key fingerprint sheet


def render_key_sheet(office_code: str, office_name: str, role: str, fingerprint: str,
                     made_at: dt.datetime) -> bytes:
    """同步密钥指纹确认单: goes with the public key file, so the receiving side can check the
    fingerprint on paper (or read it over the phone) before registering the key."""
    font = register_cjk_font()
    st = styles_for(font, 12.0)
    width = _PORTRAIT_WIDTH
    v = st.value
    widths = _form_widths(width)
    big = ParagraphStyle("fingerprint", parent=v, fontSize=20, leading=30, alignment=TA_CENTER)
    groups = fingerprint.replace("-", " ").split()
    # Five groups of eight: two lines, so each group stays whole and readable aloud.
    printed = "<br/>".join(esc(NBSP.join(groups[i:i + 3])) for i in range(0, len(groups), 3))
    rows: list[list[Any]] = [
        ["单位名称", para(esc(office_name), v), "单位代码", para(esc(office_code), v)],
        ["单位类别", para("县局" if role == "county" else "乡镇所", v), "生成时间",
         para(esc(fmt_datetime(made_at)), v)],
        ["公钥文件", para(esc(f"{office_code}.ldkey"), v), "", ""],
        ["密钥指纹", _min_height(para(printed, big), width - widths[0] - 8, 26 * mm), "", ""],
    ]
    form = _form_table(rows, widths, st, label_cols=(0, 2),
                       spans=[((1, 2), (3, 2)), ((1, 3), (3, 3))],
                       extra=[("VALIGN", (1, 3), (1, 3), "MIDDLE")])
    sign = Table(
        [[para(f"交付人（签字）：{blank(20)}", st.body_lead), para(f"日期：{_date_blank()}", st.body_lead)],
         [para(f"核对人（签字）：{blank(20)}", st.body_lead), para(f"日期：{_date_blank()}", st.body_lead)]],
        colWidths=[width * 0.58, width * 0.42],
    )
    sign.setStyle(_plain([("TOPPADDING", (0, 0), (-1, -1), 6 * mm)]))
    story: list[Flowable] = letterhead(st, office_name, "同步密钥指纹确认单")
    story += [
        Spacer(1, 3 * mm),
        form,
        Spacer(1, 3 * mm),
        para("接收方登记上述公钥文件前，须逐组核对软件显示的指纹与本单一致（也可电话逐组读对）；"
             "任何一位不同，都不得登记，并立即与交付单位联系。本单由双方各执一份。", st.note),
        KeepTogether([sign]),
    ]
    info = DocInfo("同步密钥指纹确认单", office_code, office_name, "同步")
    return build_pdf(story, info, [_full_template()], font)
