"""``plantui.queries.lists``: the record lists' pages, search, filters and marks, read back
from what the write path stored."""

from __future__ import annotations

import datetime as dt

import pytest

from plantui.errors import PlanError
from plantui.merging import merge_records
from plantui.queries import duplicates, lists
from plantui.queries.facets import NOT_SET
from plantui.queries.lists import AskRow, ListQuery, PledgeRow
from plantui.service import PlanService
from tests.tui.conftest import add_conflict

TODAY = dt.date(2025, 3, 1)


def _ids(service: PlanService, query: ListQuery) -> list[str]:
    return [row.id for row in lists.page(service.db, query, TODAY).rows]


@pytest.fixture
def asks(plan_service: PlanService) -> dict[str, str]:
    """Three asks (ranked A2, A1, A3), two organisations, one pledge answering A1."""
    s = plan_service
    made = {
        "a1": s.create("ask", {"ref_code": "A1", "title": "Interpreters at the clinic"}),
        "a2": s.create("ask", {"ref_code": "A2", "title": "Lucía's youth hub", "status": "agreed"}),
        "a3": s.create("ask", {"ref_code": "A3", "title": "Bus route"}),
        "org": s.create("organisation", {"name": "Southwark Council", "short_name": "SC"}),
        "other": s.create("organisation", {"name": "NHS Trust"}),
    }
    ids = {k: v.record_id for k, v in made.items()}
    s.update(ids["a2"], {"rank": "a0"})
    s.update(ids["a1"], {"rank": "a1"})
    s.update(ids["a3"], {"rank": "a2"})
    s.create("link", {"role": "directed_to", "from": ids["a1"], "to": ids["org"]})
    s.create("action", {"title": "Hire", "ask": ids["a1"], "rag": "red", "progress": 40})
    s.create("action", {"title": "Train", "ask": ids["a1"], "rag": "green", "progress": 60})
    return ids


def test_asks_come_in_rank_order_with_positions_and_rollups(plan_service, asks) -> None:
    rows = lists.page(plan_service.db, ListQuery("ask"), TODAY).rows
    assert [r.id for r in rows] == [asks["a2"], asks["a1"], asks["a3"]]
    a1 = rows[1]
    assert isinstance(a1, AskRow)
    assert (a1.position, a1.rag, a1.progress, a1.pledges) == (2, "red", 50, 0)
    assert (rows[0].rag, rows[0].progress) == (None, None)


def test_search_folds_case_and_accents_and_treats_wildcards_as_text(plan_service, asks) -> None:
    assert _ids(plan_service, ListQuery("ask", "LUCIA")) == [asks["a2"]]
    assert _ids(plan_service, ListQuery("ask", "interp")) == [asks["a1"]]
    assert _ids(plan_service, ListQuery("ask", "%")) == []
    page = lists.page(plan_service.db, ListQuery("ask", "a", limit=1), TODAY)
    assert page.total == 3 and len(page.rows) == 1


def test_facets_are_data_turned_into_sql(plan_service, asks) -> None:
    owner = ListQuery("ask", facets={"owner": asks["org"]})
    assert _ids(plan_service, owner) == [asks["a1"]]
    assert _ids(plan_service, ListQuery("ask", facets={"rag": "red"})) == [asks["a1"]]
    assert _ids(plan_service, ListQuery("ask", facets={"rag": "none"})) == [asks["a2"], asks["a3"]]
    assert _ids(plan_service, ListQuery("ask", facets={"status": "agreed"})) == [asks["a2"]]
    unset = ListQuery("ask", facets={"status": NOT_SET})
    assert _ids(plan_service, unset) == [asks["a1"], asks["a3"]]
    both = ListQuery("ask", "bus", facets={"status": NOT_SET})
    assert _ids(plan_service, both) == [asks["a3"]]
    plan = plan_service.db
    assert lists.facet_options(plan, "ask", "owner") == [(asks["org"], "SC")]
    assert lists.facet_options(plan, "ask", "status") == [
        ("agreed", "agreed"),
        (NOT_SET, "not set"),
    ]


def test_pledges_in_natural_order_with_maker_overdue_and_ask_filter(plan_service, asks) -> None:
    s = plan_service
    org = asks["org"]
    nhs = asks["other"]
    ten = {"ref_code": "P10", "title": "Ten", "due": "2025-01-01", "made_by": nhs}
    p10 = s.create("pledge", ten).record_id
    p2 = s.create("pledge", {"ref_code": "P2", "title": "Two", "made_by": org}).record_id
    done = {
        "ref_code": "P1",
        "title": "One",
        "due": "2025-01-01",
        "lifecycle": "met",
        "made_by": nhs,
    }
    p1 = s.create("pledge", done).record_id
    s.create("link", {"role": "responds_to", "from": p2, "to": asks["a1"]})
    rows = lists.page(s.db, ListQuery("pledge"), TODAY).rows
    assert [r.id for r in rows] == [p1, p2, p10]
    assert all(isinstance(r, PledgeRow) for r in rows)
    by_id = {r.id: r for r in rows if isinstance(r, PledgeRow)}
    assert (by_id[p2].maker, by_id[p10].maker) == ("SC", "NHS Trust")
    assert (by_id[p10].overdue, by_id[p1].overdue, by_id[p2].overdue) == (True, False, False)
    assert _ids(s, ListQuery("pledge", facets={"ask": asks["a1"]})) == [p2]
    assert _ids(s, ListQuery("pledge", facets={"ask": NOT_SET})) == [p1, p10]
    assert _ids(s, ListQuery("pledge", facets={"owner": org})) == [p2]
    assert lists.facet_options(s.db, "pledge", "owner") == [(nhs, "NHS Trust"), (org, "SC")]
    assert lists.facet_options(s.db, "pledge", "ask") == [
        (asks["a1"], "A1 Interpreters at the clinic"),
        (NOT_SET, "no ask"),
    ]


def test_deleted_merged_and_conflicted_rows_are_marked(plan_service, asks) -> None:
    s = plan_service
    twin = s.create("organisation", {"name": "Southwark council"}).record_id
    merge_records(s, twin, asks["org"])
    s.delete(asks["other"])
    add_conflict(s, asks["org"], "name", "Southwark Borough")
    assert _ids(s, ListQuery("organisation")) == [asks["org"]]
    rows = {
        r.id: r for r in lists.page(s.db, ListQuery("organisation", show_deleted=True), TODAY).rows
    }
    assert set(rows) == {asks["org"], asks["other"], twin}
    assert (rows[twin].merged, rows[twin].deleted) == (True, False)
    assert (rows[asks["other"]].deleted, rows[asks["org"]].conflicted) == (True, True)
    assert not rows[twin].conflicted


def test_a_record_as_its_detail_shows_it(plan_service, asks) -> None:
    shown = lists.record(plan_service.db, asks["a2"])
    assert (shown.type, shown.label, shown.deleted) == ("ask", "Lucía's youth hub", False)
    assert shown.values["status"] == "agreed" and shown.conflicts == []
    plan_service.delete(asks["a3"])
    assert lists.record(plan_service.db, asks["a3"]).deleted
    with pytest.raises(PlanError, match="no record with id nope"):
        lists.record(plan_service.db, "nope")


def test_the_next_event_and_duplicates(plan_service) -> None:
    s = plan_service
    past = s.create("event", {"title": "Past", "starts_at": "2025-01-10T10:00+00:00"}).record_id
    assert lists.first_upcoming_event(s.db, TODAY) == past  # none ahead: the latest
    soon = s.create("event", {"title": "Soon", "starts_at": "2025-03-05T10:00+00:00"}).record_id
    s.create("event", {"title": "Later", "starts_at": "2025-04-05T10:00+00:00"})
    assert lists.first_upcoming_event(s.db, TODAY) == soon
    first = s.create("organisation", {"name": "Peckham Pantry"}).record_id
    again = s.create("organisation", {"name": "peckham pantry."}).record_id
    pairs = duplicates.looks_like(s.db, "organisation", again)
    assert [(p.a_id, p.b_id, p.reason) for p in pairs] == [(first, again, "same name")] or [
        (p.b_id, p.a_id, p.reason) for p in pairs
    ] == [(first, again, "same name")]
