"""The intake documents (受理回执, 一次性告知书, 不予受理通知书) and the printer test page.

Every function returns a complete A4 PDF as bytes with the CJK font embedded
(subset), ready for the Qt preview, the printer or "另存为".  No Qt here.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import FrameBreak, PageTemplate

from app.dto import (
    IncompleteNoticeData,
    MissingMaterial,
    OfficeInfo,
    PartyInfo,
    ReceiptData,
    RefusalNoticeData,
)
from app.printing.fonts import font_has_chars, register_cjk_font, registered_font_file
from app.printing.layout import (
    MIN_FONT_SIZE,
    NBSP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SHANGHAI,
    DocInfo,
    FakeBold,
    LetterheadMark,
    SealBlock,
    Styles,
    blank,
    build_pdf,
    cjk_lines,
    esc,
    fmt_date,
    fmt_datetime,
    grid_table,
    letterhead,
    para,
    signature_line,
    stack_height,
    styles_for,
)
from app.printing.qr import QrMatrix
from app.validators import mask_id_number

# ------------------------------------------------------------------ page templates

# Full page: 20 mm sides; the running header sits above the frame and the page
# number below it, both outside the text area.
_FULL_MARGIN_X = 20 * mm
_FULL_TOP = 22 * mm
_FULL_BOTTOM = 18 * mm
_FULL_WIDTH = PAGE_WIDTH - 2 * _FULL_MARGIN_X
_FULL_HEIGHT = PAGE_HEIGHT - _FULL_TOP - _FULL_BOTTOM

# Half page (receipt): each half keeps 10 mm from the paper edge (most laser
# printers cannot print the outer 4–5 mm) and 8 mm from the cut line, so a
# crooked cut with scissors does not cut into text.
_HALF_MARGIN_X = 18 * mm
_HALF_OUTER = 10 * mm
_HALF_INNER = 8 * mm
_HALF_WIDTH = PAGE_WIDTH - 2 * _HALF_MARGIN_X
_HALF_HEIGHT = PAGE_HEIGHT / 2 - _HALF_OUTER - _HALF_INNER

# 24 mm holds a 25×25-module code (our case numbers) at ~0.8 mm a module,
# comfortably above what phone cameras and window scanners resolve.
_QR_SIZE = 24 * mm


def _full_template() -> PageTemplate:
    frame = Frame(
        _FULL_MARGIN_X,
        _FULL_BOTTOM,
        _FULL_WIDTH,
        _FULL_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    return PageTemplate(id="full", frames=[frame], pagesize=(PAGE_WIDTH, PAGE_HEIGHT))


def _draw_cut_line(canv: Canvas, font: str) -> None:
    """Dashed line across the middle of the page with "沿此线剪开" in a gap."""
    y = PAGE_HEIGHT / 2
    label = "沿此线剪开"
    size = MIN_FONT_SIZE
    text_w = canv.stringWidth(label, font, size)
    gap = text_w + 6 * mm
    mid = PAGE_WIDTH / 2
    canv.saveState()
    canv.setLineWidth(0.6)
    canv.setDash(4, 3)
    canv.line(8 * mm, y, mid - gap / 2, y)
    canv.line(mid + gap / 2, y, PAGE_WIDTH - 8 * mm, y)
    canv.setFont(font, size)
    canv.drawCentredString(mid, y - size * 0.35, label)
    canv.restoreState()


def _halves_template(font: str) -> PageTemplate:
    common = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    top = Frame(
        _HALF_MARGIN_X,
        PAGE_HEIGHT / 2 + _HALF_INNER,
        _HALF_WIDTH,
        _HALF_HEIGHT,
        id="stub",
        **common,
    )
    bottom = Frame(_HALF_MARGIN_X, _HALF_OUTER, _HALF_WIDTH, _HALF_HEIGHT, id="copy", **common)
    return PageTemplate(
        id="halves",
        frames=[top, bottom],
        onPage=lambda canv, doc: _draw_cut_line(canv, font),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
    )


# ------------------------------------------------------------------ shared text


def _party_line(party: PartyInfo, masked: bool) -> str:
    number = mask_id_number(party.id_number) if masked else party.id_number
    return f"{esc(party.id_type)}{NBSP}{esc(number)}"


def _agent_line(party: PartyInfo, masked: bool) -> str:
    text = esc(party.agent_name)
    if party.agent_id_number:
        number = mask_id_number(party.agent_id_number) if masked else party.agent_id_number
        text += f"（证件号码{NBSP}{esc(number)}）"
    return text


def _sentence(text: str) -> str:
    """Text without a trailing full stop: the templates add their own."""
    return text.strip().rstrip("。.；;，,")


# ------------------------------------------------------------------ receipt


@lru_cache(maxsize=8)
def _tag_style(font: str, size: float, inverse: bool) -> ParagraphStyle:
    return ParagraphStyle(
        f"tag-{size}-{inverse}",
        fontName=font,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
        textColor=colors.white if inverse else colors.black,
        wordWrap="CJK",
    )


def _tag(text: str, st: Styles, *, inverse: bool, size: float, width: float) -> Table:
    """A boxed label; ``inverse`` prints white on black so it stands out on a mono laser."""
    t = Table([[para(text, _tag_style(st.font, size, inverse))]], colWidths=[width])
    commands: list[tuple[object, ...]] = [
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if inverse:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), colors.black))
    t.setStyle(TableStyle(commands))
    return t


def _receipt_part(
    data: ReceiptData, st: Styles, width: float, *, stub: bool, qr: Flowable
) -> list[Flowable]:
    """One part of the receipt: the office's stub or the applicant's copy."""
    side = 36 * mm
    part_label = f"存{NBSP}根<br/><font size=9>（受理单位留存）</font>" if stub else "申请人联"
    left: Flowable | str = (
        _tag("绿色通道", st, inverse=True, size=13, width=30 * mm) if data.green_channel else ""
    )
    head_center = [
        FakeBold(para(esc(data.office.name), st.letterhead), stroke=0.25),
        FakeBold(para("受理回执", st.title), stroke=0.45),
    ]
    header = Table(
        [[left, head_center, _tag(part_label, st, inverse=False, size=11, width=34 * mm)]],
        colWidths=[side, width - 2 * side, side],
    )
    header.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "LEFT"),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )

    applicant = data.applicant
    # Name and ID share a row: every row saved is what lets a typical receipt
    # (6–8 materials, green channel notes) fit in half a page.
    details = [_party_line(applicant, masked=not stub)]
    if applicant.legal_rep:
        details.append(f"法定代表人：{esc(applicant.legal_rep)}")
    applicant_text = f"{esc(applicant.name)}（{'；'.join(details)}）"
    rows: list[tuple[str, str]] = [
        ("受理编号", f"<font size={st.emphasis.fontSize}>{esc(data.case_number)}</font>"),
        ("申 请 人", applicant_text),
    ]
    if applicant.agent_name:
        rows.append(("代 理 人", _agent_line(applicant, masked=not stub)))
    rows.append(("申请事项", esc(data.matter_name)))
    rows.append(("受理时间", esc(fmt_datetime(data.accepted_at))))

    qr_size = _QR_SIZE
    label_w = 20 * mm  # 受理编号： at 10 pt needs 17.6 mm; the colon must not wrap
    info_w = width - qr_size - 4 * mm
    info = Table(
        [[k + "：", para(v, st.value)] for k, v in rows],
        colWidths=[label_w, info_w - label_w],
    )
    info.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), st.font, st.value.fontSize, st.value.leading),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    info_block = Table([[info, qr]], colWidths=[info_w, width - info_w])
    info_block.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )

    story: list[Flowable] = [
        LetterheadMark(),
        header,
        Spacer(1, 2 * mm),
        info_block,
        Spacer(1, 1.5 * mm),
    ]
    story.append(_materials_table(data, st, width))
    story.append(Spacer(1, 1.5 * mm))

    if data.promised_days == 0:
        promise = "即办件，当场办结"
    else:
        promise = (
            f"承诺时限{NBSP}{data.promised_days}{NBSP}个工作日，"
            f"预计于{NBSP}{esc(fmt_date(data.due_date))}{NBSP}前办结"
        )
    story.append(FakeBold(para(promise, st.emphasis), stroke=0.2))
    if data.due_uncertain:
        story.append(para("（该日期所在年度的节假日安排尚未公布，办结日期可能顺延）", st.note))
    if data.green_channel:
        story.extend(_pending_block(data, st))
    if not stub:
        story.append(
            para("请妥善保管本回执，凭此查询办理进度、领取办理结果。", st.note),
        )
    story.append(Spacer(1, 1.5 * mm))
    story.append(_receipt_footer(data, st, width, stub=stub))
    return story


def _materials_table(data: ReceiptData, st: Styles, width: float) -> Table:
    rows: list[list[object]] = [["序号", "材料名称", "原件/复印件", "份数"]]
    for i, m in enumerate(data.materials, start=1):
        name = esc(m.name)
        if m.note:
            name += f"（{esc(m.note)}）"
        # Only the name can be long; the other cells are short fixed texts.
        rows.append([str(i), para(name, st.cell), m.form.label, str(m.copies)])
    if not data.materials:
        rows.append(["", "（无）", "", ""])
    widths = [11 * mm, width - 11 * mm - 26 * mm - 12 * mm, 26 * mm, 12 * mm]
    return grid_table(
        rows, widths, st, center_cols=(0, 2, 3), padding=1.5, page_height=_FULL_HEIGHT
    )


def _pending_block(data: ReceiptData, st: Styles) -> list[Flowable]:
    """Green channel: materials accepted to follow (先办理后规范) and when they are due.

    One line per material: the applicant ticks them off when bringing them.
    """
    if not data.pending_materials:
        return [para("绿色通道（先办理后规范）：无待补交材料。", st.small)]
    when = (
        f"请于{NBSP}{esc(fmt_date(data.pending_due))}{NBSP}前补交"
        if data.pending_due
        else "请尽快补交"
    )
    items = [
        f"{i}.{NBSP}{esc(m.name)}" + (f"（{esc(m.requirement)}）" if m.requirement else "")
        for i, m in enumerate(data.pending_materials, start=1)
    ]
    heading = para(f"绿色通道（先办理后规范），以下材料{when}：", st.small)
    return [heading, *(para(item, st.pending) for item in items)]


def _receipt_footer(data: ReceiptData, st: Styles, width: float, *, stub: bool) -> Table:
    gap = NBSP * 4
    contact = f"受理人：{esc(data.clerk_name)}{gap}联系电话：{esc(data.contact_phone)}"
    if stub:
        second = f"申请人签字：{blank(22)}"
    elif data.office.complaint_phone:
        second = f"监督电话：{esc(data.office.complaint_phone)}"
    else:
        second = ""
    right = [
        para("受理单位（盖章）", st.body_right),
        para(esc(fmt_date(data.accepted_at)), st.body_right),
    ]
    left = para(f"{contact}<br/>{second}" if second else contact, st.body_lead)
    t = Table([[left, right]], colWidths=[width * 0.6, width * 0.4])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


def render_receipt(data: ReceiptData) -> bytes:
    """受理回执: stub (top) and applicant copy (bottom) on one A4 page, cut line between.

    When the parts do not fit in half a page (many or very long material
    names) each part gets its own full page instead of shrinking the type
    below 9 pt.
    """
    font = register_cjk_font()
    st = styles_for(font, 10.0)
    qr = QrMatrix(data.case_number)  # encoded once, drawn in both parts

    def parts(width: float) -> tuple[list[Flowable], list[Flowable]]:
        return (
            _receipt_part(data, st, width, stub=True, qr=qr.flowable(_QR_SIZE)),
            _receipt_part(data, st, width, stub=False, qr=qr.flowable(_QR_SIZE)),
        )

    info = DocInfo("受理回执", data.case_number, data.office.name, data.matter_name)
    stub, copy = parts(_HALF_WIDTH)
    # Measured before layout (the wraps are memoised, so the build reuses
    # them): letting a half overflow and rebuilding would risk a LayoutError
    # on anything that cannot split.  1 mm slack for the frame's rounding.
    fits = all(stack_height(p, _HALF_WIDTH) <= _HALF_HEIGHT - 1 * mm for p in (stub, copy))
    if fits:
        return build_pdf([*stub, FrameBreak(), *copy], info, [_halves_template(font)], font)
    stub, copy = parts(_FULL_WIDTH)
    return build_pdf([*stub, PageBreak(), *copy], info, [_full_template()], font)


# ------------------------------------------------------------------ one-time notice


def _missing_table(missing: tuple[MissingMaterial, ...], st: Styles, width: float) -> Table:
    rows: list[list[object]] = [["序号", "材料名称", "存在问题", "补正要求"]]
    for i, m in enumerate(missing, start=1):
        rows.append(
            [
                str(i),
                para(esc(m.name), st.cell),
                para(esc(m.problem), st.cell),
                para(esc(m.requirement), st.cell),
            ]
        )
    index_w = 12 * mm
    rest = width - index_w
    widths = [index_w, rest * 0.34, rest * 0.28, rest * 0.38]
    return grid_table(rows, widths, st, center_cols=(0,), padding=3, page_height=_FULL_HEIGHT)


def _closing(
    st: Styles, office: OfficeInfo, issued_at: dt.datetime, clerk: str, phone: str
) -> list[Flowable]:
    contact = f"经办人：{esc(clerk)}{NBSP * 4}联系电话：{esc(phone)}"
    if office.complaint_phone:
        contact += f"{NBSP * 4}监督电话：{esc(office.complaint_phone)}"
    # Kept together: a seal block or signature line alone at the top of a
    # page looks like a forged continuation and gets refused at the counter.
    return [
        KeepTogether(
            [
                Spacer(1, 3 * mm),
                para(contact, st.body),
                Spacer(1, 2 * mm),
                SealBlock(office.name, fmt_date(issued_at), st.font, st.body.fontSize),
                Spacer(1, 5 * mm),
                signature_line(st),
            ]
        )
    ]


def render_incomplete_notice(data: IncompleteNoticeData) -> bytes:
    """一次性告知书（补正材料通知书）: every missing or defective material at once."""
    font = register_cjk_font()
    st = styles_for(font, 12.0)
    story: list[Flowable] = letterhead(
        st, data.office.name, "一次性告知书", "（补正材料通知书）", data.notice_number
    )
    story += [
        Spacer(1, 3 * mm),
        para(f"{esc(data.applicant.name)}：", st.body),
        para(
            f"你（单位）于{esc(fmt_date(data.received_at))}提交的{esc(data.matter_name)}"
            "申请材料，经审查，申请材料不齐全或者不符合法定形式。"
            "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，"
            "现一次性告知你（单位）需要补正的全部内容如下：",
            st.body_indent,
        ),
        Spacer(1, 2 * mm),
        _missing_table(data.missing, st, _FULL_WIDTH),
        Spacer(1, 3 * mm),
        para(
            "请按上述要求补正全部材料后重新提交。补正材料所需时间不计算在办理时限内。",
            st.body_indent,
        ),
    ]
    story += _closing(st, data.office, data.issued_at, data.clerk_name, data.contact_phone)
    info = DocInfo("一次性告知书", data.notice_number, data.office.name, data.matter_name)
    return build_pdf(story, info, [_full_template()], font)


# ------------------------------------------------------------------ refusal notice


def render_refusal_notice(data: RefusalNoticeData) -> bytes:
    """不予受理通知书: the reason and the applicant's remedies (复议, 诉讼)."""
    font = register_cjk_font()
    st = styles_for(font, 12.0)
    office = data.office
    body = office.reconsideration_body.strip() or "本机关的上一级行政机关或者本级人民政府"
    court = office.court.strip() or "有管辖权的人民法院"
    story: list[Flowable] = letterhead(st, office.name, "不予受理通知书", number=data.notice_number)
    story += [
        Spacer(1, 3 * mm),
        para(f"{esc(data.applicant.name)}：", st.body),
        para(
            f"你（单位）于{esc(fmt_date(data.received_at))}提出的{esc(data.matter_name)}申请，"
            f"经审查，{esc(_sentence(data.reason))}。"
            "根据《中华人民共和国行政许可法》第三十二条第一款的规定，决定不予受理。",
            st.body_indent,
        ),
        para(
            f"如不服本决定，可以自收到本通知书之日起六十日内向{esc(body)}申请行政复议，"
            f"也可以自收到本通知书之日起六个月内向{esc(court)}提起行政诉讼。",
            st.body_indent,
        ),
    ]
    story += _closing(st, office, data.issued_at, data.clerk_name, data.contact_phone)
    info = DocInfo("不予受理通知书", data.notice_number, office.name, data.matter_name)
    return build_pdf(story, info, [_full_template()], font)


# ------------------------------------------------------------------ printer test page

# One line of 汉字 and one of numbers, units and punctuation per size: the
# words a land office prints most, plus the 亩/㎡ that a poor font lacks.
_SAMPLE_HAN = "宅基地、耕地、农用地转用、不动产登记"
_SAMPLE_MIXED = "面积 120.5{unit}（0.18 亩）0123456789"
_SAMPLE_SIZES = (9.0, 10.5, 12.0, 16.0, 22.0)
_TEST_MARGIN = 15 * mm


def render_test_page(printed_at: dt.datetime, office: OfficeInfo | None = None) -> bytes:
    """打印测试页: font, sizes, a 100 mm ruler and a 50 mm square to check 100 % scaling."""
    font = register_cjk_font()
    path = registered_font_file(font)
    unit = "㎡" if font_has_chars(font, "㎡") else "平方米"
    now = printed_at.astimezone(SHANGHAI)

    out = io.BytesIO()
    c = Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1)
    c.setTitle("打印测试页")
    c.setCreator("landdesk")
    margin = _TEST_MARGIN
    left = 25 * mm
    right = PAGE_WIDTH - 25 * mm

    # Page margins: a dashed frame 15 mm inside the paper edge.  If a side of
    # it is missing on paper, the printer cuts into that margin.
    c.saveState()
    c.setDash(3, 3)
    c.setLineWidth(0.5)
    c.rect(margin, margin, PAGE_WIDTH - 2 * margin, PAGE_HEIGHT - 2 * margin)
    c.restoreState()
    c.setFont(font, MIN_FONT_SIZE)
    c.drawString(margin + 2 * mm, PAGE_HEIGHT - margin - 4 * mm, "虚线框：距纸边 15 毫米")

    y = PAGE_HEIGHT - 32 * mm
    c.setFont(font, 22)
    c.drawCentredString(PAGE_WIDTH / 2, y, "打印测试页")
    y -= 11 * mm
    info = []
    if office is not None:
        info.append(f"单位：{office.name}" + (f"（{office.code}）" if office.code else ""))
    info += [
        f"字体：{_face_name(font)}",
        f"字体文件：{path}",
        f"打印时间：{now.year}年{now.month}月{now.day}日 {now:%H:%M:%S}（北京时间）",
    ]
    y = _draw_lines(c, info, font, 10.5, left, y, right - left)
    y -= 4 * mm

    label_w = 16 * mm
    for size in _SAMPLE_SIZES:
        c.setFont(font, MIN_FONT_SIZE)
        c.drawString(left, y - size * 1.1, f"{size:g} 磅")  # on the first sample's baseline
        samples = [_SAMPLE_HAN, _SAMPLE_MIXED.format(unit=unit)]
        y = _draw_lines(c, samples, font, size, left + label_w, y, right - left - label_w)
        y -= 2.5 * mm

    # The ruler and square sit at fixed places near the bottom so that a long
    # office name or font path can never push them off the paper.
    # 100 mm ruler with millimetre ticks: measured with a real ruler it must be
    # exactly 100 mm, else the print dialog is scaling ("适合页面").
    square_bottom = margin + 22 * mm
    y = square_bottom + 50 * mm + 14 * mm
    c.setLineWidth(0.8)
    c.line(left, y, left + 100 * mm, y)
    c.setLineWidth(0.3)
    c.setFont(font, MIN_FONT_SIZE)
    for i in range(101):
        tick = 5 * mm if i % 10 == 0 else (3.5 * mm if i % 5 == 0 else 2 * mm)
        c.line(left + i * mm, y, left + i * mm, y + tick)
        if i % 10 == 0:
            c.drawCentredString(left + i * mm, y + tick + 1.5 * mm, str(i))
    c.drawString(left + 104 * mm, y + 1 * mm, "← 标尺全长 100 毫米")

    # 50 mm square, with how to check both beside it.
    y = square_bottom
    c.setLineWidth(0.8)
    c.rect(left, y, 50 * mm, 50 * mm)
    c.setFont(font, 10.5)
    c.drawCentredString(left + 25 * mm, y + 25 * mm - 4, "50 毫米 × 50 毫米")
    help_lines = [
        "核对方法：用直尺测量，上方标尺应为 100 毫米，左侧方框边长应为 50 毫米。",
        "若尺寸不符，请在打印对话框中选择“实际大小”或缩放 100%，不要选择“适合页面”。",
        "若虚线框某一边缺失，说明打印机裁切了该侧页边。",
        "若文字出现方框或缺字，请在“系统设置 → 打印字体”中更换字体。",
    ]
    help_x = left + 56 * mm
    _draw_lines(c, help_lines, font, 10.5, help_x, y + 50 * mm, right - help_x, gap=1.5 * mm)
    c.showPage()
    c.save()
    return out.getvalue()


def _draw_lines(
    c: Canvas,
    texts: list[str],
    font: str,
    size: float,
    x: float,
    top: float,
    width: float,
    gap: float = 0.0,
) -> float:
    """Draw ``texts`` wrapped to ``width``, 1.4 × size apart, below ``top``; return the new top."""
    c.setFont(font, size)
    y = top
    for text in texts:
        for line in cjk_lines(text, font, size, width):
            y -= size * 1.4
            c.drawString(x, y + size * 0.3, line)
        y -= gap
    return y


def _face_name(font: str) -> str:
    face = pdfmetrics.getFont(font).face
    name = face.name
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


__all__ = [
    "render_incomplete_notice",
    "render_receipt",
    "render_refusal_notice",
    "render_test_page",
]
