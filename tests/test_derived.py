"""Derived facts: ask rollups, gaps, integrity findings, dependency cycles."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plantui.queries import derived
from plantui.queries.rollups import ask_rollups
from tests.conftest import edit_from_another_laptop


def test_ask_rollup_is_worst_rag_and_mean_progress(plan_service):
    s = plan_service
    ask = s.create("ask", {"title": "A"}).record_id
    s.create("action", {"title": "1", "ask": ask, "rag": "green", "progress": 20})
    s.create("action", {"title": "2", "ask": ask, "rag": "amber", "progress": 60})
    gone = s.create("action", {"title": "3", "ask": ask, "rag": "red", "progress": 0}).record_id
    s.delete(gone)  # deleted actions do not count
    with s.db.snapshot() as con:
        rollup = ask_rollups(con)[ask]
    assert (rollup.rag, rollup.progress, rollup.actions) == ("amber", 40, 2)


def test_a_mean_progress_half_way_rounds_to_even_as_python_does(plan_service):
    s = plan_service
    asks = [s.create("ask", {"title": t}).record_id for t in ("A", "B")]
    for ask, values in zip(asks, ((2, 3), (1, 2)), strict=True):
        for progress in values:
            s.create("action", {"title": "a", "ask": ask, "progress": progress})
    with s.db.snapshot() as con:
        rollups = ask_rollups(con)
    assert [rollups[a].progress for a in asks] == [2, 2]  # round(2.5) and round(1.5)


def test_the_rollups_of_a_page_of_asks_are_theirs_in_the_whole_plans(demo_plan):
    """A list reads the rollups of its page of asks only: the same as the whole plan's."""
    s = demo_plan
    with s.db.snapshot() as con:
        whole = ask_rollups(con)
        ids = sorted(whole)
        assert any(roll.pledges for roll in whole.values()) and any(r.rag for r in whole.values())
        for page in (ids[:3], ids[3:], [ids[0], "not an ask"], []):
            assert ask_rollups(con, page) == {i: whole[i] for i in page if i in whole}


ACTION = st.tuples(
    st.integers(0, 2),  # which of three asks (2: none)
    st.sampled_from(["green", "amber", "red", None]),
    st.one_of(st.none(), st.integers(0, 100)),
    st.booleans(),  # deleted
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(ACTION, max_size=8))
def test_rollups_agree_with_the_rule_on_any_actions(plan_service, actions):
    s = plan_service
    with s.transaction() as w:  # one commit per example, not one per record written
        asks = [w.create("ask", {"title": f"ask {n}"}).record_id for n in range(2)]
        for which, rag, progress, deleted in actions:
            values = {"title": "a", "ask": asks[which] if which < 2 else None, "rag": rag}
            made = w.create("action", {**values, "progress": progress}).record_id
            if deleted:
                w.delete(made)
    with s.db.snapshot() as con:
        rollups = ask_rollups(con)
    worst = {"green": 0, "amber": 1, "red": 2}
    for n, ask in enumerate(asks):
        mine = [(rag, p) for which, rag, p, deleted in actions if which == n and not deleted]
        rags = [rag for rag, _ in mine if rag]
        known = [p for _, p in mine if p is not None]
        expected = (
            max(rags, key=worst.__getitem__) if rags else None,
            round(sum(known) / len(known)) if known else None,
            len(mine),
        )
        got = rollups[ask]
        assert (got.rag, got.progress, got.actions) == expected


def test_findings_flag_missing_and_deleted_refs_and_backwards_dates(plan_service):
    s = plan_service
    org = s.create("organisation", {"name": "O"}).record_id
    action = s.create(
        "action",
        {"title": "a", "public_owner": org, "start": "2025-03-01", "end": "2025-03-02"},
    ).record_id
    edit_from_another_laptop(s.db, action, {"end": "2025-02-01"})
    s.delete(org)
    with s.db.snapshot() as con:
        kinds = {(f.kind, f.record, f.field) for f in derived.integrity_findings(con)}
    assert ("deleted_ref", action, "public_owner") in kinds
    assert ("end_before_start", action, "end") in kinds


def test_every_end_before_its_start_is_a_finding(plan_service):
    """Events compare as instants (16:00 in London is 15:00 UTC), plans, baselines and pledge
    due dates too: data that came in a file, past the door that refuses it when typed."""
    s = plan_service
    (plan,) = s.list("plan")
    event = s.create("event", {"title": "W", "starts_at": "2025-07-10T16:00:00+01:00"}).record_id
    org = s.create("organisation", {"name": "O"}).record_id
    pledge = s.create("pledge", {"title": "P", "made_by": org, "made_on": "2025-03-01"}).record_id
    action = s.create("action", {"title": "a", "baseline_start": "2025-03-01"}).record_id
    fine = s.create("event", {"title": "F", "starts_at": "2025-07-10T16:00:00+01:00"}).record_id
    edit_from_another_laptop(s.db, plan.id, {"period_end": "2024-01-01"})
    edit_from_another_laptop(s.db, event, {"ends_at": "2025-07-10T14:30:00Z"})
    edit_from_another_laptop(s.db, fine, {"ends_at": "2025-07-10T15:30:00Z"})
    edit_from_another_laptop(s.db, pledge, {"due": "2025-02-01"})
    edit_from_another_laptop(s.db, action, {"baseline_end": "2025-02-01"})
    with s.db.snapshot() as con:
        found = {
            (f.record, f.field)
            for f in derived.integrity_findings(con)
            if f.kind == "end_before_start"
        }
    assert found == {
        (plan.id, "period_end"),
        (event, "ends_at"),
        (pledge, "due"),
        (action, "baseline_end"),
    }


def test_dependency_cycles_are_found_once_with_their_dependencies(plan_service):
    s = plan_service
    a, b, c, d = (s.create("action", {"title": t}).record_id for t in "abcd")
    ab = s.create("dependency", {"from": a, "to": b}).record_id
    bc = s.create("dependency", {"from": b, "to": c}).record_id
    ca = s.create("dependency", {"from": c, "to": a}).record_id
    s.create("dependency", {"from": c, "to": d})
    with s.db.snapshot() as con:
        found = [f for f in derived.integrity_findings(con) if f.kind == "dependency_cycle"]
    assert sorted(f.record for f in found) == sorted([ab, bc, ca])
    s.delete(ca)
    with s.db.snapshot() as con:
        assert not [f for f in derived.integrity_findings(con) if f.kind == "dependency_cycle"]


def test_cycles_include_self_loops_and_ignore_chains():
    cycles = derived.dependency_cycles([("a", "a", "d1"), ("b", "c", "d2")])
    assert [(c.actions, c.dependencies) for c in cycles] == [(["a"], ["d1"])]


def test_gaps_list_unanswered_asks_overdue_work_and_missing_owners(plan_service):
    s = plan_service
    ask = s.create("ask", {"title": "Unanswered"}).record_id
    s.create(
        "action",
        {"title": "Late", "ask": ask, "end": "2025-01-31", "status": "on_track", "milestone": True},
    )
    with s.db.snapshot() as con:
        found = {(g.kind, g.label) for g in derived.gaps(con, dt.date(2025, 3, 1))}
    assert ("ask_without_pledge", "Unanswered") in found
    assert ("overdue_action", "Late") in found
    assert ("action_without_public_owner", "Late") in found
    assert ("milestone_without_deliverable", "Late") in found
    with s.db.snapshot() as con:
        early = {g.kind for g in derived.gaps(con, dt.date(2025, 1, 1))}
    assert "overdue_action" not in early


def test_a_plain_snapshot_and_a_session_derive_the_same(demo_plan):
    """The screens and reports read a plain snapshot, an import its own transaction's
    connection (``as_sqlite`` of its session): same facts."""
    from plantui.storage.database import as_sqlite

    service = demo_plan
    org = service.create("organisation", {"name": "Soon gone"}).record_id
    service.create("action", {"title": "Owned by it", "public_owner": org})
    service.delete(org)
    today = dt.date(2025, 6, 15)

    def everything(source):
        return (
            derived.plan_head(source),
            derived.plan_elapsed(source, today),
            derived.ranked_asks(source),
            ask_rollups(source),
            derived.gaps(source, today),
            derived.open_conflicts(source),
            derived.integrity_findings(source),
        )

    with service.db.snapshot() as con:
        plain = everything(con)
    with service.db.read() as session:
        assert everything(as_sqlite(session)) == plain
    head, elapsed, asks, rollups, gaps, _, findings = plain
    assert head is not None and head.period_start == dt.date(2024, 12, 1)
    assert 0 < elapsed < 1
    assert [a.ref_code for a in asks] == [f"A{n}" for n in range(1, 9)]
    assert set(rollups) == {a.id for a in asks}
    assert {g.kind for g in gaps} >= {"ask_without_pledge", "overdue_action"}
    assert [f.kind for f in findings] == ["deleted_ref"]


def _cycles_by_reachability(edges: list[tuple[str, str, str]]) -> list[tuple[list[str], list[str]]]:
    """Cycles as the definition reads: actions that reach each other, or one that reaches
    itself by a dependency of its own; with the dependencies among them."""
    nodes = sorted({n for src, dst, _ in edges for n in (src, dst)})

    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            node = todo.pop()
            for src, dst, _ in edges:
                if src == node and dst not in seen:
                    seen.add(dst)
                    todo.append(dst)
        return seen

    reached = {n: reach(n) for n in nodes}
    found = []
    for n in nodes:
        comp = sorted(m for m in nodes if m in reached[n] and n in reached[m])
        if comp and comp[0] == n:
            deps = sorted(d for src, dst, d in edges if src in comp and dst in comp)
            found.append((comp, deps))
    return found


@given(
    st.lists(st.tuples(st.sampled_from("abcdefg"), st.sampled_from("abcdefg")), max_size=14).map(
        lambda pairs: [(src, dst, f"d{n:02}") for n, (src, dst) in enumerate(pairs)]
    )
)
def test_dependency_cycles_are_the_actions_that_reach_each_other(edges):
    found = [(c.actions, c.dependencies) for c in derived.dependency_cycles(edges)]
    assert found == _cycles_by_reachability(edges)


def test_a_long_chain_into_a_cycle_leaves_only_the_cycle():
    chain = [(f"a{n:05}", f"a{n + 1:05}", f"d{n:05}") for n in range(20_000)]
    loop = [("a20000", "z", "back"), ("z", "a20000", "forth")]
    (cycle,) = derived.dependency_cycles(chain + loop + [(None, "z", "half")])
    assert (cycle.actions, cycle.dependencies) == (["a20000", "z"], ["back", "forth"])
