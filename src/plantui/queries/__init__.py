"""Every read the app, the CLI and the reports make of a plan, in one place.

Screens never write SQL and never see a session or a connection: they call a function here
and get frozen view dataclasses back. This package alone knows what "live" means (not
deleted, not merged into another record), the orders people expect (asks by rank, records
by natural ref code) and how a record is named (:func:`plantui.domain.record_label`).

Reads go over plain ``sqlite3`` snapshots (:meth:`Plan.snapshot`): they need no ORM, so a
screen can draw its first frame before SQLAlchemy has been imported, and a snapshot sees
one consistent state of the file even while another process writes.

Each module reads one part of the plan; every function takes the open :data:`Plan` first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from plantui.errors import PlanError
from plantui.storage.database import Database, connect

Plan = Database
"""An open plan file: what every read here takes, and all a screen holds of the database."""


@contextmanager
def own_snapshot(plan: Plan) -> Iterator[sqlite3.Connection]:
    """A snapshot for a worker thread, over a connection of its own (closed at the end):
    :meth:`Plan.snapshot` shares one connection under a lock, so a long read there would
    hold up every screen's reads until it ends."""
    try:
        con = connect(plan.path)
    except sqlite3.Error as exc:
        raise PlanError(str(exc)) from exc
    try:
        con.execute("BEGIN")
        yield con
    finally:
        con.close()


IN_JSON = "(SELECT value FROM json_each(?))"
"""SQL for "in these ids", the ids passed as one JSON array parameter: one parameter
however many ids, where ``IN (?, ?, ...)`` would hit SQLite's limit on parameters."""

__all__ = ["IN_JSON", "Plan", "own_snapshot"]
