"""The palette's record search through plantui.queries.search."""

from __future__ import annotations

from plantui.merging import merge_records
from plantui.queries.search import find_records
from plantui.service import PlanService


def test_found_by_word_prefix_and_accents_aside_deleted_and_merged_left_out(
    plan_service: PlanService,
) -> None:
    s = plan_service
    kept = s.create("organisation", {"name": "Lucía Interpreters"}).record_id
    twin = s.create("organisation", {"name": "Lucia Interpreting"}).record_id
    gone = s.create("ask", {"title": "Interpreters for clinics"}).record_id
    s.delete(gone)
    assert {h.id for h in find_records(s.db, "LUCIA interp")} == {kept, twin}

    merge_records(s, twin, kept)

    found = find_records(s.db, "lucia interp")
    assert [(h.id, h.type, h.label) for h in found] == [
        (kept, "organisation", "Lucía Interpreters")
    ]


def test_the_limit_caps_the_hits(plan_service: PlanService) -> None:
    s = plan_service
    for n in range(5):
        s.create("ask", {"title": f"Funding round {n}"})
    assert len(find_records(s.db, "fund", limit=3)) == 3
    assert find_records(s.db, "   ") == []
