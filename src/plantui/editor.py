"""Edits with undo and redo, for interactive use: every edit, undo and redo goes through the
write path.

Undo does not rewind history (other copies may already hold the edit); it makes a new edit
that puts back what was shown before, so it travels and merges like any other. The undo log
is the ``history`` table: each undo step is the list of stamps one edit wrote, and undoing it
writes the "before" of each of its history rows; a conflict the edit settled is put back as
a conflict (its former values, each under a fresh stamp), not as one value. The two stacks are
kept in the database's ``meta`` (one per laptop), written in the same transaction as the edit,
so undo and redo survive closing the app.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from plantui.domain import DELETED
from plantui.service import Change, PlanService, Writer
from plantui.storage.database import as_sqlite
from plantui.storage.records import load_state

Listener = Callable[[str], None]
T = TypeVar("T")
Reopen = dict[str, dict[str, list[dict[str, Any]]]]
"""record id -> field -> the siblings of a conflict an edit settled."""
Step = dict[str, Any]
"""One undo step: {"stamps": [stamp, ...], "reopen": Reopen}."""

UNDO_LOG = "undo_log:"
"""meta key prefix; the replica id completes it, so a copied database starts its own log."""


def load_write_path() -> None:
    """Set up the ORM behind the write path now (importing this module imported it), so the
    first edit does not wait for it; the app calls this in a thread after its first frame."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


class Editor:
    """The write path plus persistent undo/redo stacks and change listeners (the screens)."""

    def __init__(self, service: PlanService, limit: int = 200) -> None:
        self.service = service
        self.listeners: list[Listener] = []
        self._limit = limit

    # The log: {"undo": [step, ...], "redo": [...]}, newest step last

    @staticmethod
    def _key(writer: Writer) -> str:
        return UNDO_LOG + writer.replica

    def _load(self, writer: Writer) -> dict[str, list[Step]]:
        raw = self.service.db.meta(self._key(writer), writer.session)
        try:
            log = json.loads(raw) if raw else {}
        except ValueError:
            log = {}
        return {
            "undo": list(log.get("undo", [])) if isinstance(log, dict) else [],
            "redo": list(log.get("redo", [])) if isinstance(log, dict) else [],
        }

    def _save(self, writer: Writer, log: dict[str, list[Step]]) -> None:
        for name in ("undo", "redo"):
            del log[name][: -self._limit]
        self.service.db.set_meta(writer.session, self._key(writer), json.dumps(log))

    def _steps(self, name: str) -> int:
        db = self.service.db
        raw = db.meta(UNDO_LOG + (db.meta("replica_id") or ""))
        try:
            log = json.loads(raw) if raw else {}
            return len(log.get(name, []))
        except (ValueError, AttributeError, TypeError):
            return 0

    # Edits

    def _edit(self, write: Callable[[Writer], T], touched: Callable[[T], list[str]]) -> T:
        """Run one edit in one transaction and push the stamps it wrote as one undo step."""
        with self.service.transaction() as writer:
            result = write(writer)
            if writer.stamps:
                log = self._load(writer)
                changes: list[Change] = [
                    c
                    for c in (result if isinstance(result, list) else [result])
                    if isinstance(c, Change)
                ]
                reopen = {c.record_id: c.reopen for c in changes if c.reopen}
                log["undo"].append({"stamps": list(writer.stamps), "reopen": reopen})
                log["redo"] = []
                self._save(writer, log)
        for record_id in touched(result):
            self._notify(record_id)
        return result

    def _notify(self, record_id: str) -> None:
        for listener in list(self.listeners):
            listener(record_id)

    def _one(self, write: Callable[[Writer], Change]) -> Change:
        return self._edit(write, lambda change: [change.record_id])

    def create(self, type_name: str, values: dict[str, Any]) -> Change:
        return self._one(lambda w: w.create(type_name, values))

    def update(self, record_id: str, values: dict[str, Any]) -> Change:
        return self._one(lambda w: w.update(record_id, values))

    def delete(self, record_id: str) -> Change:
        return self._one(lambda w: w.delete(record_id))

    def restore(self, record_id: str) -> Change:
        return self._one(lambda w: w.restore(record_id))

    def resolve(self, record_id: str, name: str, keep: str) -> Change:
        return self._one(lambda w: w.resolve(record_id, name, keep))

    def move_ask(self, record_id: str, step: int) -> list[Change]:
        """Move an ask one place in priority; undone in one step, however many it ranked."""
        return self._edit(
            lambda w: w.move_ask(record_id, step),
            lambda changes: [c.record_id for c in changes if c.before],
        )

    def update_many(self, edits: list[tuple[str, dict[str, Any]]]) -> list[Change]:
        """Several updates in one transaction, undone together (e.g. set the baseline)."""
        return self._edit(
            lambda w: [w.update(record_id, values) for record_id, values in edits],
            lambda changes: [c.record_id for c in changes if c.before],
        )

    def together(self, write: Callable[[Writer], list[Change]]) -> list[Change]:
        """Any writes in one transaction, undone together (e.g. ticking who attended)."""
        return self._edit(write, lambda changes: [c.record_id for c in changes])

    # Going back and forth

    @property
    def can_undo(self) -> bool:
        return self._steps("undo") > 0

    @property
    def can_redo(self) -> bool:
        return self._steps("redo") > 0

    def undo(self) -> Change | None:
        """Put back what the last edit changed, as a new edit; None when nothing is left."""
        return self._step("undo", "redo")

    def redo(self) -> Change | None:
        """Make again the edit the last undo took back; None when nothing was undone."""
        return self._step("redo", "undo")

    def _step(self, take: str, give: str) -> Change | None:
        with self.service.transaction() as writer:
            log = self._load(writer)
            if not log[take]:
                return None
            step = log[take].pop()
            touched = _reverse(writer, step)
            if writer.stamps:
                # Taking the step back again (redo after undo) writes plain values.
                log[give].append({"stamps": list(writer.stamps), "reopen": {}})
            self._save(writer, log)
        for record_id in dict.fromkeys(touched):
            self._notify(record_id)
        return Change(touched[-1]) if touched else Change("")


def _reverse(writer: Writer, step: Step) -> list[str]:
    """Write, as new edits, what was shown before the history rows of the step's stamps,
    newest first, and reopen the conflicts it settled. Returns the ids of the records touched."""
    stamps: list[str] = list(step.get("stamps", []))
    reopen: Reopen = step.get("reopen") or {}
    con = as_sqlite(writer.session)
    marks = ", ".join("?" * len(stamps))
    rows = con.execute(
        f"SELECT record_id, changes FROM history WHERE at IN ({marks}) ORDER BY seq DESC",
        stamps,
    ).fetchall()
    touched: list[str] = []
    for record_id, raw in rows:
        state = load_state(writer.session, record_id)
        if state is None:
            continue
        touched.append(record_id)
        if raw is None:  # created whole by this step: undoing it deletes the record
            if not state.deleted:
                writer.delete(record_id)
            continue
        changes = json.loads(raw)
        settled = reopen.pop(record_id, {})
        before = {n: old for n, (old, _new) in changes.items() if n not in settled}
        was_deleted = before.pop(DELETED, None)
        if before:
            writer.update(record_id, before)
        for name, siblings in settled.items():
            writer.reopen(record_id, name, siblings)
        if DELETED in settled:
            continue
        if DELETED not in changes:
            continue
        now = load_state(writer.session, record_id)
        is_deleted = bool(now and now.deleted)
        # ``None`` before: the record did not exist, so taking the step back deletes it.
        if was_deleted is not False and not is_deleted:
            writer.delete(record_id)
        elif was_deleted is False and is_deleted:
            writer.restore(record_id)
    touched.reverse()
    return touched
