"""Reading and writing record state rows, with their projections kept in step.

The write path (service) and the import (exchange) both end here, so a record's sync
state and the typed row screens read can never drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from plantui import merge
from plantui.domain import DELETED, TYPES, Kind
from plantui.search.index import update_index
from plantui.search.list_text import update_list_text
from plantui.storage.models import Record

_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def dumps(value: Any) -> str:
    """Canonical compact JSON, so equal states are equal bytes."""
    return _ENCODER.encode(value)


@dataclass(slots=True)
class RecordState:
    """A record as docs/exchange-format.md defines it: id, type, version vector and siblings per
    field."""

    id: str
    type: str
    vv: merge.VersionVector
    fields: merge.Fields

    @property
    def deleted(self) -> bool:
        return merge.is_deleted(self.fields)

    def shown(self) -> dict[str, Any]:
        return merge.shown_values(self.fields)

    def to_exchange(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.id, "vv": self.vv, "fields": self.fields}


def state_from_row(row: Any) -> RecordState:
    return RecordState(row.id, row.type, json.loads(row.vv), json.loads(row.fields))


def load_state(session: Session, record_id: str) -> RecordState | None:
    row = session.execute(
        select(Record.id, Record.type, Record.vv, Record.fields).where(Record.id == record_id)
    ).first()
    return None if row is None else state_from_row(row)


def record_row(state: RecordState) -> tuple[Any, ...]:
    """The ``record`` table row for a state, with its derived flags, in _RECORD_COLUMNS order."""
    fields = state.fields
    return (
        state.id,
        state.type,
        dumps(state.vv),
        dumps(fields),
        merge.is_deleted(fields),
        " ".join(merge.conflict_fields(fields)),
        merge.delete_edit_conflict(fields),
        merge.max_clock(state.vv),
    )


def _projection_tuple(state: RecordState, specs: list[tuple[str, Kind]]) -> tuple[Any, ...]:
    """Shown values as stored by SQLAlchemy's SQLite types (dates as ISO text), in order.

    Siblings are kept sorted by stamp, so the shown value is simply the last one.
    """
    fields = state.fields
    deleted = fields.get(DELETED)
    values: list[Any] = [state.id, bool(deleted and deleted[-1]["v"] is True)]
    for name, kind in specs:
        sibs = fields.get(name)
        value = sibs[-1]["v"] if sibs else None
        if kind == "date" and not (isinstance(value, str) and len(value) == 10):
            value = None
        values.append(value)
    return tuple(values)


_RECORD_COLUMNS = "id, type, vv, fields, deleted, conflicts, delete_conflict, max_clock"
_INSERT_RECORD = f"INSERT INTO record ({_RECORD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
_UPSERT_RECORD = (
    _INSERT_RECORD + " ON CONFLICT (id) DO UPDATE SET vv = excluded.vv,"
    " fields = excluded.fields, deleted = excluded.deleted, conflicts = excluded.conflicts,"
    " delete_conflict = excluded.delete_conflict, max_clock = excluded.max_clock"
)


def _projection_sql(type_name: str, replace: bool) -> tuple[str, list[tuple[str, Kind]]]:
    specs = [(name, spec.kind) for name, spec in TYPES[type_name].fields.items()]
    columns = ", ".join(f'"{c}"' for c in ["id", "deleted", *(n for n, _ in specs)])
    marks = ", ".join("?" for _ in range(len(specs) + 2))
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    return f'{verb} INTO "{type_name}" ({columns}) VALUES ({marks})', specs


def _shown_of(siblings: list[merge.Sibling] | None) -> Any:
    return max(siblings, key=lambda s: s["at"])["v"] if siblings else None


def history_rows(
    state: RecordState, before: merge.Fields | None, imported: bool
) -> list[tuple[Any, ...]]:
    """``history`` rows for the siblings ``state`` holds that ``before`` did not.

    One row per stamp: a write's fields share its stamp. A new record written by one stamp
    (every record an import brings, every ``add``) is a row with ``changes`` NULL: its
    values are its siblings of that stamp, or the "before" of the row that later replaced
    each (``history.record_history`` reads them back). Writing no copy of the values keeps
    a 20,000-action import within its budget.
    """
    if not before:
        ats = {sib["at"] for siblings in state.fields.values() for sib in siblings}
        if len(ats) == 1:
            first = next(iter(state.fields.values()))[0]
            return [(state.id, state.type, first["at"], first.get("by"), imported, None)]
    by_stamp: dict[str, dict[str, list[Any]]] = {}
    writers: dict[str, Any] = {}
    for name, siblings in state.fields.items():
        had = before.get(name) if before else None
        seen = {s["at"] for s in had} if had else ()
        old = _shown_of(had)
        for sib in siblings:
            at = sib["at"]
            if at not in seen:
                changes = by_stamp.get(at)
                if changes is None:
                    changes = by_stamp[at] = {}
                    writers[at] = sib.get("by")
                changes[name] = [old, sib["v"]]
    rid, rtype = state.id, state.type
    if len(by_stamp) == 1:
        ((at, changes),) = by_stamp.items()
        return [(rid, rtype, at, writers[at], imported, _HISTORY_JSON(changes))]
    return [
        (rid, rtype, at, writers[at], imported, _HISTORY_JSON(changes))
        for at, changes in sorted(by_stamp.items())
    ]


_HISTORY_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
_INSERT_HISTORY = (
    "INSERT INTO history (record_id, type, at, by, imported, changes) VALUES (?, ?, ?, ?, ?, ?)"
)


def _fields_before(session: Session, ids: list[str]) -> dict[str, merge.Fields]:
    out: dict[str, merge.Fields] = {}
    for i in range(0, len(ids), 900):
        rows = session.execute(
            select(Record.id, Record.fields).where(Record.id.in_(ids[i : i + 900]))
        )
        out.update((rid, json.loads(raw)) for rid, raw in rows)
    return out


def save_states(
    session: Session,
    states: Iterable[RecordState],
    *,
    new: bool = False,
    imported: bool = False,
) -> None:
    """Write states, their projections and their history; ``new`` skips the upsert for fresh ids.

    Rows go to SQLite through ``executemany`` with plain tuples: imports write tens of
    thousands of records and must stay close to the speed of plain sqlite3. Every path
    that writes a record ends here, so this is where each new sibling enters ``history``
    (``imported`` says it came in an exchange file), in the same transaction, and where
    the search index learns its words and the list filters their folded text.
    """
    states = list(states)
    if not states:
        return
    before = {} if new else _fields_before(session, [s.id for s in states])
    history = [row for s in states for row in history_rows(s, before.get(s.id), imported)]
    conn = session.connection()
    if history:
        conn.exec_driver_sql(_INSERT_HISTORY, history)
    conn.exec_driver_sql(_INSERT_RECORD if new else _UPSERT_RECORD, [record_row(s) for s in states])
    by_type: dict[str, list[RecordState]] = {}
    for state in states:
        if state.type in TYPES:
            by_type.setdefault(state.type, []).append(state)
    for type_name, group in by_type.items():
        sql, specs = _projection_sql(type_name, replace=not new)
        conn.exec_driver_sql(sql, [_projection_tuple(s, specs) for s in group])
    update_index(conn, states, new=new)
    update_list_text(conn, states, new=new)
