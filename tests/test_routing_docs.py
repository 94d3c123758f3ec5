"""Routing documents (传办单, 退件单, 办结通知书, 督办单, 首问负责登记簿) on paper.

What a person checks is asserted on the text pypdf extracts; the font must be
embedded (FontFile2) and the pages A4 (landscape for the wide tables).  The
last test writes every document to /tmp/landdesk-routing, with PNGs when
pdftoppm exists, to be looked at.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from app.dto import (
    DecisionNoticeData,
    InquiryRegisterData,
    InquiryRow,
    OfficeInfo,
    PartyInfo,
    ReturnSlipData,
    SlipRow,
    SupervisionNoticeData,
    TransferSlipData,
)
from app.errors import FontNotFoundError
from app.printing import document_title, fonts, render_document
from app.printing.routing_docs import (
    render_decision_notice,
    render_inquiry_register,
    render_return_slip,
    render_supervision_notice,
    render_transfer_slip,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
PORTRAIT = (595.27, 841.89)
LANDSCAPE = (841.89, 595.27)
OUT_DIR = Path("/tmp/landdesk-routing")


def _cjk_font_available() -> bool:
    try:
        fonts.find_cjk_font()
    except FontNotFoundError:
        return False
    return True


needs_font = pytest.mark.skipif(
    not _cjk_font_available(), reason="no CJK TrueType font (install fonts-wqy-zenhei)"
)


def _bj(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment given in Beijing time, stored in UTC as the services do."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(dt.UTC)


# ------------------------------------------------------------------ sample data


@pytest.fixture
def office() -> OfficeInfo:
    return OfficeInfo(
        name="青山县白沙镇自然资源所",
        code="360123101",
        county="青山县自然资源局",
        phone="0791-88881234",
        complaint_phone="0791-88889999",
        reconsideration_body="青山县人民政府",
        court="青山县人民法院",
    )


@pytest.fixture
def applicant() -> PartyInfo:
    return PartyInfo(
        name="青山县白沙建材有限公司",
        kind="organisation",
        id_type="统一社会信用代码",
        id_number="91360123MA35XXXX0X",
        legal_rep="周国强",
        agent_name="陈立新",
    )


LONG_OPINION = (
    "经现场踏勘，拟用地位于白沙镇上村3组，四至清楚，权属无争议，"
    "符合土地利用总体规划和村庄规划，不占用永久基本农田；"
    "申请面积与测绘成果一致，建议同意报分管领导审核。"
)


def _slip_rows() -> tuple[SlipRow, ...]:
    return (
        SlipRow(
            1,
            "forward",
            "窗口受理",
            "张晓明",
            "李卫东",
            _bj(11, 23, 9, 30),
            _bj(11, 23, 10, 5),
            _bj(11, 23, 16, 40),
            dt.date(2026, 11, 24),
            "材料齐全，符合受理条件",
            "同意",
        ),
        SlipRow(
            2,
            "forward",
            "所长审核",
            "李卫东",
            "王晓梅",
            _bj(11, 23, 16, 45),
            _bj(11, 24, 8, 50),
            _bj(11, 24, 11, 20),
            dt.date(2026, 11, 24),
            LONG_OPINION,
            "同意",
        ),
        SlipRow(
            3,
            "return",
            "分管领导审核",
            "赵建华",
            "李卫东",
            _bj(11, 25, 15, 0),
            _bj(11, 25, 15, 30),
            _bj(11, 25, 17, 0),
            dt.date(2026, 11, 26),
            "",
            "退回",
            reason="缺少村民小组会议记录原件，请补齐后重新报送",
        ),
        SlipRow(
            4,
            "forward",
            "所长审核",
            "李卫东",
            "赵建华",
            _bj(11, 26, 9, 0),
            None,
            None,
            dt.date(2026, 11, 27),
            "已补齐会议记录原件",
            "",
        ),
    )


@pytest.fixture
def slip(office: OfficeInfo, applicant: PartyInfo) -> TransferSlipData:
    return TransferSlipData(
        office=office,
        case_number="SL-360123101-2026-000123",
        matter_name="乡村建设规划许可",
        tier_label="重要",
        applicant=applicant,
        accepted_at=_bj(11, 23, 9, 30),
        due_date=dt.date(2026, 12, 9),
        due_uncertain=False,
        green_channel=False,
        rows=_slip_rows(),
        remaining_steps=("分管领导审核", "主要领导签批", "办结送达"),
        pauses=("公示 2026-11-25 至 2026-12-01（不计入办理时限）",),
        printed_at=_bj(11, 26, 10, 15),
    )


def _many_rows(n: int) -> tuple[SlipRow, ...]:
    rows = []
    for i in range(1, n + 1):
        sent = _bj(11, 23, 8) + dt.timedelta(hours=5 * i)
        kind = "return" if i % 7 == 0 else "forward"
        rows.append(
            SlipRow(
                i,
                kind,
                f"第{i}环节审核",
                f"移交人{i}",
                f"接收人{i}",
                sent,
                sent + dt.timedelta(minutes=30),
                sent + dt.timedelta(hours=3),
                (sent + dt.timedelta(days=1)).date(),
                f"第{i}条意见：{LONG_OPINION[: 20 + i % 30]}",
                "退回" if kind == "return" else "同意",
                reason=f"第{i}条退回理由：材料不全" if kind == "return" else "",
            )
        )
    return tuple(rows)


@pytest.fixture
def return_slip(office: OfficeInfo, applicant: PartyInfo) -> ReturnSlipData:
    return ReturnSlipData(
        office=office,
        slip_number="TJ-360123101-2026-000009",
        case_number="SL-360123101-2026-000123",
        matter_name="乡村建设规划许可",
        applicant=applicant,
        step_name="分管领导审核",
        returned_by="赵建华",
        returned_to="李卫东",
        returned_at=_bj(11, 25, 15, 0),
        reason="缺少村民小组会议记录原件；建设用地范围图未标注四至界址点坐标，"
        "请补齐后重新报送，补正期间不计入办理时限。",
    )


@pytest.fixture
def decision(office: OfficeInfo, applicant: PartyInfo) -> DecisionNoticeData:
    return DecisionNoticeData(
        office=office,
        decision_number="BJ-360123101-2026-000031",
        case_number="SL-360123101-2026-000123",
        applicant=applicant,
        matter_name="乡村建设规划许可",
        accepted_at=_bj(11, 23, 9, 30),
        decided_at=_bj(12, 4, 16, 0),
        result="approved",
        result_label="准予许可",
        text="请于收到本通知书之日起十个工作日内，持受理回执和有效身份证件到本所窗口领取许可证书。",
        clerk_name="张晓明",
        contact_phone="0791-88881234",
    )


@pytest.fixture
def supervision(office: OfficeInfo) -> SupervisionNoticeData:
    return SupervisionNoticeData(
        office=office,
        number="DB-360123101-2026-000004",
        case_number="SL-360123101-2026-000123",
        matter_name="乡村建设规划许可",
        applicant_name="青山县白沙建材有限公司",
        issued_by="刘志强",
        issued_to="李卫东",
        issued_at=_bj(11, 30, 9, 0),
        reason="该件已超过所长审核环节时限1个工作日仍未流转，请说明原因并于期限内办结。",
        reply_due=dt.date(2026, 12, 2),
    )


def _inquiries(n: int) -> tuple[InquiryRow, ...]:
    rows = []
    for i in range(n):
        forwarded = i % 3 == 1
        rows.append(
            InquiryRow(
                at=_bj(11, 23, 8, 30) + dt.timedelta(minutes=17 * i),
                channel="来电" if i % 2 else "来访",
                asker=f"咨询人{i + 1:02d}" if i % 5 else "白沙镇上村村民委员会",
                phone=f"138{i:08d}",
                address=f"白沙镇上村{i % 9 + 1}组",
                matter="宅基地" if i % 2 else "土地确权",
                question=f"第{i + 1}号咨询：宅基地审批需要提交哪些材料，办理时限多长？",
                materials_received="身份证复印件 1 份" if i % 4 == 0 else "",
                first_officer="张晓明",
                responsible_officer="李卫东" if forwarded else "张晓明",
                handling="转办" if forwarded else "当场答复",
                forwarded_to="地籍股 王晓梅" if forwarded else "",
                outcome=f"已答复（第{i + 1}号）"
                if not forwarded
                else f"已转办，待回复（第{i + 1}号）",
            )
        )
    return tuple(rows)


@pytest.fixture
def register(office: OfficeInfo) -> InquiryRegisterData:
    return InquiryRegisterData(office=office, day=dt.date(2026, 11, 23), rows=_inquiries(25))


# ------------------------------------------------------------------ PDF helpers


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _pages(pdf: bytes) -> list[str]:
    return [_flat(page.extract_text() or "") for page in _reader(pdf).pages]


def _flat_text(pdf: bytes) -> str:
    return "".join(_pages(pdf))


def _flat(text: str) -> str:
    """Text without whitespace: wrapped lines may split a phrase anywhere."""
    return re.sub(r"\s+", "", text)


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _font_descriptors(pdf: bytes) -> Iterator[Any]:
    for page in _reader(pdf).pages:
        resources = _resolve(page["/Resources"])
        for font_ref in _resolve(resources.get("/Font", {})).values():
            font = _resolve(font_ref)
            for desc_font in _resolve(font.get("/DescendantFonts", [])):
                desc_font = _resolve(desc_font)
                if "/FontDescriptor" in desc_font:
                    yield _resolve(desc_font["/FontDescriptor"])
            if "/FontDescriptor" in font:
                yield _resolve(font["/FontDescriptor"])


def _assert_size(pdf: bytes, size: tuple[float, float]) -> None:
    for page in _reader(pdf).pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(size, abs=0.5)


def _row_texts(pdf: bytes, page: int = 0) -> list[str]:
    """Text of a page grouped by baseline, top to bottom (to check a row's cells).

    Within a baseline the text keeps drawing order: a table draws its cells
    left to right.
    """
    lines: dict[int, list[str]] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            lines.setdefault(round(y), []).append(text)

    _reader(pdf).pages[page].extract_text(visitor_text=visit)
    return [_flat("".join(lines[y])) for y in sorted(lines, reverse=True)]


SLIP_HEADER = "序号环节移交人接收人移交时间签收时间办结时间时限（截止日期）意见结果签字"


# ------------------------------------------------------------------ transfer slip


@needs_font
def test_transfer_slip_lists_every_hand_off(slip: TransferSlipData) -> None:
    pdf = render_transfer_slip(slip)
    _assert_size(pdf, LANDSCAPE)
    assert len(_reader(pdf).pages) == 1
    flat = _flat_text(pdf)
    for phrase in (
        "传办单",
        slip.office.name,
        slip.case_number,
        slip.matter_name,
        slip.applicant.name,
        "事项层级",
        "重要",
        SLIP_HEADER,
    ):
        assert phrase in flat, phrase
    assert "受理时间2026年11月23日09:30" in flat  # Beijing time, not UTC
    assert "办结期限2026年12月9日" in flat
    assert "待定" not in flat
    assert "暂停计时：公示2026-11-25至2026-12-01（不计入办理时限）" in flat
    assert "绿色通道" not in flat
    for row in slip.rows:
        for name in (row.step_name, row.from_name, row.to_name):
            assert _flat(name) in flat, name
        if row.opinion:
            assert _flat(row.opinion) in flat, row.opinion  # long opinions wrap, not clip
    # Times as "11-23 09:30" in Beijing time (the row was stored in UTC).
    rows = _row_texts(pdf)
    first = next(r for r in rows if r.startswith("1窗口受理"))
    assert "张晓明李卫东11-2309:3011-2310:0511-2316:4011-24" in first
    # A row not yet received prints empty received/done cells, not "None".
    assert "None" not in flat


@needs_font
def test_transfer_slip_marks_returns_with_reason(slip: TransferSlipData) -> None:
    flat = _flat_text(render_transfer_slip(slip))
    assert "分管领导审核（退回）" in flat
    assert "【退回】理由：缺少村民小组会议记录原件，请补齐后重新报送" in flat


@needs_font
def test_transfer_slip_blank_rows_for_remaining_steps(slip: TransferSlipData) -> None:
    pdf = render_transfer_slip(slip)
    rows = _row_texts(pdf)
    # Numbered after the recorded rows, the step named, everything else left to the pen.
    assert "5分管领导审核" in rows
    assert "6主要领导签批" in rows
    assert "7办结送达" in rows


@needs_font
def test_transfer_slip_green_channel_and_uncertain_due(slip: TransferSlipData) -> None:
    data = replace(slip, green_channel=True, due_uncertain=True)
    flat = _flat_text(render_transfer_slip(data))
    assert "绿色通道" in flat
    assert "2026年12月9日（待定：该日期所在年度的节假日安排尚未公布" in flat
    unknown = _flat_text(render_transfer_slip(replace(slip, due_date=None)))
    assert "办结期限待定" in unknown


@needs_font
def test_transfer_slip_with_nothing_recorded_yet(slip: TransferSlipData) -> None:
    """Printable at any moment: right after acceptance, or with no steps at all."""
    fresh = _flat_text(render_transfer_slip(replace(slip, rows=(), pauses=())))
    assert "1分管领导审核" in fresh and "暂停计时" not in fresh
    empty = _flat_text(render_transfer_slip(replace(slip, rows=(), remaining_steps=())))
    assert "尚无移交记录" in empty


@needs_font
def test_transfer_slip_forty_rows_split_with_repeated_header(slip: TransferSlipData) -> None:
    data = replace(slip, rows=_many_rows(40))
    pdf = render_transfer_slip(data)
    _assert_size(pdf, LANDSCAPE)
    pages = _pages(pdf)
    assert len(pages) >= 2
    for i, page in enumerate(pages, start=1):
        assert f"第{i}页共{len(pages)}页" in page
        assert SLIP_HEADER in page  # the column header on every page
    for page in pages[1:]:
        assert data.case_number in page  # running header: a loose page is matched to its case
    flat = "".join(pages)
    for row in data.rows:
        assert _flat(row.opinion) in flat, row.seq  # no row lost at a page break
        if row.kind == "return":
            assert _flat(row.reason) in flat
    for step in data.remaining_steps:
        assert step in pages[-1]


@needs_font
def test_transfer_slip_very_long_opinion_continues(slip: TransferSlipData) -> None:
    """An opinion taller than a page is cut into continuation rows, never lost."""
    huge = "经集体会审，与会人员一致认为该项目符合规划要求。" * 60
    rows = (replace(slip.rows[0], opinion=huge), *slip.rows[1:])
    pages = _pages(render_transfer_slip(replace(slip, rows=rows)))
    assert len(pages) >= 2
    # Page furniture, repeated headers and the row's result cell (drawn after
    # the first piece of the opinion) taken out, the opinion reads through whole.
    furniture = (
        rf"第\d+页共\d+页|{SLIP_HEADER}|同意"
        rf"|{slip.office.name}传办单编号：{slip.case_number}"
    )
    assert _flat(huge) in re.sub(furniture, "", "".join(pages))


# ------------------------------------------------------------------ return slip


@needs_font
def test_return_slip_text(return_slip: ReturnSlipData) -> None:
    pdf = render_return_slip(return_slip)
    _assert_size(pdf, PORTRAIT)
    assert len(_reader(pdf).pages) == 1
    flat = _flat_text(pdf)
    for phrase in (
        "退件单",
        return_slip.slip_number,
        return_slip.case_number,
        return_slip.matter_name,
        return_slip.applicant.name,
    ):
        assert phrase in flat, phrase
    assert "退件环节分管领导审核" in flat
    assert "退件人赵建华" in flat
    assert "退回至李卫东" in flat
    assert "退件时间2026年11月25日15:00" in flat
    assert _flat(return_slip.reason) in flat
    assert "退件人（签字）：" in flat and "接收人（签收）：" in flat
    assert flat.count("日期：年月日") == 2


@needs_font
def test_return_slip_to_applicant(return_slip: ReturnSlipData) -> None:
    flat = _flat_text(render_return_slip(replace(return_slip, returned_to="申请人")))
    assert "退回至申请人" in flat
    assert "申请人（签收）：" in flat


# ------------------------------------------------------------------ decision notice


@needs_font
def test_decision_notice_approved(decision: DecisionNoticeData) -> None:
    pdf = render_decision_notice(decision)
    _assert_size(pdf, PORTRAIT)
    flat = _flat_text(pdf)
    assert "办结通知书" in flat and decision.decision_number in flat
    assert "青山县白沙建材有限公司：" in flat
    assert (
        "你（单位）于2026年11月23日提出的乡村建设规划许可申请（受理编号：SL-360123101-2026-000123），"
        "本机关于2026年11月23日受理，经审查，决定：准予许可。" in flat
    )
    assert _flat(decision.text) in flat
    assert "行政复议" not in flat and "行政诉讼" not in flat
    assert "（盖章）" in flat and "2026年12月4日" in flat
    assert "申请人签收" in flat


@needs_font
def test_decision_notice_not_approved_has_remedies(decision: DecisionNoticeData) -> None:
    data = replace(
        decision,
        result="not_approved",
        result_label="不予许可",
        text="经审查，拟建位置占用永久基本农田，不符合国土空间规划。",
    )
    flat = _flat_text(render_decision_notice(data))
    assert "经审查，决定：不予许可。" in flat
    assert "六十日内向青山县人民政府申请行政复议" in flat
    assert "六个月内向青山县人民法院提起行政诉讼" in flat
    default = replace(data, office=replace(data.office, reconsideration_body="", court=""))
    flat = _flat_text(render_decision_notice(default))
    assert "向本机关的上一级行政机关或者本级人民政府申请行政复议" in flat
    assert "向有管辖权的人民法院提起行政诉讼" in flat
    assert "。。" not in flat


# ------------------------------------------------------------------ supervision notice


@needs_font
def test_supervision_notice_without_reply(supervision: SupervisionNoticeData) -> None:
    pdf = render_supervision_notice(supervision)
    _assert_size(pdf, PORTRAIT)
    flat = _flat_text(pdf)
    for phrase in (
        "督办单",
        supervision.number,
        supervision.case_number,
        supervision.matter_name,
        supervision.applicant_name,
    ):
        assert phrase in flat, phrase
    assert "督办人刘志强" in flat and "被督办人李卫东" in flat
    assert "督办时间2026年11月30日09:00" in flat
    assert "回复期限2026年12月2日前" in flat
    assert _flat(supervision.reason) in flat
    assert "办理情况回复" in flat
    assert "回复人（签字）：" in flat and "回复时间：年月日" in flat


@needs_font
def test_supervision_notice_with_reply(supervision: SupervisionNoticeData) -> None:
    data = replace(
        supervision,
        reply="因申请人补正材料延误，已于12月1日完成审核并报分管领导。",
        replied_by="李卫东",
        replied_at=_bj(12, 1, 17, 20),
    )
    flat = _flat_text(render_supervision_notice(data))
    assert _flat(data.reply) in flat
    assert "回复人：李卫东" in flat and "回复时间：2026年12月1日17:20" in flat
    assert "回复人（签字）" not in flat and "逾期回复" not in flat
    late = replace(data, replied_at=_bj(12, 3, 9, 0))
    assert "（逾期回复）" in _flat_text(render_supervision_notice(late))


# ------------------------------------------------------------------ inquiry register


@needs_font
def test_inquiry_register_twenty_five_rows(register: InquiryRegisterData) -> None:
    pdf = render_inquiry_register(register)
    _assert_size(pdf, LANDSCAPE)
    pages = _pages(pdf)
    flat = "".join(pages)
    assert "首问负责登记簿" in flat
    assert "登记日期：2026年11月23日（星期一）" in flat
    head = "序号时间方式来访/来电人联系电话住址咨询事项接收材料首问人责任人办理情况（当场答复/转办至…）结果"
    for i, page in enumerate(pages, start=1):
        assert head in page
        if len(pages) > 1:
            assert f"第{i}页共{len(pages)}页" in page
    for row in register.rows:
        assert _flat(row.question) in flat
        assert row.phone in flat
        assert _flat(row.outcome) in flat
    assert flat.count("转办至地籍股王晓梅") == sum(1 for r in register.rows if r.forwarded_to)
    assert "08:30" in flat  # times in Beijing time
    assert "本日共登记25件（来访13件，来电12件）；当场答复17件，转办8件。" in flat
    assert "本日无登记" not in flat


@needs_font
def test_inquiry_register_empty_day(register: InquiryRegisterData) -> None:
    pdf = render_inquiry_register(replace(register, rows=()))
    _assert_size(pdf, LANDSCAPE)
    flat = _flat_text(pdf)
    assert "本日无登记" in flat
    assert "序号" not in flat and "本日共登记" not in flat  # no empty table, no zero total


@needs_font
def test_inquiry_register_maps_stored_codes(register: InquiryRegisterData) -> None:
    row = replace(register.rows[1], channel="phone", handling="forwarded", forwarded_to="执法中队")
    flat = _flat_text(render_inquiry_register(replace(register, rows=(row,))))
    assert "来电" in flat and "转办至执法中队" in flat
    assert "phone" not in flat and "forwarded" not in flat


# ------------------------------------------------------------------ common


@needs_font
@pytest.mark.parametrize(
    "kind", ["transfer", "return", "decision", "supervision", "register", "register-empty"]
)
def test_font_embedded_and_a4(
    kind: str,
    slip: TransferSlipData,
    return_slip: ReturnSlipData,
    decision: DecisionNoticeData,
    supervision: SupervisionNoticeData,
    register: InquiryRegisterData,
) -> None:
    document, size = {
        "transfer": (slip, LANDSCAPE),
        "return": (return_slip, PORTRAIT),
        "decision": (decision, PORTRAIT),
        "supervision": (supervision, PORTRAIT),
        "register": (register, LANDSCAPE),
        "register-empty": (replace(register, rows=()), LANDSCAPE),
    }[kind]
    pdf = render_document(document)  # the dispatch the UI uses
    _assert_size(pdf, size)
    descriptors = list(_font_descriptors(pdf))
    assert descriptors, "no embedded font descriptor"
    assert all("/FontFile2" in d for d in descriptors)
    assert all(re.match(r"^/[A-Z]{6}\+", str(d["/FontName"])) for d in descriptors)


def test_document_titles(
    slip: TransferSlipData,
    return_slip: ReturnSlipData,
    decision: DecisionNoticeData,
    supervision: SupervisionNoticeData,
    register: InquiryRegisterData,
) -> None:
    assert document_title(slip) == "传办单 SL-360123101-2026-000123"
    assert document_title(return_slip) == "退件单 TJ-360123101-2026-000009"
    assert document_title(decision) == "办结通知书 BJ-360123101-2026-000031"
    assert document_title(supervision) == "督办单 DB-360123101-2026-000004"
    assert document_title(register) == "首问负责登记簿 2026年11月23日"
    with pytest.raises(TypeError):
        render_document(object())  # type: ignore[arg-type]


# ------------------------------------------------------------------ files to look at


@needs_font
def test_write_pdfs_for_visual_check(
    slip: TransferSlipData,
    return_slip: ReturnSlipData,
    decision: DecisionNoticeData,
    supervision: SupervisionNoticeData,
    register: InquiryRegisterData,
) -> None:
    """Write every document to /tmp/landdesk-routing (PNGs too when pdftoppm exists).

    Nothing here asserts how the pages look: a person opens the PNGs.
    """
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    documents = {
        "transfer-slip": render_transfer_slip(slip),
        "transfer-slip-green": render_transfer_slip(
            replace(
                slip,
                green_channel=True,
                due_uncertain=True,
                pauses=(*slip.pauses, "补正材料 2026-12-02 至 2026-12-03（不计入办理时限）"),
            )
        ),
        "transfer-slip-40": render_transfer_slip(replace(slip, rows=_many_rows(40))),
        "return-slip": render_return_slip(return_slip),
        "decision-approved": render_decision_notice(decision),
        "decision-refused": render_decision_notice(
            replace(
                decision,
                result="not_approved",
                result_label="不予许可",
                text="经审查，拟建位置占用永久基本农田，不符合国土空间规划。",
            )
        ),
        "supervision": render_supervision_notice(supervision),
        "supervision-replied": render_supervision_notice(
            replace(
                supervision,
                reply="因申请人补正材料延误，已于12月1日完成审核并报分管领导。",
                replied_by="李卫东",
                replied_at=_bj(12, 1, 17, 20),
            )
        ),
        "inquiry-register": render_inquiry_register(register),
        "inquiry-register-empty": render_inquiry_register(replace(register, rows=())),
    }
    for name, pdf in documents.items():
        for stale in OUT_DIR.glob(f"{name}-*.png"):  # a page count may have changed
            if re.fullmatch(rf"{re.escape(name)}-\d+\.png", stale.name):
                stale.unlink()
        path = OUT_DIR / f"{name}.pdf"
        path.write_bytes(pdf)
        if shutil.which("pdftoppm") and not os.environ.get("LANDDESK_NO_PNG"):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", str(path), str(OUT_DIR / name)],
                check=True,
                timeout=60,
            )
    assert len(list(OUT_DIR.glob("*.pdf"))) >= len(documents)
