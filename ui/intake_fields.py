"""Small pieces of the intake page: the matter chooser, banners and the refusal dialog."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.reference import MatterItem

# Categories in the order a township office meets them most; unknown ones follow by name.
CATEGORY_ORDER = ("土地管理", "规划", "矿产管理", "测绘管理", "执法监察", "信访")


def _compact_code(text: str) -> str:
    return "".join(c for c in text.upper() if c.isalnum())


class MatterChooser(QComboBox):
    """Editable combo over the catalogue: type a code (TD-001, td001) or any part of the name."""

    matterChanged = Signal(object)  # MatterItem | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        self._matters: dict[str, MatterItem] = {}
        self._current: MatterItem | None = None
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(15)
        self.setCompleter(completer)
        self.currentIndexChanged.connect(self._index_changed)

    # ------------------------------------------------------------ content

    @staticmethod
    def label_for(matter: MatterItem) -> str:
        return f"{matter.code}  {matter.name}  [{matter.category} · {matter.tier.label}]"

    def set_matters(self, matters: Iterable[MatterItem]) -> None:
        def order(m: MatterItem) -> tuple[int, str, str]:
            rank = CATEGORY_ORDER.index(m.category) if m.category in CATEGORY_ORDER else len(CATEGORY_ORDER)
            return rank, m.category, m.code

        self.blockSignals(True)
        self.clear()
        self._matters = {}
        for matter in sorted(matters, key=order):
            self._matters[matter.code] = matter
            self.addItem(self.label_for(matter), matter.code)
            self.setItemData(self.count() - 1, self.label_for(matter), Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(-1)
        self.blockSignals(False)
        self._set_current(None)

    def matter(self) -> MatterItem | None:
        """The chosen matter, or None while the text does not name one."""
        index = self.currentIndex()
        if index < 0 or self.currentText() != self.itemText(index):
            return None
        return self._matters.get(self.itemData(index))

    def set_matter_code(self, code: str) -> bool:
        index = self.findData(code)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        return index >= 0

    def candidates(self, text: str) -> list[int]:
        """Item rows that the typed text could mean, best first."""
        text = text.strip()
        if not text:
            return []
        exact = [i for i in range(self.count()) if self.itemText(i) == text]
        if exact:
            return exact
        compact = _compact_code(text)
        by_code = [i for i in range(self.count()) if _compact_code(self.itemData(i)) == compact]
        if by_code:
            return by_code
        lowered = text.lower()
        return [
            i for i in range(self.count())
            if lowered in self.itemText(i).lower() or (compact and compact in _compact_code(self.itemData(i)))
        ]

    def resolve(self) -> int:
        """Turn the typed text into a choice. Returns how many matters it could mean (1 = chosen)."""
        text = self.currentText().strip()
        if not text:
            if self.currentIndex() != -1:
                self.setCurrentIndex(-1)
            self._set_current(None)
            return 0
        found = self.candidates(text)
        if len(found) == 1:
            if self.currentIndex() == found[0]:
                self.setEditText(self.itemText(found[0]))
                self._set_current(self.matter())
            else:
                self.setCurrentIndex(found[0])
            popup = self.completer().popup()
            if popup is not None and popup.isVisible():
                popup.hide()
        return len(found)

    # ------------------------------------------------------------ internals

    def _index_changed(self, index: int) -> None:
        self._set_current(self.matter() if index >= 0 else None)

    def _set_current(self, matter: MatterItem | None) -> None:
        if matter is self._current:
            return
        self._current = matter
        self.matterChanged.emit(matter)

    def wheelEvent(self, event):  # type: ignore[no-untyped-def]
        # Scrolling the form must not silently change the matter under the mouse.
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class Banner(QFrame):
    """A coloured line across the page: what is being continued, a warning, a success."""

    def __init__(self, kind: str, closable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind}Banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 6, 5)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.close_button: QToolButton | None = None
        if closable:
            button = QToolButton()
            button.setText("×")
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(self.tr("Hide this message"))
            button.clicked.connect(self.hide)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.close_button = button
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class RefuseDialog(QDialog):
    """Asks for the reason of a refusal (不予受理); opened with open(), read on finished."""

    def __init__(self, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refuse the application"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The reason is printed on the refusal notice together with the applicant's right to apply for administrative reconsideration or to sue. Write it so the applicant understands what to do."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.common = QComboBox()
        self.common.addItem(self.tr("Common reasons…"), "")
        for text in (
            self.tr("The matter applied for does not need an administrative licence"),
            self.tr("The matter is not within the powers of this office; apply to the county bureau"),
            self.tr("The applicant is not eligible to apply for this matter"),
            self.tr("The land lies within permanent basic farmland and may not be applied for"),
        ):
            self.common.addItem(text, text)
        self.common.activated.connect(self._use_common)
        common_label = QLabel(self.tr("&Common reasons:"))
        common_label.setBuddy(self.common)
        row = QHBoxLayout()
        row.addWidget(common_label)
        row.addWidget(self.common, 1)
        layout.addLayout(row)
        reason_label = QLabel(self.tr("&Reason for refusal:"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlainText(reason)
        self.reason_edit.setMinimumHeight(90)
        reason_label.setBuddy(self.reason_edit)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Refuse and print notice"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.reason_edit.setFocus()
        self.reason_edit.installEventFilter(self)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))

    def _use_common(self, index: int) -> None:
        text = self.common.itemData(index)
        if text:
            self.reason_edit.setPlainText(text)
            self.reason_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Enter in the reason box confirms, as on the intake page.
        if (watched is self.reason_edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):  # type: ignore[attr-defined]
            if self.reason():
                self.accept()
            return True
        return super().eventFilter(watched, event)
