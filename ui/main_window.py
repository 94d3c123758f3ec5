"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

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

from app.dto import Role
from ui.errors import log_file, show_error
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services
    from app.services.cases import DueFilter
    from app.services.intake import CaseStatus
    from app.services.office import UserItem
    from app.services.routing import InboxCounts
    from ui.assessment_page import AssessmentPage
    from ui.calendar_page import CalendarPage
    from ui.case_detail import CaseDetailDialog
    from ui.cases_page import CasesPage
    from ui.catalog_page import CatalogPage
    from ui.county_page import CountyPage
    from ui.home_page import HomePage
    from ui.idle_lock import IdleLock
    from ui.inbox_page import InboxFilter, InboxPage
    from ui.inquiry_page import InquiryPage
    from ui.intake_page import IntakePage
    from ui.monthly_page import MonthlyPage
    from ui.packages_page import PackagesPage
    from ui.petitions_page import PetitionsPage
    from ui.registers_page import RegistersPage
    from ui.study_page import StudyPage
    from ui.supervision_page import SupervisionPage
    from ui.targets_page import TargetsPage
    from ui.users_page import UsersPage

# The pages by navigation row (= stack index): attribute on the window, module, class.
_PAGES: tuple[tuple[str, str, str], ...] = (
    ("home", "ui.home_page", "HomePage"),
    ("intake", "ui.intake_page", "IntakePage"),
    ("cases", "ui.cases_page", "CasesPage"),
    ("calendar", "ui.calendar_page", "CalendarPage"),
    ("inbox", "ui.inbox_page", "InboxPage"),
    ("inquiry", "ui.inquiry_page", "InquiryPage"),
    ("supervision", "ui.supervision_page", "SupervisionPage"),
    ("registers_page", "ui.registers_page", "RegistersPage"),
    ("monthly_page", "ui.monthly_page", "MonthlyPage"),
    ("assessment_page", "ui.assessment_page", "AssessmentPage"),
    ("targets_page", "ui.targets_page", "TargetsPage"),
    ("packages_page", "ui.packages_page", "PackagesPage"),
    ("study_page", "ui.study_page", "StudyPage"),
    ("petitions_page", "ui.petitions_page", "PetitionsPage"),
    ("users_page", "ui.users_page", "UsersPage"),
    ("catalog_page", "ui.catalog_page", "CatalogPage"),
    ("county_page", "ui.county_page", "CountyPage"),
)
_ROW = {name: row for row, (name, _module, _cls) in enumerate(_PAGES)}
# Pages whose passing messages ("saved", "exported to …") go to the status bar.
_STATUS_PAGES = {"inquiry", "supervision", "registers_page", "monthly_page", "assessment_page",
                 "targets_page", "packages_page", "study_page", "petitions_page", "county_page"}

P = TypeVar("P")


class _Page(Generic[P]):
    """``window.<name>``: the page, made the first time it is asked for (MainWindow.page)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.row = _ROW[name]

    def __get__(self, window: Any, owner: type | None = None) -> P:
        if window is None:
            return self  # type: ignore[return-value]
        return window.page(self.row)  # type: ignore[no-any-return]


class MainWindow(QMainWindow):
    """Shown before the database is open; ``attach()`` adds the pages once services exist.

    Opening the database means importing SQLAlchemy and the models, which costs
    old PCs most of a second; the window (navigation and a "opening" note) is
    up before that, and the pages follow when the worker hands the services over
    and somebody has signed in: the home page at once, every other page the first
    time it is shown or asked for (``window.intake`` makes the intake page).
    """

    PAGE_SHORTCUTS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+7")

    home: _Page[HomePage] = _Page()
    intake: _Page[IntakePage] = _Page()
    cases: _Page[CasesPage] = _Page()
    calendar: _Page[CalendarPage] = _Page()
    inbox: _Page[InboxPage] = _Page()
    inquiry: _Page[InquiryPage] = _Page()
    supervision: _Page[SupervisionPage] = _Page()
    registers_page: _Page[RegistersPage] = _Page()
    monthly_page: _Page[MonthlyPage] = _Page()
    assessment_page: _Page[AssessmentPage] = _Page()
    targets_page: _Page[TargetsPage] = _Page()
    packages_page: _Page[PackagesPage] = _Page()
    study_page: _Page[StudyPage] = _Page()
    petitions_page: _Page[PetitionsPage] = _Page()
    users_page: _Page[UsersPage] = _Page()
    catalog_page: _Page[CatalogPage] = _Page()
    county_page: _Page[CountyPage] = _Page()

    def __init__(self, services: Services | None, runner: TaskRunner, data_folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: Services | None = None
        self.runner = runner
        self.data_folder = data_folder
        self.setWindowTitle(self.tr("landdesk"))
        self.resize(1280, 720)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 12pt; } QListWidget::item { padding: 10px; }")
        titles = [self.tr("Home"), self.tr("Intake"), self.tr("Cases"), self.tr("Working calendar"),
                  self.tr("My inbox"), self.tr("First inquiries"), self.tr("Supervision")]
        for index, (title, shortcut) in enumerate(zip(titles, self.PAGE_SHORTCUTS, strict=True)):
            item = QListWidgetItem(title)
            item.setToolTip(shortcut)
            self.nav.addItem(item)
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(action)
        self.nav.setEnabled(False)
        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Opening the database…"))
        self.loading.setObjectName("loading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setStyleSheet("font-size: 14pt; color: #555;")
        self.stack.addWidget(self.loading)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.idle_lock: IdleLock | None = None  # set by ui.application.launch
        self.reminder: QMessageBox | None = None  # the last sign-in reminder shown
        self._built: dict[int, QWidget] = {}  # navigation row → page, as each is made
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Show the home page on the now open database (and the county's summary at the county).

        The other pages are made the first time they are shown (or asked for, as
        ``window.intake``): importing and building all seventeen would keep the person who
        just signed in waiting for pages they may not open today. The stack keeps a
        placeholder at each page's navigation row until then.
        """
        self.services = services
        office = services.office.office()
        self.setWindowTitle(self.tr("landdesk — {office}").format(office=office.name))
        self.stack.removeWidget(self.loading)
        self.loading.deleteLater()
        for _row in range(len(_PAGES)):
            self.stack.addWidget(QWidget())  # replaced by the page when it is first wanted
        # Reports, the assessment and 精细化管理: everyone sees them (the core checks who may
        # change what). Users and the catalogue are for administrators; 县局汇总 only where this
        # database is the county bureau's. The stack index stays equal to the navigation row.
        for title in (self.tr("Registers"), self.tr("Monthly report"), self.tr("Assessment"),
                      self.tr("Targets"), self.tr("Task packages"), self.tr("Study supervision"),
                      self.tr("Petition pairing")):
            self.nav.addItem(QListWidgetItem(title))
        admin = Role.ADMIN in services.ctx.roles()
        self.users_item = QListWidgetItem(self.tr("Users"))
        self.nav.addItem(self.users_item)
        self.users_item.setHidden(not admin)
        self.catalog_item = QListWidgetItem(self.tr("Matter catalogue"))
        self.nav.addItem(self.catalog_item)
        self.catalog_item.setHidden(not admin)
        self.is_county = services.county.is_county_office()
        self.county_item = QListWidgetItem(self.tr("County summary"))
        self.nav.addItem(self.county_item)
        self.county_item.setHidden(not self.is_county)
        self.nav.currentRowChanged.connect(self._show_page)
        self.nav.setEnabled(True)
        self._build_menu()
        self._show_user(office.name, office.code, services.office.current_user().display_name)
        # The county bureau works from its summary; a township from its home page.
        self.nav.setCurrentRow(_ROW["county_page"] if self.is_county else _ROW["home"])

    def page(self, row: int) -> QWidget:
        """The page at a navigation row, made (and wired) the first time it is wanted."""
        built = self._built.get(row)
        if built is not None:
            return built
        if self.services is None:
            raise AttributeError(f"no pages before the database is open (row {row})")
        import importlib

        name, module, cls = _PAGES[row]
        page: QWidget = getattr(importlib.import_module(module), cls)(self.services, self.runner)
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._built[row] = page
        self.__dict__[name] = page  # later reads of window.<name> are plain attribute reads
        self._wire(name, page)
        return page

    def make_all_pages(self) -> None:
        """Every page now (the self-test checks that each one's modules are in the bundle)."""
        for row in range(len(_PAGES)):
            self.page(row)

    def built_page(self, name: str) -> QWidget | None:
        """The page if it has been made, without making it."""
        return self._built.get(_ROW[name])

    def _wire(self, name: str, page: QWidget) -> None:
        if name in _STATUS_PAGES:
            page.statusChanged.connect(self._show_status)  # type: ignore[attr-defined]
        if name == "home":
            page.openList.connect(self.show_cases)
            page.newIntake.connect(self.new_intake)
            page.openPage.connect(self._open_management_page)
            page.openInbox.connect(self.show_inbox)
        elif name == "intake":
            page.decided.connect(lambda _outcome: self.home.refresh())
        elif name == "cases":
            page.continueIntake.connect(self.continue_intake)
        elif name == "inbox":
            page.openCase.connect(self.open_case)  # "Case record…" in the routing dialog
            page.changed.connect(lambda: self.home.refresh())
        elif name == "inquiry":
            page.ratingRecorded.connect(self._rating_recorded)
        elif name == "users_page":
            page.idleMinutesChanged.connect(self._idle_minutes_changed)
        elif name == "catalog_page":
            # The intake form lists the matters it was built with: a new catalogue version refreshes it.
            page.saved.connect(self._catalog_saved)

    def _catalog_saved(self, _version: object) -> None:
        intake = self.built_page("intake")
        if intake is not None and self.services is not None:
            intake.matter_combo.set_matters(self.services.reference.matters())  # type: ignore[attr-defined]

    def _idle_minutes_changed(self, minutes: int) -> None:
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(minutes)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = file_menu.addAction(self.tr("&New application"))
        new.setShortcut(QKeySequence("Ctrl+N"))
        new.triggered.connect(self.new_intake)
        find = file_menu.addAction(self.tr("&Find case"))
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.triggered.connect(self.find_case)
        file_menu.addSeparator()
        backups = file_menu.addAction(self.tr("&Backup and restore…"))
        backups.triggered.connect(self.open_backups)
        backups.setVisible(self.data_folder is not None and self.services is not None
                           and self.services.ctx.db.sqlite_path is not None)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("E&xit"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self._build_sync_menu()
        account = self.menuBar().addMenu(self.tr("&Account"))
        account.addAction(self.tr("&Change my password…")).triggered.connect(self.change_password)
        lock = account.addAction(self.tr("&Lock screen"))
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(lambda: self.idle_lock is not None and self.idle_lock.lock_now())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About landdesk"))
        about.triggered.connect(self.show_about)

    def _build_sync_menu(self) -> None:
        """同步: keys, batches to the county, downlinks to townships — for administrators."""
        self.sync_menu = self.menuBar().addMenu(self.tr("S&ync"))
        self.sync_menu.setObjectName("syncMenu")
        status = self.sync_menu.addAction(self.tr("Sync &status and keys…"))
        status.triggered.connect(self.open_sync_status)
        self.sync_export_action = self.sync_menu.addAction(self.tr("&Export batch for the county…"))
        self.sync_export_action.triggered.connect(self.open_sync_export)
        self.sync_import_action = self.sync_menu.addAction(self.tr("&Import files…"))
        self.sync_import_action.triggered.connect(self.open_sync_import)
        self.sync_downlink_action = self.sync_menu.addAction(self.tr("Export &downlinks for townships…"))
        self.sync_downlink_action.triggered.connect(self.open_sync_downlinks)
        self.sync_export_action.setVisible(not self.is_county)
        self.sync_downlink_action.setVisible(self.is_county)
        self._show_sync_menu(Role.ADMIN in self.services.ctx.roles() if self.services else False)

    def _show_sync_menu(self, admin: bool) -> None:
        available = self.services is not None and getattr(self.services, "sync", None) is not None
        self.sync_menu.menuAction().setVisible(admin and available)

    def open_sync_status(self) -> QWidget:
        from ui.sync_dialogs import SyncStatusDialog

        assert self.services is not None
        dialog = SyncStatusDialog(self.services, self.runner, self)
        dialog.open()
        return dialog

    def open_sync_export(self) -> QWidget:
        from ui.sync_dialogs import ExportBatchDialog

        assert self.services is not None
        dialog = ExportBatchDialog(self.services, self.runner, self)
        dialog.open()
        return dialog

    def open_sync_import(self) -> QWidget:
        from ui.sync_dialogs import ImportDialog

        assert self.services is not None
        dialog = ImportDialog(self.services, self.runner, self)
        dialog.imported.connect(lambda _reports: self._show_page(self.nav.currentRow()))
        dialog.open()
        return dialog

    def open_sync_downlinks(self) -> QWidget:
        from ui.sync_dialogs import DownlinkDialog

        assert self.services is not None
        dialog = DownlinkDialog(self.services, self.runner, self)
        dialog.open()
        return dialog

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        page = self.page(index)
        self.stack.setCurrentIndex(index)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
        if index == _ROW["intake"]:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------ navigation

    def _open_management_page(self, which: str) -> None:
        self.nav.setCurrentRow(_ROW[{"packages": "packages_page", "study": "study_page",
                                     "petitions": "petitions_page"}[which]])

    def new_intake(self) -> None:
        if not self.intake.has_unsaved_input():
            self.intake.start_new()
        self.nav.setCurrentRow(1)

    def continue_intake(self, case_id: uuid.UUID) -> None:
        self.intake.continue_case(case_id)
        self.nav.setCurrentRow(1)

    def show_cases(self, status: CaseStatus | None = None, due: DueFilter | None = None) -> None:
        from app.services.cases import DueFilter

        self.nav.setCurrentRow(2)
        self.cases.set_filter(status, due or DueFilter.ANY)

    def _rating_recorded(self, _rating_id: object) -> None:
        supervision = self.built_page("supervision")  # a bad rating opens a follow-up listed there
        if supervision is not None:
            supervision.refresh()  # type: ignore[attr-defined]  # (a page not made yet loads it when shown)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_inbox(self, which: InboxFilter | None = None) -> None:
        from ui.inbox_page import InboxFilter

        self.nav.setCurrentRow(_ROW["inbox"])  # _show_page refreshes it
        self.inbox.set_filter(which or InboxFilter.ALL)

    def find_case(self) -> None:
        self.nav.setCurrentRow(2)
        self.cases.focus_search()

    def open_case(self, case_id: uuid.UUID) -> CaseDetailDialog:
        from ui.case_detail import CaseDetailDialog

        assert self.services is not None
        dialog = CaseDetailDialog(self.services, self.runner, case_id, self)
        dialog.continueRequested.connect(self.continue_intake)
        dialog.routingChanged.connect(self.home.refresh)
        dialog.open()
        return dialog

    def after_sign_in(self) -> None:
        """What a person sees once signed in: unfinished drafts first, then their reminder."""
        box = self.offer_drafts()
        if box is None:
            self.remind()
        else:
            box.finished.connect(lambda _r: self.remind())

    def remind(self) -> None:
        """The sign-in reminder: what the signed-in person holds and how urgent it is."""
        assert self.services is not None
        services = self.services

        def load() -> tuple[InboxCounts, int, int]:
            return (services.routing.counts(), len(services.supervision.list_open(mine=True)),
                    len(services.ratings.open_follow_ups(mine=True)))

        self.runner.run(load, self._show_reminder, lambda exc: show_error(self, exc))

    def _show_reminder(self, found: tuple[InboxCounts, int, int]) -> None:
        counts, notices, follow_ups = found
        if not (counts.inbox or notices or follow_ups):
            self._show_status(self.tr("Nothing is waiting for you."))
            return
        lines = [self.tr("You hold {count} open case(s).").format(count=counts.inbox)]
        details = [(counts.overdue, self.tr("{count} overdue")),
                   (counts.due_today, self.tr("{count} due today")),
                   (counts.due_soon, self.tr("{count} due within 2 working days")),
                   (counts.unreceived, self.tr("{count} not yet signed for"))]
        parts = [text.format(count=n) for n, text in details if n]
        if parts:
            lines.append(self.tr("Of these: {parts}.").format(parts=self.tr(", ").join(parts)))
        if notices:
            lines.append(self.tr("{count} supervision notice(s) await your reply.").format(count=notices))
        if follow_ups:
            lines.append(self.tr("{count} bad rating follow-up(s) are open.").format(count=follow_ups))
        icon = QMessageBox.Icon.Warning if counts.overdue or notices else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Today's reminder"), "\n".join(lines), QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("sign_in_reminder")
        inbox_button = box.addButton(self.tr("Open my inbox"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(inbox_button)

        def answered(_result: int) -> None:
            if box.clickedButton() is inbox_button:
                self.show_inbox()

        box.finished.connect(answered)
        box.open()
        self.reminder = box

    def offer_drafts(self) -> QMessageBox | None:
        """After a crash or power cut: offer the intake forms that were being filled in."""
        assert self.services is not None
        drafts = self.services.drafts.list()
        if not drafts:
            return None
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
        return box

    def show_about(self) -> QMessageBox:
        from app import startup, version
        from app.services.context import LOCAL_TZ

        assert self.services is not None
        db = self.services.ctx.db
        size = ""
        if db.sqlite_path and db.sqlite_path.exists():
            size = f"{db.sqlite_path.stat().st_size / 1024 / 1024:.1f} MB"
        last = startup.last_backup(self.data_folder) if self.data_folder else None
        text = self.tr("landdesk {version}\nData folder: {folder}\nDatabase: {db} {size}\nLast backup: {backup}\n"
                       "Log: {log}").format(
            version=version(), folder=self.data_folder or "", db=db.url, size=size,
            backup=(f"{last.taken_at.astimezone(LOCAL_TZ):%Y-%m-%d %H:%M} {last.reason_label} {last.path}"
                    if last else self.tr("none yet")),
            log=log_file() or "")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About landdesk"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("about")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        return box

    def open_backups(self) -> QWidget:
        from ui.backup_dialog import BackupDialog

        assert self.services is not None and self.data_folder is not None
        dialog = BackupDialog(self.services, self.runner, self.data_folder, self)
        dialog.restored.connect(self._restored)
        dialog.open()
        return dialog

    def _restored(self, restored: object) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Backup restored"), self.tr(
            "The database was restored from {name}. landdesk now closes; start it again to go on.").format(
            name=getattr(getattr(restored, "path", None), "name", "")), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("restoredNotice")
        box.finished.connect(lambda _r: self.close())
        box.open()

    def change_password(self) -> None:
        from ui.sign_in_dialog import ChangePasswordDialog

        assert self.services is not None
        ChangePasswordDialog(self.services, self, runner=self.runner).open()

    def user_changed(self, user: UserItem) -> None:
        """Somebody else signed in at the idle lock: their name, their pages, their counts."""
        assert self.services is not None
        intake = self.built_page("intake")
        if intake is not None and intake.has_unsaved_input():  # type: ignore[attr-defined]
            intake.start_new()  # type: ignore[attr-defined]  # keeps the previous person's form as a draft
        office = self.services.office.office()
        self._show_user(office.name, office.code, user.display_name)
        admin = Role.ADMIN in user.roles
        self.users_item.setHidden(not admin)
        self.catalog_item.setHidden(not admin)
        self._show_sync_menu(admin)
        if not admin and self.stack.currentIndex() in (_ROW["users_page"], _ROW["catalog_page"]):
            self.nav.setCurrentRow(0)
        else:
            self._show_page(self.nav.currentRow())
        self.remind()

    def _show_user(self, office: str, code: str, user: str) -> None:
        assert self.services is not None
        self.status_label.setText(self.tr("{office} ({code}) · {user} · database: {db}").format(
            office=office, code=code, user=user, db=self.services.ctx.db.url))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.idle_lock is not None:
            self.idle_lock.stop()
        self.runner.wait()
        super().closeEvent(event)
