"""A big plan's timeline is read in a worker thread: keys are handled while it loads.

``LOAD_IN_THREAD_FROM`` is lowered to 0 so the example plan counts as big, and the read is
held on an event, so each test decides when loading ends instead of racing it.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from plantui.queries import timeline as timeline_reads
from plantui.queries.timeline import load_schedule
from plantui.service import PlanService
from plantui.tui.timeline import TimelineScreen
from tests.conftest import SRC
from tests.tui.conftest import TODAY, record_notifications
from tests.tui.test_timeline import SIZE, TimelineApp, action, dates


class HeldRead:
    """Stands in for ``load_schedule``: reads of the whole plan wait until released (the
    first screenful does not), and the reading threads are noted."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []

    def __call__(self, con, rows=None):
        self.threads.append(threading.current_thread())
        if rows is None:
            self.release.wait(timeout=10)
        return load_schedule(con, rows)


@pytest.fixture
def demo(demo_service: PlanService) -> PlanService:
    return demo_service


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldRead]:
    read = HeldRead()
    monkeypatch.setattr(TimelineScreen, "LOAD_IN_THREAD_FROM", 0)
    monkeypatch.setattr(timeline_reads, "load_schedule", read)
    yield read
    read.release.set()


async def test_keys_are_handled_while_the_schedule_loads_in_a_thread(demo, held):
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.timeline
        assert screen.reading
        await pilot.press("z")  # zoom: handled now, not after the read
        assert screen.gantt.zoom_chosen and screen.reading
        assert held.threads and threading.main_thread() not in held.threads
        held.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.reading
        assert len(screen.schedule.bars) == len(demo.list("action"))
        assert screen.gantt.zoom_chosen  # the key's effect outlived the load


async def test_the_first_screenful_shows_before_the_whole_plan_is_read(demo, held):
    app = TimelineApp(demo)
    async with app.run_test(size=(100, 16)) as pilot:
        gantt = app.timeline.gantt
        await pilot.pause()
        while app.timeline.reading and not gantt.rows:
            await pilot.pause()
        assert app.timeline.reading  # the whole plan is still being read
        height = gantt.size.height
        shown = [row.id for row in gantt.rows if row.kind == "ask"]
        assert height <= len(gantt.rows) < len(demo.list("action")), "not a screenful"
        assert shown == [a.id for a in demo.list("ask")][: len(shown)]  # the top asks
        held.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(gantt.rows) == len(demo.list("action")) + len(demo.list("ask"))


async def test_a_record_asked_for_while_loading_is_selected_once_loaded(demo, held):
    app = TimelineApp(demo)
    wanted = action(demo, "2.3").id
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.timeline.select_record(wanted)
        held.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.timeline.gantt.selected_bar is not None
        assert app.timeline.gantt.selected_bar.id == wanted


async def test_a_failed_read_is_one_sentence_and_the_screen_stays_usable(
    demo, monkeypatch: pytest.MonkeyPatch
):
    def broken(con, rows=None):
        if rows is None:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return load_schedule(con, rows)

    monkeypatch.setattr(TimelineScreen, "LOAD_IN_THREAD_FROM", 0)
    monkeypatch.setattr(timeline_reads, "load_schedule", broken)
    app = TimelineApp(demo)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert said == ["Could not load the timeline: database disk image is malformed"]
        assert not app.timeline.reading
        app.timeline.select_record(action(demo, "1.1").id)
        await pilot.pause()
        assert app.timeline.gantt.selected_bar is not None


@pytest.mark.slow
async def test_quick_moves_during_a_reload_each_count(demo: PlanService, held):
    start, end = dates(demo, "1.5")
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        held.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.timeline.select_record(action(demo, "1.5").id)
        held.release.clear()  # the reloads after each move now wait
        await pilot.press("greater_than_sign")
        await pilot.press("greater_than_sign")
        assert app.timeline.reading
        held.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
    week = dt.timedelta(days=7)
    assert dates(demo, "1.5") == (start + 2 * week, end + 2 * week)


FIRST_FRAME = """
import sys
from plantui.cli.main import main

code = main(["--db", sys.argv[1], "screenshot", "--screen", "timeline", "--output", sys.argv[2]])
assert code == 0, code
assert "sqlalchemy" not in sys.modules, "the Timeline's first frame imported SQLAlchemy"
"""


@pytest.mark.slow
def test_the_timeline_is_drawn_without_importing_sqlalchemy(demo_db, tmp_path: Path) -> None:
    """The schedule is read over plain sqlite3: the ORM's import is no part of the wait."""
    demo_db.close()
    shot = tmp_path / "timeline.svg"
    env = {**os.environ, "PYTHONPATH": str(SRC), "PLANTUI_TODAY": TODAY.isoformat()}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(demo_db.path), str(shot)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "Set&#160;up&#160;the&#160;mental&#160;health" in shot.read_text(encoding="utf-8")


def test_a_first_screenful_reads_only_what_it_shows(demo_db) -> None:
    with demo_db.snapshot() as con:
        whole = load_schedule(con)
        first = load_schedule(con, rows=12)
    assert [a.id for a in first.asks] == [a.id for a in whole.asks][: len(first.asks)]
    assert 0 < len(first.asks) < len(whole.asks)
    assert {b.ask for b in first.bars.values()} <= {a.id for a in first.asks}
    assert len(first.rows()) >= 12
    owners = {o for b in first.bars.values() for o in (b.community_owner, b.public_owner)}
    assert set(first.organisations) <= owners < set(whole.organisations) | {None}
    assert all(d.succ in first.bars for d in first.deps)
    assert first.events == whole.events


async def test_the_detail_pane_reads_while_the_worker_holds_its_read(demo, held):
    """The worker reads over a connection of its own: moving the cursor (which reads the
    selected action's notes on the app's connection) is answered during the load."""
    app = TimelineApp(demo)
    async with app.run_test(size=(100, 16)) as pilot:
        gantt = app.timeline.gantt
        while not gantt.rows:
            await pilot.pause()
        assert app.timeline.reading
        detail = app.timeline.query_one("#timeline-detail")
        before = str(detail.render())
        await pilot.press("down", "down")
        await pilot.pause()
        assert app.timeline.reading
        assert str(detail.render()) != before
        held.release.set()
        await app.workers.wait_for_complete()


LAZY = """
import sys
import plantui.tui.timeline

heavy = ["sqlalchemy", "plantui.service", "plantui.editor", "plantui.tui.forms"]
loaded = [name for name in heavy if name in sys.modules]
assert not loaded, f"importing the timeline loaded {loaded}"
"""


@pytest.mark.slow
def test_the_timeline_module_imports_nothing_heavy() -> None:
    """The ORM, the write path and the forms wait until an edit needs them."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", LAZY], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr


def test_the_timeline_reads_only_through_the_read_layer() -> None:
    package = SRC / "plantui" / "tui" / "timeline"
    sources = {path.name: path.read_text(encoding="utf-8") for path in package.glob("*.py")}
    assert "screen.py" in sources
    for name, text in sources.items():
        for word in ("sqlite3", "sqlalchemy", "plantui.storage", "service.db"):
            assert word not in text, f"{name} mentions {word}"
