"""The timeline's edit keys: move and resize bars, add, link, unlink, delete, note, baseline.

Every change goes through ``app.editor`` (so it is validated, committed at once and
undoable with the app's undo); the app tells the screen to ``reload`` after each edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from plantui import clock
from plantui.errors import PlanError
from plantui.queries.timeline import stored_dates
from plantui.schedule import Bar, Schedule, baseline_edits, resized, shifted
from plantui.tui.plan_screen import PlanScreen
from plantui.tui.timeline.gantt import GanttView
from plantui.tui.widgets.choose import ChooseOne
from plantui.tui.widgets.duplicate_notice import notify_if_duplicate
from plantui.tui.widgets.safe import show


class TimelineEdits(PlanScreen):
    """The edit actions of the timeline screen (its keys are bound there)."""

    if TYPE_CHECKING:

        @property
        def reading(self) -> bool: ...

        def select_record(self, record_id: str) -> None: ...

        def reload(self) -> None: ...

    @property
    def gantt(self) -> GanttView:
        return self.query_one(GanttView)

    @property
    def today(self) -> dt.date:
        return getattr(self.app, "today", None) or clock.today()

    @property
    def schedule(self) -> Schedule:
        return self.gantt.schedule

    def _edit(self, record_id: str, values: dict) -> bool:
        try:
            self.app.editor.update(record_id, values)
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False
        return True

    def _need_bar(self) -> Bar | None:
        bar = self.gantt.selected_bar
        if bar is None:
            self.notify("Select an action first.", markup=False)
        return bar

    def _stored(self, bar: Bar) -> Bar:
        """The bar with its stored dates: while a reload is read, the shown ones may be an
        edit behind, and a second quick move must start where the first one ended."""
        if not self.reading:
            return bar
        start, end = stored_dates(self.app.plan_db, bar.id)
        return replace(bar, start=start, end=end)

    def _step(self) -> int:
        """Days per move: a day at week zoom, a week otherwise."""
        return 1 if self.gantt.zoom == "week" else 7

    def action_move(self, direction: int) -> None:
        """Move the selected bar earlier or later, keeping its duration."""
        bar = self._need_bar()
        if bar is None:
            return
        bar = self._stored(bar)
        values = shifted(bar, direction * self._step())
        if not values:
            self.notify("This action has no dates yet: press e to set them.", markup=False)
            return
        self._edit(bar.id, values)

    def action_resize(self, direction: int) -> None:
        """Make the selected bar end sooner or later (a milestone moves whole)."""
        bar = self._need_bar()
        if bar is None:
            return
        bar = self._stored(bar)
        values = resized(bar, direction * self._step())
        if values is None:
            what = "has no dates yet" if bar.first is None else "cannot end before it starts"
            self.notify(f"This action {what}.", markup=False)
            return
        self._edit(bar.id, values)

    def action_edit(self) -> None:
        row = self.gantt.selected_row
        if row is None:
            return
        if row.kind == "ask":
            if row.id:
                self._open_form("ask", row.id)
            return
        self._open_form("action", row.id)

    def action_add(self, milestone: bool) -> None:
        """Add an action or milestone under the selected ask, starting near the selection."""
        row = self.gantt.selected_row
        group = row.group if row is not None else ""
        bar = self.gantt.selected_bar
        start = (bar.first if bar and bar.first else None) or self.today
        preset: dict = {"start": start.isoformat()}
        if group:
            preset["ask"] = group
        if milestone:
            preset.update(milestone=True, end=start.isoformat())
        else:
            preset["end"] = (start + dt.timedelta(days=27)).isoformat()
        self._open_form("action", None, preset)

    def _open_form(self, type_name: str, record_id: str | None, preset: dict | None = None):
        from plantui.tui.forms import RecordForm

        def done(saved: str | None) -> None:
            self._after_form(saved)
            if record_id is None:
                notify_if_duplicate(self.app, type_name, saved)

        self.app.push_screen(RecordForm(type_name, record_id=record_id, preset=preset), done)

    def _after_form(self, record_id: str | None) -> None:
        if record_id:
            self.select_record(record_id)

    def action_link(self) -> None:
        """Make the selected action depend on another (finish-to-start)."""
        bar = self._need_bar()
        if bar is None:
            return
        from plantui.tui.forms import PickRecord

        title = f"{bar.label} waits on which action?"
        self.app.push_screen(
            PickRecord(("action",), title, exclude=frozenset({bar.id})),
            lambda pred: self._choose_kind(pred, bar) if pred else None,
        )

    def _choose_kind(self, pred_id: str, bar: Bar) -> None:
        pred = self.schedule.bars.get(pred_id)
        name = pred.label if pred else "the other action"
        choices = [
            ("FS", f"starts after {name} finishes (FS)"),
            ("SS", f"starts after {name} starts (SS)"),
            ("FF", f"finishes after {name} finishes (FF)"),
            ("SF", f"finishes after {name} starts (SF)"),
        ]

        def chosen(kind: str | None) -> None:
            if kind:
                self.add_dependency(pred_id, bar.id, kind)

        self.app.push_screen(ChooseOne(f"{bar.label} ...", choices), chosen)

    def add_dependency(self, pred: str, succ: str, kind: str = "FS", lag: int = 0) -> bool:
        """Record that ``succ`` waits on ``pred``; refuses a link that would make a loop."""
        if pred == succ:
            self.notify("An action cannot wait on itself.", markup=False)
            return False
        if self.schedule.reaches(succ, pred):
            self.notify(
                "That would make a loop: the other action already waits on this one.",
                severity="warning",
                markup=False,
            )
            return False
        try:
            self.app.editor.create(
                "dependency", {"from": pred, "to": succ, "kind": kind, "lag_days": lag}
            )
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False
        return True

    def action_delete(self) -> None:
        """Delete the selected action after asking (ctrl+z undoes it)."""
        bar = self._need_bar()
        if bar is None:
            return
        from plantui.tui.forms import ConfirmDialog

        label = show(bar.label)

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                self.app.editor.delete(bar.id)
            except PlanError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self.notify(f"Deleted “{label}” (ctrl+z undoes).", markup=False)

        self.app.push_screen(ConfirmDialog(f"Delete the action “{label}”?"), done)

    def action_history(self) -> None:
        """The selected action's history (h scrolls left here, so it is H)."""
        bar = self._need_bar()
        if bar is not None:
            from plantui.tui.dialogs.history import open_history

            open_history(self.app, bar.id)

    def action_note(self) -> None:
        """Write a note about the selected action."""
        bar = self._need_bar()
        if bar is None:
            return
        from plantui.tui.forms import RecordForm

        preset = {"about": bar.id, "date": self.today.isoformat()}
        self.app.push_screen(RecordForm("note", preset=preset), lambda _id: self.reload())

    def action_unlink(self) -> None:
        """Remove one of the selected action's dependencies (pick which if several)."""
        bar = self._need_bar()
        if bar is None:
            return
        s = self.schedule
        deps = s.preds.get(bar.id, []) + s.succs.get(bar.id, [])
        if not deps:
            self.notify("This action has no dependencies.", markup=False)
            return
        choices = []
        for d in deps:
            if d.succ == bar.id:
                text = f"← waits on {s.bars[d.pred].label} ({d.kind}"
            else:
                text = f"→ {s.bars[d.succ].label} waits on this ({d.kind}"
            text += f" {d.lag:+d} days)" if d.lag else ")"
            choices.append((d.id, text))
        self.app.push_screen(
            ChooseOne(f"Remove a dependency of {bar.label}", choices, hint="enter remove"),
            self._remove_dependency,
        )

    def _remove_dependency(self, dep_id: str | None) -> None:
        if not dep_id:
            return
        try:
            self.app.editor.delete(dep_id)
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)

    def action_baseline(self) -> None:
        """Freeze every action's current dates as the plan's baseline, as one undoable edit."""
        edits = baseline_edits(self.schedule.bars.values())
        if not edits:
            self.notify("The baseline already matches every action's dates.", markup=False)
            return
        try:
            self.app.editor.update_many(edits)
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(
            f"Baseline set from the current dates of {len(edits)} actions (ctrl+z undoes it).",
            markup=False,
        )
