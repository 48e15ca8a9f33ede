"""A small dialog to choose which of an action's dependencies to remove."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class UnlinkDialog(ModalScreen[str | None]):
    """Lists the dependencies (plain text, never markup); Enter removes, Escape keeps all."""

    DEFAULT_CSS = """
    UnlinkDialog { align: center middle; }
    UnlinkDialog > Vertical {
        width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    UnlinkDialog OptionList { height: auto; max-height: 16; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="timeline.unlink-cancel"),
    ]

    def __init__(self, label: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.label = label
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.assemble(("Remove a dependency of ", "bold"), self.label))
            yield OptionList(*(Option(Content(text), id=dep) for dep, text in self.choices))
            yield Static(Content("enter remove · esc cancel"), classes="keys")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
