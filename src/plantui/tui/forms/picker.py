"""Pick one live record of given types by typing part of its label or ref code.

The same dialog as every other choice (``ChooseOne``); only where the offers come from
differs: ``plantui.queries.choices`` filters in the database, so 10,000 records stay instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plantui.queries.choices import live_choices
from plantui.tui.widgets.choose import ChooseOne, Offer

if TYPE_CHECKING:
    from textual import getters

    from plantui.tui.app import PlanApp

SHOWN = 100
"""How many matches are listed at once; typing more narrows the rest."""


class PickRecord(ChooseOne):
    """Live records of ``types`` in natural ref-code order, then by label."""

    if TYPE_CHECKING:
        app = getters.app(PlanApp)

    def __init__(
        self,
        types: tuple[str, ...],
        title: str,
        exclude: frozenset[str] = frozenset(),
        text: str = "",
    ) -> None:
        super().__init__(title, hint="enter pick", text=text)
        self.types = tuple(types)
        self.exclude = exclude

    def matches(self, text: str) -> tuple[list[Offer], int]:
        choices, total = live_choices(
            self.app.plan_db, self.types, text, limit=SHOWN, exclude=self.exclude
        )
        many = len(self.types) > 1
        return [Offer(c.id, c.label, c.type if many else "") for c in choices], total
