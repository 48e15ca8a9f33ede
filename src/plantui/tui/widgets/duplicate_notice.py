"""One line after a record is added in a form when it looks like one already kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plantui.queries import Plan
from plantui.text import one_line

if TYPE_CHECKING:
    from plantui.tui.app import PlanApp

MERGE_HINT = ": m on the list merges them"
"""Only organisations and people have `m` (merge) on their list."""


def duplicate_notice(plan: Plan, type_name: str, record_id: str) -> str | None:
    """The sentence for a just-added record that looks like another, or None."""
    from plantui.duplicates import SIMILAR_TYPES  # here: the list screens open without them
    from plantui.queries import duplicates

    pairs = duplicates.looks_like(plan, type_name, record_id)
    if not pairs:
        return None
    pair = pairs[0]
    label = pair.b_label if pair.a_id == record_id else pair.a_label
    text = f"Looks like “{one_line(label)}” ({pair.reason})"
    if len(pairs) > 1:
        text += f" and {len(pairs) - 1} more"
    return text + (MERGE_HINT if type_name in SIMILAR_TYPES else ".")


def notify_if_duplicate(app: PlanApp, type_name: str, record_id: str | None) -> None:
    """Say so (a warning, plain text) when the record just added looks like another."""
    if not record_id:
        return
    text = duplicate_notice(app.plan_db, type_name, record_id)
    if text:
        app.notify(text, severity="warning", timeout=8, markup=False)
