"""The ``landdesk`` command: the window with no arguments, sub-commands for the rest."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app import __version__
from app.clock import Clock, system_clock
from app.errors import LanddeskError


def _common(parser: argparse.ArgumentParser, *, sub_command: bool = True) -> None:
    # On a sub-command the options must not default to None, or ``landdesk --db X demo`` would
    # lose the X given before the sub-command's name.
    default = argparse.SUPPRESS if sub_command else None
    parser.add_argument("--db", default=default,
                        help="数据库文件路径或数据库 URL（默认：数据文件夹中的 landdesk.sqlite3；环境变量 LANDDESK_DB）")
    parser.add_argument("--data-dir", default=default,
                        help="数据文件夹（默认：用户数据目录；环境变量 LANDDESK_DATA_DIR）")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="landdesk", description="乡镇国土资源所 一窗受理")
    parser.add_argument("--version", action="version", version=f"landdesk {__version__}")
    _common(parser, sub_command=False)
    parser.add_argument("--demo", action="store_true", help="打开演示数据库（没有时自动生成演示单位和几百件申请）")
    # Handled by the window's entry point: the check ends with showing the window (offscreen).
    parser.add_argument("--self-test", action="store_true",
                        help="自检：在临时文件夹中建库、受理一件申请、生成受理回执、打开主窗口，成功时退出码为0")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("init", help="设置单位和第一个用户")
    _common(p)
    p.add_argument("--office-name", required=True)
    p.add_argument("--office-code", required=True, help="9位乡镇代码（统计用区划代码前9位）")
    p.add_argument("--username", required=True)
    p.add_argument("--display-name", required=True)
    p.add_argument("--password", help="第一个用户的密码（不填则提示输入，避免留在命令历史里）")
    p.add_argument("--county", action="store_true",
                   help="设置为县局（代码为6位县级区划代码加000），用于汇总各乡镇的同步文件")

    p = sub.add_parser("demo", help="生成演示单位和演示申请")
    _common(p)
    p.add_argument("--cases", type=int, default=300)

    p = sub.add_parser("samples", help="把每种文书的样张（含打印测试页）写到文件夹")
    p.add_argument("--out", required=True, type=Path)

    p = sub.add_parser("catalog", help="事项目录")
    csub = p.add_subparsers(dest="catalog_command", required=True)
    c = csub.add_parser("check", help="检查事项目录文件")
    c.add_argument("directory", nargs="?", type=Path)
    c = csub.add_parser("list", help="列出事项")
    c.add_argument("directory", nargs="?", type=Path)
    c = csub.add_parser("export", help="把数据库中当前版本的一个事项写成事项目录文件（TOML），供县局采纳")
    _common(c)
    c.add_argument("code", help="事项编码，如 TD-001")
    c.add_argument("-o", "--out", required=True, type=Path)

    p = sub.add_parser("deadline", help="计算办结期限（工作日）")
    _common(p)
    p.add_argument("start", type=dt.date.fromisoformat, help="受理日期，如 2026-09-30")
    p.add_argument("days", type=int, help="工作日数")

    from app.sync import cli as sync_cli

    sync_cli.add_parser(sub, _common)

    from app.reports import cli as reports_cli

    reports_cli.add_parsers(sub, _common)

    p = sub.add_parser("calendar", help="工作日历")
    _common(p)
    csub = p.add_subparsers(dest="calendar_command", required=True)
    c = csub.add_parser("import", help="导入一年的节假日安排文件（TOML，格式见 docs/calendar.md）")
    _common(c)
    c.add_argument("file", type=Path)

    p = sub.add_parser("backup", help="备份数据库（校验后保存到数据文件夹的 backups，按 7日/4周/12月 轮换）")
    _common(p)
    p.add_argument("--to", type=Path, help="再复制一份到这个文件夹，如U盘上的 E:\\landdesk备份")
    p.add_argument("--list", action="store_true", help="只列出已有的备份")

    p = sub.add_parser("restore", help="用一份备份恢复数据库（先自动备份当前数据库）")
    _common(p)
    p.add_argument("file", type=Path, help="备份文件（landdesk-….sqlite3）")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    p.add_argument("--other-office", metavar="CODE",
                   help="备份属于另一个单位（单位代码不同，或县局与乡镇所不同）时，输入该备份的单位代码确认用它替换本数据库")

    p = sub.add_parser("audit", help="审计日志")
    _common(p)
    asub = p.add_subparsers(dest="audit_command", required=True)
    asub.add_parser("verify", help="检查审计日志的哈希链是否完整")
    return parser


def open_services(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app import paths
    from app.db import open_database
    from app.services import Services

    folder = paths.data_dir(args.data_dir)
    db = open_database(paths.database_url(args.db, folder))
    return Services.create(db, folder, clock=args.clock)


def main(argv: Sequence[str] | None = None,
         launch_window: Callable[[argparse.Namespace], int] | None = None,
         clock: Clock = system_clock) -> int:
    """Run a sub-command, or with none hand over to ``launch_window`` (the Qt front end).

    The core never imports the UI; the ``landdesk`` entry point (ui/entry.py)
    passes the window in. ``clock`` is the one clock every command writes by (``args.clock``).
    """
    args = build_parser().parse_args(argv)
    args.clock = clock
    try:
        return _dispatch(args, launch_window)
    except LanddeskError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace, launch_window: Callable[[argparse.Namespace], int] | None) -> int:
    if args.command is None:
        if launch_window is None:
            print("错误：未安装图形界面，请使用子命令（landdesk --help）", file=sys.stderr)
            return 2
        return launch_window(args)
    if args.command == "init":
        from app.services.office import OfficeInput

        password = args.password
        if password is None:
            import getpass

            password = getpass.getpass("第一个用户的密码：")
            if getpass.getpass("再输一遍：") != password:
                print("错误：两次输入的密码不一致", file=sys.stderr)
                return 2
        services = open_services(args)
        if args.county:
            services.sync.create_county_office(args.office_name, args.office_code, username=args.username,
                                               display_name=args.display_name, password=password)
            print(f"已设置县局：{args.office_name}（{args.office_code}）")
            print(f"公钥指纹：{services.sync.status().own_fingerprint}")
            return 0
        services.office.create_office(OfficeInput(name=args.office_name, code=args.office_code),
                                      username=args.username, display_name=args.display_name,
                                      password=password)
        print(f"已设置单位：{args.office_name}（{args.office_code}）")
        return 0
    if args.command == "demo":
        from app.demo import make_demo_office

        services = open_services(args)
        made = make_demo_office(services, cases=args.cases)  # refuses, before writing, where it cannot
        print(f"已生成 {made} 件演示申请")
        return 0
    if args.command == "samples":
        from app.samples import write_samples

        for path in write_samples(args.out, args.clock):
            print(path)
        return 0
    if args.command == "catalog" and args.catalog_command == "export":
        from app.services.catalog_edit import write_matter_toml

        services = open_services(args)
        print(write_matter_toml(services.catalog_edit, args.code, args.out))
        return 0
    if args.command == "catalog":
        from app.catalog import load_catalog

        catalog = load_catalog(args.directory)
        if args.catalog_command == "check":
            print(f"事项目录 {catalog.version}：{len(catalog.matters)} 个事项，检查通过")
        else:
            for m in catalog.matters:
                print(f"{m.code}\t{m.name}\t{m.tier.label}\t法定{m.legal_days}日/承诺{m.promised_days}日")
        return 0
    if args.command == "deadline":
        from app.workcalendar import coverage_warning

        services = open_services(args)
        deadline = services.reference.calendar().add_working_days(args.start, args.days)
        print(deadline.due.isoformat())
        warning = coverage_warning(deadline)
        if warning:
            print(warning, file=sys.stderr)
        return 0
    if args.command == "sync":
        from app.sync import cli as sync_cli

        return sync_cli.run(args, open_services(args))
    from app.reports import cli as reports_cli

    if args.command in reports_cli.COMMANDS:
        return reports_cli.run(args, open_services(args))
    if args.command == "calendar":
        from app.holiday_file import HolidayFileError, import_arrangement, parse_holiday_file

        try:
            text = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise HolidayFileError(args.file.name, None, "文件", f"读不出来（{exc}），请保存为 UTF-8 编码") from exc
        arrangement = parse_holiday_file(text, args.file.name)
        services = open_services(args)
        done = import_arrangement(services.reference, arrangement)
        print(f"{done.year} 年：放假 {done.holidays} 天，调休上班 {done.workdays} 天；"
              f"替换原有 {done.replaced} 条，该年日历已标记为完整")
        return 0
    if args.command in ("backup", "restore"):
        return _backup_command(args)
    if args.command == "audit":
        from app import audit

        services = open_services(args)
        with services.ctx.reading() as s:
            broken = audit.verify_chain(s)
        if broken is None:
            print("审计日志完整")
            return 0
        print(f"审计日志从第 {broken} 条起被改动或缺失", file=sys.stderr)
        return 1
    raise AssertionError(args.command)


def _sqlite_file(args: argparse.Namespace) -> tuple[Path, Path]:
    from sqlalchemy.engine import make_url

    from app import paths
    from app.errors import DatabaseError

    folder = paths.data_dir(args.data_dir)
    url = make_url(paths.database_url(args.db, folder))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise DatabaseError("PostgreSQL 数据库请用服务器自带的 pg_dump / pg_restore 备份和恢复（见 README）。")
    return Path(url.database), folder


def _backup_command(args: argparse.Namespace) -> int:
    from app import backup
    db_file, folder = _sqlite_file(args)
    backups = backup.backup_dir(folder)
    if args.command == "restore":
        # Everything that can refuse the file (damage, a newer program, another office) before asking.
        _chosen, theirs, ours = backup.prepare_restore(args.file, db_file, args.other_office)
        if theirs is not None and ours is not None and not theirs.same_office(ours):
            print(f"注意：备份是{theirs.label}的数据，当前数据库是{ours.label}的；恢复后本数据库将成为{theirs.name}。")
        if not args.yes and input(f"用 {args.file.name} 覆盖当前数据库 {db_file}？输入 yes 确认：").strip() != "yes":
            print("已取消")
            return 1
        restored, safety = backup.restore_backup(args.file, db_file, backups, args.clock(),
                                                 other_office=args.other_office)
        print(f"已恢复：{restored.path.name}（{restored.rows} 行）")
        if safety is not None:
            print(f"恢复前的数据库已备份为：{safety.path}")
        return 0
    if args.list:
        for b in backup.list_backups(backups):
            print(f"{b.path.name}\t{b.reason_label}\t{b.size // 1024} KB\t{b.rows} 行")
        return 0
    info = backup.take_backup(db_file, backups, "manual", args.clock())
    print(f"已备份并校验：{info.path}（{info.rows} 行，{info.size // 1024} KB）")
    if args.to is not None:
        print(f"已复制到：{backup.copy_to(info, args.to).path}")
    for removed in backup.rotate(backups):
        print(f"按轮换规则删除旧备份：{removed.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
