"""People as the app offers them: who is at the keyboard, and who came to an event.

A person or organisation merged into another is not offered: the one kept stands for both.
"""

from __future__ import annotations

from dataclasses import dataclass

from plantui.errors import PlanError
from plantui.queries import Plan

LIVE = "deleted = 0 AND merged_into IS NULL"
"""A person or organisation still in the plan, not a duplicate merged into another."""


@dataclass(frozen=True, slots=True)
class PersonName:
    """A live person as a choice: the id, and the name (their id when they have none)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Attendee:
    """A person or organisation on an event's check-in list, ticked if it attended."""

    id: str
    name: str
    attended: bool


def people(plan: Plan) -> list[PersonName]:
    """Every live person, by name (case aside)."""
    with plan.snapshot() as con:
        rows = con.execute(
            f"SELECT id, name FROM person WHERE {LIVE} ORDER BY name COLLATE NOCASE, id"
        ).fetchall()
    return [PersonName(rid, name or rid) for rid, name in rows]


def person_name(plan: Plan, person_id: str) -> str | None:
    """A person's name, deleted or merged people too (a past edit may be theirs)."""
    with plan.snapshot() as con:
        row = con.execute("SELECT name FROM person WHERE id = ?", (person_id,)).fetchone()
    return row[0] if row and row[0] else None


EDITORS_HERE = (
    "SELECT COUNT(*) FROM (SELECT DISTINCT by FROM history"
    " WHERE imported = 0 AND by IS NOT NULL LIMIT 2)"
)
"""Up to two people who made edits on this laptop: read from the index ``ix_history_by``
(asked at every start, so it must not read the whole history of a big plan)."""


def shared_laptop(plan: Plan) -> bool:
    """Has more than one person made edits on this laptop? Then the app asks who is editing."""
    with plan.snapshot() as con:
        (count,) = con.execute(EDITORS_HERE).fetchone()
    return bool(count >= 2)


def attendance(plan: Plan, event_id: str) -> list[Attendee]:
    """Every live person and organisation by name, ticked when an ``attended`` link joins
    it to the event."""
    with plan.snapshot() as con:
        came = {
            rid
            for (rid,) in con.execute(
                'SELECT "from" FROM link WHERE role = \'attended\' AND deleted = 0 AND "to" = ?',
                (event_id,),
            )
        }
        rows = con.execute(
            f"SELECT id, name FROM person WHERE {LIVE} UNION ALL"
            f" SELECT id, name FROM organisation WHERE {LIVE} ORDER BY 2, 1"
        ).fetchall()
    return [Attendee(rid, name or rid, rid in came) for rid, name in rows]


def find_person(plan: Plan, text: str) -> str:
    """The id of the live person named ``text`` (whole name, unique prefix, or id)."""
    key = text.strip()
    with plan.snapshot() as con:
        rows = con.execute("SELECT id, name FROM person WHERE deleted = 0").fetchall()
    lowered = key.casefold()
    for matcher in (
        lambda rid, name: rid == lowered,
        lambda rid, name: (name or "").casefold() == lowered,
        lambda rid, name: (name or "").casefold().startswith(lowered),
        lambda rid, name: len(lowered) >= 4 and rid.startswith(lowered),
    ):
        found = [rid for rid, name in rows if matcher(rid, name)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise PlanError(f"More than one person matches {key!r}; give more of the name.")
    raise PlanError(
        f"There is no person named {key!r} in this plan; add one with"
        f' `plantui --as "" add person name="{key}"`.'
    )


def person_names(plan: Plan) -> dict[str, str]:
    """Person id -> name, deleted people included (history still names them)."""
    with plan.snapshot() as con:
        return {rid: name or rid for rid, name in con.execute("SELECT id, name FROM person")}


def has_people(plan: Plan) -> bool:
    """Does the plan hold any person yet (deleted ones included)?"""
    with plan.snapshot() as con:
        return con.execute("SELECT 1 FROM person LIMIT 1").fetchone() is not None
