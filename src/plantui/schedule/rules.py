"""Dependency rules and the critical path: pure functions of bars and links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from plantui.queries.derived import dependency_cycles
from plantui.schedule.bars import DAY, Bar, CriticalPath, Dep, Violation, bar_order


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
    nodes = sorted(
        {d.pred for d in edges} | {d.succ for d in edges}, key=lambda i: bar_order(bars[i])
    )
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
