"""Live records as choices for refs and the picker, found in SQL through the projection tables.

Kept in SQL (LIKE and LIMIT) so a plan of 10,000 records costs the same as one of 100, and in
plain sqlite3 (``Database.snapshot``): a form asks for several lists every time it opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from plantui.domain import TYPES
from plantui.storage.database import Database
from plantui.text import one_line

PICKABLE = ("ask", "pledge", "action", "organisation", "event", "note", "plan")
"""Types a person can pick by label (links and dependencies have no useful label)."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One live record offered to a person: id, type and the label they recognise."""

    id: str
    type: str
    label: str


def _shown(label: object, ref_code: object, record_id: str) -> str:
    text = one_line(str(label)) if label else record_id
    if ref_code:
        text = f"{one_line(str(ref_code))} {text}"
    return text


def _columns(type_name: str) -> str:
    """The label column, and the ref code where the type has one (names from the model)."""
    rtype = TYPES[type_name]
    return f'"{rtype.label_field}"' + (", ref_code" if "ref_code" in rtype.fields else "")


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
    with db.snapshot() as con:
        for type_name in types:
            if type_name not in TYPES or type_name not in PICKABLE:
                continue
            label = f'"{TYPES[type_name].label_field}"'
            has_code = "ref_code" in TYPES[type_name].fields
            where, params = ["deleted = 0"], []
            if needle:
                match = [f"lower({label}) LIKE ? ESCAPE '\\'"]
                if has_code:
                    match.append("lower(ref_code) LIKE ? ESCAPE '\\'")
                where.append(f"({' OR '.join(match)})")
                params += [pattern] * len(match)
            if exclude:
                where.append(f"id NOT IN ({', '.join('?' * len(exclude))})")
                params += sorted(exclude)
            clause = " AND ".join(where)
            total += con.execute(
                f'SELECT count(*) FROM "{type_name}" WHERE {clause}', params
            ).fetchone()[0]
            room = limit - len(out)
            if room <= 0:
                continue
            order = f"ref_code, {label}" if has_code and type_name == "ask" else label
            rows = con.execute(
                f'SELECT id, {_columns(type_name)} FROM "{type_name}" WHERE {clause}'
                f" ORDER BY {order}, id LIMIT ?",
                [*params, room],
            )
            for row in rows:
                ref = row[2] if has_code else None
                out.append(Choice(row[0], type_name, _shown(row[1], ref, row[0])))
    return out, total


def label_of(db: Database, record_id: str) -> str:
    """The label a person knows a record by, or its id when it has none (or is unknown)."""
    with db.snapshot() as con:
        found = con.execute("SELECT type FROM record WHERE id = ?", (record_id,)).fetchone()
        kind = found[0] if found else None
        if kind not in TYPES:
            return record_id
        row = con.execute(
            f'SELECT {_columns(kind)} FROM "{kind}" WHERE id = ?', (record_id,)
        ).fetchone()
    if row is None:
        return record_id
    ref = row[1] if len(row) > 1 else None
    return f"{_shown(row[0], ref, record_id)} ({kind})"
