"""Local edits of the matter catalogue, validated, versioned and previewed before saving.

The county issues the catalogue (事项目录); a township's administrator may still
correct it locally — a shorter promise, a clearer material note, a matter the
county has not listed yet. Such an edit never changes a version in place: it
becomes a new catalogue version with ``source = "local"`` (``2026.1-本地1``),
made current in one transaction, so cases accepted earlier keep pointing at the
Matter rows they were accepted under and the county's version stays in the
database as the reference every local change is compared with ("本地修改").

Rules decided here:

- A matter of the reference (county or bundled) version cannot be removed
  locally: the county's 实施清单 is the list of what the office must accept.
  Only matters the office added itself can be removed again. Removing never
  touches old rows, so no case loses its matter.
- An existing matter keeps its code (cases, sync and printed receipts name it).
- At the county the same edit makes the county's own version (``source = "county"``,
  ``2026.1-县局修订1``): it is the reference, and downlinks carry it to the townships.
- The note typed with a save is kept in the office's settings under
  ``catalog_note:<version id>`` (local to the office, audited like any change);
  the version row itself carries the office's name as issuer and today's date.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.catalog import check_matter_mapping, matter_to_toml
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
from app.errors import LanddeskError, NotFoundError, StateError, ValidationError
from app.files import write_text_atomically
from app.models import CatalogVersion, MaterialRequirement, Matter, Office, Setting, User
from app.permissions import Action
from app.services.context import ServiceContext
from app.services.office import office_info
from app.services.reference import ReferenceService, import_catalog

NOTE_PREFIX = "catalog_note:"
NOTE_MAX = 200
LOCAL_MARK = "本地"
COUNTY_MARK = "县局修订"
SOURCE_LABELS = {"bundled": "随程序发布", "county": "县局下发", "local": "本地修改"}

# Column widths the database enforces; checked with the draft so the form can say so at the field.
_LENGTHS = {
    "code": Matter.__table__.c.code.type.length,
    "name": Matter.__table__.c.name.type.length,
    "category": Matter.__table__.c.category.type.length,
}
_MATERIAL_LENGTHS = {
    "code": MaterialRequirement.__table__.c.code.type.length,
    "name": MaterialRequirement.__table__.c.name.type.length,
}

FIELD_LABELS = {
    "code": "事项编码",
    "name": "事项名称",
    "category": "事项类别",
    "tier": "事项层级",
    "legal_days": "法定时限",
    "promised_days": "承诺时限",
    "description": "事项说明",
    "applicants": "申请条件",
    "window": "办理窗口",
    "consult_phone": "咨询电话",
    "complaint_phone": "投诉电话",
    "legal_basis": "设定依据",
    "fees": "收费",
    "materials": "申请材料",
    "steps": "办理步骤",
}
_MATERIAL_LABELS = {
    "name": "名称",
    "form": "形式",
    "copies": "份数",
    "required": "必交/视情形",
    "condition": "提交情形",
    "note": "备注",
    "source": "来源渠道",
}


# ================================================================ plain data


@dataclass
class MaterialDraft:
    code: str = ""
    name: str = ""
    form: str = MaterialForm.ORIGINAL.value
    copies: int = 1
    required: bool = True
    condition: str = ""
    note: str = ""
    source: str = ""


@dataclass
class FeeDraft:
    name: str = ""
    amount: str = ""
    basis: str = ""


@dataclass
class StepDraft:
    """One routing step; its order is its place in the list."""

    name: str = ""
    role: str = Role.WINDOW_CLERK.value
    time_limit_days: int = 0


@dataclass
class MatterDraft:
    """A matter as an editing form holds it: plain values, possibly wrong, checked by ``validate``."""

    code: str = ""
    name: str = ""
    category: str = "土地管理"
    tier: str = Tier.GENERAL.value
    legal_days: int = 1
    promised_days: int = 1
    description: str = ""
    applicants: str = ""
    window: str = ""
    consult_phone: str = ""
    complaint_phone: str = ""
    legal_basis: list[str] = field(default_factory=list)
    materials: list[MaterialDraft] = field(default_factory=list)
    fees: list[FeeDraft] = field(default_factory=list)
    steps: list[StepDraft] = field(default_factory=list)
    is_new: bool = False
    file: str = ""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a draft: the form field (``materials[2].name``) and a Chinese message."""

    field: str
    message: str


class DraftProblems(LanddeskError):
    """Drafts that cannot be saved: every problem of every matter, by matter code."""

    def __init__(self, problems: dict[str, list[Problem]]) -> None:
        lines = [f"{code or '新事项'}：{p.message}" for code, found in problems.items() for p in found]
        super().__init__("事项目录有以下问题，未保存：\n" + "\n".join(lines))
        self.problems = problems


@dataclass(frozen=True)
class MatterRow:
    """A matter of the current catalogue for the list, with how it differs from the reference."""

    code: str
    name: str
    category: str
    tier: Tier
    legal_days: int
    promised_days: int
    material_count: int
    step_count: int
    locally_changed: bool  # differs from the reference version (本地修改)
    local_only: bool  # not in the reference version at all (本地新增)
    differences: tuple[str, ...]  # what differs, in Chinese


@dataclass(frozen=True)
class VersionRow:
    id: uuid.UUID
    version: str
    source: str  # bundled / county / local
    source_label: str
    issued_by: str
    issued_on: Any  # dt.date
    loaded_at: Any  # dt.datetime (UTC)
    is_current: bool
    is_reference: bool
    matter_count: int
    note: str  # why a local version was made (empty for the county's)
    saved_by: str


@dataclass(frozen=True)
class CatalogOverview:
    current: VersionRow
    reference: VersionRow | None
    matters: tuple[MatterRow, ...]
    removed: tuple[str, ...]  # reference matters missing from the current version (code 名称)


# ================================================================ drafts and specs


def draft_from_spec(spec: MatterSpec) -> MatterDraft:
    return MatterDraft(
        code=spec.code,
        name=spec.name,
        category=spec.category,
        tier=spec.tier.value,
        legal_days=spec.legal_days,
        promised_days=spec.promised_days,
        description=spec.description,
        applicants=spec.applicants,
        window=spec.window,
        consult_phone=spec.consult_phone,
        complaint_phone=spec.complaint_phone,
        legal_basis=list(spec.legal_basis),
        materials=[MaterialDraft(m.code, m.name, m.form.value, m.copies, m.required, m.condition,
                                 m.note, m.source) for m in spec.materials],
        fees=[FeeDraft(f.name, f.amount, f.basis) for f in spec.fees],
        steps=[StepDraft(s.name, s.role.value, s.time_limit_days) for s in spec.steps],
        file=spec.file,
    )


def draft_mapping(draft: MatterDraft) -> dict[str, Any]:
    """The draft as the keys of a matter file, for app.catalog's checks."""
    return {
        "code": draft.code,
        "name": draft.name,
        "category": draft.category,
        "tier": draft.tier,
        "legal_days": draft.legal_days,
        "promised_days": draft.promised_days,
        "description": draft.description,
        "applicants": draft.applicants,
        "window": draft.window,
        "consult_phone": draft.consult_phone,
        "complaint_phone": draft.complaint_phone,
        "legal_basis": list(draft.legal_basis),
        "materials": [dataclasses.asdict(m) for m in draft.materials],
        "fees": [dataclasses.asdict(f) for f in draft.fees],
        "steps": [{"order": i, **dataclasses.asdict(s)} for i, s in enumerate(draft.steps, start=1)],
    }


def spec_of(matter: Matter) -> MatterSpec:
    """A stored matter (spec JSON + its material rows, loaded) as a MatterSpec."""
    data = matter.spec
    return MatterSpec(
        code=matter.code,
        name=data.get("name", matter.name),
        category=data.get("category", matter.category),
        tier=Tier(data.get("tier", matter.tier)),
        legal_days=int(data.get("legal_days", matter.legal_days)),
        promised_days=int(data.get("promised_days", matter.promised_days)),
        description=data.get("description", ""),
        applicants=data.get("applicants", ""),
        materials=tuple(
            MaterialSpec(code=r.code, name=r.name, form=MaterialForm(r.form), copies=r.copies,
                         required=r.required, condition=r.condition, note=r.note, source=r.source)
            for r in matter.materials
        ),
        fees=tuple(FeeSpec(f["name"], f["amount"], f["basis"]) for f in data.get("fees", ())),
        legal_basis=tuple(data.get("legal_basis", ())),
        steps=tuple(
            RoutingStepSpec(int(s["order"]), s["name"], Role(s["role"]), int(s["time_limit_days"]))
            for s in data.get("steps", ())
        ),
        window=data.get("window", ""),
        consult_phone=data.get("consult_phone", ""),
        complaint_phone=data.get("complaint_phone", ""),
        file=data.get("file", ""),
    )


def _content(spec: MatterSpec) -> dict[str, Any]:
    """What a matter says, without where it was read from."""
    data = dataclasses.asdict(spec)
    data.pop("file")
    return data


def content_checksum(version: str, issued_by: str, issued_on: Any, matters: Iterable[MatterSpec]) -> str:
    """SHA-256 of a version's canonical content (sorted keys, matters by code)."""
    body = {
        "version": version,
        "issued_by": issued_by,
        "issued_on": issued_on.isoformat(),
        "matters": [_content(m) for m in sorted(matters, key=lambda m: m.code)],
    }
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ================================================================ differences


def _days(value: int) -> str:
    return "即办" if value == 0 else f"{value} 个工作日"


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 16 else text[:16] + "…"


def differences(current: MatterSpec, reference: MatterSpec) -> tuple[str, ...]:
    """What ``current`` changes against the reference version of the same matter, in Chinese."""
    found: list[str] = []
    for key in ("name", "category", "tier", "legal_days", "promised_days", "window",
                "consult_phone", "complaint_phone"):
        old, new = getattr(reference, key), getattr(current, key)
        if old != new:
            if key == "tier":
                old, new = Tier(old).label, Tier(new).label
            elif key.endswith("_days"):
                old, new = _days(old), _days(new)
            found.append(f"{FIELD_LABELS[key]}：{_short(old) or '（空）'} → {_short(new) or '（空）'}")
    for key in ("description", "applicants", "legal_basis", "fees"):
        if getattr(reference, key) != getattr(current, key):
            found.append(f"{FIELD_LABELS[key]}已修改")
    old_materials = {m.code: m for m in reference.materials}
    new_materials = {m.code: m for m in current.materials}
    for code, material in new_materials.items():
        if code not in old_materials:
            found.append(f"新增材料 {code} {_short(material.name)}")
    for code, material in old_materials.items():
        if code not in new_materials:
            found.append(f"删除材料 {code} {_short(material.name)}")
    for code, material in new_materials.items():
        old = old_materials.get(code)
        if old is not None and old != material:
            changed = [label for key, label in _MATERIAL_LABELS.items()
                       if getattr(old, key) != getattr(material, key)]
            found.append(f"材料 {code} 修改了{'、'.join(changed)}")
    common_old = [c for c in old_materials if c in new_materials]
    common_new = [c for c in new_materials if c in old_materials]
    if common_old != common_new:
        found.append("材料顺序已调整")
    if reference.steps != current.steps:
        old_steps = "→".join(f"{s.name}({s.time_limit_days})" for s in reference.steps)
        new_steps = "→".join(f"{s.name}({s.time_limit_days})" for s in current.steps)
        found.append(f"办理步骤：{old_steps} 改为 {new_steps}")
    return tuple(found)


# app.catalog speaks to someone editing a TOML file; the form has check boxes and lists instead.
_FORM_WORDING: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(a), b) for a, b in (
    (r"（\[\[\w+\]\]）", ""),
    (r"（role = \"\w+\"）", ""),
    (r"须有 role = \"collective\" 的集体会审步骤", "须有办理人为“集体会审”的步骤"),
    (r"加一个 role = \"leader\" 的步骤", "加一个办理人为“主要领导”的签批步骤"),
    (r"（required = true）", "（勾选了“必交”）"),
    (r"（required = false）", "（未勾选“必交”）"),
    (r"请把 required 改为 false", "请取消勾选“必交”"),
    (r"不应填写 condition", "不应填写“提交情形”"),
    (r"必须在 condition 中写明", "必须在“提交情形”中写明"),
    (r"留空（\"\"）", "留空"),
))


def for_form(message: str) -> str:
    """A catalogue-file message reworded for the editing form."""
    for pattern, replacement in _FORM_WORDING:
        message = pattern.sub(replacement, message)
    return message


# ================================================================ the service


_EDIT_NUMBER = re.compile(rf"-(?:{LOCAL_MARK}|{COUNTY_MARK})(\d+)$")


class CatalogEditService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference

    # ------------------------------------------------------------ reading

    def overview(self) -> CatalogOverview:
        """The current version's matters, each compared with the reference version."""
        with self.ctx.reading() as s:
            current = self._current(s)
            ref = self._reference(s)
            specs = self._specs(s, current.id)
            ref_specs = self._specs(s, ref.id) if ref is not None else {}
            notes = self._notes(s)
            current_row = self._version_row(s, current, ref, notes)
            ref_row = self._version_row(s, ref, ref, notes) if ref is not None else None
        rows = []
        for code, spec in sorted(specs.items()):
            base = ref_specs.get(code)
            diff = differences(spec, base) if base is not None else ("本地新增事项",)
            rows.append(MatterRow(
                code=code, name=spec.name, category=spec.category, tier=spec.tier,
                legal_days=spec.legal_days, promised_days=spec.promised_days,
                material_count=len(spec.materials), step_count=len(spec.steps),
                locally_changed=bool(diff), local_only=base is None, differences=diff,
            ))
        removed = tuple(f"{code} {spec.name}" for code, spec in sorted(ref_specs.items())
                        if code not in specs)
        return CatalogOverview(current=current_row, reference=ref_row, matters=tuple(rows),
                               removed=removed)

    def matters(self) -> list[MatterRow]:
        return list(self.overview().matters)

    def current_spec(self, code: str) -> MatterSpec:
        with self.ctx.reading() as s:
            specs = self._specs(s, self._current(s).id)
        try:
            return specs[code]
        except KeyError:
            raise NotFoundError(f"当前事项目录中没有编码为 {code} 的事项") from None

    def reference_spec(self, code: str) -> MatterSpec | None:
        """The matter as the reference (county) version has it; None if the office added it."""
        with self.ctx.reading() as s:
            ref = self._reference(s)
            return self._specs(s, ref.id).get(code) if ref is not None else None

    def edit_draft(self, code: str | None = None) -> MatterDraft:
        """An editable copy of a current matter, or (``code=None``) a new matter to fill in."""
        if code is not None:
            return draft_from_spec(self.current_spec(code))
        with self.ctx.reading() as s:
            specs = list(self._specs(s, self._current(s).id).values())
        window = specs[0].window if specs else ""
        return MatterDraft(
            window=window,
            is_new=True,
            steps=[StepDraft("窗口受理", Role.WINDOW_CLERK.value, 0),
                   StepDraft("窗口办结", Role.WINDOW_CLERK.value, 1)],
        )

    def validate(self, draft: MatterDraft) -> list[Problem]:
        """Every problem of a draft at once; an empty list means it can be saved."""
        with self.ctx.reading() as s:
            codes = set(self._specs(s, self._current(s).id))
        return self._problems(draft, codes)[1]

    def spec_from_draft(self, draft: MatterDraft) -> MatterSpec:
        """The checked spec of a draft (for the brochure preview); DraftProblems if it has any."""
        with self.ctx.reading() as s:
            codes = set(self._specs(s, self._current(s).id))
        spec, problems = self._problems(draft, codes)
        if spec is None or problems:
            raise DraftProblems({str(draft.code): problems})
        return spec

    def draft_toml(self, draft: MatterDraft) -> str:
        """The draft as a matter file, for the county to adopt."""
        return matter_to_toml(self.spec_from_draft(draft))

    def matter_toml(self, code: str) -> str:
        return matter_to_toml(self.current_spec(code))

    def versions(self) -> list[VersionRow]:
        """Every catalogue version held, newest first."""
        with self.ctx.reading() as s:
            ref = self._reference(s)
            notes = self._notes(s)
            rows = s.scalars(select(CatalogVersion).order_by(
                CatalogVersion.issued_on.desc(), CatalogVersion.loaded_at.desc(),
                CatalogVersion.version.desc())).all()
            return [self._version_row(s, v, ref, notes) for v in rows]

    # ------------------------------------------------------------ changing

    def save(self, drafts: Sequence[MatterDraft], note: str, *,
             removed: Sequence[str] = ()) -> VersionRow:
        """Save edited, new and removed matters as a new local catalogue version, made current."""
        self.ctx.require(Action.EDIT_CATALOG)
        note = note.strip() if isinstance(note, str) else ""
        if not note:
            raise ValidationError("note", note, "empty", "请填写修改说明（为什么修改、依据什么），便于日后核对")
        if len(note) > NOTE_MAX:
            raise ValidationError("note", note, "length", f"修改说明最多 {NOTE_MAX} 个字，现在有 {len(note)} 个字")
        with self.ctx.transaction("catalog.save_local") as s:
            current = self._current(s)
            ref = self._reference(s)
            specs = self._specs(s, current.id)
            ref_specs = self._specs(s, ref.id) if ref is not None else {}
            codes = set(specs)
            problems: dict[str, list[Problem]] = {}
            seen: set[str] = set()
            matters = dict(specs)
            for draft in drafts:
                spec, found = self._problems(draft, codes)
                key = str(draft.code)
                if key in seen:
                    found = [*found, Problem("code", f"事项 {key} 在这次保存中出现了两次")]
                seen.add(key)
                if found or spec is None:
                    problems[key] = found
                    continue
                if not spec.file:
                    spec = dataclasses.replace(spec, file=f"{spec.code.lower()}.toml")
                matters[spec.code] = spec
            for code in removed:
                if code not in specs:
                    problems.setdefault(code, []).append(
                        Problem("code", f"当前事项目录中没有事项 {code}，无法删除"))
                elif code in ref_specs:
                    problems.setdefault(code, []).append(Problem(
                        "code", f"事项 {code} 是县局目录中的事项，本所不能删除；如确需停办，请报县局调整目录"))
                else:
                    matters.pop(code, None)
            if problems:
                raise DraftProblems(problems)
            if _same(matters, specs):
                raise StateError("没有任何修改，未保存新的目录版本")
            if ref is not None and _same(matters, ref_specs):
                # Every local change was undone: the county's version itself is current again.
                self._make_current(s, ref)
                saved = ref
            else:
                saved = self._store_local(s, current, ref, specs, matters, note)
            s.flush()
            # The reference afresh: a county's own edit is the new reference.
            row = self._version_row(s, saved, self._reference(s), self._notes(s))
        self.reference.forget_catalog()
        return row

    def revert_to_reference(self) -> VersionRow:
        """Make the reference (county or bundled) version current again; local versions stay in history."""
        self.ctx.require(Action.EDIT_CATALOG)
        with self.ctx.transaction("catalog.revert") as s:
            ref = self._reference(s)
            if ref is None:
                raise NotFoundError("没有县局或随程序发布的目录版本")
            if ref.is_current:
                raise StateError(f"当前使用的已经是{SOURCE_LABELS.get(ref.source, '')}目录 {ref.version}")
            self._make_current(s, ref)
            s.flush()
            row = self._version_row(s, ref, ref, self._notes(s))
        self.reference.forget_catalog()
        return row

    def make_current(self, version_id: uuid.UUID) -> VersionRow:
        """Use an earlier version again (e.g. a local version after the county's downlink)."""
        self.ctx.require(Action.EDIT_CATALOG)
        with self.ctx.transaction("catalog.make_current") as s:
            version = s.get(CatalogVersion, version_id)
            if version is None:
                raise NotFoundError("目录版本不存在")
            if version.is_current:
                raise StateError(f"目录版本 {version.version} 已是当前版本")
            self._make_current(s, version)
            s.flush()
            row = self._version_row(s, version, self._reference(s), self._notes(s))
        self.reference.forget_catalog()
        return row

    # ------------------------------------------------------------ internals

    def _problems(self, draft: MatterDraft, codes: set[str]) -> tuple[MatterSpec | None, list[Problem]]:
        try:
            data = draft_mapping(draft)
        except (TypeError, AttributeError):  # a list where a list of rows was expected …
            return None, [Problem("materials", "草稿的数据结构不对，请重新打开事项再编辑")]
        spec, errors = check_matter_mapping(data, str(draft.file or ""))
        problems = [Problem(e.field, for_form(e.reason)) for e in errors]
        code = draft.code if isinstance(draft.code, str) else ""
        if draft.is_new and code.strip() in codes:
            problems.append(Problem("code", f"事项编码 {code.strip()} 已在目录中，新事项请换一个编码"))
        elif not draft.is_new and code.strip() not in codes:
            problems.append(Problem("code", "已有事项的编码不能修改；如需新编码，请新增事项"))
        for key, limit in _LENGTHS.items():
            value = data[key]
            if isinstance(value, str) and len(value.strip()) > limit:
                problems.append(Problem(key, f"最多 {limit} 个字，现在有 {len(value.strip())} 个字"))
        for i, material in enumerate(data["materials"], start=1):
            for key, limit in _MATERIAL_LENGTHS.items():
                value = material.get(key)
                if isinstance(value, str) and len(value.strip()) > limit:
                    problems.append(Problem(f"materials[{i}].{key}",
                                            f"最多 {limit} 个字，现在有 {len(value.strip())} 个字"))
        return (spec if not problems else None), problems

    def _current(self, s: Session) -> CatalogVersion:
        version = s.scalars(select(CatalogVersion).where(CatalogVersion.is_current)
                            .order_by(CatalogVersion.loaded_at.desc())).first()
        if version is None:
            raise NotFoundError("数据库中没有当前事项目录")
        return version

    def _reference(self, s: Session) -> CatalogVersion | None:
        """The newest version not made here: the county's, else the one shipped with the program."""
        return s.scalars(select(CatalogVersion).where(CatalogVersion.source != "local")
                         .order_by(CatalogVersion.issued_on.desc(), CatalogVersion.loaded_at.desc(),
                                   CatalogVersion.version.desc())).first()

    def _specs(self, s: Session, version_id: uuid.UUID) -> dict[str, MatterSpec]:
        rows = s.scalars(select(Matter).where(Matter.catalog_version_id == version_id)
                         .options(selectinload(Matter.materials)).order_by(Matter.code)).all()
        return {m.code: spec_of(m) for m in rows}

    def _notes(self, s: Session) -> dict[str, dict[str, Any]]:
        rows = s.scalars(select(Setting).where(Setting.key.startswith(NOTE_PREFIX))).all()
        return {r.key[len(NOTE_PREFIX):]: dict(r.value) for r in rows}

    def _version_row(self, s: Session, v: CatalogVersion, ref: CatalogVersion | None,
                     notes: dict[str, dict[str, Any]]) -> VersionRow:
        count = len(s.scalars(select(Matter.id).where(Matter.catalog_version_id == v.id)).all())
        note = notes.get(str(v.id), {})
        return VersionRow(
            id=v.id, version=v.version, source=v.source,
            source_label=SOURCE_LABELS.get(v.source, v.source), issued_by=v.issued_by,
            issued_on=v.issued_on, loaded_at=v.loaded_at, is_current=v.is_current,
            is_reference=ref is not None and v.id == ref.id, matter_count=count,
            note=str(note.get("note", "")), saved_by=str(note.get("saved_by", "")),
        )

    def _make_current(self, s: Session, version: CatalogVersion) -> None:
        # Row by row through the ORM, not one UPDATE: the audit and change logs see flushed objects.
        for other in s.scalars(select(CatalogVersion).where(CatalogVersion.is_current,
                                                            CatalogVersion.id != version.id)):
            other.is_current = False
        version.is_current = True

    def _is_county(self, s: Session) -> bool:
        office = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
        return office is not None and office.is_county

    def _store_local(self, s: Session, current: CatalogVersion, ref: CatalogVersion | None,
                     before: dict[str, MatterSpec], matters: dict[str, MatterSpec],
                     note: str) -> CatalogVersion:
        office = office_info(s, self.ctx) if self.ctx.office_id else None
        # At the county an edit is the county's own catalogue (it goes down to every township
        # as the reference); at a township it is a local version.
        county = office is not None and self._is_county(s)
        source, mark = ("county", COUNTY_MARK) if county else ("local", LOCAL_MARK)
        base = _EDIT_NUMBER.sub("", (ref or current).version)
        taken = [int(m.group(1)) for v in s.scalars(select(CatalogVersion.version))
                 if v.startswith(base) and (m := _EDIT_NUMBER.search(v)) and mark in v]
        version = f"{base}-{mark}{max(taken, default=0) + 1}"
        issued_by = office.name if office is not None else "本所"
        issued_on = self.ctx.today()
        ordered = tuple(matters[code] for code in sorted(matters))
        checksum = content_checksum(version, issued_by, issued_on, ordered)
        catalog = Catalog(version=version, issued_by=issued_by, issued_on=issued_on, matters=ordered)
        import_catalog(s, catalog, checksum, source)
        # Stamped with the service clock before the insert is flushed: one row in the logs.
        stored = next(o for o in s.new if isinstance(o, CatalogVersion) and o.checksum == checksum)
        stored.loaded_at = self.ctx.now()
        user = s.get(User, self.ctx.user_id) if self.ctx.user_id else None
        changed = sorted(code for code in set(matters) | set(before)
                         if matters.get(code) != before.get(code))
        s.add(Setting(key=f"{NOTE_PREFIX}{stored.id}", value={
            "note": note, "saved_by": user.display_name if user else "",
            "based_on": current.version, "changed": changed,
        }))
        return stored


def write_matter_toml(edit: CatalogEditService, code: str, out: Path) -> Path:
    """Write a current matter as a catalogue file (for ``landdesk catalog export``); atomic."""
    text = edit.matter_toml(code)
    out = Path(out)
    if out.is_dir():
        out = out / f"{code.lower()}.toml"
    return write_text_atomically(out, text)


def _same(a: dict[str, MatterSpec], b: dict[str, MatterSpec]) -> bool:
    return a.keys() == b.keys() and all(_content(a[k]) == _content(b[k]) for k in a)
