"""``plantui import-csv``: a spreadsheet becomes records, all of it or none of it, and every
bad row is named by its line number."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from plantui.service import PlanService
from plantui.storage.database import open_database


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def names(service: PlanService, type_name: str, field: str = "title") -> list[str]:
    return [v.values[field] for v in service.list(type_name)]


def test_organisations_then_asks_by_name_short_name_and_ref_code(cli, plan_service, tmp_path):
    orgs = write(
        tmp_path / "orgs.csv",
        "Name,Short_Name,Sector,Role\n"
        "Peckham Carers Circle,PCC,community,community_lead\n"
        "Southwark Council,,local_authority,decision_maker\n",
    )
    result = cli("import-csv", "organisation", str(orgs))
    assert result.code == 0, result.err
    assert result.last_line == f"Imported 2 organisations from {orgs}."
    asks = write(
        tmp_path / "asks.csv",
        "ref_code,TITLE,status,raised_by_name,directed_to\n"
        "A1,Respite that fits our families,raised,pcc,Southwark Council\n"
        'A2,"Interpreters, not children",agreed,Peckham Carers Circle; PCC,\n',
    )
    result = cli("import-csv", "ask", str(asks))
    assert result.code == 0, result.err
    assert names(plan_service, "ask") == [
        "Respite that fits our families",
        "Interpreters, not children",
    ]
    pledges = write(
        tmp_path / "pledges.csv",
        "title,made_by,responds_to_name,due\nRespite review,Southwark Council,A1,2025-03-31\n",
    )
    assert cli("import-csv", "pledge", str(pledges)).code == 0
    shown = cli("report", "--format", "md").out
    assert "Raised by: Peckham Carers Circle" in shown
    assert "Asked of: Southwark Council" in shown
    assert "| Respite review | Southwark Council |" in shown


def test_every_bad_row_is_reported_and_nothing_is_written(cli, plan_service, tmp_path):
    write(tmp_path / "orgs.csv", "name\nSouthwark Council\nSouthwark Council\n")
    assert cli("import-csv", "organisation", str(tmp_path / "orgs.csv")).code == 0
    actions = write(
        tmp_path / "actions.csv",
        "title,start,end,progress,public_owner,milestone\n"
        "Fine row,2025-01-01,2025-02-01,10,,no\n"
        "Bad date,2025-13-01,2025-02-01,,,\n"
        ",2025-01-01,2025-02-01,,,\n"
        '"A title over\ntwo lines",2025-01-01,2025-02-01,150,,\n'
        "Unknown owner,2025-01-01,2025-02-01,,Nobody Council,\n"
        "Ambiguous owner,2025-01-01,2025-02-01,,Southwark Council,perhaps\n",
    )
    result = cli("import-csv", "action", str(actions))
    assert result.code == 1
    err = result.err.strip().splitlines()
    assert err[:-1] == [
        "plantui: line 3: '2025-13-01' is not a real date.",
        "plantui: line 4: the title is empty; every action needs one.",
        "plantui: line 5: progress must be at most 100, not 150.",
        "plantui: line 7: public_owner: there is no organisation called 'Nobody Council'.",
        "plantui: line 8: public_owner: 'Southwark Council' matches 2 records;"
        " give its id instead.",
        "plantui: line 8: milestone must be true or false, not 'perhaps'.",
    ]
    assert err[-1].startswith("plantui: Imported nothing: 5 line(s) of")
    assert plan_service.list("action") == []


def test_dry_run_checks_but_writes_nothing(cli, plan_service, tmp_path):
    asks = write(tmp_path / "asks.csv", "title\nOne\nTwo\n")
    result = cli("import-csv", "ask", str(asks), "--dry-run")
    assert result.code == 0
    assert "2 asks would be imported (nothing written: --dry-run)" in result.last_line
    assert plan_service.list("ask") == []


def test_header_problems_and_bad_files_are_refused(cli, plan_service, tmp_path):
    unknown = write(tmp_path / "u.csv", "title,colour\nX,blue\n")
    result = cli("import-csv", "ask", str(unknown))
    assert result.code == 1
    assert "plantui: line 1: ask has no field 'colour'" in result.err
    missing = write(tmp_path / "m.csv", "made_on\n2025-01-01\n")
    err = cli("import-csv", "pledge", str(missing)).err
    assert "line 1: there is no title column" in err and "there is no made_by column" in err
    assert cli("import-csv", "note", str(unknown)).err.startswith(
        "plantui: import-csv takes organisation, event, ask, pledge or action, not 'note'."
    )
    assert "There is no file" in cli("import-csv", "ask", str(tmp_path / "none.csv")).err
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"title\n\xff\xfe\xfa\n")
    assert "is not UTF-8 text" in cli("import-csv", "ask", str(binary)).err
    empty = write(tmp_path / "e.csv", "")
    assert "is empty" in cli("import-csv", "ask", str(empty)).err


def test_import_needs_a_plan(cli, db, tmp_path):
    asks = write(tmp_path / "asks.csv", "title\nOne\n")
    result = cli("import-csv", "ask", str(asks))
    assert result.code == 1
    assert "holds no plan yet" in result.err


def test_control_characters_are_stripped_on_import(cli, plan_service, tmp_path):
    asks = write(tmp_path / "asks.csv", "title\nClean \x1b[31mtitle\x07\n")
    assert cli("import-csv", "ask", str(asks)).code == 0
    assert names(plan_service, "ask") == ["Clean title"]


@pytest.mark.slow
@pytest.mark.usefixtures("demo_db_path")
def test_csv_export_reimports_into_a_fresh_database(cli, db_path, tmp_path):
    folder = tmp_path / "export"
    assert cli("report", "--format", "csv", "--output", str(folder)).code == 0
    fresh_path = tmp_path / "fresh.db"
    fresh = open_database(fresh_path)
    service = PlanService(fresh)
    service.create("plan", {"title": "Fresh copy"})
    from plantui.csv_import import import_csv

    for type_name in ("organisation", "event", "ask", "pledge", "action"):
        message = import_csv(service, type_name, folder / f"{type_name}.csv")
        assert message.startswith("Imported ")
    original = open_database(db_path)
    source = PlanService(original)
    try:
        for type_name, field in (
            ("organisation", "name"),
            ("event", "title"),
            ("ask", "title"),
            ("pledge", "title"),
            ("action", "title"),
        ):
            assert names(service, type_name, field) == names(source, type_name, field), type_name
        # References survive by name: same owners, asks, pledges, parents and links.
        assert _story(fresh) == _story(original)
    finally:
        original.close()
        fresh.close()


def _story(db) -> list[tuple]:
    """Who owns what, which pledge answers which ask, per action, by names only."""
    import datetime as dt

    from plantui.queries.report import build_report

    report = build_report(db, dt.date(2025, 6, 15))
    return [
        (
            ask.heading,
            ask.rag,
            ask.progress,
            tuple(ask.raised_by),
            tuple(ask.directed_to),
            tuple((p.title, p.made_by, p.made_at) for p in ask.pledges),
            tuple(
                (a.title, a.community_owner, a.public_owner, a.pledge, tuple(a.partners))
                for a in ask.actions
            ),
        )
        for ask in report.asks
    ]


def test_exported_header_names_are_all_understood():
    """Every column the export writes for an importable type is accepted on import."""
    from plantui.csv_import import _columns
    from plantui.reports.csv_export import columns

    for type_name in ("organisation", "event", "ask", "pledge", "action"):
        problems: list[str] = []
        _columns(type_name, columns(type_name, include_contacts=True), 1, problems)
        assert problems == [], type_name


@pytest.mark.usefixtures("demo_db_path")
def test_an_edited_export_imported_back_updates_the_same_records(cli, tmp_path):
    """Export, edit in a spreadsheet, import back: no duplicates, edits and cleared cells land,
    and a link column replaces the links it lists."""
    folder = tmp_path / "export"
    assert cli("report", "--format", "csv", "--output", str(folder)).code == 0
    path = folder / "ask.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    a1 = next(r for r in rows if r["ref_code"] == "A1")
    a1["title"] = "Mental health support that fits our communities"
    a1["theme"] = ""
    a1["raised_by"], a1["raised_by_name"] = "", "Southwark Council"
    new = dict.fromkeys(rows[0], "")
    new.update(title="A brand new ask", ref_code="A9")
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([*rows, new])
    dry = cli("import-csv", "ask", str(path), "--dry-run")
    assert "9 asks (1 new, 8 updated) would be imported" in dry.last_line
    result = cli("import-csv", "ask", str(path))
    assert result.code == 0, result.err
    assert result.last_line == f"Imported 9 asks (1 new, 8 updated) from {path}."
    db = open_database(tmp_path / "plan.db")
    try:
        views = PlanService(db).list("ask")
        assert len(views) == 9 and views[-1].values["title"] == "A brand new ask"
        first = views[0]
        assert first.values["title"] == "Mental health support that fits our communities"
        assert first.values["theme"] is None
    finally:
        db.close()
    md = cli("report", "--format", "md", "--ask", "A1").out
    assert "Raised by: Southwark Council" in md


def test_the_same_id_twice_is_refused(cli, plan_service, tmp_path):
    ask = plan_service.create("ask", {"title": "Existing"}).record_id
    path = write(tmp_path / "a.csv", f"id,title\n{ask},One\n{ask},Two\n")
    result = cli("import-csv", "ask", str(path))
    assert result.code == 1
    assert f"plantui: line 3: the id {ask} is also on line 2." in result.err


def test_event_times_in_a_spreadsheet_are_read_in_the_plans_zone(cli, plan_service, tmp_path):
    """A spreadsheet of sessions written as the seeds write them: stored with London's offset
    (GMT in March, BST in July); an end given as a time alone is on the event's day."""
    events = write(
        tmp_path / "events.csv",
        "title,starts_at,ends_at\n"
        "Conference workshop,2023-03-02 2:15pm,4pm\n"
        "Summer workshop,2025-07-10 14:00,2025-07-10 17:00\n",
    )
    result = cli("import-csv", "event", str(events))
    assert result.code == 0, result.err
    times = {
        v.values["title"]: (v.values["starts_at"], v.values["ends_at"])
        for v in plan_service.list("event")
    }
    assert times == {
        "Conference workshop": ("2023-03-02T14:15:00+00:00", "2023-03-02T16:00:00+00:00"),
        "Summer workshop": ("2025-07-10T14:00:00+01:00", "2025-07-10T17:00:00+01:00"),
    }
    bad = write(tmp_path / "bad.csv", "title,starts_at\nLost,14:15\n")
    refused = cli("import-csv", "event", str(bad))
    assert refused.code == 1
    assert "line 2: starts_at '14:15' needs a date too" in refused.err + refused.out


def test_a_backup_of_the_plan_is_taken_before_an_import(cli, plan_service, db_path, tmp_path):
    orgs = write(tmp_path / "orgs.csv", "name,sector\nPeckham Carers Circle,community\n")
    backups = db_path.parent / f"{db_path.name}.backups"
    assert cli("import-csv", "organisation", str(orgs), "--dry-run").code == 0
    assert not list(backups.glob("*.db"))
    assert cli("import-csv", "organisation", str(orgs)).code == 0
    (backup,) = backups.glob("*.db")
    with sqlite3.connect(backup) as con:
        assert con.execute("SELECT count(*) FROM organisation").fetchone() == (0,)
