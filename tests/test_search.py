"""Finding records by their words: every type, any case or accent, kept in step with writes."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from plantui.domain import EMAIL_FIELDS
from plantui.queries.search import Hit, search
from plantui.search.folding import fold
from plantui.search.index import SEARCHED, TABLE
from plantui.service import PlanService
from plantui.storage.database import Database, open_database
from tests.conftest import FakeClock, downgrade, run_process
from tests.exchange.helpers import make_replica


def find(db: Database, text: str, type_name: str | None = None) -> list[Hit]:
    return search(db, text, type_name)


def ids(db: Database, text: str, type_name: str | None = None) -> set[str]:
    return {hit.id for hit in find(db, text, type_name)}


def one_of_each(service: PlanService) -> dict[str, str]:
    """A record of every type that has words, with only its required fields: type -> id."""
    out = {"plan": service.create("plan", {"title": "Plan"}).record_id}
    org = out["organisation"] = service.create("organisation", {"name": "Org"}).record_id
    out["event"] = service.create("event", {"title": "Event", "starts_at": "2025-01-10"}).record_id
    out["ask"] = service.create("ask", {"title": "Ask"}).record_id
    out["pledge"] = service.create("pledge", {"title": "Pledge", "made_by": org}).record_id
    out["action"] = service.create("action", {"title": "Action"}).record_id
    out["note"] = service.create(
        "note", {"about": org, "date": "2025-01-11", "headline": "Note"}
    ).record_id
    out["person"] = service.create("person", {"name": "Person"}).record_id
    return out


def test_folding_ignores_case_and_accents():
    assert fold("LUCÍA") == fold("Lucía") == fold("lucia") == "lucia"
    assert fold("Straße ÉCOLE ﬁn") == "strasse ecole fin"


def test_every_record_type_has_its_words_indexed():
    assert set(SEARCHED) == {
        "plan",
        "organisation",
        "event",
        "ask",
        "pledge",
        "action",
        "note",
        "person",
    }


def test_accented_and_case_different_text_is_found_in_every_field_of_every_type(service):
    made = one_of_each(service)
    for type_name, record_id in made.items():
        label, other = SEARCHED[type_name]
        for name in (*label, *other):
            if name == "timezone":  # a zone name (Europe/London), never free text
                continue
            typed = "mesa.lucía@ñandú.org" if name in EMAIL_FIELDS else "Mesa de LUCÍA Ñandú"
            service.update(record_id, {name: typed})
            for query in ("lucía", "LUCIA", "lucia nandu", "Ñand", "MESA"):
                assert record_id in ids(service.db, query), (type_name, name, query)
            service.update(record_id, {name: None} if name not in label[:1] else {name: "x"})
            assert record_id not in ids(service.db, "lucia"), (type_name, name)


def test_a_word_is_found_by_its_start(plan_service):
    rid = plan_service.create("ask", {"title": "Professional interpreters"}).record_id
    assert ids(plan_service.db, "interp") == {rid}
    assert ids(plan_service.db, "PROF interp") == {rid}
    assert ids(plan_service.db, "terpreters") == set()  # the middle of a word is not a start


def test_every_word_typed_must_be_present(plan_service):
    both = plan_service.create("ask", {"title": "Interpreters", "statement": "For Lucía"})
    plan_service.create("ask", {"title": "Interpreters only"})
    assert ids(plan_service.db, "interpreters lucia") == {both.record_id}


def test_an_edit_is_found_at_once_and_the_old_words_are_forgotten(plan_service):
    rid = plan_service.create("action", {"title": "Book rooms"}).record_id
    plan_service.update(rid, {"title": "Book interpreters"})
    assert ids(plan_service.db, "interpreters") == {rid}
    assert ids(plan_service.db, "rooms") == set()


def test_deleted_records_are_not_found_until_restored(plan_service):
    rid = plan_service.create(
        "note",
        {
            "about": plan_service.create("ask", {"title": "Ask"}).record_id,
            "date": "2025-01-01",
            "headline": "Interpreters booked",
        },
    ).record_id
    plan_service.delete(rid)
    assert ids(plan_service.db, "interpreters") == set()
    plan_service.restore(rid)
    assert ids(plan_service.db, "interpreters") == {rid}


def test_an_organisation_merged_into_another_is_not_found(plan_service):
    keep = plan_service.create("organisation", {"name": "Southwark Council"}).record_id
    twin = plan_service.create("organisation", {"name": "Southwark council"}).record_id
    plan_service.update(twin, {"merged_into": keep})
    assert ids(plan_service.db, "southwark") == {keep}


def test_type_narrows_the_hits(plan_service):
    ask = plan_service.create("ask", {"title": "Interpreters"}).record_id
    plan_service.create("action", {"title": "Interpreters"})
    assert ids(plan_service.db, "interp", "ask") == {ask}


def test_a_hit_names_type_id_ref_code_label_and_a_plain_snippet(plan_service):
    rid = plan_service.create(
        "pledge",
        {
            "ref_code": "P7",
            "title": "Interpreting for all",
            "made_by": plan_service.create("organisation", {"name": "GSTT"}).record_id,
            "commitment": "We will \x1b[31mbook\x1b[0m professional\ninterpreters every time.",
        },
    ).record_id
    (hit,) = find(plan_service.db, "book")
    assert hit == Hit(
        "pledge",
        rid,
        "P7",
        "Interpreting for all",
        "We will book professional interpreters every time.",
    )


def test_the_label_and_ref_code_rank_above_other_text(plan_service):
    in_body = plan_service.create(
        "ask", {"title": "Clinics", "statement": "Clinics need interpreters"}
    ).record_id
    in_title = plan_service.create("ask", {"title": "Interpreters"}).record_id
    assert [h.id for h in find(plan_service.db, "interpreters")] == [in_title, in_body]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "NEAR",
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "-",
        "^",
        ":",
        'NEAR("a" "b", 3)',
        "title:x",
        '"unclosed',
        "a AND (b",
        "+",
        "'",
        "\\",
        "",
        "   ",
        "\x00",
        "é*",
    ],
)
def test_search_syntax_in_the_query_never_raises(plan_service, query):
    plan_service.create("ask", {"title": "Near the river and under the bridge"})
    find(plan_service.db, query)


def test_search_syntax_words_are_words_to_look_for(plan_service):
    rid = plan_service.create("ask", {"title": "Near the river AND under the bridge"}).record_id
    assert ids(plan_service.db, "NEAR") == {rid}
    assert ids(plan_service.db, '"and" (river*') == {rid}
    assert ids(plan_service.db, "NOT") == set()


def test_an_imported_record_is_found_at_once(tmp_path: Path):
    first, second = make_replica(tmp_path, "a"), make_replica(tmp_path, "b", 1_733_000_100_000)
    first.service.create("plan", {"title": "Plan"})
    rid = first.service.create(
        "note",
        {
            "about": first.service.create("ask", {"title": "Ask"}).record_id,
            "date": "2025-01-01",
            "headline": "Réunion avec les INTERPRÈTES",
        },
    ).record_id
    second.receive(first.export())
    assert ids(second.db, "interpretes reunion") == {rid}
    first.clock.advance(1000)
    first.service.update(rid, {"headline": "Meeting moved"})
    second.receive(first.export())
    assert ids(second.db, "interpretes") == set()
    assert ids(second.db, "meeting") == {rid}
    first.service.delete(rid)
    second.receive(first.export())
    assert ids(second.db, "meeting") == set()


def test_a_database_made_before_the_index_is_indexed_when_opened(tmp_path: Path):
    path = tmp_path / "old.db"
    db = open_database(path)
    service = PlanService(db, wall=FakeClock())
    service.create("plan", {"title": "Plan"})
    rid = service.create("ask", {"title": "Intérpretes"}).record_id
    gone = service.create("ask", {"title": "Intérpretes borrados"}).record_id
    service.delete(gone)
    db.close()
    downgrade(path, "0004")
    with closing(sqlite3.connect(path)) as con:  # as an older plantui left it: no table
        assert con.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = ?", [TABLE]
        ).fetchone() == (0,)

    db = open_database(path)
    try:
        assert ids(db, "interpretes") == {rid}
    finally:
        db.close()


def test_cli_search_prints_hits_and_json(cli):
    assert cli("add", "plan", "title=Plan").code == 0
    rid = cli("add", "ask", "title=Interpreters for Lucía", "ref_code=A5").last_line
    result = cli("search", "LUCIA")
    assert result.code == 0 and "ask A5 Interpreters for Lucía" in result.out and rid in result.out
    hits = cli("search", "interp", "--json").json()
    assert hits == [
        {
            "type": "ask",
            "id": rid,
            "ref_code": "A5",
            "label": "Interpreters for Lucía",
            "snippet": "Interpreters for Lucía",
        }
    ]
    assert cli("search", "nothing-like-it").out.strip() == "Nothing found."


@pytest.mark.slow
def test_cli_search_refuses_an_unknown_type_in_one_sentence(tmp_path: Path):
    db = str(tmp_path / "plan.db")
    result = run_process("--db", db, "search", "x", "--type", "asks")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Unknown record type 'asks'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_cli_search_with_search_syntax_runs_cleanly(tmp_path: Path):
    db = str(tmp_path / "plan.db")
    assert run_process("--db", db, "add", "plan", "title=Plan").returncode == 0
    result = run_process("--db", db, "search", 'NEAR("x" *) AND -(', "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_snippet_of_a_long_text_is_cut_around_the_word_found(plan_service):
    body = (
        "Background words repeated here. " * 20 + "Then interpreters were booked." + " More." * 40
    )
    plan_service.create("ask", {"title": "Long", "problem": body})
    (hit,) = find(plan_service.db, "interpreters")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "Then interpreters were booked." in hit.snippet
    assert hit.snippet[1:].split()[0] in {"Background", "words", "repeated", "here.", "Then"}
    assert len(hit.snippet) <= 110


def test_a_screenshot_can_show_the_palette_searching(cli, tmp_path: Path):
    cli("add", "plan", "title=Plan")
    cli("add", "ask", "title=Interpreters for [b]all[/b]", "ref_code=A5")
    svg = tmp_path / "palette.svg"
    result = cli("screenshot", "--screen", "asks", "--palette", "interp", "--output", str(svg))
    assert result.code == 0, result.err
    text = svg.read_text().replace("&#160;", " ")
    assert "Interpreters for [b]all[/b]" in text  # as typed: never markup
