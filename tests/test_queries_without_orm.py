"""The reads of records, choices, history, people, meetings and duplicates need no ORM: a
screen that makes them draws before SQLAlchemy is imported (issue #17)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from plantui.service import PlanService
from tests.conftest import SRC

READS = """
import sys
from plantui.storage.database import open_database
from plantui.queries.choices import live_choices
from plantui.queries.duplicates import likely_duplicates, looks_like
from plantui.queries.history import changes_of, laptop_of
from plantui.queries.labels import values_of
from plantui.queries.meetings import agenda_items
from plantui.queries.minutes import build_minutes
from plantui.queries.people import attendance, people, shared_laptop
from plantui.queries.related import related_records
from plantui.queries.search import find_records
import plantui.tui.dialogs.history, plantui.tui.dialogs.since, plantui.tui.dialogs.who
import plantui.tui.dialogs.attendance, plantui.tui.search_provider
import plantui.tui.screens.meeting, plantui.tui.widgets.detail
import plantui.tui.widgets.duplicate_notice

plan = open_database(sys.argv[1])
ask, event = sys.argv[2], sys.argv[3]
assert [r.label for r in related_records(plan, ask, "ask")] == ["Southwark Council"]
assert [c.label for c in live_choices(plan, ("ask",))[0]] == ["A1 Fair funding"]
assert [c.field for c in changes_of(plan, ask) if c.after == "Fair funding"] == ["title"]
assert laptop_of(plan, "0@x") and values_of(plan, ask)["ref_code"] == "A1"
assert people(plan) == [] and attendance(plan, ask) and not shared_laptop(plan)
assert [h.id for h in find_records(plan, "fair")] == [ask]
assert ask in {i.record for i in agenda_items(plan, event)}  # an ask with no pledge
assert build_minutes(plan, event).notes == () and likely_duplicates(plan) == []
assert looks_like(plan, "ask", ask) == []
assert "sqlalchemy" not in sys.modules, sorted(m for m in sys.modules if "sqlalchemy" in m)[:3]
"""


@pytest.mark.slow
def test_the_reads_and_their_screens_import_no_sqlalchemy(plan_service: PlanService) -> None:
    s = plan_service
    ask = s.create("ask", {"title": "Fair funding", "ref_code": "A1"}).record_id
    org = s.create("organisation", {"name": "Southwark Council"}).record_id
    s.create("link", {"role": "directed_to", "from": ask, "to": org})
    event = s.create("event", {"title": "Forum", "starts_at": "2099-01-01"}).record_id
    s.db.close()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", READS, str(s.db.path), ask, event],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
