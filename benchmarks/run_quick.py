"""Run every benchmark (benchmarks/bench_*.py) with ``--quick``, each in its own process.

Quick mode is small data and few repeats: it checks that every script still runs to its end
and prints its ratios, and asserts nothing about time (the figures on small data say little;
run the scripts without ``--quick`` to measure). Each script runs under ``--timeout`` seconds;
one that takes longer is killed with everything it started. Prints each script's output and
elapsed time, then a summary; exits 1 if any script failed or was killed, else 0.

    python benchmarks/run_quick.py [--timeout 300] [bench_startup bench_sync …]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass
class Outcome:
    name: str
    status: str  # "ok", "failed (exit N)" or "timed out"
    seconds: float
    output: str

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def scripts(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if not names:
        return found
    wanted = {n.removesuffix(".py") for n in names}
    unknown = wanted - {p.stem for p in found}
    if unknown:
        raise SystemExit(f"no such benchmark: {', '.join(sorted(unknown))}")
    return [p for p in found if p.stem in wanted]


def run_one(script: Path, timeout: float) -> Outcome:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    # A session of its own, so a hung script is killed together with the children it started.
    proc = subprocess.Popen([sys.executable, str(script), "--quick"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        output, _ = proc.communicate()
        return Outcome(script.stem, "timed out", time.perf_counter() - start,
                       output + f"\n[killed after {timeout:.0f} s]\n")
    seconds = time.perf_counter() - start
    status = "ok" if proc.returncode == 0 else f"failed (exit {proc.returncode})"
    return Outcome(script.stem, status, seconds, output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="only these (bench_startup, …); default: all")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds each script may take")
    args = parser.parse_args(argv)
    outcomes = []
    total = time.perf_counter()
    for script in scripts(args.names):
        print(f"=== {script.name} --quick", flush=True)
        outcome = run_one(script, args.timeout)
        print(outcome.output.rstrip("\n"))
        print(f"=== {script.name}: {outcome.status} in {outcome.seconds:.1f} s\n", flush=True)
        outcomes.append(outcome)
    print(f"{'benchmark':<16} {'result':<18} seconds")
    for outcome in outcomes:
        print(f"{outcome.name:<16} {outcome.status:<18} {outcome.seconds:7.1f}")
    failed = [o.name for o in outcomes if not o.ok]
    print(f"{len(outcomes) - len(failed)} of {len(outcomes)} finished in {time.perf_counter() - total:.1f} s"
          + (f"; not finished: {', '.join(failed)}" if failed else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
