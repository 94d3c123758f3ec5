"""The 1000-point assessment (千分制考核): scheme, entries, computed items and results."""

from __future__ import annotations

from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class AssessmentService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
