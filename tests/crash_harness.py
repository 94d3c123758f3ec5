"""Power-cut simulation: kill a process that is accepting cases, then check nothing promised is lost.

A child (tests/crash_child.py) accepts cases through the real services on one SQLite
database and prints each case once ``accept()`` has returned. The parent kills it with
SIGKILL after a random delay — often in the middle of a transaction or an fsync — then
opens the database the way the program does and checks:

- ``PRAGMA integrity_check`` is ok;
- every acknowledged case (from every round so far) is there, accepted, with all its
  materials, its events, its audit entries and its change-log rows;
- no case is half-saved (a case row without materials, events, audit or change log);
- the audit hash chain is unbroken.

SIGKILL ends the process without running any Python cleanup, like a crash; the operating
system still writes back what the process had handed it, so this proves the program's
transaction boundaries and SQLite's journal, not the disk's cache (a real power cut also
tests the disk; synchronous=FULL is what covers that). Used by tests/test_crash.py (a
few rounds in CI) and scripts/crash_test.py (the full 200).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class CrashReport:
    kills: int = 0
    acknowledged: int = 0  # cases the child reported as accepted
    found: int = 0  # of those, found complete after the last kill
    committed_unacknowledged: int = 0  # saved just before the kill, before the child could say so
    integrity_failures: int = 0
    half_saved: int = 0
    chain_breaks: int = 0
    lost: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.lost or self.integrity_failures or self.half_saved or self.chain_breaks)

    def summary(self) -> str:
        return (f"kills {self.kills}, cases acknowledged {self.acknowledged}, found {self.found}, "
                f"lost {len(self.lost)}, committed but not yet acknowledged {self.committed_unacknowledged}, "
                f"integrity failures {self.integrity_failures}, half-saved cases {self.half_saved}, "
                f"audit chain breaks {self.chain_breaks} ({self.seconds:.0f} s)")


def prepare(folder: Path) -> Path:
    """A fresh office database (office and first user, reference data) for the child to fill."""
    from app.clock import system_clock
    from app.db import open_database
    from app.demo import DEMO_OFFICE
    from app.services import Services

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "crash.sqlite3"
    db = open_database(f"sqlite:///{path}")
    services = Services.create(db, folder, clock=system_clock)
    services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅", password="guotu-2026")
    db.dispose()
    return path


def _run_child(path: Path, seed: int, delay: float) -> list[tuple[uuid.UUID, str, int]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, "-m", "tests.crash_child", str(path), str(path.parent), str(seed)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True)
    assert child.stdout is not None
    ready = threading.Event()
    lines: list[str] = []

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:  # a line only counts once its newline arrived
            if line == "ready\n":
                ready.set()
            elif line.startswith("ok ") and line.endswith("\n"):
                lines.append(line)
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not ready.wait(120):
            raise RuntimeError("the crash child did not start within 120 s")
        time.sleep(delay)
        if child.poll() is not None:
            raise RuntimeError(f"the crash child stopped by itself: {child.stderr.read() if child.stderr else ''}")
    finally:  # whatever went wrong here, the child must not go on accepting cases for ever
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
    reader.join()
    child.stdout.close()
    if child.stderr is not None:
        child.stderr.close()
    acknowledged = []
    for line in lines:
        _ok, case_id, number, materials = line.split()
        acknowledged.append((uuid.UUID(case_id), number, int(materials)))
    return acknowledged


def _check(path: Path, acknowledged: dict[uuid.UUID, tuple[str, int]], report: CrashReport) -> None:
    from sqlalchemy import func, select

    from app import audit
    from app.db import open_database
    from app.models import AuditLog, Case, CaseEvent, CaseMaterial, ChangeLog

    with sqlite3.connect(path) as conn:
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            report.integrity_failures += 1
    db = open_database(f"sqlite:///{path}")  # as the program opens it: WAL recovery, migrations
    try:
        with db.read_session() as s:
            cases = {c.id: c for c in s.scalars(select(Case))}
            materials = dict(s.execute(select(CaseMaterial.case_id, func.count()).group_by(CaseMaterial.case_id)).all())
            events = dict(s.execute(select(CaseEvent.case_id, func.count()).group_by(CaseEvent.case_id)).all())
            audited = set(s.scalars(select(AuditLog.entity_id).where(AuditLog.entity == "case_file")))
            logged = set(s.scalars(select(ChangeLog.row_id).where(ChangeLog.table_name == "case_file")))
            if audit.verify_chain(s) is not None:
                report.chain_breaks += 1
    finally:
        db.dispose()
    report.found = 0
    report.lost = []
    for case_id, (number, expected_materials) in acknowledged.items():
        case = cases.get(case_id)
        complete = (case is not None and case.number == number and case.status == "accepted"
                    and materials.get(case_id) == expected_materials and events.get(case_id, 0) >= 1
                    and str(case_id) in audited and str(case_id) in logged)
        if complete:
            report.found += 1
        else:
            report.lost.append(number)
    report.half_saved = sum(1 for case_id in cases if not (
        materials.get(case_id) and events.get(case_id) and str(case_id) in audited and str(case_id) in logged))
    report.committed_unacknowledged = len(set(cases) - set(acknowledged))


def run(folder: Path, kills: int, *, seed: int = 20261123, max_delay: float = 0.6,
        log: Callable[[str], None] | None = None) -> CrashReport:
    rng = random.Random(seed)
    path = prepare(folder)
    report = CrashReport()
    acknowledged: dict[uuid.UUID, tuple[str, int]] = {}
    started = time.perf_counter()
    for n in range(kills):
        for case_id, number, materials in _run_child(path, rng.randrange(1 << 30), rng.uniform(0, max_delay)):
            acknowledged[case_id] = (number, materials)
        report.kills += 1
        report.acknowledged = len(acknowledged)
        _check(path, acknowledged, report)
        if log is not None and (n + 1) % 10 == 0:
            log(f"{n + 1}/{kills}: {report.summary()}")
    report.seconds = time.perf_counter() - started
    return report
