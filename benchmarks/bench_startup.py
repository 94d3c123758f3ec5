"""Start-up to main window shown, vs a bare PySide6 window, each in a fresh process.

The parent starts each child and stops the clock when the child prints SHOWN,
which it does from the first event-loop turn after ``show()``: the window is
mapped and painted by then. landdesk's child takes the same steps as
``landdesk`` (ui.application.run): logging, translations, open and check the
database (a demo office with 300 cases), services, main window with its home
page counts. Runs alternate so both see the same disk cache. Target <= 2x.
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
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from app import paths
from app.db import open_database
from app.services import Services
from ui.application import install_translators, make_application
from ui.errors import install_excepthook, setup_logging
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
folder = Path(sys.argv[1])
app = make_application()
setup_logging(paths.log_dir(folder))
install_excepthook()
install_translators(app)
runner = TaskRunner(parent=app)
db = open_database(paths.database_url(sys.argv[2], folder))
services = Services.create(db, folder)
window = MainWindow(services, runner, data_folder=folder)
window.show()
def shown():
    runner.wait()
    print("SHOWN", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def run_child(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("SHOWN"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"child never showed its window: {proc.stderr.read() if proc.stderr else ''}")
    proc.wait(timeout=30)
    return elapsed


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
        ours, base = [], []
        for _ in range(args.repeat):
            base.append(run_child(BARE))
            ours.append(run_child(LANDDESK, str(folder), str(db_path)))
    ok = report(f"start-up to main window ({args.repeat} runs each)", ours, base, 2.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
