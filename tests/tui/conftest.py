"""Fixtures for the TUI tests: a copy of the example plan per test, an app over it, helpers."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from plantui import clock as hlc
from plantui.demo import load_demo
from plantui.service import PlanService
from plantui.storage.database import Database, open_database
from plantui.tui.app import PlanApp
from tests.conftest import FakeClock

TODAY = dt.date(2025, 6, 15)
"""The pinned 'today' of every TUI test and snapshot (mid-way through the example plan)."""


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan built once per test process; each test gets its own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(path)
    seeded = random.Random(20250615)

    def same_ids_every_run(now_ms: int | None = None) -> str:
        # Record ids break ties in list order; fixed ids keep snapshots the same run to run.
        value = seeded.getrandbits(128)
        value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
        value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 9562 variant
        return str(uuid.UUID(int=value))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hlc, "uuid7", same_ids_every_run)
        load_demo(PlanService(database, wall=FakeClock()))
    database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "plan.db"
    shutil.copyfile(demo_template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def demo_service(demo_db: Database) -> PlanService:
    return PlanService(demo_db, wall=FakeClock(1_750_000_000_000))


@pytest.fixture
def make_app(demo_service: PlanService):
    """An app over the example plan, opening on a given screen, with today pinned."""

    def make(screen: str = "overview", service: PlanService | None = None) -> PlanApp:
        return PlanApp(service or demo_service, today=TODAY, watch=False, screen=screen)

    return make


def ask_by_ref(service: PlanService, ref: str):
    """The live ask with a ref code (the example plan's A1..A8)."""
    return next(v for v in service.list("ask") if v.values.get("ref_code") == ref)


def by_label(service: PlanService, type_name: str, label: str, include_deleted: bool = False):
    return next(v for v in service.list(type_name, include_deleted) if v.label == label)


async def wait_for(pilot, condition, seconds: float = 10.0) -> bool:
    """Pause until ``condition()`` holds (screens mount asynchronously; CI machines are slow)."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        await pilot.pause()
        try:
            if condition():
                return True
        except Exception:
            pass
        await pilot.pause(0.05)
    return bool(condition())


OTHER_REPLICA = "00000000-0000-4000-8000-00000000t1ff".replace("t1", "00")


def add_conflict(service: PlanService, record_id: str, name: str, value) -> None:
    """Give a field a second value from another laptop that never saw ours: a conflict."""
    from plantui.storage.records import RecordState, load_state, save_states

    with service.db.read() as session:
        state = load_state(session, record_id)
    assert state is not None
    clock = "1733000000500.0000"
    state.fields.setdefault(name, []).append({"v": value, "at": f"{clock}@{OTHER_REPLICA}"})
    state.fields[name].sort(key=lambda s: s["at"])
    state.vv[OTHER_REPLICA] = clock
    with service.db.write() as session:
        save_states(session, [RecordState(state.id, state.type, state.vv, state.fields)])


def record_notifications(app) -> list[str]:
    """Every message the app shows from now on, through the public ``App.notify``."""
    seen: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        seen.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return seen


def screen_text(app) -> str:
    """What the terminal would show now, as plain text (styles dropped, characters kept)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)
