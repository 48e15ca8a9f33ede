"""The timeline screen: the Gantt chart, a detail pane for the selected row, and the edits.

Every change goes through ``app.editor`` (so it is validated, committed at once and
undoable with the app's undo); the app tells the screen to ``reload`` after each edit.
A big plan is read in a thread, so keys keep working while 20,000 actions load.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Static

from plantui import clock
from plantui.errors import PlanError
from plantui.schedule import (
    NO_ASK,
    NO_RAG,
    Bar,
    BarFilter,
    Schedule,
    load_schedule,
    resized,
    shifted,
)
from plantui.storage.database import Database, connect
from plantui.text import one_line
from plantui.tui.plan_screen import PlanScreen
from plantui.tui.timeline.gantt import (
    FILL,
    GHOST,
    LATE,
    MILESTONE,
    STATUS_WORDS,
    TODAY,
    GanttView,
)
from plantui.tui.widgets.choose import ChooseOne
from plantui.tui.widgets.duplicate_notice import notify_if_duplicate
from plantui.tui.widgets.filters import FILTER_BINDINGS, RAG_CHOICES, Filters, ask_filter
from plantui.tui.widgets.footer import KeysFooter
from plantui.tui.widgets.safe import rag_content, show

"""The same ANSI colours as the rest of the app (widgets.safe), whatever the theme."""


class TimelineScreen(PlanScreen):
    """The plan's year as bars under their asks; edit dates and links from the keyboard."""

    LOAD_IN_THREAD_FROM: ClassVar[int] = 1_000
    """Plans with at least this many actions are read in a thread: reading them takes longer
    than a frame (about 0.4 s for 20,000 here), and keys must keep working meanwhile."""

    class Loaded(Message):
        """A schedule read in the loading thread (the whole, or its first screenful)."""

        def __init__(
            self, schedule: Schedule, generation: int, drawn: threading.Event | None = None
        ) -> None:
            super().__init__()
            self.schedule = schedule
            self.generation = generation
            self.drawn = drawn
            """Set once a first screenful is on screen (None: this is the whole schedule)."""

    CSS_PATH = Path(__file__).with_name("timeline.tcss")
    SUB_TITLE = "Timeline"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("z", "zoom", "Zoom", id="timeline.zoom"),
        Binding("less_than_sign,shift+left", "move(-1)", "Earlier", id="timeline.earlier"),
        Binding("greater_than_sign,shift+right", "move(1)", "Later", id="timeline.later"),
        Binding("minus", "resize(-1)", "End sooner", id="timeline.end-sooner"),
        Binding("plus,equals_sign", "resize(1)", "End later", id="timeline.end-later"),
        Binding("enter,e", "edit", "Edit", id="timeline.edit"),
        Binding("a", "add(False)", "Add action", id="timeline.add-action"),
        Binding("m", "add(True)", "Add milestone", id="timeline.add-milestone"),
        Binding("w", "link", "Waits on", id="timeline.link"),
        Binding("u", "unlink", "Unlink", id="timeline.unlink"),
        Binding("d", "delete", "Delete", id="timeline.delete"),
        Binding("n", "note", "Note", id="timeline.note"),
        Binding("b", "baseline", "Set baseline", id="timeline.baseline"),
        Binding("c", "critical", "Critical path", id="timeline.critical"),
        Binding("t", "today", "Today", id="timeline.today"),
        Binding("H", "history", "History", show=False, id="timeline.history"),
        Binding(
            "right_square_bracket",
            "event(1)",
            "Next event",
            id="timeline.next-event",
            key_display="]",
        ),
        Binding(
            "left_square_bracket",
            "event(-1)",
            "Prev event",
            id="timeline.prev-event",
            show=False,
            key_display="[",
        ),
        *FILTER_BINDINGS,
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="timeline-filter", markup=False)
        yield GanttView(id="gantt")
        yield Static(id="timeline-detail", markup=False)
        yield Static(_legend(), id="timeline-legend")
        yield KeysFooter()

    @property
    def gantt(self) -> GanttView:
        return self.query_one(GanttView)

    @property
    def today(self) -> dt.date:
        return getattr(self.app, "today", None) or clock.today()

    @property
    def schedule(self) -> Schedule:
        return self.gantt.schedule

    _wanted: str | None = None
    """A record asked for before its schedule was shown; selected once it is."""
    _generation = 0
    """Counts reloads, so a schedule read before the latest reload is never shown."""
    _shown = -1
    """The generation of the schedule on screen."""

    @property
    def reading(self) -> bool:
        """True while a reload is being read in the thread."""
        return self._shown != self._generation

    def __init__(self) -> None:
        super().__init__()
        self.filters = Filters()
        """What the `f` menu chose; the Gantt shows only the actions it keeps."""

    def on_mount(self) -> None:
        self.query_one("#timeline-filter", Static).display = False
        self.gantt.focus()
        self.reload()

    def _database(self) -> Database:
        db = getattr(self.app, "db", None)
        return db if isinstance(db, Database) else self.app.service.db

    def _action_count(self) -> int:
        with self._database().snapshot() as con:
            return int(con.execute("SELECT count(*) FROM action WHERE NOT deleted").fetchone()[0])

    def reload(self) -> None:
        """Read the schedule again (the app calls this whenever the database changes): at
        once for a small plan, in a thread for a big one, showing the old one meanwhile."""
        self._generation += 1
        count = self._action_count()
        if count < self.LOAD_IN_THREAD_FROM:
            with self._database().snapshot() as con:
                schedule = self._read(con)
            self._show_schedule(schedule, self._generation)
            return
        if self._shown < 0:
            self.query_one("#timeline-detail", Static).update(
                Content(f"Loading the timeline of {count:,} actions…")
            )
        self._load_in_thread(self._generation)

    def _read(self, con: sqlite3.Connection) -> Schedule:
        schedule = load_schedule(con)
        if self.gantt.show_critical:
            schedule.critical  # noqa: B018 - computed here, not while drawing
        return schedule

    @work(thread=True, exclusive=True, group="timeline-load", exit_on_error=False)
    def _load_in_thread(self, generation: int) -> None:
        # A connection of its own: the app's shared one stays free for the screens meanwhile.
        con = connect(self._database().path)
        try:
            with con:
                con.execute("BEGIN")
                if self._shown < 0:  # an empty chart: its first screenful first
                    first = load_schedule(con, rows=self.size.height)
                    drawn = threading.Event()
                    self.post_message(self.Loaded(first, generation, drawn))
                    # Let it reach the screen before the long read competes for the GIL.
                    drawn.wait(timeout=1.0)
                schedule = self._read(con)
        except Exception as exc:  # the old schedule stays; say why the new one is missing
            self.app.call_from_thread(self._not_loaded, generation, exc)
            return
        finally:
            con.close()
        self.post_message(self.Loaded(schedule, generation))

    def _not_loaded(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._shown = generation  # keep the schedule on screen as the one to work with
        message = f"Could not load the timeline: {show(error)}"
        self.notify(message, severity="error", markup=False)

    def on_timeline_screen_loaded(self, message: Loaded) -> None:
        self._show_schedule(message.schedule, message.generation, message.drawn is None)
        if message.drawn is not None:
            self.call_after_refresh(message.drawn.set)

    def _show_schedule(self, schedule: Schedule, generation: int, whole: bool = True) -> None:
        if generation != self._generation or self._shown == generation:
            return  # a newer reload is on its way, or the whole is already shown
        if not whole:
            self.gantt.set_schedule(schedule, self.today)
            return
        self._shown = generation
        self.gantt.set_schedule(schedule, self.today)
        if self._wanted is not None:
            self._select(self._wanted)
            self._wanted = None

    def select_record(self, record_id: str) -> None:
        """Select an action or ask (the app's "open record" lands here), now or once its
        schedule is shown."""
        if not self.is_mounted or self.reading:
            self._wanted = record_id
            return
        if record_id not in self.schedule.bars and record_id not in self.schedule.ask_ids:
            self._wanted = record_id
            self.reload()
            return
        self._select(record_id)

    def _select(self, record_id: str) -> None:
        """Select a record, clearing the filter (and saying so) if it hides the record."""
        if not self.gantt.select(record_id) and self.filters:
            self.notify("Filters cleared to show it.", markup=False)
            self._filtered(None, "", "")
            self.gantt.select(record_id)

    # -- detail pane --------------------------------------------------------------------------

    def on_gantt_view_cursor_moved(self, message: GanttView.CursorMoved) -> None:
        self._show_detail()

    def _show_detail(self, extra: Content | None = None) -> None:
        row = self.gantt.selected_row
        if row is None and self.filters:
            text = Content("No action matches the filter: f to change it, F clears it.")
        elif row is None:
            text = Content("No actions yet: press a to add one.")
        elif row.kind == "ask":
            text = self._ask_detail(row.id)
        else:
            text = self._action_detail(self.schedule.bars[row.id])
        if extra is not None:
            text = Content("\n").join([text, extra])
        self.query_one("#timeline-detail", Static).update(text)

    def _ask_detail(self, key: str) -> Content:
        s = self.schedule
        bars = s.group_bars(key)
        span = s.group_span(key)
        rag = s.group_rag(key)
        progress = s.group_progress(key)
        lines = [
            Content.assemble(
                (s.group_title(key), "bold"),
                f"  {len(bars)} action{'s' if len(bars) != 1 else ''}",
                f"  {span[0]} → {span[1]}" if span else "",
            ),
            Content.assemble("RAG: ", rag_content(rag), f" · Progress: {_pct(progress)}"),
        ]
        milestone = s.ask_next_milestone(key, self.today)
        lines.append(Content.assemble("Next milestone: ", _milestone(milestone)))
        lines.append(Content.styled("space fold/unfold · a add action · m add milestone", "dim"))
        return Content("\n").join(lines)

    def _action_detail(self, bar: Bar) -> Content:
        s = self.schedule
        if bar.milestone:
            when = f"  milestone {bar.first or 'no date'}"
        elif bar.first:
            when = f"  {bar.first} → {bar.last} ({bar.duration_days} days)"
        else:
            when = "  no dates"
        moved = ""
        if bar.moved:
            moved = f"  baseline {bar.baseline_start or '?'} → {bar.baseline_end or '?'}"
        org = s.organisations
        lines = [
            Content.assemble((bar.label, "bold"), when, (moved, "dim")),
            Content.assemble(
                "Owners: ",
                org.get(bar.community_owner or "", "none") or "none",
                (" (community)", "dim"),
                " · ",
                org.get(bar.public_owner or "", "none") or "none",
                (" (public)", "dim"),
                " · Pledge: ",
                s.pledges.get(bar.pledge or "", "none") or "none",
            ),
            Content.assemble(
                "Status: ",
                STATUS_WORDS.get(bar.status or "", "not set"),
                " · RAG: ",
                rag_content(bar.rag),
                f" · Progress: {_pct(bar.progress)} · Next milestone: ",
                _milestone(s.next_milestone(bar.id, self.today)),
            ),
        ]
        problems = s.violated_by.get(bar.id, [])
        if problems:
            lines.append(
                Content.assemble(
                    (f"{LATE} ", "bold $text-error"),
                    ("; ".join(v.describe(s.bars) for v in problems), "$text-error"),
                )
            )
        else:
            preds, succs = s.related(bar.id)
            lines.append(
                Content.styled(
                    f"← waits on {len(preds)} · → leads to {len(succs)} · no violated links",
                    "dim",
                )
            )
        lines.extend(self._notes(bar.id))
        return Content("\n").join(lines)

    def _notes(self, action_id: str, shown: int = 3) -> list[Content]:
        """The latest notes about an action, newest first (the report prints them too)."""
        with self._database().snapshot() as con:
            notes = con.execute(
                "SELECT date, headline FROM note WHERE about = ? AND NOT deleted"
                " ORDER BY date DESC LIMIT ?",
                (action_id, shown),
            ).fetchall()
        return [
            Content.assemble(("Note ", "dim"), f"{day or 'undated'} ", one_line(headline or ""))
            for day, headline in notes
        ]

    # -- edits --------------------------------------------------------------------------------

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
        values = self.app.service.get(bar.id).values
        start, end = (values.get(key) for key in ("start", "end"))
        return replace(
            bar,
            start=dt.date.fromisoformat(start) if start else None,
            end=dt.date.fromisoformat(end) if end else None,
        )

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
        from plantui.schedule import baseline_edits

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

    # -- filter -------------------------------------------------------------------------------

    def action_filter_by(self) -> None:
        """Show only the actions of one owner, RAG, status or ask (f again adds another)."""
        ask_filter(self, ("owner", "rag", "status", "ask"), self._filter_values, self._filtered)

    def action_clear_filters(self) -> None:
        """Show every action again."""
        self._filtered(None, "", "")

    def _filter_values(self, facet: str) -> list[tuple[str, str]]:
        """The values of a facet present in the plan, as (value, label)."""
        s = self.schedule
        bars = s.bars.values()
        if facet == "owner":
            owners = {o for b in bars for o in (b.community_owner, b.public_owner) if o}
            named = [(o, one_line(s.organisations.get(o) or o)) for o in owners]
            return sorted(named, key=lambda pair: pair[1].casefold())
        if facet == "rag":
            return [*RAG_CHOICES, (NO_RAG, "not set")]
        if facet == "status":
            present = {b.status or "" for b in bars}
            out = [(k, w) for k, w in STATUS_WORDS.items() if k in present]
            return out + ([("", "not set")] if "" in present else [])
        asks = [(a.id, one_line(a.label)) for a in s.asks if s.group_bars(a.id)]
        return asks + ([(NO_ASK, "no ask")] if s.group_bars(NO_ASK) else [])

    def _filtered(self, facet: str | None, value: str, label: str) -> None:
        if facet is None:
            self.filters.clear()
        else:
            self.filters.set(facet, value, label)
        self._apply_filter()

    def _apply_filter(self) -> None:
        f = self.filters
        only = BarFilter(f.value("owner"), f.value("rag"), f.value("status"), f.value("ask"))
        self.gantt.only = only if only.active else None
        self.gantt.set_schedule(self.schedule, self.today)
        line = self.query_one("#timeline-filter", Static)
        line.display = bool(f)
        line.update(
            Content.assemble(
                ("Showing only ", "bold"), f.describe(), ("  — f to change, F clears", "dim")
            )
        )
        self._show_detail()

    # -- view ---------------------------------------------------------------------------------

    def action_zoom(self) -> None:
        zoom = self.gantt.cycle_zoom()
        self.notify(f"Zoom: {zoom}", timeout=1.5, markup=False)

    def action_critical(self) -> None:
        shown = self.gantt.toggle_critical()
        path = self.schedule.critical
        if shown and not path.actions:
            self.notify("No dependencies, so no critical path.", markup=False)
        elif shown:
            self.notify(
                f"Critical path: {len(path.actions)} actions, {path.days} days (marked *).",
                markup=False,
            )

    def action_today(self) -> None:
        self.gantt.show_day(self.today)

    def action_event(self, step: int) -> None:
        """Go to the next or previous event and show its title."""
        events = self.schedule.events
        if not events:
            self.notify("No events in this plan.", markup=False)
            return
        gantt = self.gantt
        if gantt.focus_event is None:
            after = [i for i, e in enumerate(events) if e.day >= self.today]
            index = (after[0] if after else len(events)) - (1 if step < 0 else 0)
        else:
            index = gantt.focus_event + step
        index %= len(events)
        gantt.focus_event = index
        event = events[index]
        gantt.show_day(event.day)
        gantt.refresh()
        kind = (event.kind or "event").replace("_", " ")
        self._show_detail(
            Content.assemble(
                ("▲ ", "bold $text-secondary"),
                f"{event.day:%d %b %Y} ",
                (kind, "dim"),
                ": ",
                (event.title, "bold"),
            )
        )


def _pct(value: int | None) -> str:
    return "–" if value is None else f"{value}%"


def _milestone(bar: Bar | None) -> Content:
    if bar is None:
        return Content.styled("none ahead", "dim")
    return Content.assemble(f"{MILESTONE} ", bar.label, (f" ({bar.first})", "dim"))


def _legend() -> Content:
    parts: list[tuple[str, str] | str] = []
    for status in ("on_track", "at_risk", "off_track", "not_started", "done"):
        parts += [(FILL[status], "bold"), f" {STATUS_WORDS[status]}  "]
    parts += [
        (MILESTONE, "bold"),
        " milestone  ",
        (GHOST, "bold"),
        " baseline  ",
        (TODAY, "bold $text-error"),
        " today  ",
        ("┊", "bold"),
        " event  ",
        (LATE, "bold reverse $text-error"),
        " late link  * critical  ■▲● RAG",
    ]
    return Content.assemble(*parts)
