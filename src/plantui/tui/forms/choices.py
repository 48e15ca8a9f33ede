"""Live records as choices for refs and the picker, found in SQL through the projection tables.

Kept in SQL (LIKE and LIMIT) so a plan of 10,000 records costs the same as one of 100.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from plantui.domain import TYPES
from plantui.storage.database import Database
from plantui.storage.models import PROJECTIONS
from plantui.text import one_line

PICKABLE = ("ask", "pledge", "action", "organisation", "event", "note", "plan")
"""Types a person can pick by label (links and dependencies have no useful label)."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One live record offered to a person: id, type and the label they recognise."""

    id: str
    type: str
    label: str


def _label_column(type_name: str):
    model = PROJECTIONS[type_name]
    return model.__table__.c[TYPES[type_name].label_field]


def _shown(type_name: str, label: object, ref_code: object, record_id: str) -> str:
    text = one_line(str(label)) if label else record_id
    if ref_code:
        text = f"{one_line(str(ref_code))} {text}"
    return text


def live_choices(
    db: Database,
    types: tuple[str, ...],
    text: str = "",
    limit: int = 200,
    exclude: frozenset[str] = frozenset(),
) -> tuple[list[Choice], int]:
    """Up to ``limit`` live records of ``types`` whose label or ref code contains ``text``,
    ordered by label, and how many match in all (so the screen can say "N more")."""
    out: list[Choice] = []
    total = 0
    needle = text.strip().lower()
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    with db.read() as session:
        for type_name in types:
            if type_name not in PROJECTIONS or type_name not in PICKABLE:
                continue
            model = PROJECTIONS[type_name]
            table = model.__table__
            label = _label_column(type_name)
            code = table.c.get("ref_code", None)
            where = [table.c.deleted.is_(False)]
            if needle:
                cond = func.lower(label).like(pattern, escape="\\")
                if code is not None:
                    cond = cond | func.lower(code).like(pattern, escape="\\")
                where.append(cond)
            if exclude:
                where.append(table.c.id.not_in(exclude))
            total += session.execute(
                select(func.count()).select_from(table).where(*where)
            ).scalar_one()
            room = limit - len(out)
            if room <= 0:
                continue
            cols = [table.c.id, label] + ([code] if code is not None else [])
            order = [code, label] if code is not None and type_name == "ask" else [label]
            rows = session.execute(
                select(*cols).where(*where).order_by(*order, table.c.id).limit(room)
            ).all()
            for row in rows:
                ref = row[2] if code is not None else None
                out.append(Choice(row[0], type_name, _shown(type_name, row[1], ref, row[0])))
    return out, total


def label_of(db: Database, record_id: str) -> str:
    """The label a person knows a record by, or its id when it has none (or is unknown)."""
    from plantui.storage.models import Record

    with db.read() as session:
        kind = session.execute(select(Record.type).where(Record.id == record_id)).scalar()
        if kind is None or kind not in PROJECTIONS or kind not in TYPES:
            return record_id
        table = PROJECTIONS[kind].__table__
        label = _label_column(kind)
        code = table.c.get("ref_code", None)
        cols = [label] + ([code] if code is not None else [])
        row = session.execute(select(*cols).where(table.c.id == record_id)).first()
    if row is None:
        return record_id
    return f"{_shown(kind, row[0], row[1] if code is not None else None, record_id)} ({kind})"
