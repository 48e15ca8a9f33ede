"""The list filters as data: which values a facet offers, and the SQL keeping its rows.

A screen names a facet ("owner", "status", "ask", "rag") and a value; only this module turns
that into SQL over the projection tables, so no query expression ever reaches the TUI.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from plantui.domain import NO_RAG
from plantui.queries import IN_JSON, rollups
from plantui.text import one_line

NOT_SET = ""
"""The filter value for records whose status (or ask) is not set."""

OWNER_ROLES = ("raised_by", "directed_to")
"""An ask's owners: the organisations that raised it and those it is asked of."""

STATUS_FIELD = {"ask": "status", "pledge": "lifecycle", "event": "status"}
"""The field each type's "status" facet reads."""

Option = tuple[str, str]
"""(value, label) of one choice of a facet."""

_OWNERS = 'SELECT "from" FROM link WHERE deleted = 0 AND role IN (?, ?)'
_RESPONDS = "FROM link WHERE deleted = 0 AND role = 'responds_to'"
_ANSWERS = f'SELECT "from" {_RESPONDS}'
"""The pledges that respond to an ask (through a live link)."""


def words(value: str | None) -> str:
    """An enum value as the lists spell it (``at_risk`` -> ``at risk``)."""
    return (value or "").replace("_", " ")


def facet_where(
    con: sqlite3.Connection, type_name: str, facet: str, value: str
) -> tuple[str, list]:
    """The condition (on the projection aliased ``p``) keeping the rows whose ``facet`` is
    ``value``, and its parameters."""
    if facet == "status":
        column = f'p."{STATUS_FIELD[type_name]}"'
        if value == NOT_SET:
            return f"({column} IS NULL OR {column} = '')", []
        return f"{column} = ?", [value]
    if facet == "owner" and type_name == "ask":
        return f'p.id IN ({_OWNERS} AND "to" = ?)', [*OWNER_ROLES, value]
    if facet == "owner" and type_name == "pledge":
        return "p.made_by = ?", [value]
    if facet == "ask" and type_name == "pledge":
        if value == NOT_SET:
            return f"p.id NOT IN ({_ANSWERS})", []
        return f'p.id IN ({_ANSWERS} AND "to" = ?)', [value]
    if facet == "rag" and type_name == "ask":
        wanted = None if value == NO_RAG else value
        by_ask = rollups.ask_rollups(con)
        ids = [ask_id for ask_id, roll in by_ask.items() if roll.rag == wanted]
        return f"p.id IN {IN_JSON}", [json.dumps(ids)]
    raise ValueError(f"{type_name} lists have no {facet} filter")


def options(con: sqlite3.Connection, type_name: str, facet: str) -> list[Option]:
    """The values of ``facet`` present among the live records of ``type_name``."""
    if facet == "status":
        return _enum_options(con, type_name, STATUS_FIELD[type_name])
    if facet == "rag":
        return [(rag, rag) for rag in rollups.RAG_ORDER] + [(NO_RAG, "not set")]
    if facet == "owner" and type_name == "ask":
        owners = 'SELECT "to" FROM link WHERE deleted = 0 AND role IN (?, ?) AND "from" IN '
        return _org_options(con, owners + "(SELECT id FROM ask WHERE deleted = 0)", OWNER_ROLES)
    if facet == "owner" and type_name == "pledge":
        return _org_options(con, "SELECT made_by FROM pledge WHERE deleted = 0", ())
    if facet == "ask" and type_name == "pledge":
        return _ask_options(con)
    raise ValueError(f"{type_name} lists have no {facet} filter")


def _enum_options(con: sqlite3.Connection, type_name: str, column: str) -> list[Option]:
    """The values of an enum column among live rows, in their order, "not set" last."""
    present = {
        value
        for (value,) in con.execute(
            f'SELECT DISTINCT "{column}" FROM "{type_name}" WHERE deleted = 0'
        )
    }
    out = sorted((v, words(v)) for v in present if v)
    return out + ([(NOT_SET, "not set")] if present - {v for v, _ in out} else [])


def _org_options(con: sqlite3.Connection, ids: str, params: tuple[Any, ...]) -> list[Option]:
    """The live organisations among ``ids`` (a subquery), by name, shown as the lists show
    them (short name first)."""
    rows = con.execute(
        "SELECT id, short_name, name FROM organisation"
        f" WHERE id IN ({ids}) AND deleted = 0 ORDER BY lower(name), id",
        params,
    )
    return [(org_id, one_line(short or name or org_id)) for org_id, short, name in rows]


def _ask_options(con: sqlite3.Connection) -> list[Option]:
    """The live asks live pledges answer, in priority order as "ref title", then "no ask"
    if a live pledge answers none."""
    live = "SELECT id FROM pledge WHERE deleted = 0"
    asks = f'SELECT "to" {_RESPONDS} AND "from" IN ({live})'
    rows = con.execute(
        f"SELECT id, ref_code, title FROM ask WHERE deleted = 0 AND id IN ({asks})"
        " ORDER BY rank, id"
    )
    out = [(ask_id, one_line(f"{ref or ''} {title or ''}".strip())) for ask_id, ref, title in rows]
    answering = f'{_ANSWERS} AND "from" IN ({live})'
    unanswered = con.execute(f"{live} AND id NOT IN ({answering}) LIMIT 1").fetchone()
    return out + ([(NOT_SET, "no ask")] if unanswered else [])
