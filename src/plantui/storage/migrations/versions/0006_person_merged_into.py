"""People can be merged like organisations: ``person.merged_into``.

Adds the column and fills it from ``record``: a newer copy may already have relayed the
field, which the older schema kept in the record but not in its projection.

Revision ID: 0006
Revises: 0005
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("merged_into", sa.String(36), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, fields FROM record WHERE type = 'person'")).all()
    for record_id, raw in rows:
        siblings = json.loads(raw).get("merged_into") or []
        value = max(siblings, key=lambda s: s["at"]).get("v") if siblings else None
        if isinstance(value, str):
            bind.execute(
                sa.text("UPDATE person SET merged_into = :v WHERE id = :id"),
                {"v": value, "id": record_id},
            )


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_column("merged_into")
