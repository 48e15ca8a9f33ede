"""Help lists the keys the screen answers now (Textual's public active bindings): its own,
then the app's; a key the screen turns off where it stands is left out."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from plantui.tui.dialogs.help import HelpScreen


class Keys(Screen[None]):
    SUB_TITLE = "Test keys"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "restore", "Restore the record"),
        Binding("x", "keep", "Keep it deleted"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("keys")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "keep"


class KeysApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+u", "undo", "Undo everything")]

    def on_mount(self) -> None:
        self.push_screen(Keys())


async def test_help_lists_the_screens_keys_that_apply_then_the_apps() -> None:
    app = KeysApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        under = app.screen
        app.push_screen(HelpScreen(under))
        await pilot.pause()
        text = str(app.screen.query_one("#help-text").render())
        assert "Keys on Test keys" in text
        assert "Restore the record" in text
        assert "Keep it deleted" not in text
        everywhere = text.split("Everywhere", 1)[1]
        assert "Undo everything" in everywhere and "Restore the record" not in everywhere
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is under
