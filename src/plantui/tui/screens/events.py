"""The Events screen: workshops and meetings, who hosted them, what was asked and pledged."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from sqlalchemy import select
from sqlalchemy.orm import Session
from textual.binding import Binding

from plantui.storage.models import Event
from plantui.tui.widgets.browse import BROWSE_CSS, FilteredBrowse
from plantui.tui.widgets.list_facets import enum_options, is_value
from plantui.tui.widgets.safe import cell


class EventsScreen(FilteredBrowse):
    """Events by date, with status and kind; the place and minutes are in the detail pane."""

    TYPE = "event"
    TITLE_TEXT = "Events"
    PLURAL = "events"
    COLUMNS = ("When", "Status", "Kind", "Event")
    SEARCH = ("title", "location", "kind", "status", "description", "starts_at")
    MIN_WIDTHS: ClassVar = {"Kind": 8}
    DROP_ORDER = ("Kind", "Status")
    FACETS = ("status",)
    CSS_PATH: ClassVar = [BROWSE_CSS, Path(__file__).with_name("events.tcss")]
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

    def order(self) -> list[Any]:
        return [Event.starts_at, Event.id]

    def facet_values(self, session: Session, facet: str) -> list[tuple[str, str]]:
        return enum_options(session, Event.status, Event.deleted.is_(False))

    def facet_clause(self, session: Session, facet: str, value: str) -> Any:
        return is_value(Event.status, value)

    def first_record(self) -> str | None:
        """What is next: the first event from today on (past ones stay above it), else the
        most recent one."""
        today = self.app.today.isoformat()
        live = select(Event.id).where(Event.deleted.is_(False))
        with self.app.service.db.read() as session:
            upcoming = session.execute(
                live.where(Event.starts_at >= today).order_by(Event.starts_at, Event.id).limit(1)
            ).scalar()
            if upcoming is not None:
                return upcoming
            return session.execute(
                live.order_by(Event.starts_at.desc(), Event.id.desc()).limit(1)
            ).scalar()

    def row_cells(self, row: Any, session: Session) -> list[Text]:
        event: Event = row[0]
        when = (event.starts_at or "").replace("T", " ")[:16]
        return [
            cell(when),
            cell(event.status),
            cell((event.kind or "").replace("_", " ")),
            self.marked(row, event.title),
        ]
