"""The timeline's reads (plantui.queries.timeline), on real databases."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from contextlib import closing

import pytest

from plantui.errors import PlanError
from plantui.queries.timeline import (
    latest_notes,
    live_action_count,
    read_schedule,
    schedule_in_steps,
    stored_dates,
)
from plantui.service import PlanService

D = dt.date


@pytest.fixture
def demo(demo_plan: PlanService) -> PlanService:
    return demo_plan


def action(service: PlanService, ref: str) -> str:
    return next(a.id for a in service.list("action") if a.values.get("ref_code") == ref)


def test_the_schedule_holds_the_live_records_of_the_example_plan(demo: PlanService):
    gone = action(demo, "1.5")
    demo.delete(gone)
    s = read_schedule(demo.db)
    assert s.period_start == D(2024, 12, 1) and s.period_end == D(2025, 11, 30)
    assert len(s.bars) == len(demo.list("action")) and gone not in s.bars
    assert [a.ref_code for a in s.asks][:3] == ["A1", "A2", "A3"]
    assert s.violations == []
    assert len(s.critical.actions) >= 3
    assert all(e.title for e in s.events)
    bar = s.bars[action(demo, "1.3")]
    stored = demo.get(bar.id).values
    assert (bar.title, bar.start, bar.end) == (
        stored["title"],
        D.fromisoformat(stored["start"]),
        D.fromisoformat(stored["end"]),
    )


def test_only_the_organisations_and_pledges_the_bars_show_are_named(demo: PlanService):
    demo.create("organisation", {"name": "Owns nothing", "sector": "other"})
    s = read_schedule(demo.db)
    owners = {o for b in s.bars.values() for o in (b.community_owner, b.public_owner) if o}
    assert owners and set(s.organisations) == owners
    assert "Owns nothing" not in s.organisations.values()
    assert set(s.pledges) == {b.pledge for b in s.bars.values() if b.pledge}


def test_bars_sharing_a_day_each_get_it(plan_service: PlanService):
    for n in range(3):
        plan_service.create(
            "action", {"title": f"T{n}", "start": "2025-03-03", "end": f"2025-03-1{n}"}
        )
    bars = read_schedule(plan_service.db).bars.values()
    assert sorted((b.start, b.end) for b in bars) == [
        (D(2025, 3, 3), D(2025, 3, 10 + n)) for n in range(3)
    ]


def test_the_steps_are_the_first_screenful_then_the_whole_in_one_snapshot(demo: PlanService):
    whole = read_schedule(demo.db)
    with closing(schedule_in_steps(demo.db, rows=12)) as steps:
        first = next(steps)
        # Written after the first step: the whole was read in the same transaction.
        demo.create("action", {"title": "Written meanwhile"})
        rest = next(steps)
        with pytest.raises(StopIteration):
            next(steps)
    assert [a.id for a in first.asks] == [a.id for a in whole.asks][: len(first.asks)]
    assert 0 < len(first.asks) < len(whole.asks)
    assert len(first.rows()) >= 12
    assert set(rest.bars) == set(whole.bars)
    assert "Written meanwhile" not in {b.title for b in rest.bars.values()}
    assert "Written meanwhile" in {b.title for b in read_schedule(demo.db).bars.values()}


def test_without_rows_the_steps_are_the_whole_only(demo: PlanService):
    with closing(schedule_in_steps(demo.db)) as steps:
        assert [len(s.bars) for s in steps] == [len(demo.list("action"))]


def test_the_steps_leave_the_plans_own_connection_free(demo: PlanService):
    """The worker's read holds no lock of the plan's: screens keep reading meanwhile."""
    counted: list[int] = []
    with closing(schedule_in_steps(demo.db, rows=5)) as steps:
        next(steps)
        other = threading.Thread(target=lambda: counted.append(live_action_count(demo.db)))
        other.start()
        other.join(timeout=10)
        assert counted == [len(demo.list("action"))]
        next(steps)


def test_a_file_that_cannot_be_read_is_one_sentence(demo: PlanService):
    with sqlite3.connect(demo.db.path) as con:
        con.execute("ALTER TABLE action RENAME TO gone")
    with pytest.raises(PlanError, match="no such table: action"):
        read_schedule(demo.db)
    with (
        pytest.raises(PlanError, match="no such table: action"),
        closing(schedule_in_steps(demo.db, rows=5)) as steps,
    ):
        next(steps)


def test_a_stored_day_that_is_no_date_is_one_sentence(plan_service: PlanService):
    done = plan_service.create("action", {"title": "T", "start": "2025-03-03"})
    with sqlite3.connect(plan_service.db.path) as con:
        con.execute("UPDATE action SET start = 'soon' WHERE id = ?", (done.record_id,))
    with pytest.raises(PlanError, match="not one: 'soon'"):
        read_schedule(plan_service.db)


def test_stored_dates_are_the_latest_written(demo: PlanService):
    act = action(demo, "1.3")
    demo.update(act, {"start": "2025-02-03", "end": "2025-04-30"})
    assert stored_dates(demo.db, act) == (D(2025, 2, 3), D(2025, 4, 30))
    undated = demo.create("action", {"title": "Undated"}).record_id
    assert stored_dates(demo.db, undated) == (None, None)
    assert stored_dates(demo.db, "no-such-id") == (None, None)


def test_latest_notes_newest_first_live_only_and_one_line(plan_service: PlanService):
    act = plan_service.create("action", {"title": "T"}).record_id
    ids = [
        plan_service.create(
            "note", {"about": act, "date": f"2025-03-0{n}", "headline": f"Note {n}\nmore"}
        ).record_id
        for n in range(1, 6)
    ]
    plan_service.delete(ids[-1])
    notes = latest_notes(plan_service.db, act)
    assert [(n.day, n.headline) for n in notes] == [
        ("2025-03-04", "Note 4 more"),
        ("2025-03-03", "Note 3 more"),
        ("2025-03-02", "Note 2 more"),
    ]
    assert len(latest_notes(plan_service.db, act, count=10)) == 4
    assert latest_notes(plan_service.db, "no-such-id") == []


def test_the_live_action_count_leaves_deleted_ones_out(demo: PlanService):
    before = live_action_count(demo.db)
    assert before == len(demo.list("action")) > 0
    demo.delete(action(demo, "1.3"))
    assert live_action_count(demo.db) == before - 1
