"""Live records as choices for refs and the picker, found in SQL through the projection tables.

Filtered in SQL (LIKE) and ordered in Python (natural ref-code order has no SQL collation),
through plain sqlite3 (``Database.snapshot``): a plan of 10,000 records still answers at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from plantui.domain import TYPES
from plantui.ref_order import by_ref_code
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


def _label_and_code(type_name: str) -> tuple[str, str]:
    """SQL for a type's label column and its ref code (NULL for types without one)."""
    rtype = TYPES[type_name]
    return f'"{rtype.label_field}"', "ref_code" if "ref_code" in rtype.fields else "NULL"


def live_choices(
    db: Database,
    types: tuple[str, ...],
    text: str = "",
    limit: int = 200,
    exclude: frozenset[str] = frozenset(),
) -> tuple[list[Choice], int]:
    """Up to ``limit`` live records of ``types`` whose label or ref code contains ``text``,
    in natural ref-code order (P2 before P10; records without one last), then by label, and
    how many match in all (so the screen can say "N more")."""
    out: list[Choice] = []
    total = 0
    needle = text.strip().lower()
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    with db.snapshot() as con:
        for type_name in types:
            if type_name not in TYPES or type_name not in PICKABLE:
                continue
            label, code = _label_and_code(type_name)
            where, params = ["deleted = 0"], []
            if "merged_into" in TYPES[type_name].fields:  # pick the kept one, not a duplicate
                where.append("merged_into IS NULL")
            if needle:
                match = [f"lower({label}) LIKE ? ESCAPE '\\'"]
                if code != "NULL":
                    match.append("lower(ref_code) LIKE ? ESCAPE '\\'")
                where.append(f"({' OR '.join(match)})")
                params += [pattern] * len(match)
            if exclude:
                where.append(f"id NOT IN ({', '.join('?' * len(exclude))})")
                params += sorted(exclude)
            clause = " AND ".join(where)
            rows = con.execute(
                f'SELECT id, {label}, {code} FROM "{type_name}" WHERE {clause}', params
            ).fetchall()
            total += len(rows)
            rows.sort(key=_natural_order)
            for record_id, shown, ref in rows[: max(0, limit - len(out))]:
                out.append(Choice(record_id, type_name, _shown(shown, ref, record_id)))
    return out, total


def _natural_order(row: tuple[str, object, object]) -> tuple:
    record_id, label, code = row
    return (*by_ref_code(code, label), record_id)


def label_of(db: Database, record_id: str) -> str:
    """The label a person knows a record by, or its id when it has none (or is unknown)."""
    with db.snapshot() as con:
        found = con.execute("SELECT type FROM record WHERE id = ?", (record_id,)).fetchone()
        kind = found[0] if found else None
        if kind not in TYPES:
            return record_id
        label, code = _label_and_code(kind)
        row = con.execute(
            f'SELECT {label}, {code} FROM "{kind}" WHERE id = ?', (record_id,)
        ).fetchone()
    if row is None:
        return record_id
    return f"{_shown(row[0], row[1], record_id)} ({kind})"
