"""Backup and restore from the window, and the about box."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app import backup, startup
from app.dto import Role
from app.errors import PermissionDenied
from app.services import Services
from tests.test_intake_service import full_form
from tests.test_ui_watch import close_windows, show
from ui.backup_dialog import BackupDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def cases_in(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM case_file").fetchone()[0]


@pytest.fixture
def window(qtbot, services: Services, runner, tmp_path: Path):  # type: ignore[no-untyped-def]
    widget = MainWindow(services, runner, data_folder=tmp_path)
    show(qtbot, widget)
    yield widget
    close_windows(widget)


def test_back_up_now_with_a_second_folder(window: MainWindow, tmp_path: Path) -> None:
    dialog = window.open_backups()
    assert isinstance(dialog, BackupDialog) and dialog.table.rowCount() == 0
    dialog.set_second_folder(tmp_path / "usb")
    assert str(tmp_path / "usb") in dialog.where.text()
    dialog.take()  # inline runner in tests
    assert "Backed up and verified" in dialog.status.text()
    assert dialog.table.rowCount() == 2  # the data folder's and the stick's copy
    assert {dialog.table.item(r, 4).text() for r in range(2)} == {
        str(backup.backup_dir(tmp_path)), str(tmp_path / "usb")}
    assert dialog.table.item(0, 1).text() == "手动备份"
    dialog.set_second_folder(None)
    assert dialog.table.rowCount() == 1 and not dialog.clear_second.isEnabled()


def test_restore_from_the_window_brings_the_old_state_back_and_closes(
        qtbot, window: MainWindow, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = services.ctx.db.sqlite_path
    assert path is not None
    dialog = window.open_backups()
    dialog.take()
    before = cases_in(path)
    services.intake.accept(full_form(services))
    assert cases_in(path) == before + 1
    dialog.table.selectRow(0)
    assert dialog.restore_button.isVisible() and dialog.restore_button.isEnabled()
    box = dialog.confirm_restore()
    assert box is not None and "Everything entered since then" in box.text()
    box.done(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "restoredNotice") is not None, timeout=10000)
    assert cases_in(path) == before
    reasons = sorted(b.reason for b in backup.list_backups(backup.backup_dir(tmp_path)))
    assert reasons == ["manual", "restore"]  # the replaced state is kept
    window.findChild(QMessageBox, "restoredNotice").done(0)
    assert not window.isVisible()


def test_only_an_administrator_may_restore(qtbot, services: Services, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = services.ctx.db.sqlite_path
    assert path is not None
    taken = startup.manual_backup(services.ctx.db, tmp_path, services.ctx.now())
    services.users.create_user("lisi", "李四", [Role.WINDOW_CLERK], "lisi-2026-pw")
    services.users.sign_in("lisi", "lisi-2026-pw")
    dialog = BackupDialog(services, runner, tmp_path)
    show(qtbot, dialog)
    assert not dialog.restore_button.isVisible() and dialog.backup_now.isVisible()
    services.intake.accept(full_form(services))
    count = cases_in(path)
    with pytest.raises(PermissionDenied):
        startup.restore_running(services, taken.path, tmp_path, services.ctx.now())
    assert cases_in(path) == count


def test_about_names_the_last_backup(window: MainWindow, services: Services, tmp_path: Path) -> None:
    box = window.show_about()
    assert "Last backup: none yet" in box.text()
    box.done(0)
    taken = startup.manual_backup(services.ctx.db, tmp_path, services.ctx.now())
    box = window.show_about()
    assert str(taken.path) in box.text() and "手动备份" in box.text()
    assert str(tmp_path) in box.text() and "MB" in box.text()
    box.done(0)
