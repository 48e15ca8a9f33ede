"""The Overview's one read: where the plan stands and what needs attention.

Everything comes from :mod:`plantui.queries.derived` (the rules ``plantui check``, ``plantui
conflicts`` and the reports share), read in one plain snapshot: the Overview is the first
screen, drawn before SQLAlchemy is imported, and one snapshot makes its sections agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plantui.queries import Plan, derived
from plantui.queries.derived import AskLine, AskRollup, Conflict, Finding, Gap, PlanHead


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
    gaps: tuple[Gap, ...]
    conflicts: tuple[Conflict, ...]
    findings: tuple[Finding, ...]


def overview(plan: Plan, today: dt.date) -> Overview:
    """Read the plan head, its asks with their rollups, gaps, open conflicts and findings."""
    with plan.snapshot() as con:
        head = derived.plan_head(con)
        return Overview(
            head,
            derived.plan_elapsed(con, today),
            tuple(derived.ranked_asks(con)),
            derived.ask_rollups(con),
            tuple(derived.gaps(con, today)),
            tuple(derived.open_conflicts(con)),
            tuple(derived.integrity_findings(con)),
        )
