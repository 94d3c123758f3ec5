"""The sync dialogs, driven on the real sync service: a township and a county, each in its own
database under tmp_path, exchanging key files and sync files as the offices would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableWidget

from app.services import Services
from tests.sync_support import COUNTY_CODE, MakeServices, exchange_keys, make_county, make_township
from tests.test_intake_service import full_form
from ui.county_page import CountyPage
from ui.main_window import MainWindow
from ui.sync_dialogs import (
    REFUSED_COLOUR,
    DownlinkDialog,
    ExportBatchDialog,
    ImportDialog,
    SyncStatusDialog,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


@dataclass
class Pair:
    township: Services
    county: Services
    usb: Path  # the USB stick both sides write to and read from


@pytest.fixture
def pair(make_services: MakeServices, tmp_path: Path) -> Pair:
    """A township and a county, keys not yet exchanged."""
    usb = tmp_path / "usb"
    usb.mkdir()
    return Pair(make_township(make_services), make_county(make_services), usb)


def keyed(pair: Pair) -> Pair:
    exchange_keys(pair.township, pair.county, pair.usb / "keys")
    return pair


def column_texts(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def row_texts(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def header_index(table: QTableWidget, text: str) -> int:
    return next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == text)


def export_one_batch(qtbot, pair: Pair, runner) -> Path:  # type: ignore[no-untyped-def]
    dialog = ExportBatchDialog(pair.township, runner, folder=pair.usb)
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert dialog.result is not None, dialog.result_label.text()
    return Path(dialog.result.path)


# ------------------------------------------------------------------ keys


def test_status_dialog_shows_the_fingerprint_and_registers_a_compared_key(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    dialog = SyncStatusDialog(pair.township, runner)
    qtbot.addWidget(dialog)
    own = pair.township.sync.status().own_fingerprint
    assert dialog.fingerprint_label.text() == own and dialog.fingerprint_label.font().pointSize() >= 18
    assert "370702101" in dialog.mode_label.text()
    assert dialog.peers_table.rowCount() == 0 and "No key of another office" in dialog.details_label.text()

    dialog.write_key(pair.usb / "370702101.ldkey")
    assert (pair.usb / "370702101.ldkey").exists()
    assert dialog.last_message is not None and own in dialog.last_message.text()

    county_key = pair.county.sync.write_public_key(pair.usb / "county.ldkey")
    box = dialog.register_key(pair.usb / "county.ldkey")
    assert box is not None and county_key.fingerprint in box.text() and "示例县自然资源局" in box.text()
    assert "DIFFERENT" not in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert pair.township.sync.peers() == []  # nothing registered until confirmed
    box = dialog.register_key(pair.usb / "county.ldkey")
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert [p.fingerprint for p in pair.township.sync.peers()] == [county_key.fingerprint]
    assert row_texts(dialog.peers_table, 0) == [COUNTY_CODE, "示例县自然资源局", "County bureau",
                                                county_key.fingerprint]
    assert "Last batch acknowledged by the county: none yet" in dialog.details_label.text()


def test_the_fingerprint_sheet_is_previewed_for_printing(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    from ui.print_preview import PdfPreviewDialog

    dialog = SyncStatusDialog(pair.township, runner)
    qtbot.addWidget(dialog)
    dialog.sheet_button.click()
    preview = dialog.preview
    assert isinstance(preview, PdfPreviewDialog) and preview.isVisible()
    fingerprint = pair.township.sync.status().own_fingerprint
    from io import BytesIO

    from pypdf import PdfReader

    text = PdfReader(BytesIO(preview.pdf)).pages[0].extract_text()
    groups = fingerprint.split()
    assert len(groups) == 5 and all(group in text for group in groups)
    preview.close()


def test_a_new_key_for_a_known_office_is_flagged_before_replacing(qtbot, pair: Pair, runner,  # type: ignore[no-untyped-def]
                                                                  make_services: MakeServices) -> None:
    keyed(pair)
    reinstalled = make_county(make_services)  # same code, new keys
    new_key = reinstalled.sync.write_public_key(pair.usb / "new-county.ldkey")
    dialog = SyncStatusDialog(pair.township, runner)
    qtbot.addWidget(dialog)
    box = dialog.register_key(pair.usb / "new-county.ldkey")
    assert box is not None and "DIFFERENT" in box.text() and new_key.fingerprint in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert [p.fingerprint for p in pair.township.sync.peers()] == [new_key.fingerprint]


def test_a_broken_key_file_is_refused_with_its_reason(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    bad = pair.usb / "bad.ldkey"
    bad.write_text("{not json", encoding="utf-8")
    dialog = SyncStatusDialog(pair.township, runner)
    qtbot.addWidget(dialog)
    assert dialog.register_key(bad) is None
    error = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    assert "bad.ldkey" in error.text()


# ------------------------------------------------------------------ township export


def test_export_shows_the_batch_and_remakes_an_unacknowledged_one(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    keyed(pair)
    pair.township.intake.accept(full_form(pair.township, "TD-004"))
    dialog = ExportBatchDialog(pair.township, runner)
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert "Choose the folder" in dialog.result_label.text() and dialog.result is None

    dialog.folder_edit.setText(str(pair.usb))
    dialog.export_button.click()
    result = dialog.result
    assert result is not None and result.batch_seq == 1 and Path(result.path).exists()
    assert "Batch 1 written" in dialog.result_label.text() and str(result.path) in dialog.result_label.text()
    assert "re-made" not in dialog.result_label.text()
    tables = column_texts(dialog.counts_table, 0)
    assert "Case files" in tables and "Applicants" in tables
    case_row = tables.index("Case files")
    assert dialog.counts_table.item(case_row, 1).text() == str(result.counts["case_file"])
    assert dialog.progress.value() == dialog.progress.maximum()
    remake = dialog.unacked_table.findChild(QPushButton, "remake1")
    assert column_texts(dialog.unacked_table, 0) == ["Batch 1"] and remake is not None

    first_bytes = Path(result.path).read_bytes()
    Path(result.path).unlink()  # the USB stick was lost
    remake.click()
    assert dialog.result is not None and dialog.result.remade and dialog.result.batch_seq == 1
    assert "re-made copy of batch 1" in dialog.result_label.text()
    assert Path(dialog.result.path).read_bytes() == first_bytes


def test_export_on_the_worker_thread_reports_progress_back(qtbot, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    """With the real thread pool: progress crosses to the UI thread by signal, the result arrives."""
    from ui.tasks import TaskRunner

    keyed(pair)
    pair.township.intake.accept(full_form(pair.township, "TD-004"))
    runner = TaskRunner()
    dialog = ExportBatchDialog(pair.township, runner, folder=pair.usb)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.status is not None)
    seen: list[tuple[int, int]] = []
    dialog._progress.changed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export_button.click()
        assert not dialog.export_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert dialog.result is not None and seen and seen[-1][0] == seen[-1][1]
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.unacked_table.rowCount() == 1)
    runner.wait()


def test_export_to_an_unwritable_place_says_so_and_marks_nothing(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    keyed(pair)
    pair.township.intake.accept(full_form(pair.township, "TD-004"))
    not_a_folder = pair.usb / "file.txt"
    not_a_folder.write_text("x")
    dialog = ExportBatchDialog(pair.township, runner, folder=not_a_folder)
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert dialog.result is None and dialog.failure is not None
    assert dialog.result_label.text() and REFUSED_COLOUR.name() in dialog.result_label.styleSheet()
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert pair.township.sync.status().unacknowledged == []


def test_cancelled_export_marks_nothing_and_the_next_one_runs(qtbot, make_services: MakeServices,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path, runner) -> None:
    township = make_township(make_services, cases=50)  # more changes than one progress step (2,000)
    county = make_county(make_services)
    exchange_keys(township, county, tmp_path / "keys")
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = ExportBatchDialog(township, runner, folder=usb)
    qtbot.addWidget(dialog)
    dialog.cancel()  # with the inline runner, as if pressed while the worker writes
    dialog.export_button.click()
    assert dialog.result is None and "Export cancelled: nothing was marked as sent." in dialog.result_label.text()
    assert township.sync.status().unacknowledged == [] and list(usb.iterdir()) == []
    dialog.export_button.click()
    assert dialog.result is not None and dialog.result.batch_seq == 1
    assert dialog.result.changes > 2000 and dialog.progress.value() == dialog.progress.maximum()


def test_export_without_the_county_key_explains_what_to_do(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportBatchDialog(pair.township, runner, folder=pair.usb)
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert dialog.result is None and "县局" in dialog.result_label.text()
    assert list(pair.usb.iterdir()) == []


# ------------------------------------------------------------------ county import


def test_county_checks_then_imports_and_a_second_import_changes_nothing(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    keyed(pair)
    pair.township.intake.accept(full_form(pair.township, "TD-004"))
    batch = export_one_batch(qtbot, pair, runner)
    dialog = ImportDialog(pair.county, runner)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    dialog.add_files([batch])
    table = dialog.summary_table
    outcome, new = header_index(table, "Outcome"), header_index(table, "New")

    dialog.check_button.click()
    assert row_texts(table, 0)[outcome] == "Checked, not imported"
    assert int(row_texts(table, 0)[new]) > 0 and "nothing was written" in dialog.summary_label.text()
    assert pair.county.sync.import_history() == []
    details = column_texts(dialog.details_table, 0)
    assert "Case files" in details

    with qtbot.waitSignal(dialog.imported) as imported:
        dialog.import_button.click()
    assert [r.outcome for r in imported.args[0]] == ["applied"]
    assert row_texts(table, 0)[outcome] == "Imported" and row_texts(table, 0)[header_index(table, "Batch")] == "1"
    assert "示例镇自然资源所" in row_texts(table, 0)[header_index(table, "Office")]

    dialog.import_button.click()
    assert row_texts(table, 0)[outcome] == "Already imported (nothing changed)"
    assert row_texts(table, 0)[new] == "0"

    dialog.tabs.setCurrentIndex(1)
    history = dialog.history_table
    assert history.rowCount() == 2
    assert {row_texts(history, r)[1] for r in range(2)} == {batch.name}
    assert all(row_texts(history, r)[0].startswith("2026-11-23") for r in range(2))

    # The consolidated view now holds the township's case.
    page = CountyPage(pair.county, runner)
    qtbot.addWidget(page)
    page.refresh()
    assert page.office_table.item(0, 1).text() == "示例镇自然资源所"
    assert page.office_table.item(0, 2).text() == "1"


def test_a_damaged_file_is_shown_in_red_with_its_reason(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    keyed(pair)
    pair.township.intake.accept(full_form(pair.township, "TD-004"))
    batch = export_one_batch(qtbot, pair, runner)
    damaged = batch.with_name("damaged.ldsync")
    damaged.write_bytes(batch.read_bytes()[:-40])
    dialog = ImportDialog(pair.county, runner)
    qtbot.addWidget(dialog)
    dialog.add_files([damaged, batch])
    dialog.import_button.click()
    table = dialog.summary_table
    outcome, message = header_index(table, "Outcome"), header_index(table, "Message")
    assert [row_texts(table, r)[outcome] for r in range(2)] == ["Refused", "Imported"]
    assert "damaged.ldsync" in row_texts(table, 0)[message]
    assert table.item(0, outcome).foreground().color() == QColor(REFUSED_COLOUR)
    assert table.item(1, outcome).foreground().color() != QColor(REFUSED_COLOUR)
    assert "1 refused" in dialog.summary_label.text()
    dialog.summary_table.setCurrentCell(0, 0)
    assert dialog.items_label.text() == row_texts(table, 0)[message]  # the whole reason, not cut off
    assert dialog.details_table.rowCount() == 0


# ------------------------------------------------------------------ downlinks


def test_county_downlink_acknowledges_the_batch_at_the_township(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    keyed(pair)
    pair.township.intake.accept(full_form(pair.township, "TD-004"))
    batch = export_one_batch(qtbot, pair, runner)
    pair.county.sync.import_files([batch])

    downlinks = DownlinkDialog(pair.county, runner, folder=pair.usb / "down")
    qtbot.addWidget(downlinks)
    (pair.usb / "down").mkdir()
    assert downlinks.townships_list.count() == 1 and "370702101" in downlinks.townships_list.item(0).text()
    downlinks.choose([])
    downlinks.export_button.click()
    assert "Tick at least one township" in downlinks.result_label.text()
    downlinks.choose(["370702101"])
    assert downlinks.chosen_codes() == ["370702101"]
    downlinks.export_button.click()
    assert len(downlinks.paths) == 1 and downlinks.paths[0].exists()
    assert "1 downlink file(s) written" in downlinks.result_label.text()
    assert downlinks.written_list.item(0).text() == str(downlinks.paths[0])

    receive = ImportDialog(pair.township, runner)
    qtbot.addWidget(receive)
    receive.add_files(downlinks.paths)
    receive.import_button.click()
    outcome = header_index(receive.summary_table, "Outcome")
    assert row_texts(receive.summary_table, 0)[outcome] == "Imported"
    assert receive.items_label.text()  # what the downlink brought, one line each

    status = SyncStatusDialog(pair.township, runner)
    qtbot.addWidget(status)
    assert "Last batch acknowledged by the county: 1" in status.details_label.text()
    assert "not yet acknowledged" not in status.details_label.text()


# ------------------------------------------------------------------ the menu


def test_sync_menu_for_administrators_by_mode(qtbot, pair: Pair, runner) -> None:  # type: ignore[no-untyped-def]
    town = MainWindow(pair.township, runner)
    qtbot.addWidget(town)
    assert town.sync_menu.menuAction().isVisible()
    assert town.sync_export_action.isVisible() and not town.sync_downlink_action.isVisible()
    assert town.county_item.isHidden()
    dialog = town.open_sync_status()
    assert isinstance(dialog, SyncStatusDialog) and dialog.isVisible()
    dialog.close()
    town.close()

    county = MainWindow(pair.county, runner)
    qtbot.addWidget(county)
    assert county.sync_downlink_action.isVisible() and not county.sync_export_action.isVisible()
    assert not county.county_item.isHidden()
    imports = county.open_sync_import()
    assert isinstance(imports, ImportDialog)
    imports.close()
    county.close()

    # Somebody without the administrator role signs in at the idle lock: the menu goes.
    from app.dto import Role
    from app.services.office import UserItem

    town2 = MainWindow(pair.township, runner)
    qtbot.addWidget(town2)
    assert pair.township.ctx.user_id is not None
    town2.user_changed(UserItem(pair.township.ctx.user_id, "wangxm", "王晓梅", (Role.WINDOW_CLERK,)))
    assert not town2.sync_menu.menuAction().isVisible()
    town2.close()
