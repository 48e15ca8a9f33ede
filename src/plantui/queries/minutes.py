"""The minutes of an event: who came, what was decided, what changed, what was noted.

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
from dataclasses import dataclass
from typing import Any

from plantui.clock import clock_ms
from plantui.domain import record_label
from plantui.errors import PlanError
from plantui.merge import shown_values
from plantui.queries import Plan
from plantui.queries.events import EventRow, find_event, next_event

LIVE = "deleted = 0"
"""Live here means not deleted: a merged organisation still attended under its own name."""


@dataclass(frozen=True, slots=True)
class ActionChange:
    """An action written during the meeting: new, or which of its fields changed."""

    id: str
    title: str
    new: bool
    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Minutes:
    """What the minutes of one event say."""

    event: EventRow
    organisations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    unnamed_people: int = 0
    decisions: tuple[tuple[str, str], ...] = ()
    actions: tuple[ActionChange, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
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
_NAMED_ABOUT = frozenset({"action", "pledge", "ask", "organisation", "event"})
"""Records a note may be about that the minutes name; any other (a person among them:
their consent decides where they are named) is shown by its id."""
_OWNER_TYPES = frozenset({"organisation"})
"""An owner is named when it is an organisation, else shown by its id."""


def build_minutes(plan: Plan, event: str) -> Minutes:
    """The minutes of the live event named by ``event`` (its id, an id prefix or a title
    prefix), from one snapshot; refuses a cancelled event."""
    with plan.snapshot() as con:
        found = find_event(con, event)
        if found.status == "cancelled":
            raise PlanError(f"The event {found.title!r} was cancelled, so it has no minutes.")
        organisations, people, unnamed = _attendance(con, found)
        return Minutes(
            found,
            organisations=organisations,
            people=people,
            unnamed_people=unnamed,
            decisions=_decisions(con, found),
            actions=_actions(con, found),
            notes=_notes(con, found),
            next=next_event(con, found),
        )


def _attendance(
    con: sqlite3.Connection, event: EventRow
) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """Organisations and consenting people by name, and how many other people came."""
    organisations: list[str] = []
    people: list[str] = []
    unnamed = 0
    for type_name, name, consent in con.execute(
        "SELECT r.type, coalesce(o.name, p.name), p.consent FROM link l"
        ' JOIN record r ON r.id = l."from" LEFT JOIN organisation o ON o.id = l."from"'
        ' LEFT JOIN person p ON p.id = l."from"'
        f" WHERE l.role = 'attended' AND l.{LIVE} AND r.{LIVE} AND l.\"to\" = ? ORDER BY 2",
        (event.id,),
    ):
        if type_name == "organisation":
            organisations.append(name)
        elif consent == "named_in_reports":
            people.append(name)
        else:
            unnamed += 1
    return tuple(organisations), tuple(people), unnamed


def _decisions(con: sqlite3.Connection, event: EventRow) -> tuple[tuple[str, str], ...]:
    """Decision notes linked ``decided_at`` the event: headline and body."""
    return tuple(
        (headline, body or "")
        for headline, body in con.execute(
            'SELECT n.headline, n.body FROM note n JOIN link l ON l."from" = n.id'
            f" AND l.role = 'decided_at' AND l.{LIVE} WHERE n.{LIVE}"
            " AND n.kind = 'decision' AND l.\"to\" = ? ORDER BY n.date, n.id",
            (event.id,),
        )
    )


def _actions(con: sqlite3.Connection, event: EventRow) -> tuple[ActionChange, ...]:
    """Actions with a field written at or after the meeting's start, and what they show now."""
    since_ms = int(event.start.timestamp() * 1000)
    changes: list[ActionChange] = []
    for action_id, title, fields_json in con.execute(
        "SELECT a.id, a.title, r.fields FROM action a JOIN record r ON r.id = a.id"
        f" WHERE a.{LIVE} ORDER BY a.start, a.id"
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
                shown[owner] = _label(con, shown[owner], _OWNER_TYPES)
        changes.append(ActionChange(action_id, title or "", new, shown))
    return tuple(changes)


def _notes(con: sqlite3.Connection, event: EventRow) -> tuple[tuple[str, str], ...]:
    """Notes about the event, and minute notes of its day about something else (named)."""
    rows = con.execute(
        f"SELECT n.headline, n.body, n.about FROM note n WHERE n.{LIVE}"
        " AND ((n.about = ? AND n.kind IS NOT 'decision' AND n.kind IS NOT 'agenda')"
        " OR (n.kind = 'minute' AND n.date = ? AND n.about IS NOT ?)) ORDER BY n.date, n.id",
        (event.id, event.day.isoformat(), event.id),
    ).fetchall()
    return tuple(
        (
            headline if about == event.id else f"{headline} (about {_label(con, about)})",
            body or "",
        )
        for headline, body, about in rows
    )


def _label(con: sqlite3.Connection, record_id: str, types: frozenset[str] = _NAMED_ABOUT) -> str:
    """The record's label (deleted records too) when it is one of ``types``, else its id."""
    row = con.execute("SELECT type, fields FROM record WHERE id = ?", (record_id,)).fetchone()
    if row is None or row[0] not in types:
        return record_id
    return record_label(row[0], shown_values(json.loads(row[1])), record_id)


def _ms(stamp: str) -> int:
    return clock_ms(stamp.split("@", 1)[0])
