"""The Organisations screen: who is in the plan, and every ask, pledge and action of theirs."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from sqlalchemy.orm import Session

from plantui.storage.models import Organisation
from plantui.tui.widgets.browse import BROWSE_CSS, BrowseScreen
from plantui.tui.widgets.merge_actions import MERGE_BINDING, MergeActions
from plantui.tui.widgets.safe import cell


class OrganisationsScreen(MergeActions, BrowseScreen):
    """Organisations by name, with sector and role; contacts show in the detail pane."""

    TYPE = "organisation"
    TITLE_TEXT = "Organisations"
    PLURAL = "organisations"
    COLUMNS = ("Short name", "Sector", "Role", "Organisation")
    SEARCH = ("name", "short_name", "sector", "role", "notes", "contact_name")
    MIN_WIDTHS: ClassVar = {"Short name": 10, "Sector": 8, "Role": 8}
    DROP_ORDER = ("Role", "Sector")
    CSS_PATH: ClassVar = [BROWSE_CSS, Path(__file__).with_name("organisations.tcss")]
    BINDINGS: ClassVar = [MERGE_BINDING]

    def order(self) -> list[Any]:
        return [Organisation.name, Organisation.id]

    def row_cells(self, row: Any, session: Session) -> list[Text]:
        org: Organisation = row[0]
        return [
            cell(org.short_name),
            cell((org.sector or "").replace("_", " ")),
            cell((org.role or "").replace("_", " ")),
            self.marked(row, org.name),
        ]
