"""Signing in, and choosing a new password (after a reset, or from the menu).

The dialogs never keep a password longer than the call that needs it, never
log it, and show the core's message as it is: a wrong name and a wrong
password read the same, a lock-out says until when (Beijing time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FormErrors, LanddeskError
from ui.errors import message_for
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services
    from app.services.users import SignedInUser

ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #555;"
HINT_STYLE = ("background: #eef5ff; color: #1a3d6d; border: 1px solid #b9d3f5; border-radius: 3px;"
              " padding: 6px;")


def password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}_error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def with_error(edit: QWidget, error: QLabel) -> QVBoxLayout:
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(edit)
    box.addWidget(error)
    return box


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)  # Enter is handled by the fields themselves
    button.setMinimumHeight(32)
    return button


class ChangePasswordDialog(QDialog):
    """The signed-in user's own password. ``forced``: right after signing in with a
    temporary password, which is then passed as ``old_password`` and not asked again."""

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 runner: TaskRunner | None = None, old_password: str | None = None,
                 forced: bool = False) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or TaskRunner(inline=True, parent=self)
        self._old = old_password
        self._busy = False
        self.setObjectName("change_password")
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        if forced:
            note = QLabel(self.tr("Your password was set by the administrator. Choose your own "
                                  "password before you continue; only you should know it."))
            note.setObjectName("forced_note")
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        rows = [("old_password", self.tr("Current password")),
                ("new_password", self.tr("New password")),
                ("new_password_confirm", self.tr("New password again"))]
        if old_password is not None:
            rows = rows[1:]
        for key, label in rows:
            edit = password_edit(key)
            error = error_label(key)
            self.fields[key] = edit
            self.errors[key] = error
            form.addRow(label, with_error(edit, error))
        self.fields["new_password"].setPlaceholderText(self.tr("At least 8 characters, not only digits"))
        layout.addLayout(form)
        self.message = error_label("message")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ok_button = _button(self.tr("Change password"), "change_button")
        self.cancel_button = _button(self.tr("Sign out") if forced else self.tr("Cancel"), "cancel_button")
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        order = [k for k, _ in rows]
        for key, following in zip(order, order[1:], strict=False):
            self.fields[key].returnPressed.connect(self.fields[following].setFocus)
        self.fields[order[-1]].returnPressed.connect(self.submit)
        self.fields[order[0]].setFocus()

    def _show_error(self, key: str, text: str) -> None:
        label = self.errors.get(key, self.message)
        label.setText(text)
        label.show()

    def submit(self) -> None:
        if self._busy:
            return
        for label in (*self.errors.values(), self.message):
            label.hide()
        new = self.fields["new_password"].text()
        if new != self.fields["new_password_confirm"].text():
            self._show_error("new_password_confirm", self.tr("The two passwords are not the same"))
            self.fields["new_password_confirm"].setFocus()
            return
        old = self._old if self._old is not None else self.fields["old_password"].text()
        self._busy = True
        self.ok_button.setEnabled(False)
        self.runner.run(lambda: self.services.users.change_password(old, new), self._changed, self._failed)

    def _changed(self, _result: object) -> None:
        self._busy = False
        self._old = None
        for edit in self.fields.values():
            edit.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        if isinstance(exc, FormErrors):
            first = None
            for error in exc.errors:
                self._show_error(error.field, error.message)
                if error.field in self.fields:
                    first = first or self.fields[error.field]
            if first is not None:
                first.selectAll()
                first.setFocus()
            return
        self.message.setText(message_for(exc))
        self.message.show()


class SignInDialog(QDialog):
    """User name and password; Enter signs in. ``signedIn`` carries the SignedInUser once any
    required password change is done; rejecting the dialog means the person gave up (exit)."""

    signedIn = Signal(object)

    def __init__(self, services: Services | None, parent: QWidget | None = None, *,
                 runner: TaskRunner | None = None, demo: bool = False, username: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or TaskRunner(inline=True, parent=self)
        self.user: SignedInUser | None = None
        self._busy = False
        self._demo = demo
        self._pending = False  # Enter pressed before the database was open: sign in once it is
        self._demo_asked = False
        self.setObjectName("sign_in")
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(400)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Sign in to landdesk"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(heading)
        self.demo_hint = QLabel()
        self.demo_hint.setObjectName("demo_hint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet(HINT_STYLE)
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.hide()
        layout.addWidget(self.demo_hint)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.username.setMaxLength(40)
        self.password = password_edit("password")
        form.addRow(self.tr("Login name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.message = error_label("message")
        layout.addWidget(self.message)
        # Shown at start-up while the database opens on the worker: typing needs no database.
        self.waiting = QLabel(self.tr("Opening the database… you can type your password meanwhile."))
        self.waiting.setObjectName("waiting")
        self.waiting.setStyleSheet(NOTE_STYLE)
        self.waiting.setWordWrap(True)
        self.waiting.setVisible(services is None)
        layout.addWidget(self.waiting)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.sign_in_button = _button(self.tr("Sign in"), "sign_in_button")
        self.exit_button = _button(self.tr("Exit"), "exit_button")
        self.sign_in_button.clicked.connect(self.submit)
        self.exit_button.clicked.connect(self.reject)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.exit_button)
        layout.addLayout(buttons)
        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.submit)
        (self.password if username else self.username).setFocus()
        if services is not None:
            self._services_ready(services)

    def set_services(self, services: Services) -> None:
        """The database is open (the dialog was shown before it was): signing in can start,
        at once if Enter was already pressed."""
        if self.services is not None:
            return
        self.services = services
        if self._pending:  # first in the worker's queue: the demo hint can come after
            self._pending = False
            self.submit()
        self._services_ready(services)

    def _services_ready(self, services: Services) -> None:
        self.services = services
        self.waiting.hide()
        if not self._busy:  # (when already signing in, only a failure needs the hint)
            self._load_demo_hint()

    def _load_demo_hint(self) -> None:
        """``--demo``: which accounts still have the demo password (checking each takes a while,
        so it is asked for once, and not ahead of a sign-in already under way)."""
        if self._demo and self.services is not None and not self._demo_asked and self.user is None:
            self._demo_asked = True
            self.runner.run(self.services.users.demo_accounts, self._show_demo_accounts, lambda _exc: None)

    def _show_demo_accounts(self, accounts: list) -> None:  # type: ignore[type-arg]
        from app.services.users import DEMO_PASSWORD

        lines = [self.tr("Demo office: every demo account's password is {password}").format(
            password=DEMO_PASSWORD)]
        for account in accounts:
            roles = "、".join(r.label for r in account.roles)
            lines.append(f"{account.username}　{account.display_name}（{roles}）")
        self.demo_hint.setText("\n".join(lines))
        self.demo_hint.show()
        if accounts and not self.username.text():
            self.username.setText(accounts[0].username)
            self.password.setFocus()

    def _username_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        self.message.hide()
        services = self.services
        if services is None:  # still opening: the fields are read again when it is open
            self._pending = True
            self.waiting.setText(self.tr("Signing in as soon as the database is open…"))
            return
        username, password = self.username.text(), self.password.text()
        self._busy = True
        self.sign_in_button.setEnabled(False)
        self.runner.run(lambda: services.users.sign_in(username, password),
                        lambda user: self._signed_in(user, password), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.sign_in_button.setEnabled(True)
        self._load_demo_hint()
        self.message.setText(exc.message if isinstance(exc, LanddeskError) else message_for(exc))
        self.message.show()
        self.password.clear()
        if self.username.text().strip():
            self.password.setFocus()
        else:
            self.username.setFocus()

    def _signed_in(self, user: SignedInUser, password: str) -> None:
        self.password.clear()
        if not user.must_change_password:
            self._finish(user)
            return
        assert self.services is not None  # signed in through it
        dialog = ChangePasswordDialog(self.services, self, runner=self.runner, old_password=password,
                                      forced=True)
        dialog.accepted.connect(lambda: self._finish(user))
        dialog.rejected.connect(self._gave_up_changing)
        dialog.open()

    def _gave_up_changing(self) -> None:
        assert self.services is not None
        self.services.users.sign_out()
        self._busy = False
        self.sign_in_button.setEnabled(True)
        self.message.setText(self.tr("You must choose your own password before you can continue."))
        self.message.show()
        self.password.setFocus()

    def _finish(self, user: SignedInUser) -> None:
        self._busy = False
        self.sign_in_button.setEnabled(True)
        self.user = user
        self.signedIn.emit(user)
        self.accept()
