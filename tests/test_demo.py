"""The example plan: built from the seeds, complete enough to show every feature."""

from __future__ import annotations

import datetime as dt

import pytest

from plantui.demo import demo_records, load_demo
from plantui.errors import PlanError
from plantui.queries import derived


@pytest.fixture
def demo(demo_plan):
    """A copy of the process's example plan, which load_demo wrote with the service clock."""
    return demo_plan


def titles(service, type_name):
    return [v for v in service.list(type_name)]


def test_the_seed_events_are_there_with_their_real_dates(demo):
    events = {v.values["starts_at"][:16]: v for v in demo.list("event")}
    for when in ("2023-03-02T14:15", "2023-03-09T14:15", "2023-03-16T14:15"):
        assert events[when].values["kind"] == "conference_session"
    starts = [v.values["starts_at"] for v in demo.list("event")]
    assert any(s.startswith("2023-11") for s in starts)
    assert any(s.startswith("2024-03") for s in starts)
    assert any(s.startswith("2024-07-18") for s in starts)
    assert any(s.startswith(("2024-10", "2024-11")) for s in starts)


def test_the_conference_sessions_are_hosted_by_the_named_organisations(demo):
    orgs = {v.id: v.values["name"] for v in demo.list("organisation")}
    hosts = {}
    for link in demo.list("link"):
        if link.values["role"] == "hosts":
            event = demo.get(link.values["from"])
            hosts.setdefault(event.values["starts_at"][:10], set()).add(orgs[link.values["to"]])
    assert {"Groundswell", "Turning Point", "The Patient Experience Library"} <= hosts["2023-03-02"]
    assert {"Youth Access UK", "Birthrights"} <= hosts["2023-03-09"]
    assert {"Macmillan Cancer Support", "Compassion in Dying"} <= hosts["2023-03-16"]


def test_eight_ranked_asks_pledges_actions_and_milestones(demo):
    asks = demo.list("ask")
    assert len(asks) == 8
    assert [a.values["rank"] for a in asks] == sorted(a.values["rank"] for a in asks)
    actions = demo.list("action")
    assert any(a.values["milestone"] for a in actions)
    assert all(a.values["community_owner"] or a.values["public_owner"] for a in actions)
    assert len(demo.list("pledge")) >= 8
    assert demo.list("dependency") and demo.list("note")
    plan = demo.list("plan")[0].values
    assert "illustrative" in plan["summary"]
    assert dt.date.fromisoformat(plan["period_end"]) > dt.date.fromisoformat(plan["period_start"])


def test_the_example_is_clean_but_shows_every_kind_of_gap(demo):
    with demo.db.snapshot() as con:
        assert derived.integrity_findings(con) == []
        assert derived.open_conflicts(con) == []
        kinds = {g.kind for g in derived.gaps(con, dt.date(2025, 6, 15))}
    assert kinds == {
        "ask_without_pledge",
        "pledge_without_action",
        "action_without_public_owner",
        "action_without_community_owner",
        "overdue_action",
        "overdue_pledge",
        "milestone_without_deliverable",
    }


def test_demo_refuses_a_database_that_is_not_empty(plan_service):
    with pytest.raises(PlanError, match="not empty"):
        load_demo(plan_service)
    assert len(plan_service.list("ask")) == 0


def test_the_packaged_demo_plan_refers_only_to_earlier_entries():
    seen: set[str] = set()
    for key, _type, fields in demo_records():
        refs = {v[1:] for v in fields.values() if isinstance(v, str) and v.startswith("@")}
        assert refs <= seen, key
        seen.add(key)
    assert len(seen) == len(demo_records())


def test_demo_adds_the_seeds_people_and_marks_illustrative_attendees(service):
    load_demo(service)
    people = {p.values["name"]: p.values for p in service.list("person")}
    roles = {link.values["role"] for link in service.list("link")}
    assert people["Jess Brayne"]["job_title"] == "Head of Membership and Engagement"
    assert people["Rebecca"]["job_title"] == "Head of Policy"
    illustrative = [n for n in people if n not in ("Jess Brayne", "Rebecca")]
    assert illustrative and all("Illustrative" in people[n]["notes"] for n in illustrative)
    assert all(people[n]["consent"] == "none" for n in illustrative)
    assert {"attended", "member_of"} <= roles
