"""The record model of docs/record-model.md as data: record types, their fields and value rules.

Everything that needs to know what a field is (validation of edits and imports, the CLI's
value parsing, storage projections, the exchange schema, the screens) reads it from here,
so the contract in docs/record-model.md is written down exactly once. The value rules live in
``plantui.field_values`` and the date-order rule in ``plantui.date_order``; both are
re-exported here, the one place callers import the record model from. Fields and record
types are named tuples, which Python defines far faster than frozen dataclasses: this
module is on the way to every screen's first frame.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

from plantui.date_order import (  # noqa: F401  re-exported: callers import them from here
    DATE_ORDER,
    OutOfOrder,
    date_order_error,
)
from plantui.field_values import (  # noqa: F401  re-exported: callers import them from here
    EMAIL_FIELDS,
    FIRST_DAY,
    INT_MAX,
    INT_MIN,
    LAST_DAY,
    MAX_SPAN_DAYS,
    SHORT_TEXT_FIELDS,
    SHORT_TEXT_MAX,
    TEXT_MAX,
    YEAR_MAX,
    YEAR_MIN,
    InvalidValue,
    check_entry,
    check_size,
    check_value,
    drawable_day,
    drawable_days,
    in_years,
    is_uuid,
    parse_date,
    parse_text_value,
    parse_when,
)

Kind = Literal["text", "date", "when", "int", "bool", "enum", "ref"]

DELETED = "_deleted"
"""The reserved field that marks a record deleted (docs/exchange-format.md)."""


class Field(NamedTuple):
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


class RecordType(NamedTuple):
    """A record type: its fields and, for relation records, how its id is derived."""

    name: str
    fields: dict[str, Field]
    id_parts: tuple[str, ...] = ()
    """Fields whose values make the deterministic id, in order (docs/exchange-format.md)."""
    label_field: str = "title"

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


def values_in_field_order(type_name: str, shown: Mapping[str, Any]) -> dict[str, Any]:
    """A record's shown values as people see them: every field of its type in the model's
    order (null when unset), then any field a newer copy wrote that this one does not know;
    never ``_deleted``."""
    rtype = TYPES.get(type_name)
    values = {name: shown.get(name) for name in rtype.fields} if rtype else {}
    values.update({k: v for k, v in shown.items() if k not in values and k != DELETED})
    return values


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
NO_RAG = "none"
"""The RAG filter value for records whose RAG is not set."""
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
