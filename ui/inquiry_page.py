"""首问负责: log every call and visit as it happens, find it again, print the day's register.

The entry form sits on top and is made for the keyboard: Tab walks it row by
row, Enter in any field saves, and the form clears for the next caller with
the cursor back in the name field. The list below is fetched a page at a time
as it scrolls. A selected entry can be given its outcome (for forwarded
matters) or the asker's service rating (好差评); a bad rating opens a follow-up
that the supervision page lists until it is closed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import FormErrors, LanddeskError, ValidationError
from app.printing import document_title, render_document
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.inquiries import (
    Channel,
    Handling,
    InquiryFilter,
    InquiryInput,
    InquiryItem,
    InquiryService,
    StaffItem,
)
from app.services.ratings import RatingLevel, RatingService
from ui.case_model import DUE_COLOURS, DueState, RowsModel
from ui.errors import message_for, show_error
from ui.print_preview import PdfPreviewDialog
from ui.tasks import TaskRunner

PAGE_SIZE = 200
SEARCH_DELAY_MS = 250
ERROR_STYLE = "color: #b00020;"
STYLE = """
QLabel#fieldError { color: #b00020; }
QLabel#hint { color: #555555; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] {
    border: 2px solid #c62828; border-radius: 3px; padding: 1px; }
"""
OPEN_COLOUR = QColor("#a84f00")
BAD_RATING_COLOUR = DUE_COLOURS[DueState.OVERDUE][0]

_Index = QModelIndex | QPersistentModelIndex


def local_time(moment: dt.datetime | None, with_year: bool = True) -> str:
    if moment is None:
        return ""
    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M" if with_year else "%m-%d %H:%M")


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    if widget.property("invalid") == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def field_errors(exc: BaseException) -> list[ValidationError] | None:
    """The field problems an error carries, or None when it is not about the input."""
    if isinstance(exc, FormErrors):
        return list(exc.errors)
    if isinstance(exc, ValidationError):
        return [exc]
    return None


def chosen_person(combo: QComboBox) -> uuid.UUID | None:
    """The person picked in a staff combo (item data are id strings: Qt compares those by value)."""
    data = combo.currentData()
    return uuid.UUID(data) if data else None


def staff_label(person: StaffItem, me: uuid.UUID | None, me_text: str) -> str:
    return me_text.format(name=person.display_name) if person.id == me else person.display_name


# ---------------------------------------------------------------------------- a small form dialog


class FormDialog(QDialog):
    """A dialog whose fields show the core's messages under them.

    ``bind(runner, perform)``: OK runs ``perform(values())`` through the runner;
    success keeps the result in ``outcome`` and accepts; problems with the
    input are shown at their fields and the dialog stays open; anything else is
    kept in ``failure`` and shown in the dialog's message line.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.aliases: dict[str, str] = {}
        self.outcome: Any = None
        self.failure: BaseException | None = None
        self._runner: TaskRunner | None = None
        self._perform: Callable[[], Any] | None = None

        self.column = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.intro.hide()
        self.column.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.column.addLayout(self.form, 1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.column.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        # A comfortable width, set on a child: a minimum set on the dialog itself would stop
        # the layout from widening the dialog for long (Chinese) rows.
        self.buttons.setMinimumWidth(540)
        self.column.addWidget(self.buttons)

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
        if not widget.objectName():
            widget.setObjectName(key)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.installEventFilter(self)  # Ctrl+Enter confirms from inside the box
        self.fields[key] = widget
        self.errors[key] = error
        for alias in (key, *aliases):
            self.aliases[alias] = key
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def bind(self, runner: TaskRunner, perform: Callable[[], Any]) -> None:
        self._runner = runner
        self._perform = perform

    def error_text(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear()
            label.hide()
            mark_invalid(self.fields[key], False)
        self.message.clear()
        self.message.hide()

    def show_errors(self, problems: list[ValidationError]) -> None:
        first: QWidget | None = None
        general: list[str] = []
        for problem in problems:
            key = self.aliases.get(problem.field)
            if key is None:
                general.append(problem.message)
                continue
            self.errors[key].setText(problem.message)
            self.errors[key].show()
            mark_invalid(self.fields[key], True)
            first = first or self.fields[key]
        if general:
            self.show_message("\n".join(general))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def submit(self) -> None:
        if not self.ok_button.isEnabled() or self._perform is None or self._runner is None:
            return
        self.clear_errors()
        self.ok_button.setEnabled(False)
        self._runner.run(self._perform, self._performed, self._failed)

    def _performed(self, result: Any) -> None:
        self.ok_button.setEnabled(True)
        self.outcome = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        problems = field_errors(exc)
        if problems:
            self.show_errors(problems)
            return
        self.failure = exc
        self.show_message(message_for(exc))


def text_box(height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setMinimumHeight(height)
    box.setTabChangesFocus(True)
    return box


def staff_combo(people: list[StaffItem], me: uuid.UUID | None, me_text: str,
                current: uuid.UUID | None) -> QComboBox:
    combo = QComboBox()
    for person in people:
        combo.addItem(staff_label(person, me, me_text), str(person.id))
    index = combo.findData(str(current)) if current is not None else -1
    combo.setCurrentIndex(index if index >= 0 else 0 if combo.count() else -1)
    return combo


class RatingDialog(FormDialog):
    """好差评 for one inquiry (or case): five levels; a bad one names who follows it up."""

    def __init__(self, ratings: RatingService, runner: TaskRunner, people: list[StaffItem],
                 me: uuid.UUID | None, subject: str, default_follow_up: uuid.UUID | None, *,
                 inquiry_id: uuid.UUID | None = None, case_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Service rating"), parent)
        self.ok_button.setText(self.tr("Save rating"))
        self.set_intro(subject)
        self.levels = QButtonGroup(self)
        row = QWidget()
        row.setObjectName("levels")
        radios = QHBoxLayout(row)
        radios.setContentsMargins(0, 0, 0, 0)
        self.level_buttons: dict[int, QRadioButton] = {}
        for level in sorted(RatingLevel, reverse=True):
            button = QRadioButton(f"&{int(level)} {level.label}")
            button.setObjectName(f"level{int(level)}")
            self.levels.addButton(button, int(level))
            self.level_buttons[int(level)] = button
            radios.addWidget(button)
        radios.addStretch(1)
        self.add_field("level", self.tr("Level:"), row)
        self.fields["level"] = self.level_buttons[5]
        self.comment_edit = text_box(70)
        self.comment_edit.setPlaceholderText(self.tr("What the person said (required for a bad rating)"))
        self.add_field("comment", self.tr("&Comment:"), self.comment_edit)
        self.follow_up_combo = staff_combo(people, me, self.tr("{name} (me)"), default_follow_up)
        self.follow_up_box = self.add_field("follow_up_by", self.tr("&Follow-up by:"),
                                            self.follow_up_combo)
        self.follow_up_note = QLabel()
        self.follow_up_note.setObjectName("followUpNote")
        self.follow_up_note.setWordWrap(True)
        self.follow_up_note.setStyleSheet("color: #a84f00;")
        self.form.addRow("", self.follow_up_note)
        self.aliases["subject"] = "level"  # a missing subject is shown with the level
        self.due = ratings.follow_up_due()
        self.levels.idToggled.connect(lambda _id, _on: self._level_changed())
        self._level_changed()
        self.level_buttons[5].setFocus()

        def perform() -> uuid.UUID:
            level = self.levels.checkedId()
            follow_up = chosen_person(self.follow_up_combo) if self.bad() else None
            return ratings.rate(level, self.comment_edit.toPlainText(), inquiry_id=inquiry_id,
                                case_id=case_id, follow_up_by=follow_up)

        self.bind(runner, perform)

    def bad(self) -> bool:
        return 1 <= self.levels.checkedId() <= int(RatingLevel.DISSATISFIED)

    def _level_changed(self) -> None:
        bad = self.bad()
        self.follow_up_combo.setEnabled(bad)
        self.follow_up_note.setVisible(bad)
        self.follow_up_note.setText(self.tr(
            "A bad rating opens a follow-up: a return visit and rectification, due by {date}.")
            .format(date=self.due.isoformat()))


class OutcomeDialog(FormDialog):
    """The outcome of a forwarded inquiry, and closing it."""

    def __init__(self, inquiries: InquiryService, runner: TaskRunner, item: InquiryItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outcome"), parent)
        self.ok_button.setText(self.tr("Save"))
        self.set_intro(self.tr("{asker}: {question}").format(asker=item.asker, question=item.question))
        self.outcome_edit = text_box(90)
        self.outcome_edit.setPlainText(item.outcome)
        self.add_field("outcome", self.tr("&Outcome:"), self.outcome_edit)
        self.close_check = QCheckBox(self.tr("&Done: close this entry"))
        self.close_check.setObjectName("close")
        self.close_check.setChecked(item.is_open)
        self.close_check.setEnabled(item.is_open)
        self.form.addRow("", self.close_check)
        self.outcome_edit.setFocus()
        self.bind(runner, lambda: inquiries.set_outcome(
            item.id, self.outcome_edit.toPlainText(),
            close=self.close_check.isChecked() and self.close_check.isEnabled()))


# ---------------------------------------------------------------------------- the list


class Column:
    AT = 0
    CHANNEL = 1
    ASKER = 2
    PHONE = 3
    MATTER = 4
    QUESTION = 5
    FIRST = 6
    RESPONSIBLE = 7
    HANDLING = 8
    OUTCOME = 9
    RATING = 10
    COUNT = 11


class InquiryTableModel(RowsModel):
    """Rows of ``InquiryService.search`` for one query, fetched a page at a time."""

    countChanged = Signal(int)
    failed = Signal(object)

    def __init__(self, service: InquiryService, runner: TaskRunner, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.page_size = page_size
        self.text = ""
        self.day_from: dt.date | None = None
        self.day_to: dt.date | None = None
        self.which = InquiryFilter.ANY
        self.total: int | None = None
        self._rows: list[InquiryItem] = []
        self._more = False
        self._loading = False
        self._generation = 0
        self._headers = [
            self.tr("Time"), self.tr("Way"), self.tr("Name or unit"), self.tr("Phone"),
            self.tr("Matter"), self.tr("Question"), self.tr("First officer"),
            self.tr("Responsible"), self.tr("Handling"), self.tr("Outcome"), self.tr("Rating"),
        ]

    def set_query(self, text: str, day_from: dt.date | None, day_to: dt.date | None,
                  which: InquiryFilter) -> None:
        self.text, self.day_from, self.day_to, self.which = text, day_from, day_to, which
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self._rows = []
        self._more = True
        self._loading = False
        self.total = None
        self.endResetModel()
        text, day_from, day_to, which = self.text, self.day_from, self.day_to, self.which
        service = self.service

        def counted(total: int) -> None:
            if generation == self._generation:
                self.total = total
                self.countChanged.emit(total)

        self.runner.run(lambda: service.count(text, day_from=day_from, day_to=day_to, which=which),
                        counted, self._failed)
        self.fetchMore(QModelIndex())

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._more = False
        self.failed.emit(exc)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt signature
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        offset, limit = len(self._rows), self.page_size
        text, day_from, day_to, which = self.text, self.day_from, self.day_to, self.which
        service = self.service

        def fetch() -> list[InquiryItem]:
            return service.search(text, day_from=day_from, day_to=day_to, which=which,
                                  offset=offset, limit=limit)

        def fetched(rows: list[InquiryItem]) -> None:
            if generation != self._generation:
                return
            self._loading = False
            self._more = len(rows) == limit
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._failed(exc)

        self.runner.run(fetch, fetched, failed)

    def row_at(self, row: int) -> InquiryItem:
        return self._rows[row]

    def row_of(self, inquiry_id: uuid.UUID) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == inquiry_id), -1)

    def replace(self, item: InquiryItem) -> None:
        """Show an entry changed elsewhere (an outcome, a rating) without a new search."""
        row = self.row_of(item.id)
        if row >= 0:
            self._rows[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, Column.COUNT - 1))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.QUESTION, Column.OUTCOME, Column.MATTER, Column.ASKER,
                          Column.HANDLING):
                text = self.display(item, column)
                if column == Column.ASKER and item.address:
                    text = f"{text}\n{item.address}"
                return text or None
            return None
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.OUTCOME and item.is_open:
                return OPEN_COLOUR
            if column == Column.RATING and item.rating is not None and item.rating <= 2:
                return BAD_RATING_COLOUR
        return None

    def display(self, item: InquiryItem, column: int) -> str:
        if column == Column.AT:
            return local_time(item.at)
        if column == Column.CHANNEL:
            return self.tr("Phone call") if item.channel is Channel.PHONE else self.tr("Visit")
        if column == Column.ASKER:
            return item.asker
        if column == Column.PHONE:
            return item.phone
        if column == Column.MATTER:
            return item.matter
        if column == Column.QUESTION:
            return " ".join(item.question.split())
        if column == Column.FIRST:
            return item.first_officer
        if column == Column.RESPONSIBLE:
            return item.responsible_officer
        if column == Column.HANDLING:
            if item.handling is Handling.FORWARDED:
                return self.tr("Forwarded to {target}").format(target=item.forwarded_to)
            return self.tr("Answered on the spot")
        if column == Column.OUTCOME:
            text = " ".join(item.outcome.split())
            if item.is_open:
                return self.tr("Awaiting outcome") + (f"：{text}" if text else "")
            return text
        if column == Column.RATING:
            return RatingLevel(item.rating).label if item.rating is not None else ""
        return ""


# ---------------------------------------------------------------------------- the page


class InquiryPage(QWidget):
    logged = Signal(object)  # the new inquiry's id
    ratingRecorded = Signal(object)  # the rating's id (a bad one opens a follow-up)
    statusChanged = Signal(str)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None, *,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        # Not yet on the Services facade: built from its context and reference data.
        self.inquiries = services.inquiries
        self.ratings = services.ratings
        self.model = InquiryTableModel(self.inquiries, runner, page_size=page_size, parent=self)
        self.last_dialog: FormDialog | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._busy = False
        self._select_after: uuid.UUID | None = None
        self.setStyleSheet(STYLE)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(6)
        outer.addWidget(self._build_entry())
        outer.addLayout(self._build_search())
        outer.addWidget(self._build_table(), 1)
        outer.addLayout(self._build_actions())

        self._set_tab_order()
        self._connect()
        self.load_people()
        self.reset_form()
        self.register_date.setDate(qdate(self.services.ctx.today()))
        self.setFocusProxy(self.asker_edit)
        self.search()

    # ================================================================ building

    def _field(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setAccessibleName(f"{key}_error")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        if not widget.objectName():
            widget.setObjectName(key)
        self._fields[key] = (widget, error)
        return box

    def _line(self, key: str, placeholder: str = "", max_length: int = 200) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        return edit

    def _build_entry(self) -> QWidget:
        box = QGroupBox(self.tr("New call or visit (first-inquiry log)"))
        box.setObjectName("entry")
        grid = QGridLayout(box)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)

        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channel")
        self.channel_combo.addItem(self.tr("Visit"), Channel.VISIT.value)
        self.channel_combo.addItem(self.tr("Phone call"), Channel.PHONE.value)
        self.asker_edit = self._line("asker", self.tr("person's name, or the unit's name"), 100)
        self.phone_edit = self._line("phone", self.tr("optional: mobile or landline"), 40)
        self.address_edit = self._line("address", self.tr("village, group, house number"), 200)
        self.matter_combo = QComboBox()
        self.matter_combo.setObjectName("matter")
        self.matter_combo.setEditable(True)
        self.matter_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.matter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.matter_combo.setMinimumContentsLength(12)
        self.matter_combo.lineEdit().setPlaceholderText(self.tr("a catalogue matter, or in your words"))
        self.matter_combo.lineEdit().setMaxLength(100)
        completer = QCompleter(self.matter_combo.model(), self.matter_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.matter_combo.setCompleter(completer)
        self.materials_edit = self._line("materials_received", self.tr("none"), 500)
        self.question_edit = self._line("question", self.tr("what the person asked or reported"), 2000)
        self.handling_combo = QComboBox()
        self.handling_combo.setObjectName("handling")
        self.handling_combo.addItem(self.tr("Answered on the spot"), Handling.ANSWERED.value)
        self.handling_combo.addItem(self.tr("Forwarded"), Handling.FORWARDED.value)
        self.forwarded_edit = self._line("forwarded_to", self.tr("section, office or person"), 100)
        self.responsible_combo = QComboBox()
        self.responsible_combo.setObjectName("responsible_officer_id")
        self.outcome_edit = self._line("outcome", self.tr("optional"), 2000)
        self.save_button = QPushButton(self.tr("&Save (Enter)"))
        self.save_button.setObjectName("save")
        self.save_button.setDefault(False)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("clear")

        rows: list[list[tuple[str, str, QWidget]]] = [
            [("channel", self.tr("&Way"), self.channel_combo),
             ("asker", self.tr("&Name / unit"), self.asker_edit),
             ("phone", self.tr("&Phone"), self.phone_edit)],
            [("address", self.tr("A&ddress"), self.address_edit),
             ("matter", self.tr("Matter as&ked"), self.matter_combo),
             ("materials_received", self.tr("Materials &received"), self.materials_edit)],
            [("question", self.tr("&Question"), self.question_edit)],
            [("handling", self.tr("&Handling"), self.handling_combo),
             ("forwarded_to", self.tr("&Forwarded to"), self.forwarded_edit),
             ("responsible_officer_id", self.tr("Responsi&ble"), self.responsible_combo)],
            [("outcome", self.tr("&Outcome"), self.outcome_edit)],
        ]
        self.labels: dict[str, QLabel] = {}
        for r, row in enumerate(rows):
            for c, (key, caption, widget) in enumerate(row):
                label = QLabel(caption)
                label.setBuddy(widget)
                label.setMinimumHeight(widget.sizeHint().height())
                self.labels[key] = label
                grid.addWidget(label, r, c * 2, Qt.AlignmentFlag.AlignTop)
                span = 5 if len(row) == 1 and key == "question" else 3 if len(row) == 1 else 1
                grid.addWidget(self._field(key, widget), r, c * 2 + 1, 1, span, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        grid.addLayout(buttons, 4, 4, 1, 2, Qt.AlignmentFlag.AlignTop)

        self.officer_note = QLabel()
        self.officer_note.setObjectName("hint")
        self.officer_note.setWordWrap(True)
        self.form_status = QLabel()
        self.form_status.setObjectName("formStatus")
        self.form_status.setWordWrap(True)
        self.form_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        notes = QHBoxLayout()
        notes.setSpacing(24)
        notes.addWidget(self.officer_note, 0)
        notes.addWidget(self.form_status, 1)
        grid.addLayout(notes, 5, 0, 1, 6)
        for widget in (self.channel_combo, self.asker_edit, self.phone_edit, self.address_edit,
                       self.matter_combo, self.matter_combo.lineEdit(), self.materials_edit,
                       self.question_edit, self.handling_combo, self.forwarded_edit,
                       self.responsible_combo, self.outcome_edit):
            widget.installEventFilter(self)
        return box

    def _build_search(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search: name or unit, phone (beginning), matter, question, forwarded to"))
        bar.addWidget(self.search_edit, 3)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period")
        for text, days in ((self.tr("Today"), 0), (self.tr("Last 7 days"), 6),
                           (self.tr("Last 30 days"), 29), (self.tr("All days"), -1)):
            self.period_combo.addItem(text, days)
        self.period_combo.setCurrentIndex(3)
        period_label = QLabel(self.tr("Da&ys:"))
        period_label.setBuddy(self.period_combo)
        bar.addWidget(period_label)
        bar.addWidget(self.period_combo)
        self.which_combo = QComboBox()
        self.which_combo.setObjectName("which")
        for text, which in ((self.tr("All"), InquiryFilter.ANY),
                            (self.tr("Answered on the spot"), InquiryFilter.ANSWERED),
                            (self.tr("Forwarded"), InquiryFilter.FORWARDED),
                            (self.tr("Awaiting outcome"), InquiryFilter.OPEN)):
            self.which_combo.addItem(text, which.value)
        which_label = QLabel(self.tr("Filt&er:"))
        which_label.setBuddy(self.which_combo)
        bar.addWidget(which_label)
        bar.addWidget(self.which_combo)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000000 条登记"))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.count_label, 1)
        return bar

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("inquiries")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        metrics = self.table.fontMetrics()
        samples = {
            Column.AT: "2026-11-23 10:00",
            Column.CHANNEL: self.model.tr("Phone call"),
            Column.ASKER: "东王村村民委员会",
            Column.PHONE: "0536-81234567",
            Column.MATTER: "宅基地使用权审批",
            Column.FIRST: "王晓梅",
            Column.RESPONSIBLE: "王晓梅",
            Column.HANDLING: self.model.tr("Forwarded to {target}").format(target="县局执法"),
            Column.OUTCOME: self.model.tr("Awaiting outcome"),
            Column.RATING: "非常不满意",
        }
        for column, text in samples.items():
            width = metrics.horizontalAdvance(text) + 20
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.QUESTION, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        return self.table

    def _build_actions(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.outcome_button = QPushButton(self.tr("Record o&utcome…"))
        self.outcome_button.setObjectName("recordOutcome")
        self.rate_button = QPushButton(self.tr("R&ate service…"))
        self.rate_button.setObjectName("rate")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh")
        bar.addWidget(self.outcome_button)
        bar.addWidget(self.rate_button)
        bar.addStretch(1)
        register_label = QLabel(self.tr("Register of"))
        self.register_date = QDateEdit()
        self.register_date.setObjectName("registerDate")
        self.register_date.setCalendarPopup(True)
        self.register_date.setDisplayFormat("yyyy-MM-dd")
        register_label.setBuddy(self.register_date)
        self.print_button = QPushButton(self.tr("Print re&gister…"))
        self.print_button.setObjectName("printRegister")
        bar.addWidget(register_label)
        bar.addWidget(self.register_date)
        bar.addWidget(self.print_button)
        bar.addSpacing(12)
        bar.addWidget(self.refresh_button)
        return bar

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.channel_combo, self.asker_edit, self.phone_edit, self.address_edit,
            self.matter_combo, self.materials_edit, self.question_edit, self.handling_combo,
            self.forwarded_edit, self.responsible_combo, self.outcome_edit, self.save_button,
            self.clear_button, self.search_edit, self.period_combo, self.which_combo, self.table,
            self.outcome_button, self.rate_button, self.register_date, self.print_button,
            self.refresh_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.reset_form)
        self.handling_combo.currentIndexChanged.connect(lambda _i: self._handling_changed())
        for key, (widget, _error) in self._fields.items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, k=key: self._clear_error(k))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, k=key: self._clear_error(k))
                if widget.isEditable():
                    widget.lineEdit().textEdited.connect(lambda _t, k=key: self._clear_error(k))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.search_edit.textEdited.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.search)
        self.search_edit.textChanged.connect(lambda t: None if t else self._search_timer.start())
        self.period_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.which_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.model.countChanged.connect(self._show_count)
        self.model.failed.connect(lambda exc: show_error(self, exc))
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsInserted.connect(lambda *_: self._rows_arrived())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.activated.connect(lambda _index: self.rate_current())
        self.outcome_button.clicked.connect(self.record_outcome)
        self.rate_button.clicked.connect(self.rate_current)
        self.print_button.clicked.connect(self.print_register)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence("Ctrl+L"), self, self.focus_entry)

    # ================================================================ the form

    def load_people(self) -> None:
        people = self.inquiries.officers()
        me = self.services.ctx.user_id
        chosen = self.responsible_combo.currentData()
        self.responsible_combo.clear()
        for person in people:
            self.responsible_combo.addItem(staff_label(person, me, self.tr("{name} (me)")),
                                           str(person.id))
        # The first officer stays responsible unless the clerk names someone else (首问负责);
        # a refresh keeps a choice already made.
        keep = self.responsible_combo.findData(chosen) if chosen else -1
        self.responsible_combo.setCurrentIndex(keep if keep >= 0 else
                                               max(self.responsible_combo.findData(str(me)), 0))
        self.people = people
        name = next((p.display_name for p in people if p.id == me), "")
        self.officer_note.setText(self.tr("First officer: {name}").format(name=name))
        matters = sorted({m.name for m in self.services.reference.matters()})
        current = self.matter_combo.currentText()
        self.matter_combo.clear()
        self.matter_combo.addItems(matters)
        self.matter_combo.setCurrentIndex(-1)
        self.matter_combo.setEditText(current)

    def reset_form(self) -> None:
        """Empty the form for the next caller (the way of contact is kept)."""
        for edit in (self.asker_edit, self.phone_edit, self.address_edit, self.materials_edit,
                     self.question_edit, self.forwarded_edit, self.outcome_edit):
            edit.clear()
        self.matter_combo.setCurrentIndex(-1)
        self.matter_combo.setEditText("")
        self.handling_combo.setCurrentIndex(0)
        me = self.responsible_combo.findData(str(self.services.ctx.user_id))
        self.responsible_combo.setCurrentIndex(max(me, 0))
        self._clear_errors()
        self._handling_changed()

    def form(self) -> InquiryInput:
        return InquiryInput(
            channel=self.channel_combo.currentData() or "",
            asker=self.asker_edit.text(),
            address=self.address_edit.text(),
            phone=self.phone_edit.text(),
            matter=self.matter_combo.currentText(),
            question=self.question_edit.text(),
            materials_received=self.materials_edit.text(),
            responsible_officer_id=chosen_person(self.responsible_combo),
            handling=self.handling_combo.currentData() or "",
            forwarded_to=self.forwarded_edit.text(),
            outcome=self.outcome_edit.text(),
        )

    def _handling_changed(self) -> None:
        forwarded = self.handling_combo.currentData() == Handling.FORWARDED.value
        self.forwarded_edit.setEnabled(forwarded)
        self.labels["forwarded_to"].setEnabled(forwarded)
        if not forwarded:
            self._clear_error("forwarded_to")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter anywhere in the entry form saves it. Keys that a completer popup
        # handles are forwarded to the field without passing here, so choosing
        # a suggestion with Enter does not save half a form.
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and not (isinstance(watched, QComboBox) and watched.view().isVisible())):
            self.save()
            return True
        return super().eventFilter(watched, event)

    def save(self) -> None:
        if self._busy:
            return
        self._clear_errors()
        form = self.form()
        self._busy = True
        self.save_button.setEnabled(False)
        self.runner.run(lambda: self.inquiries.log(form), self._saved, self._save_failed)

    def _saved(self, inquiry_id: uuid.UUID) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        asker = self.asker_edit.text().strip()
        now = local_time(self.services.ctx.now())
        self._set_status(self.tr("Logged: {asker}, {time}.").format(asker=asker, time=now))
        self.reset_form()
        self.asker_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.logged.emit(inquiry_id)
        self.search(select=inquiry_id)

    def _save_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        problems = field_errors(exc)
        if problems is None:
            self._set_status(self.tr("Nothing was saved."))
            show_error(self, exc)
            return
        first: QWidget | None = None
        general: list[str] = []
        for problem in problems:
            if problem.field in self._fields:
                widget, error = self._fields[problem.field]
                error.setText(problem.message)
                error.show()
                mark_invalid(widget, True)
                first = first or widget
            else:
                general.append(problem.message)
        self._set_status(" ".join([self.tr("Nothing was saved: {n} problem(s) marked in red.")
                                   .format(n=len(problems)), *general]))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(first, QLineEdit):
                first.selectAll()

    def error_text(self, key: str) -> str:
        error = self._fields[key][1]
        return "" if error.isHidden() else error.text()

    def _clear_error(self, key: str) -> None:
        widget, error = self._fields[key]
        if not error.isHidden():
            error.clear()
            error.hide()
            mark_invalid(widget, False)

    def _clear_errors(self) -> None:
        for key in self._fields:
            self._clear_error(key)

    def _set_status(self, text: str) -> None:
        self.form_status.setText(text)
        self.statusChanged.emit(text)

    def focus_entry(self) -> None:
        self.asker_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ================================================================ the list

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        days = self.period_combo.currentData()
        if days is None or days < 0:
            return None, None
        today = self.services.ctx.today()
        return today - dt.timedelta(days=int(days)), today

    def search(self, select: uuid.UUID | None = None) -> None:
        """Run the search again; ``select`` the entry with that id once its row arrives."""
        self._search_timer.stop()
        self._select_after = select
        self.count_label.setText(self.tr("Searching…"))
        day_from, day_to = self.period()
        self.model.set_query(self.search_edit.text().strip(), day_from, day_to,
                             InquiryFilter(self.which_combo.currentData() or InquiryFilter.ANY.value))

    def _rows_arrived(self) -> None:
        wanted = self._select_after
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self._select_after = None
        elif not self.table.currentIndex().isValid() and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def refresh(self) -> None:
        current = self.current()
        self.load_people()
        self.search(select=current.id if current is not None else None)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} entries").format(n=total))

    def current(self) -> InquiryItem | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        item = self.current()
        self.rate_button.setEnabled(item is not None)
        self.outcome_button.setEnabled(item is not None)

    # ================================================================ acting on an entry

    def _open(self, dialog: FormDialog, done: Callable[[Any], None]) -> FormDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if self.last_dialog is dialog:
                self.last_dialog = None
            if result == QDialog.DialogCode.Accepted.value:
                done(dialog.outcome)

        dialog.finished.connect(finished)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def rate_current(self) -> RatingDialog | None:
        item = self.current()
        if item is None:
            return None
        subject = self.tr("{time} · {asker}: {question}").format(
            time=local_time(item.at), asker=item.asker, question=" ".join(item.question.split()))
        dialog = RatingDialog(self.ratings, self.runner, self.people, self.services.ctx.user_id,
                              subject, item.responsible_officer_id or item.first_officer_id,
                              inquiry_id=item.id, parent=self)

        def rated(rating_id: uuid.UUID) -> None:
            level = RatingLevel(dialog.levels.checkedId())
            if level.needs_follow_up:
                self._set_status(self.tr("Rating saved ({level}): a follow-up is due by {date}.")
                                 .format(level=level.label, date=dialog.due.isoformat()))
            else:
                self._set_status(self.tr("Rating saved ({level}).").format(level=level.label))
            self.ratingRecorded.emit(rating_id)
            self._reload_item(item.id)

        self._open(dialog, rated)
        return dialog

    def record_outcome(self) -> OutcomeDialog | None:
        item = self.current()
        if item is None:
            return None
        dialog = OutcomeDialog(self.inquiries, self.runner, item, self)

        def saved(_result: object) -> None:
            self._set_status(self.tr("Outcome saved: {asker}.").format(asker=item.asker))
            self._reload_item(item.id)

        self._open(dialog, saved)
        return dialog

    def _reload_item(self, inquiry_id: uuid.UUID) -> None:
        service = self.inquiries
        self.runner.run(lambda: service.get(inquiry_id), self.model.replace,
                        lambda exc: show_error(self, exc))

    # ================================================================ printing

    def print_register(self) -> None:
        day = pydate(self.register_date.date())
        service = self.inquiries

        def make() -> tuple[str, bytes]:
            data = service.register(day)
            return document_title(data), render_document(data)

        self.print_button.setEnabled(False)
        self.runner.run(make, self._preview, self._print_failed)

    def _preview(self, made: tuple[str, bytes]) -> None:
        self.print_button.setEnabled(True)
        title, pdf = made
        try:
            dialog = PdfPreviewDialog(pdf, title, title.replace(" ", "_") + ".pdf", self)
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback
            self._print_failed(exc)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget_preview(dialog))
        self.last_preview = dialog
        dialog.open()

    def _forget_preview(self, dialog: PdfPreviewDialog) -> None:
        if self.last_preview is dialog:
            self.last_preview = None

    def _print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        if not isinstance(exc, LanddeskError):
            self._set_status(self.tr("The register could not be made."))
        show_error(self, exc, self.tr("Printing failed"))


__all__ = ["FormDialog", "InquiryPage", "InquiryTableModel", "OutcomeDialog", "RatingDialog"]
