"""Records by the names people know them by."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from plantui.domain import TYPES, record_label
from plantui.merge import shown_values
from plantui.queries import Plan
from plantui.text import one_line


@dataclass(frozen=True, slots=True)
class Named:
    """A record as a list or a choice shows it."""

    id: str
    type: str
    label: str
    ref_code: str | None
    deleted: bool

    @property
    def shown(self) -> str:
        """One line: the ref code, if any, then the label."""
        text = one_line(self.label)
        return f"{one_line(self.ref_code)} {text}" if self.ref_code else text


def named(plan: Plan, ids: set[str] | list[str]) -> dict[str, Named]:
    """The records of ``ids`` that exist here (deleted ones too, marked), by id."""
    wanted = sorted(set(ids))
    out: dict[str, Named] = {}
    with plan.snapshot() as con:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = con.execute(
                f"SELECT id, type, fields, deleted FROM record WHERE id IN ({marks})", chunk
            )
            for record_id, type_name, fields, deleted in rows:
                values = shown_values(json.loads(fields))
                code = values.get("ref_code") if "ref_code" in _fields(type_name) else None
                out[record_id] = Named(
                    record_id,
                    type_name,
                    record_label(type_name, values, record_id),
                    str(code) if code else None,
                    bool(deleted),
                )
    return out


def label(plan: Plan, record_id: str) -> str:
    """A record's ref code and label with its type, e.g. ``A3 Youth hub (ask)``; else its id."""
    found = named(plan, [record_id]).get(record_id)
    return f"{found.shown} ({found.type})" if found else record_id


def values_of(plan: Plan, record_id: str) -> dict[str, Any]:
    """The value each field of a record shows now (``_deleted`` too); empty when it is not here."""
    with plan.snapshot() as con:
        row = con.execute("SELECT fields FROM record WHERE id = ?", (record_id,)).fetchone()
    return shown_values(json.loads(row[0])) if row else {}


def _fields(type_name: str) -> dict[str, object]:
    rtype = TYPES.get(type_name)
    return dict(rtype.fields) if rtype else {}
