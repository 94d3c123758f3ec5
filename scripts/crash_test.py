"""The full crash test: 200 SIGKILLs of a process accepting cases (see tests/crash_harness.py).

    .venv/bin/python scripts/crash_test.py [--kills 200] [--folder /tmp/crash]

Prints progress every 10 kills and the final figures; exits 1 if anything was lost.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from tests.crash_harness import run

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--folder", type=Path, help="keep the database here (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="landdesk-crash-"))
    if folder.exists() and args.folder is not None:
        shutil.rmtree(folder)
    report = run(folder, args.kills, seed=args.seed, log=print)
    print("RESULT:", report.summary())
    if report.lost:
        print("lost:", ", ".join(report.lost))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
