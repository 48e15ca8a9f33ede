"""The sizes of docs/record-model.md are refused at every door, in one sentence, with nothing
written: the CLI, a CSV and an exchange file (forms use the same ``parse_text_value``)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from plantui.domain import TYPES, InvalidValue, check_value, parse_text_value
from tests.conftest import run_process
from tests.exchange.helpers import make_replica, rehash

HUGE = "99999999999999999999999"


def record_count(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM record").fetchone()[0]


@pytest.fixture
def plan_db(tmp_path: Path) -> Path:
    db = tmp_path / "plan.db"
    result = run_process("--db", str(db), "add", "plan", "title=Plan")
    assert result.returncode == 0, result.stderr
    return db


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("event", "title=E", "starts_at=2024-01-01", f"attendees_count={HUGE}"), "between"),
        (("event", "title=E", "starts_at=2024-01-01", "attendees_count=" + "9" * 5000), "whole"),
        (("dependency", "from=x", "to=y", "lag_days=3000000000"), "between"),
        (("event", "title=E", "starts_at=9999-01-01"), "years 1900 to 2200"),
        (("event", "title=E", "starts_at=1899-12-31T10:00+00:00"), "years 1900 to 2200"),
        (("action", "title=A", "end=9999-12-31"), "years 1900 to 2200"),
        (("action", "title=" + "x" * 501), "at most 500 characters"),
        (("action", "title=A", "ref_code=" + "r" * 501), "at most 500 characters"),
        (("organisation", "name=" + "n" * 501), "at most 500 characters"),
        (("action", "title=A", "description=" + "d" * 100_001), "at most 100,000 characters"),
    ],
)
def test_the_cli_refuses_values_outside_the_sizes_in_one_sentence(plan_db, args, says):
    result = run_process("--db", str(plan_db), "add", *args)
    assert result.returncode == 1, result.stderr
    assert says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert len(result.stderr) < 300
    assert record_count(plan_db) == 1


@pytest.mark.slow
def test_set_refuses_them_too(plan_db):
    added = run_process("--db", str(plan_db), "add", "event", "title=E", "starts_at=2024-01-01")
    event = added.stdout.strip().splitlines()[-1]
    result = run_process("--db", str(plan_db), "set", event, f"attendees_count={HUGE}")
    assert result.returncode == 1 and "between" in result.stderr
    shown = run_process("--db", str(plan_db), "show", event, "--json")
    assert json.loads(shown.stdout)["attendees_count"] is None


def test_values_at_the_limits_are_accepted():
    text = TYPES["action"].fields
    assert parse_text_value(text["title"], "t" * 500) == "t" * 500
    assert parse_text_value(text["description"], "d" * 100_000) == "d" * 100_000
    assert parse_text_value(text["start"], "1900-01-01") == "1900-01-01"
    assert parse_text_value(text["end"], "2200-12-31") == "2200-12-31"
    lag = TYPES["dependency"].fields["lag_days"]
    assert parse_text_value(lag, "-1000000000") == -1_000_000_000
    assert parse_text_value(lag, "1000000000") == 1_000_000_000
    with pytest.raises(InvalidValue):
        check_value(lag, 1_000_000_001)


@pytest.mark.slow
def test_import_csv_names_each_row_outside_the_sizes_by_line(plan_db, tmp_path):
    csv_file = tmp_path / "events.csv"
    csv_file.write_text(
        "title,starts_at,attendees_count\n"
        "Fine,2024-01-01,10\n"
        f"Too many,2024-01-01,{HUGE}\n"
        "Too late,9999-01-01,\n" + "x" * 501 + ",2024-01-01,\n",
        encoding="utf-8",
    )
    result = run_process("--db", str(plan_db), "import-csv", "event", str(csv_file))
    assert result.returncode == 1
    for line in ("line 3: attendees_count", "line 4: starts_at", "line 5: title"):
        assert line in result.stderr
    assert "Traceback" not in result.stderr
    assert record_count(plan_db) == 1


@pytest.mark.slow
def test_an_exchange_file_with_a_value_outside_the_sizes_is_refused(tmp_path):
    source = make_replica(tmp_path, "a")
    source.service.create("plan", {"title": "Plan"})
    source.service.create("event", {"title": "E", "starts_at": "2024-01-01"})
    doc = json.loads(source.export().read_text())
    event = next(r for r in doc["records"] if r["type"] == "event")
    event["fields"]["starts_at"][0]["v"] = "9999-01-01"
    path = tmp_path / "hostile.plantui.json"
    path.write_text(json.dumps(rehash(doc)))
    fresh = tmp_path / "fresh.db"
    result = run_process("--db", str(fresh), "import", str(path))
    assert result.returncode == 1, result.stderr
    assert "years 1900 to 2200" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
