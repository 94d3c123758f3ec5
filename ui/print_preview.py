"""Preview, print and save a PDF made by app.printing.

The PDF is the document of record: the preview shows its pages (drawn by
PDFium), printing sends those same pages to the printer at the printer's
resolution, and "save" writes the PDF bytes unchanged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QPushButton, QToolBar, QWidget

from app.files import write_bytes_atomically
from app.printing.raster import render_pages


def paint_pdf(printer: QPrinter, pdf: bytes) -> None:
    """Draw every page of ``pdf`` onto ``printer``, one sheet per page, at true size."""
    dpi = min(max(printer.resolution(), 96), 300)
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        first = True
        for page in render_pages(pdf, dpi=dpi):
            if not first:
                printer.newPage()
            first = False
            image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB32)
            # Full-page mode puts the origin at the paper's corner; scaling by the
            # printer's resolution makes 100 mm in the PDF print as 100 mm.
            scale = printer.resolution() / 72.0
            target = QRectF(0, 0, page.width_pt * scale, page.height_pt * scale)
            painter.drawImage(target, image)
    finally:
        painter.end()


def is_landscape(pdf: bytes) -> bool:
    """Whether the document's first page is wider than tall (registers, tri-folds, rankings)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        if len(document) == 0:
            return False
        width, height = document[0].get_size()
        return width > height
    finally:
        document.close()


def make_printer(landscape: bool = False) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF()))
    printer.setFullPage(True)
    return printer


class PdfPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview with a "Save PDF" button added to its tool bar."""

    def __init__(self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None) -> None:
        # A landscape document previews and prints landscape, or its right third is cut off.
        self._printer = make_printer(is_landscape(pdf))
        super().__init__(self._printer, parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.setWindowTitle(title)
        self.resize(QSizeF(900, 1000).toSize())
        self.paintRequested.connect(lambda printer: paint_pdf(printer, self.pdf))
        self.saved_path: Path | None = None
        toolbar = self.findChild(QToolBar)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        if toolbar is not None:
            toolbar.addWidget(self.save_button)
        self.setWindowState(self.windowState() | Qt.WindowState.WindowActive)

    def save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), self.suggested_name,
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.write_to(Path(path))

    def write_to(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        write_bytes_atomically(path, self.pdf)
        self.saved_path = path


def show_preview(owner: QWidget, title: str, pdf: bytes, suggested_name: str = "") -> PdfPreviewDialog | None:
    """Open ``pdf`` in the print preview over ``owner``, kept as ``owner.last_preview`` while it
    is open (tests look at it). A PDF the preview cannot show is reported, never raised."""
    from ui.errors import show_error

    try:
        dialog = PdfPreviewDialog(pdf, title, suggested_name or title.replace(" ", "_") + ".pdf", owner)
    except Exception as exc:  # noqa: BLE001 - shown, never a traceback
        show_error(owner, exc, QCoreApplication.translate("PdfPreviewDialog", "Printing failed"))
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def forget() -> None:
        if getattr(owner, "last_preview", None) is dialog:
            owner.last_preview = None  # type: ignore[attr-defined]

    dialog.destroyed.connect(lambda *_: forget())
    owner.last_preview = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog


def ask_xlsx_path(owner: QWidget, caption: str, suggested: str) -> Path | None:
    """The Excel file the user chose (``.xlsx`` added when left off), or None if cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(
        owner, caption, suggested, QCoreApplication.translate("PdfPreviewDialog", "Excel workbooks (*.xlsx)"))
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
