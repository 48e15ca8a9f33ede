"""The Asks screen: the ranked list, moving an ask up or down, and the chain both ways."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from fractional_indexing import generate_key_between
from rich.text import Text
from sqlalchemy import select
from sqlalchemy.orm import Session
from textual.binding import Binding

from plantui import derived
from plantui.errors import PlanError
from plantui.storage.models import Ask
from plantui.tui.widgets.browse import BROWSE_CSS, BrowseScreen
from plantui.tui.widgets.safe import cell, progress, rag


def new_rank(ranks: list[tuple[str | None, str]], index: int, step: int) -> str | None:
    """The rank that moves the ask at ``index`` one place (``step`` -1 up, +1 down).

    ``ranks`` is the live asks' (rank, id) in list order. Only the moved ask gets a new
    rank, strictly between its new neighbours; asks tied with the neighbour it passes are
    passed too, since nothing fits between equal ranks. None when it cannot move.
    """
    target = index + step
    if target < 0 or target >= len(ranks):
        return None
    passed = ranks[target][0]
    if step < 0:
        if passed is None:
            return None
        before = [r for r, _ in ranks[:target] if r is not None and r < passed]
        return generate_key_between(before[-1] if before else None, passed)
    if passed is None:
        after = [r for r, _ in ranks[target + 1 :] if r is not None]
        return generate_key_between(None, after[0]) if after else generate_key_between(None, None)
    after = [r for r, _ in ranks[target + 1 :] if r is not None and r > passed]
    return generate_key_between(passed, after[0] if after else None)


MOVE = Binding.Group("Move", compact=True)


class AsksScreen(BrowseScreen):
    """Asks in priority order with rolled-up RAG and progress; shift+up/down reorders."""

    TYPE = "ask"
    TITLE_TEXT = "Asks"
    PLURAL = "asks"
    COLUMNS = ("#", "Ref", "RAG", "Progress", "Pledges", "Status", "Ask")
    SEARCH = ("title", "ref_code", "statement", "theme", "status", "population_group")
    MIN_WIDTHS: ClassVar = {"Status": 8}
    DROP_ORDER = ("Pledges", "Progress", "Status", "RAG", "#")
    CSS_PATH: ClassVar = [BROWSE_CSS, Path(__file__).with_name("asks.tcss")]
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

    def __init__(self) -> None:
        super().__init__()
        self._rollups: dict[str, derived.AskRollup] = {}
        self._position: dict[str, int] = {}

    def order(self) -> list[Any]:
        return [Ask.rank, Ask.id]

    def prepare(self, session: Session, rows: list[Any]) -> None:
        self._rollups = derived.ask_rollups(session)
        ids = session.execute(
            select(Ask.id).where(Ask.deleted.is_(False)).order_by(Ask.rank, Ask.id)
        ).scalars()
        self._position = {ask_id: n for n, ask_id in enumerate(ids, start=1)}

    def row_cells(self, row: Any, session: Session) -> list[Text]:
        ask: Ask = row[0]
        roll = self._rollups.get(ask.id)
        position = self._position.get(ask.id)
        return [
            Text(str(position) if position else "–", justify="right"),
            cell(ask.ref_code),
            rag(roll.rag if roll else None),
            progress(roll.progress if roll else None, width=6),
            Text(str(len(roll.pledges)) if roll else "0", justify="right"),
            cell((ask.status or "").replace("_", " ")),
            self.marked(row, ask.title),
        ]

    def _move(self, step: int) -> None:
        record_id = self._need_selection()
        if not record_id:
            return
        with self.app.service.db.read() as session:
            ranks = [
                (rank, ask_id)
                for ask_id, rank in session.execute(
                    select(Ask.id, Ask.rank)
                    .where(Ask.deleted.is_(False))
                    .order_by(Ask.rank, Ask.id)
                )
            ]
        index = next((i for i, (_, ask_id) in enumerate(ranks) if ask_id == record_id), None)
        if index is None:
            self.notify("A deleted ask has no place in the order; restore it first.")
            return
        rank = new_rank(ranks, index, step)
        if rank is None:
            where = "top" if step < 0 else "bottom"
            self.notify(f"It is already at the {where}.", markup=False)
            return
        try:
            self.app.editor.update(record_id, {"rank": rank})
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.select_record(record_id)

    def action_move_up(self) -> None:
        """Raise the selected ask one place in priority."""
        self._move(-1)

    def action_move_down(self) -> None:
        """Lower the selected ask one place in priority."""
        self._move(1)
