"""The SQL side of the list filters: the values a facet offers and the rows they keep."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from plantui.storage.models import Ask, Organisation
from plantui.text import one_line
from plantui.tui.widgets.filters import words

NOT_SET = ""
"""The filter value for records whose status (or ask) is not set."""


def is_value(column: Any, value: str) -> Any:
    """``column == value``, where NOT_SET means empty."""
    return or_(column.is_(None), column == "") if value == NOT_SET else column == value


def enum_options(session: Session, column: Any, live: Any) -> list[tuple[str, str]]:
    """The values of an enum column among live rows, in their order, "not set" last."""
    present = set(session.execute(select(column).where(live).distinct()).scalars())
    out = sorted((v, words(v)) for v in present if v)
    return out + ([(NOT_SET, "not set")] if present - {v for v, _ in out} else [])


def org_options(session: Session, ids: Any) -> list[tuple[str, str]]:
    """The live organisations among ``ids`` (a subquery), by name, shown as the lists show
    them (short name first)."""
    rows = session.execute(
        select(Organisation.id, Organisation.short_name, Organisation.name)
        .where(Organisation.id.in_(ids), Organisation.deleted.is_(False))
        .order_by(func.lower(Organisation.name), Organisation.id)
    ).all()
    return [(org_id, one_line(short or name or org_id)) for org_id, short, name in rows]


def ask_options(session: Session, ids: Any) -> list[tuple[str, str]]:
    """The live asks among ``ids`` (a subquery), in priority order, as "ref title"."""
    rows = session.execute(
        select(Ask.id, Ask.ref_code, Ask.title)
        .where(Ask.id.in_(ids), Ask.deleted.is_(False))
        .order_by(Ask.rank, Ask.id)
    ).all()
    return [(ask_id, one_line(f"{ref or ''} {title or ''}".strip())) for ask_id, ref, title in rows]
