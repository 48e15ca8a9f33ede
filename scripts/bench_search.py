#!/usr/bin/env python3
"""Benchmark: ``plantui search`` on a plan of 20,000 actions (target: under 100 ms a query).

Builds the plan of ``bench_exchange.synthetic_plan`` (about 36,000 records) through the
write path, so the index is filled as an import fills it, with one action in fifty about
interpreters in Lucía's words; then times searches from a rare word to one that every
action holds, and the whole ``plantui search`` command as a process.
Run: python scripts/bench_search.py [--actions N] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_exchange import synthetic_plan  # noqa: E402

from plantui.queries.search import search  # noqa: E402
from plantui.storage.database import open_database  # noqa: E402
from plantui.storage.records import save_states  # noqa: E402

QUERIES = (
    "interp",  # one action in fifty
    "LUCÍA interp",  # two words, one accented: the same actions
    "action 1234",  # every action has the first word, one the second
    "realistic",  # every action
    "a",  # the shortest prefix: most words of the plan
    "nothing-like-it",  # no hit at all
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        path = Path(tmp_name) / "big.db"
        records, plan_id = synthetic_plan(args.actions)
        for i, state in enumerate(r for r in records if r.type == "action"):
            if i % 50 == 0:
                at = state.fields["title"][0]["at"]
                state.fields["description"] = [
                    {"v": f"Lucía's team books professional interpreters ({i})", "at": at}
                ]
        db = open_database(path)
        start = time.perf_counter()
        with db.write() as session:
            save_states(session, records, new=True)
            db.set_meta(session, "plan_id", plan_id)
        print(
            f"{len(records):,} records written with their index in"
            f" {time.perf_counter() - start:.2f} s"
        )
        print("milliseconds per search: wall clock (median, best) and CPU time (median);")
        print("on a shared machine the CPU time is the figure that does not count the others.")
        print(f"{'query':24} {'hits':>5} {'median':>7} {'best':>6} {'CPU':>6}")
        for query in QUERIES:
            walls, cpus = [], []
            for _ in range(args.repeat):
                w0, c0 = time.perf_counter(), time.process_time()
                hits = search(db, query)
                walls.append((time.perf_counter() - w0) * 1000)
                cpus.append((time.process_time() - c0) * 1000)
            print(
                f"{query:24} {len(hits):>5} {statistics.median(walls):>7.1f}"
                f" {min(walls):>6.1f} {statistics.median(cpus):>6.1f}"
            )
        db.close()
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "plantui", "--db", str(path), "search", "interp", "--json"],
            check=True,
            capture_output=True,
        )
        print(
            f"the command `plantui search interp --json`, start to end:"
            f" {(time.perf_counter() - t0) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
