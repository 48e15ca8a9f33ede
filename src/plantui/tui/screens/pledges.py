"""The Pledges screen: who pledged what, how it stands, and the asks and actions it joins."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from plantui.storage.models import Link, Organisation, Pledge
from plantui.tui.widgets.browse import BROWSE_CSS, FilteredBrowse
from plantui.tui.widgets.list_facets import (
    NOT_SET,
    ask_options,
    enum_options,
    is_value,
    org_options,
)
from plantui.tui.widgets.safe import cell


class PledgesScreen(FilteredBrowse):
    """Pledges by reference, with who made them, lifecycle, completion and due date."""

    TYPE = "pledge"
    TITLE_TEXT = "Pledges"
    PLURAL = "pledges"
    COLUMNS = ("Ref", "Due", "Lifecycle", "Completion", "Made by", "Pledge")
    SEARCH = ("title", "ref_code", "commitment", "target", "lifecycle")
    MIN_WIDTHS: ClassVar = {"Made by": 8, "Completion": 8}
    DROP_ORDER = ("Completion", "Made by", "Lifecycle", "Due")
    FACETS = ("owner", "status", "ask")
    CSS_PATH: ClassVar = [BROWSE_CSS, Path(__file__).with_name("pledges.tcss")]

    def __init__(self) -> None:
        super().__init__()
        self._orgs: dict[str, str] = {}

    def order(self) -> list[Any]:
        # P2 before P10: shorter codes first, then by text.
        return [func.length(Pledge.ref_code), Pledge.ref_code, Pledge.title, Pledge.id]

    @staticmethod
    def _answers():
        """(pledge, ask) of every live responds_to link."""
        return select(Link.from_, Link.to).where(
            Link.deleted.is_(False), Link.role == "responds_to"
        )

    def facet_values(self, session: Session, facet: str) -> list[tuple[str, str]]:
        live = select(Pledge.id).where(Pledge.deleted.is_(False))
        if facet == "owner":
            return org_options(session, live.with_only_columns(Pledge.made_by))
        if facet == "status":
            return enum_options(session, Pledge.lifecycle, Pledge.deleted.is_(False))
        answers = self._answers().where(Link.from_.in_(live))
        asks = ask_options(session, answers.with_only_columns(Link.to))
        unanswered = session.execute(
            live.where(Pledge.id.not_in(answers.with_only_columns(Link.from_))).limit(1)
        ).first()
        return asks + ([(NOT_SET, "no ask")] if unanswered else [])

    def facet_clause(self, session: Session, facet: str, value: str) -> Any:
        if facet == "owner":
            return Pledge.made_by == value
        if facet == "status":
            return is_value(Pledge.lifecycle, value)
        answers = self._answers().with_only_columns(Link.from_)
        if value == NOT_SET:
            return Pledge.id.not_in(answers)
        return Pledge.id.in_(answers.where(Link.to == value))

    def prepare(self, session: Session, rows: list[Any]) -> None:
        ids = {row[0].made_by for row in rows if row[0].made_by}
        self._orgs = {
            org_id: short or name or ""
            for org_id, short, name in session.execute(
                select(Organisation.id, Organisation.short_name, Organisation.name).where(
                    Organisation.id.in_(ids)
                )
            )
        }

    def row_cells(self, row: Any, session: Session) -> list[Text]:
        pledge: Pledge = row[0]
        today = self.app.today
        overdue = (
            pledge.due is not None
            and pledge.due < today
            and pledge.lifecycle not in ("met", "partly_met", "not_met", "withdrawn")
        )
        due = cell(pledge.due)
        if overdue:
            due = Text.assemble(due, (" overdue", "bold"))
        return [
            cell(pledge.ref_code),
            due,
            cell((pledge.lifecycle or "").replace("_", " ")),
            cell((pledge.completion or "").replace("_", " ")),
            cell(self._orgs.get(pledge.made_by or "", "")),
            self.marked(row, pledge.title),
        ]
