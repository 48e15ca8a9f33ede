"""queries.gaps: one table of rules, read whole or counted with its first few items."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plantui.queries import gaps
from plantui.service import PlanService
from plantui.storage.database import open_database
from tests.conftest import edit_from_another_laptop, edits_from_another_laptop, new_file

TODAY = dt.date(2025, 3, 1)
DAYS = st.one_of(st.none(), st.dates(dt.date(2025, 1, 1), dt.date(2025, 5, 1)).map(str))
SOME = st.sampled_from(["A1", "A2", "B1", ""])
"""Few titles (and pledges without a code), so records tie and the order must still hold."""

ASK = st.fixed_dictionaries(
    {
        "title": SOME,
        "rank": st.text("abc", max_size=2),
        "status": st.sampled_from([None, "raised", "agreed", "declined", "withdrawn", "achieved"]),
    }
)
PLEDGE = st.fixed_dictionaries(
    {
        "ref_code": SOME,
        "title": SOME,
        "due": DAYS,
        "lifecycle": st.sampled_from([None, "agreed", "met", "partly_met", "not_met", "withdrawn"]),
    }
)
ACTION = st.fixed_dictionaries(
    {
        "title": SOME,
        "start": DAYS,
        "status": st.sampled_from([None, "on_track", "done", "cancelled"]),
        "milestone": st.booleans(),
        "deliverable": st.sampled_from([None, "", "  ", "\u00a0\n", "a plan"]),
        "owned": st.tuples(st.booleans(), st.booleans()),
        "pledge": st.integers(0, 5),
        "days": st.one_of(st.none(), st.integers(0, 90)),
    }
)
PLAN = st.fixed_dictionaries(
    {
        "asks": st.lists(ASK, max_size=5),
        "pledges": st.lists(PLEDGE, max_size=5),
        "actions": st.lists(ACTION, max_size=12),
        "answers": st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=4),
        "deleted": st.sets(st.integers(0, 25), max_size=4),
    }
)


def _write(service: PlanService, plan: dict) -> None:
    """The plan drawn by hypothesis, written through the editor's write path in one
    transaction (a commit per record was most of the test's time); then the deliverables as
    another laptop's file may bring them, and some deletions."""
    made: list[str] = []
    deliverables: dict[str, str] = {}
    with service.transaction() as w:
        w.create("plan", {"title": "Random plan"})
        org = w.create("organisation", {"name": "Owner"}).record_id
        asks = [w.create("ask", a).record_id for a in plan["asks"]]
        pledges = [
            w.create(
                "pledge", {**p, "made_by": org, "ref_code": p["ref_code"] and f"P{n}"}
            ).record_id
            for n, p in enumerate(plan["pledges"])
        ]
        made += [*asks, *pledges]
        for p, a in plan["answers"]:
            if p < len(pledges) and a < len(asks):
                link = {"role": "responds_to", "from": pledges[p], "to": asks[a]}
                made.append(w.create("link", link).record_id)
        for a in plan["actions"]:
            public, community = a["owned"]
            values = {
                "title": a["title"],
                "start": a["start"],
                "status": a["status"],
                "milestone": a["milestone"],
                "public_owner": org if public else None,
                "community_owner": org if community else None,
                "pledge": pledges[a["pledge"]] if a["pledge"] < len(pledges) else None,
            }
            if a["start"] and a["days"] is not None:
                end = dt.date.fromisoformat(a["start"]) + dt.timedelta(days=a["days"])
                values["end"] = end.isoformat()
            record_id = w.create("action", values).record_id
            if a["deliverable"] is not None:
                deliverables[record_id] = a["deliverable"]
            made.append(record_id)
    # Deliverables kept as written, spaces too, as a file from another laptop may bring them.
    edits_from_another_laptop(service.db, {r: {"deliverable": d} for r, d in deliverables.items()})
    with service.transaction() as w:
        for n in sorted(plan["deleted"]):
            if n < len(made):
                w.delete(made[n])


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=PLAN, first=st.integers(0, 10))
def test_counted_gaps_are_the_whole_list_counted_and_its_first_items(
    tmp_path_factory: pytest.TempPathFactory, plan: dict, first: int
) -> None:
    db = open_database(new_file(tmp_path_factory.mktemp("plan") / "plan.db"))
    try:
        _write(PlanService(db), plan)
        with db.snapshot() as con:
            whole = gaps.gaps(con, TODAY)
            count, items = gaps.first_gaps(con, TODAY, first)
    finally:
        db.close()
    assert count == len(whole)
    assert items == whole[:first]


def test_a_milestone_whose_deliverable_is_only_spaces_has_none(plan_service):
    s = plan_service
    kept = s.create("action", {"title": "Kept", "milestone": True}).record_id
    blank = s.create("action", {"title": "Blank", "milestone": True}).record_id
    edit_from_another_laptop(s.db, kept, {"deliverable": "\u00a0A report\u3000"})
    edit_from_another_laptop(s.db, blank, {"deliverable": "\u00a0\t\u3000 "})
    with s.db.snapshot() as con:
        found = {g.record for g in gaps.gaps(con, TODAY) if g.kind.startswith("milestone")}
    assert found == {blank}


def test_sql_trims_what_python_strips():
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(gaps.WHITESPACE) == spaces


def test_the_pledges_lists_mark_overdue_are_the_overdue_pledge_gaps(plan_service):
    s = plan_service
    org = s.create("organisation", {"name": "O"}).record_id
    late = s.create("pledge", {"title": "Late", "due": "2025-02-01", "made_by": org}).record_id
    s.create("pledge", {"title": "Met", "due": "2025-02-01", "lifecycle": "met", "made_by": org})
    s.create("pledge", {"title": "Later", "due": "2025-04-01", "made_by": org})
    with s.db.snapshot() as con:
        overdue = {g.record for g in gaps.gaps(con, TODAY) if g.kind == "overdue_pledge"}
        assert gaps.overdue_pledges(con, TODAY) == overdue == {late}
