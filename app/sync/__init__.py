"""Township → county sync: signed, encrypted batch files and the county's downlinks.

See docs/sync.md for the file format and the rules.
"""

from app.sync.fileformat import SyncFileError
from app.sync.keys import KeyFileError
from app.sync.service import SyncService
from app.sync.types import (
           ConflictItem,
           ExportResult,
           ImportReport,
           KeyInfo,
           SyncStatus,
           TableCounts,
)

__all__ = ["ConflictItem", "ExportResult", "ImportReport", "KeyFileError", "KeyInfo", "SyncFileError",
           "SyncService", "SyncStatus", "TableCounts"]
