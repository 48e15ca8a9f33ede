"""The Gantt timeline screen (placeholder until the timeline is built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class TimelineScreen(Screen[None]):
    """Placeholder: says the timeline is coming."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("The timeline is not built yet.", markup=False)
        yield Footer()

    def reload(self) -> None:
        """Nothing to reload yet."""
