"""Finding a record from what a person types: its id, its ref code (``P11``, ``A3``,
``1.2``) or a unique id prefix. Every command goes through ``resolve_record_id``, so each
accepts the same forms and says the same thing when a key is unknown or ambiguous.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection, Sequence

from plantui.domain import TYPES
from plantui.errors import PlanError
from plantui.text import one_line

MIN_PREFIX = 6
"""Hex digits an id prefix needs: short enough to type, long enough to be unique."""
REF_TYPES = ("ask", "pledge", "action")
"""Record types that carry a ref code."""
_PREFIX = re.compile(r"[0-9a-f-]+")
_SHOWN_CANDIDATES = 5


def resolve_record_id(
    con: sqlite3.Connection, text: str, types: Collection[str] | None = None
) -> str:
    """The id ``text`` names, of one of ``types`` (any type when None).

    Tried in order: the whole id; a ref code (live records first, then deleted ones, so a
    deleted record can still be restored by its code); a prefix of at least ``MIN_PREFIX``
    hex digits. Raises PlanError with one sentence when nothing or more than one matches.
    Reads over plain ``sqlite3`` (a snapshot), so the reports can resolve inside their own.
    """
    key = text.strip()
    if not key:
        raise PlanError("Give a record id or ref code; it was empty.")
    record = con.execute("SELECT id, type FROM record WHERE id = ?", (key.lower(),)).fetchone()
    if record is not None and (types is None or record[1] in types):
        return str(record[0])
    found = _by_ref_code(con, key, types)
    digits = key.lower().replace("-", "")
    if not found and _PREFIX.fullmatch(key.lower()) and len(digits) >= MIN_PREFIX:
        sql = "SELECT id, type FROM record WHERE id LIKE ?"
        params: list[str | int] = [f"{key.lower()}%"]
        if types is not None:
            sql += f" AND type IN ({', '.join('?' for _ in types)})"
            params += list(types)
        found = con.execute(sql + " LIMIT ?", [*params, _SHOWN_CANDIDATES + 1]).fetchall()
    if len(found) == 1:
        return found[0][0]
    shown = one_line(key)
    if found:
        names = ", ".join(_describe(con, i, t) for i, t in found[:_SHOWN_CANDIDATES])
        more = " and more" if len(found) > _SHOWN_CANDIDATES else ""
        raise PlanError(f"“{shown}” matches more than one record ({names}{more}): give its id.")
    which = f"{' or '.join(types)} with the id or ref_code" if types else "record with id"
    raise PlanError(
        f"There is no {which} {shown!r} (nor a ref code; an id prefix needs {MIN_PREFIX}"
        " or more characters)."
    )


def _by_ref_code(con: sqlite3.Connection, key: str, types: Collection[str] | None) -> list[tuple]:
    """Records whose ref code is ``key``: exact case first, live before deleted."""
    found: list[tuple[str, str, bool]] = []
    for type_name in REF_TYPES:
        if types is not None and type_name not in types:
            continue
        for match, wanted in (("ref_code = ?", key), ("lower(ref_code) = ?", key.lower())):
            rows = con.execute(
                f'SELECT id, deleted FROM "{type_name}" WHERE {match}', (wanted,)
            ).fetchall()
            if rows:
                found += [(i, type_name, deleted) for i, deleted in rows]
                break
    live = [(i, t) for i, t, deleted in found if not deleted]
    return live or [(i, t) for i, t, _ in found]


def _describe(con: sqlite3.Connection, record_id: str, type_name: str) -> str:
    """``ask A3 “Fair funding” (0193ab12)``: enough to tell candidates apart."""
    ref = label = None
    if type_name in TYPES:
        cursor = con.cursor()
        cursor.row_factory = sqlite3.Row
        row = cursor.execute(f'SELECT * FROM "{type_name}" WHERE id = ?', (record_id,)).fetchone()
        shown = dict(row) if row is not None else {}
        ref = shown.get("ref_code")
        label = shown.get("title") or shown.get("name")
    parts: Sequence[str] = [type_name, *([one_line(ref)] if ref else [])]
    text = " ".join(parts)
    if label:
        text += f" “{one_line(label)[:40]}”"
    return f"{text} {record_id[:8]}"
