"""The command palette finds records by their words and opens the one chosen."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable

from plantui.queries.search import Hit
from plantui.tui.search_provider import prompt
from plantui.tui.widgets.browse import FILTER_DELAY
from tests.tui.conftest import ask_by_ref, type_text


async def _palette_lines(app, pilot, query: str) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, query)
    for _ in range(20):  # the palette gathers hits in batches; wait until they settle
        await pilot.pause(0.1)
        options = app.screen.query_one(CommandList).options
        if options and app.screen.query_one(CommandList).option_count == len(options):
            lines = [str(option.prompt) for option in options]
            await pilot.pause(0.3)
            if lines == [str(o.prompt) for o in app.screen.query_one(CommandList).options]:
                return lines
    raise AssertionError("the palette found nothing")


async def test_typing_in_the_palette_lists_the_matching_records(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        lines = await _palette_lines(app, pilot, "interp")
    firsts = [line.splitlines()[0] for line in lines]
    assert "ask A5 Professional interpreting and information in community languages" in firsts
    assert "pledge P7 A professional interpreter for every clinical conversation" in firsts
    assert "action 5.3 Train frontline staff to book professional interpreters" in firsts
    assert "note Interpreter training behind target" in firsts


async def test_enter_opens_the_record_where_it_lives(make_app, demo_service) -> None:
    ask = ask_by_ref(demo_service, "A5")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        lines = await _palette_lines(app, pilot, "PROFESSIONAL INTERPRETING")
        assert lines[0].startswith("ask A5 ")
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, CommandPalette)
        assert app.current_mode == "asks"
        table = app.screen.query_one("#records", DataTable)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == ask.id
        shown = " ".join(str(w.render()) for w in app.screen.query("#detail *"))
        assert ask.values["title"] in shown


def test_a_records_words_in_the_palette_are_never_markup() -> None:
    line = prompt(Hit("ask", "id", "[b]", "Close [/] gap", "the [draft] $x"))
    assert line.plain == "ask [b] Close [/] gap\nthe [draft] $x"


async def test_list_filters_match_any_case_and_accents(make_app, demo_service) -> None:
    """The example organisation whose contact is Lucía Ramírez, found by typing LUCIA RAMIREZ."""
    wanted = {
        o.id
        for o in demo_service.list("organisation")
        if o.values.get("contact_name") == "Lucía Ramírez"
    }
    assert wanted
    app = make_app("organisations")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "LUCIA RAMIREZ")
        await pilot.pause(FILTER_DELAY * 3)
        table = app.screen.query_one("#records", DataTable)
        shown = {table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)}
        assert shown == wanted
