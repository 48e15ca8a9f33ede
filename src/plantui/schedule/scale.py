"""Days to columns at each zoom level, and the two header lines' labels."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Zoom = Literal["week", "month", "quarter"]
ZOOMS: tuple[Zoom, ...] = ("week", "month", "quarter")
ZOOM_DAYS: dict[str, int] = {"week": 1, "month": 3, "quarter": 7}
"""Days per column at each zoom: a day, three days, a week."""


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
