"""Every live record with its shown values: what the CSV export writes out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from plantui.merge import shown_sibling
from plantui.storage.models import Ask, Record


@dataclass(frozen=True, slots=True)
class LiveRecords:
    records: dict[str, tuple[str, dict[str, Any]]]
    """Every live record: id -> (type, shown values)."""
    ask_order: list[str]
    """Live asks' ids in rank order."""


def live_records(session: Session) -> LiveRecords:
    """Every live record with its shown values, and asks' ids in rank order."""
    records: dict[str, tuple[str, dict[str, Any]]] = {}
    for rid, rtype, fields in session.execute(
        select(Record.id, Record.type, Record.fields).where(Record.deleted.is_(False))
    ):
        shown = {}
        for name, siblings in json.loads(fields).items():
            sib = shown_sibling(siblings)
            shown[name] = sib["v"] if sib else None
        records[rid] = (rtype, shown)
    ask_order = list(
        session.execute(
            select(Ask.id).where(Ask.deleted.is_(False)).order_by(Ask.rank, Ask.id)
        ).scalars()
    )
    return LiveRecords(records, ask_order)
