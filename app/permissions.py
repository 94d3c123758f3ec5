"""Who may do what: checked in the core, so no screen or script can skip it.

An action is allowed when the user holds one of its roles and, for actions on
a case in routing, is also the case's current holder (the person the last
transfer slip row is addressed to). Administrators manage users and the
calendar; they do not decide cases unless they also hold a deciding role.
"""

from __future__ import annotations

from enum import StrEnum

from app.dto import Role
from app.errors import PermissionDenied


class Action(StrEnum):
    INTAKE = "intake"  # register, accept, notify, refuse at the window
    RECEIVE = "receive"  # 签收 a case sent to me
    OPINION = "opinion"  # record my opinion and result
    SEND = "send"  # pass the case to the next step and person
    RETURN = "return"  # 退件: to an earlier step or to the applicant
    PAUSE = "pause"  # stop / restart the clock (补正, 公示, 听证, 专家评审)
    COLLECTIVE = "collective"  # record the collective review of a major matter
    COMPLETE = "complete"  # 办结 with a decision
    SUPERVISE = "supervise"  # issue a supervision notice (督办单)
    REPLY_SUPERVISION = "reply_supervision"
    INQUIRY = "inquiry"  # log a call or visit (首问负责)
    RATE = "rate"  # record a service rating and its follow-up
    MANAGE_USERS = "manage_users"
    EDIT_CALENDAR = "edit_calendar"
    SYNC = "sync"  # make and read sync files, register office keys
    EDIT_CATALOG = "edit_catalog"  # local edits of the matter catalogue (办事指南 follows)
    RESTORE = "restore"  # replace the database by a backup
    ASSESS = "assess"  # enter 千分制考核 items (scores, deductions, bonuses, veto) with evidence
    SET_TARGETS = "set_targets"  # yearly targets and their monthly breakdown (层层分解)
    MANAGE_PACKAGES = "manage_packages"  # enter, assign, accept or send back, score task packages
    REPORT_PROGRESS = "report_progress"  # progress reports and rectification on a package one works on
    INSPECT = "inspect"  # 督查 a task package, with a rectification deadline
    RECORD_STUDY = "record_study"  # one's own study records
    MANAGE_STUDY = "manage_study"  # study records of anyone in the office; the quarterly register
    PETITION = "petition"  # 结对消访: pair a long-standing petitioner with a leader, log contacts, close

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.INTAKE: "窗口受理",
    Action.RECEIVE: "签收",
    Action.OPINION: "填写意见",
    Action.SEND: "传办",
    Action.RETURN: "退件",
    Action.PAUSE: "暂停/恢复计时",
    Action.COLLECTIVE: "记录集体会审",
    Action.COMPLETE: "办结",
    Action.SUPERVISE: "下达督办单",
    Action.REPLY_SUPERVISION: "答复督办单",
    Action.INQUIRY: "首问登记",
    Action.RATE: "评价登记",
    Action.MANAGE_USERS: "用户管理",
    Action.EDIT_CALENDAR: "修改工作日历",
    Action.SYNC: "数据同步",
    Action.EDIT_CATALOG: "修改事项目录",
    Action.ASSESS: "考核评分",
    Action.RESTORE: "恢复备份",
    Action.SET_TARGETS: "制定目标任务",
    Action.MANAGE_PACKAGES: "任务包管理",
    Action.REPORT_PROGRESS: "报告任务进度",
    Action.INSPECT: "任务督查",
    Action.RECORD_STUDY: "登记学习记录",
    Action.MANAGE_STUDY: "管理学习记录",
    Action.PETITION: "结对消访",
}

STAFF = frozenset({Role.WINDOW_CLERK, Role.HANDLER, Role.SECTION_CHIEF, Role.DEPUTY_LEADER, Role.LEADER})
LEADERS = frozenset({Role.SECTION_CHIEF, Role.DEPUTY_LEADER, Role.LEADER})

# Roles allowed per action. Case actions also require being the holder (see HOLDER_ONLY).
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.INTAKE: frozenset({Role.WINDOW_CLERK}),
    Action.RECEIVE: STAFF,
    Action.OPINION: STAFF,
    Action.SEND: STAFF,
    Action.RETURN: STAFF,
    Action.PAUSE: STAFF,
    Action.COLLECTIVE: LEADERS,
    Action.COMPLETE: STAFF,  # who may complete depends on the tier: see routing.final_role
    Action.SUPERVISE: LEADERS,
    Action.REPLY_SUPERVISION: STAFF,
    Action.INQUIRY: STAFF,
    Action.RATE: STAFF,
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
    Action.EDIT_CALENDAR: frozenset({Role.ADMIN}),
    Action.SYNC: frozenset({Role.ADMIN}),
    Action.EDIT_CATALOG: frozenset({Role.ADMIN}),
    Action.RESTORE: frozenset({Role.ADMIN}),
    # The office's leaders score themselves (自评); the county's leaders score every township.
    Action.ASSESS: frozenset({Role.LEADER, Role.DEPUTY_LEADER, Role.ADMIN}),
    # 精细化管理: the head of the office (所长) and the leaders plan, assign, inspect and
    # accept; everyone reports on their own packages and records their own study.
    Action.SET_TARGETS: LEADERS,
    Action.MANAGE_PACKAGES: LEADERS,
    Action.REPORT_PROGRESS: STAFF,
    Action.INSPECT: LEADERS,
    Action.RECORD_STUDY: STAFF | {Role.ADMIN},
    Action.MANAGE_STUDY: LEADERS,
    # Seed 004: “领导班子成员将每人联系一个信访老户”.
    Action.PETITION: LEADERS,
}

HOLDER_ONLY = frozenset({Action.RECEIVE, Action.OPINION, Action.SEND, Action.RETURN, Action.PAUSE,
                         Action.COLLECTIVE, Action.COMPLETE})


def allowed(roles: frozenset[Role] | tuple[Role, ...], action: Action, *, is_holder: bool = True) -> bool:
    if not set(roles) & ALLOWED[action]:
        return False
    return is_holder or action not in HOLDER_ONLY


def require(roles: frozenset[Role] | tuple[Role, ...], action: Action, *, is_holder: bool = True) -> None:
    """Raise PermissionDenied with a message that says what is missing."""
    if not set(roles) & ALLOWED[action]:
        needed = "、".join(sorted(r.label for r in ALLOWED[action]))
        raise PermissionDenied(action.value, f"您没有“{action.label}”的权限（需要：{needed}）")
    if action in HOLDER_ONLY and not is_holder:
        raise PermissionDenied(action.value, f"这件办件目前不在您手上，不能{action.label}")
