"""Working-day calendar and legal deadlines (app.workcalendar).

Hand-checked cases come from the official State Council arrangements as recorded in the
chinesecalendar package; property tests compare against a plain day-by-day count.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.dto import Deadline, Pause
from app.workcalendar import (
    CalendarEntry,
    CalendarWarning,
    WorkCalendar,
    chinesecalendar_entries,
    coverage_warning,
)
from tests.props import examples

D = dt.date
ENTRIES, COVERED = chinesecalendar_entries()
CAL = WorkCalendar(ENTRIES, COVERED)


def naive_due(
    cal: WorkCalendar, start: dt.date, n: int, pauses: list[Pause], as_of: dt.date
) -> dt.date:
    """Reference: walk day by day, skipping non-working and paused days."""
    if n == 0:
        return start
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        paused = any(p.start <= day <= (p.end or as_of) for p in pauses)
        if cal.is_workday(day) and not paused:
            counted += 1
    return day


# ---------------------------------------------------------------- seeding from the package


def test_entries_cover_2004_to_2026() -> None:
    assert set(range(2004, 2027)) == COVERED
    assert all(CAL.is_covered(y) for y in range(2004, 2027))
    assert not CAL.is_covered(2027)
    assert not CAL.is_covered(2003)


def test_entries_only_differ_from_mon_fri() -> None:
    for e in ENTRIES:
        weekend = e.day.weekday() >= 5
        assert e.is_workday == weekend, e
    days = [e.day for e in ENTRIES]
    assert days == sorted(days)
    assert len(set(days)) == len(days)


def test_entries_agree_with_package_every_day() -> None:
    day = D(2004, 1, 1)
    while day <= D(2026, 12, 31):
        assert CAL.is_workday(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)


def test_entry_names_are_chinese() -> None:
    by_day = {e.day: e for e in ENTRIES}
    assert by_day[D(2026, 2, 16)] == CalendarEntry(D(2026, 2, 16), False, "春节")
    assert by_day[D(2026, 2, 14)] == CalendarEntry(D(2026, 2, 14), True, "春节调休")
    assert by_day[D(2025, 10, 6)].name == "中秋节"
    assert by_day[D(2025, 10, 11)].name == "国庆节调休"
    assert by_day[D(2026, 1, 1)].name == "元旦"
    assert by_day[D(2026, 4, 6)].name == "清明节"
    assert by_day[D(2026, 5, 1)].name == "劳动节"
    assert by_day[D(2026, 6, 19)].name == "端午节"
    assert by_day[D(2015, 9, 3)].name == "抗战胜利70周年纪念日"
    # weekend days inside a holiday are rest days anyway and are not stored
    assert D(2026, 2, 15) not in by_day
    names = {e.name for e in ENTRIES}
    assert all(not any(c.isascii() and c.isalpha() for c in name) for name in names), names


def test_entries_for_year_sorted_and_limited() -> None:
    entries = CAL.entries_for_year(2026)
    assert [e.day for e in entries] == sorted(e.day for e in entries)
    assert {e.day.year for e in entries} == {2026}
    assert CalendarEntry(D(2026, 2, 28), True, "春节调休") in entries
    assert CAL.entries_for_year(2030) == []


# ---------------------------------------------------------------- hand-checked deadlines


def test_friday_plus_one_is_monday() -> None:
    # 2026-03-06 is an ordinary Friday, 03-09 an ordinary Monday
    assert chinese_calendar.get_holiday_detail(D(2026, 3, 9)) == (False, None)
    assert CAL.add_working_days(D(2026, 3, 6), 1) == Deadline(D(2026, 3, 9), False)


def test_spring_festival_2026() -> None:
    # Holiday 02-15 (Sun) .. 02-23 (Mon); make-up working Saturdays 02-14 and 02-28.
    for day in (D(2026, 2, 15), D(2026, 2, 16), D(2026, 2, 23)):
        assert chinese_calendar.get_holiday_detail(day) == (True, "Spring Festival")
    for day in (D(2026, 2, 14), D(2026, 2, 28)):
        assert chinese_calendar.get_holiday_detail(day) == (False, "Spring Festival")

    # Accepted on 02-14 (the 调休 Saturday just before the holiday): 24, 25, 26, 27, 28(Sat)
    assert CAL.add_working_days(D(2026, 2, 14), 5).due == D(2026, 2, 28)
    # … then Mon 03-02 .. Fri 03-06
    assert CAL.add_working_days(D(2026, 2, 14), 10).due == D(2026, 3, 6)
    # Accepted Friday 02-13: 14(Sat, 调休), 24, 25, 26, 27
    assert CAL.add_working_days(D(2026, 2, 13), 5).due == D(2026, 2, 27)
    assert CAL.add_working_days(D(2026, 2, 13), 10).due == D(2026, 3, 5)


def test_national_day_2025() -> None:
    # Holiday 10-01 .. 10-08 (with 中秋 on 10-06); make-up 09-28 (Sun) and 10-11 (Sat).
    assert chinese_calendar.get_holiday_detail(D(2025, 10, 8)) == (True, "National Day")
    assert chinese_calendar.get_holiday_detail(D(2025, 10, 11)) == (False, "National Day")
    assert chinese_calendar.get_holiday_detail(D(2025, 9, 28)) == (False, "National Day")
    # From 09-30: 10-09 (Thu), 10-10 (Fri), 10-11 (Sat, 调休)
    assert CAL.add_working_days(D(2025, 9, 30), 3) == Deadline(D(2025, 10, 11), False)
    # Accepted Saturday 09-27: Sunday 09-28 is a make-up day and counts first
    assert CAL.add_working_days(D(2025, 9, 27), 1).due == D(2025, 9, 28)


def test_makeup_saturday_counts() -> None:
    assert CAL.is_workday(D(2026, 2, 28))  # Saturday, 春节调休
    assert not CAL.is_workday(D(2026, 3, 7))  # ordinary Saturday
    assert not CAL.is_workday(D(2026, 2, 16))  # Monday in the holiday
    # (02-27, 03-02]: Fri excluded, Sat 02-28 counted, Sun 03-01 not, Mon 03-02 counted
    assert CAL.working_days_between(D(2026, 2, 27), D(2026, 3, 2)) == 2
    assert CAL.add_working_days(D(2026, 2, 27), 1).due == D(2026, 2, 28)


def test_zero_days_is_same_day_even_on_sunday() -> None:
    sunday = D(2026, 3, 8)
    assert sunday.weekday() == 6
    assert CAL.add_working_days(sunday, 0) == Deadline(sunday, False)
    # in a holiday, and in an uncovered year: still the same day, nothing uncertain
    assert CAL.add_working_days(D(2026, 2, 17), 0) == Deadline(D(2026, 2, 17), False)
    assert CAL.add_working_days(D(2030, 6, 2), 0) == Deadline(D(2030, 6, 2), False)


def test_negative_days_rejected() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2026, 3, 2), -1)


def test_pause_extends_by_working_days_inside_it() -> None:
    start = D(2026, 3, 2)  # Monday
    plain = CAL.add_working_days(start, 10).due
    assert plain == D(2026, 3, 16)
    # Thu 03-05 .. Mon 03-09: 5 calendar days, 3 of them working days (Thu, Fri, Mon)
    pause = Pause(D(2026, 3, 5), D(2026, 3, 9), "补正")
    inside = CAL.working_days_between(D(2026, 3, 4), D(2026, 3, 9))
    assert inside == 3
    paused = CAL.add_working_days(start, 10, [pause]).due
    assert paused == D(2026, 3, 19)
    assert CAL.working_days_between(plain, paused) == inside
    assert CAL.working_days_between(start, paused, [pause]) == 10


def test_pause_outside_the_count_changes_nothing() -> None:
    start = D(2026, 3, 2)
    before = Pause(D(2026, 2, 20), D(2026, 3, 2))  # ends on the acceptance day
    after = Pause(D(2026, 3, 17), D(2026, 3, 20))  # starts after the due date
    assert CAL.add_working_days(start, 10, [before, after]).due == D(2026, 3, 16)


def test_overlapping_pauses_do_not_double_count() -> None:
    start = D(2026, 3, 2)
    a = Pause(D(2026, 3, 5), D(2026, 3, 9))
    b = Pause(D(2026, 3, 9), D(2026, 3, 10))
    assert CAL.add_working_days(start, 10, [b, a]).due == D(2026, 3, 20)
    assert CAL.add_working_days(start, 10, [a, b]) == CAL.add_working_days(
        start, 10, [Pause(D(2026, 3, 5), D(2026, 3, 10))]
    )


def test_open_pause_runs_to_as_of() -> None:
    start = D(2026, 3, 2)
    open_pause = Pause(D(2026, 3, 5), None, "专家评审")
    assert CAL.add_working_days(start, 10, [open_pause], as_of=D(2026, 3, 9)).due == D(2026, 3, 19)
    # one more paused working day moves the due date one working day on
    assert CAL.add_working_days(start, 10, [open_pause], as_of=D(2026, 3, 10)).due == D(2026, 3, 20)
    # still paused over a weekend: nothing moves
    assert CAL.add_working_days(start, 10, [open_pause], as_of=D(2026, 3, 8)).due == D(2026, 3, 18)
    # as_of before the pause began: nothing paused yet
    assert CAL.add_working_days(start, 10, [open_pause], as_of=D(2026, 3, 4)).due == D(2026, 3, 16)
    # days used so far: an open pause runs through the end of the question by default;
    # with as_of it stops there (03-05 .. 03-09 paused, so 03-03, 03-04, 03-10 .. 03-13)
    assert CAL.working_days_between(start, D(2026, 3, 20), [open_pause]) == 2  # 03-03, 03-04
    assert CAL.working_days_between(start, D(2026, 3, 13), [open_pause], as_of=D(2026, 3, 9)) == 6


def test_open_pause_needs_the_callers_today() -> None:
    # No hidden reading of the PC's date: an open pause runs to the day the caller names.
    open_pause = Pause(D(2026, 3, 5), None)
    with pytest.raises(ValueError, match="as_of"):
        CAL.add_working_days(D(2026, 3, 2), 10, [open_pause])
    closed = Pause(D(2026, 3, 5), D(2026, 3, 9))
    assert CAL.add_working_days(D(2026, 3, 2), 10, [closed]) == CAL.add_working_days(
        D(2026, 3, 2), 10, [open_pause], as_of=D(2026, 3, 9)
    )


def test_pause_ending_before_start_rejected() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2026, 3, 2), 5, [Pause(D(2026, 3, 5), D(2026, 3, 4))])


def test_deadline_into_2027_is_uncertain() -> None:
    deadline = CAL.add_working_days(D(2026, 12, 20), 20)
    assert deadline.uncertain
    assert deadline.uncertain_years == (2027,)
    assert deadline.due.year == 2027
    message = coverage_warning(deadline)
    assert message == "2027年节假日安排尚未导入，期限按周末推算，可能需要调整"
    assert CalendarWarning.for_deadline(deadline) == CalendarWarning((2027,))


def test_deadline_inside_2026_is_certain() -> None:
    deadline = CAL.add_working_days(D(2026, 12, 1), 10)
    assert deadline == Deadline(D(2026, 12, 15), False)
    assert coverage_warning(deadline) is None
    assert CalendarWarning.for_deadline(deadline) is None


def test_uncovered_years_listed_sorted_and_merged_in_message() -> None:
    deadline = CAL.add_working_days(D(2026, 6, 1), 800)
    assert deadline.uncertain_years == (2027, 2028, 2029)
    assert (
        coverage_warning(deadline)
        == "2027年至2029年节假日安排尚未导入，期限按周末推算，可能需要调整"
    )
    two = Deadline(D(2028, 1, 1), True, (2027, 2028))
    assert coverage_warning(two) == "2027年、2028年节假日安排尚未导入，期限按周末推算，可能需要调整"
    before = CAL.add_working_days(D(2003, 12, 1), 30)
    assert before.uncertain_years == (2003,)


def test_empty_calendar_is_mon_fri() -> None:
    cal = WorkCalendar([], {2026})
    # Spring Festival does not exist here
    assert cal.add_working_days(D(2026, 2, 13), 5) == Deadline(D(2026, 2, 20), False)
    assert cal.add_working_days(D(2026, 3, 6), 1) == Deadline(D(2026, 3, 9), False)
    assert not cal.is_workday(D(2026, 2, 14))
    assert cal.is_workday(D(2026, 2, 16))
    assert cal.next_workday(D(2026, 2, 14)) == D(2026, 2, 16)
    assert cal.working_days_between(D(2026, 1, 1), D(2026, 12, 31)) == 260
    assert cal.add_working_days(D(2026, 12, 30), 3) == Deadline(D(2027, 1, 4), True, (2027,))


def test_entries_apply_even_in_uncovered_year() -> None:
    holiday = CalendarEntry(D(2027, 1, 1), False, "元旦")
    cal = WorkCalendar([*ENTRIES, holiday], COVERED)
    deadline = cal.add_working_days(D(2026, 12, 31), 1)
    assert deadline == Deadline(D(2027, 1, 4), True, (2027,))


def test_conflicting_entries_rejected_identical_accepted() -> None:
    a = CalendarEntry(D(2026, 3, 2), False, "某节")
    WorkCalendar([a, a], {2026})
    with pytest.raises(ValueError):
        WorkCalendar([a, CalendarEntry(D(2026, 3, 2), True, "某节")], {2026})


def test_next_workday() -> None:
    assert CAL.next_workday(D(2026, 2, 15)) == D(2026, 2, 24)
    assert CAL.next_workday(D(2026, 2, 14)) == D(2026, 2, 14)
    assert CAL.next_workday(D(2026, 3, 7)) == D(2026, 3, 9)
    assert CAL.next_workday(D(2025, 9, 27)) == D(2025, 9, 28)


def test_working_days_between_edges() -> None:
    assert CAL.working_days_between(D(2026, 3, 9), D(2026, 3, 9)) == 0
    assert CAL.working_days_between(D(2026, 3, 9), D(2026, 3, 2)) == 0
    assert CAL.working_days_between(D(2026, 3, 6), D(2026, 3, 9)) == 1
    # whole of 2025 agrees with the package's own count
    expected = len(chinese_calendar.get_workdays(D(2025, 1, 1), D(2025, 12, 31)))
    assert CAL.working_days_between(D(2024, 12, 31), D(2025, 12, 31)) == expected


def test_datetime_start_gives_plain_date() -> None:
    deadline = CAL.add_working_days(dt.datetime(2026, 3, 8, 15, 30), 0)
    assert type(deadline.due) is dt.date


def test_far_future_overflow_is_clean() -> None:
    with pytest.raises(OverflowError):
        CAL.add_working_days(D(9999, 12, 1), 100)


# ---------------------------------------------------------------- properties

starts = st.dates(min_value=D(2003, 6, 1), max_value=D(2027, 6, 30))
counts = st.integers(min_value=1, max_value=400)


@st.composite
def pause_lists(draw: st.DrawFn, start: dt.date) -> list[Pause]:
    pauses = []
    for _ in range(draw(st.integers(0, 3))):
        offset = draw(st.integers(-20, 300))
        length = draw(st.integers(0, 40))
        p_start = start + dt.timedelta(days=offset)
        pauses.append(Pause(p_start, p_start + dt.timedelta(days=length)))
    return pauses


@settings(max_examples=examples(300))
@given(starts, counts)
def test_between_inverts_add(start: dt.date, n: int) -> None:
    due = CAL.add_working_days(start, n).due
    assert CAL.working_days_between(start, due) == n


@settings(max_examples=examples(300))
@given(starts, counts)
def test_due_is_a_working_day(start: dt.date, n: int) -> None:
    assert CAL.is_workday(CAL.add_working_days(start, n).due)


@settings(max_examples=examples(300))
@given(starts, st.integers(0, 400))
def test_monotonic_in_n(start: dt.date, n: int) -> None:
    assert CAL.add_working_days(start, n).due < CAL.add_working_days(start, n + 1).due


@settings(max_examples=examples(300))
@given(st.data(), starts, st.integers(0, 200))
def test_pause_never_makes_due_earlier(data: st.DataObject, start: dt.date, n: int) -> None:
    pauses = data.draw(pause_lists(start))
    extra = data.draw(pause_lists(start))
    with_some = CAL.add_working_days(start, n, pauses).due
    with_more = CAL.add_working_days(start, n, pauses + extra).due
    assert CAL.add_working_days(start, n).due <= with_some <= with_more


@settings(max_examples=examples(300))
@given(st.data(), starts, st.integers(0, 200))
def test_matches_day_by_day_count(data: st.DataObject, start: dt.date, n: int) -> None:
    pauses = data.draw(pause_lists(start))
    if data.draw(st.booleans()) and pauses:
        pauses[0] = Pause(pauses[0].start, None)
    as_of = start + dt.timedelta(days=data.draw(st.integers(0, 200)))
    deadline = CAL.add_working_days(start, n, pauses, as_of=as_of)
    assert deadline.due == naive_due(CAL, start, n, pauses, as_of)
    if n >= 1:
        assert CAL.working_days_between(start, deadline.due, pauses, as_of=as_of) == n
        years = range(start.year + (start == D(start.year, 12, 31)), deadline.due.year + 1)
        assert deadline.uncertain_years == tuple(y for y in years if y not in COVERED)
        assert deadline.uncertain == bool(deadline.uncertain_years)


@settings(max_examples=examples(200))
@given(st.dates(min_value=D(2004, 1, 1), max_value=D(2025, 6, 30)), st.integers(1, 120))
def test_agrees_with_package_find_workday(start: dt.date, n: int) -> None:
    # find_workday(n, d) is "n working days after d" when d itself is a working day
    start = CAL.next_workday(start)
    assert CAL.add_working_days(start, n).due == chinese_calendar.find_workday(n, start)


@settings(max_examples=examples(200))
@given(st.dates(min_value=D(2003, 1, 1), max_value=D(2028, 12, 31)))
def test_next_workday_property(day: dt.date) -> None:
    nxt = CAL.next_workday(day)
    assert nxt >= day and CAL.is_workday(nxt)
    assert all(not CAL.is_workday(day + dt.timedelta(days=i)) for i in range((nxt - day).days))


@st.composite
def random_calendars(draw: st.DrawFn) -> WorkCalendar:
    # Arbitrary entries, including redundant ones (a "holiday" on a Saturday, a
    # "working day" on a Monday) the county might type by mistake.
    days = draw(st.sets(st.dates(min_value=D(2026, 1, 1), max_value=D(2027, 3, 31)), max_size=80))
    entries = [CalendarEntry(d, draw(st.booleans()), "测试") for d in days]
    return WorkCalendar(entries, {2026})


@settings(max_examples=examples(300))
@given(st.data(), random_calendars(), st.dates(min_value=D(2025, 12, 1), max_value=D(2027, 2, 1)))
def test_random_calendar_matches_day_by_day(
    data: st.DataObject, cal: WorkCalendar, start: dt.date
) -> None:
    n = data.draw(st.integers(0, 120))
    pauses = data.draw(pause_lists(start))
    deadline = cal.add_working_days(start, n, pauses, as_of=start)
    assert deadline.due == naive_due(cal, start, n, pauses, start)
    if n >= 1:
        assert cal.working_days_between(start, deadline.due, pauses) == n
        assert cal.next_workday(deadline.due) == deadline.due
