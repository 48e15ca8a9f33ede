"""Who wrote a value and when, read from its stamp ``<clock>@<replica_id>``
(docs/exchange-format.md)."""

from __future__ import annotations

import datetime as dt

from plantui.clock import clock_ms, split_stamp
from plantui.queries import Plan
from plantui.queries.history import laptop_of
from plantui.text import one_line
from plantui.text import show_value as value_text


def who_wrote(plan: Plan, at: str) -> str:
    """This copy's own label for its own writes, a short replica id for anyone else's."""
    return one_line(laptop_of(plan, at))


def when_written(at: str) -> str:
    """The stamp's wall-clock milliseconds as a local date and time, to the minute."""
    try:
        ms = clock_ms(split_stamp(at)[0])
    except ValueError:
        return "unknown time"
    when = dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def show_value(value: object) -> str:
    """A stored value as a person reads it: empty for null, yes/no for booleans."""
    return one_line(value_text(value, empty="(empty)"))
