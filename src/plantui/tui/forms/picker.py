"""Pick one live record of given types by typing part of its label or ref code.

The same dialog as every other choice (``ChooseOne``); only where the offers come from
differs: SQL, so a plan of 10,000 records stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plantui.tui.forms.choices import live_choices
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
        db = self.app.service.db
        choices, total = live_choices(db, self.types, text, limit=SHOWN, exclude=self.exclude)
        many = len(self.types) > 1
        return [Offer(c.id, c.label, c.type if many else "") for c in choices], total
