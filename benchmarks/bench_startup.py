"""Start-up, each run in a fresh process (offscreen), vs a bare PySide6 window in the same run.

Measured, as the median of ``--repeat`` runs of each, the runs alternating (bare, sign-in,
home, bare, …) so all see the same disk cache:

* bare     — a QMainWindow with a label: the child prints SHOWN from the first event-loop
             turn after ``show()``;
* sign-in  — ``ui.application.launch`` exactly as ``landdesk --demo`` runs it, on a demo office
             with ``--cases`` cases, until the sign-in dialog is on screen, active, with the
             keyboard focus in its password field (the demo user's name is filled in): the
             moment the clerk can type the password;
* home     — the same, then the child types the demo password, presses Enter, and waits until
             the home page shows all its counts (my work, the office's cases, tasks/study/
             petitions) after signing in.

The parent stops its clock when it reads the child's line, so interpreter start-up and every
import count. Every child runs under ``--timeout`` seconds: one that hangs (waiting at a
dialog, say) is killed and the script exits 2 saying which child and what it printed.
Target: sign-in ready <= 3x the bare window; home ready is printed for scale.

    python benchmarks/bench_startup.py [--repeat 7] [--cases 300] [--quick]
"""

from __future__ import annotations

import argparse
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._common import demo_database, quick_exit, report  # noqa: E402

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

# argv: data folder, database, "signin" or "home", the demo password. Nothing of landdesk is
# imported here before launch() but what launch() itself needs.
LANDDESK = """
import argparse
import os
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.clock import system_clock
from ui.application import launch, make_application

folder, db, mode, password = sys.argv[1:5]
app = make_application()
state = {"typed": False}


def done(word):
    print(word, flush=True)
    os._exit(0)  # the parent has its figure; nothing after this is measured


def typing_ready():
    # The sign-in dialog is the active window and the password field has the keyboard focus.
    widget = QApplication.focusWidget()
    return (widget is not None and widget.objectName() == "password" and widget.isVisible()
            and widget.window().objectName() == "sign_in" and widget.window().isActiveWindow())


def focus_changed(_old, _new):
    if state["typed"] or not typing_ready():
        return
    state["typed"] = True
    if mode == "signin":
        QTimer.singleShot(0, lambda: done("SIGNIN"))  # the turn after, as the bare window does
        return
    field = QApplication.focusWidget()
    field.setText(password)
    field.returnPressed.emit()  # Enter: signs in on the worker


def home_counts_shown(window):
    home = getattr(window, "home", None)
    if home is None or window.stack.currentWidget() is not home:
        return False
    return (all(t.property("count") is not None for t in home.my_tiles.values())
            and all("\\n" in t.text() for t in home.tiles.values())
            and all(t.property("attention") is not None for t in home.managed_tiles.values()))


def ready(window):
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(lambda: home_counts_shown(window) and done("HOME"))
    timer.start()


def failed():
    print("FAILED: launch reported a failure", flush=True)
    os._exit(3)


app.focusChanged.connect(focus_changed)
window = launch(argparse.Namespace(data_dir=folder, db=db, demo=True, clock=system_clock),
                on_ready=ready, on_failed=failed)
app.exec()
"""


class ChildTimeout(RuntimeError):
    pass


def run_child(code: str, expect: str, timeout: float, *args: str) -> float:
    """Seconds from starting the child until it printed ``expect``; the child is killed if it
    has not done so within ``timeout`` seconds (ChildTimeout) or ends without it (RuntimeError)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    lines: queue.Queue[tuple[str | None, float]] = queue.Queue()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    stderr: list[str] = []

    def read_out() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.put((line.rstrip("\n"), time.perf_counter()))
        lines.put((None, time.perf_counter()))

    def read_err() -> None:
        stderr.append(proc.stderr.read())  # type: ignore[union-attr]

    threads = [threading.Thread(target=read_out, daemon=True), threading.Thread(target=read_err, daemon=True)]
    for thread in threads:
        thread.start()
    deadline = start + timeout
    seen: list[str] = []
    found: float | None = None
    try:
        while found is None:
            try:
                line, at = lines.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                raise ChildTimeout(f"child ({expect}) did not finish within {timeout:.0f} s and was "
                                   f"killed; it printed {seen!r}") from None
            if line is None:
                break
            seen.append(line)
            if line == expect:
                found = at - start
        try:
            proc.wait(timeout=max(1.0, deadline - time.perf_counter()))
        except subprocess.TimeoutExpired:
            raise ChildTimeout(f"child ({expect}) did not exit within {timeout:.0f} s and was "
                               "killed") from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for thread in threads:
            thread.join(timeout=5)
    if found is None:
        raise RuntimeError(f"child ({expect}) ended with code {proc.returncode} without printing it; "
                           f"stdout {seen!r}; stderr:\n{''.join(stderr)[-3000:]}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds any one child may take")
    parser.add_argument("--quick", action="store_true", help="30 cases, 2 runs each; no verdict on time")
    args = parser.parse_args()
    if args.quick:
        args.repeat, args.cases = 2, 30

    from app.services.users import DEMO_PASSWORD

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = demo_database(folder, cases=args.cases)
        landdesk = (str(folder), str(db_path))
        try:
            # First runs warm the disk cache and take the day's backup.
            run_child(BARE, "SHOWN", args.timeout)
            run_child(LANDDESK, "HOME", args.timeout, *landdesk, "home", DEMO_PASSWORD)
            base, signin, home = [], [], []
            for _ in range(args.repeat):
                base.append(run_child(BARE, "SHOWN", args.timeout))
                signin.append(run_child(LANDDESK, "SIGNIN", args.timeout, *landdesk, "signin", DEMO_PASSWORD))
                home.append(run_child(LANDDESK, "HOME", args.timeout, *landdesk, "home", DEMO_PASSWORD))
        except (ChildTimeout, RuntimeError) as exc:
            print(f"bench_startup: {exc}", file=sys.stderr, flush=True)
            return 2
    runs = f"{args.repeat} runs each, {args.cases} cases"
    ok = report(f"start-up to sign-in dialog ready for the password ({runs})", signin, base, 3.0)
    report("start-up to home page counts after signing in (for scale)", home, base, float("inf"))
    print("  all runs (s): bare " + " ".join(f"{s:.3f}" for s in base)
          + " | sign-in " + " ".join(f"{s:.3f}" for s in signin)
          + " | home " + " ".join(f"{s:.3f}" for s in home), flush=True)
    print(f"  median home - sign-in: {statistics.median(home) - statistics.median(signin):.3f} s", flush=True)
    return quick_exit(ok, args.quick)


if __name__ == "__main__":
    sys.exit(main())
