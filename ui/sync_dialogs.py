"""同步: the dialogs around the township ⇄ county sync files (services.sync).

- SyncStatusDialog: this office's key fingerprint, shown large so it can be read
  over the phone; writing the own public key file; registering the other side's
  key after comparing its fingerprint.
- ExportBatchDialog (township): write the next batch to a folder (a USB stick)
  with progress and cancel; the result by table; unacknowledged batches can be
  re-made.
- ImportDialog (county: township batches; township: the county's downlink):
  a dry run ("check") or the import, a summary per file and the import history.
- DownlinkDialog (county): downlink files for every or chosen townships, and the
  recovery file for one township that lost data (imported there like a downlink).

Slow work runs on the TaskRunner's worker; progress callbacks come from that
thread and cross to the UI thread through a Qt signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from ui.errors import message_for, show_error
from ui.inquiry_page import local_time
from ui.supervision_page import make_table, size_columns
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.sync import ExportResult, ImportReport, KeyInfo, SyncStatus

REFUSED_COLOUR = QColor("#b00020")
HELD_COLOUR = QColor("#a84f00")
GOOD_COLOUR = QColor("#1b5e20")


def table_label(name: str) -> str:
    """What a synced table is called on screen."""
    labels = {
        "office": QCoreApplication.translate("SyncDialogs", "Offices"),
        "app_user": QCoreApplication.translate("SyncDialogs", "User accounts"),
        "applicant": QCoreApplication.translate("SyncDialogs", "Applicants"),
        "case_file": QCoreApplication.translate("SyncDialogs", "Case files"),
        "case_material": QCoreApplication.translate("SyncDialogs", "Case materials"),
        "case_event": QCoreApplication.translate("SyncDialogs", "Case events"),
        "case_step": QCoreApplication.translate("SyncDialogs", "Transfer slip rows"),
        "case_pause": QCoreApplication.translate("SyncDialogs", "Clock pauses"),
        "collective_review": QCoreApplication.translate("SyncDialogs", "Collective reviews"),
        "supervision_notice": QCoreApplication.translate("SyncDialogs", "Supervision notices"),
        "inquiry": QCoreApplication.translate("SyncDialogs", "First inquiries"),
        "service_rating": QCoreApplication.translate("SyncDialogs", "Service ratings"),
        "catalog_version": QCoreApplication.translate("SyncDialogs", "Catalogue versions"),
        "matter": QCoreApplication.translate("SyncDialogs", "Matters"),
        "material_requirement": QCoreApplication.translate("SyncDialogs", "Material lists"),
        "holiday": QCoreApplication.translate("SyncDialogs", "Holidays"),
        "calendar_year": QCoreApplication.translate("SyncDialogs", "Calendar years"),
        "sequence_counter": QCoreApplication.translate("SyncDialogs", "Number counters"),
        "setting": QCoreApplication.translate("SyncDialogs", "Settings"),
    }
    return labels.get(name, name)


def outcome_label(outcome: str) -> str:
    labels = {
        "applied": QCoreApplication.translate("SyncDialogs", "Imported"),
        "duplicate": QCoreApplication.translate("SyncDialogs", "Already imported (nothing changed)"),
        "held": QCoreApplication.translate("SyncDialogs", "Held: waiting for missing batches"),
        "refused": QCoreApplication.translate("SyncDialogs", "Refused"),
        "checked": QCoreApplication.translate("SyncDialogs", "Checked, not imported"),
    }
    return labels.get(outcome, outcome)


def role_label(role: str) -> str:
    return {"township": QCoreApplication.translate("SyncDialogs", "Township office"),
            "county": QCoreApplication.translate("SyncDialogs", "County bureau")}.get(role, role)


def _item(text: str, colour: QColor | None = None, align_right: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    if colour is not None:
        cell.setForeground(colour)
    if align_right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def _totals(report: ImportReport) -> tuple[int, int, int, int, int]:
    counts = list(report.by_table.values())
    return (sum(c.new for c in counts), sum(c.updated for c in counts), sum(c.unchanged for c in counts),
            sum(c.conflicts for c in counts), sum(c.refused for c in counts))


def _seqs(numbers: Sequence[int]) -> str:
    return "、".join(str(n) for n in numbers)


class _Progress(QObject):
    """Carries progress(done, total) from the worker thread to the UI thread (queued)."""

    changed = Signal(int, int)


def _progress_bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setRange(0, 1)
    bar.setValue(0)
    bar.setTextVisible(True)
    return bar


def _message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, name: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.open()
    return box


def _folder_row(parent: QWidget, edit: QLineEdit, title: str) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    choose = QPushButton(QCoreApplication.translate("SyncDialogs", "C&hoose…"))
    choose.setObjectName("chooseFolder")

    def pick() -> None:
        chosen = QFileDialog.getExistingDirectory(parent, title, edit.text())
        if chosen:
            edit.setText(chosen)

    choose.clicked.connect(pick)
    layout.addWidget(choose)
    return row


# ---------------------------------------------------------------------------- status and keys


class SyncStatusDialog(QDialog):
    """This office's fingerprint, its keys, and where the sync stands."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = services.sync
        self.runner = runner
        self.status: SyncStatus | None = None
        self.last_message: QMessageBox | None = None
        self.confirm_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Sync status and keys"))
        self.resize(860, 560)
        column = QVBoxLayout(self)
        self.mode_label = QLabel()
        self.mode_label.setObjectName("mode")
        column.addWidget(self.mode_label)
        intro = QLabel(self.tr("Fingerprint of this office's key — read it to the other side over the "
                               "phone; they compare it with the key file you send them:"))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("ownFingerprint")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(20)
        font.setBold(True)
        self.fingerprint_label.setFont(font)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint_label.setStyleSheet("padding: 8px; background: #fafafa; border: 1px solid #ccc;")
        column.addWidget(self.fingerprint_label)
        column.addWidget(QLabel(self.tr("Registered keys of other offices:")))
        self.peers_table = make_table("peers", [self.tr("Code"), self.tr("Office"), self.tr("Kind"),
                                                self.tr("Fingerprint")], 3)
        size_columns(self.peers_table, {0: "370702101", 1: "示例镇自然资源所", 2: "乡镇所所"})
        column.addWidget(self.peers_table, 1)
        self.details_label = QLabel()
        self.details_label.setObjectName("details")
        self.details_label.setWordWrap(True)
        column.addWidget(self.details_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.write_button = buttons.addButton(self.tr("&Write my key file…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.write_button.setObjectName("writeKey")
        self.register_button = buttons.addButton(self.tr("&Register a key file…"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.register_button.setObjectName("registerKey")
        self.sheet_button = buttons.addButton(self.tr("&Print fingerprint sheet…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.sheet_button.setObjectName("printSheet")
        self.sheet_button.clicked.connect(self.print_sheet)
        self.preview: QDialog | None = None
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.write_button.clicked.connect(lambda: self.write_key())
        self.register_button.clicked.connect(lambda: self.register_key())
        self.load()

    def load(self) -> None:
        self.runner.run(self.sync.status, self._show, lambda exc: show_error(self, exc))

    def _show(self, status: SyncStatus) -> None:
        self.status = status
        mode = role_label(status.mode)
        self.mode_label.setText(self.tr("This installation: {mode}, office code {code}").format(
            mode=mode, code=status.office_code))
        self.fingerprint_label.setText(status.own_fingerprint)
        self.peers_table.setRowCount(len(status.peers))
        for row, peer in enumerate(status.peers):
            for column, text in enumerate((peer.office_code, peer.office_name, role_label(peer.role),
                                           peer.fingerprint)):
                self.peers_table.setItem(row, column, _item(text))
        lines: list[str] = []
        if status.mode == "township":
            lines.append(self.tr("Last batch acknowledged by the county: {seq}").format(
                seq=status.last_acked_seq or self.tr("none yet")))
            if status.unacknowledged:
                lines.append(self.tr("Sent but not yet acknowledged: batch {seqs}").format(
                    seqs=_seqs(status.unacknowledged)))
            lines.append(self.tr("Changes not yet in any batch: {count}").format(count=status.pending_changes))
        lines.append(self.tr("Last export: {at}; last import: {imported}").format(
            at=local_time(status.last_export_at) or self.tr("none yet"),
            imported=local_time(status.last_import_at) or self.tr("none yet")))
        if not status.peers:
            lines.append(self.tr("No key of another office is registered yet: register the "
                                 "other side's key file before exchanging sync files."))
        self.details_label.setText("\n".join(lines))

    def print_sheet(self) -> None:
        """The fingerprint on paper, to go with the key file (and be signed on receipt)."""
        from ui.print_preview import PdfPreviewDialog

        def shown(pdf: bytes) -> None:
            title = self.tr("Key fingerprint sheet")
            self.preview = PdfPreviewDialog(pdf, title, f"{title}.pdf", self)
            self.preview.open()

        self.runner.run(self.sync.key_sheet, shown, lambda exc: show_error(self, exc))

    def write_key(self, path: Path | None = None) -> None:
        if path is None:
            code = self.status.office_code if self.status else "office"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Write my key file"), f"{code}.ldkey",
                                                    self.tr("Key files (*.ldkey)"))
            if not chosen:
                return
            path = Path(chosen)
        sync = self.sync

        def written(info: KeyInfo) -> None:
            self.last_message = _message(
                self, QMessageBox.Icon.Information, self.tr("Key file written"),
                self.tr("The public key of {office} was written to:\n{path}\n\nFingerprint:\n{fp}\n\n"
                        "Give the file to the other side and read them the fingerprint over the phone.")
                .format(office=info.office_name, path=path, fp=info.fingerprint), "keyWritten")

        self.runner.run(lambda: sync.write_public_key(path), written, lambda exc: show_error(self, exc))

    def register_key(self, path: Path | None = None) -> QMessageBox | None:
        """Show the key file's office and fingerprint; register it only once confirmed."""
        from app.sync.keys import read_key_file

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Register a key file"), "",
                                                    self.tr("Key files (*.ldkey)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            key = read_key_file(path)
        except Exception as exc:
            show_error(self, exc)
            return None
        known = next((p for p in (self.status.peers if self.status else [])
                      if p.office_code == key.office_code), None)
        replace = known is not None and known.fingerprint != key.fingerprint
        text = self.tr("{office} ({code}, {kind})\n\nFingerprint:\n{fp}\n\nCompare it digit by digit with "
                       "the fingerprint the other office reads to you over the phone. Register this key?"
                       ).format(office=key.office_name, code=key.office_code, kind=role_label(key.role),
                                fp=key.fingerprint)
        if replace:
            assert known is not None
            text += "\n\n" + self.tr("A DIFFERENT key is registered for this office (fingerprint {old}). "
                                     "Replace it only if that office was reinstalled and made a new key."
                                     ).format(old=known.fingerprint)
        box = QMessageBox(QMessageBox.Icon.Warning if replace else QMessageBox.Icon.Question,
                          self.tr("Register key"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmKey")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        sync, chosen_path = self.sync, path

        def answered(result: int) -> None:
            if result != QMessageBox.StandardButton.Yes:
                return

            def registered(info: KeyInfo) -> None:
                self.last_message = _message(
                    self, QMessageBox.Icon.Information, self.tr("Key registered"),
                    self.tr("The key of {office} ({code}) is registered.").format(
                        office=info.office_name, code=info.office_code), "keyRegistered")
                self.load()

            self.runner.run(lambda: sync.register_key(chosen_path, replace=replace), registered,
                            lambda exc: show_error(self, exc))

        box.finished.connect(answered)
        box.open()
        self.confirm_box = box
        return box


# ---------------------------------------------------------------------------- township export


class ExportBatchDialog(QDialog):
    """Township: the next batch for the county, written to a folder (USB stick)."""

    exported = Signal(object)  # ExportResult

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.sync = services.sync
        self.runner = runner
        self.result: ExportResult | None = None
        self.failure: BaseException | None = None
        self.status: SyncStatus | None = None
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self.setWindowTitle(self.tr("Export batch for the county"))
        self.resize(760, 600)
        column = QVBoxLayout(self)
        intro = QLabel(self.tr("The batch holds every change the county has not acknowledged yet. "
                               "Choose the USB stick (or a folder) to write it to."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.folder_edit = QLineEdit(str(folder) if folder else "")
        self.folder_edit.setObjectName("folder")
        column.addWidget(_folder_row(self, self.folder_edit, self.tr("Folder for the batch file")))
        self.progress = _progress_bar("progress")
        column.addWidget(self.progress)
        self._progress.changed.connect(self._show_progress)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("&Cancel export"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.result_label)
        self.counts_table = make_table("counts", [self.tr("Table"), self.tr("Records")], 0)
        column.addWidget(self.counts_table, 1)
        column.addWidget(QLabel(self.tr("Batches sent but not yet acknowledged by the county "
                                        "(re-make one if its file was lost):")))
        self.unacked_table = make_table("unacknowledged", [self.tr("Batch"), ""], 0)
        column.addWidget(self.unacked_table, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        column.addWidget(close)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)
        self.load_status()

    def load_status(self) -> None:
        self.runner.run(self.sync.status, self._show_status, lambda exc: show_error(self, exc))

    def _show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.unacked_table.setRowCount(len(status.unacknowledged))
        for row, seq in enumerate(status.unacknowledged):
            self.unacked_table.setItem(row, 0, _item(self.tr("Batch {seq}").format(seq=seq)))
            button = QPushButton(self.tr("Re-make"))
            button.setObjectName(f"remake{seq}")
            button.clicked.connect(lambda _=False, n=seq: self.remake(n))
            self.unacked_table.setCellWidget(row, 1, button)

    def _folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        if not text:
            self.result_label.setText(self.tr("Choose the folder (USB stick) to write to first."))
            self.result_label.setStyleSheet(f"color: {REFUSED_COLOUR.name()};")
            return None
        return Path(text)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _start(self, work: Callable[[], ExportResult]) -> None:
        self.failure = None
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.tr("Writing the batch…"))
        self.runner.run(work, self._done, self._failed)

    def export(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        sync, progress, cancel = self.sync, self._progress.changed.emit, self._cancel.is_set
        self._start(lambda: sync.export_batch(folder, progress=progress, cancel=cancel))

    def remake(self, seq: int) -> None:
        folder = self._folder()
        if folder is None:
            return
        sync = self.sync
        self._start(lambda: sync.remake_batch(seq, folder))

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)

    def _finish(self) -> None:
        self._cancel.clear()  # a cancel applies to the run it was pressed in only
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)

    def _done(self, result: ExportResult) -> None:
        self._finish()
        self.progress.setValue(1)
        self.result = result
        lines = [self.tr("Batch {seq} written: {path}").format(seq=result.batch_seq, path=result.path),
                 self.tr("{count} change(s) in the file.").format(count=result.changes)]
        if result.remade:
            lines.append(self.tr("This is a re-made copy of batch {seq} (same number, same records): "
                                 "the county treats it as the same batch.").format(seq=result.batch_seq))
        if result.flagged_times:
            lines.append(self.tr("{count} record(s) carry an implausible time (PC clock wrong?); they are "
                                 "flagged in the file, not trusted.").format(count=result.flagged_times))
        self.result_label.setStyleSheet(f"color: {GOOD_COLOUR.name()};")
        self.result_label.setText("\n".join(lines))
        self.counts_table.setRowCount(len(result.counts))
        for row, (name, count) in enumerate(sorted(result.counts.items())):
            self.counts_table.setItem(row, 0, _item(table_label(name)))
            self.counts_table.setItem(row, 1, _item(str(count), align_right=True))
        self.exported.emit(result)
        self.load_status()

    def _failed(self, exc: BaseException) -> None:
        cancelled = self._cancel.is_set()
        self._finish()
        self.failure = exc
        text = message_for(exc)
        if cancelled:
            text = self.tr("Export cancelled: nothing was marked as sent.") + "\n" + text
        self.result_label.setStyleSheet(f"color: {REFUSED_COLOUR.name()};")
        self.result_label.setText(text)


# ---------------------------------------------------------------------------- import


class ImportDialog(QDialog):
    """Import sync files — township batches at the county, the downlink at a township."""

    imported = Signal(object)  # list[ImportReport] of a real (not dry) run

    COLUMNS = 11

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = services.sync
        self.runner = runner
        self.paths: list[Path] = []
        self.reports: list[ImportReport] = []
        self.history: list[ImportReport] = []
        self._progress = _Progress(self)
        self.setWindowTitle(self.tr("Import sync files"))
        self.resize(1180, 700)
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        outer.addWidget(self.tabs, 1)

        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(self.tr("Files to import (.ldsync). Check them first: nothing is written "
                               "until you choose Import. A township that lost data imports the "
                               "county's recovery file here too."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        files_row = QHBoxLayout()
        self.files_list = QListWidget()
        self.files_list.setObjectName("files")
        self.files_list.setMaximumHeight(80)
        files_row.addWidget(self.files_list, 1)
        file_buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("&Add files…"))
        self.add_button.setObjectName("addFiles")
        self.clear_button = QPushButton(self.tr("C&lear list"))
        self.clear_button.setObjectName("clearFiles")
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.clear_button)
        file_buttons.addStretch(1)
        files_row.addLayout(file_buttons)
        column.addLayout(files_row)
        actions = QHBoxLayout()
        self.check_button = QPushButton(self.tr("&Check (do not import)"))
        self.check_button.setObjectName("dryRun")
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("import")
        actions.addWidget(self.check_button)
        actions.addWidget(self.import_button)
        self.progress = _progress_bar("progress")
        actions.addWidget(self.progress, 1)
        column.addLayout(actions)
        self._progress.changed.connect(self._show_progress)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryText")
        self.summary_label.setWordWrap(True)
        column.addWidget(self.summary_label)
        headers = self._report_headers()
        self.summary_table = make_table("summary", headers, 4)
        size_columns(self.summary_table, {0: "370702101-00001-202611.ldsync", 1: "示例镇自然资源所",
                                          2: "00000", 3: "暂存：等待缺失批次", **{i: "000000" for i in range(5, 11)}})
        self.summary_table.setMinimumHeight(130)  # a few files in view without scrolling
        column.addWidget(self.summary_table, 2)
        column.addWidget(QLabel(self.tr("By table, for the file selected above:")))
        self.details_table = make_table("details", [self.tr("Table"), self.tr("New"), self.tr("Updated"),
                                                    self.tr("Deleted"), self.tr("Unchanged"),
                                                    self.tr("Conflicts"), self.tr("Refused"),
                                                    self.tr("Kept")], 0)
        # Room for the main tables of a batch (cases, steps, events, materials …) without scrolling.
        self.details_table.setMinimumHeight(150)
        column.addWidget(self.details_table, 2)
        self.items_label = QLabel()
        self.items_label.setObjectName("items")
        self.items_label.setWordWrap(True)
        self.items_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.items_label)
        self.tabs.addTab(page, self.tr("Import"))

        history_page = QWidget()
        history_column = QVBoxLayout(history_page)
        self.history_table = make_table("history", [self.tr("Time"), *headers], 5)
        size_columns(self.history_table, {0: "2026-11-23 10:00", 1: "370702101-00001-202611.ldsync",
                                          2: "示例镇自然资源所", 3: "00000", 4: "暂存：等待缺失批次"})
        history_column.addWidget(self.history_table, 1)
        self.tabs.addTab(history_page, self.tr("Import history"))

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        outer.addWidget(close)
        self.add_button.clicked.connect(lambda: self.add_files())
        self.clear_button.clicked.connect(self.clear_files)
        self.check_button.clicked.connect(lambda: self.run_import(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run_import(dry_run=False))
        self.summary_table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.tabs.currentChanged.connect(lambda index: index == 1 and self.load_history())
        self._enable()

    def _report_headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Office"), self.tr("Batch"), self.tr("Outcome"), self.tr("Message"),
                self.tr("New"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Conflicts"),
                self.tr("Refused"), self.tr("Missing batches")]

    def _enable(self, busy: bool = False) -> None:
        has_files = bool(self.paths)
        self.check_button.setEnabled(has_files and not busy)
        self.import_button.setEnabled(has_files and not busy)
        self.add_button.setEnabled(not busy)
        self.clear_button.setEnabled(has_files and not busy)

    def add_files(self, paths: Sequence[Path] | None = None) -> None:
        if paths is None:
            chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose sync files"), "",
                                                     self.tr("Sync files (*.ldsync);;All files (*)"))
            paths = [Path(p) for p in chosen]
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
                QListWidgetItem(str(path), self.files_list)
        self._enable()

    def clear_files(self) -> None:
        self.paths.clear()
        self.files_list.clear()
        self._enable()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def run_import(self, *, dry_run: bool) -> None:
        if not self.paths:
            return
        sync, paths, progress = self.sync, list(self.paths), self._progress.changed.emit
        self._enable(busy=True)
        self.progress.setRange(0, 0)
        self.summary_label.setStyleSheet("")
        self.summary_label.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))

        def done(reports: list[ImportReport]) -> None:
            self._enable()
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.show_reports(reports, dry_run=dry_run)
            if not dry_run:
                self.imported.emit(reports)

        def failed(exc: BaseException) -> None:
            self._enable()
            self.progress.setRange(0, 1)
            self.summary_label.setStyleSheet(f"color: {REFUSED_COLOUR.name()};")
            self.summary_label.setText(message_for(exc))

        self.runner.run(lambda: sync.import_files(paths, dry_run=dry_run, progress=progress), done, failed)

    def show_reports(self, reports: list[ImportReport], *, dry_run: bool) -> None:
        self.reports = reports
        self._fill(self.summary_table, reports)
        refused = sum(1 for r in reports if r.outcome == "refused")
        held = sum(1 for r in reports if r.outcome == "held")
        text = (self.tr("Checked {count} file(s); nothing was written.") if dry_run
                else self.tr("Imported {count} file(s).")).format(count=len(reports))
        if refused:
            text += " " + self.tr("{count} refused (in red): the database is unchanged for them.").format(
                count=refused)
        if held:
            text += " " + self.tr("{count} held until the missing batches arrive.").format(count=held)
        self.summary_label.setStyleSheet(f"color: {REFUSED_COLOUR.name()};" if refused else "")
        self.summary_label.setText(text)
        if reports:
            self.summary_table.setCurrentCell(0, 0)
            self._show_details(0)

    def _fill(self, table: QTableWidget, reports: Sequence[ImportReport], *, with_time: bool = False) -> None:
        table.setRowCount(len(reports))
        first = 1 if with_time else 0
        for row, report in enumerate(reports):
            if with_time:
                table.setItem(row, 0, _item(local_time(getattr(report, "at", None))))
            colour = {"refused": REFUSED_COLOUR, "held": HELD_COLOUR}.get(report.outcome)
            new, updated, unchanged, conflicts, refused = _totals(report)
            office = report.office_name or report.office_code or ""
            batch = str(report.batch_seq) if report.batch_seq else ""  # 0: unreadable, unknown
            missing = _seqs(report.missing)
            message = report.message
            if report.applied_after:
                message += " " + self.tr("(then applied the held batches {seqs})").format(
                    seqs=_seqs(report.applied_after))
            texts = [report.file_name, office, batch, outcome_label(report.outcome), message]
            for column, text in enumerate(texts):
                cell = _item(text, colour)
                if column == 4:
                    cell.setToolTip(message)
                table.setItem(row, first + column, cell)
            for offset, number in enumerate((new, updated, unchanged, conflicts, refused)):
                table.setItem(row, first + 5 + offset, _item(str(number), colour, align_right=True))
            table.setItem(row, first + 10, _item(missing, colour))

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.reports):
            self.details_table.setRowCount(0)
            self.items_label.clear()
            return
        report = self.reports[row]
        items = getattr(report, "items", ())  # what a downlink applied, one line each
        self.items_label.setText("\n".join([report.message, *items]))
        refused = report.outcome == "refused"
        self.items_label.setStyleSheet(f"color: {REFUSED_COLOUR.name()};" if refused else "")
        by_table = report.by_table
        self.details_table.setRowCount(len(by_table))
        for index, (name, counts) in enumerate(sorted(by_table.items())):
            self.details_table.setItem(index, 0, _item(table_label(name)))
            # Kept: rows of a recovery file this database already had, left as they are.
            for offset, number in enumerate((counts.new, counts.updated, getattr(counts, "deleted", 0),
                                             counts.unchanged, counts.conflicts, counts.refused,
                                             getattr(counts, "kept", 0))):
                colour = REFUSED_COLOUR if offset in (4, 5) and number else None
                self.details_table.setItem(index, 1 + offset, _item(str(number), colour, align_right=True))

    def load_history(self) -> None:
        sync = self.sync

        def shown(history: list[ImportReport]) -> None:
            self.history = history
            self._fill(self.history_table, history, with_time=True)

        self.runner.run(lambda: sync.import_history(limit=100), shown, lambda exc: show_error(self, exc))


# ---------------------------------------------------------------------------- county downlinks


class DownlinkDialog(QDialog):
    """County: acknowledgements, catalogue, calendar and notices for every or chosen townships."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.sync = services.sync
        self.runner = runner
        self.paths: list[Path] = []
        self.failure: BaseException | None = None
        self._progress = _Progress(self)
        self.setWindowTitle(self.tr("Export downlinks for townships"))
        self.resize(720, 560)
        column = QVBoxLayout(self)
        intro = QLabel(self.tr("Each township gets one file, signed with the county's key: the "
                               "acknowledgement of the batches received, the current catalogue, the "
                               "holiday calendar and supervision notices."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.all_check = QCheckBox(self.tr("&All townships"))
        self.all_check.setObjectName("all")
        self.all_check.setChecked(True)
        column.addWidget(self.all_check)
        self.townships_list = QListWidget()
        self.townships_list.setObjectName("townships")
        column.addWidget(self.townships_list, 1)
        self.folder_edit = QLineEdit(str(folder) if folder else "")
        self.folder_edit.setObjectName("folder")
        column.addWidget(_folder_row(self, self.folder_edit, self.tr("Folder for the downlink files")))
        self.progress = _progress_bar("progress")
        column.addWidget(self.progress)
        self._progress.changed.connect(self._show_progress)
        self.export_button = QPushButton(self.tr("&Export downlinks"))
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        action_row = QHBoxLayout()
        action_row.addWidget(self.export_button)
        self.recovery_button = QPushButton(self.tr("Export &recovery file for the ticked township"))
        self.recovery_button.setObjectName("recovery")
        self.recovery_button.setToolTip(self.tr(
            "For a township that lost data (restored an old backup or set up a new database): "
            "every row of that township the county holds, to be imported there."))
        action_row.addWidget(self.recovery_button)
        action_row.addStretch(1)
        column.addLayout(action_row)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        column.addWidget(self.result_label)
        self.written_list = QListWidget()
        self.written_list.setObjectName("written")
        self.written_list.setMaximumHeight(self.written_list.fontMetrics().lineSpacing() * 5)
        column.addWidget(self.written_list)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        column.addWidget(close)
        self.all_check.toggled.connect(lambda on: self.townships_list.setEnabled(not on))
        self.townships_list.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.recovery_button.clicked.connect(self.export_recovery)
        self.runner.run(self.sync.status, self._show_townships, lambda exc: show_error(self, exc))

    def _show_townships(self, status: SyncStatus) -> None:
        self.townships_list.clear()
        for peer in status.peers:
            if peer.role != "township":
                continue
            item = QListWidgetItem(f"{peer.office_name}（{peer.office_code}）", self.townships_list)
            item.setData(Qt.ItemDataRole.UserRole, peer.office_code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def chosen_codes(self) -> list[str] | None:
        if self.all_check.isChecked():
            return None
        return [str(self.townships_list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.townships_list.count())
                if self.townships_list.item(i).checkState() == Qt.CheckState.Checked]

    def choose(self, codes: Sequence[str]) -> None:
        """Tick the given townships (and untick "all")."""
        self.all_check.setChecked(False)
        for i in range(self.townships_list.count()):
            item = self.townships_list.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def export(self) -> None:
        text = self.folder_edit.text().strip()
        codes = self.chosen_codes()
        problem = ""
        if not text:
            problem = self.tr("Choose the folder to write the files to first.")
        elif codes == []:
            problem = self.tr("Tick at least one township, or choose all.")
        if problem:
            self.result_label.setStyleSheet(f"color: {REFUSED_COLOUR.name()};")
            self.result_label.setText(problem)
            return
        sync, folder, progress = self.sync, Path(text), self._progress.changed.emit
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)

        def done(paths: list[Path]) -> None:
            self.export_button.setEnabled(True)
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.paths = list(paths)
            self.result_label.setStyleSheet(f"color: {GOOD_COLOUR.name()};")
            self.result_label.setText(self.tr("{count} downlink file(s) written:").format(count=len(paths)))
            self.written_list.clear()
            self.written_list.addItems([str(p) for p in paths])

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.progress.setRange(0, 1)
            self.failure = exc
            self.result_label.setStyleSheet(f"color: {REFUSED_COLOUR.name()};")
            self.result_label.setText(message_for(exc))

        self.runner.run(lambda: sync.export_downlinks(folder, office_codes=codes, progress=progress),
                        done, failed)

    def _problem(self, text: str) -> None:
        self.result_label.setStyleSheet(f"color: {REFUSED_COLOUR.name()};")
        self.result_label.setText(text)

    def export_recovery(self) -> None:
        """The recovery file for the one ticked township."""
        text = self.folder_edit.text().strip()
        codes = self.chosen_codes()
        if not text:
            self._problem(self.tr("Choose the folder to write the files to first."))
            return
        if codes is None or len(codes) != 1:
            self._problem(self.tr("A recovery file is for one township: untick \"All townships\" and "
                                  "tick the township that lost data."))
            return
        sync, folder, code = self.sync, Path(text), codes[0]
        self.export_button.setEnabled(False)
        self.recovery_button.setEnabled(False)
        self.progress.setRange(0, 0)

        def done(path: Path) -> None:
            self.export_button.setEnabled(True)
            self.recovery_button.setEnabled(True)
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.paths = [path]
            self.result_label.setStyleSheet(f"color: {GOOD_COLOUR.name()};")
            self.result_label.setText(self.tr(
                "Recovery file for {code} written. The township imports it with Sync → Import files "
                "(after restoring its backup, or in its new database):").format(code=code))
            self.written_list.clear()
            self.written_list.addItem(str(path))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.recovery_button.setEnabled(True)
            self.progress.setRange(0, 1)
            self.failure = exc
            self._problem(message_for(exc))

        self.runner.run(lambda: sync.export_recovery(code, folder), done, failed)

