"""Every benchmark still runs to its end (benchmarks/run_quick.py: each script with ``--quick``).

Quick mode is small data and few repeats, and asserts nothing about time (DESIGN §5: no
wall-clock assertions in tests); what is checked is that no script fails or hangs, each under
run_quick's time limit. Marked ``qt``: the start-up and memory benchmarks open windows
(offscreen), so it is not run a second time with the date moved.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PER_SCRIPT_SECONDS = 300


@pytest.mark.qt
def test_every_benchmark_finishes_in_quick_mode() -> None:
    scripts = sorted((ROOT / "benchmarks").glob("bench_*.py"))
    assert len(scripts) >= 8
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run_quick.py"),
                           "--timeout", str(PER_SCRIPT_SECONDS)],
                          cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=PER_SCRIPT_SECONDS * len(scripts) + 120)
    assert done.returncode == 0, f"{done.stdout[-6000:]}\n{done.stderr[-3000:]}"
    assert f"{len(scripts)} of {len(scripts)} finished" in done.stdout


def test_a_benchmark_that_hangs_is_killed_and_reported(tmp_path: Path) -> None:
    from benchmarks.run_quick import run_one

    script = tmp_path / "bench_hangs.py"
    script.write_text("import subprocess, sys, time\n"
                      "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
                      "print('waiting', flush=True)\n"
                      "time.sleep(600)\n", encoding="utf-8")
    outcome = run_one(script, timeout=3)
    assert outcome.status == "timed out" and not outcome.ok
    assert "waiting" in outcome.output and "killed after 3 s" in outcome.output
