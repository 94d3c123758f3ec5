"""The 1000-point assessment (千分制考核): scheme, entries, computed items and results.

At a township the leaders score their own office (自评); its entries travel to the county in
the ordinary sync batches. At the county every township is assessed and ranked side by side.
The scheme and the arithmetic are in app.assessment; this service adds the case data and the
entered scores of one office and year.

Computed items count an office's cases by the Beijing year their *due date* falls in, so a case
is judged once, in the year it had to be finished:

- on time / completed late: completed (办结 or returned to the applicant) on or before / after
  its due date (the completion's Beijing date counting);
- open overdue: still open, past its due date today, and not paused (a paused clock moves the
  due date, 行政许可法 第四十五条);
- late one-time notices: cases received in the year whose one-time notice came late (第三十二条);
- overdue follow-ups: bad ratings (不满意 / 非常不满意) given in the year whose follow-up was
  closed after its due date, or is still open past it;
- late supervision replies: 督办单 issued in the year answered after the reply date, or not
  answered and past it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from app.assessment import (
    AssessmentResult,
    CaseFacts,
    EntryFact,
    EntryKind,
    Scheme,
    available_years,
    check_entry,
    load_scheme,
    score,
)
from app.errors import NotFoundError, PermissionDenied, ValidationError
from app.evidence import EvidenceStore
from app.files import write_bytes_atomically
from app.models import (
    AssessmentEntry,
    Case,
    CasePause,
    Office,
    ServiceRating,
    SupervisionNotice,
    User,
)
from app.permissions import Action
from app.services import packages, study
from app.services.cases import OPEN_STATUSES
from app.services.context import LOCAL_TZ, ServiceContext
from app.services.county import beijing_date
from app.services.reference import ReferenceService

if TYPE_CHECKING:
    from app.services import Services

BAD_RATING = 2  # 不满意 and below open a follow-up (app.services.ratings.RatingLevel)


@dataclass(frozen=True)
class AssessedOffice:
    id: uuid.UUID
    code: str
    name: str


@dataclass(frozen=True)
class EntryItem:
    id: uuid.UUID
    office_id: uuid.UUID
    year: int
    item_code: str
    item_name: str
    kind: EntryKind
    points: Decimal
    note: str
    evidence: str
    evidence_file: str
    evidence_sha256: str
    entered_by: str  # display name
    entered_at: dt.datetime
    by_county: bool  # entered at the county (not the township's own self-assessment)
    withdrawn_at: dt.datetime | None
    withdraw_reason: str

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


@dataclass(frozen=True)
class OfficeAssessment:
    office: AssessedOffice
    year: int
    today: dt.date
    facts: CaseFacts
    result: AssessmentResult
    entries: tuple[EntryItem, ...]  # withdrawn ones included, marked

    @property
    def scheme(self) -> Scheme:
        return self.result.scheme


@dataclass(frozen=True)
class RankingLine:
    rank: int
    office: AssessedOffice
    result: AssessmentResult


@dataclass(frozen=True)
class Ranking:
    year: int
    today: dt.date
    county_name: str
    scheme: Scheme
    lines: tuple[RankingLine, ...]


class AssessmentService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService, *,
                 evidence_dir: Path | None = None) -> None:
        self.ctx = ctx
        self.reference = reference
        self.scheme_dir: Path | None = None  # tests point this at their own scheme files
        # Where copies of evidence files are kept, named by their SHA-256 (the data folder's
        # "evidence"); None keeps only the name and hash of the file the leader chose.
        self.evidence_dir = evidence_dir
        self.evidence = EvidenceStore(evidence_dir)

    # ------------------------------------------------------------ what there is

    def scheme(self, year: int) -> Scheme:
        key = ("assessment_scheme", self.scheme_dir, year)
        return cast(Scheme, self.ctx.cached(key, lambda: load_scheme(year, self.scheme_dir)))

    def years(self) -> list[int]:
        """Years that can be assessed: from the first scheme to this year, newest first."""
        this_year = self.ctx.today().year
        years = available_years(self.scheme_dir)
        if not years:
            return [this_year]
        return list(range(max(this_year, years[0]), years[0] - 1, -1))

    def is_county(self) -> bool:
        if self.ctx.office_id is None:
            return False
        with self.ctx.reading() as s:
            return bool(s.scalar(select(Office.is_county).where(Office.id == self.ctx.office_id)))

    def offices(self) -> list[AssessedOffice]:
        """At the county every township; at a township itself only."""
        with self.ctx.reading() as s:
            return self._offices(s)

    def may_enter(self) -> bool:
        try:
            self.ctx.require(Action.ASSESS)
        except PermissionDenied:
            return False
        return True

    # ------------------------------------------------------------ results

    def assess(self, year: int, office_id: uuid.UUID | None = None) -> OfficeAssessment:
        """One office's result for a year (default: this office, or the county's first township)."""
        scheme = self._scheme_for(year)
        today = self.ctx.today()
        with self.ctx.reading() as s:
            office = self._office(s, office_id)
            facts = _facts(s, [office.id], year, today).get(office.id, CaseFacts())
            entries = self._entries(s, scheme, [office.id], year)
        mine = tuple(entries.get(office.id, ()))
        result = score(scheme, _standing(mine), facts)
        return OfficeAssessment(office, year, today, facts, result, mine)

    def ranking(self, year: int) -> Ranking:
        """All townships side by side (county only): vetoed offices after the others."""
        scheme = self._scheme_for(year)
        today = self.ctx.today()
        with self.ctx.reading() as s:
            county = self._require_county(s)
            offices = self._offices(s)
            ids = [o.id for o in offices]
            facts = _facts(s, ids, year, today)
            entries = self._entries(s, scheme, ids, year)
        results = [(o, score(scheme, _standing(entries.get(o.id, ())), facts.get(o.id, CaseFacts())))
                   for o in offices]
        results.sort(key=lambda pair: (pair[1].verdict.vetoed, -pair[1].total, pair[0].code))
        lines: list[RankingLine] = []
        for position, (office, result) in enumerate(results, start=1):
            previous = lines[-1] if lines else None
            same = (previous is not None and previous.result.total == result.total
                    and previous.result.verdict.vetoed == result.verdict.vetoed)
            lines.append(RankingLine(previous.rank if same and previous else position, office, result))
        return Ranking(year, today, county, scheme, tuple(lines))

    # ------------------------------------------------------------ entering

    def enter(self, office_id: uuid.UUID, year: int, item_code: str, points: Decimal | str | int | float,
              note: str, evidence: str = "", evidence_file: Path | None = None) -> EntryItem:
        """Record a deduction, bonus or veto with its note and evidence (Action.ASSESS).

        Every problem comes back at once, at its field (FormErrors): unknown or computed
        item, points outside what the item or rule still allows, a missing note. An evidence
        file is referenced by name and SHA-256 (the file stays where the office keeps it).
        """
        self.ctx.require(Action.ASSESS)
        scheme = self._scheme_for(year)
        code = item_code.strip()
        file_name, digest = "", ""
        if evidence_file is not None:
            # Copied before the transaction: a copy left by a refused entry is harmless
            # (named by its content) and the database never names a missing copy.
            stored = self.evidence.keep(evidence_file)
            file_name, digest = stored.file_name, stored.sha256
        with self.ctx.transaction("assessment.enter") as s:
            office = self._office(s, office_id)
            standing = _standing(self._entries(s, scheme, [office.id], year).get(office.id, ()))
            kind, value = check_entry(scheme, code, points, note, standing)
            row = AssessmentEntry(
                office_id=office.id, year=year, scheme_version=scheme.version, item_code=code,
                kind=kind.value, points=value, note=note.strip(), evidence=evidence.strip(),
                evidence_file=file_name, evidence_sha256=digest, entered_by=self.ctx.user_id,
                entered_at=self.ctx.now())
            s.add(row)
            s.flush()
            entry_id = row.id
        return self.entry(entry_id)

    def withdraw(self, entry_id: uuid.UUID, reason: str) -> EntryItem:
        """Take back a wrong entry; it stays on record with who withdrew it and why."""
        self.ctx.require(Action.ASSESS)
        if not reason.strip():
            raise ValidationError("reason", reason, "required", "撤销录入必须写明原因")
        with self.ctx.transaction("assessment.withdraw") as s:
            row = s.get(AssessmentEntry, entry_id)
            if row is None:
                raise NotFoundError("找不到该考核录入")
            self._office(s, row.office_id)
            if row.withdrawn_at is not None:
                raise ValidationError("reason", reason, "withdrawn", "这条录入已经撤销过了")
            row.withdrawn_at = self.ctx.now()
            row.withdrawn_by = self.ctx.user_id
            row.withdraw_reason = reason.strip()
        return self.entry(entry_id)

    def evidence_copy(self, entry: EntryItem) -> Path | None:
        """The kept copy of an entry's evidence file, if this installation has it."""
        return self.evidence.find(entry.evidence_sha256, entry.evidence_file)

    def entry(self, entry_id: uuid.UUID) -> EntryItem:
        with self.ctx.reading() as s:
            row = s.get(AssessmentEntry, entry_id)
            if row is None:
                raise NotFoundError("找不到该考核录入")
            self._office(s, row.office_id)
            scheme = self.scheme(row.year)
            found = self._entries(s, scheme, [row.office_id], row.year)
        return next(e for e in found[row.office_id] if e.id == entry_id)

    # ------------------------------------------------------------ helpers

    def _scheme_for(self, year: int) -> Scheme:
        this_year = self.ctx.today().year
        if not 2000 <= year <= this_year:
            raise ValidationError("year", year, "range", f"考核年度应在 2000—{this_year} 年之间")
        return self.scheme(year)

    def _require_county(self, s: Session) -> str:
        own = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
        if own is None or not own.is_county:
            raise PermissionDenied("assessment_ranking", "各乡镇所考核排名只能在县局查看")
        return own.name

    def _offices(self, s: Session) -> list[AssessedOffice]:
        own = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
        if own is None:
            raise NotFoundError("尚未设置单位")
        if not own.is_county:
            return [AssessedOffice(own.id, own.code, own.name)]
        rows = s.execute(select(Office.id, Office.code, Office.name)
                         .where(Office.is_county.is_(False)).order_by(Office.code))
        return [AssessedOffice(*r) for r in rows]

    def _office(self, s: Session, office_id: uuid.UUID | None) -> AssessedOffice:
        """An office this installation may assess: itself at a township, a township at the county."""
        offices = self._offices(s)
        if office_id is None:
            if not offices:
                raise NotFoundError("县局尚未收到任何乡镇所的数据")
            return offices[0]
        for office in offices:
            if office.id == office_id:
                return office
        raise PermissionDenied("assess", "只能考核本所；其他乡镇所由县局考核")

    def _entries(self, s: Session, scheme: Scheme, office_ids: list[uuid.UUID],
                 year: int) -> dict[uuid.UUID, list[EntryItem]]:
        if not office_ids:
            return {}
        rows = s.execute(
            select(AssessmentEntry, User.display_name, Office.is_county)
            .outerjoin(User, User.id == AssessmentEntry.entered_by)
            .outerjoin(Office, Office.id == User.office_id)
            .where(AssessmentEntry.office_id.in_(office_ids), AssessmentEntry.year == year)
            .order_by(AssessmentEntry.entered_at, AssessmentEntry.id)).all()
        out: dict[uuid.UUID, list[EntryItem]] = {}
        for row, name, by_county in rows:
            found = scheme.lookup(row.item_code)
            out.setdefault(row.office_id, []).append(EntryItem(
                id=row.id, office_id=row.office_id, year=row.year, item_code=row.item_code,
                item_name=found[1].name if found else f"（方案 {row.scheme_version} 的 {row.item_code}）",
                kind=EntryKind(row.kind), points=Decimal(row.points), note=row.note, evidence=row.evidence,
                evidence_file=row.evidence_file, evidence_sha256=row.evidence_sha256,
                entered_by=name or "", entered_at=row.entered_at, by_county=bool(by_county),
                withdrawn_at=row.withdrawn_at, withdraw_reason=row.withdraw_reason))
        return out


# ---------------------------------------------------------------- for the command line


def write_score_sheet(services: Services, year: int, path: Path, office_code: str | None = None) -> Path:
    """``landdesk assess sheet --year Y [--office CODE] -o F.pdf``: an office's score sheet
    (default: this office; at the county ``office_code`` names the township)."""
    from app.printing.assessment_doc import render_score_sheet

    office_id = None
    if office_code:
        match = [o for o in services.assessment.offices() if o.code == office_code]
        if not match:
            raise NotFoundError(f"没有可考核的单位代码 {office_code}")
        office_id = match[0].id
    pdf = render_score_sheet(services.assessment.assess(year, office_id))
    write_bytes_atomically(Path(path), pdf)
    return Path(path)


def write_ranking(services: Services, year: int, path: Path) -> Path:
    """``landdesk assess rank --year Y -o F.pdf|F.xlsx`` (county only): the ranking table."""
    from app.printing.assessment_doc import render_ranking, write_ranking_xlsx

    ranking = services.assessment.ranking(year)
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return write_ranking_xlsx(ranking, path)
    write_bytes_atomically(path, render_ranking(ranking))
    return path


def _standing(entries: Any) -> list[EntryFact]:
    return [EntryFact(e.item_code, e.points, e.note, e.evidence) for e in entries if not e.withdrawn]


def _year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    """The UTC moments a Beijing year starts and ends."""
    start = dt.datetime(year, 1, 1, tzinfo=LOCAL_TZ).astimezone(dt.UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=LOCAL_TZ).astimezone(dt.UTC)
    return start, end


def _flag_sum(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _facts(s: Session, office_ids: list[uuid.UUID], year: int, today: dt.date) -> dict[uuid.UUID, CaseFacts]:
    """The computed items' counts per office, each a GROUP BY the database does."""
    if not office_ids:
        return {}
    start, end = _year_bounds(year)
    first_day, last_day = dt.date(year, 1, 1), dt.date(year, 12, 31)
    paused = exists().where(CasePause.case_id == Case.id, CasePause.end_date.is_(None))
    done = Case.completed_at.is_not(None)
    done_day = beijing_date(Case.completed_at)
    due_rows = s.execute(
        select(Case.office_id,
               _flag_sum(and_(done, done_day <= Case.due_date)),
               _flag_sum(and_(done, done_day > Case.due_date)),
               _flag_sum(and_(Case.status.in_(OPEN_STATUSES), Case.due_date < today, ~paused)))
        .where(Case.office_id.in_(office_ids), Case.due_date >= first_day, Case.due_date <= last_day)
        .group_by(Case.office_id)).all()
    notices: dict[uuid.UUID, int] = dict(s.execute(
        select(Case.office_id, func.count())
        .where(Case.office_id.in_(office_ids), Case.notice_late.is_(True),
               Case.received_at >= start, Case.received_at < end)
        .group_by(Case.office_id)).all())
    r = ServiceRating
    follow_ups: dict[uuid.UUID, int] = dict(s.execute(
        select(r.office_id, func.count())
        .where(r.office_id.in_(office_ids), r.level <= BAD_RATING, r.rated_at >= start, r.rated_at < end,
               r.follow_up_due.is_not(None),
               or_(and_(r.closed_at.is_(None), r.follow_up_due < today),
                   and_(r.closed_at.is_not(None), beijing_date(r.closed_at) > r.follow_up_due)))
        .group_by(r.office_id)).all())
    n = SupervisionNotice
    supervision: dict[uuid.UUID, int] = dict(s.execute(
        select(n.office_id, func.count())
        .where(n.office_id.in_(office_ids), n.issued_at >= start, n.issued_at < end,
               or_(and_(n.replied_at.is_(None), n.reply_due < today),
                   and_(n.replied_at.is_not(None), beijing_date(n.replied_at) > n.reply_due)))
        .group_by(n.office_id)).all())
    late_packages = packages.late_packages(s, office_ids, year, today)
    study_short = study.shortfalls(s, office_ids, year, today)
    out: dict[uuid.UUID, CaseFacts] = {}
    due = {office: (int(a), int(b), int(c)) for office, a, b, c in due_rows}
    for office in office_ids:
        on_time, late, open_overdue = due.get(office, (0, 0, 0))
        out[office] = CaseFacts(on_time=on_time, completed_late=late, open_overdue=open_overdue,
                                late_notices=int(notices.get(office, 0)),
                                overdue_follow_ups=int(follow_ups.get(office, 0)),
                                late_supervision=int(supervision.get(office, 0)),
                                late_packages=late_packages.get(office, 0),
                                study_weeks_short=short.weeks_short if (short := study_short.get(office)) else 0,
                                articles_short=short.articles_short if short else 0)
    return out
