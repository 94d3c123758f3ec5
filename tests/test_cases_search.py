"""Searching and paging the case list the way it scales to a county's million cases.

Keyset pages, the two search plans (a union of index lookups for a narrow prefix, a walk in
list order for a broad one), the capped count and the county bureau's all-township list, each
checked against a plain reading of the same 40 demo cases.
"""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select

from app.models import Case, Office, User
from app.services import Services
from app.services import cases as cases_module
from app.services.cases import CaseRow, DueFilter, _prefix
from app.services.intake import CaseStatus
from tests.props import examples

pytestmark = pytest.mark.both_backends


def _all_pages(services: Services, size: int, **filters: object) -> list[CaseRow]:
    rows: list[CaseRow] = []
    while True:
        page = services.cases.search(limit=size, after=rows[-1] if rows else None, **filters)  # type: ignore[arg-type]
        rows.extend(page)
        if len(page) < size:
            return rows


def test_keyset_pages_list_every_case_once_in_order(demo_services: Services) -> None:
    whole = demo_services.cases.search(limit=500)
    assert len(whole) == 40
    paged = _all_pages(demo_services, 7)
    assert [r.id for r in paged] == [r.id for r in whole]
    # green channel first, then newest first
    keys = [(r.green_channel, r.received_at) for r in paged]
    assert keys == sorted(keys, reverse=True)
    # the old offset paging still gives the same pages
    assert [r.id for r in demo_services.cases.search(offset=7, limit=7)] == [r.id for r in whole[7:14]]


def test_keyset_pages_keep_the_filters(demo_services: Services) -> None:
    accepted = demo_services.cases.search(status=CaseStatus.ACCEPTED, limit=500)
    assert accepted
    assert [r.id for r in _all_pages(demo_services, 3, status=CaseStatus.ACCEPTED)] == [
        r.id for r in accepted]


def _search_terms(services: Services) -> list[str]:
    rows = services.cases.search(limit=500)
    details = [services.cases.detail(r.id) for r in rows[:6]]
    numbered = next(r for r in rows if r.number)
    return [
        numbered.number,  # a whole case number
        numbered.number[:12],  # its beginning: the township and year
        details[0].id_number[:6],  # every id of the county starts alike: a broad search
        details[1].id_number,
        details[1].id_number.lower(),  # an X typed in lower case
        details[2].phone[:3],
        details[3].phone,
        details[4].applicant_name[:1],  # the surname
        details[5].applicant_name,
        "无此人",
    ]


@pytest.mark.parametrize("limit", [0, 10_000_000])
def test_narrow_and_broad_plans_find_the_same_cases(demo_services: Services, monkeypatch,  # type: ignore[no-untyped-def]
                                                    limit: int) -> None:
    terms = _search_terms(demo_services)
    expected = {term: [r.id for r in demo_services.cases.search(term, limit=500)] for term in terms}
    # Force one plan for every search: 0 makes every search broad, a huge limit every one narrow.
    monkeypatch.setattr(cases_module, "SPARSE_LIMIT", limit)
    for term in terms:
        found = demo_services.cases.search(term, limit=500)
        assert [r.id for r in found] == expected[term], term
        assert demo_services.cases.count(term) == len(found)
        assert _all_pages_for(demo_services, term) == expected[term]


def _all_pages_for(services: Services, term: str) -> list[uuid.UUID]:
    rows: list[CaseRow] = []
    while True:
        page = services.cases.search(term, limit=4, after=rows[-1] if rows else None)
        rows.extend(page)
        if len(page) < 4:
            return [r.id for r in rows]


def test_search_matches_each_kind_of_prefix(demo_services: Services) -> None:
    rows = demo_services.cases.search(limit=500)
    target = next(r for r in rows if r.number)
    detail = demo_services.cases.detail(target.id)
    for term in (target.number, detail.id_number, detail.phone, detail.applicant_name):
        found = [r.id for r in demo_services.cases.search(term, limit=500)]
        assert target.id in found, term
    # a prefix, not a substring
    assert target.id not in [r.id for r in demo_services.cases.search(detail.phone[1:], limit=500)]
    notice = next((r for r in rows if r.number.startswith(target.number[:9]) and "B" in r.number), None)
    if notice is not None:  # one-time notices are numbered …B…
        assert notice.id in [r.id for r in demo_services.cases.search(notice.number.lower())]


def test_capped_count(demo_services: Services) -> None:
    everyone = demo_services.cases.search(limit=500)
    surname = demo_services.cases.detail(everyone[0].id).applicant_name[:1]
    exact = demo_services.cases.count(surname)
    assert exact == len(demo_services.cases.search(surname, limit=500))
    # at or under the cap the count is exact; above it, it only says "more than the cap"
    assert demo_services.cases.count(surname, cap=exact) == exact
    assert demo_services.cases.count(surname, cap=exact - 1) > exact - 1
    id_prefix = demo_services.cases.detail(everyone[0].id).id_number[:6]
    assert demo_services.cases.count(id_prefix, cap=5) > 5
    assert demo_services.cases.count(id_prefix, status=CaseStatus.INCOMPLETE, cap=500) == len(
        demo_services.cases.search(id_prefix, status=CaseStatus.INCOMPLETE, limit=500))
    assert demo_services.cases.count("无此人", cap=5) == 0
    assert demo_services.cases.count(cap=5) == 40  # without a search text the count is exact
    overdue = demo_services.cases.search(due=DueFilter.OVERDUE, limit=500)
    assert demo_services.cases.count(due=DueFilter.OVERDUE) == len(overdue)


def test_the_county_bureau_lists_every_townships_cases(demo_services: Services) -> None:
    township_office, township_user = demo_services.ctx.office_id, demo_services.ctx.user_id
    assert not demo_services.cases.spans_county()
    county_office, county_user = uuid.uuid4(), uuid.uuid4()
    with demo_services.ctx.transaction("test.county") as s:
        s.add(Office(id=county_office, code="370702000", name="示例县自然资源局", is_county=True))
        s.flush()
        s.add(User(id=county_user, office_id=county_office, username="xianju", display_name="周县局",
                   roles="admin"))
    demo_services.ctx.office_id, demo_services.ctx.user_id = county_office, county_user
    assert demo_services.cases.spans_county()
    rows = demo_services.cases.search(limit=500)
    assert len(rows) == demo_services.cases.count() == 40
    assert demo_services.cases.detail(rows[0].id).id == rows[0].id
    # another township's database (or office) still sees only its own cases
    other_office = uuid.uuid4()
    with demo_services.ctx.transaction("test.other") as s:
        s.add(Office(id=other_office, code="370702102", name="东关镇自然资源所"))
    demo_services.ctx.office_id = other_office
    assert demo_services.cases.search() == []
    demo_services.ctx.office_id, demo_services.ctx.user_id = township_office, township_user
    with demo_services.ctx.reading() as s:
        assert s.get(Case, rows[0].id) is not None


# Names with rare characters outside the BMP (𠀀, 𪚥), digits, Latin letters and LIKE's wildcards.
_TEXT = st.text(alphabet=st.sampled_from("王李丽芳𠀀𪚥13X%_\\a"), max_size=5)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(_TEXT, max_size=12), term=_TEXT.filter(bool))
def test_prefix_matches_exactly_what_starts_with_the_term(services: Services, values: list[str],
                                                          term: str) -> None:
    engine = services.ctx.db.engine
    table = Table("prefix_probe", MetaData(), Column("n", Integer, primary_key=True),
                  Column("v", String(20), index=True))
    table.create(engine, checkfirst=True)
    try:
        with engine.begin() as conn:
            if values:
                conn.execute(insert(table), [{"n": i, "v": v} for i, v in enumerate(values)])
            found = conn.scalars(select(table.c.n).where(
                _prefix(table.c.v, term, engine.dialect.name))).all()
    finally:
        table.drop(engine)
    assert sorted(found) == [i for i, v in enumerate(values) if v.startswith(term)]
