"""History commands: ``history RECORD`` and ``changes --since DATE|EVENT``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from plantui.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "history",
        help="every change this copy has seen of one record, oldest first",
        description=(
            "For each change: the field, the value shown before and the new one, who made it,"
            " on which laptop, when (the change's own time), and whether it came by import."
        ),
    )
    p.add_argument("id", metavar="RECORD", help="a record id or unique id prefix")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=cmd_history)

    p = sub.add_parser(
        "changes",
        help="what was added, changed, deleted or restored since a date or an event",
    )
    p.add_argument(
        "--since",
        required=True,
        metavar="DATE|EVENT",
        help="a date (YYYY-MM-DD, UTC) or an event's id or title (counted from its start)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_changes)


def cmd_history(ctx) -> int:
    from plantui.queries.changes import record_history

    record_id = ctx.service.resolve_id(ctx.args.id)
    entries = record_history(ctx.db, record_id)
    if ctx.args.json:
        print_json([e.to_json() for e in entries])
        return 0
    if not entries:
        ctx.out(f"No changes of {record_id} are recorded on this laptop.")
    for e in entries:
        how = " (by import)" if e.imported else ""
        who = e.who or "someone unnamed"
        ctx.out(f"{e.when}  {e.field}: {_value(e.old)} -> {_value(e.new)}")
        ctx.out(f"    by {who} on {e.laptop}{how}")
    return 0


def cmd_changes(ctx) -> int:
    from plantui.queries.changes import grouped_changes, since_moment

    clock, label = since_moment(ctx.db, ctx.args.since)
    groups = grouped_changes(ctx.db, clock)
    if ctx.args.json:
        print_json(
            {
                "since": label,
                "groups": [
                    {"ask": ask, "title": title, "changes": [c.to_json() for c in items]}
                    for ask, title, items in groups
                ],
            }
        )
        return 0
    if not groups:
        ctx.out(f"Nothing has changed since {label}.")
    for _ask, title, items in groups:
        ctx.out(title)
        for c in items:
            fields = f" ({', '.join(c.fields)})" if c.what == "changed" and c.fields else ""
            who = f" by {', '.join(c.who)}" if c.who else ""
            ctx.out(f"  {c.what} {c.type} {c.label}{fields}{who}, {c.when}")
    return 0


def _value(value: Any) -> str:
    from plantui.text import one_line

    if value is None:
        return "(empty)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return one_line(text)
