"""Holiday arrangement files (节假日安排): a year's official holidays and make-up working days.

The State Council publishes next year's arrangement each November or December, long after
the chinesecalendar package in a township's installation was built. The county (or an
administrator) types it once into a small TOML file and every office loads it::

    # 国务院办公厅关于2027年部分节假日安排的通知
    year = 2027

    [[days]]
    date = 2027-01-01
    kind = "holiday"      # 放假 (a weekday off)
    name = "元旦"

    [[days]]
    date = 2027-02-07
    kind = "workday"      # 调休上班 (a weekend day worked)
    name = "春节调休"

Only days that differ from the plain Monday–Friday rule are listed, as in the database.
Every problem is reported with the file's line, and nothing is stored unless the whole file
is sound.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.errors import LanddeskError
from app.workcalendar import CalendarEntry

if TYPE_CHECKING:
    from app.services.reference import ReferenceService

KINDS = {"holiday": False, "workday": True}
FIRST_YEAR, LAST_YEAR = 2000, 2100


class HolidayFileError(LanddeskError):
    """A holiday file is malformed: which file, line and field, and what to do."""

    def __init__(self, file: str, line: int | None, field: str, reason: str) -> None:
        where = file + (f" 第 {line} 行" if line else "")
        super().__init__(f"节假日安排文件 {where}，{field}：{reason}")
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class HolidayArrangement:
    year: int
    entries: tuple[CalendarEntry, ...]

    @property
    def holidays(self) -> int:
        return sum(1 for e in self.entries if not e.is_workday)

    @property
    def workdays(self) -> int:
        return sum(1 for e in self.entries if e.is_workday)


def _lines_of_days(text: str) -> list[int]:
    """The line number of each ``[[days]]`` header, in order."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if re.match(r"^\s*\[\[\s*days\s*\]\]", line)]


def _line_of_key(text: str, key: str) -> int | None:
    for n, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"^\s*{re.escape(key)}\s*=", line):
            return n
    return None


def parse_holiday_file(text: str, file: str = "节假日安排.toml") -> HolidayArrangement:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise HolidayFileError(file, int(match.group(1)) if match else None, "格式",
                               f"不是正确的 TOML 格式（{exc}）。日期写成 2027-01-01，文字加英文双引号") from None
    unknown = sorted(set(data) - {"year", "days"})
    if unknown:
        raise HolidayFileError(file, _line_of_key(text, unknown[0]), unknown[0], "不认识的项目，只能有 year 和 [[days]]")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise HolidayFileError(file, _line_of_key(text, "year"), "year",
                               f"请写明年份，例如 year = 2027（{FIRST_YEAR}—{LAST_YEAR}）")
    days = data.get("days", [])
    if not isinstance(days, list) or not days or not all(isinstance(d, dict) for d in days):
        raise HolidayFileError(file, None, "days", "没有任何 [[days]]：请逐日列出放假日和调休上班日")
    headers = _lines_of_days(text)
    entries: dict[dt.date, CalendarEntry] = {}
    for index, item in enumerate(days):
        line = headers[index] if index < len(headers) else None
        extra = sorted(set(item) - {"date", "kind", "name"})
        if extra:
            raise HolidayFileError(file, line, extra[0], "不认识的项目，每一天只有 date、kind、name")
        day = item.get("date")
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise HolidayFileError(file, line, "date", "日期写成 2027-01-01（不加引号）")
        if day.year != year:
            raise HolidayFileError(file, line, "date", f"{day} 不在 {year} 年内")
        kind = item.get("kind")
        if kind not in KINDS:
            raise HolidayFileError(file, line, "kind", '应为 "holiday"（放假）或 "workday"（调休上班）')
        name = item.get("name")
        if not isinstance(name, str) or not name.strip() or len(name.strip()) > 20:
            raise HolidayFileError(file, line, "name", "请写节日名称，如“春节”或“春节调休”（20 字以内）")
        is_workday = KINDS[kind]
        weekday = day.weekday() < 5
        if is_workday and weekday:
            raise HolidayFileError(file, line, "kind", f"{day} 是星期{'一二三四五'[day.weekday()]}，本来就上班，不必列为调休上班")
        if not is_workday and not weekday:
            raise HolidayFileError(file, line, "kind", f"{day} 是周末，本来就休息，不必列为放假")
        if day in entries:
            raise HolidayFileError(file, line, "date", f"{day} 列了两次")
        entries[day] = CalendarEntry(day=day, is_workday=is_workday, name=name.strip())
    return HolidayArrangement(year=year, entries=tuple(sorted(entries.values(), key=lambda e: e.day)))


@dataclass(frozen=True)
class HolidayImport:
    year: int
    holidays: int
    workdays: int
    replaced: int  # exceptions of that year held before (bundled, county or local) now replaced


def import_arrangement(reference: ReferenceService, arrangement: HolidayArrangement,
                       source: str = "file") -> HolidayImport:
    """Replace the year's exceptions by the file's and mark the year complete, in one transaction.

    The file is the official arrangement for the whole year, so the year's earlier entries
    (a guess, a partial entry, the bundled data) go; other years are untouched.
    """
    from sqlalchemy import func, select

    from app.models import CalendarYear, Holiday
    from app.permissions import Action

    ctx = reference.ctx
    ctx.require(Action.EDIT_CALENDAR)
    first, last = dt.date(arrangement.year, 1, 1), dt.date(arrangement.year, 12, 31)
    with ctx.transaction("calendar.import_file") as s:
        replaced = s.scalar(select(func.count()).select_from(Holiday).where(Holiday.day.between(first, last))) or 0
        for row in s.scalars(select(Holiday).where(Holiday.day.between(first, last))):
            s.delete(row)  # one by one, so each removal is audited and synced
        s.flush()
        for entry in arrangement.entries:
            s.add(Holiday(day=entry.day, is_workday=entry.is_workday, name=entry.name, source=source))
        year = s.get(CalendarYear, arrangement.year)
        if year is None:
            s.add(CalendarYear(year=arrangement.year, source=source))
        else:
            year.source = source
    reference.forget_calendar()
    return HolidayImport(arrangement.year, arrangement.holidays, arrangement.workdays, replaced)
