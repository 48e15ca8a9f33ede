"""The way back for a copy whose own stamps ran ahead under a wrong clock (``reset-clock``).

Peers refuse files with clocks more than a year ahead, so a copy that once wrote under a
clock years fast is cut off. Resetting keeps every record and every sibling: the stamps
this copy wrote in the future move, in the same order, to a new replica id whose clock
starts at the real time; the copy's older stamps stay as they are. Version vectors and
deletion contexts move the same way, so what covered what still holds.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from plantui import clock as hlc
from plantui.service import PlanService
from plantui.storage.database import as_sqlite, fork_identity
from plantui.storage.models import Record
from plantui.storage.records import RecordState, save_states, state_from_row


def _own_clocks(states: list[RecordState], replica: str) -> set[str]:
    found: set[str] = set()
    for state in states:
        found.update(c for r, c in state.vv.items() if r == replica)
        for siblings in state.fields.values():
            for sib in siblings:
                clock, owner = hlc.split_stamp(sib["at"])
                if owner == replica:
                    found.add(clock)
                ctx = sib.get("ctx") or {}
                found.update(c for r, c in ctx.items() if r == replica)
    return found


def _move_vector(vv: dict[str, str], old: str, new: str, moved: dict[str, str], kept: str) -> bool:
    clock = vv.get(old)
    if clock is None or clock not in moved:
        return False
    vv[new] = moved[clock]
    if kept:
        vv[old] = kept
    else:
        del vv[old]
    return True


def reset_clock(service: PlanService) -> tuple[int, str | None]:
    """Move this copy's future stamps to a new replica id; (stamps moved, new id or None)."""
    db = service.db
    now = service.wall()
    cutoff = hlc.format_clock(now, 9999)
    with db.write() as session:
        old = db.meta("replica_id", session) or ""
        rows = session.execute(select(Record.id, Record.type, Record.vv, Record.fields)).all()
        states = [state_from_row(r) for r in rows]
        own = sorted(_own_clocks(states, old))
        ahead = [c for c in own if c > cutoff]
        if not ahead:
            return 0, None
        kept = max((c for c in own if c <= cutoff), default="")
        moved: dict[str, str] = {}
        last = hlc.format_clock(now, 0)
        for clock in ahead:
            moved[clock] = last
            last = hlc.tick(last, now)
        new = fork_identity(db, as_sqlite(session))
        changed = [s for s in states if _rewrite(s, old, new, moved, kept)]
        save_states(session, changed)
        db.set_meta(session, "clock", max(moved.values()))
    return len(ahead), new


def _rewrite(state: RecordState, old: str, new: str, moved: dict[str, str], kept: str) -> bool:
    touched = _move_vector(state.vv, old, new, moved, kept)
    for siblings in state.fields.values():
        for sib in siblings:
            clock, owner = hlc.split_stamp(sib["at"])
            if owner == old and clock in moved:
                sib["at"] = hlc.stamp(moved[clock], new)
                touched = True
            ctx: dict[str, Any] | None = sib.get("ctx")
            if ctx:
                touched = _move_vector(ctx, old, new, moved, kept) or touched
    return touched
