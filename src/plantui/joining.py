"""Importing exchange files into the library: each file goes to the plan it is of.

A file of a plan the library does not hold starts that plan as a new database (that is
how a laptop joins); a file of a plan it holds merges into it. The command line and the
terminal app's import both come through here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from plantui.errors import PlanError
from plantui.library import Library, PlanEntry, read_entry, refuse_if_archived, remove_database
from plantui.service import PlanService
from plantui.storage.database import Database

_PLAN_ID = re.compile(rb'"plan_id"\s*:\s*"([0-9a-fA-F-]{36})"')
_PLAN_TITLE = re.compile(rb'"plan_title"\s*:\s*"([^"\\]{0,200})"')


def plan_of_file(path: Path) -> tuple[str | None, str]:
    """The plan id (None if it cannot be told cheaply) and title an exchange file names."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 16)
    except OSError:
        return None, ""
    found = _PLAN_ID.search(head)
    title = _PLAN_TITLE.search(head)
    name = title.group(1).decode("utf-8", "replace") if title else ""
    return (found.group(1).decode().lower() if found else None), name


@dataclass(slots=True)
class Imported:
    """One plan's part of an import: where it went, whether it joined, what was merged."""

    path: Path
    joined: PlanEntry | None
    """The plan this import added to the library (None when it merged into a kept one)."""
    summary: str


def import_into_library(
    library: Library,
    files: list[Path],
    make_service: Callable[[Database], PlanService],
    dry_run: bool = False,
    max_size: int | None = None,
) -> list[Imported]:
    """Import each file into its plan; every file is checked before anything is written."""
    from plantui.exchange import import_files
    from plantui.exchange.reader import DEFAULT_MAX_SIZE
    from plantui.storage.database import open_database

    groups: dict[str, list[Path]] = defaultdict(list)
    titles: dict[str, str] = {}
    for path in files:
        plan_id, title = plan_of_file(path)
        if plan_id is None:
            if path.is_dir():
                raise PlanError(f"{path} is a folder; choose a plan file (*.plantui.json) in it.")
            if not path.is_file():
                raise PlanError(f"{path} does not exist.")
            raise PlanError(f"{path} is not a plantui exchange file (it names no plan).")
        groups[plan_id].append(path)
        titles.setdefault(plan_id, title)
    for plan_id in groups:
        entry = library.by_plan_id(plan_id)
        if entry is not None:
            refuse_if_archived("1" if entry.archived else None, entry.path)
    done: list[Imported] = []
    for plan_id, group in groups.items():
        entry = library.by_plan_id(plan_id)
        path = entry.path if entry else library.new_path(titles[plan_id] or "plan")
        db = open_database(path)
        try:
            summary = import_files(
                make_service(db), group, dry_run=dry_run, max_size=max_size or DEFAULT_MAX_SIZE
            )
        except BaseException:
            db.close()
            if entry is None:
                remove_database(path)
            raise
        db.close()
        if entry is None and dry_run:
            remove_database(path)
        joined = read_entry(path) if entry is None and not dry_run else None
        done.append(Imported(path, joined, summary.text()))
    return done
