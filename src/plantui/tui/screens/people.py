"""The People screen: who takes part, their organisation and role, and their consent."""

from __future__ import annotations

from rich.text import Text

from plantui.queries.lists import PersonRow
from plantui.tui.widgets.merge_actions import MergeableScreen
from plantui.tui.widgets.safe import cell


class PeopleScreen(MergeableScreen[PersonRow]):
    """People by name, with job title and consent; contact details show in the detail pane."""

    TYPE = "person"
    SUB_TITLE = "People"
    PLURAL = "people"
    COLUMNS = ("Job title", "Consent", "Name")

    def row_cells(self, row: PersonRow) -> list[Text]:
        return [
            cell(row.job_title),
            cell((row.consent or "").replace("_", " ")),
            self.marked(row, row.name),
        ]
