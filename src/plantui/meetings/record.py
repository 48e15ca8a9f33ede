"""What a meeting writes as it runs: decisions taken and who attended.

Both go through the write path handed in (``Editor``, ``PlanService`` or a ``Writer``), so a
meeting's records merge like any other edit; the minutes are read back by
:mod:`plantui.queries.minutes`.
"""

from __future__ import annotations

from typing import Any, Protocol

from plantui.errors import PlanError
from plantui.queries.events import EventRow


class Writes(Protocol):
    """The write path (``Editor``, ``PlanService`` or a ``Writer``): creates one record."""

    def create(self, type_name: str, values: dict[str, Any]) -> Any: ...


def record_decision(editor: Writes, event: EventRow, text: str, day: str) -> str:
    """A decision: a ``note`` of kind decision about the event, linked ``decided_at`` it."""
    headline, _, body = text.strip().partition("\n")
    if not headline.strip():
        raise PlanError("A decision needs some text.")
    note = editor.create(
        "note",
        {
            "about": event.id,
            "date": day,
            "headline": headline.strip(),
            "body": body.strip() or None,
            "kind": "decision",
        },
    ).record_id
    editor.create("link", {"role": "decided_at", "from": note, "to": event.id})
    return str(note)


def check_in(editor: Writes, event: EventRow, attendee: str) -> None:
    """Record that a person or organisation attended (a deterministic ``attended`` link)."""
    editor.create("link", {"role": "attended", "from": attendee, "to": event.id})
