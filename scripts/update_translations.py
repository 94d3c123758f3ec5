"""Refresh the Chinese translation of the UI.

1. ``pyside6-lupdate`` collects every ``tr()`` string in ui/ into
   resources/translations/landdesk_zh_CN.ts (English source text);
2. translations are filled from resources/translations/zh_CN/*.json
   (English → Chinese, one file per UI module, so people can work on
   different screens without editing the same file);
3. ``pyside6-lrelease`` compiles the .qm file the program loads.

``--check`` exits 1 and lists the strings that have no Chinese yet.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "landdesk_zh_CN.ts"
QM = TS.with_suffix(".qm")
JSON_DIR = ROOT / "resources" / "translations" / "zh_CN"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def run_lupdate(target: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *ui_sources(), "-no-obsolete", "-ts", str(target)],
                   cwd=ROOT, check=True, capture_output=True)


def load_dictionary() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for path in sorted(JSON_DIR.glob("*.json")):
        mapping.update(json.loads(path.read_text(encoding="utf-8")))
    return mapping


def fill(ts: Path, mapping: dict[str, str]) -> list[tuple[str, str]]:
    tree = ET.parse(ts)
    missing: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        ctx_name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            text = mapping.get(source)
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                translation.attrib["type"] = "unfinished"
                missing.append((ctx_name, source))
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if any string has no translation")
    args = parser.parse_args()
    TS.parent.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS)
    missing = fill(TS, load_dictionary())
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True,
                   capture_output=True)
    for ctx, source in missing:
        print(f"untranslated [{ctx}] {source}")
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
