"""Event times as people write them, read in the plan's time zone and stored with their offset.

The exchange file wants ISO 8601 with a UTC offset (docs/record-model.md), but nobody types
``2025-07-10T14:15:00+01:00``: the seeds say "2 March 2:15pm". Forms and the CLI read
``2025-07-10 14:15``, ``14:15`` (on the event's day), ``2.15pm`` or ``2:15 pm`` in the plan's
``timezone`` and store the offset that zone had at that moment, so a file read in another
zone still means the same instant. Pure: no database, no clock.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from plantui.domain import (
    YEAR_MAX,
    YEAR_MIN,
    InvalidValue,
    RecordType,
    check_value,
    in_years,
    parse_date,
)

DEFAULT_ZONE = "Europe/London"
"""The zone of a plan that names none (the plans plantui comes from are in London)."""

_DAY = r"(?P<day>\d{4}-\d{2}-\d{2})"
_TIME = (
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?"
    r"\s*(?P<half>(?:a|p)\.?\s*m\.?)?"
)
_LOCAL = re.compile(rf"(?:{_DAY}(?:\s*T\s*|\s+|\s*,\s*))?{_TIME}", re.IGNORECASE)


def plan_zone(name: object) -> ZoneInfo:
    """The zone a plan's times are read in: its ``timezone``, or London when it names none
    (or a name this machine does not know, from a file: times must still be readable)."""
    if isinstance(name, str) and name.strip():
        try:
            return ZoneInfo(name.strip())
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return ZoneInfo(DEFAULT_ZONE)


def read_when(text: str, zone: ZoneInfo, day: dt.date | None = None) -> str:
    """The stored form of an event time typed by a person: a ``YYYY-MM-DD`` day, or a
    date-time with the offset ``zone`` has then. A time alone falls on ``day`` (the event's
    date). Raises InvalidValue, one sentence, for anything else."""
    text = text.strip()
    if len(text) == 10 and text[4:5] == "-":
        return parse_date(text).isoformat()
    aware = _with_offset(text)
    if aware is not None:
        return aware.isoformat()
    found = _LOCAL.fullmatch(text)
    if found is None:
        raise InvalidValue(
            f"{text[:40]!r} is not a date or a time (write 2025-07-10, 2025-07-10 14:15,"
            " 14:15 or 2.15pm)"
        )
    clock = _clock(text, found)
    if found["day"]:
        day = parse_date(found["day"])
    elif day is None:
        raise InvalidValue(f"{text!r} needs a date too, like 2025-07-10 {text}")
    if not in_years(day):
        raise InvalidValue(f"{day.year} is outside the years {YEAR_MIN} to {YEAR_MAX}")
    local = dt.datetime.combine(day, clock)
    when = local.replace(tzinfo=zone)
    if when.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != local:
        raise InvalidValue(
            f"{local:%Y-%m-%d %H:%M} does not exist in {zone.key}: the clocks go forward then"
        )
    return when.isoformat()


def _with_offset(text: str) -> dt.datetime | None:
    """An ISO 8601 date-time that carries its own offset, kept as written."""
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def _clock(text: str, found: re.Match[str]) -> dt.time:
    """The time of day of a match: 24-hour ``14:15`` or 12-hour ``2.15pm``."""
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    half = (found["half"] or "").lower()
    if not found["minute"] and not half:
        raise InvalidValue(f"{text!r} is not a time (write 14:00 or 2pm)")
    if half:
        if not 1 <= hour <= 12:
            raise InvalidValue(f"{text!r} is not a time: am and pm hours run from 1 to 12")
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise InvalidValue(f"{text!r} is not a time of day")
    return dt.time(hour, minute)


def show_when(value: object, zone: ZoneInfo) -> str:
    """A stored event time as a person would type it back: the day, or the local date and
    time in the plan's zone (``2025-07-10 14:15``); anything unreadable as it is."""
    if not isinstance(value, str):
        return "" if value is None else str(value)
    when = _with_offset(value)
    if when is None:
        return value
    return f"{when.astimezone(zone):%Y-%m-%d %H:%M}"


def day_of(value: object, zone: ZoneInfo) -> dt.date | None:
    """The local day of a stored event time (a time typed alone falls on it), or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when.astimezone(zone).date() if when.tzinfo else when.date()


def read_times(
    rtype: RecordType,
    typed: dict[str, Any],
    current: dict[str, Any],
    zone: ZoneInfo,
) -> dict[str, Any]:
    """``typed`` with every event time as text turned into its stored form. A time alone
    falls on the event's day: the start being typed, or else the one stored in ``current``;
    the start itself falls on the day it had."""
    out = dict(typed)
    whens = [name for name, spec in rtype.fields.items() if spec.kind == "when"]
    for name in whens:
        text = out.get(name)
        if not isinstance(text, str):
            continue
        first = whens[0]
        anchor = out[first] if name != first and first in out else current.get(first)
        try:
            out[name] = read_when(text, zone, day_of(anchor, zone)) if text.strip() else None
        except InvalidValue as exc:
            raise InvalidValue(f"{name} {exc}") from None
        check_value(rtype.fields[name], out[name])
    return out
