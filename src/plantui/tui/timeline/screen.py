"""The timeline screen: the Gantt chart, a detail pane for the selected row, and the edits.

A big plan is read in a worker thread (its first screenful first), so keys keep working
while 20,000 actions load; the edit keys are in :mod:`.edits`.
"""

from __future__ import annotations

import threading
from contextlib import closing
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Static

from plantui.errors import PlanError
from plantui.queries import timeline as reads
from plantui.schedule import NO_ASK, NO_RAG, BarFilter, Schedule
from plantui.text import one_line
from plantui.tui.timeline.detail import action_detail, ask_detail, legend
from plantui.tui.timeline.edits import TimelineEdits
from plantui.tui.timeline.gantt import GanttView
from plantui.tui.timeline.glyphs import STATUS_WORDS
from plantui.tui.widgets.filters import FILTER_BINDINGS, RAG_CHOICES, Filters, ask_filter
from plantui.tui.widgets.footer import KeysFooter
from plantui.tui.widgets.safe import show


class TimelineScreen(TimelineEdits):
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
        yield Static(legend(), id="timeline-legend")
        yield KeysFooter()

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

    def reload(self) -> None:
        """Read the schedule again (the app calls this whenever the database changes): at
        once for a small plan, in a thread for a big one, showing the old one meanwhile."""
        self._generation += 1
        count = reads.live_action_count(self.app.plan_db)
        if count < self.LOAD_IN_THREAD_FROM:
            schedule = self._with_critical(reads.read_schedule(self.app.plan_db))
            self._show_schedule(schedule, self._generation)
            return
        if self._shown < 0:
            self.query_one("#timeline-detail", Static).update(
                Content(f"Loading the timeline of {count:,} actions…")
            )
        self._load_in_thread(self._generation)

    def _with_critical(self, schedule: Schedule) -> Schedule:
        if self.gantt.show_critical:
            schedule.critical  # noqa: B018 - computed here, not while drawing
        return schedule

    @work(thread=True, exclusive=True, group="timeline-load", exit_on_error=False)
    def _load_in_thread(self, generation: int) -> None:
        first = self._shown < 0  # an empty chart: its first screenful first
        try:
            with closing(
                reads.schedule_in_steps(self.app.plan_db, self.size.height if first else None)
            ) as steps:
                if first:
                    drawn = threading.Event()
                    self.post_message(self.Loaded(next(steps), generation, drawn))
                    # Let it reach the screen before the long read competes for the GIL.
                    drawn.wait(timeout=1.0)
                schedule = self._with_critical(next(steps))
        except PlanError as exc:  # the old schedule stays; say why the new one is missing
            self.app.call_from_thread(self._not_loaded, generation, exc)
            return
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
            text = ask_detail(self.schedule, row.id, self.today)
        else:
            notes = reads.latest_notes(self.app.plan_db, row.id)
            text = action_detail(self.schedule, self.schedule.bars[row.id], self.today, notes)
        if extra is not None:
            text = Content("\n").join([text, extra])
        self.query_one("#timeline-detail", Static).update(text)

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
