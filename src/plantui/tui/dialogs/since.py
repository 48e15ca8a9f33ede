"""'Changed since ...' on the Overview (key ``c``): what was added, changed, deleted and
restored since a date or an event, grouped by ask, with who and when.

The same answer as ``plantui changes --since``, read from the open plan like the rest of
the Overview. Every change is an option that opens its record.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from plantui.errors import PlanError
from plantui.queries import Plan
from plantui.queries.changes import since_moment
from plantui.queries.history import changes_since
from plantui.tui.widgets.safe import show

SHOWN = 100


class SinceDialog(ModalScreen[tuple[str, str] | None]):
    """Ask for a date or an event; dismiss with (clock prefix, description)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="since-cancel"),
    ]
    DEFAULT_CSS = """
    SinceDialog { align: center middle; }
    #since-box {
        width: 70; height: auto; border: round $primary; padding: 1 2; background: $surface;
    }
    """

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Vertical(id="since-box"):
            yield Static(
                Content("Changed since when? A date (YYYY-MM-DD) or an event's title or id.")
            )
            yield Input(placeholder="2025-03-01 or Steering group", id="since-text")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self.dismiss(since_moment(self.plan, event.value))
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)


def changes_options(plan: Plan, clock: str, label: str) -> list[Option]:
    """The Overview's 'Changed since' section: a heading, then the changes by ask."""
    groups = changes_since(plan, clock)
    count = sum(len(group.changes) for group in groups)
    heading = Text(f" Changed since {show(label)} ({count}) ", style="bold reverse")
    options = [Option(heading, disabled=True)]
    shown = 0
    for n, group in enumerate(groups):
        options.append(Option(Text(f"  {show(group.heading)}", style="bold"), disabled=True))
        for m, change in enumerate(group.changes):
            if shown >= SHOWN:
                break
            shown += 1
            who = f" by {show(', '.join(change.who))}" if change.who else ""
            fields = f" ({show(', '.join(change.fields))})" if change.what == "changed" else ""
            prompt = Text.assemble(
                (f"    {change.what:<9}", "bold"),
                (f"{change.type:<13}", "dim"),
                show(change.label),
                (f"{fields}{who}, {change.when.replace('T', ' ').removesuffix('Z')}", "dim"),
            )
            options.append(Option(prompt, id=f"changed{n}.{m}:{change.record_id}"))
    if count > shown:
        more = f"  … and {count - shown} more (plantui changes --since)"
        options.append(Option(Text(more, style="dim"), disabled=True))
    if not count:
        options.append(Option(Text("  Nothing has changed since then."), disabled=True))
    return options
