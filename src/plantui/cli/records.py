"""Record commands: demo, add, set, show, list, delete, restore."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from plantui.cli.output import print_json
from plantui.domain import (
    TYPES,
    InvalidValue,
    RecordType,
    field_spec,
    parse_text_value,
    record_type,
)
from plantui.errors import PlanError
from plantui.event_time import read_times
from plantui.queries import forms, records
from plantui.queries.records import RecordItem
from plantui.text import plain, show_value


def register(sub: argparse._SubParsersAction) -> None:
    types = ", ".join(TYPES)
    p = sub.add_parser("demo", help="fill an empty database with the example plan")
    p.add_argument(
        "--if-empty",
        action="store_true",
        help="do nothing (and succeed) when the database already holds a plan",
    )
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("add", help="create a record; its id is the last line printed")
    p.add_argument("type", metavar="TYPE", help=f"one of: {types}")
    p.add_argument("assignments", metavar="FIELD=VALUE", nargs="*")
    p.set_defaults(run=cmd_add)

    p = sub.add_parser("set", help="change fields of a record; FIELD= sets null")
    p.add_argument("id", metavar="ID")
    p.add_argument("assignments", metavar="FIELD=VALUE", nargs="+")
    p.set_defaults(run=cmd_set)

    p = sub.add_parser("show", help="show one record")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("list", help="list the records of a type")
    p.add_argument("type", metavar="TYPE", help=f"one of: {types}")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--all", action="store_true", help="include deleted records")
    p.set_defaults(run=cmd_list)

    for verb, help_text in (("delete", "delete a record"), ("restore", "restore a deleted one")):
        p = sub.add_parser(verb, help=help_text)
        p.add_argument("id", metavar="ID")
        p.set_defaults(run=cmd_delete if verb == "delete" else cmd_restore)


def parse_assignments(rtype: RecordType, items: list[str]) -> dict[str, Any]:
    """Turn ``FIELD=VALUE`` words into typed values, refusing unknown fields and bad values."""
    values: dict[str, Any] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep:
            raise PlanError(f"{item!r} is not of the form FIELD=VALUE.")
        try:
            spec = field_spec(rtype, name)
            if spec.kind == "ref":  # may be an id prefix, resolved against the database
                values[name] = raw.strip().lower() or None
            elif spec.kind == "when":  # read in the plan's time zone (_read_times)
                values[name] = raw.strip() or None
            else:
                values[name] = parse_text_value(spec, raw)
        except InvalidValue as exc:
            raise PlanError(f"{exc}.") from None
    return values


def _resolve_refs(ctx, rtype: RecordType, values: dict[str, Any]) -> dict[str, Any]:
    """Let people type an id prefix for a reference, as they can for ID arguments."""
    for name, value in values.items():
        if value is not None and rtype.fields[name].kind == "ref":
            values[name] = ctx.service.resolve_id(value)
    return values


def _read_times(ctx, rtype: RecordType, values: dict[str, Any], current: dict[str, Any]):
    """Event times as people write them (``2025-07-10 14:15``, ``2.15pm``), in the plan's zone."""
    if not any(rtype.fields[name].kind == "when" for name in values):
        return values
    try:
        return read_times(rtype, values, current, forms.zone_of(ctx.db))
    except InvalidValue as exc:
        raise PlanError(f"{exc}.") from None


def _type_of(name: str) -> RecordType:
    try:
        return record_type(name)
    except InvalidValue as exc:
        raise PlanError(f"{exc}.") from None


def cmd_demo(ctx) -> int:
    from plantui.demo import load_demo

    if ctx.library is not None and not ctx.args.plan:  # one more plan in the library
        if ctx.args.if_empty and ctx.library.entries(include_archived=True):
            return 0
        ctx.use_fresh_database()
    if ctx.args.if_empty and ctx.db.plan_id:
        return 0
    count = load_demo(ctx.service)
    ctx.out(f"Added the example plan ({count} records) to {ctx.db_path}.")
    return 0


def cmd_add(ctx) -> int:
    rtype = _type_of(ctx.args.type)
    values = _resolve_refs(ctx, rtype, parse_assignments(rtype, ctx.args.assignments))
    change = ctx.service.create(rtype.name, _read_times(ctx, rtype, values, {}))
    _say_if_it_looks_like_another(ctx, rtype.name, change.record_id)
    ctx.out(change.record_id)
    return 0


def _say_if_it_looks_like_another(ctx, type_name: str, record_id: str) -> None:
    """A note on stderr (stdout stays the new id) when the new record looks like one kept."""
    from plantui.queries.duplicates import looks_like

    pairs = looks_like(ctx.db, type_name, record_id)
    for pair in pairs:
        other, label = (
            (pair.b_id, pair.b_label) if pair.a_id == record_id else (pair.a_id, pair.a_label)
        )
        print(
            plain(
                f"Note: this looks like the {type_name} “{label}” ({pair.reason}); to keep one,"
                f" run: plantui merge {record_id} --into {other}"
            ),
            file=sys.stderr,
        )


def cmd_set(ctx) -> int:
    record_id = ctx.service.resolve_id(ctx.args.id)
    view = records.record(ctx.db, record_id)
    rtype = _type_of(view.type)
    values = _resolve_refs(ctx, rtype, parse_assignments(rtype, ctx.args.assignments))
    change = ctx.service.update(record_id, _read_times(ctx, rtype, values, dict(view.values)))
    ctx.out(f"Changed {len(change.before)} field(s) of {record_id}.")
    return 0


def record_json(view: RecordItem) -> dict[str, Any]:
    """The JSON shape of one record for ``show``/``list --json``: shown values, flat."""
    out: dict[str, Any] = {"id": view.id, "type": view.type}
    out.update(view.values)
    out["deleted"] = view.deleted
    out["conflicts"] = list(view.conflicts)
    return out


def cmd_show(ctx) -> int:
    view = records.record(ctx.db, ctx.service.resolve_id(ctx.args.id))
    if ctx.args.json:
        print_json(record_json(view))
        return 0
    state = " (deleted)" if view.deleted else ""
    ctx.out(f"{view.type} {view.id}{state}")
    width = max((len(k) for k in view.values), default=0)
    for name, value in view.values.items():
        mark = "  [conflict]" if name in view.conflicts else ""
        ctx.out(f"  {name:<{width}}  {_show(value)}{mark}")
        if name in view.conflicts:
            for sib in view.siblings[name]:
                ctx.out(f"  {'':<{width}}    {_show(sib.value)}  @ {sib.at}")
    if view.delete_conflict:
        ctx.out("  Deleted while someone else edited it: restore it or delete it again.")
    return 0


def cmd_list(ctx) -> int:
    rtype = _type_of(ctx.args.type)
    views = records.records(ctx.db, rtype.name, include_deleted=ctx.args.all)
    if ctx.args.json:
        print_json([record_json(v) for v in views])
        return 0
    for view in views:
        flags = " ".join(
            f for f, on in (("deleted", view.deleted), ("conflict", bool(view.conflicts))) if on
        )
        ctx.out(f"{view.id}  {plain(view.label)}{'  [' + flags + ']' if flags else ''}")
    return 0


def cmd_delete(ctx) -> int:
    record_id = ctx.service.resolve_id(ctx.args.id)
    ctx.service.delete(record_id)
    ctx.out(f"Deleted {record_id} (plantui restore {record_id} brings it back).")
    return 0


def cmd_restore(ctx) -> int:
    record_id = ctx.service.resolve_id(ctx.args.id)
    ctx.service.restore(record_id)
    ctx.out(f"Restored {record_id}.")
    return 0


def _show(value: Any) -> str:
    return show_value(value, empty="-")
