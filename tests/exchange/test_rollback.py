"""A copy rolled back where no ledger could see it is found out from peers' files."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from plantui.exchange import sync_folder
from tests.exchange.helpers import Replica, make_replica, rehash


def _rolled_back(tmp_path: Path):
    """A and B share a plan; A is snapshotted (database and ledger), edits, sends the edits
    to B, and is put back as it was: the edits it lost are only on B now."""
    a, b = make_replica(tmp_path, "a"), make_replica(tmp_path, "b")
    a.service.create("plan", {"title": "Plan"})
    ask = a.service.create("ask", {"title": "Original", "rank": "a0"}).record_id
    org = a.service.create("organisation", {"name": "Forum"}).record_id
    b.receive(a.export(name="first.plantui.json"))
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    ledger = Path(os.environ["PLANTUI_STATE_DIR"])
    a.db.close()
    shutil.copy(a.db.path, snapshot / "plan.db")
    shutil.copytree(ledger, snapshot / "ledger")
    a.db = a.service.db = reopen(a)
    a.service.update(ask, {"title": "Lost on A"})
    a.service.update(org, {"name": "Forum, renamed on A"})
    b.receive(a.export(name="lost.plantui.json"))
    a.db.close()
    shutil.copy(snapshot / "plan.db", a.db.path)  # in place: the same inode
    shutil.rmtree(ledger)
    shutil.copytree(snapshot / "ledger", ledger)
    a.db = a.service.db = reopen(a)
    return a, b, ask, org


def reopen(replica: Replica):
    from plantui.storage.database import open_database

    return open_database(replica.db.path)


def _titles(replica: Replica, rid: str, field: str = "title") -> set[str]:
    records = replica.canonical()
    found = next(r for r in records if r["id"] == rid)
    return {sib["v"] for sib in found["fields"][field]}


def test_writes_after_the_rollback_under_later_clocks_are_kept_beside_the_lost_ones(tmp_path):
    a, b, ask, org = _rolled_back(tmp_path)
    before = a.db.replica_id
    a.clock.advance(60_000)  # the clock moved on: no stamp is reused, but vectors mislead
    a.service.update(ask, {"title": "Mine on A"})
    new = a.service.create("ask", {"title": "New on A", "rank": "a1"}).record_id
    summary = a.receive(b.export(name="from-b.plantui.json"))
    assert summary.new_replica_id and summary.new_replica_id != before
    assert "rolled back" in summary.text()
    b.receive(a.export(name="from-a.plantui.json"))
    assert a.canonical() == b.canonical()
    assert _titles(a, ask) == {"Lost on A", "Mine on A"}
    assert _titles(a, org, "name") == {"Forum, renamed on A"}
    assert _titles(b, new) == {"New on A"}


def test_an_ordinary_exchange_never_takes_a_new_replica_id(tmp_path):
    a, b = make_replica(tmp_path, "a"), make_replica(tmp_path, "b")
    a.service.create("plan", {"title": "Plan"})
    ask = a.service.create("ask", {"title": "Original", "rank": "a0"}).record_id
    b.receive(a.export(name="a1.plantui.json"))
    stale = b.export(name="b-stale.plantui.json")
    a.clock.advance(1000)
    a.service.update(ask, {"title": "Later on A"})
    b.receive(a.export(name="a2.plantui.json"))
    b.clock.advance(2000)
    b.service.update(ask, {"theme": "From B"})
    me = a.db.replica_id
    for path in (stale, b.export(name="b.plantui.json"), stale):
        assert a.receive(path).new_replica_id is None
    assert a.db.replica_id == me
    assert _titles(a, ask) == {"Later on A"}


def test_sync_reads_a_file_whose_claim_for_this_copy_none_of_its_exports_made(tmp_path):
    a, b, ask, org = _rolled_back(tmp_path)
    a.service.update(ask, {"title": "Mine on A"})  # the clock stood still: the same stamps
    a.service.update(org, {"notes": "Mine too"})
    folder = tmp_path / "shared"
    folder.mkdir()
    doc = json.loads(b.export(name="b.plantui.json").read_text())
    del doc["state_vv"][b.db.replica_id]  # B wrote nothing: only its claim for A is news
    text = json.dumps(rehash(doc), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    (folder / "b.plantui.json").write_text(text)
    result = sync_folder(a.service, folder)
    assert result.imported is not None and result.imported.new_replica_id
    assert _titles(a, ask) == {"Lost on A", "Mine on A"}
