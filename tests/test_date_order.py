"""An end before its start is refused by the core, so every door (CLI, forms) refuses it."""

from __future__ import annotations

import sqlite3

import pytest

from plantui.domain import date_order_error
from plantui.errors import PlanError
from plantui.service import PlanService


def test_each_pair_of_dates_is_checked_and_equal_dates_pass() -> None:
    assert date_order_error("action", {"start": "2025-02-01", "end": "2025-02-01"}) is None
    error = date_order_error("action", {"start": "2025-02-01", "end": "2025-01-31"})
    assert error is not None and (error.field, error.start) == ("end", "start")
    assert str(error) == "end 2025-01-31 comes before the start, 2025-02-01"
    for type_name, start, end in (
        ("plan", "period_start", "period_end"),
        ("action", "baseline_start", "baseline_end"),
        ("pledge", "made_on", "due"),
        ("event", "starts_at", "ends_at"),
    ):
        found = date_order_error(type_name, {start: "2025-02-01", end: "2025-01-01"})
        assert found is not None and found.field == end, type_name


def test_event_times_compare_as_instants_and_a_day_against_its_own_day() -> None:
    """14:00 in London is 13:00 UTC: an end at 13:30 UTC is after it, 12:30 UTC before it.
    A bare day as the end compares with the start's day."""
    start = "2025-07-10T14:00:00+01:00"
    assert date_order_error("event", {"starts_at": start, "ends_at": "2025-07-10T13:30Z"}) is None
    late = date_order_error("event", {"starts_at": start, "ends_at": "2025-07-10T12:30Z"})
    assert late is not None
    assert date_order_error("event", {"starts_at": start, "ends_at": "2025-07-10"}) is None
    assert date_order_error("event", {"starts_at": start, "ends_at": "2025-07-09"}) is not None


def test_an_edit_of_other_fields_is_not_refused_for_old_data() -> None:
    values = {"start": "2025-02-01", "end": "2025-01-01", "title": "x"}
    assert date_order_error("action", values, changed={"title"}) is None
    assert date_order_error("action", values, changed={"end"}) is not None


def test_the_write_path_refuses_and_writes_nothing(plan_service: PlanService) -> None:
    action = plan_service.create("action", {"title": "Clinics", "start": "2025-02-01"})
    before = plan_service.get(action.record_id).state
    with pytest.raises(PlanError, match="end 2025-01-01 comes before the start, 2025-02-01"):
        plan_service.update(action.record_id, {"end": "2025-01-01"})
    with pytest.raises(PlanError, match="event's end 2025-07-09 comes before the start"):
        plan_service.create(
            "event", {"title": "Workshop", "starts_at": "2025-07-10", "ends_at": "2025-07-09"}
        )
    assert plan_service.get(action.record_id).state == before
    assert plan_service.list("event") == []


def _records(db_path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM record").fetchone()[0]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("add", "action", "title=T", "start=2025-03-01", "end=2025-02-01"), "action's end"),
        (
            ("add", "event", "title=W", "starts_at=2025-07-10", "ends_at=2025-07-01"),
            "event's end 2025-07-01 comes before the start, 2025-07-10.",
        ),
        (
            ("add", "pledge", "title=P", "made_by={org}", "made_on=2025-03-01", "due=2025-01-01"),
            "pledge's due date 2025-01-01 comes before the date made, 2025-03-01.",
        ),
        (("set", "{plan}", "period_end=2024-01-01"), "plan's period end 2024-01-01"),
        (("set", "{action}", "start=2026-01-01"), "comes before the start, 2026-01-01"),
    ],
)
def test_the_cli_refuses_an_end_before_the_start(cli, db_path, args, says) -> None:
    """One sentence on stderr, exit status 1, and not a byte of the database changed."""
    plan = cli("add", "plan", "title=Plan", "period_start=2024-12-01").last_line
    org = cli("add", "organisation", "name=Council").last_line
    action = cli("add", "action", "title=A", "start=2025-01-01", "end=2025-06-30").last_line
    count, shown = _records(db_path), cli("show", action, "--json").json()
    filled = [a.format(plan=plan, org=org, action=action) for a in args]
    result = cli(*filled)
    assert result.code == 1
    assert says in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert _records(db_path) == count
    assert cli("show", action, "--json").json() == shown
