"""The folded text list filters look in: ``list_text`` (``plantui.search.list_text``).

Creates the table and fills it from ``record``, so a database made before it filters its
lists at once; from then on ``storage.records.save_states`` keeps it in step.

Revision ID: 0009
Revises: 0008
"""

import sqlite3

import sqlalchemy as sa
from alembic import op

from plantui.search.list_text import TABLE, rebuild_list_text

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("live", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["id"], ["record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("type", "id"),
        sqlite_with_rowid=False,
    )
    con = op.get_bind().connection.driver_connection
    assert isinstance(con, sqlite3.Connection)
    rebuild_list_text(con)


def downgrade() -> None:
    op.drop_table(TABLE)
