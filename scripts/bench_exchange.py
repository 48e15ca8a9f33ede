#!/usr/bin/env python3
"""Benchmark: exchange import/export against plain ``json`` + ``sqlite3`` on the same data.

Builds a plan of 20,000 actions (about 36,000 records), exports it, then times:
  * import into an empty database   (target: within 3x of json.load + sqlite3 inserts)
  * the same import again, no change (target: within 2x)
  * a full export                    (target: within 2x of sqlite3 select + json.dump)
  * ``sync DIR`` over 20 unchanged files of a 5,000-action plan (target: within 1.3x of a
    sync of an empty folder)
Run: python scripts/bench_exchange.py [--actions N] [--import-only]
The machine's load moves every figure: compare two versions by alternating runs of this
script and taking the median ratio of each.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from plantui import clock as hlc
from plantui.exchange import export_file, import_files, sync_folder
from plantui.service import PlanService
from plantui.storage.database import open_database
from plantui.storage.records import RecordState, save_states


def synthetic_plan(n_actions: int) -> list[RecordState]:
    """A plausible large plan: asks, organisations, pledges, actions, dependencies, links."""
    replica = str(uuid.uuid4())
    counter = [1_733_000_000_000]

    def rec(type_name: str, values: dict) -> RecordState:
        counter[0] += 1
        clock = hlc.format_clock(counter[0], 0)
        at = hlc.stamp(clock, replica)
        fields = {k: [{"v": v, "at": at}] for k, v in values.items()}
        fields["_deleted"] = [{"v": False, "at": at}]
        return RecordState(hlc.uuid7(counter[0]), type_name, {replica: clock}, fields)

    out = [rec("plan", {"title": "Big plan", "period_start": "2025-01-01"})]
    plan_id = out[0].id
    orgs = [rec("organisation", {"name": f"Org {i}", "sector": "community"}) for i in range(200)]
    asks = [
        rec("ask", {"title": f"Ask {i}", "rank": f"a{i}", "status": "raised"}) for i in range(100)
    ]
    pledges = [
        rec("pledge", {"title": f"Pledge {i}", "made_by": orgs[i % 200].id, "due": "2025-06-30"})
        for i in range(2000)
    ]
    actions = []
    for i in range(n_actions):
        actions.append(
            rec(
                "action",
                {
                    "title": f"Action {i} with a realistic length of title",
                    "ask": asks[i % 100].id,
                    "pledge": pledges[i % 2000].id,
                    "community_owner": orgs[i % 200].id,
                    "public_owner": orgs[(i + 7) % 200].id,
                    "start": "2025-02-01",
                    "end": "2025-05-31",
                    "status": "on_track",
                    "progress": i % 100,
                    "rag": "green",
                    "milestone": False,
                    "description": "Deliver the work in community venues with partners.",
                },
            )
        )
    deps = [
        rec("dependency", {"from": actions[i].id, "to": actions[i + 1].id, "kind": "FS"})
        for i in range(0, n_actions - 1, 2)
    ]
    links = [
        rec("link", {"role": "responds_to", "from": pledges[i].id, "to": asks[i % 100].id})
        for i in range(2000)
    ]
    return [out[0], *orgs, *asks, *pledges, *actions, *deps, *links], plan_id


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_of(n: int, fn) -> float:
    return min(timed(fn) for _ in range(n))


def baseline_import(path: Path, target: Path) -> None:
    """json.load the file, then store each record and its siblings with sqlite3."""
    target.unlink(missing_ok=True)
    doc = json.loads(path.read_text("utf-8"))
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE record (id TEXT PRIMARY KEY, type TEXT, vv TEXT, fields TEXT)")
    with conn:
        conn.executemany(
            "INSERT INTO record VALUES (?, ?, ?, ?)",
            (
                (r["id"], r["type"], json.dumps(r["vv"]), json.dumps(r["fields"]))
                for r in doc["records"]
            ),
        )
    conn.close()


def baseline_export(db: Path, out: Path) -> None:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, type, vv, fields FROM record ORDER BY id").fetchall()
    doc = {
        "records": [
            {"id": i, "type": t, "vv": json.loads(v), "fields": json.loads(f)}
            for i, t, v, f in rows
        ]
    }
    out.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    conn.close()


def bench_sync(tmp: Path, repeat: int, n_actions: int = 5_000, n_files: int = 20) -> tuple:
    """An empty folder against one holding ``n_files`` other laptops' files already held."""
    records, plan_id = synthetic_plan(n_actions)
    db = open_database(tmp / "sync.db")
    with db.write() as session:
        save_states(session, records, new=True)
        db.set_meta(session, "plan_id", plan_id)
    service = PlanService(db)
    empty, full = tmp / "empty", tmp / "full"
    empty.mkdir()
    full.mkdir()
    source = tmp / "sync-source.plantui.json"
    export_file(service, source)
    doc = json.loads(source.read_text("utf-8"))
    for i in range(n_files):
        doc["exporter"] = {"label": f"Laptop {i}", "replica_id": str(uuid.uuid4())}
        doc.pop("integrity", None)
        text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        (full / f"laptop-{i}.plantui.json").write_text(text, "utf-8")
    base = best_of(repeat, lambda: sync_folder(service, empty))
    ours = best_of(repeat, lambda: sync_folder(service, full))
    return base, ours


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--import-only", action="store_true", help="time only the import into an empty database"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        records, _plan_id = synthetic_plan(args.actions)
        source = open_database(tmp / "source.db")
        with source.write() as session:
            save_states(session, records, new=True)
            source.set_meta(session, "plan_id", _plan_id)
        src_service = PlanService(source)
        file = tmp / "big.plantui.json"
        export_file(src_service, file)
        size_mb = file.stat().st_size / 1e6
        print(f"{len(records):,} records, {args.actions:,} actions, file {size_mb:.1f} MB")

        base_imp = best_of(args.repeat, lambda: baseline_import(file, tmp / "baseline.db"))

        def plantui_import() -> None:
            for p in tmp.glob("target.db*"):
                if p.is_dir():
                    for q in p.iterdir():
                        q.unlink()
                    p.rmdir()
                else:
                    p.unlink()
            db = open_database(tmp / "target.db")
            import_files(PlanService(db), [file])
            db.close()

        ours_imp = best_of(args.repeat, plantui_import)
        if args.import_only:
            ratio = ours_imp / base_imp
            print(f"import into empty: baseline {base_imp:.2f}s plantui {ours_imp:.2f}s")
            print(f"ratio {ratio:.2f} target 3.0x {'ok' if ratio <= 3.0 else 'OVER'}")
            return
        target = open_database(tmp / "target.db")
        target_service = PlanService(target)
        ours_again = best_of(args.repeat, lambda: import_files(target_service, [file]))
        base_exp = best_of(
            args.repeat, lambda: baseline_export(tmp / "baseline.db", tmp / "b.json")
        )
        ours_exp = best_of(args.repeat, lambda: export_file(target_service, tmp / "o.plantui.json"))
        sync_empty, sync_full = bench_sync(tmp, args.repeat)
        rows = [
            ("import into empty", base_imp, ours_imp, 3.0),
            ("re-import, no change", base_imp, ours_again, 2.0),
            ("full export", base_exp, ours_exp, 2.0),
            ("sync, 20 held files", sync_empty, sync_full, 1.3),
        ]
        print(f"{'':24} {'baseline':>9} {'plantui':>9} {'ratio':>6} {'target':>7}")
        for name, base, ours, goal in rows:
            ok = "ok" if ours / base <= goal else "OVER"
            print(f"{name:24} {base:8.2f}s {ours:8.2f}s {ours / base:6.2f} {goal:6.1f}x {ok}")


if __name__ == "__main__":
    main()
