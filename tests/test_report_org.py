"""One organisation's pack (`report --org`): exactly what the database says it raised, was
asked, pledged and owns, and its due and overdue items as of the report's day."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest

from tests.test_reports import today  # noqa: F401  (fixture)

PUBLIC_BODY = "NHS South East London Integrated Care Board"


def _sections(markdown: str) -> dict[str, list[str]]:
    """Each "## Heading (n)" with the list items under it; the count must match them."""
    out: dict[str, list[str]] = {}
    for block in re.split(r"^## ", markdown, flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        name, count = re.fullmatch(r"(.*) \((\d+)\)", heading.strip()).groups()
        items = [line[2:] for line in body.splitlines() if line.startswith("- ")]
        assert len(items) == int(count), heading
        out[name] = items
    return out


def _expected(db_path, day: str) -> dict[str, set[str]]:
    con = sqlite3.connect(db_path)
    (org,) = con.execute("SELECT id FROM organisation WHERE name = ?", (PUBLIC_BODY,)).fetchone()

    def codes(sql: str, *args: object) -> set[str]:
        return {code for (code,) in con.execute(sql, args)}

    asked = codes(
        'SELECT a.ref_code FROM ask a JOIN link l ON l."from" = a.id WHERE l.role ='
        " 'directed_to' AND l.\"to\" = ? AND l.deleted = 0 AND a.deleted = 0",
        org,
    )
    raised = codes(
        'SELECT a.ref_code FROM ask a JOIN link l ON l."from" = a.id WHERE l.role ='
        " 'raised_by' AND l.\"to\" = ? AND l.deleted = 0 AND a.deleted = 0",
        org,
    )
    pledges = codes("SELECT ref_code FROM pledge WHERE made_by = ? AND deleted = 0", org)
    actions = codes(
        "SELECT ref_code FROM action WHERE deleted = 0 AND (public_owner = ? OR"
        " community_owner = ?)",
        org,
        org,
    )
    overdue = codes(
        "SELECT ref_code FROM action WHERE deleted = 0 AND (public_owner = ? OR"
        " community_owner = ?) AND \"end\" < ? AND status NOT IN ('done', 'cancelled')"
        " UNION SELECT ref_code FROM pledge WHERE deleted = 0 AND made_by = ? AND due < ?"
        " AND lifecycle NOT IN ('met', 'partly_met', 'not_met', 'withdrawn')",
        org,
        org,
        day,
        org,
        day,
    )
    con.close()
    return {
        "raised": raised,
        "asked": asked,
        "pledges": pledges,
        "actions": actions,
        "overdue": overdue,
    }


@pytest.mark.parametrize("day", ["2025-06-15", "2025-12-20"])
def test_the_pack_of_a_public_body_lists_exactly_what_the_database_holds(
    cli,
    demo_db_path,
    monkeypatch,
    day,
):
    monkeypatch.setenv("PLANTUI_TODAY", day)
    result = cli("report", "--format", "md", "--org", "nhs south east london")
    assert result.code == 0, result.err
    assert result.out.startswith(f"# {PUBLIC_BODY}")
    got = _sections(result.out)
    want = _expected(demo_db_path, day)

    def first_words(items: list[str]) -> set[str]:
        return {item.split(" ")[0] for item in items}

    def codes_in(items: list[str]) -> set[str]:
        return {re.sub(r"^(action|pledge) ", "", item).split(" ")[0] for item in items}

    assert first_words(got["Asks it raised"]) == want["raised"]
    assert first_words(got["Asks made of it"]) == want["asked"]
    assert first_words(got["Its pledges"]) == want["pledges"]
    assert first_words(got["Actions it owns"]) == want["actions"]
    assert codes_in(got["Overdue"]) == want["overdue"]
    assert want["asked"] and want["pledges"] and want["actions"]  # the example holds some
    limit = dt.date.fromisoformat(day) + dt.timedelta(days=30)
    for item in got["Due in the next 30 days"]:
        (when,) = re.findall(r"due (\d{4}-\d{2}-\d{2})\)", item)
        assert day <= when <= limit.isoformat()


def test_the_html_pack_is_one_private_file(cli, demo_db_path, today, tmp_path):  # noqa: F811
    out = tmp_path / "sel.html"
    result = cli("report", "--format", "html", "--org", "SEL ICB", "--output", str(out))
    assert result.code == 0, result.err
    text = out.read_text()
    assert "<h1>NHS South East London Integrated Care Board (SEL ICB)</h1>" in text
    assert out.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--org", "Nobody at all"), "There is no organisation called"),
        (("--org", "Southwark", "--ask", "A1"), "--org makes an html or md pack on its own"),
        (("--org", "SEL ICB", "--format", "csv"), "--org makes an html or md pack"),
    ],
)
def test_org_refusals_are_one_sentence(cli, demo_db_path, tmp_path, args, words):
    fmt = [] if "--format" in args else ["--format", "md"]
    result = cli("report", *fmt, *args, "--output", str(tmp_path / "x"))
    assert result.code == 1 and words in result.err
    assert result.err.count("\n") == 1
