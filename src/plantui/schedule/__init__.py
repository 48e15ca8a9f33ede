"""The plan's schedule, headless: rows, bar geometry, dependency rules and the critical path.

The timeline screen draws from this model and nothing else, so everything it shows (which
dependency is violated, which bars are critical, where a bar sits at a zoom level) is plain
Python that tests can check without a terminal. Pure computation only: the schedule is read
from a plan by :mod:`plantui.queries.timeline`.

``bars`` holds the values, ``rules`` the dependency rules and the critical path, ``scale``
the zoom and header maths, ``edits`` the date edits and ``model`` the whole schedule.
"""

from __future__ import annotations

from plantui.schedule.bars import (
    DAY,
    DEP_KINDS,
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
from plantui.schedule.edits import baseline_edits, resized, shifted
from plantui.schedule.model import NO_RAG, BarFilter, Schedule
from plantui.schedule.rules import (
    chain_finish,
    critical_path,
    days_short,
    earliest_start,
    required_point,
    violations,
)
from plantui.schedule.scale import (
    MONTHS,
    ZOOM_DAYS,
    ZOOMS,
    Scale,
    Zoom,
    fit_zoom,
    header_labels,
    make_scale,
    month_starts,
)

__all__ = [
    "DAY",
    "DEP_KINDS",
    "MONTHS",
    "NO_ASK",
    "NO_RAG",
    "ZOOMS",
    "ZOOM_DAYS",
    "AskGroup",
    "Bar",
    "BarFilter",
    "CriticalPath",
    "Dep",
    "EventMark",
    "Row",
    "Scale",
    "Schedule",
    "Violation",
    "Zoom",
    "bar_order",
    "baseline_edits",
    "chain_finish",
    "critical_path",
    "days_short",
    "earliest_start",
    "fit_zoom",
    "header_labels",
    "make_scale",
    "month_starts",
    "required_point",
    "resized",
    "shifted",
    "violations",
]
