"""Start-up as ``landdesk`` does it: window first, database on the worker, then the pages."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import TEST_PASSWORD, FixedClock
from ui.application import launch
from ui.main_window import MainWindow
from ui.setup_dialog import SetupDialog
from ui.sign_in_dialog import SignInDialog


@pytest.fixture(autouse=True)
def _restore_globals() -> Iterator[None]:
    hook, handlers = sys.excepthook, list(logging.getLogger().handlers)
    yield
    from PySide6.QtWidgets import QApplication

    from ui.application import remove_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    remove_translators(app)  # launch() installs Chinese; later tests read English source text
    sys.excepthook = hook
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()


def _args(folder: Path, db: Path | None = None, demo: bool = False) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(folder), db=str(db) if db else None, demo=demo, clock=FixedClock())


def _sign_in_ready(qtbot, window: MainWindow) -> SignInDialog:  # type: ignore[no-untyped-def]
    """The sign-in dialog once the database is open (it is shown before, when an office is known)."""
    def opened() -> bool:
        dialog = window.findChild(SignInDialog)
        return dialog is not None and dialog.services is not None

    qtbot.waitUntil(opened, timeout=20000)
    dialog = window.findChild(SignInDialog)
    assert dialog is not None
    return dialog


def _close(window: MainWindow) -> None:
    window.runner.wait()
    for dialog in window.findChildren(SignInDialog):  # left open by tests that stop at sign-in
        dialog.done(0)
    window.close()
    if window.services is not None:
        window.services.ctx.db.dispose()


def test_existing_office_opens_to_home(qtbot, office_template: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "landdesk.sqlite3"
    shutil.copyfile(office_template, db)
    ready: list[MainWindow] = []
    window = launch(_args(tmp_path, db), on_ready=ready.append)
    assert window.isVisible() and window.services is None  # shown before the database is open
    # The office is set up, so the sign-in dialog is up at once, before the database is open:
    # the clerk types meanwhile, and Enter signs in as soon as it is.
    dialog = window.findChild(SignInDialog)
    assert dialog is not None and dialog.isVisible() and dialog.services is None
    assert dialog.waiting.isVisible() and dialog.focusWidget() is dialog.username
    assert not ready  # nobody works before signing in
    dialog.username.setText("wangxm")
    dialog.password.setText("wrong-password")
    dialog.submit()
    assert dialog.services is None and "数据库打开后" in dialog.waiting.text()  # waiting, not refused
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=20000)  # checked on the worker
    assert dialog.services is not None and not dialog.waiting.isVisible()
    assert not ready
    dialog.password.setText(TEST_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(ready), timeout=20000)
    assert window.services is not None and window.stack.currentWidget() is window.home
    assert "示例镇自然资源所" in window.windowTitle()
    assert (tmp_path / "logs" / "landdesk.log").exists()
    _close(window)


def test_first_run_asks_for_the_office(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ready: list[MainWindow] = []
    window = launch(_args(tmp_path), on_ready=ready.append)
    qtbot.waitUntil(lambda: window.findChild(SetupDialog) is not None, timeout=20000)
    dialog = window.findChild(SetupDialog)
    assert dialog is not None
    for key, value in {"name": "城关镇自然资源所", "code": "370702101", "display_name": "李明",
                       "username": "liming", "password": "chengguan-1",
                       "password_confirm": "chengguan-1"}.items():
        dialog.fields[key].setText(value)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(ready), timeout=10000)
    assert (tmp_path / "landdesk.sqlite3").exists()
    _close(window)


def test_unopenable_database_is_a_message(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 200)
    failed: list[bool] = []
    window = launch(_args(tmp_path, bad), on_failed=lambda: failed.append(True))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "damaged_database") is not None, timeout=20000)
    box = window.findChild(QMessageBox, "damaged_database")
    assert "已损坏" in box.text() and "file is not a database" in box.text() and "没有找到可用的备份" in box.text()
    assert [b.text() for b in box.buttons()] == ["退出"]  # nothing to restore from
    box.buttons()[0].click()
    assert failed and bad.read_bytes() == b"not a database at all" * 200
    window.runner.wait()


def test_a_damaged_database_is_not_opened_and_the_newest_backup_is_offered(  # type: ignore[no-untyped-def]
        qtbot, office_template: Path, tmp_path: Path) -> None:
    import datetime as dt

    from app import backup

    db = tmp_path / "landdesk.sqlite3"
    shutil.copyfile(office_template, db)
    taken = backup.take_backup(db, backup.backup_dir(tmp_path), "daily",
                               dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC))
    with db.open("r+b") as f:  # pages overwritten, as a power cut during a disk write can leave them
        f.seek(8192)
        f.write(b"\xde\xad\xbe\xef" * 4096)
    damaged = db.read_bytes()
    window = launch(_args(tmp_path, db))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "damaged_database") is not None, timeout=20000)
    box = window.findChild(QMessageBox, "damaged_database")
    assert "已损坏" in box.text() and taken.path.name in box.text()
    assert window.services is None and db.read_bytes() == damaged  # nothing was written to it
    # A sign-in dialog shown before the check (if the first look could read the file) is gone.
    assert not [d for d in window.findChildren(SignInDialog) if d.isVisible()]
    restore = next(b for b in box.buttons() if b.text() == "用最新的备份恢复")
    restore.click()
    _sign_in_ready(qtbot, window)
    assert list(tmp_path.glob("landdesk.damaged-*.sqlite3"))  # kept for inspection, not deleted
    assert backup.integrity_problem(__import__("sqlite3").connect(db)) is None
    _close(window)


def test_the_first_start_of_the_day_takes_a_backup(qtbot, office_template: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app import backup

    db = tmp_path / "landdesk.sqlite3"
    shutil.copyfile(office_template, db)
    window = launch(_args(tmp_path, db))
    _sign_in_ready(qtbot, window)
    made = backup.list_backups(backup.backup_dir(tmp_path))
    assert [b.reason for b in made] == ["daily"]
    _close(window)


def test_a_second_copy_on_the_same_database_is_told_so(qtbot, office_template: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "landdesk.sqlite3"
    shutil.copyfile(office_template, db)
    first = launch(_args(tmp_path, db))
    _sign_in_ready(qtbot, first)
    failed: list[bool] = []
    second = launch(_args(tmp_path, db), on_failed=lambda: failed.append(True))
    assert failed and second.services is None
    box = second.findChild(QMessageBox, "startup_error")
    assert box is not None and "已在另一个 landdesk 窗口中打开" in box.text()
    box.done(0)
    _close(first)
    first._single_copy_lock.unlock()


def test_demo_sign_in_is_ready_for_the_password_before_the_database_is_open(  # type: ignore[no-untyped-def]
        qtbot, office_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    shutil.copyfile(office_template, db)
    ready: list[MainWindow] = []
    window = launch(_args(tmp_path, db, demo=True), on_ready=ready.append)
    dialog = window.findChild(SignInDialog)
    assert dialog is not None and dialog.services is None
    assert dialog.username.text() == "wangxm" and dialog.focusWidget() is dialog.password
    dialog.password.setText(TEST_PASSWORD)
    dialog.password.returnPressed.emit()  # Enter before the database is open
    qtbot.waitUntil(lambda: bool(ready), timeout=20000)
    assert window.services is not None and window.stack.currentWidget() is window.home
    _close(window)
