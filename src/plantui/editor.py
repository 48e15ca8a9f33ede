"""Edits with undo, for interactive use: every edit and every undo goes through the write path.

Undo does not rewind history (other copies may already hold the edit); it makes a new edit
that puts back what was shown before, so it travels and merges like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from plantui.domain import DELETED
from plantui.service import Change, PlanService

Listener = Callable[[str], None]


class Editor:
    """The write path plus an undo stack and change listeners (the screens)."""

    def __init__(self, service: PlanService, limit: int = 200) -> None:
        self.service = service
        self.listeners: list[Listener] = []
        self._undo: list[list[Change]] = []
        self._limit = limit

    def _done(self, change: Change, undoable: bool = True) -> Change:
        if undoable and (change.created or change.before):
            self._push([change])
        self._notify(change.record_id)
        return change

    def _push(self, changes: list[Change]) -> None:
        self._undo.append(changes)
        del self._undo[: -self._limit]

    def _notify(self, record_id: str) -> None:
        for listener in list(self.listeners):
            listener(record_id)

    def create(self, type_name: str, values: dict[str, Any]) -> Change:
        return self._done(self.service.create(type_name, values))

    def update(self, record_id: str, values: dict[str, Any]) -> Change:
        return self._done(self.service.update(record_id, values))

    def delete(self, record_id: str) -> Change:
        return self._done(self.service.delete(record_id))

    def restore(self, record_id: str) -> Change:
        return self._done(self.service.restore(record_id))

    def resolve(self, record_id: str, name: str, keep: str) -> Change:
        return self._done(self.service.resolve(record_id, name, keep))

    def move_ask(self, record_id: str, step: int) -> list[Change]:
        """Move an ask one place in priority; undone in one step, however many it ranked."""
        changes = [c for c in self.service.move_ask(record_id, step) if c.before]
        if changes:
            self._push(changes)
        for change in changes:
            self._notify(change.record_id)
        return changes

    def update_many(self, edits: list[tuple[str, dict[str, Any]]]) -> list[Change]:
        """Several updates in one transaction, undone together (e.g. set the baseline)."""
        with self.service.transaction() as writer:
            changes = [writer.update(record_id, values) for record_id, values in edits]
        real = [c for c in changes if c.before]
        if real:
            self._push(real)
        for change in real:
            self._notify(change.record_id)
        return changes

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> Change | None:
        """Put back what the last edit changed, as a new edit; None when nothing is left."""
        if not self._undo:
            return None
        changes = self._undo.pop()
        with self.service.transaction() as writer:
            for change in reversed(changes):
                self._reverse(writer, change)
        for change in changes:
            self._notify(change.record_id)
        return changes[-1]

    @staticmethod
    def _reverse(writer, change: Change) -> None:
        if change.created:
            writer.delete(change.record_id)
            return
        # Fields the edit settled while in conflict get their conflict back, not one value.
        before = {k: v for k, v in change.before.items() if k not in change.reopen}
        was_deleted = before.pop(DELETED, None)
        if before:
            writer.update(change.record_id, before)
        for name, siblings in change.reopen.items():
            writer.reopen(change.record_id, name, siblings)
        if was_deleted is True:
            writer.delete(change.record_id)
        elif was_deleted is False:
            writer.restore(change.record_id)
