"""Load and check the matter catalogue (事项目录 / 实施清单) from TOML files.

The catalogue is data issued by the county bureau and edited by people, not
code: it ships as ``resources/catalog/catalog.toml`` (version, issuer, date)
plus one ``matters/*.toml`` file per matter.  Because a clerk or a county
technician may edit these files with Notepad, every mistake must come back as a
:class:`~app.errors.CatalogError` naming the file, the line and the field, with
a Chinese reason that says what to change — never a Python traceback and never
a silently wrong catalogue that would later print wrong deadlines or material
lists on receipts.

``tomllib`` reports no positions for values, so a small line locator scans the
raw text for table headers (``[[materials]]`` …) and ``key =`` lines to point
errors at the offending line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from app.dto import (
    Catalog,
    FeeSpec,
    MaterialForm,
    MaterialSpec,
    MatterSpec,
    Role,
    RoutingStepSpec,
    Tier,
)
from app.errors import CatalogError
from app.resources import resource_path

__all__ = [
    "CATALOG_FILE",
    "FILE_FIELD",
    "MATTERS_DIR",
    "SYNTAX_FIELD",
    "STEP_ROLES",
    "catalog_checksum",
    "check_matter_mapping",
    "load_catalog",
    "matter_from_mapping",
    "matter_to_toml",
    "parse_catalog_header",
    "parse_matter",
]

CATALOG_FILE = "catalog.toml"
MATTERS_DIR = "matters"

#: ``field`` of errors about TOML syntax (the file could not be parsed at all).
SYNTAX_FIELD = "toml"
#: ``field`` of errors about the file as a whole (unreadable, wrong encoding, missing).
FILE_FIELD = "file"

#: Roles a routing step may have; ``admin`` manages the software, it never handles cases.
STEP_ROLES: tuple[Role, ...] = tuple(r for r in Role if r is not Role.ADMIN)

# Sanity ceilings: larger numbers are typing slips (an extra zero), and would
# only produce absurd due dates further down.
_MAX_DAYS = 999
_MAX_COPIES = 99

# Seed 000 (潍坊 tiered routing): important matters — 科长审查不超过1个工作日，
# 分管领导审核不超过2个工作日，主要领导签批不过夜.
_IMPORTANT_LIMITS: dict[Role, int] = {
    Role.SECTION_CHIEF: 1,
    Role.DEPUTY_LEADER: 2,
    Role.LEADER: 0,
}

_MATTER_CODE = re.compile(r"^[A-Z]{2,6}-[0-9]{3,6}$")
_PHONE = re.compile(r"^[0-9][0-9\- ]*$")

PathKey = tuple[str | int, ...]
E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

# ---------------------------------------------------------------- keys per table

_MATTER_REQUIRED = (
    "code",
    "name",
    "category",
    "tier",
    "legal_days",
    "promised_days",
    "description",
    "applicants",
    "window",
    "consult_phone",
    "complaint_phone",
    "legal_basis",
    "materials",
    "steps",
)
_MATTER_KEYS = (*_MATTER_REQUIRED, "fees")
_MATERIAL_REQUIRED = ("code", "name", "form", "copies", "required")
_MATERIAL_KEYS = (*_MATERIAL_REQUIRED, "condition", "note", "source")
_FEE_KEYS = ("name", "amount", "basis")
_STEP_KEYS = ("order", "name", "role", "time_limit_days")
_HEADER_KEYS = ("version", "issued_by", "issued_on")


# ================================================================ public API


def load_catalog(directory: Path | None = None) -> Catalog:
    """Read and check the whole catalogue.

    ``directory`` defaults to the shipped ``resources/catalog``; the county's
    updated catalogue can be checked from any folder before it is installed.
    Matter files are read in file-name order so the catalogue order (and the
    checksum) does not depend on the file system.
    """
    root = directory if directory is not None else resource_path("catalog")
    header_text = _read_text(root / CATALOG_FILE, CATALOG_FILE)
    version, issued_by, issued_on = parse_catalog_header(header_text, CATALOG_FILE)

    matters: list[MatterSpec] = []
    seen: dict[str, str] = {}
    for path in _matter_files(root):
        text = _read_text(path, path.name)
        matter = parse_matter(text, path.name)
        if matter.code in seen:
            ctx = _Ctx(path.name, text)
            ctx.fail(
                ("code",),
                f"事项编码 {matter.code} 与 {seen[matter.code]} 重复；"
                "每个事项编码在目录中只能出现一次，请修改其中一个文件的 code",
            )
        seen[matter.code] = path.name
        matters.append(matter)
    return Catalog(
        version=version, issued_by=issued_by, issued_on=issued_on, matters=tuple(matters)
    )


def catalog_checksum(directory: Path | None = None) -> str:
    """SHA-256 over the catalogue files, to tell which catalogue a database was built with.

    Covers exactly the files :func:`load_catalog` reads, in the same order,
    each as relative name + length + bytes so that moving bytes between files
    or renaming a file changes the sum.
    """
    root = directory if directory is not None else resource_path("catalog")
    digest = hashlib.sha256()
    files = [(CATALOG_FILE, root / CATALOG_FILE)]
    files += [(f"{MATTERS_DIR}/{p.name}", p) for p in _matter_files(root)]
    for name, path in files:
        data = _read_bytes(path, path.name)
        digest.update(name.encode("utf-8"))
        digest.update(b"\0")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def parse_catalog_header(text: str, file: str = CATALOG_FILE) -> tuple[str, str, dt.date]:
    """Check ``catalog.toml`` and return ``(version, issued_by, issued_on)``."""
    ctx = _Ctx(file, text)
    data = ctx.load()
    _check_keys(ctx, data, (), _HEADER_KEYS, _HEADER_KEYS)
    version = _text(ctx, data, (), "version")
    issued_by = _text(ctx, data, (), "issued_by")
    issued_on = data["issued_on"]
    if isinstance(issued_on, dt.datetime) or not isinstance(issued_on, dt.date):
        ctx.fail(
            ("issued_on",),
            f"应为日期，写成 issued_on = 2026-01-01（不加引号、不带时间），实际为{_describe(issued_on)}",
        )
    return version, issued_by, issued_on


def parse_matter(text: str, file: str) -> MatterSpec:
    """Check one matter file's text and return its :class:`MatterSpec`.

    Works on a string (not a path) so tests and the county-update check can
    validate text before anything is written to disk.  ``file`` is only used
    in messages and stored in ``MatterSpec.file``.
    """
    ctx = _Ctx(file, text)
    matter = _matter(ctx, ctx.load())
    assert matter is not None  # a raising context never returns a partial matter
    return matter


def matter_from_mapping(data: Mapping[str, Any], file: str = "") -> MatterSpec:
    """Check a matter given as a mapping (the keys of a matter file) and return its spec.

    The same rules and messages as :func:`parse_matter`; the first problem is
    raised as a :class:`CatalogError` without a line (there is no file text).
    """
    ctx = _Ctx(file, None)
    matter = _matter(ctx, data)
    assert matter is not None
    return matter


def check_matter_mapping(
    data: Mapping[str, Any], file: str = ""
) -> tuple[MatterSpec | None, list[CatalogError]]:
    """Every problem of a matter given as a mapping at once, for an editing form.

    Returns ``(spec, [])`` when the matter is valid, else ``(None, problems)``:
    each problem is a :class:`CatalogError` whose ``field`` names the form field
    (``promised_days``, ``materials[2].name``, ``steps[3].time_limit_days`` …).
    A check that needs an earlier value (promised ≤ legal, the tier's routing)
    runs only once that value itself is valid, so one slip is reported once.
    """
    ctx = _Ctx(file, None, collect=True)
    matter = _matter(ctx, data)
    if ctx.problems:
        return None, list(ctx.problems)
    return matter, []


def _matter(ctx: _Ctx, data: Mapping[str, Any]) -> MatterSpec | None:
    """The checks of one matter, in file order; ``None`` if a collecting ``ctx`` found problems.

    Each independent check runs through ``ctx.get``: a raising context stops
    at the first problem (what a file check wants), a collecting one notes it
    and goes on (what a form wants).
    """
    if ctx.get(lambda: _keys_ok(ctx, data, (), _MATTER_KEYS, _MATTER_REQUIRED)) is None:
        return None  # unknown or missing keys: the values below cannot be read safely

    code = ctx.get(lambda: _matter_code(ctx, data))
    name = ctx.get(lambda: _text(ctx, data, (), "name"))
    category = ctx.get(lambda: _text(ctx, data, (), "category"))
    tier = ctx.get(lambda: _enum(ctx, data, (), "tier", tuple(Tier)))
    legal_days = ctx.get(
        lambda: _int(ctx, data, (), "legal_days", 0, _MAX_DAYS, "法定时限（工作日）")
    )
    promised_days = ctx.get(
        lambda: _int(ctx, data, (), "promised_days", 0, _MAX_DAYS, "承诺时限（工作日）")
    )
    promise_checked = promised_days
    if legal_days is not None and promised_days is not None and promised_days > legal_days:
        ctx.get(
            lambda: ctx.fail(
                ("promised_days",),
                f"承诺时限 {promised_days} 个工作日超过了法定时限 {legal_days} 个工作日；"
                "承诺时限不得超过法定时限",
            )
        )
        promise_checked = None  # the promise checks of the routing would only repeat this slip
    description = ctx.get(lambda: _text(ctx, data, (), "description"))
    applicants = ctx.get(lambda: _text(ctx, data, (), "applicants"))
    window = ctx.get(lambda: _text(ctx, data, (), "window"))
    consult_phone = ctx.get(lambda: _phone(ctx, data, (), "consult_phone"))
    complaint_phone = ctx.get(lambda: _phone(ctx, data, (), "complaint_phone"))
    legal_basis = ctx.get(lambda: _text_list(ctx, data, (), "legal_basis"))

    material_tables = ctx.get(lambda: _table_array(ctx, data, "materials", "申请材料"))
    materials = _each(ctx, material_tables, "materials", _material)
    fees: tuple[FeeSpec, ...] | None = ()
    if "fees" in data:
        fees = _each(
            ctx,
            ctx.get(lambda: _table_array(ctx, data, "fees", "收费项目", allow_empty=True)),
            "fees",
            _fee,
        )
    steps = _each(
        ctx, ctx.get(lambda: _table_array(ctx, data, "steps", "办理步骤")), "steps", _step
    )

    if material_tables is not None:
        # Codes that are readable, even when another field of their material is wrong:
        # a form should hear about a duplicate together with everything else.
        _check_material_codes(ctx, [
            (i, table["code"].strip()) for i, table in enumerate(material_tables, start=1)
            if isinstance(table.get("code"), str) and table["code"].strip()
        ])
    if steps is not None:
        _check_step_orders(ctx, steps)
        if tier is not None:
            _check_tier(ctx, tier, promise_checked, steps)

    if (
        code is None
        or name is None
        or category is None
        or tier is None
        or legal_days is None
        or promised_days is None
        or description is None
        or applicants is None
        or window is None
        or consult_phone is None
        or complaint_phone is None
        or legal_basis is None
        or materials is None
        or fees is None
        or steps is None
        or ctx.problems
    ):
        return None
    return MatterSpec(
        code=code,
        name=name,
        category=category,
        tier=tier,
        legal_days=legal_days,
        promised_days=promised_days,
        description=description,
        applicants=applicants,
        materials=materials,
        fees=fees,
        legal_basis=legal_basis,
        steps=steps,
        window=window,
        consult_phone=consult_phone,
        complaint_phone=complaint_phone,
        file=ctx.file,
    )


def _matter_code(ctx: _Ctx, data: Mapping[str, Any]) -> str:
    code = _text(ctx, data, (), "code")
    if not _MATTER_CODE.match(code):
        ctx.fail(
            ("code",),
            f"事项编码“{code}”格式不对，应为“大写字母前缀-数字”，如 TD-001"
            "（TD 土地管理、KC 矿产管理、CH 测绘管理、ZF 执法监察、XF 信访、GH 规划）",
        )
    return code


Item = TypeVar("Item")


def _each(
    ctx: _Ctx,
    tables: list[dict[str, Any]] | None,
    key: str,
    parse: Callable[[_Ctx, Mapping[str, Any], PathKey], Item | None],
) -> tuple[Item, ...] | None:
    """Parse every table of an array; ``None`` if the array or any of its tables is wrong."""
    if tables is None:
        return None
    items = [ctx.get(lambda t=table, i=i: parse(ctx, t, (key, i))) for i, table in
             enumerate(tables, start=1)]
    if any(item is None for item in items):
        return None
    return tuple(item for item in items if item is not None)


# ================================================================ writing


def matter_to_toml(spec: MatterSpec) -> str:
    """A matter file's text for ``spec``, laid out like the shipped ones.

    :func:`parse_matter` reads it back to an equal spec, so a township's local
    edit can be handed to the county as an ordinary catalogue file.
    """
    lines = [
        f"code = {_toml_str(spec.code)}",
        f"name = {_toml_str(spec.name)}",
        f"category = {_toml_str(spec.category)}",
        f"tier = {_toml_str(spec.tier.value)}",
        f"legal_days = {spec.legal_days}",
        f"promised_days = {spec.promised_days}",
        f"description = {_toml_str(spec.description)}",
        f"applicants = {_toml_str(spec.applicants)}",
        f"window = {_toml_str(spec.window)}",
        f"consult_phone = {_toml_str(spec.consult_phone)}",
        f"complaint_phone = {_toml_str(spec.complaint_phone)}",
        "legal_basis = [",
        *(f"    {_toml_str(item)}," for item in spec.legal_basis),
        "]",
    ]
    if not spec.fees:
        lines.append("fees = []")
    for material in spec.materials:
        lines += ["", "[[materials]]", f"code = {_toml_str(material.code)}",
                  f"name = {_toml_str(material.name)}", f"form = {_toml_str(material.form.value)}",
                  f"copies = {material.copies}", f"required = {str(material.required).lower()}"]
        for key in ("condition", "note", "source"):
            value = getattr(material, key)
            if value:
                lines.append(f"{key} = {_toml_str(value)}")
    for fee in spec.fees:
        lines += ["", "[[fees]]", f"name = {_toml_str(fee.name)}",
                  f"amount = {_toml_str(fee.amount)}", f"basis = {_toml_str(fee.basis)}"]
    for step in spec.steps:
        lines += ["", "[[steps]]", f"order = {step.order}", f"name = {_toml_str(step.name)}",
                  f"role = {_toml_str(step.role.value)}", f"time_limit_days = {step.time_limit_days}"]
    return "\n".join(lines) + "\n"


def _toml_str(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, except DEL, which TOML also forbids raw."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007F")


# ================================================================ files


def _matter_files(root: Path) -> list[Path]:
    """The matter files, sorted by name; editor leftovers (dot files) are ignored."""
    folder = root / MATTERS_DIR
    if not folder.is_dir():
        raise CatalogError(MATTERS_DIR, None, FILE_FIELD, f"找不到事项目录文件夹 {folder}")
    files = sorted(
        (
            p
            for p in folder.iterdir()
            if p.suffix.lower() == ".toml" and not p.name.startswith(".") and p.is_file()
        ),
        key=lambda p: p.name,
    )
    if not files:
        raise CatalogError(
            MATTERS_DIR, None, FILE_FIELD, f"文件夹 {folder} 中没有任何事项文件（*.toml）"
        )
    return files


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CatalogError(name, None, FILE_FIELD, f"找不到文件 {path}") from None
    except OSError as exc:
        raise CatalogError(
            name, None, FILE_FIELD, f"无法读取文件 {path}：{exc.strerror or exc}"
        ) from None


def _read_text(path: Path, name: str) -> str:
    """Read as UTF-8 (a BOM from Windows Notepad is accepted)."""
    data = _read_bytes(path, name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CatalogError(
            name,
            line,
            FILE_FIELD,
            "文件不是 UTF-8 编码（可能是用 GBK/ANSI 保存的）；"
            "请用记事本打开后“另存为”，编码选择 UTF-8",
        ) from None


# ================================================================ line locator


_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DOTTED = rf"{_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*"
_ARRAY_HEADER = re.compile(rf"^[ \t]*\[\[[ \t]*({_DOTTED})[ \t]*\]\]")
_TABLE_HEADER = re.compile(rf"^[ \t]*\[[ \t]*({_DOTTED})[ \t]*\]")
_KEY_LINE = re.compile(rf"^[ \t]*({_DOTTED})[ \t]*=")
_PART = re.compile(_KEY_PART)


def _split_key(dotted: str) -> list[str]:
    parts = []
    for m in _PART.finditer(dotted):
        part = m.group(0)
        if len(part) >= 2 and part[0] == part[-1] and part[0] in "\"'":
            part = part[1:-1]
        parts.append(part)
    return parts


def _scan_strings(line: str, state: str | None) -> str | None:
    """Track whether a multi-line string is open at the end of ``line``.

    Lines inside ``\"\"\"…\"\"\"`` may look like ``key = value`` and must not be
    taken for keys.
    """
    i, n = 0, len(line)
    while i < n:
        if state is not None:
            if state == '"""' and line[i] == "\\":
                i += 2
                continue
            if line.startswith(state, i):
                quote = state[0]
                while i < n and line[i] == quote:
                    i += 1
                state = None
                continue
            i += 1
            continue
        ch = line[i]
        if ch == "#":
            break
        if line.startswith('"""', i) or line.startswith("'''", i):
            state = line[i : i + 3]
            i += 3
            continue
        if ch in "\"'":
            i += 1
            while i < n and line[i] != ch:
                i += 2 if ch == '"' and line[i] == "\\" else 1
        i += 1
    return state


class _LineMap:
    """Line numbers of table headers and keys, by field path (1-based array indices)."""

    def __init__(self, text: str) -> None:
        self._lines: dict[PathKey, int] = {}
        counts: dict[PathKey, int] = {}
        table: PathKey = ()
        state: str | None = None
        # Split on "\n" only: tomllib counts lines that way, str.splitlines() does not.
        for lineno, raw in enumerate(text.split("\n"), start=1):
            if state is None:
                if m := _ARRAY_HEADER.match(raw):
                    parts = _split_key(m.group(1))
                    key = (*self._resolve(parts[:-1], counts), parts[-1])
                    counts[key] = counts.get(key, 0) + 1
                    table = (*key, counts[key])
                    self._lines.setdefault(key, lineno)
                    self._lines.setdefault(table, lineno)
                elif m := _TABLE_HEADER.match(raw):
                    table = self._resolve(_split_key(m.group(1)), counts)
                    self._lines.setdefault(table, lineno)
                elif m := _KEY_LINE.match(raw):
                    parts = _split_key(m.group(1))
                    for end in range(1, len(parts) + 1):
                        self._lines.setdefault((*table, *parts[:end]), lineno)
            state = _scan_strings(raw, state)

    @staticmethod
    def _resolve(parts: Iterable[str], counts: Mapping[PathKey, int]) -> PathKey:
        """``[materials.x]`` refers to the latest ``[[materials]]`` element."""
        path: PathKey = ()
        for part in parts:
            path = (*path, part)
            if path in counts:
                path = (*path, counts[path])
        return path

    def line(self, path: PathKey) -> int:
        """Line of ``path``, else of its nearest enclosing table or key, else 1."""
        probe = path
        while probe:
            if probe in self._lines:
                return self._lines[probe]
            probe = probe[:-1]
        return 1


def _field_name(path: PathKey) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


# ================================================================ context


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "Invalid value",
        '值的写法不对：文字须用英文双引号 "…" 括起来（不能用中文引号“”），数字不加引号，true/false 须小写',
    ),
    ("Expected '=' after a key", "字段名后面缺少等号“=”，或字段名中含有空格、中文等不允许的字符"),
    ("Cannot overwrite a value", "同一个字段写了两次"),
    ("Cannot declare", "同一个表（方括号标题）写了两次"),
    ("Unclosed array", "方括号 [ ] 没有配对"),
    ("Unclosed inline table", "花括号 { } 没有配对，或花括号跨了多行"),
    ("Unterminated string", "引号没有配对（文字要在同一行内用一对英文双引号括起来）"),
    ("Illegal character", "引号没有配对，或文字中含有不允许的控制字符"),
    ("Invalid date", "日期写法不对，应写成 2026-01-01"),
    (
        "Expected newline or end of document",
        "一行中写了多个字段，或值的后面多了字符；每个字段须单独写一行",
    ),
    (
        "Invalid initial character for a key part",
        "字段名以不允许的字符开头；字段名只能用英文字母、数字、下划线和短横线",
    ),
    ("Invalid statement", "这一行不是“字段 = 值”或“[表名]”的形式"),
)


class _Ctx:
    """One file being checked: knows its name and text, finds lines lazily.

    ``text`` is None for a matter given as a mapping (an editing form): errors
    then carry no line.  With ``collect`` the context notes every problem that
    ``get`` meets instead of stopping at the first.
    """

    def __init__(self, file: str, text: str | None, *, collect: bool = False) -> None:
        self.file = file
        self.text = text[1:] if text is not None and text.startswith("\ufeff") else text
        self.collect = collect
        self.problems: list[CatalogError] = []
        self._map: _LineMap | None = None

    def get(self, check: Callable[[], T]) -> T | None:
        """``check()``; when collecting, a failed check is noted and gives None."""
        if not self.collect:
            return check()
        try:
            return check()
        except CatalogError as exc:
            self.problems.append(exc)
            return None

    def load(self) -> dict[str, Any]:
        try:
            return tomllib.loads(self.text or "")
        except tomllib.TOMLDecodeError as exc:
            self._syntax_error(str(exc))
        except RecursionError:
            raise CatalogError(
                self.file, None, SYNTAX_FIELD, "TOML 格式错误：方括号或花括号嵌套层数过多"
            ) from None

    def _syntax_error(self, message: str) -> NoReturn:
        line: int | None = None
        if m := re.search(r"\(at line (\d+), column \d+\)", message):
            line = int(m.group(1))
        elif "end of document" in message:
            line = (self.text or "").count("\n") + 1
        base = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)\s*$", "", message)
        hint = next(
            (h for key, h in _SYNTAX_HINTS if base.startswith(key)),
            "请检查该行的引号、等号和括号是否成对",
        )
        raise CatalogError(
            self.file, line, SYNTAX_FIELD, f"TOML 格式错误：{hint}（解析器信息：{base}）"
        ) from None

    def line(self, path: PathKey) -> int | None:
        if self.text is None:
            return None
        if self._map is None:
            self._map = _LineMap(self.text)
        return self._map.line(path)

    def fail(self, path: PathKey, reason: str) -> NoReturn:
        raise CatalogError(self.file, self.line(path), _field_name(path), reason)


# ================================================================ value checks


def _describe(value: object) -> str:
    """How a wrongly typed value reads in a message (bool before int: bool is an int)."""
    if isinstance(value, bool):
        return f"是/否值 {str(value).lower()}"
    if isinstance(value, int):
        return f"整数 {value}"
    if isinstance(value, float):
        return f"小数 {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 20 else value[:20] + "…"
        return f"文字“{shown}”"
    if isinstance(value, list):
        return "列表 […]"
    if isinstance(value, dict):
        return "表 {…}"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return f"日期/时间 {value.isoformat()}"
    return type(value).__name__


def _check_keys(
    ctx: _Ctx,
    table: Mapping[str, Any],
    path: PathKey,
    allowed: tuple[str, ...],
    required: tuple[str, ...],
) -> None:
    """Unknown keys first (a typo like ``copys`` also makes ``copies`` missing)."""
    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"是否想写 {close[0]}？" if close else ""
            ctx.fail(
                (*path, key),
                f"未知字段“{key}”。{hint}此处允许的字段为：{'、'.join(allowed)}",
            )
    for key in required:
        if key not in table:
            ctx.fail((*path, key), f"缺少必填字段 {key}")


def _keys_ok(
    ctx: _Ctx,
    table: Mapping[str, Any],
    path: PathKey,
    allowed: tuple[str, ...],
    required: tuple[str, ...],
) -> bool:
    """:func:`_check_keys` as a value for ``ctx.get`` (None there means the keys are wrong)."""
    _check_keys(ctx, table, path, allowed, required)
    return True


def _text(
    ctx: _Ctx, table: Mapping[str, Any], path: PathKey, key: str, *, allow_empty: bool = False
) -> str:
    """A trimmed text value; required and non-empty unless ``allow_empty``."""
    if key not in table:
        if allow_empty:
            return ""
        ctx.fail((*path, key), f"缺少必填字段 {key}")
    value = table[key]
    if not isinstance(value, str):
        ctx.fail((*path, key), f"应为文字（用英文双引号括起来），实际为{_describe(value)}")
    value = value.strip()
    if not value and not allow_empty:
        ctx.fail((*path, key), "不能为空")
    return value


def _int(
    ctx: _Ctx,
    table: Mapping[str, Any],
    path: PathKey,
    key: str,
    minimum: int,
    maximum: int,
    label: str,
) -> int:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int):
        ctx.fail((*path, key), f"{label}应为整数（不加引号），实际为{_describe(value)}")
    if value < minimum:
        ctx.fail((*path, key), f"{label}必须是不小于 {minimum} 的整数，实际为 {value}")
    if value > maximum:
        ctx.fail((*path, key), f"{label}不应超过 {maximum}，实际为 {value}；请检查是否多写了数字")
    return value


def _bool(ctx: _Ctx, table: Mapping[str, Any], path: PathKey, key: str) -> bool:
    value = table[key]
    if not isinstance(value, bool):
        ctx.fail((*path, key), f"应为 true 或 false（小写、不加引号），实际为{_describe(value)}")
    return value


def _enum(
    ctx: _Ctx, table: Mapping[str, Any], path: PathKey, key: str, allowed: tuple[E, ...]
) -> E:
    """One of ``allowed``; the message lists every allowed value with its Chinese label."""
    value = table[key]
    choices = "、".join(f"{m.value}（{getattr(m, 'label', m.value)}）" for m in allowed)
    if not isinstance(value, str):
        ctx.fail((*path, key), f"应为文字，只能是：{choices}；实际为{_describe(value)}")
    value = value.strip()
    for member in allowed:
        if member.value == value:
            return member
    ctx.fail((*path, key), f"取值“{value}”无效，只能是：{choices}")


def _phone(ctx: _Ctx, table: Mapping[str, Any], path: PathKey, key: str) -> str:
    """Digits, dashes and spaces only; "" means the office's own number is printed."""
    value = _text(ctx, table, path, key, allow_empty=True)
    if value and not _PHONE.match(value):
        ctx.fail(
            (*path, key),
            f"电话号码“{value}”只能包含数字、短横线和空格，如 0536-1234567 或 12345；"
            '留空（""）表示使用本所的电话',
        )
    return value


def _text_list(ctx: _Ctx, table: Mapping[str, Any], path: PathKey, key: str) -> tuple[str, ...]:
    value = table[key]
    if not isinstance(value, list):
        ctx.fail(
            (*path, key), f'应为文字列表，如 {key} = ["《……》第……条"]，实际为{_describe(value)}'
        )
    if not value:
        ctx.fail((*path, key), "至少需要一项")
    items: list[str] = []
    for i, item in enumerate(value, start=1):
        if not isinstance(item, str):
            ctx.fail((*path, key, i), f"应为文字（用英文双引号括起来），实际为{_describe(item)}")
        if not item.strip():
            ctx.fail((*path, key, i), "不能为空")
        items.append(item.strip())
    return tuple(items)


def _table_array(
    ctx: _Ctx, data: Mapping[str, Any], key: str, label: str, *, allow_empty: bool = False
) -> list[dict[str, Any]]:
    value = data[key]
    if not isinstance(value, list):
        ctx.fail((key,), f"应写成一组 [[{key}]] 表，实际为{_describe(value)}")
    if not value and not allow_empty:
        ctx.fail((key,), f"至少需要一项{label}（[[{key}]]）")
    for i, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            ctx.fail((key, i), f"应为表（用 [[{key}]] 书写），实际为{_describe(item)}")
    return value


# ================================================================ tables


def _material(ctx: _Ctx, table: Mapping[str, Any], path: PathKey) -> MaterialSpec | None:
    if ctx.get(lambda: _keys_ok(ctx, table, path, _MATERIAL_KEYS, _MATERIAL_REQUIRED)) is None:
        return None
    code = ctx.get(lambda: _text(ctx, table, path, "code"))
    name = ctx.get(lambda: _text(ctx, table, path, "name"))
    form = ctx.get(lambda: _enum(ctx, table, path, "form", tuple(MaterialForm)))
    copies = ctx.get(lambda: _int(ctx, table, path, "copies", 1, _MAX_COPIES, "份数"))
    required = ctx.get(lambda: _bool(ctx, table, path, "required"))
    condition = ctx.get(lambda: _text(ctx, table, path, "condition", allow_empty=True))
    if required is not None and condition is not None:
        ctx.get(lambda: _check_condition(ctx, path, required, condition))
    note = ctx.get(lambda: _text(ctx, table, path, "note", allow_empty=True))
    source = ctx.get(lambda: _text(ctx, table, path, "source", allow_empty=True))
    if (code is None or name is None or form is None or copies is None or required is None
            or condition is None or note is None or source is None):
        return None
    return MaterialSpec(
        code=code,
        name=name,
        form=form,
        copies=copies,
        required=required,
        condition=condition,
        note=note,
        source=source,
    )


def _check_condition(ctx: _Ctx, path: PathKey, required: bool, condition: str) -> None:
    if required and condition:
        ctx.fail(
            (*path, "condition"),
            "必交材料（required = true）不应填写 condition；"
            "如该材料只在特定情形下提交，请把 required 改为 false",
        )
    if not required and not condition:
        ctx.fail(
            (*path, "condition"),
            "视情形提交的材料（required = false）必须在 condition 中写明何种情形需要提交，"
            "例如“委托代理人办理的”",
        )


def _fee(ctx: _Ctx, table: Mapping[str, Any], path: PathKey) -> FeeSpec | None:
    if ctx.get(lambda: _keys_ok(ctx, table, path, _FEE_KEYS, _FEE_KEYS)) is None:
        return None
    name = ctx.get(lambda: _text(ctx, table, path, "name"))
    amount = ctx.get(lambda: _text(ctx, table, path, "amount"))
    basis = ctx.get(lambda: _text(ctx, table, path, "basis"))
    if name is None or amount is None or basis is None:
        return None
    return FeeSpec(name=name, amount=amount, basis=basis)


def _step(ctx: _Ctx, table: Mapping[str, Any], path: PathKey) -> RoutingStepSpec | None:
    if ctx.get(lambda: _keys_ok(ctx, table, path, _STEP_KEYS, _STEP_KEYS)) is None:
        return None
    order = ctx.get(lambda: _int(ctx, table, path, "order", 1, _MAX_DAYS, "步骤序号"))
    name = ctx.get(lambda: _text(ctx, table, path, "name"))
    role = ctx.get(lambda: _enum(ctx, table, path, "role", STEP_ROLES))
    days = ctx.get(
        lambda: _int(ctx, table, path, "time_limit_days", 0, _MAX_DAYS, "步骤时限（工作日）")
    )
    if order is None or name is None or role is None or days is None:
        return None
    return RoutingStepSpec(order=order, name=name, role=role, time_limit_days=days)


# ================================================================ cross checks


def _check_material_codes(ctx: _Ctx, codes: list[tuple[int, str]]) -> None:
    first: dict[str, int] = {}
    for i, code in codes:
        if code in first:
            earlier = first[code]
            ctx.get(
                lambda i=i, code=code, earlier=earlier: ctx.fail(
                    ("materials", i, "code"),
                    f"材料编码 {code} 与 materials[{earlier}] 重复；同一事项内材料编码不得重复",
                )
            )
            continue
        first[code] = i


def _check_step_orders(ctx: _Ctx, steps: tuple[RoutingStepSpec, ...]) -> None:
    for i, step in enumerate(steps, start=1):
        if step.order != i:
            ctx.get(
                lambda i=i, order=step.order: ctx.fail(
                    ("steps", i, "order"),
                    f"步骤须按书写顺序从 1 起连续编号，这里应为 {i}，实际为 {order}",
                )
            )


def _check_tier(
    ctx: _Ctx, tier: Tier, promised_days: int | None, steps: tuple[RoutingStepSpec, ...]
) -> None:
    """Routing must match the tier (seed 000), and the steps must fit the promise.

    ``promised_days`` is None when the promise itself is wrong: its checks are then skipped.
    """

    def problem(path: PathKey, reason: str) -> None:
        ctx.get(lambda: ctx.fail(path, reason))

    if tier is Tier.GENERAL:
        if promised_days is not None and promised_days > 1:
            problem(
                ("promised_days",),
                f"一般事项实行一审制，当场受理、1 个工作日内办结，承诺时限不得超过 1 个工作日，实际为 {promised_days}",
            )
        for i, step in enumerate(steps, start=1):
            if step.time_limit_days > 1:
                problem(
                    ("steps", i, "time_limit_days"),
                    f"一般事项实行一审制，每个步骤时限不得超过 1 个工作日，实际为 {step.time_limit_days}",
                )
    elif tier is Tier.IMPORTANT:
        present = {step.role for step in steps}
        missing = [role for role in _IMPORTANT_LIMITS if role not in present]
        if missing:
            problem(
                ("steps",),
                "重要事项须依次经所长/科长审核、分管领导审核、主要领导签批，缺少："
                + "、".join(f'{r.label}（role = "{r.value}"）' for r in missing),
            )
        for i, step in enumerate(steps, start=1):
            limit = _IMPORTANT_LIMITS.get(step.role)
            if limit is not None and step.time_limit_days > limit:
                when = (
                    "当天签批（不过夜），时限应为 0" if limit == 0 else f"不超过 {limit} 个工作日"
                )
                problem(
                    ("steps", i, "time_limit_days"),
                    f"重要事项的{step.role.label}环节须{when}，实际为 {step.time_limit_days}",
                )
    else:
        collective = [i for i, step in enumerate(steps, start=1) if step.role is Role.COLLECTIVE]
        if not collective:
            problem(("steps",), '重大事项实行集体会审制，须有 role = "collective" 的集体会审步骤')
        elif not any(step.role is Role.LEADER for step in steps[collective[0] :]):
            problem(
                ("steps", collective[0]),
                '重大事项集体会审后须由主要领导签批：请在集体会审步骤之后加一个 role = "leader" 的步骤',
            )
    total = sum(step.time_limit_days for step in steps)
    if promised_days is not None and total > promised_days:
        problem(
            ("promised_days",),
            f"各办理步骤时限合计 {total} 个工作日，超过了承诺时限 {promised_days} 个工作日；"
            "请调整步骤时限或承诺时限",
        )
