"""`m` on a list of organisations or people: merge the selected duplicate into another, or
show a merged one again. The merge itself is the core's (``plantui.merging``)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding

from plantui.errors import PlanError
from plantui.queries import lists
from plantui.tui.widgets.browse import BrowseScreen, Row


class MergeableScreen(BrowseScreen[Row]):
    """A list whose records can be merged (organisations, people)."""

    BINDINGS: ClassVar = [Binding("m", "merge", "Merge", id="record.merge")]

    def action_merge(self) -> None:
        record_id = self._need_selection()
        if not record_id:
            return
        from plantui.merging import merge_records, unmerge_record  # the write path

        app = self.app
        view = lists.record(app.plan_db, record_id)
        if view.values.get("merged_into"):
            try:
                kept = unmerge_record(app.service, record_id)
            except PlanError as exc:
                app.notify(str(exc), severity="error", markup=False)
                return
            app.schedule_reload()
            kept_label = lists.record(app.plan_db, kept).label
            app.notify(
                f"“{view.label}” shows again; what moved to “{kept_label}” stays there.",
                markup=False,
            )
            return
        from plantui.tui.forms import PickRecord

        def picked(kept_id: str | None) -> None:
            if not kept_id:
                return
            try:
                done = merge_records(app.service, record_id, kept_id)
            except PlanError as exc:
                app.notify(str(exc), severity="error", markup=False)
                return
            app.schedule_reload()
            kept_label = lists.record(app.plan_db, kept_id).label
            app.notify(done.text(view.label, kept_label), markup=False)

        title = f"Merge “{view.label}” into which {view.type}? (it keeps the other)"
        app.push_screen(PickRecord((view.type,), title, exclude=frozenset({record_id})), picked)
