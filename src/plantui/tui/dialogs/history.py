"""The History pane (key ``h`` on a record's detail): every change this copy has seen of it.

Oldest first, as ``plantui history`` prints it: field, before, after, who, which laptop,
when, and whether it came by import. Values are people's text: shown as plain cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from plantui.queries import Plan
from plantui.queries.history import changes_of
from plantui.queries.labels import named
from plantui.tui.widgets.safe import cell, show

if TYPE_CHECKING:
    from plantui.tui.app import PlanApp

COLUMNS = ("When (UTC)", "Field", "Before", "After", "Who", "Laptop", "Import")


def _value(value: Any) -> str:
    return "" if value is None else show(value)[:40]


class HistoryPane(ModalScreen[None]):
    """One record's history in a table; Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,h", "close", "Close", id="history-close"),
    ]
    DEFAULT_CSS = """
    HistoryPane { align: center middle; }
    #history-box {
        width: 95%; height: 85%; border: round $primary; background: $surface; padding: 0 1;
    }
    #history-table { height: 1fr; }
    """

    def __init__(self, plan: Plan, record_id: str, label: str) -> None:
        super().__init__()
        self.plan = plan
        self.record_id = record_id
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(id="history-box"):
            yield Static(Content(f"History of {show(self.label)}"), id="history-title")
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        entries = changes_of(self.plan, self.record_id)
        for e in entries:
            table.add_row(
                cell(e.when.replace("T", " ").removesuffix("Z")),
                cell(e.field),
                cell(_value(e.before)),
                cell(_value(e.after)),
                cell(e.who or "unnamed"),
                cell(e.laptop),
                cell("yes" if e.imported else ""),
            )
        if not entries:
            self.query_one("#history-title", Static).update(
                Content(f"No changes of {show(self.label)} are recorded on this laptop.")
            )
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)


def open_history(app: PlanApp, record_id: str) -> None:
    """Show one record's History pane over the current screen."""
    found = named(app.plan_db, [record_id]).get(record_id)
    app.push_screen(HistoryPane(app.plan_db, record_id, found.label if found else record_id))
