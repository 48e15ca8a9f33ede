"""The footer's keys borrow the styles of one hidden model key instead of each styling its
own two parts; they draw as Textual's keys do (the screen snapshots show the footer)."""

from __future__ import annotations

from plantui.tui.widgets.footer import KeysFooter, SharedStyleKey


async def test_every_key_draws_with_the_one_model_key_of_its_footer(make_app) -> None:
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for screen in ("asks", "overview"):
            app.action_show(screen)
            await pilot.pause()
            footer = app.screen.query_one(KeysFooter)
            keys = list(footer.query(SharedStyleKey))
            assert {"Undo", "Help"} <= {k.description for k in keys}
            models = {k.model for k in keys}
            assert len(models) == 1
            (model,) = models
            assert model.parent is footer and not model.display
            assert all(k.region.width > 0 for k in keys if k.display)
            shown = [k for k in footer.query("FooterKey") if k.display]
            assert shown and all(isinstance(k, SharedStyleKey) for k in shown)
            key = keys[0]
            assert key.get_component_rich_style("footer-key--key") == (
                model.get_component_rich_style("footer-key--key")
            )


async def test_keys_follow_the_footers_compact_flag(make_app) -> None:
    """As in Textual's Footer, every key takes the footer's compact flag but the command
    palette's, which stays compact: it draws with a model key of its own then."""
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        assert footer.compact
        assert all(k.compact and k.has_class("-compact") for k in footer.query(SharedStyleKey))
        footer.compact = False
        await pilot.pause()
        keys = list(footer.query(SharedStyleKey))
        palette = [k for k in keys if k.has_class("-command-palette")]
        others = [k for k in keys if not k.has_class("-command-palette")]
        assert len(palette) == 1 and others
        assert not any(k.compact or k.has_class("-compact") for k in others)
        assert palette[0].compact and palette[0].model.compact
        assert {k.model for k in others} == {others[0].model} != {palette[0].model}
