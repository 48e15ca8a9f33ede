"""The Organisations screen: who is in the plan, and every ask, pledge and action of theirs."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from sqlalchemy.orm import Session
from textual.binding import Binding
from textual.widgets import Static

from plantui.queries.org_pack import OrgCounts, org_pack_counts
from plantui.storage.models import Organisation
from plantui.tui.widgets.browse import BROWSE_CSS
from plantui.tui.widgets.merge_actions import MergeableScreen
from plantui.tui.widgets.safe import cell


class OrganisationsScreen(MergeableScreen):
    """Organisations by name, with sector and role; contacts and the organisation's pack
    figures show in the detail pane, and `o` opens the pack itself."""

    TYPE = "organisation"
    TITLE_TEXT = "Organisations"
    PLURAL = "organisations"
    COLUMNS = ("Short name", "Sector", "Role", "Organisation")
    SEARCH = ("name", "short_name", "sector", "role", "notes", "contact_name")
    MIN_WIDTHS: ClassVar = {"Short name": 10, "Sector": 8, "Role": 8}
    DROP_ORDER = ("Role", "Sector")
    CSS_PATH: ClassVar = [BROWSE_CSS, Path(__file__).with_name("organisations.tcss")]
    BINDINGS: ClassVar = [Binding("o", "org_pack", "Pack", id="organisation.pack")]

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

    def show_detail(self) -> None:
        """The record's fields and links, then its pack figures (after every reload too)."""
        before = self._shown_id
        super().show_detail()
        if self._shown_id != before:
            self._show_pack(self._shown_id)

    def _show_pack(self, org_id: str | None) -> None:
        text = Text()
        row = self._rows.get(org_id or "")
        if org_id and row is not None and not row[0].deleted and not row[0].merged_into:
            with self.app.service.db.read() as session:
                text = pack_summary(org_pack_counts(session, self.app.today, org_id))
        found = self.query("#org-pack")
        if found:
            found.first(Static).update(text)
        else:
            self.query_one("#detail-fields").mount(Static(text, id="org-pack"))

    def action_org_pack(self) -> None:
        """Read the selected organisation's pack, or write it as HTML."""
        from plantui.tui.screens.org_pack import OrgPackDialog

        org_id = self._need_selection()
        if not org_id:
            return
        view = self.app.service.get(org_id)
        if view.deleted:
            self.notify("It is deleted: r restores it first.", markup=False)
            return
        if view.values.get("merged_into"):
            self.notify("It is merged: the organisation it went into has the pack.", markup=False)
            return
        self.app.push_screen(OrgPackDialog(org_id, view.label))


def pack_summary(counts: OrgCounts) -> Text:
    """The figures of `report --org` in four short lines."""
    return Text.assemble(
        ("\nIts pack", "bold underline"),
        (" (o to read or write it)", "dim"),
        f"\nAsks: {counts.raised} raised · {counts.asked} asked of it",
        f"\nPledges: {counts.pledges} · Actions owned: {counts.actions}",
        ("\nOverdue: ", "bold" if counts.overdue else ""),
        (str(counts.overdue), "bold" if counts.overdue else ""),
        f" · Due in 30 days: {counts.due_soon}",
    )
