"""The print path: the PDF's pages reach the printer at true size."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from app.printing import render_document
from app.printing.raster import page_count, render_pages
from app.services import Services
from tests.test_intake_service import full_form
from ui.print_preview import PdfPreviewDialog, make_printer, paint_pdf


def test_printing_sends_every_page_at_a4(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = services.intake.accept(full_form(services))
    assert outcome.document is not None
    pdf = render_document(outcome.document)
    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_pdf(printer, pdf)
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == page_count(pdf)
    width, height = float(printed.pages[0].mediabox.width), float(printed.pages[0].mediabox.height)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points


def test_preview_dialog_saves_the_pdf_unchanged(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = services.intake.accept(full_form(services))
    assert outcome.document is not None
    pdf = render_document(outcome.document)
    dialog = PdfPreviewDialog(pdf, "受理回执", "receipt.pdf")
    qtbot.addWidget(dialog)
    dialog.write_to(tmp_path / "saved")
    assert (tmp_path / "saved.pdf").read_bytes() == pdf


def test_rendered_page_is_mostly_white_with_ink(services: Services) -> None:
    outcome = services.intake.accept(full_form(services))
    assert outcome.document is not None
    page = next(render_pages(render_document(outcome.document), dpi=30))
    assert page.width > 0 and page.height > page.width  # portrait
    dark = sum(1 for i in range(0, len(page.data), 4) if page.data[i] < 128)
    assert 0.005 < dark / (page.width * page.height) < 0.5  # text drawn, not a blank or black page


def test_a_landscape_document_previews_and_prints_landscape(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPageLayout

    pdf = services.brochures.trifold_pdf("TD-003")  # A4 landscape
    dialog = PdfPreviewDialog(pdf, "三折页", "trifold.pdf")
    qtbot.addWidget(dialog)
    assert dialog.printer().pageLayout().orientation() == QPageLayout.Orientation.Landscape
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_pdf(printer, pdf)
    page = PdfReader(tmp_path / "printed.pdf").pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    receipt = PdfPreviewDialog(render_document(services.intake.accept(full_form(services)).document),  # type: ignore[arg-type]
                               "受理回执", "receipt.pdf")
    qtbot.addWidget(receipt)
    assert receipt.printer().pageLayout().orientation() == QPageLayout.Orientation.Portrait


def test_excel_save_path_gets_its_suffix_and_cancel_saves_nothing(qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QWidget

    from ui.print_preview import ask_xlsx_path

    owner = QWidget()
    qtbot.addWidget(owner)
    answers = iter([(str(tmp_path / "台账"), ""), (str(tmp_path / "台账.XLSX"), ""), ("", "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: next(answers))
    assert ask_xlsx_path(owner, "导出", "台账.xlsx") == tmp_path / "台账.xlsx"
    assert ask_xlsx_path(owner, "导出", "台账.xlsx") == tmp_path / "台账.XLSX"
    assert ask_xlsx_path(owner, "导出", "台账.xlsx") is None
