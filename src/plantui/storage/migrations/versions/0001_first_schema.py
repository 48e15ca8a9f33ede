"""The first schema: meta, record state and a typed projection per record type.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _projection(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column(
            "id",
            sa.String(36),
            sa.ForeignKey("record.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        *columns,
    )


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=True)


def _str(name: str) -> sa.Column:
    return sa.Column(name, sa.String(), nullable=True)


def _ref(name: str) -> sa.Column:
    return sa.Column(name, sa.String(36), nullable=True)


def _date(name: str) -> sa.Column:
    return sa.Column(name, sa.Date(), nullable=True)


def _int(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=True)


def upgrade() -> None:
    """The tables in dependency order: projections point at ``record``."""
    _state_tables()
    _plan()
    _organisation()
    _event()
    _ask()
    _pledge()
    _action()
    _relations()
    _note()


def _state_tables() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "record",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("vv", sa.Text(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("conflicts", sa.Text(), nullable=False),
        sa.Column("delete_conflict", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_record_type", "record", ["type"])


def _plan() -> None:
    _projection(
        "plan",
        _text("title"),
        _text("summary"),
        _text("area"),
        _date("period_start"),
        _date("period_end"),
        _str("status"),
    )


def _organisation() -> None:
    _projection(
        "organisation",
        _text("name"),
        _text("short_name"),
        _str("sector"),
        _str("role"),
        _text("contact_name"),
        _text("contact_email"),
        _text("contact_phone"),
        _text("notes"),
        _ref("merged_into"),
    )
    op.create_index("ix_organisation_name", "organisation", ["name"])


def _event() -> None:
    _projection(
        "event",
        _text("title"),
        _str("kind"),
        _str("starts_at"),
        _str("ends_at"),
        _text("location"),
        _str("status"),
        _int("attendees_count"),
        _text("description"),
        _text("minutes"),
    )
    op.create_index("ix_event_starts_at", "event", ["starts_at"])


def _ask() -> None:
    _projection(
        "ask",
        _str("ref_code"),
        _text("title"),
        _text("statement"),
        _text("problem"),
        _str("rank"),
        _str("status"),
        _ref("raised_at"),
        _text("response"),
        _date("response_date"),
        _text("theme"),
        _text("population_group"),
    )
    op.create_index("ix_ask_raised_at", "ask", ["raised_at"])
    op.create_index("ix_ask_rank_id", "ask", ["rank", "id"])


def _pledge() -> None:
    _projection(
        "pledge",
        _str("ref_code"),
        _text("title"),
        _text("commitment"),
        _ref("made_by"),
        _ref("made_at"),
        _date("made_on"),
        _date("due"),
        _str("lifecycle"),
        _str("completion"),
        _text("target"),
        _text("result"),
        _text("next_steps"),
    )
    op.create_index("ix_pledge_made_by", "pledge", ["made_by"])
    op.create_index("ix_pledge_made_at", "pledge", ["made_at"])


def _action() -> None:
    _projection(
        "action",
        _str("ref_code"),
        _text("title"),
        _text("description"),
        _ref("ask"),
        _ref("pledge"),
        _ref("parent"),
        _ref("community_owner"),
        _ref("public_owner"),
        _date("start"),
        _date("end"),
        _date("baseline_start"),
        _date("baseline_end"),
        _str("date_confidence"),
        _str("status"),
        _int("progress"),
        _str("rag"),
        sa.Column("milestone", sa.Boolean(), nullable=True),
        _text("deliverable"),
    )
    for column in ("ask", "pledge", "community_owner", "public_owner", "start"):
        op.create_index(f"ix_action_{column}", "action", [column])


def _relations() -> None:
    _projection("dependency", _ref("from"), _ref("to"), _str("kind"), _int("lag_days"))
    op.create_index("ix_dependency_from", "dependency", ["from"])
    op.create_index("ix_dependency_to", "dependency", ["to"])
    _projection("link", _str("role"), _ref("from"), _ref("to"))
    op.create_index("ix_link_from", "link", ["from"])
    op.create_index("ix_link_to", "link", ["to"])


def _note() -> None:
    _projection(
        "note",
        _ref("about"),
        _date("date"),
        _text("headline"),
        _text("body"),
        _str("rag"),
        _text("author"),
    )
    op.create_index("ix_note_about", "note", ["about"])


def downgrade() -> None:
    for table in (
        "note",
        "link",
        "dependency",
        "action",
        "pledge",
        "ask",
        "event",
        "organisation",
        "plan",
        "record",
        "meta",
    ):
        op.drop_table(table)
