"""The order a chair gives an event's agenda: ``event.agenda_order``.

Adds the column and fills it from ``record``: a newer copy may already have relayed the
field, which the older schema kept in the record but not in its projection.

Revision ID: 0007
Revises: 0006
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("agenda_order", sa.Text(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, fields FROM record WHERE type = 'event'")).all()
    for record_id, raw in rows:
        siblings = json.loads(raw).get("agenda_order") or []
        value = max(siblings, key=lambda s: s["at"]).get("v") if siblings else None
        if isinstance(value, str):
            bind.execute(
                sa.text("UPDATE event SET agenda_order = :v WHERE id = :id"),
                {"v": value, "id": record_id},
            )


def downgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.drop_column("agenda_order")
