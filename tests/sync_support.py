"""Helpers for the sync tests: townships and a county in separate databases, keys exchanged.

Every database comes from conftest's ``make_services`` so the sync tests run on SQLite and,
marked ``both_backends``, on PostgreSQL too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.demo import DEMO_OFFICE, fill_demo
from app.models import Base
from app.services import Services
from tests.conftest import TEST_PASSWORD
from tests.test_intake_service import full_form

COUNTY_CODE = "370702000"
TOWNSHIPS = {"370702101": "示例镇自然资源所", "370702102": "东关镇自然资源所", "370702103": "西河乡自然资源所"}

MakeServices = Callable[..., Services]


def make_township(make_services: MakeServices, code: str = "370702101", cases: int = 0,
                  weeks: int = 8) -> Services:
    services = make_services("empty")
    office = dataclasses.replace(DEMO_OFFICE, code=code, name=TOWNSHIPS.get(code, f"{code}所"))
    services.office.create_office(office, username="wangxm", display_name="王晓梅", password=TEST_PASSWORD)
    if cases:
        fill_demo(services, cases=cases, weeks=weeks, seed=20261123 + int(code))
    return services


def make_county(make_services: MakeServices) -> Services:
    services = make_services("empty")
    services.sync.create_county_office("示例县自然资源局", COUNTY_CODE, username="wangxm",
                                       display_name="县局王晓梅", password=TEST_PASSWORD)
    return services


def exchange_keys(township: Services, county: Services, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    t_key = township.sync.write_public_key(folder)
    c_key = county.sync.write_public_key(folder)
    county.sync.register_key(folder / f"{t_key.office_code}.ldkey")
    township.sync.register_key(folder / f"{c_key.office_code}.ldkey")


def accept_case(services: Services, name: str = "张建国") -> None:
    """One more application at the window: a handful of new rows in the change log."""
    form = full_form(services, "TD-001")
    form.applicant = dataclasses.replace(form.applicant, name=name)
    services.intake.accept(form)


def table_counts(services: Services, tables: list[str]) -> dict[str, int]:
    with services.ctx.reading() as s:
        return {t: s.scalar(select(func.count()).select_from(Base.metadata.tables[t])) or 0 for t in tables}


@dataclasses.dataclass
class Pair:
    township: Services
    county: Services
    usb: Path


@pytest.fixture
def pair(make_services: MakeServices, tmp_path: Path) -> Pair:
    township = make_township(make_services)
    accept_case(township)
    county = make_county(make_services)
    exchange_keys(township, county, tmp_path / "keys")
    return Pair(township, county, tmp_path / "usb")
