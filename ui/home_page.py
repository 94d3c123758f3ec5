"""Home: what needs attention today, in counts a clerk can click through."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import Services
from app.services.cases import CaseCounts, DueFilter
from app.services.intake import CaseStatus
from ui.errors import show_error
from ui.tasks import TaskRunner


class HomePage(QWidget):
    # (status or None, due filter) for the case list
    openList = Signal(object, object)
    newIntake = Signal()

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
            tile.setStyleSheet(
                f"QPushButton {{ text-align: left; padding: 12px; border: 1px solid #ccc; border-left: 6px solid {colour};"
                " border-radius: 4px; background: white; font-size: 12pt; }"
                " QPushButton:focus { border: 2px solid #1a73e8; }"
            )
            tile.clicked.connect(lambda _=False, s=status, d=due: self.openList.emit(s, d))
            grid.addWidget(tile, index // 3, index % 3)
            self.tiles[key] = tile
        layout.addLayout(grid)
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
