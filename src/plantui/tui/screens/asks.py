"""The Asks screen: the ranked list, moving an ask up or down, and the chain both ways."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding

from plantui.errors import PlanError
from plantui.queries.lists import AskRow
from plantui.tui.widgets.browse import FilteredBrowse
from plantui.tui.widgets.safe import cell, progress, rag

MOVE = Binding.Group("Move", compact=True)


class AsksScreen(FilteredBrowse[AskRow]):
    """Asks in priority order with rolled-up RAG and progress; shift+up/down reorders."""

    TYPE = "ask"
    SUB_TITLE = "Asks"
    PLURAL = "asks"
    COLUMNS = ("#", "Ref", "RAG", "Progress", "Pledges", "Status", "Ask")
    MIN_WIDTHS: ClassVar = {"Status": 8}
    DROP_ORDER = ("Pledges", "Progress", "Status", "RAG", "#")
    FACETS = ("owner", "status", "rag")
    BINDINGS: ClassVar = [
        Binding("shift+up,K", "move_up", "Move up", id="ask.move-up", group=MOVE, key_display="⇧↑"),
        Binding(
            "shift+down,J",
            "move_down",
            "Move down",
            id="ask.move-down",
            group=MOVE,
            key_display="⇧↓",
        ),
    ]

    def row_cells(self, row: AskRow) -> list[Text]:
        return [
            Text(str(row.position) if row.position else "–", justify="right"),
            cell(row.ref_code),
            rag(row.rag),
            progress(row.progress, width=6),
            Text(str(row.pledges), justify="right"),
            cell((row.status or "").replace("_", " ")),
            self.marked(row, row.title),
        ]

    def _move(self, step: int) -> None:
        record_id = self._need_selection()
        if not record_id:
            return
        try:
            self.app.editor.move_ask(record_id, step)
        except PlanError as exc:
            self.notify(str(exc), markup=False)
            return
        self.select_record(record_id)

    def action_move_up(self) -> None:
        """Raise the selected ask one place in priority."""
        self._move(-1)

    def action_move_down(self) -> None:
        """Lower the selected ask one place in priority."""
        self._move(1)
