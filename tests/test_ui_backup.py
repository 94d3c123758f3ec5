"""Backup and restore from the window, and the about box."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app import backup, startup
from app.demo import DEMO_OFFICE
from app.dto import Role
from app.errors import PermissionDenied
from app.services import Services
from tests.conftest import TEST_PASSWORD
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


def test_a_backup_of_another_office_restores_only_after_its_code_is_typed(
        qtbot, window: MainWindow, services: Services, make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = services.ctx.db.sqlite_path
    assert path is not None
    county = make_services("empty")
    county.sync.create_county_office("示例县自然资源局", "370702000", username="wangxm",
                                     display_name="县局王晓梅", password=TEST_PASSWORD)
    assert county.ctx.db.sqlite_path is not None
    own = startup.manual_backup(services.ctx.db, tmp_path, services.ctx.now())
    theirs = backup.take_backup(county.ctx.db.sqlite_path, backup.backup_dir(tmp_path), "manual",
                                services.ctx.now() + dt.timedelta(minutes=5))
    dialog = window.open_backups()
    dialog.refresh()
    assert [b.path for b in dialog.backups] == [theirs.path, own.path]

    dialog.table.selectRow(1)  # the office's own backup: no confirmation asked
    assert dialog.other_office is None and not dialog.other_office_box.isVisible()
    assert dialog.restore_button.isEnabled()

    dialog.table.selectRow(0)  # the county's
    assert dialog.other_office_box.isVisible()
    note = dialog.other_office_note.text()
    for named in ("示例县自然资源局", "370702000", "示例镇自然资源所", "370702101"):
        assert named in note, named
    assert not dialog.restore_button.isEnabled() and dialog.confirm_restore() is None
    for wrong in ("370702101", "37070200", "370702001"):
        qtbot.keyClicks(dialog.other_office_code, wrong)
        assert not dialog.restore_button.isEnabled(), wrong
        dialog.other_office_code.clear()
    qtbot.keyClicks(dialog.other_office_code, "370702000")
    assert dialog.restore_button.isEnabled()
    before = path.read_bytes()
    box = dialog.confirm_restore()
    assert box is not None and "示例县自然资源局" in box.text()
    box.done(QMessageBox.StandardButton.Cancel)
    assert path.read_bytes() == before and backup.database_office(path).code == "370702101"

    # Choosing another row asks again: the code typed was for that backup only.
    dialog.table.selectRow(1)
    dialog.table.selectRow(0)
    assert dialog.other_office_code.text() == "" and not dialog.restore_button.isEnabled()
    qtbot.keyClicks(dialog.other_office_code, "370702000")
    box = dialog.confirm_restore()
    assert box is not None
    box.done(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "restoredNotice") is not None, timeout=10000)
    assert backup.database_office(path) == backup.OfficeStamp("370702000", "示例县自然资源局", True)
    assert "restore" in {b.reason for b in backup.list_backups(backup.backup_dir(tmp_path))}
    window.findChild(QMessageBox, "restoredNotice").done(0)


def test_the_restore_itself_refuses_another_office_without_its_code(
        services: Services, make_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The dialog's confirmation is checked again by the core, before the database is closed."""
    path = services.ctx.db.sqlite_path
    assert path is not None
    other = make_services("empty")
    other.office.create_office(dataclasses.replace(DEMO_OFFICE, code="370702102", name="东关镇自然资源所"),
                               username="wangxm", display_name="王晓梅", password=TEST_PASSWORD)
    assert other.ctx.db.sqlite_path is not None
    theirs = backup.take_backup(other.ctx.db.sqlite_path, tmp_path / "usb", "manual", services.ctx.now())
    count = cases_in(path)
    for code in (None, "370702101"):
        with pytest.raises(backup.OtherOfficeBackup) as refused:
            startup.restore_running(services, theirs.path, tmp_path, services.ctx.now(), other_office=code)
        assert "东关镇自然资源所" in refused.value.message and "370702102" in refused.value.message
    services.intake.accept(full_form(services))  # the database was never closed
    assert cases_in(path) == count + 1
