"""What the record form reads: the record as it stands, the plan's zone, a taken ref code.

Plain SQL over one snapshot each (``Plan.snapshot``), so opening a form imports no ORM.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from plantui.domain import DELETED, TYPES, record_label
from plantui.errors import PlanError
from plantui.event_time import plan_zone
from plantui.merge import conflict_fields, shown_values
from plantui.queries import Plan


@dataclass(frozen=True, slots=True)
class Written:
    """One value of a field in conflict and the stamp of its write (``<clock>@<replica>``)."""

    value: Any
    at: str


@dataclass(frozen=True, slots=True)
class FormRecord:
    """A record as the form opens it: shown values, and every value of a field in conflict."""

    id: str
    type: str
    values: dict[str, Any]
    conflicts: dict[str, tuple[Written, ...]]
    """Field name -> its values in conflict, oldest write first."""

    @property
    def label(self) -> str:
        return record_label(self.type, self.values, self.id)


def form_record(plan: Plan, record_id: str) -> FormRecord:
    """The record ``record_id`` with every field of its type (None where unset)."""
    with plan.snapshot() as con:
        row = con.execute("SELECT type, fields FROM record WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise PlanError(f"There is no record with id {record_id}.")
    type_name, fields = row[0], json.loads(row[1])
    shown = shown_values(fields)
    shown.pop(DELETED, None)
    rtype = TYPES.get(type_name)
    values = {name: shown.get(name) for name in rtype.fields} if rtype else {}
    values.update({k: v for k, v in shown.items() if k not in values})
    conflicts = {
        name: tuple(Written(s.get("v"), s["at"]) for s in fields[name])
        for name in conflict_fields(fields)
        if name != DELETED
    }
    return FormRecord(record_id, type_name, values, conflicts)


def zone_of(plan: Plan) -> ZoneInfo:
    """The zone event times are typed in: the plan record's ``timezone``, else London."""
    plan_id = plan.plan_id
    fields = None
    if plan_id:
        with plan.snapshot() as con:
            row = con.execute("SELECT fields FROM record WHERE id = ?", (plan_id,)).fetchone()
        fields = json.loads(row[0]) if row else None
    return plan_zone(shown_values(fields).get("timezone") if fields else None)


def ref_code_holder(plan: Plan, type_name: str, code: Any, record_id: str | None) -> str | None:
    """The label of another live record of the type with this ref code (case and spaces
    aside), or None: two "M9" among the actions would make every list ambiguous."""
    rtype = TYPES.get(type_name)
    if not isinstance(code, str) or not code.strip() or rtype is None:
        return None
    if "ref_code" not in rtype.fields:
        return None
    query = (
        f'SELECT "{rtype.label_field}" FROM "{type_name}"'
        " WHERE deleted = 0 AND lower(trim(ref_code)) = ? AND id IS NOT ?"
    )
    with plan.snapshot() as con:
        found = con.execute(query + " LIMIT 1", (code.strip().lower(), record_id)).fetchone()
    return None if found is None else str(found[0] or "untitled")
