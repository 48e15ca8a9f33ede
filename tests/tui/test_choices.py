"""Choices for refs and the picker: live records by label or ref code, in SQL."""

from __future__ import annotations

from plantui.service import PlanService
from plantui.tui.forms.choices import label_of, live_choices


def test_choices_match_label_or_ref_code_and_count_all_matches(plan_service: PlanService) -> None:
    s = plan_service
    a2 = s.create("ask", {"title": "Fair funding", "ref_code": "A2"}).record_id
    a1 = s.create("ask", {"title": "Mental health", "ref_code": "A1"}).record_id
    gone = s.create("ask", {"title": "Withdrawn funding ask", "ref_code": "A3"}).record_id
    s.delete(gone)
    org = s.create("organisation", {"name": "Funding Trust"}).record_id

    everything, total = live_choices(s.db, ("ask", "organisation"))
    assert [c.id for c in everything] == [a1, a2, org]  # asks by ref code, deleted left out
    assert total == 3
    assert everything[0].label == "A1 Mental health"

    found, total = live_choices(s.db, ("ask", "organisation"), "FUNDING")
    assert ({c.id for c in found}, total) == ({a2, org}, 2)
    found, _ = live_choices(s.db, ("ask",), "a1")
    assert [c.id for c in found] == [a1]  # the ref code matches too

    first, total = live_choices(s.db, ("ask", "organisation"), limit=1, exclude=frozenset({a1}))
    assert ([c.id for c in first], total) == ([a2], 2)


def test_like_wildcards_in_the_text_match_only_themselves(plan_service: PlanService) -> None:
    s = plan_service
    percent = s.create("organisation", {"name": "100% Community"}).record_id
    s.create("organisation", {"name": "1000 Voices"})
    under = s.create("organisation", {"name": "snake_case Group"}).record_id
    s.create("organisation", {"name": "snakeXcase Group"})
    assert [c.id for c in live_choices(s.db, ("organisation",), "0%")[0]] == [percent]
    assert [c.id for c in live_choices(s.db, ("organisation",), "e_c")[0]] == [under]


def test_label_of_names_the_type_and_falls_back_to_the_id(plan_service: PlanService) -> None:
    s = plan_service
    ask = s.create("ask", {"title": "Close [/] gap", "ref_code": "A7"}).record_id
    org = s.create("organisation", {"name": "Southwark Council"}).record_id
    assert label_of(s.db, ask) == "A7 Close [/] gap (ask)"
    assert label_of(s.db, org) == "Southwark Council (organisation)"
    unknown = "01900000-0000-7000-8000-0000000000ff"
    assert label_of(s.db, unknown) == unknown
