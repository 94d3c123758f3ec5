"""Reference data in the database: the matter catalogue and the working-day calendar.

Both ship with the program (resources/catalog, the chinesecalendar package)
and are copied into the database on first start, because the county must be
able to update them later and a clerk must be able to correct a holiday
without a new program release.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from app.catalog import catalog_checksum, load_catalog
from app.dto import Catalog, MaterialForm, MatterSpec, Tier
from app.errors import NotFoundError, ValidationError
from app.models import CalendarYear, CatalogVersion, Holiday, MaterialRequirement, Matter
from app.services.context import ServiceContext
from app.workcalendar import CalendarEntry, WorkCalendar, chinesecalendar_entries


@dataclass(frozen=True)
class MaterialItem:
    code: str
    name: str
    form: MaterialForm
    copies: int
    required: bool
    condition: str
    note: str
    source: str


@dataclass(frozen=True)
class MatterItem:
    """A matter of the current catalogue, as the intake form needs it."""

    id: uuid.UUID
    code: str
    name: str
    category: str
    tier: Tier
    legal_days: int
    promised_days: int
    materials: tuple[MaterialItem, ...]
    fee_text: str
    consult_phone: str
    catalog_version: str


def _spec_json(spec: MatterSpec) -> dict[str, Any]:
    data = dataclasses.asdict(spec)
    data.pop("materials")
    return data


# Catalogue rows get ids derived from the catalogue's checksum, so a township and the county
# holding the same catalogue hold the same rows: cases synced to the county point at matters
# the county already has.
CATALOG_NAMESPACE = uuid.UUID("6f1c3d0e-4b8a-5f3e-9a51-2c7d8e9f0a1b")


def catalog_row_id(checksum: str, *parts: str) -> uuid.UUID:
    """The id of a catalogue row: the version (no parts), a matter (its code), a material."""
    return uuid.uuid5(CATALOG_NAMESPACE, "/".join((checksum, *parts)))


def import_catalog(session: Session, catalog: Catalog, checksum: str, source: str) -> bool:
    """Store a catalogue version and make it current. False if that exact version is already held."""
    existing = session.scalar(select(CatalogVersion).where(CatalogVersion.checksum == checksum))
    if existing is not None:
        if not existing.is_current:
            session.execute(update(CatalogVersion).values(is_current=False))
            existing.is_current = True
            return True
        return False
    for old in session.scalars(select(CatalogVersion).where(CatalogVersion.is_current)):
        old.is_current = False
    version = CatalogVersion(
        id=catalog_row_id(checksum),
        version=catalog.version,
        issued_by=catalog.issued_by,
        issued_on=catalog.issued_on,
        checksum=checksum,
        source=source,
        is_current=True,
    )
    session.add(version)
    for spec in catalog.matters:
        matter = Matter(
            id=catalog_row_id(checksum, spec.code),
            catalog_version_id=version.id,
            code=spec.code,
            name=spec.name,
            category=spec.category,
            tier=spec.tier.value,
            legal_days=spec.legal_days,
            promised_days=spec.promised_days,
            spec=_spec_json(spec),
        )
        session.add(matter)
        for sort, m in enumerate(spec.materials, start=1):
            session.add(MaterialRequirement(
                id=catalog_row_id(checksum, spec.code, m.code), matter_id=matter.id, code=m.code, sort=sort, name=m.name, form=m.form.value,
                copies=m.copies, required=m.required, condition=m.condition, note=m.note,
                source=m.source,
            ))
    return True


def seed_calendar(session: Session, entries: list[CalendarEntry], years: set[int], source: str) -> int:
    """Add the calendar for years the database does not know yet. Returns days added.

    Years already present are left alone: they may carry the county's or the
    office's corrections, which must not be overwritten by the bundled data.
    """
    known = set(session.scalars(select(CalendarYear.year)))
    new_years = years - known
    added = 0
    for entry in entries:
        if entry.day.year in new_years:
            session.add(Holiday(day=entry.day, is_workday=entry.is_workday, name=entry.name,
                                source=source))
            added += 1
    for year in sorted(new_years):
        session.add(CalendarYear(year=year, source=source))
    return added


class ReferenceService:
    def __init__(self, ctx: ServiceContext, catalog_dir: Path | None = None) -> None:
        self.ctx = ctx
        self.catalog_dir = catalog_dir
        self._calendar: WorkCalendar | None = None
        self._matters: dict[str, MatterItem] | None = None
        self._specs: dict[uuid.UUID, dict[str, Any]] = {}

    # ------------------------------------------------------------ start-up

    def ensure_reference_data(self) -> None:
        """Load the bundled catalogue and calendar if the database lacks them (cheap when it has)."""
        checksum = catalog_checksum(self.catalog_dir)
        with self.ctx.reading() as s:
            have_catalog = s.scalar(select(CatalogVersion.id).where(CatalogVersion.checksum == checksum))
            any_current = s.scalar(select(CatalogVersion.id).where(CatalogVersion.is_current))
            known_years = set(s.scalars(select(CalendarYear.year)))
        _, years = chinesecalendar_entries()
        need_calendar = not years <= known_years
        # A county-issued catalogue stays current; the bundled one only fills an empty database.
        need_catalog = have_catalog is None and any_current is None
        if not (need_catalog or need_calendar):
            return
        with self.ctx.transaction("reference.seed") as s:
            if need_catalog:
                import_catalog(s, load_catalog(self.catalog_dir), checksum, "bundled")
            if need_calendar:
                entries, years = chinesecalendar_entries()
                seed_calendar(s, entries, years, "chinesecalendar")
        self._calendar = None
        self._matters = None

    # ------------------------------------------------------------ catalogue

    def matters(self) -> list[MatterItem]:
        return list(self._matter_index().values())

    def matter(self, code: str) -> MatterItem:
        try:
            return self._matter_index()[code]
        except KeyError:
            raise NotFoundError(f"事项目录中没有编码为 {code} 的事项") from None

    def forget_catalog(self) -> None:
        """Drop the cached current catalogue: another version has just become current."""
        self._matters = None

    def forget_calendar(self) -> None:
        """Drop the cached working-day calendar: holidays were changed outside set_day."""
        self._calendar = None

    def matter_spec(self, matter_id: uuid.UUID) -> dict[str, Any]:
        """The whole catalogue entry of a matter (any version), as stored; cached, never changes."""
        if matter_id not in self._specs:
            with self.ctx.reading() as s:
                matter = s.get(Matter, matter_id)
                if matter is None:
                    raise NotFoundError("事项不存在")
                self._specs[matter_id] = dict(matter.spec)
        return self._specs[matter_id]

    def _matter_index(self) -> dict[str, MatterItem]:
        if self._matters is None:
            with self.ctx.reading() as s:
                rows = s.scalars(
                    select(Matter)
                    .join(CatalogVersion)
                    .where(CatalogVersion.is_current)
                    .options(selectinload(Matter.materials), selectinload(Matter.catalog_version))
                    .order_by(Matter.code)
                ).all()
                self._matters = {m.code: _matter_item(m) for m in rows}
        return self._matters

    # ------------------------------------------------------------ calendar

    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            with self.ctx.reading() as s:
                entries = [
                    CalendarEntry(day=h.day, is_workday=h.is_workday, name=h.name)
                    for h in s.scalars(select(Holiday))
                ]
                years = set(s.scalars(select(CalendarYear.year)))
            self._calendar = WorkCalendar(entries, years)
        return self._calendar

    def calendar_years(self) -> list[int]:
        with self.ctx.reading() as s:
            return sorted(s.scalars(select(CalendarYear.year)))

    def set_day(self, day: dt.date, *, is_workday: bool | None, name: str = "") -> None:
        """Correct one day: a holiday, a make-up working day, or back to the Mon–Fri default (None)."""
        name = name.strip()
        if is_workday is not None and not name:
            raise ValidationError("name", name, "empty", "请填写节假日或调休的名称，例如“春节”或“春节调休”")
        default_is_workday = day.weekday() < 5
        with self.ctx.transaction("calendar.set_day") as s:
            row = s.get(Holiday, day)
            if is_workday is None or is_workday == default_is_workday and not name:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(Holiday(day=day, is_workday=is_workday, name=name, source="local"))
            else:
                row.is_workday = is_workday
                row.name = name
                row.source = "local"
        self._calendar = None

    def set_year_published(self, year: int, published: bool) -> None:
        """Mark a year's official arrangement as entered (or not).

        Kept apart from ``set_day``: entering one holiday of 2027 does not make
        the whole year known, and deadlines must stay flagged until it is.
        """
        with self.ctx.transaction("calendar.set_year") as s:
            row = s.get(CalendarYear, year)
            if published and row is None:
                s.add(CalendarYear(year=year, source="local"))
            elif not published and row is not None:
                s.delete(row)
        self._calendar = None


def _matter_item(m: Matter) -> MatterItem:
    return MatterItem(
        id=m.id,
        code=m.code,
        name=m.name,
        category=m.category,
        tier=Tier(m.tier),
        legal_days=m.legal_days,
        promised_days=m.promised_days,
        materials=tuple(
            MaterialItem(
                code=r.code, name=r.name, form=MaterialForm(r.form), copies=r.copies,
                required=r.required, condition=r.condition, note=r.note, source=r.source,
            )
            for r in m.materials
        ),
        fee_text="不收费" if not m.spec.get("fees") else "；".join(
            f"{f['name']} {f['amount']}" for f in m.spec["fees"]
        ),
        consult_phone=m.spec.get("consult_phone", ""),
        catalog_version=m.catalog_version.version,
    )
