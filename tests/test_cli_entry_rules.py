"""What a person types at the CLI: event times in the plan's zone, unique ref codes, e-mails."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import run_process


@pytest.fixture
def with_plan(cli):
    assert cli("add", "plan", "title=Southwark plan", "period_start=2024-12-01").code == 0
    return cli


def _records(db_path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM record").fetchone()[0]


@pytest.mark.slow
def test_event_times_as_the_seeds_write_them(tmp_path) -> None:
    """A real process: the plan is in London, so 14:00 on 10 July is stored as +01:00 and
    2.15pm on 2 March as +00:00; an end given as a time alone falls on the event's day."""
    db = str(tmp_path / "plan.db")
    assert run_process("--db", db, "--clock-ok", "add", "plan", "title=P").returncode == 0
    added = run_process(
        "--db", db, "--clock-ok", "add", "event", "title=Workshop", "starts_at=2025-07-10 14:00"
    )
    assert added.returncode == 0, added.stderr
    event = added.stdout.strip().splitlines()[-1]
    moved = run_process("--db", db, "--clock-ok", "set", event, "ends_at=4.30pm")
    assert moved.returncode == 0, moved.stderr
    march = run_process(
        "--db", db, "--clock-ok", "add", "event", "title=Session", "starts_at=2023-03-02 2:15 pm"
    )
    with sqlite3.connect(db) as conn:
        rows = dict(
            conn.execute("SELECT title, starts_at || ' ' || ifnull(ends_at, '') FROM event")
        )
    assert rows == {
        "Workshop": "2025-07-10T14:00:00+01:00 2025-07-10T16:30:00+01:00",
        "Session": "2023-03-02T14:15:00+00:00 ",
    }
    assert march.returncode == 0


def test_the_plans_time_zone_is_used(with_plan) -> None:
    cli = with_plan
    plan = cli("list", "plan").out.split()[0]
    assert cli("set", plan, "timezone=America/New_York").code == 0
    event = cli("add", "event", "title=W", "starts_at=2025-07-10 9am").last_line
    assert cli("show", event, "--json").json()["starts_at"] == "2025-07-10T09:00:00-04:00"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("add", "event", "title=W", "starts_at=14:15"), "needs a date too"),
        (("add", "event", "title=W", "starts_at=2025-03-30 01:30"), "clocks go forward"),
        (("add", "event", "title=W", "starts_at=2025-07-10 25:00"), "not a time of day"),
        (("set", "{event}", "ends_at=1pm"), "end 2025-07-10T13:00:00+01:00 comes before"),
        (("add", "action", "title=T", "ref_code= m9 "), "already has the ref code"),
        (("set", "{other}", "ref_code=M9"), "Another action already has the ref code M9"),
        (("add", "organisation", "name=O", "contact_email=not-an-email"), "not an e-mail"),
        (("add", "person", "name=O", "email=a b@example.org"), "not an e-mail"),
        (("add", "person", "name=O", "email=a@example"), "not an e-mail"),
        (("set", "{plan}", "timezone=Mars/Base"), "not a time zone"),
    ],
)
def test_refused_entries_write_nothing(with_plan, db_path, args, says) -> None:
    cli = with_plan
    plan = cli("list", "plan").out.split()[0]
    event = cli("add", "event", "title=W", "starts_at=2025-07-10 14:00").last_line
    assert cli("add", "action", "title=Milestone nine", "ref_code=M9").code == 0
    other = cli("add", "action", "title=Another", "ref_code=M10").last_line
    count = _records(db_path)
    shown = [cli("show", rid, "--json").json() for rid in (plan, event, other)]
    result = cli(*(a.format(plan=plan, event=event, other=other) for a in args))
    assert (result.code, result.out) == (1, "")
    assert says in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert _records(db_path) == count
    assert [cli("show", rid, "--json").json() for rid in (plan, event, other)] == shown


def test_a_ref_code_may_be_reused_once_its_holder_is_deleted_or_in_another_type(with_plan):
    cli = with_plan
    held = cli("add", "action", "title=First", "ref_code=M9").last_line
    assert cli("add", "ask", "title=An ask", "ref_code=M9").code == 0
    assert cli("set", held, "ref_code=M9", "title=First again").code == 0
    assert cli("delete", held).code == 0
    assert cli("add", "action", "title=Second", "ref_code=M9").code == 0
    assert cli("add", "person", "name=Ok", "email=ok.person@example.org").code == 0


def test_list_orders_pledges_by_natural_ref_code(with_plan) -> None:
    """P2 before P10, as people count, in the CLI as in the forms."""
    cli = with_plan
    org = cli("add", "organisation", "name=Council").last_line
    for code in ("P10", "P2", "P1", ""):
        assert (
            cli(
                "add",
                "pledge",
                f"title=Pledge {code or 'none'}",
                f"made_by={org}",
                f"ref_code={code}",
            ).code
            == 0
        )
    listed = [line.split("  ", 1)[1] for line in cli("list", "pledge").out.splitlines()]
    assert listed == ["Pledge P1", "Pledge P2", "Pledge P10", "Pledge none"]
