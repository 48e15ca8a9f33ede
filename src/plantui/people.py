"""Who is at the keyboard: finding a person by name, unique prefix or id.

Every write carries the person who made it (``"by"`` on each sibling, docs/exchange-format.md), so a
shared laptop's history says who typed a change, not just which laptop it came from.
"""

from __future__ import annotations

from plantui.errors import PlanError
from plantui.storage.database import Database


def find_person(db: Database, text: str) -> str:
    """The id of the live person named ``text`` (whole name, unique prefix, or id)."""
    key = text.strip()
    with db.snapshot() as con:
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


def person_names(db: Database) -> dict[str, str]:
    """Person id -> name, deleted people included (history still names them)."""
    with db.snapshot() as con:
        return {rid: name or rid for rid, name in con.execute("SELECT id, name FROM person")}


def has_people(db: Database) -> bool:
    """Does the plan hold any person yet (deleted ones included)?"""
    with db.snapshot() as con:
        return con.execute("SELECT 1 FROM person LIMIT 1").fetchone() is not None
