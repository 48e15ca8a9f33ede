"""Reports and exports: the decision makers' pack (HTML, Markdown) and the formats other
tools read (CSV, iCalendar, Mermaid). Headless: the CLI and the TUI's export dialog both
call :func:`export`, so they produce the same files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from plantui.errors import PlanError
from plantui.files import write_private

if TYPE_CHECKING:
    from plantui.queries import Plan

FORMATS: dict[str, str] = {
    "html": "HTML report (one printable file)",
    "md": "Markdown report",
    "csv": "CSV files, one per record type (a folder)",
    "ics": "iCalendar file of events, milestones and pledge due dates",
    "mermaid": "Mermaid gantt chart of the timeline",
}
"""Every export format, with what it makes."""

STDOUT_FORMATS = ("md", "mermaid")
"""Formats that may go to standard output when no output path is given."""


@dataclass(slots=True)
class ExportResult:
    """What an export made: the text (when not written to a file) and a sentence about it."""

    message: str
    text: str | None = None
    paths: tuple[Path, ...] = ()


def _write(path: Path, data: str | bytes) -> None:
    """Write a whole report or nothing, readable by its owner only (it may name people)."""
    if path.is_dir():
        raise PlanError(f"{path} is a folder; give a file name for the report.")
    write_private(path, data)


def export(
    db: Plan,
    fmt: str,
    output: Path | None = None,
    *,
    ask: str | None = None,
    include_contacts: bool = False,
    today: dt.date | None = None,
    changes_since: str | None = None,
    org: str | None = None,
) -> ExportResult:
    """Make one export of the plan ``db``; refusals are PlanErrors. Each export reads its
    records through :mod:`plantui.queries` from one snapshot; this package only renders."""
    from plantui.clock import today as clock_today

    if fmt not in FORMATS:
        raise PlanError(f"Unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}.")
    if output is None and fmt not in STDOUT_FORMATS:
        raise PlanError(f"The {fmt} format needs --output (a {_target(fmt)}).")
    if ask and fmt not in ("html", "md", "mermaid"):
        raise PlanError("--ask applies to the html, md and mermaid reports only.")
    if changes_since is not None and fmt not in ("html", "md"):
        raise PlanError("--changes-since applies to the html and md reports only.")
    if org is not None and (fmt not in ("html", "md") or ask or changes_since is not None):
        raise PlanError(
            "--org makes an html or md pack on its own (without --ask or --changes-since)."
        )
    day = today or clock_today()
    if org is not None:
        return _org_pack(db, fmt, output, org, include_contacts, day)
    if fmt == "csv":
        from plantui.queries.live_records import live_records
        from plantui.reports.csv_export import export_csv

        assert output is not None
        if output.exists() and not output.is_dir():
            raise PlanError(f"{output} is a file; CSV export needs a folder.")
        records = live_records(db)
        try:
            paths = export_csv(records, output, include_contacts)
        except OSError as exc:
            raise PlanError(f"Cannot write to {output}: {exc.strerror or exc}.") from None
        return ExportResult(f"Wrote {len(paths)} CSV files to {output}.", paths=tuple(paths))
    if fmt == "ics":
        from plantui.queries.calendar import calendar_read
        from plantui.reports.ics import build_calendar

        calendar = build_calendar(calendar_read(db), day)
        data: str | bytes = calendar.to_ical()
        entries = len(calendar.walk("VEVENT"))
        assert output is not None
        _write(output, data)
        return ExportResult(f"Wrote {entries} calendar entries to {output}.", paths=(output,))
    from plantui.queries.report import build_report

    report = build_report(db, day, ask=ask, include_contacts=include_contacts)
    if changes_since is not None:
        from plantui.reports.changes import add_changes

        add_changes(db, report, changes_since)
    if fmt == "html":
        from plantui.reports.render import render_html

        data = render_html(report)
    elif fmt == "md":
        from plantui.reports.render import render_markdown

        data = render_markdown(report)
    else:
        from plantui.reports.mermaid import render_mermaid

        data = render_mermaid(report)
    if output is None:
        return ExportResult("", text=data)
    _write(output, data)
    what = f"ask {report.asks[0].heading}" if report.single_ask else f"{len(report.asks)} asks"
    return ExportResult(f"Wrote the {fmt} report ({what}) to {output}.", paths=(output,))


def _org_pack(
    db: Plan, fmt: str, output: Path | None, org: str, include_contacts: bool, day: dt.date
) -> ExportResult:
    from plantui.queries.org_pack import build_org_pack
    from plantui.reports.render import render_org_pack

    pack = build_org_pack(db, day, org, include_contacts)
    data = render_org_pack(pack, fmt, include_contacts)
    if output is None:
        return ExportResult("", text=data)
    _write(output, data)
    return ExportResult(f"Wrote the {fmt} pack of {pack.org.name} to {output}.", paths=(output,))


def _target(fmt: str) -> str:
    return "folder" if fmt == "csv" else "file"
