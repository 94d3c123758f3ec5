"""One-window intake (一窗受理): register an applicant, tick materials, decide, print.

The page only collects what the clerk types and hands it to
``services.intake``; every rule lives in the core. Fields are checked with
the core validators when they lose focus, and on a decision every error the
service reports is put next to its field at once. The decision and the PDF
run in the task runner; the document opens in a preview to print or save.
The form is kept as a draft (2 s after the last edit, and when the page is
hidden) so a power cut loses nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import FormErrors, LanddeskError, StateError, ValidationError
from app.printing import document_title, render_document
from app.services import Services
from app.services.cases import CaseDetail
from app.services.context import local_date
from app.services.intake import (
    ApplicantInput,
    CaseStatus,
    Decision,
    IntakeForm,
    IntakeOutcome,
)
from app.services.reference import MatterItem
from app.units import format_area, parse_area
from app.validators import parse_resident_id, validate_phone, validate_uscc
from ui.errors import show_error
from ui.intake_fields import Banner, MatterChooser, RefuseDialog
from ui.intake_materials import MaterialsPanel
from ui.print_preview import PdfPreviewDialog
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

AUTOSAVE_MS = 2000
# Where errors are shown, top to bottom: the first one present gets the focus.
FIELD_ORDER = (
    "matter", "kind", "name", "id_type", "id_number", "phone", "address", "village", "legal_rep",
    "legal_rep_id_number", "agent_name", "agent_id_number", "agent_phone", "summary", "location",
    "area", "pending_due",
)

STYLE = """
QLabel#fieldError { color: #b00020; }
QLabel#hint { color: #555555; }
QLabel#idInfo { color: #1b5e20; }
QLabel#sectionTitle { font-weight: bold; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"],
QSpinBox[invalid="true"] { border: 2px solid #c62828; border-radius: 3px; padding: 1px; }
QFrame#warningBanner { background: #fff3bf; border: 1px solid #d4a200; border-radius: 3px; }
QFrame#successBanner { background: #e3f4e6; border: 1px solid #6aa84f; border-radius: 3px; }
QFrame#continueBanner { background: #e4efff; border: 1px solid #5b8fd9; border-radius: 3px; }
QLabel#status { color: #333333; }
"""


@dataclass
class _Field:
    widget: QWidget  # what gets the red border and the focus
    error: QLabel


class IntakePage(QWidget):
    decided = Signal(object)  # IntakeOutcome, after any decision
    statusChanged = Signal(str)  # the page's status line, for the main window's status bar

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.draft_id = services.drafts.new_id()
        self.case_id: uuid.UUID | None = None
        self.last_outcome: IntakeOutcome | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.last_pdf: bytes | None = None
        self.last_refuse_dialog: RefuseDialog | None = None
        self.last_message_box: QMessageBox | None = None
        self._fields: dict[str, _Field] = {}
        self._loading = False
        self._edited = False
        self._busy = False
        self._reason = ""
        self._first_show = True

        self.setStyleSheet(STYLE)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)

        self._build()
        self._connect()
        self._set_tab_order()
        self._install_shortcuts()
        self.matter_combo.set_matters(self.services.reference.matters())
        self._reset_form()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # ================================================================ building

    def _error_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName("fieldError")
        label.setAccessibleName(f"{key}_error")
        label.setWordWrap(True)
        label.hide()
        return label

    def _field(self, key: str, widget: QWidget, *extras: QWidget) -> QWidget:
        """The widget (and anything beside it) with its red message line underneath."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        if extras:
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addWidget(widget, 1)
            for extra in extras:
                row.addWidget(extra)
            column.addLayout(row)
        else:
            column.addWidget(widget)
        error = self._error_label(key)
        column.addWidget(error)
        self._fields[key] = _Field(widget, error)
        return box

    def _line(self, name: str, placeholder: str = "", max_length: int = 200) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        edit.installEventFilter(self)
        return edit

    def _label(self, text: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(text)
        if buddy is not None:
            label.setBuddy(buddy)
        return label

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(6)

        self.continue_banner = Banner("continue")
        self.warning_banner = Banner("warning", closable=True)
        self.success_banner = Banner("success", closable=True)
        for banner in (self.continue_banner, self.warning_banner, self.success_banner):
            outer.addWidget(banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)

        # ---------------------------------------------------------- left: the form
        self.form_widget = QWidget()
        form_column = QVBoxLayout(self.form_widget)
        form_column.setContentsMargins(0, 0, 6, 0)
        form_column.setSpacing(6)

        self.matter_combo = MatterChooser()
        self.matter_combo.setObjectName("matter")
        self.matter_combo.lineEdit().setPlaceholderText(self.tr("Type a code such as TD-001 or part of the name"))
        self.matter_combo.lineEdit().installEventFilter(self)
        self.matter_combo.installEventFilter(self)  # the combo holds the focus and gets the keys
        self.matter_combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 30)
        self.matter_hint = QLabel()
        self.matter_hint.setObjectName("hint")
        self.matter_hint.setWordWrap(True)
        self.matter_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        matter_row = QHBoxLayout()
        matter_row.setSpacing(8)
        self.matter_label = self._label(self.tr("&Matter"), self.matter_combo)
        self.matter_label.setObjectName("sectionTitle")
        self.matter_label.setMinimumHeight(self.matter_combo.sizeHint().height())
        matter_row.addWidget(self.matter_label, 0, Qt.AlignmentFlag.AlignTop)
        matter_row.addWidget(self._field("matter", self.matter_combo), 0, Qt.AlignmentFlag.AlignTop)
        matter_row.addWidget(self.matter_hint, 1, Qt.AlignmentFlag.AlignVCenter)
        outer.insertLayout(outer.indexOf(self.splitter), matter_row)

        # applicant
        applicant_box = QGroupBox(self.tr("Applicant"))
        applicant_form = QFormLayout(applicant_box)
        self._tune(applicant_form)
        self.person_radio = QRadioButton(self.tr("Person"))
        self.org_radio = QRadioButton(self.tr("Organisation"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.person_radio)
        self.kind_group.addButton(self.org_radio)
        self.person_radio.setChecked(True)
        kind_row = QWidget()
        kind_layout = QHBoxLayout(kind_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.person_radio)
        kind_layout.addWidget(self.org_radio)
        kind_layout.addStretch(1)
        kind_box = self._field("kind", kind_row)
        self._fields["kind"].widget = self.person_radio
        applicant_form.addRow(self.tr("Applicant type"), kind_box)

        self.name_edit = self._line("name", max_length=100)
        self.name_label = self._label(self.tr("&Name"), self.name_edit)
        applicant_form.addRow(self.name_label, self._field("name", self.name_edit))

        self.id_type_combo = QComboBox()
        self.id_type_combo.setObjectName("id_type")
        self.id_type_combo.addItem(self.tr("Resident ID card"), "resident_id")
        self.id_type_combo.addItem(self.tr("Unified social credit code"), "uscc")
        self.id_type_combo.addItem(self.tr("Other ID document"), "other")
        applicant_form.addRow(self._label(self.tr("ID t&ype"), self.id_type_combo),
                              self._field("id_type", self.id_type_combo))

        self.id_number_edit = self._line("id_number", max_length=40)
        self.id_info = QLabel()
        self.id_info.setObjectName("idInfo")
        self.id_info.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        applicant_form.addRow(self._label(self.tr("&ID number"), self.id_number_edit),
                              self._field("id_number", self.id_number_edit, self.id_info))

        self.phone_edit = self._line("phone", self.tr("mobile, or landline with area code"), 40)
        applicant_form.addRow(self._label(self.tr("&Phone"), self.phone_edit), self._field("phone", self.phone_edit))

        self.address_edit = self._line("address")
        applicant_form.addRow(self._label(self.tr("Address"), self.address_edit),
                              self._field("address", self.address_edit))
        self.village_edit = self._line("village", self.tr("e.g. 东王村"), 60)
        applicant_form.addRow(self._label(self.tr("&Village"), self.village_edit),
                              self._field("village", self.village_edit))

        self.legal_rep_edit = self._line("legal_rep", max_length=60)
        self.legal_rep_label = self._label(self.tr("Legal &representative"), self.legal_rep_edit)
        self.legal_rep_box = self._field("legal_rep", self.legal_rep_edit)
        applicant_form.addRow(self.legal_rep_label, self.legal_rep_box)
        self.legal_rep_id_edit = self._line("legal_rep_id_number", self.tr("resident ID number"), 40)
        self.legal_rep_id_label = self._label(self.tr("Representative's ID"), self.legal_rep_id_edit)
        self.legal_rep_id_box = self._field("legal_rep_id_number", self.legal_rep_id_edit)
        applicant_form.addRow(self.legal_rep_id_label, self.legal_rep_id_box)
        self.applicant_form = applicant_form
        form_column.addWidget(applicant_box)

        # agent
        self.agent_check = QCheckBox(self.tr("Through an a&gent (someone applies on the applicant's behalf)"))
        self.agent_check.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        form_column.addWidget(self.agent_check)
        self.agent_content = QGroupBox(self.tr("Agent"))
        agent_form = QFormLayout(self.agent_content)
        self._tune(agent_form)
        self.agent_name_edit = self._line("agent_name", max_length=60)
        agent_form.addRow(self._label(self.tr("Agent's name"), self.agent_name_edit),
                          self._field("agent_name", self.agent_name_edit))
        self.agent_id_edit = self._line("agent_id_number", self.tr("resident ID number"), 40)
        agent_form.addRow(self._label(self.tr("Agent's ID"), self.agent_id_edit),
                          self._field("agent_id_number", self.agent_id_edit))
        self.agent_phone_edit = self._line("agent_phone", max_length=40)
        agent_form.addRow(self._label(self.tr("Agent's phone"), self.agent_phone_edit),
                          self._field("agent_phone", self.agent_phone_edit))
        self.agent_content.setVisible(False)
        form_column.addWidget(self.agent_content)

        # the application
        case_box = QGroupBox(self.tr("Application"))
        case_form = QFormLayout(case_box)
        self._tune(case_form)
        self._forms = (applicant_form, agent_form, case_form)
        self.summary_edit = self._line("summary", self.tr("what is applied for, in one sentence"), 500)
        case_form.addRow(self._label(self.tr("S&ummary"), self.summary_edit), self._field("summary", self.summary_edit))
        self.location_edit = self._line("location", self.tr("village, group, plot"), 200)
        case_form.addRow(self._label(self.tr("&Location"), self.location_edit),
                         self._field("location", self.location_edit))
        self.area_edit = self._line("area", self.tr("e.g. 200, 0.3亩, 0.5公顷"), 40)
        self.area_info = QLabel()  # the figure in all three units, under the field
        self.area_info.setObjectName("hint")
        self.area_info.setWordWrap(True)
        self.area_info.hide()
        area_box = self._field("area", self.area_edit)
        area_box.layout().insertWidget(1, self.area_info)  # type: ignore[union-attr]
        case_form.addRow(self._label(self.tr("Ar&ea"), self.area_edit), area_box)

        self.green_check = QCheckBox(self.tr("Green c&hannel (key project: accept now, missing materials follow)"))
        self.pending_label = QLabel(self.tr("Materials due by"))
        self.pending_edit = QDateEdit()
        self.pending_edit.setObjectName("pending_due")
        self.pending_edit.setCalendarPopup(True)
        self.pending_edit.setDisplayFormat("yyyy-MM-dd")
        self.pending_label.setBuddy(self.pending_edit)
        pending_row = QWidget()
        pending_layout = QHBoxLayout(pending_row)
        pending_layout.setContentsMargins(20, 0, 0, 0)
        pending_layout.addWidget(self.pending_label)
        pending_layout.addWidget(self.pending_edit)
        pending_layout.addStretch(1)
        green_box = QWidget()
        green_layout = QVBoxLayout(green_box)
        green_layout.setContentsMargins(0, 0, 0, 0)
        green_layout.setSpacing(2)
        self.green_check.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        green_layout.addWidget(self.green_check)
        self.pending_box = self._field("pending_due", pending_row)
        green_layout.addWidget(self.pending_box)
        self._fields["pending_due"].widget = self.pending_edit
        self.pending_row = pending_row
        case_form.addRow(green_box)
        form_column.addWidget(case_box)
        form_column.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.form_widget)
        self.splitter.addWidget(self.scroll)

        # ---------------------------------------------------------- right: materials
        self.materials = MaterialsPanel()
        self.splitter.addWidget(self.materials)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.scroll.setMinimumWidth(440)
        self.materials.setMinimumWidth(560)
        self.splitter.setSizes([480, 860])
        self._align_form_labels()

        # ---------------------------------------------------------- bottom: status and decisions
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        self.clear_button = QPushButton(self.tr("&Clear"))
        self.clear_button.setToolTip(self.tr("Empty the form and throw its draft away"))
        bottom.addWidget(self.clear_button)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bottom.addWidget(self.status_label, 1)
        self.receive_button = QPushButton(self.tr("Receive, &decide later"))
        self.receive_button.setToolTip(self.tr("Take the materials now; decide within 5 working days"))
        self.refuse_button = QPushButton(self.tr("Re&fuse…"))
        self.refuse_button.setToolTip(self.tr("Not accepted: asks for the reason and prints the refusal notice"))
        self.notice_button = QPushButton(self.tr("One-&time notice"))
        self.notice_button.setToolTip(self.tr("Print a one-time notice listing every missing or defective material"))
        self.accept_button = QPushButton(self.tr("&Accept and print receipt"))
        self.accept_button.setToolTip(self.tr("Accept the application and print the receipt (Ctrl+Enter)"))
        self.accept_button.setDefault(True)
        self.accept_button.setAutoDefault(True)
        for button in (self.receive_button, self.refuse_button, self.notice_button, self.accept_button):
            bottom.addWidget(button)
        outer.addLayout(bottom)
        self.decision_buttons = (self.receive_button, self.refuse_button, self.notice_button,
                                 self.accept_button, self.clear_button)

    def _align_form_labels(self) -> None:
        """One label column for the three groups, so the fields line up like a paper form."""
        labels = [label for form in self._forms for label in self._form_labels(form)]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    @staticmethod
    def _form_labels(form: QFormLayout) -> list[QLabel]:
        found = []
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                found.append(item.widget())
        return found

    @staticmethod
    def _tune(form: QFormLayout) -> None:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(4)
        form.setHorizontalSpacing(8)

    def _connect(self) -> None:
        self.matter_combo.matterChanged.connect(self._matter_changed)
        self.matter_combo.lineEdit().editingFinished.connect(self._guarded(self._resolve_matter))
        self.person_radio.toggled.connect(self._kind_changed)
        self.id_type_combo.currentIndexChanged.connect(self._id_type_changed)
        self.agent_check.toggled.connect(self._agent_toggled)
        self.green_check.toggled.connect(self._green_toggled)
        self.pending_edit.dateChanged.connect(lambda _d: self._on_edit())
        self.materials.changed.connect(self._materials_edited)

        validators: dict[str, Callable[[], None]] = {
            "id_number": self._check_id_number,
            "phone": lambda: self._check_simple("phone", self.phone_edit, validate_phone),
            "legal_rep_id_number": lambda: self._check_simple(
                "legal_rep_id_number", self.legal_rep_id_edit, self._resident_id),
            "agent_id_number": lambda: self._check_simple("agent_id_number", self.agent_id_edit, self._resident_id),
            "agent_phone": lambda: self._check_simple("agent_phone", self.agent_phone_edit, validate_phone),
            "area": self._check_area,
        }
        for key, edit in self._line_edits().items():
            check = validators.get(key)
            edit.textChanged.connect(lambda _t, k=key, c=check: self._text_changed(k, c))
            if check is not None:
                edit.editingFinished.connect(self._guarded(check))
        self.clear_button.clicked.connect(self.ask_clear)
        self.receive_button.clicked.connect(self.receive)
        self.refuse_button.clicked.connect(self.refuse)
        self.notice_button.clicked.connect(self.notify_incomplete)
        self.accept_button.clicked.connect(self.accept)

    def _line_edits(self) -> dict[str, QLineEdit]:
        return {
            "name": self.name_edit, "id_number": self.id_number_edit, "phone": self.phone_edit,
            "address": self.address_edit, "village": self.village_edit, "legal_rep": self.legal_rep_edit,
            "legal_rep_id_number": self.legal_rep_id_edit, "agent_name": self.agent_name_edit,
            "agent_id_number": self.agent_id_edit, "agent_phone": self.agent_phone_edit,
            "summary": self.summary_edit, "location": self.location_edit, "area": self.area_edit,
        }

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.matter_combo, self.person_radio, self.org_radio, self.name_edit, self.id_type_combo,
            self.id_number_edit, self.phone_edit, self.address_edit, self.village_edit,
            self.legal_rep_edit, self.legal_rep_id_edit, self.agent_check, self.agent_name_edit,
            self.agent_id_edit, self.agent_phone_edit, self.summary_edit, self.location_edit,
            self.area_edit, self.green_check, self.pending_edit, self.materials.table,
            self.materials.all_button, self.accept_button, self.notice_button, self.refuse_button,
            self.receive_button, self.clear_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._tab_chain = chain

    def _install_shortcuts(self) -> None:
        def shortcut(keys: str, slot: Callable[[], None]) -> QShortcut:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
            return sc

        self._shortcuts = [
            shortcut("Ctrl+Return", self.accept),
            shortcut("Ctrl+Enter", self.accept),
            shortcut("Ctrl+Shift+A", self.mark_all_received),
            shortcut("Ctrl+S", self.save_draft),
        ]

    # ================================================================ public API

    def start_new(self) -> None:
        """An empty form for the next applicant, with a new draft id.

        Unsaved input is not thrown away: it stays in its draft, which the main
        window offers again (use the Clear button to discard on purpose).
        """
        if self.has_unsaved_input():
            self.save_draft()
        self._reset_form()

    def continue_case(self, case_id: uuid.UUID) -> None:
        """Load an earlier received or incomplete application to decide it now (补正, 收件待审)."""
        try:
            detail = self.services.cases.detail(case_id)
            if detail.status not in (CaseStatus.RECEIVED, CaseStatus.INCOMPLETE):
                raise StateError(self.tr("This application is already decided ({status}); it cannot be continued at the window.").format(
                    status=detail.status.label))
            form = self.services.intake.form_for(case_id)
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback
            show_error(self, exc)
            return
        if self.has_unsaved_input():
            self.save_draft()
        self._reset_form()
        self.success_banner.hide()
        self._open_case(case_id, form, detail)
        self.materials.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def restore_draft(self, draft_id: str) -> None:
        try:
            form, case_id = self.services.drafts.load(draft_id)
            detail = self.services.cases.detail(case_id) if case_id is not None else None
        except Exception as exc:  # noqa: BLE001 - a damaged draft is reported, not fatal
            show_error(self, exc)
            return
        if self.has_unsaved_input() and draft_id != self.draft_id:
            self.save_draft()
        self._reset_form()
        self.success_banner.hide()
        self.draft_id = draft_id
        if case_id is not None and detail is not None:
            self._open_case(case_id, form, detail)
        else:
            self._load_form(form)
        self._edited = True
        self._set_status(self.tr("Draft restored: check the form and decide."))

    def has_unsaved_input(self) -> bool:
        return self._edited and not self._is_blank()

    def current_form(self) -> IntakeForm:
        person = self.person_radio.isChecked()
        matter = self.matter_combo.matter()
        agent = self.agent_check.isChecked()
        return IntakeForm(
            matter_code=matter.code if matter is not None else "",
            applicant=ApplicantInput(
                kind="person" if person else "organisation",
                name=self.name_edit.text(),
                id_type=self.id_type_combo.currentData(),
                id_number=self.id_number_edit.text(),
                phone=self.phone_edit.text(),
                address=self.address_edit.text(),
                village=self.village_edit.text(),
                legal_rep="" if person else self.legal_rep_edit.text(),
                legal_rep_id_number="" if person else self.legal_rep_id_edit.text(),
            ),
            agent_name=self.agent_name_edit.text() if agent else "",
            agent_id_number=self.agent_id_edit.text() if agent else "",
            agent_phone=self.agent_phone_edit.text() if agent else "",
            summary=self.summary_edit.text(),
            location=self.location_edit.text(),
            area=self.area_edit.text(),
            green_channel=self.green_check.isChecked(),
            pending_due=self.pending_edit.date().toPython() if self.green_check.isChecked() else None,  # type: ignore[arg-type]
            materials=self.materials.ticks(),
        )

    def error_text(self, key: str) -> str:
        """The message shown under a field ("" when none), for tests and accessibility."""
        field = self._fields.get(key)
        return field.error.text() if field is not None and not field.error.isHidden() else ""

    # ================================================================ decisions

    def accept(self) -> None:
        self._decide(Decision.ACCEPT)

    def notify_incomplete(self) -> None:
        self._decide(Decision.INCOMPLETE)

    def receive(self) -> None:
        self._decide(Decision.RECEIVE)

    def mark_all_received(self) -> None:
        self.materials.mark_all_received()

    def refuse(self) -> None:
        """Check the form first (a refusal needs a valid applicant too), then ask for the reason."""
        if self._busy:
            return
        self._resolve_matter()
        form = self.current_form()
        intake = self.services.intake
        self._set_busy(True)
        self.runner.run(lambda: intake.check(form, Decision.REFUSE, "-"),
                        lambda _clean: self._ask_reason(), self._decision_failed)

    def _ask_reason(self) -> None:
        self._set_busy(False)
        dialog = RefuseDialog(self._reason, self)
        dialog.finished.connect(lambda result, d=dialog: self._reason_given(d, result))
        self.last_refuse_dialog = dialog
        dialog.open()

    def _reason_given(self, dialog: RefuseDialog, result: int) -> None:
        self._reason = dialog.reason()
        dialog.deleteLater()
        if result == RefuseDialog.DialogCode.Accepted and self._reason:
            self._decide(Decision.REFUSE, self._reason)

    def _decide(self, decision: Decision, reason: str = "") -> None:
        if self._busy:
            return
        self._resolve_matter()
        form = self.current_form()
        case_id = self.case_id
        intake = self.services.intake
        work: dict[Decision, Callable[[], IntakeOutcome]] = {
            Decision.ACCEPT: lambda: intake.accept(form, case_id),
            Decision.INCOMPLETE: lambda: intake.notify_incomplete(form, case_id),
            Decision.REFUSE: lambda: intake.refuse(form, reason, case_id),
            Decision.RECEIVE: lambda: intake.receive(form),
        }
        if decision is Decision.RECEIVE and case_id is not None:
            self._set_status(self.tr("This application was already received; decide it now: accept, one-time notice or refuse."))
            return
        self._clear_errors()
        self._set_busy(True)
        self._set_status(self.tr("Saving…"))
        self.runner.run(work[decision], self._decided, self._decision_failed)

    def _decided(self, outcome: IntakeOutcome) -> None:
        self._set_busy(False)
        self.last_outcome = outcome
        self._autosave.stop()
        try:
            self.services.drafts.discard(self.draft_id)
        except OSError as exc:  # a stale draft is offered again later; the decision is what counts
            log.warning("draft %s not discarded: %s", self.draft_id, exc)
        self._edited = False
        line = self._success_line(outcome)
        self.success_banner.show_text(line)
        warnings = list(outcome.warnings)
        self.warning_banner.show_text("\n".join(f"⚠ {w}" for w in warnings))
        status = line + (" " + self.tr("Warnings: {n} (see the yellow box).").format(n=len(warnings)) if warnings else "")
        self._set_status(status)
        self._reset_form()
        if outcome.document is not None:
            document = outcome.document
            self.runner.run(lambda: render_document(document),
                            lambda pdf: self._show_pdf(pdf, document),
                            lambda exc: self._print_failed(exc, outcome))
        self.decided.emit(outcome)

    def _success_line(self, outcome: IntakeOutcome) -> str:
        if outcome.status is CaseStatus.ACCEPTED:
            return self.tr("Accepted. Case number {number}; the receipt is open for printing.").format(number=outcome.number)
        if outcome.status is CaseStatus.INCOMPLETE:
            return self.tr("One-time notice issued, notice number {number}; the notice is open for printing.").format(number=outcome.number)
        if outcome.status is CaseStatus.REJECTED:
            return self.tr("Not accepted, notice number {number}; the refusal notice is open for printing.").format(number=outcome.number)
        return self.tr("Received for review: decide within 5 working days whether to accept it.")

    def _show_pdf(self, pdf: bytes, document: object) -> None:
        title = document_title(document)  # type: ignore[arg-type]
        self.last_pdf = pdf
        if self.last_preview is not None and not self.last_preview.isVisible():
            self.last_preview.deleteLater()  # one finished preview at a time, not one per applicant
            self.last_preview = None
        try:
            dialog = PdfPreviewDialog(pdf, title, title.replace(" ", "_") + ".pdf", self)
        except Exception as exc:  # noqa: BLE001 - the decision is saved; say so, never a traceback
            self._print_failed(exc, self.last_outcome)
            return
        dialog.finished.connect(lambda _r: self.matter_combo.setFocus())
        self.last_preview = dialog
        dialog.open()

    def _print_failed(self, exc: BaseException, outcome: IntakeOutcome | None) -> None:
        self._set_status(self.tr("The decision was saved (number {number}), but the document could not be made; reprint it from the case list.").format(
            number=(outcome.number if outcome is not None else "") or "—"))
        show_error(self, exc, self.tr("Printing failed"))

    def _decision_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, FormErrors):
            self._show_form_errors(exc.errors)
            self._set_status(self.tr("Nothing was saved: {n} problem(s) marked in red.").format(n=len(exc.errors)))
            return
        if isinstance(exc, ValidationError):
            self._show_form_errors([exc])
            self._set_status(self.tr("Nothing was saved: a problem is marked in red."))
            return
        if isinstance(exc, LanddeskError):
            self._set_status(exc.message)
        else:
            self._set_status(self.tr("Nothing was saved: an unexpected error occurred."))
        show_error(self, exc)

    # ================================================================ errors

    def _show_form_errors(self, errors: list[ValidationError]) -> None:
        self._clear_errors()
        by_material: dict[str, str] = {}
        general: list[str] = []
        for error in errors:
            if error.field.startswith("material:"):
                by_material[error.field.split(":", 1)[1]] = error.message
            elif error.field in self._fields and self._field_visible(error.field):
                self._set_error(error.field, error.message)
            else:
                general.append(error.message)  # "materials", "reason" and anything unexpected
        first_row = self.materials.show_errors(by_material, general)
        for key in FIELD_ORDER:
            if self.error_text(key):
                self._focus(self._fields[key].widget)
                return
        if first_row >= 0:
            self.materials.table.setCurrentCell(first_row, 1)
            self.materials.table.setFocus(Qt.FocusReason.OtherFocusReason)
        elif general:
            self.materials.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_visible(self, key: str) -> bool:
        if key.startswith("agent_"):
            if not self.agent_check.isChecked():
                self.agent_check.setChecked(True)
            return True
        if key in ("legal_rep", "legal_rep_id_number"):
            return self.org_radio.isChecked()
        if key == "pending_due":
            return self.green_check.isChecked()
        return True

    def _set_error(self, key: str, message: str) -> None:
        field = self._fields[key]
        field.error.setText(message)
        field.error.show()
        self._mark_invalid(field.widget, True)

    def _clear_error(self, key: str) -> None:
        field = self._fields[key]
        if field.error.isHidden():
            return
        field.error.clear()
        field.error.hide()
        self._mark_invalid(field.widget, False)

    def _clear_errors(self) -> None:
        for key in self._fields:
            self._clear_error(key)
        self.materials.clear_errors()

    @staticmethod
    def _mark_invalid(widget: QWidget, invalid: bool) -> None:
        if widget.property("invalid") == invalid:
            return
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        self.scroll.ensureWidgetVisible(widget)

    # ================================================================ live checks

    def _resident_id(self, text: str, field: str) -> object:
        return parse_resident_id(text, field, today=self.services.ctx.today())

    def _check_simple(self, key: str, edit: QLineEdit, validate: Callable[[str, str], object]) -> bool:
        text = edit.text()
        if not text.strip():
            self._clear_error(key)
            return True
        try:
            validate(text, key)
        except ValidationError as exc:
            self._set_error(key, exc.message)
            return False
        self._clear_error(key)
        return True

    def _check_id_number(self) -> None:
        id_type = self.id_type_combo.currentData()
        if id_type == "resident_id":
            self._check_simple("id_number", self.id_number_edit, self._resident_id)
        elif id_type == "uscc":
            self._check_simple("id_number", self.id_number_edit, validate_uscc)
        else:
            self._clear_error("id_number")
        self._update_id_info()

    def _update_id_info(self) -> None:
        """Birth date, sex and age from a valid resident ID, so the clerk can compare with the card."""
        text = ""
        if self.id_type_combo.currentData() == "resident_id":
            try:
                rid = parse_resident_id(self.id_number_edit.text(), "id_number", today=self.services.ctx.today())
            except ValidationError:
                pass
            else:
                sex = self.tr("male") if rid.sex == "male" else self.tr("female")
                text = self.tr("born {date}, {sex}, {age}").format(
                    date=rid.birth_date.isoformat(), sex=sex, age=rid.age_on(self.services.ctx.today()))
        self.id_info.setText(text)
        self.id_info.setVisible(bool(text))

    def _check_area(self) -> None:
        text = self.area_edit.text()
        if not text.strip():
            self._clear_error("area")
            self._show_area("")
            return
        try:
            m2 = parse_area(text, "area")
        except ValidationError as exc:
            self._set_error("area", exc.message)
            self._show_area("")
            return
        self._clear_error("area")
        self._show_area("= " + format_area(m2))

    def _show_area(self, text: str) -> None:
        self.area_info.setText(text)
        self.area_info.setVisible(bool(text))

    def _text_changed(self, key: str, check: Callable[[], None] | None) -> None:
        if key == "id_number":
            self._update_id_info()
        if key == "area":
            # Show the conversion while typing; complain only on leaving the field.
            try:
                self._show_area("= " + format_area(parse_area(self.area_edit.text(), "area")))
            except ValidationError:
                self._show_area("")
        if self.error_text(key):
            if check is not None:
                check()  # re-check a field already marked, so the red goes as soon as it is right
            else:
                self._clear_error(key)
        self._on_edit()

    def _resolve_matter(self) -> None:
        count = self.matter_combo.resolve()
        text = self.matter_combo.currentText().strip()
        if count == 1 or not text:
            self._clear_error("matter")
        elif count == 0:
            self._set_error("matter", self.tr("No matter in the catalogue matches “{text}”.").format(text=text))
        else:
            self._set_error("matter", self.tr("{n} matters match “{text}”: choose one from the list (Down arrow).").format(
                n=count, text=text))

    # ================================================================ reactions

    def _matter_changed(self, matter: MatterItem | None) -> None:
        if self.case_id is None or matter is not None:
            self.materials.set_matter(matter)
        self._update_matter_hint(matter)
        if matter is not None:
            self._clear_error("matter")
        self._on_edit()

    def _update_matter_hint(self, matter: MatterItem | None) -> None:
        if matter is None:
            self.matter_hint.setText(self.tr("Choose the matter first: its materials list appears on the right."))
            return
        if matter.promised_days == 0:
            promised = self.tr("done on the spot")
        else:
            promised = self.tr("promised {days} working days").format(days=matter.promised_days)
        legal = self.tr("legal limit {days} working days").format(days=matter.legal_days) if matter.legal_days \
            else self.tr("no legal limit")
        self.matter_hint.setText(self.tr("{category} · {tier} matter · {promised} ({legal}) · fee: {fee} · {n} materials").format(
            category=matter.category, tier=matter.tier.label, promised=promised, legal=legal,
            fee=matter.fee_text, n=len(matter.materials)))

    def _kind_changed(self) -> None:
        person = self.person_radio.isChecked()
        self.name_label.setText(self.tr("&Name") if person else self.tr("Organisation &name"))
        for widget in (self.legal_rep_label, self.legal_rep_box, self.legal_rep_id_label, self.legal_rep_id_box):
            widget.setVisible(not person)
        if not self._loading:
            wanted = "resident_id" if person else "uscc"
            self.id_type_combo.setCurrentIndex(self.id_type_combo.findData(wanted))
        self._on_edit()

    def _id_type_changed(self) -> None:
        placeholders = {
            "resident_id": self.tr("18 digits, last may be X"),
            "uscc": self.tr("18 characters"),
            "other": self.tr("passport, residence permit, …"),
        }
        self.id_number_edit.setPlaceholderText(placeholders.get(self.id_type_combo.currentData(), ""))
        if self.id_number_edit.text().strip():
            self._check_id_number()
        else:
            self._update_id_info()
        self._on_edit()

    def _agent_toggled(self, on: bool) -> None:
        self.agent_content.setVisible(on)
        if not on:
            for key in ("agent_name", "agent_id_number", "agent_phone"):
                self._clear_error(key)
        elif not self._loading:
            self.agent_name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._on_edit()

    def _green_toggled(self, on: bool) -> None:
        self.pending_box.setVisible(on)
        if not on:
            self._clear_error("pending_due")
        self._on_edit()

    def _materials_edited(self) -> None:
        self._on_edit()

    def _on_edit(self) -> None:
        if self._loading:
            return
        self._edited = True
        self._autosave.start()

    def _alive(self) -> bool:
        """False while Qt is tearing the page down (a focused field still reports leaving it then)."""
        return all(shiboken6.isValid(w) for w in (
            self, self.form_widget, self.scroll, self.matter_combo, self.id_info, self.area_info,
            self.status_label, *(f.error for f in self._fields.values()), *(f.widget for f in self._fields.values()),
        ))

    def _guarded(self, slot: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            if self._alive():
                slot()
        return run

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not self._alive():
            return
        if new is not None and self.form_widget.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new, 10, 10)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in self.decision_buttons:
            button.setEnabled(not busy)

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setToolTip(text)
        self.statusChanged.emit(text)

    # ================================================================ drafts and clearing

    def save_draft(self) -> None:
        """Write the form to its draft now (the debounce timer and hiding the page call this)."""
        self._autosave.stop()
        if not self.has_unsaved_input():
            return
        try:
            self.services.drafts.save(self.draft_id, self.current_form(), self.case_id)
        except OSError as exc:
            log.warning("draft not saved: %s", exc)
            self._set_status(self.tr("The draft could not be saved: {error}").format(error=exc))

    def ask_clear(self) -> None:
        if not self.has_unsaved_input():
            self.clear()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Clear the form"),
                          self.tr("Empty the form and throw away what was typed for this applicant?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Clear"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _r: self.clear() if box.clickedButton() is yes else None)
        self.last_message_box = box
        box.open()

    def clear(self) -> None:
        """Empty the form and discard its draft."""
        self._autosave.stop()
        self.services.drafts.discard(self.draft_id)
        self._reset_form()
        self._set_status(self.tr("Form cleared."))

    def _reset_form(self) -> None:
        self._autosave.stop()
        self._loading = True
        try:
            self.draft_id = self.services.drafts.new_id()
            self.case_id = None
            self.continue_banner.show_text("")
            self.matter_combo.setEnabled(True)
            self.matter_combo.setCurrentIndex(-1)
            self.matter_combo.setEditText("")
            self.materials.set_matter(None)
            self._update_matter_hint(None)
            self.person_radio.setChecked(True)
            self.id_type_combo.setCurrentIndex(0)
            for edit in self._line_edits().values():
                edit.clear()
            self.agent_check.setChecked(False)
            self.green_check.setChecked(False)
            today = self.services.ctx.today()
            self.pending_edit.setMinimumDate(QDate(today.year, today.month, today.day))
            due = today + dt.timedelta(days=14)
            self.pending_edit.setDate(QDate(due.year, due.month, due.day))
            self._kind_changed()
            self._id_type_changed()
            self._green_toggled(False)
            self._agent_toggled(False)
            self._show_area("")
            self.id_info.clear()
            self.id_info.hide()
            self._clear_errors()
        finally:
            self._loading = False
        self._edited = False
        self.scroll.verticalScrollBar().setValue(0)
        self.matter_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load_form(self, form: IntakeForm) -> None:
        self._loading = True
        try:
            if form.matter_code and not self.matter_combo.set_matter_code(form.matter_code):
                self._set_error("matter", self.tr("Matter {code} is not in the current catalogue.").format(
                    code=form.matter_code))
            a = form.applicant
            (self.person_radio if a.kind == "person" else self.org_radio).setChecked(True)
            self._kind_changed()
            index = self.id_type_combo.findData(a.id_type)
            self.id_type_combo.setCurrentIndex(max(index, 0))
            values = {
                "name": a.name, "id_number": a.id_number, "phone": a.phone, "address": a.address,
                "village": a.village, "legal_rep": a.legal_rep, "legal_rep_id_number": a.legal_rep_id_number,
                "agent_name": form.agent_name, "agent_id_number": form.agent_id_number,
                "agent_phone": form.agent_phone, "summary": form.summary, "location": form.location,
                "area": form.area,
            }
            edits = self._line_edits()
            for key, value in values.items():
                edits[key].setText(value)
            self.agent_check.setChecked(bool(form.agent_name or form.agent_id_number or form.agent_phone))
            self.green_check.setChecked(form.green_channel)
            if form.pending_due is not None:
                due = form.pending_due
                self.pending_edit.setMinimumDate(QDate(min(due, self.services.ctx.today()).year, 1, 1))
                self.pending_edit.setDate(QDate(due.year, due.month, due.day))
            self.materials.set_ticks(form.materials)
            self._update_id_info()
            self._check_area()
        finally:
            self._loading = False

    def _open_case(self, case_id: uuid.UUID, form: IntakeForm, detail: CaseDetail) -> None:
        self._load_form(form)
        self.case_id = case_id
        self.matter_combo.setEnabled(False)
        received = local_date(detail.received_at).isoformat()
        if detail.status is CaseStatus.INCOMPLETE:
            text = self.tr("Supplementing materials: continuing notice No. {number} ({applicant}, {matter}). Mark what the applicant has brought now, then accept or issue another notice.").format(
                number=detail.notice_number or "—", applicant=detail.applicant_name, matter=detail.matter_name)
        else:
            text = self.tr("Received on {date}, awaiting a decision: {applicant}, {matter}. Accept, issue a one-time notice or refuse.").format(
                date=received, applicant=detail.applicant_name, matter=detail.matter_name)
        self.continue_banner.show_text(text)

    def _is_blank(self) -> bool:
        if self.matter_combo.currentText().strip() or self.green_check.isChecked():
            return False
        if any(edit.text().strip() for edit in self._line_edits().values()):
            return False
        return self.materials.row_count() == 0 or self.materials.is_pristine()

    # ================================================================ events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in a line edit moves to the next field, as on a paper form.
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit | MatterChooser):
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                    event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):  # type: ignore[attr-defined]
                if watched in (self.matter_combo, self.matter_combo.lineEdit()):
                    self._resolve_matter()
                    if self.matter_combo.matter() is None:
                        if self.matter_combo.currentText().strip():
                            self.matter_combo.completer().complete()
                        return True
                    self._focus_next(self.matter_combo)
                    return True
                self._focus_next(watched)
                return True
        return super().eventFilter(watched, event)

    def _focus_next(self, widget: QWidget) -> None:
        chain = self._tab_chain
        start = chain.index(widget) if widget in chain else -1
        for candidate in chain[start + 1:]:
            if candidate.isEnabled() and candidate.isVisibleTo(self) and not (
                    isinstance(candidate, QRadioButton) and not candidate.isChecked()):
                candidate.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def start_widget(self) -> QWidget:
        """Where typing starts: the matter, or the checklist when continuing a case."""
        return self.matter_combo if self.matter_combo.isEnabled() else self.materials.table

    def focusInEvent(self, event):  # type: ignore[no-untyped-def]
        # The main window focuses the page itself when it is shown; hand that on.
        super().focusInEvent(event)
        self.start_widget().setFocus(event.reason())

    def showEvent(self, event):  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            QTimer.singleShot(0, self, self._focus_start)

    def _focus_start(self) -> None:
        self.start_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event):  # type: ignore[no-untyped-def]
        if self._autosave.isActive() or self.has_unsaved_input():
            self.save_draft()
        super().hideEvent(event)
