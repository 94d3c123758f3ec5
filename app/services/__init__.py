"""Services: the only way the UI and the command line read or change data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.clock import Clock
from app.db import Database
from app.services.assessment import AssessmentService
from app.services.brochures import BrochureService
from app.services.cases import CaseQueryService
from app.services.catalog_edit import CatalogEditService
from app.services.context import ServiceContext
from app.services.county import CountyService
from app.services.drafts import DraftStore
from app.services.inquiries import InquiryService
from app.services.intake import IntakeService
from app.services.monthly import MonthlyReportService
from app.services.office import OfficeService
from app.services.packages import PackageService
from app.services.petitions import PetitionService
from app.services.ratings import RatingService
from app.services.reference import ReferenceService
from app.services.registers import RegisterService
from app.services.routing import RoutingService
from app.services.study import StudyService
from app.services.supervision import SupervisionService
from app.services.targets import TargetService
from app.services.users import UserService

if TYPE_CHECKING:
    # app.sync builds on these services; importing it here at run time would make
    # "import app.sync" (the sync command line) circular.
    from app.sync import SyncService


@dataclass
class Services:
    ctx: ServiceContext
    reference: ReferenceService
    office: OfficeService
    intake: IntakeService
    cases: CaseQueryService
    drafts: DraftStore
    users: UserService
    routing: RoutingService
    inquiries: InquiryService
    ratings: RatingService
    supervision: SupervisionService
    sync: SyncService
    county: CountyService
    brochures: BrochureService
    catalog_edit: CatalogEditService
    registers: RegisterService
    monthly: MonthlyReportService
    assessment: AssessmentService
    targets: TargetService
    packages: PackageService
    study: StudyService
    petitions: PetitionService

    @classmethod
    def create(cls, db: Database, data_folder: Path, *,
               clock: Clock,
               catalog_dir: Path | None = None) -> Services:
        ctx = ServiceContext(db=db, clock=clock)
        reference = ReferenceService(ctx, catalog_dir)
        reference.ensure_reference_data()
        office = OfficeService(ctx)
        if not office.needs_setup():
            office.sign_in_default()
        return cls(
            ctx=ctx,
            reference=reference,
            office=office,
            intake=IntakeService(ctx, reference),
            cases=CaseQueryService(ctx, reference),
            drafts=DraftStore(data_folder / "drafts", ctx.clock),
            users=UserService(ctx),
            routing=RoutingService(ctx, reference),
            inquiries=InquiryService(ctx, reference),
            ratings=RatingService(ctx, reference),
            supervision=SupervisionService(ctx, reference),
            sync=_sync_service(ctx, reference, data_folder),
            county=CountyService(ctx),
            brochures=BrochureService(ctx, reference),
            catalog_edit=CatalogEditService(ctx, reference),
            registers=RegisterService(ctx, reference),
            monthly=MonthlyReportService(ctx, reference),
            assessment=AssessmentService(ctx, reference, evidence_dir=data_folder / "evidence"),
            targets=TargetService(ctx, reference),
            packages=PackageService(ctx, reference, evidence_dir=data_folder / "evidence"),
            study=StudyService(ctx, reference, evidence_dir=data_folder / "evidence"),
            petitions=PetitionService(ctx, reference),
        )


def _sync_service(ctx: ServiceContext, reference: ReferenceService, data_folder: Path) -> SyncService:
    from app.sync import SyncService

    return SyncService(ctx, reference, data_folder)
