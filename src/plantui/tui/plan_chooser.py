"""Choosing which plan of the library to open, when it holds several.

A small App of its own runs before the plan's app: it shows each plan's title, period,
RAG summary (how many asks are green, amber, red), last change and open conflicts, and
returns the chosen plan's database path (None when the person quits).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from plantui.library import PlanEntry
from plantui.text import one_line


def describe(entry: PlanEntry) -> Text:
    """Two lines per plan, built as plain text: a title is never markup."""
    line = Text(one_line(entry.title), style="bold")
    if entry.area:
        line.append(f"  ({one_line(entry.area)})")
    rag = entry.rag
    facts = [
        f"{entry.period_start or '?'} to {entry.period_end or '?'}",
        f"asks {rag.get('green', 0)} green, {rag.get('amber', 0)} amber, {rag.get('red', 0)} red",
        f"changed {entry.changed or 'never'}",
    ]
    if entry.open_conflicts:
        facts.append(f"{entry.open_conflicts} open conflict(s)")
    if entry.archived:
        facts.append("archived")
    line.append("\n" + "  ·  ".join(facts), style="dim")
    return line


class PlanChooser(App[Path | None]):
    """Pick a plan with the arrows and Enter; Escape or Ctrl+Q leaves without one."""

    TITLE = "plantui"
    SUB_TITLE = "Choose a plan"
    BINDINGS: ClassVar = [
        Binding("escape", "leave", "Quit", id="chooser.leave"),
    ]

    def __init__(self, entries: list[PlanEntry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(Option(describe(e), id=str(i)) for i, e in enumerate(self.entries)))
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.exit(self.entries[int(event.option.id or 0)].path)

    def action_leave(self) -> None:
        self.exit(None)


def choose_plan(entries: list[PlanEntry]) -> Path | None:
    return PlanChooser(entries).run()
