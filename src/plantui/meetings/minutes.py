"""The minutes of an event, and what a meeting writes as it runs.

Who attended comes from ``attended`` links (people named only with consent
``named_in_reports``; others are counted), decisions from notes of ``kind: decision`` linked
``decided_at`` the event, notes from those about the event and those of ``kind: minute``
dated its day (what meeting mode writes about an agenda item), and the new and changed
actions from the stamps of their fields:
every field written at or after the meeting's start counts, so edits made on any laptop
during the meeting appear once its file has been imported.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Protocol

from plantui.clock import clock_ms
from plantui.errors import PlanError
from plantui.queries.events import EventRow, next_event


class Writes(Protocol):
    """The write path (``Editor``, ``PlanService`` or a ``Writer``): creates one record."""

    def create(self, type_name: str, values: dict[str, Any]) -> Any: ...


@dataclass(frozen=True, slots=True)
class ActionChange:
    """An action written during the meeting: new, or which of its fields changed."""

    id: str
    title: str
    new: bool
    fields: dict[str, Any]


@dataclass(slots=True)
class Minutes:
    """What the minutes of one event say."""

    event: EventRow
    organisations: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    unnamed_people: int = 0
    decisions: list[tuple[str, str]] = field(default_factory=list)
    actions: list[ActionChange] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    next: EventRow | None = None


_SHOWN_CHANGES = (
    "title",
    "status",
    "rag",
    "progress",
    "start",
    "end",
    "community_owner",
    "public_owner",
)
_OWNERS = ("community_owner", "public_owner")


def build_minutes(con: sqlite3.Connection, event: EventRow) -> Minutes:
    """The minutes of ``event``; refuses a cancelled event."""
    if event.status == "cancelled":
        raise PlanError(f"The event {event.title!r} was cancelled, so it has no minutes.")
    minutes = Minutes(event, next=next_event(con, event))
    for type_name, name, consent in con.execute(
        "SELECT r.type, coalesce(o.name, p.name), p.consent FROM link l"
        ' JOIN record r ON r.id = l."from" LEFT JOIN organisation o ON o.id = l."from"'
        ' LEFT JOIN person p ON p.id = l."from"'
        " WHERE l.role = 'attended' AND l.deleted = 0 AND r.deleted = 0 AND l.\"to\" = ?"
        " ORDER BY 2",
        (event.id,),
    ):
        if type_name == "organisation":
            minutes.organisations.append(name)
        elif consent == "named_in_reports":
            minutes.people.append(name)
        else:
            minutes.unnamed_people += 1
    minutes.decisions = [
        (headline, body or "")
        for headline, body in con.execute(
            'SELECT n.headline, n.body FROM note n JOIN link l ON l."from" = n.id'
            " AND l.role = 'decided_at' AND l.deleted = 0 WHERE n.deleted = 0"
            " AND n.kind = 'decision' AND l.\"to\" = ? ORDER BY n.date, n.id",
            (event.id,),
        )
    ]
    since_ms = int(event.start.timestamp() * 1000)
    for action_id, title, fields_json in con.execute(
        "SELECT a.id, a.title, r.fields FROM action a JOIN record r ON r.id = a.id"
        " WHERE a.deleted = 0 ORDER BY a.start, a.id"
    ):
        fields = json.loads(fields_json)
        written = {
            name
            for name, sibs in fields.items()
            if not name.startswith("_") and any(_ms(s["at"]) >= since_ms for s in sibs)
        }
        if not written:
            continue
        new = all(_ms(s["at"]) >= since_ms for s in fields.get("_deleted", []))
        shown = {n: fields[n][-1]["v"] for n in _SHOWN_CHANGES if n in written}
        for owner in _OWNERS:
            if shown.get(owner):
                shown[owner] = _organisation_name(con, shown[owner])
        minutes.actions.append(ActionChange(action_id, title or "", new, shown))
    minutes.notes = [
        (headline if about == event.id else f"{headline} (about {label})", body or "")
        for headline, body, about, label in con.execute(
            "SELECT n.headline, n.body, n.about, coalesce(a.title, p.title, k.title, o.name,"
            " e.title, n.about) FROM note n LEFT JOIN action a ON a.id = n.about"
            " LEFT JOIN pledge p ON p.id = n.about LEFT JOIN ask k ON k.id = n.about"
            " LEFT JOIN organisation o ON o.id = n.about LEFT JOIN event e ON e.id = n.about"
            " WHERE n.deleted = 0 AND ((n.about = ? AND n.kind IS NOT 'decision'"
            " AND n.kind IS NOT 'agenda') OR (n.kind = 'minute' AND n.date = ?"
            " AND n.about IS NOT ?)) ORDER BY n.date, n.id",
            (event.id, event.day.isoformat(), event.id),
        )
    ]
    return minutes


def _organisation_name(con: sqlite3.Connection, org_id: str) -> str:
    row = con.execute("SELECT name FROM organisation WHERE id = ?", (org_id,)).fetchone()
    return str(row[0]) if row and row[0] else org_id


def _ms(stamp: str) -> int:
    return clock_ms(stamp.split("@", 1)[0])


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
