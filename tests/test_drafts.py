"""Drafts survive a crash: round trips, atomic writes, damaged files skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.drafts import DraftStore, form_from_json, form_to_json
from app.services.intake import ApplicantInput, IntakeForm, MaterialStatus, MaterialTick
from tests.conftest import FixedClock
from tests.props import examples

text = st.text(max_size=40)
ticks = st.builds(MaterialTick, code=st.text(min_size=1, max_size=5), status=st.sampled_from(list(MaterialStatus)),
                  copies_received=st.integers(0, 9), problem=text)
forms = st.builds(
    IntakeForm,
    matter_code=text,
    applicant=st.builds(ApplicantInput, kind=st.sampled_from(["person", "organisation"]), name=text,
                        id_number=text, phone=text, address=text, village=text),
    agent_name=text, summary=text, area=text, green_channel=st.booleans(),
    pending_due=st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
    materials=st.lists(ticks, max_size=6),
)


@given(forms)
@settings(max_examples=examples(200))
def test_json_round_trip(form: IntakeForm) -> None:
    assert form_from_json(form_to_json(form)) == form


def test_store_saves_lists_and_discards(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, FixedClock())
    draft_id = store.new_id()
    form = IntakeForm(matter_code="TD-001", applicant=ApplicantInput(name="张三"))
    store.save(draft_id, form)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")  # a half-written file
    listed = store.list()
    assert [d.id for d in listed] == [draft_id] and listed[0].applicant_name == "张三"
    loaded, case_id = store.load(draft_id)
    assert loaded == form and case_id is None
    assert not list(tmp_path.glob("*.tmp"))
    store.discard(draft_id)
    assert store.list() == []
