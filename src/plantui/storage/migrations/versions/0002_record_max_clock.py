"""Keep each record's largest clock in a column, so delta exports skip unchanged records.

Revision ID: 0002
Revises: 0001
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("max_clock", sa.String(), nullable=False, server_default=""))
        batch.create_index("ix_record_max_clock", ["max_clock"])
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, vv FROM record")).all()
    if rows:
        bind.execute(
            sa.text("UPDATE record SET max_clock = :m WHERE id = :id"),
            [{"id": rid, "m": max(json.loads(vv).values(), default="")} for rid, vv in rows],
        )


def downgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.drop_index("ix_record_max_clock")
        batch.drop_column("max_clock")
