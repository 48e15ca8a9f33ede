"""Export and import: round trips, idempotence, deltas, unknown data kept, atomic writes."""

from __future__ import annotations

import gc
import json
import os
import sqlite3

import pytest

from plantui.demo import demo_records
from plantui.errors import PlanError
from plantui.exchange import export_file, import_files
from plantui.exchange.model import ExchangeFile
from plantui.exchange.reader import canonical_hash
from tests.exchange.helpers import make_replica, rehash

DEMO_COUNT = len(demo_records())  # every record of the example plan


@pytest.fixture
def pair(tmp_path, demo_template):
    """Laptop a holds the example plan (a copy of the one load_demo wrote at a's clock time);
    laptop b, a day behind, holds nothing yet."""
    a = make_replica(tmp_path, "a", template=demo_template)
    b = make_replica(tmp_path, "b", start_ms=1_733_000_000_000 - 86_400_000)
    return a, b


def test_a_full_export_joins_a_new_laptop_and_round_trips_exactly(pair):
    a, b = pair
    summary = b.receive(a.export())
    assert summary.new == DEMO_COUNT and summary.changed == 0
    assert b.db.plan_id == a.db.plan_id
    assert b.canonical() == a.canonical()
    assert [v.values for v in b.service.list("ask")] == [v.values for v in a.service.list("ask")]


def test_importing_twice_changes_nothing(pair):
    a, b = pair
    path = a.export()
    b.receive(path)
    before = b.canonical()
    again = b.receive(path)
    assert (again.new, again.changed, again.unchanged) == (0, 0, DEMO_COUNT)
    assert again.backup is None  # nothing changed, so no backup either
    assert b.canonical() == before


def test_exports_are_canonical_hashed_and_valid_against_the_schema(pair):
    a, _ = pair
    doc = json.loads(a.export().read_text())
    ExchangeFile.model_validate(doc)
    assert doc["integrity"] == {"record_count": DEMO_COUNT, "sha256": canonical_hash(doc)}
    assert doc["format"] == "plantui.exchange" and doc["format_version"] == 1
    assert doc["kind"] == "full"
    assert doc["exporter"]["replica_id"] == a.db.replica_id
    for record in doc["records"]:
        for siblings in record["fields"].values():
            assert siblings == sorted(siblings, key=lambda s: s["at"])


def test_a_delta_carries_only_what_the_other_side_has_not_seen(pair):
    a, b = pair
    first = a.export()
    b.receive(first)
    ask = a.service.list("ask")[0]
    a.clock.advance(1000)
    a.service.update(ask.id, {"title": "Changed after the first export"})
    delta = a.export(delta_since=first)
    doc = json.loads(delta.read_text())
    assert doc["kind"] == "delta"
    assert [r["id"] for r in doc["records"]] == [ask.id]
    ExchangeFile.model_validate(doc)
    b.receive(delta)
    assert b.service.get(ask.id).values["title"] == "Changed after the first export"
    assert b.canonical() == a.canonical()


def test_unknown_types_and_fields_are_kept_and_exported_again(pair):
    a, b = pair
    doc = json.loads(a.export().read_text())
    replica, clock = next(iter(doc["records"][0]["vv"].items()))
    at = f"{clock}@{replica}"
    doc["records"][0]["fields"]["future_field"] = [{"v": {"nested": [1, "x"]}, "at": at}]
    doc["records"].append(
        {
            "type": "survey",
            "id": "01900000-0000-7000-8000-000000000001",
            "vv": {replica: clock},
            "fields": {"question": [{"v": "How was it?", "at": at}]},
        }
    )
    path = a.folder / "newer.plantui.json"
    path.write_text(json.dumps(rehash(doc)))
    b.receive(path)
    again = {r["id"]: r for r in b.canonical()}
    assert again["01900000-0000-7000-8000-000000000001"]["type"] == "survey"
    first_id = doc["records"][0]["id"]
    assert again[first_id]["fields"]["future_field"][0]["v"] == {"nested": [1, "x"]}


def test_export_is_atomic_a_failed_write_leaves_the_old_file(pair, monkeypatch):
    a, _ = pair
    target = a.folder / "stick.plantui.json"
    target.write_text("previous export")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(PlanError, match="No space left on device"):
        export_file(a.service, target)
    assert target.read_text() == "previous export"
    assert [p.name for p in a.folder.iterdir() if p.name.endswith(".tmp")] == []


def test_a_crash_mid_import_leaves_the_copy_as_it_was(pair, monkeypatch):
    a, b = pair
    path = a.export()
    calls = {"n": 0}
    from plantui.exchange import importer

    real = importer.save_states

    def crash_on_second(session, states, new=False, **kw):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real(session, states, new=new, **kw)

    monkeypatch.setattr(importer, "save_states", crash_on_second)
    with pytest.raises(RuntimeError):
        import_files(b.service, [path])
    with sqlite3.connect(b.db.path) as conn:
        assert conn.execute("SELECT count(*) FROM record").fetchone()[0] == 0
    assert b.db.plan_id is None


def test_backups_are_kept_before_changing_imports_and_only_the_last_five(pair):
    a, b = pair
    for i in range(7):
        a.clock.advance(1000)
        a.service.update(a.service.list("ask")[0].id, {"theme": f"theme {i}"})
        summary = b.receive(a.export())
        assert summary.backup is not None and summary.backup.exists()
    backups = sorted((b.db.path.parent / "plan.db.backups").iterdir())
    assert len(backups) == 5
    with sqlite3.connect(backups[-1]) as conn:  # the newest is the state before the last import
        assert conn.execute("SELECT count(*) FROM record").fetchone()[0] == DEMO_COUNT


def test_export_of_an_empty_database_is_refused(tmp_path):
    empty = make_replica(tmp_path, "empty")
    with pytest.raises(PlanError, match="no plan yet"):
        empty.export()


def test_a_file_from_a_laptop_days_ahead_is_taken_with_a_warning(tmp_path):
    ahead = make_replica(tmp_path, "ahead", start_ms=1_733_000_000_000 + 3 * 86_400_000)
    here = make_replica(tmp_path, "here")
    ahead.service.create("plan", {"title": "P"})
    summary = here.receive(ahead.export())
    assert summary.new == 1
    assert len(summary.warnings) == 1 and "3 days ahead" in summary.warnings[0]
    assert "Warning:" in summary.text()
    # The clock moved past the file's, so the next local edit is stamped after it.
    plan = here.service.list("plan")[0].id
    here.service.update(plan, {"area": "Southwark"})
    stamps = [s["at"] for s in here.service.get(plan).state.fields["area"]]
    assert stamps[0] > ahead.service.get(plan).state.fields["title"][0]["at"]


def test_import_remembers_the_label_of_the_laptop_that_wrote_the_file(pair):
    a, b = pair
    b.receive(a.export())
    assert b.db.meta(f"replica_label:{a.db.replica_id}") == a.db.replica_label


def test_the_cycle_collector_runs_again_after_an_import_and_a_refused_one(pair, tmp_path):
    a, b = pair
    good = a.export()
    bad = tmp_path / "bad.plantui.json"
    bad.write_text("{}")
    b.receive(good)
    assert gc.isenabled()
    with pytest.raises(PlanError):
        b.receive(bad)
    assert gc.isenabled()
