"""People: password hashing, sign-in and lock-out, the administrator's user management."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app import security
from app.demo import DEMO_OFFICE
from app.dto import Role
from app.errors import FormErrors, PermissionDenied, SignInError, ValidationError
from app.models import AuditLog, ChangeLog, Setting, User
from app.services import Services
from app.services.users import (
    DEMO_PASSWORD,
    LOCK_AFTER_FAILURES,
    AccountLockedError,
    UserService,
)
from tests.conftest import FixedClock
from tests.props import examples

pytestmark = pytest.mark.both_backends  # the core services, on SQLite and PostgreSQL

ADMIN_PASSWORD = "guotu-2026"
CLERK_PASSWORD = "chuangkou88"


def users_of(services: Services) -> UserService:
    """The user service, whether or not Services has grown its ``users`` field yet."""
    existing = getattr(services, "users", None)
    if not isinstance(existing, UserService):
        existing = UserService(services.ctx)
        services.users = existing  # type: ignore[attr-defined]
    return existing


@pytest.fixture
def office(blank_services: Services) -> Iterator[Services]:
    """A fresh office set up through the first-run path, with a real admin password."""
    blank_services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                        password=ADMIN_PASSWORD)
    users_of(blank_services)
    yield blank_services


def _clerk(services: Services, *, must_change: bool = False) -> None:
    users_of(services).create_user("lisi", "李四", [Role.WINDOW_CLERK], CLERK_PASSWORD,
                                   must_change_password=must_change)


def _log_text(services: Services) -> str:
    with services.ctx.reading() as s:
        audit = [(r.action, r.entity, r.before, r.after) for r in s.scalars(select(AuditLog))]
        changes = [(r.table_name, r.op, r.payload) for r in s.scalars(select(ChangeLog))]
    return json.dumps([audit, changes], ensure_ascii=False, default=str)


def _counts(services: Services) -> tuple[int, int]:
    with services.ctx.reading() as s:
        return s.query(AuditLog).count(), s.query(ChangeLog).count()


def _stored_hash(services: Services, username: str) -> str | None:
    with services.ctx.reading() as s:
        return s.scalars(select(User.password_hash).where(User.username == username)).one()


# ---------------------------------------------------------------- hashing


def test_hash_round_trip_and_format() -> None:
    stored = security.hash_password("正确的马电池订书钉")
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(key)) == 32
    assert security.verify_password("正确的马电池订书钉", stored)
    assert not security.verify_password("正确的马电池订书钉 ", stored)
    assert not security.verify_password("", stored)
    assert security.hash_password("same") != security.hash_password("same")  # salted
    assert not security.needs_rehash(stored)
    broken = "pasted\ud800text"  # a lone surrogate from a bad clipboard still hashes
    assert security.verify_password(broken, security.hash_password(broken))


def test_malformed_stored_values_never_verify() -> None:
    for stored in (None, "", "plain", "scrypt$16384$8$1$!!$!!", "bcrypt$x", "scrypt$3$8$1$AAAA$AAAA",
                   "scrypt$1073741824$8$1$AAAA$AAAA", "scrypt$16384$8$1$$"):
        assert not security.verify_password("anything", stored)


def _weak_hash(password: str) -> str:
    salt = b"0123456789abcdef"
    key = hashlib.scrypt(password.encode(), salt=salt, n=2**10, r=8, p=1, dklen=32)
    return f"scrypt$1024$8$1${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"


def test_weaker_parameters_verify_but_ask_for_rehash() -> None:
    weak = _weak_hash("old-password")
    assert security.verify_password("old-password", weak)
    assert security.needs_rehash(weak)
    assert security.needs_rehash("something else entirely")


def test_password_rules() -> None:
    assert security.password_problem("short1", "") is not None
    assert "8" in (security.password_problem("abc", "") or "")
    assert "数字" in (security.password_problem("12345678", "") or "")
    assert "登录名" in (security.password_problem("WangXM2026", "wangxm2026") or "")
    assert security.password_problem("        ", "") is not None
    assert security.password_problem("guotu-2026", "wangxm") is None
    assert security.password_problem("国土资源所一窗受理", "") is None


def test_temporary_passwords_are_readable_and_acceptable() -> None:
    for _ in range(50):
        temp = security.temporary_password()
        assert len(temp) == 9 and temp[4] == "-"
        assert not set(temp) & set("0O1lI")
        assert security.password_problem(temp, "lisi") is None


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_hash_then_verify_any_text(password: str) -> None:
    stored = security.hash_password(password)
    assert security.verify_password(password, stored)
    assert not security.verify_password(password + "x", stored)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(), st.text())
def test_checks_never_raise_on_arbitrary_text(a: str, b: str) -> None:
    assert security.verify_password(a, b) in (True, False)
    assert security.needs_rehash(b) in (True, False)
    problem = security.password_problem(a, b)
    assert problem is None or isinstance(problem, str)


@settings(max_examples=examples(100), deadline=None)
@given(st.from_regex(r"scrypt\$[0-9]{1,3}\$[0-9]{1,2}\$[0-9]\$[A-Za-z0-9+/=]{0,24}\$[A-Za-z0-9+/=]{0,44}",
                     fullmatch=True), st.text(max_size=10))
def test_verify_never_raises_on_scrypt_shaped_garbage(stored: str, password: str) -> None:
    assert security.verify_password(password, stored) in (True, False)


# ---------------------------------------------------------------- signing in


def test_sign_in_sets_the_acting_user_and_records_the_time(office: Services, clock: FixedClock) -> None:
    users = users_of(office)
    _clerk(office)
    users.sign_out()
    assert office.ctx.user_id is None and office.ctx.roles() == frozenset()
    user = users.sign_in("lisi", CLERK_PASSWORD)
    assert office.ctx.user_id == user.id and user.display_name == "李四"
    assert user.roles == (Role.WINDOW_CLERK,) and not user.must_change_password
    assert office.ctx.roles() == frozenset({Role.WINDOW_CLERK})
    assert office.office.current_user().username == "lisi"
    with office.ctx.reading() as s:
        row = s.get(User, user.id)
        assert row is not None and row.last_sign_in_at == clock.now
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "user.sign_in")).all()
        assert [a.user_id for a in audit] == [user.id]  # the audit names who signed in


def test_user_names_are_not_case_sensitive(office: Services) -> None:
    assert users_of(office).sign_in("  WangXM ", ADMIN_PASSWORD).username == "wangxm"


def test_wrong_name_and_wrong_password_read_the_same(office: Services) -> None:
    users = users_of(office)
    with pytest.raises(SignInError) as wrong_password:
        users.sign_in("wangxm", "not-the-password")
    with pytest.raises(SignInError) as wrong_name:
        users.sign_in("nobody", ADMIN_PASSWORD)
    assert wrong_password.value.message == wrong_name.value.message
    assert "密码" in wrong_name.value.message
    with pytest.raises(SignInError, match="请输入"):
        users.sign_in("wangxm", "")


def test_failed_sign_in_is_logged_without_an_actor(office: Services) -> None:
    users = users_of(office)
    signed_in_before = office.ctx.user_id
    with pytest.raises(SignInError):
        users.sign_in("wangxm", "wrong-password")
    assert office.ctx.user_id == signed_in_before  # a failed attempt changes nothing in the session
    with office.ctx.reading() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "user.sign_in_failed")).one()
        assert row.user_id is None and row.after == {"failed_sign_ins": 1}


def test_five_failures_lock_for_fifteen_minutes(office: Services, clock: FixedClock) -> None:
    users = users_of(office)
    for _ in range(LOCK_AFTER_FAILURES - 1):
        with pytest.raises(SignInError) as caught:
            users.sign_in("wangxm", "wrong-password")
        assert not isinstance(caught.value, AccountLockedError)
    with pytest.raises(AccountLockedError) as locked:
        users.sign_in("wangxm", "wrong-password")
    # NOW is 10:00 Beijing time: locked until 10:15, said in Beijing time
    assert "10:15" in locked.value.message and "北京时间" in locked.value.message
    assert "锁定" in locked.value.message
    assert locked.value.locked_until == clock.now + dt.timedelta(minutes=15)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLockedError):
        users.sign_in("wangxm", ADMIN_PASSWORD)  # even the right password waits
    clock.advance(seconds=1)
    assert users.sign_in("wangxm", ADMIN_PASSWORD).username == "wangxm"
    with office.ctx.reading() as s:
        row = s.scalars(select(User).where(User.username == "wangxm")).one()
        assert row.failed_sign_ins == 0 and row.locked_until is None


def test_success_resets_the_failure_count(office: Services) -> None:
    users = users_of(office)
    for _ in range(LOCK_AFTER_FAILURES - 1):
        with pytest.raises(SignInError):
            users.sign_in("wangxm", "wrong-password")
    users.sign_in("wangxm", ADMIN_PASSWORD)
    for _ in range(LOCK_AFTER_FAILURES - 1):
        with pytest.raises(SignInError) as caught:
            users.sign_in("wangxm", "wrong-password")
        assert not isinstance(caught.value, AccountLockedError)


def test_inactive_user_is_refused(office: Services) -> None:
    users = users_of(office)
    _clerk(office)
    clerk = next(u for u in users.list_users() if u.username == "lisi")
    users.update_user(clerk.id, "李四", [Role.WINDOW_CLERK], active=False)
    with pytest.raises(SignInError, match="停用"):
        users.sign_in("lisi", CLERK_PASSWORD)
    with pytest.raises(SignInError) as wrong:
        users.sign_in("lisi", "wrong-password")  # a stranger is not told the account exists
    assert "停用" not in wrong.value.message


def test_weak_hash_is_upgraded_at_sign_in(office: Services) -> None:
    with office.ctx.transaction("test.weak_hash") as s:
        row = s.scalars(select(User).where(User.username == "wangxm")).one()
        row.password_hash = _weak_hash(ADMIN_PASSWORD)
    users_of(office).sign_in("wangxm", ADMIN_PASSWORD)
    stored = _stored_hash(office, "wangxm")
    assert stored is not None and stored.startswith(f"scrypt${2**14}$")
    assert security.verify_password(ADMIN_PASSWORD, stored)


def test_change_password(office: Services) -> None:
    users = users_of(office)
    with pytest.raises(FormErrors) as caught:
        users.change_password("wrong-old", "12345678")
    fields = caught.value.by_field()
    assert fields["old_password"].reason == "wrong" and "数字" in fields["new_password"].message
    with pytest.raises(FormErrors) as same:
        users.change_password(ADMIN_PASSWORD, ADMIN_PASSWORD)
    assert same.value.by_field()["new_password"].reason == "same"
    users.change_password(ADMIN_PASSWORD, "xin-mima-2027")
    with pytest.raises(SignInError):
        users.sign_in("wangxm", ADMIN_PASSWORD)
    assert users.sign_in("wangxm", "xin-mima-2027").username == "wangxm"
    users.sign_out()
    with pytest.raises(SignInError):
        users.change_password("xin-mima-2027", "another-one-1")


def test_first_user_needs_an_acceptable_password(blank_services: Services) -> None:
    with pytest.raises(FormErrors) as caught:
        blank_services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                            password="12345678")
    assert caught.value.by_field()["password"].value == ""  # never the password in an error
    assert blank_services.office.needs_setup()


def test_demo_accounts_are_those_with_the_demo_password(office: Services) -> None:
    users = users_of(office)
    users.create_user("demo_clerk", "演示窗口", [Role.WINDOW_CLERK], DEMO_PASSWORD,
                      must_change_password=False)
    assert [u.username for u in users.demo_accounts()] == ["demo_clerk"]


# ---------------------------------------------------------------- administration


def test_admin_creates_lists_and_edits_users(office: Services, clock: FixedClock) -> None:
    users = users_of(office)
    made = users.create_user("zhaoliu", "赵六", [Role.HANDLER, Role.SECTION_CHIEF], "jingban-2026")
    assert made.must_change_password and made.active and made.roles == (Role.HANDLER, Role.SECTION_CHIEF)
    listed = {u.username: u for u in users.list_users()}
    assert set(listed) == {"wangxm", "zhaoliu"}
    assert set(listed["wangxm"].roles) == {Role.WINDOW_CLERK, Role.SECTION_CHIEF, Role.ADMIN}
    edited = users.update_user(made.id, "赵 六", [Role.LEADER], active=True)
    assert edited.display_name == "赵 六" and edited.roles == (Role.LEADER,)
    signed = users.sign_in("zhaoliu", "jingban-2026")
    assert signed.must_change_password
    assert office.ctx.roles() == frozenset({Role.LEADER})


def test_create_user_checks_every_field(office: Services) -> None:
    users = users_of(office)
    with pytest.raises(FormErrors) as caught:
        users.create_user("bad name!", " ", [], "1234")
    assert set(caught.value.by_field()) == {"username", "display_name", "roles", "password"}
    with pytest.raises(FormErrors) as dup:
        users.create_user("WANGXM", "另一个王晓梅", [Role.HANDLER], "jingban-2026")
    assert dup.value.by_field()["username"].reason == "exists"
    with pytest.raises(FormErrors) as collective:
        users.create_user("huishen", "会审", [Role.COLLECTIVE], "jingban-2026")
    assert "roles" in collective.value.by_field()


def test_admin_actions_are_refused_to_a_clerk_and_change_nothing(office: Services) -> None:
    users = users_of(office)
    _clerk(office)
    admin_id = next(u.id for u in users.list_users() if u.username == "wangxm")
    users.sign_in("lisi", CLERK_PASSWORD)
    before_logs = _counts(office)
    with office.ctx.reading() as s:
        before_rows = [(u.username, u.display_name, u.roles, u.password_hash, u.active)
                       for u in s.scalars(select(User).order_by(User.username))]
    attempts = [
        lambda: users.list_users(),
        lambda: users.create_user("wuqi", "吴七", [Role.ADMIN], "jingban-2026"),
        lambda: users.update_user(admin_id, "王晓梅", [Role.WINDOW_CLERK], active=False),
        lambda: users.reset_password(admin_id),
        lambda: users.set_idle_minutes(0),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as denied:
            attempt()
        assert "用户管理" in denied.value.message
    assert _counts(office) == before_logs
    with office.ctx.reading() as s:
        after_rows = [(u.username, u.display_name, u.roles, u.password_hash, u.active)
                      for u in s.scalars(select(User).order_by(User.username))]
        assert s.get(Setting, "idle_lock_minutes") is None
    assert after_rows == before_rows
    assert users.get_idle_minutes() == 10  # everybody's screen locks: anyone may read it


def test_last_active_admin_cannot_be_removed(office: Services) -> None:
    users = users_of(office)
    admin = next(u for u in users.list_users() if u.username == "wangxm")
    with pytest.raises(FormErrors) as caught:
        users.update_user(admin.id, "王晓梅", [Role.WINDOW_CLERK], active=True)
    assert caught.value.by_field()["roles"].reason == "last_admin"
    with pytest.raises(FormErrors) as own:
        users.update_user(admin.id, "王晓梅", list(admin.roles), active=False)
    assert own.value.by_field()["active"].reason == "self"
    second = users.create_user("sunba", "孙八", [Role.ADMIN], "guanli-2026", must_change_password=False)
    users.update_user(admin.id, "王晓梅", [Role.WINDOW_CLERK], active=True)  # another admin remains
    users.sign_in("sunba", "guanli-2026")
    with pytest.raises(FormErrors) as last:
        users.update_user(second.id, "孙八", [Role.HANDLER], active=True)
    assert last.value.by_field()["roles"].reason == "last_admin"
    assert {u.username for u in users.list_users() if Role.ADMIN in u.roles and u.active} == {"sunba"}


def test_admin_losing_the_role_loses_the_rights_at_once(office: Services) -> None:
    users = users_of(office)
    me = next(u for u in users.list_users() if u.username == "wangxm")
    users.create_user("sunba", "孙八", [Role.ADMIN], "guanli-2026")
    users.update_user(me.id, "王晓梅", [Role.WINDOW_CLERK], active=True)
    with pytest.raises(PermissionDenied):
        users.list_users()


def test_reset_password_gives_a_temporary_password_to_change(office: Services, clock: FixedClock) -> None:
    users = users_of(office)
    _clerk(office)
    clerk = next(u for u in users.list_users() if u.username == "lisi")
    for _ in range(LOCK_AFTER_FAILURES):
        with pytest.raises(SignInError):
            users.sign_in("lisi", "forgotten-it")
    assert next(u for u in users.list_users() if u.username == "lisi").locked_until is not None
    temporary = users.reset_password(clerk.id)
    row = next(u for u in users.list_users() if u.username == "lisi")
    assert row.must_change_password and row.locked_until is None  # the reset also lifts the lock
    with pytest.raises(SignInError):
        users.sign_in("lisi", CLERK_PASSWORD)
    signed = users.sign_in("lisi", temporary)
    assert signed.must_change_password
    users.change_password(temporary, "my-own-pass")
    assert not users.sign_in("lisi", "my-own-pass").must_change_password


def test_idle_minutes_setting(office: Services) -> None:
    users = users_of(office)
    assert users.get_idle_minutes() == 10
    assert users.set_idle_minutes(0) == 0 and users.get_idle_minutes() == 0
    users.set_idle_minutes(240)
    assert users.get_idle_minutes() == 240
    for bad in (-1, 241, True):
        with pytest.raises(ValidationError) as caught:
            users.set_idle_minutes(bad)
        assert caught.value.field == "idle_minutes"
    assert users.get_idle_minutes() == 240


def test_no_password_or_hash_reaches_the_audit_or_change_log(office: Services, clock: FixedClock) -> None:
    users = users_of(office)
    passwords = [ADMIN_PASSWORD, CLERK_PASSWORD, "my-own-pass", "wrong-password"]
    hashes = [_stored_hash(office, "wangxm")]
    _clerk(office)
    hashes.append(_stored_hash(office, "lisi"))
    clerk = next(u for u in users.list_users() if u.username == "lisi")
    temporary = users.reset_password(clerk.id)
    passwords.append(temporary)
    hashes.append(_stored_hash(office, "lisi"))
    with pytest.raises(SignInError):
        users.sign_in("lisi", "wrong-password")
    users.sign_in("lisi", temporary)
    users.change_password(temporary, "my-own-pass")
    hashes.append(_stored_hash(office, "lisi"))
    with office.ctx.transaction("test.weak_hash") as s:  # and the upgrade of an old hash
        row = s.scalars(select(User).where(User.username == "lisi")).one()
        row.password_hash = _weak_hash("my-own-pass")
    hashes.append(_stored_hash(office, "lisi"))
    users.sign_in("lisi", "my-own-pass")
    hashes.append(_stored_hash(office, "lisi"))

    text = _log_text(office)
    assert "user.change_password" in text and "user.reset_password" in text and "[已隐藏]" in text
    for secret in passwords:
        assert secret not in text
    for stored in hashes:
        assert stored is not None
        for part in stored.split("$")[4:]:  # neither the salt nor the derived key
            assert part not in text
    assert "scrypt$" not in text
