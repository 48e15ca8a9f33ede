"""The base of every plantui screen: a Textual Screen whose ``app`` the type checker knows
is a PlanApp (its service, editor, database and today), without a cast at each use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from textual import getters

    from plantui.tui.app import PlanApp


class PlanScreen(Screen[None]):
    """A screen of the plan app (see ``PlanApp.MODES``)."""

    if TYPE_CHECKING:
        app = getters.app(PlanApp)
