"""Exchange commands: export, import, sync, conflicts, resolve, check, schema."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from plantui.cli.output import print_json
from plantui.errors import PlanError
from plantui.text import one_line, plain

_SIZE = re.compile(r"(\d+)\s*([kmg]i?b?)?", re.I)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str) -> int:
    """Sizes like 1000, 64K, 256M or 1G (binary units)."""
    match = _SIZE.fullmatch(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 256M")
    unit = (match.group(2) or "")[:1].lower()
    return int(match.group(1)) * _UNITS[unit]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write this copy's plan to an exchange file")
    p.add_argument("file", metavar="FILE|-", help="the file to write (.plantui.json), or -")
    p.add_argument(
        "--delta-since",
        metavar="FILE",
        type=Path,
        help="only records the copy that wrote FILE had not yet seen",
    )
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("import", help="merge exchange files into this copy")
    p.add_argument("files", metavar="FILE", nargs="+", type=Path)
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--max-size", type=parse_size, default=None, metavar="SIZE", help="default 256M")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("sync", help="exchange through a shared folder or USB stick")
    p.add_argument("folder", metavar="DIR", type=Path)
    p.add_argument("--max-size", type=parse_size, default=None, metavar="SIZE", help="default 256M")
    p.set_defaults(run=cmd_sync)

    p = sub.add_parser("conflicts", help="list open conflicts")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=cmd_conflicts)

    p = sub.add_parser("resolve", help="keep one value of a conflicting field")
    p.add_argument("id", metavar="ID")
    p.add_argument("field", metavar="FIELD")
    p.add_argument("--keep", required=True, metavar="STAMP", help="the stamp of the value to keep")
    p.set_defaults(run=cmd_resolve)

    p = sub.add_parser("check", help="integrity findings: broken references, dates, cycles")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("label", help="show or set this copy's name in exchange files")
    p.add_argument("text", nargs="?", metavar="TEXT", help='e.g. "Laptop at the library"')
    p.set_defaults(run=cmd_label)

    p = sub.add_parser("schema", help="print the JSON Schema of the exchange file")
    p.set_defaults(run=cmd_schema)


def cmd_export(ctx) -> int:
    from plantui.exchange import export_file

    count = export_file(ctx.service, ctx.args.file, ctx.args.delta_since)
    if ctx.args.file != "-":
        kind = "delta" if ctx.args.delta_since else "full"
        ctx.out(f"Wrote a {kind} export of {count} records to {ctx.args.file}.")
    return 0


def cmd_import(ctx) -> int:
    from plantui.exchange import import_files
    from plantui.exchange.reader import DEFAULT_MAX_SIZE

    if ctx.library is not None and not ctx.args.plan:
        from plantui.cli.plans import import_into_library

        return import_into_library(ctx)
    ctx.refuse_if_archived()

    summary = import_files(
        ctx.service,
        ctx.args.files,
        dry_run=ctx.args.dry_run,
        max_size=ctx.args.max_size or DEFAULT_MAX_SIZE,
    )
    ctx.out(summary.text())
    return 0


def cmd_sync(ctx) -> int:
    from plantui.exchange import sync_folder
    from plantui.exchange.reader import DEFAULT_MAX_SIZE

    if ctx.library is not None and not ctx.args.plan:
        from plantui.cli.plans import sync_library

        return sync_library(ctx)
    ctx.refuse_if_archived()

    result = sync_folder(
        ctx.service, ctx.args.folder, max_size=ctx.args.max_size or DEFAULT_MAX_SIZE
    )
    ctx.out(result.text())
    if result.refused:
        print(
            f"plantui: {len(result.refused)} file(s) in the folder were refused.", file=sys.stderr
        )
        return 1
    return 0


def cmd_conflicts(ctx) -> int:
    from plantui.queries.conflicts import open_conflicts_in

    found = open_conflicts_in(ctx.db)
    if ctx.args.json:
        print_json([c.to_json() for c in found])
        return 0
    if not found:
        ctx.out("No open conflicts.")
    for c in found:
        what = f"field {c.field}" if c.kind == "field" else "deleted while edited elsewhere"
        ctx.out(f"{c.type} {c.record} ({plain(c.label)}): {what}")
        for sib in c.values:
            if "at" in sib:
                name = f"{sib['field']}=" if "field" in sib else ""
                ctx.out(f"    {name}{_value(sib.get('v'))}  @ {sib['at']}")
    return 0


def cmd_resolve(ctx) -> int:
    record_id = ctx.service.resolve_id(ctx.args.id)
    ctx.service.resolve(record_id, ctx.args.field, ctx.args.keep)
    ctx.out(f"Kept {one_line(ctx.args.keep)} for {one_line(ctx.args.field)} of {record_id}.")
    return 0


def cmd_check(ctx) -> int:
    from plantui.queries.integrity import findings

    damage = ctx.db.quick_check()
    found = findings(ctx.db)
    if ctx.args.json:
        print_json(
            [{"kind": "sqlite", "message": m} for m in damage] + [f.to_json() for f in found]
        )
        return 1 if damage or found else 0
    if not found and not damage:
        ctx.out("No integrity findings.")
    for message in damage:
        ctx.out(f"SQLite's quick_check: {plain(message)}")
    for finding in found:
        ctx.out(plain(finding.message))
    return 1 if damage or found else 0


def cmd_label(ctx) -> int:
    text = ctx.args.text
    if text is not None:
        text = " ".join(plain(text).split())
        if not text:
            raise PlanError("A label cannot be empty.")
        with ctx.db.write() as session:
            ctx.db.set_meta(session, "replica_label", text)
    ctx.out(f"{ctx.db.replica_label} (replica {ctx.db.replica_id})")
    return 0


def cmd_schema(ctx) -> int:
    from plantui.exchange.model import json_schema

    print_json(json_schema())
    return 0


def _value(value: Any) -> str:
    if value is None:
        return "(empty)"
    return plain(json.dumps(value, ensure_ascii=False))
