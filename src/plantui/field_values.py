"""The value rules of docs/record-model.md: the sizes every door keeps to, how stored JSON
values are checked against their field and how what a person types becomes a value.

Split from ``plantui.domain`` (which re-exports these names) so the record types stay readable.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, TypeGuard

if TYPE_CHECKING:
    from plantui.domain import Field

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class InvalidValue(ValueError):
    """A value that breaks its field's rule; the message is one plain sentence."""


SHORT_TEXT_FIELDS = frozenset({"title", "name", "ref_code"})
SHORT_TEXT_MAX = 500
TEXT_MAX = 100_000
INT_MIN, INT_MAX = -1_000_000_000, 1_000_000_000
YEAR_MIN, YEAR_MAX = 1900, 2200
"""The sizes of docs/record-model.md: every door refuses values outside them, so every output can
always be drawn (no overflow in date arithmetic, no megabyte titles in a table)."""


def check_size(spec: Field, value: Any) -> None:
    """Raise InvalidValue if a value of the right kind is outside the sizes of
    docs/record-model.md."""
    if isinstance(value, bool) or value is None:
        return
    if spec.kind == "text" and isinstance(value, str):
        limit = SHORT_TEXT_MAX if spec.name in SHORT_TEXT_FIELDS else TEXT_MAX
        if len(value) > limit:
            raise InvalidValue(
                f"{spec.name} holds at most {limit:,} characters, not {len(value):,}"
            )
    elif spec.kind == "int" and isinstance(value, int):
        if not INT_MIN <= value <= INT_MAX:
            raise InvalidValue(
                f"{spec.name} must lie between {INT_MIN:,} and {INT_MAX:,}, "
                f"not {_short_number(value)}"
            )
    elif isinstance(value, dt.date) and not YEAR_MIN <= value.year <= YEAR_MAX:
        raise InvalidValue(
            f"{spec.name} must fall in the years {YEAR_MIN} to {YEAR_MAX}, not {value.year}"
        )


FIRST_DAY = dt.date(YEAR_MIN, 1, 1)
LAST_DAY = dt.date(YEAR_MAX, 12, 31)
MAX_SPAN_DAYS = (LAST_DAY - FIRST_DAY).days


def in_years(day: dt.date) -> bool:
    """True for a day inside the years docs/record-model.md allows."""
    return YEAR_MIN <= day.year <= YEAR_MAX


def drawable_day(day: dt.date) -> dt.date:
    """A stored day moved into the allowed years, for drawing and date arithmetic only:
    data from before the limits existed (9999-12-31, year 1) must not overflow."""
    return min(max(day, FIRST_DAY), LAST_DAY)


def drawable_days(days: int) -> int:
    """A stored day count (a lag) bounded by the widest span of allowed days, so that adding
    it to an allowed day never leaves the calendar."""
    return min(max(days, -MAX_SPAN_DAYS), MAX_SPAN_DAYS)


def _short_number(value: int) -> str:
    text = str(value)
    return text if len(text) <= 24 else f"{text[:20]}... ({len(text)} digits)"


def _short_text(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:37]}..."


def is_uuid(text: object) -> TypeGuard[str]:
    """True for a canonical lower-case UUID string, the only id form files may carry."""
    return isinstance(text, str) and _UUID_RE.fullmatch(text) is not None


def parse_date(text: str) -> dt.date:
    """Parse a strict ``YYYY-MM-DD`` date that exists on the calendar."""
    if not _DATE_RE.fullmatch(text):
        raise InvalidValue(f"{text!r} is not a date of the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"{text!r} is not a real date") from None


def parse_when(text: str) -> dt.date | dt.datetime:
    """Parse a date, or an ISO 8601 date-time with an offset (events may have either)."""
    if len(text) == 10:
        return parse_date(text)
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"{text!r} is not a date or an ISO 8601 date-time") from None
    if when.tzinfo is None:
        raise InvalidValue(f"{text!r} has no UTC offset (write it like 2024-07-18T14:00+01:00)")
    return when


def check_value(spec: Field, value: Any) -> None:
    """Raise InvalidValue unless ``value`` (as stored in JSON) suits ``spec``; null suits any."""
    if value is None:
        return
    kind = spec.kind
    if kind in ("text", "date", "when", "enum", "ref") and not isinstance(value, str):
        raise InvalidValue(f"{spec.name} must be a string, not {_json_kind(value)}")
    if kind == "date":
        check_size(spec, parse_date(value))
    elif kind == "when":
        check_size(spec, parse_when(value))
    elif kind == "enum" and value not in spec.choices:
        raise InvalidValue(
            f"{value!r} is not a known {spec.name} (one of: {', '.join(spec.choices)})"
        )
    elif kind == "ref" and not is_uuid(value):
        raise InvalidValue(f"{spec.name} must be a record id, not {value!r}")
    elif kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidValue(f"{spec.name} must be a whole number, not {_json_kind(value)}")
        check_size(spec, value)
        if spec.minimum is not None and value < spec.minimum:
            raise InvalidValue(f"{spec.name} must be at least {spec.minimum}, not {value}")
        if spec.maximum is not None and value > spec.maximum:
            raise InvalidValue(f"{spec.name} must be at most {spec.maximum}, not {value}")
    elif kind == "bool" and not isinstance(value, bool):
        raise InvalidValue(f"{spec.name} must be true or false, not {_json_kind(value)}")
    check_size(spec, value)


EMAIL_FIELDS = frozenset({"contact_email", "email"})
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
"""One @, a dot inside the domain, no spaces: enough to catch a slip, never a real address."""


def check_entry(spec: Field, value: Any) -> None:
    """Rules for what a person types, beyond the file contract (a file from an older copy
    is still read): an e-mail must look like one, a time zone must be a known name."""
    if not isinstance(value, str):
        return
    if spec.name in EMAIL_FIELDS and not _EMAIL_RE.fullmatch(value):
        raise InvalidValue(
            f"{_short_text(value)!r} is not an e-mail address (like name@example.org)"
        )
    if spec.name == "timezone" and not _known_zone(value):
        raise InvalidValue(f"{_short_text(value)!r} is not a time zone name like Europe/London")


def _known_zone(name: str) -> bool:
    """zoneinfo is imported here, on the first time zone checked: it takes a few
    milliseconds, and every screen's first frame loads this module without needing it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


def parse_text_value(spec: Field, text: str) -> Any:
    """Turn what a person typed into the JSON value for ``spec``; empty text means null."""
    text = text.strip() if spec.kind != "text" else text
    if text == "":
        return None
    value: Any = text
    if spec.kind == "int":
        try:
            value = int(text)
        except ValueError:
            raise InvalidValue(
                f"{spec.name} must be a whole number, not {_short_text(text)!r}"
            ) from None
    elif spec.kind == "bool":
        low = text.lower()
        if low not in _TRUE | _FALSE:
            raise InvalidValue(f"{spec.name} must be true or false, not {text!r}")
        value = low in _TRUE
    elif spec.kind == "ref":
        value = text.lower()
    check_value(spec, value)
    check_entry(spec, value)
    return value


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
