"""Idle lock: after N minutes without keyboard or mouse, cover the window until a password is given.

A window left open at the public counter shows applicants' names, ID numbers
and phones to whoever walks by, and lets them act in the clerk's name. The
lock is an opaque panel laid over the main window's whole area (menu bar
included), so nothing behind it stays readable; other open windows of the
program are hidden meanwhile. While locked, an application event filter lets
keyboard, mouse and shortcut input reach only the lock panel (and a dialog it
opens itself).

The current user's password unlocks; another user may sign in instead, which
switches the session (``userChanged``) — the shared PC at the window is the
normal case, not the exception.

N comes from the administrator's setting (UserService.get_idle_minutes());
tests pass ``timeout_ms`` to use a fraction of a second.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import LanddeskError
from ui.errors import message_for
from ui.sign_in_dialog import ChangePasswordDialog, error_label, password_edit
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services
    from app.services.users import SignedInUser

_T = QEvent.Type
# What counts as someone using the program.
ACTIVITY = frozenset({
    _T.KeyPress, _T.MouseButtonPress, _T.MouseButtonDblClick, _T.MouseMove, _T.Wheel,
    _T.TouchBegin, _T.TouchUpdate, _T.TabletPress, _T.InputMethod,
})
# What may reach only the lock panel while locked.
INPUT = frozenset({
    _T.KeyPress, _T.KeyRelease, _T.ShortcutOverride, _T.Shortcut, _T.MouseButtonPress,
    _T.MouseButtonRelease, _T.MouseButtonDblClick, _T.Wheel, _T.ContextMenu, _T.TouchBegin,
    _T.TouchUpdate, _T.TouchEnd, _T.TabletPress, _T.InputMethod, _T.DragEnter, _T.Drop,
})


class LockScreen(QWidget):
    """The opaque panel over the main window: user name (the current user's, changeable),
    password, a message line and an unlock button. Enter unlocks."""

    unlockRequested = Signal(str, str)  # user name, password

    def __init__(self, window: QWidget, username: str, display_name: str) -> None:
        super().__init__(window)
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#2f3e4e"))
        self.setPalette(palette)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        panel = QFrame()
        panel.setObjectName("lock_panel")
        panel.setAutoFillBackground(True)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel_palette = panel.palette()
        panel_palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
        panel.setPalette(panel_palette)
        panel.setMinimumWidth(440)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel(self.tr("landdesk is locked"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(title)
        if display_name:
            text = self.tr("{name} has been away. Enter your password to continue, or sign in "
                           "as another user.").format(name=display_name)
        else:
            text = self.tr("Sign in to continue.")
        note = QLabel(text)
        note.setObjectName("lock_note")
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("lock_username")
        self.username.setMaxLength(40)
        self.password = password_edit("lock_password")
        form.addRow(self.tr("Login name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.message = error_label("lock_message")
        layout.addWidget(self.message)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.submit)
        layout.addWidget(self.unlock_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

    def focus_entry(self) -> None:
        (self.password if self.username.text() else self.username).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        self.message.hide()
        self.unlock_button.setEnabled(False)
        self.unlockRequested.emit(self.username.text(), self.password.text())

    def failed(self, text: str) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.message.setText(text)
        self.message.show()
        self.focus_entry()


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal(object)  # SignedInUser: whoever signed in at the lock
    userChanged = Signal(object)  # SignedInUser: somebody other than before the lock

    def __init__(self, services: Services, window: QWidget, runner: TaskRunner | None = None, *,
                 timeout_ms: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.services = services
        self.window = window
        self.runner = runner or TaskRunner(inline=True, parent=self)
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self._locked_user_id: object = None
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        if timeout_ms is None:
            timeout_ms = services.users.get_idle_minutes() * 60_000
        self._timeout_ms = max(0, timeout_ms)
        app = QApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)
        self._active = True
        self._restart()

    # ------------------------------------------------------------ timing

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def set_minutes(self, minutes: int) -> None:
        """Follow a changed setting (UsersPage.idleMinutesChanged); 0 = never lock."""
        self.set_timeout_ms(minutes * 60_000)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = max(0, timeout_ms)
        self._last = time.monotonic()
        self._restart()

    def _restart(self) -> None:
        self._timer.stop()
        if self._active and self._timeout_ms and self.screen is None:
            self._timer.start(self._timeout_ms)

    def _check(self) -> None:
        if not self._active or not self._timeout_ms or self.screen is not None:
            return
        idle_ms = (time.monotonic() - self._last) * 1000
        if idle_ms >= self._timeout_ms:
            self.lock_now()
        else:
            self._timer.start(max(1, int(self._timeout_ms - idle_ms) + 1))

    def stop(self) -> None:
        """No more locking (the window is closing); an open lock stays until unlocked."""
        self._active = False
        self._timer.stop()
        self._app.removeEventFilter(self)

    # ------------------------------------------------------------ events

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        screen = self.screen
        if screen is None:
            if kind in ACTIVITY:
                self._last = time.monotonic()
            return False
        if obj is self.window and kind == _T.Resize:
            screen.setGeometry(self.window.rect())
            return False
        if kind not in INPUT or self._reaches_lock(obj, kind):
            return False
        if kind == _T.KeyPress:
            screen.focus_entry()  # e.g. Tab moved the focus behind the panel: bring it back
        return True

    def _reaches_lock(self, obj: QObject, kind: QEvent.Type) -> bool:
        if not isinstance(obj, QWidget):
            # Window-system objects pass input on to their widgets (filtered in turn);
            # shortcuts (menu actions, Ctrl+N …) are sent to actions: never through the lock.
            return kind != _T.Shortcut
        screen = self.screen
        if screen is not None and (obj is screen or screen.isAncestorOf(obj)):
            return True
        # A dialog the lock itself opened (choosing a new password after a reset).
        top = obj.window()
        return top is not self.window and top not in self._hidden

    # ------------------------------------------------------------ locking

    def lock_now(self) -> None:
        if self.screen is not None:
            return
        self._timer.stop()
        username = display_name = ""
        self._locked_user_id = self.services.ctx.user_id
        if self._locked_user_id is not None:
            try:
                user = self.services.office.current_user()
                username, display_name = user.username, user.display_name
            except LanddeskError:
                pass
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible():
                continue
            widget.hide()
            # Open dialogs come back after unlocking; menus and tooltips just go.
            if widget.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                self._hidden.append(widget)
        screen = LockScreen(self.window, username, display_name)
        screen.unlockRequested.connect(self._try_unlock)
        screen.setGeometry(self.window.rect())
        screen.show()
        screen.raise_()
        self.screen = screen
        self.window.activateWindow()
        screen.focus_entry()
        self.locked.emit()

    def _try_unlock(self, username: str, password: str) -> None:
        users = self.services.users
        self.runner.run(lambda: users.sign_in(username, password),
                        lambda user: self._signed_in(user, password), self._failed)

    def _failed(self, exc: BaseException) -> None:
        if self.screen is not None:
            self.screen.failed(exc.message if isinstance(exc, LanddeskError) else message_for(exc))

    def _signed_in(self, user: SignedInUser, password: str) -> None:
        screen = self.screen
        if screen is None:
            return
        screen.password.clear()
        if not user.must_change_password:
            self._unlock(user)
            return
        dialog = ChangePasswordDialog(self.services, screen, runner=self.runner, old_password=password,
                                      forced=True)
        dialog.accepted.connect(lambda: self._unlock(user))
        dialog.rejected.connect(self._gave_up_changing)
        dialog.open()

    def _gave_up_changing(self) -> None:
        self.services.users.sign_out()
        if self.screen is not None:
            self.screen.failed(self.tr("You must choose your own password before you can continue."))

    def _unlock(self, user: SignedInUser) -> None:
        screen, self.screen = self.screen, None
        if screen is None:
            return
        screen.hide()
        screen.deleteLater()
        same_user = user.id == self._locked_user_id
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            if same_user:
                widget.show()
            else:
                widget.close()  # the previous user's dialogs are not the next user's business
        self._last = time.monotonic()
        self._restart()
        self.unlocked.emit(user)
        if not same_user:
            self.userChanged.emit(user)
