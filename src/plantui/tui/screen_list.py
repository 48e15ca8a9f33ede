"""The app's screens: their names, where each lives (imported when first shown) and the
stylesheets they are drawn with."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path, PurePath

from textual.screen import Screen

SCREENS: dict[str, tuple[str, str, str]] = {
    "overview": ("Overview", "plantui.tui.screens.overview", "OverviewScreen"),
    "asks": ("Asks", "plantui.tui.screens.asks", "AsksScreen"),
    "pledges": ("Pledges", "plantui.tui.screens.pledges", "PledgesScreen"),
    "timeline": ("Timeline", "plantui.tui.timeline", "TimelineScreen"),
    "organisations": ("Organisations", "plantui.tui.screens.organisations", "OrganisationsScreen"),
    "events": ("Events", "plantui.tui.screens.events", "EventsScreen"),
    "conflicts": ("Conflicts", "plantui.tui.screens.conflicts", "ConflictsScreen"),
    "sync": ("Sync", "plantui.tui.screens.sync", "SyncScreen"),
    "people": ("People", "plantui.tui.screens.people", "PeopleScreen"),
}
"""Screen name -> (title, module, class). Modules are imported only when first shown."""

RECORD_SCREENS = {
    "ask": "asks",
    "pledge": "pledges",
    "organisation": "organisations",
    "event": "events",
    "person": "people",
    "action": "timeline",
}
"""Where a record of each type is shown; other types open in their edit form."""

_TUI = Path(__file__).parent
STYLESHEETS: list[str | PurePath] = [
    _TUI / "app.tcss",
    _TUI / "widgets" / "browse.tcss",
    _TUI / "screens" / "asks.tcss",
    _TUI / "screens" / "overview.tcss",
    _TUI / "screens" / "conflicts.tcss",
    _TUI / "screens" / "sync.tcss",
    _TUI / "timeline" / "timeline.tcss",
    _TUI / "forms" / "record_form.tcss",
    _TUI / "forms" / "confirm.tcss",
    _TUI / "dialogs" / "report.tcss",
]
"""Every screen's and dialog's styles, read once as the app starts. A screen or dialog with
a stylesheet of its own makes Textual parse every stylesheet again from scratch (its
parse cache starts empty) and restyle every widget of the app the first time it opens."""


def screen_factory(name: str) -> Callable[[], Screen]:
    _title, module_name, class_name = SCREENS[name]

    def make() -> Screen:
        screen_class = getattr(importlib.import_module(module_name), class_name)
        return styled_as_built(screen_class())

    return make


def styled_as_built(screen: Screen) -> Screen:
    """Spare a new screen the full CSS refresh Textual gives it on its first two visits.

    Textual re-parses and re-applies every stylesheet when a shown screen's CSS update
    count lags the app's, and a new screen's count (-1) only catches up once it is
    mounted; switch_mode refreshes "even when not strictly required" (Textual PR 5211,
    https://github.com/Textualize/textual/pull/5211). A screen built now is styled by the
    current stylesheet as it mounts: it is current. Textual 8.2 has no public way to say so
    (only ``App._invalidate_css`` and ``refresh_css`` touch the count), hence the one private
    attribute the app touches.
    """
    screen._css_update_count = screen.app._css_update_count
    return screen


def plans_screen() -> Screen:
    from plantui.tui.screens.plans import PlansScreen

    return PlansScreen()
