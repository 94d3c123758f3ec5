"""Dialogs of the task package page: enter, assign, report progress, inspect, rectify,
accept or send back, score, and the one-text steps (submit, cancel, add evidence).

Every dialog is a FormDialog: OK runs the service call through the task runner, the core's
messages appear under the fields they concern, and the dialog stays open until it succeeds.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.office import StaffItem
from app.services.packages import (
    InspectionItem,
    MilestoneInput,
    PackageDetail,
    PackageForm,
    PackageItem,
    PackageRules,
    PackageService,
    TargetChoice,
    fmt_quantity,
)
from ui.inquiry_page import STYLE, FormDialog, pydate, qdate, text_box
from ui.tasks import TaskRunner


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def people_list(people: Sequence[StaffItem], checked: Sequence[uuid.UUID] = (),
                skip: uuid.UUID | None = None) -> QListWidget:
    """The office's staff with a tick box each (co-workers)."""
    box = QListWidget()
    for person in people:
        if person.id == skip:
            continue
        item = QListWidgetItem(person.display_name)
        item.setData(Qt.ItemDataRole.UserRole, str(person.id))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if person.id in checked else Qt.CheckState.Unchecked)
        box.addItem(item)
    box.setMaximumHeight(110)
    return box


def ticked(box: QListWidget) -> list[uuid.UUID]:
    return [uuid.UUID(box.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked]


def tick(box: QListWidget, text: str) -> None:
    """Tick the entry shown as ``text`` (tests and keyboard users)."""
    for i in range(box.count()):
        if box.item(i).text() == text:
            box.item(i).setCheckState(Qt.CheckState.Checked)


class FileList(QWidget):
    """Evidence files picked for a report or a rectification."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.files = QListWidget()
        self.files.setObjectName("files")
        self.files.setMaximumHeight(80)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add &file…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        column.addWidget(self.files)
        column.addLayout(row)
        self.add_button.clicked.connect(self._browse)
        self.remove_button.clicked.connect(self._remove)

    def _browse(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Evidence files"))
        for path in paths:
            self.add(Path(path))

    def add(self, path: Path) -> None:
        item = QListWidgetItem(path.name)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        self.files.addItem(item)

    def _remove(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.files.takeItem(row)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.files.count())]


class PackageDialog(FormDialog):
    """A FormDialog that reads its widgets on the UI thread when OK is pressed; only the
    service call that ``read()`` returns goes to the task runner's worker thread."""

    _read: Callable[[], Callable[[], Any]] | None = None
    _reading_runner: TaskRunner | None = None

    def bind_reading(self, runner: TaskRunner, read: Callable[[], Callable[[], Any]]) -> None:
        self._read = read
        self._reading_runner = runner
        self.bind(runner, lambda: None)

    def submit(self) -> None:
        if self._read is not None and self._reading_runner is not None and self.ok_button.isEnabled():
            try:
                job = self._read()
            except Exception as exc:  # noqa: BLE001 - shown in the dialog like any failure
                self.clear_errors()
                self._failed(exc)
                return
            self.bind(self._reading_runner, job)
        super().submit()


# ---------------------------------------------------------------------------- entering


class EnterDialog(PackageDialog):
    """打包入库: a new package with its target, working days, milestones and co-workers."""

    def __init__(self, packages: PackageService, runner: TaskRunner, people: list[StaffItem],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Enter a task package"), parent)
        self.setStyleSheet(STYLE)
        self.packages = packages
        self.rules: PackageRules = packages.rules()
        today = packages.ctx.today()
        self.ok_button.setText(self.tr("Enter package"))
        self.buttons.setMinimumWidth(680)  # room for a milestone's title beside its date
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. 2026 village renovation (Dongwang village)"))
        self.add_field("title", self.tr("Package &title:"), self.title_edit)
        self.category_combo = QComboBox()
        for category in self.rules.categories:
            self.category_combo.addItem(category.name, category.name)
            self.category_combo.setItemData(self.category_combo.count() - 1, category.note,
                                            Qt.ItemDataRole.ToolTipRole)
        self.add_field("category", self.tr("&Category:"), self.category_combo)
        self.description_edit = text_box(50)
        self.description_edit.setMaximumHeight(80)
        self.add_field("description", self.tr("&Description:"), self.description_edit)
        self.target_combo = QComboBox()
        self.targets: list[TargetChoice] = []
        self.add_field("target_id", self.tr("Counts towards &target:"), self.target_combo)
        quantity_row = QWidget()
        row = QHBoxLayout(quantity_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setObjectName("target_quantity")
        self.quantity_edit.setPlaceholderText(self.tr("leave empty if not measurable"))
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unit")
        self.unit_combo.addItem("", "")
        for unit in self.rules.units:
            self.unit_combo.addItem(unit, unit)
        row.addWidget(self.quantity_edit, 1)
        row.addWidget(self.unit_combo)
        self.add_field("target_quantity", self.tr("Target &quantity:"), quantity_row, "unit")
        self.start_edit = date_edit(today)
        self.add_field("start_date", self.tr("&Start date:"), self.start_edit)
        days_row = QWidget()
        row = QHBoxLayout(days_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("working_days")
        self.days_spin.setRange(1, self.rules.max_working_days)
        self.days_spin.setValue(20)
        self.due_label = QLabel()
        self.due_label.setObjectName("due")
        row.addWidget(self.days_spin)
        row.addWidget(self.due_label, 1)
        self.add_field("working_days", self.tr("&Working days:"), days_row)
        milestones = QWidget()
        column = QVBoxLayout(milestones)
        column.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        self.milestone_edit = QLineEdit()
        self.milestone_edit.setObjectName("milestoneTitle")
        self.milestone_edit.setPlaceholderText(self.tr("What is to be reached"))
        self.milestone_date = date_edit(today)
        self.add_milestone_button = QPushButton(self.tr("&Add"))
        self.remove_milestone_button = QPushButton(self.tr("Remove"))
        line.addWidget(self.milestone_edit, 1)
        line.addWidget(self.milestone_date)
        line.addWidget(self.add_milestone_button)
        line.addWidget(self.remove_milestone_button)
        self.milestone_list = QListWidget()
        self.milestone_list.setObjectName("milestoneList")
        self.milestone_list.setMaximumHeight(90)
        column.addLayout(line)
        column.addWidget(self.milestone_list)
        self.add_field("milestones", self.tr("&Milestones:"), milestones)
        self.co_workers = people_list(people)
        self.add_field("co_worker_ids", self.tr("C&o-workers:"), self.co_workers)

        self.start_edit.dateChanged.connect(lambda _d: self._start_changed())
        self.days_spin.valueChanged.connect(lambda _v: self.show_due())
        self.target_combo.currentIndexChanged.connect(lambda _i: self._target_chosen())
        self.add_milestone_button.clicked.connect(self.add_milestone)
        self.milestone_edit.returnPressed.connect(self.add_milestone)
        self.remove_milestone_button.clicked.connect(self._remove_milestone)
        self._start_changed()
        self.title_edit.setFocus()
        def read() -> Callable[[], Any]:
            form = self.package_form()
            return lambda: self.packages.enter(form)

        self.bind_reading(runner, read)

    def _start_changed(self) -> None:
        start = pydate(self.start_edit.date())
        current = self.target_combo.currentData()
        self.targets = self.packages.targets_for(start.year)
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        self.target_combo.addItem(self.tr("(none)"), "")
        for target in self.targets:
            self.target_combo.addItem(f"{target.name}（{fmt_quantity(target.planned)}{target.unit}）", str(target.id))
        index = self.target_combo.findData(current) if current else 0
        self.target_combo.setCurrentIndex(max(index, 0))
        self.target_combo.blockSignals(False)
        self.show_due()

    def _target_chosen(self) -> None:
        chosen = self.target_combo.currentData()
        target = next((t for t in self.targets if str(t.id) == chosen), None)
        if target is not None:
            self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(target.unit), 0))

    def show_due(self) -> None:
        deadline = self.packages.due_date_for(pydate(self.start_edit.date()), self.days_spin.value())
        text = self.tr("due {date}").format(date=deadline.due.isoformat())
        if deadline.uncertain:
            text += self.tr(" (calendar of {years} not yet published)").format(
                years="、".join(str(y) for y in deadline.uncertain_years))
        self.due_label.setText(text)
        self.milestone_date.setMaximumDate(qdate(deadline.due))
        self.milestone_date.setMinimumDate(self.start_edit.date())

    def add_milestone(self) -> None:
        title = self.milestone_edit.text().strip()
        if not title:
            return
        day = pydate(self.milestone_date.date())
        item = QListWidgetItem(f"{day.isoformat()}　{title}")
        item.setData(Qt.ItemDataRole.UserRole, (title, day.isoformat()))
        self.milestone_list.addItem(item)
        self.milestone_edit.clear()
        self.milestone_edit.setFocus()

    def _remove_milestone(self) -> None:
        row = self.milestone_list.currentRow()
        if row >= 0:
            self.milestone_list.takeItem(row)

    def package_form(self) -> PackageForm:
        milestones = []
        for i in range(self.milestone_list.count()):
            title, day = self.milestone_list.item(i).data(Qt.ItemDataRole.UserRole)
            milestones.append(MilestoneInput(title, dt.date.fromisoformat(day)))
        target = self.target_combo.currentData()
        return PackageForm(
            title=self.title_edit.text(), category=str(self.category_combo.currentData() or ""),
            start_date=pydate(self.start_edit.date()), working_days=self.days_spin.value(),
            description=self.description_edit.toPlainText(),
            target_id=uuid.UUID(target) if target else None,
            target_quantity=self.quantity_edit.text(), unit=str(self.unit_combo.currentData() or ""),
            milestones=tuple(milestones), co_worker_ids=tuple(ticked(self.co_workers)),
        )


class AssignDialog(PackageDialog):
    """二级管理: the responsible person and co-workers."""

    def __init__(self, packages: PackageService, runner: TaskRunner, people: list[StaffItem],
                 item: PackageItem, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Assign {number}").format(number=item.number), parent)
        self.setStyleSheet(STYLE)
        self.set_intro(f"{item.title}\n" + self.tr("Due {date}").format(date=item.due_date.isoformat()))
        self.ok_button.setText(self.tr("Assign"))
        self.responsible_combo = QComboBox()
        for person in people:
            self.responsible_combo.addItem(person.display_name, str(person.id))
        index = self.responsible_combo.findData(str(item.responsible_id)) if item.responsible_id else -1
        self.responsible_combo.setCurrentIndex(index)
        self.add_field("responsible_id", self.tr("&Responsible:"), self.responsible_combo)
        self.co_workers = people_list(people, item.co_worker_ids)
        self.add_field("co_worker_ids", self.tr("C&o-workers:"), self.co_workers)

        def read() -> Callable[[], Any]:
            chosen = self.responsible_combo.currentData()
            responsible, helpers = (uuid.UUID(chosen) if chosen else None), ticked(self.co_workers)
            return lambda: packages.assign(item.id, responsible, helpers)

        self.bind_reading(runner, read)


# ---------------------------------------------------------------------------- working on it


class ProgressDialog(PackageDialog):
    """A progress report: quantity since the last report, what was done, milestones, files."""

    def __init__(self, packages: PackageService, runner: TaskRunner, detail: PackageDetail,
                 parent: QWidget | None = None) -> None:
        item = detail.item
        super().__init__(self.tr("Report progress on {number}").format(number=item.number), parent)
        self.setStyleSheet(STYLE)
        target = (f"{fmt_quantity(item.target_quantity)}{item.unit}" if item.target_quantity is not None
                  else self.tr("no quantity"))
        self.set_intro(self.tr("{title}\nTarget {target}, achieved so far {achieved}{unit}").format(
            title=item.title, target=target, achieved=fmt_quantity(item.achieved), unit=item.unit))
        self.ok_button.setText(self.tr("Send report"))
        today = packages.ctx.today()
        self.as_of_edit = date_edit(today)
        self.as_of_edit.setMaximumDate(qdate(today))
        self.add_field("as_of", self.tr("&As of:"), self.as_of_edit)
        self.quantity_edit = QLineEdit("0")
        self.quantity_edit.setPlaceholderText(self.tr("achieved since the last report"))
        self.add_field("quantity", self.tr("&Quantity since last report ({unit}):").format(unit=item.unit or "—"),
                       self.quantity_edit)
        self.note_edit = text_box(70)
        self.add_field("note", self.tr("&What was done:"), self.note_edit)
        self.milestone_list = QListWidget()
        for m in detail.milestones:
            if m.done:
                continue
            entry = QListWidgetItem(f"{m.due_date.isoformat()}　{m.title}")
            entry.setData(Qt.ItemDataRole.UserRole, str(m.id))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.milestone_list.addItem(entry)
        self.milestone_list.setMaximumHeight(90)
        self.add_field("milestones", self.tr("Milestones &reached:"), self.milestone_list)
        self.files = FileList()
        self.add_field("evidence_file", self.tr("Evidence:"), self.files)
        self.quantity_edit.selectAll()
        self.quantity_edit.setFocus()

        def read() -> Callable[[], Any]:
            as_of, quantity, note = pydate(self.as_of_edit.date()), self.quantity_edit.text(), self.note_edit.toPlainText()
            files, done = self.files.paths(), ticked(self.milestone_list)
            return lambda: packages.report_progress(item.id, as_of, quantity, note, evidence_files=files,
                                                    milestones_done=done)

        self.bind_reading(runner, read)


class InspectDialog(PackageDialog):
    """督查: finding, requirement and the rectification deadline (working days or a date)."""

    def __init__(self, packages: PackageService, runner: TaskRunner, item: PackageItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Inspect {number}").format(number=item.number), parent)
        self.setStyleSheet(STYLE)
        rules = packages.rules()
        today = packages.ctx.today()
        self.set_intro(self.tr("{title}\nResponsible: {person}").format(title=item.title,
                                                                          person=item.responsible or "—"))
        self.ok_button.setText(self.tr("Issue inspection"))
        self.finding_edit = text_box(70)
        self.add_field("finding", self.tr("&Found:"), self.finding_edit)
        self.requirement_edit = text_box(60)
        self.add_field("requirement", self.tr("&Requirement:"), self.requirement_edit)
        deadline = QWidget()
        row = QHBoxLayout(deadline)
        row.setContentsMargins(0, 0, 0, 0)
        self.by_days = QRadioButton(self.tr("within"))
        self.by_days.setChecked(True)
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("rectify_days")
        self.days_spin.setRange(1, rules.inspection_max_days)
        self.days_spin.setValue(rules.inspection_default_days)
        self.days_label = QLabel()
        self.by_date = QRadioButton(self.tr("by"))
        self.date_edit = date_edit(today + dt.timedelta(days=7))
        self.date_edit.setMinimumDate(qdate(today + dt.timedelta(days=1)))
        group = QButtonGroup(self)
        group.addButton(self.by_days)
        group.addButton(self.by_date)
        for widget in (self.by_days, self.days_spin, self.days_label, self.by_date, self.date_edit):
            row.addWidget(widget)
        row.addStretch(1)
        self.add_field("rectify_due", self.tr("&Put right:"), deadline, "rectify_days")

        def show_days() -> None:
            due = packages.rectify_due_for(self.days_spin.value()).due
            self.days_label.setText(self.tr("working days ({date})").format(date=due.isoformat()))

        self.days_spin.valueChanged.connect(lambda _v: (show_days(), self.by_days.setChecked(True)))
        self.date_edit.dateChanged.connect(lambda _d: self.by_date.setChecked(True))
        show_days()
        self.finding_edit.setFocus()

        def read() -> Callable[[], Any]:
            finding, requirement = self.finding_edit.toPlainText(), self.requirement_edit.toPlainText()
            if self.by_date.isChecked():
                due = pydate(self.date_edit.date())
                return lambda: packages.inspect(item.id, finding, requirement, rectify_due=due)
            days = self.days_spin.value()
            return lambda: packages.inspect(item.id, finding, requirement, rectify_days=days)

        self.bind_reading(runner, read)


class RectifyDialog(PackageDialog):
    def __init__(self, packages: PackageService, runner: TaskRunner, inspection: InspectionItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rectification of {number}").format(number=inspection.number), parent)
        self.setStyleSheet(STYLE)
        self.set_intro(self.tr("Found: {finding}\nRequired: {requirement}\nBy {date}").format(
            finding=inspection.finding, requirement=inspection.requirement, date=inspection.rectify_due.isoformat()))
        self.ok_button.setText(self.tr("Record"))
        self.text_edit = text_box(90)
        self.add_field("rectification", self.tr("&What was put right:"), self.text_edit)
        self.files = FileList()
        self.add_field("evidence_file", self.tr("Evidence:"), self.files)
        self.text_edit.setFocus()
        def read() -> Callable[[], Any]:
            text, files = self.text_edit.toPlainText(), self.files.paths()
            return lambda: packages.rectify(inspection.id, text, evidence_files=files)

        self.bind_reading(runner, read)


# ---------------------------------------------------------------------------- acceptance


class DecisionDialog(PackageDialog):
    """验收出库 or 退回, with the leader's note."""

    def __init__(self, packages: PackageService, runner: TaskRunner, item: PackageItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Acceptance of {number}").format(number=item.number), parent)
        self.setStyleSheet(STYLE)
        progress = f"{item.progress}%" if item.progress is not None else "—"
        self.set_intro(self.tr("{title}\nProgress {progress}; open inspections: {open}").format(
            title=item.title, progress=progress, open=item.open_inspections))
        choice = QWidget()
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        self.accept_radio = QRadioButton(self.tr("&Accept"))
        self.return_radio = QRadioButton(self.tr("Send &back"))
        self.accept_radio.setChecked(True)
        row.addWidget(self.accept_radio)
        row.addWidget(self.return_radio)
        row.addStretch(1)
        self.add_field("decision", self.tr("Decision:"), choice)
        self.note_edit = text_box(80)
        self.add_field("note", self.tr("&Opinion or reason:"), self.note_edit, "reason")
        self.note_edit.setFocus()

        def read() -> Callable[[], Any]:
            note = self.note_edit.toPlainText()
            if self.return_radio.isChecked():
                return lambda: (packages.send_back(item.id, note), "returned")[1]
            return lambda: (packages.accept(item.id, note), "accepted")[1]

        self.bind_reading(runner, read)


class ScoreDialog(PackageDialog):
    def __init__(self, packages: PackageService, runner: TaskRunner, item: PackageItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Score {number}").format(number=item.number), parent)
        self.setStyleSheet(STYLE)
        rules = packages.rules()
        bands = "、".join(f"{g.name} ≥ {fmt_quantity(g.min)}" for g in rules.grades)
        self.set_intro(f"{item.title}\n" + self.tr("Grades: {bands}").format(bands=bands))
        self.ok_button.setText(self.tr("Save score"))
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        self.score_edit = QLineEdit()
        self.score_edit.setPlaceholderText("0–100")
        self.grade_label = QLabel()
        self.grade_label.setObjectName("grade")
        row.addWidget(self.score_edit)
        row.addWidget(self.grade_label, 1)
        self.add_field("score", self.tr("&Score:"), row_widget)
        self.note_edit = text_box(70)
        self.add_field("score_note", self.tr("&Reasons:"), self.note_edit)

        def show_grade(text: str) -> None:
            try:
                value = Decimal(text.strip())
            except InvalidOperation:  # a half-typed number shows no grade
                self.grade_label.clear()
                return
            self.grade_label.setText(rules.grade(value) if value.is_finite() and 0 <= value <= 100 else "")

        self.score_edit.textChanged.connect(show_grade)
        self.score_edit.setFocus()
        def read() -> Callable[[], Any]:
            points, note = self.score_edit.text(), self.note_edit.toPlainText()
            return lambda: packages.score(item.id, points, note)

        self.bind_reading(runner, read)


class TextDialog(PackageDialog):
    """One text and OK: submit for acceptance, cancel, or a file with its note."""

    def __init__(self, title: str, intro: str, key: str, label: str, ok_text: str, runner: TaskRunner,
                 perform: Callable[[str, Path | None], Any], *, with_file: bool = False, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setStyleSheet(STYLE)
        self.set_intro(intro)
        self.ok_button.setText(ok_text)
        self.file_edit: QLineEdit | None = None
        if with_file:
            file_row = QWidget()
            row = QHBoxLayout(file_row)
            row.setContentsMargins(0, 0, 0, 0)
            self.file_edit = QLineEdit()
            self.file_edit.setObjectName("evidence_file")
            browse = QPushButton(self.tr("Choose…"))
            browse.clicked.connect(self._browse)
            row.addWidget(self.file_edit, 1)
            row.addWidget(browse)
            self.add_field("evidence_file", self.tr("&File:"), file_row)
        self.text_edit = text_box(70)
        self.text_edit.setPlaceholderText(placeholder)
        self.add_field(key, label, self.text_edit)
        (self.file_edit or self.text_edit).setFocus()
        def read() -> Callable[[], Any]:
            text, chosen = self.text_edit.toPlainText(), self.chosen_file()
            return lambda: perform(text, chosen)

        self.bind_reading(runner, read)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Evidence file"))
        if path and self.file_edit is not None:
            self.file_edit.setText(path)

    def chosen_file(self) -> Path | None:
        text = self.file_edit.text().strip() if self.file_edit is not None else ""
        return Path(text) if text else None


__all__ = [
    "AssignDialog",
    "DecisionDialog",
    "EnterDialog",
    "FileList",
    "InspectDialog",
    "ProgressDialog",
    "RectifyDialog",
    "ScoreDialog",
    "TextDialog",
    "tick",
    "ticked",
]
