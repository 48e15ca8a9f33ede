"""The terminal app starts with the garbage collector paused and, once its first screen is
drawn, freezes start-up's objects out of its way and resumes it; a screenshot pauses it
while it runs; apps that do not live long (tests) leave the collector as it is."""

from __future__ import annotations

import asyncio
import gc
from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path

import pytest

from plantui.cli import screenshot, tui_command
from plantui.cli.main import main
from plantui.storage.database import Database
from plantui.tui import warm_up
from plantui.tui.app import PlanApp
from tests.tui.conftest import TODAY, wait_for


@pytest.fixture
def frozen_before() -> Iterator[int]:
    """How many objects were frozen before the test (the test process freezes its imports).
    Afterwards what the test's app froze is thawed, collected, and the rest frozen again,
    and the collector runs as before."""
    yield gc.get_freeze_count()
    gc.enable()
    gc.unfreeze()
    gc.collect()
    gc.freeze()


@pytest.mark.slow
@pytest.mark.parametrize("preload", [False, True])
async def test_a_settled_app_freezes_what_start_up_built(
    demo_db: Database, frozen_before: int, preload: bool
) -> None:
    gc.disable()  # as the terminal app starts
    app = PlanApp(demo_db, today=TODAY, watch=False, preload=preload, settle=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not gc.isenabled()  # the first frame is drawn with the collector paused
        assert await wait_for(pilot, gc.isenabled)  # settled a moment later
        await app.workers.wait_for_complete()
        frozen = gc.get_freeze_count()
        screen, stylesheet = app.screen, app.stylesheet
        # What the collector still walks (frozen objects are not): start-up's are left out.
        walked = [o for o in gc.get_objects() if o is screen or o is stylesheet]
    assert frozen > frozen_before and walked == []
    assert gc.isenabled()


@pytest.mark.slow
async def test_a_failed_preload_still_settles(
    demo_db: Database, frozen_before: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise ImportError("no write path")

    monkeypatch.setattr(warm_up, "load", broken)
    gc.disable()
    app = PlanApp(demo_db, today=TODAY, watch=False, settle=True)
    async with app.run_test(size=(120, 40)) as pilot:
        assert await wait_for(pilot, gc.isenabled)
    assert gc.get_freeze_count() > frozen_before


@pytest.mark.slow
async def test_an_app_not_settled_leaves_the_collector_alone(
    demo_db: Database, frozen_before: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[PlanApp] = []
    start = PlanApp._start_preload

    def recorded(self: PlanApp) -> None:
        started.append(self)
        start(self)

    monkeypatch.setattr(PlanApp, "_start_preload", recorded)
    app = PlanApp(demo_db, today=TODAY, watch=False, preload=True)
    async with app.run_test(size=(120, 40)) as pilot:
        assert await wait_for(pilot, lambda: started == [app])
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        walked = any(o is screen for o in gc.get_objects())
    assert gc.get_freeze_count() <= frozen_before  # frozen objects may still be freed
    assert walked


def test_the_terminal_app_is_settled(monkeypatch: pytest.MonkeyPatch, demo_db: Database) -> None:
    made: list[PlanApp] = []
    collecting: list[bool] = []

    def run(app: PlanApp) -> None:
        made.append(app)
        collecting.append(gc.isenabled())

    monkeypatch.setattr(PlanApp, "run", run)

    class Ctx:
        library = None
        db = demo_db
        args = Namespace()  # plain `plantui`: no command, no --screen

        def person_in(self, _plan: Database) -> None:
            return None

    tui_command.open_tui(Ctx())
    assert [(app.settle, app.last_screen) for app in made] == [(True, "overview")]
    assert collecting == [False] and gc.isenabled()  # paused until the app settles


def test_a_screenshot_runs_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch, demo_db: Database, tmp_path: Path, frozen_before: int
) -> None:
    """...and ends with what it built frozen, not walked by one last full collection."""
    collecting: list[bool] = []

    def render(*_args: object) -> str:
        collecting.append(gc.isenabled())
        return "<svg/>"

    monkeypatch.setattr(screenshot, "render_svg", render)
    output = tmp_path / "shot.svg"
    code = main(
        ["--db", str(demo_db.path), "screenshot", "--screen", "asks", "--output", str(output)]
    )
    assert code == 0 and output.read_text() == "<svg/>"
    assert collecting == [False] and gc.isenabled()
    assert gc.get_freeze_count() > frozen_before


def test_tui_screen_opens_the_app_on_that_screen(
    monkeypatch: pytest.MonkeyPatch, demo_db: Database
) -> None:
    opened: list[str] = []

    def run_headless(app: PlanApp) -> None:
        async def run() -> None:
            async with app.run_test() as pilot:
                await pilot.pause()
                opened.append(app.current_mode)

        asyncio.run(run())

    monkeypatch.setattr(PlanApp, "run", run_headless)
    assert main(["--db", str(demo_db.path), "tui", "--screen", "timeline"]) == 0
    assert main(["--db", str(demo_db.path), "tui"]) == 0
    assert opened == ["timeline", "overview"]


def test_the_preload_loads_the_screens_before_the_write_path(monkeypatch) -> None:
    """A key for another screen usually comes before the first edit: the screens' modules
    load first, then the write path."""
    import plantui.editor
    from plantui.tui.screen_list import SCREENS

    loaded: list[str] = []
    monkeypatch.setattr(warm_up.importlib, "import_module", loaded.append)
    monkeypatch.setattr(plantui.editor, "load_write_path", lambda: loaded.append("write path"))
    warm_up.load()
    assert loaded == [module for _title, module, _class in SCREENS.values()] + ["write path"]
