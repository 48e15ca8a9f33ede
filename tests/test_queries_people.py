"""People reads through plantui.queries.people, checked against what was written."""

from __future__ import annotations

from plantui.merging import merge_records
from plantui.queries.people import (
    EDITORS_HERE,
    Attendee,
    PersonName,
    attendance,
    people,
    person_name,
    shared_laptop,
)
from plantui.service import PlanService


def test_people_are_the_live_ones_by_name_case_aside(plan_service: PlanService) -> None:
    s = plan_service
    zoe = s.create("person", {"name": "zoe"}).record_id
    amir = s.create("person", {"name": "Amir"}).record_id
    gone = s.create("person", {"name": "Bea"}).record_id
    s.delete(gone)
    twin = s.create("person", {"name": "Amir K"}).record_id
    merge_records(s, twin, amir)

    assert people(s.db) == [PersonName(amir, "Amir"), PersonName(zoe, "zoe")]
    assert person_name(s.db, gone) == "Bea"  # a past edit may still be theirs
    assert person_name(s.db, "0" * 32) is None


def test_a_laptop_is_shared_once_two_people_have_edited_on_it(plan_service: PlanService) -> None:
    s = plan_service
    amir = s.create("person", {"name": "Amir"}).record_id
    zoe = s.create("person", {"name": "Zoe"}).record_id
    s.by = amir
    s.create("ask", {"title": "One"})
    assert not shared_laptop(s.db)
    s.by = zoe
    s.create("ask", {"title": "Two"})
    assert shared_laptop(s.db)


def test_attendance_ticks_who_came_to_that_event_only(plan_service: PlanService) -> None:
    s = plan_service
    event = s.create("event", {"title": "Forum", "starts_at": "2025-03-01T10:00+00:00"})
    other = s.create("event", {"title": "Other", "starts_at": "2025-04-01T10:00+00:00"})
    org = s.create("organisation", {"name": "Carers Trust"}).record_id
    amir = s.create("person", {"name": "Amir"}).record_id
    bea = s.create("person", {"name": "Bea"}).record_id
    s.create("link", {"role": "attended", "from": amir, "to": event.record_id})
    s.create("link", {"role": "attended", "from": bea, "to": other.record_id})
    left = s.create("link", {"role": "attended", "from": org, "to": event.record_id})
    s.delete(left.record_id)

    assert attendance(s.db, event.record_id) == [
        Attendee(amir, "Amir", True),
        Attendee(bea, "Bea", False),
        Attendee(org, "Carers Trust", False),
    ]


def test_who_edited_here_is_read_from_an_index_not_the_whole_history(
    plan_service: PlanService,
) -> None:
    with plan_service.db.snapshot() as con:
        plan = " ".join(str(row[-1]) for row in con.execute(f"EXPLAIN QUERY PLAN {EDITORS_HERE}"))
    assert "USING COVERING INDEX ix_history_by" in plan and "SCAN history" not in plan
