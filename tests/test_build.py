"""The installer build: --self-test from source, the icon, the version, the generated spec,
the Inno Setup script and (slow, only where PyInstaller is installed) the frozen bundle."""

from __future__ import annotations

import importlib.util
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

import build_installer
from app import version
from app.cli import build_parser
from app.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"


def _offscreen_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    for name in ("LANDDESK_DB", "LANDDESK_DATA_DIR", "LANDDESK_FONT"):
        if name not in extra:
            env.pop(name, None)
    return env


def _self_test_from_source(data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui.entry", "--self-test", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=180, cwd=ROOT,
                          env=_offscreen_env(**env), check=False)


def test_self_test_from_source_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    data = tmp_path / "data"
    real_db = tmp_path / "office.sqlite3"  # the office's database must not be touched
    result = _self_test_from_source(data, LANDDESK_DB=str(real_db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"landdesk {version()} self-test OK (1-page receipt in " in result.stdout
    for step in ("database", "case", "receipt", "window", "total"):
        assert f"{step} " in result.stdout
    # The build's smoke run fails on unexpected stderr: from source there must be none at all.
    assert result.stderr == ""
    assert list(data.iterdir()) == []  # the temporary database folder is gone again
    assert not real_db.exists()


def test_self_test_names_the_failing_step_and_exits_1(tmp_path: Path) -> None:
    result = _self_test_from_source(tmp_path, LANDDESK_FONT=str(tmp_path / "no-such-font.ttf"))
    assert result.returncode == 1
    assert "self-test FAILED at step receipt" in result.stderr
    assert "no-such-font.ttf" in result.stderr  # the reason, not just "failed"
    assert "self-test OK" not in result.stdout


def test_self_test_flag_needs_the_window_entry_point(capsys: pytest.CaptureFixture[str]) -> None:
    assert build_parser().parse_args(["--self-test"]).self_test is True
    assert cli_main(["--self-test"]) == 2  # the core alone cannot show a window
    assert "图形界面" in capsys.readouterr().err


def test_version_comes_from_pyproject() -> None:
    assert build_installer.project_version() == version()
    build_installer.check_metadata(version())  # the metadata the bundle copies agrees
    with pytest.raises(build_installer.BuildError, match="pyproject.toml says 9.9.9"):
        build_installer.check_metadata("9.9.9")


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_icon_files_have_every_size() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert _png_size(ICONS / f"landdesk-{size}.png") == (size, size)
    ico = (ICONS / "landdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _planes, bits, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i: 22 + 16 * i])
        assert bits == 32 and offset + length <= len(ico)
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_application_icon_has_small_and_large_sizes(qapp: object) -> None:
    from ui.application import application_icon

    sizes = {s.width() for s in application_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes


def test_generated_spec_bundles_data_and_leaves_out_unused_qt(tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    spec = build_installer.write_spec(tmp_path, fonts, "1.2.3").read_text(encoding="utf-8")
    compile(spec, "landdesk.spec", "exec")  # valid Python for PyInstaller to run
    for needed in ("resources/catalog", "resources/assessment", "resources/icons", "app/migrations",
                   "landdesk_zh_CN.qm", "brochure.toml", str(fonts), 'copy_metadata("landdesk")',
                   "ui.self_test", 'collect_submodules("reportlab.graphics.barcode")'):
        assert needed in spec
    for unused in ("PySide6.QtWebEngineCore", "PySide6.QtQuick", "PySide6.Qt3DCore", "PySide6.QtMultimedia",
                   "PySide6.QtQml", "PySide6.QtDesigner", "pytest", "hypothesis"):
        assert repr(unused) in spec
    for used in ("QtCharts", "QtPrintSupport", "QtWidgets"):
        assert f"PySide6.{used}'" not in spec


def test_windows_spec_is_windowed_with_icon_version_and_a_console_twin(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    spec = build_installer.write_spec(tmp_path, tmp_path, "1.2.3").read_text(encoding="utf-8")
    compile(spec, "landdesk.spec", "exec")
    assert "console=False" in spec and "name='landdesk'" in spec
    assert "name='landdesk-cli', console=True" in spec  # sub-commands can print on Windows
    assert spec.count(repr(str(build_installer.ICON))) == 2
    assert repr(str(tmp_path / "version_info.txt")) in spec
    assert "COLLECT(exe, cli, " in spec


def test_version_resource_numbers(tmp_path: Path) -> None:
    text = build_installer.version_resource("0.12.3", tmp_path / "v.txt").read_text(encoding="utf-8")
    assert "filevers=(0, 12, 3, 0)" in text
    assert "StringStruct('ProductVersion', '0.12.3')" in text


def test_font_is_shipped_only_with_its_licence(tmp_path: Path) -> None:
    with pytest.raises(build_installer.BuildError, match="--font-licence"):
        build_installer.choose_font(tmp_path / "x.ttf", [])
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"OTTO" + bytes(100))  # a CFF font: reportlab cannot embed it
    licence = tmp_path / "OFL.txt"
    licence.write_text("licence", encoding="utf-8")
    with pytest.raises(build_installer.BuildError, match="CFF"):
        build_installer.stage_fonts(build_installer.Font(fake, (licence,)), tmp_path / "stage")


def test_inno_setup_script() -> None:
    raw = (ROOT / "installer" / "landdesk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Inno Setup reads the Chinese text only with a BOM
    iss = raw.decode("utf-8-sig")
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in iss
    assert 'MessagesFile: "compiler:Default.isl"' in iss
    assert "{group}\\{cm:AppTitle}" in iss and "{autodesktop}\\{cm:AppTitle}" in iss
    assert "AppVersion={#AppVersion}" in iss and "SetupIconFile={#IconFile}" in iss
    # The data folder (outside {app}) is never deleted by the uninstaller.
    assert "[UninstallDelete]" not in [line.strip() for line in iss.splitlines()]


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for the program")
@pytest.mark.parametrize(("stderr", "code", "passes"), [
    ("This plugin does not support propagateSizeHints()", 0, True),  # the offscreen platform's noise
    ("QFont::fromString: invalid description", 0, False),  # anything else on stderr fails the build
    ("", 1, False),
])
def test_smoke_run_fails_on_exit_code_or_unexpected_stderr(tmp_path: Path, stderr: str, code: int,
                                                           passes: bool) -> None:
    program = build_installer.executable(tmp_path)
    program.write_text(f"#!/bin/sh\necho 'landdesk self-test OK'\necho '{stderr}' >&2\nexit {code}\n",
                       encoding="utf-8")
    program.chmod(0o755)
    if passes:
        assert build_installer.smoke_run(tmp_path).stdout == "landdesk self-test OK"
    else:
        with pytest.raises(build_installer.BuildError, match="self-test of the frozen program failed"):
            build_installer.smoke_run(tmp_path)


@pytest.mark.slow
def test_frozen_bundle_runs_its_self_test(tmp_path: Path) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed (pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)  # CI must prove the bundle, not skip it
        pytest.skip(message)
    code = build_installer.main(["--out", str(tmp_path / "dist"), "--work", str(tmp_path / "build"),
                                 "--skip-installer", "--skip-smoke"])
    assert code == 0
    bundle = tmp_path / "dist" / "landdesk"
    size, files = build_installer.bundle_size(bundle)
    print(f"bundle: {size / 1e6:.1f} MB unpacked, {files} files")
    assert size <= 200e6

    began = time.perf_counter()
    smoke = build_installer.smoke_run(bundle)  # raises on exit != 0 or unexpected stderr
    frozen = time.perf_counter() - began
    began = time.perf_counter()
    source = _self_test_from_source(tmp_path / "source")
    from_source = time.perf_counter() - began
    assert source.returncode == 0
    print(f"self-test: frozen {frozen:.2f} s, source {from_source:.2f} s\n{smoke.stdout}")
    assert f"landdesk {version()} self-test OK" in smoke.stdout
    assert "(bundled)" in smoke.stdout  # printed with the bundle's font, not the build PC's
    # The bundle must use its own font and Alembic scripts, not the build machine's.
    internal = bundle / "_internal"
    assert any(internal.joinpath("resources", "fonts").glob("*.tt[cf]"))
    assert any(internal.joinpath("resources", "fonts").glob("*copyright*"))
    assert any(internal.joinpath("app", "migrations", "versions").glob("*.py"))
    assert not any(internal.rglob("*QtWebEngine*")) and not any(internal.rglob("libQt6Quick*"))
