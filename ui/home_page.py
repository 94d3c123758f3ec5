"""Home: what needs attention today, in counts a clerk can click through.

The first row is the signed-in person's own work (the cases they hold, from the
routing service); the second is the whole office's open cases; the third what 精细化管理
asks of them: their task packages, this week's self-study, and petitioners nobody has
contacted for too long.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import Services
from app.services.cases import CaseCounts, DueFilter
from app.services.intake import CaseStatus
from app.services.packages import PackageFilter
from app.services.petitions import PetitionStatus
from app.services.routing import InboxCounts
from ui.errors import show_error
from ui.inbox_page import InboxFilter
from ui.routing_panel import routing_for
from ui.tasks import TaskRunner

TILE_STYLE = (
    "QPushButton {{ text-align: left; padding: 12px; border: 1px solid #ccc; border-left: 6px solid {colour};"
    " border-radius: 4px; background: {background}; font-size: 12pt; color: {text}; }}"
    " QPushButton:focus {{ border: 2px solid #1a73e8; border-left: 6px solid {colour}; }}"
)


@dataclass(frozen=True)
class ManagementCounts:
    my_packages: int  # open packages I am responsible for or work on
    my_packages_late: int
    office_packages_late: int
    week_hours: Decimal  # my self-study so far this week
    week_minimum: Decimal
    pairings_neglected: int  # open pairings past the contact interval
    contact_interval: int


def management_counts(services: Services) -> ManagementCounts:
    mine = services.packages.list_packages(PackageFilter(status="open", mine=True))
    late = services.packages.list_packages(PackageFilter(status="overdue"))
    pairings = services.petitions.pairings(PetitionStatus.OPEN)
    return ManagementCounts(
        my_packages=len(mine), my_packages_late=sum(1 for p in mine if p.days_late),
        office_packages_late=len(late), week_hours=services.study.week_hours(),
        week_minimum=services.study.rules().weekly_self_study_hours,
        pairings_neglected=sum(1 for p in pairings if p.overdue),
        contact_interval=services.petitions.rules().contact_interval_days)


class HomePage(QWidget):
    # (status or None, due filter) for the case list
    openList = Signal(object, object)
    openInbox = Signal(object)  # InboxFilter: my cases of one kind
    newIntake = Signal()
    openPage = Signal(str)  # "packages", "study" or "petitions"

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        self.greeting = QLabel()
        self.greeting.setObjectName("greeting")
        self.greeting.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(self.greeting)
        self.calendar_note = QLabel()
        self.calendar_note.setWordWrap(True)
        self.calendar_note.setStyleSheet("background:#fff3cd; color:#664d03; padding:8px; border-radius:4px;")
        self.calendar_note.hide()
        layout.addWidget(self.calendar_note)

        mine_title = QLabel(self.tr("My work"))
        mine_title.setObjectName("mine_title")
        mine_title.setStyleSheet("font-size: 12pt; font-weight: bold; color: #333;")
        layout.addWidget(mine_title)
        mine = QGridLayout()
        mine.setSpacing(12)
        self.my_tiles: dict[str, QPushButton] = {}
        my_specs = [
            ("inbox", self.tr("My inbox"), InboxFilter.ALL, "#0b5394"),
            ("unreceived", self.tr("Not yet received"), InboxFilter.UNRECEIVED, "#674ea7"),
            ("due_today", self.tr("Due today"), InboxFilter.DUE_TODAY, "#b45f06"),
            ("due_soon", self.tr("Due within 2 working days"), InboxFilter.DUE_SOON, "#7f6000"),
            ("overdue", self.tr("Overdue"), InboxFilter.OVERDUE, "#990000"),
        ]
        for index, (key, title, which, colour) in enumerate(my_specs):
            tile = QPushButton()
            tile.setObjectName(f"my_{key}")
            tile.setMinimumSize(170, 80)
            tile.setProperty("title", title)
            tile.setProperty("colour", colour)
            tile.setStyleSheet(TILE_STYLE.format(colour=colour, background="white", text="black"))
            tile.setText(f"{title}\n–")
            tile.setProperty("filter", which.value)
            tile.clicked.connect(self._open_my_tile)
            mine.addWidget(tile, 0, index)
            self.my_tiles[key] = tile
        layout.addLayout(mine)
        layout.addSpacing(8)

        office_title = QLabel(self.tr("Office cases"))
        office_title.setObjectName("office_title")
        office_title.setStyleSheet("font-size: 12pt; font-weight: bold; color: #333;")
        layout.addWidget(office_title)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.tiles: dict[str, QPushButton] = {}
        specs = [
            ("open", self.tr("Open cases"), None, DueFilter.ANY, "#0b5394"),
            ("due_today", self.tr("Due today"), None, DueFilter.TODAY, "#b45f06"),
            ("due_soon", self.tr("Due within 2 working days"), None, DueFilter.SOON, "#7f6000"),
            ("overdue", self.tr("Overdue"), None, DueFilter.OVERDUE, "#990000"),
            ("incomplete", self.tr("Waiting for supplements"), CaseStatus.INCOMPLETE, DueFilter.ANY, "#38761d"),
        ]
        for index, (key, title, status, due, colour) in enumerate(specs):
            tile = QPushButton()
            tile.setObjectName(f"tile_{key}")
            tile.setMinimumSize(200, 96)
            tile.setProperty("title", title)
            tile.setStyleSheet(TILE_STYLE.format(colour=colour, background="white", text="black"))
            tile.setProperty("status", status.value if status else "")
            tile.setProperty("due", due.value)
            tile.clicked.connect(self._open_office_tile)
            grid.addWidget(tile, index // 3, index % 3)
            self.tiles[key] = tile
        layout.addLayout(grid)
        layout.addSpacing(8)

        managed_title = QLabel(self.tr("Tasks, study and petitions"))
        managed_title.setStyleSheet("font-size: 12pt; font-weight: bold; color: #333;")
        layout.addWidget(managed_title)
        managed = QGridLayout()
        managed.setSpacing(12)
        self.managed_tiles: dict[str, QPushButton] = {}
        for index, (key, page, colour) in enumerate((("my_packages", "packages", "#0b5394"),
                                                     ("late_packages", "packages", "#990000"),
                                                     ("study", "study", "#38761d"),
                                                     ("petitions", "petitions", "#b45f06"))):
            tile = QPushButton("–")
            tile.setObjectName(f"managed_{key}")
            tile.setMinimumSize(200, 80)
            tile.setProperty("page", page)
            tile.setProperty("colour", colour)
            tile.setStyleSheet(TILE_STYLE.format(colour=colour, background="white", text="black"))
            tile.clicked.connect(self._open_managed_tile)
            managed.addWidget(tile, 0, index)
            self.managed_tiles[key] = tile
        layout.addLayout(managed)
        layout.addSpacing(12)
        new = QPushButton(self.tr("&New application (Ctrl+N)"))
        new.setObjectName("new_intake")
        new.setMinimumHeight(44)
        new.clicked.connect(self.newIntake.emit)
        layout.addWidget(new, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def refresh(self) -> None:
        def load() -> tuple[CaseCounts, str, list[int]]:
            user = self.services.office.current_user()
            return self.services.cases.counts(), user.display_name, self.services.reference.calendar_years()

        self.runner.run(load, self._show, lambda exc: show_error(self, exc))
        routing = routing_for(self.services)
        self.runner.run(routing.counts, self._show_mine, lambda exc: show_error(self, exc))
        self.runner.run(lambda: management_counts(self.services), self._show_managed,
                        lambda exc: show_error(self, exc))

    # Bound methods, not lambdas over self: those make reference cycles through the child
    # buttons that PySide may tear down in the wrong order (a crash when the page is freed).
    def _open_office_tile(self) -> None:
        tile = self.sender()
        if isinstance(tile, QPushButton):
            status = tile.property("status")
            self.openList.emit(CaseStatus(status) if status else None, DueFilter(tile.property("due")))

    def _open_my_tile(self) -> None:
        tile = self.sender()
        if isinstance(tile, QPushButton):
            self.openInbox.emit(InboxFilter(tile.property("filter")))

    def _open_managed_tile(self) -> None:
        tile = self.sender()
        if isinstance(tile, QPushButton):
            self.openPage.emit(tile.property("page"))

    def _show_managed(self, counts: ManagementCounts) -> None:
        hours = f"{counts.week_hours.normalize():f}"
        minimum = f"{counts.week_minimum.normalize():f}"
        texts = {
            "my_packages": (self.tr("My task packages\n{count} open, {late} overdue").format(
                count=counts.my_packages, late=counts.my_packages_late), counts.my_packages_late > 0),
            "late_packages": (self.tr("Overdue task packages\n{count}").format(count=counts.office_packages_late),
                              counts.office_packages_late > 0),
            "study": (self.tr("My self-study this week\n{hours} of {minimum} hours").format(
                hours=hours, minimum=minimum), counts.week_hours < counts.week_minimum),
            "petitions": (self.tr("Petitioners not contacted for over {days} days\n{count}").format(
                days=counts.contact_interval, count=counts.pairings_neglected), counts.pairings_neglected > 0),
        }
        for key, tile in self.managed_tiles.items():
            text, attention = texts[key]
            tile.setText(text)
            colour = tile.property("colour")
            tile.setStyleSheet(TILE_STYLE.format(colour=colour, background="#fdf3e7" if attention else "white",
                                                 text=colour if attention else "black"))
            tile.setProperty("attention", attention)

    def _show_mine(self, counts: InboxCounts) -> None:
        values = {"inbox": counts.inbox, "unreceived": counts.unreceived,
                  "due_today": counts.due_today, "due_soon": counts.due_soon,
                  "overdue": counts.overdue}
        # A tile with something in it is tinted in its colour, so the eye goes there first.
        tinted = {"unreceived": "#f1ecf9", "due_today": "#ffe9cc", "due_soon": "#fff7c2",
                  "overdue": "#fde7e7"}
        for key, tile in self.my_tiles.items():
            value = values[key]
            tile.setText(f"{tile.property('title')}\n{value}")
            background = tinted.get(key, "white") if value else "white"
            text = tile.property("colour") if value and key in tinted else "black"
            tile.setStyleSheet(TILE_STYLE.format(colour=tile.property("colour"),
                                                 background=background, text=text))
            tile.setProperty("count", value)

    def _show(self, result: tuple[CaseCounts, str, list[int]]) -> None:
        counts, name, years = result
        self.greeting.setText(self.tr("Hello, {name}").format(name=name))
        values = {"open": counts.open, "due_today": counts.due_today, "due_soon": counts.due_soon,
                  "overdue": counts.overdue, "incomplete": counts.incomplete}
        for key, tile in self.tiles.items():
            tile.setText(f"{tile.property('title')}\n{values[key]}")
        next_year = self.services.ctx.today().year + 1
        if next_year not in years:
            self.calendar_note.setText(self.tr(
                "The official holidays of {year} are not entered yet: deadlines reaching into {year} "
                "are counted with weekends only and marked as provisional. Enter them under "
                "Working calendar when they are published.").format(year=next_year))
            self.calendar_note.show()
        else:
            self.calendar_note.hide()
