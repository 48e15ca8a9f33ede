"""An event whose day is not known (``date_confidence`` tbc or tentative) is never printed
as fact: not in the agenda, not in the report for decision makers (real processes)."""

from __future__ import annotations

import pytest

from tests.conftest import run_process


@pytest.fixture
def example(tmp_path):
    path = tmp_path / "plan.db"
    made = run_process("--db", str(path), "demo")
    assert made.returncode == 0, made.stderr
    return path


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_gives_an_unsure_event_day_as_its_month(example, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    made = run_process(
        "--db",
        str(example),
        "report",
        "--format",
        fmt,
        "--output",
        str(out),
        env={"PLANTUI_TODAY": "2025-06-15"},
    )
    assert made.returncode == 0, made.stderr
    text = out.read_text()
    assert "November 2023, day to be confirmed" in text
    raised = [line for line in text.splitlines() if "Raised at" in line]
    assert raised and not [
        line for line in raised if "16 Nov 2023" in line or "14 Mar 2024" in line
    ]


@pytest.mark.slow
def test_a_firm_day_is_printed_as_it_is(example, tmp_path):
    event = run_process("--db", str(example), "add", "event", "title=Firm", "starts_at=2025-01-09")
    assert event.returncode == 0, event.stderr
    ask = run_process(
        "--db",
        str(example),
        "add",
        "ask",
        "title=Asked at a firm event",
        f"raised_at={event.stdout.split()[-1]}",
    )
    assert ask.returncode == 0, ask.stderr
    report = run_process(
        "--db", str(example), "report", "--format", "md", env={"PLANTUI_TODAY": "2025-06-15"}
    )
    assert "- Raised at: Firm (9 Jan 2025)" in report.stdout


@pytest.mark.slow
def test_the_calendar_marks_an_unsure_day_tentative(example, tmp_path):
    ics = tmp_path / "plan.ics"
    made = run_process("--db", str(example), "report", "--format", "ics", "--output", str(ics))
    assert made.returncode == 0, made.stderr
    entries = ics.read_text().replace("\r\n ", "").split("BEGIN:VEVENT")[1:]
    first = next(e for e in entries if "first event" in e)
    assert "(day to be confirmed)" in first and "STATUS:TENTATIVE" in first
    firm = next(e for e in entries if "SUMMARY:Commissioning task-and-finish" in e)
    assert "to be confirmed" not in firm and "STATUS:CONFIRMED" in firm
