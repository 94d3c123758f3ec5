"""Service brochures (办事指南): per matter, booklet, tri-fold, hours setting, brochure.toml.

PDF text is read back with pypdf; wrapped cells put line breaks inside names,
so texts are compared with all whitespace removed.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import select

from app.catalog import load_catalog
from app.dto import MaterialForm, MaterialSpec, MatterSpec, Role
from app.errors import NotFoundError, PermissionDenied, ValidationError
from app.models import Setting
from app.printing.brochure import TrifoldOverflowError
from app.resources import resource_path
from app.services import Services
from app.services.brochures import (
    HOURS_SETTING,
    BrochureDataError,
    load_brochure_texts,
    parse_brochure_texts,
    write_brochure,
)
from app.services.reference import import_catalog
from app.services.users import UserService
from tests.props import examples

CATALOG = load_catalog()
TEXTS = load_brochure_texts()


def _pages(pdf: bytes) -> list[str]:
    return ["".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    return "".join(text.split())


def _most_materials() -> MatterSpec:
    return max(CATALOG.matters, key=lambda m: len(m.materials))


def _long_spec(count: int = 40) -> MatterSpec:
    """A matter whose materials table runs over several pages."""
    base = _most_materials()
    materials = tuple(
        MaterialSpec(
            code=f"M{i:02d}",
            name=f"第{i}号测试材料：申请人所在村民小组会议讨论通过并经村内公示无异议的书面证明材料（加盖公章）",
            form=MaterialForm.ORIGINAL_AND_COPY,
            copies=2,
            required=i % 3 != 0,
            condition="" if i % 3 else f"第{i}号情形：委托他人代为办理且代理人不是本集体经济组织成员的",
            note="原件核对后当场退还",
            source=f"第{i}号来源：所在村民委员会出具",
        )
        for i in range(1, count + 1)
    )
    return dataclasses.replace(base, materials=materials)


# ---------------------------------------------------------------- the matter brochure


@pytest.mark.both_backends
def test_matter_spec_is_the_catalogue_entry(services: Services) -> None:
    for spec in CATALOG.matters:
        assert services.brochures.matter_spec(spec.code) == spec
    with pytest.raises(NotFoundError):
        services.brochures.matter_spec("TD-999")


def test_brochure_lists_every_material_and_section(services: Services) -> None:
    spec = _most_materials()
    text = "".join(_pages(services.brochures.matter_pdf(spec.code)))
    assert _flat(spec.name) in text and spec.code in text
    for m in spec.materials:
        assert _flat(m.name) in text, m.name
        if not m.required:
            assert _flat(m.condition) in text
        if m.source:
            assert _flat(m.source) in text
    for heading in ("事项说明", "申请条件", "申请材料", "办理时限", "收费标准", "设定依据",
                    "办理流程", "办理地点和时间", "咨询和投诉", "服务承诺"):
        assert heading in text
    for basis in spec.legal_basis:
        assert _flat(basis) in text
    for step in spec.steps:  # the flow diagram's boxes
        assert _flat(step.name) in text and step.role.label in text
    office = services.office.office()
    assert _flat(office.address) in text and _flat(spec.window) in text
    assert _flat(TEXTS.default_hours) in text
    # The matter's own complaint phone, and the office's consultation phone when it has none.
    assert (spec.consult_phone or office.phone) in text
    assert (spec.complaint_phone or office.complaint_phone) in text
    assert f"{spec.legal_days}个工作日" in text and f"{spec.promised_days}个工作日" in text


def test_commitments_are_printed(services: Services) -> None:
    text = "".join(_pages(services.brochures.matter_pdf(CATALOG.matters[0].code)))
    names = [c.name for c in TEXTS.commitments]
    assert {"一次性告知", "限时办结", "首问负责"} <= set(names)
    for c in TEXTS.commitments:
        assert _flat(f"【{c.name}】{c.text}") in text
    assert _flat(TEXTS.supervision_note) in text


def test_long_materials_table_repeats_its_header(services: Services) -> None:
    spec = _long_spec()
    pages = _pages(services.brochures.preview_pdf(spec))
    table_pages = [p for p in pages if "第1号测试材料" in p or "号测试材料" in p]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "序号材料名称材料形式份数提交要求说明及来源渠道" in page
    text = "".join(pages)
    for m in spec.materials:
        assert _flat(m.name) in text
    assert "本地修改·预览（未保存）" in text


def test_same_day_matter_reads_jiban(services: Services) -> None:
    base = next(m for m in CATALOG.matters if m.promised_days > 0)
    spec = dataclasses.replace(base, promised_days=0)
    text = "".join(_pages(services.brochures.preview_pdf(spec)))
    assert "承诺办结时限即办（当场办结）" in text
    catalogued = [m for m in CATALOG.matters if m.promised_days == 0]
    for m in catalogued:
        assert "承诺办结时限即办（当场办结）" in "".join(_pages(services.brochures.matter_pdf(m.code)))


def test_fees_and_free_matters(services: Services) -> None:
    paid = next(m for m in CATALOG.matters if m.fees)
    text = "".join(_pages(services.brochures.matter_pdf(paid.code)))
    for fee in paid.fees:
        assert _flat(fee.name) in text and _flat(fee.amount) in text and _flat(fee.basis) in text
    assert "不收费" not in text.split("收费标准")[1][:20]
    free = next(m for m in CATALOG.matters if not m.fees)
    text = "".join(_pages(services.brochures.matter_pdf(free.code)))
    assert "五、收费标准不收费。" in text


@pytest.mark.both_backends
def test_local_catalogue_version_is_marked(services: Services) -> None:
    assert "本地修改" not in "".join(_pages(services.brochures.matter_pdf(CATALOG.matters[0].code)))
    local = dataclasses.replace(CATALOG, version="2026.1-本地1")
    with services.ctx.transaction("test.local_catalog") as s:
        import_catalog(s, local, "f" * 64, "local")
    text = "".join(_pages(services.brochures.matter_pdf(CATALOG.matters[0].code)))
    assert "目录版本2026.1-本地1（本地修改，非县局发布的目录）" in text


# ---------------------------------------------------------------- booklet


def test_booklet_contents_point_at_each_matter(services: Services) -> None:
    pdf = services.brochures.booklet_pdf()
    pages = _pages(pdf)
    assert _flat(services.office.office().name) in pages[0]
    assert CATALOG.version in pages[0] and "第1页" not in pages[0]  # the cover is not numbered
    contents = pages[1]
    assert contents.startswith("目录")
    ordered = sorted(CATALOG.matters, key=lambda m: m.code)
    for i, spec in enumerate(ordered, start=1):
        # The page number runs into the next row's number in extracted text: look ahead for it.
        after = re.escape(f"{i + 1}{ordered[i].code}") if i < len(ordered) else "第"
        found = re.search(rf"{i}{re.escape(spec.code)}{re.escape(_flat(spec.name))}"
                          rf"{re.escape(spec.category)}(\d+?)(?={after})", contents)
        assert found, spec.code
        page = int(found.group(1))
        start = pages[page - 1]
        # The matter starts on that page (its title), not on the page before.
        assert start.startswith(_flat(spec.name) + "办事指南"), (spec.code, page)
        assert f"第{page}页共{len(pages)}页" in start
        assert _flat(spec.name) + "办事指南" not in pages[page - 2][:60]
    found = re.search(rf"本所服务承诺—(\d+?)(?=1{re.escape(ordered[0].code)})", contents)
    assert found
    commitments = int(found.group(1))
    assert pages[commitments - 1].startswith("服务承诺")
    assert f"见本册第{commitments}页" in "".join(pages[3:])


# ---------------------------------------------------------------- tri-fold


def test_trifold_is_two_landscape_pages(services: Services) -> None:
    spec = _most_materials()
    reader = PdfReader(io.BytesIO(services.brochures.trifold_pdf(spec.code)))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    outside, inside = ("".join((p.extract_text() or "").split()) for p in reader.pages)
    assert _flat(spec.name) in outside and "一次性告知" in outside
    for m in spec.materials:
        assert _flat(m.name) in inside
    for step in spec.steps:
        assert _flat(step.name) in inside


def _text_runs(pdf: bytes) -> list[tuple[int, float, float, float, str]]:
    """(page, x, y, size) of every piece of text as it is printed."""
    runs: list[tuple[int, float, float, float, str]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  number: int = number) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((number, x, y, size * abs(tm[3] * cm[3]), text))

        page.extract_text(visitor_text=visit)
    return runs


def test_every_catalogue_matter_fits_the_trifold_inside_its_panels(services: Services) -> None:
    panel = 297 / 3 * 72 / 25.4
    margin = 8 * 72 / 25.4
    for spec in CATALOG.matters:
        runs = _text_runs(services.brochures.trifold_pdf(spec.code))
        assert runs
        for _, x, y, size, text in runs:
            assert size >= 8 - 1e-6, (spec.code, text, size)
            column = int(x // panel)
            # Text starts inside its panel's text area: nothing runs into a fold.
            assert column * panel + margin - 1 <= x <= (column + 1) * panel - margin, (spec.code, text)
            assert 10 * 72 / 25.4 - 1 <= y <= 200 * 72 / 25.4, (spec.code, text)


def test_brochure_text_is_legible_and_inside_the_margins(services: Services) -> None:
    margin = 20 * 72 / 25.4
    for spec in CATALOG.matters:
        for _, x, y, size, text in _text_runs(services.brochures.matter_pdf(spec.code)):
            assert size >= 9 - 1e-6, (spec.code, text, size)
            assert margin - 1 <= x <= 210 * 72 / 25.4 - margin, (spec.code, text)
            assert 8 * 72 / 25.4 <= y <= 287 * 72 / 25.4, (spec.code, text)


def test_overlong_trifold_says_which_matter(services: Services) -> None:
    spec = _long_spec()
    edited = dataclasses.replace(CATALOG, version="2026.1-本地1", matters=tuple(
        spec if m.code == spec.code else m for m in CATALOG.matters))
    with services.ctx.transaction("test.local_catalog") as s:
        import_catalog(s, edited, "e" * 64, "local")
    with pytest.raises(TrifoldOverflowError) as raised:
        services.brochures.trifold_pdf(spec.code)
    assert spec.name in raised.value.message and spec.code in raised.value.message
    assert "申请材料" in raised.value.message and "A4 办事指南" in raised.value.message


# ---------------------------------------------------------------- hours setting


@pytest.mark.both_backends
def test_hours_round_trip_and_fallback(services: Services) -> None:
    brochures = services.brochures
    assert brochures.brochure_office().hours == TEXTS.default_hours
    assert brochures.set_hours("  周一至周六 9:00—17:00  ") == "周一至周六 9:00—17:00"
    assert brochures.brochure_office().hours == "周一至周六 9:00—17:00"
    assert "周一至周六9:00—17:00" in "".join(_pages(brochures.matter_pdf(CATALOG.matters[0].code)))
    for bad, reason in (("   ", "empty"), ("时" * 61, "length")):
        with pytest.raises(ValidationError) as raised:
            brochures.set_hours(bad)
        assert raised.value.field == "hours" and raised.value.reason == reason
    assert brochures.hours() == "周一至周六 9:00—17:00"


@pytest.mark.both_backends
def test_hours_need_the_catalogue_permission(services: Services) -> None:
    users = UserService(services.ctx)
    users.create_user("lisi", "李四", [Role.WINDOW_CLERK], "chuangkou88")
    users.sign_in("lisi", "chuangkou88")
    with pytest.raises(PermissionDenied):
        services.brochures.set_hours("全天")
    with services.ctx.reading() as s:
        assert s.get(Setting, HOURS_SETTING) is None
        assert s.scalars(select(Setting.key)).all().count(HOURS_SETTING) == 0
    assert services.brochures.hours() == TEXTS.default_hours  # reading is open to everyone


# ---------------------------------------------------------------- command line helper


def test_write_brochure_files(services: Services, tmp_path: Path) -> None:
    code = CATALOG.matters[0].code
    one = write_brochure(services, tmp_path / "out" / "one.pdf", code, False)
    tri = write_brochure(services, tmp_path / "tri.pdf", code, True)
    book = write_brochure(services, tmp_path / "book.pdf", None, False)
    assert len(PdfReader(one).pages) >= 2
    assert len(PdfReader(tri).pages) == 2
    assert len(PdfReader(book).pages) > len(CATALOG.matters)
    written = sorted(p.name for p in tmp_path.rglob("*") if p.is_file() and "sqlite" not in p.name)
    assert written == ["book.pdf", "one.pdf", "tri.pdf"]  # no temporary files left behind
    with pytest.raises(ValidationError):
        write_brochure(services, tmp_path / "x.pdf", None, True)
    with pytest.raises(NotFoundError):
        write_brochure(services, tmp_path / "x.pdf", "TD-999", False)
    assert not (tmp_path / "x.pdf").exists()


# ---------------------------------------------------------------- brochure.toml


BROCHURE_TEXT = resource_path("brochure.toml").read_text(encoding="utf-8")
_LINES = BROCHURE_TEXT.split("\n")


def test_shipped_brochure_file_is_valid() -> None:
    texts = parse_brochure_texts(BROCHURE_TEXT)
    assert texts == TEXTS and len(texts.commitments) >= 3


@pytest.mark.parametrize(("edit", "field", "line_of"), [
    (lambda t: t.replace('default_hours = "', 'default_hours = "' + "时" * 61), "default_hours",
     "default_hours"),
    (lambda t: t.replace('name = "限时办结"', 'name = ""'), "commitments[2].name", '[[commitments]]'),
    (lambda t: t.replace('name = "首问负责"', 'name = "一次性告知"'), "commitments[3].name", None),
    (lambda t: t.replace("time_note", "time_notes"), "time_notes", "time_notes"),
    (lambda t: t.replace('booklet_title = "', 'booklet_title = 3 #'), "booklet_title", "booklet_title"),
    (lambda t: t + "\n[[commitments]]\nname = \"x\"\n", "commitments[7].text", None),
])
def test_brochure_file_errors_name_field_and_line(edit, field: str, line_of: str | None) -> None:  # type: ignore[no-untyped-def]
    text = edit(BROCHURE_TEXT)
    with pytest.raises(BrochureDataError) as raised:
        parse_brochure_texts(text)
    err = raised.value
    assert err.file == "brochure.toml" and err.field == field and err.line
    assert f"第 {err.line} 行" in err.message and field in err.message
    if line_of and not line_of.startswith("[["):
        lines = text.split("\n")
        assert line_of in lines[err.line - 1]


def test_missing_or_undecodable_file(tmp_path: Path) -> None:
    with pytest.raises(BrochureDataError) as raised:
        load_brochure_texts(tmp_path / "brochure.toml")
    assert raised.value.field == "file"
    (tmp_path / "brochure.toml").write_bytes(BROCHURE_TEXT.encode("gbk"))
    with pytest.raises(BrochureDataError) as raised:
        load_brochure_texts(tmp_path / "brochure.toml")
    assert "UTF-8" in raised.value.reason


_values = st.one_of(
    st.text(max_size=30).map(json.dumps),
    st.integers(-5, 5).map(str),
    st.sampled_from(["true", "[]", '[""]', "{ a = 1 }", "2026-01-01", '"   "', '"' + "字" * 130 + '"']),
)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_edit_raises_only_brochure_data_error(data: st.DataObject) -> None:
    lines = list(_LINES)
    index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1), label="line")
    mode = data.draw(st.sampled_from(["value", "line", "insert", "delete"]), label="mode")
    if mode == "value" and "=" in lines[index]:
        key = lines[index].split("=", 1)[0]
        lines[index] = f"{key}= {data.draw(_values, label='value')}"
    elif mode == "insert":
        lines.insert(index, data.draw(st.text(max_size=40), label="inserted"))
    elif mode == "delete":
        del lines[index]
    else:
        lines[index] = data.draw(st.text(max_size=40), label="replacement")
    text = "\n".join(lines)
    try:
        texts = parse_brochure_texts(text, "fuzz.toml")
    except BrochureDataError as err:
        assert err.file == "fuzz.toml" and err.field and err.reason
        assert err.line is None or 1 <= err.line <= text.count("\n") + 1
    else:
        assert texts.commitments and all(c.name and c.text for c in texts.commitments)
        assert 0 < len(texts.default_hours) <= 60
