"""A wall clock far ahead is caught before it stamps anything (docs/exchange-format.md "Clock
and stamps").

One write under a clock years fast would push this copy's clock so far that every peer
refuses its files; so a local write whose wall clock is more than 30 days past the largest
clock in the database needs the person to confirm the date first.
"""

from __future__ import annotations

import datetime as dt

from plantui import clock as hlc
from plantui.errors import PlanError

SLACK_MS = 30 * 86_400_000


class ClockAhead(PlanError):
    """The wall clock is far past everything this plan has seen; the date needs confirming."""

    def __init__(self, believed: dt.date, newest: dt.date) -> None:
        self.believed = believed
        self.newest = newest
        super().__init__(
            f"This computer's clock says it is {believed.isoformat()}, more than 30 days after"
            f" the newest change in this plan ({newest.isoformat()}); correct the clock, or if"
            " the date is right run the command again with --clock-ok."
        )


def clock_ahead(newest_clock: str | None, now_ms: int) -> ClockAhead | None:
    """The refusal to give before writing at ``now_ms``, or None if the date is plausible."""
    if not newest_clock or newest_clock == hlc.ZERO_CLOCK:
        return None  # a new database has nothing to compare with
    newest = hlc.clock_ms(newest_clock)
    if now_ms - newest <= SLACK_MS:
        return None
    return ClockAhead(hlc.day_of(now_ms), hlc.day_of(newest))
