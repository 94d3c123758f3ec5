"""``landdesk --self-test``: prove an installed copy works, without touching real data.

In a temporary data folder: open (and migrate) a new database, set up an office, accept a
case through the services, render its receipt, then start Qt on the offscreen platform and
show and close the main window with every page attached. Prints one line with the timings
and returns 0; any failure prints which step failed and returns 1. The installer build runs
it on the frozen program, so a missing data file, migration script, Qt plugin or font in the
bundle fails the build instead of a clerk's first morning.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.clock import Clock

T = TypeVar("T")


class SelfTestFailed(Exception):
    def __init__(self, step: str, cause: BaseException) -> None:
        super().__init__(f"{step}: {type(cause).__name__}: {cause}")
        self.step = step


def _say(text: str, *, error: bool = False) -> None:
    # A windowed Windows build (console=False) has no stdout/stderr at all.
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream, flush=True)


def run_self_test(args: argparse.Namespace) -> int:
    """Run every step; the exit code for the process."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    # The offscreen platform: the test must run on a build server and over remote desktop alike.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parent = getattr(args, "data_dir", None)
    if parent:
        Path(parent).mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="landdesk-self-test-", dir=parent))

    def step(name: str, work: Callable[[], T]) -> T:
        begun = time.perf_counter()
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 - every failure becomes "step X failed"
            raise SelfTestFailed(name, exc) from exc
        timings[name] = time.perf_counter() - begun
        return result

    try:
        services = step("database", lambda: _open_database(folder, args.clock))
        try:
            receipt = step("case", lambda: _accept_case(services))
            pages, font = step("receipt", lambda: _render_receipt(receipt))
            step("window", lambda: _show_window(services, folder))
        finally:
            services.ctx.db.dispose()
    except SelfTestFailed as failure:
        cause = failure.__cause__
        if cause is not None:
            _say("".join(traceback.format_exception(cause)).rstrip(), error=True)
        _say(f"landdesk self-test FAILED at step {failure}", error=True)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    from app import version

    figures = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items())
    total = time.perf_counter() - started
    _say(f"landdesk {version()} self-test OK ({pages}-page receipt in {font}; {figures}; "
         f"total {total:.2f} s)")
    return 0


def _open_database(folder: Path, clock: Clock):  # type: ignore[no-untyped-def]
    """Open, migrate and back up a new database exactly as a start of the window does
    (so the Alembic scripts must be in the bundle), then set up an office."""
    from app.services.office import OfficeInput
    from ui.application import _open_services

    # Named explicitly: LANDDESK_DB may point at the office's real (PostgreSQL) database.
    services = _open_services(folder, str(folder / "self-test.sqlite3"), clock)
    services.office.create_office(OfficeInput(name="自检镇国土资源所", code="370702101"),
                                  username="selftest", display_name="自检",
                                  password="self-test-password-1")
    return services


def _accept_case(services):  # type: ignore[no-untyped-def]
    import random

    from app.demo import random_mobile, random_resident_id
    from app.services.intake import ApplicantInput, IntakeForm, MaterialStatus, MaterialTick

    matter = next(m for m in services.reference.matters() if m.promised_days > 0)
    rng = random.Random(7)  # the same valid ID number and phone every run
    form = IntakeForm(
        matter_code=matter.code,
        applicant=ApplicantInput(name="张建国", id_number=random_resident_id(rng, services.ctx.today()),
                                 phone=random_mobile(rng),
                                 address="自检镇东王村12号", village="东王村"),
        location="自检镇东王村", area="120平方米",
        materials=[MaterialTick(m.code, MaterialStatus.RECEIVED, m.copies) if m.required
                   else MaterialTick(m.code, MaterialStatus.NOT_APPLICABLE) for m in matter.materials],
    )
    outcome = services.intake.accept(form)
    if outcome.document is None:
        raise RuntimeError(f"case {outcome.number} was accepted without a receipt")
    return outcome.document


def _render_receipt(receipt) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Render with the embedded CJK font and open the PDF again (pdfium) to count its pages.

    Returns the page count and which font file was embedded ("bundled" when it is the one
    shipped in resources/fonts, as it must be in the installed program).
    """
    import pypdfium2

    from app.printing.documents import render_receipt
    from app.printing.fonts import register_cjk_font, registered_font_file
    from app.resources import resources_dir

    data = render_receipt(receipt)
    font_file = registered_font_file(register_cjk_font())
    bundled = font_file.resolve().is_relative_to(resources_dir().resolve())
    font = f"{font_file.name}{' (bundled)' if bundled else ''}"
    pdf = pypdfium2.PdfDocument(data)
    try:
        pages = len(pdf)
    finally:
        pdf.close()
    if pages < 1:
        raise RuntimeError("the receipt PDF has no pages")
    return pages, font


def _show_window(services, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler

    from ui.application import install_translators, make_application, remove_translators
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    def quiet_offscreen(kind: QtMsgType, _context: object, message: str) -> None:
        # The offscreen platform warns on every show(); anything else Qt says is passed on.
        if "does not support propagateSizeHints" not in message:
            _say(message, error=True)

    previous = qInstallMessageHandler(quiet_offscreen)
    app = make_application()
    install_translators(app)  # the .qm file must be in the bundle
    runner = TaskRunner(parent=app)
    window = MainWindow(None, runner, data_folder=folder)
    try:
        window.attach(services)
        window.make_all_pages()  # QtCharts, print support, icons: all must be in the bundle
        window.show()
        QTimer.singleShot(200, app.quit)  # a few rounds of the event loop: the window paints
        app.exec()
        if window.windowIcon().isNull():
            raise RuntimeError("the window has no icon")
    finally:
        window.close()
        runner.wait()
        remove_translators(app)
        window.deleteLater()
        qInstallMessageHandler(previous)
