"""The one write path: every change, from the CLI or the TUI, is validated here, stamped with
the replica's hybrid logical clock, folded into the record's version vector and committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from plantui import clock as hlc
from plantui import merge
from plantui.clock_check import clock_ahead
from plantui.domain import (
    DELETED,
    LINK_ROLES,
    TYPES,
    InvalidValue,
    RecordType,
    check_value,
    deterministic_id,
    field_spec,
    record_type,
)
from plantui.errors import PlanError
from plantui.library import ARCHIVED, refuse_if_archived
from plantui.storage.database import Database
from plantui.storage.models import PROJECTIONS, Plan, Record
from plantui.storage.records import RecordState, load_state, save_states, state_from_row
from plantui.typed_time import TypedTimeError, is_local, place_in_zone

WallClock = Callable[[], int]


@dataclass(slots=True)
class RecordView:
    """What people see of a record: shown values, deletion and open conflicts."""

    id: str
    type: str
    values: dict[str, Any]
    deleted: bool
    conflicts: list[str]
    delete_conflict: bool
    state: RecordState

    @property
    def label(self) -> str:
        rtype = TYPES.get(self.type)
        name = rtype.label_field if rtype else "title"
        return str(self.values.get(name) or self.values.get("title") or self.id)

    @classmethod
    def of(cls, state: RecordState) -> RecordView:
        shown = state.shown()
        deleted = shown.pop(DELETED, False) is True
        rtype = TYPES.get(state.type)
        values = {name: shown.get(name) for name in rtype.fields} if rtype else {}
        values.update({k: v for k, v in shown.items() if k not in values})
        return cls(
            state.id,
            state.type,
            values,
            deleted,
            merge.conflict_fields(state.fields),
            merge.delete_edit_conflict(state.fields),
            state,
        )


@dataclass(slots=True)
class Change:
    """What one write did, enough to undo it: the values shown before, per field."""

    record_id: str
    before: dict[str, Any] = field(default_factory=dict)
    created: bool = False


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

    def _stamp(self) -> tuple[str, str]:
        now = self.wall()
        if not self.clock_ok:
            refusal = clock_ahead(self.last, now)
            if refusal is not None:
                raise refusal
            self.clock_ok = True
        self.last = hlc.tick(self.last, now)
        return self.last, hlc.stamp(self.last, self.replica)

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
        self._place_local_times(rtype, values)
        for name, value in values.items():
            spec = field_spec(rtype, name)
            try:
                check_value(spec, value)
            except InvalidValue as exc:
                raise PlanError(f"{rtype.name} {exc}.") from None
            if spec.required and value is None:
                raise PlanError(f"{rtype.name} needs a {name}; it cannot be empty.")
            if spec.kind == "ref" and value is not None:
                self._check_ref(rtype, name, value, values)

    def _place_local_times(self, rtype: RecordType, values: dict[str, Any]) -> None:
        """A date-time typed without an offset is read in the plan's timezone (DOMAIN.md)."""
        for name, value in values.items():
            spec = rtype.fields.get(name)
            if spec is not None and spec.kind == "when" and is_local(value):
                zone = self.session.execute(select(Plan.timezone)).scalar()
                try:
                    values[name] = place_in_zone(value, zone)
                except TypedTimeError as exc:
                    raise PlanError(f"{exc}.") from None

    def _check_ref(self, rtype: RecordType, name: str, value: str, values: dict[str, Any]) -> None:
        target = self.session.execute(select(Record.type).where(Record.id == value)).scalar()
        if target is None:
            raise PlanError(f"{name} points to {value}, but there is no such record.")
        spec = rtype.fields[name]
        wanted: tuple[str, ...] = spec.targets
        if rtype.name == "link" and values.get("role") in LINK_ROLES:
            wanted = LINK_ROLES[values["role"]][0 if name == "from" else 1]
        if wanted and target not in wanted:
            kinds = " or ".join(_a(w) for w in wanted)
            raise PlanError(f"{name} must point to {kinds}, not {_a(target)}.")

    def create(self, type_name: str, values: dict[str, Any]) -> Change:
        """Add a record; a relation that already exists is restored and updated instead."""
        rtype = record_type(type_name)
        if rtype.name == "plan" and self.db.meta("plan_id", self.session):
            raise PlanError("This database already holds a plan; a database holds exactly one.")
        if rtype.name != "plan" and not self.db.meta("plan_id", self.session):
            raise PlanError(
                "This database holds no plan yet: add one with `plantui add plan title=...`,"
                " run `plantui demo`, or import a full export."
            )
        values = {k: v for k, v in values.items() if v is not None}
        for spec in rtype.fields.values():
            if spec.default is not None and spec.name not in values:
                values[spec.name] = spec.default
        missing = [s.name for s in rtype.fields.values() if s.required and s.name not in values]
        if missing:
            raise PlanError(f"A new {rtype.name} needs {', '.join(missing)}.")
        self._check(rtype, values)
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
        change = Change(record_id, {name: shown.get(name) for name in changed})
        if not changed:
            return change
        self._write(state, changed)
        return change

    def _write(self, state: RecordState, values: dict[str, Any]) -> None:
        """One local edit under one fresh stamp. On a record shown deleted, the deletion is
        written again with a ``ctx`` covering this edit, so the record stays deleted and the
        edit is not taken for one made without seeing the delete (SYNC.md "Derived")."""
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
        clock, at = self._stamp()
        state.fields[DELETED] = [self._sib(True, at, ctx=dict(state.vv))]
        state.vv[self.replica] = clock
        save_states(self.session, [state])
        return Change(record_id, {DELETED: False})

    def restore(self, record_id: str) -> Change:
        """Undo a deletion (the one-step restore SYNC.md promises)."""
        state = self._state(record_id)
        if not state.deleted:
            raise PlanError(f"{_describe(state)} is not deleted.")
        clock, at = self._stamp()
        state.fields[DELETED] = [self._sib(False, at)]
        state.vv[self.replica] = clock
        save_states(self.session, [state])
        return Change(record_id, {DELETED: True})

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
            clock, at = self._stamp()
            kept: dict[str, Any] = {"v": chosen["v"], "at": at}
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
        self._write(state, {name: chosen["v"]})
        return change


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


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
    ) -> None:
        self.db = db
        self.wall = wall
        self.clock_ok = clock_ok
        """The person confirmed a wall clock far past the plan's newest change."""
        self.by = by
        """The person id every write carries (``--as``, the TUI's "who is editing?")."""

    @contextmanager
    def transaction(self) -> Iterator[Writer]:
        """Several writes committed together, or none of them."""
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

    def resolve(self, record_id: str, name: str, keep: str) -> Change:
        with self.transaction() as w:
            return w.resolve(record_id, name, keep)

    # Reads

    def resolve_id(self, text_id: str) -> str:
        """Accept a whole id or a unique prefix of one (at least 4 characters)."""
        key = text_id.strip().lower()
        with self.db.read() as session:
            if session.get(Record, key) is not None:
                return key
            if len(key) >= 4:
                found = (
                    session.execute(select(Record.id).where(Record.id.like(f"{key}%")).limit(2))
                    .scalars()
                    .all()
                )
                if len(found) == 1:
                    return found[0]
                if len(found) > 1:
                    raise PlanError(f"More than one record id starts with {text_id}.")
        raise PlanError(f"There is no record with id {text_id}.")

    def get(self, record_id: str) -> RecordView:
        with self.db.read() as session:
            state = load_state(session, record_id)
        if state is None:
            raise PlanError(f"There is no record with id {record_id}.")
        return RecordView.of(state)

    def list(self, type_name: str, include_deleted: bool = False) -> list[RecordView]:
        """Records of a type in their natural order (asks by rank, events by date...)."""
        rtype = record_type(type_name)
        model = PROJECTIONS[rtype.name]
        order = _ORDER.get(rtype.name, (rtype.label_field,))
        stmt = select(Record.id, Record.type, Record.vv, Record.fields).join(
            model, model.id == Record.id
        )
        if not include_deleted:
            stmt = stmt.where(Record.deleted.is_(False))
            if "merged_into" in rtype.fields:  # a merged duplicate shows as the one it joined
                stmt = stmt.where(model.__table__.c["merged_into"].is_(None))
        stmt = stmt.order_by(*(model.__table__.c[c] for c in order), Record.id)
        with self.db.read() as session:
            rows = session.execute(stmt).all()
        return [RecordView.of(state_from_row(r)) for r in rows]


_ORDER: dict[str, tuple[str, ...]] = {
    "ask": ("rank",),
    "event": ("starts_at",),
    "action": ("start", "end"),
    "pledge": ("ref_code", "title"),
    "note": ("date",),
    "dependency": ("from", "to"),
    "link": ("role", "from", "to"),
}
