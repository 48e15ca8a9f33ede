"""Meeting commands: ``agenda`` before an event and ``minutes`` after it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plantui.errors import PlanError


def register(sub: argparse._SubParsersAction) -> None:
    for name, formats, text in (
        ("agenda", "md, html or json", "the agenda of an event, built from the plan"),
        ("minutes", "md or html", "the minutes of an event (marks it held)"),
    ):
        p = sub.add_parser(name, help=text, description=f"{text[0].upper()}{text[1:]}.")
        p.add_argument("event", metavar="EVENT", help="its id, id prefix or title prefix")
        p.add_argument("--format", default="md", metavar="FORMAT", help=f"{formats} (md)")
        p.add_argument("--output", metavar="FILE", help="file to write; prints without it")
        p.set_defaults(run=cmd_agenda if name == "agenda" else cmd_minutes)


def _fmt(ctx, kind: str) -> str:
    from plantui.meetings.render import FORMATS

    fmt = ctx.args.format.strip().lower()
    if fmt not in FORMATS[kind]:
        raise PlanError(f"The {kind} comes as {', '.join(FORMATS[kind])}, not {fmt!r}.")
    return fmt


def _emit(ctx, text: str, what: str) -> int:
    from plantui.reports import _write

    if ctx.args.output is None:
        sys.stdout.write(text)
        return 0
    path = Path(ctx.args.output).expanduser()
    _write(path, text)
    ctx.out(f"Wrote the {what} to {path}.")
    return 0


def cmd_agenda(ctx) -> int:
    from plantui.meetings.render import render_agenda
    from plantui.queries.meetings import agenda

    fmt = _fmt(ctx, "agenda")
    return _emit(ctx, render_agenda(agenda(ctx.db, ctx.args.event), fmt), "agenda")


def cmd_minutes(ctx) -> int:
    from plantui.meetings.render import render_minutes
    from plantui.queries.minutes import build_minutes

    fmt = _fmt(ctx, "minutes")
    minutes = build_minutes(ctx.db, ctx.args.event)
    code = _emit(ctx, render_minutes(minutes, fmt), "minutes")
    if minutes.event.status != "held":
        ctx.service.update(minutes.event.id, {"status": "held"})
    return code
