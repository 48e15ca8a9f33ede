"""Gaps: what the plan still lacks (docs/record-model.md "Derived, never stored").

Each kind of gap is one rule, written once as SQL (its table, its condition, its order) in
``GAP_RULES``. The whole list (``plantui check``, the reports, the agenda) and the Overview's
count with its first few items are read through the same rules, so they cannot disagree; the
Overview of a plan with tens of thousands of gaps counts them in SQL and reads only those it
shows.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Literal, NamedTuple

from plantui.queries.rollups import RESPONDS_TO

GapKind = Literal[
    "ask_without_pledge",
    "pledge_without_action",
    "action_without_public_owner",
    "action_without_community_owner",
    "overdue_action",
    "overdue_pledge",
    "milestone_without_deliverable",
]

CLOSED_ASK = ("declined", "withdrawn")
CLOSED_PLEDGE = ("met", "partly_met", "not_met", "withdrawn")
CLOSED_ACTION = ("done", "cancelled")

WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""What Python's ``str.strip()`` strips, for SQL's ``trim``: a deliverable of spaces is none."""


def _among(column: str, values: tuple[str, ...]) -> str:
    """``column`` is one of ``values`` (NULL is none of them, as in Python)."""
    return f"""IFNULL({column}, '') IN ({", ".join(f"'{v}'" for v in values)})"""


PLEDGE_OVERDUE = (
    f"due IS NOT NULL AND CAST(due AS TEXT) < :today AND NOT {_among('lifecycle', CLOSED_PLEDGE)}"
)
"""A pledge past its due date and not closed (dates are ISO text, which sorts as dates do)."""


class Gap(NamedTuple):
    """Something the plan still lacks."""

    kind: GapKind
    record: str
    type: str
    label: str
    message: str


class GapRule(NamedTuple):
    """One kind of gap: which records of ``table`` have it, and what to say about each."""

    kind: GapKind
    table: Literal["ask", "pledge", "action"]
    where: str
    """The condition, beside the table's own scope (``SCOPE``); ``:today`` is the day."""
    message: str
    """Said of each; ``{}`` is the value of ``detail``."""
    detail: str = "NULL"


SCOPE = {
    "ask": "deleted = 0",
    "pledge": "deleted = 0",
    "action": "deleted = 0 AND status IS NOT 'cancelled'",
}
"""The records each table's gaps are looked for among."""

ORDER = {"ask": "rank, id", "pledge": "ref_code, title, id", "action": "start, id"}
"""How each table's gaps are listed: asks by priority, pledges by code, actions by start."""

GAP_RULES: tuple[tuple[GapRule, ...], ...] = (
    (
        GapRule(
            "ask_without_pledge",
            "ask",
            f"NOT {_among('status', CLOSED_ASK)}"
            f' AND id NOT IN (SELECT l."to" FROM {RESPONDS_TO} AND l."to" IS NOT NULL)',
            "No pledge answers this ask.",
        ),
    ),
    (
        GapRule(
            "pledge_without_action",
            "pledge",
            "lifecycle IS NOT 'withdrawn' AND id NOT IN"
            " (SELECT pledge FROM action WHERE deleted = 0 AND pledge IS NOT NULL)",
            "No action delivers it.",
        ),
    ),
    (  # one action's two missing owners are listed together
        GapRule(
            "action_without_public_owner",
            "action",
            "public_owner IS NULL",
            "No public-sector owner.",
        ),
        GapRule(
            "action_without_community_owner",
            "action",
            "community_owner IS NULL",
            "No community owner.",
        ),
    ),
    (
        GapRule(
            "overdue_action",
            "action",
            f'"end" IS NOT NULL AND CAST("end" AS TEXT) < :today'
            f" AND NOT {_among('status', CLOSED_ACTION)}",
            "Was due {}.",
            '"end"',
        ),
    ),
    (GapRule("overdue_pledge", "pledge", PLEDGE_OVERDUE, "Was due {}.", "due"),),
    (
        GapRule(
            "milestone_without_deliverable",
            "action",
            f"milestone NOT IN (0, '') AND trim(IFNULL(deliverable, ''), '{WHITESPACE}') = ''",
            "Milestone with nothing to verify.",
        ),
    ),
)
"""Every gap rule, in the order the gaps are listed; the rules of a group are listed together,
record by record in their table's order (a record's gaps in the group's order)."""


Found = list[tuple[str, str | None, dict[GapKind, object]]]
"""Records with gaps, in their table's order: id, title, and per kind found its detail."""


def _found(
    con: sqlite3.Connection, rules: tuple[GapRule, ...], args: dict[str, object], first: int = -1
) -> Found:
    """The records of one table with any gap of ``rules``, in order, at most ``first`` (-1:
    all) of them."""
    table = rules[0].table
    flags = ", ".join(f"({rule.where}), {rule.detail}" for rule in rules)
    anyof = " OR ".join(f"({rule.where})" for rule in rules)
    rows = con.execute(
        f"SELECT id, title, {flags} FROM {table} WHERE {SCOPE[table]} AND ({anyof})"
        f" ORDER BY {ORDER[table]} LIMIT :first",
        {**args, "first": first},
    )
    out: Found = []
    for record_id, title, *cells in rows:
        kinds = {
            rule.kind: detail
            for rule, applies, detail in zip(rules, cells[::2], cells[1::2], strict=True)
            if applies
        }
        out.append((record_id, title, kinds))
    return out


def _gaps(found: Found, group: tuple[GapRule, ...]) -> list[Gap]:
    """The gaps of ``group`` among ``found``, record by record."""
    return [
        Gap(rule.kind, record_id, rule.table, title or "", rule.message.format(kinds[rule.kind]))
        for record_id, title, kinds in found
        for rule in group
        if rule.kind in kinds
    ]


def gaps(con: sqlite3.Connection, today: dt.date) -> list[Gap]:
    """What the plan still lacks, in the order the overview lists it."""
    args: dict[str, object] = {"today": today.isoformat()}
    tables = {group[0].table for group in GAP_RULES}
    found = {  # one read of each table for all of its rules
        table: _found(con, tuple(r for g in GAP_RULES for r in g if r.table == table), args)
        for table in tables
    }
    return [gap for group in GAP_RULES for gap in _gaps(found[group[0].table], group)]


def first_gaps(con: sqlite3.Connection, today: dt.date, first: int) -> tuple[int, list[Gap]]:
    """How many gaps :func:`gaps` lists, and its first ``first``, counted and read in SQL."""
    args: dict[str, object] = {"today": today.isoformat()}
    count = 0
    out: list[Gap] = []
    for group in GAP_RULES:
        for rule in group:
            table = rule.table
            sql = f"SELECT count(*) FROM {table} WHERE {SCOPE[table]} AND ({rule.where})"
            count += con.execute(sql, args).fetchone()[0]
        wanted = first - len(out)
        if wanted > 0:  # each record found has at least one of the group's gaps
            out += _gaps(_found(con, group, args, wanted), group)[:wanted]
    return count, out


def overdue_pledges(con: sqlite3.Connection, today: dt.date) -> set[str]:
    """Ids of the pledges (deleted or not) the overdue rule flags on ``today``."""
    rows = con.execute(
        f"SELECT id FROM pledge WHERE {PLEDGE_OVERDUE}", {"today": today.isoformat()}
    )
    return {record_id for (record_id,) in rows}
