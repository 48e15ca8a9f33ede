"""The command palette (ctrl+p): every screen and every action, found by typing."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from plantui.tui.app import PlanApp

ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("add", "Add a record", "Add a new record to the list on this screen"),
    ("edit", "Edit the selected record", "Open the selected record's form"),
    ("delete", "Delete the selected record", "Delete it (you are asked first; it can be restored)"),
    ("restore", "Restore the selected record", "Bring back a deleted record"),
    ("toggle_deleted", "Show or hide deleted records", "Deleted records can be restored"),
    ("link", "Link the selected record", "Link it to another record"),
    ("unlink", "Unlink the selected record", "Remove one of its links"),
    ("note", "Add a dated note", "Progress, evidence or a decision about the selected record"),
    ("filter", "Filter the list", "Show only records matching some text"),
    ("filter_by", "Filter by owner, RAG, status or ask…", "Show only what one of them chooses"),
    ("clear_filters", "Clear the filters", "Show everything again (the text filter stays)"),
    ("org_pack", "Organisation pack…", "Read the selected organisation's pack or write it"),
    ("history", "History of the selected record", "Who changed what, when, on which laptop"),
    ("move_up", "Move the ask up", "Raise its priority"),
    ("move_down", "Move the ask down", "Lower its priority"),
    ("merge", "Merge into another (a duplicate)", "Keep the other; m again on a merged one"),
    ("run_meeting", "Run this meeting", "Walk the selected event's agenda; record decisions"),
)
"""Screen action name -> (command, help). Offered only where the screen has the action."""


class PlanCommands(Provider):
    """Screens, record actions on the current screen, undo, help and reports."""

    @property
    def plan_app(self) -> PlanApp:
        """The app, as the PlanApp this provider is only ever registered on."""
        return cast("PlanApp", self.app)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from plantui.tui.app import SCREENS

        app = self.plan_app
        out: list[tuple[str, Callable[[], object], str]] = [
            (f"Go to {title}", partial(app.action_show, name), f"Show the {title} screen")
            for name, (title, _, _) in SCREENS.items()
        ]
        screen = self.screen
        for action, text, help_text in ACTIONS:
            method = getattr(screen, f"action_{action}", None)
            if method is not None:
                out.append((text, method, help_text))
        out.append(
            ("Plans: switch, start, roll over", app.action_plans, "The plans on this laptop")
        )
        out.append(("Undo the last edit", app.action_undo, "Put back what the last edit changed"))
        out.append(("Backups", self._open_backups, "List the kept backups or restore one"))
        out.append(("Redo", app.action_redo, "Make again what the last undo took back"))
        out.append(("Help: keys", app.action_help, "List the keys of this screen"))
        out.append(("Who is editing?", app.action_who_is_editing, "Name the person making changes"))
        out.append(("Export a report", self._open_report, "Write a report file"))
        return out

    def _open_backups(self) -> None:
        from plantui.tui.dialogs.backups import open_backups

        open_backups(self.plan_app)

    def _open_report(self) -> None:
        from plantui.tui.dialogs.report import ReportDialog

        self.app.push_screen(ReportDialog())

    async def discover(self) -> Hits:
        for text, callback, help_text in self._commands():
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)
