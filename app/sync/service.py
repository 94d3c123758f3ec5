"""SyncService: keys, status and history; export and import are in township.py and county.py."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FormErrors, LanddeskError, NotFoundError, StateError, ValidationError
from app.models import (
    ChangeLog,
    Office,
    SyncBatch,
    SyncConflict,
    SyncImport,
    SyncKey,
    SyncOfficeState,
    SyncPeer,
    User,
)
from app.permissions import Action
from app.services.context import ServiceContext
from app.services.office import home_office_id
from app.services.reference import ReferenceService
from app.sync import county, recovery, township
from app.sync.fileformat import file_label
from app.sync.keys import KeyFileError, OwnKeys, PublicKeyFile, read_key_file, unb64
from app.sync.rows import synced_tables
from app.sync.types import (
    ConflictItem,
    ExportResult,
    ImportReport,
    KeyInfo,
    SyncStatus,
    TableCounts,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None


class SyncService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService, data_folder: Path) -> None:
        self.ctx = ctx
        self.reference = reference
        self.data_folder = Path(data_folder)

    # ------------------------------------------------------------ who we are

    def home_office(self, s: Session) -> Office:
        office_id = home_office_id(s)
        office = s.get(Office, office_id) if office_id else None
        if office is None:
            raise NotFoundError("尚未设置单位")
        return office

    def mode(self) -> str:
        with self.ctx.reading() as s:
            return "county" if self.home_office(s).is_county else "township"

    def own_keys(self) -> OwnKeys:
        """This office's keys, made on first use (set-up or the first sync action)."""
        with self.ctx.reading() as s:
            row = s.get(SyncKey, 1)
            code = self.home_office(s).code
            if row is not None:
                if row.office_code != code:
                    raise StateError(f"本数据库的同步密钥属于单位 {row.office_code}，与本单位 {code} 不符")
                return OwnKeys.from_stored(row.ed25519_private, row.x25519_private)
        keys = OwnKeys.generate()
        ed, x = keys.stored()
        with self.ctx.transaction("sync.keys") as s:
            if s.get(SyncKey, 1) is None:
                s.add(SyncKey(id=1, office_code=code, ed25519_private=ed, x25519_private=x,
                              created_at=self.ctx.now()))
        return self.own_keys()

    def _own_key_file(self) -> PublicKeyFile:
        keys = self.own_keys()
        with self.ctx.reading() as s:
            office = self.home_office(s)
            role = "county" if office.is_county else "township"
            return PublicKeyFile(office.code, office.name, role, keys.ed25519_public, keys.x25519_public)

    def create_county_office(self, name: str, code: str, *, username: str, display_name: str,
                             password: str) -> None:
        """First run of a county bureau (``landdesk init --county``): its office and first user.

        A county code is the 6-digit county code followed by 000; the township form refuses it.
        """
        import uuid

        from app import security
        from app.dto import Role
        from app.services.users import check_new_password, validate_display_name, validate_username

        errors: list[ValidationError] = []
        code = code.strip()
        if not (len(code) == 9 and code.isdigit() and code.endswith("000") and not code.endswith("000000")):
            errors.append(ValidationError("code", code, "not_county",
                                          "县局代码应为9位：6位县级区划代码加000，例如 370702000"))
        if not name.strip():
            errors.append(ValidationError("name", name, "empty", "请填写单位名称，例如“××县自然资源局”"))
        for check in (lambda: validate_username(username), lambda: validate_display_name(display_name),
                      lambda: check_new_password(password, username)):
            try:
                check()
            except ValidationError as exc:
                errors.append(exc)
        if errors:
            raise FormErrors(errors)
        office_id, user_id = uuid.uuid4(), uuid.uuid4()
        roles = ",".join(r.value for r in (Role.ADMIN, Role.SECTION_CHIEF, Role.LEADER))
        password_hash = security.hash_password(password)
        previous = self.ctx.office_id, self.ctx.user_id
        self.ctx.office_id, self.ctx.user_id = office_id, user_id
        try:
            with self.ctx.transaction("office.create_county") as s:
                if s.scalar(select(func.count()).select_from(Office)):
                    raise ValidationError("code", code, "exists", "本数据库已经设置过单位")
                s.add(Office(id=office_id, code=code, name=name.strip(), is_county=True))
                s.flush()
                s.add(User(id=user_id, office_id=office_id, username=username.strip(),
                           display_name=display_name.strip(), roles=roles, password_hash=password_hash))
        except BaseException:
            self.ctx.office_id, self.ctx.user_id = previous
            raise
        self.ctx.forget(("roles", user_id))
        self.own_keys()

    # ------------------------------------------------------------ keys

    def write_public_key(self, path: Path) -> KeyInfo:
        self.ctx.require(Action.SYNC)
        key = self._own_key_file()
        path = Path(path)
        if path.is_dir():
            path = path / f"{key.office_code}.ldkey"
        try:
            key.write(path)
        except OSError as exc:
            raise KeyFileError(f"无法写入公钥文件 {path}：{exc.strerror or exc}") from exc
        return KeyInfo(key.office_code, key.office_name, key.role, key.fingerprint)

    def key_sheet(self) -> bytes:
        """The printed fingerprint sheet (同步密钥指纹确认单) that goes with the key file."""
        from app.printing.routing_docs import render_key_sheet

        self.ctx.require(Action.SYNC)
        key = self._own_key_file()
        return render_key_sheet(key.office_code, key.office_name, key.role, key.fingerprint, self.ctx.now())

    def register_key(self, path: Path, replace: bool = False) -> KeyInfo:
        """Register a peer's public key: the county at a township, a township at the county."""
        self.ctx.require(Action.SYNC)
        key = read_key_file(Path(path))
        own = self._own_key_file()
        info = KeyInfo(key.office_code, key.office_name, key.role, key.fingerprint)
        if key.office_code == own.office_code:
            raise KeyFileError("这是本单位自己的公钥文件，应登记对方单位的公钥文件")
        if own.role == "township" and key.role != "county":
            raise KeyFileError(f"乡镇只登记县局的公钥，{key.office_name} 不是县局")
        if own.role == "county" and key.role != "township":
            raise KeyFileError(f"县局只登记乡镇的公钥，{key.office_name} 不是乡镇")
        with self.ctx.transaction("sync.register_key") as s:
            existing = s.get(SyncPeer, key.office_code)
            if existing is not None and existing.fingerprint == key.fingerprint:
                return info  # the same key again: nothing to do
            if own.role == "township":
                other = s.scalars(select(SyncPeer).where(SyncPeer.office_code != key.office_code)).first()
                if other is not None and not replace:
                    raise KeyFileError(f"本所已登记县局 {other.office_name}（{other.office_code}）。"
                                       "一个乡镇只对应一个县局；如确需更换，请选择“替换”")
                if other is not None:
                    s.delete(other)
            if existing is not None and not replace:
                raise KeyFileError(
                    f"{key.office_name}（{key.office_code}）已登记了另一把公钥（指纹 {existing.fingerprint}）。"
                    "如果对方重装了程序、密钥已更换，请与对方电话核对新指纹后选择“替换”登记")
            if existing is not None:
                s.delete(existing)
                s.flush()
            s.add(SyncPeer(office_code=key.office_code, office_name=key.office_name, role=key.role,
                           ed25519_public=key.to_json()["ed25519_public"],
                           x25519_public=key.to_json()["x25519_public"],
                           fingerprint=key.fingerprint, registered_at=self.ctx.now()))
        return info

    def peers(self) -> list[KeyInfo]:
        with self.ctx.reading() as s:
            return [KeyInfo(p.office_code, p.office_name, p.role, p.fingerprint)
                    for p in s.scalars(select(SyncPeer).order_by(SyncPeer.office_code))]

    def peer_public(self, s: Session, office_code: str, role: str):  # type: ignore[no-untyped-def]
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        peer = s.get(SyncPeer, office_code)
        if peer is None or peer.role != role:
            return None
        return Ed25519PublicKey.from_public_bytes(unb64(peer.ed25519_public)), peer.fingerprint

    # ------------------------------------------------------------ status and history

    def status(self) -> SyncStatus:
        keys = self.own_keys()
        with self.ctx.reading() as s:
            office = self.home_office(s)
            batches = s.scalars(select(SyncBatch).order_by(SyncBatch.seq)).all()
            state = s.get(SyncOfficeState, office.code)
            last_change = max((b.last_change for b in batches), default=0)
            pending = s.scalar(select(func.count()).select_from(ChangeLog).where(
                ChangeLog.seq > last_change, ChangeLog.table_name.in_(synced_tables()))) or 0
            last_import = s.scalar(select(func.max(SyncImport.at)))
            acked = [b.seq for b in batches if b.state == "acknowledged"]
            return SyncStatus(
                mode="county" if office.is_county else "township",
                office_code=office.code,
                own_fingerprint=keys.fingerprint,
                peers=self.peers(),
                last_acked_seq=max([*acked, state.last_seq if state and not office.is_county else 0]),
                unacknowledged=[b.seq for b in batches if b.state != "acknowledged"],
                pending_changes=0 if office.is_county else pending,
                last_export_at=max((b.made_at for b in batches), default=None),
                last_import_at=last_import,
            )

    def import_history(self, limit: int = 100) -> list[ImportReport]:
        with self.ctx.reading() as s:
            rows = s.scalars(select(SyncImport).order_by(SyncImport.at.desc(), SyncImport.batch_seq.desc())
                             .limit(limit)).all()
            return [ImportReport(
                file_name=r.file_name, kind=r.kind, office_code=r.office_code, office_name=r.office_name,
                batch_seq=r.batch_seq, outcome=r.outcome, message=r.message,
                by_table={t: TableCounts.from_json(c) for t, c in (r.summary.get("by_table") or {}).items()},
                missing=tuple(r.summary.get("missing") or ()), items=tuple(r.summary.get("items") or ()),
                at=r.at,
            ) for r in rows]

    def conflicts(self, open_only: bool = True) -> list[ConflictItem]:
        with self.ctx.reading() as s:
            query = select(SyncConflict).order_by(SyncConflict.at, SyncConflict.change_seq)
            if open_only:
                query = query.where(SyncConflict.resolved.is_(False))
            return [ConflictItem(c.id, c.office_code, c.table_name, c.row_id, c.county_version,
                                 c.incoming_version, c.batch_seq, c.change_seq, c.at, c.resolved)
                    for c in s.scalars(query)]

    # ------------------------------------------------------------ files

    def export_batch(self, out_dir: Path, progress: Progress = None, cancel: Cancel = None) -> ExportResult:
        self.ctx.require(Action.SYNC)
        return township.export_batch(self, Path(out_dir), progress=progress, cancel=cancel)

    def remake_batch(self, seq: int, out_dir: Path, progress: Progress = None,
                     cancel: Cancel = None) -> ExportResult:
        self.ctx.require(Action.SYNC)
        return township.export_batch(self, Path(out_dir), progress=progress, cancel=cancel, remake_seq=seq)

    def import_files(self, paths: Sequence[Path], dry_run: bool = False,
                     progress: Progress = None) -> list[ImportReport]:
        """Import sync files: uplinks at the county, downlinks and recovery files at a township.
        Never raises for a refused file: each gets a report with outcome "refused" and the reason."""
        self.ctx.require(Action.SYNC)
        if not dry_run:
            self.backup_before_import()
        reports: list[ImportReport] = []
        is_county = self.mode() == "county"
        for index, path in enumerate(paths):
            reports.extend(self._import_one(Path(path), is_county, dry_run))
            if progress:
                progress(index + 1, len(paths))
        return reports

    def _import_one(self, path: Path, is_county: bool, dry_run: bool) -> list[ImportReport]:
        """One file; whatever goes wrong inside, it is refused with a report and the next file is
        still imported (its transaction rolled back, so nothing of it was written)."""
        try:
            if is_county:
                return county.import_uplink(self, path, dry_run=dry_run)
            if recovery.is_recovery_file(path):
                return [recovery.import_recovery(self, path, dry_run=dry_run)]
            return [township.import_downlink(self, path, dry_run=dry_run)]
        except LanddeskError:
            raise  # the database is busy, a permission …: said to the person, not a verdict on the file
        except Exception as exc:  # noqa: BLE001 - a file from elsewhere must never stop the others
            log.exception("importing %s failed", file_label(path))
            report = ImportReport(file_name=file_label(path), kind="uplink" if is_county else "downlink",
                                  office_code="", office_name="", batch_seq=0,
                                  outcome="refused", refusal_kind="unexpected", at=self.ctx.now(),
                                  message=f"同步文件 {file_label(path)}：导入时出现意外错误（{type(exc).__name__}，"
                                          "详情已记入日志），这个文件未导入，数据库没有改动")
        if not dry_run:
            township._record_import(self, report, "")
        return [report]

    def backup_before_import(self) -> None:
        """A verified backup (SQLite) before files from elsewhere change the database."""
        from app import backup

        path = self.ctx.db.sqlite_path
        if path is not None and path.exists():
            backup.take_backup(path, backup.backup_dir(self.data_folder), "import", self.ctx.now())

    def export_downlinks(self, out_dir: Path, office_codes: Sequence[str] | None = None,
                         progress: Progress = None) -> list[Path]:
        self.ctx.require(Action.SYNC)
        return county.export_downlinks(self, Path(out_dir), office_codes, progress=progress)

    def export_recovery(self, office_code: str, out_dir: Path) -> Path:
        """County: a signed recovery file for one township holding every row of that township
        the county has, for a township that lost data (restored an old backup or started a new
        database). The township imports it with ``import_files``."""
        self.ctx.require(Action.SYNC)
        return recovery.export_recovery(self, office_code.strip(), Path(out_dir))

    def forget_reference_caches(self) -> None:
        # A downlink may bring a new catalogue or calendar: the cached ones are stale.
        self.reference.forget_calendar()
        self.reference.forget_catalog()

