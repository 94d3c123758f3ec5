"""Printed documents: what a clerk checks on paper, asserted on the PDF text.

Text is extracted with pypdf; the font must be embedded (FontFile2) so the
document prints the same on a PC without Chinese fonts.  The last test writes
every document to /tmp/landdesk-pdf so they can be rasterised and looked at.

No warning filters: pyproject turns warnings into errors, and the reportlab
5 code paths used here (platypus, TTF subsetting, forms) emit none.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
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
from pypdf.generic import DictionaryObject, IndirectObject

from app.dto import (
    IncompleteNoticeData,
    MaterialForm,
    MissingMaterial,
    OfficeInfo,
    PartyInfo,
    ReceiptData,
    ReceivedMaterial,
    RefusalNoticeData,
)
from app.errors import FontNotFoundError
from app.printing import fonts
from app.printing.documents import (
    render_incomplete_notice,
    render_receipt,
    render_refusal_notice,
    render_test_page,
)
from app.printing.qr import QrMatrix, penalty
from app.validators import mask_id_number
from tests.conftest import NOW

SHANGHAI = ZoneInfo("Asia/Shanghai")
A4_POINTS = (595.27, 841.89)
OUT_DIR = Path("/tmp/landdesk-pdf")

ID_NUMBER = "11010519491231002X"


def _cjk_font_available() -> bool:
    try:
        fonts.find_cjk_font()
    except FontNotFoundError:
        return False
    return True


needs_font = pytest.mark.skipif(
    not _cjk_font_available(), reason="no CJK TrueType font (install fonts-wqy-zenhei)"
)


# ------------------------------------------------------------------ sample data


@pytest.fixture
def office() -> OfficeInfo:
    return OfficeInfo(
        name="青山县白沙镇自然资源所",
        code="360123101",
        county="青山县自然资源局",
        address="白沙镇人民路 18 号",
        phone="0791-88881234",
        complaint_phone="0791-88889999",
        reconsideration_body="青山县人民政府",
        court="青山县人民法院",
    )


@pytest.fixture
def applicant() -> PartyInfo:
    return PartyInfo(
        name="李秀兰",
        kind="person",
        id_type="居民身份证",
        id_number=ID_NUMBER,
        phone="13800001234",
        address="白沙镇上村 3 组",
        agent_name="王建国",
        agent_id_number="360123198001011234",
    )


@pytest.fixture
def receipt(office: OfficeInfo, applicant: PartyInfo) -> ReceiptData:
    return ReceiptData(
        office=office,
        case_number="SL-360123101-2026-000123",
        applicant=applicant,
        matter_code="TD-001",
        matter_name="农村村民宅基地审批",
        materials=(
            ReceivedMaterial("农村宅基地和建房（规划许可）申请表", MaterialForm.ORIGINAL, 1),
            ReceivedMaterial("申请人及家庭成员居民身份证", MaterialForm.ORIGINAL_AND_COPY, 1),
            ReceivedMaterial("户口簿", MaterialForm.COPY, 1),
            ReceivedMaterial(
                "村民小组会议讨论通过的书面意见及村民委员会审查意见（须载明拟用地位置、"
                "面积、四至，并附参会人员签名及会议记录）",
                MaterialForm.ORIGINAL,
                2,
            ),
            ReceivedMaterial("农村宅基地使用承诺书", MaterialForm.ORIGINAL, 1, note="本人签字"),
            ReceivedMaterial("住房建设设计图或通用图", MaterialForm.COPY, 2),
        ),
        accepted_at=dt.datetime(2026, 11, 23, 1, 30, tzinfo=dt.UTC),  # 09:30 in Beijing
        promised_days=10,
        due_date=dt.date(2026, 12, 7),
        due_uncertain=False,
        clerk_name="张晓明",
        contact_phone="0791-88881234",
    )


def _missing(n: int) -> tuple[MissingMaterial, ...]:
    problems = ("未提交", "复印件不清晰，无法辨认", "缺少村民委员会盖章", "面积与四至不一致")
    return tuple(
        MissingMaterial(
            name=f"补正材料第{i}项：宅基地使用权及房屋所有权相关证明材料",
            problem=problems[i % len(problems)],
            requirement=f"提交原件及复印件各 1 份，复印件须清晰并由申请人签字确认（第{i}项）",
        )
        for i in range(1, n + 1)
    )


@pytest.fixture
def incomplete(office: OfficeInfo, applicant: PartyInfo) -> IncompleteNoticeData:
    return IncompleteNoticeData(
        office=office,
        notice_number="BZ-360123101-2026-000045",
        applicant=applicant,
        matter_name="农村村民宅基地审批",
        received_at=dt.datetime(2026, 11, 20, 10, 0, tzinfo=SHANGHAI),
        issued_at=dt.datetime(2026, 11, 20, 10, 30, tzinfo=SHANGHAI),
        missing=_missing(3),
        clerk_name="张晓明",
        contact_phone="0791-88881234",
    )


@pytest.fixture
def refusal(office: OfficeInfo, applicant: PartyInfo) -> RefusalNoticeData:
    return RefusalNoticeData(
        office=office,
        notice_number="BSL-360123101-2026-000007",
        applicant=applicant,
        matter_name="采矿权延续登记",
        received_at=dt.datetime(2026, 11, 18, 15, 0, tzinfo=SHANGHAI),
        issued_at=dt.datetime(2026, 11, 18, 16, 0, tzinfo=SHANGHAI),
        reason="该申请事项依法不属于本机关职权范围，应向青山县自然资源局提出",
        clerk_name="张晓明",
        contact_phone="0791-88881234",
    )


# ------------------------------------------------------------------ PDF helpers


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in _reader(pdf).pages]


def _text(pdf: bytes) -> str:
    return "\n".join(_pages_text(pdf))


def _halves(pdf: bytes) -> tuple[str, str]:
    """Text of the top and bottom half of page 1, by where it is printed."""
    top: list[str] = []
    bottom: list[str] = []
    page = _reader(pdf).pages[0]
    middle = float(page.mediabox.height) / 2

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # text origin in page space
        (top if y > middle else bottom).append(text)

    page.extract_text(visitor_text=visit)
    return _flat("".join(top)), _flat("".join(bottom))


def _flat(text: str) -> str:
    """Text without whitespace: wrapped lines may split a phrase anywhere."""
    return re.sub(r"\s+", "", text)


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _font_descriptors(pdf: bytes) -> Iterator[DictionaryObject]:
    for page in _reader(pdf).pages:
        resources = _resolve(page["/Resources"])
        for font_ref in _resolve(resources.get("/Font", {})).values():
            font = _resolve(font_ref)
            descriptors = []
            if "/FontDescriptor" in font:
                descriptors.append(_resolve(font["/FontDescriptor"]))
            for desc_font in _resolve(font.get("/DescendantFonts", [])):
                desc_font = _resolve(desc_font)
                if "/FontDescriptor" in desc_font:
                    descriptors.append(_resolve(desc_font["/FontDescriptor"]))
            yield from descriptors


def _assert_a4(pdf: bytes) -> None:
    for page in _reader(pdf).pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=0.5)


# ------------------------------------------------------------------ receipt


@needs_font
def test_receipt_has_both_parts_on_one_a4_page(receipt: ReceiptData) -> None:
    pdf = render_receipt(receipt)
    _assert_a4(pdf)
    assert len(_reader(pdf).pages) == 1
    flat = _flat(_text(pdf))
    assert flat.count(receipt.case_number) == 2  # stub and applicant copy
    for phrase in ("存根", "申请人联", "沿此线剪开", "受理回执", "受理单位（盖章）", "申请人签字"):
        assert phrase in flat, phrase
    assert flat.count(_flat(receipt.matter_name)) == 2
    for material in receipt.materials:
        assert flat.count(_flat(material.name)) == 2, material.name
    assert "2026年11月23日09:30" in flat  # UTC 01:30 shown in Beijing time
    assert "承诺时限10个工作日，预计于2026年12月7日前办结" in flat
    assert "节假日安排尚未公布" not in flat
    assert "绿色通道" not in flat


@needs_font
def test_receipt_masks_id_in_applicant_copy_only(receipt: ReceiptData) -> None:
    stub, copy = _halves(render_receipt(receipt))
    assert "存根" in stub and "申请人联" in copy
    masked = mask_id_number(ID_NUMBER)
    assert masked != ID_NUMBER and "*" in masked
    assert ID_NUMBER in stub and masked not in stub
    assert masked in copy and ID_NUMBER not in copy
    # The agent's number is personal data too.
    assert "360123198001011234" in stub
    assert "360123198001011234" not in copy


@needs_font
def test_receipt_uncertain_due_date_note(receipt: ReceiptData) -> None:
    flat = _flat(_text(render_receipt(replace(receipt, due_uncertain=True))))
    assert flat.count("（该日期所在年度的节假日安排尚未公布，办结日期可能顺延）") == 2


@needs_font
def test_receipt_same_day_matter(receipt: ReceiptData) -> None:
    flat = _flat(_text(render_receipt(replace(receipt, promised_days=0))))
    assert flat.count("即办件，当场办结") == 2
    assert "承诺时限" not in flat


@needs_font
def test_receipt_green_channel_lists_pending_materials(receipt: ReceiptData) -> None:
    data = replace(
        receipt,
        green_channel=True,
        pending_materials=(
            MissingMaterial("建设项目用地预审与选址意见书", "未提交", "原件 1 份"),
            MissingMaterial("环境影响评价批复", "未提交", "复印件 1 份"),
        ),
        pending_due=dt.date(2026, 12, 1),
    )
    flat = _flat(_text(render_receipt(data)))
    assert flat.count("绿色通道") >= 2
    assert flat.count("先办理后规范") == 2
    assert flat.count("建设项目用地预审与选址意见书") == 2
    assert flat.count("环境影响评价批复") == 2
    assert flat.count("2026年12月1日前补交") == 2


@needs_font
def test_receipt_with_many_materials_gets_a_page_per_part(receipt: ReceiptData) -> None:
    materials = tuple(
        ReceivedMaterial(f"第{i}项材料：土地权属来源证明及相关附图（含四至界址点坐标）", form, 1)
        for i, form in zip(range(1, 19), list(MaterialForm) * 6, strict=True)
    )
    pdf = render_receipt(replace(receipt, materials=materials))
    pages = _pages_text(pdf)
    assert len(pages) >= 2
    flat = _flat("".join(pages))
    assert "沿此线剪开" not in flat  # no cut line when the parts are on separate pages
    for m in materials:
        assert flat.count(_flat(m.name)) == 2, m.name
    assert "存根" in _flat(pages[0])
    assert "申请人联" in _flat(pages[-1])
    assert f"共{len(pages)}页" in flat


# ------------------------------------------------------------------ notices


@needs_font
def test_incomplete_notice_text(incomplete: IncompleteNoticeData) -> None:
    pdf = render_incomplete_notice(incomplete)
    _assert_a4(pdf)
    flat = _flat(_text(pdf))
    assert "一次性告知书" in flat
    assert incomplete.notice_number in flat
    assert "李秀兰：" in flat
    assert "你（单位）于2026年11月20日提交的农村村民宅基地审批申请材料" in flat
    assert "第三十二条第一款第（四）项" in flat
    for head in ("序号", "材料名称", "存在问题", "补正要求"):
        assert head in flat
    for m in incomplete.missing:
        assert _flat(m.name) in flat
        assert _flat(m.requirement) in flat
    assert "补正材料所需时间不计算在办理时限内" in flat
    assert "申请人签收" in flat
    assert not re.search(r"第\d+页共\d+页", flat)  # no page numbers on a single page


@needs_font
def test_incomplete_notice_twenty_items_two_pages(incomplete: IncompleteNoticeData) -> None:
    data = replace(incomplete, missing=_missing(20))
    pages = [_flat(t) for t in _pages_text(render_incomplete_notice(data))]
    assert len(pages) == 2
    for i, page in enumerate(pages, start=1):
        assert f"第{i}页共2页" in page
        assert "材料名称存在问题补正要求" in page  # header row repeated on page 2
    flat = "".join(pages)
    for m in data.missing:
        assert _flat(m.requirement) in flat, m.requirement  # every item, none lost
    # Page 2 carries a running header so a loose page can be matched.
    assert data.notice_number in pages[1]


@needs_font
def test_incomplete_notice_row_taller_than_a_page(incomplete: IncompleteNoticeData) -> None:
    """A requirement pasted from a long document must print, not abort with LayoutError."""
    sentence = "按照《农村宅基地管理办法》第十二条要求提交经村民小组会议讨论通过的书面材料。"
    huge = MissingMaterial("宅基地申请审批表", "未提交", sentence * 80)
    data = replace(incomplete, missing=(huge, *_missing(2)))
    pages = [_flat(t) for t in _pages_text(render_incomplete_notice(data))]
    assert len(pages) >= 3
    assert all("材料名称存在问题补正要求" in page for page in pages[:-1])  # header repeated
    # Nothing dropped where the row was cut: with page furniture and repeated
    # headers taken out, the requirement reads through whole.
    furniture = (
        r"第\d+页共\d+页|材料名称存在问题补正要求|序号"
        rf"|{data.office.name}一次性告知书编号：{data.notice_number}"
    )
    flat = re.sub(furniture, "", "".join(pages))
    assert _flat(sentence * 80) in flat
    for m in data.missing[1:]:
        assert _flat(m.requirement) in flat


@needs_font
def test_refusal_notice_text(refusal: RefusalNoticeData) -> None:
    pdf = render_refusal_notice(refusal)
    _assert_a4(pdf)
    flat = _flat(_text(pdf))
    assert "不予受理通知书" in flat
    assert refusal.notice_number in flat
    assert "你（单位）于2026年11月18日提出的采矿权延续登记申请" in flat
    assert _flat(refusal.reason) + "。" in flat
    assert "决定不予受理" in flat
    assert "六十日内向青山县人民政府申请行政复议" in flat
    assert "六个月内向青山县人民法院提起行政诉讼" in flat
    assert "申请人签收" in flat


@needs_font
def test_refusal_notice_default_remedy_bodies(refusal: RefusalNoticeData) -> None:
    data = replace(
        refusal,
        office=replace(refusal.office, reconsideration_body="", court=""),
        reason="申请事项依法不需要取得行政许可。",  # trailing 。 must not double
    )
    flat = _flat(_text(render_refusal_notice(data)))
    assert "向本机关的上一级行政机关或者本级人民政府申请行政复议" in flat
    assert "向有管辖权的人民法院提起行政诉讼" in flat
    assert "。。" not in flat


# ------------------------------------------------------------------ QR code


def test_qr_mask_penalty_follows_iso_rules() -> None:
    # All dark 5×5: N1 10 runs of 5 (3 each) + N2 16 blocks (3 each) + N4 50 % off (100).
    assert penalty([[True] * 5 for _ in range(5)]) == 30 + 48 + 100
    # One finder-like row on a checkerboard: only N3 (40) scores.
    row = [c == "1" for c in "10111010000"]
    board = [[r % 2 == c % 2 for c in range(11)] for r in range(1, 11)]
    assert penalty([row, *board]) == 40


def test_qr_mask_penalty_matches_reference_implementation() -> None:
    """Cross-check against python-qrcode's lost_point, when it happens to be installed."""
    reference = pytest.importorskip("qrcode.util").lost_point
    rng = random.Random(20261123)
    for _ in range(100):
        n = rng.choice((21, 25, 29))
        share = rng.choice((0.3, 0.5, 0.7))
        matrix = [[rng.random() < share for _ in range(n)] for _ in range(n)]
        assert penalty(matrix) == reference(matrix)


def test_qr_matrix_is_a_valid_symbol_for_the_case_number() -> None:
    qr = QrMatrix("SL-360123101-2026-000123")
    assert qr.modules == 25  # version 2 at level M holds a 24-character case number
    # The three finder patterns sit in their corners (7×7, dark ring, dark core).
    finder = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"]
    rows = ["".join("1" if d else "0" for d in row) for row in qr.matrix]
    for r0, c0 in ((0, 0), (0, 18), (18, 0)):
        assert [row[c0 : c0 + 7] for row in rows[r0 : r0 + 7]] == finder


# ------------------------------------------------------------------ fonts and page


@needs_font
@pytest.mark.parametrize("kind", ["receipt", "incomplete", "refusal", "test_page"])
def test_font_embedded_as_truetype(
    kind: str,
    receipt: ReceiptData,
    incomplete: IncompleteNoticeData,
    refusal: RefusalNoticeData,
) -> None:
    pdf = {
        "receipt": lambda: render_receipt(receipt),
        "incomplete": lambda: render_incomplete_notice(incomplete),
        "refusal": lambda: render_refusal_notice(refusal),
        "test_page": lambda: render_test_page(NOW, receipt.office),
    }[kind]()
    _assert_a4(pdf)
    descriptors = list(_font_descriptors(pdf))
    assert descriptors, "no embedded font descriptor"
    assert all("/FontFile2" in d for d in descriptors)
    # Subset fonts are named ABCDEF+Name (PDF 32000 §9.6.4).
    assert all(re.match(r"^/[A-Z]{6}\+", str(d["/FontName"])) for d in descriptors)


@needs_font
def test_test_page_contents(office: OfficeInfo) -> None:
    flat = _flat(_text(render_test_page(NOW, office)))
    font_name = fonts.register_cjk_font()
    assert "打印测试页" in flat
    assert _flat(str(fonts.registered_font_file(font_name))) in flat
    assert "宅基地、耕地" in flat
    assert "2026年11月23日10:00:00" in flat  # printed at the services' clock, Beijing time
    assert "100毫米" in flat and "50毫米" in flat
    assert "㎡" in flat or "平方米" in flat
    assert office.name in flat


def test_configured_missing_font_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "没有这个字体.ttf"
    with pytest.raises(FontNotFoundError) as err:
        fonts.find_cjk_font(missing)
    assert str(missing) in err.value.message
    assert "不存在" in err.value.message


def test_env_font_missing_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "env.ttc"
    monkeypatch.setenv(fonts.ENV_VAR, str(missing))
    with pytest.raises(FontNotFoundError) as err:
        fonts.find_cjk_font()
    assert str(missing) in err.value.message and fonts.ENV_VAR in err.value.message


def test_configured_non_truetype_font_is_refused(tmp_path: Path) -> None:
    cff = tmp_path / "NotoSansCJK-Regular.otf"
    cff.write_bytes(b"OTTO" + b"\x00" * 60)
    with pytest.raises(FontNotFoundError) as err:
        fonts.find_cjk_font(cff)
    assert str(cff) in err.value.message and "CFF" in err.value.message

    junk = tmp_path / "readme.ttf"
    junk.write_text("not a font at all, just some text", encoding="utf-8")
    with pytest.raises(FontNotFoundError) as err:
        fonts.find_cjk_font(junk)
    assert str(junk) in err.value.message


DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")


@pytest.mark.skipif(not DROID.exists(), reason="needs Debian's fonts-droid-fallback (a CJK-only font)")
def test_a_font_without_digits_is_refused() -> None:
    # It has 汉字 but no 0–9 or A–Z: receipts would print blank case and ID numbers.
    with pytest.raises(FontNotFoundError) as err:
        fonts.find_cjk_font(DROID)
    assert "没有数字或拉丁字母" in err.value.message


def test_no_font_anywhere_gives_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cff = tmp_path / "NotoSansCJK-Regular.ttc"
    # A collection whose first face has CFF outlines, like Debian's fonts-noto-cjk.
    cff.write_bytes(b"ttcf" + b"\x00\x01\x00\x00" + b"\x00\x00\x00\x01" + b"\x00\x00\x00\x10")
    with cff.open("ab") as fh:
        fh.write(b"OTTO" + b"\x00" * 60)
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "bundled_font_dir", lambda: tmp_path / "no-fonts-here")
    monkeypatch.setattr(fonts, "UNIX_FONT_PATHS", (str(tmp_path / "wqy-zenhei.ttc"), str(cff)))
    monkeypatch.setattr(fonts, "WINDOWS_FONT_FILES", ())
    monkeypatch.setattr(fonts, "_fontconfig_fonts", list)
    with pytest.raises(FontNotFoundError) as err:
        fonts.find_cjk_font()
    message = err.value.message
    assert "未找到可用于打印的中文 TrueType 字体" in message
    assert str(tmp_path / "wqy-zenhei.ttc") in message  # where it looked
    assert str(cff) in message and "CFF" in message  # why Noto was skipped
    assert "文泉驿正黑" in message and "宋体" in message  # what to install
    assert fonts.ENV_VAR in message and "系统设置" in message  # or how to configure one


@needs_font
def test_register_is_cached() -> None:
    first = fonts.register_cjk_font()
    assert fonts.register_cjk_font() == first
    path = fonts.registered_font_file(first)
    # Asking for the same file explicitly reuses the registered face.
    assert fonts.register_cjk_font(path) == first


# ------------------------------------------------------------------ files to look at


@needs_font
def test_write_pdfs_for_visual_check(
    receipt: ReceiptData,
    incomplete: IncompleteNoticeData,
    refusal: RefusalNoticeData,
    office: OfficeInfo,
) -> None:
    """Write every document to /tmp/landdesk-pdf (and PNGs when pdftoppm exists).

    Nothing here asserts how the pages look: a person opens the PNGs.
    """
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    green = replace(
        receipt,
        green_channel=True,
        due_uncertain=True,
        pending_materials=(
            MissingMaterial("建设项目用地预审与选址意见书", "未提交", "原件 1 份"),
            MissingMaterial("环境影响评价批复文件", "未提交", "复印件 1 份，加盖建设单位公章"),
        ),
        pending_due=dt.date(2026, 12, 1),
    )
    many = replace(
        receipt,
        materials=tuple(
            ReceivedMaterial(f"第{i}项：土地权属来源证明及相关附图（含四至界址点坐标）", form, 1)
            for i, form in zip(range(1, 19), list(MaterialForm) * 6, strict=True)
        ),
    )
    documents = {
        "receipt": render_receipt(receipt),
        "receipt-green": render_receipt(green),
        "receipt-many": render_receipt(many),
        "incomplete": render_incomplete_notice(incomplete),
        "incomplete-20": render_incomplete_notice(replace(incomplete, missing=_missing(20))),
        "refusal": render_refusal_notice(refusal),
        "test-page": render_test_page(NOW, office),
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
