#!/usr/bin/env python3
"""Benchmark: what keeping history costs, and how fast ``plantui history`` answers.

On the 20,000-action plan of ``bench_exchange.py`` (about 36,000 records), times:
  * the import into an empty database, with history kept and with it switched off
    (target: history adds at most 15%)
  * one edit through the write path, with and without history (target: at most 5 ms more)
  * ``history`` of one record on that plan, after a few edits of it (target: under 50 ms)
"Without history" replaces ``storage.records.history_rows`` with one that returns no rows,
so the only difference between the two runs is the history table's work.
Run: python scripts/bench_history.py [--actions N] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_exchange import synthetic_plan  # noqa: E402

from plantui.exchange import export_file, import_files  # noqa: E402
from plantui.queries.changes import record_history  # noqa: E402
from plantui.service import PlanService  # noqa: E402
from plantui.storage import records  # noqa: E402
from plantui.storage.database import open_database  # noqa: E402
from plantui.storage.records import save_states  # noqa: E402


def best_of(n: int, fn: Callable[[], object]) -> float:
    """Fastest of ``n`` runs in CPU seconds: on a shared machine, wall time mostly measures
    the neighbours; the history's cost is CPU work in this process and SQLite's."""
    times = []
    for _ in range(n):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


@contextmanager
def history_off() -> Iterator[None]:
    keep = records.history_rows
    records.history_rows = lambda *args, **kwargs: []
    try:
        yield
    finally:
        records.history_rows = keep


def fresh_import(file: Path, target: Path) -> Callable[[], None]:
    def run() -> None:
        for path in target.parent.glob(target.name + "*"):
            if path.is_dir():
                for inner in path.iterdir():
                    inner.unlink()
                path.rmdir()
            else:
                path.unlink()
        db = open_database(target)
        import_files(PlanService(db), [file])
        db.close()

    return run


def edit_ms(service: PlanService, record_id: str, n: int) -> float:
    """Median wall time of one committed edit, in milliseconds (a person waits for the
    commit, fsync included)."""
    times = []
    for i in range(n):
        start = time.perf_counter()
        service.update(record_id, {"progress": i % 100})
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        states, plan_id = synthetic_plan(args.actions)
        source = open_database(tmp / "source.db")
        with source.write() as session:
            save_states(session, states, new=True)
            source.set_meta(session, "plan_id", plan_id)
        file = tmp / "big.plantui.json"
        export_file(PlanService(source), file)
        source.close()
        print(f"{len(states):,} records, {args.actions:,} actions")

        run = fresh_import(file, tmp / "target.db")
        with history_off():
            import_without = best_of(args.repeat, run)
        import_with = best_of(args.repeat, run)

        db = open_database(tmp / "target.db")
        service = PlanService(db, clock_ok=True)
        action = next(s.id for s in states if s.type == "action")
        with history_off():
            edit_without = edit_ms(service, action, args.edits)
        edit_with = edit_ms(service, action, args.edits)
        history_ms = best_of(args.repeat, lambda: record_history(db, action)) * 1000
        entries = len(record_history(db, action))
        db.close()

    extra = (import_with / import_without - 1) * 100
    rows = [
        ("import (CPU), history adds", f"{extra:.1f}%", "15%", extra <= 15),
        (
            "one edit, history adds",
            f"{edit_with - edit_without:.2f} ms",
            "5 ms",
            edit_with - edit_without <= 5,
        ),
        (
            f"history of one record ({entries} entries)",
            f"{history_ms:.1f} ms",
            "50 ms",
            history_ms < 50,
        ),
    ]
    print(f"import: {import_without:.2f} s CPU without history, {import_with:.2f} s with")
    print(f"one edit: {edit_without:.2f} ms without history, {edit_with:.2f} ms with")
    for name, value, target, ok in rows:
        print(f"{name:38} {value:>10}  target {target:>5}  {'ok' if ok else 'OVER'}")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
