"""An append-only history of every change this copy has seen (``plantui history``).

One row per record and stamp: the fields that write changed, with the value shown before
and the value it brought, who wrote it, on which laptop, and whether it came by import
(``changes`` NULL: a record created whole by that stamp, see ``storage.records``).
Records already present get no rows: their past was never recorded.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "history",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("by", sa.String(36), nullable=True),
        sa.Column("imported", sa.Boolean(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=True),
    )
    op.create_index("ix_history_record_seq", "history", ["record_id", "seq"])


def downgrade() -> None:
    op.drop_table("history")
