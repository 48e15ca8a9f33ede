"""What each cell of the Gantt shows, as (characters, style names) per line: pure functions
of the schedule and the scale, which the widget turns into cached strips."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from plantui.schedule import DAY, Bar, EventMark, Row, Scale, Schedule, header_labels, month_starts
from plantui.tui.timeline.glyphs import (
    EVENT,
    FILL,
    GHOST,
    GHOST_MILESTONE,
    GRID,
    LATE,
    MILESTONE,
    TODAY,
)
from plantui.tui.widgets.safe import RAG_MARK

Cells = tuple[list[str], list[str]]
"""A line's characters and, for each, the name of its style (``gantt--<name>``)."""
Parts = list[tuple[str, str]]
"""Label text in pieces, each with the name of its style."""

MAX_SPAN = dt.timedelta(days=366 * 12)
"""The longest stretch drawn: a date typed far out (year 9999) clips instead of overflowing."""
EARLIEST, LATEST = dt.date(1, 2, 1), dt.date(9998, 12, 1)


class RowLook(NamedTuple):
    """Everything besides the data that changes how one row is drawn (part of cache keys)."""

    selected: bool
    relation: str  # "pred", "succ" or ""
    critical: bool
    folded: bool


def drawable_range(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """``first..last`` kept within a span the chart (and ``datetime``) can draw."""
    first = min(max(first, EARLIEST), LATEST)
    return first, min(max(last, first), LATEST, first + min(MAX_SPAN, LATEST - first))


def bar_style(bar: Bar, critical: bool) -> str:
    """The style a bar is drawn in: critical, finished, else its RAG."""
    if critical:
        return "critical"
    if bar.status in ("done", "cancelled"):
        return bar.status
    return bar.rag if bar.rag in RAG_MARK else "norag"


def background(scale: Scale, events: list[EventMark], today: dt.date) -> Cells:
    """The empty row: month gridlines, event days and the today line."""
    chars = [" "] * scale.columns
    names = [""] * scale.columns
    last = scale.day(scale.columns - 1)
    for month in month_starts(scale.origin, last):
        col = scale.col(month)
        if 0 <= col < scale.columns:
            chars[col], names[col] = GRID, "grid"
    for event in events:
        col = scale.col(event.day)
        if 0 <= col < scale.columns:
            chars[col], names[col] = EVENT, "event"
    col = scale.col(today)
    if 0 <= col < scale.columns:
        chars[col], names[col] = TODAY, "today"
    return chars, names


class _Line:
    """One chart line being filled in, cells outside the chart ignored."""

    def __init__(self, template: Cells) -> None:
        self.chars, self.names = list(template[0]), list(template[1])
        self.columns = len(self.chars)

    def put(self, col: int, char: str, name: str) -> None:
        if 0 <= col < self.columns:
            self.chars[col], self.names[col] = char, name

    def run(self, a: int, b: int, char: str, name: str) -> None:
        for col in range(max(0, a), min(self.columns, b + 1)):
            self.chars[col], self.names[col] = char, name


def ask_cells(s: Schedule, scale: Scale, template: Cells, key: str, folded: bool) -> Cells:
    """An ask's summary bar over its actions' span; a folded one shows their milestones."""
    line = _Line(template)
    span = s.group_span(key)
    rag = s.group_rag(key)
    name = rag if rag in RAG_MARK else "summary"
    if span:
        a, b = scale.span(*span)
        line.run(a, b, "━", name)
        line.put(a, "┣", name)
        line.put(b, "┫", name)
    if folded:
        for bar in s.group_bars(key):
            if bar.milestone and bar.first:
                line.put(scale.col(bar.first), MILESTONE, bar_style(bar, False))
    return line.chars, line.names


def bar_cells(s: Schedule, scale: Scale, template: Cells, bar: Bar, critical: bool) -> Cells:
    """An action's bar (or milestone), its moved-away baseline as a ghost, and a late mark
    before it when it breaks a link."""
    line = _Line(template)
    # The baseline first, so the bar covers it where they overlap: only the moved-away
    # part shows, as a ghost.
    if bar.moved:
        b_first = bar.baseline_start or bar.baseline_end
        b_last = bar.baseline_end or bar.baseline_start
        if b_first and b_last:
            if bar.milestone:
                line.put(scale.col(b_first), GHOST_MILESTONE, "ghost")
            else:
                line.run(*scale.span(b_first, b_last), GHOST, "ghost")
    style = bar_style(bar, critical)
    if bar.first and bar.last:
        if bar.milestone:
            line.put(scale.col(bar.first), MILESTONE, style)
        else:
            line.run(*scale.span(bar.first, bar.last), FILL.get(bar.status or "", "█"), style)
        if _late(s, bar):
            col = scale.col(bar.first)
            line.put(col - 1 if col > 0 else col, LATE, "late")
    return line.chars, line.names


def _late(s: Schedule, bar: Bar) -> bool:
    """True when the bar starts or finishes too early for one of its links."""
    return any(v.dep.succ == bar.id for v in s.violated_by.get(bar.id, []))


def label_parts(s: Schedule, row: Row, look: RowLook) -> Parts:
    """The label column of a row: fold mark or cursor, flags, RAG mark, code and title."""
    if row.kind == "ask":
        rag = s.group_rag(row.id)
        progress = s.group_progress(row.id)
        parts = [
            ("▸" if look.folded else "▾", "ask"),
            (RAG_MARK.get(rag or "", "–"), rag if rag in RAG_MARK else "grid"),
            (" " + s.group_title(row.id), "ask"),
        ]
        if progress is not None:
            parts.append((f" {progress}%", "grid"))
        return parts
    bar = s.bars[row.id]
    mark = " "
    if look.selected:
        mark = "▶"
    elif look.relation == "pred":
        mark = "←"
    elif look.relation == "succ":
        mark = "→"
    flag = (LATE, "late") if _late(s, bar) else ("*", "critical") if look.critical else (" ", "")
    return [
        (mark, "label"),
        flag,
        (RAG_MARK.get(bar.rag or "", "–"), bar.rag if bar.rag in RAG_MARK else "grid"),
        (" " + "  " * row.depth + bar.label, "title" if look.selected else "label"),
    ]


def header_label_parts(s: Schedule, y: int, zoom: str, show_critical: bool) -> Parts:
    """Above the label column: the plan's title, then the zoom and the late and critical
    counts."""
    if y == 0:
        return [(s.title or "Timeline", "title")]
    late = len(s.violations)
    parts = [(f"{zoom} zoom", "grid")]
    if late:
        parts.append((f"  {LATE} {late} late link{'s' if late != 1 else ''}", "red"))
    if show_critical:
        parts.append((f"  * critical {s.critical.days} days", "critical"))
    return parts


def header_cells(scale: Scale, y: int, today: dt.date, focus: dt.date | None) -> Cells:
    """A header line over the chart: its labels, and on the second line today's mark and
    the focused event's."""
    columns = scale.columns
    chars = [" "] * columns
    names = ["header"] * columns
    labels = header_labels(scale)[y]
    for n, (col, text) in enumerate(labels):
        end = labels[n + 1][0] - 1 if n + 1 < len(labels) else columns
        text = text[: max(0, end - col)]
        for i, char in enumerate(text):
            if col + i < columns:
                chars[col + i] = char
    if y == 1:
        col = scale.col(today)
        if 0 <= col < columns:
            chars[col], names[col] = "▼", "header-today"
        if focus is not None:
            col = scale.col(focus)
            if 0 <= col < columns:
                chars[col], names[col] = "▲", "event-focus"
    return chars, names


def tip(s: Schedule, scale: Scale, row: Row | None, col: int) -> str | None:
    """The tooltip at a chart column: event titles on its days, else the bar of the row."""
    first = scale.day(col)
    last = first + (scale.days - 1) * DAY
    events_here = [e for e in s.events if first <= e.day <= last]
    if events_here:
        return "\n".join(f"{e.day:%d %b %Y}: {e.title}" for e in events_here)
    if row is None or row.kind != "action":
        return None
    bar = s.bars[row.id]
    if bar.first and bar.last and bar.first <= last and first <= bar.last:
        return f"{bar.label}\n{bar.first} → {bar.last}"
    return None
