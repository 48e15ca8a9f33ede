"""The palette's record search: the best live records for what is typed, in one snapshot."""

from __future__ import annotations

from plantui.queries import Plan
from plantui.search.query import Hit, search

PALETTE_HITS = 20
"""How many records the palette lists at once."""

__all__ = ["PALETTE_HITS", "Hit", "find_records"]


def find_records(plan: Plan, text: str, limit: int = PALETTE_HITS) -> list[Hit]:
    """The best records for ``text`` (every word as a prefix, case and accents aside), best
    first; deleted and merged records are never found."""
    with plan.snapshot() as con:
        return search(con, text, limit=limit)
