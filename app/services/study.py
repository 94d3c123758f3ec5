"""Study records (学习监督): self-study hours, articles, trainings, certificates; the quarterly register."""

from __future__ import annotations

from pathlib import Path

from app.evidence import EvidenceStore
from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class StudyService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService, *,
                 evidence_dir: Path | None = None) -> None:
        self.ctx = ctx
        self.reference = reference
        self.evidence = EvidenceStore(evidence_dir)
