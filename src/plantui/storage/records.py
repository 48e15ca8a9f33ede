"""Reading and writing record state rows, with their projections kept in step.

The write path (service) and the import (exchange) both end here, so a record's sync
state and the typed row screens read can never drift apart.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from plantui import merge
from plantui.domain import DELETED, TYPES
from plantui.storage.models import PROJECTIONS, Record


def dumps(value: Any) -> str:
    """Canonical compact JSON, so equal states are equal bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(slots=True)
class RecordState:
    """A record as SYNC.md defines it: id, type, version vector and siblings per field."""

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


def load_states(session: Session, ids: Iterable[str]) -> dict[str, RecordState]:
    """States of the given ids that exist, fetched in chunks within SQLite's variable limit."""
    ids = list(ids)
    out: dict[str, RecordState] = {}
    cols = (Record.id, Record.type, Record.vv, Record.fields)
    for i in range(0, len(ids), 900):
        for row in session.execute(select(*cols).where(Record.id.in_(ids[i : i + 900]))):
            out[row.id] = state_from_row(row)
    return out


def record_row(state: RecordState) -> dict[str, Any]:
    """The ``record`` table row for a state, with its derived flags."""
    return {
        "id": state.id,
        "type": state.type,
        "vv": dumps(state.vv),
        "fields": dumps(state.fields),
        "deleted": merge.is_deleted(state.fields),
        "conflicts": " ".join(merge.conflict_fields(state.fields)),
        "delete_conflict": merge.delete_edit_conflict(state.fields),
        "max_clock": merge.max_clock(state.vv),
    }


def _column_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date":
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return None
    return value


def projection_row(state: RecordState) -> dict[str, Any] | None:
    """The typed row of the shown values, or None for a record type this version lacks."""
    rtype = TYPES.get(state.type)
    if rtype is None:
        return None
    shown = merge.shown_values(state.fields)
    row = {"id": state.id, "deleted": shown.get(DELETED) is True}
    for name, spec in rtype.fields.items():
        row[name] = _column_value(spec.kind, shown.get(name))
    return row


_INSERT_RECORD = text(
    "INSERT INTO record (id, type, vv, fields, deleted, conflicts, delete_conflict, max_clock)"
    " VALUES (:id, :type, :vv, :fields, :deleted, :conflicts, :delete_conflict, :max_clock)"
)
_UPSERT_RECORD = text(
    str(_INSERT_RECORD) + " ON CONFLICT (id) DO UPDATE SET vv = excluded.vv,"
    " fields = excluded.fields, deleted = excluded.deleted, conflicts = excluded.conflicts,"
    " delete_conflict = excluded.delete_conflict, max_clock = excluded.max_clock"
)


def save_states(session: Session, states: Iterable[RecordState], *, new: bool = False) -> None:
    """Write states and their projections; ``new`` skips the replace for fresh ids."""
    states = list(states)
    if not states:
        return
    session.execute(_INSERT_RECORD if new else _UPSERT_RECORD, [record_row(s) for s in states])
    by_type: dict[str, list[dict[str, Any]]] = {}
    for state in states:
        row = projection_row(state)
        if row is not None:
            by_type.setdefault(state.type, []).append(row)
    for type_name, rows in by_type.items():
        table = PROJECTIONS[type_name].__table__  # type: ignore[attr-defined]
        stmt = insert(table)
        if not new:
            stmt = stmt.prefix_with("OR REPLACE")
        session.execute(stmt, rows)


def rebuild_projections(session: Session) -> None:
    """Make every projection row again from record state (after a schema change)."""
    for model in PROJECTIONS.values():
        session.execute(delete(model))
    rows = session.execute(select(Record.id, Record.type, Record.vv, Record.fields)).all()
    by_type: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        proj = projection_row(state_from_row(row))
        if proj is not None:
            by_type.setdefault(row.type, []).append(proj)
    for type_name, proj_rows in by_type.items():
        session.execute(insert(PROJECTIONS[type_name].__table__), proj_rows)  # type: ignore[attr-defined]
