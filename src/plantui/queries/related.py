"""Following the chain both ways: every record linked to one record, grouped for people.

Generic over docs/record-model.md: outgoing ref fields, incoming ref fields of every type, and
links in both directions, so an ask shows its event, organisations, pledges, actions and notes,
and an organisation shows everything that points at it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from sqlite3 import Connection
from typing import Any

from plantui.domain import TYPES
from plantui.queries import Plan
from plantui.queries.labels import named

LIVE = "deleted = 0"
"""Live here means not deleted: records merged into this one stay, under their own heading."""

LINK_HEADINGS = {
    ("raised_by", "from"): "Raised by",
    ("raised_by", "to"): "Asks it raised",
    ("directed_to", "from"): "Asked of",
    ("directed_to", "to"): "Asks directed to it",
    ("responds_to", "from"): "Answers asks",
    ("responds_to", "to"): "Pledges answering it",
    ("partner", "from"): "Partners",
    ("partner", "to"): "Partner in actions",
    ("hosts", "from"): "Hosted by",
    ("hosts", "to"): "Hosts events",
    ("attended", "from"): "Attended",
    ("attended", "to"): "Attended by",
    ("member_of", "from"): "Member of",
    ("member_of", "to"): "Members",
    ("decided_at", "from"): "Decided at",
    ("decided_at", "to"): "Decisions taken here",
}
INBOUND_HEADINGS = {
    ("ask", "raised_at"): "Asks raised here",
    ("pledge", "made_by"): "Pledges it made",
    ("pledge", "made_at"): "Pledges made here",
    ("action", "ask"): "Actions delivering it",
    ("action", "pledge"): "Actions delivering it",
    ("action", "community_owner"): "Actions it owns (community side)",
    ("action", "public_owner"): "Actions it owns (public side)",
    ("action", "parent"): "Sub-actions",
    ("organisation", "merged_into"): "Duplicates merged into it",
    ("note", "author_person"): "Notes they wrote",
    ("person", "organisation"): "People",
}
SKIP_INBOUND = {("note", "about"), ("link", "from"), ("link", "to")}
LEADS_EVENTS = "Leads: events their organisation hosts"
LEADS_ACTIONS = "Leads: actions their organisation owns"


@dataclass(frozen=True, slots=True)
class Related:
    """One related record under a heading; ``link_id`` is set when a link joins them."""

    heading: str
    record_id: str
    type: str
    label: str
    deleted: bool
    link_id: str | None = None
    role: str | None = None
    extra: str = ""


@dataclass(frozen=True, slots=True)
class _Pending:
    heading: str
    record_id: str
    link_id: str | None = None
    role: str | None = None


def related_records(plan: Plan, record_id: str, type_name: str) -> list[Related]:
    """Everything joined to a record, live records only, in the order of the chain; then
    the notes about it, newest first."""
    with plan.snapshot() as con:
        me = _row(con, type_name, record_id)
        pending = (
            _outgoing(type_name, me) + _links(con, record_id) + _inbound(con, record_id, type_name)
        )
        if type_name == "person" and me is not None:
            pending += _what_they_lead(con, record_id, me.get("organisation"))
        notes = con.execute(
            f"SELECT id, date, headline FROM note WHERE about = ? AND {LIVE}"
            " ORDER BY date DESC, id",
            (record_id,),
        ).fetchall()
    labels = named(plan, {p.record_id for p in pending})
    out: list[Related] = []
    for p in pending:
        found = labels.get(p.record_id)
        out.append(
            Related(
                p.heading,
                p.record_id,
                found.type if found else "unknown",
                found.label if found else p.record_id,
                found.deleted if found else False,
                p.link_id,
                p.role,
            )
        )
    first_seen = {r.heading: n for n, r in reversed(list(enumerate(out)))}
    out.sort(key=lambda r: (first_seen[r.heading], r.label.lower(), r.record_id))
    out += [
        Related("Notes", note_id, "note", headline or "", False, extra=str(day or ""))
        for note_id, day, headline in notes
    ]
    return out


def _row(con: Connection, type_name: str, record_id: str) -> dict[str, Any] | None:
    """The record's projection row as a dict (deleted or not), None when it is not here."""
    cursor = con.execute(f'SELECT * FROM "{type_name}" WHERE id = ?', (record_id,))
    row = cursor.fetchone()
    return dict(zip((d[0] for d in cursor.description), row, strict=True)) if row else None


def _outgoing(type_name: str, me: dict[str, Any] | None) -> list[_Pending]:
    """What the record's own ref fields point to (links and notes show theirs elsewhere)."""
    if me is None or type_name in ("link", "note"):
        return []
    return [
        _Pending(spec.name.replace("_", " ").capitalize(), me[spec.name])
        for spec in TYPES[type_name].fields.values()
        if spec.kind == "ref" and me.get(spec.name)
    ]


def _links(con: Connection, record_id: str) -> list[_Pending]:
    """Live links from or to the record, under the heading of their role and direction."""
    rows = con.execute(
        f'SELECT id, role, "from", "to" FROM link WHERE {LIVE} AND ("from" = ? OR "to" = ?)',
        (record_id, record_id),
    )
    out = []
    for link_id, role, src, dst in rows:
        side = "from" if src == record_id else "to"
        other = dst if side == "from" else src
        out.append(_Pending(LINK_HEADINGS.get((role, side), role), other, link_id, role))
    return out


def _inbound(con: Connection, record_id: str, type_name: str) -> list[_Pending]:
    """Live records of every type whose ref fields point at the record."""
    out = []
    for other_type in TYPES.values():
        for spec in other_type.fields.values():
            if spec.kind != "ref" or (other_type.name, spec.name) in SKIP_INBOUND:
                continue
            if spec.targets and type_name not in spec.targets:
                continue
            heading = INBOUND_HEADINGS.get(
                (other_type.name, spec.name), f"{other_type.name}s ({spec.name})"
            )
            rows = con.execute(
                f'SELECT id FROM "{other_type.name}" WHERE "{spec.name}" = ? AND {LIVE}',
                (record_id,),
            )
            out += [_Pending(heading, other_id) for (other_id,) in rows]
    return out


def _what_they_lead(con: Connection, person_id: str, organisation: str | None) -> list[_Pending]:
    """What a person leads: organisations lead (``hosts`` an event, own an action), so a
    person leads what their organisation (``organisation``, or ``member_of``) leads."""
    orgs: set[str] = {organisation} if organisation else set()
    orgs |= {
        to
        for (to,) in con.execute(
            f'SELECT "to" FROM link WHERE {LIVE} AND role = \'member_of\' AND "from" = ?',
            (person_id,),
        )
        if to
    }
    if not orgs:
        return []
    wanted = sorted(orgs)
    marks = ", ".join("?" * len(wanted))
    events = con.execute(
        f'SELECT "from" FROM link WHERE {LIVE} AND role = \'hosts\' AND "to" IN ({marks})',
        wanted,
    )
    actions = con.execute(
        f"SELECT id FROM action WHERE {LIVE}"
        f" AND (community_owner IN ({marks}) OR public_owner IN ({marks}))",
        wanted + wanted,
    )
    return _unique(LEADS_EVENTS, (e for (e,) in events if e)) + _unique(
        LEADS_ACTIONS, (a for (a,) in actions)
    )


def _unique(heading: str, ids: Iterable[str]) -> list[_Pending]:
    return [_Pending(heading, rid) for rid in dict.fromkeys(ids)]
