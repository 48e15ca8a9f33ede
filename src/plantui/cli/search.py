"""``plantui search TEXT``: every record holding the words typed, best first."""

from __future__ import annotations

import argparse

from plantui.cli.output import print_json
from plantui.errors import PlanError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help="find records by the words in them (any case, accents or not, word starts)",
        description=(
            "Every word must appear in a record, as the start of one of its words:"
            " 'interp lucia' finds 'Interpreters ... Lucía'. Deleted and merged records"
            " are not found."
        ),
    )
    p.add_argument("text", metavar="TEXT", help="the words to look for")
    p.add_argument("--type", metavar="TYPE", help="only records of this type (e.g. ask, note)")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits (50)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=cmd_search)


def cmd_search(ctx) -> int:
    from plantui.domain import TYPES
    from plantui.queries.search import search

    type_name = ctx.args.type
    if type_name is not None and type_name not in TYPES:
        raise PlanError(f"Unknown record type {type_name!r} (one of: {', '.join(TYPES)}).")
    if ctx.args.limit < 1:
        raise PlanError("--limit must be at least 1.")
    hits = search(ctx.db, ctx.args.text, type_name, ctx.args.limit)
    if ctx.args.json:
        print_json([hit.to_json() for hit in hits])
        return 0
    if not hits:
        ctx.out("Nothing found.")
    for hit in hits:
        code = f"{hit.ref_code} " if hit.ref_code else ""
        ctx.out(f"{hit.type} {code}{hit.label}  [{hit.id}]")
        if hit.snippet and hit.snippet != hit.label:
            ctx.out(f"    {hit.snippet}")
    return 0
