"""The working-day calendar: holidays and make-up working days per year, and a deadline check.

Time limits count working days only, so this table decides every due date the
office prints. The bundled data (chinesecalendar) stops at the year it was
released; a year not marked as published is shown with a banner, and deadlines
that fall into it are flagged as tentative everywhere.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QDateEdit,
    QFileDialog,
        QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services import Services
from app.workcalendar import CalendarEntry, WorkCalendar, coverage_warning
from ui.errors import show_error
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.holiday_file import HolidayArrangement, HolidayImport

HOLIDAY_COLOUR = QColor("#c62828")
HOLIDAY_BACKGROUND = QColor("#fde7e7")
MAKEUP_COLOUR = QColor("#1565c0")
MAKEUP_BACKGROUND = QColor("#e3f0ff")
WEEKEND_COLOUR = QColor("#8a8a8a")
ERROR_STYLE = "color: #b00020;"
BANNER_STYLE = ("color: #7a4a00; background: #fff4d6; border: 1px solid #f0c36d; "
                "border-radius: 3px; padding: 6px; font-weight: bold;")
NOTE_STYLE = "color: #a84f00;"

KIND_NORMAL = 0
KIND_HOLIDAY = 1
KIND_MAKEUP = 2


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class CalendarPage(QWidget):
    changed = Signal()  # the calendar was edited (deadlines shown elsewhere may change)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.calendar: WorkCalendar = services.reference.calendar()
        self.published: set[int] = set()
        self._formatted: list[QDate] = []
        self._weekdays = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                          self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                          self.tr("Sunday")]
        today = services.ctx.today()

        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        year_label = QLabel(self.tr("Year:"))
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.year_spin.setMinimumWidth(90)
        year_label.setBuddy(self.year_spin)
        top.addWidget(year_label)
        top.addWidget(self.year_spin)
        top.addSpacing(16)
        self.published_check = QCheckBox()
        self.published_check.setObjectName("published")
        self.published_check.setToolTip(self.tr(
            "Tick once every holiday and make-up working day of the year's official notice is "
            "entered. Until then deadlines falling in this year are marked tentative."))
        top.addWidget(self.published_check)
        top.addStretch(1)
        self.import_button = QPushButton(self.tr("&Import a holiday file…"))
        self.import_button.setObjectName("importHolidays")
        self.import_button.setToolTip(self.tr(
            "Load a year's official arrangement (holidays and make-up working days) from a file "
            "the county sends; see docs/calendar.md for the format."))
        self.import_button.clicked.connect(self.choose_holiday_file)
        top.addWidget(self.import_button)
        layout.addLayout(top)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        layout.addWidget(self.banner)

        body = QHBoxLayout()
        layout.addLayout(body, 1)

        # Left: the month grid, its legend, and the form that edits the selected day.
        left = QVBoxLayout()
        body.addLayout(left, 3)
        self.grid = QCalendarWidget()
        self.grid.setObjectName("grid")
        self.grid.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.grid.setGridVisible(True)
        self.grid.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.grid.setMinimumSize(430, 260)
        weekend = QTextCharFormat()
        weekend.setForeground(QBrush(WEEKEND_COLOUR))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.grid.setWeekdayTextFormat(day, weekend)
        self.grid.setSelectedDate(_qdate(today))
        left.addWidget(self.grid, 1)
        left.addLayout(self._legend())

        edit = QGroupBox(self.tr("Change the selected day"))
        edit_layout = QVBoxLayout(edit)
        self.day_label = QLabel()
        self.day_label.setObjectName("day")
        edit_layout.addWidget(self.day_label)
        kinds = QHBoxLayout()
        self.kind_group = QButtonGroup(self)
        self.normal_radio = QRadioButton(self.tr("Normal (Mon–Fri rule)"))
        self.holiday_radio = QRadioButton(self.tr("Holiday (off)"))
        self.makeup_radio = QRadioButton(self.tr("Make-up working day"))
        for kind, radio in ((KIND_NORMAL, self.normal_radio), (KIND_HOLIDAY, self.holiday_radio),
                            (KIND_MAKEUP, self.makeup_radio)):
            self.kind_group.addButton(radio, kind)
            kinds.addWidget(radio)
        kinds.addStretch(1)
        edit_layout.addLayout(kinds)
        name_row = QHBoxLayout()
        name_label = QLabel(self.tr("Name:"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("e.g. 春节 or 春节调休"))
        name_label.setBuddy(self.name_edit)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_button)
        edit_layout.addLayout(name_row)
        self.name_error = QLabel()
        self.name_error.setObjectName("name_error")
        self.name_error.setStyleSheet(ERROR_STYLE)
        self.name_error.setWordWrap(True)
        self.name_error.hide()
        edit_layout.addWidget(self.name_error)
        left.addWidget(edit)

        # Right: the year's exceptions and the deadline calculator.
        right = QVBoxLayout()
        body.addLayout(right, 2)
        self.list_title = QLabel()
        right.addWidget(self.list_title)
        self.entries_table = QTableWidget(0, 4)
        self.entries_table.setObjectName("entries")
        self.entries_table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Weekday"), self.tr("Off/Work"), self.tr("Name")])
        self.entries_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries_table.verticalHeader().setVisible(False)
        self.entries_table.verticalHeader().setDefaultSectionSize(
            self.entries_table.fontMetrics().height() + 8)
        header = self.entries_table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        right.addWidget(self.entries_table, 1)

        calc = QGroupBox(self.tr("Deadline calculator"))
        calc_layout = QVBoxLayout(calc)
        inputs = QHBoxLayout()
        self.start_edit = QDateEdit()
        self.start_edit.setObjectName("start")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.setDate(_qdate(today))
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("days")
        self.days_spin.setRange(0, 999)
        self.days_spin.setValue(20)
        self.days_spin.setSuffix(self.tr(" working days"))
        start_label = QLabel(self.tr("Accepted on:"))
        start_label.setBuddy(self.start_edit)
        days_label = QLabel(self.tr("Time limit:"))
        days_label.setBuddy(self.days_spin)
        inputs.addWidget(start_label)
        inputs.addWidget(self.start_edit)
        inputs.addSpacing(12)
        inputs.addWidget(days_label)
        inputs.addWidget(self.days_spin)
        inputs.addStretch(1)
        calc_layout.addLayout(inputs)
        result = QHBoxLayout()
        result.addWidget(QLabel(self.tr("Due date:")))
        self.due_label = QLabel()
        self.due_label.setObjectName("due")
        font = self.due_label.font()
        font.setBold(True)
        self.due_label.setFont(font)
        self.due_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result.addWidget(self.due_label, 1)
        calc_layout.addLayout(result)
        self.note_label = QLabel()
        self.note_label.setObjectName("note")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(NOTE_STYLE)
        calc_layout.addWidget(self.note_label)
        hint = QLabel(self.tr("Counting starts the day after acceptance; 0 means on the spot."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        calc_layout.addWidget(hint)
        right.addWidget(calc)

        self.year_spin.valueChanged.connect(self._year_changed)
        self.grid.currentPageChanged.connect(self._page_changed)
        self.grid.selectionChanged.connect(self._day_selected)
        self.entries_table.itemSelectionChanged.connect(self._entry_selected)
        self.kind_group.idToggled.connect(self._kind_toggled)
        self.name_edit.textEdited.connect(lambda _t: self.name_error.hide())
        self.name_edit.returnPressed.connect(self.save_day)
        self.save_button.clicked.connect(self.save_day)
        self.published_check.clicked.connect(self._set_published)
        self.start_edit.dateChanged.connect(lambda _d: self.compute())
        self.days_spin.valueChanged.connect(lambda _v: self.compute())

        self.refresh()

    def _legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        for fg, bg, text, bold in (
            (HOLIDAY_COLOUR, HOLIDAY_BACKGROUND, self.tr("Holiday"), False),
            (MAKEUP_COLOUR, MAKEUP_BACKGROUND, self.tr("Make-up working day"), True),
            (WEEKEND_COLOUR, QColor("#ffffff"), self.tr("Weekend"), False),
        ):
            label = QLabel(text)
            weight = "bold" if bold else "normal"
            label.setStyleSheet(f"color: {fg.name()}; background: {bg.name()}; "
                                f"font-weight: {weight}; padding: 2px 6px; "
                                "border: 1px solid #ddd; border-radius: 3px;")
            row.addWidget(label)
        row.addStretch(1)
        return row

    # ------------------------------------------------------------ showing

    @property
    def year(self) -> int:
        return self.year_spin.value()

    def refresh(self) -> None:
        """Reload the calendar from the database and redraw everything."""
        self.calendar = self.services.reference.calendar()
        self.published = set(self.services.reference.calendar_years())
        self._show_year()
        self._day_selected()
        self.compute()

    def _year_changed(self, year: int) -> None:
        if self.grid.yearShown() != year:
            # Chosen in the year box: show the same month of that year and select the same
            # day there, so the form below never edits a day of another year.
            month = self.grid.monthShown()
            selected = self.grid.selectedDate()
            day = QDate(year, selected.month(), 1)
            day = day.addDays(min(selected.day(), day.daysInMonth()) - 1)
            self.grid.blockSignals(True)
            self.grid.setSelectedDate(day)
            self.grid.setCurrentPage(year, month)
            self.grid.blockSignals(False)
            self._show_year()
            self._day_selected()
            return
        self._show_year()

    def _page_changed(self, year: int, _month: int) -> None:
        if year != self.year_spin.value():
            self.year_spin.setValue(year)  # → _year_changed → _show_year

    def _show_year(self) -> None:
        year = self.year
        published = year in self.published
        self.banner.setText(self.tr(
            "The holiday arrangement for {year} has not been entered: deadlines are counted by "
            "weekends only and marked tentative").format(year=year))
        self.banner.setVisible(not published)
        self.published_check.blockSignals(True)
        self.published_check.setChecked(published)
        self.published_check.setText(
            self.tr("The {year} arrangement is completely entered").format(year=year))
        self.published_check.blockSignals(False)

        entries = self.calendar.entries_for_year(year)
        self._format_grid(entries)
        self.list_title.setText(self.tr("Exceptions to Mon–Fri in {year}: {n}").format(
            year=year, n=len(entries)))
        table = self.entries_table
        table.blockSignals(True)
        table.clearSelection()
        table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            colour = MAKEUP_COLOUR if entry.is_workday else HOLIDAY_COLOUR
            values = [entry.day.isoformat(), self._weekdays[entry.day.weekday()],
                      self.tr("Work") if entry.is_workday else self.tr("Off"), entry.name]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, entry.day)
                if column == 2:
                    item.setForeground(QBrush(colour))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        table.blockSignals(False)
        self._select_entry_row(self._selected_day())

    def _format_grid(self, entries: list[CalendarEntry]) -> None:
        self.grid.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date's format
        for entry in entries:
            fmt = QTextCharFormat()
            if entry.is_workday:
                fmt.setForeground(QBrush(MAKEUP_COLOUR))
                fmt.setBackground(QBrush(MAKEUP_BACKGROUND))
                fmt.setFontWeight(QFont.Weight.Bold)
            else:
                fmt.setForeground(QBrush(HOLIDAY_COLOUR))
                fmt.setBackground(QBrush(HOLIDAY_BACKGROUND))
            fmt.setToolTip(entry.name)
            self.grid.setDateTextFormat(_qdate(entry.day), fmt)

    def entry_rows(self) -> list[tuple[str, str, str, str]]:
        """The exceptions list as shown (for tests and screen readers)."""
        table = self.entries_table
        return [tuple(table.item(r, c).text() for c in range(4))  # type: ignore[misc]
                for r in range(table.rowCount())]

    # ------------------------------------------------------------ selecting a day

    def _selected_day(self) -> dt.date:
        return _pydate(self.grid.selectedDate())

    def select_day(self, day: dt.date) -> None:
        self.grid.setSelectedDate(_qdate(day))
        self.grid.setCurrentPage(day.year, day.month)

    def _entry_selected(self) -> None:
        items = self.entries_table.selectedItems()
        if items:
            day = items[0].data(Qt.ItemDataRole.UserRole)
            if isinstance(day, dt.date) and day != self._selected_day():
                self.select_day(day)

    def _select_entry_row(self, day: dt.date) -> None:
        table = self.entries_table
        table.blockSignals(True)
        table.clearSelection()
        for row in range(table.rowCount()):
            if table.item(row, 0).data(Qt.ItemDataRole.UserRole) == day:
                table.selectRow(row)
                table.scrollToItem(table.item(row, 0))
                break
        table.blockSignals(False)

    def _entry_for(self, day: dt.date) -> CalendarEntry | None:
        return next((e for e in self.calendar.entries_for_year(day.year) if e.day == day), None)

    def _day_selected(self) -> None:
        day = self._selected_day()
        entry = self._entry_for(day)
        weekday = self._weekdays[day.weekday()]
        if entry is None:
            state = self.tr("working day") if day.weekday() < 5 else self.tr("weekend")
            kind, name = KIND_NORMAL, ""
        elif entry.is_workday:
            state = self.tr("make-up working day ({name})").format(name=entry.name)
            kind, name = KIND_MAKEUP, entry.name
        else:
            state = self.tr("holiday ({name})").format(name=entry.name)
            kind, name = KIND_HOLIDAY, entry.name
        self.day_label.setText(self.tr("{date} {weekday}: {state}").format(
            date=day.isoformat(), weekday=weekday, state=state))
        button = self.kind_group.button(kind)
        button.setChecked(True)
        self.name_edit.setText(name)
        self.name_edit.setEnabled(kind != KIND_NORMAL)
        self.name_error.hide()
        self._select_entry_row(day)

    def _kind_toggled(self, kind: int, checked: bool) -> None:
        if checked:
            self.name_edit.setEnabled(kind != KIND_NORMAL)
            self.name_error.hide()

    # ------------------------------------------------------------ editing

    def save_day(self) -> None:
        day = self._selected_day()
        kind = self.kind_group.checkedId()
        is_workday = {KIND_NORMAL: None, KIND_HOLIDAY: False, KIND_MAKEUP: True}.get(kind)
        name = self.name_edit.text().strip() if kind != KIND_NORMAL else ""
        if is_workday is not None and not name:
            self._show_name_error(self.tr(
                "Enter the name of the holiday or make-up working day, e.g. 春节 or 春节调休"))
            return
        self.name_error.hide()
        self.save_button.setEnabled(False)
        reference = self.services.reference
        self.runner.run(lambda: reference.set_day(day, is_workday=is_workday, name=name),
                        lambda _r: self._saved(), self._save_failed)

    def _show_name_error(self, message: str) -> None:
        self.name_error.setText(message)
        self.name_error.show()
        self.name_edit.setFocus()

    def _saved(self) -> None:
        self.save_button.setEnabled(True)
        self.refresh()
        self.changed.emit()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field == "name":
            self._show_name_error(exc.message)
        else:
            show_error(self, exc)

    def _set_published(self, checked: bool) -> None:
        year = self.year
        reference = self.services.reference
        self.published_check.setEnabled(False)

        def done(_result: object) -> None:
            self.published_check.setEnabled(True)
            self.refresh()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.published_check.setEnabled(True)
            self.refresh()
            show_error(self, exc)

        self.runner.run(lambda: reference.set_year_published(year, checked), done, failed)

    # ------------------------------------------------------------ holiday files

    def choose_holiday_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Holiday arrangement file"), "",
                                                    self.tr("Holiday files (*.toml);;All files (*)"))
        if name:
            self.import_holiday_file(Path(name))

    def import_holiday_file(self, path: Path) -> QMessageBox:
        """Check the whole file first; nothing is stored unless it is sound and confirmed."""
        from app.holiday_file import HolidayFileError, parse_holiday_file

        try:
            arrangement = parse_holiday_file(path.read_text(encoding="utf-8"), path.name)
        except (OSError, UnicodeDecodeError) as exc:
            return self._message(QMessageBox.Icon.Warning, self.tr(
                "The file could not be read ({error}). Save it as UTF-8 text and try again.").format(error=exc))
        except HolidayFileError as exc:
            return self._message(QMessageBox.Icon.Warning, exc.message)
        days = "\n".join(f"{e.day:%Y-%m-%d}  {self.tr('make-up working day') if e.is_workday else self.tr('holiday')}"
                         f"  {e.name}" for e in arrangement.entries)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import holiday file"), self.tr(
            "Replace the calendar of {year} by this arrangement: {holidays} holidays and {workdays} make-up "
            "working days? The year is then marked complete.").format(
            year=arrangement.year, holidays=arrangement.holidays, workdays=arrangement.workdays),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmHolidayImport")
        box.setDetailedText(days)
        box.finished.connect(lambda r: r == QMessageBox.StandardButton.Yes and self._import(arrangement))
        box.open()
        return box

    def _import(self, arrangement: HolidayArrangement) -> None:
        from app.holiday_file import import_arrangement

        reference = self.services.reference

        def done(result: HolidayImport) -> None:
            self.year_spin.setValue(result.year)
            self.refresh()
            self.changed.emit()
            self._message(QMessageBox.Icon.Information, self.tr(
                "{year}: {holidays} holidays and {workdays} make-up working days loaded; the year is complete.").format(
                year=result.year, holidays=result.holidays, workdays=result.workdays))

        self.runner.run(lambda: import_arrangement(reference, arrangement), done, lambda exc: show_error(self, exc))

    def _message(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, self.tr("Import holiday file"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("holidayImportMessage")
        box.open()
        return box

    # ------------------------------------------------------------ calculator

    def compute(self) -> None:
        start = _pydate(self.start_edit.date())
        days = self.days_spin.value()
        try:
            deadline = self.calendar.add_working_days(start, days)
        except OverflowError:
            self.due_label.setText("")
            self.note_label.setText(self.tr("The due date is beyond the supported range"))
            self.note_label.show()
            return
        text = self.tr("{date} ({weekday})").format(date=deadline.due.isoformat(),
                                                    weekday=self._weekdays[deadline.due.weekday()])
        if deadline.uncertain:
            text = self.tr("{date} (tentative)").format(date=text)
        self.due_label.setText(text)
        note = coverage_warning(deadline)
        self.note_label.setText(note or "")
        self.note_label.setVisible(bool(note))
