"""The People screen: who takes part, their organisation and role, and their consent."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from sqlalchemy.orm import Session

from plantui.storage.models import Person
from plantui.tui.widgets.browse import BROWSE_CSS
from plantui.tui.widgets.merge_actions import MergeableScreen
from plantui.tui.widgets.safe import cell


class PeopleScreen(MergeableScreen):
    """People by name, with job title and consent; contact details show in the detail pane."""

    TYPE = "person"
    TITLE_TEXT = "People"
    PLURAL = "people"
    COLUMNS = ("Job title", "Consent", "Name")
    SEARCH = ("name", "job_title", "languages", "notes", "consent")
    CSS_PATH: ClassVar = [BROWSE_CSS, Path(__file__).with_name("people.tcss")]

    def order(self) -> list[Any]:
        return [Person.name, Person.id]

    def row_cells(self, row: Any, session: Session) -> list[Text]:
        person: Person = row[0]
        return [
            cell(person.job_title),
            cell((person.consent or "").replace("_", " ")),
            self.marked(row, person.name),
        ]
