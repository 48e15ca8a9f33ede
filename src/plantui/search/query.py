"""Answering a search: ranked hits with what a person needs to pick one.

Each word typed is folded, quoted and matched as a prefix ("interp" finds "interpreters"),
so FTS5's own syntax (``"``, ``*``, ``NEAR``, ``AND``, ``(``, ``-``) is only ever text
to look for and a query can never be malformed. Hits are ranked by BM25 with the label and
ref code weighing ten times the other fields.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from plantui.domain import TYPES
from plantui.search.folding import folded_with_positions, words
from plantui.search.index import SEARCHED, TABLE
from plantui.text import ELLIPSIS, one_line, plain

LIMIT = 50
SNIPPET_BEFORE, SNIPPET_AFTER = 30, 70
"""Characters of context shown before and after the first matching word."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One record found: enough to list it and to open it."""

    type: str
    id: str
    ref_code: str | None
    label: str
    snippet: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def match_expression(text: str) -> str | None:
    """The FTS5 query for what a person typed: every word, as a quoted prefix; None if
    the text holds no word at all."""
    found = words(text)
    return " ".join(f'"{w}"*' for w in found) if found else None


def search(
    con: sqlite3.Connection, text: str, type_name: str | None = None, limit: int = LIMIT
) -> list[Hit]:
    """The records whose text holds every word of ``text`` (as word prefixes), best first."""
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
    found = con.execute(sql, params).fetchall()
    shown = _shown_fields(con, found)
    prefixes = words(text)
    hits = []
    for record_id, rtype in found:
        values = shown.get(record_id)
        if values is not None:
            hits.append(_hit(record_id, rtype, values, prefixes))
    return hits


def _shown_fields(con: sqlite3.Connection, found: list[tuple[str, str]]) -> dict[str, dict]:
    """The projection rows of the hits, read type by type."""
    by_type: dict[str, list[str]] = {}
    for record_id, rtype in found:
        by_type.setdefault(rtype, []).append(record_id)
    out: dict[str, dict] = {}
    for rtype, ids in by_type.items():
        label, other = SEARCHED[rtype]
        columns = ", ".join(f'"{c}"' for c in ("id", *label, *other))
        marks = ", ".join("?" for _ in ids)
        cursor = con.execute(f'SELECT {columns} FROM "{rtype}" WHERE id IN ({marks})', ids)
        names = [d[0] for d in cursor.description]
        out.update((row[0], dict(zip(names, row, strict=True))) for row in cursor)
    return out


def _hit(record_id: str, rtype: str, values: dict[str, Any], prefixes: list[str]) -> Hit:
    label = one_line(values.get(TYPES[rtype].label_field) or "")
    ref_code = values.get("ref_code")
    _, other = SEARCHED[rtype]
    # Where the words are beyond the label; the label itself when only it holds them.
    snippet = next(
        (
            s
            for n in other
            if isinstance(v := values.get(n), str) and (s := snippet_of(v, prefixes))
        ),
        label,
    )
    return Hit(rtype, record_id, one_line(ref_code) if ref_code else None, label, snippet)


def snippet_of(text: str, prefixes: list[str]) -> str:
    """A line of ``text`` around the first word starting with one of ``prefixes``, or ""."""
    text = plain(text)
    folded, where = folded_with_positions(text)
    pattern = "|".join(re.escape(p) for p in prefixes)
    found = re.search(rf"(?<![^\W_])(?:{pattern})", folded)
    if found is None:
        return ""
    at = where[found.start()]
    start, end = max(0, at - SNIPPET_BEFORE), min(len(text), at + SNIPPET_AFTER)
    if start and (space := text.find(" ", start, at)) >= 0:
        start = space + 1  # begin at a word, not inside one
    cut = one_line(text[start:end])
    return f"{ELLIPSIS if start else ''}{cut}{ELLIPSIS if end < len(text) else ''}"
