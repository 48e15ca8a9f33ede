"""The Events screen: workshops and meetings, who hosted them, what was asked and pledged."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding

from plantui.queries import lists
from plantui.queries.lists import EventRow
from plantui.tui.widgets.browse import FilteredBrowse
from plantui.tui.widgets.safe import cell


class EventsScreen(FilteredBrowse[EventRow]):
    """Events by date, with status and kind; the place and minutes are in the detail pane."""

    TYPE = "event"
    SUB_TITLE = "Events"
    PLURAL = "events"
    COLUMNS = ("When", "Status", "Kind", "Event")
    MIN_WIDTHS: ClassVar = {"Kind": 8}
    DROP_ORDER = ("Kind", "Status")
    FACETS = ("status",)
    BINDINGS: ClassVar = [
        Binding("M", "run_meeting", "Run meeting", id="event.run-meeting", show=False),
        Binding("c", "check_in", "Check in", id="event.check-in", show=False),
    ]

    def action_check_in(self) -> None:
        """Tick who attended the selected event (people and organisations)."""
        from plantui.tui.dialogs.attendance import check_in

        record_id = self._need_selection()
        if record_id is not None:
            check_in(self, record_id)

    def action_run_meeting(self) -> None:
        """Meeting mode for the selected event."""
        from plantui.tui.screens.meeting import MeetingScreen

        record_id = self.current_id()
        if record_id is not None:
            self.app.push_screen(MeetingScreen(record_id))

    def first_record(self) -> str | None:
        """What is next: the first event from today on (past ones stay above it), else the
        most recent one."""
        return lists.first_upcoming_event(self.app.plan_db, self.app.today)

    def row_cells(self, row: EventRow) -> list[Text]:
        when = (row.starts_at or "").replace("T", " ")[:16]
        return [
            cell(when),
            cell(row.status),
            cell((row.kind or "").replace("_", " ")),
            self.marked(row, row.title),
        ]
