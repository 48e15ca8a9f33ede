"""Live choices read through plantui.queries.choices, checked against what was written."""

from __future__ import annotations

from plantui.merging import merge_records
from plantui.queries.choices import live_choices
from plantui.service import PlanService


def test_ref_codes_in_natural_order_then_records_without_one_by_label(
    plan_service: PlanService,
) -> None:
    s = plan_service
    p10 = s.create("pledge", {"title": "Tenth", "ref_code": "P10", "made_by": _org(s)}).record_id
    p2 = s.create("pledge", {"title": "Second", "ref_code": "P2", "made_by": _org(s)}).record_id
    bare = s.create("pledge", {"title": "Zero", "made_by": _org(s)}).record_id
    alpha = s.create("pledge", {"title": "alpha", "made_by": _org(s)}).record_id

    found, total = live_choices(s.db, ("pledge",))

    assert [c.id for c in found] == [p2, p10, alpha, bare]
    assert [c.label for c in found] == ["P2 Second", "P10 Tenth", "alpha", "Zero"]
    assert total == 4


def test_a_record_merged_into_another_is_not_offered(plan_service: PlanService) -> None:
    s = plan_service
    kept = s.create("organisation", {"name": "Southwark Council"}).record_id
    duplicate = s.create("organisation", {"name": "Southwark council"}).record_id
    assert {c.id for c in live_choices(s.db, ("organisation",), "southwark")[0]} == {
        kept,
        duplicate,
    }

    merge_records(s, duplicate, kept)

    found, total = live_choices(s.db, ("organisation",), "southwark")
    assert ([c.id for c in found], total) == ([kept], 1)


def test_the_limit_spans_types_and_the_total_counts_every_match(
    plan_service: PlanService,
) -> None:
    s = plan_service
    asks = [s.create("ask", {"title": f"Ask {n}", "ref_code": f"A{n}"}).record_id for n in (1, 2)]
    events = [
        s.create("event", {"title": f"Forum {n}", "starts_at": "2025-03-01T10:00+00:00"})
        for n in (1, 2)
    ]

    found, total = live_choices(s.db, ("ask", "event", "link"), limit=3)

    assert [c.id for c in found] == [*asks, events[0].record_id]
    assert [c.type for c in found] == ["ask", "ask", "event"]
    assert total == 4  # links are never offered: they have no label a person knows


def _org(s: PlanService) -> str:
    return s.create("organisation", {"name": "Funder"}).record_id
