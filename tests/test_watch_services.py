"""Watching time (督查): first-inquiry log, service ratings with follow-ups, supervision notices.

Deadlines are checked against what a person counts by hand on the 2026 calendar
(国庆 10月1日–7日 with 10月10日 worked, 中秋 9月25日, 春节 2月15日–23日 with
2月14日 and 2月28日 worked).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.dto import InquiryRegisterData, Role, SupervisionNoticeData
from app.errors import FormErrors, NotFoundError, PermissionDenied, StateError
from app.models import (
    AuditLog,
    CaseEvent,
    ChangeLog,
    Inquiry,
    SequenceCounter,
    ServiceRating,
    SupervisionNotice,
    User,
)
from app.printing import render_document
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.inquiries import Channel, Handling, InquiryFilter, InquiryInput, InquiryService
from app.services.ratings import RatingLevel, RatingService
from app.services.supervision import SupervisionService
from tests.test_intake_service import full_form

pytestmark = pytest.mark.both_backends  # the core services, on SQLite and PostgreSQL

# -------------------------------------------------------------------------- helpers


@dataclass
class Watch:
    services: Services
    inquiries: InquiryService
    ratings: RatingService
    supervision: SupervisionService
    me: uuid.UUID  # 王晓梅: admin, window clerk, section chief (a leader)
    handler: uuid.UUID  # 李明: handler
    leader: uuid.UUID  # 赵国强: leader
    admin_only: uuid.UUID  # 孙伟: administrator, no working role


def add_user(services: Services, name: str, *roles: Role) -> uuid.UUID:
    user_id = uuid.uuid4()
    with services.ctx.transaction("test.add_user") as s:
        s.add(User(id=user_id, office_id=services.ctx.office_id, username=f"u{user_id.hex[:10]}",
                   display_name=name, roles=",".join(r.value for r in roles)))
    return user_id


@pytest.fixture
def watch(services: Services) -> Watch:
    assert services.ctx.user_id is not None
    return Watch(
        services=services,
        inquiries=InquiryService(services.ctx, services.reference),
        ratings=RatingService(services.ctx, services.reference),
        supervision=SupervisionService(services.ctx, services.reference),
        me=services.ctx.user_id,
        handler=add_user(services, "李明", Role.HANDLER),
        leader=add_user(services, "赵国强", Role.LEADER),
        admin_only=add_user(services, "孙伟", Role.ADMIN),
    )


@contextmanager
def acting_as(watch: Watch, user_id: uuid.UUID) -> Iterator[None]:
    ctx = watch.services.ctx
    previous = ctx.user_id
    ctx.user_id = user_id
    try:
        yield
    finally:
        ctx.user_id = previous


def beijing(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LOCAL_TZ)


def fingerprint(services: Services) -> tuple[int, ...]:
    """Row counts of everything a watch action could write, and the audit chain's end."""
    with services.ctx.reading() as s:
        counts = tuple(int(s.scalar(select(func.count()).select_from(m)) or 0)
                       for m in (Inquiry, ServiceRating, SupervisionNotice, CaseEvent, SequenceCounter,
                                 AuditLog, ChangeLog))
        last = int(s.scalar(select(func.max(AuditLog.seq))) or 0)
        replies = int(s.scalar(select(func.count()).select_from(SupervisionNotice)
                               .where(SupervisionNotice.replied_at.is_not(None))) or 0)
        closed = int(s.scalar(select(func.count()).select_from(ServiceRating)
                              .where(ServiceRating.closed_at.is_not(None))) or 0)
        visits = int(s.scalar(select(func.count()).select_from(ServiceRating)
                              .where(ServiceRating.return_visit != "")) or 0)
    return (*counts, last, replies, closed, visits)


def inquiry(**changes: object) -> InquiryInput:
    form = InquiryInput(channel="visit", asker="张秀英", address="示例镇东王村3组",
                        phone="13853612345", question="宅基地翻建需要带哪些材料？")
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def pdf_text(pdf: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", text)


def accepted_case(services: Services) -> uuid.UUID:
    return services.intake.accept(full_form(services)).case_id


# -------------------------------------------------------------------------- first inquiry (首问负责)


def test_log_records_the_signed_in_user_as_first_and_responsible_officer(watch: Watch) -> None:
    inquiry_id = watch.inquiries.log(inquiry(phone="138 5361 2345"))
    item = watch.inquiries.get(inquiry_id)
    assert item.first_officer == item.responsible_officer == "王晓梅"
    assert item.first_officer_id == watch.me
    assert item.channel is Channel.VISIT and item.handling is Handling.ANSWERED
    assert item.phone == "13853612345"  # normalised by the phone validator
    assert item.closed_at is not None and not item.is_open  # answered on the spot is done
    with watch.services.ctx.reading() as s:
        actions = set(s.scalars(select(AuditLog.action).where(AuditLog.entity == "inquiry")))
    assert actions == {"inquiry.log"}


def test_log_reports_every_problem_at_once_and_saves_nothing(watch: Watch) -> None:
    before = fingerprint(watch.services)
    with pytest.raises(FormErrors) as info:
        watch.inquiries.log(InquiryInput(channel="email", asker="  ", phone="138123", question="",
                                         handling="forwarded", forwarded_to=" ",
                                         responsible_officer_id=uuid.uuid4()))
    errors = info.value.by_field()
    assert set(errors) == {"channel", "asker", "phone", "question", "forwarded_to",
                           "responsible_officer_id"}
    assert errors["asker"].message == "请填写来电或来访人的姓名，或者单位名称"
    assert errors["question"].message == "请填写来电来访反映或咨询的内容"
    assert errors["forwarded_to"].message == "转办时请写明转给哪个股室、单位或哪位同志"
    assert "手机" in errors["phone"].message
    assert fingerprint(watch.services) == before


def test_phone_is_optional_and_a_long_name_is_refused(watch: Watch) -> None:
    watch.inquiries.log(inquiry(phone=""))
    with pytest.raises(FormErrors) as info:
        watch.inquiries.log(inquiry(asker="张" * 101))
    assert info.value.by_field()["asker"].message.startswith("姓名或单位名称最多 100 个字")


def test_a_catalogue_code_is_stored_as_the_matter_name(watch: Watch) -> None:
    name = watch.services.reference.matter("TD-001").name
    assert watch.inquiries.get(watch.inquiries.log(inquiry(matter="td-001"))).matter == name
    assert watch.inquiries.get(watch.inquiries.log(inquiry(matter="林地补偿"))).matter == "林地补偿"


def test_forwarded_inquiry_stays_open_until_closed_with_an_outcome(watch: Watch) -> None:
    inquiry_id = watch.inquiries.log(inquiry(handling="forwarded", forwarded_to="县局执法大队",
                                             responsible_officer_id=watch.handler))
    item = watch.inquiries.get(inquiry_id)
    assert item.is_open and item.responsible_officer == "李明" and item.first_officer == "王晓梅"
    assert [i.id for i in watch.inquiries.search(which=InquiryFilter.OPEN)] == [inquiry_id]

    with pytest.raises(FormErrors) as info:
        watch.inquiries.close(inquiry_id, "  ")
    assert set(info.value.by_field()) == {"outcome"}
    watch.inquiries.set_outcome(inquiry_id, "执法大队已联系当事人")  # noted, still open
    assert watch.inquiries.get(inquiry_id).is_open

    with acting_as(watch, watch.handler):  # the responsible officer closes it
        watch.inquiries.close(inquiry_id, "执法大队已现场核查并答复")
    item = watch.inquiries.get(inquiry_id)
    assert not item.is_open and item.outcome == "执法大队已现场核查并答复"
    assert watch.inquiries.count(which=InquiryFilter.OPEN) == 0
    with pytest.raises(StateError):
        watch.inquiries.close(inquiry_id, "再次办结")


def test_answered_inquiry_drops_a_forwarding_target(watch: Watch) -> None:
    item = watch.inquiries.get(watch.inquiries.log(inquiry(forwarded_to="规划股")))
    assert item.forwarded_to == ""


def test_search_by_name_phone_matter_and_text_with_paging(watch: Watch, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = beijing(2026, 11, 20, 9, 0)
    watch.inquiries.log(inquiry(asker="东王村村委会", phone="05368123456", matter="土地承包"))
    clock.now = beijing(2026, 11, 23, 9, 0)
    watch.inquiries.log(inquiry(asker="刘大山", phone="13900001111", channel="phone",
                                question="征地补偿标准是多少？"))
    clock.now = beijing(2026, 11, 23, 9, 30)
    watch.inquiries.log(inquiry(asker="刘小红", handling="forwarded", forwarded_to="规划股"))

    assert [i.asker for i in watch.inquiries.search("刘")] == ["刘小红", "刘大山"]  # newest first
    assert [i.asker for i in watch.inquiries.search("村委")] == ["东王村村委会"]
    assert [i.asker for i in watch.inquiries.search("1390")] == ["刘大山"]
    assert [i.asker for i in watch.inquiries.search("征地补偿")] == ["刘大山"]
    assert [i.asker for i in watch.inquiries.search("规划股")] == ["刘小红"]
    assert watch.inquiries.search("100%") == []  # LIKE wildcards are taken literally
    assert watch.inquiries.count(day_from=dt.date(2026, 11, 23)) == 2
    assert watch.inquiries.count(day_to=dt.date(2026, 11, 22)) == 1
    assert watch.inquiries.count(which=InquiryFilter.ANSWERED) == 2
    assert watch.inquiries.count(which=InquiryFilter.FORWARDED) == 1
    assert [i.asker for i in watch.inquiries.search(offset=1, limit=1)] == ["刘大山"]


def test_register_uses_beijing_day_boundaries(watch: Watch, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = beijing(2026, 11, 23, 23, 59)  # 15:59 UTC
    watch.inquiries.log(inquiry(asker="晚上来电", channel="phone"))
    clock.now = beijing(2026, 11, 24, 0, 1)  # still 23 November in UTC
    watch.inquiries.log(inquiry(asker="零点后来电", channel="phone", handling="forwarded",
                                forwarded_to="县局地籍股"))
    clock.now = beijing(2026, 11, 24, 8, 0)

    monday = watch.inquiries.register(dt.date(2026, 11, 23))
    tuesday = watch.inquiries.register()  # today, in Beijing
    assert isinstance(monday, InquiryRegisterData)
    assert [r.asker for r in monday.rows] == ["晚上来电"]
    assert tuesday.day == dt.date(2026, 11, 24)
    assert [r.asker for r in tuesday.rows] == ["零点后来电"]
    row = tuesday.rows[0]
    assert (row.channel, row.handling, row.forwarded_to) == ("来电", "转办", "县局地籍股")
    assert row.first_officer == row.responsible_officer == "王晓梅"
    assert monday.office.code == "370702101"
    day = dt.date(2026, 11, 24)
    assert [i.asker for i in watch.inquiries.search(day_from=day, day_to=day)] == ["零点后来电"]

    text = pdf_text(render_document(tuesday))
    assert "首问负责登记簿" in text and "零点后来电" in text and "县局地籍股" in text


def test_inquiry_permissions_leave_the_database_unchanged(watch: Watch) -> None:
    inquiry_id = watch.inquiries.log(inquiry(handling="forwarded", forwarded_to="规划股"))
    before = fingerprint(watch.services)
    with acting_as(watch, watch.admin_only), pytest.raises(PermissionDenied) as info:
        watch.inquiries.log(inquiry())
    assert "首问登记" in info.value.message
    with acting_as(watch, watch.handler), pytest.raises(PermissionDenied) as info:
        watch.inquiries.close(inquiry_id, "不是我的登记")  # neither first nor responsible officer
    assert "首问人、责任人或领导" in info.value.message
    assert fingerprint(watch.services) == before
    with acting_as(watch, watch.leader):  # a leader may close anyone's
        watch.inquiries.close(inquiry_id, "所长已协调答复")


def test_unknown_inquiry_is_not_found(watch: Watch) -> None:
    with pytest.raises(NotFoundError):
        watch.inquiries.get(uuid.uuid4())
    with pytest.raises(NotFoundError):
        watch.inquiries.close(uuid.uuid4(), "办结")


# -------------------------------------------------------------------------- ratings (好差评)


def test_good_rating_opens_no_follow_up_and_shows_on_the_inquiry(watch: Watch) -> None:
    inquiry_id = watch.inquiries.log(inquiry())
    watch.ratings.rate(5, inquiry_id=inquiry_id)
    assert watch.ratings.open_follow_ups() == []
    assert watch.inquiries.get(inquiry_id).rating == 5
    with watch.services.ctx.reading() as s:
        row = s.scalars(select(ServiceRating)).one()
    assert row.follow_up_due is None and row.follow_up_by is None and row.recorded_by == watch.me
    assert [RatingLevel(n).label for n in (5, 4, 3, 2, 1)] == [
        "非常满意", "满意", "基本满意", "不满意", "非常不满意"]


def test_bad_rating_over_national_day_is_due_five_working_days_later(watch: Watch, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = beijing(2026, 9, 30, 16, 0)  # Wednesday before the National Day holiday
    inquiry_id = watch.inquiries.log(inquiry(responsible_officer_id=watch.handler))
    rating_id = watch.ratings.rate(2, "等了一个小时没人接待", inquiry_id=inquiry_id)
    # 10-01…10-07 holiday; counted: 10-08 Thu, 10-09 Fri, 10-10 Sat (make-up day), 10-12 Mon, 10-13 Tue.
    (item,) = watch.ratings.open_follow_ups()
    assert item.id == rating_id and item.follow_up_due == dt.date(2026, 10, 13)
    assert item.follow_up_by == "李明"  # the inquiry's responsible officer by default
    assert item.level is RatingLevel.DISSATISFIED and item.subject == "首问登记：张秀英"
    assert not item.overdue


def test_follow_up_days_come_from_the_setting(watch: Watch) -> None:
    assert watch.ratings.follow_up_days() == 5
    assert watch.ratings.set_follow_up_days(3) == 3
    case_id = accepted_case(watch.services)
    watch.ratings.rate(1, "窗口态度差", case_id=case_id, follow_up_by=watch.handler)
    (item,) = watch.ratings.open_follow_ups()
    assert item.follow_up_due == dt.date(2026, 11, 26)  # Mon 23 + 3 working days
    assert item.subject == "办件 3707021012026000001" and item.follow_up_by == "李明"
    with pytest.raises(FormErrors):
        watch.ratings.set_follow_up_days(0)
    with acting_as(watch, watch.handler), pytest.raises(PermissionDenied):
        watch.ratings.set_follow_up_days(7)


def test_case_rating_follow_up_defaults_to_the_clerk(watch: Watch) -> None:
    case_id = accepted_case(watch.services)
    watch.ratings.rate(1, "材料被要求交了三次", case_id=case_id)
    (item,) = watch.ratings.open_follow_ups()
    assert item.follow_up_by_id == watch.me and item.case_id == case_id
    assert item.follow_up_due == dt.date(2026, 11, 30)


def test_rating_problems_reported_at_once(watch: Watch) -> None:
    before = fingerprint(watch.services)
    with pytest.raises(FormErrors) as info:
        watch.ratings.rate(0)
    assert set(info.value.by_field()) == {"level", "subject"}
    with pytest.raises(FormErrors) as info:
        watch.ratings.rate(2, " ", case_id=uuid.uuid4(), inquiry_id=uuid.uuid4())
    errors = info.value.by_field()
    assert set(errors) == {"comment", "subject"}
    assert errors["subject"].message == "一条评价只能针对一件办件或一条首问登记"
    with pytest.raises(FormErrors) as info:
        watch.ratings.rate(1, "差", inquiry_id=uuid.uuid4())
    assert info.value.by_field()["subject"].message == "找不到被评价的首问登记"
    inquiry_id = watch.inquiries.log(inquiry())
    before = fingerprint(watch.services)
    with pytest.raises(FormErrors) as info:
        watch.ratings.rate(1, "差", inquiry_id=inquiry_id, follow_up_by=watch.admin_only)
    assert set(info.value.by_field()) == {"follow_up_by"}
    assert fingerprint(watch.services) == before


def test_follow_up_needs_visit_and_rectification_before_closing(watch: Watch) -> None:
    inquiry_id = watch.inquiries.log(inquiry())
    rating_id = watch.ratings.rate(1, "答复前后矛盾", inquiry_id=inquiry_id)
    with pytest.raises(FormErrors) as info:
        watch.ratings.close(rating_id)
    assert set(info.value.by_field()) == {"return_visit", "rectification"}
    with pytest.raises(FormErrors):
        watch.ratings.record_follow_up(rating_id, "", " ")

    watch.ratings.record_follow_up(rating_id, "11月24日电话回访，群众表示理解", "")
    with pytest.raises(FormErrors) as info:
        watch.ratings.close(rating_id)
    assert set(info.value.by_field()) == {"rectification"}
    watch.ratings.record_follow_up(rating_id, "11月24日电话回访，群众表示理解",
                                   "一次性告知清单张贴到窗口")
    watch.ratings.close(rating_id)
    assert watch.ratings.open_follow_ups() == []
    assert watch.ratings.follow_up(rating_id).closed_at is not None
    with pytest.raises(StateError):
        watch.ratings.close(rating_id)
    with pytest.raises(StateError):
        watch.ratings.record_follow_up(rating_id, "再回访", "")
    good = watch.ratings.rate(4, inquiry_id=inquiry_id)
    with pytest.raises(StateError):
        watch.ratings.record_follow_up(good, "回访", "整改")


def test_follow_up_overdue_after_its_day(watch: Watch, clock) -> None:  # type: ignore[no-untyped-def]
    watch.ratings.rate(2, "办理太慢", inquiry_id=watch.inquiries.log(inquiry()))
    assert watch.ratings.open_follow_ups()[0].follow_up_due == dt.date(2026, 11, 30)
    clock.advance(days=7)  # Monday 30 November: the due day itself is not late
    assert not watch.ratings.open_follow_ups()[0].overdue
    clock.advance(days=1)
    assert watch.ratings.open_follow_ups()[0].overdue
    summary = watch.ratings.summary(dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert summary.overdue_follow_ups == 1 and summary.open_follow_ups == 1


def test_follow_up_only_by_its_person_or_a_leader(watch: Watch) -> None:
    rating_id = watch.ratings.rate(2, "没有一次性告知",
                                   inquiry_id=watch.inquiries.log(inquiry()),
                                   follow_up_by=watch.leader)
    other = add_user(watch.services, "周红", Role.WINDOW_CLERK)
    before = fingerprint(watch.services)
    with acting_as(watch, other), pytest.raises(PermissionDenied):
        watch.ratings.record_follow_up(rating_id, "回访", "整改")
    with acting_as(watch, watch.admin_only), pytest.raises(PermissionDenied):
        watch.ratings.rate(5, inquiry_id=watch.inquiries.search()[0].id)
    assert fingerprint(watch.services) == before
    assert [f.id for f in watch.ratings.open_follow_ups(mine=True)] == []
    with acting_as(watch, watch.leader):
        assert [f.id for f in watch.ratings.open_follow_ups(mine=True)] == [rating_id]
        watch.ratings.record_follow_up(rating_id, "已上门回访", "窗口增设引导员")
        watch.ratings.close(rating_id)


def test_summary_counts_each_level_within_beijing_days(watch: Watch, clock) -> None:  # type: ignore[no-untyped-def]
    inquiry_id = watch.inquiries.log(inquiry())
    clock.now = beijing(2026, 11, 22, 23, 59)
    watch.ratings.rate(3, inquiry_id=inquiry_id)
    clock.now = beijing(2026, 11, 23, 0, 1)
    for level in (5, 5, 4, 1):
        watch.ratings.rate(level, "不满意" if level == 1 else "", inquiry_id=inquiry_id)
    summary = watch.ratings.summary(dt.date(2026, 11, 23), dt.date(2026, 11, 30))
    assert summary.counts == {RatingLevel.VERY_SATISFIED: 2, RatingLevel.SATISFIED: 1,
                              RatingLevel.FAIRLY_SATISFIED: 0, RatingLevel.DISSATISFIED: 0,
                              RatingLevel.VERY_DISSATISFIED: 1}
    assert summary.total == 4 and summary.satisfied == 3 and summary.satisfaction_rate == 0.75
    assert summary.open_follow_ups == 1
    assert watch.ratings.summary(dt.date(2026, 11, 22), dt.date(2026, 11, 22)).total == 1


# -------------------------------------------------------------------------- supervision (督办单)


def test_issue_numbers_the_notice_and_counts_working_days(watch: Watch) -> None:
    case_id = accepted_case(watch.services)
    number = watch.supervision.issue(case_id, watch.handler, "请说明办理进度", reply_days=3)
    assert number == "3707021012026DB000001"
    (notice,) = watch.supervision.for_case(case_id)
    assert notice.reply_due == dt.date(2026, 11, 26)  # Mon 23 → Tue, Wed, Thu
    assert (notice.issued_by, notice.issued_to, notice.case_number) == (
        "王晓梅", "李明", "3707021012026000001")
    assert not notice.replied and not notice.overdue
    second = watch.supervision.issue(case_id, watch.handler, "再次督办",
                                     reply_due=dt.date(2026, 11, 24))
    assert second == "3707021012026DB000002"
    with watch.services.ctx.reading() as s:
        kinds = list(s.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case_id)
                               .order_by(CaseEvent.at)))
        actions = set(s.scalars(select(AuditLog.action).where(AuditLog.entity == "supervision_notice")))
    assert kinds.count("supervised") == 2
    assert actions == {"supervision.issue"}


@pytest.mark.parametrize(("issued", "days", "due"), [
    # Thu 24 Sep: 25 Sep is 中秋 → Mon 28, Tue 29, Wed 30.
    (beijing(2026, 9, 24, 10, 0), 3, dt.date(2026, 9, 30)),
    # Wed 30 Sep, then National Day: Thu 8 Oct, Fri 9 Oct, Sat 10 Oct (make-up working day).
    (beijing(2026, 9, 30, 10, 0), 3, dt.date(2026, 10, 10)),
    # Fri 13 Feb: Sat 14 Feb is worked, then 春节 15–23 Feb → Tue 24 Feb.
    (beijing(2026, 2, 13, 10, 0), 2, dt.date(2026, 2, 24)),
])
def test_reply_days_on_the_2026_calendar(watch: Watch, clock, issued: dt.datetime, days: int,  # type: ignore[no-untyped-def]
                                          due: dt.date) -> None:
    clock.now = issued
    case_id = accepted_case(watch.services)
    watch.supervision.issue(case_id, watch.handler, "加快办理", reply_days=days)
    assert watch.supervision.for_case(case_id)[0].reply_due == due


def test_issue_problems_reported_at_once(watch: Watch) -> None:
    case_id = accepted_case(watch.services)
    before = fingerprint(watch.services)
    with pytest.raises(FormErrors) as info:
        watch.supervision.issue(case_id, watch.me, " ", reply_due=dt.date(2026, 11, 23))
    errors = info.value.by_field()
    assert set(errors) == {"reason", "issued_to", "reply_due"}
    assert errors["reply_due"].message == "回复期限必须在今天之后"
    assert errors["issued_to"].message == "不能给自己下达督办单"
    with pytest.raises(FormErrors) as info:
        watch.supervision.issue(uuid.uuid4(), None, "督办", reply_due=dt.date(2026, 12, 1),
                                reply_days=2)
    assert set(info.value.by_field()) == {"case", "issued_to", "reply_due"}
    with pytest.raises(FormErrors) as info:
        watch.supervision.issue(case_id, watch.admin_only, "督办")
    assert set(info.value.by_field()) == {"issued_to", "reply_due"}
    with pytest.raises(FormErrors) as info:
        watch.supervision.issue(case_id, watch.handler, "督办", reply_days=0)
    assert set(info.value.by_field()) == {"reply_days"}
    assert fingerprint(watch.services) == before


def test_finished_case_is_not_supervised(watch: Watch) -> None:
    refused = watch.services.intake.refuse(full_form(watch.services), "不属于本机关职权范围")
    with pytest.raises(FormErrors) as info:
        watch.supervision.issue(refused.case_id, watch.handler, "督办", reply_days=2)
    assert "不予受理" in info.value.by_field()["case"].message


def test_only_leaders_issue_and_a_denial_changes_nothing(watch: Watch) -> None:
    case_id = accepted_case(watch.services)
    before = fingerprint(watch.services)
    for user in (watch.handler, watch.admin_only):
        with acting_as(watch, user), pytest.raises(PermissionDenied) as info:
            watch.supervision.issue(case_id, watch.leader, "督办", reply_days=2)
        assert "下达督办单" in info.value.message
    assert fingerprint(watch.services) == before
    with acting_as(watch, watch.leader):
        assert watch.supervision.issue(case_id, watch.handler, "督办", reply_days=2).endswith("DB000001")


def test_only_the_addressee_replies_once(watch: Watch, clock) -> None:  # type: ignore[no-untyped-def]
    case_id = accepted_case(watch.services)
    watch.supervision.issue(case_id, watch.handler, "请说明超期原因", reply_days=2)
    (notice,) = watch.supervision.list_open()
    before = fingerprint(watch.services)
    for user in (watch.me, watch.leader):  # the issuer and another leader
        with acting_as(watch, user), pytest.raises(PermissionDenied) as info:
            watch.supervision.reply(notice.id, "代为答复")
        assert info.value.message == "只有被督办人本人可以答复这份督办单"
        with acting_as(watch, user), pytest.raises(PermissionDenied):
            watch.supervision.reply(notice.id, "")  # refused as a stranger, not for the blank
    with acting_as(watch, watch.admin_only), pytest.raises(PermissionDenied):
        watch.supervision.reply(notice.id, "答复")
    with acting_as(watch, watch.handler), pytest.raises(FormErrors) as info:
        watch.supervision.reply(notice.id, "  ")
    assert set(info.value.by_field()) == {"reply"}
    assert fingerprint(watch.services) == before

    clock.advance(hours=5)
    with acting_as(watch, watch.handler):
        assert [n.id for n in watch.supervision.list_open(mine=True)] == [notice.id]
        watch.supervision.reply(notice.id, "已补充现场勘查，明日办结")
        with pytest.raises(StateError):
            watch.supervision.reply(notice.id, "再答复")
    answered = watch.supervision.get(notice.id)
    assert answered.replied and answered.replied_by == "李明" and not answered.replied_late
    assert watch.supervision.list_open() == []
    with watch.services.ctx.reading() as s:
        notes = list(s.scalars(select(CaseEvent.note).where(CaseEvent.kind == "supervision_replied")))
    assert notes == ["答复督办单 3707021012026DB000001：已补充现场勘查，明日办结"]


def test_overdue_list_after_the_reply_day(watch: Watch, clock) -> None:  # type: ignore[no-untyped-def]
    case_id = accepted_case(watch.services)
    watch.supervision.issue(case_id, watch.handler, "请说明办理进度", reply_days=3)  # due Thu 26
    watch.supervision.issue(case_id, watch.leader, "请协调", reply_days=5)  # due Mon 30
    assert watch.supervision.list_overdue() == []
    clock.advance(days=3)  # Thursday 26: due today, not yet late
    assert watch.supervision.list_overdue() == []
    clock.advance(days=1)
    (late,) = watch.supervision.list_overdue()
    assert late.issued_to == "李明" and late.overdue
    assert [n.overdue for n in watch.supervision.list_open()] == [True, False]
    with acting_as(watch, watch.handler):
        watch.supervision.reply(late.id, "已办结")
    assert watch.supervision.list_overdue() == []
    assert watch.supervision.get(late.id).replied_late


def test_notice_data_prints_with_its_reply(watch: Watch) -> None:
    case_id = accepted_case(watch.services)
    number = watch.supervision.issue(case_id, watch.handler, "已超期两天，请说明原因", reply_days=2)
    (notice,) = watch.supervision.for_case(case_id)
    data = watch.supervision.notice_data(notice.id)
    assert isinstance(data, SupervisionNoticeData)
    matter = watch.services.reference.matter("TD-001")
    assert (data.number, data.case_number, data.matter_name, data.applicant_name) == (
        number, "3707021012026000001", matter.name, "张建国")
    assert (data.issued_by, data.issued_to, data.reply_due) == ("王晓梅", "李明", dt.date(2026, 11, 25))
    assert data.office.code == "370702101" and data.reply == ""
    with acting_as(watch, watch.handler):
        watch.supervision.reply(notice.id, "已于今日办结")
    data = watch.supervision.notice_data(notice.id)
    assert data.reply == "已于今日办结" and data.replied_by == "李明"
    text = pdf_text(render_document(data))
    assert "督办单" in text and number in text and "已于今日办结" in text


def test_find_case_by_number_as_typed(watch: Watch) -> None:
    case_id = accepted_case(watch.services)
    ref = watch.supervision.find_case(" 37070210120260 00001 ")
    assert ref.id == case_id and ref.applicant_name == "张建国"
    with pytest.raises(Exception, match="找不到受理编号"):
        watch.supervision.find_case("3707021012026999999")
    assert [s.display_name for s in watch.supervision.addressees()] == sorted(
        ["王晓梅", "李明", "赵国强"])
