"""The help screen (?): the keys of the screen it was opened from, and of the app.

The keys come from Textual's public ``Screen.active_bindings`` (what the screen answers now,
with the node that owns each key), kept to those of the screen itself and of the app.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def _key_lines(bindings, app) -> list[tuple[str, str]]:
    """(keys, description) per action, keys that do the same thing joined with '/'."""
    seen: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        if not binding.description:
            continue
        desc = binding.description
        if binding.action == "command_palette":
            desc = "Command palette: every screen and action"
        keys = seen.setdefault((binding.action, desc), [])
        key = app.get_key_display(binding)
        if key not in keys:
            keys.append(key)
    return [("/".join(keys), desc) for (_, desc), keys in seen.items()]


class HelpScreen(ModalScreen[None]):
    """Lists every key that applies where help was asked for; any key closes it."""

    BINDINGS: ClassVar = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 64; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; padding: 0 1; background: $background;
    }
    """

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        app = self.app
        active: list[ActiveBinding] = list(self.under.active_bindings.values())
        screen_bindings = [b.binding for b in active if b.node is self.under]
        text = Text()
        title = self.under.sub_title or "this screen"
        text.append(f"Keys on {title}\n", style="bold")
        for key, desc in _key_lines(screen_bindings, app):
            text.append(f"  {key:<12} {desc}\n")
        text.append("\nEverywhere\n", style="bold")
        for key, desc in _key_lines([b.binding for b in active if b.node is app], app):
            text.append(f"  {key:<12} {desc}\n")
        text.append("  tab          Move between the list, the filter and the detail pane\n")
        text.append("  enter        In the detail pane: open the linked record\n")
        text.append("\nPress escape to close.", style="dim")
        with VerticalScroll():
            yield Static(text, id="help-text")
