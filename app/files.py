"""Writing a file the user asked for, all or nothing.

Every document, register and export is written next to its target under a hidden
temporary name and renamed into place, so a power cut or a full USB stick never leaves half
a file with the real name. The temporary file is created with the user's normal permissions
(not tempfile.mkstemp's private 0600): a PDF saved to a shared folder must be readable there.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from app.errors import LanddeskError

DEFAULT_HINT = "请检查文件夹是否存在、能否写入，以及该文件是否正在被其他程序打开"


def save_atomically(path: Path, save: Callable[[str], None], *, what: str = "文件",
                    hint: str = DEFAULT_HINT) -> Path:
    """Call ``save(temporary_path)`` and rename the result onto ``path``."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        save(str(temp))
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except OSError as exc:
        raise LanddeskError(f"无法保存{what} {path}：{exc.strerror or exc}。{hint}") from exc
    finally:
        temp.unlink(missing_ok=True)
    return path


def write_bytes_atomically(path: Path, data: bytes, *, what: str = "文件") -> Path:
    def save(temp: str) -> None:
        with open(temp, "xb") as fh:
            fh.write(data)

    return save_atomically(path, save, what=what)


def write_text_atomically(path: Path, text: str, *, what: str = "文件") -> Path:
    return write_bytes_atomically(path, text.encode("utf-8"), what=what)
