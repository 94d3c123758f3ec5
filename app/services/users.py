"""People: signing in, passwords, lock-out, and the administrator's user management.

Sign-in answers a wrong user name exactly as it answers a wrong password
(same words, about the same time), so the screen does not tell a stranger
which names exist. Five wrong passwords in a row lock the account for
fifteen minutes; an administrator's password reset lifts the lock at once.

Password hashes never leave this module and app.security: the audit and
change logs mask the column (app.audit.REDACTED), exceptions never carry a
password as their value, and the data objects returned here have no hash.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import security
from app.dto import Role
from app.errors import FormErrors, NotFoundError, SignInError, ValidationError
from app.models import Setting, User
from app.permissions import Action
from app.services.context import LOCAL_TZ, ServiceContext
from app.services.office import UserItem, home_office_id, roles_of

LOCK_AFTER_FAILURES = 5
LOCK_MINUTES = 15

IDLE_SETTING = "idle_lock_minutes"
IDLE_DEFAULT_MINUTES = 10
IDLE_MAX_MINUTES = 240

# The password every account made by ``landdesk --demo`` has; shown on the demo's sign-in screen.
DEMO_PASSWORD = "demo2026"

# Roles a person can hold. "collective" (集体会审) is a routing step taken by a meeting, not a person.
USER_ROLES: tuple[Role, ...] = (Role.WINDOW_CLERK, Role.HANDLER, Role.SECTION_CHIEF,
                                Role.DEPUTY_LEADER, Role.LEADER, Role.ADMIN)

WRONG_CREDENTIALS = "登录名或密码不正确"


@dataclass(frozen=True)
class SignedInUser(UserItem):
    """The user a sign-in let in; ``must_change_password`` asks the UI for a new password first."""

    must_change_password: bool


@dataclass(frozen=True)
class UserRow(UserItem):
    """One line of the administrator's user list."""

    active: bool
    last_sign_in_at: dt.datetime | None
    must_change_password: bool
    locked_until: dt.datetime | None  # None, or while the lock-out lasts


class AccountLockedError(SignInError):
    """Too many wrong passwords: the account is locked until ``locked_until`` (aware UTC)."""

    def __init__(self, message: str, locked_until: dt.datetime) -> None:
        super().__init__(message)
        self.locked_until = locked_until


def _roles_text(roles: Iterable[Role]) -> str:
    chosen = set(roles)
    return ",".join(r.value for r in USER_ROLES if r in chosen)


def _signed_in(u: User) -> SignedInUser:
    return SignedInUser(id=u.id, username=u.username, display_name=u.display_name,
                        roles=roles_of(u.roles), must_change_password=u.must_change_password)


def _row(u: User, now: dt.datetime) -> UserRow:
    locked = u.locked_until if u.locked_until is not None and u.locked_until > now else None
    return UserRow(id=u.id, username=u.username, display_name=u.display_name, roles=roles_of(u.roles),
                   active=u.active, last_sign_in_at=u.last_sign_in_at,
                   must_change_password=u.must_change_password, locked_until=locked)


def beijing_time(moment: dt.datetime, today: dt.date) -> str:
    """``10:15``, or ``11月24日 10:15`` when not today — as a clerk reads a clock."""
    local = moment.astimezone(LOCAL_TZ)
    if local.date() == today:
        return f"{local:%H:%M}"
    return f"{local.month}月{local.day}日 {local:%H:%M}"


def validate_username(username: str, field: str = "username") -> str:
    name = username.strip()
    if not name or not name.replace("_", "").replace(".", "").isalnum():
        raise ValidationError(field, username, "format", "登录名只能由字母、数字、下划线或点组成，且不能为空")
    if len(name) > 40:
        raise ValidationError(field, username, "length", "登录名不能超过 40 个字符")
    return name


def validate_display_name(display_name: str, field: str = "display_name") -> str:
    name = display_name.strip()
    if not name:
        raise ValidationError(field, display_name, "empty", "请填写姓名")
    if len(name) > 40:
        raise ValidationError(field, display_name, "length", "姓名不能超过 40 个字符")
    return name


def check_new_password(password: str, username: str, field: str = "password") -> None:
    """Raise ValidationError (whose value is never the password) when the rules refuse it."""
    problem = security.password_problem(password, username)
    if problem:
        raise ValidationError(field, "", "rule", problem)


def _validate_roles(roles: Iterable[Role], field: str = "roles") -> tuple[Role, ...]:
    try:
        chosen = {Role(r) for r in roles}
    except ValueError as exc:
        raise ValidationError(field, "", "unknown", "未知的角色") from exc
    if not chosen:
        raise ValidationError(field, "", "empty", "请至少选择一个角色")
    if not chosen <= set(USER_ROLES):
        raise ValidationError(field, "", "unknown", "集体会审不是个人角色")
    return tuple(r for r in USER_ROLES if r in chosen)


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------ signing in

    def _acting_as(self, office_id: uuid.UUID | None, user_id: uuid.UUID | None) -> ServiceContext:
        """A context for writes made by a sign-in attempt, so the audit log names the account
        being signed into — not whoever happened to be signed in on this PC before."""
        return ServiceContext(db=self.ctx.db, office_id=office_id, user_id=user_id, clock=self.ctx.clock)

    def _find(self, s: Session, username: str) -> User | None:
        name = username.strip()
        if not name:
            return None
        # Only this database's own people: a county database also holds every township's users.
        users = s.scalars(select(User).where(func.lower(User.username) == name.lower(),
                                             User.office_id == home_office_id(s))).all()
        exact = [u for u in users if u.username == name]
        if exact:
            return exact[0]
        return users[0] if len(users) == 1 else None

    def _locked_message(self, until: dt.datetime) -> str:
        return (f"连续 {LOCK_AFTER_FAILURES} 次密码错误，账户已锁定 {LOCK_MINUTES} 分钟，"
                f"请于北京时间 {beijing_time(until, self.ctx.today())} 以后再试，"
                "或请系统管理员重置密码")

    def sign_in(self, username: str, password: str) -> SignedInUser:
        """Check the password; on success this context acts as that user from now on."""
        if not username.strip() or not password:
            raise SignInError("请输入登录名和密码")
        now = self.ctx.now()
        with self.ctx.reading() as s:
            user = self._find(s, username)
            if user is None:
                security.burn_time(password)
                raise SignInError(WRONG_CREDENTIALS)
            user_id, office_id, stored = user.id, user.office_id, user.password_hash
            locked_until = user.locked_until
        if locked_until is not None and locked_until > now:
            raise AccountLockedError(self._locked_message(locked_until), locked_until)
        if not stored and self._legacy_office(office_id):
            return self._claim_legacy_account(user_id, office_id, username, password)
        if not stored:
            security.burn_time(password)  # an account without a password answers no faster
        ok = security.verify_password(password, stored)

        if not ok:
            with self._acting_as(office_id, None).transaction("user.sign_in_failed") as s:
                user = s.get(User, user_id)
                assert user is not None
                failures = (user.failed_sign_ins or 0) + 1
                if failures >= LOCK_AFTER_FAILURES:
                    user.failed_sign_ins = 0  # the lock is the penalty; afterwards five tries again
                    user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                    locked_until = user.locked_until
                else:
                    user.failed_sign_ins = failures
                    locked_until = None
            if locked_until is not None:
                raise AccountLockedError(self._locked_message(locked_until), locked_until)
            raise SignInError(WRONG_CREDENTIALS)

        with self._acting_as(office_id, user_id).transaction("user.sign_in") as s:
            user = s.get(User, user_id)
            assert user is not None
            if not user.active:
                raise SignInError("该账户已停用，请联系系统管理员")
            if user.password_hash != stored:  # changed by another PC while we were checking
                raise SignInError(WRONG_CREDENTIALS)
            user.failed_sign_ins = 0
            user.locked_until = None
            user.last_sign_in_at = now
            if security.needs_rehash(stored):
                user.password_hash = security.hash_password(password)
            result = _signed_in(user)
        self.ctx.office_id, self.ctx.user_id = office_id, user_id
        self.ctx.forget(("roles", user_id))  # another administrator may have changed them
        return result

    def _legacy_office(self, office_id: uuid.UUID) -> bool:
        """True for a database upgraded from the first release, where nobody had a password."""
        with self.ctx.reading() as s:
            return not s.scalar(select(func.count()).select_from(User).where(
                User.office_id == office_id, User.password_hash.is_not(None)))

    def _claim_legacy_account(self, user_id: uuid.UUID, office_id: uuid.UUID, username: str,
                              password: str) -> SignedInUser:
        """The first sign-in after upgrading a password-less database sets that person's password.

        The old program let anyone at the PC work; the first person to sign in after the
        upgrade becomes the administrator (and keeps the window clerk's work) and the others
        get passwords from them, so the office is never locked out of its own data.
        """
        check_new_password(password, username, "password")
        with self._acting_as(office_id, user_id).transaction("user.claim_legacy") as s:
            user = s.get(User, user_id)
            assert user is not None
            user.password_hash = security.hash_password(password)
            roles = set(roles_of(user.roles)) | {Role.ADMIN, Role.WINDOW_CLERK}
            user.roles = ",".join(r.value for r in Role if r in roles)
            user.failed_sign_ins = 0
            user.last_sign_in_at = self.ctx.now()
            result = _signed_in(user)
        self.ctx.office_id, self.ctx.user_id = office_id, user_id
        self.ctx.forget(("roles", user_id))
        return result

    def sign_out(self) -> None:
        previous = self.ctx.user_id
        self.ctx.user_id = None
        self.ctx.forget(("roles", previous))

    def change_password(self, old: str, new: str) -> None:
        """The signed-in user's own password; clears "must change" after a reset."""
        if self.ctx.user_id is None:
            raise SignInError("请先登录")
        with self.ctx.reading() as s:
            user = s.get(User, self.ctx.user_id)
            if user is None:
                raise NotFoundError("当前用户不存在")
            stored, username = user.password_hash, user.username
        errors: list[ValidationError] = []
        if not security.verify_password(old, stored):
            errors.append(ValidationError("old_password", "", "wrong", "原密码不正确"))
        try:
            check_new_password(new, username, "new_password")
        except ValidationError as exc:
            errors.append(exc)
        else:
            if new == old:
                errors.append(ValidationError("new_password", "", "same", "新密码不能与原密码相同"))
        if errors:
            raise FormErrors(errors)
        new_hash = security.hash_password(new)
        with self.ctx.transaction("user.change_password") as s:
            user = s.get(User, self.ctx.user_id)
            assert user is not None
            user.password_hash = new_hash
            user.must_change_password = False

    def demo_accounts(self) -> list[UserItem]:
        """Active accounts whose password is still DEMO_PASSWORD (for the ``--demo`` sign-in hint)."""
        with self.ctx.reading() as s:
            users = s.scalars(select(User).where(User.active).order_by(User.created_at)).all()
            found = [(u, u.password_hash) for u in users]
        return [UserItem(id=u.id, username=u.username, display_name=u.display_name, roles=roles_of(u.roles))
                for u, stored in found if security.verify_password(DEMO_PASSWORD, stored)]

    # ------------------------------------------------------------ administration

    def _admin(self) -> None:
        self.ctx.require(Action.MANAGE_USERS, is_holder=True)

    def list_users(self) -> list[UserRow]:
        """Everyone of this office, active ones first."""
        self._admin()
        now = self.ctx.now()
        with self.ctx.reading() as s:
            users = s.scalars(select(User).where(User.office_id == self.ctx.office_id)
                              .order_by(User.active.desc(), User.created_at)).all()
            return [_row(u, now) for u in users]

    def create_user(self, username: str, display_name: str, roles: Iterable[Role], password: str, *,
                    must_change_password: bool = True) -> UserRow:
        """A new account. Its first password is set by the administrator and handed over in
        person; by default the user must choose their own at the first sign-in."""
        self._admin()
        errors: list[ValidationError] = []
        clean_name = clean_display = ""
        chosen: tuple[Role, ...] = ()
        try:
            clean_name = validate_username(username)
        except ValidationError as exc:
            errors.append(exc)
        try:
            clean_display = validate_display_name(display_name)
        except ValidationError as exc:
            errors.append(exc)
        try:
            chosen = _validate_roles(roles)
        except ValidationError as exc:
            errors.append(exc)
        try:
            check_new_password(password, clean_name or username)
        except ValidationError as exc:
            errors.append(exc)
        if errors:
            raise FormErrors(errors)
        new_hash = security.hash_password(password)
        with self.ctx.transaction("user.create") as s:
            if s.scalar(select(func.count()).select_from(User)
                        .where(func.lower(User.username) == clean_name.lower(),
                               User.office_id == self.ctx.office_id)):
                raise FormErrors([ValidationError("username", clean_name, "exists",
                                                  f"登录名“{clean_name}”已被使用")])
            user = User(id=uuid.uuid4(), office_id=self.ctx.office_id, username=clean_name,
                        display_name=clean_display, roles=_roles_text(chosen), password_hash=new_hash,
                        must_change_password=must_change_password, failed_sign_ins=0, active=True)
            s.add(user)
            s.flush()
            return _row(user, self.ctx.now())

    def _office_user(self, s: Session, user_id: uuid.UUID) -> User:
        user = s.get(User, user_id)
        if user is None or user.office_id != self.ctx.office_id:
            raise NotFoundError("没有这个用户")
        return user

    def update_user(self, user_id: uuid.UUID, display_name: str, roles: Iterable[Role],
                    active: bool) -> UserRow:
        """Name, roles and whether the account may sign in (accounts are never deleted:
        their names stay on every slip they signed)."""
        self._admin()
        errors: list[ValidationError] = []
        clean_display = ""
        chosen: tuple[Role, ...] = ()
        try:
            clean_display = validate_display_name(display_name)
        except ValidationError as exc:
            errors.append(exc)
        try:
            chosen = _validate_roles(roles)
        except ValidationError as exc:
            errors.append(exc)
        if errors:
            raise FormErrors(errors)
        if user_id == self.ctx.user_id and not active:
            raise FormErrors([ValidationError("active", active, "self",
                                              "不能停用自己正在使用的账户")])
        with self.ctx.transaction("user.update") as s:
            user = self._office_user(s, user_id)
            was_admin = user.active and Role.ADMIN.value in user.roles.split(",")
            stays_admin = active and Role.ADMIN in chosen
            if was_admin and not stays_admin:
                others = [u for u in s.scalars(select(User).where(
                    User.office_id == user.office_id, User.active, User.id != user.id))
                    if Role.ADMIN.value in u.roles.split(",")]
                if not others:
                    field = "roles" if active else "active"
                    raise FormErrors([ValidationError(
                        field, user.username, "last_admin",
                        "这是最后一位在用的系统管理员，不能取消其管理员角色或停用；请先为另一人添加系统管理员角色")])
            user.display_name = clean_display
            user.roles = _roles_text(chosen)
            user.active = active
            row = _row(user, self.ctx.now())
        self.ctx.forget(("roles", user_id))
        return row

    def reset_password(self, user_id: uuid.UUID) -> str:
        """A new temporary password (returned once, never stored in clear); the user must
        choose their own at the next sign-in. Also lifts a lock-out."""
        self._admin()
        temporary = security.temporary_password()
        new_hash = security.hash_password(temporary)
        with self.ctx.transaction("user.reset_password") as s:
            user = self._office_user(s, user_id)
            user.password_hash = new_hash
            user.must_change_password = True
            user.failed_sign_ins = 0
            user.locked_until = None
        return temporary

    # ------------------------------------------------------------ settings

    def get_idle_minutes(self) -> int:
        """Minutes without keyboard or mouse before the screen locks; 0 = never."""
        with self.ctx.reading() as s:
            setting = s.get(Setting, IDLE_SETTING)
            value = setting.value.get("minutes") if setting is not None else None
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= IDLE_MAX_MINUTES:
            return value
        return IDLE_DEFAULT_MINUTES

    def set_idle_minutes(self, minutes: int) -> int:
        self._admin()
        if (not isinstance(minutes, int) or isinstance(minutes, bool)
                or not 0 <= minutes <= IDLE_MAX_MINUTES):
            raise ValidationError("idle_minutes", minutes, "range",
                                  f"自动锁屏时间应为 1 到 {IDLE_MAX_MINUTES} 分钟，填 0 表示不自动锁屏")
        with self.ctx.transaction("setting.idle_lock") as s:
            setting = s.get(Setting, IDLE_SETTING)
            if setting is None:
                s.add(Setting(key=IDLE_SETTING, value={"minutes": minutes}))
            else:
                setting.value = {"minutes": minutes}
        return minutes


__all__ = [
    "DEMO_PASSWORD",
    "USER_ROLES",
    "AccountLockedError",
    "SignedInUser",
    "UserRow",
    "UserService",
    "beijing_time",
]
