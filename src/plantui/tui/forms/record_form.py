"""Add or edit one record: an input per field, validated as you type."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static


class RecordForm(ModalScreen[str | None]):
    """The form for one record type; saves through the app's editor and returns the id."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form-cancel")]

    def __init__(
        self, type_name: str, record_id: str | None = None, preset: dict[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.type_name = type_name
        self.record_id = record_id
        self.preset = dict(preset or {})

    def compose(self) -> ComposeResult:
        yield Static(self.type_name, markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)
