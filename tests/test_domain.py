"""Value rules of docs/record-model.md: what is accepted and what is refused, in plain words."""

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

RECORD_MODEL_MD = Path(__file__).resolve().parents[1] / "docs" / "record-model.md"
KIND_WORDS = {
    "text": "text",
    "date": "date",
    "datetime or date": "when",
    "int": "int",
    "bool": "bool",
    "enum": "enum",
    "ref": "ref",
}
"""How docs/record-model.md names each kind of field."""


def documented_types(text: str) -> dict[str, dict[str, str]]:
    """Type name -> field name -> the Type cell of its row, from ``## `type` `` sections."""
    types: dict[str, dict[str, str]] = {}
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        heading = re.fullmatch(r"`(\w+)`", section.splitlines()[0].strip())
        if heading:
            rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", section, re.M)
            types[heading[1]] = {name: cell.strip() for name, cell in rows}
    return types


def describe(spec) -> str:
    """The Type cell docs/record-model.md should show for a field."""
    word = next(w for w, kind in KIND_WORDS.items() if kind == spec.kind)
    if spec.kind == "enum":
        word += ": " + ", ".join(spec.choices)
    elif spec.kind == "ref" and spec.targets:
        word += " " + " or ".join(spec.targets)
    return word + (", required" if spec.required else "")


def test_the_record_model_document_lists_exactly_the_known_types_and_fields():
    documented = documented_types(RECORD_MODEL_MD.read_text(encoding="utf-8"))
    assert set(documented) == set(TYPES)
    for name, rtype in TYPES.items():
        assert set(documented[name]) == set(rtype.fields), name


@pytest.mark.parametrize("type_name", sorted(TYPES))
def test_the_record_model_document_gives_each_fields_type(type_name):
    fields = documented_types(RECORD_MODEL_MD.read_text(encoding="utf-8"))[type_name]
    for spec in TYPES[type_name].fields.values():
        assert fields[spec.name] == describe(spec), f"{type_name}.{spec.name}"


def test_the_document_parser_reads_sections_and_rows():
    text = "## `a`\n\n| `x` | text | |\n| `y` | enum: p, q | m |\n\n## Values\n| `z` | int | |\n"
    assert documented_types(text) == {"a": {"x": "text", "y": "enum: p, q"}}


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
