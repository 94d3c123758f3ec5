"""Office numbers for papers that are not cases: task packages, inspections, petition files.

Every number reads {9-digit office code}{year}{infix}{6-digit sequence}, like case numbers,
so numbers from different townships never clash at the county and a number is never reused.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import SequenceCounter
from app.services.context import ServiceContext
from app.services.office import office_info


def next_office_number(s: Session, ctx: ServiceContext, *, kind: str, infix: str, year: int) -> str:
    """Take the next number of ``kind`` in ``year`` inside the caller's transaction."""
    assert ctx.office_id is not None
    key = (ctx.office_id, kind, year)
    counter = s.get(SequenceCounter, key, with_for_update=True)
    if counter is None:
        counter = SequenceCounter(office_id=ctx.office_id, kind=kind, year=year, last_value=0)
        s.add(counter)
    counter.last_value += 1
    return f"{office_info(s, ctx).code}{year}{infix}{counter.last_value:06d}"
