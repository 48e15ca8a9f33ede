"""The ``plantui`` command: argument parsing, the database option and plain-sentence errors.

Each command group lives in its own module with a ``register(subparsers)`` function, so
adding commands never means growing this file. Textual is imported only to open the TUI.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from plantui import __version__
from plantui.errors import PlanError
from plantui.text import plain

AS_ENV_VAR = "PLANTUI_AS"
COMMANDS: dict[str, tuple[str, ...]] = {
    "plantui.cli.records": ("demo", "add", "set", "show", "list", "delete", "restore"),
    "plantui.cli.tui_command": ("tui",),
    "plantui.cli.exchange": (
        *("export", "import", "sync", "conflicts", "resolve", "check", "label", "schema"),
    ),
    "plantui.cli.reports": ("report", "import-csv"),
    "plantui.cli.screenshot": ("screenshot",),
    "plantui.cli.plans": ("plans", "new", "plan"),
    "plantui.cli.copies": ("backups", "copy", "reset-clock"),
    "plantui.cli.history": ("history", "changes"),
    "plantui.cli.meetings": ("agenda", "minutes"),
    "plantui.cli.duplicates": ("duplicates", "merge", "unmerge"),
    "plantui.cli.search": ("search",),
}
"""Each command group's module (with a ``register(sub)``) and the commands it adds, in the
order help lists them. A run builds only the group of the command it was given: building
every group's parser took longer than drawing the app's first frame."""
_VALUE_OPTIONS = frozenset({"--db", "--library", "--plan", "--as"})
EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


class Context:
    """What a command needs, opened only when it asks: the database and the write path."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    @cached_property
    def library(self):  # -> Library | None
        """The plan library, or None when ``--db``/``$PLANTUI_DB`` name one file (and the
        library's code is not even imported)."""
        from plantui.storage.database import ENV_VAR, default_db_path

        if self.args.db or os.environ.get(ENV_VAR):
            if self.args.plan:
                raise PlanError("Give either --db or --plan, not both.")
            return None
        from plantui.library import Library, adopt_legacy_database, resolve_library

        library = Library(resolve_library(self.args.library))
        if not self.args.library and not os.environ.get("PLANTUI_LIBRARY"):
            adopt_legacy_database(library, default_db_path())
        return library

    @cached_property
    def db_path(self) -> Path:
        """``--db``, else the library's plan named by ``--plan``, else its only plan."""
        from plantui.storage.database import resolve_db_path

        if self.library is None:
            return resolve_db_path(self.args.db)
        if self.args.plan:
            return self.library.find(self.args.plan).path
        only = self.library.default()
        return only.path if only else self.library.empty_path()

    def use_fresh_database(self) -> None:
        """Point this command at a new, empty database of the library (``demo``)."""
        self.__dict__["db_path"] = self.library.empty_path()

    @cached_property
    def db(self):  # -> Database
        from plantui.storage.database import open_database

        return open_database(self.db_path)

    @cached_property
    def service(self):  # -> PlanService
        return self.service_on(self.db)

    def service_on(self, db):  # -> PlanService
        """The write path over ``db``, with this command's options (any plan of the library)."""
        from plantui.service import PlanService

        return PlanService(db, clock_ok=self.args.clock_ok, find_by=lambda: self.person_in(db))

    def refuse_if_archived(self) -> None:
        from plantui.library import ARCHIVED, refuse_if_archived

        refuse_if_archived(self.db.meta(ARCHIVED), self.db_path)

    @cached_property
    def person(self) -> str | None:
        """The person id writes to this command's plan carry."""
        return self.person_in(self.db)

    def person_in(self, db) -> str | None:  # db: Database
        """The person ``--as`` or ``$PLANTUI_AS`` names in ``db``; empty means nobody, and
        so does a plan with no people yet (a new plan, the example before its people)."""
        name = self.args.as_name
        if name is None:
            name = os.environ.get(AS_ENV_VAR)
        if not name or not name.strip():
            return None
        from plantui.queries.people import find_person, has_people

        return find_person(db, name) if has_people(db) else None

    def out(self, line: str = "") -> None:
        """Print a line with control characters removed: names and values in it may come
        from imported files and must not drive the terminal."""
        print(plain(line))


class _Parser(argparse.ArgumentParser):
    """argparse that says usage errors in one line and exits 2, as it always does."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"plantui: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def command_of(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names: the first word that is not an option or a global option's
    value; "tui" when there is none (the app is the default). None for help and for anything
    unusual, which then gets the whole parser and its usual answer."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help", "--", "-"):
            return None
        if _takes_value(word):
            next(words, None)
        elif not word.startswith("-"):
            known = any(word in commands for commands in COMMANDS.values())
            return word if known else None
    return "tui"


def _takes_value(word: str) -> bool:
    """A global option whose value is the next word (argparse also takes a prefix of it)."""
    return (
        word.startswith("--")
        and "=" not in word
        and any(option.startswith(word) for option in _VALUE_OPTIONS)
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command``'s group only."""
    parser = _Parser(
        prog="plantui",
        description="Edit a co-produced community action plan offline; exchange files to sync.",
    )
    parser.add_argument("--version", action="version", version=f"plantui {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="one plan database file (default: $PLANTUI_DB, else a plan of the library)",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="the folder of plans (default: $PLANTUI_LIBRARY, else the user data folder)",
    )
    parser.add_argument(
        "--plan",
        metavar="PLAN",
        help="the plan of the library to use: id, id prefix or title prefix",
    )
    parser.add_argument(
        "--clock-ok",
        action="store_true",
        help="write even though this computer's date is over 30 days past the plan's newest change",
    )
    parser.add_argument(
        "--as",
        dest="as_name",
        metavar="NAME",
        help="the person making these changes: a name, unique prefix or id (default: $PLANTUI_AS)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, commands in COMMANDS.items():
        if command is None or command in commands:
            importlib.import_module(name).register(sub)
    for each in sub.choices.values():  # `plantui list ask --plan X` reads naturally too
        each.add_argument("--plan", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_of(words))
    args = parser.parse_args(words)
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
        where = f"details are in {log}" if log else "the details could not be saved"
        print(f"plantui: something went wrong inside plantui; {where}.", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if "db" in ctx.__dict__:
            ctx.db.close()


CRASH_DIR_ENV = "PLANTUI_STATE_DIR"
"""Overrides the folder crash logs go to (the user's own state folder by default)."""


def _write_crash_log() -> Path | None:
    """Save the traceback of an unexpected error where a person can find and send it.

    Only in the user's own state folder, in a new 0600 file that is never a planted symlink
    and never an existing file; if that cannot be done, nothing is saved anywhere else.
    """
    import time
    import traceback

    from platformdirs import user_state_path

    folder = Path(os.environ.get(CRASH_DIR_ENV) or user_state_path("plantui", appauthor=False))
    log = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(log, flags, 0o600)
    except OSError:
        return None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(traceback.format_exc() + "\n")
    return log


def _refuse(sentence: str) -> int:
    print(f"plantui: {plain(sentence)}", file=sys.stderr)
    return EXIT_REFUSED
