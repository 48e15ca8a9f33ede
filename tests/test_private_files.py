"""Reports and exports may name people: each file is written whole and readable by its owner
only (0600), even under a permissive umask; CSV cells never run as spreadsheet formulas."""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from plantui.errors import PlanError
from plantui.files import write_private
from plantui.service import PlanService
from plantui.storage.database import open_database
from plantui.text import formula_safe, formula_unsafe
from tests.conftest import run_process


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def plan_db(tmp_path: Path) -> Path:
    db = tmp_path / "plan.db"
    assert run_process("--db", str(db), "demo").returncode == 0
    return db


@pytest.mark.slow
@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize(("fmt", "name"), [("html", "r.html"), ("md", "r.md"), ("ics", "r.ics")])
def test_every_report_file_is_private(plan_db, tmp_path, fmt, name):
    out = tmp_path / name
    result = run_process(
        "--db", str(plan_db), "report", "--format", fmt, "--output", str(out), "--include-contacts"
    )
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.slow
@pytest.mark.usefixtures("umask_022")
def test_mermaid_csv_and_exchange_files_are_private(plan_db, tmp_path):
    mermaid = tmp_path / "plan.mmd"
    folder = tmp_path / "csv"
    exchange = tmp_path / "x.plantui.json"
    for args in (
        ("report", "--format", "mermaid", "--output", str(mermaid)),
        ("report", "--format", "csv", "--output", str(folder), "--include-contacts"),
        ("export", str(exchange)),
    ):
        result = run_process("--db", str(plan_db), *args)
        assert result.returncode == 0, result.stderr
    assert mode(mermaid) == 0o600
    assert mode(exchange) == 0o600
    files = list(folder.iterdir())
    assert files and all(mode(p) == 0o600 for p in files)


@pytest.mark.usefixtures("umask_022")
def test_write_private_replaces_a_world_readable_file_and_refuses_plainly(tmp_path):
    target = tmp_path / "old.html"
    target.write_text("old")
    os.chmod(target, 0o644)
    write_private(target, "new")
    assert target.read_text() == "new" and mode(target) == 0o600
    with pytest.raises(PlanError, match="does not exist"):
        write_private(tmp_path / "missing" / "x.html", b"x")
    with pytest.raises(PlanError, match="is a folder"):
        write_private(tmp_path, b"x")


TRICKY = ['=HYPERLINK("http://x")', "+1", "-3", "@SUM(A1)", "'quoted", "''=x", "plain"]


def test_formula_guard_round_trips_every_text():
    for text in TRICKY:
        guarded = formula_safe(text)
        assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert formula_unsafe(guarded) == text
    assert formula_unsafe("'hand typed") == "'hand typed"


@pytest.mark.slow
def test_csv_export_neutralises_formulas_and_import_gives_them_back(tmp_path):
    db_path = tmp_path / "plan.db"
    db = open_database(db_path)
    service = PlanService(db)
    service.create("plan", {"title": "Plan"})
    org = service.create("organisation", {"name": "=cmd|' /C calc'!A0"}).record_id
    ids = [
        service.create(
            "action", {"title": title, "community_owner": org, "progress": 0, "ref_code": title}
        ).record_id
        for title in TRICKY
    ]
    service.create("dependency", {"from": ids[0], "to": ids[1], "lag_days": -3})
    db.close()
    folder = tmp_path / "csv"
    result = run_process("--db", str(db_path), "report", "--format", "csv", "--output", str(folder))
    assert result.returncode == 0, result.stderr
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                for value in row:
                    assert not value.startswith(("=", "+", "@", "\t", "\r")), (path.name, value)
                    assert not value.startswith("-") or value.lstrip("-").isdigit(), value
    with (folder / "dependency.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert next(iter(csv.DictReader(handle)))["lag_days"] == "-3"  # numbers stay numbers

    fresh = tmp_path / "fresh.db"
    assert run_process("--db", str(fresh), "add", "plan", "title=Fresh").returncode == 0
    for type_name in ("organisation", "action"):
        result = run_process(
            "--db", str(fresh), "import-csv", type_name, str(folder / f"{type_name}.csv")
        )
        assert result.returncode == 0, result.stderr
    copy = open_database(fresh)
    try:
        copied = PlanService(copy)
        assert [v.values["name"] for v in copied.list("organisation")] == ["=cmd|' /C calc'!A0"]
        actions = copied.list("action")
        assert sorted(v.values["title"] for v in actions) == sorted(TRICKY)
        assert sorted(v.values["ref_code"] for v in actions) == sorted(TRICKY)
        assert {v.values["community_owner"] is not None for v in actions} == {True}
    finally:
        copy.close()
