"""What is derived from the plan and never stored: rollups, gaps, conflicts, integrity findings.

Every copy computes these the same way from the same records (SYNC.md "Derived"), so the
overview, ``plantui check``, ``plantui conflicts`` and the reports all agree.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from plantui.domain import DELETED, TYPES
from plantui.merge import covered, shown_sibling
from plantui.storage.models import Action, Ask, Dependency, Link, Plan, Pledge, Record

RAG_ORDER = {"green": 0, "amber": 1, "red": 2}


@dataclass(frozen=True, slots=True)
class Conflict:
    """An open conflict: a field with several siblings, or a delete that missed an edit."""

    record: str
    type: str
    kind: Literal["field", "delete_edit"]
    field: str | None
    values: list[dict[str, Any]]
    label: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "type": self.type,
            "kind": self.kind,
            "field": self.field,
            "values": [{"v": s["v"], "at": s["at"]} for s in self.values],
            "label": self.label,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """An integrity finding: flagged for review, never a reason to refuse or drop data."""

    record: str
    type: str
    kind: Literal["missing_ref", "deleted_ref", "end_before_start", "dependency_cycle"]
    field: str | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "type": self.type,
            "kind": self.kind,
            "field": self.field,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Gap:
    """Something the plan still lacks (DOMAIN.md "Gaps")."""

    kind: Literal[
        "ask_without_pledge",
        "pledge_without_action",
        "action_without_public_owner",
        "action_without_community_owner",
        "overdue_action",
        "overdue_pledge",
        "milestone_without_deliverable",
    ]
    record: str
    type: str
    label: str
    message: str


@dataclass(frozen=True, slots=True)
class AskRollup:
    """An ask's RAG (the worst of its actions') and progress (the mean of theirs)."""

    ask: str
    rag: str | None
    progress: int | None
    actions: int = 0
    pledges: list[str] = field(default_factory=list)


def _label(type_name: str, fields: dict[str, list[dict[str, Any]]], record_id: str) -> str:
    rtype = TYPES.get(type_name)
    name = rtype.label_field if rtype else "title"
    sib = shown_sibling(fields.get(name, []))
    return str(sib["v"]) if sib and sib["v"] is not None else record_id


def open_conflicts(session: Session) -> list[Conflict]:
    """Every open conflict, field conflicts and delete/edit conflicts alike."""
    rows = session.execute(
        select(Record.id, Record.type, Record.fields, Record.conflicts, Record.delete_conflict)
        .where((Record.conflicts != "") | Record.delete_conflict.is_(True))
        .order_by(Record.type, Record.id)
    ).all()
    out: list[Conflict] = []
    for row in rows:
        fields = json.loads(row.fields)
        label = _label(row.type, fields, row.id)
        if row.delete_conflict:
            deleting = shown_sibling(fields[DELETED])
            ctx = (deleting or {}).get("ctx") or {}
            unseen = [
                {"field": name, **s}
                for name, sibs in fields.items()
                if name != DELETED
                for s in sibs
                if not covered(s["at"], ctx)
            ]
            out.append(
                Conflict(row.id, row.type, "delete_edit", None, [deleting or {}, *unseen], label)
            )
        for name in row.conflicts.split():
            out.append(Conflict(row.id, row.type, "field", name, fields[name], label))
    return out


def _broken_refs(session: Session) -> list[Finding]:
    """References from live records to unknown or deleted ones, found by SQL joins."""
    out: list[Finding] = []
    for type_name, rtype in TYPES.items():
        for spec in rtype.fields.values():
            if spec.kind != "ref":
                continue
            rows = session.execute(
                text(
                    f'SELECT p.id, p."{spec.name}", r.id IS NULL FROM "{type_name}" p'
                    f' LEFT JOIN record r ON r.id = p."{spec.name}"'
                    f' WHERE p.deleted = 0 AND p."{spec.name}" IS NOT NULL'
                    " AND (r.id IS NULL OR r.deleted = 1)"
                )
            )
            for rid, target, missing in rows:
                state = "unknown" if missing else "deleted"
                out.append(
                    Finding(
                        rid,
                        type_name,
                        "missing_ref" if missing else "deleted_ref",
                        spec.name,
                        f"{type_name} {rid}: {spec.name} points to {target}, which is {state}.",
                    )
                )
    return out


def integrity_findings(session: Session) -> list[Finding]:
    """References to deleted or unknown records, actions ending first, dependency cycles."""
    out = _broken_refs(session)
    for action in session.execute(
        select(Action.id, Action.start, Action.end).where(
            Action.deleted.is_(False), Action.end < Action.start
        )
    ):
        out.append(
            Finding(
                action.id,
                "action",
                "end_before_start",
                "end",
                f"action {action.id} ends ({action.end}) before it starts ({action.start}).",
            )
        )
    edges = session.execute(
        select(Dependency.id, Dependency.from_, Dependency.to).where(Dependency.deleted.is_(False))
    ).all()
    for cycle in dependency_cycles((e.from_, e.to, e.id) for e in edges):
        chain = " -> ".join(cycle.actions + cycle.actions[:1])
        for dep_id in cycle.dependencies:
            out.append(
                Finding(
                    dep_id,
                    "dependency",
                    "dependency_cycle",
                    None,
                    f"dependency {dep_id} is part of a cycle: {chain}.",
                )
            )
    return sorted(out, key=lambda f: (f.kind, f.record, f.field or ""))


@dataclass(frozen=True, slots=True)
class Cycle:
    actions: list[str]
    dependencies: list[str]


def dependency_cycles(edges: Iterable[tuple[str | None, str | None, str]]) -> list[Cycle]:
    """Cycles among dependencies (Tarjan's strongly connected components, iteratively)."""
    graph: dict[str, list[tuple[str, str]]] = {}
    for src, dst, dep_id in edges:
        if src is None or dst is None:
            continue
        graph.setdefault(src, []).append((dst, dep_id))
        graph.setdefault(dst, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            succs = graph[node]
            if i < len(succs):
                work.append((node, i + 1))
                nxt = succs[i][0]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                comp = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    comp.append(top)
                    if top == node:
                        break
                self_loop = any(dst == node for dst, _ in graph[node])
                if len(comp) > 1 or self_loop:
                    components.append(sorted(comp))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    cycles = []
    for comp in components:
        members = set(comp)
        deps = sorted(d for n in comp for dst, d in graph[n] if dst in members)
        cycles.append(Cycle(comp, deps))
    return cycles


def ask_rollups(session: Session) -> dict[str, AskRollup]:
    """RAG and progress per ask from its actions that are not deleted."""
    acts: dict[str, list[tuple[str | None, int | None]]] = {}
    for ask, rag, progress in session.execute(
        select(Action.ask, Action.rag, Action.progress).where(
            Action.deleted.is_(False), Action.ask.is_not(None)
        )
    ):
        acts.setdefault(ask, []).append((rag, progress))
    pledges = _answering_pledges(session)
    out: dict[str, AskRollup] = {}
    for (ask_id,) in session.execute(select(Ask.id).where(Ask.deleted.is_(False))):
        mine = acts.get(ask_id, [])
        rags = [r for r, _ in mine if r in RAG_ORDER]
        progress = [p for _, p in mine if p is not None]
        out[ask_id] = AskRollup(
            ask_id,
            max(rags, key=RAG_ORDER.__getitem__) if rags else None,
            round(sum(progress) / len(progress)) if progress else None,
            len(mine),
            pledges.get(ask_id, []),
        )
    return out


def _answering_pledges(session: Session) -> dict[str, list[str]]:
    """ask id -> ids of live pledges that respond to it through live links."""
    rows = session.execute(
        select(Link.to, Link.from_)
        .join(Pledge, Pledge.id == Link.from_)
        .where(Link.role == "responds_to", Link.deleted.is_(False), Pledge.deleted.is_(False))
    ).all()
    out: dict[str, list[str]] = {}
    for ask_id, pledge_id in rows:
        out.setdefault(ask_id, []).append(pledge_id)
    return out


_CLOSED_ASK = ("declined", "withdrawn")
_CLOSED_PLEDGE = ("met", "partly_met", "not_met", "withdrawn")
_CLOSED_ACTION = ("done", "cancelled")


def gaps(session: Session, today: dt.date) -> list[Gap]:
    """What the plan still lacks, in the order the overview lists it."""
    out: list[Gap] = []
    answered = _answering_pledges(session)
    for a in session.execute(
        select(Ask).where(Ask.deleted.is_(False)).order_by(Ask.rank, Ask.id)
    ).scalars():
        if a.id not in answered and a.status not in _CLOSED_ASK:
            out.append(
                Gap("ask_without_pledge", a.id, "ask", a.title or "", "No pledge answers this ask.")
            )
    with_action = {
        p
        for (p,) in session.execute(
            select(Action.pledge).where(Action.deleted.is_(False), Action.pledge.is_not(None))
        )
    }
    pledges = (
        session.execute(
            select(Pledge).where(Pledge.deleted.is_(False)).order_by(Pledge.ref_code, Pledge.title)
        )
        .scalars()
        .all()
    )
    for p in pledges:
        if p.id not in with_action and p.lifecycle != "withdrawn":
            out.append(
                Gap(
                    "pledge_without_action", p.id, "pledge", p.title or "", "No action delivers it."
                )
            )
    actions = (
        session.execute(
            select(Action).where(Action.deleted.is_(False)).order_by(Action.start, Action.id)
        )
        .scalars()
        .all()
    )
    live = [a for a in actions if a.status != "cancelled"]
    for a in live:
        if a.public_owner is None:
            out.append(
                Gap(
                    "action_without_public_owner",
                    a.id,
                    "action",
                    a.title or "",
                    "No public-sector owner.",
                )
            )
        if a.community_owner is None:
            out.append(
                Gap(
                    "action_without_community_owner",
                    a.id,
                    "action",
                    a.title or "",
                    "No community owner.",
                )
            )
    for a in live:
        if a.end is not None and a.end < today and a.status not in _CLOSED_ACTION:
            out.append(Gap("overdue_action", a.id, "action", a.title or "", f"Was due {a.end}."))
    for p in pledges:
        if p.due is not None and p.due < today and p.lifecycle not in _CLOSED_PLEDGE:
            out.append(Gap("overdue_pledge", p.id, "pledge", p.title or "", f"Was due {p.due}."))
    for a in live:
        if a.milestone and not (a.deliverable or "").strip():
            out.append(
                Gap(
                    "milestone_without_deliverable",
                    a.id,
                    "action",
                    a.title or "",
                    "Milestone with nothing to verify.",
                )
            )
    return out


def plan_elapsed(session: Session, today: dt.date) -> float | None:
    """How far through its period the plan is, 0.0 to 1.0, or None without a period."""
    plan = session.execute(select(Plan).where(Plan.deleted.is_(False))).scalars().first()
    if plan is None or plan.period_start is None or plan.period_end is None:
        return None
    total = (plan.period_end - plan.period_start).days
    if total <= 0:
        return None
    return min(1.0, max(0.0, (today - plan.period_start).days / total))
