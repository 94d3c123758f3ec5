"""Shared fixtures: a fresh database per test, copied from templates migrated once per run.

Backends. The database fixtures (blank_services, services, demo_services, make_services)
run on SQLite. A test module (``pytestmark = pytest.mark.both_backends``) or function
marked ``both_backends`` gets them on SQLite and on PostgreSQL: pytest_generate_tests
below parametrises the indirect ``backend`` fixture that every database fixture asks for,
so such tests run twice, as ``test_x[sqlite]`` and ``test_x[postgresql]`` (tests that use
no database fixture run once). A fixture of your own that needs a database should take
``make_services`` (or ``backend``) and so follows the marker too. On PostgreSQL a throw-away
server is started once per run (tests/pg.py) and every test gets its own database made by
CREATE DATABASE … TEMPLATE from a template filled once, like the SQLite template files.
Without PostgreSQL the [postgresql] variants are skipped with the reason, or fail when the
environment variable CI is set (CI must prove them).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.props import PROFILE  # noqa: E402

# Derandomized in CI (the same examples every run, no example database); fuzzing explores.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("fuzz", derandomize=False, database=None, print_blob=True)
settings.load_profile(PROFILE)

from app.db import open_database  # noqa: E402
from app.demo import DEMO_OFFICE, fill_demo  # noqa: E402
from app.services import Services  # noqa: E402
from app.services.context import LOCAL_TZ  # noqa: E402
from tests.pg import PostgresServer, PostgresUnavailable, start_server  # noqa: E402

TEST_PASSWORD = "guotu-2026"  # the demo office's first user (wangxm) in every template

# A fixed "now" (Monday 23 November 2026, 10:00 Beijing time) so deadlines in tests are exact.
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=LOCAL_TZ).astimezone(dt.UTC)

BACKENDS = ("sqlite", "postgresql")

# What each template holds: (an office with its first user?, number of demo cases).
TEMPLATE_KINDS = {"empty": (False, 0), "office": (True, 0), "demo": (True, 40)}


class FixedClock:
    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


_QT_SOURCE = re.compile(r"^\s*(from|import) (PySide6|ui)\b", re.MULTILINE)
_QT_FIXTURES = {"qtbot", "qapp", "runner"}


@functools.cache
def _module_needs_qt(path: Path) -> bool:
    return bool(_QT_SOURCE.search(path.read_text(encoding="utf-8")))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``qt`` every test that needs Qt: CI runs the others again with the date moved."""
    for item in items:
        if _QT_FIXTURES & set(getattr(item, "fixturenames", ())) or _module_needs_qt(item.path):
            item.add_marker(pytest.mark.qt)


def landdesk(argv: list[str], clock: Callable[[], dt.datetime] | None = None) -> int:
    """``landdesk ARGS`` as typed, on the tests' fixed clock (or the one given)."""
    from app.cli import main

    return main(argv, clock=clock or FixedClock())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames or not metafunc.definition.get_closest_marker("both_backends"):
        return
    if any("backend" in marker.args[0] for marker in metafunc.definition.iter_markers("parametrize")):
        return  # the test chose its backends itself
    metafunc.parametrize("backend", BACKENDS, indirect=True)


def _fill_template(url: str, folder: Path, kind: str) -> None:
    office, cases = TEMPLATE_KINDS[kind]
    db = open_database(url)
    services = Services.create(db, folder, clock=FixedClock())
    if office:
        services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                      password=TEST_PASSWORD)
    if cases:
        fill_demo(services, cases=cases)
    db.dispose()  # SQLite: closing the last connection folds the WAL into the file


def _make_template(folder: Path, kind: str) -> Path:
    path = folder / "template.sqlite3"
    _fill_template(f"sqlite:///{path}", folder, kind)
    assert not path.with_name(path.name + "-wal").exists()  # so one file copy is complete
    return path


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_template(tmp_path_factory.mktemp("tpl-empty"), "empty")


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_template(tmp_path_factory.mktemp("tpl-office"), "office")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_template(tmp_path_factory.mktemp("tpl-demo"), "demo")


_PG_STARTED = pytest.StashKey[float]()


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> Iterator[PostgresServer]:
    """A PostgreSQL server for this run (started on first use; a failure is remembered)."""
    try:
        server = start_server()
    except PostgresUnavailable as exc:
        message = f"PostgreSQL tests not run: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    request.config.stash[_PG_STARTED] = server.start_seconds
    yield server
    server.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    if _PG_STARTED in config.stash:
        terminalreporter.write_line(
            f"PostgreSQL test server: initdb + start took {config.stash[_PG_STARTED]:.2f} s")


class PostgresTemplates:
    """Template databases on the test server, each filled on first use; copies for tests."""

    def __init__(self, server: PostgresServer, folder: Path) -> None:
        self.server = server
        self.folder = folder
        self._ready: set[str] = set()
        self._numbers = itertools.count(1)

    def template(self, kind: str) -> str:
        name = f"template_{kind}"
        if kind not in self._ready:
            self.server.drop_database(name)  # left over from a fill that failed half-way
            url = self.server.create_database(name)
            _fill_template(url, self.folder / kind, kind)
            self._ready.add(kind)
        return name

    def copy(self, kind: str) -> tuple[str, str]:
        """A new database with the template's content: (name, url)."""
        name = f"test_{next(self._numbers)}"
        return name, self.server.create_database(name, template=self.template(kind))


@pytest.fixture(scope="session")
def pg_templates(pg_server: PostgresServer,
                 tmp_path_factory: pytest.TempPathFactory) -> PostgresTemplates:
    return PostgresTemplates(pg_server, tmp_path_factory.mktemp("tpl-pg"))


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test's services use: "sqlite" unless the test is marked both_backends."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


MakeServices = Callable[..., Services]


@pytest.fixture
def make_services(request: pytest.FixtureRequest, backend: str, tmp_path: Path,
                  clock: FixedClock) -> Iterator[MakeServices]:
    """Factory for fresh databases on the test's backend: make_services("office").

    kind is "empty" (catalogue and calendar, no office), "office" (the demo office, signed in
    as its first user) or "demo" (plus 40 cases); clock defaults to the test's ``clock``.
    Each call is a separate database with its own data folder (the first one's is tmp_path);
    all are closed and removed afterwards.
    """
    opened: list[tuple[Services, Callable[[], None]]] = []
    test_clock = clock

    def make(kind: str = "office", *, clock: Callable[[], dt.datetime] | None = None) -> Services:
        folder = tmp_path if not opened else tmp_path / f"data{len(opened) + 1}"
        folder.mkdir(parents=True, exist_ok=True)
        if backend == "sqlite":
            template: Path = request.getfixturevalue(f"{kind}_template")
            target = folder / "landdesk.sqlite3"
            shutil.copyfile(template, target)
            url, cleanup = f"sqlite:///{target}", (lambda: None)
        elif backend == "postgresql":
            templates: PostgresTemplates = request.getfixturevalue("pg_templates")
            name, url = templates.copy(kind)

            def cleanup(name: str = name) -> None:
                templates.server.drop_database(name)
        else:
            raise ValueError(f"unknown backend {backend!r}")
        try:
            db = open_database(url)
            services = Services.create(db, folder, clock=clock or test_clock)
        except BaseException:
            cleanup()
            raise
        opened.append((services, cleanup))
        return services

    try:
        yield make
    finally:
        for services, cleanup in reversed(opened):
            services.ctx.db.dispose()
            cleanup()


@pytest.fixture
def blank_services(make_services: MakeServices) -> Services:
    """A migrated database with catalogue and calendar, but no office yet (first run)."""
    return make_services("empty")


@pytest.fixture
def services(make_services: MakeServices) -> Services:
    """The demo office with no cases, signed in as its first user."""
    return make_services("office")


@pytest.fixture
def demo_services(make_services: MakeServices) -> Services:
    """The demo office with 40 cases of every kind."""
    return make_services("demo")


@pytest.fixture
def runner(qapp):  # type: ignore[no-untyped-def]
    from ui.tasks import TaskRunner

    return TaskRunner(inline=True)
