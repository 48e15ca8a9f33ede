"""A rollback no ledger saw, found in what peers send back (docs/exchange-format.md, "Identities").

A laptop restored from a snapshot rolls its state folder back with the database, and a
database copied to a machine whose ledger never saw it has nothing to compare with; either
keeps its replica id. Only peers can tell: their files hold writes under this copy's
replica id that it never made. No one else writes under that id, and a copy never forgets
its own writes (a record's ``vv`` entry for it is never lowered; a value it wrote leaves
only under a later stamp), so any such write proves the history forked.

Then the copy takes a new replica id, moves the writes it made since the fork to that id
(they may reuse stamps the lost writes hold, or be covered by their clocks), and imports
the file as usual: the writes it lost are another replica's history, kept beside its own.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from plantui import clock as hlc
from plantui.storage.database import Database, as_sqlite, fork_identity
from plantui.storage.records import RecordState, save_states

EXPORTED_KEY = "exported_claims"
"""Meta key: the ``state_vv`` entries for this replica its exports carried (the newest few)."""
EXPORTED_KEPT = 200

LocalRows = dict[str, tuple[str, str, str]]


def first_lost_write(me: str, incoming: Iterable[RecordState], local: LocalRows) -> str | None:
    """The clock of the earliest write under ``me`` that the records hold and this copy
    never made, or None when every write under ``me`` in them is one this copy knows."""
    earliest: str | None = None
    for rec in incoming:
        theirs = rec.vv.get(me)
        if theirs is None:
            continue
        row = local.get(rec.id)
        mine_vv = json.loads(row[1]) if row else {}
        mine_fields = json.loads(row[2]) if row else {}
        found = _lost_in(me, rec, mine_vv.get(me, ""), mine_fields)
        if found is not None and (earliest is None or found < earliest):
            earliest = found
    return earliest


def _lost_in(
    me: str, rec: RecordState, my_clock: str, my_fields: dict[str, list[dict[str, Any]]]
) -> str | None:
    suffix = f"@{me}"
    lost: list[str] = []
    for name, siblings in rec.fields.items():
        held = {sib["at"]: sib for sib in my_fields.get(name, ())}
        newest = max(held, default="")
        for sib in siblings:
            at = sib["at"]
            if not at.endswith(suffix):
                continue
            mine = held.get(at)
            if mine is not None:
                if mine["v"] != sib["v"]:
                    lost.append(at[:18])  # one stamp, two values
            elif at[:18] > my_clock or newest < at:
                lost.append(at[:18])  # never made here, and nothing here overwrote it
    if lost:
        return min(lost)
    if rec.vv[me] > my_clock:
        return str(rec.vv[me])  # a later write of ours that was itself overwritten
    return None


def split_off(
    db: Database,
    session: Session,
    start: str,
    incoming: dict[str, RecordState],
    now_ms: int,
) -> str:
    """Take a new replica id and move to it this copy's writes from ``start`` on that the
    incoming records do not hold as they are; return the new id.

    Each record's ``vv`` entry for the old id goes back to just before ``start`` (or to the
    newest write kept under it), so the lost writes are not taken as already seen here.
    """
    con = as_sqlite(session)
    old = db.meta("replica_id", con) or ""
    new = fork_identity(db, con)
    before = _just_before(start)
    last = db.meta("clock", con) or hlc.ZERO_CLOCK
    suffix = f"@{old}"
    moved: list[RecordState] = []
    rows = con.execute(
        "SELECT id, type, vv, fields FROM record WHERE max_clock >= ?", (start,)
    ).fetchall()
    for rid, rtype, vv_text, fields_text in rows:
        vv = json.loads(vv_text)
        if vv.get(old, "") < start:
            continue
        fields = json.loads(fields_text)
        theirs = incoming[rid].fields if rid in incoming else {}
        clock = ""
        kept = before
        for name, siblings in fields.items():
            same = {(sib["at"], _value(sib)) for sib in theirs.get(name, ())}
            for sib in siblings:
                at = sib["at"]
                if not at.endswith(suffix) or at[:18] < start:
                    continue
                if (at, _value(sib)) in same:
                    kept = max(kept, at[:18])
                    continue
                if not clock:
                    clock = last = hlc.tick(last, now_ms)
                sib["at"] = hlc.stamp(clock, new)
                if "ctx" in sib:  # a moved delete saw the moved writes, not the lost ones
                    sib["ctx"] = {**sib["ctx"], new: clock}
            siblings.sort(key=lambda sib: sib["at"])
        vv[old] = kept
        if clock:
            vv[new] = clock
        for siblings in fields.values():
            for sib in siblings:
                ctx = sib.get("ctx")
                if ctx and ctx.get(old, "") > kept:
                    ctx[old] = kept
        moved.append(RecordState(rid, rtype, vv, fields))
    save_states(session, moved)
    db.set_meta(con, "clock", last)
    db.set_meta(con, EXPORTED_KEY, "[]")
    return new


def fork_point(lost: str, claims: set[str]) -> str:
    """The clock from which this copy's own writes may differ from the lost ones.

    The earliest lost write found is not always the first one (a lost value this copy
    overwrote after the rollback looks like one it overwrote itself). But every write a
    peer holds from before the rollback came in an export this copy still remembers, so
    the history cannot have forked before the newest clock its exports claimed.
    """
    if not claims:
        return lost
    return min(lost, _just_after(max(claims)))


def _just_after(clock: str) -> str:
    return hlc.tick(clock, hlc.clock_ms(clock))


def _value(sib: dict[str, Any]) -> str:
    return json.dumps(sib["v"], sort_keys=True)


def _just_before(clock: str) -> str:
    millis, counter = hlc.parse_clock(clock)
    if counter:
        return hlc.format_clock(millis, counter - 1)
    return hlc.format_clock(max(millis - 1, 0), 9999)


def exported_claims(db: Database, session: Session) -> set[str]:
    """The clocks this copy's exports claimed for its current replica id."""
    raw = db.meta(EXPORTED_KEY, session)
    return set(json.loads(raw)) if raw else set()


def remember_claim(db: Database, clock: str) -> None:
    """Note that an export claimed ``clock`` for this replica: a peer's file echoing any
    other value for it has seen writes this copy may not have, and is read in full. A
    database that cannot be written (a read-only file) still exports."""
    try:
        with db.raw_write() as con:
            known = json.loads(db.meta(EXPORTED_KEY, con) or "[]")
            if clock not in known:
                kept = sorted([*known, clock])[-EXPORTED_KEPT:]
                db.set_meta(con, EXPORTED_KEY, json.dumps(kept))
    except sqlite3.OperationalError:
        return
