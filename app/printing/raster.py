"""PDF pages to pixels, for the on-screen preview and for printing through the OS.

The core stays free of Qt: pages come back as raw BGRA buffers that the UI
wraps in a QImage. PDFium (pypdfium2) draws exactly what a PDF viewer draws,
so what the clerk previews is the PDF that is saved and printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class PageImage:
    width: int
    height: int
    stride: int
    data: bytes  # BGRA / BGRx, 4 bytes a pixel
    width_pt: float  # page size in PDF points, to place the image on paper
    height_pt: float


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def render_pages(
    pdf: bytes, dpi: float = 96.0, pages: list[int] | None = None
) -> Iterator[PageImage]:
    """Yield the chosen pages (all by default) rendered at ``dpi``."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        indices = range(len(doc)) if pages is None else pages
        for index in indices:
            page = doc[index]
            try:
                width_pt, height_pt = page.get_size()
                bitmap = page.render(scale=dpi / 72.0, rev_byteorder=False, prefer_bgrx=True)
                try:
                    yield PageImage(
                        width=bitmap.width,
                        height=bitmap.height,
                        stride=bitmap.stride,
                        data=bytes(bitmap.buffer),
                        width_pt=width_pt,
                        height_pt=height_pt,
                    )
                finally:
                    bitmap.close()
            finally:
                page.close()
    finally:
        doc.close()
