"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.services import Services
from app.services.cases import DueFilter
from app.services.intake import CaseStatus
from ui.calendar_page import CalendarPage
from ui.case_detail import CaseDetailDialog
from ui.cases_page import CasesPage
from ui.home_page import HomePage
from ui.intake_page import IntakePage
from ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, services: Services, runner: TaskRunner, data_folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.data_folder = data_folder
        office = services.office.office()
        self.setWindowTitle(self.tr("landdesk — {office}").format(office=office.name))
        self.resize(1280, 720)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 12pt; } QListWidget::item { padding: 10px; }")
        self.stack = QStackedWidget()
        self.home = HomePage(services, runner)
        self.intake = IntakePage(services, runner)
        self.cases = CasesPage(services, runner)
        self.calendar = CalendarPage(services, runner)
        pages: list[tuple[str, QWidget, str]] = [
            (self.tr("Home"), self.home, "Ctrl+1"),
            (self.tr("Intake"), self.intake, "Ctrl+2"),
            (self.tr("Cases"), self.cases, "Ctrl+3"),
            (self.tr("Working calendar"), self.calendar, "Ctrl+4"),
        ]
        for index, (title, page, shortcut) in enumerate(pages):
            item = QListWidgetItem(title)
            item.setToolTip(shortcut)
            self.nav.addItem(item)
            self.stack.addWidget(page)
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self._show_page)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menu()
        user = services.office.current_user()
        self.status_label = QLabel(self.tr("{office} ({code}) · {user} · database: {db}").format(
            office=office.name, code=office.code, user=user.display_name, db=services.ctx.db.url))
        self.statusBar().addWidget(self.status_label, 1)

        self.home.openList.connect(self.show_cases)
        self.home.newIntake.connect(self.new_intake)
        self.intake.decided.connect(lambda _outcome: self.home.refresh())
        self.cases.continueIntake.connect(self.continue_intake)
        self.nav.setCurrentRow(0)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = file_menu.addAction(self.tr("&New application"))
        new.setShortcut(QKeySequence("Ctrl+N"))
        new.triggered.connect(self.new_intake)
        find = file_menu.addAction(self.tr("&Find case"))
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.triggered.connect(self.find_case)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("E&xit"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About landdesk"))
        about.triggered.connect(self.show_about)

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
        if page is self.intake:
            self.intake.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------ navigation

    def new_intake(self) -> None:
        if not self.intake.has_unsaved_input():
            self.intake.start_new()
        self.nav.setCurrentRow(1)

    def continue_intake(self, case_id: uuid.UUID) -> None:
        self.intake.continue_case(case_id)
        self.nav.setCurrentRow(1)

    def show_cases(self, status: CaseStatus | None = None, due: DueFilter = DueFilter.ANY) -> None:
        self.nav.setCurrentRow(2)
        self.cases.set_filter(status, due)

    def find_case(self) -> None:
        self.nav.setCurrentRow(2)
        self.cases.focus_search()

    def open_case(self, case_id: uuid.UUID) -> CaseDetailDialog:
        dialog = CaseDetailDialog(self.services, self.runner, case_id, self)
        dialog.continueRequested.connect(self.continue_intake)
        dialog.open()
        return dialog

    def offer_drafts(self) -> None:
        """After a crash or power cut: offer the intake forms that were being filled in."""
        drafts = self.services.drafts.list()
        if not drafts:
            return
        newest = drafts[0]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unfinished application"),
                          self.tr("An application for {name} was being entered when landdesk last "
                                  "closed ({count} draft(s) in all). Continue it now?").format(
                              name=newest.applicant_name or self.tr("(no name yet)"), count=len(drafts)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("draft_offer")

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self.intake.restore_draft(newest.id)
                self.nav.setCurrentRow(1)

        box.finished.connect(answered)
        box.open()

    def show_about(self) -> None:
        db = self.services.ctx.db
        size = ""
        if db.sqlite_path and db.sqlite_path.exists():
            size = f"{db.sqlite_path.stat().st_size / 1024 / 1024:.1f} MB"
        text = self.tr("landdesk {version}\nData folder: {folder}\nDatabase: {db} {size}").format(
            version=__version__, folder=self.data_folder or "", db=db.url, size=size)
        QMessageBox.about(self, self.tr("About landdesk"), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.wait()
        super().closeEvent(event)
