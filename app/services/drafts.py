"""Intake drafts that survive a crash or a power cut.

A draft is scratch work at one PC, not a record of the office: it is kept as
a small JSON file in the data folder (written to a temporary file, flushed to
disk, then renamed over the old one, so a power cut leaves either the old or
the new draft, never half of one), and it is not audited or synced.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.clock import Clock
from app.services.intake import ApplicantInput, IntakeForm, MaterialStatus, MaterialTick


@dataclass(frozen=True)
class DraftInfo:
    id: str
    saved_at: dt.datetime
    applicant_name: str
    matter_code: str


def form_to_json(form: IntakeForm) -> dict[str, Any]:
    data = dataclasses.asdict(form)
    data["pending_due"] = form.pending_due.isoformat() if form.pending_due else None
    for tick in data["materials"]:
        tick["status"] = str(tick["status"])
    return data


def form_from_json(data: dict[str, Any]) -> IntakeForm:
    applicant_fields = {f.name for f in dataclasses.fields(ApplicantInput)}
    applicant = ApplicantInput(**{k: v for k, v in data.get("applicant", {}).items() if k in applicant_fields})
    ticks = [
        MaterialTick(str(t["code"]), MaterialStatus(t["status"]), int(t.get("copies_received", 0)),
                     str(t.get("problem", "")))
        for t in data.get("materials", [])
    ]
    pending = data.get("pending_due")
    simple = {f.name for f in dataclasses.fields(IntakeForm)} - {"applicant", "materials", "pending_due"}
    return IntakeForm(
        applicant=applicant, materials=ticks,
        pending_due=dt.date.fromisoformat(pending) if pending else None,
        **{k: v for k, v in data.items() if k in simple},
    )


class DraftStore:
    def __init__(self, folder: Path, clock: Clock) -> None:
        self.folder = folder
        self.clock = clock
        folder.mkdir(parents=True, exist_ok=True)

    def new_id(self) -> str:
        return uuid.uuid4().hex

    def save(self, draft_id: str, form: IntakeForm, case_id: uuid.UUID | None = None) -> None:
        payload = {
            "saved_at": self.clock().isoformat(),
            "case_id": str(case_id) if case_id else None,
            "form": form_to_json(form),
        }
        target = self.folder / f"{draft_id}.json"
        tmp = target.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)

    def load(self, draft_id: str) -> tuple[IntakeForm, uuid.UUID | None]:
        data = json.loads((self.folder / f"{draft_id}.json").read_text(encoding="utf-8"))
        case_id = data.get("case_id")
        return form_from_json(data["form"]), uuid.UUID(case_id) if case_id else None

    def discard(self, draft_id: str) -> None:
        (self.folder / f"{draft_id}.json").unlink(missing_ok=True)

    def list(self) -> list[DraftInfo]:
        """Drafts left from earlier sessions, newest first; unreadable files are skipped, not fatal."""
        found: list[DraftInfo] = []
        for path in self.folder.glob("*.json"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                form = data["form"]
                found.append(DraftInfo(
                    id=path.stem, saved_at=dt.datetime.fromisoformat(data["saved_at"]),
                    applicant_name=form.get("applicant", {}).get("name", ""),
                    matter_code=form.get("matter_code", ""),
                ))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(found, key=lambda d: d.saved_at, reverse=True)
