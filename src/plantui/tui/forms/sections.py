"""The fields a form keeps folded away until asked for, and the fold that builds them late.

Opening a form costs per widget, and an action's form would build over two hundred. The
fields people fill in every time stay in view; the rest wait in a "More" section whose rows
are built the first time it is opened. Both fields of a date pair sit in the same part, and
no required field is folded away, so a folded field is always valid as it stands.
"""

from __future__ import annotations

from textual.widgets import Collapsible

MORE: dict[str, tuple[str, ...]] = {
    "plan": ("summary", "area", "previous_plan"),
    "organisation": ("notes", "merged_into"),
    "person": ("languages", "consent", "notes", "merged_into"),
    "event": ("attendees_count", "description", "minutes", "series", "date_confidence"),
    "ask": ("problem", "raised_at", "theme", "population_group"),
    "pledge": ("commitment", "made_at", "target", "result", "next_steps"),
    "action": (
        "description",
        "ask",
        "pledge",
        "parent",
        "baseline_start",
        "baseline_end",
        "date_confidence",
        "deliverable",
    ),
    "note": ("author", "kind", "author_person"),
}
"""Per record type, the fields shown only once "More" is opened."""


class MoreFields(Collapsible):
    """The folded fields of a form; its rows are mounted by the form on first opening."""

    DEFAULT_CSS = """
    MoreFields { border-top: none; padding: 0; margin: 0; }
    MoreFields > Contents { padding: 0; }
    """

    def __init__(self, count: int) -> None:
        super().__init__(title=f"More fields ({count})", collapsed=True, id="more-fields")
        self.built = False
        """True once the rows are mounted: they are built once and kept."""
