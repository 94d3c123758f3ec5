"""结对消访: long-standing petitioners paired with leaders, their contacts and resolutions.

The list shows the open pairings (or the closed ones, or all) with the days since the last
contact, red when past the interval of resources/management/petitions.toml, the most
neglected first; a leader filter, and at the county a township filter. Below, the chosen
case: who the petitioner is, the history, every contact, the resolution. Leaders register
and pair, log contacts, re-pair, close and reopen in dialogs whose problems show at their
fields; the ledger prints (landscape) and goes to Excel, a case's record prints. The county
reads every township's cases and changes none: the buttons that write are hidden there.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.office import StaffItem
from app.services.petitions import (
    ContactInput,
    OfficeRef,
    Paired,
    PetitionDetail,
    PetitionInput,
    PetitionItem,
    PetitionRules,
    PetitionService,
    PetitionStatus,
)
from ui.case_model import DUE_COLOURS, DueState
from ui.errors import show_error
from ui.inquiry_page import (
    STYLE,
    FormDialog,
    chosen_person,
    local_time,
    pydate,
    qdate,
    staff_combo,
    text_box,
)
from ui.print_preview import PdfPreviewDialog, ask_xlsx_path, show_preview
from ui.supervision_page import detail_label, fill_row, make_table, size_columns
from ui.tasks import TaskRunner

OVERDUE_FG, OVERDUE_BG = DUE_COLOURS[DueState.OVERDUE]
WARNING_STYLE = "color: #a84f00;"
# A first-petition date at the picker's minimum means "not known".
UNKNOWN_DATE = QDate(1949, 10, 1)


def date_edit(day: dt.date, *, earliest: QDate | None = None) -> QDateEdit:
    """A date picker that stops at ``day`` (today): nothing here happens in the future."""
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(qdate(day))
    if earliest is not None:
        edit.setMinimumDate(earliest)
    return edit


# ---------------------------------------------------------------------------- dialogs


class _LeaderWarning:
    """A line under a leader picker saying when the leader already has an open pairing
    (the seed gives each leader one household): shown, not enforced."""

    def __init__(self, dialog: FormDialog, petitions: PetitionService, runner: TaskRunner, combo: QComboBox,
                 excluding: uuid.UUID | None = None) -> None:
        self.petitions = petitions
        self.runner = runner
        self.combo = combo
        self.excluding = excluding
        self.label = QLabel()
        self.label.setObjectName("pairingWarning")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(WARNING_STYLE)
        self.label.hide()
        dialog.form.addRow("", self.label)
        combo.currentIndexChanged.connect(lambda _i: self.update())
        self.update()

    def update(self) -> None:
        leader = chosen_person(self.combo)
        petitions, excluding = self.petitions, self.excluding
        self.runner.run(lambda: petitions.pairing_warning(leader, excluding), self._show, lambda _exc: None)

    def _show(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))


class RegisterDialog(FormDialog):
    """Register a long-standing petitioner and pair them with a leader."""

    def __init__(self, petitions: PetitionService, runner: TaskRunner, leaders: list[StaffItem],
                 me: uuid.UUID | None, today: dt.date, default_leader: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Register a long-standing petitioner"), parent)
        self.setStyleSheet(STYLE)
        self.ok_button.setText(self.tr("Register and pair"))
        self.set_intro(self.tr("Each member of the leadership is paired with one long-standing petitioner "
                               "and keeps in touch until the matter is resolved."))
        self.petitioner_edit = QLineEdit()
        self.petitioner_edit.setMaxLength(100)
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(30)
        self.id_edit.setPlaceholderText(self.tr("18-digit resident ID (leave empty if not known)"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setMaxLength(40)
        self.village_edit = QLineEdit()
        self.village_edit.setMaxLength(100)
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(200)
        self.subject_edit = QLineEdit()
        self.subject_edit.setMaxLength(200)
        self.subject_edit.setPlaceholderText(self.tr("e.g. boundary dispute over a homestead"))
        self.history_edit = text_box(90)
        self.history_edit.setPlaceholderText(self.tr("Since when, to whom, what was asked and answered so far"))
        self.first_edit = date_edit(today, earliest=UNKNOWN_DATE)
        self.first_edit.setSpecialValueText(self.tr("not known"))
        self.first_edit.setDate(UNKNOWN_DATE)
        self.paired_edit = date_edit(today)
        self.leader_combo = staff_combo(leaders, me, self.tr("{name} (me)"), default_leader or me)
        self.add_field("petitioner", self.tr("&Petitioner:"), self.petitioner_edit)
        self.add_field("id_number", self.tr("&ID number:"), self.id_edit)
        self.add_field("phone", self.tr("P&hone:"), self.phone_edit)
        self.add_field("village", self.tr("&Village:"), self.village_edit)
        self.add_field("address", self.tr("&Address:"), self.address_edit)
        self.add_field("subject", self.tr("&Subject:"), self.subject_edit)
        self.add_field("history", self.tr("&History:"), self.history_edit)
        self.add_field("first_petition_on", self.tr("&First petition:"), self.first_edit)
        self.add_field("paired_on", self.tr("Paired &on:"), self.paired_edit)
        self.add_field("leader_id", self.tr("Paired &leader:"), self.leader_combo)
        self.warning = _LeaderWarning(self, petitions, runner, self.leader_combo)
        self.petitioner_edit.setFocus()
        self.bind(runner, lambda: petitions.register(self.values()))

    def values(self) -> PetitionInput:
        first = self.first_edit.date()
        return PetitionInput(
            petitioner=self.petitioner_edit.text(), subject=self.subject_edit.text(),
            leader_id=chosen_person(self.leader_combo), id_number=self.id_edit.text(),
            phone=self.phone_edit.text(), address=self.address_edit.text(), village=self.village_edit.text(),
            history=self.history_edit.toPlainText(),
            first_petition_on=None if first == UNKNOWN_DATE else pydate(first),
            paired_on=pydate(self.paired_edit.date()))


class ContactDialog(FormDialog):
    """Log one contact with the petitioner."""

    def __init__(self, petitions: PetitionService, runner: TaskRunner, case: PetitionDetail, rules: PetitionRules,
                 leaders: list[StaffItem], me: uuid.UUID | None, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Log a contact"), parent)
        self.setStyleSheet(STYLE)
        self.ok_button.setText(self.tr("Save contact"))
        self.set_intro(self.tr("{number} · {petitioner} · {subject} · paired with {leader} since {since}").format(
            number=case.item.number, petitioner=case.item.petitioner, subject=case.item.subject,
            leader=case.item.leader_name, since=case.item.paired_on.isoformat()))
        self.date_edit = date_edit(today)
        self.form_combo = QComboBox()
        for choice in rules.forms:
            self.form_combo.addItem(choice.name, choice.code)
            if choice.note:
                self.form_combo.setItemData(self.form_combo.count() - 1, choice.note, Qt.ItemDataRole.ToolTipRole)
        self.leader_combo = staff_combo(leaders, me, self.tr("{name} (me)"), case.item.leader_id)
        self.participants_edit = QLineEdit()
        self.participants_edit.setMaxLength(500)
        self.participants_edit.setPlaceholderText(self.tr("e.g. village party secretary, township petition office"))
        self.content_edit = text_box(80)
        self.content_edit.setPlaceholderText(self.tr("What was talked about; what the petitioner asks"))
        self.outcome_edit = text_box(60)
        self.outcome_edit.setPlaceholderText(self.tr("The petitioner's attitude; what was agreed"))
        self.next_edit = text_box(50)
        self.add_field("on_date", self.tr("&Date:"), self.date_edit)
        self.add_field("form", self.tr("&Form:"), self.form_combo)
        self.add_field("leader_id", self.tr("&Leader:"), self.leader_combo)
        self.add_field("participants", self.tr("Also &present:"), self.participants_edit)
        self.add_field("content", self.tr("&Content:"), self.content_edit)
        self.add_field("outcome", self.tr("Res&ult of the contact:"), self.outcome_edit)
        self.add_field("next_step", self.tr("&Next step:"), self.next_edit)
        self.content_edit.setFocus()
        self.bind(runner, lambda: petitions.log_contact(case.id, self.values()))

    def choose_form(self, code: str) -> None:
        self.form_combo.setCurrentIndex(self.form_combo.findData(code))

    def values(self) -> ContactInput:
        return ContactInput(
            on_date=pydate(self.date_edit.date()), form=str(self.form_combo.currentData() or ""),
            content=self.content_edit.toPlainText(), outcome=self.outcome_edit.toPlainText(),
            leader_id=chosen_person(self.leader_combo), participants=self.participants_edit.text(),
            next_step=self.next_edit.toPlainText())


class RepairDialog(FormDialog):
    """Pair the case with another leader, saying why."""

    def __init__(self, petitions: PetitionService, runner: TaskRunner, case: PetitionDetail,
                 leaders: list[StaffItem], me: uuid.UUID | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pair with another leader"), parent)
        self.setStyleSheet(STYLE)
        self.ok_button.setText(self.tr("Re-pair"))
        self.set_intro(self.tr("{number} · {petitioner}: now paired with {leader}.").format(
            number=case.item.number, petitioner=case.item.petitioner, leader=case.item.leader_name))
        others = [p for p in leaders if p.id != case.item.leader_id]
        self.leader_combo = staff_combo(others, me, self.tr("{name} (me)"), None)
        self.reason_edit = text_box(60)
        self.reason_edit.setPlaceholderText(self.tr("e.g. the leader was transferred"))
        self.add_field("leader_id", self.tr("New &leader:"), self.leader_combo)
        self.warning = _LeaderWarning(self, petitions, runner, self.leader_combo, case.id)
        self.add_field("reason", self.tr("&Reason for re-pairing:"), self.reason_edit)
        self.reason_edit.setFocus()
        self.bind(runner, lambda: petitions.repair(case.id, chosen_person(self.leader_combo),
                                                   self.reason_edit.toPlainText()))


class CloseDialog(FormDialog):
    """化解结案: how the matter was resolved, in writing."""

    def __init__(self, petitions: PetitionService, runner: TaskRunner, case: PetitionDetail, rules: PetitionRules,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Close as resolved"), parent)
        self.setStyleSheet(STYLE)
        self.ok_button.setText(self.tr("Close case"))
        self.set_intro(self.tr("{number} · {petitioner} · {subject} · {contacts} contacts logged").format(
            number=case.item.number, petitioner=case.item.petitioner, subject=case.item.subject,
            contacts=len(case.contacts)))
        self.kind_combo = QComboBox()
        for choice in rules.resolutions:
            self.kind_combo.addItem(choice.name, choice.code)
        self.kind_note = QLabel()
        self.kind_note.setObjectName("hint")
        self.kind_note.setWordWrap(True)
        self.notes = {c.code: c.note for c in rules.resolutions}
        self.resolution_edit = text_box(110)
        self.resolution_edit.setPlaceholderText(
            self.tr("How the matter was resolved, whether the petitioner accepts it, "
                    "and any written agreement or pledge (at least {n} characters)").format(
                n=rules.min_resolution_chars))
        self.add_field("resolution_kind", self.tr("&Resolved by:"), self.kind_combo)
        self.form.addRow("", self.kind_note)
        self.add_field("resolution", self.tr("&Resolution:"), self.resolution_edit)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.resolution_edit.setFocus()
        self.bind(runner, lambda: petitions.close(case.id, str(self.kind_combo.currentData() or ""),
                                                  self.resolution_edit.toPlainText()))

    def choose(self, code: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(code))

    def _kind_changed(self) -> None:
        self.kind_note.setText(self.notes.get(str(self.kind_combo.currentData()), ""))


class ReopenDialog(FormDialog):
    def __init__(self, petitions: PetitionService, runner: TaskRunner, case: PetitionDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reopen a closed case"), parent)
        self.setStyleSheet(STYLE)
        self.ok_button.setText(self.tr("Reopen"))
        self.set_intro(self.tr("{number} · {petitioner}: closed as “{kind}”.").format(
            number=case.item.number, petitioner=case.item.petitioner, kind=case.item.resolution_kind))
        self.reason_edit = text_box(60)
        self.reason_edit.setPlaceholderText(self.tr("e.g. the petitioner petitioned the county again"))
        self.add_field("reason", self.tr("Reason for &reopening:"), self.reason_edit)
        self.reason_edit.setFocus()
        self.bind(runner, lambda: petitions.reopen(case.id, self.reason_edit.toPlainText()))


# ---------------------------------------------------------------------------- the page


class PetitionsPage(QWidget):
    statusChanged = Signal(str)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.petitions = services.petitions
        self.runner = runner
        self.items: list[PetitionItem] = []
        self.case: PetitionDetail | None = None
        self.rules: PetitionRules | None = None
        self.leaders: list[StaffItem] = []
        self.free_leaders: list[StaffItem] = []  # leaders with no open pairing: offered first
        self.offices: list[OfficeRef] = []
        self.is_county = False
        self.may_record = False
        self.last_dialog: FormDialog | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self._filters_loaded = False
        self.setStyleSheet(STYLE)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        bar = QHBoxLayout()
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("Open pairings"), PetitionStatus.OPEN.value)
        self.status_combo.addItem(self.tr("Closed"), PetitionStatus.CLOSED.value)
        self.status_combo.addItem(self.tr("All"), "")
        show = QLabel(self.tr("Sho&w:"))
        show.setBuddy(self.status_combo)
        self.leader_filter = QComboBox()
        self.leader_filter.setObjectName("leaderFilter")
        self.leader_filter.setMinimumContentsLength(6)
        self.leader_label = leader_label = QLabel(self.tr("L&eader:"))
        leader_label.setBuddy(self.leader_filter)
        self.office_filter = QComboBox()
        self.office_filter.setObjectName("officeFilter")
        self.office_filter.setMinimumContentsLength(12)
        self.office_label = QLabel(self.tr("T&ownship:"))
        self.office_label.setBuddy(self.office_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.register_button = QPushButton(self.tr("&Register and pair…"))
        self.register_button.setObjectName("register")
        self.print_button = QPushButton(self.tr("&Print ledger…"))
        self.print_button.setObjectName("printLedger")
        self.excel_button = QPushButton(self.tr("Ledger to E&xcel…"))
        self.excel_button.setObjectName("exportLedger")
        for widget in (show, self.status_combo, self.office_label, self.office_filter, leader_label,
                       self.leader_filter):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        for button in (self.register_button, self.print_button, self.excel_button):
            bar.addWidget(button)
        outer.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = make_table("pairings", self._headers(False), 3)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        outer.addWidget(splitter, 1)
        self._size_table(False)

        self.status_combo.activated.connect(lambda _i: self.load())
        self.leader_filter.activated.connect(lambda _i: self.load())
        self.office_filter.activated.connect(lambda _i: self.load())
        self.table.currentCellChanged.connect(lambda row, _c, old, _oc: self._row_changed(row, old))
        self.register_button.clicked.connect(lambda: self.open_register_dialog())
        self.print_button.clicked.connect(lambda: self.print_ledger())
        self.excel_button.clicked.connect(lambda: self.export_ledger())
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self._set_mode(county=False, may_record=False)

    def _headers(self, county: bool) -> list[str]:
        headers = [self.tr("File no."), self.tr("Petitioner"), self.tr("Village"), self.tr("Subject"),
                   self.tr("Leader"), self.tr("Paired since"), self.tr("Contacts"), self.tr("Last contact"),
                   self.tr("Days since"), self.tr("Status")]
        return [self.tr("Township"), *headers] if county else headers

    def _size_table(self, county: bool) -> None:
        shift = 1 if county else 0
        samples = {shift + 0: "3707021012026XF000000", shift + 1: "欧阳秀英", shift + 2: "大柳树村",
                   shift + 4: "王晓梅", shift + 5: "2026-11-23", shift + 6: self.tr("Contacts"),
                   shift + 7: "2026-11-23", shift + 8: self.tr("Days since"), shift + 9: "已结案（导入法定途径）"}
        if county:
            samples[0] = "示例镇自然资源所"
        size_columns(self.table, samples)
        self.table.horizontalHeader().setSectionResizeMode(shift + 3, QHeaderView.ResizeMode.Stretch)

    def _build_detail(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        self.detail = detail_label("caseDetail")
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 6 + 12)
        column.addWidget(self.detail)
        self.contacts_table = make_table("contacts", [
            self.tr("Date"), self.tr("Contact form"), self.tr("Led by"), self.tr("Participants"), self.tr("Content"),
            self.tr("Result"), self.tr("Next step")], 4)
        size_columns(self.contacts_table, {0: "2026-11-23", 1: "联合接访", 2: "王晓梅", 3: "村支书、包村干部"})
        # What was said, what came of it and what is next are read in full: they share the
        # width and wrap, and rows grow to fit.
        self.contacts_table.setWordWrap(True)
        for index in (4, 5, 6):
            self.contacts_table.horizontalHeader().setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.contacts_table, 1)
        buttons = QHBoxLayout()
        self.contact_button = QPushButton(self.tr("&Log contact…"))
        self.contact_button.setObjectName("logContact")
        self.repair_button = QPushButton(self.tr("Re-p&air…"))
        self.repair_button.setObjectName("repair")
        self.close_button = QPushButton(self.tr("&Close as resolved…"))
        self.close_button.setObjectName("closeCase")
        self.reopen_button = QPushButton(self.tr("Re&open…"))
        self.reopen_button.setObjectName("reopen")
        self.record_button = QPushButton(self.tr("Print &record…"))
        self.record_button.setObjectName("printRecord")
        for button in (self.contact_button, self.repair_button, self.close_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        column.addLayout(buttons)
        self.contact_button.clicked.connect(lambda: self.open_contact_dialog())
        self.repair_button.clicked.connect(lambda: self.open_repair_dialog())
        self.close_button.clicked.connect(lambda: self.open_close_dialog())
        self.reopen_button.clicked.connect(lambda: self.open_reopen_dialog())
        self.record_button.clicked.connect(lambda: self.print_record())
        return box

    def _set_mode(self, *, county: bool, may_record: bool) -> None:
        if county != self.is_county:
            self.table.setColumnCount(len(self._headers(county)))
            self.table.setHorizontalHeaderLabels(self._headers(county))
            self._size_table(county)
        self.is_county = county
        self.may_record = may_record
        self.office_label.setVisible(county)
        self.office_filter.setVisible(county)
        # The county reads; the writing buttons are hidden there (the service refuses anyway).
        for button in (self.register_button, self.contact_button, self.repair_button, self.close_button,
                       self.reopen_button):
            button.setVisible(not county)
        self.register_button.setEnabled(may_record)
        self._update_buttons()

    # ------------------------------------------------------------ loading

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Called when the page is shown (and after each change): who leads and may record, then
        the list. Asked every time: another person may have signed in at the idle lock."""
        petitions = self.petitions

        def fetch() -> tuple[PetitionRules, list[StaffItem], list[StaffItem], list[OfficeRef], bool, bool]:
            return (petitions.rules(), petitions.leaders(), petitions.free_leaders(), petitions.offices(),
                    petitions.is_county(), petitions.may_record())

        self.runner.run(fetch, lambda found: self._reference_fetched(found, select),
                        lambda exc: show_error(self, exc))

    def _reference_fetched(self, found: tuple[PetitionRules, list[StaffItem], list[StaffItem], list[OfficeRef],
                                              bool, bool], select: uuid.UUID | None) -> None:
        self.rules, self.leaders, self.free_leaders, self.offices, county, may_record = found
        if not self._filters_loaded:
            self.office_filter.clear()
            self.office_filter.addItem(self.tr("All townships"), "")
            for office in self.offices:
                self.office_filter.addItem(f"{office.name}（{office.code}）", str(office.id))
            self._filters_loaded = True
        chosen = self.leader_filter.currentData()
        self.leader_filter.clear()
        self.leader_filter.addItem(self.tr("All leaders"), "")
        for person in self.leaders:
            self.leader_filter.addItem(person.display_name, str(person.id))
        index = self.leader_filter.findData(chosen) if chosen else 0
        self.leader_filter.setCurrentIndex(max(index, 0))
        # Leaders are per township: the county filters by township instead.
        self.leader_filter.setVisible(not county)
        self.leader_label.setVisible(not county)
        self._set_mode(county=county, may_record=may_record)
        self.load(select)

    def status(self) -> PetitionStatus | None:
        value = self.status_combo.currentData()
        return PetitionStatus(value) if value else None

    def set_status(self, status: PetitionStatus | None) -> None:
        self.status_combo.setCurrentIndex(self.status_combo.findData(status.value if status else ""))
        self.load()

    def chosen_leader(self) -> uuid.UUID | None:
        value = self.leader_filter.currentData()
        return uuid.UUID(value) if value else None

    def chosen_office(self) -> uuid.UUID | None:
        value = self.office_filter.currentData() if self.is_county else None
        return uuid.UUID(value) if value else None

    def load(self, select: uuid.UUID | None = None) -> None:
        petitions = self.petitions
        status, leader, office = self.status(), self.chosen_leader(), self.chosen_office()
        keep = select or (self.case.id if self.case else None)
        self.runner.run(lambda: petitions.pairings(status, leader_id=leader, office_id=office),
                        lambda items: self._show(items, keep), lambda exc: show_error(self, exc))

    def _show(self, items: list[PetitionItem], keep: uuid.UUID | None) -> None:
        self.items = items
        table = self.table
        table.blockSignals(True)
        table.setRowCount(0)
        table.setRowCount(len(items))
        interval = self.rules.contact_interval_days if self.rules else 30
        days_column = 8 + (1 if self.is_county else 0)
        for row, item in enumerate(items):
            texts = [item.number, item.petitioner, item.village, item.subject, item.leader_name,
                     item.paired_on.isoformat(), str(item.contacts),
                     item.last_contact_on.isoformat() if item.last_contact_on else self.tr("no contact yet"),
                     "" if item.days_since is None else str(item.days_since), self._status_text(item)]
            if self.is_county:
                texts.insert(0, item.office.name)
            fill_row(table, row, texts, item.id, None, {days_column - 5: item.subject})
            for column in (days_column - 2, days_column):
                table.item(row, column).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if item.overdue:
                cell = table.item(row, days_column)
                cell.setForeground(OVERDUE_FG)
                cell.setBackground(OVERDUE_BG)
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
                cell.setToolTip(self.tr("No contact for more than {n} days").format(n=interval))
        table.blockSignals(False)
        overdue = sum(1 for i in items if i.overdue)
        self.count_label.setText(self.tr("{n} cases, {late} not contacted for more than {days} days").format(
            n=len(items), late=overdue, days=interval))
        row = next((r for r, i in enumerate(items) if i.id == keep), 0 if items else -1)
        if row >= 0:
            table.setCurrentCell(row, 0)
            self._load_case(items[row].id)
        else:
            self._show_case(None)
        self.print_button.setEnabled(True)
        self.excel_button.setEnabled(True)
        self.statusChanged.emit(self.count_label.text())

    def _status_text(self, item: PetitionItem) -> str:
        if item.status is PetitionStatus.CLOSED:
            return self.tr("Closed ({kind})").format(kind=item.resolution_kind)
        return self.tr("Being resolved")

    def _row_changed(self, row: int, old: int) -> None:
        if row == old or not 0 <= row < len(self.items):
            return
        self._load_case(self.items[row].id)

    def _load_case(self, case_id: uuid.UUID) -> None:
        petitions = self.petitions
        self.runner.run(lambda: petitions.case(case_id), self._show_case, lambda exc: show_error(self, exc))

    def _show_case(self, case: PetitionDetail | None) -> None:
        self.case = case
        table = self.contacts_table
        table.setRowCount(0)
        if case is None:
            self.detail.setText(self.tr("No pairing chosen."))
            self._update_buttons()
            return
        item = case.item
        lines = [
            self.tr("{number}  {petitioner}  ID {id}  phone {phone}").format(
                number=item.number, petitioner=item.petitioner, id=case.id_number or "—", phone=case.phone or "—"),
            self.tr("{village} {address} · first petition {first} · paired with {leader} since {since}").format(
                village=item.village, address=case.address, first=case.first_petition_on or self.tr("not known"),
                leader=item.leader_name, since=item.paired_on.isoformat()),
            self.tr("Subject: {subject}").format(subject=item.subject),
            self.tr("History: {history}").format(history=case.history or "—"),
        ]
        if item.status is PetitionStatus.CLOSED:
            lines.append(self.tr("Closed {at} by {by} ({kind}): {text}").format(
                at=local_time(item.closed_at), by=case.closed_by, kind=item.resolution_kind, text=case.resolution))
        self.detail.setText("\n".join(lines))
        self.detail.setToolTip("\n".join(f"{local_time(e.at)} {e.kind.label} {e.actor}：{e.text}"
                                         for e in case.events))
        table.setRowCount(len(case.contacts))
        for row, c in enumerate(reversed(case.contacts)):
            fill_row(table, row, [c.on_date.isoformat(), c.form_name, c.leader_name, c.participants, c.content,
                                  c.outcome, c.next_step], c.id, None,
                     {3: c.participants, 4: c.content, 5: c.outcome, 6: c.next_step})
        table.resizeRowsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        case = self.case
        writable = self.may_record and not self.is_county and case is not None
        is_open = case is not None and case.is_open
        self.contact_button.setEnabled(writable and is_open)
        self.repair_button.setEnabled(writable and is_open)
        self.close_button.setEnabled(writable and is_open)
        self.reopen_button.setEnabled(writable and not is_open)
        self.record_button.setEnabled(case is not None)

    # ------------------------------------------------------------ actions

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.accepted.connect(lambda: self._done(dialog.outcome))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _done(self, outcome: Any) -> None:
        case = outcome.case if isinstance(outcome, Paired) else outcome
        if isinstance(outcome, Paired) and outcome.warning:
            self.statusChanged.emit(outcome.warning)
        if isinstance(case, PetitionDetail):
            # Show where the case now is: a closed case leaves the open list, a reopened one returns.
            wanted = self.status()
            if wanted is not None and case.item.status is not wanted:
                self.status_combo.setCurrentIndex(self.status_combo.findData(case.item.status.value))
            self.refresh(case.id)
        else:
            self.refresh()

    def open_register_dialog(self) -> RegisterDialog | None:
        if not self.may_record or self.is_county:
            return None
        free = self.free_leaders[0].id if self.free_leaders else None
        dialog = RegisterDialog(self.petitions, self.runner, self.leaders, self.services.ctx.user_id,
                                self.services.ctx.today(), free, self)
        self._open(dialog)
        return dialog

    def open_contact_dialog(self) -> ContactDialog | None:
        if self.case is None or self.rules is None or not self.contact_button.isEnabled():
            return None
        dialog = ContactDialog(self.petitions, self.runner, self.case, self.rules, self.leaders,
                               self.services.ctx.user_id, self.services.ctx.today(), self)
        self._open(dialog)
        return dialog

    def open_repair_dialog(self) -> RepairDialog | None:
        if self.case is None or not self.repair_button.isEnabled():
            return None
        dialog = RepairDialog(self.petitions, self.runner, self.case, self.leaders, self.services.ctx.user_id, self)
        self._open(dialog)
        return dialog

    def open_close_dialog(self) -> CloseDialog | None:
        if self.case is None or self.rules is None or not self.close_button.isEnabled():
            return None
        dialog = CloseDialog(self.petitions, self.runner, self.case, self.rules, self)
        self._open(dialog)
        return dialog

    def open_reopen_dialog(self) -> ReopenDialog | None:
        if self.case is None or not self.reopen_button.isEnabled():
            return None
        dialog = ReopenDialog(self.petitions, self.runner, self.case, self)
        self._open(dialog)
        return dialog

    def print_ledger(self) -> None:
        petitions = self.petitions
        status, leader, office = self.status(), self.chosen_leader(), self.chosen_office()

        def make() -> tuple[str, bytes]:
            from app.printing.petition_docs import render_ledger

            ledger = petitions.ledger(status, leader_id=leader, office_id=office)
            return f"{ledger.office_name}结对消访台账", render_ledger(ledger)

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def print_record(self) -> None:
        case = self.case
        if case is None:
            return

        def make() -> tuple[str, bytes]:
            from app.printing.petition_docs import render_record

            return f"结对消访工作记录 {case.item.number}", render_record(case)

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def _preview(self, made: tuple[str, bytes]) -> None:
        show_preview(self, *made)

    def export_ledger(self, path: Path | None = None) -> None:
        if path is None:
            path = ask_xlsx_path(self, self.tr("Export ledger"), "结对消访台账.xlsx")
            if path is None:
                return
        elif path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        target = path
        petitions = self.petitions
        status, leader, office = self.status(), self.chosen_leader(), self.chosen_office()

        def write() -> Path:
            from app.reports.petitions_excel import write_ledger_excel

            return write_ledger_excel(petitions.ledger(status, leader_id=leader, office_id=office), target)

        self.runner.run(write, lambda p: self.statusChanged.emit(self.tr("Saved {path}").format(path=p)),
                        lambda exc: show_error(self, exc))


__all__ = ["CloseDialog", "ContactDialog", "PetitionsPage", "RegisterDialog", "RepairDialog", "ReopenDialog"]
