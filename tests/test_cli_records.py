"""The scripting CLI, verb by verb, on good and bad input."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import run_process


@pytest.fixture
def with_plan(cli):
    assert cli("add", "plan", "title=Southwark plan", "period_start=2024-12-01").code == 0
    return cli


def record_count(db_path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM record").fetchone()[0]


def test_add_prints_the_new_id_last_and_show_json_has_the_contract_keys(with_plan):
    cli = with_plan
    result = cli("add", "ask", "title=Close [/] gap", "rank=a0", "status=raised")
    assert result.code == 0
    ask = result.last_line
    shown = cli("show", ask, "--json").json()
    assert shown["id"] == ask
    assert shown["type"] == "ask"
    assert shown["title"] == "Close [/] gap"
    assert shown["rank"] == "a0"
    assert shown["statement"] is None  # every field is present, unset ones as null
    assert shown["deleted"] is False
    assert shown["conflicts"] == []


def test_set_changes_fields_and_an_empty_value_sets_null(with_plan):
    cli = with_plan
    action = cli("add", "action", "title=Clinics", "progress=10", "milestone=no").last_line
    assert cli("set", action, "progress=60", "rag=amber", "milestone=").code == 0
    shown = cli("show", action, "--json").json()
    assert (shown["progress"], shown["rag"], shown["milestone"]) == (60, "amber", None)


def test_list_hides_deleted_records_unless_all(with_plan):
    cli = with_plan
    keep = cli("add", "organisation", "name=Keep").last_line
    gone = cli("add", "organisation", "name=Gone").last_line
    assert cli("delete", gone).code == 0
    assert [r["id"] for r in cli("list", "organisation", "--json").json()] == [keep]
    every = {r["id"]: r["deleted"] for r in cli("list", "organisation", "--json", "--all").json()}
    assert every == {keep: False, gone: True}
    assert cli("restore", gone).code == 0
    assert len(cli("list", "organisation", "--json").json()) == 2


def test_list_orders_asks_by_rank(with_plan):
    cli = with_plan
    low = cli("add", "ask", "title=Low", "rank=a2").last_line
    high = cli("add", "ask", "title=High", "rank=a0").last_line
    assert [r["id"] for r in cli("list", "ask", "--json").json()] == [high, low]
    plain = cli("list", "ask").out.splitlines()
    assert plain[0].startswith(high) and "High" in plain[0]


def test_ids_may_be_given_as_a_unique_prefix(with_plan):
    cli = with_plan
    org = cli("add", "organisation", "name=Org").last_line
    pledge = cli("add", "pledge", "title=P", f"made_by={org}").last_line
    assert cli("show", pledge[:-4], "--json").json()["made_by"] == org
    assert cli("add", "pledge", "title=Q", f"made_by={org[:-3]}").code == 0


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("add", "widget", "title=x"), "unknown record type 'widget'"),
        (("add", "ask", "colour=red"), "ask has no field 'colour'"),
        (("add", "ask", "title"), "not of the form FIELD=VALUE"),
        (("add", "ask"), "needs title"),
        (("add", "action", "title=t", "start=2025-13-01"), "not a real date"),
        (("add", "action", "title=t", "progress=half"), "whole number"),
        (("add", "action", "title=t", "status=finished"), "not a known status"),
        (("add", "action", "title=t", "milestone=perhaps"), "true or false"),
        (("add", "pledge", "title=t", "made_by=01234567-89ab-7def-8123-456789abcdef"), "no record"),
        (("show", "00000000-0000-4000-8000-000000000000"), "no record with id"),
        (("set", "nope", "title=x"), "no record with id"),
        (("delete", "nope"), "no record with id"),
        (("restore", "nope"), "no record with id"),
        (("add", "plan", "title=Another"), "already holds a plan"),
        (("demo",), "not empty"),
    ],
)
def test_refused_input_exits_1_with_one_sentence_and_writes_nothing(with_plan, db_path, args, says):
    before = record_count(db_path)
    result = with_plan(*args)
    assert result.code == 1
    assert says in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert record_count(db_path) == before


def test_adding_records_to_a_database_without_a_plan_is_refused(cli):
    result = cli("add", "ask", "title=x")
    assert result.code == 1
    assert "holds no plan yet" in result.err


def test_usage_errors_exit_2(cli):
    assert cli("frobnicate").code == 2
    assert cli("set").code == 2
    assert cli("list").code == 2


def test_demo_fills_an_empty_database_and_if_empty_makes_reruns_safe(cli, db_path):
    assert cli("demo").code == 0
    count = record_count(db_path)
    assert count > 100
    assert cli("demo").code == 1
    assert cli("demo", "--if-empty").code == 0
    assert record_count(db_path) == count


@pytest.mark.slow
def test_version_help_and_module_entry_point(tmp_path):
    result = run_process("--version")
    assert result.returncode == 0 and result.stdout.startswith("plantui ")
    result = run_process("--help")
    assert result.returncode == 0
    for verb in ("demo", "add", "set", "show", "list", "delete", "restore"):
        assert verb in result.stdout


@pytest.mark.slow
def test_a_bad_database_file_is_one_sentence_not_a_traceback(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("not a database at all" * 50)
    result = run_process("--db", str(junk), "list", "ask")
    assert result.returncode == 1
    assert "not a plantui database" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_environment_variable_chooses_the_database(tmp_path):
    env_db = tmp_path / "from-env.db"
    result = run_process("add", "plan", "title=Env", env={"PLANTUI_DB": str(env_db)})
    assert result.returncode == 0, result.stderr
    assert record_count(env_db) == 1


def test_an_unexpected_error_is_one_sentence_with_the_details_in_a_log(
    with_plan, monkeypatch, tmp_path
):
    from plantui.queries import records

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setenv("PLANTUI_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setattr(records, "records", broken)
    result = with_plan("list", "ask")
    assert result.code == 70
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1
    log = next((tmp_path / "state").rglob("crash-*.log"))
    assert "ZeroDivisionError: a bug" in log.read_text()


@pytest.mark.parametrize("wrapped", [False, True], ids=["sqlite3", "through SQLAlchemy"])
def test_a_database_error_is_a_refusal_in_one_sentence(with_plan, monkeypatch, wrapped):
    """A locked or failing file is the database's trouble, not a bug: exit 1, no crash log."""
    from sqlalchemy.exc import OperationalError

    from plantui.queries import records

    cause = sqlite3.OperationalError("database is locked")

    def failing(*args, **kwargs):
        raise OperationalError("SELECT ...", {}, cause) if wrapped else cause

    monkeypatch.setattr(records, "records", failing)
    result = with_plan("list", "ask")
    assert result.code == 1
    assert result.err.strip() == "plantui: The database could not be used: database is locked."


def test_a_database_that_cannot_be_opened_is_refused_plainly(tmp_path, monkeypatch):
    from plantui.errors import PlanError
    from plantui.storage import database

    def failing_connect(path):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(database, "connect", failing_connect)
    with pytest.raises(PlanError, match=r"could not be opened \(disk I/O error\)"):
        database.open_database(tmp_path / "plan.db")
