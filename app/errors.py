"""Typed errors raised by the core.

Every error carries what went wrong in fields the UI can place next to the
right widget (``field``) and a Chinese message a clerk can act on.  The core
speaks Chinese directly because every user of landdesk does; the UI may still
wrap the message in its own translated frame.
"""

from __future__ import annotations


class LanddeskError(Exception):
    """Base class for every error the user is meant to see."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(LanddeskError):
    """A value typed by a user (or read from a file) is not acceptable.

    ``field`` names the form field (e.g. ``"id_number"``), ``value`` is what was
    given and ``reason`` a short machine-readable code (``"checksum"``,
    ``"birth_date"``, ``"length"`` …) so tests and the UI need not parse text.
    """

    def __init__(self, field: str, value: object, reason: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        self.reason = reason


class FormErrors(LanddeskError):
    """Several field errors found at once, so a form can mark them all."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("；".join(e.message for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, ValidationError]:
        return {e.field: e for e in self.errors}


class CatalogError(LanddeskError):
    """A catalogue file is malformed: says which file, line and field."""

    def __init__(self, file: str, line: int | None, field: str, reason: str) -> None:
        where = f"{file}" + (f" 第 {line} 行" if line else "")
        super().__init__(f"事项目录文件 {where}，字段 {field}：{reason}")
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason


class FontNotFoundError(LanddeskError):
    """No CJK TrueType font could be found for printing."""


class DatabaseError(LanddeskError):
    """The database cannot be opened or used (network share, too new, locked …)."""


class StateError(LanddeskError):
    """An action is not allowed in the case's current state."""


class NotFoundError(LanddeskError):
    """A record the caller asked for does not exist."""


class PermissionDenied(LanddeskError):
    """The signed-in user may not do this (wrong role, or not the case's current holder)."""

    def __init__(self, action: str, message: str) -> None:
        super().__init__(message)
        self.action = action


class SignInError(LanddeskError):
    """Wrong user name or password, or the account is locked or disabled."""
