"""Ticking who attended an event from its detail (Events screen, key ``c``).

The same check-in list as meeting mode; the ticks are saved as ``attended`` links
(person or organisation -> event) in one transaction, so one Ctrl+Z takes them back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plantui.domain import TYPES, deterministic_id
from plantui.errors import PlanError
from plantui.queries.people import attendance

if TYPE_CHECKING:
    from plantui.service import Change, Writer
    from plantui.tui.plan_screen import PlanScreen


def set_attendance(writer: Writer, event_id: str, came: set[str], before: set[str]) -> list[Change]:
    """Add an ``attended`` link for each newly ticked attendee, delete the unticked ones'."""
    changes = [
        writer.create("link", {"role": "attended", "from": rid, "to": event_id})
        for rid in sorted(came - before)
    ]
    for rid in sorted(before - came):
        values = {"role": "attended", "from": rid, "to": event_id}
        changes.append(writer.delete(deterministic_id(TYPES["link"], values)))
    return changes


def check_in(screen: PlanScreen, event_id: str) -> None:
    """Open the check-in list for ``event_id`` over ``screen`` and save what is ticked."""
    from plantui.tui.screens.meeting import CheckIn

    app = screen.app
    choices = attendance(app.plan_db, event_id)
    before = {a.id for a in choices if a.attended}

    def done(ticked: list[str] | None) -> None:
        came = set(ticked or ())
        if ticked is None or came == before:
            return
        try:
            app.editor.together(lambda w: set_attendance(w, event_id, came, before))
        except PlanError as exc:
            app.notify(str(exc), severity="error", markup=False)
            return
        app.notify(f"Attendance saved: {len(came)} ticked.", markup=False)

    app.push_screen(CheckIn(choices), done)
