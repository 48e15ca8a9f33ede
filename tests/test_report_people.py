"""People appear in reports only with --include-contacts, and then only those who consented."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from plantui.cli.main import main
from tests.conftest import copy_of, new_file, own_state_dir

NAMES = {"none": "Nadia Nonamer", "contact_only": "Colin Contact", "named_in_reports": "Nia Named"}


@pytest.fixture(scope="module")
def people_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One person of each consent, who attended, belongs and wrote a note, written once for
    the module through ``plantui add`` (16 commands); each test reports on a copy."""
    path = new_file(tmp_path_factory.mktemp("people") / "plan.db")

    def add(*args: str) -> str:
        with redirect_stdout(io.StringIO()) as out:
            code = main(["--db", str(path), "--clock-ok", "add", *args])
        assert code == 0, args
        return out.getvalue().strip().splitlines()[-1]

    with own_state_dir(tmp_path_factory), pytest.MonkeyPatch.context() as patch:
        patch.delenv("PLANTUI_AS", raising=False)
        add("plan", "title=Plan", "period_start=2025-01-01")
        org = add("organisation", "name=Peckham Carers Circle")
        event = add("event", "title=Steering meeting", "starts_at=2025-03-01")
        ask = add("ask", "title=Respite", "rank=a0")
        for consent, name in NAMES.items():
            person = add(
                "person",
                f"name={name}",
                f"consent={consent}",
                "job_title=Volunteer",
                f"organisation={org}",
            )
            add("link", "role=attended", f"from={person}", f"to={event}")
            add("link", "role=member_of", f"from={person}", f"to={org}")
            add(
                "note",
                f"about={ask}",
                "date=2025-03-02",
                f"headline=Note by {consent}",
                f"author_person={person}",
            )
    return path


@pytest.fixture
def people_plan(cli, db_path: Path, people_template: Path, monkeypatch: pytest.MonkeyPatch):
    """The ``cli`` fixture over a copy of the people plan."""
    monkeypatch.delenv("PLANTUI_AS", raising=False)
    copy_of(people_template, db_path)  # over the empty file the cli fixture laid
    return cli


def _report(cli, fmt: str, out: Path, *extra: str) -> str:
    result = cli("report", "--format", fmt, "--output", str(out), *extra)
    assert result.code == 0, result.err
    if out.is_dir():
        return "\n".join(p.read_text("utf-8") for p in sorted(out.iterdir()))
    return out.read_text("utf-8")


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "ics"])
def test_no_person_is_named_without_include_contacts(people_plan, tmp_path, fmt):
    suffix = "" if fmt == "csv" else f".{fmt}"
    text = _report(people_plan, fmt, tmp_path / f"out{suffix}")
    for name in NAMES.values():
        assert name not in text


@pytest.mark.parametrize("fmt", ["html", "md", "csv"])
def test_with_include_contacts_only_consenting_people_are_named(people_plan, tmp_path, fmt):
    suffix = "" if fmt == "csv" else f".{fmt}"
    text = _report(people_plan, fmt, tmp_path / f"out{suffix}", "--include-contacts")
    assert NAMES["named_in_reports"] in text
    assert NAMES["none"] not in text
    assert NAMES["contact_only"] not in text


def test_calendar_names_nobody_even_with_include_contacts(people_plan, tmp_path):
    text = _report(people_plan, "ics", tmp_path / "out.ics", "--include-contacts")
    for name in NAMES.values():
        assert name not in text


def test_csv_leaves_out_links_and_note_authors_of_people_not_named(people_plan, tmp_path):
    _report(people_plan, "csv", tmp_path / "out", "--include-contacts")
    people = (tmp_path / "out" / "person.csv").read_text("utf-8").splitlines()
    assert len(people) == 2 and NAMES["named_in_reports"] in people[1]
    links = (tmp_path / "out" / "link.csv").read_text("utf-8")
    assert links.count("attended") == 1 and links.count("member_of") == 1
    _report(people_plan, "csv", tmp_path / "plain")
    assert not (tmp_path / "plain" / "person.csv").exists()
    assert "attended" not in (tmp_path / "plain" / "link.csv").read_text("utf-8")


def test_an_unknown_consent_value_is_refused(people_plan):
    result = people_plan("add", "person", "name=Zed", "consent=maybe")
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1
