"""The Events list opens at what is next; the Timeline's zoom steps through sizes in order."""

from __future__ import annotations

import itertools

from textual.widgets import DataTable

from plantui.schedule import ZOOMS
from plantui.tui.timeline.gantt import GanttView
from tests.tui.conftest import TODAY, wait_for


async def test_events_open_on_the_first_upcoming_event(make_app, demo_service) -> None:
    events = demo_service.list("event")
    upcoming = [e for e in events if e.values["starts_at"][:10] >= TODAY.isoformat()]
    assert upcoming and len(upcoming) < len(events)
    app = make_app("events")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#records", DataTable)
        assert await wait_for(pilot, lambda: table.row_count == len(events))
        assert app.screen.current_id() == upcoming[0].id
        past = {e.id for e in events} - {e.id for e in upcoming}
        above = [table.coordinate_to_cell_key((n, 0)).row_key.value for n in range(len(past))]
        assert set(above) == past  # the past stays above, in date order


async def test_zoom_moves_one_size_at_a_time(make_app) -> None:
    app = make_app("timeline")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_for(pilot, lambda: app.screen.query_one(GanttView).rows)
        gantt = app.screen.query_one(GanttView)
        seen = [gantt.zoom]
        for _ in range(2 * len(ZOOMS)):
            await pilot.press("z")
            await pilot.pause()
            seen.append(gantt.zoom)
        steps = [ZOOMS.index(b) - ZOOMS.index(a) for a, b in itertools.pairwise(seen)]
        assert all(abs(step) == 1 for step in steps), seen
        assert set(seen) == set(ZOOMS)
