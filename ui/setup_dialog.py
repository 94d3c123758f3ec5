"""First run: the office (name, 9-digit township code, phones, remedies) and the first user."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import FormErrors, LanddeskError
from app.services import Services
from app.services.office import OfficeInput
from ui.errors import show_error


class SetupDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Set up this office"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Welcome to landdesk. Enter your office once; it is printed on every "
                               "receipt and notice. The township code is the first 9 digits of the "
                               "12-digit statistical division code."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        rows = [
            ("name", self.tr("Office name"), self.tr("e.g. 城关镇自然资源所")),
            ("code", self.tr("Township code (9 digits)"), "370702101"),
            ("county", self.tr("Supervising bureau"), self.tr("e.g. 某某县自然资源局")),
            ("address", self.tr("Window address"), ""),
            ("phone", self.tr("Consultation phone"), "0536-8123456"),
            ("complaint_phone", self.tr("Complaint phone"), "12345"),
            ("reconsideration_body", self.tr("Administrative reconsideration body"), self.tr("e.g. 某某县人民政府")),
            ("court", self.tr("Court for administrative lawsuits"), self.tr("e.g. 某某县人民法院")),
            ("display_name", self.tr("Your name"), ""),
            ("username", self.tr("Your login name"), "wangxm"),
            ("password", self.tr("Your password"), self.tr("At least 8 characters, not only digits")),
            ("password_confirm", self.tr("Password again"), ""),
        ]
        for key, label, placeholder in rows:
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setPlaceholderText(placeholder)
            if key.startswith("password"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            error = QLabel()
            error.setObjectName(f"{key}_error")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(label, box)
            self.fields[key] = edit
            self.errors[key] = error
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create office"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self, key: str) -> str:
        return self.fields[key].text()

    def submit(self) -> None:
        for label in self.errors.values():
            label.hide()
        if self.value("password") != self.value("password_confirm"):
            self._field_error("password_confirm", self.tr("The two passwords are not the same"))
            self.fields["password_confirm"].setFocus()
            return
        data = OfficeInput(**{k: self.value(k) for k in (
            "name", "code", "county", "address", "phone", "complaint_phone",
            "reconsideration_body", "court")})
        try:
            self.services.office.create_office(data, username=self.value("username"),
                                               display_name=self.value("display_name"),
                                               password=self.value("password"))
        except FormErrors as exc:
            first = None
            for error in exc.errors:
                if error.field in self.errors:
                    self._field_error(error.field, error.message)
                    first = first or self.fields[error.field]
            if first is not None:
                first.setFocus()
            return
        except LanddeskError as exc:
            show_error(self, exc)
            return
        self.accept()

    def _field_error(self, key: str, message: str) -> None:
        self.errors[key].setText(message)
        self.errors[key].show()
