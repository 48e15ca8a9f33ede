"""Opening the TUI: the only place the CLI imports Textual, and only when asked to."""

from __future__ import annotations

import argparse

SCREEN_NAMES = (
    "overview",
    "asks",
    "pledges",
    "timeline",
    "organisations",
    "events",
    "conflicts",
    "sync",
    "people",
)
"""The app's screens, as ``tui --screen`` and ``screenshot --screen`` name them."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tui", help="open the plan in the terminal app (the default)")
    p.add_argument(
        "--screen",
        choices=SCREEN_NAMES,
        default="overview",
        metavar="NAME",
        help=f"the screen to open on (default overview): one of {', '.join(SCREEN_NAMES)}",
    )
    p.set_defaults(run=open_tui)


def plan_to_open(ctx):  # -> Database | None
    """``--db`` or ``--plan`` name the plan, as does a library of one; otherwise None: the
    app opens on the library's plans (the welcome screen when it has none)."""
    library = ctx.library
    if library is None or ctx.args.plan or len(library.entries()) == 1:
        return ctx.db
    return None


def open_tui(ctx) -> int:
    from plantui import collector

    with collector.paused():  # until the app has drawn its first screen and settled
        return _run_app(ctx)


def _run_app(ctx) -> int:
    from plantui.tui.app import PlanApp

    plan = plan_to_open(ctx)
    editing_as = ctx.person_in(plan) if plan is not None else None  # --as, $PLANTUI_AS
    screen = getattr(ctx.args, "screen", "overview")  # plain `plantui` opens the Overview
    app = PlanApp(plan, library=ctx.library, editing_as=editing_as, screen=screen, settle=True)
    try:
        app.run()
    finally:
        if app.db is not None:
            app.db.close()
    if app.crash is not None:
        # Re-raised once the terminal is restored: the CLI writes the crash log and one line.
        raise app.crash
    return app.return_code or 0
