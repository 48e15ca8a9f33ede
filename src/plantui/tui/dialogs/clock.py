"""Confirm the date before writing when this computer's clock is far past the plan's.

A clock years fast (a dead CMOS battery) would stamp every edit in the future and peers
would refuse this laptop's files; so the person confirms the date once, or fixes the clock.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from plantui.clock_check import ClockAhead


class ClockDialog(ModalScreen[bool]):
    """Dismissed with True when the person says the date is right."""

    DEFAULT_CSS = """
    ClockDialog { align: center middle; }
    #clock-box {
        width: 70; max-width: 100%; height: auto;
        border: round $warning; background: $surface; padding: 1 2;
    }
    #clock-buttons { height: auto; margin-top: 1; }
    #clock-buttons Button { margin-right: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "wrong", "Not right")]

    def __init__(self, ahead: ClockAhead) -> None:
        super().__init__()
        self.ahead = ahead

    def compose(self) -> ComposeResult:
        believed, newest = self.ahead.believed.isoformat(), self.ahead.newest.isoformat()
        with Vertical(id="clock-box"):
            yield Static(
                Content(
                    f"This computer's clock says it is {believed}, more than 30 days after the"
                    f" newest change in this plan ({newest}). Edits are dated by this clock;"
                    " a wrong date makes other laptops refuse this one's files."
                )
            )
            with Horizontal(id="clock-buttons"):
                yield Button(f"{believed} is right", variant="warning", id="clock-right")
                yield Button("It is wrong: I will fix the clock", id="clock-wrong")

    def on_mount(self) -> None:
        self.query_one("#clock-wrong", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "clock-right")

    def action_wrong(self) -> None:
        self.dismiss(False)
