"""A small modal to choose one of a few options (a link role, a link to remove)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from plantui.tui.widgets.safe import cell


class ChooseOne(ModalScreen[str | None]):
    """Options as (key, label); Enter returns the key, Escape returns None."""

    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel", id="choose.cancel")]
    DEFAULT_CSS = """
    ChooseOne { align: center middle; }
    ChooseOne > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 80%;
        border: round $primary; background: $background; padding: 0 1;
    }
    ChooseOne OptionList { height: auto; max-height: 20; }
    """

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text, style="bold"))
            yield OptionList(
                *(Option(cell(label), id=key) for key, label in self.options), id="choices"
            )
            yield Static(Text("enter choose · esc cancel", style="dim"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
