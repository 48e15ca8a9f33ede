"""Live records offered as choices for refs and the record picker, as a person types.

Filtered in SQL (LIKE over the projection tables) and ordered in Python (natural ref-code
order has no SQL collation): a plan of 10,000 records still answers at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from plantui.domain import TYPES, record_label
from plantui.queries import Plan
from plantui.queries.labels import Named
from plantui.ref_order import by_ref_code

PICKABLE = ("ask", "pledge", "action", "organisation", "event", "note", "plan")
"""Types a person can pick by label (links and dependencies have no useful label)."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One live record offered to a person: id, type and the label they recognise."""

    id: str
    type: str
    label: str


def _conditions(
    type_name: str, code: str, needle: str, exclude: frozenset[str]
) -> tuple[str, list[str]]:
    """The WHERE clause of a type's choices: live (not deleted, and not merged into another:
    a person picks the record that was kept, not its duplicate), matching, not excluded."""
    label = f'"{TYPES[type_name].label_field}"'
    where, params = ["deleted = 0"], []
    if "merged_into" in TYPES[type_name].fields:
        where.append("merged_into IS NULL")
    if needle:
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        match = [f"lower({label}) LIKE ? ESCAPE '\\'"]
        if code != "NULL":
            match.append("lower(ref_code) LIKE ? ESCAPE '\\'")
        where.append(f"({' OR '.join(match)})")
        params += [pattern] * len(match)
    if exclude:
        where.append(f"id NOT IN ({', '.join('?' * len(exclude))})")
        params += sorted(exclude)
    return " AND ".join(where), params


def live_choices(
    plan: Plan,
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
    with plan.snapshot() as con:
        for type_name in types:
            if type_name not in TYPES or type_name not in PICKABLE:
                continue
            rtype = TYPES[type_name]
            code = "ref_code" if "ref_code" in rtype.fields else "NULL"
            title = "title" if "title" in rtype.fields else "NULL"
            where, params = _conditions(type_name, code, needle, exclude)
            rows = con.execute(
                f'SELECT id, "{rtype.label_field}", {code}, {title} FROM "{type_name}"'
                f" WHERE {where}",
                params,
            ).fetchall()
            total += len(rows)
            rows.sort(key=lambda r: (*by_ref_code(r[2], r[1]), r[0]))
            for record_id, shown, ref, titled in rows[: max(0, limit - len(out))]:
                values = {rtype.label_field: shown, "title": titled}
                label = record_label(type_name, values, record_id)
                named = Named(record_id, type_name, label, str(ref) if ref else None, False)
                out.append(Choice(record_id, type_name, named.shown))
    return out, total
