"""Typing in a list's filter never waits on a query: keystrokes only restart a short timer,
and the list is queried once, for the text as it stands when typing stops (or on enter)."""

from __future__ import annotations

import pytest

from plantui.tui.widgets import browse
from tests.tui.conftest import type_text


async def test_keystrokes_do_not_query_and_the_filter_is_applied_once(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browse, "FILTER_DELAY", 60.0)  # typing "stops" only when enter says so
    app = make_app("organisations")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, browse.BrowseScreen)
        queried: list[str] = []
        reload = screen.reload
        monkeypatch.setattr(
            screen, "reload", lambda: (queried.append(screen.filter_text), reload())
        )
        await pilot.press("slash")
        await type_text(pilot, "south")
        await pilot.pause()
        assert queried == []
        await pilot.press("enter")
        await pilot.pause()
        assert queried == ["south"]
        assert screen.total > 0
