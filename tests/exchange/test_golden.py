"""The frozen exchange file made by plantui 0.1.0: every future version must import it."""

from __future__ import annotations

import json
from pathlib import Path

from plantui.exchange.model import ExchangeFile
from tests.exchange.helpers import make_replica

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "v1-small.plantui.json"
ASK = "01937ed9-7200-76eb-9388-476e5cd0c5d7"
ORG = "01937ed9-7200-7a99-8299-7cfd81609e8c"
ACT1 = "01937ed9-7200-7851-ae70-653b3fac251d"
ACT2 = "01937ed9-7200-723d-b27a-722451a00d21"


def test_the_golden_file_imports_with_its_conflicts_deletions_and_unknowns(tmp_path):
    doc = json.loads(GOLDEN.read_text())
    ExchangeFile.model_validate(doc)
    copy = make_replica(tmp_path, "new")
    summary = copy.receive(GOLDEN)
    assert (summary.new, summary.changed, summary.conflicts) == (13, 0, 2)
    # the raised_by link and act1 point to the deleted org; the dependency to deleted act2
    assert summary.findings == 3
    ask = copy.service.get(ASK)
    assert ask.conflicts == ["title"]
    assert sorted(s["v"] for s in ask.state.fields["title"]) == [
        "Close the [draft] gap",
        "Close the gap, B's words",
    ]
    org = copy.service.get(ORG)
    assert org.deleted and org.delete_conflict and org.values["short_name"] == "PF"
    act2 = copy.service.get(ACT2)
    assert act2.deleted and not act2.delete_conflict
    act1 = copy.service.get(ACT1)
    assert act1.values["progress"] == 50 and act1.values["budget_pence"] == 125000
    plans = copy.service.list("plan")
    assert plans[0].values["title"] == "Golden plan" and copy.db.plan_id == doc["plan_id"]


def test_the_golden_file_round_trips_record_for_record(tmp_path):
    doc = json.loads(GOLDEN.read_text())
    copy = make_replica(tmp_path, "new")
    copy.receive(GOLDEN)
    assert copy.canonical() == doc["records"]
    assert any(r["type"] == "risk" for r in copy.canonical())
