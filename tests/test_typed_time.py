"""Event times typed the way the seeds write them, read in the plan's time zone; real
``plantui`` processes, as a coordinator types them."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_process


def _plantui(db, *args: str):
    return run_process("--db", str(db), "--clock-ok", *args)


@pytest.fixture
def london_plan(tmp_path):
    db = tmp_path / "plan.db"
    made = _plantui(db, "add", "plan", "title=Southwark", "timezone=Europe/London")
    assert made.returncode == 0, made.stderr
    return db


def _starts_at(db, event_id: str) -> str:
    shown = _plantui(db, "show", event_id, "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)["starts_at"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2024-03-02 2:15pm", "2024-03-02T14:15:00+00:00"),  # winter: GMT
        ("2024-07-18 2:15 PM", "2024-07-18T14:15:00+01:00"),  # summer: BST
        ("2024-07-18 14:15", "2024-07-18T14:15:00+01:00"),
        ("2024-07-18T09:30", "2024-07-18T09:30:00+01:00"),
        ("2024-07-18 12am", "2024-07-18T00:00:00+01:00"),
        ("2024-07-18T14:00:00+02:00", "2024-07-18T14:00:00+02:00"),  # an offset is kept
        ("2024-07-18", "2024-07-18"),
    ],
)
def test_a_time_typed_without_offset_is_read_in_the_plans_zone(london_plan, typed, stored):
    added = _plantui(london_plan, "add", "event", "title=Workshop", f"starts_at={typed}")
    assert added.returncode == 0, added.stderr
    assert _starts_at(london_plan, added.stdout.split()[-1]) == stored


def test_set_reads_a_typed_time_too_and_a_three_hour_workshop_stays_three_hours(
    london_plan, tmp_path
):
    added = _plantui(london_plan, "add", "event", "title=Workshop", "starts_at=2024-07-18")
    event = added.stdout.split()[-1]
    changed = _plantui(
        london_plan, "set", event, "starts_at=2024-07-18 1pm", "ends_at=2024-07-18 4:00pm"
    )
    assert changed.returncode == 0, changed.stderr
    ics = tmp_path / "plan.ics"
    made = _plantui(london_plan, "report", "--format", "ics", "--output", str(ics))
    assert made.returncode == 0, made.stderr
    text = ics.read_text()
    assert "DTSTART:20240718T120000Z" in text and "DTEND:20240718T150000Z" in text


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2024-07-18 13pm", "is not a time of day"),
        ("2024-07-18 24:30", "is not a real date and time of day"),
        ("2024-02-30 2pm", "is not a real date and time of day"),
        ("2:15pm", "is not a date or an ISO 8601 date-time"),
    ],
)
def test_a_time_that_cannot_be_read_is_one_sentence(london_plan, typed, words):
    added = _plantui(london_plan, "add", "event", "title=Workshop", f"starts_at={typed}")
    assert added.returncode == 1
    assert words in added.stderr and len(added.stderr.strip().splitlines()) == 1
    listed = _plantui(london_plan, "list", "event", "--json")
    assert json.loads(listed.stdout) == []


def test_without_a_plan_timezone_a_local_time_is_refused_not_guessed(tmp_path):
    db = tmp_path / "plan.db"
    assert _plantui(db, "add", "plan", "title=No zone").returncode == 0
    added = _plantui(db, "add", "event", "title=Workshop", "starts_at=2024-07-18 2:15pm")
    assert added.returncode == 1
    assert "the plan has no timezone" in added.stderr
    assert len(added.stderr.strip().splitlines()) == 1
