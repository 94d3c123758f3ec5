"""Local catalogue edits: validated all at once, saved as a new local version, compared with the county's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.catalog import (
    check_matter_mapping,
    load_catalog,
    matter_from_mapping,
    matter_to_toml,
    parse_matter,
)
from app.dto import Role
from app.errors import CatalogError, PermissionDenied, StateError, ValidationError
from app.models import (
    AuditLog,
    Case,
    CatalogVersion,
    ChangeLog,
    MaterialRequirement,
    Matter,
)
from app.services import Services
from app.services.catalog_edit import (
    DraftProblems,
    FeeDraft,
    MaterialDraft,
    MatterDraft,
    StepDraft,
    draft_from_spec,
    draft_mapping,
    write_matter_toml,
)
from tests.props import examples
from tests.sync_support import Pair, make_county, pair
from tests.test_intake_service import full_form
from tests.test_watch_services import add_user

_ = pair  # the fixture, imported for pytest


def counts(services: Services) -> dict[str, int]:
    with services.ctx.reading() as s:
        return {model.__name__: int(s.scalar(select(func.count()).select_from(model)) or 0)
                for model in (CatalogVersion, Matter, MaterialRequirement, AuditLog, ChangeLog)}


def shorter_promise(services: Services, code: str = "TD-001", days: int = 8) -> MatterDraft:
    """TD-001 with a shorter promise; its on-site survey step shrinks so the steps still fit."""
    draft = services.catalog_edit.edit_draft(code)
    draft.promised_days = days
    draft.steps[1].time_limit_days = min(5, 5 - (9 - days))
    return draft


# ------------------------------------------------------------------ saving


@pytest.mark.both_backends
def test_save_makes_a_current_local_version_with_the_change(services: Services) -> None:
    edit = services.catalog_edit
    before = services.reference.matter("TD-001")
    assert before.promised_days == 10 and before.catalog_version == "2026.1"

    saved = edit.save([shorter_promise(services)], "县局同意压缩承诺时限至8个工作日")

    assert saved.version == "2026.1-本地1" and saved.source == "local" and saved.is_current
    assert saved.note == "县局同意压缩承诺时限至8个工作日" and saved.saved_by == "王晓梅"
    assert saved.issued_by == "示例镇自然资源所" and saved.matter_count == 15
    after = services.reference.matter("TD-001")  # the cache was reset
    assert after.promised_days == 8 and after.catalog_version == "2026.1-本地1"
    assert after.id != before.id
    # Every other matter was copied unchanged into the new version.
    assert services.reference.matter("TD-002").catalog_version == "2026.1-本地1"
    assert edit.current_spec("TD-002") == edit.reference_spec("TD-002")
    # A second save is number 2, built on the first.
    second = edit.save([shorter_promise(services, "TD-001", 7)], "再压缩")
    assert second.version == "2026.1-本地2"
    versions = edit.versions()
    assert [v.version for v in versions] == ["2026.1-本地2", "2026.1-本地1", "2026.1"]
    assert [v.is_current for v in versions] == [True, False, False]
    assert versions[2].is_reference and versions[2].source_label == "随程序发布"


@pytest.mark.both_backends
def test_save_writes_audit_and_change_log_in_one_transaction(services: Services) -> None:
    before = counts(services)
    services.catalog_edit.save([shorter_promise(services)], "压缩时限")
    after = counts(services)
    assert after["CatalogVersion"] == before["CatalogVersion"] + 1
    assert after["Matter"] == before["Matter"] + 15
    with services.ctx.reading() as s:
        actions = set(s.scalars(select(AuditLog.action).where(AuditLog.seq > before["AuditLog"])))
        tables = set(s.scalars(select(ChangeLog.table_name).where(ChangeLog.seq > before["ChangeLog"])))
    assert actions == {"catalog.save_local"}
    assert {"catalog_version", "matter", "material_requirement"} <= tables


@pytest.mark.both_backends
def test_invalid_edit_reports_every_problem_and_changes_nothing(services: Services) -> None:
    edit = services.catalog_edit
    draft = edit.edit_draft("TD-001")
    draft.promised_days = 25  # legal limit is 20
    draft.materials[1].name = "   "
    draft.materials[2].code = "M01"  # duplicate
    draft.materials[3].copies = 0
    draft.consult_phone = "电话"
    draft.steps[3].time_limit_days = 5  # 分管领导 ≤ 2 for important matters

    problems = {p.field: p.message for p in edit.validate(draft)}
    assert problems["promised_days"].startswith("承诺时限 25 个工作日超过了法定时限 20")
    assert problems["materials[2].name"] == "不能为空"
    assert "重复" in problems["materials[3].code"]
    assert "份数" in problems["materials[4].copies"]
    assert "电话号码" in problems["consult_phone"]
    assert "分管领导环节须不超过 2 个工作日" in problems["steps[4].time_limit_days"]

    before = counts(services)
    with pytest.raises(DraftProblems) as caught:
        edit.save([draft], "试一试")
    assert set(caught.value.problems["TD-001"]) >= set(edit.validate(draft))
    assert "承诺时限 25" in caught.value.message
    assert counts(services) == before
    assert services.reference.matter("TD-001").promised_days == 10


def test_messages_speak_of_the_form_not_of_the_file(services: Services) -> None:
    draft = services.catalog_edit.edit_draft("TD-001")
    del draft.steps[4]  # 主要领导签批
    draft.materials[0].required = False  # conditional, but no condition given
    draft.materials = draft.materials[:1]
    messages = [p.message for p in services.catalog_edit.validate(draft)]
    assert "重要事项须依次经所长/科长审核、分管领导审核、主要领导签批，缺少：主要领导" in messages
    assert any("“提交情形”" in m for m in messages)
    assert not any("role =" in m or "required" in m or "[[" in m for m in messages)


def test_a_new_matter_needs_a_free_code_and_the_rules_of_its_tier(services: Services) -> None:
    edit = services.catalog_edit
    draft = edit.edit_draft(None)
    assert draft.is_new and draft.window and len(draft.steps) == 2
    problems = {p.field for p in edit.validate(draft)}
    assert {"code", "name", "description", "applicants", "legal_basis", "materials"} <= problems

    draft.code = "TD-001"
    assert any("已在目录中" in p.message for p in edit.validate(draft))
    draft = filled_new_matter(edit.edit_draft(None))
    assert edit.validate(draft) == []
    saved = edit.save([draft], "县局通知先行受理")
    assert saved.matter_count == 16
    row = next(m for m in edit.matters() if m.code == "TD-901")
    assert row.local_only and row.locally_changed and row.differences == ("本地新增事项",)


def filled_new_matter(draft: MatterDraft) -> MatterDraft:
    draft.code = "TD-901"
    draft.name = "测试用临时用地审查"
    draft.description = "说明"
    draft.applicants = "申请人"
    draft.legal_basis = ["《中华人民共和国土地管理法》第五十七条"]
    draft.materials = [MaterialDraft("M01", "申请表", "original", 1, True)]
    return draft


def test_existing_codes_cannot_change_and_county_matters_cannot_be_removed(services: Services) -> None:
    edit = services.catalog_edit
    draft = edit.edit_draft("TD-002")
    draft.code = "TD-902"
    assert any("编码不能修改" in p.message for p in edit.validate(draft))
    before = counts(services)
    with pytest.raises(DraftProblems) as caught:
        edit.save([], "删掉", removed=["TD-002"])
    assert "县局目录中的事项" in caught.value.message
    assert counts(services) == before
    # A matter the office added itself can go again.
    edit.save([filled_new_matter(edit.edit_draft(None))], "新增")
    edit.save([], "撤回新增", removed=["TD-901"])
    assert "TD-901" not in {m.code for m in edit.matters()}


def test_note_is_required_and_saving_nothing_is_refused(services: Services) -> None:
    edit = services.catalog_edit
    with pytest.raises(ValidationError) as caught:
        edit.save([shorter_promise(services)], "  ")
    assert caught.value.field == "note"
    with pytest.raises(StateError, match="没有任何修改"):
        edit.save([edit.edit_draft("TD-001")], "原样保存")


def test_only_an_administrator_may_save_or_revert(services: Services) -> None:
    clerk = add_user(services, "李娜", Role.WINDOW_CLERK, Role.SECTION_CHIEF)
    draft = shorter_promise(services)
    before = counts(services)
    admin = services.ctx.user_id
    services.ctx.user_id = clerk
    try:
        with pytest.raises(PermissionDenied, match="修改事项目录"):
            services.catalog_edit.save([draft], "压缩")
        with pytest.raises(PermissionDenied):
            services.catalog_edit.revert_to_reference()
        assert services.catalog_edit.validate(draft) == []  # looking is allowed
    finally:
        services.ctx.user_id = admin
    assert counts(services) == before


# ------------------------------------------------------------------ cases and intake


def test_cases_keep_their_matter_and_intake_uses_the_new_version(services: Services) -> None:
    old_case = services.intake.accept(full_form(services))
    services.catalog_edit.save([shorter_promise(services)], "压缩")
    new_case = services.intake.accept(full_form(services))
    with services.ctx.reading() as s:
        old_row = s.scalar(select(Case).where(Case.number == old_case.number))
        new_row = s.scalar(select(Case).where(Case.number == new_case.number))
        assert old_row is not None and new_row is not None
        old_matter = s.get(Matter, old_row.matter_id)
        new_matter = s.get(Matter, new_row.matter_id)
        assert old_matter is not None and new_matter is not None
        assert (old_matter.promised_days, new_matter.promised_days) == (10, 8)
    # Accepted Monday 2026-11-23: 10 working days → 12-07, 8 → 12-03.
    assert str(old_case.document.due_date) == "2026-12-07"  # type: ignore[union-attr]
    assert str(new_case.document.due_date) == "2026-12-03"  # type: ignore[union-attr]
    # The old case still reads its own catalogue entry.
    assert services.reference.matter_spec(old_row.matter_id)["promised_days"] == 10


@pytest.mark.both_backends
def test_revert_makes_the_reference_current_and_keeps_history(services: Services) -> None:
    edit = services.catalog_edit
    edit.save([shorter_promise(services)], "压缩")
    reverted = edit.revert_to_reference()
    assert reverted.version == "2026.1" and reverted.is_current and reverted.is_reference
    assert services.reference.matter("TD-001").promised_days == 10
    assert not any(m.locally_changed for m in edit.matters())
    with pytest.raises(StateError, match="已经是"):
        edit.revert_to_reference()
    local = next(v for v in edit.versions() if v.source == "local")
    edit.make_current(local.id)
    assert services.reference.matter("TD-001").promised_days == 8


def test_undoing_every_local_change_returns_to_the_reference(services: Services) -> None:
    edit = services.catalog_edit
    edit.save([shorter_promise(services)], "压缩")
    back = edit.save([shorter_promise(services, days=10)], "恢复原时限")
    assert back.version == "2026.1" and back.is_reference and back.is_current


# ------------------------------------------------------------------ differences


def test_list_flags_local_changes_and_says_what_differs(services: Services) -> None:
    edit = services.catalog_edit
    draft = shorter_promise(services)
    draft.materials[0].note = "到窗口领取"
    draft.materials.append(MaterialDraft("M10", "不动产权籍调查表", "original", 1, False, "已有调查成果的"))
    del draft.materials[5]  # M06
    draft.materials[0], draft.materials[1] = draft.materials[1], draft.materials[0]
    draft.steps[1].time_limit_days = 3
    draft.fees = [FeeDraft("工本费", "10元", "《……》")]
    edit.save([draft], "本所调整")

    overview = edit.overview()
    assert overview.current.version == "2026.1-本地1"
    assert overview.reference is not None and overview.reference.version == "2026.1"
    rows = {m.code: m for m in overview.matters}
    assert not rows["TD-002"].locally_changed and rows["TD-002"].differences == ()
    diff = rows["TD-001"].differences
    assert rows["TD-001"].locally_changed and not rows["TD-001"].local_only
    assert "承诺时限：10 个工作日 → 8 个工作日" in diff
    assert "收费已修改" in diff
    assert any(d.startswith("新增材料 M10") for d in diff)
    assert any(d.startswith("删除材料 M06") for d in diff)
    assert "材料 M01 修改了备注" in diff
    assert "材料顺序已调整" in diff
    assert any(d.startswith("办理步骤：") and "实地踏勘与审查(3)" in d for d in diff)


# ------------------------------------------------------------------ files and sync


def test_every_shipped_matter_round_trips_through_toml() -> None:
    for spec in load_catalog().matters:
        assert parse_matter(matter_to_toml(spec), spec.file) == spec


def test_exported_toml_of_an_edited_matter_reads_back(services: Services) -> None:
    draft = shorter_promise(services)
    draft.name = '带"引号"和\\反斜杠的事项'
    text = services.catalog_edit.draft_toml(draft)
    spec = parse_matter(text, "td-001.toml")
    assert spec.promised_days == 8 and spec.name == draft.name


def test_local_version_rides_up_to_the_county(pair: Pair) -> None:
    township, county = pair.township, pair.county
    saved = township.catalog_edit.save([shorter_promise(township)], "压缩")
    result = township.sync.export_batch(pair.usb)
    [report] = county.sync.import_files([result.path])
    assert report.outcome == "applied"
    with county.ctx.reading() as s:
        held = s.get(CatalogVersion, saved.id)
        assert held is not None and held.source == "local" and held.version == "2026.1-本地1"
        matter = s.scalar(select(Matter).where(Matter.catalog_version_id == saved.id,
                                               Matter.code == "TD-001"))
        assert matter is not None and matter.promised_days == 8


def test_a_downlink_brings_the_county_version_back_and_the_local_one_stays_usable(pair: Pair) -> None:
    """The county owns the catalogue (docs/sync.md): its downlink makes its version current."""
    township, county = pair.township, pair.county
    local = township.catalog_edit.save([shorter_promise(township)], "压缩")
    county.sync.import_files([township.sync.export_batch(pair.usb).path])
    edited = county.catalog_edit.edit_draft("TD-002")
    edited.window = "县政务服务中心自然资源窗口"
    county.catalog_edit.save([edited], "统一窗口名称")
    [downlink] = county.sync.export_downlinks(pair.usb / "down")
    [report] = township.sync.import_files([downlink])
    assert report.outcome == "applied", report.message

    overview = township.catalog_edit.overview()
    assert overview.current.version == "2026.1-县局修订1" and overview.current.is_reference
    assert township.reference.matter("TD-002").catalog_version == "2026.1-县局修订1"
    assert township.reference.matter("TD-001").promised_days == 10
    # The office's own edit is kept and can be used again (it then shows as 本地修改 against
    # the new county version: the window it predates differs too).
    township.catalog_edit.make_current(local.id)
    rows = {m.code: m for m in township.catalog_edit.matters()}
    assert rows["TD-001"].locally_changed and rows["TD-002"].locally_changed


def test_an_edit_at_the_county_is_the_county_catalogue(make_services) -> None:  # type: ignore[no-untyped-def]
    county = make_county(make_services)
    saved = county.catalog_edit.save([shorter_promise(county)], "县局修订宅基地审批时限")
    assert (saved.version, saved.source, saved.is_reference) == ("2026.1-县局修订1", "county", True)
    assert saved.issued_by == "示例县自然资源局"
    assert not any(m.locally_changed for m in county.catalog_edit.matters())
    assert county.reference.matter("TD-001").promised_days == 8


def test_county_keeps_its_own_catalogue_current(pair: Pair) -> None:
    township, county = pair.township, pair.county
    township.catalog_edit.save([shorter_promise(township)], "压缩")
    county.sync.import_files([township.sync.export_batch(pair.usb).path])
    county.reference.forget_catalog()
    assert county.reference.matter("TD-001").promised_days == 10
    with county.ctx.reading() as s:
        current = s.scalars(select(CatalogVersion).where(CatalogVersion.is_current)).all()
    assert [v.source for v in current] == ["bundled"]


# ------------------------------------------------------------------ property tests

_text = st.one_of(st.text(max_size=12), st.integers(), st.none(), st.booleans())
_number = st.one_of(st.integers(-5, 1200), st.text(max_size=3), st.none(), st.floats(allow_nan=True))

_materials = st.lists(st.builds(MaterialDraft, code=_text, name=_text, form=_text, copies=_number,
                                required=st.one_of(st.booleans(), _text), condition=_text, note=_text,
                                source=_text), max_size=4)
_steps = st.lists(st.builds(StepDraft, name=_text,
                            role=st.one_of(st.sampled_from([r.value for r in Role]), _text),
                            time_limit_days=_number), max_size=5)
_drafts = st.builds(
    MatterDraft, code=st.one_of(st.from_regex(r"[A-Z]{2}-[0-9]{3}", fullmatch=True), _text),
    name=_text, category=_text, tier=st.one_of(st.sampled_from(["general", "important", "major"]), _text),
    legal_days=_number, promised_days=_number, description=_text, applicants=_text, window=_text,
    consult_phone=_text, complaint_phone=_text,
    legal_basis=st.one_of(st.lists(_text, max_size=3), _text), materials=_materials,
    fees=st.lists(st.builds(FeeDraft, name=_text, amount=_text, basis=_text), max_size=2),
    steps=_steps, is_new=st.booleans(),
)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(draft=_drafts)
def test_random_drafts_only_ever_give_problems(services: Services, draft: MatterDraft) -> None:
    problems = services.catalog_edit.validate(draft)
    assert all(p.field and p.message for p in problems)
    if not problems:
        spec, errors = check_matter_mapping(draft_mapping(draft))
        assert spec is not None and errors == []


@settings(max_examples=examples(100), deadline=None)
@given(index=st.integers(0, 14), name=st.text(min_size=1, max_size=30).filter(str.strip),
       note=st.text(max_size=30))
def test_any_text_round_trips_through_toml(index: int, name: str, note: str) -> None:
    spec = load_catalog().matters[index]
    material = dataclasses.replace(spec.materials[0], name=name.strip(), note=note.strip())
    changed = dataclasses.replace(spec, name=name.strip(), materials=(material, *spec.materials[1:]))
    assert parse_matter(matter_to_toml(changed), spec.file) == changed


def test_a_mapping_is_checked_with_the_file_rules_but_without_lines() -> None:
    spec = load_catalog().matter("TD-001")
    data = draft_mapping(draft_from_spec(spec))
    assert matter_from_mapping(data, spec.file) == spec
    data["promised_days"] = 30
    with pytest.raises(CatalogError) as caught:
        matter_from_mapping(data, "form")
    assert caught.value.field == "promised_days" and caught.value.line is None
    _spec, errors = check_matter_mapping({"code": "x"}, "form")
    assert errors and all(e.line is None for e in errors)


def test_export_command_writes_a_matter_file(services: Services, tmp_path: Path) -> None:
    path = write_matter_toml(services.catalog_edit, "TD-004", tmp_path)
    assert path.name == "td-004.toml"
    assert parse_matter(path.read_text(encoding="utf-8"), path.name) == load_catalog().matter("TD-004")


def test_catalog_export_on_the_command_line(services: Services, tmp_path: Path) -> None:
    from app.catalog import parse_matter
    from tests.conftest import landdesk

    path = services.ctx.db.sqlite_path
    services.catalog_edit.save([shorter_promise(services)], "压缩宅基地审批时限")
    services.ctx.db.dispose()
    out = tmp_path / "td-001.toml"
    assert landdesk(["catalog", "export", "TD-001", "-o", str(out), "--db", str(path), "--data-dir", str(tmp_path)]) == 0
    assert parse_matter(out.read_text(encoding="utf-8"), out.name).promised_days == 8
