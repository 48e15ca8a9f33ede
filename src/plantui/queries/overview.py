"""The Overview's one read: where the plan stands and what needs attention.

Everything comes from :mod:`plantui.queries.derived` and :mod:`plantui.queries.gaps` (the rules
``plantui check``, ``plantui conflicts`` and the reports share), read in one plain snapshot: the
Overview is the first screen, drawn before SQLAlchemy is imported, and one snapshot makes its
sections agree. Of the gaps and conflicts it reads how many there are and the first few it
shows, so a plan with tens of thousands of them opens as fast as a small one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, TypeVar

from plantui.queries import Plan, derived
from plantui.queries.derived import AskLine, AskRollup, Conflict, Finding, PlanHead
from plantui.queries.gaps import Gap, first_gaps

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Section(Generic[T]):
    """How many items a section has, and the first of them in the full list's order."""

    count: int
    first: tuple[T, ...]


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
    gaps: Section[Gap]
    conflicts: Section[Conflict]
    findings: Section[Finding]


def overview(plan: Plan, today: dt.date, first: int) -> Overview:
    """Read the plan head, its asks with their rollups, and of the gaps, open conflicts and
    findings how many there are and the ``first`` of each."""
    with plan.snapshot() as con:
        head = derived.plan_head(con)
        findings = derived.integrity_findings(con)  # few; counting needs every search anyway
        return Overview(
            head,
            derived.plan_elapsed(con, today),
            tuple(derived.ranked_asks(con)),
            derived.ask_rollups(con),
            _section(first_gaps(con, today, first)),
            _section(derived.first_conflicts(con, first)),
            Section(len(findings), tuple(findings[:first])),
        )


def _section(counted: tuple[int, list[T]]) -> Section[T]:
    return Section(counted[0], tuple(counted[1]))
