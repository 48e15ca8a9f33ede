"""Records in the command palette (ctrl+p): type a few word starts, Enter opens the record.

The palette asks every provider for hits on each keystroke; this one asks the search index
(``plantui.queries.search``) in a thread, so a plan of 20,000 actions never holds up typing, and
offers each record under its type, ref code and label with the line its words were found in.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.command import Hit, Hits, Provider

from plantui.queries.search import PALETTE_HITS, find_records
from plantui.queries.search import Hit as Found

if TYPE_CHECKING:
    from plantui.tui.app import PlanApp

RECORD_SCORE = 0.5
"""The best record's score: commands that match what is typed well still come first."""


def prompt(found: Found) -> Text:
    """The palette line of a record: type, ref code, label, then where the words are.

    A ``Text``, never a string: the palette reads strings (and help) as markup, and these
    are a person's or an imported file's words (``search`` strips control characters)."""
    line = Text()
    line.append(f"{found.type} ", style="dim")
    if found.ref_code:
        line.append(f"{found.ref_code} ", style="bold")
    line.append(found.label)
    if found.snippet and found.snippet != found.label:
        line.append("\n")
        line.append(found.snippet, style="dim italic")
    return line


class RecordSearch(Provider):
    """Every live record whose words start with what is typed, best first."""

    async def search(self, query: str) -> Hits:
        app = cast("PlanApp", self.app)  # the only app this provider is registered on
        found = await asyncio.to_thread(find_records, app.plan_db, query)
        open_record = app.open_record
        for rank, record in enumerate(found):
            yield Hit(
                RECORD_SCORE * (1 - rank / PALETTE_HITS),
                prompt(record),
                partial(open_record, record.id),
                text=f"{record.type} {record.label}",
            )
