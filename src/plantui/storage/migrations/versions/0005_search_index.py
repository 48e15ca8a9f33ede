"""The full-text index of every record's words (``plantui search``, the palette, ``/``).

Creates the FTS5 table and fills it from ``record``, so a database made before it finds
everything at once; from then on ``storage.records.save_states`` keeps it in step.

Revision ID: 0005
Revises: 0004
"""

import sqlite3

from alembic import op

from plantui.search.index import CREATE_TABLE, TABLE, rebuild_index

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(CREATE_TABLE)
    con = op.get_bind().connection.driver_connection
    assert isinstance(con, sqlite3.Connection)
    rebuild_index(con)


def downgrade() -> None:
    op.execute(f"DROP TABLE {TABLE}")
