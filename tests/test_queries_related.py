"""The chain of related records, read over plain sqlite3 and checked against what was written."""

from __future__ import annotations

from plantui.queries.related import LEADS_ACTIONS, LEADS_EVENTS, Related, related_records
from plantui.service import PlanService


def _by_heading(related: list[Related]) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for r in related:
        out.setdefault(r.heading, []).append((r.type, r.label))
    return out


def test_an_ask_shows_its_event_links_actions_and_notes_newest_last(
    plan_service: PlanService,
) -> None:
    s = plan_service
    event = s.create("event", {"title": "Forum", "starts_at": "2025-03-01T10:00+00:00"}).record_id
    ask = s.create("ask", {"title": "Fair funding", "ref_code": "A1", "raised_at": event}).record_id
    org = s.create("organisation", {"name": "Southwark Council"}).record_id
    link = s.create("link", {"role": "directed_to", "from": ask, "to": org}).record_id
    s.create("action", {"title": "Write the bid", "ask": ask})
    s.create("action", {"title": "Another bid", "ask": ask})
    gone = s.create("action", {"title": "Dropped", "ask": ask}).record_id
    s.delete(gone)
    s.create("note", {"about": ask, "date": "2025-03-02", "headline": "Older"})
    s.create("note", {"about": ask, "date": "2025-04-02", "headline": "Newer"})

    related = related_records(s.db, ask, "ask")

    assert _by_heading(related) == {
        "Raised at": [("event", "Forum")],
        "Asked of": [("organisation", "Southwark Council")],
        "Actions delivering it": [("action", "Another bid"), ("action", "Write the bid")],
        "Notes": [("note", "Newer"), ("note", "Older")],
    }
    asked_of = next(r for r in related if r.heading == "Asked of")
    assert (asked_of.record_id, asked_of.link_id, asked_of.role) == (org, link, "directed_to")
    assert [r.extra for r in related if r.heading == "Notes"] == ["2025-04-02", "2025-03-02"]


def test_an_organisation_shows_what_points_at_it_and_a_deleted_target_is_marked(
    plan_service: PlanService,
) -> None:
    s = plan_service
    org = s.create("organisation", {"name": "Southwark Council"}).record_id
    ask = s.create("ask", {"title": "Gone ask", "ref_code": "A9"}).record_id
    s.create("link", {"role": "directed_to", "from": ask, "to": org})
    s.delete(ask)
    pledge = s.create("pledge", {"title": "Fund it", "made_by": org}).record_id

    related = related_records(s.db, org, "organisation")

    assert [(r.heading, r.record_id, r.deleted) for r in related] == [
        ("Asks directed to it", ask, True),
        ("Pledges it made", pledge, False),
    ]
    assert related[0].label == "Gone ask"


def test_a_person_leads_what_their_organisation_hosts_and_owns(plan_service: PlanService) -> None:
    s = plan_service
    org = s.create("organisation", {"name": "National Voices"}).record_id
    other = s.create("organisation", {"name": "Elsewhere"}).record_id
    person = s.create("person", {"name": "Jess", "organisation": org}).record_id
    event = s.create("event", {"title": "Workshop", "starts_at": "2025-03-02T14:15+00:00"})
    s.create("link", {"role": "hosts", "from": event.record_id, "to": org})
    s.create("action", {"title": "Run it", "community_owner": org})
    s.create("action", {"title": "Not theirs", "public_owner": other})

    headings = _by_heading(related_records(s.db, person, "person"))

    assert headings[LEADS_EVENTS] == [("event", "Workshop")]
    assert headings[LEADS_ACTIONS] == [("action", "Run it")]
    assert headings["Organisation"] == [("organisation", "National Voices")]


def test_an_unknown_record_has_nothing_related(plan_service: PlanService) -> None:
    assert related_records(plan_service.db, "0" * 32, "ask") == []
