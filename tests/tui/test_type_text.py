"""The tests' quick typing (``type_text``) sends what ``pilot.press`` would, key for key."""

from __future__ import annotations

import string
from collections.abc import Awaitable, Callable

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from tests.tui.conftest import type_text

TEXT = "Az 09 " + string.punctuation + " éÅ"
"""Each kind of character the TUI tests type: letters, digits, space, ASCII punctuation, and
accented letters (``pilot.press`` takes 40 ms or more a key, so one of each kind)."""


class OneBox(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()


async def typed(how: Callable[..., Awaitable[None]]) -> tuple[list[tuple[str, str | None]], str]:
    """The keys the input box received, and the text it then holds."""
    keys: list[tuple[str, str | None]] = []

    def hook(message) -> None:
        if isinstance(message, events.Key) and message.is_forwarded:
            keys.append((message.key, message.character))

    app = OneBox()
    async with app.run_test(message_hook=hook) as pilot:
        await how(pilot)
        return keys, app.query_one(Input).value


async def test_type_text_sends_the_keys_pilot_press_sends() -> None:
    pressed = await typed(lambda pilot: pilot.press(*TEXT))
    quick = await typed(lambda pilot: type_text(pilot, TEXT))
    assert quick == pressed
    assert quick[1] == TEXT
    assert len(quick[0]) == len(TEXT)
    assert ("slash", "/") in quick[0] and ("space", " ") in quick[0]
