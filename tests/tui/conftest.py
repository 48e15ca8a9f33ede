"""Fixtures for the TUI tests: an app over a copy of the example plan (``demo_db``, shared with
the core tests in tests/conftest.py), helpers."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata

import pytest
from rich.cells import cell_len
from textual import events
from textual.command import CommandList
from textual.keys import KEY_NAME_REPLACEMENTS

from plantui.service import PlanService
from plantui.storage.database import Database
from plantui.tui.app import PlanApp
from tests.conftest import FakeClock

TODAY = dt.date(2025, 6, 15)
"""The pinned 'today' of every TUI test and snapshot (mid-way through the example plan)."""


@pytest.fixture
def demo_service(demo_db: Database) -> PlanService:
    # The demo was stamped in 2024, months before this clock: the date counts as confirmed.
    return PlanService(demo_db, wall=FakeClock(1_750_000_000_000), clock_ok=True)


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


def key_of(char: str) -> str:
    """The key name Textual gives a typed character ('a', 'space', 'minus', 'slash'...)."""
    if char.isalnum():
        return char
    name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name)


async def type_text(pilot, text: str) -> None:
    """Type ``text`` as a quick typist does: every key is queued at once, then one pause.

    ``pilot.press(*text)`` waits for the app to go idle after each key (40 ms or more a key,
    far more while a list refilters), which was most of the time of the tests that type.
    The keys are the events ``pilot.press`` sends (test_type_text checks); named keys
    (enter, tab, escape) still go through ``pilot.press``, which waits for what they do."""
    app = pilot.app
    for char in text:
        app.post_message(events.Key(key_of(char), char).set_sender(app))
    await pilot.pause()


async def run_from_palette(pilot, command: str) -> None:
    """Open the command palette, type ``command``, and press enter once the palette offers it
    first: the palette searches in a worker and shows hits in batches, so an enter pressed
    before then would pick nothing, or a command found on the way."""
    await pilot.press("ctrl+p")
    await type_text(pilot, command)

    def offered() -> bool:
        option = pilot.app.screen.query_one(CommandList).highlighted_option
        return option is not None and str(option.prompt).startswith(command)

    assert await wait_for(pilot, offered), f"the palette did not offer {command!r}"
    await pilot.press("enter")


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


SVG_CHAR_WIDTH = 12.2
"""Width of one terminal cell in Rich's SVG export (font size 20 times aspect ratio 0.61)."""
SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+"'
    r' clip-path="url\(#terminal-(?:\d+-)?line-(\d+)\)">([^<]*)</text>'
)


def screen_text(app) -> str:
    """What the terminal would show now, as plain text, read from the public SVG screenshot."""
    lines: dict[int, str] = {}
    for x, line_no, escaped in SVG_TEXT.findall(app.export_screenshot()):
        row = int(line_no)
        line = lines.get(row, "")
        line += " " * (round(float(x) / SVG_CHAR_WIDTH) - cell_len(line))
        lines[row] = line + html.unescape(escaped).replace("\xa0", " ")
    height = app.size.height
    return "\n".join(lines.get(row, "").rstrip() for row in range(height)) + "\n"
