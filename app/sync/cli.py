"""``landdesk sync …``: the same operations as the sync dialogs, for scripts and the county's server."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.sync.types import ImportReport

OUTCOMES = {"applied": "已导入", "duplicate": "重复", "held": "暂存", "refused": "拒收", "checked": "已检查"}


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("sync", help="乡镇与县局之间的数据同步文件")
    common(p)
    ssub = p.add_subparsers(dest="sync_command", required=True)
    c = ssub.add_parser("key", help="导出本单位的公钥文件（.ldkey），交给对方登记")
    c.add_argument("--out", required=True, type=Path)
    c.add_argument("--sheet", type=Path, metavar="PDF", help="同时输出指纹确认单（PDF），随公钥文件一并交付")
    c = ssub.add_parser("register", help="登记对方单位的公钥文件")
    c.add_argument("file", type=Path)
    c.add_argument("--replace", action="store_true", help="对方重装后密钥已更换时替换旧公钥")
    c = ssub.add_parser("export", help="乡镇：导出同步文件")
    c.add_argument("--out", type=Path, default=Path("."))
    c.add_argument("--again", type=int, metavar="N", help="重新生成第 N 批（与原文件完全相同）")
    c = ssub.add_parser("import", help="县局导入乡镇同步文件；乡镇导入县局回传文件")
    c.add_argument("files", nargs="+", type=Path)
    c.add_argument("--dry-run", action="store_true", help="只检查并统计，不写入")
    c = ssub.add_parser("downlink", help="县局：给每个乡镇导出回传文件")
    c.add_argument("--out", required=True, type=Path)
    c.add_argument("--office", action="append", metavar="CODE", help="只给这个乡镇（可重复）")
    c = ssub.add_parser("recovery", help="县局：为丢失数据的乡镇导出恢复文件（该乡镇的全部数据）")
    c.add_argument("--office", required=True, metavar="CODE", help="乡镇的9位代码")
    c.add_argument("--out", required=True, type=Path)
    ssub.add_parser("status", help="同步状态")


def _report_line(r: ImportReport) -> str:
    return f"{r.file_name}：{OUTCOMES.get(r.outcome, r.outcome)} — {r.message}"


def run(args: argparse.Namespace, services: Any) -> int:
    sync = services.sync
    command = args.sync_command
    if command == "key":
        info = sync.write_public_key(args.out)
        print(f"已导出 {info.office_name}（{info.office_code}）的公钥文件")
        print(f"指纹：{info.fingerprint}")
        if args.sheet:
            args.sheet.write_bytes(sync.key_sheet())
            print(f"指纹确认单：{args.sheet}")
        return 0
    if command == "register":
        info = sync.register_key(args.file, replace=args.replace)
        print(f"已登记 {info.office_name}（{info.office_code}）的公钥")
        print(f"指纹：{info.fingerprint}（请与对方电话核对）")
        return 0
    if command == "export":
        result = (sync.remake_batch(args.again, args.out) if args.again is not None
                  else sync.export_batch(args.out))
        what = "重新生成" if result.remade else "导出"
        print(f"已{what}第 {result.batch_seq} 批：{result.path}（{result.changes} 条变更）")
        for table, count in sorted(result.counts.items()):
            print(f"  {table}\t{count}")
        if result.flagged_times:
            print(f"注意：{result.flagged_times} 条变更的时间不可信（电脑时钟可能设置错误）："
                  + "；".join(result.flagged_examples))
        return 0
    if command == "import":
        reports = sync.import_files(args.files, dry_run=args.dry_run)
        for r in reports:
            print(_report_line(r))
            for table, c in sorted(r.by_table.items()):
                kept = f"\t保留 {c.kept}" if r.kind == "recovery" else ""  # rows a recovery left as they were
                print(f"  {table}\t新增 {c.new}\t更新 {c.updated}\t删除 {c.deleted}\t未变 {c.unchanged}"
                      f"\t冲突 {c.conflicts}\t拒收 {c.refused}{kept}")
            for item in r.items:
                print(f"  {item}")
        refused = [r for r in reports if r.outcome == "refused"]
        if refused:
            print(f"错误：{len(refused)} 个文件被拒收", file=sys.stderr)
            return 2
        return 0
    if command == "downlink":
        for path in sync.export_downlinks(args.out, args.office):
            print(f"已导出回传文件：{path}")
        return 0
    if command == "recovery":
        path = sync.export_recovery(args.office, args.out)
        print(f"已导出 {args.office} 的恢复文件：{path}")
        print("请交给该乡镇在“同步 → 导入”中导入（与回传文件相同的导入方式）")
        return 0
    status = sync.status()
    mode = "县局" if status.mode == "county" else "乡镇"
    print(f"本单位：{status.office_code}（{mode}），公钥指纹 {status.own_fingerprint}")
    for peer in status.peers:
        print(f"已登记：{peer.office_name}（{peer.office_code}） 指纹 {peer.fingerprint}")
    if status.mode == "township":
        print(f"县局已确认到第 {status.last_acked_seq} 批；未确认：{status.unacknowledged or '无'}；"
              f"尚未导出的变更 {status.pending_changes} 条")
    return 0
