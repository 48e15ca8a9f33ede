"""Records one by one and by type, with their open conflicts: what ``plantui show`` and
``plantui list`` print.

Read from the ``record`` table (the shown values come from the stored siblings, so a field a
newer copy wrote is shown too) and ordered through the type's projection table.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from plantui import merge
from plantui.domain import DELETED, InvalidValue, RecordType, record_label, record_type
from plantui.domain import values_in_field_order as in_field_order
from plantui.errors import PlanError
from plantui.queries import Plan
from plantui.ref_order import by_ref_code

COLUMNS = "r.id, r.type, r.fields"
"""What a record is read from: its id, its type and its siblings (JSON)."""

BY_COLUMNS: dict[str, tuple[str, ...]] = {
    "ask": ("rank",),
    "event": ("starts_at",),
    "action": ("start", "end"),
    "note": ("date",),
    "dependency": ("from", "to"),
    "link": ("role", "from", "to"),
}
"""Types listed by projection columns (asks by rank; events, actions and notes by date, as a
plan is read); other types
with a ref code go in natural ref order, the rest by their label field."""


@dataclass(frozen=True, slots=True)
class Sibling:
    """One of the values a field in conflict holds, with its stamp."""

    value: Any
    at: str


@dataclass(frozen=True, slots=True)
class RecordItem:
    """A record as people see it: shown values, deletion and open conflicts."""

    id: str
    type: str
    values: Mapping[str, Any]
    """Every field of the type in the model's order (null when unset), then unknown ones."""
    deleted: bool
    conflicts: tuple[str, ...]
    """Fields holding more than one value, by name."""
    delete_conflict: bool
    """Deleted while someone else edited it."""
    siblings: Mapping[str, tuple[Sibling, ...]]
    """The values of each field in :attr:`conflicts`, as stored."""

    @property
    def label(self) -> str:
        return record_label(self.type, self.values, self.id)


def record(plan: Plan, record_id: str) -> RecordItem:
    """The record with this exact id; PlanError when there is none."""
    with plan.snapshot() as con:
        row = con.execute(f"SELECT {COLUMNS} FROM record r WHERE r.id = ?", (record_id,)).fetchone()
    if row is None:
        raise PlanError(f"There is no record with id {record_id}.")
    return _item(row)


def records(plan: Plan, type_name: str, include_deleted: bool = False) -> list[RecordItem]:
    """The records of a type in their natural order; only live ones unless ``include_deleted``
    (live: not deleted and, for people and organisations, not merged into another)."""
    rtype = _type(type_name)
    order = BY_COLUMNS.get(rtype.name) or _by_label(rtype)
    sql = (
        f"SELECT {COLUMNS} FROM record r JOIN {_quoted(rtype.name)} p ON p.id = r.id"
        f"{'' if include_deleted else ' WHERE ' + _live(rtype)}"
        f" ORDER BY {', '.join(f'p.{_quoted(c)}' for c in order)}, r.id"
    )
    with plan.snapshot() as con:
        items = [_item(row) for row in con.execute(sql)]
    if "ref_code" in rtype.fields and rtype.name not in BY_COLUMNS:
        items.sort(key=lambda item: by_ref_code(item.values.get("ref_code"), item.label))
    return items


def _live(rtype: RecordType) -> str:
    """The condition on ``record r`` and the projection ``p`` a live record meets."""
    merged = " AND p.merged_into IS NULL" if "merged_into" in rtype.fields else ""
    return f"r.deleted = 0{merged}"


def _by_label(rtype: RecordType) -> tuple[str, ...]:
    return ("ref_code", rtype.label_field) if "ref_code" in rtype.fields else (rtype.label_field,)


def _type(name: str) -> RecordType:
    try:
        return record_type(name)
    except InvalidValue as exc:
        raise PlanError(f"{exc}.") from None


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _item(row: sqlite3.Row | tuple[Any, ...]) -> RecordItem:
    record_id, type_name, fields_json = row
    fields: merge.Fields = json.loads(fields_json)
    shown = merge.shown_values(fields)
    conflicts = tuple(merge.conflict_fields(fields))
    return RecordItem(
        record_id,
        type_name,
        MappingProxyType(in_field_order(type_name, shown)),
        shown.get(DELETED, False) is True,
        conflicts,
        merge.delete_edit_conflict(fields),
        MappingProxyType(
            {name: tuple(Sibling(s["v"], s["at"]) for s in fields[name]) for name in conflicts}
        ),
    )
