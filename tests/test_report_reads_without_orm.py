"""The reads behind the reports, the exports, an organisation's pack and ``plantui check``
and ``plantui conflicts`` need no ORM: each reads one plain snapshot through plantui.queries."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from plantui.service import PlanService
from tests.conftest import SRC

READS = """
import datetime as dt
import sys
from plantui.storage.database import open_database
from plantui.queries.calendar import calendar_read
from plantui.queries.conflicts import open_conflicts_in
from plantui.queries.integrity import findings
from plantui.queries.live_records import live_records
from plantui.queries.org_pack import build_org_pack
from plantui.queries.report import build_report

plan = open_database(sys.argv[1])
ask, pledge = sys.argv[2], sys.argv[3]
day = dt.date(2025, 6, 15)
report = build_report(plan, day, ask="a1", include_contacts=True)
assert [a.heading for a in report.asks] == ["A1 Fair funding"] and report.single_ask
assert [p.heading for p in report.asks[0].pledges] == ["P1 Fund it"]
assert [p.name for p in report.people] == ["Ada"]
assert [p.id for p in calendar_read(plan).pledges_due] == [pledge]
assert live_records(plan).ask_order == [ask]
pack = build_org_pack(plan, day, "southwark", include_contacts=True)
assert [a.id for a in pack.asked] == [ask]
assert pack.overdue == ["pledge P1 Fund it (was due 2025-05-01)"]
assert open_conflicts_in(plan) == [] and findings(plan) == []
assert "sqlalchemy" not in sys.modules, sorted(m for m in sys.modules if "sqlalchemy" in m)[:3]
"""


@pytest.mark.slow
def test_the_report_reads_import_no_sqlalchemy(plan_service: PlanService) -> None:
    s = plan_service
    ask = s.create("ask", {"title": "Fair funding", "ref_code": "A1", "rank": "a"}).record_id
    org = s.create("organisation", {"name": "Southwark Council"}).record_id
    s.create("link", {"role": "directed_to", "from": ask, "to": org})
    s.create("person", {"name": "Ada", "organisation": org, "consent": "named_in_reports"})
    pledge = s.create(
        "pledge", {"title": "Fund it", "ref_code": "P1", "made_by": org, "due": "2025-05-01"}
    ).record_id
    s.create("link", {"role": "responds_to", "from": pledge, "to": ask})
    s.db.close()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", READS, str(s.db.path), ask, pledge],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
