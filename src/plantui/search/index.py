"""Keeping the full-text index in step with the records, in the same transaction.

``storage.records.save_states`` (the one place every edit, import and roll-over writes a
record) calls :func:`update_index`, so a record is findable the moment its write commits and
never after it is deleted or merged into another. Each record is one row of the FTS5 table
``search_index``: its label and ref code (ranked higher) and its other text fields, folded by
:func:`plantui.search.folding.fold`. Which fields are text comes from ``domain.TYPES``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any, Protocol

from plantui.domain import DELETED, TYPES
from plantui.merge import Fields
from plantui.search.folding import fold
from plantui.text import plain

TABLE = "search_index"
CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "record_id UNINDEXED, type UNINDEXED, label, body,"
    " tokenize = 'unicode61 remove_diacritics 2')"
)
"""Text is folded before it is stored; the tokenizer only splits it into words."""

NOT_WORDS = frozenset({"rank", "carried_from", "previous_plan", "agenda_order"})
"""Text fields that hold ids or sort keys, never words a person would search for."""


def _searched_fields(type_name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(label fields, other text fields) of a record type, read from ``domain.TYPES``."""
    rtype = TYPES[type_name]
    text = [
        name for name, spec in rtype.fields.items() if spec.kind == "text" and name not in NOT_WORDS
    ]
    label = tuple(name for name in (rtype.label_field, "ref_code") if name in text)
    return label, tuple(name for name in text if name not in label)


SEARCHED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    name: fields for name in TYPES if any(fields := _searched_fields(name))
}
"""Record type -> (label fields, other text fields), for the types that have text."""


def index_rowid(record_id: str) -> int:
    """A record's row in the index, derived from its id, so it can be replaced without a
    lookup (FTS5 cannot look up an unindexed column quickly). 63 bits of a hash: two ids of
    one plan sharing a row is about as likely as two random UUIDs being equal."""
    from hashlib import blake2b  # here: the list screens import this module only to read

    digest = blake2b(record_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _shown(fields: Fields, name: str) -> Any:
    """A field's shown value: siblings are kept sorted by stamp, so the last one's."""
    siblings = fields.get(name)
    return siblings[-1].get("v") if siblings else None


def is_findable(fields: Fields) -> bool:
    """Deleted records and those merged into another are left out of the index."""
    return _shown(fields, DELETED) is not True and not _shown(fields, "merged_into")


def index_row(
    record_id: str, type_name: str, fields: Fields
) -> tuple[int, str, str, str, str] | None:
    """The index row of a record from its sync state, or None if it is not findable."""
    searched = SEARCHED.get(type_name)
    if searched is None or not is_findable(fields):
        return None
    label, other = searched
    return (
        index_rowid(record_id),
        record_id,
        type_name,
        _words_of(fields, label),
        _words_of(fields, other),
    )


def _words_of(fields: Fields, names: tuple[str, ...]) -> str:
    """The folded text of some fields, escape sequences removed (they are not words)."""
    return fold(plain("\n".join(v for n in names if isinstance(v := _shown(fields, n), str))))


class StoredState(Protocol):
    """A record's sync state as the write path hands it over (``RecordState``)."""

    id: str
    type: str
    fields: Fields


class Executor(Protocol):
    """The write path's connection, inside its transaction."""

    def exec_driver_sql(self, sql: str, parameters: Any = ...) -> Any: ...


_DELETE = f"DELETE FROM {TABLE} WHERE rowid = ?"
_INSERT = f"INSERT INTO {TABLE} (rowid, record_id, type, label, body) VALUES (?, ?, ?, ?, ?)"


def update_index(conn: Executor, states: Iterable[StoredState], *, new: bool = False) -> None:
    """Replace the index rows of ``states`` (``new``: ids the index has never held)."""
    states = [s for s in states if s.type in SEARCHED]
    if not states:
        return
    if not new:
        conn.exec_driver_sql(_DELETE, [(index_rowid(s.id),) for s in states])
    rows = [row for s in states if (row := index_row(s.id, s.type, s.fields)) is not None]
    if rows:
        conn.exec_driver_sql(_INSERT, rows)


def rebuild_index(con: sqlite3.Connection) -> None:
    """Make the index again from every record's sync state (a migration, a repair)."""
    con.execute(f"DELETE FROM {TABLE}")
    types = list(SEARCHED)
    marks = ", ".join("?" for _ in types)
    cursor = con.execute(f"SELECT id, type, fields FROM record WHERE type IN ({marks})", types)
    while batch := cursor.fetchmany(2000):
        rows = []
        for record_id, type_name, raw in batch:
            row = index_row(record_id, type_name, json.loads(raw))
            if row is not None:
                rows.append(row)
        con.executemany(_INSERT, rows)


def is_index_table(name: str | None) -> bool:
    """The FTS5 table and the shadow tables SQLite keeps for it: not models of ours, so
    schema comparisons (Alembic's) leave them out."""
    return name is not None and (name == TABLE or name.startswith(f"{TABLE}_"))
