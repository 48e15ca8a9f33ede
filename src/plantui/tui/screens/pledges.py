"""The Pledges screen: who pledged what, how it stands, and the asks and actions it joins."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text

from plantui.queries.lists import PledgeRow
from plantui.tui.widgets.browse import FilteredBrowse
from plantui.tui.widgets.safe import cell


class PledgesScreen(FilteredBrowse[PledgeRow]):
    """Pledges by reference, with who made them, lifecycle, completion and due date."""

    TYPE = "pledge"
    SUB_TITLE = "Pledges"
    PLURAL = "pledges"
    COLUMNS = ("Ref", "Due", "Lifecycle", "Completion", "Made by", "Pledge")
    MIN_WIDTHS: ClassVar = {"Made by": 8, "Completion": 8}
    DROP_ORDER = ("Completion", "Made by", "Lifecycle", "Due")
    FACETS = ("owner", "status", "ask")

    def row_cells(self, row: PledgeRow) -> list[Text]:
        due = cell(row.due)
        if row.overdue:
            due = Text.assemble(due, (" overdue", "bold"))
        return [
            cell(row.ref_code),
            due,
            cell((row.lifecycle or "").replace("_", " ")),
            cell((row.completion or "").replace("_", " ")),
            cell(row.maker),
            self.marked(row, row.title),
        ]
