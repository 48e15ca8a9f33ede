"""Every renderer copes with anything already in a database: data stored by an older version
(before the sizes of docs/record-model.md were checked) or relayed by a file. The hostile
records are written with the value check switched off, as such a version would have written
them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from plantui import service as service_module
from plantui.queries.timeline import read_schedule
from plantui.reports import export
from plantui.schedule import ZOOMS, header_labels, make_scale, shifted
from plantui.service import PlanService
from plantui.storage.database import Database, open_database
from tests.conftest import own_state_dir

TODAY = dt.date(2024, 6, 1)
BIG = 10_000_000
"""A title far beyond every limit (the issue saw 50 MB): output must stay small."""


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "old.db"
    with own_state_dir(tmp_path_factory), pytest.MonkeyPatch.context() as patch:
        db = open_database(path)
        service = PlanService(db)
        patch.setattr(service_module, "check_value", lambda spec, value: None)
        service.create("plan", {"title": "Plan\nsecond line " + "x" * BIG})
        late = service.create(
            "action",
            {"title": "Late", "start": "2024-01-01", "end": "9999-12-31", "milestone": True},
        ).record_id
        wide = service.create(
            "action", {"title": "Wide", "start": "1900-01-01", "end": "2200-12-31"}
        ).record_id
        plain = service.create(
            "action", {"title": "Plain", "start": "2024-01-01", "end": "2024-02-01"}
        ).record_id
        service.create("dependency", {"from": plain, "to": wide, "lag_days": 3_000_000})
        service.create("dependency", {"from": late, "to": plain, "lag_days": -3_000_000})
        service.create("event", {"title": "Far\nfuture", "starts_at": "9999-12-31T23:30+00:00"})
        service.create("event", {"title": "Ancient", "starts_at": "0001-01-01"})
        org = service.create("organisation", {"name": "Org"}).record_id
        service.create("pledge", {"title": "P", "made_by": org, "due": "9999-12-31"})
        db.close()
    return path


@pytest.fixture
def db(hostile_db: Path):
    opened: Database = open_database(hostile_db)
    yield opened
    opened.close()


@pytest.mark.parametrize("fmt", ["html", "md", "mermaid"])
def test_reports_draw_and_cut_the_huge_title(db, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    export(db, fmt, out, today=TODAY)
    assert out.stat().st_size < BIG // 5
    text = out.read_text()
    assert "Late" in text and "Wide" in text


def test_mermaid_title_stays_on_one_line(db, tmp_path):
    out = tmp_path / "plan.mmd"
    export(db, "mermaid", out, today=TODAY)
    title = next(line for line in out.read_text().splitlines() if "title" in line)
    assert "second line" in title


def test_ics_is_valid_and_leaves_out_entries_beyond_the_calendar(db, tmp_path):
    out = tmp_path / "plan.ics"
    export(db, "ics", out, today=TODAY)
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded per RFC 5545
    calendar = Calendar.from_ical(raw)
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert "Far\nfuture" not in summaries and "Ancient" not in summaries
    assert "\n" not in str(calendar["x-wr-calname"])


def test_csv_export_copes(db, tmp_path):
    export(db, "csv", tmp_path / "csv", today=TODAY)
    assert (tmp_path / "csv" / "plan.csv").stat().st_size < BIG // 5


def test_the_scheduler_never_overflows(db):
    schedule = read_schedule(db)
    first, last = schedule.date_range(TODAY)
    assert first.year >= 1900 and last.year <= 2200
    assert schedule.violations  # the huge lag is reported, not raised
    assert schedule.critical.days > 0
    for zoom in ZOOMS:
        header_labels(make_scale(zoom, first, last))
    for bar in schedule.bars.values():
        shifted(bar, 10)
        shifted(bar, -10)
