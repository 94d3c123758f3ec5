"""Start the window: logging, translations, the database, first-run set-up, drafts."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from app import paths
from app.db import open_database
from app.errors import LanddeskError
from app.resources import resource_path
from app.services import Services
from ui.errors import install_excepthook, message_for, setup_logging
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def install_translators(app: QApplication, language: str = "zh_CN") -> list[QTranslator]:
    """Chinese by default: our strings plus Qt's own (print dialogs, standard buttons)."""
    translators: list[QTranslator] = []
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
    return app


class _Progress(QObject):
    changed = Signal(int, int)


def _fill_demo_with_progress(services: Services, runner: TaskRunner, cases: int = 300) -> None:
    """Make the demo office on the worker thread while a progress bar shows how far it got."""
    from app.demo import fill_demo

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

    runner.run(lambda: fill_demo(services, cases=cases, progress=progress.changed.emit),
               lambda _made: loop.quit(), failed)
    if not runner.inline:
        loop.exec()
    dialog.close()
    if failure:
        raise failure[0]


def run(args: argparse.Namespace) -> int:
    app = make_application()
    folder = paths.data_dir(args.data_dir)
    log_path = setup_logging(paths.log_dir(folder))
    install_excepthook()
    install_translators(app)
    runner = TaskRunner(parent=app)

    db_arg = args.db
    if getattr(args, "demo", False) and not db_arg:
        db_arg = str(folder / "demo.sqlite3")
    try:
        db = open_database(paths.database_url(db_arg, folder))
        services = Services.create(db, folder)
        if getattr(args, "demo", False) and services.office.needs_setup():
            _fill_demo_with_progress(services, runner)
    except LanddeskError as exc:
        QMessageBox.critical(None, "landdesk", exc.message)
        return 2
    except Exception as exc:  # noqa: BLE001 - shown briefly, logged in full
        QMessageBox.critical(None, "landdesk", message_for(exc))
        return 2
    log.info("started: data folder %s, database %s, log %s", folder, db.url, log_path)

    from ui.main_window import MainWindow
    from ui.setup_dialog import SetupDialog

    if services.office.needs_setup():
        setup = SetupDialog(services)
        if setup.exec() != SetupDialog.DialogCode.Accepted:
            return 0
    window = MainWindow(services, runner, data_folder=Path(folder))
    window.show()
    window.offer_drafts()
    code = app.exec()
    runner.wait()
    db.dispose()
    return code
