"""What ``plantui check`` reports of the records: broken references, dates, dependency cycles.

The rules are :func:`plantui.queries.derived.integrity_findings`, the same the Overview and
an import count; SQLite's own check of the file stays with the database.
"""

from __future__ import annotations

from plantui.queries import Plan, derived


def findings(plan: Plan) -> list[derived.Finding]:
    """Every integrity finding, read from one snapshot."""
    with plan.snapshot() as con:
        return derived.integrity_findings(con)
