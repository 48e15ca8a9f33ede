"""Commands for records typed twice: list likely duplicates, merge one into another, unmerge."""

from __future__ import annotations

import argparse

from plantui.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "duplicates",
        help="pairs of records that look the same (same or similar name, same ref code)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=cmd_duplicates)

    p = sub.add_parser(
        "merge",
        help="merge a duplicate into the record it duplicates (references move to it)",
        description=(
            "Every reference and link to the duplicate moves to the kept record, and the"
            " duplicate is hidden (its merged_into names the kept record). `unmerge` shows it"
            " again."
        ),
    )
    p.add_argument("duplicate", metavar="A", help="the duplicate: id, id prefix or ref code")
    p.add_argument("--into", required=True, metavar="B", help="the record to keep")
    p.set_defaults(run=cmd_merge)

    p = sub.add_parser("unmerge", help="show a merged record again (references stay moved)")
    p.add_argument("id", metavar="A", help="the merged record: id, id prefix or ref code")
    p.set_defaults(run=cmd_unmerge)


def cmd_duplicates(ctx) -> int:
    from plantui.merging import MERGEABLE
    from plantui.queries.duplicates import likely_duplicates

    pairs = likely_duplicates(ctx.db)
    if ctx.args.json:
        print_json([p.as_json() for p in pairs])
        return 0
    if not pairs:
        ctx.out("No records look the same.")
    for pair in pairs:
        if pair.type in MERGEABLE:
            ctx.out(f"{pair.text()}\n    to keep one: plantui merge {pair.b_id} --into {pair.a_id}")
        else:
            ctx.out(f"{pair.text()}\n    if they are one: plantui delete {pair.b_id}")
    return 0


def cmd_merge(ctx) -> int:
    from plantui.merging import merge_records

    duplicate = ctx.service.resolve_id(ctx.args.duplicate)
    kept = ctx.service.resolve_id(ctx.args.into)
    done = merge_records(ctx.service, duplicate, kept)
    ctx.out(done.text(_label(ctx, duplicate), _label(ctx, kept)))
    return 0


def cmd_unmerge(ctx) -> int:
    from plantui.merging import unmerge_record

    record_id = ctx.service.resolve_id(ctx.args.id)
    kept = unmerge_record(ctx.service, record_id)
    label, kept_label = _label(ctx, record_id), _label(ctx, kept)
    ctx.out(f"“{label}” shows again; what moved to “{kept_label}” stays there.")
    return 0


def _label(ctx, record_id: str) -> str:
    from plantui.queries.records import record

    return record(ctx.db, record_id).label
