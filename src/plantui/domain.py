"""The record model of docs/record-model.md as data: record types, their fields and value rules.

Everything that needs to know what a field is (validation of edits and imports, the CLI's
value parsing, storage projections, the exchange schema, the screens) reads it from here,
so the contract in docs/record-model.md is written down exactly once.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeGuard
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Kind = Literal["text", "date", "when", "int", "bool", "enum", "ref"]

DELETED = "_deleted"
"""The reserved field that marks a record deleted (docs/exchange-format.md)."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record type and the rule its values follow."""

    name: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    """Record types a ref may point to; empty means any type."""
    minimum: int | None = None
    maximum: int | None = None
    personal: bool = False
    """Personal data, left out of reports unless asked for."""
    identity: bool = False
    """Part of a deterministic id: fixed once the record exists."""
    default: Any = None


@dataclass(frozen=True, slots=True)
class RecordType:
    """A record type: its fields and, for relation records, how its id is derived."""

    name: str
    fields: dict[str, Field]
    id_parts: tuple[str, ...] = ()
    """Fields whose values make the deterministic id, in order (docs/exchange-format.md)."""
    label_field: str = "title"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def deterministic(self) -> bool:
        return bool(self.id_parts)


def record_label(type_name: str, values: Mapping[str, Any], record_id: str) -> str:
    """What a person calls a record: its type's label field, else its title, else its id.

    The one label rule: lists, history, conflicts, agendas and reports all name records by it.
    """
    rtype = TYPES.get(type_name)
    name = rtype.label_field if rtype else "title"
    shown = values.get(name)
    if shown is None or shown == "":
        shown = values.get("title")
    return str(shown) if shown is not None and shown != "" else record_id


def _type(name: str, *fields: Field, id_parts: tuple[str, ...] = (), label: str = "title"):
    every = (*fields, _text("carried_from"))
    return RecordType(name, {f.name: f for f in every}, id_parts, label)


def _text(name: str, required: bool = False, personal: bool = False) -> Field:
    return Field(name, "text", required=required, personal=personal)


def _enum(name: str, *choices: str, required: bool = False, default: str | None = None) -> Field:
    return Field(name, "enum", required=required, choices=choices, default=default)


def _ref(name: str, *targets: str, required: bool = False, identity: bool = False) -> Field:
    return Field(name, "ref", required=required, targets=targets, identity=identity)


RAG = ("green", "amber", "red")
LINK_ROLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "raised_by": (("ask",), ("organisation",)),
    "directed_to": (("ask",), ("organisation",)),
    "responds_to": (("pledge",), ("ask",)),
    "partner": (("action",), ("organisation",)),
    "hosts": (("event",), ("organisation",)),
    "attended": (("organisation", "person"), ("event",)),
    "member_of": (("person",), ("organisation",)),
    "decided_at": (("note",), ("event",)),
}
"""Link roles and the record types each may join: (from types, to types)."""

CONFIDENCE = ("firm", "tentative", "tbc")
CONSENT = ("none", "contact_only", "named_in_reports")

TYPES: dict[str, RecordType] = {
    t.name: t
    for t in (
        _type(
            "plan",
            _text("title", required=True),
            _text("summary"),
            _text("area"),
            Field("period_start", "date"),
            Field("period_end", "date"),
            _enum("status", "draft", "agreed", "active", "closed"),
            _text("previous_plan"),
            _text("timezone"),
        ),
        _type(
            "organisation",
            _text("name", required=True),
            _text("short_name"),
            _enum(
                "sector",
                "community",
                "voluntary",
                "nhs",
                "local_authority",
                "public_health",
                "integrated_care",
                "national_charity",
                "other",
            ),
            _enum("role", "community_lead", "decision_maker", "delivery_partner", "other"),
            _text("contact_name", personal=True),
            _text("contact_email", personal=True),
            _text("contact_phone", personal=True),
            _text("notes"),
            _ref("merged_into", "organisation"),
            label="name",
        ),
        _type(
            "event",
            _text("title", required=True),
            _enum(
                "kind",
                "workshop",
                "listening_event",
                "steering_meeting",
                "decision_meeting",
                "conference_session",
                "other",
            ),
            Field("starts_at", "when", required=True),
            Field("ends_at", "when"),
            _text("location"),
            _enum("status", "planned", "held", "cancelled"),
            Field("attendees_count", "int", minimum=0),
            _text("description"),
            _text("minutes"),
            _ref("series", "event"),
            _enum("date_confidence", *CONFIDENCE),
            _text("agenda_order"),
        ),
        _type(
            "ask",
            _text("ref_code"),
            _text("title", required=True),
            _text("statement"),
            _text("problem"),
            _text("rank"),
            _enum(
                "status",
                "raised",
                "under_consideration",
                "agreed",
                "partly_agreed",
                "declined",
                "withdrawn",
                "achieved",
            ),
            _ref("raised_at", "event"),
            _text("response"),
            Field("response_date", "date"),
            _text("theme"),
            _text("population_group"),
        ),
        _type(
            "pledge",
            _text("ref_code"),
            _text("title", required=True),
            _text("commitment"),
            _ref("made_by", "organisation", required=True),
            _ref("made_at", "event"),
            Field("made_on", "date"),
            Field("due", "date"),
            _enum(
                "lifecycle",
                "proposed",
                "agreed",
                "in_delivery",
                "met",
                "partly_met",
                "not_met",
                "withdrawn",
            ),
            _enum("completion", "not_started", "limited", "substantial", "complete", "no_evidence"),
            _text("target"),
            _text("result"),
            _text("next_steps"),
        ),
        _type(
            "action",
            _text("ref_code"),
            _text("title", required=True),
            _text("description"),
            _ref("ask", "ask"),
            _ref("pledge", "pledge"),
            _ref("parent", "action"),
            _ref("community_owner", "organisation"),
            _ref("public_owner", "organisation"),
            Field("start", "date"),
            Field("end", "date"),
            Field("baseline_start", "date"),
            Field("baseline_end", "date"),
            _enum("date_confidence", *CONFIDENCE),
            _enum("status", "not_started", "on_track", "at_risk", "off_track", "done", "cancelled"),
            Field("progress", "int", minimum=0, maximum=100),
            _enum("rag", *RAG),
            Field("milestone", "bool"),
            _text("deliverable"),
        ),
        _type(
            "dependency",
            _ref("from", "action", required=True, identity=True),
            _ref("to", "action", required=True, identity=True),
            Field("kind", "enum", choices=("FS", "SS", "FF", "SF"), default="FS", identity=True),
            Field("lag_days", "int"),
            id_parts=("kind", "from", "to"),
            label="kind",
        ),
        _type(
            "link",
            Field("role", "enum", required=True, choices=tuple(LINK_ROLES), identity=True),
            _ref("from", required=True, identity=True),
            _ref("to", required=True, identity=True),
            id_parts=("role", "from", "to"),
            label="role",
        ),
        _type(
            "note",
            _ref("about", required=True),
            Field("date", "date", required=True),
            _text("headline", required=True),
            _text("body"),
            _enum("rag", *RAG),
            _text("author"),
            _enum(
                "kind", "progress", "evidence", "decision", "minute", "agenda", default="progress"
            ),
            _ref("author_person", "person"),
            label="headline",
        ),
        _type(
            "person",
            _text("name", required=True),
            _ref("organisation", "organisation"),
            _text("job_title"),
            _text("email", personal=True),
            _text("phone", personal=True),
            _text("languages"),
            _enum("consent", *CONSENT, default="none"),
            _text("notes"),
            _ref("merged_into", "person"),
            label="name",
        ),
    )
}

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


def record_type(name: str) -> RecordType:
    """Look up a record type by its docs/record-model.md name, refusing unknown ones plainly."""
    try:
        return TYPES[name]
    except KeyError:
        known = ", ".join(TYPES)
        raise InvalidValue(f"unknown record type {name!r} (one of: {known})") from None


def field_spec(rtype: RecordType, name: str) -> Field:
    """Look up a field of ``rtype``, refusing unknown ones plainly."""
    try:
        return rtype.fields[name]
    except KeyError:
        known = ", ".join(rtype.fields)
        raise InvalidValue(f"{rtype.name} has no field {name!r} (fields: {known})") from None


ID_NAMESPACE = uuid.UUID("6b1f3c2e-8f0d-5a4e-9c7b-2d4e6f8a0b1c")


def deterministic_id(rtype: RecordType, values: dict[str, Any]) -> str:
    """The UUIDv5 id docs/exchange-format.md gives a relation record, so two laptops making it
    agree."""
    parts = [
        str(values.get(p) if values.get(p) is not None else _default(rtype, p))
        for p in rtype.id_parts
    ]
    return str(uuid.uuid5(ID_NAMESPACE, ":".join([rtype.name, *parts])))


def _default(rtype: RecordType, name: str) -> Any:
    return rtype.fields[name].default


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
