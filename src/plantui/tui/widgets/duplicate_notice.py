"""One line after a record is added in a form when it looks like one already kept."""

from __future__ import annotations

from textual.app import App

from plantui.text import one_line

MERGE_HINT = ": m on the list merges them"
"""Only organisations and people have `m` (merge) on their list."""


def duplicate_notice(app: App, type_name: str, record_id: str) -> str | None:
    """The sentence for a just-added record that looks like another, or None."""
    from plantui.duplicates import SIMILAR_TYPES, looks_like  # SQL: not on the first frame

    with app.service.db.read() as session:  # type: ignore[attr-defined]
        pairs = looks_like(session, type_name, record_id)
    if not pairs:
        return None
    pair = pairs[0]
    label = pair.b_label if pair.a_id == record_id else pair.a_label
    text = f"Looks like “{one_line(label)}” ({pair.reason})"
    if len(pairs) > 1:
        text += f" and {len(pairs) - 1} more"
    return text + (MERGE_HINT if type_name in SIMILAR_TYPES else ".")


def notify_if_duplicate(app: App, type_name: str, record_id: str | None) -> None:
    """Say so (a warning, plain text) when the record just added looks like another."""
    if not record_id:
        return
    text = duplicate_notice(app, type_name, record_id)
    if text:
        app.notify(text, severity="warning", timeout=8, markup=False)
