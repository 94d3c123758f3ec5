"""Targets broken down by year and month (层层分解), and progress against plan."""

from __future__ import annotations

from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class TargetService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
