"""Every record list gives its title column the room, at small, middle and large terminals."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.widgets import DataTable, OptionList

from plantui.text import one_line
from tests.tui.conftest import screen_text, wait_for

SIZES = [(80, 24), (120, 40), (160, 50)]
SCREENS = ["asks", "pledges", "events", "organisations"]


def shown_prefix(title: str, lines: list[str]) -> int:
    """How many cells of ``title`` the screen shows, on the line that shows the most."""
    best = 0
    for line in lines:
        for n in range(len(title), 0, -1):
            if title[:n] in line:
                best = max(best, cell_len(title[:n]))
                break
    return best


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
async def test_title_column_gets_the_room(make_app, demo_service, screen, size) -> None:
    app = make_app(screen)
    async with app.run_test(size=size) as pilot:
        table = app.screen.query_one("#records", DataTable)
        assert await wait_for(pilot, lambda: table.row_count > 0)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        width = table.size.width
        rows = table.row_count
        first = int(table.scroll_offset.y)  # Events opens scrolled to what is next
        visible = min(rows - first, table.scrollable_content_region.height - 1)
        titles = []
        for index in range(first, first + visible):
            key = table.coordinate_to_cell_key((index, 0)).row_key.value
            titles.append(one_line(demo_service.get(key).label))
        assert titles
        for title in titles:
            want = min(cell_len(title), int(0.4 * width))
            assert shown_prefix(title, lines) >= want, (title, size)


async def test_columns_fit_again_after_the_terminal_shrinks(make_app, demo_service) -> None:
    app = make_app("pledges")
    async with app.run_test(size=(160, 50)) as pilot:
        table = app.screen.query_one("#records", DataTable)
        assert await wait_for(pilot, lambda: table.row_count > 0)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        key = table.coordinate_to_cell_key((0, 0)).row_key.value
        title = one_line(demo_service.get(key).label)
        lines = screen_text(app).splitlines()
        assert shown_prefix(title, lines) >= min(cell_len(title), int(0.4 * table.size.width))


def test_other_columns_narrow_then_hide_before_the_title_shrinks() -> None:
    from plantui.tui.widgets.columns import fit_columns

    labels = ["Ref", "Status", "Kind", "Title"]
    natural = {"Ref": 3, "Status": 12, "Kind": 20, "Title": 60}
    wide = fit_columns(labels, natural, 200, minimum={"Kind": 8}, drop_order=("Kind",))
    assert wide == {"Ref": 3, "Status": 12, "Kind": 20, "Title": 200 - 35 - 8}
    narrow = fit_columns(labels, natural, 70, minimum={"Kind": 8}, drop_order=("Kind",))
    assert narrow["Kind"] < 20 and narrow["Title"] >= 0.45 * 70 - 1
    tiny = fit_columns(labels, natural, 50, minimum={"Kind": 8}, drop_order=("Kind",))
    assert "Kind" not in tiny and tiny["Title"] == 50 - 3 - 12 - 6


def test_a_narrowed_column_widens_again_when_hiding_another_left_room() -> None:
    from plantui.tui.widgets.columns import fit_columns

    labels = ["Status", "Pledges", "Title"]
    natural = {"Status": 19, "Pledges": 30, "Title": 60}
    fit = fit_columns(labels, natural, 70, minimum={"Status": 8}, drop_order=("Pledges",))
    assert fit == {"Status": 19, "Title": 70 - 19 - 4}


@pytest.mark.parametrize("opened", ["first", "by key"])
async def test_every_word_of_every_link_shows_when_the_links_scroll(
    make_app, demo_service, opened
) -> None:
    """Links wrap to the pane's width; when there are more than fit, a scrollbar takes room
    from that width. Each link still shows whole, however many lines it now takes."""
    app = make_app("asks" if opened == "first" else "overview")
    async with app.run_test(size=(160, 50)) as pilot:
        if opened == "by key":
            await pilot.pause()
            await pilot.press("2")
        assert await wait_for(pilot, lambda: app.current_mode == "asks")
        links = app.screen.query_one("#detail-links", OptionList)
        assert await wait_for(pilot, lambda: links.option_count > 0)
        await pilot.pause()
        assert links.max_scroll_y > 0, "the links fit: nothing to scroll, nothing tested"
        shown: list[str] = []
        for top in range(0, links.max_scroll_y + links.size.height, links.size.height):
            links.scroll_to(y=top, animate=False)
            await pilot.pause()
            region = Region(0, 0, *links.outer_size)  # the border's line too
            shown += [strip.text for strip in links.render_lines(region)]
        words = " ".join(shown).split()
        for index in range(links.option_count):
            prompt = links.get_option_at_index(index).prompt
            for word in str(prompt).split():
                assert word in words, f"{word!r} of link {prompt!s} is not shown"
