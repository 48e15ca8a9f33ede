"""What is derived from the plan and never stored: rollups, gaps, conflicts, integrity findings.

Every copy computes these the same way from the same records (docs/exchange-format.md "The state
of a record"), so the overview, ``plantui check``, ``plantui conflicts`` and the reports all
agree. The queries are plain SQL over the projection tables on a bare ``sqlite3`` connection (a
snapshot; an import passes its transaction's own): the Overview is drawn from them before
SQLAlchemy has even been imported.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from plantui.domain import DATE_ORDER, DELETED, TYPES, date_order_error, record_label
from plantui.merge import covered, shown_sibling, shown_values

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


GapKind = Literal[
    "ask_without_pledge",
    "pledge_without_action",
    "action_without_public_owner",
    "action_without_community_owner",
    "overdue_action",
    "overdue_pledge",
    "milestone_without_deliverable",
]


@dataclass(frozen=True, slots=True)
class Gap:
    """Something the plan still lacks (docs/record-model.md "Derived, never stored")."""

    kind: GapKind
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
    return record_label(type_name, shown_values(fields), record_id)


def open_conflicts(con: sqlite3.Connection) -> list[Conflict]:
    """Every open conflict, field conflicts and delete/edit conflicts alike."""
    rows = con.execute(
        "SELECT id, type, fields, conflicts, delete_conflict FROM record"
        " WHERE conflicts != '' OR delete_conflict = 1 ORDER BY type, id"
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
    edges = con.execute('SELECT "from", "to", id FROM dependency WHERE deleted = 0').fetchall()
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


def ask_rollups(con: sqlite3.Connection) -> dict[str, AskRollup]:
    """RAG and progress per ask from its actions that are not deleted: the worst RAG, and
    the mean progress of those that have one (rounded half to even, as Python rounds).
    Summed in SQL: a plan of 20,000 actions is one pass in C, not 20,000 Python rows."""
    worst = " ".join(f"WHEN '{rag}' THEN {order}" for rag, order in RAG_ORDER.items())
    rag_of = {order: rag for rag, order in RAG_ORDER.items()}
    sums = {
        ask: (rag, total, counted, count)
        for ask, rag, total, counted, count in con.execute(
            f"SELECT ask, MAX(CASE rag {worst} END), SUM(progress), COUNT(progress), COUNT(*)"
            " FROM action WHERE deleted = 0 AND ask IS NOT NULL GROUP BY ask"
        )
    }
    pledges = _answering_pledges(con)
    out: dict[str, AskRollup] = {}
    for (ask_id,) in con.execute("SELECT id FROM ask WHERE deleted = 0"):
        rag, total, counted, count = sums.get(ask_id, (None, None, 0, 0))
        out[ask_id] = AskRollup(
            ask_id,
            rag_of.get(rag) if rag is not None else None,
            round(total / counted) if counted else None,
            count,
            pledges.get(ask_id, []),
        )
    return out


def _answering_pledges(con: sqlite3.Connection) -> dict[str, list[str]]:
    """ask id -> ids of live pledges that respond to it through live links."""
    rows = con.execute(
        'SELECT l."to", l."from" FROM link l JOIN pledge p ON p.id = l."from"'
        " WHERE l.role = 'responds_to' AND l.deleted = 0 AND p.deleted = 0"
    )
    out: dict[str, list[str]] = {}
    for ask_id, pledge_id in rows:
        out.setdefault(ask_id, []).append(pledge_id)
    return out


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


CLOSED_ASK = ("declined", "withdrawn")
CLOSED_PLEDGE = ("met", "partly_met", "not_met", "withdrawn")
CLOSED_ACTION = ("done", "cancelled")


def pledge_overdue(due: str | dt.date | None, lifecycle: str | None, today: dt.date) -> bool:
    """Past its due date and not closed (met, partly met, not met or withdrawn).
    ``due`` may be the ISO text the projection stores: it sorts as the dates do."""
    return due is not None and str(due) < today.isoformat() and lifecycle not in CLOSED_PLEDGE


def _named(con: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    """Rows with columns by name, on any connection (the row factory is the cursor's own)."""
    cursor = con.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql).fetchall()


def _action_gap(kind: GapKind, action: sqlite3.Row, message: str) -> Gap:
    return Gap(kind, action["id"], "action", action["title"] or "", message)


def gaps(con: sqlite3.Connection, today: dt.date) -> list[Gap]:
    """What the plan still lacks, in the order the overview lists it."""
    out: list[Gap] = []
    answered = _answering_pledges(con)
    for a in ranked_asks(con):
        if a.id not in answered and a.status not in CLOSED_ASK:
            out.append(
                Gap("ask_without_pledge", a.id, "ask", a.title or "", "No pledge answers this ask.")
            )
    with_action = {
        p
        for (p,) in con.execute(
            "SELECT pledge FROM action WHERE deleted = 0 AND pledge IS NOT NULL"
        )
    }
    pledges = _named(
        con,
        "SELECT id, title, lifecycle, due FROM pledge WHERE deleted = 0 ORDER BY ref_code, title",
    )
    for p in pledges:
        if p["id"] not in with_action and p["lifecycle"] != "withdrawn":
            out.append(
                Gap(
                    "pledge_without_action",
                    p["id"],
                    "pledge",
                    p["title"] or "",
                    "No action delivers it.",
                )
            )
    live = _named(
        con,
        'SELECT id, title, status, public_owner, community_owner, "end", milestone, deliverable'
        " FROM action WHERE deleted = 0 AND status IS NOT 'cancelled' ORDER BY start, id",
    )
    for act in live:
        if act["public_owner"] is None:
            out.append(_action_gap("action_without_public_owner", act, "No public-sector owner."))
        if act["community_owner"] is None:
            out.append(_action_gap("action_without_community_owner", act, "No community owner."))
    today_text = today.isoformat()  # dates are stored as ISO text, which sorts as dates do
    for act in live:
        if (
            act["end"] is not None
            and act["end"] < today_text
            and act["status"] not in CLOSED_ACTION
        ):
            out.append(_action_gap("overdue_action", act, f"Was due {act['end']}."))
    for p in pledges:
        if pledge_overdue(p["due"], p["lifecycle"], today):
            out.append(
                Gap("overdue_pledge", p["id"], "pledge", p["title"] or "", f"Was due {p['due']}.")
            )
    for act in live:
        if act["milestone"] and not (act["deliverable"] or "").strip():
            out.append(
                _action_gap(
                    "milestone_without_deliverable", act, "Milestone with nothing to verify."
                )
            )
    return out


def plan_elapsed(con: sqlite3.Connection, today: dt.date) -> float | None:
    """How far through its period the plan is, 0.0 to 1.0, or None without a period."""
    plan = plan_head(con)
    if plan is None or plan.period_start is None or plan.period_end is None:
        return None
    total = (plan.period_end - plan.period_start).days
    if total <= 0:
        return None
    return min(1.0, max(0.0, (today - plan.period_start).days / total))
