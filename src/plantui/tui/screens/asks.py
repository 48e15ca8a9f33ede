"""The Asks screen: the ranked list, moving an ask up or down, and the chain both ways."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from sqlalchemy import select
from sqlalchemy.orm import Session
from textual.binding import Binding

from plantui import derived
from plantui.errors import PlanError
from plantui.schedule import NO_RAG
from plantui.storage.models import Ask, Link
from plantui.tui.widgets.browse import BROWSE_CSS, FilteredBrowse
from plantui.tui.widgets.filters import RAG_CHOICES
from plantui.tui.widgets.list_facets import enum_options, is_value, org_options
from plantui.tui.widgets.safe import cell, progress, rag

MOVE = Binding.Group("Move", compact=True)


class AsksScreen(FilteredBrowse):
    """Asks in priority order with rolled-up RAG and progress; shift+up/down reorders."""

    TYPE = "ask"
    TITLE_TEXT = "Asks"
    PLURAL = "asks"
    COLUMNS = ("#", "Ref", "RAG", "Progress", "Pledges", "Status", "Ask")
    SEARCH = ("title", "ref_code", "statement", "theme", "status", "population_group")
    MIN_WIDTHS: ClassVar = {"Status": 8}
    DROP_ORDER = ("Pledges", "Progress", "Status", "RAG", "#")
    FACETS = ("owner", "status", "rag")
    OWNER_ROLES = ("raised_by", "directed_to")
    """An ask's owners: the organisations that raised it and those it is asked of."""
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

    def _owner_links(self):
        return select(Link.from_).where(Link.deleted.is_(False), Link.role.in_(self.OWNER_ROLES))

    def facet_values(self, session: Session, facet: str) -> list[tuple[str, str]]:
        if facet == "owner":
            live = self._owner_links().where(
                Link.from_.in_(select(Ask.id).where(Ask.deleted.is_(False)))
            )
            return org_options(session, live.with_only_columns(Link.to))
        if facet == "status":
            return enum_options(session, Ask.status, Ask.deleted.is_(False))
        return [*RAG_CHOICES, (NO_RAG, "not set")]

    def facet_clause(self, session: Session, facet: str, value: str) -> Any:
        if facet == "owner":
            return Ask.id.in_(self._owner_links().where(Link.to == value))
        if facet == "status":
            return is_value(Ask.status, value)
        wanted = None if value == NO_RAG else value
        rollups = derived.ask_rollups(session)
        return Ask.id.in_([a for a, roll in rollups.items() if roll.rag == wanted])

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
