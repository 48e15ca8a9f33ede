"""An index of who wrote history rows on this laptop: ``ix_history_by``.

The app asks at start-up whether more than one person has edited on this laptop (then it asks
who is at the keyboard). Without an index that question read every history row, a pause that
grew with the plan; over this partial index (named rows only) it reads at most two entries.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_history_by", "history", ["imported", "by"], sqlite_where=sa.text('"by" IS NOT NULL')
    )


def downgrade() -> None:
    op.drop_index("ix_history_by", table_name="history")
