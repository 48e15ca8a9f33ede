"""The whole schedule as the timeline shows it: rows under asks, filters, relations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from plantui.domain import NO_RAG
from plantui.queries.rollups import RAG_ORDER
from plantui.schedule.bars import (
    NO_ASK,
    AskGroup,
    Bar,
    CriticalPath,
    Dep,
    EventMark,
    Row,
    Violation,
    bar_order,
)
from plantui.schedule.rules import critical_path, violations


@dataclass(frozen=True, slots=True)
class BarFilter:
    """Which actions the timeline shows: by owner (either side), RAG, status and ask (the
    ask is the row group's, so actions of a deleted ask count as answering none)."""

    owner: str | None = None
    rag: str | None = None
    status: str | None = None
    ask: str | None = None
    """An ask id, or NO_ASK for the actions that answer none."""

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.owner, self.rag, self.status, self.ask))

    def keeps(self, bar: Bar) -> bool:
        if self.owner is not None and self.owner not in (bar.community_owner, bar.public_owner):
            return False
        if self.rag is not None and (bar.rag or NO_RAG) != self.rag:
            return False
        return self.status is None or (bar.status or "") == self.status


# -- the whole schedule -----------------------------------------------------------------------


@dataclass
class Schedule:
    """Everything the timeline shows, computed once per reload."""

    title: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    asks: list[AskGroup] = field(default_factory=list)
    bars: dict[str, Bar] = field(default_factory=dict)
    deps: list[Dep] = field(default_factory=list)
    events: list[EventMark] = field(default_factory=list)
    organisations: dict[str, str] = field(default_factory=dict)
    pledges: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.preds: dict[str, list[Dep]] = {}
        self.succs: dict[str, list[Dep]] = {}
        for dep in self.deps:
            if dep.pred in self.bars and dep.succ in self.bars:
                self.succs.setdefault(dep.pred, []).append(dep)
                self.preds.setdefault(dep.succ, []).append(dep)
        self.violations = violations(self.bars, self.deps)
        self.violated_by: dict[str, list[Violation]] = {}
        for v in self.violations:
            self.violated_by.setdefault(v.dep.succ, []).append(v)
            self.violated_by.setdefault(v.dep.pred, []).append(v)
        self.violated_deps = {v.dep.id for v in self.violations}
        self.children: dict[str, list[str]] = {}
        for bar in self.bars.values():
            if bar.parent in self.bars and bar.parent != bar.id:
                self.children.setdefault(bar.parent, []).append(bar.id)
        self._groups = self._group_rows()
        self._critical: CriticalPath | None = None
        self.ask_ids = {a.id for a in self.asks}

    # rows

    def _group_rows(self) -> list[tuple[str, list[Row]]]:
        """Actions under each ask, children after their parent, each level by date."""
        by_group: dict[str, list[Bar]] = {}
        known = {a.id for a in self.asks}
        for bar in self.bars.values():
            group = bar.ask if bar.ask in known else NO_ASK
            by_group.setdefault(group, []).append(bar)
        keys = [a.id for a in self.asks]
        if NO_ASK in by_group:
            keys.append(NO_ASK)
        return [(key, _nested_rows(key, by_group.get(key, []))) for key in keys]

    def rows(
        self, collapsed: frozenset[str] | set[str] = frozenset(), only: BarFilter | None = None
    ) -> list[Row]:
        """The visible rows: each ask heading, then its actions unless it is folded; with a
        filter, only the actions it keeps and the asks that still have some."""
        out: list[Row] = []
        for key, rows in self._groups:
            if only is not None and only.ask is not None and key != only.ask:
                continue
            kept = rows if only is None else [r for r in rows if only.keeps(self.bars[r.id])]
            if only is not None and not kept:
                continue
            out.append(Row("ask", key, key))
            if key not in collapsed:
                out.extend(kept)
        return out

    def group_title(self, key: str) -> str:
        for ask in self.asks:
            if ask.id == key:
                return ask.label
        return "Actions without an ask"

    def group_bars(self, key: str) -> list[Bar]:
        for group, rows in self._groups:
            if group == key:
                return [self.bars[r.id] for r in rows]
        return []

    def group_rag(self, key: str) -> str | None:
        """An ask's RAG: the worst of its actions' (docs/record-model.md)."""
        rags = [b.rag for b in self.group_bars(key) if b.rag in RAG_ORDER]
        return max(rags, key=RAG_ORDER.__getitem__) if rags else None

    def group_progress(self, key: str) -> int | None:
        values = [b.progress for b in self.group_bars(key) if b.progress is not None]
        return round(sum(values) / len(values)) if values else None

    def group_span(self, key: str) -> tuple[dt.date, dt.date] | None:
        days = [d for b in self.group_bars(key) for d in (b.first, b.last) if d is not None]
        return (min(days), max(days)) if days else None

    # dates

    def date_range(self, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """The days the timeline covers: the plan period, widened to every bar (events
        outside it are not worth a wider chart)."""
        days = [d for b in self.bars.values() for d in (b.first, b.last) if d is not None]
        days += [d for b in self.bars.values() for d in (b.baseline_start, b.baseline_end) if d]
        first = self.period_start or (min(days) if days else None)
        last = self.period_end or (max(days) if days else None)
        if first is None or last is None:
            base = today or dt.date.today()
            first, last = first or base, last or base + dt.timedelta(days=365)
        if days:
            first, last = min(first, min(days)), max(last, max(days))
        return first, max(first, last)

    # relations

    def related(self, action_id: str) -> tuple[set[str], set[str]]:
        """The selected action's direct predecessors and successors."""
        preds = {d.pred for d in self.preds.get(action_id, [])}
        succs = {d.succ for d in self.succs.get(action_id, [])}
        return preds, succs

    def reaches(self, start: str, goal: str) -> bool:
        """True if ``goal`` already waits (directly or not) on ``start``."""
        seen = {start}
        todo = [start]
        while todo:
            node = todo.pop()
            if node == goal:
                return True
            for d in self.succs.get(node, []):
                if d.succ not in seen:
                    seen.add(d.succ)
                    todo.append(d.succ)
        return False

    @property
    def critical(self) -> CriticalPath:
        if self._critical is None:
            self._critical = critical_path(self.bars, self.deps)
        return self._critical

    def next_milestone(self, action_id: str, today: dt.date) -> Bar | None:
        """The first milestone on or after today that this action leads to (itself, its
        children or anything waiting on it), else the next one of its ask."""
        seen = {action_id}
        todo = [action_id]
        found: list[Bar] = []
        while todo:
            node = todo.pop()
            bar = self.bars[node]
            if bar.milestone and bar.first and bar.first >= today:
                found.append(bar)
            nexts = [d.succ for d in self.succs.get(node, [])]
            nexts += self.children.get(node, [])
            for n in nexts:
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        if found:
            return min(found, key=bar_order)
        bar = self.bars[action_id]
        return self.ask_next_milestone(bar.ask if bar.ask in self.ask_ids else NO_ASK, today)

    def ask_next_milestone(self, key: str, today: dt.date) -> Bar | None:
        """The ask's first milestone on or after today that is not done or cancelled."""
        found = [
            b
            for b in self.group_bars(key)
            if b.milestone
            and b.first
            and b.first >= today
            and b.status not in ("done", "cancelled")
        ]
        return min(found, key=bar_order) if found else None


def _nested_rows(key: str, bars: list[Bar]) -> list[Row]:
    """One ask's rows: children after their parent, each level by date (a parent in a loop
    is shown flat rather than lost)."""
    members = sorted(bars, key=bar_order)
    ids = {b.id for b in members}
    nested = [b for b in members if b.parent in ids and b.parent != b.id]
    if not nested:  # the common case: no action is part of another
        return [Row("action", b.id, key, 0) for b in members]
    children: dict[str | None, list[Bar]] = {}
    for b in members:
        parent = b.parent if b.parent in ids and b.parent != b.id else None
        children.setdefault(parent, []).append(b)
    rows: list[Row] = []
    placed: set[str] = set()
    stack = [(b, 0) for b in reversed(children.get(None, []))]
    while stack:
        bar, depth = stack.pop()
        if bar.id in placed:
            continue
        placed.add(bar.id)
        rows.append(Row("action", bar.id, key, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(bar.id, [])))
    rows.extend(Row("action", b.id, key, 0) for b in members if b.id not in placed)
    return rows
