"""What a copy may claim to hold: the ``state_vv`` its exports carry (docs/exchange-format.md,
``kind``).

The claim cannot be read off the records alone: a delta carried from a third laptop brings
records with large clocks while leaving out older ones this copy never had. So the claim
for other replicas is kept in the meta table, raised only by full files and by deltas whose
``since`` this copy already covered; this copy's own writes are all in its records.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from plantui import merge
from plantui.storage.database import Database
from plantui.storage.models import Record

STATE_KEY = "state_vv"


def own_ids(db: Database, session: Session) -> set[str]:
    """This copy's replica id and the ids it wrote under before."""
    raw = db.meta("former_replica_ids", session)
    former = json.loads(raw) if raw else []
    return {db.meta("replica_id", session) or "", *former}


def stored_state(db: Database, session: Session) -> dict[str, str] | None:
    raw = db.meta(STATE_KEY, session)
    return json.loads(raw) if raw else None


def records_state(session: Session) -> dict[str, str]:
    """The pointwise maximum of every record's vv (all a database without a stored claim has)."""
    out: dict[str, str] = {}
    for (vv_text,) in session.execute(select(Record.vv)):
        out = merge.merge_vv(out, json.loads(vv_text))
    return out


def claim(
    stored: dict[str, str] | None, from_records: dict[str, str], own: set[str]
) -> dict[str, str]:
    """The state vector an export carries: the stored claim for others, the records for own."""
    if stored is None:
        return from_records
    mine = {rep: clk for rep, clk in from_records.items() if rep in own}
    return merge.merge_vv(stored, mine)


def import_base(db: Database, session: Session) -> dict[str, str]:
    """The claim an import starts from (the own entry from the clock, which covers every
    stamp this copy made)."""
    stored = stored_state(db, session)
    base = records_state(session) if stored is None else stored
    replica = db.meta("replica_id", session) or ""
    clock = db.meta("clock", session)
    return merge.merge_vv(base, {replica: clock}) if clock else base
