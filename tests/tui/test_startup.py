"""Start-up and screen switches: first frame from plain sqlite3, no needless restyling."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, OptionList

from plantui.service import PlanService
from plantui.tui.app import SCREENS, PlanApp
from plantui.tui.dialogs.clock import ClockDialog
from plantui.tui.widgets.browse import BrowseScreen
from plantui.tui.widgets.footer import KeysFooter
from tests.conftest import SRC, FakeClock
from tests.tui.conftest import TODAY, ask_by_ref, run_from_palette, wait_for

FIRST_FRAME = """
import asyncio, sys
from plantui.cli.main import main

code = main(["--db", sys.argv[1], "screenshot", "--screen", "overview", "--output", sys.argv[2]])
assert code == 0, code
assert "sqlalchemy" not in sys.modules, "the Overview's first frame imported SQLAlchemy"
assert "plantui.queries.search" not in sys.modules, "the palette's search came before it opened"
"""

PRELOAD = """
import asyncio, sys
from plantui.storage.database import open_database
from plantui.tui.app import PlanApp

async def main():
    app = PlanApp(open_database(sys.argv[1]), watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "plantui.service" not in sys.modules, "the write path came before the frame"
        for _ in range(400):  # it starts a moment after the first frame, in a worker
            await pilot.pause(0.025)
            if [w.name for w in app.workers] == ["preload"]:
                break
        await app.workers.wait_for_complete()
        assert "plantui.service" in sys.modules, "the write path was not preloaded"
        assert "plantui.tui.screens.people" in sys.modules, "the screens were not preloaded"
        assert [w.state.name for w in app.workers] in ([], ["SUCCESS"])

asyncio.run(main())
"""


def _run(script: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC), "PLANTUI_TODAY": TODAY.isoformat()}
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env
    )


@pytest.mark.slow
def test_the_overview_is_drawn_before_sqlalchemy_is_imported(demo_db, tmp_path: Path) -> None:
    demo_db.close()
    shot = tmp_path / "overview.svg"
    result = _run(FIRST_FRAME, str(demo_db.path), str(shot))
    assert result.returncode == 0, result.stderr
    svg = shot.read_text(encoding="utf-8")
    assert "Asks&#160;in&#160;priority&#160;order&#160;(8)" in svg  # drawn with its data


@pytest.mark.slow
def test_the_write_path_is_loaded_once_the_first_frame_is_up(demo_db) -> None:
    demo_db.close()
    result = _run(PRELOAD, str(demo_db.path))
    assert result.returncode == 0, result.stderr


async def test_an_app_opened_on_the_database_edits_through_the_write_path(demo_db) -> None:
    """What ``plantui`` itself does: open on the file, build the write path when needed."""
    app = PlanApp(demo_db, today=TODAY, watch=False, screen="asks")
    check = PlanService(demo_db, wall=FakeClock())
    a1 = ask_by_ref(check, "A1")
    async with app.run_test(size=(120, 40)) as pilot:
        # The demo is stamped in 2024: the app first asks to confirm today's date.
        assert await wait_for(pilot, lambda: isinstance(app.screen, ClockDialog))
        await pilot.click("#clock-right")
        table = app.screen.query_one("#records", DataTable)
        assert await wait_for(pilot, lambda: table.row_count == 8)
        app.screen.select_record(a1.id)
        await pilot.pause()
        await pilot.press("shift+down")
        assert await wait_for(pilot, lambda: _order(check)[:2] == ["A2", "A1"])
        await pilot.press("ctrl+z")
        assert await wait_for(pilot, lambda: _order(check)[:2] == ["A1", "A2"])
        assert await wait_for(pilot, lambda: "A1" in map(str, table.get_row_at(0)))
    assert check.get(a1.id).values["rank"] == a1.values["rank"]


def _order(service: PlanService) -> list[str]:
    return [v.values["ref_code"] for v in service.list("ask")]  # in priority order


async def test_the_footer_repaints_once_and_only_when_its_keys_change(
    make_app, monkeypatch
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        assert {"Undo", "Help", "Edit plan"} <= {item.description for item in footer.items}
        composed = []
        original = KeysFooter.refresh

        def counting(self, *args, **kwargs):
            composed.append(1)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(KeysFooter, "refresh", counting)
        for _ in range(4):
            app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert composed == []  # the same keys: nothing to rebuild
        app.set_keymap({"app.undo": "ctrl+u"})
        for _ in range(3):
            app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert len(composed) == 1
        keys = {key.key for item in footer.items for key in item.keys}
        assert "ctrl+u" in keys and "ctrl+z" not in keys
        assert app.screen.query_one(OptionList).has_focus


@pytest.mark.slow
async def test_switching_screens_never_restyles_the_whole_app(make_app, monkeypatch) -> None:
    """Each screen is styled as it mounts; going to it (first time or again) must not
    re-parse and re-apply every stylesheet, which made each switch a visible pause."""
    app = make_app()
    refreshes = []
    monkeypatch.setattr(app, "refresh_css", lambda animate=True: refreshes.append(app.screen))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in "23456781234567":
            await pilot.press(key)
            await pilot.pause()
        assert app.current_mode == "conflicts"
    assert refreshes == []


def _record_footer_keys(monkeypatch) -> list:
    """Every set of keys a footer reads from its screen, in order."""
    read: list = []
    keys_of = KeysFooter._keys_of

    def recorded(self, screen):
        keys = keys_of(self, screen)
        read.append(keys)
        return keys

    monkeypatch.setattr(KeysFooter, "_keys_of", recorded)
    return read


@pytest.mark.parametrize("screen", list(SCREENS))
async def test_a_screen_opens_in_one_pass(make_app, monkeypatch, screen: str) -> None:
    """Its footer shows the keys of what has focus from the start, and a list is filled
    once, with the columns that fit: filling it again lays the whole screen out twice."""
    filled: list[BrowseScreen] = []
    fill = BrowseScreen._fill

    def counted_fill(self, *args):
        filled.append(self)
        return fill(self, *args)

    read = _record_footer_keys(monkeypatch)
    monkeypatch.setattr(BrowseScreen, "_fill", counted_fill)
    app = make_app(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        assert len(footer.items) >= 3 and read
        assert all(keys == (footer.items, footer.palette) for keys in read)
        if isinstance(app.screen, BrowseScreen):
            table = app.screen.query_one("#records", DataTable)
            assert filled == [app.screen] and table.row_count > 0 and table.has_focus


async def test_a_screen_switch_is_drawn_when_ready_and_the_palette_still_masks_its_close(
    make_app, monkeypatch
) -> None:
    """Textual holds every repaint for 50 ms when it switches modes: number keys and the
    palette's screens switch without that hold; closing the palette on a command keeps it."""
    held: list[str] = []
    delay_update = App.delay_update

    def recorded(self: App, delay: float = 0.05) -> None:
        held.append(self.screen.id or type(self.screen).__name__)
        delay_update(self, delay)

    monkeypatch.setattr(App, "delay_update", recorded)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key, mode in (("2", "asks"), ("4", "timeline"), ("1", "overview"), ("2", "asks")):
            await pilot.press(key)
            assert await wait_for(pilot, lambda mode=mode: app.current_mode == mode)
        assert held == []
        await run_from_palette(pilot, "Go to Timeline")
        assert await wait_for(pilot, lambda: app.current_mode == "timeline")
        assert held, "the palette no longer masks its close"


async def test_the_first_screen_opens_after_start_up_and_lists_draw_rows_before_detail(
    make_app, monkeypatch
) -> None:
    """Textual composes a screen of its start-up under a batch of updates whose frame it
    never shows, then draws only what changed: the app opens its first screen once mounted,
    after that batch, so the screen is drawn once and whole, as a screen opened by a key is.
    Every list reads its rows as it mounts and fills the detail pane (the record and all
    linked to it) after them, so the list does not wait for it."""
    composed_at_app_mount: list[bool] = []
    app_mount = PlanApp.on_mount

    def app_mounted(self: PlanApp) -> None:
        app_mount(self)
        composed_at_app_mount.append(self.mode_screen(self.last_screen) is not None)

    at_mount: list[tuple[str, int, int]] = []
    on_mount = BrowseScreen.on_mount

    def recorded(self: BrowseScreen) -> None:
        on_mount(self)
        rows = self.query_one("#records", DataTable).row_count
        links = self.query_one("#detail-links", OptionList).option_count
        at_mount.append((self.TYPE, rows, links))

    monkeypatch.setattr(PlanApp, "on_mount", app_mounted)
    monkeypatch.setattr(BrowseScreen, "on_mount", recorded)
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = app.screen
        assert composed_at_app_mount == [False] and app.current_mode == "asks"
        await pilot.press("3")
        assert await wait_for(pilot, lambda: app.current_mode == "pledges")
        await pilot.pause()
        [(first_kind, first_rows, first_links), (kind, rows, links)] = at_mount
        assert (first_kind, first_links, kind, links) == ("ask", 0, "pledge", 0)
        assert first_rows > 0 and rows > 0
        assert app.screen.query_one("#detail-links", OptionList).option_count > 0
        assert first.query_one("#detail-links", OptionList).option_count > 0


async def test_who_is_editing_and_the_clock_are_asked_once_the_first_screen_is_drawn(
    make_app, monkeypatch
) -> None:
    """The questions before an edit (who is editing, a clock far ahead) read the plan and
    load their dialogs: asked after the first screen's first frame, not before it."""
    frames: list[Screen] = []
    refresh = Screen._compositor_refresh

    def drawn(self: Screen) -> None:
        refresh(self)
        if self is self.app.screen:
            frames.append(self)

    asked_after: list[list[Screen]] = []
    ask = PlanApp._ask_before_edits

    def asked(self: PlanApp) -> None:
        asked_after.append(list(frames))
        ask(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", drawn)
    monkeypatch.setattr(PlanApp, "_ask_before_edits", asked)
    app = make_app("people")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await wait_for(pilot, lambda: bool(asked_after))
        first = app.mode_screen("people")
        assert first is not None and first in asked_after[0]


async def test_focus_moving_to_the_detail_links_keeps_the_footer(make_app, monkeypatch) -> None:
    """The related records' list brings only keys the footer does not show (its cursor
    keys): the same keys, nothing to repaint."""
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        before = (footer.items, footer.palette)
        read = _record_footer_keys(monkeypatch)
        links, table = (
            app.screen.query_one("#detail-links", OptionList),
            app.screen.query_one("#records", DataTable),
        )
        links.focus()
        await pilot.pause()
        assert links.has_focus
        table.focus()
        await pilot.pause()
        assert table.has_focus
        assert read and all(keys == before for keys in read)


def test_every_stylesheet_is_the_apps_and_no_screen_brings_its_own() -> None:
    import importlib
    import pkgutil

    import plantui.tui
    from plantui.tui.screen_list import STYLESHEETS

    tui = Path(plantui.tui.__file__).parent
    assert sorted(STYLESHEETS) == sorted(tui.rglob("*.tcss"))
    for found in pkgutil.walk_packages(plantui.tui.__path__, "plantui.tui."):
        module = importlib.import_module(found.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Screen):
                assert not value.CSS_PATH and not value.CSS, value


@pytest.mark.slow
async def test_opening_screens_and_forms_never_parses_the_styles_again(
    make_app, monkeypatch
) -> None:
    """A stylesheet read late makes Textual parse every stylesheet again, from scratch, and
    restyle the whole app: a pause on a screen's first visit or a form's first opening."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reparsed: list[int] = []
        monkeypatch.setattr(app.stylesheet, "reparse", lambda: reparsed.append(1))
        for key in "2345678":
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("2", "e")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RecordForm")
        await pilot.press("escape")
        await pilot.pause()
        assert reparsed == []


async def test_the_app_starts_in_the_terminals_colours_parsing_its_styles_once(
    make_app, monkeypatch
) -> None:
    """The ANSI theme is the app's default, not set as it starts: setting a theme makes
    Textual parse every stylesheet again and restyle the whole app before the first frame."""
    from textual.css.stylesheet import Stylesheet

    reparsed: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparsed.append(self)
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "ansi-light" and app.current_theme.name == "ansi-light"
        assert app.has_class("-light-mode") and not app.has_class("-dark-mode")
        assert app.screen.query_one("#records", DataTable).row_count > 0
    assert reparsed == []
