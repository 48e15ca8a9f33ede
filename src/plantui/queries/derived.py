"""What is derived from the plan and never stored: gaps, conflicts, integrity findings (the
asks' rollups are in ``plantui.queries.rollups``).

Every copy computes these the same way from the same records (docs/exchange-format.md "The state
of a record"), so the overview, ``plantui check``, ``plantui conflicts`` and the reports all
agree. The queries are plain SQL over the projection tables, readable from a session or a bare
``sqlite3`` snapshot: the Overview is drawn from them before SQLAlchemy has even been imported.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from plantui.domain import DATE_ORDER, DELETED, TYPES, date_order_error, record_label
from plantui.merge import covered, shown_sibling, shown_values
from plantui.queries.gaps import CLOSED_ACTION as CLOSED_ACTION
from plantui.queries.gaps import CLOSED_ASK as CLOSED_ASK
from plantui.queries.gaps import CLOSED_PLEDGE as CLOSED_PLEDGE
from plantui.queries.gaps import Gap as Gap
from plantui.queries.gaps import GapKind as GapKind
from plantui.queries.gaps import gaps as gaps


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


def _label(type_name: str, fields: dict[str, list[dict[str, Any]]], record_id: str) -> str:
    return record_label(type_name, shown_values(fields), record_id)


OPEN_CONFLICT = "conflicts != '' OR delete_conflict = 1"
"""Records with an open conflict (the flags every write keeps on the ``record`` row)."""


def open_conflicts(con: sqlite3.Connection, records: int = -1) -> list[Conflict]:
    """Every open conflict, field conflicts and delete/edit conflicts alike; or those of the
    first ``records`` records with any."""
    rows = con.execute(
        "SELECT id, type, fields, conflicts, delete_conflict FROM record"
        f" WHERE {OPEN_CONFLICT} ORDER BY type, id LIMIT ?",
        (records,),
    )
    out: list[Conflict] = []
    for record_id, type_name, fields_json, conflicts, delete_conflict in rows:
        fields = json.loads(fields_json)
        label = _label(type_name, fields, record_id)
        if delete_conflict:
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
                Conflict(
                    record_id, type_name, "delete_edit", None, [deleting or {}, *unseen], label
                )
            )
        for name in conflicts.split():
            out.append(Conflict(record_id, type_name, "field", name, fields[name], label))
    return out


def first_conflicts(con: sqlite3.Connection, first: int) -> tuple[int, list[Conflict]]:
    """How many conflicts :func:`open_conflicts` lists, and its first ``first``."""
    flags = con.execute(f"SELECT conflicts, delete_conflict FROM record WHERE {OPEN_CONFLICT}")
    count = sum(len(names.split()) + bool(deleting) for names, deleting in flags)
    return count, open_conflicts(con, first)[:first]  # a record has at least one


def _broken_refs(con: sqlite3.Connection) -> list[Finding]:
    """References from live records to unknown or deleted ones, found by SQL joins."""
    out: list[Finding] = []
    for type_name, rtype in TYPES.items():
        for spec in rtype.fields.values():
            if spec.kind != "ref":
                continue
            rows = con.execute(
                f'SELECT p.id, p."{spec.name}", r.id IS NULL FROM "{type_name}" p'
                f' LEFT JOIN record r ON r.id = p."{spec.name}"'
                f' WHERE p.deleted = 0 AND p."{spec.name}" IS NOT NULL'
                " AND (r.id IS NULL OR r.deleted = 1)"
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


def integrity_findings(con: sqlite3.Connection) -> list[Finding]:
    """References to deleted or unknown records, ends before starts, dependency cycles."""
    out = _broken_refs(con)
    for type_name, pairs in DATE_ORDER.items():
        for start, end in pairs:
            # Days compare as text; event times (offsets) only in Python.
            days = TYPES[type_name].fields[start].kind == "date"
            for record_id, first, last in con.execute(
                f'SELECT id, "{start}", "{end}" FROM "{type_name}"'
                f' WHERE deleted = 0 AND "{start}" IS NOT NULL AND "{end}" IS NOT NULL'
                + (f' AND "{end}" < "{start}"' if days else "")
            ):
                error = date_order_error(type_name, {start: first, end: last})
                if error is not None:
                    out.append(
                        Finding(
                            record_id,
                            type_name,
                            "end_before_start",
                            end,
                            f"{type_name} {record_id}: {error}.",
                        )
                    )
    # A dependency from an action nothing leads into, or to one nothing leads out of, is on no
    # cycle: the indexes leave the ends of a plan's chains out before any edge is read.
    edges = con.execute(
        'SELECT "from", "to", id FROM dependency d WHERE deleted = 0 AND EXISTS'
        ' (SELECT 1 FROM dependency i WHERE i."to" = d."from" AND i.deleted = 0) AND EXISTS'
        ' (SELECT 1 FROM dependency o WHERE o."from" = d."to" AND o.deleted = 0)'
    ).fetchall()
    for cycle in dependency_cycles(edges):
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


def _on_cycles(edges: Iterable[tuple[str | None, str | None, str]]) -> list[tuple[str, str, str]]:
    """The edges that may lie on a cycle: those left after peeling off, again and again, every
    action nothing leads into or nothing leads out of (linear; a plan's chains all go)."""
    kept = [(src, dst, dep) for src, dst, dep in edges if src is not None and dst is not None]
    ins: dict[str, list[int]] = {}
    outs: dict[str, list[int]] = {}
    for n, (src, dst, _) in enumerate(kept):
        outs.setdefault(src, []).append(n)
        ins.setdefault(dst, []).append(n)
    in_deg = {node: len(ns) for node, ns in ins.items()}
    out_deg = {node: len(ns) for node, ns in outs.items()}
    gone = [False] * len(kept)
    peel = [node for node in {*ins, *outs} if not in_deg.get(node) or not out_deg.get(node)]
    while peel:
        node = peel.pop()
        for n in ins.get(node, []) + outs.get(node, []):
            if gone[n]:
                continue
            gone[n] = True
            src, dst, _ = kept[n]
            out_deg[src] -= 1
            in_deg[dst] -= 1
            for end in (src, dst):
                if end != node and (in_deg.get(end) == 0 or out_deg.get(end) == 0):
                    peel.append(end)
    return [edge for n, edge in enumerate(kept) if not gone[n]]


def dependency_cycles(edges: Iterable[tuple[str | None, str | None, str]]) -> list[Cycle]:
    """Cycles among dependencies (Tarjan's strongly connected components, iteratively), in
    the order of their first action."""
    graph: dict[str, list[tuple[str, str]]] = {}
    for src, dst, dep_id in _on_cycles(edges):
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
    return sorted(cycles, key=lambda c: c.actions)


@dataclass(frozen=True, slots=True)
class PlanHead:
    """The plan's own facts, as the Overview and the reports head them."""

    id: str
    title: str | None
    area: str | None
    status: str | None
    period_start: dt.date | None
    period_end: dt.date | None


@dataclass(frozen=True, slots=True)
class AskLine:
    """An ask as lists in priority order show it."""

    id: str
    ref_code: str | None
    title: str | None
    status: str | None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def plan_head(con: sqlite3.Connection) -> PlanHead | None:
    """The live plan record, if there is one."""
    row = con.execute(
        "SELECT id, title, area, status, period_start, period_end FROM plan"
        " WHERE deleted = 0 LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return PlanHead(row[0], row[1], row[2], row[3], _date(row[4]), _date(row[5]))


def ranked_asks(con: sqlite3.Connection) -> list[AskLine]:
    """Live asks in priority order (their fractional rank, then id)."""
    rows = con.execute(
        "SELECT id, ref_code, title, status FROM ask WHERE deleted = 0 ORDER BY rank, id"
    )
    return [AskLine(*row) for row in rows]


def plan_elapsed(con: sqlite3.Connection, today: dt.date) -> float | None:
    """How far through its period the plan is, 0.0 to 1.0, or None without a period."""
    plan = plan_head(con)
    if plan is None or plan.period_start is None or plan.period_end is None:
        return None
    total = (plan.period_end - plan.period_start).days
    if total <= 0:
        return None
    return min(1.0, max(0.0, (today - plan.period_start).days / total))
