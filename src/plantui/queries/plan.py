"""The plan file itself: opening it, its title and facts, whether it changed, its copies.

What the app needs of the open file beyond its records (its copies' code is imported when
they are asked for, not with the first screen). Every failure of SQLite here
becomes a :class:`~plantui.errors.PlanError` with one plain sentence, so the app never
has to know which database library is underneath.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from plantui.errors import PlanError
from plantui.queries import Plan
from plantui.text import one_line

if TYPE_CHECKING:
    from plantui.storage.backups import Backup as Backup  # the screens name it from here

TITLE_WIDTH = 60
"""A header names the plan in at most this many characters."""

__all__ = [
    "backups",
    "copy_plan",
    "data_version",
    "meta",
    "open_plan",
    "plan_title",
    "replica_label",
    "restore",
]


def open_plan(path: Path) -> Plan:
    """Open (and migrate if need be) the plan file at ``path``."""
    from plantui.storage.database import open_database

    try:
        return open_database(path)
    except sqlite3.Error as exc:
        raise PlanError(f"{path} could not be opened ({exc}).") from None


def plan_title(plan: Plan) -> str:
    """The plan's title on one line for a header, shortened to :data:`TITLE_WIDTH`."""
    with plan.snapshot() as con:
        row = con.execute(
            "SELECT title FROM plan WHERE id = (SELECT value FROM meta WHERE key = 'plan_id')"
        ).fetchone()
    title = one_line(row[0]) if row and row[0] else "A plan without a title"
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "…"


def meta(plan: Plan, key: str) -> str | None:
    """A fact this copy keeps about itself (its clock, its label, a peer's label)."""
    return plan.meta(key)


def replica_label(plan: Plan) -> str:
    """What this copy calls itself, on one line ("this laptop" if it has no name)."""
    return one_line(plan.replica_label) or "this laptop"


def data_version(plan: Plan) -> int:
    """A number that changes whenever anything commits to the file (this process too)."""
    try:
        return plan.data_version()
    except sqlite3.Error as exc:
        raise PlanError(f"The plan file could not be read ({exc}).") from None


def backups(plan: Plan) -> list[Backup]:
    """The backups kept of this plan, newest first."""
    from plantui.storage.backups import list_backups

    return list_backups(plan.path)


def restore(plan: Plan, number: int) -> tuple[Backup, Path]:
    """Put backup ``number`` (1 = newest) in place of the plan; returns it and where the
    replaced state was kept."""
    from plantui.storage.backups import restore_backup

    try:
        return restore_backup(plan, number)
    except sqlite3.Error as exc:
        raise PlanError(f"The backup could not be restored ({exc}).") from None


def copy_plan(plan: Plan, target: Path) -> str:
    """A whole copy of the plan at ``target`` for another laptop; returns its replica id."""
    from plantui.storage.backups import copy_database

    try:
        return copy_database(plan, target)
    except sqlite3.Error as exc:
        raise PlanError(f"The plan could not be copied to {target} ({exc}).") from None
    except OSError as exc:
        raise PlanError(f"The plan could not be copied to {target} ({exc.strerror}).") from None
