"""The footer: the screen's keys on one line drawn by one widget, each key clickable."""

from __future__ import annotations

from textual.widgets import DataTable

from plantui.tui.dialogs.help import HelpScreen
from plantui.tui.widgets.footer import PALETTE_MARK, KeysFooter


def _line(footer: KeysFooter) -> str:
    return footer.render().plain


async def test_the_footer_is_one_widget_showing_the_screens_keys(make_app) -> None:
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for screen in ("asks", "overview", "sync"):
            app.action_show(screen)
            await pilot.pause()
            footer = app.screen.query_one(KeysFooter)
            assert not footer.children
            line = _line(footer)
            assert len(line) == footer.size.width == 120
            assert "^z Undo" in line and "? Help" in line and "12345678 Screens" in line
            assert line.rstrip().endswith(f"{PALETTE_MARK}^p palette")
        assert "f4 Export" in _line(app.screen.query_one(KeysFooter))


async def test_keys_that_do_not_fit_are_left_out_whole(make_app) -> None:
    app = make_app("asks")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        line = _line(footer)
        assert len(line) == 80 and line.rstrip().endswith(f"{PALETTE_MARK}^p palette")
        shown = [item for item in footer.items if f" {item.description}" in line]
        assert 0 < len(shown) < len(footer.items)
        assert footer.items[: len(shown)] == tuple(shown)  # the first ones, in order
        before_mark = line.split(PALETTE_MARK)[0]
        assert before_mark.endswith(" ")
        assert before_mark.rstrip().endswith(shown[-1].description)


async def test_a_click_on_a_key_presses_it(make_app) -> None:
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        line = _line(footer)
        column = line.index("? Help") + 3  # on the description: the whole item answers
        assert footer.key_at(column) is not None and footer.key_at(column).key == "question_mark"
        assert await pilot.click(KeysFooter, offset=(column, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        screens = line.index("12345678")
        assert footer.key_at(screens + 2).key == "3"  # each key of a group is its own
        assert await pilot.click(KeysFooter, offset=(screens + 2, 0))
        await pilot.pause()
        assert app.current_mode == "pledges"


async def test_hovering_a_key_names_it_and_marks_it(make_app) -> None:
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        plain = footer.render()
        screens = plain.plain.index("12345678")
        await pilot.hover(KeysFooter, offset=(screens + 1, 0))
        await pilot.pause()
        assert footer.tooltip == "Asks"  # the key's own name: the group says only "Screens"
        hovered = footer.render()
        assert hovered.plain == plain.plain
        assert hovered.get_style_at_offset(app.console, screens) != plain.get_style_at_offset(
            app.console, screens
        )


async def test_the_compact_flag_only_changes_the_spacing(make_app) -> None:
    app = make_app("asks")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        assert footer.compact
        compact = _line(footer)
        footer.compact = False
        await pilot.pause()
        spaced = _line(footer)
        assert "/ Filter a Add" in compact and " / Filter  a Add" in spaced
        assert compact.split() == spaced.split()
        assert app.screen.query_one("#records", DataTable).has_focus
