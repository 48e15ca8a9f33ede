"""Likely duplicates among the live records: what ``plantui duplicates`` lists and what a
record just added is said to look like.

Only live records are offered: a deleted record is gone, and one merged into another is
already taken care of. How two records are compared is :mod:`plantui.duplicates`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from plantui.domain import TYPES
from plantui.duplicates import CHECKED_TYPES, Entry, Likely, pairs, pairs_with
from plantui.queries import Plan

__all__ = ["Likely", "duplicates_in", "likely_duplicates", "looks_like"]

LIVE = "deleted = 0"
"""A record still in the plan."""
NOT_MERGED = " AND merged_into IS NULL"
"""Added to :data:`LIVE` for the types that can be merged: not a duplicate merged away."""


def likely_duplicates(plan: Plan, types: Iterable[str] = CHECKED_TYPES) -> list[Likely]:
    """Every pair of live records of one type that look the same, type by type."""
    with plan.snapshot() as con:
        return duplicates_in(con, types)


def looks_like(plan: Plan, type_name: str, record_id: str) -> list[Likely]:
    """The records a just-added one looks like (same or similar name, same ref code)."""
    if type_name not in CHECKED_TYPES:
        return []
    with plan.snapshot() as con:
        return pairs_with(type_name, _entries(con, type_name), record_id)


def duplicates_in(con: sqlite3.Connection, types: Iterable[str]) -> list[Likely]:
    """:func:`likely_duplicates` as ``con`` sees the plan: for an import, which asks inside
    its own transaction, before it commits (or rolls back a dry run)."""
    found: list[Likely] = []
    for type_name in types:
        found.extend(pairs(type_name, _entries(con, type_name)))
    return found


def _entries(con: sqlite3.Connection, type_name: str) -> list[Entry]:
    """Live records of a type, oldest id first."""
    rtype = TYPES[type_name]
    code = ', "ref_code"' if "ref_code" in rtype.fields else ", ''"
    live = LIVE + (NOT_MERGED if "merged_into" in rtype.fields else "")
    rows = con.execute(
        f'SELECT id, "{rtype.label_field}"{code} FROM "{type_name}" WHERE {live} ORDER BY id'
    )
    return [Entry(r[0], r[1] or "", r[2] or "") for r in rows]
