"""The agenda reports the RAG changes made since the previous meeting of the series (from the
history of edits), and only those; a real ``plantui agenda`` process reads them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from plantui.demo import load_demo
from plantui.service import PlanService
from plantui.storage.database import open_database
from tests.conftest import run_process

MEETING = "Commissioning task-and-finish"
"""17 July 2025; the previous steering meeting is on 5 June 2025."""


def _ms(*when: int) -> int:
    return int(dt.datetime(*when, tzinfo=dt.UTC).timestamp() * 1000)


def _edit_at(db, ms: int, record_id: str, values: dict) -> None:
    PlanService(db, wall=lambda: ms, clock_ok=True).update(record_id, values)


@pytest.mark.slow
def test_agenda_lists_the_rag_changes_since_the_previous_meeting(tmp_path):
    path = tmp_path / "plan.db"
    db = open_database(path)
    load_demo(PlanService(db, wall=lambda: _ms(2025, 6, 14)))
    with db.snapshot() as con:
        rows = con.execute(
            "SELECT id, title, rag FROM action WHERE rag = 'green' ORDER BY id LIMIT 3"
        ).fetchall()
    (changed, changed_title, _), (back, _, _), (late, _, _) = rows
    _edit_at(db, _ms(2025, 6, 20, 9), changed, {"rag": "amber"})
    _edit_at(db, _ms(2025, 6, 21, 9), changed, {"rag": "red"})
    _edit_at(db, _ms(2025, 6, 22, 9), back, {"rag": "red"})  # changed, then put back
    _edit_at(db, _ms(2025, 6, 23, 9), back, {"rag": "green"})
    _edit_at(db, _ms(2025, 7, 20, 9), late, {"rag": "red"})  # after the meeting
    db.close()
    result = run_process("--db", str(path), "agenda", MEETING, "--format", "json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)["items"]
    rag_changes = [
        (i["record"], i["label"], i["detail"])
        for i in items
        if i["section"] == "since" and i["type"] == "action"
    ]
    assert rag_changes == [(changed, changed_title, "2025-06-21, RAG green → red")]


@pytest.mark.slow
def test_items_due_before_the_next_meeting_are_not_called_overdue(tmp_path):
    path = tmp_path / "plan.db"
    db = open_database(path)
    load_demo(PlanService(db, wall=lambda: _ms(2025, 6, 14)))
    db.close()
    result = run_process("--db", str(path), "agenda", MEETING, "--format", "json")
    due = [i["detail"] for i in json.loads(result.stdout)["items"] if i["section"] == "due"]
    assert due and all(d.startswith("Due 2025-") for d in due), due
