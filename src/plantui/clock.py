"""Hybrid logical clocks, stamps and record ids (docs/exchange-format.md "Clock and stamps",
"Identities").

A clock is ``"LLLLLLLLLLLLL.CCCC"`` (13 digits of milliseconds, 4 of counter) and a stamp is
``"<clock>@<replica_id>"``; the fixed widths make string order the causal tie-break order,
so no code ever has to parse a stamp just to compare two.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
import uuid

CLOCK_RE = re.compile(r"\d{13}\.\d{4}")
STAMP_RE = re.compile(
    r"(\d{13}\.\d{4})@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
)
ZERO_CLOCK = "0000000000000.0000"
_MAX_COUNTER = 9999


def wall_ms() -> int:
    """Milliseconds since the Unix epoch by this machine's clock (which may be wrong)."""
    return time.time_ns() // 1_000_000


def format_clock(millis: int, counter: int) -> str:
    return f"{millis:013d}.{counter:04d}"


def parse_clock(clock: str) -> tuple[int, int]:
    millis, counter = clock.split(".")
    return int(millis), int(counter)


def tick(last: str, now_ms: int) -> str:
    """The clock of a local write after ``last``: later than it even if the wall went back."""
    last_l, last_c = parse_clock(last)
    if now_ms > last_l:
        return format_clock(now_ms, 0)
    if last_c >= _MAX_COUNTER:
        # The counter is full: borrow a millisecond rather than overflow the fixed width.
        return format_clock(last_l + 1, 0)
    return format_clock(last_l, last_c + 1)


def observe(last: str, seen: str) -> str:
    """The clock after importing a file whose largest clock is ``seen``."""
    return max(last, seen)


def stamp(clock: str, replica_id: str) -> str:
    return f"{clock}@{replica_id}"


def split_stamp(value: str) -> tuple[str, str]:
    """Split a stamp into (clock, replica_id)."""
    clock, _, replica = value.partition("@")
    return clock, replica


def clock_ms(clock: str) -> int:
    return int(clock[:13])


def day_of(millis: int) -> dt.date:
    """The UTC day of a moment in milliseconds; ``date.max`` past the days a date holds (a
    clock years wrong can stamp one)."""
    try:
        return dt.datetime.fromtimestamp(millis / 1000, dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return dt.date.max


def uuid7(now_ms: int | None = None) -> str:
    """A time-ordered UUID version 7 (RFC 9562) for a new record."""
    millis = (wall_ms() if now_ms is None else now_ms) & ((1 << 48) - 1)
    rand = int.from_bytes(os.urandom(10), "big")
    rand_a = rand >> 68 & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = millis << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def today() -> dt.date:
    """Today's date, or ``$PLANTUI_TODAY`` (YYYY-MM-DD) so screenshots and demos can be pinned."""
    pinned = os.environ.get("PLANTUI_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()
