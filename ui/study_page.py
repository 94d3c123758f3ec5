"""学习监督: study records and the quarterly study register.

"Study records" lists a person's records of a year (one's own; a leader picks anyone of the
office, the county any township's people) with this week's self-study hours against the weekly
minimum; records are added in a dialog whose fields follow the kind (self-study, article,
training, certificate) and whose problems appear at the fields, and withdrawn with a reason
(struck through, never deleted). "Quarterly register" shows everyone counted in a quarter with
达标 / 未达标, those who fall short highlighted, the office's compliance rate; at the county
every township (or one), with a line per township above. Both print through the preview; the
register also goes to Excel.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.study import (
    LineStatus,
    PersonItem,
    StudyInput,
    StudyItem,
    StudyKind,
    StudyOffice,
    StudyRegister,
    StudyRules,
    fmt_hours,
)
from ui.errors import show_error
from ui.inquiry_page import STYLE as FORM_STYLE
from ui.inquiry_page import FormDialog, local_time, pydate, qdate, text_box
from ui.print_preview import PdfPreviewDialog, ask_xlsx_path, show_preview
from ui.supervision_page import fill_row, make_table, size_columns
from ui.tasks import TaskRunner

SHORT_FG = QColor("#b00020")
SHORT_BG = QColor("#fde9e7")
PENDING_FG = QColor("#a84f00")
WITHDRAWN_FG = QColor("#777777")
GOOD_STYLE = "color: #1b5e20;"
BAD_STYLE = "color: #b00020; font-weight: bold;"


def rate_text(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{(rate * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


class RecordDialog(FormDialog):
    """Add a study record: the fields shown and their labels follow the kind."""

    def __init__(self, rules: StudyRules, people: list[PersonItem], me: uuid.UUID | None, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a study record"), parent)
        self.setStyleSheet(FORM_STYLE)
        self.rules = rules
        self.set_intro(self.tr("At least {hours} hours of self-study a week and {articles} research article(s) "
                               "a quarter.").format(hours=fmt_hours(rules.weekly_self_study_hours),
                                                    articles=rules.articles_per_quarter))
        self.rows: dict[str, int] = {}
        self.tiers = {str(p.id): p.tier_code for p in people}
        self.person_combo = QComboBox()
        for person in people:
            text = person.name + (self.tr(" (me)") if person.id == me else "") + f"（{person.tier_name}）"
            self.person_combo.addItem(text, str(person.id))
        index = self.person_combo.findData(str(me)) if me is not None else -1
        self.person_combo.setCurrentIndex(max(index, 0))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        for kind, text in ((StudyKind.SELF_STUDY, self.tr("Self-study")), (StudyKind.ARTICLE, self.tr("Research article")),
                           (StudyKind.TRAINING, self.tr("Training")), (StudyKind.CERTIFICATE, self.tr("Certificate"))):
            self.kind_combo.addItem(text, kind.value)
        self.date_edit = QDateEdit(qdate(today))
        self.date_edit.setObjectName("on_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(today))
        self.hours_edit = QLineEdit()
        self.hours_edit.setPlaceholderText(self.tr("e.g. 2 or 1.5"))
        self.title_edit = QComboBox()
        self.title_edit.setEditable(True)
        self.title_edit.setObjectName("title")
        self.title_edit.setMinimumContentsLength(30)
        self.organiser_edit = QLineEdit()
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("level")
        self.number_edit = QLineEdit()
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("evidenceFile")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_layout.addWidget(self.file_edit, 1)
        file_layout.addWidget(browse)
        self.note_edit = text_box(50)
        self.note_edit.setMaximumHeight(90)
        if len(people) > 1:
            self._add("user_id", self.tr("&Person:"), self.person_combo)
        self._add("kind", self.tr("Record &kind:"), self.kind_combo)
        self._add("on_date", self.tr("Record &date:"), self.date_edit)
        self._add("title", self.tr("&Topic:"), self.title_edit)
        self._add("hours", self.tr("&Hours:"), self.hours_edit)
        self._add("organiser", self.tr("&Organiser:"), self.organiser_edit)
        self._add("level", self.tr("&Level:"), self.level_combo)
        self._add("certificate_no", self.tr("Certificate &number:"), self.number_edit)
        self._add("evidence_file", self.tr("Evidence &file:"), file_row)
        self._add("note", self.tr("N&ote:"), self.note_edit)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.person_combo.currentIndexChanged.connect(lambda _i: self._own_tier())
        self._kind_changed()

    def _add(self, key: str, label: str, widget: QWidget) -> None:
        self.add_field(key, label, widget)
        self.rows[key] = self.form.rowCount() - 1

    def _label(self, key: str, text: str) -> None:
        item = self.form.itemAt(self.rows[key], QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            item.widget().setText(text)  # type: ignore[attr-defined]

    def kind(self) -> StudyKind:
        return StudyKind(self.kind_combo.currentData())

    def choose_kind(self, kind: StudyKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def choose_person(self, person_id: uuid.UUID) -> None:
        index = self.person_combo.findData(str(person_id))
        if index >= 0:
            self.person_combo.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        kind = self.kind()
        shown = {
            StudyKind.SELF_STUDY: {"hours"},
            StudyKind.ARTICLE: {"organiser", "level", "evidence_file"},
            StudyKind.TRAINING: {"hours", "organiser", "level"},
            StudyKind.CERTIFICATE: {"organiser", "certificate_no", "evidence_file"},
        }[kind]
        for key in ("hours", "organiser", "level", "certificate_no", "evidence_file"):
            self.form.setRowVisible(self.rows[key], key in shown)
        self._label("title", {
            StudyKind.SELF_STUDY: self.tr("&Topic:"), StudyKind.ARTICLE: self.tr("&Title:"),
            StudyKind.TRAINING: self.tr("Training &title:"), StudyKind.CERTIFICATE: self.tr("Certificate &name:"),
        }[kind])
        self._label("organiser", {
            StudyKind.ARTICLE: self.tr("Published &in:"), StudyKind.TRAINING: self.tr("&Organiser:"),
            StudyKind.CERTIFICATE: self.tr("&Issued by:"),
        }.get(kind, self.tr("&Organiser:")))
        self._label("level", self.tr("Adopted at &level:") if kind is StudyKind.ARTICLE else self.tr("&Tier:"))
        self.level_combo.clear()
        if kind is StudyKind.ARTICLE:
            for level in self.rules.article_levels:
                self.level_combo.addItem(level.name, level.code)
        elif kind is StudyKind.TRAINING:
            for tier in self.rules.tiers:
                self.level_combo.addItem(tier.name, tier.code)
        self._own_tier()
        text = self.title_edit.currentText()
        self.title_edit.clear()
        if kind is StudyKind.CERTIFICATE:
            self.title_edit.addItems(list(self.rules.certificate_kinds))
        self.title_edit.setEditText(text if kind is not StudyKind.CERTIFICATE else "")

    def _own_tier(self) -> None:
        """A training is most often one of the person's own tier: offer that first."""
        if self.kind() is StudyKind.TRAINING:
            index = self.level_combo.findData(self.tiers.get(self.person_combo.currentData(), ""))
            if index >= 0:
                self.level_combo.setCurrentIndex(index)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Evidence file"))
        if path:
            self.file_edit.setText(path)

    def values(self) -> StudyInput:
        kind = self.kind()
        person = self.person_combo.currentData()
        file_text = self.file_edit.text().strip()
        with_hours = kind in (StudyKind.SELF_STUDY, StudyKind.TRAINING)
        with_organiser = kind is not StudyKind.SELF_STUDY
        return StudyInput(
            kind=kind, on_date=pydate(self.date_edit.date()), title=self.title_edit.currentText(),
            hours=self.hours_edit.text().strip() if with_hours else None,
            organiser=self.organiser_edit.text() if with_organiser else "",
            level=str(self.level_combo.currentData() or "") if kind in (StudyKind.ARTICLE, StudyKind.TRAINING) else "",
            certificate_no=self.number_edit.text() if kind is StudyKind.CERTIFICATE else "",
            note=self.note_edit.toPlainText(),
            evidence_file=Path(file_text) if file_text and kind in (StudyKind.ARTICLE, StudyKind.CERTIFICATE) else None,
            user_id=uuid.UUID(person) if person else None)


class WithdrawDialog(FormDialog):
    def __init__(self, item: StudyItem, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Withdraw a study record"), parent)
        self.setStyleSheet(FORM_STYLE)
        self.set_intro(f"{item.person} {item.on_date:%Y-%m-%d} {item.kind.label}：{item.title}")
        self.reason_edit = text_box(60)
        self.add_field("reason", self.tr("&Why:"), self.reason_edit)


class StudyPage(QWidget):
    statusChanged = Signal(str)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.study = services.study
        self.runner = runner
        self.rules: StudyRules | None = None
        self.people: list[PersonItem] = []
        self.items: list[StudyItem] = []
        self.register: StudyRegister | None = None
        self.is_county = False
        self.may_manage = False
        self.may_record = False
        self.last_dialog: FormDialog | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self._loaded = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("views")
        self.tabs.addTab(self._records_tab(), self.tr("Study records"))
        self.register_index = self.tabs.addTab(self._register_tab(), self.tr("Quarterly register"))
        outer.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)

    # ------------------------------------------------------------ layout

    def _records_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.records_office_label = QLabel(self.tr("O&ffice:"))
        self.records_office_combo = QComboBox()
        self.records_office_combo.setObjectName("recordsOffice")
        self.records_office_combo.setMinimumContentsLength(12)
        self.records_office_label.setBuddy(self.records_office_combo)
        self.person_label = QLabel(self.tr("&Person:"))
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("person")
        # Names are filled in later: size for the longest ("欧阳晓梅（本人）") rather than the first.
        self.person_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.person_combo.setMinimumContentsLength(10)
        self.person_label.setBuddy(self.person_combo)
        year_label = QLabel(self.tr("&Year:"))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        year_label.setBuddy(self.year_combo)
        self.add_button = QPushButton(self.tr("&Add record…"))
        self.add_button.setObjectName("add")
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.withdraw_button.setObjectName("withdraw")
        self.card_button = QPushButton(self.tr("Print record &card…"))
        self.card_button.setObjectName("printCard")
        for widget in (self.records_office_label, self.records_office_combo, self.person_label, self.person_combo,
                       year_label, self.year_combo):
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.add_button, self.withdraw_button, self.card_button):
            bar.addWidget(button)
        column.addLayout(bar)
        self.week_label = QLabel()
        self.week_label.setObjectName("week")
        self.week_label.setWordWrap(True)
        column.addWidget(self.week_label)
        self.records_table = make_table("records", [
            self.tr("Date"), self.tr("Kind"), self.tr("Topic / title"), self.tr("Hours"), self.tr("Particulars"),
            self.tr("Recorded by"), self.tr("Recorded at")], 2)
        size_columns(self.records_table, {0: "2026-11-23", 1: "调研文章", 3: "000.0",
                                          4: "市自然资源局《自然资源工作信息》；市级采用", 5: "王晓梅",
                                          6: "2026-11-23 10:00"})
        column.addWidget(self.records_table, 1)
        self.records_office_combo.activated.connect(lambda _i: self._office_for_records_changed())
        self.person_combo.activated.connect(lambda _i: self.load_records())
        self.year_combo.activated.connect(lambda _i: self.load_records())
        self.add_button.clicked.connect(lambda: self.open_record_dialog())
        self.withdraw_button.clicked.connect(lambda: self.open_withdraw_dialog())
        self.card_button.clicked.connect(lambda: self.print_card())
        return tab

    def _register_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        quarter_label = QLabel(self.tr("&Quarter:"))
        self.quarter_combo = QComboBox()
        self.quarter_combo.setObjectName("quarter")
        quarter_label.setBuddy(self.quarter_combo)
        self.office_label = QLabel(self.tr("&Office:"))
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.office_combo.setMinimumContentsLength(12)
        self.office_label.setBuddy(self.office_combo)
        self.print_button = QPushButton(self.tr("&Print register…"))
        self.print_button.setObjectName("printRegister")
        self.excel_button = QPushButton(self.tr("E&xcel…"))
        self.excel_button.setObjectName("exportRegister")
        for widget in (quarter_label, self.quarter_combo, self.office_label, self.office_combo):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.excel_button)
        column.addLayout(bar)
        self.rate_label = QLabel()
        self.rate_label.setObjectName("rate")
        self.rate_label.setWordWrap(True)
        column.addWidget(self.rate_label)
        split = QSplitter(Qt.Orientation.Vertical)
        self.summary_table = make_table("summary", [
            self.tr("Code"), self.tr("Office"), self.tr("Counted"), self.tr("Met"), self.tr("Short"),
            self.tr("Pending"), self.tr("Person-weeks short"), self.tr("Without article"),
            self.tr("Compliance")], 1)
        size_columns(self.summary_table, {0: "370702101", 2: "000", 3: "000", 4: "000", 5: "000", 6: "0000",
                                          7: "000", 8: "100.0%"})
        split.addWidget(self.summary_table)
        self.register_table = make_table("register", self._register_headers(), 11)
        split.addWidget(self.register_table)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        column.addWidget(split, 1)
        self.quarter_combo.activated.connect(lambda _i: self.load_register())
        self.office_combo.activated.connect(lambda _i: self.load_register())
        self.print_button.clicked.connect(lambda: self.print_register())
        self.excel_button.clicked.connect(lambda: self.export_register())
        self.register_table.cellActivated.connect(lambda row, _c: self.open_person(row))
        return tab

    def _register_headers(self) -> list[str]:
        return [self.tr("Office"), self.tr("Full name"), self.tr("Cadre tier"), self.tr("Weeks judged"), self.tr("Weeks short"),
                self.tr("Self-study h"), self.tr("Articles"), self.tr("Trainings"), self.tr("Tier training h"),
                self.tr("Certificates"), self.tr("Result"), self.tr("Falls short in")]

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Called when the page is shown: the pickers once, then the records and the register."""
        if self._loaded:
            self.reload()
            return
        study = self.study

        def fetch() -> dict[str, Any]:
            return {"rules": study.rules(), "county": study.is_county(), "manage": study.may_manage(),
                    "record": study.may_record(), "offices": study.offices(), "quarters": study.quarters(),
                    "today": self.services.ctx.today()}

        self.runner.run(fetch, self._setup, lambda exc: show_error(self, exc))

    def _setup(self, found: dict[str, Any]) -> None:
        self.rules = found["rules"]
        self.is_county, self.may_manage, self.may_record = found["county"], found["manage"], found["record"]
        offices: list[StudyOffice] = found["offices"]
        today: dt.date = found["today"]
        self.year_combo.clear()
        for year in range(today.year, today.year - 5, -1):
            self.year_combo.addItem(str(year), year)
        self.quarter_combo.clear()
        for year, quarter in found["quarters"]:
            self.quarter_combo.addItem(self.tr("{year} Q{quarter}").format(year=year, quarter=quarter),
                                       (year, quarter))
        self.office_combo.clear()
        self.records_office_combo.clear()
        if self.is_county:
            self.office_combo.addItem(self.tr("All townships"), None)
        for office in offices:
            self.office_combo.addItem(f"{office.name}（{office.code}）", str(office.id))
            self.records_office_combo.addItem(f"{office.name}（{office.code}）", str(office.id))
        for widget in (self.office_label, self.office_combo, self.records_office_label, self.records_office_combo):
            widget.setVisible(self.is_county)
        self.summary_table.setVisible(self.is_county)
        self.register_table.setColumnHidden(0, not self.is_county)
        self.tabs.setTabEnabled(self.register_index, self.may_manage)
        self.add_button.setVisible(self.may_record)
        self.withdraw_button.setVisible(self.may_record)
        self._loaded = True
        self.reload()

    def reload(self) -> None:
        if not self._loaded:
            self.refresh()
            return
        self._load_people()
        if self.may_manage:
            self.load_register()

    def _office_for_records_changed(self) -> None:
        self._load_people()

    def _load_people(self) -> None:
        study = self.study
        office = self.records_office_combo.currentData() if self.is_county else None
        if self.is_county and office is None:
            self.people = []
            self._fill_people()
            return
        office_id = uuid.UUID(office) if office else None
        self.runner.run(lambda: study.people(office_id), self._people_fetched, lambda exc: show_error(self, exc))

    def _people_fetched(self, people: list[PersonItem]) -> None:
        self.people = people
        self._fill_people()
        self.load_records()

    def _fill_people(self) -> None:
        chosen = self.person_combo.currentData()
        me = self.services.ctx.user_id
        self.person_combo.clear()
        for person in self.people:
            self.person_combo.addItem(person.name + (self.tr(" (me)") if person.id == me else ""), str(person.id))
        index = self.person_combo.findData(chosen) if chosen else -1
        if index < 0 and me is not None:
            index = self.person_combo.findData(str(me))
        self.person_combo.setCurrentIndex(max(index, 0))
        many = len(self.people) > 1 or self.is_county
        self.person_label.setVisible(many)
        self.person_combo.setVisible(many)

    def chosen_person(self) -> uuid.UUID | None:
        data = self.person_combo.currentData()
        return uuid.UUID(data) if data else None

    def year(self) -> int:
        value = self.year_combo.currentData()
        return int(value) if value is not None else self.services.ctx.today().year

    def load_records(self) -> None:
        person = self.chosen_person()
        if person is None:
            self.items = []
            self._fill_records(Decimal(0))
            return
        study, year = self.study, self.year()

        def fetch() -> tuple[list[StudyItem], Decimal]:
            return study.records(person, year), study.week_hours(person)

        self.runner.run(fetch, lambda found: self._records_fetched(*found), lambda exc: show_error(self, exc))

    def _records_fetched(self, items: list[StudyItem], week: Decimal) -> None:
        self.items = items
        self._fill_records(week)

    def _fill_records(self, week: Decimal) -> None:
        table = self.records_table
        table.setRowCount(0)
        table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            details = [d for d in (item.organiser, item.level_name,
                                   self.tr("No. {number}").format(number=item.certificate_no)
                                   if item.certificate_no else "",
                                   self.tr("File {name}").format(name=item.evidence_file)
                                   if item.evidence_file else "") if d]
            text = "；".join(details)
            fill_row(table, row, [f"{item.on_date:%Y-%m-%d}", item.kind.label, item.title,
                                  fmt_hours(item.hours) if item.hours else "", text, item.recorded_by,
                                  local_time(item.recorded_at)], item.id, None, {2: item.title, 4: text})
            table.item(row, 3).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if item.withdrawn:
                tip = self.tr("Withdrawn by {who}: {reason}").format(who=item.withdrawn_by, reason=item.withdraw_reason)
                for column in range(table.columnCount()):
                    cell = table.item(row, column)
                    font = cell.font()
                    font.setStrikeOut(True)
                    cell.setFont(font)
                    cell.setForeground(WITHDRAWN_FG)
                    cell.setToolTip(tip)
        rules = self.rules
        person = next((p for p in self.people if p.id == self.chosen_person()), None)
        if rules is None or person is None:
            self.week_label.clear()
            return
        need = rules.weekly_self_study_hours
        standing = [i for i in self.items if not i.withdrawn]
        self.week_label.setText(self.tr(
            "{name} ({tier}): {hours} of {need} hours of self-study this week; {count} records in {year}.").format(
            name=person.name, tier=person.tier_name, hours=fmt_hours(week), need=fmt_hours(need),
            count=len(standing), year=self.year()))
        self.week_label.setStyleSheet(GOOD_STYLE if week >= need else "color: #a84f00;")
        self.withdraw_button.setEnabled(self.may_record)
        self.statusChanged.emit(self.tr("{count} study records").format(count=len(standing)))

    def chosen_quarter(self) -> tuple[int, int] | None:
        data = self.quarter_combo.currentData()
        return (int(data[0]), int(data[1])) if data else None

    def chosen_office(self) -> uuid.UUID | None:
        data = self.office_combo.currentData() if self.is_county else None
        return uuid.UUID(data) if data else None

    def load_register(self) -> None:
        chosen = self.chosen_quarter()
        if chosen is None or not self.may_manage:
            return
        study, office = self.study, self.chosen_office()
        self.runner.run(lambda: study.register(chosen[0], chosen[1], office), self._show_register,
                        lambda exc: show_error(self, exc))

    def _show_register(self, register: StudyRegister) -> None:
        self.register = register
        summary = self.summary_table
        summary.setRowCount(0)
        summary.setRowCount(len(register.offices))
        for row, office in enumerate(register.offices):
            pending = sum(1 for x in office.lines if x.status is LineStatus.PENDING)
            fill_row(summary, row, [office.office.code, office.office.name, str(office.counted), str(office.met),
                                    str(len(office.short)), str(pending), str(office.person_weeks_short),
                                    str(office.articles_short), rate_text(office.compliance_rate)],
                     office.office.id, (SHORT_FG, SHORT_BG) if office.short else None)
        table = self.register_table
        lines = [(office.office, line) for office in register.offices for line in office.lines]
        table.setRowCount(0)
        table.setRowCount(len(lines))
        for row, (office, line) in enumerate(lines):
            tier = fmt_hours(line.tier_training_hours) + (f"/{fmt_hours(line.tier_training_required)}"
                                                          if line.tier_training_required else "")
            articles = f"{line.articles}/{line.articles_required}"
            status = line.status
            colours = ((SHORT_FG, SHORT_BG) if status is LineStatus.SHORT
                       else (PENDING_FG, QColor("white")) if status is LineStatus.PENDING else None)
            reasons = line.reasons()
            fill_row(table, row, [office.name, line.person.name, line.person.tier_name, str(line.weeks_judged),
                                  str(line.weeks_short), fmt_hours(line.self_study_hours), articles,
                                  f"{line.trainings}/{fmt_hours(line.training_hours)}", tier, str(line.certificates),
                                  status.label, reasons], line.person.id, colours, {11: reasons})
            for column in range(3, 10):
                table.item(row, column).setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        short = sum(len(o.short) for o in register.offices)
        counted = len(lines)
        text = self.tr("{label}: {counted} people counted, {short} fall short; compliance {rate}.").format(
            label=register.label, counted=counted, short=short, rate=rate_text(register.compliance_rate))
        if not register.ended:
            text += " " + self.tr("The quarter is not over: weeks not yet ended are not judged, and a missing "
                                  "article is only pending.")
        if register.calendar_uncertain:
            text += " " + self.tr("No holiday arrangement for {year} in the work calendar: Monday to Friday "
                                  "counted as working days.").format(year=register.year)
        self.rate_label.setText(text)
        self.rate_label.setStyleSheet(BAD_STYLE if short else GOOD_STYLE)
        has_lines = bool(register.offices)
        self.print_button.setEnabled(has_lines)
        self.excel_button.setEnabled(has_lines)
        self.statusChanged.emit(text)

    # ------------------------------------------------------------ actions

    def open_record_dialog(self) -> RecordDialog | None:
        if self.rules is None or not self.may_record:
            return None
        me = self.services.ctx.user_id
        people = self.people if self.may_manage else [p for p in self.people if p.id == me]
        dialog = RecordDialog(self.rules, people, me, self.services.ctx.today(), self)
        chosen = self.chosen_person()
        if chosen is not None and self.may_manage:
            dialog.choose_person(chosen)
        study = self.study
        dialog.bind(self.runner, lambda: study.record(dialog.values()))
        dialog.accepted.connect(self.reload)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def selected_item(self) -> StudyItem | None:
        row = self.records_table.currentRow()
        cell = self.records_table.item(row, 0) if row >= 0 else None
        key = cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None
        return next((i for i in self.items if str(i.id) == key), None)

    def open_withdraw_dialog(self) -> WithdrawDialog | None:
        item = self.selected_item()
        if item is None or item.withdrawn:
            return None
        dialog = WithdrawDialog(item, self)
        study = self.study
        box = dialog.reason_edit
        if not isinstance(box, QPlainTextEdit):  # pragma: no cover - always a text box
            return None
        dialog.bind(self.runner, lambda: study.withdraw(item.id, box.toPlainText()))
        dialog.accepted.connect(self.reload)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_person(self, row: int) -> None:
        """From a register line to that person's records."""
        cell = self.register_table.item(row, 0)
        register = self.register
        if cell is None or register is None:
            return
        person_id = cell.data(Qt.ItemDataRole.UserRole)
        office = next((o.office for o in register.offices for x in o.lines if str(x.person.id) == person_id), None)
        if self.is_county and office is not None:
            self.records_office_combo.setCurrentIndex(self.records_office_combo.findData(str(office.id)))
        self.person_combo.clear()
        self.person_combo.addItem("", person_id)  # kept as the choice while the people load
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(register.year)))
        self.tabs.setCurrentIndex(0)
        self._load_people()

    def print_card(self) -> None:
        person, year = self.chosen_person(), self.year()
        if person is None:
            return
        study = self.study

        def make() -> tuple[str, bytes]:
            from app.printing.study_docs import render_card

            card = study.card(person, year)
            return f"{card.person.name} {year}年度个人学习记录卡", render_card(card)

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def print_register(self) -> None:
        register = self.register
        if register is None:
            return

        def make() -> tuple[str, bytes]:
            from app.printing.study_docs import render_register

            return f"{register.label}学习情况登记表", render_register(register)

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def _preview(self, made: tuple[str, bytes]) -> None:
        show_preview(self, *made)

    def export_register(self, path: Path | None = None) -> None:
        register = self.register
        if register is None:
            return
        if path is None:
            path = ask_xlsx_path(self, self.tr("Export register"), f"{register.label}学习情况登记表.xlsx")
            if path is None:
                return
        elif path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        target = path

        def write() -> Path:
            from app.reports.study_excel import write_register_xlsx

            return write_register_xlsx(register, target)

        self.runner.run(write, lambda p: self.statusChanged.emit(self.tr("Saved {path}").format(path=p)),
                        lambda exc: show_error(self, exc))


__all__ = ["RecordDialog", "StudyPage", "WithdrawDialog"]
