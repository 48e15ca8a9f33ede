"""Likely duplicates through plantui.queries.duplicates: only live records are offered."""

from __future__ import annotations

from pathlib import Path

from plantui.exchange import import_files
from plantui.merging import merge_records
from plantui.queries.duplicates import likely_duplicates, looks_like
from plantui.service import PlanService
from tests.conftest import FakeClock
from tests.exchange.helpers import make_replica


def _pairs(service: PlanService) -> set[tuple[str, frozenset[str], str]]:
    return {(p.type, frozenset((p.a_id, p.b_id)), p.reason) for p in likely_duplicates(service.db)}


def test_a_deleted_or_merged_record_is_not_offered_as_a_duplicate(
    plan_service: PlanService, clock: FakeClock
) -> None:
    s = plan_service

    def add(type_name: str, values: dict[str, str]) -> str:
        clock.advance(1)  # ids in the order written: the oldest of a group is paired with each
        return s.create(type_name, values).record_id

    kept = add("organisation", {"name": "Peckham Pantry"})
    twin = add("organisation", {"name": "peckham pantry."})
    gone = add("organisation", {"name": "Peckham  Pantry"})
    ask = add("ask", {"title": "Youth hub", "ref_code": "A3"})
    again = add("ask", {"title": "Another hub", "ref_code": "a 3"})
    assert _pairs(s) == {
        ("organisation", frozenset((kept, twin)), "same name"),
        ("organisation", frozenset((kept, gone)), "same name"),
        ("ask", frozenset((ask, again)), "same ref code"),
    }

    s.delete(gone)
    s.delete(again)
    assert _pairs(s) == {("organisation", frozenset((kept, twin)), "same name")}
    assert looks_like(s.db, "organisation", gone) == []
    assert looks_like(s.db, "ask", ask) == []

    merge_records(s, twin, kept)
    assert _pairs(s) == set()
    assert looks_like(s.db, "organisation", kept) == []


def test_a_record_just_added_is_compared_only_within_checked_types(
    plan_service: PlanService,
) -> None:
    s = plan_service
    first = s.create("person", {"name": "Lucía Pérez"}).record_id
    second = s.create("person", {"name": "Lucia Perezz"}).record_id
    (pair,) = looks_like(s.db, "person", second)
    assert (pair.a_id, pair.b_id, pair.reason) == (second, first, "similar names")
    note = {"about": first, "date": "2025-01-01", "headline": "Same words"}
    twice = s.create("note", note).record_id
    s.create("note", note)
    assert looks_like(s.db, "note", twice) == []


def test_an_import_names_the_pairs_its_own_writes_make_a_dry_run_too(tmp_path: Path) -> None:
    here, there = make_replica(tmp_path, "a"), make_replica(tmp_path, "b", 1_733_000_100_000)
    here.service.create("plan", {"title": "Plan"})
    here.service.create("organisation", {"name": "Southwark Council"})
    there.receive(here.export())
    there.service.create("organisation", {"name": "southwark  council."})

    tried = import_files(here.service, [there.export()], dry_run=True)
    assert len(tried.duplicates) == 1 and "same name" in tried.duplicates[0]
    assert likely_duplicates(here.db) == [], "a dry run leaves nothing behind"

    done = import_files(here.service, [there.export(name="again.plantui.json")])
    assert done.duplicates == tried.duplicates
    assert [p.text() for p in likely_duplicates(here.db)] == done.duplicates
