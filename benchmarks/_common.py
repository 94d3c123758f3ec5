"""Helpers shared by the benchmark scripts: timing, medians, and a demo database."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of each of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def report(name: str, ours: list[float], baseline: list[float], target_ratio: float,
           extra: str = "") -> bool:
    ratio = statistics.median(ours) / statistics.median(baseline)
    ok = ratio <= target_ratio
    verdict = "" if target_ratio == float("inf") else (
        f" (target <= {target_ratio}x) {'OK' if ok else 'MISSED'}")
    print(f"{name}: landdesk {median_ms(ours):.2f} ms, baseline {median_ms(baseline):.2f} ms, "
          f"ratio {ratio:.2f}x{verdict}{extra}", flush=True)
    return ok


def quick_exit(ok: bool, quick: bool) -> int:
    """A benchmark's exit code: a missed target fails a full run; ``--quick`` runs (small
    data, few repeats, made to check that every script still finishes) assert nothing
    about time."""
    return 0 if ok or quick else 1


def demo_database(folder: Path, cases: int = 0) -> Path:
    """A migrated database with the demo office (and ``cases`` demo cases)."""
    from app.clock import system_clock
    from app.db import open_database
    from app.demo import DEMO_OFFICE, fill_demo
    from app.services import Services
    from app.services.users import DEMO_PASSWORD

    path = folder / "bench.sqlite3"
    db = open_database(f"sqlite:///{path}")
    services = Services.create(db, folder, clock=system_clock)
    if cases:
        fill_demo(services, cases=cases)
    elif services.office.needs_setup():
        services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                      password=DEMO_PASSWORD)
    db.dispose()
    return path
