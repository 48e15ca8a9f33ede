"""Opening the TUI: the only place the CLI imports Textual, and only when asked to."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tui", help="open the plan in the terminal app (the default)")
    p.set_defaults(run=open_tui)


def open_tui(ctx) -> int:
    """``--db`` or ``--plan`` open that plan; else the library's only plan, or its plans
    (the welcome screen when it has none) to choose from inside the app."""
    from plantui.tui.app import PlanApp

    library = ctx.library
    if library is None or ctx.args.plan or len(library.entries()) == 1:
        app = PlanApp(ctx.db, library=library)
    else:
        app = PlanApp(None, library=library)
    try:
        app.run()
    finally:
        if app.db is not None:
            app.db.close()
    if app.crash is not None:
        # Re-raised once the terminal is restored: the CLI writes the crash log and one line.
        raise app.crash
    return app.return_code or 0
