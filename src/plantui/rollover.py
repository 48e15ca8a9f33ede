"""Next year's plan from this one (``plantui new TITLE --roll-over-from PLAN``).

What is carried: asks still open (not achieved, declined or withdrawn) with their ranks;
the pledges answering them that are not met or withdrawn; unfinished actions and
milestones (not done or cancelled); every organisation and person; and the links and
dependencies among whatever was carried. Every carried record gets a new id and keeps its
old one in ``carried_from``. Events and notes belong to the year they happened in and stay.

Carried actions move together by one offset, so that the earliest of them starts on the
new plan's first day: lengths, gaps and so dependencies are kept as they were. Baselines
are cleared (they are frozen again when the new plan is agreed). The old plan is only read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantui.library import Library, PlanEntry, refuse_if_archived
from plantui.queries.records import RecordItem
from plantui.service import PlanService, Writer
from plantui.storage.database import Database

if TYPE_CHECKING:
    from plantui.new_plan import PlanStart

CLOSED_ASKS = frozenset({"achieved", "declined", "withdrawn"})
CLOSED_PLEDGES = frozenset({"met", "withdrawn"})
FINISHED_ACTIONS = frozenset({"done", "cancelled"})
_LEFT_BEHIND = {"raised_at", "made_at", "baseline_start", "baseline_end"}
"""Fields pointing at what stays in the old year (events) or frozen for it (baselines)."""


@dataclass(slots=True)
class Carried:
    """What a roll-over took, by type: old id -> new id."""

    ids: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def text(self) -> str:
        parts = [f"{n} {t}(s)" for t, n in self.counts.items() if n]
        return "Carried " + (", ".join(parts) if parts else "nothing") + "."


def _live(service: PlanService, type_name: str) -> list[RecordItem]:
    return [v for v in service.list(type_name) if not v.deleted]


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def choose(old: PlanService) -> dict[str, list[RecordItem]]:
    """The records a roll-over carries, by type, following the rules above."""
    asks = [a for a in _live(old, "ask") if a.values.get("status") not in CLOSED_ASKS]
    ask_ids = {a.id for a in asks}
    links = _live(old, "link")
    answering = {
        lk.values["from"]
        for lk in links
        if lk.values.get("role") == "responds_to" and lk.values.get("to") in ask_ids
    }
    pledges = [
        p
        for p in _live(old, "pledge")
        if p.id in answering and p.values.get("lifecycle") not in CLOSED_PLEDGES
    ]
    actions = [a for a in _live(old, "action") if a.values.get("status") not in FINISHED_ACTIONS]
    return {
        "organisation": _live(old, "organisation"),
        "person": _live(old, "person"),
        "ask": asks,
        "pledge": pledges,
        "action": _parents_first(actions),
    }


def _parents_first(actions: list[RecordItem]) -> list[RecordItem]:
    """Order actions so a parent is written before its children (refs are checked)."""
    by_id = {a.id: a for a in actions}
    done: set[str] = set()
    out: list[RecordItem] = []

    def visit(view: RecordItem, seen: frozenset[str]) -> None:
        if view.id in done or view.id in seen:
            return
        parent = by_id.get(view.values.get("parent") or "")
        if parent is not None:
            visit(parent, seen | {view.id})
        done.add(view.id)
        out.append(view)

    for view in actions:
        visit(view, frozenset())
    return out


def _offset(actions: list[RecordItem], new_start: dt.date) -> dt.timedelta:
    starts = [d for a in actions for d in (_date(a.values.get("start")),) if d is not None]
    return new_start - min(starts) if starts else dt.timedelta(0)


def carry(old: PlanService, writer: Writer, new_start: dt.date) -> Carried:
    """Write the carried records into ``writer``'s (new) plan; the old plan is only read."""
    chosen = choose(old)
    result = Carried()
    shift = _offset(chosen["action"], new_start)
    orgs = chosen["organisation"]
    # organisations first (without merged_into, set once every one has its new id)
    for view in [*orgs, *chosen["person"], *chosen["ask"], *chosen["pledge"], *chosen["action"]]:
        values = _copy(view, result.ids, shift)
        if view.type == "organisation":
            values.pop("merged_into", None)
        result.ids[view.id] = writer.create(view.type, values).record_id
        result.counts[view.type] = result.counts.get(view.type, 0) + 1
    for view in orgs:
        target = result.ids.get(view.values.get("merged_into") or "")
        if target:
            writer.update(result.ids[view.id], {"merged_into": target})
    for type_name in ("dependency", "link"):
        for view in _live(old, type_name):
            ends = (view.values.get("from"), view.values.get("to"))
            if all(end in result.ids for end in ends):
                values = _copy(view, result.ids, shift)
                writer.create(type_name, values)
                result.counts[type_name] = result.counts.get(type_name, 0) + 1
    return result


def _copy(view: RecordItem, ids: dict[str, str], shift: dt.timedelta) -> dict[str, Any]:
    """The record's values for the new plan: refs mapped (or dropped), dates shifted."""
    from plantui.domain import record_type

    rtype = record_type(view.type)
    values: dict[str, Any] = {}
    for name, spec in rtype.fields.items():
        value = view.values.get(name)
        if value is None or name in _LEFT_BEHIND:
            continue
        if spec.kind == "ref":
            value = ids.get(value)
        elif view.type == "action" and name in ("start", "end"):
            value = (dt.date.fromisoformat(value) + shift).isoformat()
        values[name] = value
    values["carried_from"] = view.id
    return values


def start_rolled_over(
    library: Library,
    start: PlanStart,
    source: PlanEntry,
    make_service: Callable[[Database], PlanService],
) -> tuple[str, Path, Carried]:
    """Next year's plan from ``source``, written in one transaction; the old one is only read.

    Area and time zone are inherited when ``start`` leaves them out. Returns the new plan's
    id, its file and what was carried.
    """
    from plantui.new_plan import create_in_library
    from plantui.storage.database import open_database

    refuse_if_archived("1" if source.archived else None, source.path)
    old_db = open_database(source.path)
    carried = Carried()
    try:
        old = make_service(old_db)

        def fill(writer: Writer, plan_id: str) -> None:
            nonlocal carried
            before = old.get(source.id).values
            values: dict[str, Any] = {"previous_plan": source.id}
            for name in ("area", "timezone"):
                if getattr(start, name) is None and before.get(name):
                    values[name] = before[name]
            writer.update(plan_id, values)
            carried = carry(old, writer, start.start)

        plan_id, path = create_in_library(library, start, make_service, fill)
    finally:
        old_db.close()
    return plan_id, path, carried
