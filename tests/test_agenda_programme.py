"""A programme view: the example's National Voices conference and its three jointly led
sessions (``event.series``), through a real ``plantui agenda`` process."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_process

CONFERENCE = "National Voices conference: How Can We"


@pytest.mark.slow
def test_the_conference_agenda_lists_its_sessions_with_their_leads(tmp_path):
    path = tmp_path / "plan.db"
    assert run_process("--db", str(path), "demo").returncode == 0
    result = run_process("--db", str(path), "agenda", CONFERENCE, "--format", "json")
    assert result.returncode == 0, result.stderr
    sessions = json.loads(result.stdout)["sessions"]
    assert [(s["starts_at"], s["hosts"]) for s in sessions] == [
        (
            "2023-03-02T14:15:00+00:00",
            ["Groundswell", "The Patient Experience Library", "Turning Point"],
        ),
        ("2023-03-09T14:15:00+00:00", ["Birthrights", "Youth Access UK"]),
        (
            "2023-03-16T14:15:00+00:00",
            ["Compassion in Dying", "Future Care Capital", "Macmillan Cancer Support"],
        ),
    ]
    text = run_process("--db", str(path), "agenda", CONFERENCE).stdout
    programme = text.split("## Programme")[1].split("## ")[0]
    lines = [line for line in programme.splitlines() if line.strip()]
    assert len(lines) == 3
    assert lines[1].endswith(
        "provisionally 9 Mar 2023, 14:15 – led by Birthrights, Youth Access UK"
    )
    session = run_process("--db", str(path), "agenda", sessions[1]["event"]).stdout
    assert f"Part of: {CONFERENCE}" in session
