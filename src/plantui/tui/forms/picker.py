"""Pick one live record of given types by typing part of its label."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList


class PickRecord(ModalScreen[str | None]):
    """A filter box and the first matching records; Enter picks, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick-cancel")]

    def __init__(
        self, types: tuple[str, ...], title: str, exclude: frozenset[str] = frozenset()
    ) -> None:
        super().__init__()
        self.types = types
        self.title_text = title
        self.exclude = exclude

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Type to filter", id="filter")
        yield OptionList(id="matches")

    def action_cancel(self) -> None:
        self.dismiss(None)
