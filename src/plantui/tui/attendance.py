"""Ticking who attended an event from its detail (Events screen, key ``c``).

The same check-in list as meeting mode; the ticks are saved as ``attended`` links
(person or organisation -> event) in one transaction, so one Ctrl+Z takes them back.
"""

from __future__ import annotations

from textual.screen import Screen

from plantui.domain import TYPES, deterministic_id
from plantui.errors import PlanError
from plantui.service import Change, Writer
from plantui.storage.database import Database


def attendance_choices(db: Database, event_id: str) -> list[tuple[str, str, bool]]:
    """(id, name, attended) for every live person and organisation, by name."""
    with db.snapshot() as con:
        came = {
            r
            for (r,) in con.execute(
                'SELECT "from" FROM link WHERE role = \'attended\' AND deleted = 0 AND "to" = ?',
                (event_id,),
            )
        }
        rows = con.execute(
            "SELECT id, name FROM person WHERE deleted = 0 UNION ALL"
            " SELECT id, name FROM organisation WHERE deleted = 0 ORDER BY 2"
        ).fetchall()
    return [(rid, name or rid, rid in came) for rid, name in rows]


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


def check_in(screen: Screen, event_id: str) -> None:
    """Open the check-in list for ``event_id`` over ``screen`` and save what is ticked."""
    from plantui.tui.screens.meeting import CheckIn

    app = screen.app
    choices = attendance_choices(app.db, event_id)  # type: ignore[attr-defined]
    before = {rid for rid, _, ticked in choices if ticked}

    def done(ticked: list[str] | None) -> None:
        came = set(ticked or ())
        if ticked is None or came == before:
            return
        try:
            app.editor.together(  # type: ignore[attr-defined]
                lambda w: set_attendance(w, event_id, came, before)
            )
        except PlanError as exc:
            app.notify(str(exc), severity="error", markup=False)
            return
        app.notify(f"Attendance saved: {len(came)} ticked.", markup=False)

    app.push_screen(CheckIn(choices), done)
