"""Township side: make batch files for the county, read the county's downlinks.

A batch holds every change after the last change covered by the newest batch the
county has acknowledged, so unacknowledged changes travel again: a lost USB stick
never loses data. Rows count as sent only after the file has been written, flushed,
read back and verified; as acknowledged only when a downlink says so.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update

from app.audit import _plain
from app.errors import NotFoundError, StateError
from app.models import ChangeLog, Office, SyncBatch, SyncImport, SyncOfficeState, SyncPeer
from app.services.context import LOCAL_TZ
from app.sync import rows
from app.sync.crypto import FieldCipher, new_data_key, wrap_key
from app.sync.fileformat import (
    FORMAT_VERSION,
    GENESIS_BATCH_HASH,
    BatchWriter,
    Header,
    Record,
    SyncFileError,
    file_label,
    read_records,
    verify,
    verify_written,
)
from app.sync.keys import unb64
from app.sync.types import ExportResult, ImportReport

if TYPE_CHECKING:
    from app.sync.service import SyncService

# When a row was loaded or touched, not what it says: a difference here alone is no update.
BOOKKEEPING = frozenset({"updated_at", "loaded_at"})
EARLIEST_PLAUSIBLE = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
FLAG_EXAMPLES = 3


def batch_file_name(office_code: str, seq: int, made_at: dt.datetime) -> str:
    return f"{office_code}-{seq:05d}-{made_at.astimezone(LOCAL_TZ):%Y%m}.ldsync"


def _marker(svc: SyncService) -> Path:
    return svc.data_folder / "sync" / "township-state.json"


def _marker_seq(svc: SyncService, office_code: str) -> int:
    """The last batch this PC made, kept beside (not in) the database: it survives a restore."""
    try:
        data = json.loads(_marker(svc).read_text(encoding="utf-8"))
        return int(data["last_batch"]) if data.get("office_code") == office_code else 0
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def _write_marker(svc: SyncService, office_code: str, seq: int) -> None:
    with contextlib.suppress(OSError):
        _marker(svc).parent.mkdir(parents=True, exist_ok=True)
        _marker(svc).write_text(json.dumps({"office_code": office_code, "last_batch": seq}), encoding="utf-8")


def _synced_filter() -> Any:
    return ChangeLog.table_name.in_(rows.synced_tables())


def _flagged(s: Any, first: int, last: int, now: dt.datetime) -> dict[str, Any]:
    """Change times before 2020 or more than a day after this PC's clock: reported, not trusted."""
    latest = now + dt.timedelta(days=1)
    implausible = (ChangeLog.seq.between(first, last), _synced_filter(),
                   (ChangeLog.at < EARLIEST_PLAUSIBLE) | (ChangeLog.at > latest))
    count = s.scalar(select(func.count()).select_from(ChangeLog).where(*implausible)) or 0
    examples = [f"变更 {seq}：{at.astimezone(LOCAL_TZ):%Y-%m-%d %H:%M}" for seq, at in s.execute(
        select(ChangeLog.seq, ChangeLog.at).where(*implausible).order_by(ChangeLog.seq).limit(FLAG_EXAMPLES))]
    return {"count": count, "examples": examples} if count else {}


def export_batch(svc: SyncService, out_dir: Path, *, progress: Callable[[int, int], None] | None,
                 cancel: Callable[[], bool] | None, remake_seq: int | None = None) -> ExportResult:
    keys = svc.own_keys()
    now = svc.ctx.now()
    with svc.ctx.reading() as s:
        office = svc.home_office(s)
        if office.is_county:
            raise StateError("县局不导出乡镇同步文件；请使用“导出回传文件”")
        county = s.scalars(select(SyncPeer).where(SyncPeer.role == "county")).first()
        batches = s.scalars(select(SyncBatch).order_by(SyncBatch.seq)).all()
        state = s.get(SyncOfficeState, office.code)
        max_change = s.scalar(select(func.max(ChangeLog.seq)).where(_synced_filter())) or 0
        office_code, office_name = office.code, office.name

        if remake_seq is not None:
            batch = next((b for b in batches if b.seq == remake_seq), None)
            if batch is None:
                raise NotFoundError(f"本所没有导出过第 {remake_seq} 批，无法重新生成")
        else:
            if county is None:
                raise SyncFileError("", "no_county_key",
                                    "尚未登记县局的公钥文件，无法导出。请先登记县局公钥（.ldkey）并电话核对指纹")
            last = batches[-1] if batches else None
            acked_seq = state.last_seq if state else 0
            batch = None
            if (last is not None and last.state == "sent" and max_change <= last.last_change
                    and last.recipient == county.fingerprint and last.seq > acked_seq):
                batch = last  # nothing new since the unacknowledged last batch: make it again
            else:
                local_last = last.seq if last else 0
                remembered = _marker_seq(svc, office_code)
                if remembered > max(local_last, acked_seq):
                    raise StateError(
                        f"这台电脑曾导出到第 {remembered} 批，而数据库中只记录到第 {max(local_last, acked_seq)} 批，"
                        "数据库可能是从旧备份恢复的。请先导入县局最新的回传文件（其中有县局已收到的批次），再导出")
                seq = max(local_last, acked_seq) + 1
                if state is not None and acked_seq == seq - 1:
                    prev_hash = state.last_hash
                elif last is not None:
                    prev_hash = last.batch_hash
                else:
                    prev_hash = GENESIS_BATCH_HASH
                start_after = max((b.last_change for b in batches if b.state == "acknowledged"), default=0)
                if max_change <= start_after:
                    raise StateError("自县局上次确认以来没有新的变更，无需导出")
                first, last_change = start_after + 1, max_change
                counts = {t: n for t, n in s.execute(
                    select(ChangeLog.table_name, func.count()).where(
                        ChangeLog.seq.between(first, last_change), _synced_filter())
                    .group_by(ChangeLog.table_name))}
                data_key = new_data_key()
                from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

                wrapped = wrap_key(data_key, X25519PublicKey.from_public_bytes(unb64(county.x25519_public)))
                plan = SyncBatch(
                    seq=seq, first_change=first, last_change=last_change,
                    record_count=sum(counts.values()), batch_hash="", prev_batch_hash=prev_hash,
                    data_key=base64.b64encode(data_key).decode("ascii"), wrapped_key=wrapped,
                    recipient=county.fingerprint, made_at=now,
                    file_name=batch_file_name(office_code, seq, now), counts=counts,
                    flagged=_flagged(s, first, last_change, now), state="sent",
                )
        if batch is not None:
            plan = SyncBatch(**{c.key: getattr(batch, c.key) for c in SyncBatch.__table__.columns})
        county_code = s.scalar(select(SyncPeer.office_code).where(SyncPeer.fingerprint == plan.recipient)) \
            or (county.office_code if county else "")
    remade = batch is not None

    header = Header(
        kind="uplink", format_version=FORMAT_VERSION, office_code=office_code, office_name=office_name,
        county_code=county_code, batch_seq=plan.seq, prev_batch_hash=plan.prev_batch_hash,
        first_change=plan.first_change, last_change=plan.last_change, counts=dict(plan.counts),
        record_count=plan.record_count, made_at=plan.made_at.astimezone(dt.UTC).isoformat(),
        signer=keys.fingerprint, recipient=plan.recipient, wrapped_key=plan.wrapped_key,
        flagged=dict(plan.flagged), ack=None,
    )
    cipher = FieldCipher(base64.b64decode(plan.data_key))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SyncFileError(plan.file_name, "write_failed",
                            f"无法使用文件夹 {out_dir}：{exc.strerror or exc}") from exc
    final = out_dir / plan.file_name
    temp = out_dir / f".{plan.file_name}.part"
    digest = _write_file(svc, temp, header, plan, cipher, keys.signing, progress, cancel)
    try:
        read_back = verify_written(temp, keys.signing.public_key(), plan.record_count)
        if read_back != digest or (remade and digest != plan.batch_hash):
            raise SyncFileError(plan.file_name, "write_failed",
                                "重新读取刚写入的文件与应有内容不一致，文件未被记为已导出，请换一个U盘或文件夹再试")
        os.replace(temp, final)
        _fsync_dir(out_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if not remade:
        plan.batch_hash = digest
        try:
            with svc.ctx.transaction("sync.export") as s:
                s.add(plan)
                s.flush()
                s.connection().execute(update(ChangeLog.__table__).where(
                    ChangeLog.seq.between(plan.first_change, plan.last_change),
                    ChangeLog.batch_seq.is_(None)).values(batch_seq=plan.seq))
        except BaseException:
            with contextlib.suppress(OSError):
                final.unlink()
            raise
        _write_marker(svc, office_code, plan.seq)
    return ExportResult(
        path=final, batch_seq=plan.seq, changes=plan.record_count, counts=dict(plan.counts), remade=remade,
        flagged_times=int(plan.flagged.get("count", 0)), first_change=plan.first_change,
        last_change=plan.last_change, flagged_examples=tuple(plan.flagged.get("examples", ())),
    )


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open a directory for fsync
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _check_cancel(plan: SyncBatch, cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise SyncFileError(plan.file_name, "cancelled", "导出已取消，没有记为已导出")


def _write_file(svc: SyncService, temp: Path, header: Header, plan: SyncBatch, cipher: FieldCipher,
                signing: Any, progress: Callable[[int, int], None] | None,
                cancel: Callable[[], bool] | None) -> str:
    total = plan.record_count
    done = 0
    try:
        with open(temp, "wb") as out, svc.ctx.reading() as s, contextlib.ExitStack() as stack:
            writer = BatchWriter(out, header)
            query = (select(ChangeLog.seq, ChangeLog.at, ChangeLog.table_name, ChangeLog.row_id, ChangeLog.op,
                            ChangeLog.payload, ChangeLog.row_hash, ChangeLog.base_hash)
                     .where(ChangeLog.seq.between(plan.first_change, plan.last_change), _synced_filter())
                     .order_by(ChangeLog.seq).execution_options(yield_per=2000))
            # Core on the session's connection: plain tuples, no ORM row processing per change.
            result = stack.enter_context(contextlib.closing(s.connection().execute(query)))
            for seq, at, table_name, row_id, op, payload, row_hash, base_hash in result:
                if payload is not None:
                    payload = cipher.seal(table_name, seq, payload)
                writer.write(Record(c=seq, t=table_name, id=row_id, op=op, h=row_hash, b=base_hash,
                                    at=at.isoformat(), p=payload))
                done += 1
                if done % 500 == 0:
                    _check_cancel(plan, cancel)
                    if progress is not None:
                        progress(done, total)
            _check_cancel(plan, cancel)
            if done != total:
                raise SyncFileError(plan.file_name, "write_failed", "导出过程中变更记录数发生变化，请重试")
            digest = writer.finish(signing)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise SyncFileError(plan.file_name, "write_failed",
                            f"无法写入 {temp.parent}：{exc.strerror or exc}。请检查U盘是否已满、是否只读，"
                            "文件未被记为已导出") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if progress is not None:
        progress(total, total)
    return digest


# ---------------------------------------------------------------- downlinks


def _township_ids(s: Any, last_change: int) -> tuple[int, str]:
    """Count and hash of the rows this township had sent up to a change (county-owned tables aside)."""
    owned = [t for t in rows.synced_tables() if t not in rows.COUNTY_OWNED]
    with contextlib.closing(s.execute(select(ChangeLog.table_name, ChangeLog.row_id).distinct().where(
            ChangeLog.seq <= last_change, ChangeLog.table_name.in_(owned)).execution_options(yield_per=5000))) as keys:
        return rows.ids_hash(keys)


def import_downlink(svc: SyncService, path: Path, *, dry_run: bool) -> ImportReport:
    keys = svc.own_keys()
    name = file_label(path)
    try:
        with svc.ctx.reading() as s:
            office = svc.home_office(s)
            verified = verify(path, expected_kind="downlink",
                              signer_key=lambda code: svc.peer_public(s, code, "county"),
                              own_fingerprint=keys.fingerprint)
        header = verified.header
        if header.ack is None:
            raise SyncFileError(name, "malformed", "回传文件缺少确认信息")
        return _apply_downlink(svc, verified, office.code, dry_run=dry_run)
    except SyncFileError as exc:
        report = ImportReport(file_name=name, kind="downlink", office_code="", office_name="", batch_seq=0,
                              outcome="refused", message=exc.message, refusal_kind=exc.kind)
        if not dry_run:
            _record_import(svc, report, "")
        return report


class _DryRun(Exception):
    def __init__(self, report: ImportReport) -> None:
        self.report = report


def _record_import(svc: SyncService, report: ImportReport, batch_hash: str, s: Any = None) -> None:
    # Header values are checked for type, not length: the history keeps what fits.
    row = SyncImport(file_name=report.file_name[:200], kind=report.kind, office_code=report.office_code[:9],
                     office_name=report.office_name[:100], batch_seq=report.batch_seq, batch_hash=batch_hash,
                     outcome=report.outcome, message=report.message,
                     summary={"by_table": {t: c.to_json() for t, c in report.by_table.items()},
                              "missing": list(report.missing), "items": list(report.items),
                              "refusal_kind": report.refusal_kind},
                     at=svc.ctx.now())
    if s is not None:
        s.add(row)
        return
    with svc.ctx.transaction("sync.import_refused") as session:
        session.add(row)


def _apply_downlink(svc: SyncService, verified: Any, own_code: str, *, dry_run: bool) -> ImportReport:
    header: Header = verified.header
    ack = header.ack or {}
    name = file_label(verified.path)
    items: list[str] = []
    try:
        with svc.ctx.transaction("sync.downlink") as s:
            state = s.get(SyncOfficeState, own_code)
            if state is not None and header.batch_seq <= state.downlink_seq:
                outcome = "duplicate" if header.batch_seq == state.downlink_seq else "refused"
                message = ("这份县局回传文件已导入过，未做任何更改" if outcome == "duplicate" else
                           f"这是一份较早的回传文件（第 {header.batch_seq} 份），本所已导入第 {state.downlink_seq} 份，未做任何更改")
                report = ImportReport(file_name=name, kind="downlink", office_code=header.office_code,
                                      office_name=header.office_name, batch_seq=header.batch_seq,
                                      outcome=outcome, message=message,
                                      refusal_kind="" if outcome == "duplicate" else "replayed_conflict")
                if dry_run:
                    raise _DryRun(report)
                _record_import(svc, report, verified.batch_hash, s)
                return report
            acked_seq, acked_hash = int(ack["seq"]), str(ack["hash"])
            batches = s.scalars(select(SyncBatch).order_by(SyncBatch.seq)).all()
            local = next((b for b in batches if b.seq == acked_seq), None)
            resend = False
            if acked_seq:
                if local is None or local.batch_hash != acked_hash:
                    resend = True
                    items.append(f"县局已收到本所第 {acked_seq} 批，但本所数据库中没有相同的第 {acked_seq} 批"
                                 "（可能是从备份恢复的），下次导出将重新发送全部数据，县局会自动去重")
                else:
                    count, ids = _township_ids(s, local.last_change)
                    if count != ack["records"] or ids != ack["ids_hash"]:
                        resend = True
                        items.append(f"县局确认的记录数（{ack['records']}）与本所（{count}）不符，"
                                     "下次导出将重新发送全部数据")
            if resend:
                for b in batches:
                    b.state = "resend"
            else:
                newly = [b for b in batches if b.seq <= acked_seq and b.state != "acknowledged"]
                for b in newly:
                    b.state = "acknowledged"
                    b.acknowledged_at = svc.ctx.now()
                if acked_seq:
                    items.append(f"县局已确认收到第 1–{acked_seq} 批" if acked_seq > 1 else "县局已确认收到第 1 批")
            if state is None:
                state = SyncOfficeState(office_code=own_code, last_seq=0, last_hash=GENESIS_BATCH_HASH,
                                        downlink_seq=0, updated_at=svc.ctx.now())
                s.add(state)
            if acked_seq >= state.last_seq:
                state.last_seq, state.last_hash = acked_seq, acked_hash
            state.downlink_seq = header.batch_seq
            state.updated_at = svc.ctx.now()
            s.flush()
            by_table = _apply_county_rows(s, verified, items, name)
            report = ImportReport(file_name=name, kind="downlink", office_code=header.office_code,
                                  office_name=header.office_name, batch_seq=header.batch_seq,
                                  outcome="checked" if dry_run else "applied",
                                  message="；".join(items) if items else "没有需要更新的内容",
                                  by_table=by_table, items=tuple(items), at=svc.ctx.now())
            if dry_run:
                raise _DryRun(report)
            _record_import(svc, report, verified.batch_hash, s)
    except _DryRun as done:
        return done.report
    svc.forget_reference_caches()
    return report


class _Downlink:
    """What a county may send to this township (the ownership rules the other way round):
    its own office row and accounts, the catalogue and calendar, notices it issued on this
    township's cases, its targets and this township's shares of them. Anything else — this
    township's own office, accounts, cases or targets, another office's rows, a table a downlink
    never carries — refuses the whole file, naming the record."""

    def __init__(self, conn: Any, header: Header, name: str) -> None:
        self.conn = conn
        self.name = name
        self.county_code = header.office_code
        office = rows.table("office")
        self.own_ids = set(conn.scalars(select(office.c.id).where(office.c.is_county.is_(False))))
        self.county_ids: set[Any] = set(conn.scalars(select(office.c.id).where(office.c.code == self.county_code)))

    def refuse(self, record: Record, reason: str) -> SyncFileError:
        return SyncFileError(self.name, "not_owner", f"第 {record.c} 号记录（{record.t}，{record.id}）{reason}。"
                             "县局回传文件只能更新县局自己的数据，整个文件未导入")

    def row(self, record: Record) -> dict[str, Any]:
        if record.p is None or record.op == "delete":
            raise self.refuse(record, "是删除记录：回传文件不删除本所的任何数据")
        try:
            row = rows.to_row(record.t, record.p)
        except rows.BadValue as exc:
            raise SyncFileError(self.name, "bad_value", f"第 {record.c} 号记录（{record.t} 的 {exc.column}）"
                                f"{exc.reason}，整个文件未导入") from exc
        pk = rows.primary_key(record.t)
        if any(row.get(k) is None for k in pk) or "/".join(str(_plain(row[k])) for k in pk) != record.id:
            raise self.refuse(record, "的内容写的是另一行（主键与记录的行号不同）")
        return row

    def check(self, record: Record, row: dict[str, Any], current: Any) -> None:
        table_name = record.t
        if table_name in rows.COUNTY_OWNED:
            return
        if table_name == "office":
            if row.get("code") != self.county_code or not row.get("is_county") or row["id"] in self.own_ids:
                raise self.refuse(record, "不是县局自己的单位记录")
            self.county_ids.add(row["id"])
            return
        if table_name == "app_user":
            if row.get("office_id") not in self.county_ids or row.get("password_hash") is not None:
                raise self.refuse(record, "不是县局的人员")
            return
        if table_name == "supervision_notice":
            case = rows.table("case_file")
            case_office = self.conn.scalar(select(case.c.office_id).where(case.c.id == row.get("case_id")))
            issuer = self._user_office(row.get("issued_by"))
            if case_office not in self.own_ids or issuer not in self.county_ids or (
                    current is not None and self._user_office(current["issued_by"]) not in self.county_ids):
                raise self.refuse(record, "不是县局对本所办件下达的督办单")
            return
        if table_name == "work_target":
            targets = rows.table("work_target")
            county_target = row.get("office_id") in self.county_ids
            parent_office = self.conn.scalar(select(targets.c.office_id).where(targets.c.id == row.get("parent_id")))
            share = row.get("office_id") in self.own_ids and parent_office in self.county_ids
            was_county = current is None or current["office_id"] in self.county_ids or (
                self.conn.scalar(select(targets.c.office_id).where(targets.c.id == current["parent_id"]))
                in self.county_ids)
            if not (county_target or share) or not was_county:
                raise self.refuse(record, "不是县局的目标任务或县局下达给本所的分解任务")
            return
        raise self.refuse(record, "不属于回传文件可以带来的数据")

    def _user_office(self, user_id: Any) -> Any:
        if user_id is None:
            return None
        users = rows.table("app_user")
        return self.conn.scalar(select(users.c.office_id).where(users.c.id == user_id))


def _apply_county_rows(s: Any, verified: Any, items: list[str], name: str) -> dict[str, Any]:
    """Catalogue, calendar, notices and the county's office and issuing users: the county's wins."""
    from app.sync.types import TableCounts

    conn = s.connection()
    counts: dict[str, TableCounts] = {}
    changed: dict[str, list[str]] = {}
    # The township's own offices: a work_target of another office is a county target, carried
    # only so the share under it shows as 县局下达; the summary names the shares.
    own_offices = {str(i) for i in conn.scalars(select(Office.id).where(Office.is_county.is_(False)))}
    allowed = _Downlink(conn, verified.header, name)
    for record in read_records(verified):
        if record.t not in rows.DOWNLINK_TABLES:
            raise allowed.refuse(record, "不属于回传文件可以带来的数据")
        tbl = rows.table(record.t)
        row = allowed.row(record)
        key = rows.key_values(record.t, record.id)
        where = [tbl.c[k] == v for k, v in key.items()]
        current = conn.execute(select(tbl).where(*where)).mappings().first()
        allowed.check(record, row, current)
        c = counts.setdefault(record.t, TableCounts())
        if current is None:
            conn.execute(tbl.insert().values(**row))
            c.new += 1
        else:
            if record.t == "app_user" and current["password_hash"] is not None:
                c.refused += 1  # never overwrite an account that signs in here
                continue
            plain_current = {k: _plain(v) for k, v in current.items()}
            plain_new = {k: _plain(v) for k, v in row.items()}
            if all(plain_current.get(k) == v for k, v in plain_new.items() if k not in BOOKKEEPING):
                c.unchanged += 1
                continue
            conn.execute(tbl.update().where(*where).values(**row))
            c.updated += 1
        if record.t == "work_target" and str(record.p.get("office_id")) not in own_offices:
            continue
        described = _describe(record.t, record.p)
        if record.t == "work_target" and not record.p.get("cancelled_at"):
            described += _months_short(conn, row)
        changed.setdefault(record.t, []).append(described)
        if record.t == "catalog_version" and row.get("is_current"):
            conn.execute(tbl.update().where(tbl.c.id != row["id"]).values(is_current=False))
    labels = {"catalog_version": "事项目录版本", "matter": "事项", "material_requirement": "材料要求",
              "holiday": "节假日安排", "calendar_year": "工作日历年度", "supervision_notice": "督办单",
              "app_user": "县局人员", "office": "县局单位信息", "work_target": "县局下达目标任务"}
    for table_name, described in changed.items():
        shown = "、".join(d for d in described[:5] if d)
        more = f" 等 {len(described)} 项" if len(described) > 5 else f" {len(described)} 项"
        items.append(f"{labels.get(table_name, table_name)}：{shown}{more}" if shown
                     else f"{labels.get(table_name, table_name)}：{len(described)} 项")
    return counts


def _months_short(conn: Any, share: dict[str, Any]) -> str:
    """“（月度分解少 10，请重新分解）” when the county raised a share above the township's months."""
    months = rows.table("target_month")
    total = conn.scalar(select(func.sum(months.c.planned)).where(months.c.target_id == share["id"]))
    if total is None or Decimal(total) >= Decimal(share["planned"]):
        return ""
    return f"（月度分解少 {(Decimal(share['planned']) - Decimal(total)).normalize():f}，请重新分解）"


def _describe(table_name: str, payload: dict[str, Any]) -> str:
    if table_name == "catalog_version":
        return f"版本 {payload.get('version', '')}"
    if table_name == "supervision_notice":
        return str(payload.get("number", ""))
    if table_name == "holiday":
        return str(payload.get("day", ""))
    if table_name == "calendar_year":
        return str(payload.get("year", ""))
    if table_name == "app_user":
        return str(payload.get("display_name", ""))
    if table_name == "work_target":
        # “2026年村庄改造 70 个”, or “…（已撤销）” when the county took the share back.
        try:
            amount = f"{Decimal(str(payload.get('planned', '0'))).normalize():f}"
        except InvalidOperation:
            amount = str(payload.get("planned", ""))
        cancelled = "（已撤销）" if payload.get("cancelled_at") else ""
        return f"{payload.get('first_year', '')}年{payload.get('name', '')} {amount} {payload.get('unit', '')}{cancelled}"
    return ""

