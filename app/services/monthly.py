"""The monthly report to the county, by matter, with comparisons and a 12-month series."""

from __future__ import annotations

from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class MonthlyReportService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
