"""Event times typed the way the seeds write them: ``2024-03-02 2:15pm``, ``2024-03-02 14:15``.

A time typed without a UTC offset is local to the plan: ``read_typed_when`` keeps it as
offset-less ISO text and the write path (``PlanService``) places it in the plan's
``timezone`` (DOMAIN.md), so "2:15pm" in London is stored as ``14:15:00+00:00`` in winter
and ``14:15:00+01:00`` in summer. Exchange files never carry such text: they need offsets.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_LOCAL = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})[T ]\s*(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?"
    r"(?::(?P<second>\d{2}))?\s*(?P<half>[ap]\.?m\.?)?",
    re.IGNORECASE,
)


class TypedTimeError(ValueError):
    """What a person typed is not a time plantui can read; the message says why."""


def read_typed_when(text: str) -> str | None:
    """The local ISO date-time (no offset) for a typed local time, or None when ``text`` is
    not one (a bare date, or ISO text with an offset, is left to the strict parser)."""
    found = _LOCAL.fullmatch(text.strip())
    if found is None:
        return None
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    second, half = int(found["second"] or 0), (found["half"] or "").lower()[:1]
    if half:
        if not 1 <= hour <= 12:
            raise TypedTimeError(f"{text!r} is not a time of day (use 1 to 12 before am or pm)")
        hour = hour % 12 + (12 if half == "p" else 0)
    elif found["minute"] is None:
        return None
    try:
        moment = dt.datetime.combine(
            dt.date.fromisoformat(found["day"]), dt.time(hour, minute, second)
        )
    except ValueError:
        raise TypedTimeError(f"{text!r} is not a real date and time of day") from None
    return moment.isoformat()


def is_local(text: object) -> bool:
    """True for offset-less date-time text that ``read_typed_when`` produced."""
    if not isinstance(text, str) or len(text) <= 10:
        return False
    try:
        return dt.datetime.fromisoformat(text).tzinfo is None
    except ValueError:
        return False


def place_in_zone(text: str, zone: str | None) -> str:
    """Local date-time text as ISO text with the offset the plan's time zone has that day."""
    if not zone:
        raise TypedTimeError(
            f"{text!r} has no UTC offset and the plan has no timezone: write it like"
            " 2024-07-18T14:00+01:00, or set the plan's timezone (e.g. Europe/London)"
        )
    try:
        where = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise TypedTimeError(f"the plan's timezone {zone!r} is not a known time zone") from None
    return dt.datetime.fromisoformat(text).replace(tzinfo=where).isoformat()
