"""Reports and exports of the example plan: what decision makers, spreadsheets, calendars and
Mermaid see, and the refusals a person gets for bad requests."""

from __future__ import annotations

import csv
import datetime as dt
import re
import sqlite3
from html.parser import HTMLParser

import pytest
from icalendar import Calendar

from plantui.domain import TYPES
from plantui.queries.report import build_report
from plantui.reports import export
from plantui.reports.mermaid import mermaid_text
from plantui.reports.render import render_html
from plantui.storage.database import open_database

TODAY = "2025-06-15"
ASK_TITLES = [
    "Culturally appropriate mental health support",
    "Fair funding, commissioning and a seat at the table for BAME-led organisations",
    "Community health checks for high blood pressure and diabetes",
    "Record ethnicity properly and share the data",
    "Professional interpreting and information in community languages",
    "Safer, respectful maternity care for Black and Asian women",
    "A health and care workforce that reflects Southwark",
    "Culturally appropriate social care and support for carers",
]
CONTACT_EMAIL = "abena.mensah@bhln.example.org"
CONTACT_PHONE = "020 7946 0101"


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("PLANTUI_TODAY", TODAY)
    return TODAY


class _Outline(HTMLParser):
    """Collects headings, external references and table header facts from HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []
        self.external: list[str] = []
        self.th_without_scope = 0
        self.tables = 0
        self.captions = 0
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang") or ""
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if tag in ("link", "script", "img", "iframe", "object", "embed"):
            self.external.append(tag)
        for name in ("src", "href"):
            if found.get(name):
                self.external.append(f"{tag} {name}={found[name]}")
        if tag == "th" and "scope" not in found:
            self.th_without_scope += 1
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1


def test_markdown_report_tells_each_asks_story_in_priority_order(cli, demo_db_path, today):
    result = cli("report", "--format", "md")
    assert result.code == 0, result.err
    text = result.out
    positions = [text.index(f"## Ask {i}: A{i} {t}") for i, t in enumerate(ASK_TITLES, 1)]
    assert positions == sorted(positions)
    assert text.startswith("# Journey to better health outcomes")
    assert "Report of 15 Jun 2025" in text
    for heading in ("### You asked", "### They pledged", "### The plan", "### Progress so far"):
        assert text.count(heading) == len(ASK_TITLES)
    overview = text[: text.index("## Ask 1:")]
    assert "| 2 | A2 Fair funding" in overview and "| Red |" in overview
    assert "Overdue action (2)" in overview
    assert "Co-produce a simpler commissioning guide (due 6 Jun 2025)" in overview
    ask1 = text[text.index("## Ask 1:") : text.index("## Ask 2:")]
    assert "Raised by: Camberwell Black Mental Health Collective" in ask1
    assert "South London and Maudsley NHS Foundation Trust" in ask1  # who pledged
    assert "| 1.3 Co-design the community support model |" in ask1
    assert CONTACT_EMAIL not in text and CONTACT_PHONE not in text


def test_html_report_is_one_accessible_self_contained_printable_file(
    cli, demo_db_path, today, tmp_path
):
    out = tmp_path / "pack.html"
    result = cli("report", "--format", "html", "--output", str(out))
    assert result.code == 0, result.err
    assert result.last_line == f"Wrote the html report (8 asks) to {out}."
    html = out.read_text(encoding="utf-8")
    outline = _Outline()
    outline.feed(html)
    assert outline.lang == "en"
    assert outline.external == [], "the report must not load anything from outside the file"
    assert "url(" not in html and "@import" not in html
    assert outline.levels[0] == 1 and outline.levels.count(1) == 1
    jumps = [(a, b) for a, b in zip(outline.levels, outline.levels[1:], strict=False) if b > a + 1]
    assert jumps == [], "headings must not skip a level"
    assert outline.th_without_scope == 0
    assert outline.tables == outline.captions > 8
    assert "@page { size: A4 landscape" in html and "break-before: page" in html
    assert html.count("<svg") == 1 + len(ASK_TITLES)  # the plan's timeline and one per ask
    for title in ASK_TITLES:
        assert title in html
    assert ">Red</span>" in html and ">Amber</span>" in html  # RAG in words, not colour alone
    assert CONTACT_EMAIL not in html and CONTACT_PHONE not in html
    assert "Personal contact details are left out." in html


def test_contacts_appear_only_when_asked_for(cli, demo_db_path, today, tmp_path):
    without = tmp_path / "without"
    with_them = tmp_path / "with"
    assert cli("report", "--format", "csv", "--output", str(without)).code == 0
    assert (
        cli("report", "--format", "csv", "--output", str(with_them), "--include-contacts").code == 0
    )
    plain_orgs = (without / "organisation.csv").read_text(encoding="utf-8-sig")
    full_orgs = (with_them / "organisation.csv").read_text(encoding="utf-8-sig")
    assert "contact_email" not in plain_orgs and CONTACT_EMAIL not in plain_orgs
    assert "contact_email" in full_orgs and CONTACT_EMAIL in full_orgs
    for folder in (without,):
        for path in folder.iterdir():
            assert CONTACT_EMAIL not in path.read_text(encoding="utf-8-sig"), path.name
    md = cli("report", "--format", "md", "--include-contacts").out
    assert CONTACT_EMAIL in md and CONTACT_PHONE in md
    page = tmp_path / "with.html"
    assert cli("report", "--format", "html", "--output", str(page), "--include-contacts").code == 0
    assert CONTACT_EMAIL in page.read_text(encoding="utf-8")


def test_one_ask_by_ref_code(cli, demo_db_path, today):
    result = cli("report", "--format", "md", "--ask", "A3")
    assert result.code == 0, result.err
    assert "## Ask 3: A3 Community health checks" in result.out
    assert "## Ask 1:" not in result.out and "## Ask 4:" not in result.out
    assert "Ask with no pledge" not in result.out  # gaps of other asks are left out


def test_user_text_appears_as_typed_and_cannot_inject_markup(cli, plan_service, today, tmp_path):
    nasty = "<script>alert(1)</script> [draft] **bold** a|b #1: done\x1b[31m"
    ask = plan_service.create("ask", {"title": nasty, "ref_code": "X1", "rank": "a0"}).record_id
    plan_service.create(
        "action",
        {"title": nasty, "ask": ask, "start": "2025-01-06", "end": "2025-02-07", "rag": "red"},
    )
    page = tmp_path / "r.html"
    assert cli("report", "--format", "html", "--output", str(page)).code == 0
    html = page.read_text(encoding="utf-8")
    assert "<script>" not in html and "\x1b" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [draft] **bold** a|b #1: done" in html
    md = cli("report", "--format", "md").out
    assert "\x1b" not in md and "<script>" not in md
    assert r"\<script\>alert(1)\</script\> \[draft\] \*\*bold\*\* a\|b \#1: done" in md
    gantt = cli("report", "--format", "mermaid").out
    task = next(line for line in gantt.splitlines() if "alert" in line and "section" not in line)
    title = task.split(" :")[0]
    assert ":" not in title and "#" not in title and "<" not in title and "\x1b" not in title
    assert "draft" in title


def test_bad_requests_are_refused_in_one_sentence(cli, demo_db_path, today, tmp_path):
    cases = [
        ("report", "--format", "pdf", "--output", str(tmp_path / "x.pdf")),
        ("report", "--format", "md", "--ask", "no-such-ask"),
        ("report", "--format", "html", "--output", str(tmp_path / "missing" / "x.html")),
        ("report", "--format", "html"),
        ("report", "--format", "csv", "--output", str(tmp_path / "file.txt")),
        ("report", "--format", "ics", "--output", str(tmp_path)),
    ]
    (tmp_path / "file.txt").write_text("not a folder")
    for args in cases:
        result = cli(*args)
        assert result.code == 1, args
        lines = result.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("plantui: "), (args, result.err)
        assert lines[0].endswith("."), lines[0]
    assert "Unknown report format 'pdf'" in cli(*cases[0]).err
    assert "no ask with the id or ref_code 'no-such-ask'" in cli(*cases[1]).err


def test_unwritable_output_is_refused(cli, demo_db_path, today, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = cli("report", "--format", "md", "--output", str(locked / "r.md"))
    finally:
        locked.chmod(0o700)
    if result.code == 0:  # running as root: permissions do not bind, use a missing folder
        result = cli("report", "--format", "md", "--output", str(locked / "no" / "r.md"))
    assert result.code == 1
    assert result.err.startswith("plantui: Cannot write")


def test_calendar_parses_with_stable_uids_and_all_day_dates(cli, demo_db_path, today, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert cli("report", "--format", "ics", "--output", str(first)).code == 0
    assert cli("report", "--format", "ics", "--output", str(second)).code == 0
    assert first.read_bytes() == second.read_bytes()
    cal = Calendar.from_ical(first.read_bytes())
    entries = cal.walk("VEVENT")
    uids = [str(e["UID"]) for e in entries]
    assert len(uids) == len(set(uids))
    kinds = {uid.split("-")[0] for uid in uids}
    assert kinds == {"event", "milestone", "pledge"}
    with sqlite3.connect(demo_db_path) as con:
        (events_stored,) = con.execute("SELECT count(*) FROM event WHERE deleted = 0").fetchone()
        (pledges_due,) = con.execute(
            "SELECT count(*) FROM pledge WHERE deleted = 0 AND due IS NOT NULL"
        ).fetchone()
    assert sum(u.startswith("event-") for u in uids) == events_stored
    assert sum(u.startswith("pledge-due-") for u in uids) == pledges_due
    milestone = next(e for e in entries if str(e["SUMMARY"]).startswith("Milestone: "))
    start, end = milestone.decoded("DTSTART"), milestone.decoded("DTEND")
    assert type(start) is dt.date and end == start + dt.timedelta(days=1)
    raw = first.read_text()
    assert "DTSTART;VALUE=DATE:" in raw
    events = [e for e in entries if str(e["UID"]).startswith("event-")]
    assert all("DTSTART" in e and "DTEND" in e for e in events)
    timed = [e.decoded("DTSTART") for e in events if isinstance(e.decoded("DTSTART"), dt.datetime)]
    assert timed and all(t.utcoffset() == dt.timedelta(0) for t in timed)
    assert any(str(e["SUMMARY"]).startswith("Journey to better health outcomes") for e in events)


def test_mermaid_gantt_has_a_section_per_ask_and_milestones(cli, demo_db_path, today, tmp_path):
    result = cli("report", "--format", "mermaid")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "gantt"
    assert "    dateFormat YYYY-MM-DD" in lines
    sections = [line for line in lines if line.startswith("    section ")]
    assert len(sections) == len(ASK_TITLES)
    assert sections[0] == "    section A1 Culturally appropriate mental health support"
    tasks = [line for line in lines if " :" in line and not line.startswith("    section")]
    assert len(tasks) == 36
    milestones = [t for t in tasks if "milestone" in t.split(" :")[1]]
    assert milestones and all(t.endswith(", 0d") for t in milestones)
    assert all(re.search(r"t\d+, \d{4}-\d{2}-\d{2}, \d+d$", t) for t in tasks)
    out = tmp_path / "plan.mmd"
    assert cli("report", "--format", "mermaid", "--output", str(out)).code == 0
    assert out.read_text() == result.out
    assert mermaid_text("Step #2: agree; sign") == "Step no.2 - agree, sign"


def test_csv_has_names_beside_ids_and_a_byte_order_mark(cli, demo_db_path, today, tmp_path):
    assert cli("report", "--format", "csv", "--output", str(tmp_path)).code == 0
    names = sorted(p.name for p in tmp_path.glob("*.csv"))
    people = {"person"}  # personal data: left out unless asked for with --include-contacts
    assert names == sorted(f"{t}.csv" for t in set(TYPES) - people)
    raw = (tmp_path / "pledge.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "pledge.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 10
    p7 = next(r for r in rows if r["ref_code"] == "P7")
    assert p7["made_by_name"] == "Guy's and St Thomas' NHS Foundation Trust"
    assert (
        p7["responds_to_name"] == "Professional interpreting and information in community languages"
    )
    with (tmp_path / "action.csv").open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    for ref in ("ask", "pledge", "parent", "community_owner", "public_owner"):
        assert header.index(f"{ref}_name") == header.index(ref) + 1


def test_export_refuses_a_database_without_a_plan(db, today, tmp_path):
    with pytest.raises(Exception, match="holds no plan"):
        export(db, "md")


def test_a_new_plan_without_asks_still_reports(cli, plan_service, today, tmp_path):
    md = cli("report", "--format", "md")
    assert md.code == 0 and "The plan has no asks yet." in md.out
    page = tmp_path / "r.html"
    assert cli("report", "--format", "html", "--output", str(page)).code == 0
    assert "The plan has no asks yet." in page.read_text(encoding="utf-8")
    saved = tmp_path / "r.md"
    assert cli("report", "--format", "md", "--output", str(saved)).code == 0
    assert saved.read_text(encoding="utf-8") == md.out
    assert cli("report", "--format", "mermaid").out.startswith("gantt\n")


def test_timeline_chart_rows_today_line_and_milestones(demo_db_path):
    from plantui.reports.chart import LABEL_W, build_chart

    db = open_database(demo_db_path)
    try:
        report = build_report(db, dt.date(2025, 6, 15))
    finally:
        db.close()
    chart = build_chart(report, report.asks, report.unlinked_actions)
    assert chart is not None
    headings = [r for r in chart.rows if r.heading]
    bars = [r for r in chart.rows if not r.heading]
    assert len(headings) == 8 and len(bars) == 36
    assert chart.ticks[0].label == "Dec" and chart.ticks[0].year == "2024"
    assert len(chart.ticks) == 12  # Dec 2024 to Nov 2025
    assert chart.today_x is not None and LABEL_W < chart.today_x < chart.right
    milestones = [r for r in bars if r.milestone]
    assert milestones and all(LABEL_W <= r.x <= chart.right for r in milestones)
    assert all(r.status.split()[0] in ("Green", "Amber", "Red") for r in bars)
    rows = [r.y for r in chart.rows]
    assert rows == sorted(rows) and chart.height > rows[-1]


def test_a_big_plan_charts_one_bar_per_ask_on_its_timeline_page(plan_service, today):
    with plan_service.transaction() as w:
        asks = [
            w.create("ask", {"title": f"Ask {n}", "ref_code": f"A{n}", "rank": f"a{n}"}).record_id
            for n in range(2)
        ]
        for n in range(70):
            day = dt.date(2025, 1, 1) + dt.timedelta(days=n)
            w.create(
                "action",
                {"title": f"Step {n}", "ask": asks[n % 2], "start": str(day), "end": str(day)},
            )
    report = build_report(plan_service.db, dt.date(2025, 6, 15))
    html = render_html(report)
    assert ">Timeline of the asks</title>" in html
    assert "One bar per ask" in html
    assert html.count("<svg") == 3  # the summary and one chart per ask with every action
    assert html.count(">Step 69<title>") == 1  # only in its ask's own chart
