"""The one write path: every change, from the CLI or the TUI, is validated here, stamped with
the replica's hybrid logical clock, folded into the record's version vector and committed.

``RecordView`` (``plantui.record_view``) and ``ref_code_holder`` (``plantui.ref_codes``) are
importable from here as well, where their callers have always found them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from plantui import clock as hlc
from plantui import merge, ranks
from plantui.clock_check import clock_ahead
from plantui.domain import (
    DELETED,
    LINK_ROLES,
    TYPES,
    InvalidValue,
    RecordType,
    check_entry,
    check_value,
    date_order_error,
    deterministic_id,
    field_spec,
    record_type,
)
from plantui.errors import PlanError
from plantui.event_time import plan_zone
from plantui.library import ARCHIVED, refuse_if_archived
from plantui.queries import records
from plantui.queries.records import RecordItem
from plantui.record_ids import resolve_record_id
from plantui.record_view import RecordView
from plantui.ref_codes import ref_code_holder
from plantui.storage.database import Database
from plantui.storage.models import Ask, Record
from plantui.storage.records import RecordState, load_state, save_states
from plantui.text import one_line, with_article

WallClock = Callable[[], int]


@dataclass(slots=True)
class Change:
    """What one write did, enough to undo it: the values shown before, per field."""

    record_id: str
    before: dict[str, Any] = field(default_factory=dict)
    created: bool = False
    reopen: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Siblings of the fields this write settled while in conflict (a delete/edit conflict
    under ``_deleted``): undo writes them back, so the conflict opens again."""


class Writer:
    """Writes inside one transaction; each operation takes one fresh stamp."""

    def __init__(
        self,
        session: Session,
        db: Database,
        wall: WallClock,
        clock_ok: bool = False,
        by: str | None = None,
    ) -> None:
        self.session = session
        self.db = db
        self.wall = wall
        self.clock_ok = clock_ok
        self.by = by
        self.replica = db.meta("replica_id", session) or ""
        self.last = db.meta("clock", session) or hlc.ZERO_CLOCK
        self.stamps: list[str] = []
        """The stamps this transaction wrote, in order (the editor's undo log keeps them)."""

    def _stamp(self) -> tuple[str, str]:
        now = self.wall()
        if not self.clock_ok:
            refusal = clock_ahead(self.last, now)
            if refusal is not None:
                raise refusal
            self.clock_ok = True
        self.last = hlc.tick(self.last, now)
        at = hlc.stamp(self.last, self.replica)
        self.stamps.append(at)
        return self.last, at

    def _sib(self, value: Any, at: str, **extra: Any) -> merge.Sibling:
        """A new sibling, carrying the person at the keyboard when one is known."""
        sib: merge.Sibling = {"v": value, "at": at, **extra}
        if self.by:
            sib["by"] = self.by
        return sib

    def finish(self) -> None:
        self.db.set_meta(self.session, "clock", self.last)

    def _state(self, record_id: str) -> RecordState:
        state = load_state(self.session, record_id)
        if state is None:
            raise PlanError(f"There is no record with id {record_id}.")
        return state

    def view(self, record_id: str) -> RecordView:
        """A record as this transaction sees it (its own writes included)."""
        return RecordView.of(self._state(record_id))

    def _check(self, rtype: RecordType, values: dict[str, Any]) -> None:
        for name, value in values.items():
            spec = field_spec(rtype, name)
            try:
                check_value(spec, value)
                check_entry(spec, value)
            except InvalidValue as exc:
                raise PlanError(f"{rtype.name} {exc}.") from None
            if spec.required and value is None:
                raise PlanError(f"{rtype.name} needs a {name}; it cannot be empty.")
            if spec.kind == "ref" and value is not None:
                self._check_ref(rtype, name, value, values)

    @staticmethod
    def _check_order(rtype: RecordType, values: dict[str, Any], changed: Any = None) -> None:
        error = date_order_error(rtype.name, values, changed)
        if error is not None:
            raise PlanError(f"The {rtype.name}'s {error}.")

    def _check_ref_code(self, rtype: RecordType, code: Any, record_id: str | None) -> None:
        holder = ref_code_holder(self.session, rtype.name, code, record_id)
        if holder is not None:
            raise PlanError(
                f"Another {rtype.name} already has the ref code {one_line(str(code))}"
                f" ({one_line(holder)}); give this one its own."
            )

    def _check_ref(self, rtype: RecordType, name: str, value: str, values: dict[str, Any]) -> None:
        target = self.session.execute(select(Record.type).where(Record.id == value)).scalar()
        if target is None:
            raise PlanError(f"{name} points to {value}, but there is no such record.")
        spec = rtype.fields[name]
        wanted: tuple[str, ...] = spec.targets
        if rtype.name == "link" and values.get("role") in LINK_ROLES:
            wanted = LINK_ROLES[values["role"]][0 if name == "from" else 1]
        if wanted and target not in wanted:
            kinds = " or ".join(with_article(w) for w in wanted)
            raise PlanError(f"{name} must point to {kinds}, not {with_article(target)}.")

    def create(self, type_name: str, values: dict[str, Any]) -> Change:
        """Add a record; a relation that already exists is restored and updated instead."""
        rtype = record_type(type_name)
        if rtype.name == "plan" and self.db.meta("plan_id", self.session):
            raise PlanError("This database already holds a plan; a database holds exactly one.")
        if rtype.name != "plan" and not self.db.meta("plan_id", self.session):
            raise PlanError(
                "This database holds no plan yet: start one with `plantui new TITLE` (or"
                " `plantui add plan title=...`), run `plantui demo`, or import a full export."
            )
        values = {k: v for k, v in values.items() if v is not None}
        if rtype.name == "ask" and "rank" not in values:
            # A new ask goes to the bottom of the priority order, never to the top.
            last = self.session.execute(select(func.max(Ask.rank))).scalar()
            values["rank"] = ranks.rank_after(last)
        for spec in rtype.fields.values():
            if spec.default is not None and spec.name not in values:
                values[spec.name] = spec.default
        missing = [s.name for s in rtype.fields.values() if s.required and s.name not in values]
        if missing:
            raise PlanError(f"A new {rtype.name} needs {', '.join(missing)}.")
        self._check(rtype, values)
        self._check_order(rtype, values)
        self._check_ref_code(rtype, values.get("ref_code"), None)
        if rtype.deterministic:
            record_id = deterministic_id(rtype, values)
            if load_state(self.session, record_id) is not None:
                change = self.update(record_id, {k: v for k, v in values.items()})
                if self._state(record_id).deleted:
                    self.restore(record_id)
                return change
        else:
            record_id = hlc.uuid7(self.wall())
        clock, at = self._stamp()
        fields = {name: [self._sib(value, at)] for name, value in values.items()}
        fields[DELETED] = [self._sib(False, at)]
        state = RecordState(record_id, rtype.name, {self.replica: clock}, fields)
        save_states(self.session, [state], new=True)
        if rtype.name == "plan":
            self.db.set_meta(self.session, "plan_id", record_id)
        return Change(record_id, created=True)

    def update(self, record_id: str, values: dict[str, Any]) -> Change:
        """Set fields; a field in conflict is resolved by any write to it."""
        state = self._state(record_id)
        rtype = TYPES.get(state.type)
        if rtype is None:
            raise PlanError(f"{record_id} is a {state.type}, which this plantui cannot edit.")
        self._check(rtype, values)
        shown = state.shown()
        self._check_order(rtype, {**shown, **values}, values)
        changed = {
            name: value
            for name, value in values.items()
            if shown.get(name) != value or len(state.fields.get(name, [])) > 1
        }
        for name in changed:
            if rtype.fields[name].identity and shown.get(name) != changed[name]:
                raise PlanError(
                    f"The {name} of a {rtype.name} is part of its identity; delete it and add"
                    " a new one instead."
                )
        if "ref_code" in changed:
            self._check_ref_code(rtype, changed["ref_code"], record_id)
        change = Change(record_id, {name: shown.get(name) for name in changed})
        if not changed:
            return change
        change.reopen = _open_conflicts(state, list(changed))
        self._write(state, changed)
        return change

    def reopen(self, record_id: str, name: str, siblings: list[dict[str, Any]]) -> Change:
        """Put a settled conflict back (undo of a resolve): each former value is written
        again as a fresh sibling, oldest first, so the value shown before is shown again
        and every copy that saw the resolve sees the conflict again. A delete keeps the
        ``ctx`` it had, so a delete/edit conflict is flagged again too."""
        state = self._state(record_id)
        was_deleted = state.deleted
        change = Change(record_id, {name: state.shown().get(name)})
        fresh: list[dict[str, Any]] = []
        clock = at = ""
        for sibling in sorted(siblings, key=lambda s: s["at"]):
            clock, at = self._stamp()
            fresh.append({**sibling, "at": at})
        if not fresh:
            return change
        state.fields[name] = fresh
        state.vv[self.replica] = clock
        if was_deleted and name != DELETED:
            state.fields[DELETED] = [self._sib(True, at, ctx=dict(state.vv))]
        save_states(self.session, [state])
        return change

    def _write(self, state: RecordState, values: dict[str, Any]) -> None:
        """One local edit under one fresh stamp. On a record shown deleted, the deletion is
        written again with a ``ctx`` covering this edit, so the record stays deleted and the
        edit is not taken for one made without seeing the delete (docs/exchange-format.md "The
        state of a record")."""
        was_deleted = state.deleted
        clock, at = self._stamp()
        for name, value in values.items():
            state.fields[name] = [self._sib(value, at)]
        state.vv[self.replica] = clock
        if was_deleted and DELETED not in values:
            state.fields[DELETED] = [self._sib(True, at, ctx=dict(state.vv))]
        save_states(self.session, [state])

    def delete(self, record_id: str) -> Change:
        """Mark deleted, remembering what the delete saw (its ``ctx``); nothing is purged."""
        state = self._state(record_id)
        if state.deleted and not merge.delete_edit_conflict(state.fields):
            raise PlanError(f"{_describe(state)} is already deleted.")
        if state.type == "plan":
            raise PlanError("The plan itself cannot be deleted.")
        reopen = _open_conflicts(state, [DELETED])
        clock, at = self._stamp()
        state.fields[DELETED] = [self._sib(True, at, ctx=dict(state.vv))]
        state.vv[self.replica] = clock
        save_states(self.session, [state])
        return Change(record_id, {DELETED: False}, reopen=reopen)

    def restore(self, record_id: str) -> Change:
        """Undo a deletion (the one-step restore docs/exchange-format.md promises)."""
        state = self._state(record_id)
        if not state.deleted:
            raise PlanError(f"{_describe(state)} is not deleted.")
        reopen = _open_conflicts(state, [DELETED])
        clock, at = self._stamp()
        state.fields[DELETED] = [self._sib(False, at)]
        state.vv[self.replica] = clock
        save_states(self.session, [state])
        return Change(record_id, {DELETED: True}, reopen=reopen)

    def move_ask(self, record_id: str, step: int) -> list[Change]:
        """Move a live ask one place up (``step`` -1) or down (+1) in priority.

        Only the moved ask is rewritten when every ask has a valid rank; otherwise every
        ask is first given a rank in the order shown, in this same write, so the move
        lands where the person saw it.
        """
        rows = self.session.execute(
            select(Ask.rank, Ask.id).where(Ask.deleted.is_(False)).order_by(Ask.rank, Ask.id)
        ).all()
        order = [(rank, ask_id) for rank, ask_id in rows]
        index = next((i for i, (_, ask_id) in enumerate(order) if ask_id == record_id), None)
        if index is None:
            raise PlanError("Only a live ask can be moved; restore a deleted one first.")
        target = index + step
        if target < 0 or target >= len(order):
            raise PlanError(f"It is already at the {'top' if step < 0 else 'bottom'}.")
        if all(ranks.valid(rank) for rank, _ in order):
            rank = ranks.new_rank(order, index, step)
            if rank is not None:
                return [self.update(record_id, {"rank": rank})]
        ids = [ask_id for _, ask_id in order]
        ids[index], ids[target] = ids[target], ids[index]
        return [
            self.update(ask_id, {"rank": rank})
            for ask_id, rank in zip(ids, ranks.fresh_ranks(len(ids)), strict=True)
        ]

    def resolve(self, record_id: str, name: str, keep: str) -> Change:
        """Keep one sibling of a conflicting field, as an ordinary edit of that field."""
        state = self._state(record_id)
        siblings = state.fields.get(name)
        if not siblings:
            raise PlanError(f"{_describe(state)} has no value for {name}.")
        chosen = next((s for s in siblings if s["at"] == keep), None)
        if chosen is None:
            stamps = ", ".join(s["at"] for s in siblings)
            raise PlanError(f"{name} of {_describe(state)} has no value stamped {keep} ({stamps}).")
        if name == DELETED:
            # The kept value is written afresh, so one step settles it; a kept delete
            # sees everything this copy holds of the record.
            before = Change(record_id, {DELETED: state.deleted})
            before.reopen = _open_conflicts(state, [DELETED])
            clock, at = self._stamp()
            kept = self._sib(chosen["v"], at)
            if chosen["v"] is True:
                kept["ctx"] = dict(state.vv)
            state.fields[DELETED] = [kept]
            state.vv[self.replica] = clock
            save_states(self.session, [state])
            return before
        rtype = TYPES.get(state.type)
        if rtype is None:
            raise PlanError(f"{record_id} is a {state.type}, which this plantui cannot edit.")
        change = Change(record_id, {name: state.shown().get(name)})
        change.reopen = _open_conflicts(state, [name])
        self._write(state, {name: chosen["v"]})
        return change


def _open_conflicts(state: RecordState, names: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Copies of the siblings of those ``names`` that are in conflict now, before a write
    settles them; ``_deleted`` counts when it holds a delete/edit conflict."""
    out = {}
    for name in names:
        siblings = state.fields.get(name, [])
        if len(siblings) > 1 or (name == DELETED and merge.delete_edit_conflict(state.fields)):
            out[name] = [dict(s) for s in siblings]
    return out


def _describe(state: RecordState) -> str:
    return f"{state.type} {state.id}"


class PlanService:
    """Reads and the write path over one open database."""

    def __init__(
        self,
        db: Database,
        wall: WallClock = hlc.wall_ms,
        clock_ok: bool = False,
        by: str | None = None,
        find_by: Callable[[], str | None] | None = None,
    ) -> None:
        self.db = db
        self.wall = wall
        self.clock_ok = clock_ok
        """The person confirmed a wall clock far past the plan's newest change."""
        self.by = by
        """The person id every write carries (``--as``, the TUI's "who is editing?")."""
        self.find_by = find_by
        """Finds ``by`` at the first write (``--as NAME``), so reads never look the name up."""

    @contextmanager
    def transaction(self) -> Iterator[Writer]:
        """Several writes committed together, or none of them."""
        if self.find_by is not None:
            self.by, self.find_by = self.find_by(), None
        with self.db.write() as session:
            refuse_if_archived(self.db.meta(ARCHIVED, session), self.db.path)
            writer = Writer(session, self.db, self.wall, self.clock_ok, self.by)
            yield writer
            writer.finish()

    def create(self, type_name: str, values: dict[str, Any]) -> Change:
        with self.transaction() as w:
            return w.create(type_name, values)

    def update(self, record_id: str, values: dict[str, Any]) -> Change:
        with self.transaction() as w:
            return w.update(record_id, values)

    def delete(self, record_id: str) -> Change:
        with self.transaction() as w:
            return w.delete(record_id)

    def restore(self, record_id: str) -> Change:
        with self.transaction() as w:
            return w.restore(record_id)

    def move_ask(self, record_id: str, step: int) -> list[Change]:
        with self.transaction() as w:
            return w.move_ask(record_id, step)

    def resolve(self, record_id: str, name: str, keep: str) -> Change:
        with self.transaction() as w:
            return w.resolve(record_id, name, keep)

    # Reads

    def resolve_id(self, text_id: str) -> str:
        """The id a person typed: a whole id, a ref code (P11) or a unique id prefix."""
        with self.db.snapshot() as con:
            return resolve_record_id(con, text_id)

    def plan_zone(self) -> ZoneInfo:
        """The time zone event times are typed in: the plan's ``timezone``, else London."""
        plan_id = self.db.plan_id
        with self.db.read() as session:
            state = load_state(session, plan_id) if plan_id else None
        return plan_zone(state.shown().get("timezone") if state else None)

    def ref_code_holder(self, type_name: str, code: Any, record_id: str | None) -> str | None:
        """Who already has this ref code among live records of the type (see Writer)."""
        with self.db.read() as session:
            return ref_code_holder(session, type_name, code, record_id)

    def get(self, record_id: str) -> RecordView:
        with self.db.read() as session:
            state = load_state(session, record_id)
        if state is None:
            raise PlanError(f"There is no record with id {record_id}.")
        return RecordView.of(state)

    def list(self, type_name: str, include_deleted: bool = False) -> list[RecordItem]:
        """Records of a type in their natural order (asks by rank, ref codes naturally, events
        by date...): :func:`plantui.queries.records.records`, kept here for its callers."""
        return records.records(self.db, type_name, include_deleted)
