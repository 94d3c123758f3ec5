"""Sign-in, password change, the users page and the idle lock, driven as a person would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMainWindow, QMessageBox

from app.demo import DEMO_OFFICE
from app.dto import Role
from app.services import Services
from app.services.users import DEMO_PASSWORD, UserService
from tests.conftest import FixedClock
from tests.test_users import ADMIN_PASSWORD, CLERK_PASSWORD, users_of
from ui.idle_lock import IdleLock
from ui.main_window import MainWindow
from ui.setup_dialog import SetupDialog
from ui.sign_in_dialog import ChangePasswordDialog, SignInDialog
from ui.users_page import TemporaryPasswordDialog, UserDialog, UsersPage


@pytest.fixture
def office(blank_services: Services) -> Iterator[Services]:
    blank_services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                        password=ADMIN_PASSWORD)
    users = users_of(blank_services)
    users.create_user("lisi", "李四", [Role.WINDOW_CLERK], CLERK_PASSWORD, must_change_password=False)
    yield blank_services


def _users(services: Services) -> UserService:
    return users_of(services)


def _sign_in_dialog(qtbot, services: Services, runner, **kwargs) -> SignInDialog:  # type: ignore[no-untyped-def]
    _users(services).sign_out()
    dialog = SignInDialog(services, runner=runner, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type_and_enter(qtbot, dialog: SignInDialog, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)  # moves on to the password
    assert dialog.password.hasFocus() or not dialog.isActiveWindow()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


# ---------------------------------------------------------------- sign-in dialog


def test_wrong_then_right_password(qtbot, office: Services, runner) -> None:  # type: ignore[no-untyped-def]
    dialog = _sign_in_dialog(qtbot, office, runner)
    _type_and_enter(qtbot, dialog, "wangxm", "not-my-password")
    assert dialog.message.isVisible() and dialog.message.text() == "登录名或密码不正确"
    assert dialog.password.text() == "" and dialog.result() != QDialog.DialogCode.Accepted
    assert office.ctx.user_id is None
    _type_and_enter(qtbot, dialog, "nobody", ADMIN_PASSWORD)
    assert dialog.message.text() == "登录名或密码不正确"  # the same words for a wrong name
    with qtbot.waitSignal(dialog.signedIn) as signal:
        _type_and_enter(qtbot, dialog, "wangxm", ADMIN_PASSWORD)
    assert signal.args[0].username == "wangxm"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert office.ctx.user_id == signal.args[0].id


def test_lockout_message_says_until_when(qtbot, office: Services, runner, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    dialog = _sign_in_dialog(qtbot, office, runner)
    for _ in range(5):
        _type_and_enter(qtbot, dialog, "lisi", "guessing-1")
    assert "锁定" in dialog.message.text() and "10:15" in dialog.message.text()
    _type_and_enter(qtbot, dialog, "lisi", CLERK_PASSWORD)
    assert "10:15" in dialog.message.text() and dialog.result() != QDialog.DialogCode.Accepted
    clock.advance(minutes=15)
    with qtbot.waitSignal(dialog.signedIn):
        _type_and_enter(qtbot, dialog, "lisi", CLERK_PASSWORD)


def test_demo_mode_shows_the_demo_accounts(qtbot, office: Services, runner) -> None:  # type: ignore[no-untyped-def]
    _users(office).create_user("demo_chief", "演示所长", [Role.SECTION_CHIEF], DEMO_PASSWORD,
                               must_change_password=False)
    plain = _sign_in_dialog(qtbot, office, runner)
    assert plain.demo_hint.isHidden()
    dialog = _sign_in_dialog(qtbot, office, runner, demo=True)
    hint = dialog.demo_hint.text()
    assert dialog.demo_hint.isVisible() and DEMO_PASSWORD in hint and "demo_chief" in hint
    assert "所长" in hint and "wangxm" not in hint  # only accounts that really use it
    assert dialog.username.text() == "demo_chief"
    with qtbot.waitSignal(dialog.signedIn):
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_temporary_password_must_be_changed_before_continuing(qtbot, office: Services, runner) -> None:  # type: ignore[no-untyped-def]
    users = _users(office)
    clerk = next(u for u in users.list_users() if u.username == "lisi")
    temporary = users.reset_password(clerk.id)
    dialog = _sign_in_dialog(qtbot, office, runner)
    signed: list[object] = []
    dialog.signedIn.connect(signed.append)

    # Giving up on the new password signs out again.
    _type_and_enter(qtbot, dialog, "lisi", temporary)
    change = dialog.findChild(ChangePasswordDialog)
    assert change is not None and change.isVisible()
    assert "old_password" not in change.fields  # the temporary one was just typed
    change.cancel_button.click()
    assert office.ctx.user_id is None and not signed
    assert "password" in dialog.message.text()
    change.deleteLater()

    _type_and_enter(qtbot, dialog, "lisi", temporary)
    change = next(c for c in dialog.findChildren(ChangePasswordDialog) if c.isVisible())
    qtbot.keyClicks(change.fields["new_password"], "my-new-pass")
    qtbot.keyClicks(change.fields["new_password_confirm"], "my-new-pas")
    change.ok_button.click()
    assert change.errors["new_password_confirm"].isVisible()
    change.fields["new_password"].setText("12345678")
    change.fields["new_password_confirm"].setText("12345678")
    change.ok_button.click()
    assert change.errors["new_password"].isVisible() and "数字" in change.errors["new_password"].text()
    assert not signed
    change.fields["new_password"].setText("my-new-pass")
    change.fields["new_password_confirm"].setText("my-new-pass")
    with qtbot.waitSignal(dialog.signedIn):
        qtbot.keyClick(change.fields["new_password_confirm"], Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    users.sign_out()
    assert not users.sign_in("lisi", "my-new-pass").must_change_password


def test_change_password_from_the_menu(qtbot, office: Services, runner) -> None:  # type: ignore[no-untyped-def]
    dialog = ChangePasswordDialog(office, runner=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["old_password"].setText("wrong-old-one")
    dialog.fields["new_password"].setText("brand-new-1")
    dialog.fields["new_password_confirm"].setText("brand-new-1")
    dialog.submit()
    assert dialog.errors["old_password"].isVisible()
    dialog.fields["old_password"].setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert _users(office).sign_in("wangxm", "brand-new-1")


def test_setup_dialog_asks_for_a_password_twice(qtbot, blank_services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = SetupDialog(blank_services)
    qtbot.addWidget(dialog)
    for key, value in {"name": "城关镇自然资源所", "code": "370702101", "display_name": "李明",
                       "username": "liming", "password": "chengguan-1", "password_confirm": "chengguan-2"}.items():
        dialog.fields[key].setText(value)
    assert dialog.fields["password"].echoMode() == QLineEdit.EchoMode.Password
    dialog.submit()
    assert not dialog.errors["password_confirm"].isHidden() and blank_services.office.needs_setup()
    dialog.fields["password"].setText("12345678")
    dialog.fields["password_confirm"].setText("12345678")
    dialog.submit()
    assert not dialog.errors["password"].isHidden() and "数字" in dialog.errors["password"].text()
    dialog.fields["password"].setText("chengguan-1")
    dialog.fields["password_confirm"].setText("chengguan-1")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    users = users_of(blank_services)
    users.sign_out()
    assert users.sign_in("liming", "chengguan-1").roles


# ---------------------------------------------------------------- users page


def _page(qtbot, services: Services, runner) -> UsersPage:  # type: ignore[no-untyped-def]
    page = UsersPage(services, runner)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def _column(page: UsersPage, column: int) -> list[str]:
    return [page.table.item(row, column).text() for row in range(page.table.rowCount())]


def test_users_page_adds_a_user(qtbot, office: Services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, office, runner)
    assert _column(page, 1) == ["wangxm", "lisi"]
    assert "系统管理员" in _column(page, 2)[0]
    assert not page.edit_button.isEnabled()
    dialog = page.add_user()
    assert isinstance(dialog, UserDialog) and dialog.isVisible()
    dialog.save_button.click()  # nothing filled in: every problem at its field
    for key in ("display_name", "username", "roles", "password"):
        assert dialog.errors[key].isVisible(), key
    dialog.display_name.setText("赵六")  # QTest types ASCII only
    qtbot.keyClicks(dialog.username, "zhaoliu")
    dialog.role_checks[Role.HANDLER].click()
    dialog.role_checks[Role.SECTION_CHIEF].click()
    dialog.fields["password"].setText("jingban-2026")
    dialog.fields["password_confirm"].setText("jingban-2026")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert _column(page, 1) == ["wangxm", "lisi", "zhaoliu"]
    row = _column(page, 1).index("zhaoliu")
    assert page.table.item(row, 2).text() == "经办人、所长/科长"
    assert page.selected() is not None and page.selected().username == "zhaoliu"
    assert "must change password" in page.table.item(row, 3).text()
    signed = _users(office).sign_in("zhaoliu", "jingban-2026")
    assert set(signed.roles) == {Role.HANDLER, Role.SECTION_CHIEF} and signed.must_change_password


def test_users_page_edits_roles_and_keeps_the_last_admin(qtbot, office: Services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, office, runner)
    page.select_username("wangxm")
    dialog = page.edit_user()
    assert dialog is not None and dialog.username.isReadOnly()
    assert dialog.role_checks[Role.ADMIN].isChecked()
    dialog.role_checks[Role.ADMIN].click()
    dialog.save_button.click()
    assert dialog.errors["roles"].isVisible() and "管理员" in dialog.errors["roles"].text()
    assert dialog.isVisible()
    dialog.reject()
    page.select_username("lisi")
    dialog = page.edit_user()
    assert dialog is not None
    dialog.role_checks[Role.HANDLER].click()
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    row = _column(page, 1).index("lisi")
    assert page.table.item(row, 2).text() == "窗口人员、经办人"


def test_users_page_deactivates_and_resets(qtbot, office: Services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, office, runner)
    page.select_username("lisi")
    box = page.reset_password()
    assert box is not None and box.objectName() == "confirm_reset"
    box.button(QMessageBox.StandardButton.Yes).click()
    shown = page.findChild(TemporaryPasswordDialog)
    assert shown is not None and shown.isVisible()
    temporary = shown.password.text()
    assert len(temporary) == 9 and "in person" in shown.findChild(type(shown.password), "handover_note").text()
    shown.findChild(type(page.add_button), "done").click()
    assert shown.password.text() == ""  # shown once only
    assert _users(office).sign_in("lisi", temporary).must_change_password
    _users(office).sign_in("wangxm", ADMIN_PASSWORD)

    page.select_username("lisi")
    box = page.toggle_active()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    row = _column(page, 1).index("lisi")
    assert page.table.item(row, 3).text() == "Deactivated"
    assert page.active_button.text().replace("&", "") == "Reactivate"
    assert not next(u for u in _users(office).list_users() if u.username == "lisi").active
    page.toggle_active()  # reactivate: no question needed
    assert next(u for u in _users(office).list_users() if u.username == "lisi").active


def test_users_page_idle_minutes(qtbot, office: Services, runner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, office, runner)
    assert page.idle_spin.value() == 10
    page.idle_spin.setValue(0)
    assert page.idle_spin.text() == "never"
    page.idle_spin.setValue(5)
    with qtbot.waitSignal(page.idleMinutesChanged) as signal:
        page.idle_save.click()
    assert signal.args == [5] and _users(office).get_idle_minutes() == 5


def test_users_page_refused_to_a_clerk(qtbot, office: Services, runner) -> None:  # type: ignore[no-untyped-def]
    _users(office).sign_in("lisi", CLERK_PASSWORD)
    page = _page(qtbot, office, runner)
    assert page.table.rowCount() == 0
    assert page.message.isVisible() and "用户管理" in page.message.text()


# ---------------------------------------------------------------- idle lock


@pytest.fixture
def main_window(qtbot, office: Services, runner) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow(office, runner)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window


@contextmanager
def _lock(qtbot, office: Services, window: QMainWindow, runner, timeout_ms: int) -> Iterator[IdleLock]:  # type: ignore[no-untyped-def]
    lock = IdleLock(office, window, runner, timeout_ms=timeout_ms)
    try:
        yield lock
    finally:
        lock.stop()


def test_idle_lock_covers_the_window_and_opens_with_the_password(qtbot, office: Services, runner,  # type: ignore[no-untyped-def]
                                                                 main_window: MainWindow) -> None:
    with _lock(qtbot, office, main_window, runner, 150) as lock:
        with qtbot.waitSignal(lock.locked, timeout=5000):
            pass
        screen = lock.screen
        assert screen is not None and screen.isVisible()
        assert screen.geometry() == main_window.rect()  # menu bar and pages all covered
        assert screen.username.text() == "wangxm"
        qtbot.waitUntil(screen.password.hasFocus)
        # Shortcuts, clicks and Tab behind the panel do nothing.
        page = main_window.stack.currentWidget()
        qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert main_window.stack.currentWidget() is page
        qtbot.mouseClick(main_window.nav.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
        assert main_window.stack.currentWidget() is page
        main_window.home.tiles["open"].setFocus()
        qtbot.keyClick(main_window.home.tiles["open"], Qt.Key.Key_Space)
        assert main_window.stack.currentWidget() is page and screen.password.hasFocus()
        # A wrong password is refused, the right one opens.
        qtbot.keyClicks(screen.password, "not-it-at-all")
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        assert lock.is_locked and screen.message.text() == "登录名或密码不正确"
        with qtbot.waitSignal(lock.unlocked) as signal:
            qtbot.keyClicks(screen.password, ADMIN_PASSWORD)
            qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        assert signal.args[0].username == "wangxm" and not lock.is_locked
        qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert main_window.stack.currentWidget() is main_window.cases

        # A dialog open at the time is hidden while locked and comes back for the same user.
        box = QMessageBox(QMessageBox.Icon.Information, "note", "a dialog open before the lock",
                          QMessageBox.StandardButton.Ok, main_window)
        box.open()
        lock.lock_now()
        assert lock.screen is not None and not box.isVisible()
        lock.screen.password.setText(ADMIN_PASSWORD)
        lock.screen.submit()
        assert not lock.is_locked and box.isVisible()
        box.done(0)
        # The idle count starts again after unlocking.
        with qtbot.waitSignal(lock.locked, timeout=5000):
            pass


def test_another_user_may_sign_in_at_the_lock(qtbot, office: Services, runner,  # type: ignore[no-untyped-def]
                                               main_window: MainWindow) -> None:
    with _lock(qtbot, office, main_window, runner, 100) as lock:
        changed: list[object] = []
        lock.userChanged.connect(changed.append)
        with qtbot.waitSignal(lock.locked, timeout=5000):
            pass
        screen = lock.screen
        assert screen is not None
        screen.username.setText("lisi")
        screen.password.setText(CLERK_PASSWORD)
        with qtbot.waitSignal(lock.unlocked):
            screen.unlock_button.click()
        assert [u.username for u in changed] == ["lisi"]  # type: ignore[attr-defined]
        assert office.office.current_user().username == "lisi"
        assert office.ctx.roles() == frozenset({Role.WINDOW_CLERK})


def test_activity_postpones_the_lock(qtbot, office: Services, runner, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with _lock(qtbot, office, main_window, runner, 1000) as lock:
        for step in range(15):
            qtbot.mouseMove(main_window.home, QPoint(10 + step, 10 + step))  # no tooltips there
            qtbot.wait(100)
        assert not lock.is_locked  # 1.5 s passed, never 1 s without the mouse
        with qtbot.waitSignal(lock.locked, timeout=5000):
            pass
        lock.set_minutes(0)  # "never": after unlocking, it stays open
        screen = lock.screen
        assert screen is not None
        screen.password.setText(ADMIN_PASSWORD)
        screen.submit()
        assert not lock.is_locked
        qtbot.wait(1200)
        assert not lock.is_locked


def test_lock_now_without_waiting(qtbot, office: Services, runner, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    lock = IdleLock(office, main_window, runner)  # the setting: 10 minutes
    try:
        assert lock.timeout_ms == 10 * 60_000
        lock.lock_now()
        assert lock.is_locked
        main_window.resize(900, 600)
        assert lock.screen is not None and lock.screen.geometry() == main_window.rect()
    finally:
        lock.stop()
