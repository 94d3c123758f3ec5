"""Routing of one case (办理): the plan, the transfer-slip record, and what I may do now.

``RoutingPanel`` is the "办理" tab of the case dialog and the body of the
``RoutingDialog`` opened from the inbox. Everything it shows comes from one
``RoutingService.state()`` call; every button is enabled from
``state.actions`` (what the signed-in user may do now, decided by the core),
and the core checks again on every call. An action that needs input opens a
small dialog (opened with ``open()``, read on ``finished``): the dialog runs
the service call itself so an error about one input is shown next to that
input while the dialog stays open; any other error (someone else moved the
case meanwhile, no permission) closes it and is shown in a message. After
each action the state is read again and ``changed`` is emitted.

Paper: the transfer slip (传办单) can be printed at any time; after a return
the return slip (退件单) is offered, after completion the decision notice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import DecisionNoticeData, ReturnSlipData, RoutingStepSpec, Tier, TransferSlipData
from app.errors import FormErrors, ValidationError
from app.permissions import Action
from app.printing import render_document
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.intake import CaseStatus
from app.services.routing import (
    CaseResult,
    PauseKind,
    RoutingService,
    RoutingState,
    StepRow,
    result_label,
)
from ui.errors import show_error
from ui.print_preview import PdfPreviewDialog
from ui.tasks import TaskRunner


def routing_for(services: Services) -> RoutingService:
    """The routing service of ``services`` (the one place that builds it until the facade has it)."""
    existing = getattr(services, "routing", None)
    if isinstance(existing, RoutingService):
        return existing
    return RoutingService(services.ctx, services.reference)


# Step strip: done / current / still to come (and the current one when late or paused).
CHIP_DONE = "color:#1b5e20; background:#e8f5e9; border:1px solid #a5d6a7;"
CHIP_CURRENT = "color:#0b3d91; background:#e3ecfb; border:2px solid #1a73e8;"
CHIP_LATE = "color:#8c1d18; background:#fde7e7; border:2px solid #b3261e;"
CHIP_PAUSED = "color:#444444; background:#eeeeee; border:2px dashed #888888;"
CHIP_TO_COME = "color:#666666; background:#fafafa; border:1px dashed #bbbbbb;"

BANNER = "border-radius:3px; padding:5px 8px;"
BANNER_INFO = "color:#0b3d91; background:#e3ecfb; border:1px solid #a8c3f0;" + BANNER
BANNER_DANGER = "color:#8c1d18; background:#fde7e7; border:1px solid #e8a3a0;" + BANNER
BANNER_PAUSED = "color:#333333; background:#eeeeee; border:1px solid #bbbbbb;" + BANNER
BANNER_DONE = "color:#1b5e20; background:#e8f5e9; border:1px solid #a5d6a7;" + BANNER
BANNER_NOTE = "color:#555555;"

RETURN_COLOUR = QColor("#b3261e")
OVERDUE_COLOUR = QColor("#b3261e")

ERROR_STYLE = "color:#b00020;"


def _when(moment: dt.datetime | None, today: dt.date | None = None) -> str:
    """A moment in Beijing time; the year is left out when it is this year's (narrow columns)."""
    if moment is None:
        return ""
    local = moment.astimezone(LOCAL_TZ)
    if today is not None and local.year == today.year:
        return local.strftime("%m-%d %H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def _full(moment: dt.datetime | None) -> str:
    return "" if moment is None else moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def _label(value: object) -> str:
    """The Chinese label of a core enum (``.label``), or the value itself."""
    label = getattr(value, "label", None)
    return str(label) if label is not None else str(value or "")


def _result_name(code: str) -> str:
    try:
        return CaseResult(code).label
    except ValueError:
        return code


def _pause_label(kind: object) -> str:
    try:
        return PauseKind(str(kind)).label
    except ValueError:
        return str(kind)


# ---------------------------------------------------------------------------- small dialogs


class ActionDialog(QDialog):
    """A small form for one routing action.

    ``bind(runner, perform)``: OK first runs ``check()`` (empty required inputs,
    shown at the field), then ``perform(values())`` in the runner. Success
    stores the result in ``outcome`` and accepts. A FormErrors/ValidationError
    about one of the inputs is shown at that input and the dialog stays open;
    any other error is kept in ``failure`` and the dialog is rejected, so the
    owner shows it after ``finished``.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._aliases: dict[str, str] = {}
        self.outcome: Any = None
        self.failure: BaseException | None = None
        self._runner: TaskRunner | None = None
        self._perform: Callable[[dict[str, Any]], Any] | None = None

        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form, 1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        # Ctrl+Enter confirms from anywhere, also from a multi-line box.
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.submit)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(self, key: str, label: str, widget: QWidget, *aliases: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        widget.setObjectName(key)
        self.fields[key] = widget
        self.errors[key] = error
        for alias in (key, *aliases):
            self._aliases[alias] = key
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
        return widget

    def bind(self, runner: TaskRunner, perform: Callable[[dict[str, Any]], Any]) -> None:
        self._runner = runner
        self._perform = perform

    # subclasses: what was entered, and what is missing before asking the core
    def values(self) -> dict[str, Any]:
        return {}

    def check(self) -> dict[str, str]:
        return {}

    def error_text(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.message.clear()
        self.message.hide()

    def show_errors(self, problems: dict[str, str]) -> None:
        first: QWidget | None = None
        general: list[str] = []
        for field, text in problems.items():
            key = self._aliases.get(field)
            if key is None:
                general.append(text)
                continue
            self.errors[key].setText(text)
            self.errors[key].show()
            if first is None:
                first = self.fields[key]
        if general:
            self.message.setText("\n".join(general))
            self.message.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.clear_errors()
        problems = self.check()
        if problems:
            self.show_errors(problems)
            return
        if self._perform is None or self._runner is None:
            self.accept()
            return
        values = self.values()
        perform = self._perform
        self.ok_button.setEnabled(False)
        self._runner.run(lambda: perform(values), self._performed, self._failed)

    def _performed(self, result: Any) -> None:
        self.ok_button.setEnabled(True)
        self.outcome = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        found: list[ValidationError] = []
        if isinstance(exc, FormErrors):
            found = list(exc.errors)
        elif isinstance(exc, ValidationError):
            found = [exc]
        if found:
            self.show_errors({e.field: e.message for e in found})
            return
        self.failure = exc
        self.reject()


def _text_box(height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setMinimumHeight(height)
    return box


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class OpinionDialog(ActionDialog):
    def __init__(self, state: RoutingState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record opinion"), parent)
        step = state.open_step
        if step is not None:
            self.set_intro(self.tr("Step {step}: your opinion and result go on the transfer slip.")
                           .format(step=step.step_name))
        self.opinion_edit = _text_box(110)
        if step is not None and step.opinion:
            self.opinion_edit.setPlainText(step.opinion)
        self.add_field("opinion", self.tr("&Opinion:"), self.opinion_edit)
        row = QWidget()
        radios = QHBoxLayout(row)
        radios.setContentsMargins(0, 0, 0, 0)
        self.agree = QRadioButton(self.tr("&Agree"))
        self.disagree = QRadioButton(self.tr("&Disagree"))
        self.result_group = QButtonGroup(self)
        for button in (self.agree, self.disagree):
            self.result_group.addButton(button)
            radios.addWidget(button)
        radios.addStretch(1)
        self.agree.setChecked(not (step is not None and step.result == "disagree"))
        self.disagree.setChecked(step is not None and step.result == "disagree")
        self.add_field("result", self.tr("Result:"), row)
        self.ok_button.setText(self.tr("Save opinion"))
        self.opinion_edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {"opinion": self.opinion_edit.toPlainText().strip(),
                "result": "disagree" if self.disagree.isChecked() else "agree"}

    def check(self) -> dict[str, str]:
        if not self.opinion_edit.toPlainText().strip():
            return {"opinion": self.tr("Write your opinion (for example: 同意，请领导审批)")}
        return {}


class SendDialog(ActionDialog):
    def __init__(self, state: RoutingState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Send to the next step"), parent)
        step: RoutingStepSpec | None = state.next_step
        if step is not None:
            limit = (self.tr("same day") if step.time_limit_days <= 0 else
                     self.tr("{n} working days").format(n=step.time_limit_days))
            self.set_intro(self.tr("Next step: {order}. {name} ({role}, {limit})").format(
                order=step.order, name=step.name, role=step.role.label, limit=limit))
        self.person_combo = QComboBox()
        for person in state.next_candidates:
            roles = "、".join(_label(r) for r in person.roles)
            self.person_combo.addItem(f"{person.display_name}（{roles}）" if roles else
                                      person.display_name, str(person.id))
        self.person_combo.setPlaceholderText(self.tr("Choose who receives the case…"))
        self.person_combo.setCurrentIndex(0 if len(state.next_candidates) == 1 else -1)
        self.add_field("to_user_id", self.tr("&Send to:"), self.person_combo, "to_user", "to")
        self.opinion_edit = _text_box(80)
        self.opinion_edit.setPlaceholderText(self.tr("Optional: a note for the next person"))
        self.add_field("opinion", self.tr("&Opinion:"), self.opinion_edit)
        self.ok_button.setText(self.tr("Send"))
        if not state.next_candidates:
            self.show_errors({"to_user_id": self.tr(
                "Nobody holds the role of the next step. Ask the administrator to give the "
                "role to a colleague.")})
            self.ok_button.setEnabled(False)
        self.person_combo.setFocus()

    def choose(self, user_id: uuid.UUID) -> None:
        self.person_combo.setCurrentIndex(self.person_combo.findData(str(user_id)))

    def values(self) -> dict[str, Any]:
        return {"to_user_id": uuid.UUID(self.person_combo.currentData()),
                "opinion": self.opinion_edit.toPlainText().strip()}

    def check(self) -> dict[str, str]:
        if self.person_combo.currentIndex() < 0:
            return {"to_user_id": self.tr("Choose who receives the case")}
        return {}


class ReturnDialog(ActionDialog):
    APPLICANT = -1  # combo data for "back to the applicant"

    def __init__(self, state: RoutingState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Return the case"), parent)
        self.set_intro(self.tr("A return slip (退件单) records who returned the case, to whom, "
                               "when and why."))
        self.target_combo = QComboBox()
        for order, name in state.earlier_steps:
            self.target_combo.addItem(self.tr("Step {order}: {name}").format(order=order, name=name),
                                      order)
        self.target_combo.addItem(self.tr("The applicant (case ends as returned)"), self.APPLICANT)
        if state.earlier_steps:
            self.target_combo.setCurrentIndex(len(state.earlier_steps) - 1)
        self.add_field("to_step", self.tr("Return &to:"), self.target_combo, "target",
                       "return_target")
        self.reason_edit = _text_box(100)
        self.add_field("reason", self.tr("&Reason:"), self.reason_edit)
        self.ok_button.setText(self.tr("Return"))
        self.reason_edit.setFocus()

    def values(self) -> dict[str, Any]:
        target = self.target_combo.currentData()
        return {"to_step": None if target == self.APPLICANT else int(target),
                "reason": self.reason_edit.toPlainText().strip()}

    def check(self) -> dict[str, str]:
        if not self.reason_edit.toPlainText().strip():
            return {"reason": self.tr("A return needs a reason: it is printed on the return slip")}
        return {}


class PauseDialog(ActionDialog):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pause the clock"), parent)
        self.set_intro(self.tr("Time for supplements, public notice, hearings and expert review "
                               "does not count towards the time limits (行政许可法 第四十五条)."))
        self.kind_combo = QComboBox()
        for kind in PauseKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.add_field("kind", self.tr("&Kind:"), self.kind_combo)
        self.start_edit = _date_edit(today)
        self.add_field("start", self.tr("&From:"), self.start_edit, "start_date")
        self.reason_edit = _text_box(80)
        self.add_field("reason", self.tr("&Reason:"), self.reason_edit)
        self.ok_button.setText(self.tr("Pause"))
        self.kind_combo.setFocus()

    def values(self) -> dict[str, Any]:
        return {"kind": PauseKind(self.kind_combo.currentData()),
                "start": self.start_edit.date().toPython(),
                "reason": self.reason_edit.toPlainText().strip()}

    def check(self) -> dict[str, str]:
        if not self.reason_edit.toPlainText().strip():
            return {"reason": self.tr("Say why the clock stops")}
        return {}


class ResumeDialog(ActionDialog):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Resume the clock"), parent)
        self.set_intro(self.tr("The days of the pause are added to the step's and the case's "
                               "time limits."))
        self.end_edit = _date_edit(today)
        self.add_field("end", self.tr("&Last day of the pause:"), self.end_edit, "end_date")
        self.ok_button.setText(self.tr("Resume"))

    def values(self) -> dict[str, Any]:
        return {"end": self.end_edit.date().toPython()}


class CollectiveDialog(ActionDialog):
    DECISIONS = ("agree", "disagree", "defer")

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Collective review"), parent)
        self.setMinimumWidth(600)
        self.date_edit = _date_edit(today)
        self.add_field("meeting_date", self.tr("Meeting &date:"), self.date_edit, "date")
        self.participants_edit = QLineEdit()
        self.participants_edit.setPlaceholderText(self.tr("Names, separated by 、"))
        self.add_field("participants", self.tr("&Participants:"), self.participants_edit)
        self.decision_combo = QComboBox()
        for value, text in zip(self.DECISIONS, (self.tr("Agree"), self.tr("Disagree"),
                                                self.tr("Deferred")), strict=True):
            self.decision_combo.addItem(text, value)
        self.add_field("decision", self.tr("D&ecision:"), self.decision_combo)
        self.minutes_edit = _text_box(110)
        self.add_field("minutes", self.tr("&Minutes:"), self.minutes_edit)
        self.ok_button.setText(self.tr("Record"))
        self.participants_edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {"meeting_date": self.date_edit.date().toPython(),
                "participants": self.participants_edit.text().strip(),
                "decision": self.decision_combo.currentData(),
                "minutes": self.minutes_edit.toPlainText().strip()}

    def check(self) -> dict[str, str]:
        problems = {}
        if not self.participants_edit.text().strip():
            problems["participants"] = self.tr("List who took part in the meeting")
        if not self.minutes_edit.toPlainText().strip():
            problems["minutes"] = self.tr("Summarise the minutes of the meeting")
        return problems


class CompleteDialog(ActionDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Complete the case"), parent)
        self.setMinimumWidth(600)
        self.set_intro(self.tr("The decision is printed as the decision notice for the applicant."))
        self.result_combo = QComboBox()
        for result in CaseResult:
            self.result_combo.addItem(result.label, result.value)
        self.add_field("result", self.tr("&Result:"), self.result_combo)
        self.text_edit = _text_box(140)
        self.add_field("text", self.tr("&Decision and reasons:"), self.text_edit)
        self.ok_button.setText(self.tr("Complete and print notice"))
        self.result_combo.setFocus()

    def values(self) -> dict[str, Any]:
        return {"result": CaseResult(self.result_combo.currentData()),
                "text": self.text_edit.toPlainText().strip()}

    def check(self) -> dict[str, str]:
        if not self.text_edit.toPlainText().strip():
            return {"text": self.tr("Write the decision and its reasons")}
        return {}


# ---------------------------------------------------------------------------- the panel


class History:
    SEQ = 0
    STEP = 1
    FROM = 2
    TO = 3
    SENT = 4
    RECEIVED = 5
    DONE = 6
    DUE = 7
    RESULT = 8
    OPINION = 9
    COUNT = 10


class RoutingPanel(QWidget):
    changed = Signal()  # an action changed the case (after the state was read again)
    loaded = Signal()  # a state has been shown

    def __init__(self, services: Services, runner: TaskRunner, case_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.case_id = case_id
        self.routing = routing_for(services)
        self.state: RoutingState | None = None
        self.last_dialog: ActionDialog | None = None
        self.last_question: QMessageBox | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.last_pdf: bytes | None = None
        self._emit_changed = False
        self._after: Callable[[Any], None] | None = None
        self._slip_offered: ReturnSlipData | None = None
        self._today = services.ctx.today()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        self.summary_label = QLabel(self.tr("Loading…"))
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.strip = QHBoxLayout()
        self.strip.setSpacing(4)
        layout.addLayout(self.strip)
        self.chips: list[QLabel] = []

        history_title = QLabel(self.tr("Transfer record (传办记录)"))
        history_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(history_title)
        self.history_table = QTableWidget(0, History.COUNT)
        self.history_table.setObjectName("history")
        self.history_table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Step"), self.tr("From"), self.tr("To"), self.tr("Sent at"),
            self.tr("Signed for"), self.tr("Done at"), self.tr("Step due"), self.tr("Result"),
            self.tr("Opinion / reason"),
        ])
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.setWordWrap(True)
        header = self.history_table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        # Wrapped opinions need the row heights measured again whenever the columns change width.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.history_table.resizeRowsToContents)
        header.sectionResized.connect(self._schedule_fit)
        layout.addWidget(self.history_table, 1)

        self.pauses_label = QLabel()
        self.pauses_label.setObjectName("pauses")
        self.pauses_label.setWordWrap(True)
        self.pauses_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pauses_label.hide()
        layout.addWidget(self.pauses_label)
        self.collective_label = QLabel()
        self.collective_label.setObjectName("collective")
        self.collective_label.setWordWrap(True)
        self.collective_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.collective_label.hide()
        layout.addWidget(self.collective_label)

        self.hint_label = QLabel()
        self.hint_label.setObjectName("hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(BANNER_NOTE)
        self.hint_label.hide()
        layout.addWidget(self.hint_label)

        actions = QHBoxLayout()
        actions.setSpacing(6)
        self.buttons: dict[str, QPushButton] = {}
        specs: list[tuple[str, str, Callable[[], None]]] = [
            ("receive", self.tr("&Receive (签收)"), self.receive),
            ("opinion", self.tr("&Opinion…"), self.record_opinion),
            ("send", self.tr("&Send on…"), self.send),
            ("return", self.tr("Re&turn…"), self.return_case),
            ("pause", self.tr("&Pause clock…"), self.pause),
            ("resume", self.tr("Res&ume clock…"), self.resume),
            ("collective", self.tr("&Collective review…"), self.collective_review),
            ("complete", self.tr("Co&mplete…"), self.complete),
        ]
        for key, text, slot in specs:
            button = QPushButton(text)
            button.setObjectName(key)
            button.setEnabled(False)
            button.clicked.connect(slot)
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)
        layout.addLayout(actions)

        prints = QHBoxLayout()
        prints.setSpacing(6)
        self.print_slip_button = QPushButton(self.tr("Print &transfer slip…"))
        self.print_slip_button.setObjectName("print_slip")
        self.print_slip_button.clicked.connect(self.print_transfer_slip)
        self.print_return_button = QPushButton(self.tr("Print return slip…"))
        self.print_return_button.setObjectName("print_return")
        self.print_return_button.setToolTip(self.tr("Select a return in the transfer record"))
        self.print_return_button.setEnabled(False)
        self.print_return_button.clicked.connect(self.print_selected_return_slip)
        self.print_notice_button = QPushButton(self.tr("Print decision notice…"))
        self.print_notice_button.setObjectName("print_notice")
        self.print_notice_button.setEnabled(False)
        self.print_notice_button.clicked.connect(self.print_decision_notice)
        for button in (self.print_slip_button, self.print_return_button, self.print_notice_button):
            prints.addWidget(button)
        prints.addStretch(1)
        layout.addLayout(prints)
        self.buttons["print_slip"] = self.print_slip_button

        self.history_table.itemSelectionChanged.connect(self._update_print_buttons)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)

        self.reload()

    def _schedule_fit(self, *_args: object) -> None:
        self._fit_rows.start()

    # ------------------------------------------------------------ state

    def reload(self) -> None:
        routing, case_id = self.routing, self.case_id

        def load() -> tuple[RoutingState, dt.date]:
            return routing.state(case_id), self.services.ctx.today()

        self.runner.run(load, self._show, self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self._emit_changed = False
        self.summary_label.setText(self.tr("The routing of this case could not be read"))
        for button in self.buttons.values():
            button.setEnabled(button is self.print_slip_button)
        show_error(self, exc)

    def _show(self, loaded: tuple[RoutingState, dt.date]) -> None:
        state, self._today = loaded
        self.state = state
        self._show_summary(state)
        self._show_strip(state)
        self._show_history(state)
        self._show_pauses(state)
        self._show_collective(state)
        self._update_buttons(state)
        self.loaded.emit()
        if self._emit_changed:
            self._emit_changed = False
            self.changed.emit()

    def _due_text(self, day: dt.date | None, uncertain: bool) -> str:
        if day is None:
            return ""
        if uncertain:
            return self.tr("{date} (tentative)").format(date=day.isoformat())
        return day.isoformat()

    def _show_summary(self, s: RoutingState) -> None:
        parts = [s.number or "", _label(s.status),
                 self.tr("{tier} matter").format(tier=_label(s.tier))]
        if s.status is CaseStatus.ACCEPTED and s.holder_name:
            step = next((p for p in s.plan if p.order == s.current_step), None)
            where = step.name if step is not None else ""
            parts.append(self.tr("With {name} ({step})").format(name=s.holder_name, step=where)
                         if where else self.tr("With {name}").format(name=s.holder_name))
        if s.due_date is not None and s.status is CaseStatus.ACCEPTED:
            parts.append(self.tr("Case due {date}").format(
                date=self._due_text(s.due_date, s.due_uncertain)))
        self.summary_label.setText("　·　".join(p for p in parts if p))

        banners: list[tuple[str, str]] = []
        if s.status is CaseStatus.COMPLETED:
            banners.append((self.tr("Completed: {result}").format(result=_result_name(s.result)),
                            BANNER_DONE))
        elif s.status is CaseStatus.RETURNED:
            banners.append((self.tr("Returned to the applicant: the case is closed"),
                            BANNER_DANGER))
        elif s.status is not CaseStatus.ACCEPTED:
            banners.append((self.tr("Not in routing: the case has not been accepted"),
                            BANNER_INFO))
        elif s.paused:
            current = next((p for p in reversed(s.pauses) if p.end_date is None), None)
            text = self.tr("Clock paused (暂停计时)")
            if current is not None:
                text = self.tr("Clock paused since {date}: {kind} — {reason}").format(
                    date=current.start_date.isoformat(), kind=_pause_label(current.kind),
                    reason=current.reason)
            banners.append((text, BANNER_PAUSED))
        else:
            late_step = s.open_step is not None and s.open_step.overdue
            late_case = s.due_date is not None and s.due_date < self._today
            if late_case:
                banners.append((self.tr("Overdue: the case was due on {date}").format(
                    date=s.due_date.isoformat() if s.due_date else ""), BANNER_DANGER))
            elif late_step and s.open_step is not None:
                banners.append((self.tr("Overdue at this step: it was due on {date}").format(
                    date=s.open_step.due_date.isoformat() if s.open_step.due_date else ""),
                    BANNER_DANGER))
        if s.due_uncertain and s.status is CaseStatus.ACCEPTED:
            banners.append((self.tr("The due date is tentative (待定): the holidays of a year it "
                                    "reaches into are not entered yet"), BANNER_INFO))
        if banners:
            text, style = banners[0]
            extra = [t for t, _ in banners[1:]]
            self.banner.setText("\n".join([text, *extra]))
            self.banner.setStyleSheet(style)
            self.banner.show()
        else:
            self.banner.hide()

    def _show_strip(self, s: RoutingState) -> None:
        for chip in self.chips:
            self.strip.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        finished = s.status is CaseStatus.COMPLETED
        returned = s.status is CaseStatus.RETURNED
        for step in s.plan:
            limit = (self.tr("same day") if step.time_limit_days <= 0 else
                     self.tr("{n} working days").format(n=step.time_limit_days))
            if finished or (s.current_step is not None and step.order < s.current_step):
                state_text, style, key = self.tr("done"), CHIP_DONE, "done"
            elif step.order == s.current_step and returned:
                state_text, style, key = self.tr("returned to the applicant"), CHIP_LATE, "returned"
            elif step.order == s.current_step:
                key = "current"
                if s.paused:
                    state_text, style = self.tr("now: {name} · paused"), CHIP_PAUSED
                elif s.open_step is not None and s.open_step.overdue:
                    state_text, style = self.tr("now: {name} · overdue"), CHIP_LATE
                else:
                    state_text, style = self.tr("now: {name}"), CHIP_CURRENT
                state_text = state_text.format(name=s.holder_name or "")
            else:
                state_text = self.tr("not reached") if returned else self.tr("to come")
                style, key = CHIP_TO_COME, "to_come"
            chip = QLabel(f"<b>{step.order}. {step.name}</b><br>{step.role.label} · {limit}"
                          f"<br>{state_text}")
            chip.setObjectName(f"step_{step.order}")
            chip.setProperty("state", key)
            chip.setWordWrap(True)
            chip.setTextFormat(Qt.TextFormat.RichText)
            chip.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            chip.setStyleSheet(f"QLabel {{ {style} border-radius:4px; padding:3px 5px; }}")
            chip.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            chip.setMinimumWidth(80)
            chip.setToolTip(f"{step.order}. {step.name}\n{step.role.label} · {limit}")
            self.strip.addWidget(chip, 1)
            self.chips.append(chip)

    def _result_text(self, row: StepRow) -> str:
        if row.kind == "return":
            return self.tr("Returned")
        return result_label(row.result) if row.result else ""

    def _show_history(self, s: RoutingState) -> None:
        table = self.history_table
        table.clearSelection()
        table.setRowCount(len(s.history))
        today = self._today
        for index, row in enumerate(s.history):
            is_return = row.kind == "return"
            if is_return:
                target = row.to_name or (self.tr("the applicant")
                                         if row.return_target == "applicant" else "")
                opinion = self.tr("Return reason: {reason}").format(reason=row.reason)
                if row.opinion:
                    opinion = f"{opinion}\n{row.opinion}"
            else:
                target = row.to_name
                opinion = row.opinion
            due = self._due_text(row.due_date, row.due_uncertain)
            values = [str(row.seq), row.step_name, row.from_name, target,
                      _when(row.sent_at, today), _when(row.received_at, today),
                      _when(row.done_at, today), due, self._result_text(row), opinion]
            if not is_return and row.received_at is None and row.done_at is None:
                values[History.RECEIVED] = self.tr("not yet")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == History.SEQ:
                    item.setData(Qt.ItemDataRole.UserRole, row.seq)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column in (History.SENT, History.RECEIVED, History.DONE):
                    moment = (row.sent_at, row.received_at, row.done_at)[column - History.SENT]
                    if moment is not None:
                        item.setToolTip(_full(moment))
                if is_return:
                    item.setForeground(RETURN_COLOUR)
                elif column == History.DUE and row.overdue:
                    item.setForeground(OVERDUE_COLOUR)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("Overdue at this step"))
                if column == History.OPINION and value:
                    item.setToolTip(value)
                table.setItem(index, column, item)
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        sample_time = "2026-11-23 10:00" if any(
            r.sent_at.astimezone(LOCAL_TZ).year != today.year for r in s.history) else "11-23 10:00"
        widths = {
            History.SEQ: metrics.horizontalAdvance("99") + 16,
            History.STEP: metrics.horizontalAdvance("分管领导审核审核") + 16,
            History.FROM: metrics.horizontalAdvance("欧阳晓梅") + 16,
            History.TO: metrics.horizontalAdvance("欧阳晓梅") + 16,
            History.SENT: metrics.horizontalAdvance(sample_time) + 16,
            History.RECEIVED: metrics.horizontalAdvance(sample_time) + 16,
            History.DONE: metrics.horizontalAdvance(sample_time) + 16,
            History.DUE: metrics.horizontalAdvance(
                self._due_text(dt.date(2026, 12, 7), any(r.due_uncertain for r in s.history))) + 16,
            History.RESULT: metrics.horizontalAdvance("不同意") + 16,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        header.setSectionResizeMode(History.OPINION, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        if s.history:
            table.scrollToBottom()

    def _show_pauses(self, s: RoutingState) -> None:
        if not s.pauses:
            self.pauses_label.hide()
            return
        lines = [self.tr("<b>Clock pauses (not counted):</b>")]
        for p in s.pauses:
            if p.end_date is None:
                period = self.tr("from {start}, still paused").format(start=p.start_date.isoformat())
            else:
                period = self.tr("{start} to {end}").format(start=p.start_date.isoformat(),
                                                            end=p.end_date.isoformat())
            reason = f"（{_escape(p.reason)}）" if p.reason else ""
            lines.append(f"{_pause_label(p.kind)}：{period}{reason}")
        self.pauses_label.setText("<br>".join(lines))
        self.pauses_label.show()

    def _show_collective(self, s: RoutingState) -> None:
        c = s.collective
        if c is None:
            self.collective_label.hide()
            return
        decisions = {"agree": self.tr("Agree"), "disagree": self.tr("Disagree"),
                     "defer": self.tr("Deferred")}
        decision = decisions.get(str(c.decision), _label(c.decision))
        self.collective_label.setText(self.tr(
            "<b>Collective review</b> on {date}: {participants}. Decision: {decision}. "
            "Minutes: {minutes}").format(date=c.meeting_date.isoformat(),
                                         participants=_escape(c.participants), decision=decision,
                                         minutes=_escape(c.minutes)))
        self.collective_label.show()

    def _update_buttons(self, s: RoutingState) -> None:
        allowed = s.actions
        mapping = {"receive": Action.RECEIVE, "opinion": Action.OPINION, "send": Action.SEND,
                   "return": Action.RETURN, "pause": Action.PAUSE, "resume": Action.PAUSE,
                   "collective": Action.COLLECTIVE, "complete": Action.COMPLETE}
        for key, action in mapping.items():
            self.buttons[key].setEnabled(action in allowed)
        self.buttons["pause"].setVisible(not s.paused)
        self.buttons["resume"].setVisible(s.paused)
        self.buttons["collective"].setVisible(s.tier == Tier.MAJOR)
        self.print_slip_button.setEnabled(True)
        self.print_notice_button.setEnabled(s.status is CaseStatus.COMPLETED)
        self._update_print_buttons()
        if s.status is not CaseStatus.ACCEPTED:
            self.hint_label.hide()
        elif not allowed and s.holder_name:
            self.hint_label.setText(self.tr("The case is with {name}: you can read it and print "
                                            "the transfer slip.").format(name=s.holder_name))
            self.hint_label.show()
        elif allowed == frozenset({Action.RECEIVE}) or (
                Action.RECEIVE in allowed and s.open_step is not None
                and s.open_step.received_at is None):
            self.hint_label.setText(self.tr("Receive (签收) the case first: the time of receipt "
                                            "goes on the transfer slip."))
            self.hint_label.show()
        else:
            self.hint_label.hide()

    def _selected_return_seq(self) -> int | None:
        if self.state is None:
            return None
        rows = self.history_table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        if 0 <= row < len(self.state.history) and self.state.history[row].kind == "return":
            return self.state.history[row].seq
        return None

    def _update_print_buttons(self) -> None:
        self.print_return_button.setEnabled(self._selected_return_seq() is not None)

    # ------------------------------------------------------------ acting

    def _acted(self) -> None:
        self._emit_changed = True
        self.reload()

    def _act_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reload()

    def _open(self, dialog: ActionDialog, perform: Callable[[dict[str, Any]], Any],
              after: Callable[[Any], None] | None = None) -> ActionDialog:
        dialog.bind(self.runner, perform)
        if self.last_dialog is not None and self.last_dialog is not dialog:
            self.last_dialog.deleteLater()
        self.last_dialog = dialog
        self._after = after
        # Bound methods only: a closure over the panel connected to a child's signal makes a
        # reference cycle that PySide may tear down in the wrong order.
        dialog.finished.connect(self._dialog_finished)
        dialog.open()
        return dialog

    def _dialog_finished(self, code: int) -> None:
        dialog = self.last_dialog
        if dialog is None:
            return
        after, self._after = self._after, None
        if dialog.failure is not None:
            self._act_failed(dialog.failure)
        elif code == QDialog.DialogCode.Accepted:
            self._acted()
            if after is not None:
                after(dialog.outcome)

    def receive(self) -> None:
        routing, case_id = self.routing, self.case_id
        self.buttons["receive"].setEnabled(False)
        self.runner.run(lambda: routing.receive(case_id), lambda _r: self._acted(),
                        self._act_failed)

    def record_opinion(self) -> None:
        if self.state is None:
            return
        routing, case_id = self.routing, self.case_id
        self._open(OpinionDialog(self.state, self),
                   lambda v: routing.record_opinion(case_id, v["opinion"], v["result"]))

    def send(self) -> None:
        if self.state is None:
            return
        routing, case_id = self.routing, self.case_id
        self._open(SendDialog(self.state, self),
                   lambda v: routing.send(case_id, v["to_user_id"], opinion=v["opinion"]))

    def return_case(self) -> None:
        if self.state is None:
            return
        routing, case_id = self.routing, self.case_id
        self._open(ReturnDialog(self.state, self),
                   lambda v: routing.return_case(case_id, v["reason"], v["to_step"]),
                   self._offer_return_slip)

    def pause(self) -> None:
        routing, case_id = self.routing, self.case_id
        self._open(PauseDialog(self._today, self),
                   lambda v: routing.pause(case_id, v["kind"], v["reason"], start=v["start"]))

    def resume(self) -> None:
        routing, case_id = self.routing, self.case_id
        self._open(ResumeDialog(self._today, self),
                   lambda v: routing.resume(case_id, end=v["end"]))

    def collective_review(self) -> None:
        routing, case_id = self.routing, self.case_id
        self._open(CollectiveDialog(self._today, self),
                   lambda v: routing.record_collective_review(
                       case_id, v["meeting_date"], v["participants"], v["decision"],
                       v["minutes"]))

    def complete(self) -> None:
        routing, case_id = self.routing, self.case_id
        self._open(CompleteDialog(self),
                   lambda v: routing.complete(case_id, v["result"], v["text"]),
                   self._print_made_notice)

    # ------------------------------------------------------------ paper

    def _offer_return_slip(self, slip: object) -> None:
        if not isinstance(slip, ReturnSlipData):
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Return slip"),
                          self.tr("The case was returned to {to}. Print the return slip (退件单) "
                                  "now?").format(to=slip.returned_to),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("offer_return_slip")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Print"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Not now"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if self.last_question is not None:
            self.last_question.deleteLater()
        self.last_question = box
        self._slip_offered = slip
        box.finished.connect(self._return_slip_answered)
        box.open()

    def _return_slip_answered(self, code: int) -> None:
        slip, self._slip_offered = self._slip_offered, None
        if code == QMessageBox.StandardButton.Yes and slip is not None:
            self._print(lambda: slip)

    def _print_made_notice(self, notice: object) -> None:
        if isinstance(notice, DecisionNoticeData):
            self._print(lambda: notice)

    def print_transfer_slip(self) -> None:
        routing, case_id = self.routing, self.case_id
        self._print(lambda: routing.transfer_slip(case_id))

    def print_selected_return_slip(self) -> None:
        seq = self._selected_return_seq()
        if seq is None:
            return
        routing, case_id = self.routing, self.case_id
        self._print(lambda: routing.return_slip(case_id, seq))

    def print_decision_notice(self) -> None:
        routing, case_id = self.routing, self.case_id
        self._print(lambda: routing.decision_notice(case_id))

    def _title(self, document: object) -> str:
        if isinstance(document, TransferSlipData):
            return self.tr("Transfer slip {number}").format(number=document.case_number)
        if isinstance(document, ReturnSlipData):
            return self.tr("Return slip {number}").format(number=document.slip_number)
        if isinstance(document, DecisionNoticeData):
            return self.tr("Decision notice {number}").format(number=document.decision_number)
        return self.tr("Document")

    def _print(self, make: Callable[[], object]) -> None:
        self.print_slip_button.setEnabled(False)

        def build() -> tuple[object, bytes]:
            document = make()
            return document, render_document(document)  # type: ignore[arg-type]

        self.runner.run(build, self._preview, self._print_failed)

    def _preview(self, made: tuple[object, bytes]) -> None:
        self.print_slip_button.setEnabled(True)
        document, pdf = made
        title = self._title(document)
        self.last_pdf = pdf
        try:
            preview = PdfPreviewDialog(pdf, title, f"{title}.pdf", self)
        except Exception as exc:  # noqa: BLE001 - shown (and logged) instead of lost in a slot
            show_error(self, exc)
            return
        if self.last_preview is not None:  # one preview at a time is kept
            self.last_preview.deleteLater()
        self.last_preview = preview
        preview.open()

    def _print_failed(self, exc: BaseException) -> None:
        self.print_slip_button.setEnabled(True)
        show_error(self, exc)


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RoutingDialog(QDialog):
    """The routing panel of one case in a window of its own (opened from the inbox)."""

    detailsRequested = Signal(object)  # case id: show the whole case record

    def __init__(self, services: Services, runner: TaskRunner, case_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self.setWindowTitle(self.tr("Handle case"))
        self.resize(1100, 680)
        layout = QVBoxLayout(self)
        self.panel = RoutingPanel(services, runner, case_id, self)
        layout.addWidget(self.panel, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        buttons = QHBoxLayout()
        self.details_button = QPushButton(self.tr("Case record…"))
        self.details_button.setObjectName("details")
        self.details_button.setToolTip(self.tr("Applicant, materials and intake history"))
        self.details_button.clicked.connect(self._details)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.panel.loaded.connect(self._retitle)
        self._retitle()

    def _details(self) -> None:
        self.detailsRequested.emit(self.case_id)

    def _retitle(self) -> None:
        state = self.panel.state
        if state is not None:
            self.setWindowTitle(self.tr("Handle case {number}").format(number=state.number))
