"""Who made each change, and the history of every record, on this laptop and after an exchange."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from plantui.exchange.model import ExchangeFile, json_schema
from tests.conftest import run_process


@pytest.fixture(autouse=True)
def _nobody_at_the_keyboard(monkeypatch):
    monkeypatch.delenv("PLANTUI_AS", raising=False)


def _add(cli, *args: str) -> str:
    result = cli(*args)
    assert result.code == 0, result.err
    return result.last_line


@pytest.fixture
def plan(cli):
    _add(cli, "add", "plan", "title=Plan")
    return {
        "jess": _add(cli, "add", "person", "name=Jess Brayne"),
        "rebecca": _add(cli, "add", "person", "name=Rebecca"),
        "ask": _add(cli, "add", "ask", "title=Mental health", "rank=a0"),
    }


def test_as_puts_the_person_on_the_sibling_and_in_history(cli, plan, db_path):
    assert cli("--as", "jess", "set", plan["ask"], "title=Better mental health").code == 0
    with sqlite3.connect(db_path) as con:
        (raw,) = con.execute("SELECT fields FROM record WHERE id = ?", (plan["ask"],)).fetchone()
    assert json.loads(raw)["title"][0]["by"] == plan["jess"]
    entries = cli("history", plan["ask"], "--json").json()
    assert [(e["field"], e["old"], e["new"]) for e in entries if e["field"] == "title"] == [
        ("title", None, "Mental health"),
        ("title", "Mental health", "Better mental health"),
    ]
    last = entries[-1]
    assert (last["who"], last["by"], last["imported"]) == ("Jess Brayne", plan["jess"], False)
    assert last["laptop"]


def test_environment_variable_names_the_person_and_as_empty_means_nobody(cli, plan, monkeypatch):
    monkeypatch.setenv("PLANTUI_AS", "Rebecca")
    assert cli("set", plan["ask"], "title=From env").code == 0
    assert cli("--as", "", "set", plan["ask"], "title=Nobody").code == 0
    titles = [e for e in cli("history", plan["ask"], "--json").json() if e["field"] == "title"]
    assert [e["who"] for e in titles] == ["", "Rebecca", ""]


def test_an_unknown_person_is_one_sentence_and_nothing_is_written(cli, plan, db_path):
    with sqlite3.connect(db_path) as con:
        rows = con.execute("SELECT count(*) FROM history").fetchone()
    result = cli("--as", "Zed", "set", plan["ask"], "title=x")
    assert result.code == 1
    assert "no person named 'Zed'" in result.err and "add person" in result.err
    assert len(result.err.strip().splitlines()) == 1
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM history").fetchone() == rows


def test_history_of_a_delete_and_restore_in_text(cli, plan):
    cli("--as", "Jess", "delete", plan["ask"])
    cli("--as", "Rebecca", "restore", plan["ask"])
    out = cli("history", plan["ask"]).out
    assert "_deleted: false -> true" in out and "by Jess Brayne" in out
    assert "_deleted: true -> false" in out and "by Rebecca" in out


@pytest.mark.slow
def test_the_person_travels_in_the_exchange_file_and_history_says_imported(
    tmp_path: Path, monkeypatch
):
    monkeypatch.delenv("PLANTUI_AS", raising=False)
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    file = tmp_path / "a.plantui.json"

    def run(db: Path, *args: str) -> str:
        result = run_process("--db", str(db), *args)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    run(a, "add", "plan", "title=Plan")
    run(a, "add", "person", "name=Jess Brayne")
    ask = run(a, "--as", "Jess", "add", "ask", "title=Ask", "rank=a0")
    run(a, "--as", "Jess", "set", ask, "title=Ask, edited")
    run(a, "export", str(file))
    assert '"by"' in file.read_text("utf-8")
    run(b, "import", str(file))
    # B relays the person in its own export, valid against the published schema.
    relayed = tmp_path / "b.plantui.json"
    run(b, "export", str(relayed))
    doc = json.loads(relayed.read_text("utf-8"))
    ExchangeFile.model_validate(doc)
    (rec,) = [r for r in doc["records"] if r["id"] == ask]
    assert rec["fields"]["title"][0]["by"] == run(a, "list", "person").split()[0]
    result = run_process("--db", str(b), "history", ask, "--json")
    entries = json.loads(result.stdout)
    titles = [(e["new"], e["who"], e["imported"]) for e in entries if e["field"] == "title"]
    # This copy saw only the state the file carried: the edited title, by Jess, imported.
    assert titles == [("Ask, edited", "Jess Brayne", True)]


@pytest.mark.slow
def test_history_after_a_conflict_shows_both_values_and_who_wrote_each(tmp_path: Path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"

    def run(db: Path, *args: str) -> str:
        result = run_process("--db", str(db), *args, env={"PLANTUI_AS": ""})
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    run(a, "add", "plan", "title=Plan")
    run(a, "add", "person", "name=Jess Brayne")
    run(a, "add", "person", "name=Rebecca")
    ask = run(a, "add", "ask", "title=Ask", "rank=a0")
    run(a, "export", str(tmp_path / "full.plantui.json"))
    run(b, "import", str(tmp_path / "full.plantui.json"))
    run(a, "--as", "Jess", "set", ask, "title=Jess's title")
    run(b, "--as", "Rebecca", "set", ask, "title=Rebecca's title")
    run(b, "export", str(tmp_path / "b.plantui.json"))
    run(a, "import", str(tmp_path / "b.plantui.json"))
    entries = json.loads(run_process("--db", str(a), "history", ask, "--json").stdout)
    titles = [(e["new"], e["who"], e["imported"]) for e in entries if e["field"] == "title"]
    assert ("Jess's title", "Jess Brayne", False) in titles
    assert ("Rebecca's title", "Rebecca", True) in titles


def test_changes_since_lists_exactly_what_was_edited_after_the_date(cli, db_path):
    assert cli("demo").code == 0
    asks = cli("list", "ask", "--json").json()
    # Move the demo's own history back to 2020, so "since 2021" sees only the edits below.
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE history SET at = '1577836800000' || substr(at, 14)")
    edited = {asks[0]["id"], asks[1]["id"]}
    cli("set", asks[0]["id"], "title=Edited one")
    cli("delete", asks[1]["id"])
    result = cli("changes", "--since", "2021-01-01", "--json").json()
    seen = {c["record_id"]: c["what"] for g in result["groups"] for c in g["changes"]}
    assert seen == {asks[0]["id"]: "changed", asks[1]["id"]: "deleted"}
    assert set(seen) == edited
    text = cli("changes", "--since", "2021-01-01").out
    assert "changed ask Edited one (title)" in text


def test_changes_since_an_event_counts_from_its_start(cli, plan):
    _add(cli, "add", "event", "title=Steering meeting", "starts_at=2000-01-01")
    result = cli("changes", "--since", "steering", "--json").json()
    assert result["since"] == "Steering meeting (2000-01-01)"
    ids = {c["record_id"] for g in result["groups"] for c in g["changes"]}
    assert plan["ask"] in ids


def test_since_that_is_neither_a_date_nor_an_event_is_refused(cli, plan):
    result = cli("changes", "--since", "last tuesday")
    assert result.code == 1
    assert "neither" in result.err


def test_report_has_a_changed_since_section_naming_only_consenting_people(cli, plan, tmp_path):
    cli("set", plan["jess"], "consent=named_in_reports")
    cli("--as", "Jess", "set", plan["ask"], "title=Edited ask")
    cli("--as", "Rebecca", "add", "ask", "title=Second ask", "rank=a1")
    md = cli("report", "--format", "md", "--changes-since", "2000-01-01", "--include-contacts")
    assert md.code == 0, md.err
    section = md.out.split("## Changed since 2000-01-01", 1)[1]
    assert "### Edited ask" in section and "### Second ask" in section
    assert "by Jess Brayne" in section and "Rebecca" not in section
    html = tmp_path / "r.html"
    cli("report", "--format", "html", "--changes-since", "2000-01-01", "--output", str(html))
    text = html.read_text("utf-8")
    assert 'id="changes"' in text and "Jess Brayne" not in text
    refused = cli("report", "--format", "ics", "--changes-since", "2000-01-01", "--output", "x")
    assert refused.code == 1


def test_the_schema_documents_the_optional_by_of_a_sibling():
    sibling = json_schema()["$defs"]["Sibling"]
    assert "by" in sibling["properties"] and "by" not in sibling.get("required", [])


@pytest.mark.slow
def test_screenshot_draws_a_records_history_pane(cli, plan, db_path, tmp_path: Path):
    cli("--as", "Rebecca", "set", plan["ask"], "title=Shown in the pane")
    svg = tmp_path / "history.svg"
    args = ("--db", str(db_path), "--clock-ok", "screenshot", "--screen", "history")
    done = run_process(*args, "--record", plan["ask"], "--output", str(svg))
    assert done.returncode == 0, done.stderr
    text = svg.read_text("utf-8").replace("&#160;", " ")
    assert "History of Shown in the pane" in text and "Rebecca" in text
    refused = run_process(*args, "--output", str(svg))
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "plantui: --screen history needs --record ID: whose pane to show."
    )


@pytest.mark.slow
def test_a_name_in_the_environment_stops_no_read_and_no_new_plan(tmp_path: Path):
    db = str(tmp_path / "plan.db")
    env = {"PLANTUI_AS": "Jess"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return run_process("--db", db, *args, env=env)

    made = run("add", "plan", "title=New plan")  # a plan with nobody in it yet
    assert made.returncode == 0, made.stderr
    assert run("add", "person", "name=Rebecca").returncode == 0
    listed = run("list", "person")
    assert listed.returncode == 0 and "Rebecca" in listed.stdout
    ask = run_process("--db", db, "--as", "Rebecca", "add", "ask", "title=Ask", "rank=a0")
    assert ask.returncode == 0, ask.stderr
    shown = run("history", ask.stdout.split()[-1])
    assert shown.returncode == 0 and "by Rebecca" in shown.stdout
    refused = run("set", ask.stdout.split()[-1], "title=Changed")
    assert refused.returncode == 1
    assert "no person named 'Jess'" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1


def test_changes_name_what_a_link_joins(cli, plan):
    event = _add(cli, "add", "event", "title=Steering meeting", "starts_at=2000-01-01")
    _add(cli, "add", "link", "role=attended", f"from={plan['jess']}", f"to={event}")
    text = cli("changes", "--since", "2000-01-01").out
    assert "added link attended: Jess Brayne → Steering meeting" in text


def test_report_changes_leave_out_links_of_people_it_may_not_name(cli, plan):
    cli("set", plan["jess"], "consent=named_in_reports")
    event = _add(cli, "add", "event", "title=Steering meeting", "starts_at=2000-01-01")
    for person in ("jess", "rebecca"):
        _add(cli, "add", "link", "role=attended", f"from={plan[person]}", f"to={event}")
    md = cli("report", "--format", "md", "--changes-since", "2000-01-01", "--include-contacts")
    section = md.out.split("## Changed since 2000-01-01", 1)[1]
    assert "Jess Brayne → Steering meeting" in section
    assert "Rebecca" not in section
    plain = cli("report", "--format", "md", "--changes-since", "2000-01-01").out
    assert "Jess Brayne" not in plain and "attended" not in plain
