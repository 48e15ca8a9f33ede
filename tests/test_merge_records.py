"""Duplicates typed on two laptops: found, merged into one, unmerged, and agreed on by sync."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from plantui.duplicates import fold
from plantui.errors import PlanError
from plantui.merging import merge_records, unmerge_record
from plantui.queries.duplicates import likely_duplicates, looks_like
from plantui.service import PlanService
from tests.conftest import run_process


def _org(service: PlanService, name: str) -> str:
    return service.create("organisation", {"name": name}).record_id


def test_fold_sets_case_accents_punctuation_and_spacing_aside():
    assert fold("LUCÍA  Pérez.") == fold("lucia perez") == "lucia perez"
    assert fold("Southwark Council") == fold("southwark-council")
    assert fold(None) == ""


def test_likely_duplicates_by_name_similarity_and_ref_code(plan_service: PlanService):
    council = _org(plan_service, "Southwark Council")
    again = _org(plan_service, "southwark  council.")
    typo = _org(plan_service, "Southwark Councill")
    _org(plan_service, "Illustrative group A")
    _org(plan_service, "Illustrative group B")
    pairs = {
        (p.type, frozenset((p.a_id, p.b_id)), p.reason) for p in likely_duplicates(plan_service.db)
    }
    mine = looks_like(plan_service.db, "organisation", again)
    assert ("organisation", frozenset((council, again)), "same name") in pairs
    assert ("organisation", frozenset((council, typo)), "similar names") in pairs
    assert not any("Illustrative" in p.a_label for p in likely_duplicates_of(plan_service))
    assert {frozenset((p.a_id, p.b_id)) for p in mine} == {
        frozenset((council, again)),
        frozenset((again, typo)),
    }


def likely_duplicates_of(service: PlanService) -> list:
    return likely_duplicates(service.db)


def test_merge_moves_references_and_links_and_hides_the_duplicate(plan_service: PlanService):
    kept, dup = _org(plan_service, "Southwark Council"), _org(plan_service, "Southwark Counci")
    pledge = plan_service.create("pledge", {"title": "Fund it", "made_by": dup}).record_id
    action = plan_service.create("action", {"title": "Do it", "public_owner": dup}).record_id
    ask = plan_service.create("ask", {"title": "Ask"}).record_id
    plan_service.create("link", {"role": "directed_to", "from": ask, "to": dup})
    plan_service.create("link", {"role": "directed_to", "from": ask, "to": kept})

    done = merge_records(plan_service, dup, kept)

    assert (done.references, done.links) == (2, 1)
    assert plan_service.get(pledge).values["made_by"] == kept
    assert plan_service.get(action).values["public_owner"] == kept
    assert plan_service.get(dup).values["merged_into"] == kept
    live_links = [
        (v.values["role"], v.values["from"], v.values["to"]) for v in plan_service.list("link")
    ]
    assert live_links == [("directed_to", ask, kept)]
    assert [v.id for v in plan_service.list("organisation")] == [kept]
    assert likely_duplicates(plan_service.db) == []

    unmerge_record(plan_service, dup)
    assert {v.id for v in plan_service.list("organisation")} == {kept, dup}
    assert plan_service.get(pledge).values["made_by"] == kept  # what moved stays moved


def test_people_merge_too(plan_service: PlanService):
    kept = plan_service.create("person", {"name": "Jess Brayne"}).record_id
    dup = plan_service.create("person", {"name": "Jess  brayne"}).record_id
    note = plan_service.create(
        "note",
        {"about": kept, "date": "2025-03-02", "headline": "Ran it", "author_person": dup},
    ).record_id
    merge_records(plan_service, dup, kept)
    assert plan_service.get(note).values["author_person"] == kept
    assert [v.id for v in plan_service.list("person")] == [kept]


@pytest.mark.parametrize("case", ["itself", "other type", "cycle", "deleted", "not mergeable"])
def test_merges_that_make_no_sense_are_refused_in_one_sentence(plan_service, case):
    a, b = _org(plan_service, "One"), _org(plan_service, "Two")
    person = plan_service.create("person", {"name": "Someone"}).record_id
    ask_a = plan_service.create("ask", {"title": "X"}).record_id
    ask_b = plan_service.create("ask", {"title": "X"}).record_id
    if case == "itself":
        args, words = (a, a), "itself"
    elif case == "other type":
        args, words = (a, person), "only be merged into another organisation"
    elif case == "cycle":
        merge_records(plan_service, b, a)
        args, words = (a, b), "cycle"
    elif case == "deleted":
        plan_service.delete(b)
        args, words = (a, b), "deleted"
    else:
        args, words = (ask_a, ask_b), "Only organisations and people can be merged; this is an ask."
    before = {v.id: v.values for v in plan_service.list("organisation", include_deleted=True)}
    with pytest.raises(PlanError) as refused:
        merge_records(plan_service, *args)
    assert words in str(refused.value) and "\n" not in str(refused.value)
    after = {v.id: v.values for v in plan_service.list("organisation", include_deleted=True)}
    assert after == before


def _plantui(db: Path, *args: str) -> str:
    done = run_process("--db", str(db), "--clock-ok", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _report_orgs(db: Path, tmp_path: Path) -> dict[str, list[str]]:
    """Each organisation in the Markdown report with the pledges the database says it made."""
    out = tmp_path / f"{db.stem}.md"
    _plantui(db, "report", "--format", "md", "--output", str(out))
    text = out.read_text()
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT o.name, p.title FROM pledge p JOIN organisation o ON o.id = p.made_by"
        " WHERE p.deleted = 0 AND o.deleted = 0 AND o.merged_into IS NULL"
    ).fetchall()
    hidden = [
        n for (n,) in con.execute("SELECT name FROM organisation WHERE merged_into IS NOT NULL")
    ]
    con.close()
    for name in hidden:
        assert name not in text
    by_org: dict[str, list[str]] = {}
    for name, title in rows:
        by_org.setdefault(name, []).append(title)
        assert title in text
    return {k: sorted(v) for k, v in by_org.items()}


@pytest.mark.slow
def test_two_laptops_add_the_same_council_one_merges_and_both_end_up_with_one(tmp_path):
    a, b, stick = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "stick"
    stick.mkdir()
    _plantui(a, "add", "plan", "title=Borough plan", "period_start=2025-01-01")
    _plantui(a, "copy", str(b), "--label", "Laptop B")
    council_a = _plantui(a, "add", "organisation", "name=Southwark Council").strip()
    _plantui(a, "add", "pledge", "title=Fund interpreters", f"made_by={council_a}")
    council_b = _plantui(b, "add", "organisation", "name=Southwark council").strip()
    _plantui(b, "add", "pledge", "title=Open the data", f"made_by={council_b}")
    for _ in range(2):
        _plantui(a, "sync", str(stick))
        _plantui(b, "sync", str(stick))

    listed = json.loads(_plantui(a, "duplicates", "--json"))
    assert [{d["a"], d["b"]} for d in listed] == [{council_a, council_b}]
    _plantui(a, "merge", council_b, "--into", council_a)
    for _ in range(2):
        _plantui(a, "sync", str(stick))
        _plantui(b, "sync", str(stick))

    for db in (a, b):
        assert _report_orgs(db, tmp_path) == {
            "Southwark Council": ["Fund interpreters", "Open the data"]
        }
    exports = [json.loads(_plantui(db, "export", "-"))["records"] for db in (a, b)]
    assert exports[0] == exports[1]


def test_mergeable_types_are_those_with_merged_into():
    from plantui.domain import TYPES
    from plantui.merging import MERGEABLE

    assert set(MERGEABLE) == {n for n, t in TYPES.items() if "merged_into" in t.fields}


def test_an_import_that_brings_a_lookalike_names_the_pair(tmp_path, capsys):
    from plantui.cli.main import main

    a, b, file = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "a.plantui.json"

    def run(db: Path, *args: str) -> str:
        assert main(["--db", str(db), "--clock-ok", *args]) == 0
        return capsys.readouterr().out

    run(a, "add", "plan", "title=Borough plan")
    run(a, "copy", str(b))
    run(a, "add", "organisation", "name=Southwark Council")
    run(b, "add", "organisation", "name=SOUTHWARK COUNCIL")
    ask_a = run(a, "add", "ask", "title=Interpreters", "ref_code=A9").strip()
    ask_b = run(b, "add", "ask", "title=Something else", "ref_code=a9").strip()
    run(a, "export", str(file))
    out = run(b, "import", str(file))
    listed = json.loads(run(b, "duplicates", "--json"))
    assert {"type": "ask", "ids": {ask_a, ask_b}, "reason": "same ref code"} in [
        {"type": d["type"], "ids": {d["a"], d["b"]}, "reason": d["reason"]} for d in listed
    ]
    assert "1 pair(s) look the same" in out
    assert "“SOUTHWARK COUNCIL” and “Southwark Council” (same name)" in out or (
        "“Southwark Council” and “SOUTHWARK COUNCIL” (same name)" in out
    )


def test_the_timeline_shows_an_owner_merged_elsewhere_as_the_one_kept(plan_service):
    """An action whose owner was merged into another before the reference moved (it came
    from a laptop that had not synced the merge) is drawn and filtered as the kept one's."""
    from plantui.queries.timeline import read_schedule
    from plantui.schedule import BarFilter

    kept = _org(plan_service, "Southwark Council")
    dup = _org(plan_service, "Southwark Councl")
    merge_records(plan_service, dup, kept)
    late = plan_service.create("action", {"title": "Late arrival", "public_owner": dup})
    schedule = read_schedule(plan_service.db)
    assert schedule.bars[late.record_id].public_owner == kept
    assert schedule.organisations[kept] == "Southwark Council"
    assert [r.id for r in schedule.rows(only=BarFilter(owner=kept)) if r.kind == "action"] == [
        late.record_id
    ]
