"""Command-line outputs: brochures, registers, the monthly report, the assessment and the
refined-management papers (targets, task packages, study register, petition ledger).

Each writes one file (PDF or Excel by the suffix of ``-o``) through the same services
the window uses, so a scheduled task or a county script gets the same documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import ValidationError

COMMANDS = ("brochure", "register", "report", "assess", "targets", "packages", "study", "petitions")


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
        dt.date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份应写成 2026-10 的形式，而不是 {text!r}") from None
    return year, month


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("brochure", help="打印办事指南（单个事项、全部事项汇编或三折页）")
    common(p)
    p.add_argument("--matter", help="事项编码，如 TD-003；不填则生成全部事项的汇编")
    p.add_argument("--trifold", action="store_true", help="A4 横向三折页（需同时指定 --matter）")
    p.add_argument("-o", "--out", required=True, type=Path, help="输出的 PDF 文件")

    p = sub.add_parser("register", help="导出台账（受理、办结、退件、首问登记簿）")
    common(p)
    p.add_argument("kind", choices=("intake", "completion", "return", "inquiry"),
                   help="intake 受理登记簿 / completion 办结登记簿 / return 退件登记簿 / inquiry 首问登记簿")
    p.add_argument("--from", dest="first", required=True, type=dt.date.fromisoformat, help="起始日期，如 2026-10-01")
    p.add_argument("--to", dest="last", required=True, type=dt.date.fromisoformat, help="截止日期（含）")
    p.add_argument("--office", help="县局：只导出这个乡镇（9位代码）；不填为全县")
    p.add_argument("-o", "--out", required=True, type=Path, help="输出文件：.xlsx 或 .pdf")

    p = sub.add_parser("report", help="报表")
    rsub = p.add_subparsers(dest="report_command", required=True)
    r = rsub.add_parser("monthly", help="业务办理情况月报")
    common(r)
    r.add_argument("--month", required=True, type=_month, help="月份，如 2026-10")
    r.add_argument("--office", help="县局：只统计这个乡镇（9位代码）；不填为全县")
    r.add_argument("-o", "--out", required=True, type=Path, help="输出文件：.xlsx 或 .pdf")

    p = sub.add_parser("assess", help="千分制考核")
    asub = p.add_subparsers(dest="assess_command", required=True)
    a = asub.add_parser("sheet", help="考核评分表")
    common(a)
    a.add_argument("--year", required=True, type=int)
    a.add_argument("--office", help="县局：被考核乡镇的9位代码；不填为本单位")
    a.add_argument("-o", "--out", required=True, type=Path, help="输出的 PDF 文件")
    a = asub.add_parser("rank", help="县局：各乡镇考核排名")
    common(a)
    a.add_argument("--year", required=True, type=int)
    a.add_argument("-o", "--out", required=True, type=Path, help="输出文件：.xlsx 或 .pdf")


    p = sub.add_parser("targets", help="目标任务（层层分解）")
    tsub = p.add_subparsers(dest="targets_command", required=True)
    t = tsub.add_parser("print", help="打印目标任务的分月计划与完成情况")
    common(t)
    t.add_argument("--name", required=True, help="目标名称，如 村庄改造")
    t.add_argument("--year", required=True, type=int)
    t.add_argument("--plan", action="store_true", help="打印覆盖该年的多年规划（按年分解）")
    t.add_argument("--office", help="县局：只看这个乡镇（9位代码）；不填为各乡镇合计")
    t.add_argument("-o", "--out", required=True, type=Path, help="输出文件：.xlsx 或 .pdf")

    t = tsub.add_parser("allot", help="县局：把县局年度目标下达到各乡镇所")
    common(t)
    t.add_argument("--name", required=True, help="县局年度目标的名称")
    t.add_argument("--year", required=True, type=int)
    t.add_argument("shares", nargs="+", metavar="CODE=AMOUNT", help="乡镇所代码=下达数量，如 370702101=70")

    p = sub.add_parser("packages", help="任务包（项目化管理）")
    ksub = p.add_subparsers(dest="packages_command", required=True)
    t = ksub.add_parser("register", help="任务包台账（一年）")
    common(t)
    t.add_argument("--year", required=True, type=int)
    t.add_argument("--office", help="县局：只看这个乡镇（9位代码）；不填为全县")
    t.add_argument("-o", "--out", required=True, type=Path, help="输出文件：.xlsx 或 .pdf")
    t = ksub.add_parser("sheet", help="一个任务包的任务书（含进度、督查、验收）")
    common(t)
    t.add_argument("number", help="任务包编号")
    t.add_argument("-o", "--out", required=True, type=Path, help="输出的 PDF 文件")

    p = sub.add_parser("study", help="学习监督")
    ssub = p.add_subparsers(dest="study_command", required=True)
    t = ssub.add_parser("register", help="学习制度执行情况季度登记表")
    common(t)
    t.add_argument("--year", required=True, type=int)
    t.add_argument("--quarter", required=True, type=int, choices=(1, 2, 3, 4))
    t.add_argument("--office", help="县局：只看这个乡镇（9位代码）；不填为全县")
    t.add_argument("-o", "--out", required=True, type=Path, help="输出文件：.xlsx 或 .pdf")
    t = ssub.add_parser("card", help="个人年度学习记录卡")
    common(t)
    t.add_argument("--user", required=True, help="用户名，如 liujj")
    t.add_argument("--year", required=True, type=int)
    t.add_argument("-o", "--out", required=True, type=Path, help="输出的 PDF 文件")

    p = sub.add_parser("petitions", help="结对消访")
    psub = p.add_subparsers(dest="petitions_command", required=True)
    t = psub.add_parser("ledger", help="结对消访台账")
    common(t)
    t.add_argument("--status", choices=("open", "closed"), help="open 未结案 / closed 已结案；不填为全部")
    t.add_argument("--office", help="县局：只看这个乡镇（9位代码）；不填为全县")
    t.add_argument("-o", "--out", required=True, type=Path, help="输出文件：.xlsx 或 .pdf")
    t = psub.add_parser("record", help="一件信访老户的结对消访工作记录")
    common(t)
    t.add_argument("number", help="信访件编号")
    t.add_argument("-o", "--out", required=True, type=Path, help="输出的 PDF 文件")


def _shares(items: list[str]) -> dict[str, str]:
    pairs = [item.split("=", 1) for item in items]
    bad = [item for item, pair in zip(items, pairs, strict=True) if len(pair) != 2]
    if bad:
        raise ValidationError("shares", " ".join(bad), "format", "每个乡镇的下达数量应写成 代码=数量，如 370702101=70")
    return {code.strip(): amount.strip() for code, amount in pairs}


def run(args: argparse.Namespace, services: Any) -> int:
    if args.command == "targets" and args.targets_command == "allot":
        from app.services.targets import allot_named_target

        done = allot_named_target(services, args.name, args.year, _shares(args.shares))
        for line in done.lines:
            print(f"{line.office.code} {line.office.name} {done.fmt(line.planned)}")
        print(f"合计 {done.fmt(done.allotted)}（县局目标 {done.fmt(done.planned)}）")
        return 0
    out: Path = args.out
    if args.command == "brochure":
        from app.services.brochures import write_brochure

        if args.trifold and not args.matter:
            raise ValidationError("matter", "", "missing", "三折页是单个事项的，请用 --matter 指定事项编码")
        written = write_brochure(services, out, args.matter, args.trifold)
    elif args.command == "register":
        from app.services.registers import write_register

        written = write_register(services, args.kind, args.first, args.last, out, office_code=args.office)
    elif args.command == "report":
        from app.services.monthly import write_monthly_report

        year, month = args.month
        written = write_monthly_report(services, year, month, out, office_code=args.office)
    elif args.command == "assess":
        from app.services import assessment

        if args.assess_command == "sheet":
            written = assessment.write_score_sheet(services, args.year, out, office_code=args.office)
        else:
            written = assessment.write_ranking(services, args.year, out)
    elif args.command == "targets":
        from app.services.targets import write_named_target

        written = write_named_target(services, args.name, args.year, out, plan=args.plan,
                                     office_code=args.office)
    elif args.command == "packages":
        from app.services.packages import write_package_file

        written = write_package_file(services, out, year=getattr(args, "year", None),
                                     number=getattr(args, "number", None), office_code=getattr(args, "office", None))
    elif args.command == "study":
        from app.services import study

        if args.study_command == "register":
            written = study.write_register(services, args.year, args.quarter, out, office_code=args.office)
        else:
            written = study.write_card(services, args.user, args.year, out)
    elif args.command == "petitions":
        from app.services import petitions

        if args.petitions_command == "ledger":
            status = petitions.PetitionStatus(args.status) if args.status else None
            written = petitions.write_ledger(services, out, status, office_code=args.office)
        else:
            written = petitions.write_record(services, args.number, out)
    else:
        raise AssertionError(args.command)
    print(written)
    return 0
