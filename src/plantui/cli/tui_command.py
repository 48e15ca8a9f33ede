"""Opening the TUI: the only place the CLI imports Textual, and only when asked to."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tui", help="open the plan in the terminal app (the default)")
    p.set_defaults(run=open_tui)


def open_tui(ctx) -> int:
    from plantui.tui.app import PlanApp

    app = PlanApp(ctx.db)
    app.run()
    if app.crash is not None:
        # Re-raised once the terminal is restored: the CLI writes the crash log and one line.
        raise app.crash
    return app.return_code or 0
