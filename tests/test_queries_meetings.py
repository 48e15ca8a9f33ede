"""Meeting mode's reads through plantui.queries.meetings, checked against what was written."""

from __future__ import annotations

import pytest

from plantui.errors import PlanError
from plantui.queries.meetings import agenda_items, meeting_event
from plantui.service import PlanService


def test_the_event_and_its_agenda_as_written(plan_service: PlanService) -> None:
    s = plan_service
    event = s.create(
        "event",
        {"title": "Steering group", "starts_at": "2025-03-01T10:00+00:00", "minutes": "Opened"},
    ).record_id
    raised = s.create("ask", {"title": "Youth hub", "ref_code": "A3", "raised_at": event})
    added = s.create(
        "note", {"about": event, "kind": "agenda", "headline": "Venue", "date": "2025-02-20"}
    )

    row = meeting_event(s.db, event)
    assert (row.id, row.title, row.minutes) == (event, "Steering group", "Opened")
    items = agenda_items(s.db, event)
    assert ("asks", raised.record_id, "A3 Youth hub") in [
        (i.section, i.record, i.label) for i in items
    ]
    assert ("added", added.record_id, "Venue") in [(i.section, i.record, i.label) for i in items]

    s.update(event, {"minutes": "Opened and closed"})
    assert meeting_event(s.db, event).minutes == "Opened and closed"


def test_a_deleted_event_is_refused_in_one_sentence(plan_service: PlanService) -> None:
    s = plan_service
    event = s.create("event", {"title": "Gone", "starts_at": "2025-03-01"}).record_id
    s.delete(event)
    with pytest.raises(PlanError):
        meeting_event(s.db, event)
