"""Local edits of the matter catalogue, validated, versioned and previewed before saving."""

from __future__ import annotations

from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class CatalogEditService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
