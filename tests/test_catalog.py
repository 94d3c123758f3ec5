"""The matter catalogue: shipped data loads, and every bad edit is reported at its line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.catalog import (
    CATALOG_FILE,
    FILE_FIELD,
    SYNTAX_FIELD,
    catalog_checksum,
    load_catalog,
    parse_matter,
)
from app.dto import MaterialForm, Role, Tier
from app.errors import CatalogError
from app.resources import resource_path
from tests.props import examples

# A small valid "important" matter; the bad-input cases below are edits of it.
BASE = """\
code = "TD-901"
name = "测试用宅基地审批"
category = "土地管理"
tier = "important"
legal_days = 20
promised_days = 10
description = "测试事项说明"
applicants = "本集体经济组织成员"
window = "便民服务中心国土资源窗口"
consult_phone = ""
complaint_phone = "12345"
legal_basis = ["《中华人民共和国土地管理法》第六十二条"]

[[materials]]
code = "M01"
name = "农村宅基地和建房（规划许可）申请表"
form = "original"
copies = 1
required = true
source = "本窗口领取"

[[materials]]
code = "M02"
name = "授权委托书及代理人身份证明"
form = "copy"
copies = 2
required = false
condition = "委托代理人办理的"

[[steps]]
order = 1
name = "窗口受理"
role = "window_clerk"
time_limit_days = 0

[[steps]]
order = 2
name = "所长审核"
role = "section_chief"
time_limit_days = 1

[[steps]]
order = 3
name = "分管领导审核"
role = "deputy_leader"
time_limit_days = 2

[[steps]]
order = 4
name = "主要领导签批"
role = "leader"
time_limit_days = 0
"""

HEADER = 'version = "2026.1"\nissued_by = "县自然资源局"\nissued_on = 2026-01-01\n'


def _edit(text: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique: {old!r}"
        text = text.replace(old, new)
    return text


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found")


def _write_catalog(root: Path, matters: dict[str, str], header: str = HEADER) -> Path:
    (root / "matters").mkdir(parents=True)
    (root / CATALOG_FILE).write_text(header, encoding="utf-8")
    for name, text in matters.items():
        (root / "matters" / name).write_text(text, encoding="utf-8")
    return root


# ---------------------------------------------------------------- shipped data


@pytest.fixture(scope="module")
def shipped():
    return load_catalog()


def test_base_text_is_valid() -> None:
    matter = parse_matter(BASE, "td-901.toml")
    assert matter.code == "TD-901"
    assert matter.tier is Tier.IMPORTANT
    assert matter.file == "td-901.toml"
    assert [m.code for m in matter.materials] == ["M01", "M02"]
    assert matter.materials[1].form is MaterialForm.COPY
    assert not matter.materials[1].required
    assert [s.role for s in matter.steps][-1] is Role.LEADER
    assert matter.fee_text == "不收费"


def test_shipped_catalogue_loads(shipped) -> None:
    assert shipped.version == "2026.1"
    assert shipped.issued_by
    assert shipped.issued_on == dt.date(2026, 1, 1)
    assert len(shipped.matters) >= 14
    assert {m.tier for m in shipped.matters} == set(Tier)
    codes = [m.code for m in shipped.matters]
    assert len(codes) == len(set(codes))
    # file order, and file name = code lowercased
    assert [m.file for m in shipped.matters] == sorted(m.file for m in shipped.matters)
    for matter in shipped.matters:
        assert matter.file == matter.code.lower() + ".toml"


def test_shipped_time_limits_and_tiers(shipped) -> None:
    for m in shipped.matters:
        assert 0 <= m.promised_days <= m.legal_days, m.code
        assert sum(s.time_limit_days for s in m.steps) <= m.promised_days, m.code
        assert [s.order for s in m.steps] == list(range(1, len(m.steps) + 1)), m.code
        roles = [s.role for s in m.steps]
        if m.tier is Tier.GENERAL:
            assert m.promised_days <= 1, m.code
            assert all(s.time_limit_days <= 1 for s in m.steps), m.code
        elif m.tier is Tier.IMPORTANT:
            assert {Role.SECTION_CHIEF, Role.DEPUTY_LEADER, Role.LEADER} <= set(roles), m.code
        else:
            assert Role.COLLECTIVE in roles, m.code
            assert Role.LEADER in roles[roles.index(Role.COLLECTIVE) :], m.code
    assert any(m.promised_days == 0 for m in shipped.matters), "at least one 即办 matter"
    assert shipped.matter("TD-001").tier is Tier.IMPORTANT
    assert shipped.matter("TD-004").tier is Tier.GENERAL
    assert shipped.matter("TD-005").tier is Tier.MAJOR


def test_shipped_fees_and_materials(shipped) -> None:
    free = [m for m in shipped.matters if m.is_free]
    paid = [m for m in shipped.matters if not m.is_free]
    assert free and paid
    for m in free:
        assert m.fee_text == "不收费"
    for m in paid:
        assert all(f.amount and f.basis for f in m.fees)
        assert "依据" in m.fee_text
    materials = [mat for m in shipped.matters for mat in m.materials]
    assert any(len(mat.name) > 25 for mat in materials), "some long material names"
    conditional = [mat for mat in materials if not mat.required]
    assert conditional
    assert all(mat.condition for mat in conditional)
    assert all(not mat.condition for mat in materials if mat.required)
    assert all(mat.copies >= 1 for mat in materials)
    assert any("授权委托书" in mat.name for mat in conditional)
    for m in shipped.matters:
        assert m.materials and m.steps and m.legal_basis, m.code
        assert all(part.startswith("《") for part in m.legal_basis), m.code


def test_shipped_categories_and_phones(shipped) -> None:
    categories = {m.category for m in shipped.matters}
    assert {"土地管理", "矿产管理", "测绘管理", "执法监察", "信访", "规划"} <= categories
    assert shipped.matter("ZF-001").complaint_phone == "12336"
    with pytest.raises(KeyError):
        shipped.matter("XX-999")


def test_each_shipped_file_parses_alone(shipped) -> None:
    folder = resource_path("catalog", "matters")
    for matter in shipped.matters:
        text = (folder / matter.file).read_text(encoding="utf-8")
        assert parse_matter(text, matter.file) == matter


# ---------------------------------------------------------------- bad inputs

# (id, edits, field, line: int | needle | (needle, occurrence), words expected in the reason)
BAD_CASES: list[tuple[str, tuple[tuple[str, str], ...], str, object, str]] = [
    (
        "days_as_text",
        (("legal_days = 20", 'legal_days = "20"'),),
        "legal_days",
        "legal_days",
        "整数",
    ),
    (
        "days_as_float",
        (("legal_days = 20", "legal_days = 20.0"),),
        "legal_days",
        "legal_days",
        "小数",
    ),
    ("negative_days", (("legal_days = 20", "legal_days = -1"),), "legal_days", "legal_days", "-1"),
    (
        "copies_bool",
        (("copies = 2", "copies = true"),),
        "materials[2].copies",
        "copies = true",
        "整数",
    ),
    (
        "copies_zero",
        (("copies = 2", "copies = 0"),),
        "materials[2].copies",
        "copies = 0",
        "实际为 0",
    ),
    ("unknown_key_typo", (("copies = 2", "copys = 2"),), "materials[2].copys", "copys", "copies"),
    (
        "unknown_top_key",
        (('consult_phone = ""', 'consult_phone = ""\nremark = "x"'),),
        "remark",
        "remark",
        "未知字段",
    ),
    ("bad_tier", (('tier = "important"', 'tier = "urgent"'),), "tier", "tier =", "major"),
    (
        "bad_role",
        (('role = "section_chief"', 'role = "boss"'),),
        "steps[2].role",
        'role = "boss"',
        "collective",
    ),
    (
        "admin_is_no_step_role",
        (('role = "window_clerk"', 'role = "admin"'),),
        "steps[1].role",
        'role = "admin"',
        "window_clerk",
    ),
    (
        "bad_form",
        (('form = "copy"', 'form = "scan"'),),
        "materials[2].form",
        'form = "scan"',
        "original",
    ),
    (
        "promised_over_legal",
        (("promised_days = 10", "promised_days = 25"),),
        "promised_days",
        "promised_days",
        "法定时限",
    ),
    ("missing_top_key", (('window = "便民服务中心国土资源窗口"\n', ""),), "window", 1, "缺少"),
    (
        "missing_key_in_table",
        (('form = "copy"\n', ""),),
        "materials[2].form",
        ("[[materials]]", 2),
        "缺少",
    ),
    (
        "syntax_chinese_quotes",
        (('name = "测试用宅基地审批"', "name = “测试用宅基地审批”"),),
        SYNTAX_FIELD,
        "name = “",
        "中文引号",
    ),
    (
        "syntax_unterminated_string",
        (('description = "测试事项说明"', 'description = "测试事项说明'),),
        SYNTAX_FIELD,
        "description",
        "TOML",
    ),
    (
        "syntax_duplicate_key",
        (('source = "本窗口领取"', 'source = "本窗口领取"\nsource = "again"'),),
        SYNTAX_FIELD,
        "again",
        "两次",
    ),
    ("empty_name", (('name = "测试用宅基地审批"', 'name = "   "'),), "name", "name =", "不能为空"),
    ("bad_code", (('code = "TD-901"', 'code = "td 901"'),), "code", "td 901", "TD-001"),
    (
        "duplicate_material_code",
        (('code = "M02"', 'code = "M01"'),),
        "materials[2].code",
        ('code = "M01"', 2),
        "重复",
    ),
    ("step_order_gap", (("order = 3", "order = 5"),), "steps[3].order", "order = 5", "应为 3"),
    (
        "conditional_without_condition",
        (('condition = "委托代理人办理的"', 'condition = ""'),),
        "materials[2].condition",
        'condition = ""',
        "condition",
    ),
    (
        "conditional_condition_missing",
        (('condition = "委托代理人办理的"\n', ""),),
        "materials[2].condition",
        ("[[materials]]", 2),
        "condition",
    ),
    (
        "required_with_condition",
        (('source = "本窗口领取"', 'source = "本窗口领取"\ncondition = "有时"'),),
        "materials[1].condition",
        "有时",
        "required",
    ),
    (
        "bad_phone",
        (('complaint_phone = "12345"', 'complaint_phone = "12345转1"'),),
        "complaint_phone",
        "complaint_phone",
        "数字",
    ),
    (
        "important_chief_too_slow",
        (
            (
                'role = "section_chief"\ntime_limit_days = 1',
                'role = "section_chief"\ntime_limit_days = 3',
            ),
        ),
        "steps[2].time_limit_days",
        "time_limit_days = 3",
        "1 个工作日",
    ),
    (
        "important_without_leader",
        (('role = "leader"', 'role = "handler"'),),
        "steps",
        "[[steps]]",
        "leader",
    ),
    (
        "general_promise_too_long",
        (('tier = "important"', 'tier = "general"'),),
        "promised_days",
        "promised_days",
        "一审制",
    ),
    (
        "general_step_too_long",
        (('tier = "important"', 'tier = "general"'), ("promised_days = 10", "promised_days = 1")),
        "steps[3].time_limit_days",
        "time_limit_days = 2",
        "一审制",
    ),
    (
        "major_without_collective",
        (('tier = "important"', 'tier = "major"'),),
        "steps",
        "[[steps]]",
        "collective",
    ),
    (
        "steps_exceed_promise",
        (("promised_days = 10", "promised_days = 2"),),
        "promised_days",
        "promised_days",
        "合计 3",
    ),
    (
        "legal_basis_not_list",
        (
            (
                'legal_basis = ["《中华人民共和国土地管理法》第六十二条"]',
                'legal_basis = "土地管理法"',
            ),
        ),
        "legal_basis",
        "legal_basis",
        "列表",
    ),
    (
        "legal_basis_item_not_text",
        (
            (
                'legal_basis = ["《中华人民共和国土地管理法》第六十二条"]',
                'legal_basis = ["《土地管理法》", 62]',
            ),
        ),
        "legal_basis[2]",
        "legal_basis",
        "文字",
    ),
    (
        "materials_not_tables",
        (('[[materials]]\ncode = "M01"', '[[materialz]]\ncode = "M01"'),),
        "materialz",
        "[[materialz]]",
        "materials",
    ),
]


@pytest.mark.parametrize(
    ("edits", "field", "where", "words"),
    [pytest.param(e, f, w, r, id=i) for i, e, f, w, r in BAD_CASES],
)
def test_bad_matter_reported_at_field_and_line(edits, field, where, words) -> None:
    text = _edit(BASE, *edits)
    with pytest.raises(CatalogError) as info:
        parse_matter(text, "td-901.toml")
    err = info.value
    if isinstance(where, int):
        line = where
    elif isinstance(where, tuple):
        line = _line_of(text, *where)
    else:
        line = _line_of(text, where)
    assert (err.file, err.line, err.field) == ("td-901.toml", line, field), err.message
    assert words in err.reason
    assert "td-901.toml" in err.message and f"第 {line} 行" in err.message


def test_no_materials_or_steps() -> None:
    head = BASE[: BASE.index("[[materials]]")]
    materials = BASE[BASE.index("[[materials]]") : BASE.index("[[steps]]")]
    steps = BASE[BASE.index("[[steps]]") :]
    # top-level keys must come before the first [[table]]
    no_steps = head + "steps = []\n" + materials
    no_materials = head + "materials = []\n" + steps
    for text, field in ((no_steps, "steps"), (no_materials, "materials")):
        with pytest.raises(CatalogError) as info:
            parse_matter(text, "x.toml")
        assert info.value.field == field
        assert info.value.line == _line_of(text, f"{field} = []")
        assert "至少需要一项" in info.value.reason
    with pytest.raises(CatalogError) as info:
        parse_matter(head + materials, "x.toml")
    assert (info.value.field, info.value.line) == ("steps", 1)


def test_syntax_error_at_end_of_document() -> None:
    text = BASE + 'legal_note = ["unclosed"'
    with pytest.raises(CatalogError) as info:
        parse_matter(text, "x.toml")
    assert info.value.field == SYNTAX_FIELD
    assert info.value.line is not None and info.value.line >= _line_of(text, "legal_note")


def test_lines_are_right_with_crlf_and_bom() -> None:
    text = "\ufeff" + _edit(BASE, ("copies = 2", "copies = 0")).replace("\n", "\r\n")
    with pytest.raises(CatalogError) as info:
        parse_matter(text, "x.toml")
    assert info.value.line == _line_of(text, "copies = 0")
    assert parse_matter("\ufeff" + BASE.replace("\n", "\r\n"), "x.toml").code == "TD-901"


def test_multiline_string_does_not_fool_line_locator() -> None:
    text = _edit(
        BASE,
        ('description = "测试事项说明"', 'description = """\n说明\ncopies = 5\n"""'),
        ("copies = 2", "copies = 0"),
    )
    with pytest.raises(CatalogError) as info:
        parse_matter(text, "x.toml")
    assert info.value.line == _line_of(text, "copies = 0")


def test_inline_tables_are_accepted() -> None:
    text = BASE + '\n[[fees]]\nname = "工本费"\namount = "10元/本"\nbasis = "财税〔2016〕79号"\n'
    matter = parse_matter(text, "x.toml")
    assert matter.fee_text == "工本费 10元/本（依据：财税〔2016〕79号）"
    inline = _edit(
        BASE,
        (
            'legal_basis = ["《中华人民共和国土地管理法》第六十二条"]',
            'legal_basis = ["《中华人民共和国土地管理法》第六十二条"]\n'
            'fees = [{ name = "工本费", amount = "10元/本", basis = "x" }, { name = "", amount = "1", basis = "y" }]',
        ),
    )
    with pytest.raises(CatalogError) as info:
        parse_matter(inline, "x.toml")
    assert info.value.field == "fees[2].name"
    assert info.value.line == _line_of(inline, "fees = [")


def test_text_fields_are_trimmed() -> None:
    text = _edit(BASE, ('name = "测试用宅基地审批"', 'name = "  测试用宅基地审批\u3000 "'))
    assert parse_matter(text, "x.toml").name == "测试用宅基地审批"


# ---------------------------------------------------------------- whole directory


def test_duplicate_codes_across_files(tmp_path: Path) -> None:
    root = _write_catalog(tmp_path, {"a.toml": BASE, "b.toml": BASE})
    with pytest.raises(CatalogError) as info:
        load_catalog(root)
    err = info.value
    assert (err.file, err.line, err.field) == ("b.toml", 1, "code")
    assert "a.toml" in err.reason and "TD-901" in err.reason


def test_load_from_directory(tmp_path: Path) -> None:
    other = _edit(BASE, ('code = "TD-901"', 'code = "TD-902"'))
    root = _write_catalog(tmp_path, {"td-902.toml": other, "td-901.toml": BASE, "notes.txt": "x"})
    (root / "matters" / ".td-903.toml").write_text("broken =", encoding="utf-8")
    catalog = load_catalog(root)
    assert [m.code for m in catalog.matters] == ["TD-901", "TD-902"]
    assert catalog.matter("TD-902").file == "td-902.toml"


@pytest.mark.parametrize(
    ("header", "field", "line"),
    [
        pytest.param(
            HEADER.replace("2026-01-01", '"2026-01-01"'), "issued_on", 3, id="date_quoted"
        ),
        pytest.param(
            HEADER.replace("2026-01-01", "2026-01-01T08:00:00"), "issued_on", 3, id="datetime"
        ),
        pytest.param(HEADER + "editor = 'x'\n", "editor", 4, id="unknown_key"),
        pytest.param(HEADER.replace('version = "2026.1"\n', ""), "version", 1, id="missing"),
        pytest.param(HEADER.replace('"2026.1"', "2026.1"), "version", 1, id="version_float"),
        pytest.param(HEADER.replace("2026-01-01", "2026-13-01"), SYNTAX_FIELD, 3, id="bad_date"),
    ],
)
def test_bad_catalog_header(tmp_path: Path, header: str, field: str, line: int) -> None:
    root = _write_catalog(tmp_path, {"td-901.toml": BASE}, header=header)
    with pytest.raises(CatalogError) as info:
        load_catalog(root)
    assert (info.value.file, info.value.field, info.value.line) == (CATALOG_FILE, field, line)


def test_not_utf8(tmp_path: Path) -> None:
    root = _write_catalog(tmp_path, {})
    (root / "matters" / "td-901.toml").write_bytes(BASE.encode("gbk"))
    with pytest.raises(CatalogError) as info:
        load_catalog(root)
    assert (info.value.file, info.value.field) == ("td-901.toml", FILE_FIELD)
    assert info.value.line == 2  # first non-ASCII byte is in the name on line 2
    assert "UTF-8" in info.value.reason


def test_missing_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as info:
        load_catalog(tmp_path)
    assert info.value.file == CATALOG_FILE
    (tmp_path / CATALOG_FILE).write_text(HEADER, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(tmp_path)
    assert info.value.field == FILE_FIELD
    (tmp_path / "matters").mkdir()
    with pytest.raises(CatalogError) as info:
        load_catalog(tmp_path)
    assert "没有任何事项文件" in info.value.reason


def test_checksum_is_stable_and_sensitive(tmp_path: Path) -> None:
    assert catalog_checksum() == catalog_checksum()
    assert len(catalog_checksum()) == 64
    root = _write_catalog(tmp_path, {"td-901.toml": BASE})
    first = catalog_checksum(root)
    assert catalog_checksum(root) == first
    (root / "matters" / "td-901.toml").write_text(BASE + "\n", encoding="utf-8")
    second = catalog_checksum(root)
    assert second != first
    (root / "matters" / "td-901.toml").rename(root / "matters" / "td-900.toml")
    assert catalog_checksum(root) not in (first, second)


# ---------------------------------------------------------------- fuzzing

_LINES = BASE.split("\n")

_toml_values = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.booleans().map(lambda b: str(b).lower()),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda f: (
            "nan"
            if f != f
            else ("inf" if f == float("inf") else "-inf" if f == float("-inf") else repr(f))
        )
    ),
    st.text(max_size=20).map(lambda s: json.dumps(s)),
    st.lists(st.integers(-5, 5), max_size=3).map(lambda xs: "[" + ", ".join(map(str, xs)) + "]"),
    st.lists(st.text(max_size=5).map(json.dumps), max_size=3).map(
        lambda xs: "[" + ", ".join(xs) + "]"
    ),
    st.just("2026-01-01"),
    st.just("{ a = 1 }"),
    st.sampled_from(['"general"', '"major"', '"collective"', '"original"', '"  "', '""']),
)


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_mutation_raises_only_catalog_error(data: st.DataObject) -> None:
    lines = list(_LINES)
    index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1), label="line")
    mode = data.draw(st.sampled_from(["value", "toml_value", "line", "insert"]), label="mode")
    if mode in ("value", "toml_value") and "=" in lines[index]:
        key = lines[index].split("=", 1)[0]
        value = data.draw(st.text(max_size=30) if mode == "value" else _toml_values, label="value")
        lines[index] = f"{key}= {value}"
    elif mode == "insert":
        lines.insert(index, data.draw(st.text(max_size=40), label="inserted"))
    else:
        lines[index] = data.draw(st.text(max_size=40), label="replacement")
    text = "\n".join(lines)
    try:
        matter = parse_matter(text, "fuzz.toml")
    except CatalogError as err:
        assert err.file == "fuzz.toml"
        assert err.field
        assert err.reason
        assert err.line is None or 1 <= err.line <= text.count("\n") + 1
    else:
        assert matter.file == "fuzz.toml"
        assert matter.promised_days <= matter.legal_days
