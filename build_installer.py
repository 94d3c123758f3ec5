"""Build landdesk for installation: a PyInstaller one-folder bundle, the Windows installer, a smoke run.

    python build_installer.py [--out dist/] [--skip-installer] [--skip-smoke]

1. PyInstaller one-folder build from a spec generated here (``console=False`` on Windows, a
   version resource, the icon): the packages, ``resources/`` (catalogue, brochure, assessment
   scheme, translations ``.qm``, icons), the Alembic scripts, a CJK TrueType font with its
   licence, Qt's platform / print-support / image-format plugins; Qt modules the program never
   uses (WebEngine, Quick/QML, 3D, Multimedia, …) and test-only packages are left out.
2. Inno Setup (``installer/landdesk.iss``) where ``iscc`` is on the PATH: Chinese and English
   screens, Start-menu and desktop shortcuts, per-user data kept on uninstall.
3. The frozen program's ``--self-test`` with a temporary data folder on the offscreen
   platform; a non-zero exit or any unexpected line on stderr fails the build.

The version comes from pyproject.toml only; the installed package metadata (which the program
reads through ``app.version()``) is bundled with ``copy_metadata`` and must agree with it.
Needs the ``build`` extra: ``pip install -e '.[build]'``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
APP_NAME = "landdesk"
CLI_NAME = "landdesk-cli"  # Windows only: the console twin of the windowed landdesk.exe
ICON = ROOT / "resources" / "icons" / "landdesk.ico"

# Qt modules the program never imports. PyInstaller collects only what is imported, but a
# module named here can never come in through a stray import (and its plugins stay out).
EXCLUDED_QT = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtPdf", "QtPdfWidgets", "QtPositioning",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio",
    "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtWebView", "QtAxContainer",
    # Only Qt's libraries are needed for QtCharts' OpenGL series; their Python bindings (8 MB)
    # are never imported, nor is QtNetwork.
    "QtOpenGL", "QtOpenGLWidgets", "QtNetwork",
]
# Installed for the tests or development only; nothing the program runs imports them.
EXCLUDED_PACKAGES = [
    "tkinter", "pydoc_data", "pytest", "_pytest", "pytestqt", "hypothesis", "pypdf",
    "qrcode", "ruff", "numpy", "IPython", "setuptools", "pip", "PyInstaller",
    # Mako (Alembic's templates) colours tracebacks with Pygments when it is there; the frozen
    # program never shows one (4 MB of lexers).
    "pygments",
    # Pillow is there for reportlab and pdfium's page images: AVIF, WebP, its own font
    # rendering, colour management and Tk are never used (their libraries are 8 MB).
    "PIL._avif", "PIL._webp", "PIL._imagingft", "PIL._imagingcms", "PIL._imagingtk", "PIL.ImageTk",
    # Japanese, Korean and traditional-Chinese codecs (GBK/GB18030 in _codecs_cn stay).
    "_codecs_jp", "_codecs_kr", "_codecs_tw", "_codecs_hk", "_codecs_iso2022",
]
# Qt's own translations: only Chinese is shown (English is the source language).
KEEP_QT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qt_zh_CN.qm")
# Qt plugins that would drag in what the program never uses: the virtual keyboard loads
# Qt Quick and QML (17 MB), the GTK theme GTK and cairo. Matched against bundle paths, with the
# Qt libraries only they need.
DROPPED_BINARIES = (
    "platforminputcontexts/libqtvirtualkeyboardplugin", "platforminputcontexts/qtvirtualkeyboardplugin",
    "platformthemes/libqgtk3",
    "libQt6Quick", "libQt6Qml", "libQt6VirtualKeyboard", "Qt6Quick", "Qt6Qml", "Qt6VirtualKeyboard",
    # Image formats nobody opens here (icons are PNG, photos of materials JPEG), and Linux
    # platforms for kiosks and VNC: offscreen, xcb and wayland stay.
    "imageformats/libqtiff", "imageformats/qtiff", "imageformats/libqwebp", "imageformats/qwebp",
    "imageformats/libqicns", "imageformats/qicns", "imageformats/libqtga", "imageformats/qtga",
    "imageformats/libqwbmp", "imageformats/qwbmp", "platforms/libqlinuxfb", "platforms/libqvnc",
    "platforms/libqvkkhrdisplay", "platforms/libqeglfs", "platforms/libqminimalegl", "generic/",
    "egldeviceintegrations/", "libQt6EglFsKmsSupport",
    # Wayland: the Linux bundle is a test bed for the Windows one and runs on xcb (XWayland
    # serves Wayland desktops) or offscreen.
    "platforms/libqwayland", "wayland-graphics-integration-client/", "wayland-decoration-client/",
    "wayland-shell-integration/", "libQt6WaylandClient", "libQt6WaylandEglClientHwIntegration",
    "libQt6WlShellIntegration",
    # Only the Qt Quick modules above used Qt's network library (its Python module is excluded).
    "libQt6Network", "Qt6Network",
)
# Linux system libraries PyInstaller found for the GTK theme plugin above; nothing left in the
# bundle needs them once it is gone (checked with readelf: no NEEDED entry names them).
DROPPED_LINUX_LIBRARIES = (
    "libatk-1.0.so", "libcairo.so", "libcairo-gobject.so", "libpango-1.0.so", "libpangocairo-1.0.so",
    "libpangoft2-1.0.so", "libgdk_pixbuf-2.0.so", "libfribidi.so", "libthai.so", "libdatrie.so",
    "libgraphite2.so", "libharfbuzz.so", "libgio-2.0.so", "libgmodule-2.0.so", "libgobject-2.0.so",
    "libmount.so", "libblkid.so", "libselinux.so", "libpixman-1.so", "libXrender.so", "libXext.so",
    "libbsd.so", "libmd.so", "libXau.so", "libXdmcp.so", "libjpeg.so",
)

# The offscreen platform says this on every show(); nothing else may appear on stderr.
HARMLESS_STDERR = ("This plugin does not support propagateSizeHints",)


@dataclass(frozen=True)
class Font:
    path: Path
    licence: tuple[Path, ...]  # copied beside the font in the bundle


# A CJK TrueType font whose licence allows redistribution. WenQuanYi Zen Hei: GPL-2 with a
# font-embedding exception (PDFs that embed it are not covered by the GPL) plus the M+ FONTS
# licence; the documents were laid out and checked with it. Debian: fonts-wqy-zenhei.
DEFAULT_FONTS = (
    Font(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
         (Path("/usr/share/doc/fonts-wqy-zenhei/copyright"), Path("/usr/share/common-licenses/GPL-2"))),
)


class BuildError(Exception):
    pass


def project_version() -> str:
    """The one version: pyproject.toml's."""
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def check_metadata(version: str) -> None:
    """The metadata the frozen program will read must say the same as pyproject.toml."""
    from importlib import metadata

    try:
        installed = metadata.version(APP_NAME)
    except metadata.PackageNotFoundError as exc:
        raise BuildError("landdesk is not installed in this Python: pip install -e '.[build]'") from exc
    if installed != version:
        raise BuildError(f"installed metadata says {installed}, pyproject.toml says {version}: "
                         "run pip install -e . again so the program reports the right version")


def choose_font(explicit: Path | None, licences: list[Path]) -> Font:
    if explicit is not None:
        if not licences:
            raise BuildError("--font needs --font-licence: a font is only shipped with its licence")
        return Font(explicit, tuple(licences))
    for font in DEFAULT_FONTS:
        if font.path.is_file() and all(p.is_file() for p in font.licence):
            return font
    raise BuildError("no redistributable CJK TrueType font found (Debian: apt-get install "
                     "fonts-wqy-zenhei), or give --font FILE --font-licence FILE")


def stage_fonts(font: Font, staging: Path) -> Path:
    """resources/fonts for the bundle: the font and, beside it, its licence files."""
    from app.printing.fonts import font_file_problem

    problem = font_file_problem(font.path)
    if problem:
        raise BuildError(f"{font.path}: {problem}")
    folder = staging / "fonts"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy2(font.path, folder / font.path.name)
    for licence in font.licence:
        shutil.copy2(licence, folder / f"{font.path.stem}-{licence.name}.txt")
    return folder


def version_resource(version: str, path: Path) -> Path:
    """A Windows VERSIONINFO (file properties → details) in PyInstaller's text format."""
    numbers = [int("".join(c for c in part if c.isdigit()) or 0) for part in version.split(".")[:4]]
    numbers += [0] * (4 - len(numbers))
    tup = tuple(numbers)
    path.write_text(f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tup}, prodvers={tup}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'landdesk'),
      StringStruct('FileDescription', '乡镇国土资源所一窗受理'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'landdesk'),
      StringStruct('OriginalFilename', 'landdesk.exe'),
      StringStruct('ProductName', 'landdesk'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ])
""", encoding="utf-8")
    return path


def write_spec(work: Path, fonts: Path, version: str) -> Path:
    windows = sys.platform == "win32"
    datas = [
        (ROOT / "resources" / "catalog", "resources/catalog"),
        (ROOT / "resources" / "assessment", "resources/assessment"),
        (ROOT / "resources" / "management", "resources/management"),
        (ROOT / "resources" / "brochure.toml", "resources"),
        (ROOT / "resources" / "icons", "resources/icons"),
        (ROOT / "resources" / "translations" / "landdesk_zh_CN.qm", "resources/translations"),
        (fonts, "resources/fonts"),
        # Alembic reads these as files (script_location next to app/db.py), not as imports.
        (ROOT / "app" / "migrations", "app/migrations"),
    ]
    # reportlab imports its barcode modules by name (the receipt's QR and bar codes).
    hidden = ["ui.self_test"]
    try:  # the county's PostgreSQL driver, when installed (the postgresql extra)
        import psycopg  # noqa: F401

        hidden += ["psycopg", "sqlalchemy.dialects.postgresql.psycopg"]
    except ImportError:
        pass
    excludes = [f"PySide6.{name}" for name in EXCLUDED_QT] + EXCLUDED_PACKAGES
    dropped_top = () if windows else DROPPED_LINUX_LIBRARIES
    version_file = version_resource(version, work / "version_info.txt") if windows else None
    # On Windows the program is windowed (no console), so its sub-commands (backup, restore,
    # sync …) would print nowhere: a console twin in the same folder shares every library.
    cli_exe = f"""cli = EXE(pyz, a.scripts, [], exclude_binaries=True, name={CLI_NAME!r}, console=True,
          icon={str(ICON)!r}, version={str(version_file)!r}, upx=False)""" if windows else ""
    spec = f"""# Generated by build_installer.py for landdesk {version}; do not edit.
from PyInstaller.utils.hooks import collect_submodules, copy_metadata

a = Analysis(
    [{str(ROOT / "installer" / "landdesk_main.py")!r}],
    pathex=[{str(ROOT)!r}],
    datas={[(str(src), dest) for src, dest in datas]!r} + copy_metadata("landdesk"),
    hiddenimports={hidden!r} + collect_submodules("reportlab.graphics.barcode"),
    excludes={excludes!r},
    noarchive=False,
)


def _wanted_data(name):
    name = name.replace("\\\\", "/")
    if "__pycache__" in name:  # bytecode caches beside the Alembic scripts
        return False
    if "PySide6/" in name and "/translations/" in name:
        return name.rsplit("/", 1)[-1] in {KEEP_QT_TRANSLATIONS!r}
    return True


a.datas = [entry for entry in a.datas if _wanted_data(entry[0])
           and not any(part in entry[0] for part in {DROPPED_BINARIES!r})]
a.binaries = [entry for entry in a.binaries
              if not any(part in entry[0].replace("\\\\", "/") for part in {DROPPED_BINARIES!r})
              and not ("/" not in entry[0] and entry[0].startswith({dropped_top!r}))]
pyz = PYZ(a.pure)
exe = EXE(
    pyz, a.scripts, [],
    exclude_binaries=True,
    name={APP_NAME!r},
    console={not windows!r},
    icon={str(ICON) if windows else None!r},  # PyInstaller uses an icon on Windows only
    version={str(version_file) if version_file else None!r},
    upx=False,
)
{cli_exe}
# strip: the Linux libraries (libpython, SQLAlchemy's extensions) carry debug symbols.
coll = COLLECT(exe, {"cli, " if windows else ""}a.binaries, a.datas, strip={not windows!r}, upx=False,
               name={APP_NAME!r})
"""
    path = work / f"{APP_NAME}.spec"
    path.write_text(spec, encoding="utf-8")
    return path


def pyinstaller_build(out: Path, work: Path, font: Font, version: str) -> Path:
    """Step 1: the one-folder bundle; returns its folder (``out/landdesk``)."""
    import importlib.util

    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError("PyInstaller is not installed: pip install -e '.[build]'")
    work.mkdir(parents=True, exist_ok=True)
    fonts = stage_fonts(font, work)
    spec = write_spec(work, fonts, version)
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(out), "--workpath", str(work / "pyinstaller"), str(spec)]
    print("step 1: PyInstaller:", " ".join(cmd), flush=True)
    result = subprocess.run(cmd, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {result.returncode})")
    bundle = out / APP_NAME
    if not executable(bundle).is_file():
        raise BuildError(f"PyInstaller made no {executable(bundle)}")
    return bundle


def executable(bundle: Path, *, console: bool = False) -> Path:
    """The program in the bundle; ``console`` the one whose output can be read (Windows: the twin)."""
    if sys.platform == "win32":
        return bundle / f"{CLI_NAME if console else APP_NAME}.exe"
    return bundle / APP_NAME


def inno_setup(bundle: Path, out: Path, version: str) -> Path | None:
    """Step 2: the installer, where Inno Setup's compiler is installed."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        print("step 2: iscc not found: no installer made (the one-folder bundle is in "
              f"{bundle})", flush=True)
        return None
    cmd = [iscc, f"/DAppVersion={version}", f"/DBundleDir={bundle}", f"/DOutputDir={out}",
           f"/DIconFile={ICON}", str(ROOT / "installer" / "landdesk.iss")]
    print("step 2: Inno Setup:", " ".join(cmd), flush=True)
    if subprocess.run(cmd, check=False).returncode != 0:
        raise BuildError("Inno Setup failed")
    return out / f"landdesk-{version}-setup.exe"


@dataclass(frozen=True)
class SmokeResult:
    seconds: float
    stdout: str


def smoke_run(bundle: Path, timeout: float = 180) -> SmokeResult:
    """Step 3: the frozen program's self-test in a temporary data folder, offscreen."""
    with tempfile.TemporaryDirectory(prefix="landdesk-smoke-") as data:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANDDESK_DATA_DIR=data)
        env.pop("LANDDESK_DB", None)  # never the developer's database
        env.pop("LANDDESK_FONT", None)  # the bundled font must be found on its own
        began = time.perf_counter()
        result = subprocess.run([str(executable(bundle, console=True)), "--self-test", "--data-dir", data],
                                capture_output=True, text=True, timeout=timeout, env=env,
                                check=False, cwd=data)
        seconds = time.perf_counter() - began
    unexpected = [line for line in result.stderr.splitlines()
                  if line.strip() and not any(ok in line for ok in HARMLESS_STDERR)]
    if result.returncode != 0 or unexpected:
        raise BuildError(f"self-test of the frozen program failed (exit {result.returncode}):\n"
                         + result.stdout + result.stderr)
    return SmokeResult(seconds, result.stdout.strip())


def bundle_size(bundle: Path) -> tuple[int, int]:
    """(bytes, files) of the unpacked bundle."""
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the landdesk bundle and installer.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's work folder (build/)")
    parser.add_argument("--skip-installer", action="store_true", help="no Inno Setup step")
    parser.add_argument("--skip-smoke", action="store_true", help="no --self-test of the bundle")
    parser.add_argument("--font", type=Path, help="CJK TrueType font to ship (default wqy-zenhei)")
    parser.add_argument("--font-licence", type=Path, action="append", default=[],
                        help="licence file of --font (repeat for several)")
    args = parser.parse_args(argv)
    try:
        version = project_version()
        check_metadata(version)
        font = choose_font(args.font, args.font_licence)
        out = args.out.resolve()
        bundle = pyinstaller_build(out, args.work.resolve(), font, version)
        size, files = bundle_size(bundle)
        print(f"bundle {bundle}: {size / 1e6:.1f} MB in {files} files", flush=True)
        if not args.skip_installer:
            setup = inno_setup(bundle, out, version)
            if setup is not None:
                print(f"installer {setup}", flush=True)
        if not args.skip_smoke:
            smoke = smoke_run(bundle)
            print(f"step 3: smoke run in {smoke.seconds:.2f} s: {smoke.stdout}", flush=True)
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
