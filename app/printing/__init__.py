"""Printed documents (reportlab PDFs with an embedded CJK TrueType font)."""

from __future__ import annotations

from app.dto import IncompleteNoticeData, ReceiptData, RefusalNoticeData


def render_document(document: ReceiptData | IncompleteNoticeData | RefusalNoticeData) -> bytes:
    """The PDF for any intake decision document."""
    from app.printing import documents  # reportlab is imported only when something is printed

    if isinstance(document, ReceiptData):
        return documents.render_receipt(document)
    if isinstance(document, IncompleteNoticeData):
        return documents.render_incomplete_notice(document)
    if isinstance(document, RefusalNoticeData):
        return documents.render_refusal_notice(document)
    raise TypeError(f"no renderer for {type(document).__name__}")


def document_title(document: ReceiptData | IncompleteNoticeData | RefusalNoticeData) -> str:
    if isinstance(document, ReceiptData):
        return f"受理回执 {document.case_number}"
    if isinstance(document, IncompleteNoticeData):
        return f"一次性告知书 {document.notice_number}"
    return f"不予受理通知书 {document.notice_number}"
