"""Shared fixtures: a fresh database per test, copied from templates migrated once per run."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db import open_database  # noqa: E402
from app.demo import DEMO_OFFICE, fill_demo  # noqa: E402
from app.services import Services  # noqa: E402
from app.services.context import LOCAL_TZ  # noqa: E402

TEST_PASSWORD = "guotu-2026"  # the demo office's first user (wangxm) in every template

# A fixed "now" (Monday 23 November 2026, 10:00 Beijing time) so deadlines in tests are exact.
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=LOCAL_TZ).astimezone(dt.UTC)


class FixedClock:
    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


def _make_template(folder: Path, *, office: bool, cases: int) -> Path:
    path = folder / "template.sqlite3"
    db = open_database(f"sqlite:///{path}")
    services = Services.create(db, folder, clock=FixedClock())
    if office:
        services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                      password=TEST_PASSWORD)
    if cases:
        fill_demo(services, cases=cases)
    db.dispose()  # closing the last connection folds the WAL into the file, so one copy is complete
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_template(tmp_path_factory.mktemp("tpl-empty"), office=False, cases=0)


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_template(tmp_path_factory.mktemp("tpl-office"), office=True, cases=0)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_template(tmp_path_factory.mktemp("tpl-demo"), office=True, cases=40)


def _services_from(template: Path, folder: Path, clock: FixedClock) -> Iterator[Services]:
    target = folder / "landdesk.sqlite3"
    shutil.copyfile(template, target)
    db = open_database(f"sqlite:///{target}")
    services = Services.create(db, folder, clock=clock)
    try:
        yield services
    finally:
        db.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def blank_services(empty_template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[Services]:
    """A migrated database with catalogue and calendar, but no office yet (first run)."""
    yield from _services_from(empty_template, tmp_path, clock)


@pytest.fixture
def services(office_template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[Services]:
    """The demo office with no cases, signed in as its first user."""
    yield from _services_from(office_template, tmp_path, clock)


@pytest.fixture
def demo_services(demo_template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[Services]:
    """The demo office with 40 cases of every kind."""
    yield from _services_from(demo_template, tmp_path, clock)


@pytest.fixture
def runner(qapp):  # type: ignore[no-untyped-def]
    from ui.tasks import TaskRunner

    return TaskRunner(inline=True)
