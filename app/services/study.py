"""Study records (学习监督)"""

from __future__ import annotations

from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class StudyService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
