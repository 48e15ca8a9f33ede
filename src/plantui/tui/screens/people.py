"""The People screen: who takes part, their organisation and role, and their consent."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text

from plantui.queries.lists import PersonRow
from plantui.tui.widgets.browse import BROWSE_CSS
from plantui.tui.widgets.merge_actions import MergeableScreen
from plantui.tui.widgets.safe import cell


class PeopleScreen(MergeableScreen[PersonRow]):
    """People by name, with job title and consent; contact details show in the detail pane."""

    TYPE = "person"
    SUB_TITLE = "People"
    PLURAL = "people"
    COLUMNS = ("Job title", "Consent", "Name")
    CSS_PATH: ClassVar = [BROWSE_CSS, Path(__file__).with_name("people.tcss")]

    def row_cells(self, row: PersonRow) -> list[Text]:
        return [
            cell(row.job_title),
            cell((row.consent or "").replace("_", " ")),
            self.marked(row, row.name),
        ]
