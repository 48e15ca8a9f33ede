"""Ref codes are unique among the live records of a type: who already holds one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from plantui.domain import TYPES
from plantui.storage.models import PROJECTIONS


def ref_code_holder(
    session: Session, type_name: str, code: Any, record_id: str | None
) -> str | None:
    """The label of another live record of the type that has this ref code (spaces and case
    aside), or None: two "M9" among the actions would make every list ambiguous."""
    if not isinstance(code, str) or not code.strip() or type_name not in PROJECTIONS:
        return None
    model = PROJECTIONS[type_name]
    if "ref_code" not in model.__table__.c:
        return None
    label = model.__table__.c[TYPES[type_name].label_field]
    stmt = select(label).where(
        func.lower(func.trim(model.__table__.c.ref_code)) == code.strip().lower(),
        model.deleted.is_(False),
    )
    if record_id is not None:
        stmt = stmt.where(model.id != record_id)
    found = session.execute(stmt.limit(1)).first()
    return None if found is None else str(found[0] or "untitled")
