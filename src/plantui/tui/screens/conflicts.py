"""The Conflicts screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static


class ConflictsScreen(Screen[None]):
    """Placeholder until the full screen lands."""

    def compose(self) -> ComposeResult:
        yield Static("Conflicts", markup=False)
        yield Footer()

    def reload(self) -> None:
        """Called by the app whenever the database changes."""
