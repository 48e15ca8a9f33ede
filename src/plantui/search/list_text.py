"""The folded text each record list's `/` box looks in, kept beside the records.

A list filter matches any case, accents or not, the text anywhere in one of the type's
searched fields. Folding those fields in Python on every keystroke took a call per field
per record; the table ``list_text`` holds each listed record's searched fields already
folded, joined by :data:`SEPARATOR`, so one ``LIKE`` in SQLite's C decides, and marks the
live ones, so counting the matches reads no other table. ``storage.records.save_states``
(every edit, import, merge, restore and roll-over) rewrites a record's row in the same
transaction as its projection, deleted and merged records included (a list can show them).
Changing :data:`FIELDS` needs a migration that calls :func:`rebuild_list_text`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from plantui.merge import Fields
from plantui.search.folding import fold
from plantui.search.index import Executor, StoredState, is_findable

FIELDS: dict[str, tuple[str, ...]] = {
    "ask": ("title", "ref_code", "statement", "theme", "status", "population_group"),
    "pledge": ("title", "ref_code", "commitment", "target", "lifecycle"),
    "event": ("title", "location", "kind", "status", "description", "starts_at"),
    "organisation": ("name", "short_name", "sector", "role", "notes", "contact_name"),
    "person": ("name", "job_title", "languages", "notes", "consent"),
}
"""The fields the `/` box of each list looks in (all hold strings: text, enum, when)."""

TABLE = "list_text"
SEPARATOR = "\x1f"
"""Between the fields: a needle without it matches the joined text only inside one field."""


def joined(values: Iterable[object]) -> str | None:
    """The folded fields as one text, or None when every field is empty (null matches
    nothing, as each null field did). Each field is cut at a NUL character, where SQLite's
    ``LIKE`` stops reading it, so a later field is not hidden behind it."""
    parts = [fold(str(v)).split("\0", 1)[0] for v in values if v is not None]
    return SEPARATOR.join(parts) if parts else None


def matches_inside_fields(needle: str) -> bool:
    """Whether a ``LIKE`` of folded ``needle`` on the joined text can only match within one
    field: not if it holds the separator, nor a NUL (the pattern would end there)."""
    return SEPARATOR not in needle and "\0" not in needle


def _shown(fields: Fields, name: str) -> Any:
    """A field's shown value, as its projection holds it (siblings are sorted by stamp)."""
    siblings = fields.get(name)
    return siblings[-1].get("v") if siblings else None


def list_row(record_id: str, type_name: str, fields: Fields) -> tuple[str, str, bool, str | None]:
    """A record's row from its sync state: type, id, whether it is live (neither deleted
    nor merged into another, as the search index decides) and its text."""
    text = joined(_shown(fields, name) for name in FIELDS[type_name])
    return type_name, record_id, is_findable(fields), text


_COLUMNS = "(type, id, live, text) VALUES (?, ?, ?, ?)"
_INSERT = f"INSERT INTO {TABLE} {_COLUMNS}"
_REPLACE = f"INSERT OR REPLACE INTO {TABLE} {_COLUMNS}"


def update_list_text(conn: Executor, states: Iterable[StoredState], *, new: bool = False) -> None:
    """Write the rows of ``states`` of listed types (``new``: ids never written before)."""
    rows = [list_row(s.id, s.type, s.fields) for s in states if s.type in FIELDS]
    if rows:
        conn.exec_driver_sql(_INSERT if new else _REPLACE, rows)


def rebuild_list_text(con: sqlite3.Connection) -> None:
    """Make every row again from the records' sync states (a migration, a repair)."""
    con.execute(f"DELETE FROM {TABLE}")
    types = list(FIELDS)
    marks = ", ".join("?" for _ in types)
    cursor = con.execute(f"SELECT id, type, fields FROM record WHERE type IN ({marks})", types)
    while batch := cursor.fetchmany(2000):
        rows = [list_row(rid, rtype, json.loads(raw)) for rid, rtype, raw in batch]
        con.executemany(_INSERT, rows)
