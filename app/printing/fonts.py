"""Find and register the CJK TrueType font every printed document embeds.

reportlab can only embed TrueType (``glyf``) outlines.  Many Chinese fonts on
Linux (Noto Sans CJK, Source Han) are OpenType with PostScript (CFF) outlines:
reportlab refuses them deep inside its parser with an English error, so we sniff
the header first and skip them with a reason the clerk (or the county's IT
person) can read.

Search order (first usable font wins):

1. the font configured in settings (argument), else the ``LANDDESK_FONT``
   environment variable — if one is given it must work: we never fall back
   silently, because the user asked for that font on purpose;
2. fonts shipped in ``resources/fonts`` (``*.ttf``, ``*.ttc``);
3. Windows system fonts (宋体, 黑体, 微软雅黑);
4. well-known Linux/macOS locations (文泉驿, Droid Sans Fallback, Noto if TrueType);
5. fontconfig (``fc-match`` / ``fc-list :lang=zh``) when it is installed.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.errors import FontNotFoundError
from app.resources import resource_path

ENV_VAR = "LANDDESK_FONT"

# File names looked up in %WINDIR%\Fonts (and the per-user font folder, where
# Windows 10 1809+ puts fonts installed "for this user only").  SimSun first:
# official documents are customarily set in 宋体.
WINDOWS_FONT_FILES: tuple[str, ...] = ("simsun.ttc", "simhei.ttf", "msyh.ttc", "msyh.ttf")

# Well-known locations on Linux distributions and macOS.  Listing a CFF font
# here is harmless: the sniffer skips it and says why.
UNIX_FONT_PATHS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian/Ubuntu fonts-wqy-zenhei
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",  # Fedora/Arch
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
    "/usr/share/fonts/google-droid/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # CFF: reported and skipped
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",  # macOS
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)

# A character every Chinese font has and no Latin-only font has: used to
# reject e.g. a configured DejaVuSans.ttf before it prints empty boxes.
_PROBE_CHAR = ord("国")

_FONT_NAME_PREFIX = "LanddeskCJK"
_MISSING = "不存在"

_HOW_TO_FIX = (
    "处理办法：安装一款中文 TrueType 字体（如 文泉驿正黑 wqy-zenhei、宋体 SimSun 或 黑体 SimHei），"
    "或在“系统设置 → 打印字体”中指定一个 .ttf/.ttc 字体文件，"
    f"也可以把环境变量 {ENV_VAR} 设为字体文件的完整路径。"
    "注意：PostScript(CFF) 轮廓的 .otf 字体（如 Noto Sans CJK、思源黑体）无法嵌入 PDF。"
)


@dataclass(frozen=True)
class _Tried:
    """One place we looked and why it was not used (for the error message)."""

    where: str
    reason: str


# ------------------------------------------------------------------ sniffing


def _sfnt_problem(head: bytes, read_at: Callable[[int, int], bytes]) -> str | None:
    """Why the sfnt at the start of ``head`` is unusable, or None if it is TrueType."""
    tag = head[:4]
    if tag == b"OTTO":
        return "PostScript(CFF) 轮廓的 OpenType 字体，reportlab 无法嵌入"
    if tag not in (b"\x00\x01\x00\x00", b"true"):
        return "不是 TrueType 字体文件"
    # Table directory: a glyf table means TrueType outlines.  Checking it (not
    # only the version tag) catches the odd CFF font mislabelled 0x00010000.
    num_tables = struct.unpack(">H", head[4:6])[0]
    directory = read_at(12, 16 * num_tables)
    tags = {directory[i : i + 4] for i in range(0, len(directory), 16)}
    if b"glyf" not in tags:
        if b"CFF " in tags or b"CFF2" in tags:
            return "PostScript(CFF) 轮廓的 OpenType 字体，reportlab 无法嵌入"
        return "字体文件缺少 TrueType 轮廓（glyf 表）"
    return None


def font_file_problem(path: Path) -> str | None:
    """Cheaply check a font file's header; None if reportlab can embed it.

    Only a few hundred bytes are read, so probing a 17 MB collection costs
    nothing compared with loading it.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
            if len(head) < 12:
                return "文件太小，不是字体文件"

            def read_at(offset: int, size: int) -> bytes:
                fh.seek(offset)
                return fh.read(size)

            if head[:4] in (b"wOFF", b"wOF2"):
                return "网页字体（WOFF），不能用于打印"
            if head[:4] == b"ttcf":
                # Collection: judge by its first face, the one we register.
                first = struct.unpack(">I", read_at(12, 4))[0]
                sub_head = read_at(first, 12)
                if len(sub_head) < 12:
                    return "字体集合文件已损坏"
                return _sfnt_problem(sub_head, lambda off, n: read_at(first + off, n))
            return _sfnt_problem(head, read_at)
    except OSError as exc:
        return f"无法读取：{exc.strerror or exc}"
    except struct.error:
        return "字体文件已损坏"


# ------------------------------------------------------------------ candidates


def bundled_font_dir() -> Path:
    return resource_path("fonts")


def _bundled_fonts() -> list[Path]:
    folder = bundled_font_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".ttc") and p.is_file()]
    return sorted(found, key=lambda p: p.name.lower())


def _windows_fonts() -> list[Path]:
    folders: list[Path] = []
    # Environment names are case-insensitive on Windows; C:\Windows is the last resort.
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
    folders.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return [folder / name for name in WINDOWS_FONT_FILES for folder in folders]


def _fontconfig_fonts() -> list[Path]:
    """Chinese fonts fontconfig knows about: its best match first, then all others."""
    if not (shutil.which("fc-match") and shutil.which("fc-list")):
        return []
    # CREATE_NO_WINDOW: a GUI process on Windows would otherwise flash a console.
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    commands = (
        ["fc-match", "-f", "%{file}\n", ":lang=zh"],
        ["fc-list", ":lang=zh", "file"],
    )
    found: list[Path] = []
    for cmd in commands:
        try:
            out = subprocess.run(
                cmd, capture_output=True, text=True, timeout=10, check=False, creationflags=flags
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        for line in out.splitlines():
            # fc-list prints "path: " (the trailing colon separates the pattern).
            file = line.strip().rstrip(":").strip()
            if file:
                found.append(Path(file))
    # fc-list order is arbitrary; prefer .ttf/.ttc files (more likely TrueType).
    first, rest = found[:1], found[1:]
    rest.sort(key=lambda p: (p.suffix.lower() not in (".ttf", ".ttc"), str(p)))
    return first + rest


def _system_candidates() -> Iterator[tuple[str, Path]]:
    """Every automatic candidate, labelled with where it came from."""
    for path in _bundled_fonts():
        yield "程序自带字体", path
    if sys.platform == "win32":
        for path in _windows_fonts():
            yield "Windows 字体", path
    else:
        for name in UNIX_FONT_PATHS:
            yield "系统字体", Path(name)
    for path in _fontconfig_fonts():
        yield "fontconfig", path


# ------------------------------------------------------------------ search


def _configured_source(configured: str | Path | None) -> tuple[str, Path] | None:
    if configured is not None and str(configured).strip():
        return "设置中指定的打印字体", Path(str(configured).strip()).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return f"环境变量 {ENV_VAR} 指定的字体", Path(env).expanduser()
    return None


def _configured_error(label: str, path: Path, reason: str) -> FontNotFoundError:
    return FontNotFoundError(
        f"{label}“{path}”{reason}。请在“系统设置 → 打印字体”中重新选择一个中文 TrueType "
        f"字体文件（.ttf/.ttc），或清空该设置（以及环境变量 {ENV_VAR}）让程序自动查找。"
    )


def _not_found_error(tried: list[_Tried]) -> FontNotFoundError:
    lines = ["未找到可用于打印的中文 TrueType 字体，无法生成 PDF 文档。", "已查找："]
    lines.append(f"  - 设置中的打印字体、环境变量 {ENV_VAR}：均未设置")
    if not _bundled_fonts():
        lines.append(f"  - 程序自带字体目录 {bundled_font_dir()}：没有 .ttf/.ttc 文件")
    missing = [t.where for t in tried if t.reason == _MISSING]
    if missing:
        lines.append("  - 以下位置没有字体文件：" + "、".join(missing))
    lines.extend(f"  - {t.where}：{t.reason}" for t in tried if t.reason != _MISSING)
    if not any(t.where.startswith("fontconfig") for t in tried):
        lines.append("  - fontconfig（fc-list :lang=zh）：未安装或没有找到中文字体")
    lines.append(_HOW_TO_FIX)
    return FontNotFoundError("\n".join(lines))


def _search(configured: str | Path | None, accept: Callable[[Path], str | None]) -> Path:
    """First candidate ``accept`` has no objection to; ``accept`` returns a reason to skip."""
    source = _configured_source(configured)
    if source is not None:
        label, path = source
        if not path.is_file():
            raise _configured_error(label, path, "不存在" if not path.exists() else "不是文件")
        problem = accept(path)
        if problem:
            raise _configured_error(label, path, f"不能使用：{problem}")
        return path

    tried: list[_Tried] = []
    seen: set[str] = set()
    for origin, path in _system_candidates():
        key = os.path.normcase(str(path))
        if key in seen:
            continue
        seen.add(key)
        if not path.is_file():
            tried.append(_Tried(str(path), _MISSING))
            continue
        problem = accept(path)
        if problem is None:
            return path
        tried.append(_Tried(f"{origin} {path}", problem))
    raise _not_found_error(tried)


# ------------------------------------------------------------------ registration

_lock = threading.RLock()  # printing runs on worker threads; load and register only once
_loaded: dict[str, TTFont | str] = {}  # file key -> loaded face, or why it is unusable
_by_request: dict[tuple[str | None, str | None], str] = {}
_files: dict[str, Path] = {}  # registered font name -> file


def _file_key(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))


def _load(path: Path) -> TTFont | str:
    """Load a font with reportlab (cached); a reason string when it cannot be used.

    The header sniff runs first so a CFF font is rejected with our message, not
    reportlab's; the full load then proves the file parses and has 汉字.
    """
    key = _file_key(path)
    with _lock:
        cached = _loaded.get(key)
        if cached is not None:
            return cached
        result: TTFont | str
        problem = font_file_problem(path)
        if problem:
            result = problem
        else:
            name = _FONT_NAME_PREFIX + (str(len(_loaded) + 1) if _loaded else "")
            try:
                result = TTFont(name, str(path), subfontIndex=0)
            except TTFError as exc:
                result = f"reportlab 无法读取（{exc}）"
            else:
                glyphs = result.face.charToGlyph
                if _PROBE_CHAR not in glyphs:
                    result = "字体中没有汉字"
                elif not all(ord(c) in glyphs for c in "0123456789AXZ"):
                    # e.g. DroidSansFallback: CJK only, so case numbers, ID numbers and dates
                    # would print blank.
                    result = "字体中没有数字或拉丁字母（案号、身份证号和日期会印成空白）"
        _loaded[key] = result
        return result


def _usable(path: Path) -> str | None:
    result = _load(path)
    return result if isinstance(result, str) else None


def find_cjk_font(configured: str | Path | None = None) -> Path:
    """Path of the CJK TrueType font to embed in printed documents.

    ``configured`` is the font chosen in settings; when it is None the
    ``LANDDESK_FONT`` environment variable is used.  A configured font that is
    missing or unusable raises :class:`FontNotFoundError` naming it; otherwise
    the automatic search runs and raises with the list of places it looked.
    The chosen file is fully parsed (and cached), so a font that would fail
    at print time is rejected here, not when the clerk presses 打印.
    """
    return _search(configured, _usable)


def register_cjk_font(configured: str | Path | None = None) -> str:
    """Register the CJK font with reportlab (once per process) and return its name.

    Loading a large collection such as wqy-zenhei.ttc takes a few hundred
    milliseconds, so the result is cached per requested font (and per value of
    ``LANDDESK_FONT``): every later document reuses the registered face.
    """
    key = (str(configured) if configured is not None else None, os.environ.get(ENV_VAR))
    cached = _by_request.get(key)  # lock-free fast path: dict reads are atomic
    if cached is not None:
        return cached
    with _lock:
        cached = _by_request.get(key)
        if cached is not None:
            return cached
        path = _search(configured, _usable)
        font = _loaded[_file_key(path)]
        assert isinstance(font, TTFont)  # _usable accepted it
        if font.fontName not in _files:
            pdfmetrics.registerFont(font)
            _files[font.fontName] = path
        _by_request[key] = font.fontName
        return font.fontName


def registered_font_file(font_name: str) -> Path:
    """The file a font registered by :func:`register_cjk_font` came from."""
    return _files[font_name]


def font_has_chars(font_name: str, text: str) -> bool:
    """True if the registered font has a glyph for every character of ``text``."""
    face = pdfmetrics.getFont(font_name).face
    cmap: dict[int, int] = face.charToGlyph
    return all(ord(ch) in cmap for ch in text)


__all__ = [
    "ENV_VAR",
    "UNIX_FONT_PATHS",
    "WINDOWS_FONT_FILES",
    "bundled_font_dir",
    "find_cjk_font",
    "font_file_problem",
    "font_has_chars",
    "register_cjk_font",
    "registered_font_file",
]
