"""Crash harness in CI: a few SIGKILLs in the middle of accepting cases (the full 200: scripts/crash_test.py)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.crash_harness import run

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")


@pytest.mark.slow
def test_killed_while_accepting_nothing_acknowledged_is_lost(tmp_path: Path) -> None:
    kills = int(os.environ.get("LANDDESK_CRASH_KILLS", "12"))
    report = run(tmp_path, kills)
    print(report.summary())
    assert report.kills == kills
    assert report.acknowledged > 0  # the child got work done between kills
    assert report.lost == []
    assert report.found == report.acknowledged
    assert report.integrity_failures == report.half_saved == report.chain_breaks == 0
