"""Every UI string has a Chinese translation, and the shipped files are up to date."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pairs(ts: Path) -> set[tuple[str, str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or "", m.findtext("translation") or "")
        for ctx in root.iter("context") for m in ctx.iter("message")
    }


def test_every_ui_string_is_translated(tmp_path: Path) -> None:
    script = _script()
    fresh = tmp_path / "fresh.ts"
    script.run_lupdate(fresh)
    missing = script.fill(fresh, script.load_dictionary())
    assert missing == [], f"untranslated: {missing[:10]}"


def test_shipped_translation_matches_the_sources(tmp_path: Path) -> None:
    script = _script()
    fresh = tmp_path / "fresh.ts"
    script.run_lupdate(fresh)
    script.fill(fresh, script.load_dictionary())
    assert _pairs(fresh) == _pairs(script.TS), "run scripts/update_translations.py and commit the result"
    assert script.QM.exists() and script.QM.stat().st_size > 0


def test_chinese_is_loaded_by_default(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from ui.application import install_translators, remove_translators

    install_translators(qapp)
    try:
        assert QCoreApplication.translate("MainWindow", "Cases") == "办件查询"
    finally:
        remove_translators(qapp)
