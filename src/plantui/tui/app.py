"""The plantui Textual application: a small App that switches screens and keeps them fresh.

Screens own their work (bindings, queries, dialogs); the App only knows how to reach each
screen, how to open a record wherever it lives, and when to tell screens to reload: after
any edit made through ``app.editor`` and when another process changes the database file.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sqlite3
from collections.abc import Callable
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from plantui import clock
from plantui.editor import Editor
from plantui.errors import PlanError
from plantui.service import PlanService
from plantui.tui.commands import PlanCommands
from plantui.tui.widgets.safe import show

SCREENS: dict[str, tuple[str, str, str]] = {
    "overview": ("Overview", "plantui.tui.screens.overview", "OverviewScreen"),
    "asks": ("Asks", "plantui.tui.screens.asks", "AsksScreen"),
    "pledges": ("Pledges", "plantui.tui.screens.pledges", "PledgesScreen"),
    "timeline": ("Timeline", "plantui.tui.timeline", "TimelineScreen"),
    "organisations": ("Organisations", "plantui.tui.screens.organisations", "OrganisationsScreen"),
    "events": ("Events", "plantui.tui.screens.events", "EventsScreen"),
    "conflicts": ("Conflicts", "plantui.tui.screens.conflicts", "ConflictsScreen"),
    "sync": ("Sync", "plantui.tui.screens.sync", "SyncScreen"),
}
"""Screen name -> (title, module, class). Modules are imported only when first shown."""

RECORD_SCREENS = {
    "ask": "asks",
    "pledge": "pledges",
    "organisation": "organisations",
    "event": "events",
    "action": "timeline",
}
"""Where a record of each type is shown; other types open in their edit form."""

_SCREEN_GROUP = Binding.Group("Screens", compact=True)


class NotAvailableScreen(Screen[None]):
    """Stands in for a screen whose module is not there yet, so the app never fails."""

    def __init__(self, title: str, reason: str) -> None:
        super().__init__()
        self.title_text = title
        self.reason = reason

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            f"The {self.title_text} screen is not available yet. ({self.reason})",
            markup=False,
            classes="not-available",
        )
        yield Footer()

    def reload(self) -> None:
        """Nothing to reload."""


def _factory(name: str) -> Callable[[], Screen]:
    title, module_name, class_name = SCREENS[name]

    def make() -> Screen:
        try:
            screen_class = getattr(importlib.import_module(module_name), class_name)
        except Exception as exc:  # a teammate's module missing or broken: say so, keep going
            return NotAvailableScreen(title, show(exc))
        return screen_class()

    return make


class PlanApp(App[None]):
    """The plan in the terminal: eight screens over one service and one undoable editor."""

    TITLE = "plantui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {PlanCommands}
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {n: _factory(n) for n in SCREENS}
    BINDINGS: ClassVar = [
        *(
            Binding(
                str(i),
                f"show('{name}')",
                title,
                id=f"screen.{name}",
                group=_SCREEN_GROUP,
            )
            for i, (name, (title, _, _)) in enumerate(SCREENS.items(), start=1)
        ),
        Binding("ctrl+z", "undo", "Undo", id="app.undo"),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?"),
    ]

    def __init__(
        self,
        service: PlanService,
        today: dt.date | None = None,
        watch: bool = True,
        screen: str = "overview",
    ) -> None:
        super().__init__()
        self.service = service
        self.editor = Editor(service)
        self.today = today or clock.today()
        self.watch = watch
        self.first_screen = screen if screen in SCREENS else "overview"
        # The terminal's own colours (ANSI theme): readable on light and dark terminals alike;
        # ansi-light draws the cursor in blue, which shows on both (ansi-dark's white does not).
        self.theme = "ansi-light"
        self._stale: set[str] = set()
        self._reload_pending = False
        self._version = 0
        self.editor.listeners.append(self._on_edit)

    # Screens

    def on_mount(self) -> None:
        self.switch_mode(self.first_screen)
        if self.watch:
            self._version = self._data_version()
            self.set_interval(1.0, self._poll_database, name="watch-database")

    def action_show(self, name: str) -> None:
        """Switch to a screen, reloading it first if the data changed while it was hidden."""
        if name not in SCREENS:
            return
        existed = name in self._screen_stacks
        self.switch_mode(name)
        if existed and name in self._stale:
            self._stale.discard(name)
            self._reload(self._screen_stacks[name][0])

    def mode_screen(self, name: str) -> Screen | None:
        """The base screen of a screen name, if it has been opened."""
        stack = self._screen_stacks.get(name)
        return stack[0] if stack else None

    def open_record(self, record_id: str) -> None:
        """Show a record where it lives (its screen, selected), else open its edit form."""
        try:
            view = self.service.get(record_id)
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        name = RECORD_SCREENS.get(view.type)
        if name is not None:
            self.action_show(name)
            screen = self.mode_screen(name)
            if screen is not None and hasattr(screen, "select_record"):
                screen.select_record(record_id)
                return
        self.edit_record(view.type, record_id)

    def edit_record(self, type_name: str, record_id: str | None = None, preset=None) -> None:
        """Open T2's form for a record (or a new one), if the forms module is there."""
        try:
            from plantui.tui.forms import RecordForm
        except ImportError:
            self.notify("Forms are not available yet.", severity="warning")
            return
        self.push_screen(RecordForm(type_name, record_id=record_id, preset=preset))

    # Keeping screens fresh

    def _on_edit(self, _record_id: str) -> None:
        self.schedule_reload()

    def schedule_reload(self) -> None:
        """Reload screens once, soon, however many edits arrive together."""
        if not self._reload_pending:
            self._reload_pending = True
            self.call_later(self._reload_screens)

    def _reload_screens(self) -> None:
        self._reload_pending = False
        if self.watch:
            self._version = self._data_version()
        for name, stack in self._screen_stacks.items():
            if not stack or name not in SCREENS:
                continue
            if name == self.current_mode:
                self._reload(stack[0])
            else:
                self._stale.add(name)

    def _reload(self, screen: Screen) -> None:
        reload = getattr(screen, "reload", None)
        if reload is None or not screen.is_mounted:
            return
        try:
            reload()
        except Exception as exc:  # keep the app alive; say what went wrong
            self.notify(f"Could not reload: {show(exc)}", severity="error", markup=False)

    def _data_version(self) -> int:
        return self.service.db.data_version()

    def _poll_database(self) -> None:
        try:
            version = self._data_version()
        except sqlite3.Error:
            return
        if version != self._version:
            self._version = version
            self.schedule_reload()

    # Actions

    def action_undo(self) -> None:
        """Undo the last edit (as a new edit) and say what was undone."""
        try:
            change = self.editor.undo()
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if change is None:
            self.notify("Nothing to undo.", markup=False)
            return
        try:
            view = self.service.get(change.record_id)
            what = f"{view.type} “{show(view.label)}”"
        except PlanError:
            what = "the last edit"
        self.notify(f"Undid the last change to {what}.", title="Undo", markup=False)

    def action_help(self) -> None:
        from plantui.tui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
