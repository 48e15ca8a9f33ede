"""Record search: the best live records for the words typed, in one snapshot.

The one place a search runs. Hits are ranked by BM25 with the label and ref code weighing ten
times the other fields; what a hit shows, and how the words typed become an FTS5 match, is
:mod:`plantui.search.hits`. Deleted and merged records are never in the index
(:mod:`plantui.search.index`), so they are never found.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from plantui.queries import Plan
from plantui.search.folding import words
from plantui.search.hits import Hit, hit_of, match_expression
from plantui.search.index import SEARCHED, TABLE

LIMIT = 50
"""How many records a search lists at most, unless told otherwise."""
PALETTE_HITS = 20
"""How many records the palette lists at once."""

__all__ = ["LIMIT", "PALETTE_HITS", "Hit", "find_records", "search"]


def search(plan: Plan, text: str, type_name: str | None = None, limit: int = LIMIT) -> list[Hit]:
    """The records (of ``type_name``, if given) whose text holds every word of ``text`` as
    word prefixes, case and accents aside, best first."""
    expression = match_expression(text)
    if expression is None:
        return []
    sql = f"SELECT record_id, type FROM {TABLE} WHERE {TABLE} MATCH ?"
    params: list[Any] = [expression]
    if type_name is not None:
        sql += " AND type = ?"
        params.append(type_name)
    sql += f" ORDER BY bm25({TABLE}, 0, 0, 10.0, 1.0) LIMIT ?"
    params.append(limit)
    with plan.snapshot() as con:
        found = con.execute(sql, params).fetchall()
        shown = _shown_fields(con, found)
    prefixes = words(text)
    return [
        hit_of(record_id, rtype, shown[record_id], prefixes)
        for record_id, rtype in found
        if record_id in shown
    ]


def find_records(plan: Plan, text: str, limit: int = PALETTE_HITS) -> list[Hit]:
    """The palette's search: the best records of any type for ``text``."""
    return search(plan, text, limit=limit)


def _shown_fields(
    con: sqlite3.Connection, found: list[tuple[str, str]]
) -> dict[str, dict[str, Any]]:
    """The projection rows of the hits, read type by type."""
    by_type: dict[str, list[str]] = {}
    for record_id, rtype in found:
        by_type.setdefault(rtype, []).append(record_id)
    out: dict[str, dict[str, Any]] = {}
    for rtype, ids in by_type.items():
        label, other = SEARCHED[rtype]
        columns = ", ".join(f'"{c}"' for c in ("id", *label, *other))
        marks = ", ".join("?" for _ in ids)
        cursor = con.execute(f'SELECT {columns} FROM "{rtype}" WHERE id IN ({marks})', ids)
        names = [d[0] for d in cursor.description]
        out.update((row[0], dict(zip(names, row, strict=True))) for row in cursor)
    return out
