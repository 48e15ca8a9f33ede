"""Value rules of DOMAIN.md: what is accepted and what is refused, in plain words."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from plantui.domain import (
    TYPES,
    InvalidValue,
    check_value,
    deterministic_id,
    parse_text_value,
)

DOMAIN_MD = Path(__file__).resolve().parents[2] / "shared" / "design" / "DOMAIN.md"


def test_every_domain_md_type_is_known():
    text = DOMAIN_MD.read_text() if DOMAIN_MD.exists() else ""
    headed = set(re.findall(r"^## (\w+)", text, re.M)) - {"Derived", "Added"}
    assert headed <= set(TYPES) or not text
    assert set(TYPES) == {
        "plan",
        "organisation",
        "event",
        "ask",
        "pledge",
        "action",
        "dependency",
        "link",
        "note",
        "person",
    }


@pytest.mark.parametrize(
    ("type_name", "field", "typed", "value"),
    [
        ("action", "start", "2025-01-31", "2025-01-31"),
        ("action", "progress", "40", 40),
        ("action", "milestone", "yes", True),
        ("action", "milestone", "false", False),
        ("action", "rag", "amber", "amber"),
        ("event", "starts_at", "2024-07-18T14:00:00+01:00", "2024-07-18T14:00:00+01:00"),
        ("event", "starts_at", "2024-07-18", "2024-07-18"),
        ("ask", "title", "Close [/] gap", "Close [/] gap"),
        ("ask", "theme", "", None),
    ],
)
def test_typed_text_becomes_the_fields_value(type_name, field, typed, value):
    assert parse_text_value(TYPES[type_name].fields[field], typed) == value


@pytest.mark.parametrize(
    ("type_name", "field", "typed", "says"),
    [
        ("action", "start", "2025-02-30", "not a real date"),
        ("action", "start", "31/01/2025", "YYYY-MM-DD"),
        ("action", "progress", "101", "at most 100"),
        ("action", "progress", "lots", "whole number"),
        ("action", "milestone", "maybe", "true or false"),
        ("action", "rag", "purple", "not a known rag"),
        ("action", "ask", "not-an-id", "record id"),
        ("event", "starts_at", "2024-07-18T14:00", "no UTC offset"),
    ],
)
def test_bad_typed_values_are_refused_with_a_reason(type_name, field, typed, says):
    with pytest.raises(InvalidValue, match=says):
        parse_text_value(TYPES[type_name].fields[field], typed)


def test_json_values_of_the_wrong_type_are_refused():
    fields = TYPES["action"].fields
    with pytest.raises(InvalidValue):
        check_value(fields["progress"], "40")
    with pytest.raises(InvalidValue):
        check_value(fields["milestone"], 1)
    with pytest.raises(InvalidValue):
        check_value(fields["progress"], True)
    check_value(fields["progress"], None)


def test_deterministic_ids_follow_sync_md():
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    expected = uuid.uuid5(uuid.UUID("6b1f3c2e-8f0d-5a4e-9c7b-2d4e6f8a0b1c"), f"link:hosts:{a}:{b}")
    assert deterministic_id(TYPES["link"], {"role": "hosts", "from": a, "to": b}) == str(expected)
    dep = uuid.uuid5(uuid.UUID("6b1f3c2e-8f0d-5a4e-9c7b-2d4e6f8a0b1c"), f"dependency:FS:{a}:{b}")
    assert deterministic_id(TYPES["dependency"], {"from": a, "to": b}) == str(dep)
