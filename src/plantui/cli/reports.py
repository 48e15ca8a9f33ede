"""Report and CSV commands: ``report`` (html, md, csv, ics, mermaid) and ``import-csv``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plantui.errors import PlanError
from plantui.text import plain


def register(sub: argparse._SubParsersAction) -> None:
    from plantui.reports import FORMATS

    formats = ", ".join(FORMATS)
    p = sub.add_parser(
        "report",
        help="export the plan: a report for decision makers, or files other tools read",
        description=(
            "html and md: the decision makers' pack; csv: one file per record type into a "
            "folder; ics: events, milestones and pledge due dates; mermaid: a gantt chart."
        ),
    )
    p.add_argument("--format", required=True, metavar="FORMAT", help=f"one of: {formats}")
    p.add_argument(
        "--output",
        metavar="PATH",
        help="file to write (a folder for csv); md and mermaid print without it",
    )
    p.add_argument("--ask", metavar="ID", help="report on one ask (its id, id prefix or ref_code)")
    p.add_argument(
        "--include-contacts",
        action="store_true",
        help="include personal contact details (left out by default)",
    )
    p.add_argument(
        "--changes-since",
        metavar="DATE|EVENT",
        help="html and md: add what changed since a date (YYYY-MM-DD) or an event's start",
    )
    p.add_argument(
        "--org",
        metavar="ORG",
        help="html and md: one organisation's own pack (its id, name or short name)",
    )
    p.set_defaults(run=cmd_report)

    p = sub.add_parser(
        "import-csv",
        help="add asks, pledges, actions, organisations or events from a CSV file",
        description=(
            "The first row names the columns (field names, any case). Organisations, asks, "
            "pledges and events may be referred to by name, ref_code or id. A row whose id "
            "column names an existing record updates it (so an edited CSV export can be "
            "imported back). Every row is checked first; if any row has a problem nothing "
            "is imported."
        ),
    )
    p.add_argument("type", metavar="TYPE", help="ask, pledge, action, organisation or event")
    p.add_argument("file", metavar="FILE", help="the CSV file")
    p.add_argument("--dry-run", action="store_true", help="check the file but write nothing")
    p.set_defaults(run=cmd_import_csv)


def cmd_report(ctx) -> int:
    from plantui.reports import export

    args = ctx.args
    output = Path(args.output).expanduser() if args.output else None
    result = export(
        ctx.db,
        args.format.strip().lower(),
        output,
        ask=args.ask,
        include_contacts=args.include_contacts,
        changes_since=args.changes_since,
        org=args.org,
    )
    if result.text is not None:
        sys.stdout.write(plain(result.text))
    else:
        ctx.out(result.message)
    return 0


def cmd_import_csv(ctx) -> int:
    from plantui.csv_import import CsvRefused, import_csv

    try:
        result = import_csv(
            ctx.service, ctx.args.type, Path(ctx.args.file).expanduser(), dry_run=ctx.args.dry_run
        )
    except CsvRefused as refused:
        for problem in refused.problems:
            print(f"plantui: {plain(problem)}", file=sys.stderr)
        raise PlanError(str(refused)) from None
    ctx.out(result)
    return 0
