"""What people see of a record: the shown values of its state, its deletion and conflicts.

The service returns it from ``get``/``list`` and the writer from ``view``; forms and the CLI
read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plantui import merge
from plantui.domain import DELETED, record_label, values_in_field_order
from plantui.storage.records import RecordState


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
        return record_label(self.type, self.values, self.id)

    @classmethod
    def of(cls, state: RecordState) -> RecordView:
        shown = state.shown()
        return cls(
            state.id,
            state.type,
            values_in_field_order(state.type, shown),
            shown.get(DELETED, False) is True,
            merge.conflict_fields(state.fields),
            merge.delete_edit_conflict(state.fields),
            state,
        )
