"""What the record form reads, on a real database: the record with its conflicts, the plan's
time zone and a ref code another record already has."""

from __future__ import annotations

import pytest

from plantui.errors import PlanError
from plantui.queries.forms import Written, form_record, ref_code_holder, zone_of
from plantui.service import PlanService
from tests.tui.helpers_t2 import add_sibling


def test_a_record_opens_with_every_field_of_its_type(plan_service: PlanService) -> None:
    ask = plan_service.create("ask", {"title": "Youth hub", "ref_code": "A3"}).record_id
    got = form_record(plan_service.db, ask)
    assert got.type == "ask"
    assert got.values == plan_service.get(ask).values
    assert got.values["title"] == "Youth hub" and got.values["status"] is None
    assert got.label == "Youth hub"
    assert got.conflicts == {}


def test_a_field_in_conflict_comes_with_each_value_and_its_stamp(
    plan_service: PlanService,
) -> None:
    ask = plan_service.create("ask", {"title": "Ours"}).record_id
    theirs = add_sibling(plan_service, ask, "title", "Theirs")
    got = form_record(plan_service.db, ask)
    assert list(got.conflicts) == ["title"]
    assert [w.value for w in got.conflicts["title"]] == [
        s["v"] for s in plan_service.get(ask).state.fields["title"]
    ]
    assert Written("Theirs", theirs) in got.conflicts["title"]
    assert got.values["title"] == plan_service.get(ask).values["title"]


def test_an_unknown_record_is_one_plain_sentence(plan_service: PlanService) -> None:
    with pytest.raises(PlanError, match=r"There is no record with id nope\."):
        form_record(plan_service.db, "nope")


def test_the_zone_is_the_plans_timezone_or_london(plan_service: PlanService) -> None:
    assert zone_of(plan_service.db).key == "Europe/London"
    plan_id = plan_service.db.plan_id
    assert plan_id is not None
    plan_service.update(plan_id, {"timezone": "America/New_York"})
    assert zone_of(plan_service.db).key == "America/New_York"


def test_a_ref_code_held_by_another_live_record_is_named(plan_service: PlanService) -> None:
    held = plan_service.create("action", {"title": "Report to board", "ref_code": "M9"})
    other = plan_service.create("action", {"title": "Gone", "ref_code": "M7"}).record_id
    plan_service.delete(other)
    db = plan_service.db
    assert ref_code_holder(db, "action", " m9 ", None) == "Report to board"
    assert ref_code_holder(db, "action", "M9", held.record_id) is None
    assert ref_code_holder(db, "action", "M7", None) is None
    assert ref_code_holder(db, "ask", "M9", None) is None
    assert ref_code_holder(db, "note", "M9", None) is None
    assert ref_code_holder(db, "action", "  ", None) is None
