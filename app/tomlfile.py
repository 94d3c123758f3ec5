"""Reading the program's TOML data files with messages an administrator can act on.

Every data file (assessment scheme, management rules …) fails the same way: the file, the
line and the field, and what is wrong, in Chinese. Each file has its own error class (so the
caller knows which file was bad); they all take ``(file, line, field, reason)``.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from app.catalog import _SYNTAX_HINTS, _LineMap
from app.errors import LanddeskError

PathKey = tuple[str | int, ...]  # field path; array elements counted from 1, as messages say


class DataFileError(LanddeskError):
    """A data file is malformed: says which file, line and field. Subclasses name the file's kind."""

    what = "数据文件"

    def __init__(self, file: str, line: int | None, field: str, reason: str) -> None:
        where = f"{file}" + (f" 第 {line} 行" if line else "")
        super().__init__(f"{self.what} {where}，字段 {field}：{reason}")
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason


def read_data_file(path: Path, error: type[DataFileError]) -> str:
    """The file's text, or ``error`` saying why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(str(path), None, "file", "文件不存在") from None
    except UnicodeDecodeError:
        raise error(str(path), None, "file", "文件不是 UTF-8 编码；请用记事本“另存为 UTF-8”") from None
    except OSError as exc:
        raise error(str(path), None, "file", f"无法读取：{exc.strerror or exc}") from None


class TomlReader:
    def __init__(self, file: str, text: str, error: type[DataFileError]) -> None:
        self.file = file
        self.text = text[1:] if text.startswith("\ufeff") else text  # Notepad's byte-order mark
        self.error = error
        self._map: _LineMap | None = None

    def load(self) -> dict[str, Any]:
        try:
            return tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            line: int | None = None
            if m := re.search(r"\(at line (\d+), column \d+\)", message):
                line = int(m.group(1))
            elif "end of document" in message:
                line = self.text.count("\n") + 1
            base = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)\s*$", "", message)
            hint = next((h for key, h in _SYNTAX_HINTS if base.startswith(key)),
                        "请检查该行的引号、等号和括号是否成对")
            raise self.error(self.file, line, "toml", f"TOML 格式错误：{hint}（解析器信息：{base}）") from None
        except RecursionError:
            raise self.error(self.file, None, "toml", "TOML 格式错误：括号嵌套层数过多") from None

    def fail(self, path: PathKey, reason: str) -> NoReturn:
        if self._map is None:
            self._map = _LineMap(self.text)
        name = ""
        for part in path:
            name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
        raise self.error(self.file, self._map.line(path), name or "file", reason)

    def keys(self, table: Any, path: PathKey, allowed: Sequence[str], required: Sequence[str]) -> dict[str, Any]:
        """The table itself, once it has only known keys and every required one."""
        if not isinstance(table, dict):
            self.fail(path, "应为一个表（[标题] 下的若干字段）")
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"是否想写 {close[0]}？" if close else ""
                self.fail((*path, key), f"未知字段“{key}”。{hint}此处允许的字段为：{'、'.join(allowed)}")
        for key in required:
            if key not in table:
                self.fail((*path, key), f"缺少必填字段 {key}")
        return table
