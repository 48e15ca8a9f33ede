"""``plantui screenshot``: render one screen headless and save it as SVG.

Textual is imported only inside the command, so the rest of the CLI stays free of it.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from plantui.cli.tui_command import SCREEN_NAMES
from plantui.errors import PlanError

PANES = ("history",)
"""Panes drawn over a screen for one record (``--record``)."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshot", help="save one screen of the app as an SVG image")
    p.add_argument(
        "--screen",
        required=True,
        choices=SCREEN_NAMES + PANES,
        metavar="NAME",
        help=f"one of: {', '.join(SCREEN_NAMES + PANES)}",
    )
    p.add_argument(
        "--record",
        metavar="ID",
        help="with --screen history: the record (id or unique prefix) whose History pane to show",
    )
    p.add_argument("--output", required=True, metavar="FILE.svg", help="where to save it")
    p.add_argument(
        "--size",
        default="160x50",
        metavar="WxH",
        help="terminal size in columns x rows (default 160x50)",
    )
    p.add_argument(
        "--palette",
        metavar="TEXT",
        help="open the command palette (ctrl+p) and type TEXT before the picture is taken",
    )
    p.set_defaults(run=take_screenshot)


def parse_size(text: str) -> tuple[int, int]:
    """'160x50' -> (160, 50); refuse sizes a screen cannot be drawn in."""
    match = re.fullmatch(r"\s*(\d+)\s*[xX]\s*(\d+)\s*", text)
    if not match:
        raise PlanError(f"The size {text!r} is not of the form WIDTHxHEIGHT, like 160x50.")
    width, height = int(match[1]), int(match[2])
    if not (20 <= width <= 1000 and 10 <= height <= 500):
        raise PlanError(f"The size {text} is out of range (20x10 up to 1000x500).")
    return width, height


PALETTE_SETTLE_S = 1.0
"""Time for the palette to gather every provider's hits (it shows them in batches)."""


def render_svg(
    db,
    screen: str,
    size: tuple[int, int],
    palette: str | None = None,
    record: str | None = None,
) -> str:
    """Run the app headless on one screen, wait for its data, and return the SVG.

    Nothing will be edited, so the write path is not preloaded: a screenshot of the
    Overview takes as long as a person waits for its first frame.
    """
    import asyncio

    from plantui.tui.app import PlanApp

    app = PlanApp(db, watch=False, screen=screen, preload=False)

    async def run() -> str:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            if record is not None:
                from plantui.tui.dialogs.history import open_history

                open_history(app, record)
                await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            if palette is not None:
                await pilot.press("ctrl+p", *palette)
                await pilot.pause(PALETTE_SETTLE_S)
                await app.workers.wait_for_complete()
                await pilot.pause()
            return app.export_screenshot()

    return asyncio.run(run())


def take_screenshot(ctx) -> int:
    size = parse_size(ctx.args.size)
    output = Path(ctx.args.output)
    if output.parent and not output.parent.exists():
        raise PlanError(f"The folder {output.parent} does not exist.")
    screen, record = ctx.args.screen, None
    if screen in PANES:
        if not ctx.args.record:
            raise PlanError(f"--screen {screen} needs --record ID: whose pane to show.")
        screen, record = "overview", ctx.service.resolve_id(ctx.args.record)
    from plantui import collector

    with collector.paused(settle=True):  # all it builds lives until the picture is saved
        svg = render_svg(ctx.db, screen, size, ctx.args.palette, record)
        output.write_text(svg, encoding="utf-8")
    what = "History pane" if record else f"{ctx.args.screen} screen"
    ctx.out(f"Saved the {what} to {output}.")
    return 0
