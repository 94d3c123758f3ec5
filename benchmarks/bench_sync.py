"""Sync: export and county import of 100,000 changes, and peak memory as the batch grows.

A demo township (fill_demo) provides a realistic change log; it is copied with fresh
row ids (and case / notice numbers) until the log holds the wanted number of changes.
Measured:

* export  — SyncService.export_batch (encrypt personal fields, sign, write, fsync, read back
  and verify) vs a plain JSON-lines dump of the same change_log rows from the same database
  (json.dumps per row, write, fsync). Target <= 2x.
* import  — county import (verify pass, decrypt, convert types, compare with sync_row, write
  rows and sync_row, one transaction) vs executemany of the same rows into an empty county
  (insert each table's rows as the changes leave them). Target <= 3x.
* memory  — tracemalloc peak of export and of import at 10k, 50k and 100k changes:
  it must stay flat (the batch is streamed, never held whole).

``--quick``: 3,000 changes, memory at 1,000 and 2,000, a 10-case township; no verdict on time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from app.audit import row_hash  # noqa: E402
from app.models import ChangeLog  # noqa: E402

COPIED = ("applicant", "case_file", "case_material", "case_event", "case_step", "case_pause", "collective_review",
          "inquiry", "service_rating", "supervision_notice")
NUMBERS = {"case_file": ("number", "notice_number", "decision_number"), "supervision_notice": ("number",)}
BASELINE_SECONDS: list[float] = []
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _services(folder: Path):  # type: ignore[no-untyped-def]
    from app.clock import system_clock
    from app.db import open_database
    from app.services import Services

    folder.mkdir(parents=True, exist_ok=True)
    return Services.create(open_database(f"sqlite:///{folder / 'landdesk.sqlite3'}"), folder,
                           clock=system_clock)


def make_township(folder: Path, cases: int):  # type: ignore[no-untyped-def]
    from app.demo import fill_demo

    services = _services(folder)
    fill_demo(services, cases=cases)
    return services


def grow_change_log(services, target: int) -> int:  # type: ignore[no-untyped-def]
    """Append copies of the township's own case changes (fresh ids) until ``target`` changes."""
    with services.ctx.reading() as s:
        originals = s.execute(select(ChangeLog.table_name, ChangeLog.row_id, ChangeLog.op, ChangeLog.payload,
                                     ChangeLog.at, ChangeLog.office_id)
                              .where(ChangeLog.table_name.in_(COPIED)).order_by(ChangeLog.seq)).all()
        have = s.scalar(select(func.count()).select_from(ChangeLog)) or 0
    ids = {row_id for _t, row_id, *_ in originals}
    copy = have  # a different prefix per copy keeps numbers unique
    while have < target:
        copy += 1
        mapping = {old: str(uuid.uuid5(uuid.NAMESPACE_URL, f"{copy}/{old}")) for old in ids}
        latest: dict[tuple[str, str], str | None] = {}
        rows = []
        for table_name, row_id, op, payload, at, office_id in originals:
            if have + len(rows) >= target:
                break
            new_id = mapping[row_id]
            if payload is not None:
                payload = json.loads(UUID_RE.sub(lambda m, mapping=mapping: mapping.get(m.group(0), m.group(0)),
                                               json.dumps(payload)))
                for field in NUMBERS.get(table_name, ()):
                    if payload.get(field):
                        payload[field] = f"{copy:06d}{payload[field][6:]}"
            digest = None if op == "delete" else row_hash(payload)
            key = (table_name, new_id)
            rows.append({"at": at, "office_id": office_id, "table_name": table_name, "row_id": new_id, "op": op,
                         "payload": payload, "row_hash": digest,
                         "base_hash": None if op == "insert" else latest.get(key)})
            latest[key] = digest
        with services.ctx.db.engine.begin() as conn:
            conn.execute(insert(ChangeLog), rows)
        have += len(rows)
    return have


def make_county(folder: Path, township, keys_dir: Path):  # type: ignore[no-untyped-def]
    county = _services(folder)
    county.sync.create_county_office("示例县自然资源局", "370702000", username="admin",
                                     display_name="县局管理员", password="guotu-2026")
    keys_dir.mkdir(parents=True, exist_ok=True)
    t = township.sync.write_public_key(keys_dir)
    c = county.sync.write_public_key(keys_dir)
    county.sync.register_key(keys_dir / f"{t.office_code}.ldkey")
    township.sync.register_key(keys_dir / f"{c.office_code}.ldkey", replace=True)
    return county


def plain_dump(services, out: Path) -> None:  # type: ignore[no-untyped-def]
    with services.ctx.db.engine.connect() as conn, open(out, "wb") as fh:
        result = conn.execution_options(yield_per=2000).execute(
            select(ChangeLog.seq, ChangeLog.at, ChangeLog.table_name, ChangeLog.row_id, ChangeLog.op,
                   ChangeLog.payload, ChangeLog.row_hash, ChangeLog.base_hash).order_by(ChangeLog.seq))
        for seq, at, table_name, row_id, op, payload, rh, bh in result:
            fh.write(json.dumps({"c": seq, "t": table_name, "id": row_id, "op": op, "h": rh, "b": bh,
                                 "at": at.isoformat(), "p": payload}, ensure_ascii=False).encode() + b"\n")
        fh.flush()
        os.fsync(fh.fileno())


def executemany_baseline(county, target, batch: Path) -> None:  # type: ignore[no-untyped-def]
    """The same rows written with plain executemany into an empty county database: per table,
    the inserted rows, then the updated rows by primary key, in one transaction. Reading and
    decoding the file is not part of the baseline's time."""
    from sqlalchemy import and_, bindparam, update

    from app.sync import rows as sync_rows
    from app.sync.crypto import FieldCipher, unwrap_key
    from app.sync.fileformat import read_records, verify

    keys = county.sync.own_keys()
    with county.ctx.reading() as s:
        verified = verify(batch, expected_kind="uplink", signer_key=lambda code: county.sync.peer_public(
            s, code, "township"), own_fingerprint=keys.fingerprint)
    cipher = FieldCipher(unwrap_key(verified.header.wrapped_key, keys.receiving))
    inserts: dict[str, list[dict[str, Any]]] = {}
    updates: dict[str, list[dict[str, Any]]] = {}
    for r in read_records(verified):
        if r.t in sync_rows.COUNTY_OWNED or r.p is None:
            continue
        row = sync_rows.to_row(r.t, cipher.open(r.t, r.p))
        (inserts if r.op == "insert" else updates).setdefault(r.t, []).append(row)
    start = time.perf_counter()
    with target.ctx.db.engine.begin() as conn:
        for table_name in sync_rows.synced_tables():
            tbl = sync_rows.table(table_name)
            if inserts.get(table_name):
                conn.execute(insert(tbl), inserts[table_name])
            if updates.get(table_name):
                pk = sync_rows.primary_key(table_name)
                stmt = update(tbl).where(and_(*[tbl.c[k] == bindparam(f"pk_{k}") for k in pk]))
                conn.execute(stmt, [{**row, **{f"pk_{k}": row[k] for k in pk}} for row in updates[table_name]])
    BASELINE_SECONDS.append(time.perf_counter() - start)


def measure(fn, *, memory: bool = False) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    if memory:
        tracemalloc.start()
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    peak = 0
    if memory:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return seconds, peak


def fresh_township(base: Path, folder: Path, changes: int):  # type: ignore[no-untyped-def]
    shutil.copytree(base, folder)
    township = _services(folder)
    grow_change_log(township, changes)
    return township


def memory_step(root: Path, step: int) -> None:
    township = fresh_township(root / "base", root / f"township-{step}", step)
    county = make_county(root / f"county-{step}", township, root / f"keys-{step}")
    holder: dict[str, Any] = {}
    _s, export_peak = measure(lambda: holder.setdefault("r", township.sync.export_batch(root / f"out-{step}")),
                              memory=True)
    result = holder["r"]
    _s, import_peak = measure(lambda: holder.setdefault("i", county.sync.import_files([result.path])), memory=True)
    assert holder["i"][0].outcome == "applied", holder["i"][0].message
    print(f"  {result.changes:>7} changes: export peak {export_peak / 1e6:6.1f} MB, "
          f"import peak {import_peak / 1e6:6.1f} MB  (file {result.path.stat().st_size / 1e6:.1f} MB)")
    for services in (township, county):
        services.ctx.db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--memory-steps", default="10000,50000,100000")
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    parser.add_argument("--quick", action="store_true",
                        help="3,000 changes, memory at 1,000 and 2,000; no verdict on time")
    args = parser.parse_args()
    if args.quick:
        args.changes, args.memory_steps = 3_000, "1000,2000"
    root = args.keep or Path(tempfile.mkdtemp(prefix="landdesk-bench-sync-"))
    print(f"working in {root}")
    try:
        return run(args, root)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def run(args: argparse.Namespace, root: Path) -> int:
    make_township(root / "base", cases=10 if args.quick else 40).ctx.db.dispose()
    ok = True

    # Peak memory as the batch grows: a township with N changes, a fresh county, one batch each.
    print("peak memory (tracemalloc), export / import:")
    for step in [int(x) for x in args.memory_steps.split(",")]:
        memory_step(root, step)

    township = fresh_township(root / "base", root / "township-time", args.changes)
    county = make_county(root / "county-time", township, root / "keys-time")
    holder: dict[str, Any] = {}
    export_s, _ = measure(lambda: holder.setdefault("r", township.sync.export_batch(root / "out-time")))
    dump_s, _ = measure(lambda: plain_dump(township, root / "plain.jsonl"))
    result = holder["r"]
    ratio = export_s / dump_s
    ok &= ratio <= 2
    print(f"export of {result.changes} changes: landdesk {export_s:.2f} s, plain JSON-lines dump {dump_s:.2f} s, "
          f"ratio {ratio:.2f}x (target <= 2x) {'OK' if ratio <= 2 else 'MISSED'}")
    import_s, _ = measure(lambda: holder.setdefault("i", county.sync.import_files([result.path])))
    assert holder["i"][0].outcome == "applied", holder["i"][0].message
    baseline_county = _services(root / "county-baseline")
    baseline_county.sync.create_county_office("基准县局", "370702000", username="admin", display_name="基准",
                                              password="guotu-2026")
    executemany_baseline(county, baseline_county, result.path)
    baseline_s = BASELINE_SECONDS[-1]
    ratio = import_s / baseline_s
    ok &= ratio <= 3
    print(f"county import of {result.changes} changes: landdesk {import_s:.2f} s, "
          f"executemany of the same rows {baseline_s:.2f} s, ratio {ratio:.2f}x (target <= 3x) "
          f"{'OK' if ratio <= 3 else 'MISSED'}")
    for services in (township, county, baseline_county):
        services.ctx.db.dispose()
    return 0 if ok or args.quick else 1  # --quick checks that it works, not how fast


if __name__ == "__main__":
    sys.exit(main())
