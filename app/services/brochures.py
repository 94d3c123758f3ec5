"""Service brochures (办事指南) printed from the matter catalogue."""

from __future__ import annotations

from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class BrochureService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
