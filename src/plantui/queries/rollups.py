"""An ask's RAG and progress, rolled up from its actions, and the pledges answering it.

Apart from ``derived`` (the Overview's conflicts, findings and cycles) because the Asks list
shows these on its first frame and needs nothing else of the Overview's.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from plantui.queries import IN_JSON

RAG_ORDER = {"green": 0, "amber": 1, "red": 2}
"""RAG from best to worst: an ask's RAG is the worst of its actions'."""

RESPONDS_TO = (
    'link l JOIN pledge p ON p.id = l."from"'
    " WHERE l.role = 'responds_to' AND l.deleted = 0 AND p.deleted = 0"
)
"""Live pledges answering asks through live links (``l."to"`` is the ask)."""


class AskRollup(NamedTuple):
    """An ask's RAG (the worst of its actions') and progress (the mean of theirs)."""

    ask: str
    rag: str | None
    progress: int | None
    actions: int
    pledges: list[str]


def ask_rollups(con: sqlite3.Connection, asks: Sequence[str] | None = None) -> dict[str, AskRollup]:
    """RAG and progress per ask from its actions that are not deleted: the worst RAG, and
    the mean progress of those that have one (rounded half to even, as Python rounds).
    Summed in SQL: a plan of 20,000 actions is one pass in C, not 20,000 Python rows.

    ``asks``: only these (a list's page of them), else every live ask. A page reads only
    its asks' actions: a third of the time on a plan of 800 asks and 20,000 actions."""
    worst = " ".join(f"WHEN '{rag}' THEN {order}" for rag, order in RAG_ORDER.items())
    rag_of = {order: rag for rag, order in RAG_ORDER.items()}

    def among(column: str) -> str:
        return "" if asks is None else f" AND {column} IN {IN_JSON}"

    args = [] if asks is None else [json.dumps(list(asks))]
    sums = {
        ask: (rag, total, counted, count)
        for ask, rag, total, counted, count in con.execute(
            f"SELECT ask, MAX(CASE rag {worst} END), SUM(progress), COUNT(progress), COUNT(*)"
            " FROM action WHERE deleted = 0 AND ask IS NOT NULL"
            f"{among('ask')} GROUP BY ask",
            args,
        )
    }
    pledges = _answering_pledges(con, among('l."to"'), args)
    out: dict[str, AskRollup] = {}
    for (ask_id,) in con.execute(f"SELECT id FROM ask WHERE deleted = 0{among('id')}", args):
        rag, total, counted, count = sums.get(ask_id, (None, None, 0, 0))
        out[ask_id] = AskRollup(
            ask_id,
            rag_of.get(rag) if rag is not None else None,
            round(total / counted) if counted else None,
            count,
            pledges.get(ask_id, []),
        )
    return out


def _answering_pledges(
    con: sqlite3.Connection, among: str, args: list[str]
) -> dict[str, list[str]]:
    """ask id -> ids of live pledges that respond to it through live links (``among``: the
    condition on the ask, and its ``args``)."""
    rows = con.execute(f'SELECT l."to", l."from" FROM {RESPONDS_TO}{among}', args)
    out: dict[str, list[str]] = {}
    for ask_id, pledge_id in rows:
        out.setdefault(ask_id, []).append(pledge_id)
    return out
