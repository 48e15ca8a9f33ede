"""Every live record with its shown values: what the CSV export writes out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from plantui.merge import shown_sibling
from plantui.queries import Plan

LIVE = "deleted = 0"
"""A record in the plan (merged records too: the CSV export writes every row it has)."""


@dataclass(frozen=True, slots=True)
class LiveRecords:
    records: dict[str, tuple[str, dict[str, Any]]]
    """Every live record: id -> (type, shown values)."""
    ask_order: list[str]
    """Live asks' ids in rank order."""


def live_records(plan: Plan) -> LiveRecords:
    """Every live record with its shown values, and asks' ids in rank order (one snapshot)."""
    records: dict[str, tuple[str, dict[str, Any]]] = {}
    with plan.snapshot() as con:
        for rid, rtype, fields in con.execute(f"SELECT id, type, fields FROM record WHERE {LIVE}"):
            shown = {}
            for name, siblings in json.loads(fields).items():
                sib = shown_sibling(siblings)
                shown[name] = sib["v"] if sib else None
            records[rid] = (rtype, shown)
        ask_order = [
            rid for (rid,) in con.execute(f"SELECT id FROM ask WHERE {LIVE} ORDER BY rank, id")
        ]
    return LiveRecords(records, ask_order)
