"""Service brochures (办事指南) printed from the matter catalogue.

Three documents come out of here, all as PDF bytes: the brochure of one matter
(A4 portrait), the booklet of every matter of the current catalogue, and the
A4 landscape tri-fold leaflet for the counter.  What a brochure prints that
does not belong to one matter — the office's service commitments (一次性告知、
限时办结、首问负责 …), the default opening hours, the time-limit note — is data
in ``resources/brochure.toml``, checked like the catalogue: every mistake comes
back as a :class:`BrochureDataError` naming file, line and field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.catalog import _Ctx, _describe
from app.dto import FeeSpec, MaterialForm, MaterialSpec, MatterSpec, Role, RoutingStepSpec, Tier
from app.errors import CatalogError, LanddeskError, NotFoundError, ValidationError
from app.files import write_bytes_atomically
from app.models import CatalogVersion, Matter, Setting
from app.permissions import Action
from app.resources import resource_path
from app.services.context import ServiceContext
from app.services.office import office_info
from app.services.reference import ReferenceService

if TYPE_CHECKING:
    from app.services import Services

BROCHURE_FILE = "brochure.toml"
HOURS_SETTING = "brochure.hours"
HOURS_MAX_CHARS = 60

# Limits that keep one commitment a few lines long on a tri-fold panel.
COMMITMENT_NAME_MAX = 8
COMMITMENT_TEXT_MAX = 120
NOTE_MAX = 200
TITLE_MAX = 30

_KEYS = ("booklet_title", "default_hours", "time_note", "supervision_note", "commitments")
_COMMITMENT_KEYS = ("name", "text")


class BrochureDataError(LanddeskError):
    """``resources/brochure.toml`` is malformed: says which file, line and field."""

    def __init__(self, file: str, line: int | None, field: str, reason: str) -> None:
        where = file + (f" 第 {line} 行" if line else "")
        super().__init__(f"办事指南设置文件 {where}，字段 {field}：{reason}")
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason


# ---------------------------------------------------------------- plain data


@dataclass(frozen=True)
class Commitment:
    """One service commitment (服务承诺), e.g. 一次性告知."""

    name: str
    text: str


@dataclass(frozen=True)
class BrochureTexts:
    """What every brochure prints that is not per matter (from brochure.toml)."""

    booklet_title: str
    default_hours: str
    time_note: str
    supervision_note: str
    commitments: tuple[Commitment, ...]


@dataclass(frozen=True)
class BrochureOffice:
    """The office as a brochure prints it."""

    name: str
    county: str
    address: str
    consult_phone: str
    complaint_phone: str
    hours: str


@dataclass(frozen=True)
class CatalogLabel:
    """Which catalogue version a brochure was printed from."""

    version: str
    issued_by: str
    issued_on: dt.date | None
    local: bool  # a local edit (source == "local"), not the county's reference version
    preview: bool = False  # an edited spec not saved yet


@dataclass(frozen=True)
class BrochureJob:
    """Everything one brochure document needs, so the renderer never touches the database."""

    office: BrochureOffice
    texts: BrochureTexts
    catalog: CatalogLabel
    printed_on: dt.date


# ---------------------------------------------------------------- brochure.toml


def _fail(ctx: _Ctx, path: tuple[str | int, ...], reason: str) -> NoReturn:
    try:
        ctx.fail(path, reason)
    except CatalogError as exc:  # the catalogue's locator, our own error type
        raise BrochureDataError(exc.file, exc.line, exc.field, exc.reason) from None


def _text(ctx: _Ctx, table: dict[str, Any], path: tuple[str | int, ...], key: str,
          limit: int) -> str:
    if key not in table:
        _fail(ctx, (*path, key), f"缺少必填字段 {key}")
    value = table[key]
    if not isinstance(value, str):
        _fail(ctx, (*path, key), f"应为文字（用英文双引号括起来），实际为{_describe(value)}")
    value = " ".join(value.split())  # a line break typed inside the quotes would print as one
    if not value:
        _fail(ctx, (*path, key), "不能为空")
    if len(value) > limit:
        _fail(ctx, (*path, key), f"不能超过 {limit} 个字（现有 {len(value)} 个），请精简")
    return value


def _unknown_keys(ctx: _Ctx, table: dict[str, Any], path: tuple[str | int, ...],
                  allowed: tuple[str, ...]) -> None:
    for key in table:
        if key not in allowed:
            _fail(ctx, (*path, key), f"未知字段“{key}”；此处允许的字段为：{'、'.join(allowed)}")


def parse_brochure_texts(text: str, file: str = BROCHURE_FILE) -> BrochureTexts:
    """Check the text of brochure.toml and return its contents."""
    ctx = _Ctx(file, text)
    try:
        data = ctx.load()
    except CatalogError as exc:
        raise BrochureDataError(exc.file, exc.line, exc.field, exc.reason) from None
    _unknown_keys(ctx, data, (), _KEYS)
    booklet_title = _text(ctx, data, (), "booklet_title", TITLE_MAX)
    default_hours = _text(ctx, data, (), "default_hours", HOURS_MAX_CHARS)
    time_note = _text(ctx, data, (), "time_note", NOTE_MAX)
    supervision_note = _text(ctx, data, (), "supervision_note", NOTE_MAX)
    if "commitments" not in data:
        _fail(ctx, ("commitments",), "缺少服务承诺（[[commitments]]），至少需要一条")
    raw = data["commitments"]
    if not isinstance(raw, list) or not raw:
        _fail(ctx, ("commitments",), "应写成一组 [[commitments]] 表，至少一条")
    commitments: list[Commitment] = []
    seen: dict[str, int] = {}
    for i, table in enumerate(raw, start=1):
        path: tuple[str | int, ...] = ("commitments", i)
        if not isinstance(table, dict):
            _fail(ctx, path, f"应为表（用 [[commitments]] 书写），实际为{_describe(table)}")
        _unknown_keys(ctx, table, path, _COMMITMENT_KEYS)
        name = _text(ctx, table, path, "name", COMMITMENT_NAME_MAX)
        if name in seen:
            _fail(ctx, (*path, "name"), f"承诺“{name}”与第 {seen[name]} 条重复")
        seen[name] = i
        commitments.append(Commitment(name=name, text=_text(ctx, table, path, "text",
                                                             COMMITMENT_TEXT_MAX)))
    return BrochureTexts(
        booklet_title=booklet_title,
        default_hours=default_hours,
        time_note=time_note,
        supervision_note=supervision_note,
        commitments=tuple(commitments),
    )


def load_brochure_texts(path: Path | None = None) -> BrochureTexts:
    """Read and check ``resources/brochure.toml`` (or ``path``)."""
    path = path if path is not None else resource_path(BROCHURE_FILE)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BrochureDataError(path.name, None, "file",
                                f"无法读取文件 {path}：{exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BrochureDataError(path.name, raw.count(b"\n", 0, exc.start) + 1, "file",
                                "文件不是 UTF-8 编码；请用记事本“另存为”，编码选择 UTF-8") from None
    return parse_brochure_texts(text, path.name)


# ---------------------------------------------------------------- spec from the database


def spec_from_row(matter: Matter) -> MatterSpec:
    """A stored matter (Matter.spec JSON + its MaterialRequirement rows) as a MatterSpec."""
    spec = matter.spec
    return MatterSpec(
        code=matter.code,
        name=matter.name,
        category=matter.category,
        tier=Tier(matter.tier),
        legal_days=matter.legal_days,
        promised_days=matter.promised_days,
        description=str(spec.get("description", "")),
        applicants=str(spec.get("applicants", "")),
        materials=tuple(
            MaterialSpec(code=r.code, name=r.name, form=MaterialForm(r.form), copies=r.copies,
                         required=r.required, condition=r.condition, note=r.note, source=r.source)
            for r in matter.materials
        ),
        fees=tuple(FeeSpec(name=f["name"], amount=f["amount"], basis=f["basis"])
                   for f in spec.get("fees") or ()),
        legal_basis=tuple(spec.get("legal_basis") or ()),
        steps=tuple(
            RoutingStepSpec(order=int(s["order"]), name=s["name"], role=Role(s["role"]),
                            time_limit_days=int(s["time_limit_days"]))
            for s in spec.get("steps") or ()
        ),
        window=str(spec.get("window", "")),
        consult_phone=str(spec.get("consult_phone", "")),
        complaint_phone=str(spec.get("complaint_phone", "")),
        file=str(spec.get("file", "")),
    )


def _label(version: CatalogVersion, *, preview: bool = False) -> CatalogLabel:
    return CatalogLabel(version=version.version, issued_by=version.issued_by,
                        issued_on=version.issued_on, local=version.source == "local",
                        preview=preview)


class BrochureService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService,
                 texts_path: Path | None = None) -> None:
        self.ctx = ctx
        self.reference = reference
        self.texts_path = texts_path
        self._texts: BrochureTexts | None = None

    # ------------------------------------------------------------ data

    def texts(self) -> BrochureTexts:
        """brochure.toml, read once (raises BrochureDataError when malformed)."""
        if self._texts is None:
            self._texts = load_brochure_texts(self.texts_path)
        return self._texts

    def matter_spec(self, code: str) -> MatterSpec:
        """The matter ``code`` of the current catalogue version in the database."""
        return self._current(code)[0]

    def _current(self, code: str) -> tuple[MatterSpec, CatalogLabel]:
        with self.ctx.reading() as s:
            matter = s.scalars(
                select(Matter).join(CatalogVersion)
                .where(CatalogVersion.is_current, Matter.code == code)
                .options(selectinload(Matter.materials), selectinload(Matter.catalog_version))
            ).one_or_none()
            if matter is None:
                raise NotFoundError(f"当前事项目录中没有编码为 {code} 的事项")
            return spec_from_row(matter), _label(matter.catalog_version)

    def current_specs(self) -> tuple[list[MatterSpec], CatalogLabel]:
        """Every matter of the current catalogue, by code, and the version's label."""
        with self.ctx.reading() as s:
            version = s.scalars(select(CatalogVersion).where(CatalogVersion.is_current)).first()
            if version is None:
                raise NotFoundError("数据库中没有当前的事项目录")
            rows = s.scalars(
                select(Matter).where(Matter.catalog_version_id == version.id)
                .options(selectinload(Matter.materials)).order_by(Matter.code)
            ).all()
            return [spec_from_row(m) for m in rows], _label(version)

    def hours(self) -> str:
        """Opening hours as printed: the administrator's text, else brochure.toml's default."""
        with self.ctx.reading() as s:
            setting = s.get(Setting, HOURS_SETTING)
            value = setting.value.get("text") if setting is not None else None
        if isinstance(value, str) and value.strip():
            return value.strip()
        return self.texts().default_hours

    def set_hours(self, text: str) -> str:
        """Store the office's opening hours (administrators only); "" is refused."""
        self.ctx.require(Action.EDIT_CATALOG)
        clean = " ".join(str(text).split())
        if not clean:
            raise ValidationError("hours", text, "empty",
                                  "请填写办公时间，例如“周一至周五 8:30—12:00 13:30—17:30”")
        if len(clean) > HOURS_MAX_CHARS:
            raise ValidationError("hours", text, "length",
                                  f"办公时间不能超过 {HOURS_MAX_CHARS} 个字（现有 {len(clean)} 个）")
        with self.ctx.transaction("brochure.set_hours") as s:
            setting = s.get(Setting, HOURS_SETTING)
            if setting is None:
                s.add(Setting(key=HOURS_SETTING, value={"text": clean}))
            else:
                setting.value = {"text": clean}
        return clean

    def brochure_office(self) -> BrochureOffice:
        with self.ctx.reading() as s:
            info = office_info(s, self.ctx)
        return BrochureOffice(name=info.name, county=info.county, address=info.address,
                              consult_phone=info.phone, complaint_phone=info.complaint_phone,
                              hours=self.hours())

    def _job(self, catalog: CatalogLabel) -> BrochureJob:
        return BrochureJob(office=self.brochure_office(), texts=self.texts(), catalog=catalog,
                           printed_on=self.ctx.today())

    # ------------------------------------------------------------ documents

    def matter_pdf(self, code: str) -> bytes:
        """The A4 brochure of one matter of the current catalogue."""
        from app.printing.brochure import render_matter_brochure

        spec, label = self._current(code)
        return render_matter_brochure(spec, self._job(label))

    def preview_pdf(self, spec: MatterSpec) -> bytes:
        """The brochure of an edited matter before it is saved (marked 本地修改 · 预览)."""
        from app.printing.brochure import render_matter_brochure

        with self.ctx.reading() as s:
            version = s.scalars(select(CatalogVersion).where(CatalogVersion.is_current)).first()
            label = (_label(version) if version is not None
                     else CatalogLabel(version="", issued_by="", issued_on=None, local=True))
        label = CatalogLabel(version=label.version, issued_by=label.issued_by,
                             issued_on=label.issued_on, local=True, preview=True)
        return render_matter_brochure(spec, self._job(label))

    def booklet_pdf(self) -> bytes:
        """All matters of the current catalogue: cover, contents, commitments, one matter a page."""
        from app.printing.brochure import render_booklet

        specs, label = self.current_specs()
        return render_booklet(specs, self._job(label))

    def trifold_pdf(self, code: str) -> bytes:
        """The A4 landscape tri-fold leaflet of one matter (raises TrifoldOverflowError)."""
        from app.printing.brochure import render_trifold

        spec, label = self._current(code)
        return render_trifold(spec, self._job(label))


def write_brochure(services: Services, out: Path, code: str | None, trifold: bool) -> Path:
    """``landdesk brochure``: the booklet (no code), a matter's brochure, or its tri-fold.

    Written to a temporary file beside ``out`` and moved into place, so an
    interrupted run never leaves half a PDF under the requested name.
    """
    brochures = services.brochures
    if trifold and code is None:
        raise ValidationError("matter", "", "required", "打印三折页须指定事项编码（--matter）")
    if code is None:
        pdf = brochures.booklet_pdf()
    elif trifold:
        pdf = brochures.trifold_pdf(code)
    else:
        pdf = brochures.matter_pdf(code)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_bytes_atomically(out, pdf)


__all__ = [
    "BROCHURE_FILE",
    "HOURS_SETTING",
    "BrochureDataError",
    "BrochureJob",
    "BrochureOffice",
    "BrochureService",
    "BrochureTexts",
    "CatalogLabel",
    "Commitment",
    "load_brochure_texts",
    "parse_brochure_texts",
    "spec_from_row",
    "write_brochure",
]
