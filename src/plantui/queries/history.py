"""A record's past as the History pane shows it, what changed since a moment, and which
laptop wrote a value.

The changes come from ``plantui.queries.changes`` (the ``history`` table, as ``plantui history`` and
``plantui changes`` print it); here a reference is named by the label of what it points to,
so a person reads "Steering meeting" where the record holds an id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plantui.clock import split_stamp
from plantui.domain import TYPES
from plantui.queries import Plan
from plantui.queries.changes import Entry, grouped_changes, record_history
from plantui.queries.labels import named


@dataclass(frozen=True, slots=True)
class Change:
    """One field's change: before and after (references by label), who, which laptop, when."""

    when: str
    """ISO 8601 UTC, to the second."""
    field: str
    before: Any
    after: Any
    who: str
    """The person who made it ("" when nobody was named)."""
    laptop: str
    imported: bool


def changes_of(plan: Plan, record_id: str) -> list[Change]:
    """Every change this copy has seen of one record, oldest first."""
    entries = record_history(plan, record_id)
    labels = _ref_labels(plan, record_id, entries)

    def shown(value: Any) -> Any:
        return labels.get(value, value) if isinstance(value, str) else value

    return [
        Change(e.when, e.field, shown(e.old), shown(e.new), e.who, e.laptop, e.imported)
        for e in entries
    ]


def _ref_labels(plan: Plan, record_id: str, entries: list[Entry]) -> dict[str, str]:
    """id -> label of the records the history's reference fields point to."""
    me = named(plan, [record_id]).get(record_id)
    rtype = TYPES.get(me.type) if me else None
    if rtype is None:
        return {}
    refs = {name for name, spec in rtype.fields.items() if spec.kind == "ref"}
    ids = {
        value
        for e in entries
        if e.field in refs
        for value in (e.old, e.new)
        if isinstance(value, str)
    }
    return {rid: found.label for rid, found in named(plan, ids).items()}


@dataclass(frozen=True, slots=True)
class RecordChange:
    """One record's changes since a moment, summed up."""

    record_id: str
    type: str
    label: str
    what: str
    """added, changed, deleted or restored"""
    fields: tuple[str, ...]
    who: tuple[str, ...]
    when: str


@dataclass(frozen=True, slots=True)
class ChangeGroup:
    """The changes that serve one ask (``ask`` None: the rest), under the ask's name."""

    ask: str | None
    heading: str
    changes: tuple[RecordChange, ...]


def changes_since(plan: Plan, clock: str) -> list[ChangeGroup]:
    """Records changed at or after ``clock`` (a stamp prefix), grouped by ask in rank order,
    then those about no one ask."""
    return [
        ChangeGroup(
            ask,
            heading,
            tuple(
                RecordChange(
                    c.record_id, c.type, c.label, c.what, tuple(c.fields), tuple(c.who), c.when
                )
                for c in items
            ),
        )
        for ask, heading, items in grouped_changes(plan, clock)
    ]


def laptop_of(plan: Plan, at: str) -> str:
    """The laptop that wrote stamp ``at``: this copy's own label for its own writes (marked
    "this laptop"), the label an import brought for another's, else a short replica id."""
    replica = split_stamp(at)[1]
    if not replica:
        return "unknown"
    keys = ("replica_id", "replica_label", f"replica_label:{replica}")
    with plan.snapshot() as con:
        meta = dict(
            con.execute("SELECT key, value FROM meta WHERE key IN (?, ?, ?)", keys).fetchall()
        )
    if replica == meta.get("replica_id"):
        return f"{meta.get('replica_label') or 'this laptop'} (this laptop)"
    return meta.get(f"replica_label:{replica}") or f"laptop {replica[:8]}"
