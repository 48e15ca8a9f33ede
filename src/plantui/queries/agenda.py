"""An event's agenda, built from the plan as it stands on the day of the meeting.

Items come in a fixed order of sections: what is overdue, what falls due before the next
meeting of the series, what was reported since the previous one (notes, and actions whose
RAG was changed, read from ``history``), open conflicts and integrity
findings, gaps, asks raised at or put to this event, then the items people added by hand.
Overdue items and gaps come from ``derived`` (the same rules as the Overview and the report),
computed as of the meeting's day so the agenda is the same whenever it is printed.

Items people add are ``note`` records about the event with ``kind: agenda`` (their headline
is the item): each is its own record, so items added on two laptops both arrive and never
conflict (docs/exchange-format.md: many-valued things are records, not list fields). The
order the chair gives items within a section is one value, ``event.agenda_order``: two
laptops reordering at once is a conflict to resolve like any other field's.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from plantui.clock import clock_ms
from plantui.domain import record_label
from plantui.merge import shown_values
from plantui.queries import derived
from plantui.queries.events import (
    EventRow,
    hosts_of,
    next_event,
    previous_event,
    programme_of,
    sessions_of,
)

SECTIONS = {
    "overdue": "Overdue",
    "due": "Due before the next meeting",
    "since": "Reported since the previous meeting",
    "conflicts": "Open conflicts and integrity findings",
    "gaps": "Gaps",
    "asks": "Asks raised at or put to this meeting",
    "added": "Added items",
}
"""Agenda sections in the order they are taken."""

_GAP_KINDS = ("ask_without_pledge", "action_without_public_owner", "action_without_community_owner")


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One thing to take at the meeting, pointing at the record it is about."""

    section: str
    record: str
    type: str
    label: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Session:
    """One event of a programme (events whose ``series`` is the programme's event)."""

    event: EventRow
    hosts: list[str]


@dataclass(slots=True)
class Agenda:
    """The agenda of one event, with its neighbours in the series and its programme."""

    event: EventRow
    previous: EventRow | None
    next: EventRow | None
    items: list[AgendaItem] = field(default_factory=list)
    part_of: EventRow | None = None
    """The programme (series event) this event is a session of."""
    sessions: list[Session] = field(default_factory=list)
    """The sessions of this event when it is a programme, in date order, with their hosts."""

    def sections(self) -> list[tuple[str, list[AgendaItem]]]:
        """The non-empty sections in order, with their items."""
        out = []
        for key, heading in SECTIONS.items():
            mine = [i for i in self.items if i.section == key]
            if mine:
                out.append((heading, mine))
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event.id,
            "title": self.event.title,
            "starts_at": self.event.starts_at,
            "previous": self.previous.id if self.previous else None,
            "next": self.next.id if self.next else None,
            "part_of": self.part_of.id if self.part_of else None,
            "sessions": [
                {
                    "event": s.event.id,
                    "title": s.event.title,
                    "starts_at": s.event.starts_at,
                    "hosts": s.hosts,
                }
                for s in self.sessions
            ],
            "items": [asdict(i) for i in self.items],
        }


def _gap_item(section: str, gap: derived.Gap) -> AgendaItem:
    return AgendaItem(section, gap.record, gap.type, gap.label, gap.message)


def build_agenda(con: sqlite3.Connection, event: EventRow) -> Agenda:
    """The agenda of ``event`` from the plan in ``con`` (a snapshot or a session's connection)."""
    prev, nxt = previous_event(con, event), next_event(con, event)
    agenda = Agenda(event, prev, nxt, part_of=programme_of(con, event))
    agenda.sessions = [Session(s, hosts_of(con, s.id)) for s in sessions_of(con, event)]
    items = agenda.items
    overdue_kinds = ("overdue_action", "overdue_pledge")
    overdue = sorted(
        (g for g in derived.gaps(con, event.day) if g.kind in overdue_kinds), key=_by_due
    )
    items += [_gap_item("overdue", g) for g in overdue]
    if nxt is not None:
        already = {g.record for g in overdue}
        by_next = sorted(derived.gaps(con, nxt.day), key=_by_due)
        items += [
            AgendaItem("due", g.record, g.type, g.label, g.message.replace("Was due", "Due"))
            for g in by_next
            if g.kind in overdue_kinds and g.record not in already
        ]
    since = prev.day.isoformat() if prev else "0000-00-00"
    for note_id, headline, rag, day, about in con.execute(
        "SELECT id, headline, rag, date, about FROM note WHERE deleted = 0 AND date >= ?"
        " AND date < ? AND kind IS NOT 'agenda' AND kind IS NOT 'decision'"
        " ORDER BY date, headline, id",
        (since, event.day.isoformat()),
    ):
        detail = f"{day}" + (f", RAG {rag}" if rag else "") + f" (about {_label(con, about)})"
        items.append(AgendaItem("since", note_id, "note", headline or "", detail))
    items += _rag_changes(con, prev, event)
    for conflict in derived.open_conflicts(con):
        what = conflict.field or "deleted on one copy, edited on another"
        items.append(AgendaItem("conflicts", conflict.record, conflict.type, conflict.label, what))
    for finding in derived.integrity_findings(con):
        label = _label(con, finding.record)
        items.append(AgendaItem("conflicts", finding.record, finding.type, label, finding.message))
    gaps = sorted(derived.gaps(con, event.day), key=lambda g: (g.kind, g.label, g.record))
    items += [_gap_item("gaps", g) for g in gaps if g.kind in _GAP_KINDS]
    for ask_id, code, title, how in con.execute(
        "SELECT id, ref_code, title, 'raised here' FROM ask WHERE deleted = 0 AND raised_at = ?"
        " UNION SELECT a.id, a.ref_code, a.title, 'put to a host of this meeting' FROM ask a"
        " JOIN link d ON d.\"from\" = a.id AND d.role = 'directed_to' AND d.deleted = 0"
        ' JOIN link h ON h."to" = d."to" AND h.role = \'hosts\' AND h.deleted = 0'
        ' WHERE a.deleted = 0 AND h."from" = ? AND a.id NOT IN'
        " (SELECT id FROM ask WHERE raised_at = ?) ORDER BY 2, 1",
        (event.id, event.id, event.id),
    ):
        label = f"{code} {title}" if code else title
        items.append(AgendaItem("asks", ask_id, "ask", label or "", how))
    for note_id, headline, body in con.execute(
        "SELECT id, headline, body FROM note WHERE deleted = 0 AND about = ? AND kind = 'agenda'"
        " ORDER BY date, id",
        (event.id,),
    ):
        items.append(AgendaItem("added", note_id, "note", headline or "", body or ""))
    agenda.items = in_chairs_order(items, event.agenda_order)
    return agenda


def _key(item: AgendaItem) -> str:
    return f"{item.section} {item.record}"


def in_chairs_order(items: list[AgendaItem], order: str | None) -> list[AgendaItem]:
    """Items by section; within one, those the chair placed (``event.agenda_order``: a line
    ``SECTION RECORD_ID`` each) first in that order, the rest as the plan gives them."""
    placed = {line.strip(): n for n, line in enumerate((order or "").splitlines())}
    sections = list(SECTIONS)
    ranked = sorted(
        enumerate(items),
        key=lambda pair: (
            sections.index(pair[1].section),
            placed.get(_key(pair[1]), len(placed)),
            pair[0],
        ),
    )
    return [item for _, item in ranked]


def moved(items: list[AgendaItem], index: int, step: int) -> str | None:
    """The ``agenda_order`` text with item ``index`` moved ``step`` places within its
    section, or None when it is already at that end of the section."""
    other = index + step
    if not (0 <= index < len(items) and 0 <= other < len(items)):
        return None
    if items[other].section != items[index].section:
        return None
    keys = [_key(i) for i in items]
    keys[index], keys[other] = keys[other], keys[index]
    return "\n".join(dict.fromkeys(keys))


def _by_due(gap: derived.Gap) -> tuple[str, str, str]:
    """Overdue and due items, oldest date first (the message names the date)."""
    return (gap.message, gap.label, gap.record)


def _rag_changes(
    con: sqlite3.Connection, prev: EventRow | None, event: EventRow
) -> list[AgendaItem]:
    """Actions whose RAG was changed since the previous meeting, from the
    ``history`` of every copy's edits: one item per action, its RAG then and now."""
    since = int(prev.start.timestamp() * 1000) if prev else 0
    until = int(event.start.timestamp() * 1000)
    changed: dict[str, list[Any]] = {}
    for record_id, title, at, changes in con.execute(
        "SELECT h.record_id, a.title, h.at, h.changes FROM history h JOIN action a"
        " ON a.id = h.record_id WHERE a.deleted = 0 AND h.changes LIKE '%\"rag\"%'"
        " ORDER BY h.at, h.seq"
    ):
        moment = clock_ms(at.split("@", 1)[0])
        old, new = json.loads(changes).get("rag", [None, None])
        if since <= moment < until:
            first = changed.setdefault(record_id, [title, old, new, moment])
            first[2:] = [new, moment]
    items = []
    for record_id, (title, old, new, moment) in changed.items():
        if old != new:
            day = dt.datetime.fromtimestamp(moment / 1000, dt.UTC).date().isoformat()
            detail = f"{day}, RAG {old or 'none'} → {new or 'none'}"
            items.append(AgendaItem("since", record_id, "action", title or "", detail))
    return items


def _label(con: sqlite3.Connection, record_id: str) -> str:
    """A record's name or title for a line of the agenda."""
    row = con.execute("SELECT type, fields FROM record WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        return record_id
    return record_label(row[0], shown_values(json.loads(row[1])), record_id)
