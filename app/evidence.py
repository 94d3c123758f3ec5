"""Evidence files (证明材料): copied into the data folder under their SHA-256.

The database row keeps only the original file name and the digest, so the same photo
attached twice is stored once, a renamed or edited file is told apart, and the county
can check that the copy a township shows is the one that was recorded.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.errors import ValidationError


@dataclass(frozen=True)
class StoredFile:
    file_name: str  # the name the user picked, for display
    sha256: str
    size: int


class EvidenceStore:
    """One folder of kept copies; ``folder=None`` records digests without keeping copies."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def keep(self, source: Path, *, field: str = "evidence_file") -> StoredFile:
        """Digest ``source`` and keep a copy; problems are a ValidationError at ``field``."""
        stored = digest_file(source, field=field)
        if self.folder is not None:
            _copy_once(source, self.folder / _stored_name(stored.sha256, stored.file_name), field)
        return stored

    def find(self, sha256: str, file_name: str) -> Path | None:
        """The kept copy, if this installation has it (files do not travel in sync batches)."""
        if self.folder is None or not sha256:
            return None
        path = self.folder / _stored_name(sha256, file_name)
        return path if path.exists() else None


def digest_file(path: Path, *, field: str = "evidence_file") -> StoredFile:
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
    except OSError as exc:
        raise ValidationError(field, str(path), "unreadable",
                              f"无法读取证明材料文件：{exc.strerror or exc}") from None
    return StoredFile(path.name, digest.hexdigest(), size)


def _stored_name(sha256: str, file_name: str) -> str:
    return sha256 + Path(file_name).suffix.lower()


def _copy_once(source: Path, target: Path, field: str) -> None:
    if target.exists():
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(target.name + ".part")
        shutil.copyfile(source, temp)
        os.replace(temp, target)
    except OSError as exc:
        raise ValidationError(field, str(source), "copy",
                              f"无法保存证明材料文件的副本：{exc.strerror or exc}") from None
