"""Who wrote a value and when, read from its stamp ``<clock>@<replica_id>``
(docs/exchange-format.md)."""

from __future__ import annotations

import datetime as dt

from plantui.storage.database import Database
from plantui.text import one_line
from plantui.text import show_value as value_text


def who_wrote(db: Database, at: str) -> str:
    """This copy's own label for its own writes, a short replica id for anyone else's."""
    _, _, replica = at.partition("@")
    if replica and replica == db.replica_id:
        return f"{one_line(db.replica_label) or 'this laptop'} (this laptop)"
    known = db.meta(f"replica_label:{replica}") if replica else None
    if known:
        return one_line(known)
    return f"laptop {replica[:8]}" if replica else "unknown"


def when_written(at: str) -> str:
    """The stamp's wall-clock milliseconds as a local date and time, to the minute."""
    clock = at.partition("@")[0]
    try:
        ms = int(clock.partition(".")[0])
    except ValueError:
        return "unknown time"
    when = dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def show_value(value: object) -> str:
    """A stored value as a person reads it: empty for null, yes/no for booleans."""
    return one_line(value_text(value, empty="(empty)"))
