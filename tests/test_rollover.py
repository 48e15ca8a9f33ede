"""Rolling the example plan over into next year's, checked against the rules by plain SQL."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from plantui.library import DB_SUFFIX
from tests.conftest import copy_of
from tests.test_library import files_of, library, records, run  # noqa: F401 (fixtures)


def query(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(sql).fetchall()


OPEN_ASKS = (
    "SELECT id FROM ask WHERE NOT deleted"
    " AND coalesce(status, '') NOT IN ('achieved', 'declined', 'withdrawn')"
)


def expected(old: Path) -> dict[str, set[str]]:
    """What the rules carry, computed straight from the old file's tables."""
    asks = {r[0] for r in query(old, OPEN_ASKS)}
    pledges = {
        r[0]
        for r in query(
            old,
            'SELECT p.id FROM pledge p JOIN link l ON l."from" = p.id'
            f" WHERE l.role = 'responds_to' AND NOT l.deleted AND l.\"to\" IN ({OPEN_ASKS})"
            " AND NOT p.deleted AND coalesce(p.lifecycle, '') NOT IN ('met', 'withdrawn')",
        )
    }
    actions = {
        r[0]
        for r in query(
            old,
            "SELECT id FROM action WHERE NOT deleted"
            " AND coalesce(status, '') NOT IN ('done', 'cancelled')",
        )
    }
    orgs = {r[0] for r in query(old, "SELECT id FROM organisation WHERE NOT deleted")}
    return {"ask": asks, "pledge": pledges, "action": actions, "organisation": orgs}


@pytest.fixture
def example(run, library, demo_source):  # noqa: F811
    """The example plan in the library, as ``plantui demo`` puts it there: a copy of the one
    loaded once per test process with the real clock, as that command loads it."""
    copy_of(demo_source, library / f"example{DB_SUFFIX}")
    (entry,) = run("plans", "--json").json()
    return entry


def test_roll_over_of_the_example_plan_carries_what_the_rules_say(run, library, example):  # noqa: F811
    old = Path(example["path"])
    want = expected(old)
    assert want["ask"] and want["pledge"] and want["action"]  # the example has some of each
    old_records = records(old)
    made = run("new", "Southwark 2025-26", "--roll-over-from", "journey", "--start", "2025-12-01")
    assert made.code == 0, made.err
    new_id = made.last_line
    new = Path(next(p["path"] for p in run("plans", "--json").json() if p["id"] == new_id))

    for table, ids in want.items():
        carried = {r[0] for r in query(new, f"SELECT carried_from FROM {table}")}
        assert carried == ids, table
    new_ids = {r[0] for r in query(new, "SELECT id FROM record")}
    assert not new_ids & {r[0] for r in old_records}  # every carried record got a new id
    plan = query(new, f"SELECT previous_plan, area, period_end FROM plan WHERE id = '{new_id}'")
    assert plan == [(example["id"], "Southwark", "2026-11-30")]
    ranks = dict(query(old, "SELECT id, rank FROM ask"))
    assert all(
        ranks[old_id] == rank for old_id, rank in query(new, "SELECT carried_from, rank FROM ask")
    )

    # dependencies among carried actions survive, with their kind and lag
    old_deps = set(
        query(old, 'SELECT "from", "to", kind, lag_days FROM dependency WHERE NOT deleted')
    )
    survive = {d for d in old_deps if d[0] in want["action"] and d[1] in want["action"]}
    assert survive
    back = dict(query(new, "SELECT id, carried_from FROM action"))
    new_deps = {
        (back[f], back[t], kind, lag)
        for f, t, kind, lag in query(new, 'SELECT "from", "to", kind, lag_days FROM dependency')
    }
    assert new_deps == survive

    # re-dated into the new period, each keeping its length
    old_dates = {i: (s, e) for i, s, e in query(old, 'SELECT id, start, "end" FROM action')}
    shifts = set()
    for was, start, end in query(new, 'SELECT carried_from, start, "end" FROM action'):
        s0, e0 = (dt.date.fromisoformat(d) for d in old_dates[was])
        s1, e1 = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        assert e1 - s1 == e0 - s0
        assert s1 >= dt.date(2025, 12, 1)
        shifts.add(s1 - s0)
    assert len(shifts) == 1  # all moved together, so dependencies still hold

    assert records(old) == old_records  # the old plan is untouched


def test_roll_over_from_an_archived_or_unknown_plan_is_refused(run, library, example):  # noqa: F811
    assert run("plan", "archive", example["id"]).code == 0
    before = files_of(library)
    for source in (example["id"], "no-such-plan"):
        result = run("new", "Next year", "--roll-over-from", source)
        assert result.code == 1 and len(result.err.strip().splitlines()) == 1, result.err
        assert "Traceback" not in result.err
        assert files_of(library) == before
