"""An event's minutes through plantui.queries.minutes, checked against what was written."""

from __future__ import annotations

import datetime as dt

import pytest

from plantui.errors import PlanError
from plantui.meetings.record import check_in, record_decision
from plantui.queries.meetings import meeting_event
from plantui.queries.minutes import build_minutes
from plantui.service import PlanService
from tests.conftest import FakeClock

MEETING_START = "2024-12-05T10:00:00+00:00"
"""Five days after the test clock's start (30 Nov 2024): what is written first predates it."""


def _to_the_meeting(clock: FakeClock) -> None:
    """Move the wall clock to half an hour into the meeting."""
    start = dt.datetime.fromisoformat(MEETING_START)
    clock.now = int(start.timestamp() * 1000) + 30 * 60_000


def test_who_came_what_was_decided_and_noted_leaving_deleted_records_out(
    plan_service: PlanService, clock: FakeClock
) -> None:
    s = plan_service
    event = s.create("event", {"title": "Steering group", "starts_at": MEETING_START}).record_id
    later = s.create("event", {"title": "Steering group 2", "starts_at": "2025-01-09"}).record_id
    org = s.create("organisation", {"name": "Peckham Pantry"}).record_id
    named = s.create("person", {"name": "Lucía", "consent": "named_in_reports"}).record_id
    quiet = s.create("person", {"name": "Sam"}).record_id
    gone = s.create("organisation", {"name": "Closed Charity"}).record_id
    ask = s.create("ask", {"title": "Youth hub", "ref_code": "A3"}).record_id
    row = meeting_event(s.db, event)
    for attendee in (org, named, quiet, gone):
        check_in(s, row, attendee)
    s.delete(gone)
    record_decision(s, row, "Grants agreed\nTo the budget round.", "2024-12-05")
    dropped = record_decision(s, row, "Venue changed", "2024-12-05")
    s.delete(dropped)
    s.create("note", {"about": event, "date": "2024-12-05", "headline": "Quorum met"})
    s.create("note", {"about": event, "date": "2024-12-01", "headline": "Room", "kind": "agenda"})
    clock.advance(1)  # notes of one day come in the order written (their ids)
    minute = {"date": "2024-12-05", "kind": "minute", "about": ask}
    s.create("note", {**minute, "headline": "Hub site found", "body": "Near the library"})
    deleted_note = s.create("note", {**minute, "headline": "Said in error"}).record_id
    s.delete(deleted_note)

    minutes = build_minutes(s.db, event)

    assert minutes.event.id == event and minutes.next is not None and minutes.next.id == later
    assert (minutes.organisations, minutes.people, minutes.unnamed_people) == (
        ("Peckham Pantry",),
        ("Lucía",),
        1,
    )
    assert minutes.decisions == (("Grants agreed", "To the budget round."),)
    assert minutes.notes == (
        ("Quorum met", ""),
        ("Hub site found (about Youth hub)", "Near the library"),
    )


def test_actions_written_during_the_meeting_new_or_changed_with_owners_named(
    plan_service: PlanService, clock: FakeClock
) -> None:
    s = plan_service
    event = s.create("event", {"title": "Review", "starts_at": MEETING_START}).record_id
    owner = s.create("organisation", {"name": "Southwark Council"}).record_id
    changed = s.create("action", {"title": "Open the hub", "rag": "green"}).record_id
    s.create("action", {"title": "Untouched", "rag": "amber"})
    removed = s.create("action", {"title": "Dropped"}).record_id
    _to_the_meeting(clock)
    s.update(changed, {"rag": "red", "public_owner": owner})
    added = s.create("action", {"title": "Book interpreters"}).record_id
    s.update(removed, {"rag": "red"})
    s.delete(removed)

    actions = build_minutes(s.db, event).actions

    assert [a.id for a in actions] == sorted([changed, added])  # neither has a start date
    by_id = {a.id: a for a in actions}
    assert (by_id[changed].new, by_id[changed].title) == (False, "Open the hub")
    assert by_id[changed].fields == {"rag": "red", "public_owner": "Southwark Council"}
    assert (by_id[added].new, by_id[added].fields) == (True, {"title": "Book interpreters"})


def test_a_cancelled_event_has_no_minutes(plan_service: PlanService) -> None:
    s = plan_service
    event = s.create(
        "event", {"title": "Called off", "starts_at": MEETING_START, "status": "cancelled"}
    ).record_id
    with pytest.raises(PlanError, match="was cancelled"):
        build_minutes(s.db, event)
    s.update(event, {"status": "planned"})
    assert build_minutes(s.db, event).event.status == "planned"
