"""Following the chain both ways: every record linked to one record, grouped for people.

Generic over docs/record-model.md: outgoing ref fields, incoming ref fields of every type, and links
in both directions, so an ask shows its event, organisations, pledges, actions and notes,
and an organisation shows everything that points at it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from plantui.domain import TYPES
from plantui.merge import shown_sibling
from plantui.storage.models import PROJECTIONS, Link, Note, Record

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


def _labels(session: Session, ids: set[str]) -> dict[str, tuple[str, str, bool]]:
    """id -> (type, label, deleted) for the records that exist."""
    out: dict[str, tuple[str, str, bool]] = {}
    if not ids:
        return out
    rows = session.execute(
        select(Record.id, Record.type, Record.fields, Record.deleted).where(Record.id.in_(ids))
    ).all()
    for row in rows:
        fields: dict[str, Any] = json.loads(row.fields)
        rtype = TYPES.get(row.type)
        name = rtype.label_field if rtype else "title"
        sib = shown_sibling(fields.get(name, []))
        label = str(sib["v"]) if sib and sib.get("v") is not None else row.id
        out[row.id] = (row.type, label, bool(row.deleted))
    return out


def related_records(session: Session, record_id: str, type_name: str) -> list[Related]:
    """Everything joined to a record, live records only, in the order of the chain."""
    rtype = TYPES[type_name]
    pending: list[tuple[str, str, str | None, str | None]] = []  # heading, id, link, role
    model = PROJECTIONS[type_name]
    me = session.get(model, record_id)
    if me is not None:
        for spec in rtype.fields.values():
            if spec.kind == "ref" and type_name not in ("link", "note"):
                target = getattr(me, spec.name, None)
                if target:
                    pending.append((spec.name.replace("_", " ").capitalize(), target, None, None))
    links = session.execute(
        select(Link.id, Link.role, Link.from_, Link.to).where(
            Link.deleted.is_(False), or_(Link.from_ == record_id, Link.to == record_id)
        )
    ).all()
    for link in links:
        side = "from" if link.from_ == record_id else "to"
        other = link.to if side == "from" else link.from_
        heading = LINK_HEADINGS.get((link.role, side), link.role)
        pending.append((heading, other, link.id, link.role))
    for other_type in TYPES.values():
        for spec in other_type.fields.values():
            if spec.kind != "ref" or (other_type.name, spec.name) in SKIP_INBOUND:
                continue
            if spec.targets and type_name not in spec.targets:
                continue
            other_model = PROJECTIONS[other_type.name]
            column = other_model.__table__.c[spec.name]
            heading = INBOUND_HEADINGS.get(
                (other_type.name, spec.name), f"{other_type.name}s ({spec.name})"
            )
            for (other_id,) in session.execute(
                select(other_model.id).where(column == record_id, other_model.deleted.is_(False))
            ):
                pending.append((heading, other_id, None, None))
    labels = _labels(session, {p[1] for p in pending})
    out: list[Related] = []
    for heading, other, link_id, role in pending:
        other_kind, label, deleted = labels.get(other, ("unknown", other, False))
        out.append(Related(heading, other, other_kind, label, deleted, link_id, role))
    first_seen = {r.heading: n for n, r in reversed(list(enumerate(out)))}
    out.sort(key=lambda r: (first_seen[r.heading], r.label.lower(), r.record_id))
    notes = session.execute(
        select(Note.id, Note.date, Note.headline, Note.rag)
        .where(Note.about == record_id, Note.deleted.is_(False))
        .order_by(Note.date.desc(), Note.id)
    ).all()
    for note in notes:
        out.append(
            Related(
                "Notes", note.id, "note", note.headline or "", False, extra=str(note.date or "")
            )
        )
    return out
