"""Opening the TUI: the only place the CLI imports Textual, and only when asked to."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tui", help="open the plan in the terminal app (the default)")
    p.set_defaults(run=open_tui)


def open_tui(ctx) -> int:
    from plantui.tui.app import PlanApp

    if ctx.library is not None and not ctx.args.plan and len(ctx.library.entries()) > 1:
        from plantui.tui.plan_chooser import choose_plan

        chosen = choose_plan(ctx.library.entries())
        if chosen is None:
            return 0
        ctx.__dict__["db_path"] = chosen
    app = PlanApp(ctx.db)
    app.run()
    if app.crash is not None:
        # Re-raised once the terminal is restored: the CLI writes the crash log and one line.
        raise app.crash
    return app.return_code or 0
