"""The office this installation serves, its users, and first-run set-up."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import security
from app.dto import OfficeInfo, Role
from app.errors import FormErrors, NotFoundError, ValidationError
from app.models import Office, User
from app.services.context import ServiceContext
from app.validators import validate_office_code, validate_phone


@dataclass(frozen=True)
class OfficeInput:
    name: str
    code: str
    county: str = ""
    address: str = ""
    phone: str = ""
    complaint_phone: str = ""
    reconsideration_body: str = ""
    court: str = ""


@dataclass(frozen=True)
class UserItem:
    id: uuid.UUID
    username: str
    display_name: str
    roles: tuple[Role, ...]


def roles_of(text: str) -> tuple[Role, ...]:
    """The roles stored in ``User.roles`` (comma-separated Role values)."""
    return tuple(Role(r) for r in text.split(",") if r)


@dataclass(frozen=True)
class StaffItem:
    """A person of the office who can receive a case, be named responsible, or get a notice."""

    id: uuid.UUID
    display_name: str
    roles: tuple[Role, ...]


def office_info(s: Session, ctx: ServiceContext, office_id: uuid.UUID | None = None) -> OfficeInfo:
    """An office's printed details (default: the signed-in office's), cached under the key
    OfficeService forgets when the office is edited."""
    wanted = office_id or ctx.office_id
    assert wanted is not None

    def load() -> OfficeInfo:
        office = s.get(Office, wanted)
        if office is None:
            raise NotFoundError("尚未设置单位" if office_id is None else "单位不存在")
        return _office_info(office)

    return cast(OfficeInfo, ctx.cached(("office", wanted), load))


def user_name(s: Session, ctx: ServiceContext, user_id: uuid.UUID) -> str:
    """A user's display name as printed on slips and lists ("" for an unknown id), cached."""
    def load() -> str:
        user = s.get(User, user_id)
        return user.display_name if user is not None else ""

    return cast(str, ctx.cached(("user_name", user_id), load))


def home_office_id(session: Session) -> uuid.UUID | None:
    """The office this database belongs to.

    A county database also holds every township's office and users, and a township one the
    county's (from its downlinks); those arrive without password hashes, so the home office
    is the one whose people can sign in here.
    """
    found = session.scalar(
        select(User.office_id).where(User.password_hash.is_not(None))
        .order_by(User.created_at).limit(1)
    )
    if found is None:
        # A database from the first release (schema 0001) had no passwords at all: its
        # one office and users are all there is (see UserService.sign_in's legacy claim).
        found = session.scalar(select(User.office_id).order_by(User.created_at).limit(1))
    return found


def _office_info(o: Office) -> OfficeInfo:
    return OfficeInfo(
        name=o.name, code=o.code, county=o.county, address=o.address, phone=o.phone,
        complaint_phone=o.complaint_phone, reconsideration_body=o.reconsideration_body,
        court=o.court,
    )


def validate_office_input(data: OfficeInput) -> OfficeInput:
    errors: list[ValidationError] = []
    name = data.name.strip()
    if not name:
        errors.append(ValidationError("name", data.name, "empty", "请填写单位名称，例如“××镇自然资源所”"))
    code = data.code
    try:
        code = validate_office_code(data.code, "code")
    except ValidationError as exc:
        errors.append(exc)
    phones: dict[str, str] = {}
    for field_name in ("phone", "complaint_phone"):
        raw = getattr(data, field_name).strip()
        if raw:
            try:
                phones[field_name] = validate_phone(raw, field_name)
            except ValidationError as exc:
                errors.append(exc)
        else:
            phones[field_name] = ""
    if errors:
        raise FormErrors(errors)
    return OfficeInput(
        name=name, code=code, county=data.county.strip(), address=data.address.strip(),
        phone=phones["phone"], complaint_phone=phones["complaint_phone"],
        reconsideration_body=data.reconsideration_body.strip(), court=data.court.strip(),
    )


class OfficeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def needs_setup(self) -> bool:
        with self.ctx.reading() as s:
            return not s.scalar(select(func.count()).select_from(Office))

    def create_office(self, data: OfficeInput, *, username: str, display_name: str,
                      password: str) -> UserItem:
        """First run: the office and its first user (who administers the others).

        ``password`` is stored only as a scrypt hash (app.security).
        """
        clean = validate_office_input(data)
        errors: list[ValidationError] = []
        username = username.strip()
        display_name = display_name.strip()
        if not username or not username.replace("_", "").replace(".", "").isalnum():
            errors.append(ValidationError("username", username, "format",
                                          "登录名只能由字母、数字、下划线或点组成，且不能为空"))
        if not display_name:
            errors.append(ValidationError("display_name", display_name, "empty", "请填写姓名"))
        problem = security.password_problem(password, username)
        if problem:
            # never the password itself as the error's value: errors end up in logs
            errors.append(ValidationError("password", "", "rule", problem))
        if errors:
            raise FormErrors(errors)
        password_hash = security.hash_password(password)
        office_id = uuid.uuid4()
        user_id = uuid.uuid4()
        roles = (Role.ADMIN, Role.WINDOW_CLERK, Role.SECTION_CHIEF)
        # The person setting up is the actor of the set-up, and is signed in afterwards.
        previous = self.ctx.office_id, self.ctx.user_id
        self.ctx.office_id, self.ctx.user_id = office_id, user_id
        try:
            with self.ctx.transaction("office.create") as s:
                if s.scalar(select(func.count()).select_from(Office)):
                    raise ValidationError("code", clean.code, "exists", "本数据库已经设置过单位")
                s.add(Office(id=office_id, **clean.__dict__))
                s.flush()
                s.add(User(id=user_id, office_id=office_id, username=username,
                           display_name=display_name, roles=",".join(r.value for r in roles),
                           password_hash=password_hash, must_change_password=False))
        except BaseException:
            self.ctx.office_id, self.ctx.user_id = previous
            raise
        return UserItem(id=user_id, username=username, display_name=display_name, roles=roles)

    def sign_in_default(self) -> UserItem:
        """Act as the office's first active user, without a password.

        For tests and the ``--demo`` data generator only: the window signs people in
        with UserService.sign_in().
        """
        with self.ctx.reading() as s:
            home = home_office_id(s)
            office = s.get(Office, home) if home else None
            if office is None:
                raise NotFoundError("尚未设置单位")
            user = s.scalars(
                select(User).where(User.office_id == office.id, User.active)
                .order_by(User.created_at)
            ).first()
            if user is None:
                raise NotFoundError("单位还没有用户")
        self.ctx.office_id, self.ctx.user_id = office.id, user.id
        return _user_item(user)

    def office(self) -> OfficeInfo:
        with self.ctx.reading() as s:
            office = s.get(Office, self.ctx.office_id)
            if office is None:
                raise NotFoundError("尚未设置单位")
            return _office_info(office)

    def current_user(self) -> UserItem:
        with self.ctx.reading() as s:
            user = s.get(User, self.ctx.user_id)
            if user is None:
                raise NotFoundError("当前用户不存在")
            return _user_item(user)

    def update_office(self, data: OfficeInput) -> OfficeInfo:
        clean = validate_office_input(data)
        with self.ctx.transaction("office.update") as s:
            office = s.get(Office, self.ctx.office_id)
            if office is None:
                raise NotFoundError("尚未设置单位")
            if office.code != clean.code:
                # The code is inside every case number already issued; changing it would
                # break the numbering's uniqueness across townships.
                raise ValidationError("code", clean.code, "immutable", "单位代码已用于受理编号，不能修改")
            for key, value in clean.__dict__.items():
                setattr(office, key, value)
            info = _office_info(office)
        self.ctx.forget(("office", self.ctx.office_id))
        return info


def _user_item(u: User) -> UserItem:
    return UserItem(
        id=u.id, username=u.username, display_name=u.display_name,
        roles=roles_of(u.roles),
    )
