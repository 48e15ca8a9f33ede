"""Starting a plan from the terminal app: title, area, period and time zone, in one dialog.

The same checks as ``plantui new`` run first, so a refusal is one sentence under the
fields and nothing is written; a roll-over names the plan it carries from.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from plantui.errors import PlanError
from plantui.library import Library, PlanEntry
from plantui.text import one_line

FIELDS = (
    ("title", "Title", "e.g. Southwark action plan 2026"),
    ("area", "Area", "e.g. Southwark (optional)"),
    ("start", "Starts", "YYYY-MM-DD (default: today)"),
    ("end", "Ends", "YYYY-MM-DD (default: 12 months on)"),
    ("timezone", "Time zone", "e.g. Europe/London (optional)"),
)


class NewPlanDialog(ModalScreen[Path | None]):
    """Returns the new plan's database file, or None when cancelled."""

    DEFAULT_CSS = """
    NewPlanDialog { align: center middle; }
    NewPlanDialog > VerticalScroll {
        width: 76; height: auto; max-height: 100%;
        border: round $primary; padding: 0 1; background: $surface;
    }
    NewPlanDialog .plan-field { height: 1; margin-top: 1; }
    NewPlanDialog .plan-field Label { width: 11; }
    NewPlanDialog .plan-field Input { width: 1fr; }
    NewPlanDialog #new-plan-error { color: $error; height: auto; margin-top: 1; }
    NewPlanDialog #new-plan-buttons { height: 1; margin-top: 1; }
    NewPlanDialog #new-plan-buttons Button { margin-right: 2; }
    """
    AUTO_FOCUS = "#plan-title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="new-plan.cancel"),
        Binding("ctrl+s", "start", "Start the plan", priority=True, id="new-plan.start"),
    ]

    def __init__(self, library: Library, roll_over_from: PlanEntry | None = None) -> None:
        super().__init__()
        self.library = library
        self.source = roll_over_from

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            if self.source is None:
                heading = "Start a new plan"
            else:
                heading = f"Next plan from {one_line(self.source.title)}"
            yield Static(Content(heading), classes="section-title")
            if self.source is not None:
                yield Static(
                    "Carries its open asks, their open pledges, unfinished actions and"
                    " milestones, and everyone in it; the old plan is not changed.",
                    classes="hint",
                    markup=False,
                )
            for name, label, hint in FIELDS:
                with Horizontal(classes="plan-field"):
                    yield Label(label)
                    yield Input(placeholder=hint, id=f"plan-{name}", compact=True)
            yield Static("", id="new-plan-error", markup=False)
            with Horizontal(id="new-plan-buttons"):
                yield Button("Start the plan", id="start", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field, and starts the plan from the last one."""
        event.stop()
        inputs = list(self.query(Input))
        at = inputs.index(event.input)
        if at + 1 < len(inputs):
            inputs[at + 1].focus()
        else:
            self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_cancel()

    def _value(self, name: str) -> str | None:
        text = self.query_one(f"#plan-{name}", Input).value.strip()
        return text or None

    def action_start(self) -> None:
        """Check everything, then write the plan (and what it carries) in one transaction."""
        from plantui.new_plan import check_start, create_in_library
        from plantui.rollover import start_rolled_over
        from plantui.service import PlanService

        error = self.query_one("#new-plan-error", Static)
        try:
            start = check_start(
                self._value("title") or "",
                self._value("area"),
                self._value("start"),
                self._value("end"),
                self._value("timezone"),
            )
            if self.source is None:
                _, path = create_in_library(self.library, start, PlanService)
            else:
                _, path, carried = start_rolled_over(self.library, start, self.source, PlanService)
                self.notify(carried.text(), title="Roll-over", markup=False)
        except PlanError as exc:
            error.update(Content(one_line(str(exc))))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
