"""Task packages (项目化管理): 打包入库 → 分配 → 进度 → 督查 → 验收出库/退回 → 评分."""

from __future__ import annotations

from pathlib import Path

from app.evidence import EvidenceStore
from app.services.context import ServiceContext
from app.services.reference import ReferenceService


class PackageService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService, *,
                 evidence_dir: Path | None = None) -> None:
        self.ctx = ctx
        self.reference = reference
        self.evidence = EvidenceStore(evidence_dir)
