"""The date edits the timeline's keys make: move, resize, freeze the baseline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from plantui.schedule.bars import Bar


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
