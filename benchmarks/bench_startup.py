"""Start-up to main window shown, vs a bare PySide6 window, each in a fresh process.

The parent starts each child and stops the clock when the child prints SHOWN,
which it does from the first event-loop turn after ``show()``: the window is
mapped and painted by then. landdesk's child runs ``ui.application.launch``,
the same code as ``landdesk``: logging, translations, the main window shown at
once, then the database (a demo office with 300 cases) opened on the worker
and the pages attached; it prints READY when the home page shows its counts.
Runs alternate so both see the same disk cache. Target (shown) <= 2x; the
time to READY is printed too, so the cost of the deferred work stays visible.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._common import demo_database, report  # noqa: E402

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1280, 720)
window.show()
QTimer.singleShot(0, lambda: (print("SHOWN", flush=True), app.quit()))
app.exec()
"""

LANDDESK = """
import argparse
import sys
from PySide6.QtCore import QTimer
from ui.application import launch, make_application
app = make_application()
def ready(window):
    window.runner.wait()  # the home page's counts are loaded too
    print("READY", flush=True)
    app.quit()
window = launch(argparse.Namespace(data_dir=sys.argv[1], db=sys.argv[2], demo=False), on_ready=ready)
QTimer.singleShot(0, lambda: print("SHOWN", flush=True))
app.exec()
"""


def run_child(code: str, *args: str) -> tuple[float, float]:
    """Seconds until the child printed SHOWN, and until it printed READY (or SHOWN again)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True)
    assert proc.stdout is not None
    shown = ready = None
    for line in proc.stdout:
        if line.startswith("SHOWN") and shown is None:
            shown = time.perf_counter() - start
        if line.startswith("READY"):
            ready = time.perf_counter() - start
    proc.wait(timeout=60)
    if shown is None:
        raise RuntimeError(f"child never showed its window: {proc.stderr.read() if proc.stderr else ''}")
    return shown, ready if ready is not None else shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = demo_database(folder, cases=args.cases)
        run_child(BARE)
        run_child(LANDDESK, str(folder), str(db_path))  # first runs warm the disk cache
        ours, ready, base = [], [], []
        for _ in range(args.repeat):
            base.append(run_child(BARE)[0])
            shown, loaded = run_child(LANDDESK, str(folder), str(db_path))
            ours.append(shown)
            ready.append(loaded)
    ok = report(f"start-up to main window shown ({args.repeat} runs each)", ours, base, 2.0)
    report("start-up to home page with counts (for scale)", ready, base, float("inf"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
