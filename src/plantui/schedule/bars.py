"""The timeline's records as plain values: bars, links, ask headings, event marks, rows.

Dates are whole days. An action occupies its days ``start..end`` inclusive, so it *finishes*
at the beginning of the day after ``end``. A milestone marks one day: what ends that day may
lead into it and what starts that day may follow it (its start is the end of its day and its
finish the beginning, for the dependency rules).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, NamedTuple

from plantui.text import one_line

DAY = dt.timedelta(days=1)
DEP_KINDS = ("FS", "SS", "FF", "SF")
NO_ASK = ""
"""Group key of actions that answer no ask."""


@dataclass(slots=True)
class Bar:
    """One action as the timeline needs it (treat as read-only; ``label`` is safe to show).

    Not frozen: a frozen dataclass of this size takes five times as long to build, which
    the 20,000 bars of a big plan would make a visible wait."""

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


class Dep(NamedTuple):
    """A dependency: ``succ`` cannot start/finish until ``pred`` does (kind), plus lag.

    A named tuple: a big plan's thousands of links are read ahead of its whole timeline,
    and a named tuple is built in less than half a frozen dataclass's time."""

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


def bar_order(bar: Bar) -> tuple:
    """Chronological order of bars (undated last), then by ref code, title and id."""
    far = dt.date.max
    return (bar.first or far, bar.last or far, bar.ref_code, bar.title, bar.id)
