"""Users (administrators only): who may sign in, with which roles; password resets; idle lock.

Accounts are never deleted, only deactivated: their names stay on every slip
they signed. A reset password is shown once, to be handed over in person.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import Role
from app.errors import FormErrors, ValidationError
from app.services.context import LOCAL_TZ
from app.services.users import IDLE_MAX_MINUTES, USER_ROLES, UserRow
from ui.errors import message_for, show_error
from ui.sign_in_dialog import NOTE_STYLE, error_label, password_edit, with_error
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services


def _local(moment: dt.datetime | None) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M") if moment else ""


class UserDialog(QDialog):
    """Add a user (name, login, roles, first password) or edit one (name, roles, active)."""

    saved = Signal(object)  # the UserRow as stored

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None, *,
                 user: UserRow | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.user = user
        self._busy = False
        self.setObjectName("user_dialog")
        self.setWindowTitle(self.tr("Add user") if user is None else self.tr("Edit user"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}

        self.display_name = self._line("display_name", user.display_name if user else "")
        form.addRow(self.tr("Full name"), with_error(self.display_name, self.errors["display_name"]))
        self.username = self._line("username", user.username if user else "")
        self.username.setPlaceholderText(self.tr("Letters, digits, _ or ., e.g. lisi"))
        if user is not None:
            self.username.setReadOnly(True)  # it is on every slip and in the audit log
        form.addRow(self.tr("Login name"), with_error(self.username, self.errors["username"]))

        roles_box = QWidget()
        grid = QGridLayout(roles_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.role_checks: dict[Role, QCheckBox] = {}
        for index, role in enumerate(USER_ROLES):
            check = QCheckBox(role.label)
            check.setObjectName(f"role_{role.value}")
            check.setChecked(user is not None and role in user.roles)
            grid.addWidget(check, index // 3, index % 3)
            self.role_checks[role] = check
        self.errors["roles"] = error_label("roles")
        form.addRow(self.tr("Roles"), with_error(roles_box, self.errors["roles"]))

        self.active: QCheckBox | None = None
        if user is None:
            for key, label in (("password", self.tr("First password")),
                               ("password_confirm", self.tr("Password again"))):
                edit = password_edit(key)
                self.fields[key] = edit
                self.errors[key] = error_label(key)
                form.addRow(label, with_error(edit, self.errors[key]))
            self.fields["password"].setPlaceholderText(self.tr("At least 8 characters, not only digits"))
            note = QLabel(self.tr("Hand the first password over in person; the user chooses "
                                  "their own at the first sign-in."))
            note.setWordWrap(True)
            note.setStyleSheet(NOTE_STYLE)
            form.addRow("", note)
        else:
            self.active = QCheckBox(self.tr("May sign in (active)"))
            self.active.setObjectName("active")
            self.active.setChecked(user.active)
            self.errors["active"] = error_label("active")
            form.addRow("", with_error(self.active, self.errors["active"]))
        layout.addLayout(form)
        self.message = error_label("message")
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("cancel")
        cancel.setAutoDefault(False)
        self.save_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

    def _line(self, key: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(key)
        edit.setMaxLength(40)
        self.fields[key] = edit
        self.errors[key] = error_label(key)
        return edit

    def chosen_roles(self) -> list[Role]:
        return [role for role, check in self.role_checks.items() if check.isChecked()]

    def _show_error(self, key: str, text: str) -> None:
        label = self.errors.get(key, self.message)
        label.setText(text)
        label.show()

    def submit(self) -> None:
        if self._busy:
            return
        for label in (*self.errors.values(), self.message):
            label.hide()
        users = self.services.users
        name, roles = self.display_name.text(), self.chosen_roles()
        if self.user is None:
            password = self.fields["password"].text()
            if password != self.fields["password_confirm"].text():
                self._show_error("password_confirm", self.tr("The two passwords are not the same"))
                self.fields["password_confirm"].setFocus()
                return
            username = self.username.text()

            def work() -> UserRow:
                return users.create_user(username, name, roles, password)
        else:
            user_id = self.user.id
            active = self.active.isChecked() if self.active is not None else True

            def work() -> UserRow:
                return users.update_user(user_id, name, roles, active)

        self._busy = True
        self.save_button.setEnabled(False)
        self.runner.run(work, self._saved, self._failed)

    def _saved(self, row: UserRow) -> None:
        self._busy = False
        self.saved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        errors = exc.errors if isinstance(exc, FormErrors) else [exc] if isinstance(exc, ValidationError) else None
        if errors is None:
            self.message.setText(message_for(exc))
            self.message.show()
            return
        first: QWidget | None = None
        for error in errors:
            self._show_error(error.field, error.message)
            widget = self.fields.get(error.field)
            if widget is None and error.field == "roles":
                widget = self.role_checks[USER_ROLES[0]]
            first = first or widget
        if first is not None:
            first.setFocus()


class TemporaryPasswordDialog(QDialog):
    """Shows a reset password once, large enough to copy onto a slip of paper."""

    def __init__(self, display_name: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("temporary_password_dialog")
        self.setWindowTitle(self.tr("Temporary password"))
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The temporary password for {name} is:").format(name=display_name))
        layout.addWidget(intro)
        self.password = QLabel(password)
        self.password.setObjectName("temporary_password")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(20)
        font.setBold(True)
        self.password.setFont(font)
        self.password.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.password)
        note = QLabel(self.tr("Hand it to {name} in person, not by phone or chat. It is shown only "
                              "this once; {name} must choose a new password at the next sign-in.")
                      .format(name=display_name))
        note.setObjectName("handover_note")
        note.setWordWrap(True)
        layout.addWidget(note)
        done = QPushButton(self.tr("Done"))
        done.setObjectName("done")
        done.clicked.connect(self.accept)
        layout.addWidget(done, alignment=Qt.AlignmentFlag.AlignRight)

    def done(self, result: int) -> None:
        self.password.clear()  # gone from the screen and from memory we control
        super().done(result)


class UsersPage(QWidget):
    idleMinutesChanged = Signal(int)  # for the IdleLock: 0 = never

    COLUMNS = 5

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.rows: list[UserRow] = []
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Users"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(title)
        self.message = error_label("page_message")
        layout.addWidget(self.message)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("users")
        self.table.setHorizontalHeaderLabels([self.tr("Full name"), self.tr("Login name"), self.tr("Roles"),
                                              self.tr("Status"), self.tr("Last sign-in")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_user())
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.add_button.setObjectName("add_user")
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("edit_user")
        self.active_button = QPushButton(self.tr("&Deactivate"))
        self.active_button.setObjectName("toggle_active")
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.setObjectName("reset_password")
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        for button in (self.add_button, self.edit_button, self.active_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        idle = QGroupBox(self.tr("Screen lock"))
        idle_layout = QVBoxLayout(idle)
        row = QHBoxLayout()
        label = QLabel(self.tr("Lock the screen after"))
        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idle_minutes")
        self.idle_spin.setRange(0, IDLE_MAX_MINUTES)
        self.idle_spin.setSuffix(self.tr(" minutes without use"))
        self.idle_spin.setSpecialValueText(self.tr("never"))
        self.idle_spin.setMinimumWidth(160)
        label.setBuddy(self.idle_spin)
        self.idle_save = QPushButton(self.tr("Save"))
        self.idle_save.setObjectName("save_idle")
        self.idle_save.clicked.connect(self.save_idle_minutes)
        row.addWidget(label)
        row.addWidget(self.idle_spin)
        row.addWidget(self.idle_save)
        row.addStretch(1)
        idle_layout.addLayout(row)
        note = QLabel(self.tr("Without keyboard or mouse for this long, landdesk covers its window; "
                              "the user's password opens it again, or another user signs in. "
                              "0 = never (not advised at a public window)."))
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        idle_layout.addWidget(note)
        self.idle_error = error_label("idle_minutes")
        idle_layout.addWidget(self.idle_error)
        layout.addWidget(idle)
        self._selection_changed()

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        users = self.services.users

        def load() -> tuple[list[UserRow], int]:
            return users.list_users(), users.get_idle_minutes()

        self.runner.run(load, self._show, self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self.message.setText(message_for(exc))
        self.message.show()

    def _show(self, loaded: tuple[list[UserRow], int]) -> None:
        rows, minutes = loaded
        self.message.hide()
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, user in enumerate(rows):
            values = [user.display_name, user.username, "、".join(r.label for r in user.roles),
                      self._status(user), _local(user.last_sign_in_at)]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(QBrush(QColor("#888888")))
                self.table.setItem(index, column, item)
            if selected is not None and user.id == selected.id:
                self.table.selectRow(index)
        self.idle_spin.setValue(minutes)
        self._selection_changed()

    def _status(self, user: UserRow) -> str:
        if not user.active:
            return self.tr("Deactivated")
        parts = [self.tr("Active")]
        if user.locked_until is not None:
            parts.append(self.tr("locked until {time}").format(time=_local(user.locked_until)))
        if user.must_change_password:
            parts.append(self.tr("must change password"))
        return self.tr(", ").join(parts)

    def selected(self) -> UserRow | None:
        index = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    def select_username(self, username: str) -> None:
        for index, user in enumerate(self.rows):
            if user.username == username:
                self.table.selectRow(index)
                return

    def _selection_changed(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.active_button, self.reset_button):
            button.setEnabled(user is not None)
        self.active_button.setText(self.tr("Re&activate") if user is not None and not user.active
                                   else self.tr("&Deactivate"))

    # ------------------------------------------------------------ actions

    def add_user(self) -> UserDialog:
        dialog = UserDialog(self.services, self.runner, self)
        dialog.saved.connect(lambda row: self._saved(row.username))
        dialog.open()
        return dialog

    def edit_user(self) -> UserDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = UserDialog(self.services, self.runner, self, user=user)
        dialog.saved.connect(lambda row: self._saved(row.username))
        dialog.open()
        return dialog

    def _saved(self, username: str) -> None:
        self.refresh()
        self.select_username(username)

    def toggle_active(self) -> QMessageBox | None:
        user = self.selected()
        if user is None:
            return None
        if not user.active:
            self._set_active(user, True)
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Deactivate user"),
                          self.tr("Deactivate {name} ({login})? They can no longer sign in. Their "
                                  "name stays on the cases and slips they handled.").format(
                              name=user.display_name, login=user.username),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_deactivate")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes
                             and self._set_active(user, False))
        box.open()
        return box

    def _set_active(self, user: UserRow, active: bool) -> None:
        users = self.services.users
        self.runner.run(lambda: users.update_user(user.id, user.display_name, user.roles, active),
                        lambda row: self._saved(row.username), lambda exc: show_error(self, exc))

    def reset_password(self) -> QMessageBox | None:
        user = self.selected()
        if user is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reset password"),
                          self.tr("Give {name} ({login}) a new temporary password? The current "
                                  "password stops working at once.").format(
                              name=user.display_name, login=user.username),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_reset")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes
                             and self._reset(user))
        box.open()
        return box

    def _reset(self, user: UserRow) -> None:
        users = self.services.users

        def shown(temporary: str) -> None:
            dialog = TemporaryPasswordDialog(user.display_name, temporary, self)
            dialog.open()
            self._saved(user.username)

        self.runner.run(lambda: users.reset_password(user.id), shown, lambda exc: show_error(self, exc))

    def save_idle_minutes(self) -> None:
        self.idle_error.hide()
        users = self.services.users
        minutes = self.idle_spin.value()

        def saved(value: int) -> None:
            self.idleMinutesChanged.emit(value)

        def failed(exc: BaseException) -> None:
            self.idle_error.setText(message_for(exc))
            self.idle_error.show()

        self.runner.run(lambda: users.set_idle_minutes(minutes), saved, failed)
