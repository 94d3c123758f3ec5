"""Backup and restore (文件 → 备份与恢复): the list of verified backups, a backup now, the second
folder (a USB stick), and — for administrators — restoring one, after which the program closes.

A backup of another office (another office code, or a county's for a township's) restores only
after the administrator types that backup's office code into the confirmation field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import backup, startup
from app.backup import BackupInfo, OfficeStamp
from app.dto import Role
from app.services.context import LOCAL_TZ
from ui.errors import show_error
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services


def _local(moment: dt.datetime) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


class BackupDialog(QDialog):
    restored = Signal(object)  # the BackupInfo put back; the main window closes the program

    def __init__(self, services: Services, runner: TaskRunner, data_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.data_folder = data_folder
        self.backups: list[BackupInfo] = []
        # (the selected backup's office, this database's) when they differ: a confirmation is asked
        self.other_office: tuple[OfficeStamp, OfficeStamp] | None = None
        self.setWindowTitle(self.tr("Backup and restore"))
        self.resize(820, 460)

        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size"),
                                              self.tr("Rows"), self.tr("Folder")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)

        self.backup_now = QPushButton(self.tr("&Back up now"))
        self.backup_now.clicked.connect(self.take)
        self.choose_second = QPushButton(self.tr("Second &folder (USB stick)…"))
        self.choose_second.clicked.connect(self.pick_second_folder)
        self.clear_second = QPushButton(self.tr("&No second folder"))
        self.clear_second.clicked.connect(lambda: self.set_second_folder(None))
        self.restore_button = QPushButton(self.tr("&Restore the selected backup…"))
        self.restore_button.clicked.connect(self.confirm_restore)
        self.restore_button.setEnabled(False)
        self.admin = Role.ADMIN in services.ctx.roles()
        self.restore_button.setVisible(self.admin)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.other_office_note = QLabel()
        self.other_office_note.setObjectName("otherOfficeNote")
        self.other_office_note.setWordWrap(True)
        self.other_office_note.setStyleSheet("color: #b00020;")
        self.other_office_code = QLineEdit()
        self.other_office_code.setObjectName("otherOfficeCode")
        self.other_office_code.setMaxLength(12)
        self.other_office_code.setPlaceholderText(self.tr("the backup's office code"))
        self.other_office_code.textChanged.connect(self._update_restore_button)
        code_label = QLabel(self.tr("Office &code of the backup:"))
        code_label.setBuddy(self.other_office_code)
        self.other_office_box = QWidget()
        confirm = QVBoxLayout(self.other_office_box)
        confirm.setContentsMargins(0, 0, 0, 0)
        confirm.addWidget(self.other_office_note)
        code_row = QHBoxLayout()
        code_row.addWidget(code_label)
        code_row.addWidget(self.other_office_code)
        code_row.addStretch(1)
        confirm.addLayout(code_row)
        self.other_office_box.setVisible(False)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        for button in (self.backup_now, self.choose_second, self.clear_second):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.other_office_box)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.refresh()

    # ------------------------------------------------------------ listing

    def refresh(self) -> None:
        settings = startup.load_settings(self.data_folder)
        second = str(settings.second_folder) if settings.second_folder else self.tr("not set")
        self.where.setText(self.tr(
            "Backups are made with SQLite's online backup and checked after writing. They are kept "
            "for 7 days, 4 weeks and 12 months.\nBackup folder: {folder}\nSecond folder: {second}").format(
            folder=backup.backup_dir(self.data_folder), second=second))
        self.clear_second.setEnabled(settings.second_folder is not None)
        found = [b for folder in startup.backup_folders(self.data_folder) for b in backup.list_backups(folder)]
        self.backups = sorted(found, key=lambda b: b.taken_at, reverse=True)
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            values = [_local(b.taken_at), b.reason_label, _size(b.size), f"{b.rows:,}" if b.tables else "",
                      str(b.path.parent)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._selection_changed()  # the rows may have moved: look at what is selected again

    def selected(self) -> BackupInfo | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.backups[rows.pop()] if rows else None

    # ------------------------------------------------------------ backing up

    def take(self) -> None:
        self.backup_now.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))
        db, folder = self.services.ctx.db, self.data_folder
        self.runner.run(lambda: startup.manual_backup(db, folder, self.services.ctx.now()), self._taken, self._failed)

    def _taken(self, info: BackupInfo) -> None:
        self.backup_now.setEnabled(True)
        self.status.setText(self.tr("Backed up and verified: {name} ({rows} rows).").format(
            name=info.path.name, rows=f"{info.rows:,}"))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.backup_now.setEnabled(True)
        self.status.setText("")
        self.refresh()
        show_error(self, exc)

    def pick_second_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Second backup folder"))
        if chosen:
            self.set_second_folder(Path(chosen))

    def set_second_folder(self, folder: Path | None) -> None:
        startup.save_settings(self.data_folder, startup.BackupSettings(second_folder=folder))
        self.refresh()

    # ------------------------------------------------------------ restoring

    def _selection_changed(self) -> None:
        """Read the office of the backup chosen: another office's needs its code typed in."""
        chosen = self.selected()
        self.other_office = None
        if chosen is not None and self.admin:
            theirs, ours = startup.backup_office(self.services, chosen.path)
            if theirs is not None and ours is not None and not theirs.same_office(ours):
                self.other_office = (theirs, ours)
        self.other_office_code.clear()
        if self.other_office is not None:
            theirs, ours = self.other_office
            self.other_office_note.setText(self.tr(
                "This backup is of {theirs}, but this database is {ours}: restoring it would turn this "
                "database into {name}. Check that you chose the right backup. To replace this database "
                "by that office's data anyway (e.g. taking that office over on a new PC), type the "
                "backup's office code {code} below.").format(
                theirs=theirs.label, ours=ours.label, name=theirs.name, code=theirs.code))
        self.other_office_box.setVisible(self.other_office is not None)
        self._update_restore_button()

    def confirmed_code(self) -> str | None:
        """The office code typed for a backup of another office; None when none is needed."""
        return self.other_office_code.text().strip() if self.other_office is not None else None

    def _update_restore_button(self) -> None:
        ready = self.selected() is not None
        if self.other_office is not None:
            ready = ready and self.confirmed_code() == self.other_office[0].code
        self.restore_button.setEnabled(ready)

    def confirm_restore(self) -> QMessageBox | None:
        chosen = self.selected()
        if chosen is None or not self.restore_button.isEnabled():
            return None
        text = self.tr(
            "Replace the database by the backup of {when} ({why})?\nEverything entered since then will "
            "be gone from this database. The current database is backed up first, and the program "
            "closes afterwards; start it again to go on.").format(
            when=_local(chosen.taken_at), why=chosen.reason_label)
        if self.other_office is not None:
            text += "\n\n" + self.tr("This database will become {theirs}.").format(theirs=self.other_office[0].label)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("confirmRestore")
        code = self.confirmed_code()
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes and self.restore(chosen, code))
        box.open()
        return box

    def restore(self, chosen: BackupInfo, other_office: str | None = None) -> None:
        self.status.setText(self.tr("Restoring…"))
        self.restore_button.setEnabled(False)
        services, folder = self.services, self.data_folder
        self.runner.run(lambda: startup.restore_running(services, chosen.path, folder, services.ctx.now(),
                                                        other_office=other_office),
                        lambda result: self.restored.emit(result[0]), self._failed)
