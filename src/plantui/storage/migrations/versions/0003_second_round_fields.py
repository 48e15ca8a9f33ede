"""The record model's second round: people, event series, plan time zone, roll-over links.

Adds the new columns and the ``person`` projection, then fills them from ``record``: a newer
copy may already have relayed these fields or person records, which an older schema kept
only in each record's sync state.

Revision ID: 0003
Revises: 0002
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_OLD_TYPES = (
    "plan",
    "organisation",
    "event",
    "ask",
    "pledge",
    "action",
    "dependency",
    "link",
    "note",
)
_NEW_COLUMNS: dict[str, list[tuple[str, sa.types.TypeEngine]]] = {
    "plan": [("previous_plan", sa.Text()), ("timezone", sa.Text())],
    "event": [("series", sa.String(36)), ("date_confidence", sa.String())],
    "note": [("kind", sa.String()), ("author_person", sa.String(36))],
}
_PERSON = ("name", "organisation", "job_title", "email", "phone", "languages", "consent", "notes")


def _shown(fields: dict, name: str) -> object:
    siblings = fields.get(name) or []
    value = siblings[-1].get("v") if siblings else None
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def upgrade() -> None:
    for table in _OLD_TYPES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("carried_from", sa.Text(), nullable=True))
            for name, kind in _NEW_COLUMNS.get(table, []):
                batch.add_column(sa.Column(name, kind, nullable=True))
    op.create_index("ix_event_series", "event", ["series"])
    op.create_index("ix_note_author_person", "note", ["author_person"])
    op.create_table(
        "person",
        sa.Column(
            "id", sa.String(36), sa.ForeignKey("record.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("carried_from", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("organisation", sa.String(36), nullable=True),
        sa.Column("job_title", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("languages", sa.Text(), nullable=True),
        sa.Column("consent", sa.String(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
    )
    op.create_index("ix_person_name", "person", ["name"])
    op.create_index("ix_person_organisation", "person", ["organisation"])
    _fill_from_records()


def _fill_from_records() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, type, fields, deleted FROM record")).all()
    for record_id, type_name, raw, deleted in rows:
        fields = json.loads(raw)
        if type_name == "person":
            values = {name: _shown(fields, name) for name in ("carried_from", *_PERSON)}
            bind.execute(
                sa.text(
                    "INSERT INTO person (id, deleted, carried_from, name, organisation, job_title,"
                    " email, phone, languages, consent, notes) VALUES (:id, :deleted,"
                    " :carried_from, :name, :organisation, :job_title, :email, :phone,"
                    " :languages, :consent, :notes)"
                ),
                {"id": record_id, "deleted": bool(deleted), **values},
            )
            continue
        if type_name not in _OLD_TYPES:
            continue
        names = ["carried_from", *(n for n, _ in _NEW_COLUMNS.get(type_name, []))]
        values = {name: _shown(fields, name) for name in names}
        if any(v is not None for v in values.values()):
            sets = ", ".join(f'"{n}" = :{n}' for n in names)
            bind.execute(
                sa.text(f'UPDATE "{type_name}" SET {sets} WHERE id = :id'),
                {"id": record_id, **values},
            )


def downgrade() -> None:
    op.drop_table("person")
    op.drop_index("ix_note_author_person", "note")
    op.drop_index("ix_event_series", "event")
    for table in _OLD_TYPES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("carried_from")
            for name, _ in _NEW_COLUMNS.get(table, []):
                batch.drop_column(name)
