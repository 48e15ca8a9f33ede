"""The ``plantui`` command: argument parsing, the database option and plain-sentence errors.

Each command group lives in its own module with a ``register(subparsers)`` function, so
adding commands never means growing this file. Textual is imported only to open the TUI.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from plantui import __version__
from plantui.errors import PlanError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


class Context:
    """What a command needs, opened only when it asks: the database and the write path."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    @cached_property
    def db_path(self) -> Path:
        from plantui.storage.database import resolve_db_path

        return resolve_db_path(self.args.db)

    @cached_property
    def db(self):  # -> Database
        from plantui.storage.database import open_database

        return open_database(self.db_path)

    @cached_property
    def service(self):  # -> PlanService
        from plantui.service import PlanService

        return PlanService(self.db)

    def out(self, line: str = "") -> None:
        print(line)


class _Parser(argparse.ArgumentParser):
    """argparse that says usage errors in one line and exits 2, as it always does."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"plantui: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from plantui.cli import records, tui_command

    parser = _Parser(
        prog="plantui",
        description="Edit a co-produced community action plan offline; exchange files to sync.",
    )
    parser.add_argument("--version", action="version", version=f"plantui {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the plan database (default: $PLANTUI_DB, else the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in (records, tui_command):
        module.register(sub)
    for name in _optional_command_modules():
        __import__(name, fromlist=["register"]).register(sub)
    return parser


def _optional_command_modules() -> list[str]:
    """Command groups that later features add (exchange, reports, screenshots)."""
    import importlib.util

    names = [
        "plantui.cli.exchange",
        "plantui.cli.reports",
        "plantui.cli.screenshot",
        "plantui.cli.meetings",
    ]
    return [n for n in names if importlib.util.find_spec(n) is not None]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(args)
    run = getattr(args, "run", None)
    if run is None:
        from plantui.cli.tui_command import open_tui

        run = open_tui
    try:
        return int(run(ctx) or EXIT_OK)
    except PlanError as exc:
        return _refuse(str(exc))
    except sqlite3.Error as exc:
        return _refuse(f"The database could not be used: {exc}.")
    except BrokenPipeError:
        # The reader (``head``, a closed pager) went away: not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except OSError as exc:
        return _refuse(f"{exc.strerror or exc}: {exc.filename}." if exc.filename else str(exc))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if isinstance(getattr(exc, "orig", None), sqlite3.Error):  # SQLAlchemy's DBAPIError
            return _refuse(f"The database could not be used: {exc.orig}.")  # type: ignore[attr-defined]
        # A bug of ours: say so plainly, keep the details for a report.
        log = _write_crash_log()
        print(
            f"plantui: something went wrong inside plantui; details are in {log}.", file=sys.stderr
        )
        return EXIT_INTERNAL
    finally:
        if "db" in ctx.__dict__:
            ctx.db.close()


def _write_crash_log() -> Path:
    """Save the traceback of an unexpected error where a person can find and send it."""
    import tempfile
    import traceback

    from platformdirs import user_log_path

    try:
        folder = user_log_path("plantui", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        folder = Path(tempfile.gettempdir())
    log = folder / "crash.log"
    with log.open("a", encoding="utf-8") as handle:
        handle.write(traceback.format_exc() + "\n")
    return log


def _refuse(sentence: str) -> int:
    print(f"plantui: {sentence}", file=sys.stderr)
    return EXIT_REFUSED
