"""The Overview's one read: where the plan stands and what needs attention.

Everything comes from :mod:`plantui.queries.derived` and :mod:`plantui.queries.gaps` (the rules
``plantui check``, ``plantui conflicts`` and the reports share), read in one plain snapshot: the
Overview is the first screen, drawn before SQLAlchemy is imported, and one snapshot makes its
sections agree. Of the gaps and conflicts it reads how many there are and the first few it
shows, so a plan with tens of thousands of them opens as fast as a small one. On a big plan
finding them still takes a tenth of a second or more: the screen then reads the head and the
asks alone, drawn at once, and what needs attention apart, in a thread (:func:`attention`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Generic, TypeVar

from plantui.queries import Plan, derived, own_snapshot
from plantui.queries.derived import AskLine, Conflict, Finding, PlanHead
from plantui.queries.gaps import Gap, first_gaps
from plantui.queries.live_records import LIVE
from plantui.queries.rollups import AskRollup, ask_rollups

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Section(Generic[T]):
    """How many items a section has, and the first of them in the full list's order."""

    count: int
    first: tuple[T, ...]


@dataclass(frozen=True, slots=True)
class Attention:
    """What needs attention: gaps, open conflicts and integrity findings, each counted and
    with its first few items."""

    gaps: Section[Gap]
    conflicts: Section[Conflict]
    findings: Section[Finding]


@dataclass(frozen=True, slots=True)
class Overview:
    """The plan at a glance, as of one snapshot."""

    head: PlanHead | None
    """The plan record's own facts, or None before there is a plan record."""
    elapsed: float | None
    """How far through its period the plan is (0.0 to 1.0), or None without a period."""
    asks: tuple[AskLine, ...]
    """Live asks in priority order."""
    rollups: dict[str, AskRollup]
    """Per live ask id: its RAG and progress from its actions."""
    attention: Attention | None
    """Gaps, conflicts and findings; None on a plan too big to read them at once."""


def overview(
    plan: Plan, today: dt.date, first: int, *, attention_below: int | None = None
) -> Overview:
    """Read the plan head, its asks with their rollups and, unless the plan has
    ``attention_below`` live actions or more, of the gaps, open conflicts and findings how
    many there are and the ``first`` of each (else None: :func:`attention` reads them)."""
    with plan.snapshot() as con:
        big = attention_below is not None and _live_actions(con) >= attention_below
        return Overview(
            derived.plan_head(con),
            derived.plan_elapsed(con, today),
            tuple(derived.ranked_asks(con)),
            ask_rollups(con),
            None if big else _attention(con, today, first),
        )


def _live_actions(con: sqlite3.Connection) -> int:
    return int(con.execute(f"SELECT count(*) FROM action WHERE {LIVE}").fetchone()[0])


def attention(plan: Plan, today: dt.date, first: int) -> Attention:
    """Of the gaps, open conflicts and findings, how many there are and the ``first`` of each;
    for a worker thread, read over a connection of its own."""
    with own_snapshot(plan) as con:
        return _attention(con, today, first)


def _attention(con: sqlite3.Connection, today: dt.date, first: int) -> Attention:
    findings = derived.integrity_findings(con)  # few; counting needs every search anyway
    return Attention(
        _section(first_gaps(con, today, first)),
        _section(derived.first_conflicts(con, first)),
        Section(len(findings), tuple(findings[:first])),
    )


def _section(counted: tuple[int, list[T]]) -> Section[T]:
    return Section(counted[0], tuple(counted[1]))
