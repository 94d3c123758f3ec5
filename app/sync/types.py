"""What the sync service hands to the UI and the command line."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class KeyInfo:
    office_code: str
    office_name: str
    role: str  # township / county
    fingerprint: str


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    refused: int = 0
    deleted: int = 0
    kept: int = 0  # a recovery file's row this database already has: left as it is

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TableCounts:
        return cls(**{k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class ImportReport:
    file_name: str
    kind: str  # uplink / downlink / recovery
    office_code: str
    office_name: str
    batch_seq: int
    outcome: str  # applied / duplicate / held / refused / checked
    message: str
    by_table: dict[str, TableCounts] = field(default_factory=dict)
    missing: tuple[int, ...] = ()
    applied_after: tuple[int, ...] = ()
    items: tuple[str, ...] = ()  # what a downlink applied, one line each
    refusal_kind: str = ""  # SyncFileError.kind when refused
    at: dt.datetime | None = None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    batch_seq: int
    changes: int
    counts: dict[str, int]
    remade: bool
    flagged_times: int
    first_change: int = 0
    last_change: int = 0
    flagged_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyncStatus:
    mode: str  # township / county
    office_code: str
    own_fingerprint: str
    peers: list[KeyInfo]
    last_acked_seq: int
    unacknowledged: list[int]
    pending_changes: int
    last_export_at: dt.datetime | None
    last_import_at: dt.datetime | None


@dataclass(frozen=True)
class ConflictItem:
    id: uuid.UUID
    office_code: str
    table_name: str
    row_id: str
    county_version: dict[str, Any] | None
    incoming_version: dict[str, Any] | None
    batch_seq: int
    change_seq: int
    at: dt.datetime
    resolved: bool
