"""One case in full, for staff: parties, dates, deadline warnings, materials and history."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.dto import Deadline
from app.errors import LanddeskError
from app.printing import document_title, render_document
from app.services import Services
from app.services.cases import CaseDetail
from app.services.context import LOCAL_TZ
from app.services.intake import CaseStatus, MaterialStatus
from app.units import format_area
from app.workcalendar import coverage_warning
from ui.errors import show_error
from ui.print_preview import PdfPreviewDialog
from ui.routing_panel import RoutingPanel
from ui.tasks import TaskRunner

WARNING_STYLE = ("color: #7a4a00; background: #fff4d6; border: 1px solid #f0c36d; "
                 "border-radius: 3px; padding: 6px;")
GREEN_STYLE = ("color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7; "
               "border-radius: 3px; padding: 6px;")
DANGER_STYLE = ("color: #8c1d18; background: #fde7e7; border: 1px solid #e8a3a0; "
                "border-radius: 3px; padding: 6px;")


@dataclass(frozen=True)
class _Loaded:
    detail: CaseDetail
    uncertain_years: tuple[int, ...]  # years of the due period still without a calendar
    overdue: bool


def _local(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


# Cases in (or past) routing have a "办理" tab with the transfer record and the actions.
ROUTED_STATUSES = (CaseStatus.ACCEPTED, CaseStatus.COMPLETED, CaseStatus.RETURNED)


class CaseDetailDialog(QDialog):
    continueRequested = Signal(object)  # case id: continue at the intake window
    loaded = Signal()
    routingChanged = Signal()  # something was done in the routing tab

    def __init__(self, services: Services, runner: TaskRunner, case_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.last_pdf: bytes | None = None
        self.routing_panel: RoutingPanel | None = None
        self.setWindowTitle(self.tr("Case"))
        self.resize(1000, 660)

        layout = QVBoxLayout(self)
        self.title_label = QLabel(self.tr("Loading…"))
        self.title_label.setObjectName("title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title_label)

        self.warnings_box = QVBoxLayout()
        self.warnings_box.setSpacing(4)
        layout.addLayout(self.warnings_box)
        self.warning_labels: list[QLabel] = []

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        overview = QWidget()
        columns = QHBoxLayout(overview)
        self.left_form = QFormLayout()
        self.right_form = QFormLayout()
        for form in (self.left_form, self.right_form):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns.addLayout(self.left_form, 1)
        columns.addSpacing(16)
        columns.addLayout(self.right_form, 1)
        self.tabs.addTab(overview, self.tr("Application"))
        self.fields: dict[str, QLabel] = {}

        self.materials_table = self._table([
            self.tr("Material"), self.tr("Form"), self.tr("Copies required"),
            self.tr("Copies received"), self.tr("Status"), self.tr("Problem"),
        ])
        self.materials_table.setObjectName("materials")
        self.tabs.addTab(self.materials_table, self.tr("Materials"))
        self.events_table = self._table([
            self.tr("Time"), self.tr("Event"), self.tr("By"), self.tr("Note"),
        ])
        self.events_table.setObjectName("events")
        self.tabs.addTab(self.events_table, self.tr("History"))

        buttons = QHBoxLayout()
        self.reprint_button = QPushButton(self.tr("Reprint…"))
        self.reprint_button.setObjectName("reprint")
        self.continue_button = QPushButton(self.tr("Continue intake"))
        self.continue_button.setObjectName("continue")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close")
        self.close_button.setDefault(True)
        for button in (self.reprint_button, self.continue_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.reprint_button.clicked.connect(self.reprint)
        self.continue_button.clicked.connect(self.continue_intake)
        self.close_button.clicked.connect(self.reject)

        self.runner.run(self._load, self._show, self._failed)

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ------------------------------------------------------------ loading

    def _load(self) -> _Loaded:
        detail = self.services.cases.detail(self.case_id)
        missing: tuple[int, ...] = ()
        today = self.services.ctx.today()
        if detail.due_date is not None and detail.due_uncertain:
            calendar = self.services.reference.calendar()
            start = detail.accepted_at or detail.received_at
            first = start.astimezone(LOCAL_TZ).year
            missing = tuple(y for y in range(first, detail.due_date.year + 1)
                            if not calendar.is_covered(y))
        overdue = bool(detail.due_date is not None and detail.due_date < today
                       and detail.status in (CaseStatus.RECEIVED, CaseStatus.ACCEPTED))
        return _Loaded(detail, missing, overdue)

    def _failed(self, exc: BaseException) -> None:
        self.title_label.setText(self.tr("This case could not be loaded"))
        show_error(self, exc)

    def _show(self, loaded: _Loaded) -> None:
        d = loaded.detail
        self.detail = d
        number = d.number or d.notice_number or self.tr("(received, no number yet)")
        self.setWindowTitle(self.tr("Case {number}").format(number=number))
        self.title_label.setText(f"{number}　{d.applicant_name}　{d.matter_name}　[{d.status.label}]")

        if d.green_channel:
            self._warn(self.tr("Green channel (key project): handle first"), GREEN_STYLE)
        if loaded.overdue:
            self._warn(self.tr("Overdue: the time limit ended on {date}").format(
                date=d.due_date.isoformat() if d.due_date else ""), DANGER_STYLE)
        if d.due_date is not None and d.due_uncertain:
            reason = coverage_warning(Deadline(d.due_date, True, loaded.uncertain_years)) \
                if loaded.uncertain_years else None
            if reason is None:  # the year has been entered since the date was counted
                reason = self.tr("the holiday arrangement of its year was entered after the date "
                                 "was counted; check the date against the calendar")
            self._warn(self.tr("Tentative due date: {reason}").format(reason=reason),
                       WARNING_STYLE)
        if d.notice_late:
            self._warn(self.tr("The decision came more than 5 working days after the materials "
                               "were received: by Article 32 of the Administrative Licensing Law "
                               "the application counts as accepted from the day it was received"),
                       DANGER_STYLE)
        if d.status is CaseStatus.REJECTED and d.refusal_reason:
            self._warn(self.tr("Not accepted: {reason}").format(reason=d.refusal_reason),
                       DANGER_STYLE)

        left = [
            ("number", self.tr("Case number"), d.number or ""),
            ("notice_number", self.tr("Notice number"), d.notice_number or ""),
            ("status", self.tr("Status"), d.status.label),
            ("matter", self.tr("Matter"), f"{d.matter_code} {d.matter_name}"),
            ("tier", self.tr("Tier"), d.tier_label),
            ("green_channel", self.tr("Green channel"), self.tr("Yes") if d.green_channel else
             self.tr("No")),
            ("applicant_name", self.tr("Applicant"), d.applicant_name),
            ("id_number", self.tr("ID"), f"{d.id_type_label} {d.id_number}"),
            ("phone", self.tr("Phone"), d.phone),
            ("village", self.tr("Village"), d.village),
            ("address", self.tr("Address"), d.address),
            ("legal_rep", self.tr("Legal representative"), d.legal_rep),
            ("agent", self.tr("Agent"), "　".join(
                x for x in (d.agent_name, d.agent_id_number, d.agent_phone) if x)),
        ]
        right = [
            ("summary", self.tr("Summary"), d.summary),
            ("location", self.tr("Location"), d.location),
            ("area", self.tr("Area"), format_area(d.area_m2) if d.area_m2 is not None else ""),
            ("received_at", self.tr("Received at"), _local(d.received_at)),
            ("accepted_at", self.tr("Accepted at"), _local(d.accepted_at)),
            ("decided_at", self.tr("Decided at"), _local(d.decided_at)),
            ("promised_days", self.tr("Promised time limit"),
             self.tr("{n} working days").format(n=d.promised_days) if d.promised_days else
             self.tr("On the spot")),
            ("due_date", self.tr("Due date"), self._due_text(d)),
            ("pending_due", self.tr("Missing materials due"),
             d.pending_due.isoformat() if d.pending_due else ""),
            ("clerk", self.tr("Window clerk"), d.clerk_name),
        ]
        for form, rows in ((self.left_form, left), (self.right_form, right)):
            for key, label, value in rows:
                if not value and key not in ("number", "status", "applicant_name", "due_date"):
                    continue
                field = QLabel(value or "—")
                field.setObjectName(key)
                field.setWordWrap(True)
                field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(self.tr("{label}:").format(label=label), field)
                self.fields[key] = field

        self._fill_materials(d)
        self._fill_events(d)
        if d.status in ROUTED_STATUSES and self.routing_panel is None:
            self.routing_panel = RoutingPanel(self.services, self.runner, self.case_id)
            self.routing_panel.setObjectName("routing")
            self.routing_panel.changed.connect(self.routingChanged)
            self.tabs.insertTab(1, self.routing_panel, self.tr("Handling (办理)"))
        self.reprint_button.setEnabled(d.status is not CaseStatus.RECEIVED or bool(d.number))
        self.continue_button.setEnabled(d.status in (CaseStatus.RECEIVED, CaseStatus.INCOMPLETE))
        self.continue_button.setVisible(self.continue_button.isEnabled())
        self.loaded.emit()

    def _due_text(self, d: CaseDetail) -> str:
        if d.due_date is None:
            return ""
        text = d.due_date.isoformat()
        if d.due_uncertain:
            text = self.tr("{date} (tentative)").format(date=text)
        return text

    def _warn(self, text: str, style: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_box.addWidget(label)
        self.warning_labels.append(label)

    def _fill_materials(self, d: CaseDetail) -> None:
        table = self.materials_table
        table.setRowCount(len(d.materials))
        for row, m in enumerate(d.materials):
            name = m.name if m.required else self.tr("{name} (if applicable)").format(name=m.name)
            values = [name, m.form.label, str(m.copies_required), str(m.copies_received),
                      m.status.label, m.problem]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if m.status in (MaterialStatus.MISSING, MaterialStatus.DEFECTIVE):
                    item.setForeground(Qt.GlobalColor.darkRed)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()

    def _event_label(self, kind: str) -> str:
        labels = {
            "received": self.tr("Received"),
            "accepted": self.tr("Accepted"),
            "incomplete_notice": self.tr("One-time notice"),
            "rejected": self.tr("Not accepted"),
            "supplemented": self.tr("Materials supplemented"),
        }
        return labels.get(kind, kind)

    def _fill_events(self, d: CaseDetail) -> None:
        table = self.events_table
        table.setRowCount(len(d.events))
        for row, e in enumerate(d.events):
            for column, value in enumerate((_local(e.at), self._event_label(e.kind), e.actor,
                                            e.note)):
                table.setItem(row, column, QTableWidgetItem(value))
        header = table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()

    # ------------------------------------------------------------ actions

    def reprint(self) -> None:
        self.reprint_button.setEnabled(False)
        case_id = self.case_id
        intake = self.services.intake

        def make() -> tuple[str, bytes] | None:
            document = intake.document(case_id)
            if document is None:
                return None
            return document_title(document), render_document(document)

        self.runner.run(make, self._preview, self._reprint_failed)

    def _preview(self, made: tuple[str, bytes] | None) -> None:
        self.reprint_button.setEnabled(True)
        if made is None:
            show_error(self, LanddeskError(self.tr(
                "Nothing to reprint: no decision has been made on this case yet")))
            return
        title, pdf = made
        self.last_pdf = pdf
        try:
            preview = PdfPreviewDialog(pdf, title, f"{title}.pdf", self)
        except Exception as exc:  # noqa: BLE001 - shown (and logged) instead of lost in a slot
            show_error(self, exc)
            return
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_preview = preview
        preview.open()

    def _reprint_failed(self, exc: BaseException) -> None:
        self.reprint_button.setEnabled(True)
        show_error(self, exc)

    def continue_intake(self) -> None:
        if self.detail is not None and self.detail.status in (CaseStatus.RECEIVED,
                                                               CaseStatus.INCOMPLETE):
            self.continueRequested.emit(self.case_id)
            self.accept()


