"""A keyboard monkey: seeded random streams of ordinary keys never crash the app, and Esc
(with Discard when a form holding typed text asks) then 1 always bring a person back to the
Overview."""

from __future__ import annotations

import random
import string

import pytest

from plantui.tui.forms import ConfirmDialog
from plantui.tui.screens.overview import OverviewScreen

KEYS = (
    list(string.ascii_lowercase)
    + list(string.digits)
    + ["up", "down", "left", "right"] * 4
    + ["enter", "escape", "tab"] * 3
)
"""Ordinary keys only (no Ctrl, no function keys), arrows and Enter/Esc/Tab weighted up."""
STREAM = 250


@pytest.mark.slow  # about 10 s of work per size, more on a busy machine
@pytest.mark.parametrize(
    ("size", "seed"), [((80, 24), 11), ((120, 40), 12), ((160, 50), 13)], ids=str
)
async def test_random_keys_never_crash_and_esc_1_comes_home(
    make_app, size, seed, tmp_path, monkeypatch
) -> None:
    # Enter on a Sync button may export into the folder shown: keep that in tmp_path.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    rng = random.Random(seed)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        for key in (rng.choice(KEYS) for _ in range(STREAM)):
            await pilot.press(key)
            assert app.crash is None, (key, app.crash)
        for _ in range(8):
            if len(app.screen_stack) == 1:
                break
            if isinstance(app.screen, ConfirmDialog) and app.screen.confirm_label == "Discard":
                await pilot.press("right", "enter")  # typed text is thrown away only if asked
            else:
                await pilot.press("escape")
        await pilot.press("1")
        await pilot.pause()
        assert app.crash is None
        assert app.is_running
        assert app.current_mode == "overview"
        assert isinstance(app.screen, OverviewScreen)


async def test_link_on_events_offers_each_kind_of_attendee(make_app) -> None:
    """Found by the monkey: 'attended' joins organisations and people to an event, and the
    two choices shared one option id, which crashed the app."""
    from plantui.tui.widgets.choose import ChooseOne

    app = make_app("events")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert app.crash is None
        assert isinstance(app.screen, ChooseOne)
