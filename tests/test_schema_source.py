"""One schema source: the record model, the projection models and the migrations agree.

A field added to ``domain.TYPES`` only, or a column added to the models (or a migration)
only, would otherwise stay NULL or unread without a word.
"""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from plantui.domain import TYPES, Kind
from plantui.storage.models import PROJECTIONS

SHARED = {"id": "TEXT", "deleted": "NUMERIC"}
"""Columns every projection has besides the record's fields, with their affinity."""

AFFINITY: dict[Kind, str] = {
    "text": "TEXT",
    "enum": "TEXT",
    "ref": "TEXT",
    "when": "TEXT",
    "date": "NUMERIC",
    "int": "INTEGER",
    "bool": "NUMERIC",
}
"""The SQLite type affinity each field kind is stored with."""


def affinity(declared: str) -> str:
    """SQLite's rules (https://sqlite.org/datatype3.html, 3.1) for a declared column type."""
    name = declared.upper()
    if "INT" in name:
        return "INTEGER"
    if any(word in name for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in name or not name:
        return "BLOB"
    if any(word in name for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def expected_columns(type_name: str) -> dict[str, str]:
    fields = TYPES[type_name].fields.values()
    return SHARED | {field.name: AFFINITY[field.kind] for field in fields}


def test_every_record_type_has_a_projection_and_no_other():
    assert set(PROJECTIONS) == set(TYPES)


def model_columns(table: sa.Table) -> dict[str, str]:
    """A model table's columns with the affinity SQLite gives their declared types."""
    dialect = sqlite.dialect()
    return {c.name: affinity(c.type.compile(dialect=dialect)) for c in table.columns}


def database_columns(con: sqlite3.Connection, type_name: str) -> dict[str, str]:
    """A migrated table's columns with their affinity, as SQLite reports them."""
    rows = con.execute(f'PRAGMA table_info("{type_name}")').fetchall()
    return {row[1]: affinity(row[2]) for row in rows}


@pytest.mark.parametrize("type_name", sorted(TYPES))
def test_the_model_has_a_column_of_the_right_affinity_for_every_field(type_name):
    assert model_columns(PROJECTIONS[type_name].__table__) == expected_columns(type_name)


@pytest.mark.parametrize("type_name", sorted(TYPES))
def test_the_migrated_database_has_a_column_of_the_right_affinity_for_every_field(db, type_name):
    with db.snapshot() as con:
        assert database_columns(con, type_name) == expected_columns(type_name)


def test_the_check_catches_a_column_in_the_models_only():
    """The same model table with one more column, as a model edit without a field would be."""
    table = PROJECTIONS["ask"].__table__.to_metadata(sa.MetaData())
    assert model_columns(table) == expected_columns("ask")
    table.append_column(sa.Column("urgency", sa.Integer()))
    assert model_columns(table) != expected_columns("ask")


def test_the_check_catches_a_column_in_a_migration_only(db):
    """A migrated table with one more column, as a migration without a field would leave it."""
    with db.raw_write() as con:
        con.execute('ALTER TABLE "ask" ADD COLUMN urgency INTEGER')
    with db.snapshot() as con:
        assert database_columns(con, "ask") != expected_columns("ask")
        assert database_columns(con, "pledge") == expected_columns("pledge")


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("VARCHAR(36)", "TEXT"),
        ("TEXT", "TEXT"),
        ("INTEGER", "INTEGER"),
        ("BOOLEAN", "NUMERIC"),
        ("DATE", "NUMERIC"),
        ("FLOAT", "REAL"),
    ],
)
def test_the_affinity_rules(declared, expected):
    assert affinity(declared) == expected
