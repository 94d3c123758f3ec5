"""Turning errors into something a clerk can act on.

Expected errors (LanddeskError) carry a Chinese message from the core and are
shown as they are. Anything unexpected is written with its traceback to the
log file in the data folder, and the user sees a short message saying where
that log is — never a traceback.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import LanddeskError

log = logging.getLogger("landdesk")
_log_file: Path | None = None


def setup_logging(folder: Path) -> Path:
    """Rotating log in the data folder: small enough for an old PC, long enough to debug."""
    global _log_file
    folder.mkdir(parents=True, exist_ok=True)
    _log_file = folder / "landdesk.log"
    handler = logging.handlers.RotatingFileHandler(_log_file, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return _log_file


def log_file() -> Path | None:
    return _log_file


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def message_for(exc: BaseException) -> str:
    """The text a user sees for an error; unexpected ones are logged in full first."""
    if isinstance(exc, LanddeskError):
        return exc.message
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    where = str(_log_file) if _log_file else tr("the data folder")
    return tr("Something went wrong and the operation was not completed. "
              "Nothing was half-saved. Details were written to the log: {log}").format(log=where)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("Error"), message_for(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.open()


def install_excepthook() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if tb is not None and exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        show_error(None, exc)  # message_for logs the traceback of anything unexpected

    sys.excepthook = hook
