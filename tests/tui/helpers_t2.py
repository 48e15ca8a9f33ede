"""Helpers for T2's dialog and conflict/sync tests: a tiny host app and real conflicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import App
from textual.screen import Screen

from plantui.editor import Editor
from plantui.service import PlanService
from plantui.storage.records import RecordState, load_state, save_states
from plantui.tui.screen_list import STYLESHEETS

OTHER = "00000000-0000-4000-8000-0000000000ff"
"""The replica id of 'another laptop' in these tests."""

OTHER_CLOCK = "1733000000500.0000"
"""Its clock: just after the tests' FakeClock start, so it reads 2024-11-30 20:53 UTC."""


class Host(App[None]):
    """The smallest app a dialog or screen needs: service, plan_db, editor and today."""

    TITLE = "plantui"
    CSS_PATH = STYLESHEETS  # every screen's styles are the app's

    def __init__(self, service: PlanService, screen: Screen[Any] | None = None) -> None:
        super().__init__()
        self.service = service
        self.plan_db = service.db
        self.editor = Editor(service)
        self.today = dt.date(2025, 3, 1)
        self.results: list[Any] = []
        self._first = screen

    def on_mount(self) -> None:
        if self._first is not None:
            self.push_screen(self._first, self.results.append)


def add_sibling(service: PlanService, record_id: str, name: str, value: Any) -> str:
    """Give a field a second value written by another laptop that never saw ours: a conflict.

    Returns the other value's stamp."""
    with service.db.read() as session:
        state = load_state(session, record_id)
    assert state is not None
    at = f"{OTHER_CLOCK}@{OTHER}"
    state.fields.setdefault(name, []).append({"v": value, "at": at})
    state.fields[name].sort(key=lambda s: s["at"])
    state.vv[OTHER] = OTHER_CLOCK
    with service.db.write() as session:
        save_states(session, [RecordState(state.id, state.type, state.vv, state.fields)])
    return at


def delete_while_edited(service: PlanService, record_id: str, name: str, value: Any) -> None:
    """Delete a record here, then merge in an edit another laptop made without seeing it."""
    service.delete(record_id)
    with service.db.read() as session:
        state = load_state(session, record_id)
    assert state is not None
    state.fields[name] = [{"v": value, "at": f"{OTHER_CLOCK}@{OTHER}"}]
    state.vv[OTHER] = OTHER_CLOCK
    with service.db.write() as session:
        save_states(session, [RecordState(state.id, state.type, state.vv, state.fields)])
