"""Petition pairing (结对消访): long-standing petitioners paired with a leader, contacts, resolution."""

from __future__ import annotations

from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class PetitionService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
