"""queries.overview: the Overview's one read, checked against what was written."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from plantui.queries import derived
from plantui.queries.overview import attention, overview
from tests.conftest import edit_from_another_laptop
from tests.tui.helpers_t2 import add_sibling

TODAY = dt.date(2025, 3, 1)


def test_the_overview_reads_head_asks_rollups_gaps_conflicts_and_findings(plan_service):
    s = plan_service
    (plan,) = s.list("plan")
    s.update(plan.id, {"period_end": "2025-12-01", "area": "Northside"})
    second = s.create("ask", {"title": "Second", "ref_code": "A2", "rank": "b"}).record_id
    first = s.create("ask", {"title": "First", "ref_code": "A1", "rank": "a"}).record_id
    org = s.create("organisation", {"name": "Soon gone"}).record_id
    late = s.create(
        "action",
        {"title": "Late", "ask": first, "end": "2025-01-31", "rag": "red", "progress": 40},
    ).record_id
    s.create("action", {"title": "Fine", "ask": first, "rag": "green", "progress": 60})
    s.create("action", {"title": "Owned", "public_owner": org})
    s.delete(org)
    edit_from_another_laptop(s.db, late, {"start": "2025-02-15"})  # ends before it starts
    add_sibling(s, second, "title", "Second, renamed")

    view = overview(s.db, TODAY, 100)

    assert view.head is not None and view.head.title == "Test plan"
    assert (view.head.area, view.head.period_end) == ("Northside", dt.date(2025, 12, 1))
    assert view.elapsed == pytest.approx(90 / 365)
    assert [a.id for a in view.asks] == [first, second]  # by rank
    assert (view.rollups[first].rag, view.rollups[first].progress) == ("red", 50)
    assert view.rollups[second].rag is None
    assert view.attention is not None
    gaps = {(g.kind, g.record) for g in view.attention.gaps.first}
    assert {("ask_without_pledge", first), ("overdue_action", late)} <= gaps
    assert [(c.record, c.field) for c in view.attention.conflicts.first] == [(second, "title")]
    assert {(f.kind, f.record) for f in view.attention.findings.first} == {
        ("deleted_ref", next(a.id for a in s.list("action") if a.label == "Owned")),
        ("end_before_start", late),
    }


def test_an_empty_plan_file_reads_as_no_plan(service):
    view = overview(service.db, TODAY, 100)
    assert (view.head, view.elapsed, view.asks) == (None, None, ())
    assert view.attention is not None
    assert (view.attention.gaps.count, view.attention.gaps.first) == (0, ())


def test_the_overview_is_a_frozen_value(plan_service):
    view = overview(plan_service.db, TODAY, 100)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.asks = ()  # type: ignore[misc]


@pytest.mark.parametrize("first", [0, 1, 2, 100])
def test_each_section_counts_the_full_list_and_holds_its_first_items(plan_service, first):
    """Against the lists ``plantui check`` and ``plantui conflicts`` print."""
    s = plan_service
    org = s.create("organisation", {"name": "Soon gone"}).record_id
    for n in range(3):
        ask = s.create("ask", {"title": f"Ask {n}"}).record_id
        add_sibling(s, ask, "title", f"Ask {n}, renamed")
        act = s.create("action", {"title": f"Act {n}", "public_owner": org}).record_id
        edit_from_another_laptop(s.db, act, {"start": "2025-02-15", "end": "2025-02-01"})
    s.delete(org)

    view = overview(s.db, TODAY, first)

    with s.db.snapshot() as con:
        whole = (
            derived.gaps(con, TODAY),
            derived.open_conflicts(con),
            derived.integrity_findings(con),
        )
    assert view.attention is not None
    found = view.attention
    for section, full in zip((found.gaps, found.conflicts, found.findings), whole, strict=True):
        assert len(full) > 2
        assert (section.count, section.first) == (len(full), tuple(full[:first]))


def test_the_head_and_asks_read_alone_and_what_needs_attention_apart(plan_service):
    """A big plan's Overview draws its head and asks at once and reads the rest in a thread:
    the two reads hold what the whole one does."""
    s = plan_service
    ask = s.create("ask", {"title": "Unanswered"}).record_id
    s.create("action", {"title": "Unowned", "ask": ask})
    add_sibling(s, ask, "title", "Unanswered, renamed")
    whole = overview(s.db, TODAY, 5)
    head = overview(s.db, TODAY, 5, attention_below=1)  # it has one action: too big
    assert head.attention is None
    assert dataclasses.replace(head, attention=whole.attention) == whole
    assert overview(s.db, TODAY, 5, attention_below=2) == whole
    assert attention(s.db, TODAY, 5) == whole.attention
    assert whole.attention is not None and whole.attention.gaps.count > 0
