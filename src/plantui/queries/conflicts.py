"""Open conflicts as ``plantui conflicts`` lists them, and as the Conflicts screen shows them:
each value with who wrote it and when.

The conflicts themselves are :func:`plantui.queries.derived.open_conflicts` (the same as the
Overview), read here on a plain snapshot; for the screen this module adds what a person needs
to choose: the values newest first, the laptop that wrote each, and the time.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

from plantui.clock import clock_ms, split_stamp
from plantui.queries import Plan, derived
from plantui.text import one_line, show_value


@dataclass(frozen=True, slots=True)
class Written:
    """One value of a conflict: the stamp that keeps it, the value shown, and its author."""

    at: str
    value: str
    """The value on one line as a person reads it ("(empty)" for none)."""
    who: str
    """The laptop that wrote it: this one by its own name, another by its label or short id."""
    when: str
    """Local date and time to the minute, or "unknown time"."""
    field: str | None = None
    """For an edit a deletion did not see: the field it changed."""


@dataclass(frozen=True, slots=True)
class ConflictView:
    """An open conflict with its values ready to show.

    A field conflict's values come newest first (the one shown now leads); a delete/edit
    conflict's first value is the deletion, then each edit it did not see.
    """

    record: str
    type: str
    kind: Literal["field", "delete_edit"]
    field: str | None
    label: str
    values: tuple[Written, ...]

    @property
    def key(self) -> str:
        """Names the conflict among the others (a record can have several)."""
        return f"{self.record}:{self.field or '-'}"


def open_conflicts_in(plan: Plan) -> list[derived.Conflict]:
    """Every open conflict with its values as stored (``plantui conflicts`` and its JSON)."""
    with plan.snapshot() as con:
        return derived.open_conflicts(con)


def open_conflicts(plan: Plan) -> list[ConflictView]:
    """Every open conflict, in the order ``plantui conflicts`` lists them."""
    with plan.snapshot() as con:
        conflicts = derived.open_conflicts(con)
        authors = _Authors(con)
        return [_view(c, authors) for c in conflicts]


def _view(conflict: derived.Conflict, authors: _Authors) -> ConflictView:
    if conflict.kind == "field":
        ordered = sorted(conflict.values, key=lambda s: s["at"], reverse=True)
        values = tuple(_written(s, authors) for s in ordered)
    else:
        deleting, *edits = conflict.values
        values = (
            Written(deleting.get("at", ""), "Deleted", *authors.of(deleting.get("at", ""))),
            *(_written(s, authors, s.get("field")) for s in edits),
        )
    return ConflictView(
        conflict.record,
        conflict.type,
        conflict.kind,
        conflict.field,
        one_line(conflict.label),
        values,
    )


def _written(sibling: dict[str, Any], authors: _Authors, field: str | None = None) -> Written:
    value = one_line(show_value(sibling.get("v"), empty="(empty)"))
    return Written(sibling["at"], value, *authors.of(sibling["at"]), field)


class _Authors:
    """Who wrote a stamp ``<clock>@<replica_id>``, from this copy's facts read once."""

    def __init__(self, con: sqlite3.Connection) -> None:
        facts = dict(
            con.execute(
                "SELECT key, value FROM meta"
                " WHERE key IN ('replica_id', 'replica_label') OR key LIKE 'replica_label:%'"
            ).fetchall()
        )
        self.mine = facts.get("replica_id")
        self.own_label = one_line(facts.get("replica_label") or "") or "this laptop"
        self.labels = {
            key.removeprefix("replica_label:"): value
            for key, value in facts.items()
            if key.startswith("replica_label:")
        }

    def of(self, at: str) -> tuple[str, str]:
        """(who, when) for the stamp ``at``."""
        return self._who(at), _when(at)

    def _who(self, at: str) -> str:
        replica = split_stamp(at)[1]
        if replica and replica == self.mine:
            return f"{self.own_label} (this laptop)"
        known = self.labels.get(replica) if replica else None
        if known:
            return one_line(known)
        return f"laptop {replica[:8]}" if replica else "unknown"


def _when(at: str) -> str:
    try:
        ms = clock_ms(split_stamp(at)[0])
    except ValueError:
        return "unknown time"
    when = dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).astimezone()
    return when.strftime("%Y-%m-%d %H:%M")
