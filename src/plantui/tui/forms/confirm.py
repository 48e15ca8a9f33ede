"""A yes/no question before something destructive (deleting a record)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from plantui.text import plain


class ConfirmDialog(ModalScreen[bool]):
    """Ask a question; dismiss True when confirmed, False on Cancel or Escape.

    Cancel has the focus at first, so a stray Enter never deletes anything."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="confirm-cancel"),
        Binding("left,right", "switch", "Switch", show=False, id="confirm-switch"),
    ]

    def __init__(
        self, question: str, confirm_label: str = "Delete", cancel_label: str = "Cancel"
    ) -> None:
        super().__init__()
        self.question = plain(question)
        self.confirm_label = confirm_label
        self.cancel_label = cancel_label

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content(self.question), id="question")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self.cancel_label), id="cancel")
                yield Button(Content(self.confirm_label), variant="error", id="confirm")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_switch(self) -> None:
        self.focus_next() if self.focused and self.focused.id == "cancel" else self.focus_previous()

    def action_cancel(self) -> None:
        self.dismiss(False)
