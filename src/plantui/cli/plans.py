"""Library commands: plans, new (and roll-over), plan archive/unarchive; library-wide
import and sync, which the exchange commands hand over to when no plan is named."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plantui.cli.output import print_json
from plantui.errors import PlanError
from plantui.library import Library, PlanEntry, set_archived
from plantui.text import one_line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plans", help="list the plans of the library")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--all", action="store_true", help="include archived plans")
    p.set_defaults(run=cmd_plans)

    p = sub.add_parser("new", help="start a plan in the library; its id is the last line printed")
    p.add_argument("title", metavar="TITLE")
    p.add_argument("--area", metavar="TEXT")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="default: today")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="default: 12 months after the start")
    p.add_argument("--timezone", metavar="NAME", help="e.g. Europe/London")
    p.add_argument(
        "--roll-over-from",
        metavar="PLAN",
        help="carry open asks, their pledges, unfinished actions and everyone from PLAN",
    )
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("plan", help="archive or unarchive a plan of the library")
    verbs = p.add_subparsers(dest="plan_verb", metavar="VERB", required=True)
    for verb, text in (("archive", "hide a plan and refuse edits"), ("unarchive", "undo that")):
        q = verbs.add_parser(verb, help=text)
        q.add_argument("target", metavar="PLAN", help="id, id prefix or title prefix")
        q.set_defaults(run=cmd_archive, archive=verb == "archive")


def _library(ctx) -> Library:
    if ctx.library is None:
        raise PlanError(
            "This command works on the plan library; leave out --db (and PLANTUI_DB) or give"
            " --library DIR."
        )
    return ctx.library


def _period(entry: PlanEntry) -> str:
    return f"{entry.period_start or '?'} to {entry.period_end or '?'}"


def cmd_plans(ctx) -> int:
    library = _library(ctx)
    entries = library.entries(include_archived=ctx.args.all)
    if ctx.args.json:
        print_json([e.to_json() for e in entries])
        return 0
    if not entries:
        ctx.out(f"No plans in {library.folder}; start one with `plantui new TITLE`.")
    for e in entries:
        extra = [e.status or "no status", f"changed {e.changed or 'never'}"]
        if e.open_conflicts:
            extra.append(f"{e.open_conflicts} open conflict(s)")
        if e.archived:
            extra.append("archived")
        area = f" ({one_line(e.area)})" if e.area else ""
        ctx.out(f"{e.id}  {one_line(e.title)}{area}  {_period(e)}  {', '.join(extra)}")
    return 0


def cmd_new(ctx) -> int:
    from plantui.new_plan import check_start, create_in_library
    from plantui.rollover import start_rolled_over

    library = _library(ctx)
    start = check_start(
        ctx.args.title, ctx.args.area, ctx.args.start, ctx.args.end, ctx.args.timezone
    )
    if ctx.args.roll_over_from:
        source = library.find(ctx.args.roll_over_from)
        plan_id, path, carried = start_rolled_over(library, start, source, ctx.service_on)
        ctx.out(f"{carried.text()[:-1]} from {source.name()}.")
    else:
        plan_id, path = create_in_library(library, start, ctx.service_on)
    ctx.out(f"Started '{start.title}' ({start.start} to {start.end}) in {path}.")
    ctx.out(plan_id)
    return 0


def cmd_archive(ctx) -> int:
    entry = _library(ctx).find(ctx.args.target)
    if entry.archived == ctx.args.archive:
        ctx.out(f"{entry.name()} is already {'archived' if entry.archived else 'not archived'}.")
        return 0
    set_archived(entry.path, ctx.args.archive)
    word = "Archived" if ctx.args.archive else "Unarchived"
    ctx.out(f"{word} {entry.name()}.")
    return 0


def import_into_library(ctx) -> int:
    """``plantui import FILE...`` with no plan named: each file goes to the plan it is of;
    a file of a plan the library does not hold starts it as a new plan (a laptop joins)."""
    from plantui.joining import import_into_library as import_files

    for done in import_files(
        _library(ctx),
        list(ctx.args.files),
        ctx.service_on,
        dry_run=ctx.args.dry_run,
        max_size=ctx.args.max_size,
    ):
        if done.joined is not None:
            ctx.out(f"Added {done.joined.name()} to the library as {done.path}.")
        ctx.out(done.summary)
    return 0


def sync_library(ctx) -> int:
    """``plantui sync DIR`` with no plan named: every kept plan syncs through the folder.

    Each plan goes through the ordinary one-plan sync; files of plans this laptop does not
    keep are named once and skipped, so a stick shared by several plans is no error.
    """
    from plantui.exchange import sync_folder
    from plantui.exchange.model import SUFFIX
    from plantui.joining import plan_of_file
    from plantui.storage.database import open_database

    library = _library(ctx)
    folder: Path = ctx.args.folder
    if not folder.is_dir():
        raise PlanError(f"{folder} is not a folder.")
    plan_of = {path: plan_of_file(path)[0] for path in sorted(folder.glob(f"*{SUFFIX}"))}
    kept = library.entries(include_archived=True)
    kept_ids = {e.id for e in kept}
    strangers = [p.name for p, pid in plan_of.items() if pid is not None and pid not in kept_ids]
    failed: set[str] = set()  # a broken file is refused by every plan: count it once
    for entry in kept:
        if entry.archived:
            ctx.out(f"{entry.name()}: archived, not synced.")
            continue
        others = [  # read again: the plans before this one have written their own files
            str(p) for p in folder.glob(f"*{SUFFIX}") if plan_of_file(p)[0] not in (None, entry.id)
        ]
        db = open_database(entry.path)
        try:
            result = sync_folder(ctx.service_on(db), folder)
        finally:
            db.close()
        refused = [r for r in result.refused if not any(r.startswith(o) for o in others)]
        failed.update(refused)
        ctx.out(f"{entry.name()}:")
        summary = result.imported.text() if result.imported else "No other copy's file to import."
        for line in [*summary.splitlines(), *(f"Refused: {r}" for r in refused)]:
            ctx.out(f"  {line}")
        ctx.out(f"  Wrote {result.records} records to {result.exported}.")
    if strangers:
        ctx.out(f"Skipped files of plans this laptop does not keep: {', '.join(strangers)}.")
    if failed:
        print(f"plantui: {len(failed)} file(s) in the folder were refused.", file=sys.stderr)
        return 1
    return 0
