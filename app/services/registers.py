"""Registers (台账) for any date range: intake, completion, return and inquiry registers."""

from __future__ import annotations

from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class RegisterService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
