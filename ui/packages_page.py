"""任务包 (项目化管理): the list of packages and the selected one's file.

Top: filters (state, person, category, year; "mine"; the township at the county). Middle:
the packages, overdue ones in red, with working days left, progress and open inspections.
Bottom: the selected package in tabs — details, milestones, progress, inspections, evidence,
history — and the buttons of the steps the signed-in user may take now (the service checks
again; the buttons only spare people a refusal). Printing goes through the PDF preview.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.permissions import Action
from app.services import Services
from app.services.office import StaffItem
from app.services.packages import (
    PackageActions,
    PackageDetail,
    PackageFilter,
    PackageItem,
    PackageStatus,
    fmt_quantity,
)
from ui.case_model import DUE_COLOURS, DueState
from ui.errors import show_error
from ui.inquiry_page import STYLE, FormDialog, local_time
from ui.package_dialogs import (
    AssignDialog,
    DecisionDialog,
    EnterDialog,
    InspectDialog,
    ProgressDialog,
    RectifyDialog,
    ScoreDialog,
    TextDialog,
)
from ui.print_preview import PdfPreviewDialog, ask_xlsx_path, show_preview
from ui.supervision_page import detail_label, fill_row, make_table, one_line, size_columns
from ui.tasks import TaskRunner

OVERDUE = DUE_COLOURS[DueState.OVERDUE]
TODAY = DUE_COLOURS[DueState.TODAY]


class PackagesPage(QWidget):
    statusChanged = Signal(str)

    DETAILS, MILESTONES, PROGRESS, INSPECTIONS, EVIDENCE, HISTORY = range(6)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.packages = services.packages
        self.runner = runner
        self.items: list[PackageItem] = []
        self.detail: PackageDetail | None = None
        self.actions = PackageActions()
        self.people: list[StaffItem] = []
        self.at_county = False
        self.last_dialog: FormDialog | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self._wanted: uuid.UUID | None = None  # the package to select once the list is loaded
        self._keep_shown = False  # show it even if it no longer matches the filters
        self.setStyleSheet(STYLE)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.addLayout(self._build_filters())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        outer.addWidget(splitter, 1)
        outer.addLayout(self._build_buttons())
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self._show_detail(None)

    # ================================================================ building

    def _build_filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("Not yet accepted"), "open")
        self.status_combo.addItem(self.tr("Overdue"), "overdue")
        for status in PackageStatus:
            self.status_combo.addItem(status.label, status.value)
        self.status_combo.addItem(self.tr("All"), "all")
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("personFilter")
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("categoryFilter")
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("yearFilter")
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("officeFilter")
        self.mine_check = QCheckBox(self.tr("&Mine"))
        self.mine_check.setObjectName("mine")
        self.office_label = QLabel(self.tr("Townshi&p:"))
        self.office_label.setBuddy(self.office_combo)
        for text, widget in ((self.tr("Sho&w:"), self.status_combo), (self.tr("Pe&rson:"), self.person_combo),
                             (self.tr("Cate&gory:"), self.category_combo), (self.tr("&Year due:"), self.year_combo)):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.office_label)
        bar.addWidget(self.office_combo)
        bar.addWidget(self.mine_check)
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        bar.addWidget(self.count_label)
        for combo in (self.status_combo, self.person_combo, self.category_combo, self.year_combo, self.office_combo):
            combo.currentIndexChanged.connect(lambda _i: self.load())
        self.mine_check.toggled.connect(lambda _on: self.load())
        return bar

    def _build_list(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.headers = [self.tr("Township"), self.tr("Package no."), self.tr("Title"), self.tr("Type of work"),
                        self.tr("Responsible"), self.tr("Due"), self.tr("Time left"), self.tr("Progress"),
                        self.tr("Open inspections"), self.tr("State")]
        self.table = make_table("packages", self.headers, 2)
        size_columns(self.table, {0: "示例镇自然资源所", 1: "3707021012026RW000000", 3: "执法监察", 4: "王晓梅",
                                  5: "2026-11-23", 6: self.tr("Overdue {n} working days").format(n=10),
                                  7: "5.2 / 6.5公顷 (80.0%)", 8: "1 (1 overdue)", 9: "待验收"})
        self.table.currentCellChanged.connect(lambda *_: self._selected())
        column.addWidget(self.table)
        return box

    def _build_detail(self) -> QWidget:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.details_label = detail_label("details")
        self.details_label.setSizePolicy(self.details_label.sizePolicy().horizontalPolicy(),
                                         self.details_label.sizePolicy().Policy.Expanding)
        self.details_label.setTextFormat(Qt.TextFormat.RichText)
        self.tabs.addTab(self.details_label, self.tr("Overview"))
        self.milestone_table = make_table("milestones", [self.tr("No."), self.tr("Milestone"), self.tr("Due by"),
                                                         self.tr("Done")], 1)
        self.tabs.addTab(self._with_buttons(self.milestone_table, self._milestone_buttons()), self.tr("Milestones"))
        self.progress_table = make_table("progress", [self.tr("As of"), self.tr("This report"), self.tr("Cumulative"),
                                                      self.tr("What was done"), self.tr("Reported by"),
                                                      self.tr("Files")], 3)
        self.tabs.addTab(self.progress_table, self.tr("Progress"))
        self.inspection_table = make_table("inspections", [self.tr("Inspection no."), self.tr("Inspector"),
                                                           self.tr("Found"), self.tr("Requirement"),
                                                           self.tr("Put right by"), self.tr("Rectification")], 2)
        self.inspection_table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.tabs.addTab(self._with_buttons(self.inspection_table, self._inspection_buttons()),
                         self.tr("Inspections"))
        self.evidence_table = make_table("evidence", [self.tr("File"), self.tr("Note"), self.tr("Added by"),
                                                      self.tr("Added at"), self.tr("Size")], 0)
        self.tabs.addTab(self._with_buttons(self.evidence_table, self._evidence_buttons()), self.tr("Evidence files"))
        self.history_table = make_table("history", [self.tr("When"), self.tr("Step"), self.tr("Who"),
                                                    self.tr("Note")], 3)
        self.tabs.addTab(self.history_table, self.tr("History"))
        size_columns(self.milestone_table, {0: "99", 2: "2026-11-23", 3: "2026-11-23 10:00 王晓梅"})
        size_columns(self.progress_table, {0: "2026-11-23", 1: "1,234.56公顷", 2: "1,234.56公顷", 4: "王晓梅",
                                           5: "现场照片.jpg"})
        size_columns(self.inspection_table, {0: "3707021012026DC000000", 1: "王晓梅 2026-11-23 10:00",
                                             3: "补齐巡查照片和签字，建立", 4: "2026-11-23",
                                             5: "已补齐巡查照片和签字，建立巡查"})
        size_columns(self.evidence_table, {1: "拆旧协议扫描件（第一批）", 2: "王晓梅", 3: "2026-11-23 10:00",
                                           4: "10.0 MB"})
        size_columns(self.history_table, {0: "2026-11-23 10:00", 1: "验收出库", 2: "王晓梅"})
        return self.tabs

    @staticmethod
    def _with_buttons(table: QTableWidget, buttons: Sequence[QPushButton]) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(table, 1)
        side = QVBoxLayout()
        for button in buttons:
            side.addWidget(button)
        side.addStretch(1)
        row.addLayout(side)
        return box

    def _button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    def _milestone_buttons(self) -> list[QPushButton]:
        self.milestone_done_button = self._button("milestoneDone", self.tr("Mark &done"), self.mark_milestone)
        return [self.milestone_done_button]

    def _inspection_buttons(self) -> list[QPushButton]:
        self.rectify_button = self._button("rectify", self.tr("Recti&fy…"), self.rectify)
        self.print_notice_button = self._button("printNotice", self.tr("Print &notice…"), self.print_notice)
        return [self.rectify_button, self.print_notice_button]

    def _evidence_buttons(self) -> list[QPushButton]:
        self.add_evidence_button = self._button("addEvidence", self.tr("Add f&ile…"), self.add_evidence)
        self.open_file_button = self._button("openFile", self.tr("Open file"), self.open_file)
        return [self.add_evidence_button, self.open_file_button]

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.enter_button = self._button("enter", self.tr("&New package…"), self.enter)
        self.assign_button = self._button("assign", self.tr("&Assign…"), self.assign)
        self.report_button = self._button("report", self.tr("&Report progress…"), self.report)
        self.inspect_button = self._button("inspect", self.tr("&Inspect…"), self.inspect)
        self.submit_button = self._button("submit", self.tr("Su&bmit for acceptance…"), self.submit)
        self.decide_button = self._button("decide", self.tr("A&ccept / send back…"), self.decide)
        self.score_button = self._button("score", self.tr("&Score…"), self.score)
        self.cancel_button = self._button("cancelPackage", self.tr("Cance&l package…"), self.cancel)
        self.print_button = self._button("printSheet", self.tr("&Print task sheet…"), self.print_sheet)
        self.register_button = self._button("printRegister", self.tr("Re&gister…"), self.print_register)
        self.export_button = self._button("export", self.tr("&Export to Excel…"), lambda: self.export())
        for button in (self.enter_button, self.assign_button, self.report_button, self.inspect_button,
                       self.submit_button, self.decide_button, self.score_button, self.cancel_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.print_button, self.register_button, self.export_button):
            row.addWidget(button)
        return row

    # ================================================================ loading

    def refresh(self) -> None:
        """Reload the lists of people and the packages (when shown, after F5 or a sign-in)."""
        packages = self.packages

        def fetch() -> tuple[bool, list[StaffItem], list[str], list[int], list[tuple[uuid.UUID, str, str]]]:
            county = packages.is_county()
            people = [] if county else packages.staff()
            offices = packages.offices() if county else []
            return county, people, packages.rules().category_names(), packages.years(), offices

        self.runner.run(fetch, self._filters_fetched, lambda exc: show_error(self, exc))

    def _filters_fetched(self, fetched: tuple[bool, list[StaffItem], list[str], list[int],
                                              list[tuple[uuid.UUID, str, str]]]) -> None:
        county, people, categories, years, offices = fetched
        self.at_county = county
        self.people = people
        combos = (self.person_combo, self.category_combo, self.year_combo, self.office_combo)
        kept = [c.currentData() for c in combos]
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.person_combo.addItem(self.tr("Everyone"), "")
        for person in people:
            self.person_combo.addItem(person.display_name, str(person.id))
        self.category_combo.addItem(self.tr("All categories"), "")
        for name in categories:
            self.category_combo.addItem(name, name)
        self.year_combo.addItem(self.tr("All years"), "")
        for year in years:
            self.year_combo.addItem(str(year), str(year))
        self.office_combo.addItem(self.tr("All townships"), "")
        for office_id, code, name in offices:
            self.office_combo.addItem(f"{name}（{code}）", str(office_id))
        for combo, value in zip(combos, kept, strict=True):
            index = combo.findData(value) if value is not None else -1
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.person_combo.setVisible(not county)
        self.mine_check.setVisible(not county)
        self.office_label.setVisible(county)
        self.office_combo.setVisible(county)
        self.table.setColumnHidden(0, not county)
        self.enter_button.setVisible(not county)
        self.enter_button.setEnabled(self.packages.may(Action.MANAGE_PACKAGES))
        self.load()

    def current_filter(self) -> PackageFilter:
        person = self.person_combo.currentData()
        office = self.office_combo.currentData()
        year = self.year_combo.currentData()
        return PackageFilter(status=str(self.status_combo.currentData() or "open"),
                             person_id=uuid.UUID(person) if person else None,
                             category=str(self.category_combo.currentData() or ""),
                             year=int(year) if year else None,
                             office_id=uuid.UUID(office) if office else None,
                             mine=self.mine_check.isChecked() and not self.at_county)

    def load(self, select: uuid.UUID | None = None) -> None:
        packages = self.packages
        wanted = select or (self.detail.item.id if self.detail else None)
        filt = self.current_filter()
        self._wanted = wanted
        self.runner.run(lambda: packages.list_packages(filt), self._listed, lambda exc: show_error(self, exc))

    def _listed(self, items: list[PackageItem]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            colours = OVERDUE if item.overdue else TODAY if item.days_left == 0 else None
            inspections = ""
            if item.open_inspections:
                inspections = str(item.open_inspections)
                if item.overdue_inspections:
                    inspections += self.tr(" ({n} overdue)").format(n=item.overdue_inspections)
            fill_row(self.table, row, [
                item.office_name, item.number, item.title, item.category, item.responsible or "—",
                item.due_date.isoformat(), self.time_text(item), self.progress_text(item), inspections,
                item.status_label,
            ], item.id, colours, {2: item.title})
        self.count_label.setText(self.tr("{n} packages").format(n=len(items)))
        row = next((i for i, item in enumerate(items) if item.id == self._wanted), -1)
        keep, self._keep_shown = self._keep_shown, False
        if row < 0 and keep and self._wanted is not None:
            # Just accepted or cancelled: it left the list, but the user still sees what they did.
            self.table.setCurrentCell(-1, -1)
            self._fetch_detail(self._wanted)
            return
        row = row if row >= 0 else (0 if items else -1)
        if row >= 0:
            self.table.blockSignals(True)  # one detail fetch, not one per signal
            self.table.setCurrentCell(row, 1)
            self.table.blockSignals(False)
            self._selected()
        else:
            self._show_detail(None)

    def time_text(self, item: PackageItem) -> str:
        if item.status is PackageStatus.CANCELLED:
            return ""
        if item.status in (PackageStatus.ACCEPTED, PackageStatus.SCORED):
            return self.tr("Accepted {n} working days late").format(n=item.days_late) if item.days_late \
                else self.tr("Accepted on time")
        if item.days_late:
            return self.tr("Overdue {n} working days").format(n=item.days_late)
        if item.days_left == 0:
            return self.tr("Due today")
        return self.tr("{n} working days left").format(n=item.days_left)

    @staticmethod
    def progress_text(item: PackageItem) -> str:
        if item.target_quantity is None:
            return f"{fmt_quantity(item.achieved)}{item.unit}" if item.achieved else ""
        return (f"{fmt_quantity(item.achieved)} / {fmt_quantity(item.target_quantity)}{item.unit}"
                f" ({item.progress}%)")

    def current(self) -> PackageItem | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selected(self) -> None:
        item = self.current()
        if item is None:
            self._show_detail(None)
            return
        self._fetch_detail(item.id)

    def _fetch_detail(self, package_id: uuid.UUID) -> None:
        packages = self.packages

        def fetch() -> tuple[PackageDetail, PackageActions]:
            detail = packages.detail(package_id)
            return detail, packages.actions(detail)

        self.runner.run(fetch, lambda got: self._show_detail(*got), lambda exc: show_error(self, exc))

    def select(self, package_id: uuid.UUID) -> None:
        """Show a package (from elsewhere: the home page, a search), whatever the filters."""
        self.status_combo.setCurrentIndex(self.status_combo.findData("all"))
        self.load(select=package_id)

    # ================================================================ the detail

    def _show_detail(self, detail: PackageDetail | None, actions: PackageActions | None = None) -> None:
        self.detail = detail
        self.actions = actions or PackageActions()
        if detail is None:
            self.details_label.setText(self.tr("Choose a package in the list."))
            for table in (self.milestone_table, self.progress_table, self.inspection_table, self.evidence_table,
                          self.history_table):
                table.setRowCount(0)
            self._update_buttons()
            return
        item = detail.item
        self.details_label.setText(self.details_html(detail))
        self._fill(self.milestone_table, [
            ([str(m.seq), m.title, m.due_date.isoformat(), local_time(m.done_at) + (f" {m.done_by}" if m.done_by else "")],
             m.id, OVERDUE if not m.done and m.due_date < detail.today else None)
            for m in detail.milestones])
        self._fill(self.progress_table, [
            ([p.as_of.isoformat(), f"{fmt_quantity(p.quantity)}{item.unit}", f"{fmt_quantity(p.cumulative)}{item.unit}",
              one_line(p.note), p.reported_by, "、".join(p.files)], p.id, None)
            for p in detail.progress])
        self._fill(self.inspection_table, [
            ([i.number, f"{i.issued_by} {local_time(i.issued_at)}", one_line(i.finding), one_line(i.requirement),
              i.rectify_due.isoformat(),
              one_line(i.rectification) if i.rectified else
              (self.tr("Overdue, not put right") if i.overdue else self.tr("Not yet put right"))],
             i.id, OVERDUE if i.overdue else None)
            for i in detail.inspections])
        self._fill(self.evidence_table, [
            ([e.file_name, e.note, e.added_by, local_time(e.added_at), self.size_text(e.size)], e.id, None)
            for e in detail.evidence])
        self._fill(self.history_table, [
            ([local_time(e.at), e.label, e.actor, one_line(e.note)], uuid.uuid5(uuid.NAMESPACE_OID, str(n)), None)
            for n, e in enumerate(detail.events)])
        self.history_table.scrollToBottom()
        self._update_buttons()

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[list[str], uuid.UUID, Any]]) -> None:
        table.setRowCount(len(rows))
        for row, (texts, key, colours) in enumerate(rows):
            fill_row(table, row, texts, key, colours, {i: t for i, t in enumerate(texts) if len(t) > 20})

    def size_text(self, size: int) -> str:
        return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"

    def details_html(self, detail: PackageDetail) -> str:
        from html import escape

        item = detail.item
        rows = [
            (self.tr("Package no."), item.number),
            (self.tr("Township"), item.office_name) if self.at_county else None,
            (self.tr("Type of work"), item.category),
            (self.tr("State"), item.status_label),
            (self.tr("Target"), item.target_name or self.tr("(none)")),
            (self.tr("Quantity"), self.progress_text(item) or self.tr("(no quantity)")),
            (self.tr("Dates"), self.tr("{start} + {days} working days = {due}").format(
                start=item.start_date.isoformat(), days=item.working_days, due=item.due_date.isoformat())),
            (self.tr("Time limit"), self.time_text(item)),
            (self.tr("Responsible"), item.responsible or self.tr("(not yet assigned)")),
            (self.tr("Co-workers"), "、".join(item.co_workers) or "—"),
            (self.tr("Entered"), f"{detail.entered_by} {local_time(detail.entered_at)}"),
            (self.tr("Score and grade"), f"{fmt_quantity(item.score)}（{item.grade}）{detail.score_note}")
            if item.score is not None else None,
            (self.tr("Acceptance"), f"{detail.accepted_by} {local_time(item.accepted_at)}：{detail.acceptance_note}")
            if item.accepted_at else None,
            (self.tr("Cancelled"), f"{local_time(detail.cancelled_at)}：{detail.cancel_reason}")
            if detail.cancelled_at else None,
            (self.tr("Description"), detail.description) if detail.description else None,
        ]
        body = "".join(f"<tr><td style='color:#555; padding-right:12px'>{escape(k)}</td>"
                       f"<td>{escape(v)}</td></tr>" for k, v in (r for r in rows if r))
        return f"<b>{escape(item.title)}</b><table>{body}</table>"

    def current_inspection(self) -> Any:
        if self.detail is None:
            return None
        row = self.inspection_table.currentRow()
        inspections = self.detail.inspections
        if 0 <= row < len(inspections):
            return inspections[row]
        return next((i for i in inspections if not i.rectified), inspections[-1] if inspections else None)

    def current_evidence(self) -> Any:
        if self.detail is None:
            return None
        row = self.evidence_table.currentRow()
        return self.detail.evidence[row] if 0 <= row < len(self.detail.evidence) else None

    def _update_buttons(self) -> None:
        a = self.actions
        has = self.detail is not None
        inspection = self.current_inspection()
        for button, enabled in ((self.assign_button, a.assign), (self.report_button, a.report),
                                (self.inspect_button, a.inspect), (self.submit_button, a.submit),
                                (self.decide_button, a.decide), (self.score_button, a.score),
                                (self.cancel_button, a.cancel), (self.add_evidence_button, a.add_evidence),
                                (self.rectify_button, a.rectify and inspection is not None and not inspection.rectified),
                                (self.milestone_done_button, a.report and self._open_milestone() is not None),
                                (self.print_button, has), (self.print_notice_button, inspection is not None),
                                (self.open_file_button, has and self.current_evidence() is not None)):
            button.setEnabled(bool(enabled))
        for button in (self.assign_button, self.report_button, self.inspect_button, self.submit_button,
                       self.decide_button, self.score_button, self.cancel_button):
            button.setVisible(not self.at_county)

    def _open_milestone(self) -> Any:
        if self.detail is None:
            return None
        row = self.milestone_table.currentRow()
        milestones = self.detail.milestones
        if 0 <= row < len(milestones) and not milestones[row].done:
            return milestones[row]
        return next((m for m in milestones if not m.done), None)

    # ================================================================ steps

    def _open(self, dialog: FormDialog, message: Callable[[Any], str]) -> FormDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if self.last_dialog is dialog:
                self.last_dialog = None
            if result == QDialog.DialogCode.Accepted.value:
                self._set_status(message(dialog.outcome))
                selected = getattr(dialog.outcome, "id", None) or (self.detail.item.id if self.detail else None)
                self.refresh_after(selected)

        dialog.finished.connect(finished)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def refresh_after(self, package_id: uuid.UUID | None) -> None:
        self._keep_shown = True
        self.load(select=package_id)

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.statusChanged.emit(text)

    def enter(self) -> FormDialog | None:
        if not self.enter_button.isEnabled() or self.at_county:
            return None
        dialog = EnterDialog(self.packages, self.runner, self.people, self)
        return self._open(dialog, lambda ref: self.tr("Package {number} entered, due {date}.").format(
            number=ref.number, date=ref.due_date.isoformat()))

    def assign(self) -> FormDialog | None:
        if self.detail is None or not self.actions.assign:
            return None
        item = self.detail.item
        return self._open(AssignDialog(self.packages, self.runner, self.people, item, self),
                          lambda _r: self.tr("{number} assigned.").format(number=item.number))

    def report(self) -> FormDialog | None:
        if self.detail is None or not self.actions.report:
            return None
        item = self.detail.item
        return self._open(ProgressDialog(self.packages, self.runner, self.detail, self),
                          lambda _r: self.tr("Progress on {number} reported.").format(number=item.number))

    def inspect(self) -> FormDialog | None:
        if self.detail is None or not self.actions.inspect:
            return None
        return self._open(InspectDialog(self.packages, self.runner, self.detail.item, self),
                          lambda number: self.tr("Inspection {number} issued.").format(number=number))

    def rectify(self) -> FormDialog | None:
        inspection = self.current_inspection()
        if inspection is None or not self.rectify_button.isEnabled():
            return None
        return self._open(RectifyDialog(self.packages, self.runner, inspection, self),
                          lambda _r: self.tr("Rectification of {number} recorded.").format(number=inspection.number))

    def submit(self) -> FormDialog | None:
        if self.detail is None or not self.actions.submit:
            return None
        item = self.detail.item
        packages = self.packages
        dialog = TextDialog(self.tr("Submit {number} for acceptance").format(number=item.number), item.title, "note",
                            self.tr("&What was done:"), self.tr("Submit"), self.runner,
                            lambda text, _file: packages.submit(item.id, text), parent=self)
        return self._open(dialog, lambda _r: self.tr("{number} submitted for acceptance.").format(number=item.number))

    def decide(self) -> FormDialog | None:
        if self.detail is None or not self.actions.decide:
            return None
        item = self.detail.item
        return self._open(DecisionDialog(self.packages, self.runner, item, self),
                          lambda outcome: (self.tr("{number} accepted.") if outcome == "accepted"
                                           else self.tr("{number} sent back.")).format(number=item.number))

    def score(self) -> FormDialog | None:
        if self.detail is None or not self.actions.score:
            return None
        item = self.detail.item
        return self._open(ScoreDialog(self.packages, self.runner, item, self),
                          lambda grade: self.tr("{number} scored: {grade}.").format(number=item.number, grade=grade))

    def cancel(self) -> FormDialog | None:
        if self.detail is None or not self.actions.cancel:
            return None
        item = self.detail.item
        packages = self.packages
        dialog = TextDialog(self.tr("Cancel {number}").format(number=item.number), item.title, "reason",
                            self.tr("&Why:"), self.tr("Cancel package"), self.runner,
                            lambda text, _file: packages.cancel(item.id, text), parent=self)
        return self._open(dialog, lambda _r: self.tr("{number} cancelled.").format(number=item.number))

    def add_evidence(self) -> FormDialog | None:
        if self.detail is None or not self.actions.add_evidence:
            return None
        item = self.detail.item
        packages = self.packages
        dialog = TextDialog(self.tr("Add a file to {number}").format(number=item.number), item.title, "note",
                            self.tr("&Note:"), self.tr("Add"), self.runner,
                            lambda text, path: packages.add_evidence(item.id, path, text), with_file=True,
                            parent=self)
        return self._open(dialog, lambda _r: self.tr("File added to {number}.").format(number=item.number))

    def mark_milestone(self) -> None:
        milestone = self._open_milestone()
        if self.detail is None or milestone is None or not self.milestone_done_button.isEnabled():
            return
        package_id, packages = self.detail.item.id, self.packages

        def done(_result: object) -> None:
            self._set_status(self.tr("Milestone “{title}” done.").format(title=milestone.title))
            self.refresh_after(package_id)

        self.runner.run(lambda: packages.complete_milestone(package_id, milestone.id), done,
                        lambda exc: show_error(self, exc))

    def open_file(self) -> None:
        evidence = self.current_evidence()
        if evidence is None:
            return
        if evidence.path is None:
            self._set_status(self.tr("The file {name} is not kept on this computer (files do not travel with "
                                     "sync batches).").format(name=evidence.file_name))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(evidence.path)))

    # ================================================================ printing

    def print_sheet(self) -> None:
        if self.detail is None:
            return
        package_id, packages = self.detail.item.id, self.packages

        def make() -> tuple[str, bytes]:
            from app.printing.package_docs import render_package_sheet

            detail = packages.detail(package_id)
            return f"任务包任务书及验收单 {detail.item.number}", render_package_sheet(detail)

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def print_notice(self) -> None:
        inspection = self.current_inspection()
        if inspection is None:
            return
        packages = self.packages

        def make() -> tuple[str, bytes]:
            from app.printing.package_docs import render_inspection_notice

            return f"督查整改通知书 {inspection.number}", render_inspection_notice(
                packages.inspection_notice(inspection.id))

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def register_year(self) -> int:
        year = self.year_combo.currentData()
        return int(year) if year else self.services.ctx.today().year

    def print_register(self) -> None:
        year, packages = self.register_year(), self.packages
        office = self.office_combo.currentData() if self.at_county else None

        def make() -> tuple[str, bytes]:
            from app.printing.package_docs import render_package_register

            return f"{year}年度任务包台账", render_package_register(
                packages.register(year, uuid.UUID(office) if office else None))

        self.runner.run(make, self._preview, lambda exc: show_error(self, exc, self.tr("Printing failed")))

    def _preview(self, made: tuple[str, bytes]) -> None:
        show_preview(self, *made)

    def export(self, path: Path | None = None) -> None:
        year, packages = self.register_year(), self.packages
        office = self.office_combo.currentData() if self.at_county else None
        if path is None:
            path = ask_xlsx_path(self, self.tr("Export package register"), f"{year}年度任务包台账.xlsx")
            if path is None:
                return
        elif path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        target = path

        def write() -> Path:
            from app.reports.packages_excel import write_package_register

            return write_package_register(packages.register(year, uuid.UUID(office) if office else None), target)

        self.runner.run(write, lambda p: self._set_status(self.tr("Saved {path}").format(path=p)),
                        lambda exc: show_error(self, exc))


__all__ = ["PackagesPage"]
