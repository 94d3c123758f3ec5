"""Start the window: logging, translations, the database, first-run set-up, drafts."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QObject,
    Qt,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from app import paths
from app.clock import Clock
from app.errors import LanddeskError
from app.peek import peek_office
from app.resources import resource_path
from ui.errors import install_excepthook, message_for, setup_logging
from ui.main_window import MainWindow
from ui.sign_in_dialog import SignInDialog
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services
    from app.startup import DamagedDatabaseError

log = logging.getLogger(__name__)


_installed: list[QTranslator] = []


def remove_translators(app: QApplication) -> None:
    """Back to the English source strings (tests that run after a launched window need this)."""
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QApplication, language: str = "zh_CN") -> list[QTranslator]:
    """Chinese by default: our strings plus Qt's own (print dialogs, standard buttons)."""
    remove_translators(app)  # installing twice would stack two copies
    translators = _installed
    if language.startswith("en"):
        return translators
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"landdesk_{language}.qm"))):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("translation landdesk_%s.qm not found", language)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return translators


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("landdesk")
    app.setApplicationDisplayName("乡镇国土资源所一窗受理")
    app.setOrganizationName("landdesk")
    app.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    """Every drawn size (scripts/make_icon.py), so Qt never scales a 256 px image to 16 px."""
    icon = QIcon()
    for png in sorted(resource_path("icons").glob("landdesk-*.png")):
        icon.addFile(str(png))
    return icon


class _Progress(QObject):
    changed = Signal(int, int)


def _fill_demo_with_progress(services: Services, runner: TaskRunner, cases: int = 300) -> None:
    """Make the demo office on the worker thread while a progress bar shows how far it got."""
    from app.demo import make_demo_office

    dialog = QProgressDialog("正在生成演示单位和演示申请…", "", 0, cases)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(500)
    progress = _Progress()
    progress.changed.connect(lambda done, total: dialog.setValue(done))  # queued across threads
    loop = QEventLoop()
    failure: list[BaseException] = []

    def failed(exc: BaseException) -> None:
        failure.append(exc)
        loop.quit()

    def make() -> int:
        return make_demo_office(services, cases=cases, progress=progress.changed.emit)

    runner.run(make, lambda _made: loop.quit(), failed)
    if not runner.inline:
        loop.exec()
    dialog.close()
    if failure:
        raise failure[0]


def _open_services(folder: Path, db_arg: str | None, clock: Clock):  # type: ignore[no-untyped-def]
    """Open the database and build the services (runs on the worker thread).

    The imports are here, not at the top, so SQLAlchemy and the models load
    while the window is already on screen.
    """
    from app import startup
    from app.services import Services

    db, _before_migration = startup.open_checked(paths.database_url(db_arg, folder), folder, clock())
    try:
        startup.daily_backup(db, folder, clock())
    except LanddeskError as exc:  # a full disk must not keep the office from working; it is logged
        log.warning("daily backup failed: %s", exc.message)
    return Services.create(db, folder, clock=clock)


def _exit_backup(services: Services, folder: Path) -> None:
    from app import startup

    try:
        startup.exit_backup(services.ctx.db, folder, services.ctx.now())
    except LanddeskError as exc:
        log.warning("backup on exit failed: %s", exc.message)


def launch(args: argparse.Namespace, on_ready: Callable[[MainWindow], None] | None = None,
           on_failed: Callable[[], None] | None = None) -> MainWindow:
    """Show the main window now; open the database on the worker; attach the pages when ready.

    Where a first look (app/peek.py, the standard sqlite3 module only) finds an office set
    up, the sign-in dialog is shown at once, before SQLAlchemy, the models and the services
    are even imported: the clerk types while the worker opens the database, and the dialog
    signs in as soon as it is open. Otherwise, once it is open, in order: demo data
    (``--demo`` on an empty database), first-run set-up (the person setting up is signed
    in) or else the sign-in dialog. Then the idle lock and the offer to continue drafts.
    """
    app = make_application()
    folder = paths.data_dir(args.data_dir)
    log_path = setup_logging(paths.log_dir(folder))
    install_excepthook()
    install_translators(app)
    runner = TaskRunner(parent=app)
    window = MainWindow(None, runner, data_folder=folder)
    window.showMaximized()  # clerks' screens are 1366×768: every pixel counts
    demo = bool(getattr(args, "demo", False))
    clock: Clock = args.clock  # the one clock, set by app.cli.main (tests pass a fixed one)
    db_arg = args.db or (str(folder / "demo.sqlite3") if demo else None)
    early: list[SignInDialog] = []  # the sign-in dialog shown before the database was open

    def drop_early() -> None:
        """The database did not open as the first look expected: that dialog goes."""
        for dialog in early:
            dialog.rejected.disconnect()  # closing it is not the person giving up
            dialog.done(0)
            dialog.deleteLater()
        early.clear()

    def fail(exc: BaseException) -> None:
        from app.startup import DamagedDatabaseError

        drop_early()
        if isinstance(exc, DamagedDatabaseError):
            offer_recovery(exc)
            return
        text = exc.message if isinstance(exc, LanddeskError) else message_for(exc)
        box = QMessageBox(QMessageBox.Icon.Critical, "landdesk", text, QMessageBox.StandardButton.Ok, window)
        box.setObjectName("startup_error")
        box.finished.connect(lambda _r: window.close())
        box.open()
        if on_failed:
            on_failed()

    def ready(services: Services) -> None:
        from ui.idle_lock import IdleLock

        window.attach(services)
        window.idle_lock = IdleLock(services, window, runner)  # minutes from the office's setting
        window.idle_lock.userChanged.connect(window.user_changed)
        window.after_sign_in()
        log.info("started: data folder %s, database %s, log %s", folder, services.ctx.db.url, log_path)
        if on_ready:
            on_ready(window)

    def opened(services: Services) -> None:
        if early:
            # The first look found the office: only the signing in was waiting for this.
            dialog = early.pop()
            services.users.sign_out()
            dialog.set_services(services)
            return
        try:
            if demo and services.office.needs_setup():
                _fill_demo_with_progress(services, runner)
        except Exception as exc:  # noqa: BLE001 - shown briefly, logged in full
            fail(exc)
            return
        if services.office.needs_setup():
            from ui.setup_dialog import SetupDialog

            setup = SetupDialog(services, window)
            setup.accepted.connect(lambda: ready(services))
            setup.rejected.connect(window.close)
            setup.open()
            return
        sign_in(services)

    def sign_in(services: Services | None, username: str = "") -> SignInDialog:
        """Who works at this PC is decided by a password, not by the database."""
        if services is not None:
            services.users.sign_out()
        dialog = SignInDialog(services, window, runner=runner, demo=demo, username=username)
        dialog.signedIn.connect(lambda _user: ready(dialog.services))  # after any forced password change
        dialog.rejected.connect(window.close)
        dialog.open()
        return dialog

    def offer_recovery(exc: DamagedDatabaseError) -> None:
        """A damaged file is never written to: restore the newest verified backup, or stop."""
        from app import startup

        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Startup", "The database is damaged"), exc.message,
                          QMessageBox.StandardButton.NoButton, window)
        box.setObjectName("damaged_database")
        box.setInformativeText(QCoreApplication.translate("Startup",
            "The damaged file will be kept beside it (renamed), not deleted. Work entered after the "
            "backup was taken must be entered again; a township can also ask the county for its data."))
        restore = None
        if exc.newest_backup is not None:
            restore = box.addButton(QCoreApplication.translate("Startup", "Restore the newest backup"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Startup", "Exit"), QMessageBox.ButtonRole.RejectRole)

        def chosen(_result: int) -> None:
            if restore is None or box.clickedButton() is not restore:
                window.close()
                if on_failed:
                    on_failed()
                return
            runner.run(lambda: startup.recover(exc.path, folder, clock()),
                       lambda _restored: runner.run(lambda: _open_services(folder, db_arg, clock), opened, fail), fail)

        box.finished.connect(chosen)
        box.open()

    lock = _single_copy_lock(folder, db_arg, window)
    if lock is None:
        fail(LanddeskError(QCoreApplication.translate(
            "Startup", "This database is already open in another landdesk window on this computer. "
            "Switch to that window (see the taskbar) instead of opening a second copy.")))
        return window
    found = peek_office(paths.database_url(db_arg, folder))
    if found is not None and found.has_office:
        early.append(sign_in(None, username=(found.first_username or "") if demo else ""))
    runner.run(lambda: _open_services(folder, db_arg, clock), opened, fail)
    return window


def _single_copy_lock(folder: Path, db_arg: str | None, window: MainWindow) -> QLockFile | bool | None:
    """One landdesk per database file on a PC: a second copy would only wait for the first's
    writes. Returns the held lock (kept on the window), True where no lock applies, or None."""
    url = paths.database_url(db_arg, folder)
    if not url.startswith("sqlite:///"):
        return True  # a server database is shared by design
    target = Path(url.removeprefix("sqlite:///"))
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(target) + ".lock")
    lock.setStaleLockTime(0)  # a copy that died (power cut) leaves a stale lock: its PID is checked
    if not lock.tryLock(200):
        return None
    window._single_copy_lock = lock  # type: ignore[attr-defined]  # released when the window goes
    return lock


def run(args: argparse.Namespace) -> int:
    app = make_application()
    window = launch(args)
    code = app.exec()
    window.runner.wait()
    if window.services is not None:
        if window.data_folder is not None:
            _exit_backup(window.services, window.data_folder)
        window.services.ctx.db.dispose()
    lock = getattr(window, "_single_copy_lock", None)
    if lock is not None:
        lock.unlock()
    return code
