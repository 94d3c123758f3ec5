"""Holiday arrangement files: parsed with line-exact messages, imported all or nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.dto import Role
from app.errors import PermissionDenied
from app.holiday_file import HolidayFileError, import_arrangement, parse_holiday_file
from app.models import AuditLog, CalendarYear, Holiday
from app.services import Services
from tests.props import examples

GOOD = """# 国务院办公厅关于2027年部分节假日安排的通知（示例）
year = 2027

[[days]]
date = 2027-01-01
kind = "holiday"
name = "元旦"

[[days]]
date = 2027-02-05
kind = "holiday"
name = "春节"

[[days]]
date = 2027-02-07
kind = "workday"
name = "春节调休"
"""


def holidays_of(services: Services, year: int) -> list[tuple[dt.date, bool, str]]:
    with services.ctx.reading() as s:
        return [(h.day, h.is_workday, h.name) for h in s.scalars(
            select(Holiday).where(Holiday.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
            .order_by(Holiday.day))]


def test_a_good_file() -> None:
    arrangement = parse_holiday_file(GOOD)
    assert arrangement.year == 2027 and arrangement.holidays == 2 and arrangement.workdays == 1
    assert [e.name for e in arrangement.entries] == ["元旦", "春节", "春节调休"]


@pytest.mark.parametrize(("change", "line", "field", "words"), [
    (("2027-02-07", "2026-02-07"), 14, "date", "不在 2027 年内"),
    (('kind = "workday"', 'kind = "rest"'), 14, "kind", "holiday"),
    (("2027-02-05", "2027-02-06"), 9, "kind", "周末"),  # a Saturday is no holiday to give
    (("2027-02-07", "2027-02-08"), 14, "kind", "本来就上班"),  # a Monday needs no make-up
    (("2027-02-05", "2027-01-01"), 9, "date", "列了两次"),
    (('name = "元旦"', 'name = ""'), 4, "name", "节日名称"),
    (("year = 2027", "year = 27"), 2, "year", "year = 2027"),
    (('name = "春节"', 'name = "春节'), None, "格式", "TOML"),
    (('kind = "holiday"\nname = "元旦"', 'kind = "holiday"\nname = "元旦"\nnote = "x"'), 4, "note", "不认识"),
])
def test_each_mistake_is_named_with_its_line(change: tuple[str, str], line: int | None, field: str,
                                             words: str) -> None:
    text = GOOD.replace(*change, 1)
    with pytest.raises(HolidayFileError) as err:
        parse_holiday_file(text, "2027.toml")
    assert err.value.field == field and words in err.value.message
    if line is not None:
        assert err.value.line == line and f"2027.toml 第 {line} 行" in err.value.message


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(0, len(GOOD)), st.integers(0, 12), st.text(max_size=12))
def test_random_edits_raise_only_the_file_error(start: int, cut: int, inserted: str) -> None:
    text = GOOD[:start] + inserted + GOOD[start + cut:]
    with contextlib.suppress(HolidayFileError):
        parse_holiday_file(text)


def test_import_replaces_the_year_and_marks_it_complete(services: Services) -> None:
    services.reference.set_day(dt.date(2027, 3, 1), is_workday=False, name="猜的假日")  # a guess to be replaced
    before = services.reference.calendar().add_working_days(dt.date(2027, 2, 4), 2).due
    summary = import_arrangement(services.reference, parse_holiday_file(GOOD))
    assert (summary.year, summary.holidays, summary.workdays, summary.replaced) == (2027, 2, 1, 1)
    assert holidays_of(services, 2027) == [(dt.date(2027, 1, 1), False, "元旦"), (dt.date(2027, 2, 5), False, "春节"),
                                           (dt.date(2027, 2, 7), True, "春节调休")]
    with services.ctx.reading() as s:
        assert s.get(CalendarYear, 2027) is not None
    # Thursday 4 Feb + 2 working days: Friday the 5th is now a holiday, Sunday the 7th is worked.
    after = services.reference.calendar().add_working_days(dt.date(2027, 2, 4), 2)
    assert before == dt.date(2027, 2, 8) and after.due == dt.date(2027, 2, 8) and not after.uncertain
    assert services.reference.calendar().add_working_days(dt.date(2027, 2, 4), 1).due == dt.date(2027, 2, 7)
    assert holidays_of(services, 2026)  # other years untouched


def test_import_needs_the_calendar_permission_and_changes_nothing_otherwise(services: Services) -> None:
    services.users.create_user("lisi", "李四", [Role.WINDOW_CLERK], "lisi-2026-pw")
    services.users.sign_in("lisi", "lisi-2026-pw")
    with services.ctx.reading() as s:
        audit = s.scalar(select(func.count()).select_from(AuditLog))
    with pytest.raises(PermissionDenied):
        import_arrangement(services.reference, parse_holiday_file(GOOD))
    assert holidays_of(services, 2027) == []
    with services.ctx.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)) == audit


def test_calendar_import_on_the_command_line(services: Services, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import landdesk

    path = services.ctx.db.sqlite_path
    services.ctx.db.dispose()
    good, bad = tmp_path / "2027.toml", tmp_path / "bad.toml"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(GOOD.replace("2027-02-07", "2027-02-08"), encoding="utf-8")
    common = ["--db", str(path), "--data-dir", str(tmp_path)]
    assert landdesk(["calendar", "import", str(bad), *common]) == 2
    assert "bad.toml 第 14 行" in capsys.readouterr().err
    assert landdesk(["calendar", "import", str(good), *common]) == 0
    assert "2027 年：放假 2 天，调休上班 1 天" in capsys.readouterr().out
