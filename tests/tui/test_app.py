"""The app shell: screens by key and palette, undo, help, keymaps, reloading on change."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from plantui.service import PlanService
from plantui.storage.database import open_database
from plantui.tui.app import SCREENS, PlanApp
from plantui.tui.dialogs.help import HelpScreen
from tests.conftest import FakeClock
from tests.tui.conftest import TODAY, ask_by_ref, record_notifications, run_from_palette


@pytest.mark.slow
async def test_number_keys_reach_all_eight_screens(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for n, name in enumerate(SCREENS, start=1):
            await pilot.press(str(n))
            await pilot.pause()
            assert app.current_mode == name
            assert type(app.screen).__name__ == SCREENS[name][2], name
            assert hasattr(app.screen, "reload")


async def test_undo_puts_back_the_last_edit_and_says_what(make_app, demo_service) -> None:
    app = make_app("asks")
    ask = ask_by_ref(demo_service, "A3")
    async with app.run_test(size=(120, 40)) as pilot:
        messages = record_notifications(app)
        app.editor.update(ask.id, {"title": "Renamed"})
        await pilot.pause()
        assert demo_service.get(ask.id).values["title"] == "Renamed"
        table = app.screen.query_one("#records", DataTable)
        assert any(
            "Renamed" in str(c) for row in range(table.row_count) for c in table.get_row_at(row)
        )
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert demo_service.get(ask.id).values["title"] == ask.values["title"]
        assert any("Undid" in m and ask.values["title"] in m for m in messages)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any("Nothing to undo" in m for m in messages)


async def test_ctrl_y_redoes_and_undo_works_after_the_app_is_closed(make_app, demo_service) -> None:
    ask = ask_by_ref(demo_service, "A3")
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        app.editor.update(ask.id, {"title": "Renamed"})
        await pilot.pause()
    # A new session of the app, as after closing it: the edit is still one Ctrl+Z away.
    again = make_app("asks")
    async with again.run_test(size=(120, 40)) as pilot:
        messages = record_notifications(again)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert demo_service.get(ask.id).values["title"] == ask.values["title"]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert demo_service.get(ask.id).values["title"] == "Renamed"
        assert any("Redid" in m and "Renamed" in m for m in messages)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert any("Nothing to redo" in m for m in messages)


async def test_question_mark_opens_help_with_the_screen_keys(make_app) -> None:
    app = make_app("asks")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for words in ("Move up", "Delete", "Filter", "Undo", "Asks", "Command palette"):
            assert words in text, words
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_keymap_remaps_a_screen_key(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.set_keymap({"screen.pledges": "f3"})
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "pledges"


@pytest.mark.slow
async def test_command_palette_goes_to_a_screen_and_runs_an_action(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await run_from_palette(pilot, "Go to Events")
        await pilot.pause()
        assert app.current_mode == "events"
        await run_from_palette(pilot, "Show or hide deleted")
        await pilot.pause()
        assert app.screen.show_deleted is True


async def test_reloads_when_another_process_changes_the_file(make_app, demo_service) -> None:
    app = PlanApp(demo_service, today=TODAY, watch=True, screen="asks")
    ask = ask_by_ref(demo_service, "A1")
    async with app.run_test(size=(120, 40)) as pilot:
        other_db = open_database(demo_service.db.path)
        try:
            PlanService(other_db, wall=FakeClock(1_760_000_000_000), clock_ok=True).update(
                ask.id, {"title": "Changed elsewhere"}
            )
        finally:
            other_db.close()
        app._poll_database()
        await pilot.pause()
        table = app.screen.query_one("#records", DataTable)
        cells = [str(c) for row in range(table.row_count) for c in table.get_row_at(row)]
        assert "Changed elsewhere" in cells


async def test_screens_hidden_during_an_edit_reload_when_shown(make_app, demo_service) -> None:
    app = make_app("pledges")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")  # asks
        await pilot.pause()
        pledge = demo_service.list("pledge")[0]
        app.editor.update(pledge.id, {"title": "Pledge renamed while hidden"})
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#records", DataTable)
        cells = [str(c) for row in range(table.row_count) for c in table.get_row_at(row)]
        assert "Pledge renamed while hidden" in cells


def test_screenshot_command_saves_an_svg(demo_db, cli, tmp_path) -> None:
    out = tmp_path / "asks.svg"
    result = cli("screenshot", "--screen", "asks", "--output", str(out), "--size", "100x30")
    assert result.code == 0, result.err
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Culturally" in svg


def test_screenshot_command_refuses_bad_names_and_sizes(demo_db, cli, tmp_path) -> None:
    out = tmp_path / "x.svg"
    bad_name = cli("screenshot", "--screen", "gantt", "--output", str(out))
    assert bad_name.code == 2 and "invalid choice" in bad_name.err
    bad_size = cli("screenshot", "--screen", "asks", "--output", str(out), "--size", "wide")
    assert bad_size.code == 1
    assert bad_size.err.strip() == (
        "plantui: The size 'wide' is not of the form WIDTHxHEIGHT, like 160x50."
    )
    assert not out.exists()


async def test_palette_offers_every_screen_every_action_and_the_report(make_app) -> None:
    from plantui.tui.commands import PlanCommands

    app = make_app("asks")
    async with app.run_test(size=(120, 40)):
        names = [text for text, _, _ in PlanCommands(app.screen)._commands()]
        for title, _, _ in SCREENS.values():
            assert f"Go to {title}" in names
        for text in (
            "Add a record",
            "Edit the selected record",
            "Delete the selected record",
            "Restore the selected record",
            "Link the selected record",
            "Unlink the selected record",
            "Add a dated note",
            "Move the ask up",
            "Undo the last edit",
            "Export a report",
        ):
            assert text in names, text


async def test_help_heading_names_the_screen_not_its_class(make_app) -> None:
    app = make_app(screen="timeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        assert "Keys on Timeline" in text and "Screen" not in text.splitlines()[0]
