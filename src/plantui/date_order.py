"""Dates in order (docs/record-model.md): an end may not come before its start.

Forms, the service and imports refuse an out-of-order pair with the same sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from plantui.field_values import InvalidValue, parse_date, parse_when

DATE_ORDER: dict[str, tuple[tuple[str, str], ...]] = {
    "plan": (("period_start", "period_end"),),
    "action": (("start", "end"), ("baseline_start", "baseline_end")),
    "event": (("starts_at", "ends_at"),),
    "pledge": (("made_on", "due"),),
}
"""Pairs of fields where the second may not come before the first (docs/record-model.md "Dates in
order"): (start, end) per record type."""


class OutOfOrder(InvalidValue):
    """An end before its start; ``field`` is the end, where forms show the message."""

    def __init__(self, end: str, start: str, values: dict[str, Any]) -> None:
        self.field = end
        self.start = start
        self.values = (values[end], values[start])
        super().__init__(self.say(str))

    def say(self, show: Callable[[Any], str]) -> str:
        """The refusal with each value written by ``show`` (a form shows local times)."""
        end, start = self.values
        before = f"comes before the {_spoken(self.start)}"
        return f"{_spoken(self.field)} {show(end)} {before}, {show(start)}"


def date_order_error(
    type_name: str, values: dict[str, Any], changed: Iterable[str] | None = None
) -> OutOfOrder | None:
    """The first end in ``values`` that falls before its start, or None. With ``changed``,
    only pairs touching those fields count: an edit is never refused for old data."""
    touched = None if changed is None else set(changed)
    for start, end in DATE_ORDER.get(type_name, ()):
        if touched is not None and not touched & {start, end}:
            continue
        first, last = _moment(values.get(start)), _moment(values.get(end))
        if first is None or last is None:
            continue
        if isinstance(first, dt.datetime) != isinstance(last, dt.datetime):
            first, last = _as_day(first), _as_day(last)
        if last < first:
            return OutOfOrder(end, start, values)
    return None


def _moment(value: Any) -> dt.date | None:
    """A stored date or event time as something comparable; None when absent or unreadable."""
    if not isinstance(value, str):
        return None
    try:
        return parse_date(value) if len(value) == 10 else parse_when(value)
    except InvalidValue:
        return None


def _as_day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


_SPOKEN = {"starts_at": "start", "ends_at": "end", "made_on": "date made", "due": "due date"}


def _spoken(name: str) -> str:
    return _SPOKEN.get(name, name.replace("_", " "))
