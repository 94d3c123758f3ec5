"""Printed documents (reportlab PDFs with an embedded CJK TrueType font)."""

from __future__ import annotations

from typing import TypeAlias

from app.dto import (
    DecisionNoticeData,
    IncompleteNoticeData,
    InquiryRegisterData,
    ReceiptData,
    RefusalNoticeData,
    ReturnSlipData,
    SupervisionNoticeData,
    TransferSlipData,
)

# Anything render_document can print.
PrintableDocument: TypeAlias = (
    ReceiptData
    | IncompleteNoticeData
    | RefusalNoticeData
    | TransferSlipData
    | ReturnSlipData
    | DecisionNoticeData
    | SupervisionNoticeData
    | InquiryRegisterData
)


def render_document(document: PrintableDocument) -> bytes:
    """The PDF for any document: intake decisions and routing documents."""
    # reportlab is imported only when something is printed.
    from app.printing import documents, routing_docs

    if isinstance(document, ReceiptData):
        return documents.render_receipt(document)
    if isinstance(document, IncompleteNoticeData):
        return documents.render_incomplete_notice(document)
    if isinstance(document, RefusalNoticeData):
        return documents.render_refusal_notice(document)
    if isinstance(document, TransferSlipData):
        return routing_docs.render_transfer_slip(document)
    if isinstance(document, ReturnSlipData):
        return routing_docs.render_return_slip(document)
    if isinstance(document, DecisionNoticeData):
        return routing_docs.render_decision_notice(document)
    if isinstance(document, SupervisionNoticeData):
        return routing_docs.render_supervision_notice(document)
    if isinstance(document, InquiryRegisterData):
        return routing_docs.render_inquiry_register(document)
    raise TypeError(f"no renderer for {type(document).__name__}")


def document_title(document: PrintableDocument) -> str:
    """A window or file title: the document's kind and its number."""
    if isinstance(document, ReceiptData):
        return f"受理回执 {document.case_number}"
    if isinstance(document, IncompleteNoticeData):
        return f"一次性告知书 {document.notice_number}"
    if isinstance(document, RefusalNoticeData):
        return f"不予受理通知书 {document.notice_number}"
    if isinstance(document, TransferSlipData):
        return f"传办单 {document.case_number}"
    if isinstance(document, ReturnSlipData):
        return f"退件单 {document.slip_number}"
    if isinstance(document, DecisionNoticeData):
        return f"办结通知书 {document.decision_number}"
    if isinstance(document, SupervisionNoticeData):
        return f"督办单 {document.number}"
    if isinstance(document, InquiryRegisterData):
        day = document.day  # layout.fmt_date would import reportlab for a title
        return f"首问负责登记簿 {day.year}年{day.month}月{day.day}日"
    raise TypeError(f"no title for {type(document).__name__}")
