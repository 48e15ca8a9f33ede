"""The exchange commands on good and bad input: export, import, check, schema, sync."""

from __future__ import annotations

import json

from plantui.demo import demo_records
from plantui.exchange.model import ExchangeFile
from plantui.storage.database import open_database
from tests.conftest import edit_from_another_laptop

DEMO_COUNT = len(demo_records())  # every record of the example plan


def test_export_to_stdout_and_to_a_file_then_import(cli, tmp_path, capsys):
    assert cli("demo").code == 0
    result = cli("export", "-")
    assert result.code == 0
    doc = json.loads(result.out)
    ExchangeFile.model_validate(doc)
    assert len(doc["records"]) == DEMO_COUNT
    target = tmp_path / "out.plantui.json"
    result = cli("export", str(target))
    assert result.code == 0 and f"{DEMO_COUNT} records" in result.out
    assert json.loads(target.read_text())["records"] == doc["records"]


def test_delta_since_a_file_exports_only_newer_records(cli, tmp_path):
    cli("add", "plan", "title=P")
    ask = cli("add", "ask", "title=A").last_line
    first = tmp_path / "first.plantui.json"
    cli("export", str(first))
    cli("set", ask, "title=B")
    delta = tmp_path / "delta.plantui.json"
    result = cli("export", str(delta), "--delta-since", str(first))
    assert result.code == 0 and "delta export of 1 records" in result.out
    doc = json.loads(delta.read_text())
    assert doc["kind"] == "delta" and doc["since"] == json.loads(first.read_text())["state_vv"]


def test_check_lists_findings_as_text_and_json(cli, db_path):
    cli("add", "plan", "title=P")
    org = cli("add", "organisation", "name=O").last_line
    action = cli("add", "action", "title=A", f"public_owner={org}", "start=2025-03-01").last_line
    database = open_database(db_path)
    edit_from_another_laptop(database, action, {"end": "2025-01-01"})  # refused if typed
    database.close()
    assert "No integrity findings" not in cli("check").out
    cli("delete", org)
    findings = cli("check", "--json").json()
    assert {(f["record"], f["kind"], f["field"]) for f in findings} == {
        (action, "deleted_ref", "public_owner"),
        (action, "end_before_start", "end"),
    }
    cli("restore", org)
    cli("set", action, "end=2025-04-01")
    assert cli("check").out.strip() == "No integrity findings."
    assert cli("check", "--json").json() == []


def test_conflicts_text_says_when_there_are_none(cli):
    cli("add", "plan", "title=P")
    assert cli("conflicts").out.strip() == "No open conflicts."
    assert cli("conflicts", "--json").json() == []


def test_schema_is_a_json_schema_of_the_exchange_file(cli):
    schema = cli("schema").json()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["required"]) >= {"format", "plan_id", "records", "state_vv"}
    assert "ExchangeRecord" in schema["$defs"]


def test_sync_refuses_a_missing_folder_and_reports_bad_files(cli, tmp_path):
    cli("add", "plan", "title=P")
    assert cli("sync", str(tmp_path / "nope")).code == 1
    folder = tmp_path / "stick"
    folder.mkdir()
    (folder / "broken.plantui.json").write_text("{")
    result = cli("sync", str(folder))
    assert result.code == 1
    assert "broken.plantui.json" in result.out and "refused" in result.err
    mine = [p for p in folder.glob("*.plantui.json") if p.name != "broken.plantui.json"]
    assert len(mine) == 1  # its own export is still written


def test_import_usage_errors_exit_2(cli):
    assert cli("import").code == 2
    assert cli("import", "x.plantui.json", "--max-size", "lots").code == 2
    assert cli("resolve", "id", "title").code == 2


def test_label_names_this_copy_in_its_exports(cli, tmp_path):
    cli("add", "plan", "title=P")
    assert cli("label", "Laptop at the library").code == 0
    assert cli("label").out.startswith("Laptop at the library (replica ")
    assert cli("label", "  ").code == 1
    doc = cli("export", "-").json()
    assert doc["exporter"]["label"] == "Laptop at the library"
