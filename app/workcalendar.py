"""Working-day calendar and legal deadlines (工作日计算).

行政许可法 第四十二条/第八十二条: time limits are counted in working days, excluding
statutory holidays, starting the day after acceptance.  Weekend make-up working days
(调休上班) count.  第四十五条: periods for 补正, 听证, 专家评审, 公示 … do not count, so a
pause pushes the due date back.

The calendar is "Mon–Fri, except these entries".  Entries come from the database (the
county can edit and push them); :func:`chinesecalendar_entries` only seeds it.  The
chinesecalendar package knows official arrangements only up to the year it was
released, so every deadline says whether it relied on a year without data
(``Deadline.uncertain``) and :func:`coverage_warning` turns that into a sentence for
the clerk.

No Qt and no SQLAlchemy here: the database layer loads rows and builds a
:class:`WorkCalendar`; this module only computes.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.dto import Deadline, Pause

__all__ = [
    "CalendarEntry",
    "CalendarWarning",
    "WorkCalendar",
    "chinesecalendar_entries",
    "coverage_warning",
]

# The package's English holiday names, in the Chinese the office prints.  The package's
# own Chinese labels are short forms ("清明", "端午"), not what notices use.
HOLIDAY_NAMES_ZH: dict[str, str] = {
    "Spring Festival": "春节",
    "National Day": "国庆节",
    "New Year's Day": "元旦",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}

MAKEUP_SUFFIX = "调休"

_MIN_YEAR = dt.MINYEAR
_MAX_YEAR = dt.MAXYEAR


@dataclass(frozen=True)
class CalendarEntry:
    """An exception to the plain Mon–Fri rule.

    Either a weekday holiday (法定节假日: ``is_workday`` False, name e.g. "春节") or a
    weekend make-up working day (调休上班: ``is_workday`` True, name e.g. "春节调休").
    """

    day: dt.date
    is_workday: bool
    name: str


def _zh_holiday_name(english: str) -> str:
    if english in HOLIDAY_NAMES_ZH:
        return HOLIDAY_NAMES_ZH[english]
    # A later package version may add a holiday we have not mapped: its own Chinese
    # label is better than nothing, and the English name is better than a crash.
    from chinese_calendar.constants import Holiday

    try:
        return str(Holiday(english).chinese)
    except ValueError:
        return english


def chinesecalendar_entries() -> tuple[list[CalendarEntry], set[int]]:
    """Every exception the chinesecalendar package knows, and the years it covers.

    Only days that differ from Mon–Fri are returned: weekend days inside a holiday are
    rest days anyway, so storing them would only bloat the table the county edits.
    The covered years are those appearing in the package's holiday data.
    """
    # Imported here, not at module level: the constants module builds ~800 dates at
    # import time and is only needed when seeding a database, not at every start-up.
    from chinese_calendar import constants

    holidays: dict[dt.date, str] = constants.holidays
    workdays: dict[dt.date, str] = constants.workdays

    entries: list[CalendarEntry] = []
    for day, english in holidays.items():
        if day.weekday() < 5:
            entries.append(CalendarEntry(day, False, _zh_holiday_name(english)))
    for day, english in workdays.items():
        if day.weekday() >= 5:
            entries.append(CalendarEntry(day, True, _zh_holiday_name(english) + MAKEUP_SUFFIX))
    entries.sort(key=lambda e: e.day)
    return entries, {day.year for day in holidays}


# ---------------------------------------------------------------- Mon–Fri arithmetic
#
# date.fromordinal(1) (0001-01-01) is a Monday, so ordinal o falls on weekday
# (o - 1) % 7 and the number of Mon–Fri days in [1, o] has a closed form.  Working-day
# ranks are that count corrected by the calendar's exceptions, which keeps every query
# O(log entries) whatever the distance, instead of walking day by day.


def _weekdays_through(o: int) -> int:
    """Number of Mon–Fri days with ordinal in [1, o] (0 for o <= 0)."""
    if o <= 0:
        return 0
    return 5 * (o // 7) + min(o % 7, 5)


def _kth_weekday(k: int) -> int:
    """Ordinal of the k-th Mon–Fri day counted from 0001-01-01 (k >= 1)."""
    weeks, rest = divmod(k - 1, 5)
    return weeks * 7 + rest + 1


def _is_plain_weekday(o: int) -> bool:
    return (o - 1) % 7 < 5


class WorkCalendar:
    """Which days are working days, and deadlines counted in them.

    Entries override the Mon–Fri rule wherever they are, even in a year not listed in
    ``covered_years`` (the county may have sent a partial year); coverage only decides
    whether a result is flagged uncertain.

    Instances are immutable once built; the database layer builds a new one when the
    calendar changes.  Per-year tables are filled lazily; two threads filling the same
    year compute the same list, so the race is harmless under the GIL.
    """

    def __init__(self, entries: Iterable[CalendarEntry], covered_years: Iterable[int]) -> None:
        by_day: dict[dt.date, CalendarEntry] = {}
        for entry in entries:
            known = by_day.get(entry.day)
            if known is not None and known != entry:
                # Two rows saying different things about one day is a data error the
                # county must fix; silently picking one would give wrong deadlines.
                raise ValueError(f"conflicting calendar entries for {entry.day}: {known} / {entry}")
            by_day[entry.day] = entry
        self._entries = by_day
        self._covered = frozenset(covered_years)

        # Ordinal -> working or not, only for entries; everything else is Mon–Fri.
        self._override: dict[int, bool] = {d.toordinal(): e.is_workday for d, e in by_day.items()}

        # Sorted exception ordinals with the running correction to the Mon–Fri count:
        # +1 for a make-up weekend day, -1 for a weekday holiday, 0 for a redundant row
        # (e.g. a holiday entered on a Saturday).
        self._exc_ords: list[int] = sorted(self._override)
        prefix = [0]
        for o in self._exc_ords:
            working = self._override[o]
            plain = _is_plain_weekday(o)
            prefix.append(prefix[-1] + int(working and not plain) - int(plain and not working))
        self._exc_prefix: list[int] = prefix

        # year -> (rank of the day before 1 January, ordinals of the year's working days)
        self._years: dict[int, tuple[int, list[int]]] = {}

    # ------------------------------------------------------------ simple queries

    @property
    def covered_years(self) -> frozenset[int]:
        return self._covered

    def is_covered(self, year: int) -> bool:
        return year in self._covered

    def is_workday(self, day: dt.date) -> bool:
        o = day.toordinal()
        working = self._override.get(o)
        if working is None:
            return _is_plain_weekday(o)
        return working

    def entries_for_year(self, year: int) -> list[CalendarEntry]:
        return sorted((e for d, e in self._entries.items() if d.year == year), key=lambda e: e.day)

    def next_workday(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the first working day after it."""
        return dt.date.fromordinal(self._kth(self._rank(day.toordinal() - 1) + 1))

    # ------------------------------------------------------------ deadlines

    def add_working_days(
        self,
        start: dt.date,
        n: int,
        pauses: Sequence[Pause] = (),
        as_of: dt.date | None = None,
    ) -> Deadline:
        """Due date of an N-working-day time limit accepted on ``start``.

        Counting starts the day after ``start``; the N-th counted day is the due date.
        ``n == 0`` is 即办: due the same day, whatever day it is.  Days inside a pause
        (inclusive) do not count; an open pause runs to ``as_of`` (required then: the caller's today), so
        a paused case's due date keeps moving until the pause is closed.
        """
        if n < 0:
            raise ValueError(f"number of working days must be >= 0, got {n}")
        s = start.toordinal()
        if n == 0:
            # Same day: no calendar consulted, so nothing can be uncertain.  fromordinal
            # also turns a datetime into a plain date.
            return Deadline(dt.date.fromordinal(s), False)

        target = self._rank(s) + n
        due = self._kth(target)
        if pauses:
            if as_of is None and any(p.end is None for p in pauses):
                raise ValueError("as_of is needed with an open pause: the pause runs to it")
            today = as_of.toordinal() if as_of is not None else 0
            for ps, pe in self._pause_spans(pauses, s + 1, today):
                if due < ps:
                    break  # the deadline falls before this pause (and all later ones)
                # Every working day in the pause is skipped, so the count must reach
                # that many further; the new due date is then necessarily after pe.
                target += self._rank(pe) - self._rank(ps - 1)
                due = self._kth(target)

        first_year = dt.date.fromordinal(s + 1).year
        due_date = dt.date.fromordinal(due)
        missing = tuple(y for y in range(first_year, due_date.year + 1) if y not in self._covered)
        return Deadline(due_date, bool(missing), missing)

    def working_days_between(
        self,
        start: dt.date,
        end: dt.date,
        pauses: Sequence[Pause] = (),
        as_of: dt.date | None = None,
    ) -> int:
        """Counted working days in (start, end], i.e. the days a case has used.

        Open pauses run to ``as_of``, or through ``end`` when not given (the usual
        question is "how many days used as of ``end``").
        """
        s, e = start.toordinal(), end.toordinal()
        if e <= s:
            return 0
        used = self._rank(e) - self._rank(s)
        if pauses:
            open_end = as_of.toordinal() if as_of is not None else e
            for ps, pe in self._pause_spans(pauses, s + 1, open_end):
                if ps > e:
                    break
                used -= self._rank(min(pe, e)) - self._rank(ps - 1)
        return used

    # ------------------------------------------------------------ internals

    def _rank(self, o: int) -> int:
        """Number of working days with ordinal in [1, o]."""
        return _weekdays_through(o) + self._exc_prefix[bisect_right(self._exc_ords, o)]

    def _year(self, year: int) -> tuple[int, list[int]]:
        cached = self._years.get(year)
        if cached is None:
            first = dt.date(year, 1, 1).toordinal()
            last = dt.date(year, 12, 31).toordinal()
            override = self._override
            ords = [
                o
                for o in range(first, last + 1)
                if override.get(o, (o - 1) % 7 < 5)  # inline of is_workday: built once per year
            ]
            cached = (self._rank(first - 1), ords)
            self._years[year] = cached
        return cached

    def _kth(self, k: int) -> int:
        """Ordinal of the k-th working day from 0001-01-01 (smallest o with rank k)."""
        # The Mon–Fri answer is within a few hundred days of the real one (exceptions
        # nearly cancel out over a year), so it names the right year or a neighbour.
        guess = _kth_weekday(max(k, 1))
        year = dt.date.fromordinal(guess).year if guess <= dt.date.max.toordinal() else _MAX_YEAR
        while True:
            if not _MIN_YEAR <= year <= _MAX_YEAR:
                raise OverflowError("deadline beyond the supported date range")
            base, ords = self._year(year)
            if k <= base:
                year -= 1
            elif k > base + len(ords):
                year += 1
            else:
                return ords[k - base - 1]

    @staticmethod
    def _pause_spans(pauses: Sequence[Pause], lo: int, open_end: int) -> list[tuple[int, int]]:
        """Pauses as sorted, merged, inclusive ordinal spans, clipped to start at ``lo``.

        Merging matters: overlapping pauses (补正 then 公示 starting the same week) must
        not skip the shared days twice.
        """
        spans: list[tuple[int, int]] = []
        for p in pauses:
            ps = p.start.toordinal()
            if p.end is None:
                pe = open_end
            else:
                pe = p.end.toordinal()
                if pe < ps:
                    raise ValueError(f"pause ends before it starts: {p.start} .. {p.end}")
            ps = max(ps, lo)
            if pe >= ps:
                spans.append((ps, pe))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for ps, pe in spans:
            if merged and ps <= merged[-1][1] + 1:
                if pe > merged[-1][1]:
                    merged[-1] = (merged[-1][0], pe)
            else:
                merged.append((ps, pe))
        return merged


# ---------------------------------------------------------------- warnings


def _years_text(years: Sequence[int]) -> str:
    """2027 → "2027年"; 2027, 2028 → "2027年、2028年"; 2027..2030 → "2027年至2030年"."""
    runs: list[tuple[int, int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    parts = []
    for a, b in runs:
        if a == b:
            parts.append(f"{a}年")
        elif b == a + 1:
            parts.append(f"{a}年、{b}年")
        else:
            parts.append(f"{a}年至{b}年")
    return "、".join(parts)


@dataclass(frozen=True)
class CalendarWarning:
    """A deadline relied on years whose holiday arrangements are not in the calendar."""

    years: tuple[int, ...]

    @property
    def message(self) -> str:
        which = _years_text(self.years) if self.years else "部分年份"
        return f"{which}节假日安排尚未导入，期限按周末推算，可能需要调整"

    @classmethod
    def for_deadline(cls, deadline: Deadline) -> CalendarWarning | None:
        if not deadline.uncertain:
            return None
        return cls(tuple(sorted(deadline.uncertain_years)))


def coverage_warning(deadline: Deadline) -> str | None:
    """A sentence for the clerk when ``deadline`` is uncertain, else None."""
    warning = CalendarWarning.for_deadline(deadline)
    return warning.message if warning is not None else None
