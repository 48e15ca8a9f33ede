"""Agendas and minutes on the example plan, through the real command line."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from plantui.demo import load_demo
from plantui.errors import PlanError
from plantui.meetings.record import check_in, record_decision
from plantui.queries.events import find_event
from plantui.service import PlanService
from plantui.storage.database import open_database


@pytest.fixture
def example_db_path(demo_db_path):
    """The example plan as ``plantui demo`` makes it."""
    return demo_db_path


NEXT_STEERING = "Commissioning task-and-finish"
"""The example's next steering meeting after mid-June 2025 (17 July 2025)."""


def _overdue_by(db_path, day: str) -> set[str]:
    """Actions and pledges not finished whose end or due date is before ``day``, by hand."""
    con = sqlite3.connect(db_path)
    acts = con.execute(
        'SELECT id FROM action WHERE deleted = 0 AND "end" < ? AND status NOT IN'
        " ('done', 'cancelled')",
        (day,),
    ).fetchall()
    pledges = con.execute(
        "SELECT id FROM pledge WHERE deleted = 0 AND due < ? AND lifecycle NOT IN"
        " ('met', 'partly_met', 'not_met', 'withdrawn')",
        (day,),
    ).fetchall()
    con.close()
    return {r for (r,) in acts + pledges}


@pytest.mark.usefixtures("example_db_path")
def test_agenda_of_the_next_steering_meeting_lists_exactly_the_overdue_items(cli, db_path):
    result = cli("agenda", NEXT_STEERING, "--format", "json")
    assert result.code == 0, result.err
    agenda = result.json()
    overdue = {i["record"] for i in agenda["items"] if i["section"] == "overdue"}
    assert overdue == _overdue_by(db_path, "2025-07-17")
    assert overdue, "the example plan has overdue items by July 2025"
    due = {i["record"] for i in agenda["items"] if i["section"] == "due"}
    assert due == _overdue_by(db_path, "2025-09-11") - overdue
    since = [i for i in agenda["items"] if i["section"] == "since"]
    assert {i["label"] for i in since} >= {"Guide still with the lawyers"}
    assert all("2025-06-05" <= i["detail"][:10] < "2025-07-17" for i in since)


@pytest.mark.usefixtures("example_db_path")
def test_agenda_markdown_and_an_added_item(cli, db_path):
    event = cli("agenda", NEXT_STEERING, "--format", "json").json()["event"]
    added = cli(
        "add",
        "note",
        f"about={event}",
        "date=2025-07-01",
        "headline=Budget [round] *dates*",
        "kind=agenda",
    )
    assert added.code == 0, added.err
    text = cli("agenda", NEXT_STEERING).out
    assert "## 1. Overdue" in text
    assert "Added items" in text and r"Budget \[round\] \*dates\*" in text


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("agenda", "No such meeting"), "There is no event matching 'No such meeting'."),
        (("minutes", "Steering group: quarterly review (Jan"), "was cancelled"),
        (("agenda", "Steering group", "--format", "pdf"), "md, html, json"),
        (("agenda", "Steering group"), "More than one event matches"),
    ],
)
@pytest.mark.usefixtures("example_db_path")
def test_bad_input_is_one_sentence(cli, db_path, args, sentence):
    result = cli(*args)
    assert result.code == 1
    assert sentence in result.err and len(result.err.strip().splitlines()) == 1


@pytest.mark.usefixtures("example_db_path")
def test_agenda_for_a_deleted_event_is_refused(cli, db_path):
    event = cli("agenda", NEXT_STEERING, "--format", "json").json()["event"]
    assert cli("delete", event).code == 0
    result = cli("agenda", NEXT_STEERING)
    assert result.code == 1 and "is deleted" in result.err


@pytest.mark.usefixtures("example_db_path")
def test_series_and_unsure_days_in_the_example(cli, db_path):
    workshop = cli("agenda", "National Voices conference workshop: addressing", "--format", "json")
    data = workshop.json()
    assert data["previous"] and data["next"], "the three workshops form one series"
    text = cli("agenda", "Meeting with decision makers").out
    assert "November 2024, day to be confirmed" in text
    assert "21 Nov 2024" not in text, "an illustrative day is never printed as fact"


def test_minutes_list_what_the_meeting_recorded_and_mark_it_held(tmp_path, cli, db_path):
    """Demo written in June 2025; the meeting's edits are made on 17 July 2025 during it."""
    june = int(dt.datetime(2025, 6, 14, tzinfo=dt.UTC).timestamp() * 1000)
    db = open_database(db_path)
    load_demo(PlanService(db, wall=lambda: june))
    during = PlanService(db, wall=lambda: june + 33 * 86_400_000 + 3_600_000 * 14, clock_ok=True)
    with db.snapshot() as con:
        event = find_event(con, NEXT_STEERING)
        orgs = con.execute("SELECT id, name FROM organisation ORDER BY name LIMIT 2").fetchall()
    for org_id, _ in orgs:
        check_in(during, event, org_id)
    record_decision(
        during, event, "Grants proposal agreed\nGoes to the budget round.", "2025-07-17"
    )
    db.close()
    result = cli("minutes", NEXT_STEERING)
    assert result.code == 0, result.err
    assert [f"- {name}" in result.out for _, name in orgs] == [True, True]
    assert "1. Grants proposal agreed – Goes to the budget round." in result.out
    assert "No actions were added or changed." in result.out
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT status FROM event WHERE id = ?", (event.id,)).fetchone() == ("held",)
    con.close()
    with pytest.raises(PlanError, match="needs some text"):
        record_decision(PlanService(open_database(db_path)), event, "  \n ", "2025-07-17")


def test_a_three_hour_event_is_a_three_hour_calendar_entry(cli, tmp_path):
    assert cli("add", "plan", "title=P").code == 0
    added = cli(
        "add",
        "event",
        "title=Workshop",
        "starts_at=2024-07-18T13:00:00+01:00",
        "ends_at=2024-07-18T16:00:00+01:00",
    )
    assert added.code == 0, added.err
    ics = tmp_path / "plan.ics"
    assert cli("report", "--format", "ics", "--output", str(ics)).code == 0
    text = ics.read_text()
    assert "DTSTART:20240718T120000Z" in text and "DTEND:20240718T150000Z" in text
