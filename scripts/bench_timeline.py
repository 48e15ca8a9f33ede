"""Benchmark: does the timeline draw only what shows? A 10,000-action plan against a 100-action
plan, each in a real database, shown by the real TimelineScreen at 160x50.

For each plan it prints:
- load: reading the schedule from the database (grows with the plan, done once per change);
- line frames: every screen line drawn through ``render_line`` while scrolling down a page
  per frame with the strip caches emptied first, so every frame is drawn from scratch;
- app frames: the whole app (compositor included) scrolled one row per frame, and sideways.
The ratios of the per-frame figures (10,000 / 100) should stay under 1.5.

Run: PYTHONPATH=src python scripts/bench_timeline.py [--big 10000] [--small 100] [--frames 200]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App

from plantui.editor import Editor
from plantui.service import PlanService
from plantui.storage.database import open_database
from plantui.tui.timeline import TimelineScreen
from plantui.tui.timeline.gantt import GanttView

TODAY = dt.date(2025, 6, 16)
SIZE = (160, 50)


class BenchApp(App[None]):
    """Hosts the timeline as PlanApp does."""

    def __init__(self, service: PlanService) -> None:
        super().__init__()
        self.service = service
        self.editor = Editor(service)
        self.today = TODAY
        self.plan_db = service.db

    def on_mount(self) -> None:
        self.push_screen(TimelineScreen())


def build_plan(path: Path, actions: int) -> PlanService:
    """A plan of ``actions`` actions (a tenth of them milestones) under asks of ~25 actions,
    with a finish-to-start link for every third action, written in one transaction."""
    service = PlanService(open_database(path))
    asks = max(4, actions // 25)
    with service.transaction() as w:
        w.create(
            "plan",
            {"title": f"Bench {actions}", "period_start": "2025-01-01", "period_end": "2025-12-31"},
        )
        ask_ids = [
            w.create(
                "ask", {"title": f"Ask {i}", "ref_code": f"A{i}", "rank": f"a{i:05d}"}
            ).record_id
            for i in range(asks)
        ]
        ids: list[str] = []
        for i in range(actions):
            start = dt.date(2025, 1, 1) + dt.timedelta(days=(i * 11) % 330)
            milestone = i % 10 == 9
            end = start if milestone else start + dt.timedelta(days=14 + i % 40)
            ids.append(
                w.create(
                    "action",
                    {
                        "title": f"Action number {i} with a longish title",
                        "ref_code": f"{i % asks}.{i // asks}",
                        "ask": ask_ids[i % asks],
                        "start": start.isoformat(),
                        "end": end.isoformat(),
                        "status": ("on_track", "at_risk", "not_started", "done")[i % 4],
                        "rag": ("green", "amber", "red")[i % 3],
                        "milestone": milestone,
                    },
                ).record_id
            )
        for i in range(0, actions - asks, 3):
            w.create("dependency", {"from": ids[i], "to": ids[i + asks], "kind": "FS"})
    return service


async def measure(service: PlanService, frames: int) -> dict[str, float]:
    app = BenchApp(service)
    out: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = next(s for s in app.screen_stack if isinstance(s, TimelineScreen))
        gantt = screen.query_one(GanttView)
        start = time.perf_counter()
        screen.reload()
        out["load_ms"] = (time.perf_counter() - start) * 1000
        await pilot.pause()
        height = gantt.scrollable_content_region.height
        rows = len(gantt.rows)

        # Line frames: all screen lines from scratch, a page further down each frame.
        times = []
        for frame in range(frames):
            gantt.scroll_to(y=(frame * (height - 2)) % max(1, rows - height), animate=False)
            for cache in (gantt._row_cache, gantt._label_cache, gantt._header_cache):
                cache.clear()
            t0 = time.perf_counter()
            for y in range(height):
                gantt.render_line(y)
            times.append(time.perf_counter() - t0)
        out["line_frame_ms"] = statistics.median(times) * 1000

        # App frames: scroll one row per frame (down, and back up on a small plan).
        gantt.scroll_to(y=0, animate=False)
        await pilot.pause()
        span = max(1, rows - height)
        times = []
        for frame in range(frames):
            step = frame % (2 * span)
            y = step if step < span else 2 * span - step
            t0 = time.perf_counter()
            gantt.scroll_to(y=y, animate=False)
            await pilot.pause()
            times.append(time.perf_counter() - t0)
        out["app_scroll_frame_ms"] = statistics.median(times) * 1000

        # App frames sideways: the week zoom is wider than the screen.
        gantt.set_zoom("week")
        await pilot.pause()
        width = max(1, gantt.virtual_size.width - gantt.scrollable_content_region.width)
        times = []
        for frame in range(frames):
            t0 = time.perf_counter()
            gantt.scroll_to(x=(frame * 3) % width, animate=False)
            await pilot.pause()
            times.append(time.perf_counter() - t0)
        out["app_pan_frame_ms"] = statistics.median(times) * 1000
        out["rows"] = rows
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--frames", type=int, default=200)
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.small, args.big):
            t0 = time.perf_counter()
            service = build_plan(Path(tmp) / f"plan{n}.db", n)
            built = time.perf_counter() - t0
            results[n] = asyncio.run(measure(service, args.frames))
            service.db.close()
            r = results[n]
            print(
                f"{n:>6} actions ({int(r['rows'])} rows, built in {built:.1f}s): "
                f"load {r['load_ms']:.1f} ms; per frame: line API {r['line_frame_ms']:.2f} ms, "
                f"app scroll {r['app_scroll_frame_ms']:.2f} ms, "
                f"app pan {r['app_pan_frame_ms']:.2f} ms"
            )
    small, big = results[args.small], results[args.big]
    worst = 0.0
    for key in ("line_frame_ms", "app_scroll_frame_ms", "app_pan_frame_ms"):
        ratio = big[key] / small[key]
        worst = max(worst, ratio)
        print(f"ratio {key[:-3].replace('_', ' ')}: {ratio:.2f}x")
    verdict = "within" if worst <= 1.5 else "NOT within"
    print(f"worst per-frame ratio {worst:.2f}x: {verdict} 1.5x")
    return 0 if worst <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
