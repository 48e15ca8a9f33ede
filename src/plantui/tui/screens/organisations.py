"""The Organisations screen: who is in the plan, and every ask, pledge and action of theirs."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from plantui.queries import lists
from plantui.queries.lists import OrganisationRow, OrgCounts
from plantui.tui.widgets.merge_actions import MergeableScreen
from plantui.tui.widgets.safe import cell


class OrganisationsScreen(MergeableScreen[OrganisationRow]):
    """Organisations by name, with sector and role; contacts and the organisation's pack
    figures show in the detail pane, and `o` opens the pack itself."""

    TYPE = "organisation"
    SUB_TITLE = "Organisations"
    PLURAL = "organisations"
    COLUMNS = ("Short name", "Sector", "Role", "Organisation")
    MIN_WIDTHS: ClassVar = {"Short name": 10, "Sector": 8, "Role": 8}
    DROP_ORDER = ("Role", "Sector")
    BINDINGS: ClassVar = [Binding("o", "org_pack", "Pack", id="organisation.pack")]

    def row_cells(self, row: OrganisationRow) -> list[Text]:
        return [
            cell(row.short_name),
            cell((row.sector or "").replace("_", " ")),
            cell((row.role or "").replace("_", " ")),
            self.marked(row, row.name),
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
        if org_id and row is not None and not row.deleted and not row.merged:
            text = pack_summary(lists.org_counts(self.app.plan_db, self.app.today, org_id))
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
        view = lists.record(self.app.plan_db, org_id)
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
