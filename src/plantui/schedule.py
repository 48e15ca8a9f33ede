"""The plan's schedule, headless: rows, bar geometry, dependency rules and the critical path.

The timeline screen draws from this model and nothing else, so everything it shows (which
dependency is violated, which bars are critical, where a bar sits at a zoom level) is plain
Python that tests can check without a terminal.

Dates are whole days. An action occupies its days ``start..end`` inclusive, so it *finishes*
at the beginning of the day after ``end``. A milestone marks one day: what ends that day may
lead into it and what starts that day may follow it (its start is the end of its day and its
finish the beginning, for the dependency rules).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

from plantui.derived import RAG_ORDER, dependency_cycles
from plantui.domain import drawable_day, drawable_days
from plantui.storage.database import as_sqlite
from plantui.text import one_line

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DAY = dt.timedelta(days=1)
Zoom = Literal["week", "month", "quarter"]
ZOOMS: tuple[Zoom, ...] = ("week", "month", "quarter")
ZOOM_DAYS: dict[str, int] = {"week": 1, "month": 3, "quarter": 7}
"""Days per column at each zoom: a day, three days, a week."""
DEP_KINDS = ("FS", "SS", "FF", "SF")
NO_ASK = ""
"""Group key of actions that answer no ask."""


@dataclass(slots=True)
class Bar:
    """One action as the timeline needs it (treat as read-only; ``label`` is safe to show)."""

    id: str
    title: str
    ref_code: str = ""
    ask: str | None = None
    parent: str | None = None
    pledge: str | None = None
    community_owner: str | None = None
    public_owner: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    baseline_start: dt.date | None = None
    baseline_end: dt.date | None = None
    status: str | None = None
    rag: str | None = None
    progress: int | None = None
    milestone: bool = False
    date_confidence: str | None = None

    @property
    def first(self) -> dt.date | None:
        """The first day the bar covers (start, or end when only that is known)."""
        return self.start or self.end

    @property
    def last(self) -> dt.date | None:
        """The last day the bar covers."""
        if self.milestone:
            return self.first
        return self.end or self.start

    @property
    def duration_days(self) -> int:
        """Days covered, counting both ends; a milestone (or an undated action) takes none."""
        if self.milestone or self.first is None or self.last is None:
            return 0
        return max(0, (self.last - self.first).days + 1)

    @property
    def moved(self) -> bool:
        """True when a baseline exists and the dates no longer match it."""
        if self.baseline_start is None and self.baseline_end is None:
            return False
        return (self.baseline_start, self.baseline_end) != (self.start, self.end)

    @property
    def label(self) -> str:
        """Ref code and title as one line with control characters stripped."""
        return one_line(f"{self.ref_code} {self.title}")

    def start_point(self) -> dt.date | None:
        """When the action starts, for dependency rules."""
        if self.first is None:
            return None
        return self.first + DAY if self.milestone else self.first

    def finish_point(self) -> dt.date | None:
        """When the action finishes, for dependency rules (the day after its last day)."""
        if self.last is None:
            return None
        return self.last if self.milestone else self.last + DAY


@dataclass(frozen=True, slots=True)
class Dep:
    """A dependency: ``succ`` cannot start/finish until ``pred`` does (kind), plus lag."""

    id: str
    pred: str
    succ: str
    kind: str = "FS"
    lag: int = 0


@dataclass(frozen=True, slots=True)
class AskGroup:
    """An ask heading the rows of its actions."""

    id: str
    title: str
    ref_code: str = ""
    rank: str | None = None

    @property
    def label(self) -> str:
        return f"{self.ref_code} {self.title}".strip()


@dataclass(frozen=True, slots=True)
class EventMark:
    """An event's day, drawn as a vertical marker."""

    id: str
    day: dt.date
    title: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Violation:
    """A dependency its successor breaks, by how many days."""

    dep: Dep
    days_short: int

    def describe(self, bars: dict[str, Bar]) -> str:
        """One plain sentence a coordinator can act on."""
        pred = bars[self.dep.pred].label
        succ = bars[self.dep.succ].label
        what = {"FS": "starts", "SS": "starts", "FF": "finishes", "SF": "finishes"}[self.dep.kind]
        when = {"FS": "finishes", "SS": "starts", "FF": "finishes", "SF": "starts"}[self.dep.kind]
        lag = f" + {self.dep.lag} days" if self.dep.lag else ""
        days = "day" if self.days_short == 1 else "days"
        return (
            f"{succ} {what} {self.days_short} {days} too early: it must wait until "
            f"{pred} {when}{lag} ({self.dep.kind})."
        )


class Row(NamedTuple):
    """One line of the timeline: an ask heading or an action under it."""

    kind: Literal["ask", "action"]
    id: str
    group: str
    depth: int = 0


@dataclass(frozen=True, slots=True)
class CriticalPath:
    """The longest chain of dependent actions by duration (plus lags)."""

    actions: tuple[str, ...] = ()
    deps: tuple[str, ...] = ()
    days: int = 0


# -- dependency rules -------------------------------------------------------------------------


def required_point(pred: Bar, kind: str, lag: int) -> dt.date | None:
    """The earliest moment the successor's constrained point (start or finish) may fall."""
    base = pred.finish_point() if kind in ("FS", "FF") else pred.start_point()
    return None if base is None else base + dt.timedelta(days=lag)


def days_short(pred: Bar, succ: Bar, kind: str = "FS", lag: int = 0) -> int | None:
    """How many days too early the successor is (0 if it is fine), or None without dates."""
    need = required_point(pred, kind, lag)
    have = succ.start_point() if kind in ("FS", "SS") else succ.finish_point()
    if need is None or have is None:
        return None
    return max(0, (need - have).days)


def earliest_start(pred: Bar, succ: Bar, kind: str = "FS", lag: int = 0) -> dt.date | None:
    """The earliest ``start`` the successor may have, keeping its duration."""
    need = required_point(pred, kind, lag)
    if need is None or succ.first is None:
        return None
    if kind in ("FS", "SS"):
        return need - DAY if succ.milestone else need
    # FF/SF constrain the finish; translate back to a start of the same length.
    span = (succ.last - succ.first) if succ.last else dt.timedelta(0)
    last = need if succ.milestone else need - DAY
    return last - span


def violations(bars: dict[str, Bar], deps: Iterable[Dep]) -> list[Violation]:
    """Every dependency whose successor starts or finishes before its predecessor allows."""
    out: list[Violation] = []
    for dep in deps:
        pred, succ = bars.get(dep.pred), bars.get(dep.succ)
        if pred is None or succ is None or dep.pred == dep.succ:
            continue
        if "cancelled" in (pred.status, succ.status):
            continue
        short = days_short(pred, succ, dep.kind, dep.lag)
        if short:
            out.append(Violation(dep, short))
    return out


def critical_path(bars: dict[str, Bar], deps: Iterable[Dep]) -> CriticalPath:
    """The longest path through the dependency graph by duration: the chain of links that
    fixes when the last dependent action can finish, if every action started as early as its
    links allow (the critical path method, honouring FS/SS/FF/SF and lags). Links that form a
    cycle are left out, so a loop can never hang the screen; ties go to the chain that
    starts earliest, for a stable picture."""
    live = [
        d
        for d in deps
        if d.pred in bars
        and d.succ in bars
        and d.pred != d.succ
        and "cancelled" not in (bars[d.pred].status, bars[d.succ].status)
    ]
    in_cycle = _cycle_deps(live)
    edges = [d for d in live if d.id not in in_cycle]
    if not edges:
        return CriticalPath()
    nodes = sorted({d.pred for d in edges} | {d.succ for d in edges}, key=lambda i: _order(bars[i]))
    rank = {n: i for i, n in enumerate(nodes)}
    incoming: dict[str, list[Dep]] = {n: [] for n in nodes}
    outgoing: dict[str, list[Dep]] = {n: [] for n in nodes}
    for d in sorted(edges, key=lambda d: (rank[d.pred], rank[d.succ], d.kind, d.id)):
        incoming[d.succ].append(d)
        outgoing[d.pred].append(d)
    # Kahn's topological order, in the stable node order.
    waiting = {n: len(incoming[n]) for n in nodes}
    ready = [n for n in nodes if waiting[n] == 0]
    order: list[str] = []
    while ready:
        node = ready.pop(0)
        order.append(node)
        for d in outgoing[node]:
            waiting[d.succ] -= 1
            if waiting[d.succ] == 0:
                ready.append(d.succ)
    early: dict[str, int] = {}
    via: dict[str, Dep | None] = {}
    for node in order:
        length, came = 0, None
        for d in incoming[node]:
            candidate = _earliest(early[d.pred], bars[d.pred], bars[node], d)
            if candidate > length or (came is None and candidate == length):
                length, came = candidate, d
        early[node] = length
        via[node] = came
    finish = {n: early[n] + bars[n].duration_days for n in order}
    # Ties: the node furthest down the chain, so a closing milestone joins the path.
    position = {n: i for i, n in enumerate(order)}
    end = max(order, key=lambda n: (finish[n], position[n]))
    chain_actions = [end]
    chain_deps: list[str] = []
    while (step := via[chain_actions[-1]]) is not None:
        chain_deps.append(step.id)
        chain_actions.append(step.pred)
    return CriticalPath(tuple(reversed(chain_actions)), tuple(reversed(chain_deps)), finish[end])


def _earliest(pred_start: int, pred: Bar, succ: Bar, dep: Dep) -> int:
    """The successor's earliest start (days from time zero) that one link allows."""
    pred_finish = pred_start + pred.duration_days
    base = pred_finish if dep.kind in ("FS", "FF") else pred_start
    if dep.kind in ("FF", "SF"):
        return base + dep.lag - succ.duration_days
    return base + dep.lag


def chain_finish(bars: dict[str, Bar], chain: Sequence[Dep]) -> int:
    """When the last action of a chain of links finishes if each starts as early as the
    chain allows (never before time zero): the length ``critical_path`` maximises."""
    if not chain:
        return 0
    start = 0
    for d in chain:
        start = max(0, _earliest(start, bars[d.pred], bars[d.succ], d))
    return start + bars[chain[-1].succ].duration_days


def _cycle_deps(deps: Sequence[Dep]) -> set[str]:
    found: set[str] = set()
    for cycle in dependency_cycles((d.pred, d.succ, d.id) for d in deps):
        found.update(cycle.dependencies)
    return found


def _order(bar: Bar) -> tuple:
    far = dt.date.max
    return (bar.first or far, bar.last or far, bar.ref_code, bar.title, bar.id)


# -- scale and geometry -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scale:
    """Maps days to columns at one zoom level: column = whole steps of ``days`` from origin."""

    origin: dt.date
    days: int
    columns: int

    def col(self, day: dt.date) -> int:
        return (day - self.origin).days // self.days

    def day(self, col: int) -> dt.date:
        """The first day a column covers."""
        return self.origin + dt.timedelta(days=col * self.days)

    def span(self, first: dt.date, last: dt.date) -> tuple[int, int]:
        """Inclusive columns covering the days ``first..last``."""
        a, b = self.col(first), self.col(last)
        return (a, b) if a <= b else (b, a)


def make_scale(zoom: str, first: dt.date, last: dt.date) -> Scale:
    """A scale covering ``first..last`` at a zoom; week-wide columns start on Mondays and
    three-day columns at the start of the month, so labels line up with the calendar."""
    days = ZOOM_DAYS[zoom]
    if days == 7:
        origin = first - dt.timedelta(days=first.weekday())
    elif days == 1:
        origin = first
    else:
        origin = first.replace(day=1)
    columns = (last - origin).days // days + 1
    return Scale(origin, days, max(1, columns))


def fit_zoom(first: dt.date, last: dt.date, width: int) -> Zoom:
    """The finest zoom at which ``first..last`` fits in ``width`` columns (else the coarsest)."""
    for zoom in ZOOMS:
        if make_scale(zoom, first, last).columns <= width:
            return zoom
    return ZOOMS[-1]


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first day of every month touching ``first..last``."""
    out: list[dt.date] = []
    day = first.replace(day=1)
    while day <= last:
        out.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def header_labels(scale: Scale) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Two header lines as (column, text) labels: coarse units above, finer ones below.

    Week zoom: months above, the date of each Monday below. Month zoom: years above, months
    below. Quarter zoom: quarters above, months below. A unit that began before the first
    column is named at column 0 when there is room before the next label.
    """
    first, last = scale.origin, scale.day(scale.columns - 1) + dt.timedelta(days=scale.days - 1)
    months = month_starts(first, last)

    def month(m: dt.date) -> str:
        return MONTHS[m.month - 1]

    def quarter(m: dt.date) -> str:
        return f"Q{(m.month - 1) // 3 + 1} {m.year}"

    def labelled(starts: list[dt.date], name) -> list[tuple[int, str]]:
        room = scale.columns - 3  # a label squeezed into the last columns says nothing
        inside = [(scale.col(d), name(d)) for d in starts if d >= first and scale.col(d) <= room]
        if not inside or inside[0][0] > len(name(first)):
            inside.insert(0, (0, name(first)))
        return _no_overlap(inside)

    if scale.days == 1:
        top = labelled(months, lambda m: f"{month(m)} {m.year}")
        monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        below: list[tuple[int, str]] = []
        while monday <= last:
            below.append((scale.col(monday), str(monday.day)))
            monday += dt.timedelta(days=7)
        return top, below
    if scale.days == 3:
        years = [m for m in months if m.month == 1]
        return labelled(years, lambda m: str(m.year)), labelled(months, month)
    quarters = [m for m in months if m.month in (1, 4, 7, 10)]
    return labelled(quarters, quarter), labelled(months, month)


def _no_overlap(labels: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Keep the first label at each column; later code trims each to the next label."""
    seen: set[int] = set()
    out = []
    for col, text in labels:
        if col not in seen and col >= 0:
            seen.add(col)
            out.append((col, text))
    return out


# -- edits ------------------------------------------------------------------------------------


def shifted(bar: Bar, days: int) -> dict[str, str]:
    """New dates moving the whole bar by ``days`` (its duration kept); empty without dates."""
    step = dt.timedelta(days=days)
    out: dict[str, str] = {}
    if bar.start is not None:
        out["start"] = (bar.start + step).isoformat()
    if bar.end is not None:
        out["end"] = (bar.end + step).isoformat()
    return out


def resized(bar: Bar, days: int) -> dict[str, str] | None:
    """New dates moving the bar's end by ``days`` (a milestone moves whole); None when the
    end would fall before the start or the bar has no dates."""
    if bar.milestone:
        return shifted(bar, days) or None
    end = bar.end or bar.start
    if end is None:
        return None
    new_end = end + dt.timedelta(days=days)
    if bar.start is not None and new_end < bar.start:
        return None
    return {"end": new_end.isoformat()}


def baseline_edits(bars: Iterable[Bar]) -> list[tuple[str, dict[str, str | None]]]:
    """The updates that make every dated action's baseline its current dates."""
    out: list[tuple[str, dict[str, str | None]]] = []
    for bar in bars:
        if bar.start is None and bar.end is None:
            continue
        if (bar.baseline_start, bar.baseline_end) == (bar.start, bar.end):
            continue
        out.append(
            (
                bar.id,
                {
                    "baseline_start": bar.start.isoformat() if bar.start else None,
                    "baseline_end": bar.end.isoformat() if bar.end else None,
                },
            )
        )
    return out


# -- filters ----------------------------------------------------------------------------------

NO_RAG = "none"
"""The RAG filter value for actions whose RAG is not set."""


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
        out: list[tuple[str, list[Row]]] = []
        keys = [a.id for a in self.asks]
        if NO_ASK in by_group:
            keys.append(NO_ASK)
        for key in keys:
            members = sorted(by_group.get(key, []), key=_order)
            ids = {b.id for b in members}
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
            for b in members:  # parents in a loop: show them flat rather than lose them
                if b.id not in placed:
                    rows.append(Row("action", b.id, key, 0))
            out.append((key, rows))
        return out

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
            return min(found, key=_order)
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
        return min(found, key=_order) if found else None


def _stored_day(text: str | None) -> dt.date | None:
    """A stored ``Date`` column (ISO text) as a drawable day, read as SQLAlchemy reads it."""
    if text is None:
        return None
    match = _STORED_DAY.match(text)
    if match is None:
        raise ValueError(f"Couldn't parse date string: {text!r}")
    return drawable_day(dt.date(*map(int, match.groups())))


_STORED_DAY = re.compile(r"(\d+)-(\d+)-(\d+)")

_MAX_VARIABLES = 900
"""Below SQLite's oldest limit on a statement's parameters (999); past it, read them all."""

_ACTION_COLUMNS = (
    'id, title, ref_code, ask, parent, pledge, community_owner, public_owner, start, "end", '
    "baseline_start, baseline_end, status, rag, progress, milestone, date_confidence"
)


def _first_asks(con: sqlite3.Connection, asks: list[AskGroup], rows: int) -> list[AskGroup]:
    """The first asks whose headings and actions fill ``rows`` rows."""
    out: list[AskGroup] = []
    filled = 0
    for ask in asks:
        if filled >= rows:
            break
        out.append(ask)
        sql = "SELECT count(*) FROM action WHERE ask = ? AND NOT deleted"
        filled += 1 + con.execute(sql, (ask.id,)).fetchone()[0]
    return out


def load_schedule(source: sqlite3.Connection | Session, rows: int | None = None) -> Schedule:
    """Read the schedule from the projection tables (live records only), over plain
    ``sqlite3`` (a session's own connection when given one), so the timeline can be drawn
    without importing SQLAlchemy. With ``rows``, only the first asks that fill that many
    rows and their actions: the first screenful, to show while the rest is read."""
    con = as_sqlite(source)
    plan = con.execute(
        "SELECT title, period_start, period_end FROM plan WHERE NOT deleted LIMIT 1"
    ).fetchone()
    asks = [
        AskGroup(ask_id, one_line(title or ""), one_line(ref_code or ""), rank)
        for ask_id, title, ref_code, rank in con.execute(
            "SELECT id, title, ref_code, rank FROM ask WHERE NOT deleted ORDER BY rank, id"
        )
    ]
    if rows is not None:
        asks = _first_asks(con, asks, rows)

    def among(column: str, ids: Iterable[str | None]) -> tuple[str, tuple[str, ...]]:
        """A condition keeping a first screenful's rows to those it shows (else none)."""
        kept = tuple({i for i in ids if i}) if rows is not None else ()
        if rows is None or len(kept) > _MAX_VARIABLES:
            return "", ()
        return f" AND {column} IN ({', '.join('?' * len(kept))})", kept

    where, args = among("ask", (a.id for a in asks))
    bars: dict[str, Bar] = {}
    for r in con.execute(f"SELECT {_ACTION_COLUMNS} FROM action WHERE NOT deleted{where}", args):
        # Titles are made safe when shown (Bar.label), only for the rows on screen.
        bar = Bar(*r)  # NULL title, code and milestone fixed below
        bar.title = bar.title or ""
        bar.ref_code = bar.ref_code or ""
        bar.milestone = bool(bar.milestone)
        bar.start, bar.end, bar.baseline_start, bar.baseline_end = (
            _stored_day(cast("str | None", day))
            for day in (bar.start, bar.end, bar.baseline_start, bar.baseline_end)
        )
        bars[bar.id] = bar
    where, args = among('"to"', bars)
    deps = [
        Dep(dep_id, pred, succ, kind or "FS", drawable_days(lag or 0))
        for dep_id, pred, succ, kind, lag in con.execute(
            f'SELECT id, "from", "to", kind, lag_days FROM dependency WHERE NOT deleted{where}',
            args,
        )
        if pred and succ
    ]
    events: list[EventMark] = []
    for event_id, title, kind, starts_at, status in con.execute(
        "SELECT id, title, kind, starts_at, status FROM event WHERE NOT deleted"
    ):
        if not starts_at or status == "cancelled":
            continue
        try:
            day = drawable_day(dt.date.fromisoformat(starts_at[:10]))
        except ValueError:
            continue
        events.append(EventMark(event_id, day, one_line(title or ""), kind))
    events.sort(key=lambda e: (e.day, e.title, e.id))
    kept = _kept_organisations(con)
    for bar in bars.values():  # an owner merged into another is shown (and filtered) as it
        bar.community_owner = kept.get(bar.community_owner or "", bar.community_owner)
        bar.public_owner = kept.get(bar.public_owner or "", bar.public_owner)
    owners = [o for b in bars.values() for o in (b.community_owner, b.public_owner)]
    where, args = among("id", owners)
    organisations = {
        org_id: one_line(short_name or name or "")
        for org_id, name, short_name in con.execute(
            f"SELECT id, name, short_name FROM organisation WHERE 1{where}", args
        )
    }
    where, args = among("id", (b.pledge for b in bars.values()))
    pledges = {
        pledge_id: one_line(f"{ref_code or ''} {title or ''}".strip())
        for pledge_id, ref_code, title in con.execute(
            f"SELECT id, ref_code, title FROM pledge WHERE 1{where}", args
        )
    }
    return Schedule(
        title=one_line(plan[0] or "") if plan else "",
        period_start=_stored_day(plan[1]) if plan else None,
        period_end=_stored_day(plan[2]) if plan else None,
        asks=asks,
        bars=bars,
        deps=deps,
        events=events,
        organisations=organisations,
        pledges=pledges,
    )


def _kept_organisations(con: sqlite3.Connection) -> dict[str, str]:
    """Each live organisation merged into another -> the one finally kept (a chain is
    followed; a cycle stops where it began)."""
    into = dict(
        con.execute(
            "SELECT id, merged_into FROM organisation WHERE NOT deleted AND merged_into IS NOT NULL"
        ).fetchall()
    )
    out: dict[str, str] = {}
    for org_id in into:
        seen, step = {org_id}, org_id
        while step in into and into[step] not in seen:
            step = into[step]
            seen.add(step)
        out[org_id] = step
    return out
