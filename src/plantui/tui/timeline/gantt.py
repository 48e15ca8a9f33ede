"""The Gantt chart itself: a line-API ScrollView that draws only the lines on screen.

Like toolong's LogLines, it keeps no widget per row: ``render_line`` builds the strip for one
screen line from the headless ``Schedule`` and caches it (LRU), keyed by everything that can
change how that row looks, so a 10,000-action plan costs what a 100-action plan costs per
frame. Two header lines and the label column stay put while the chart scrolls under them.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from plantui.schedule import ZOOMS, Bar, BarFilter, Row, Schedule, fit_zoom, make_scale
from plantui.tui.timeline.cells import (
    Cells,
    Parts,
    RowLook,
    ask_cells,
    background,
    bar_cells,
    drawable_range,
    header_cells,
    header_label_parts,
    label_parts,
    tip,
)

HEADER_LINES = 2
MIN_LABEL = 18
MAX_LABEL = 40


class GanttView(ScrollView, can_focus=True):
    """Rows of bars under their asks, with a fixed header and label column."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="timeline.cursor-up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="timeline.cursor-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="timeline.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="timeline.page-down"),
        Binding("home", "cursor_to(0)", "First", show=False, id="timeline.first"),
        Binding("end", "cursor_to(-1)", "Last", show=False, id="timeline.last"),
        Binding("left,h", "pan(-1)", "Scroll left", show=False, id="timeline.pan-left"),
        Binding("right,l", "pan(1)", "Scroll right", show=False, id="timeline.pan-right"),
        Binding("space", "fold", "Fold", id="timeline.fold"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "gantt--header",
        "gantt--header-today",
        "gantt--title",
        "gantt--label",
        "gantt--ask",
        "gantt--cursor",
        "gantt--related",
        "gantt--green",
        "gantt--amber",
        "gantt--red",
        "gantt--norag",
        "gantt--done",
        "gantt--cancelled",
        "gantt--ghost",
        "gantt--today",
        "gantt--event",
        "gantt--event-focus",
        "gantt--grid",
        "gantt--late",
        "gantt--critical",
        "gantt--summary",
    }

    DEFAULT_CSS = """
    GanttView {
        scrollbar-size: 1 1;
        background: $surface;
        & > .gantt--header { color: $text; text-style: bold; }
        & > .gantt--header-today { color: $text-error; text-style: bold; }
        & > .gantt--title { color: $text; text-style: bold; }
        & > .gantt--label { color: $text; }
        & > .gantt--ask { color: $text; text-style: bold; }
        & > .gantt--cursor { background: $primary 35%; }
        & > .gantt--related { background: $secondary 20%; }
        & > .gantt--green { color: ansi_green; }
        & > .gantt--amber { color: ansi_yellow; }
        & > .gantt--red { color: ansi_red; }
        & > .gantt--norag { color: $text-primary; }
        & > .gantt--done { color: $text-muted; }
        & > .gantt--cancelled { color: $text-muted; }
        & > .gantt--ghost { color: $text-muted; }
        & > .gantt--today { color: $text-error; }
        & > .gantt--event { color: $foreground 55%; }
        & > .gantt--event-focus { color: $text-secondary; text-style: bold reverse; }
        & > .gantt--grid { color: $foreground 35%; }
        & > .gantt--late { color: $text-error; text-style: bold reverse; }
        & > .gantt--critical { color: $text-secondary; text-style: bold underline; }
        & > .gantt--summary { color: $text; }
    }
    """

    class CursorMoved(Message):
        """The selected row changed (or its data did)."""

        def __init__(self, row: Row | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.schedule = Schedule()
        self.rows: list[Row] = []
        self.collapsed: set[str] = set()
        self.only: BarFilter | None = None
        """The timeline filter (owner, RAG, status, ask); kept across reloads."""
        self.cursor = 0
        self.zoom = "month"
        self.zoom_chosen = False
        self._zoom_step = 1
        """Which way ``z`` goes through the zooms: +1 wider, -1 finer; it turns at each end."""
        self.show_critical = False
        self.today = dt.date.today()
        self.focus_event: int | None = None
        self.scale = make_scale("month", self.today, self.today + dt.timedelta(days=365))
        self.label_width = 30
        self._generation = 0
        self._preds: set[str] = set()
        self._succs: set[str] = set()
        self._critical: set[str] = set()
        self._row_cache: LRUCache[tuple, Strip] = LRUCache(maxsize=2048)
        self._label_cache: LRUCache[tuple, Strip] = LRUCache(maxsize=2048)
        self._header_cache: LRUCache[tuple, Strip] = LRUCache(maxsize=16)
        self._styles: dict[str, Style] = {}
        self._mixed: dict[tuple[str, str], Style] = {}
        self._template: Cells = ([], [])

    # -- data ---------------------------------------------------------------------------------

    def set_schedule(self, schedule: Schedule, today: dt.date) -> None:
        """Show a freshly loaded schedule, keeping the selected record and the fold state."""
        selected = self.selected_row
        self.schedule = schedule
        self.today = today
        self.collapsed &= {a.id for a in schedule.asks} | {""}
        self.rows = schedule.rows(self.collapsed, self.only)
        if self.show_critical:
            self._critical = set(schedule.critical.actions)
        if selected is not None:
            self.cursor = self._index_of(selected.id, selected.group)
        self.cursor = max(0, min(self.cursor, len(self.rows) - 1))
        self._rescale(new_data=True)
        self._selection_changed()

    def _index_of(self, record_id: str, group: str | None = None) -> int:
        for i, row in enumerate(self.rows):
            if row.id == record_id:
                return i
        if group is not None:
            for i, row in enumerate(self.rows):
                if row.kind == "ask" and row.id == group:
                    return i
        return self.cursor

    @property
    def selected_row(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def selected_bar(self) -> Bar | None:
        row = self.selected_row
        if row is None or row.kind != "action":
            return None
        return self.schedule.bars.get(row.id)

    def select(self, record_id: str) -> bool:
        """Select a record's row (unfolding its ask if needed); False if it is not shown."""
        bar = self.schedule.bars.get(record_id)
        if bar is not None:
            group = bar.ask if bar.ask in self.schedule.ask_ids else ""
            if group in self.collapsed:
                self.collapsed.discard(group)
                self.rows = self.schedule.rows(self.collapsed, self.only)
                self._resize_virtual()
        for i, row in enumerate(self.rows):
            if row.id == record_id:
                self.move_cursor(i)
                self.show_bar()
                return True
        return False

    # -- geometry -----------------------------------------------------------------------------

    @property
    def chart_width(self) -> int:
        """Columns left for the chart beside the label column."""
        return max(1, self.scrollable_content_region.width - self.label_width)

    def _rescale(self, new_data: bool = False) -> None:
        """Recompute the scale and label width for the zoom and the widget's width, keeping
        the cached lines unless the data or these changed (the first layout often doesn't)."""
        first, last = drawable_range(*self.schedule.date_range(self.today))
        width = self.scrollable_content_region.width or self.app.size.width
        if not self.zoom_chosen and self.schedule.bars:
            self.zoom = fit_zoom(first, last, width - MIN_LABEL)
        scale = make_scale(self.zoom, first, last)
        room = width - scale.columns
        label = max(MIN_LABEL, min(MAX_LABEL, room if room > 0 else width * 3 // 10))
        if new_data or (scale, label) != (self.scale, self.label_width):
            self.scale, self.label_width = scale, label
            self._template = background(scale, self.schedule.events, self.today)
            self._generation += 1
        self._resize_virtual()
        self.refresh()

    def _resize_virtual(self) -> None:
        self.virtual_size = Size(
            self.label_width + self.scale.columns, len(self.rows) + HEADER_LINES
        )

    def on_resize(self, event: events.Resize) -> None:
        self._rescale()
        self.call_after_refresh(self.show_cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._mixed.clear()
        self._row_cache.clear()
        self._label_cache.clear()
        self._header_cache.clear()

    def set_zoom(self, zoom: str) -> None:
        """Change the zoom, keeping the selected bar (or today) in view."""
        self.zoom = zoom
        self.zoom_chosen = True
        self._rescale()
        self.show_bar()

    def cycle_zoom(self) -> str:
        """One zoom level wider (week, month, quarter) or, once at the widest, finer again:
        each press moves to the next size, never jumps from quarter to week. Returns it."""
        index = ZOOMS.index(self.zoom)
        if not 0 <= index + self._zoom_step < len(ZOOMS):
            self._zoom_step = -self._zoom_step
        zoom = ZOOMS[index + self._zoom_step]
        self.set_zoom(zoom)
        return zoom

    def toggle_critical(self) -> bool:
        """Show or hide the critical path; returns whether it is now shown."""
        self.show_critical = not self.show_critical
        self._critical = set(self.schedule.critical.actions) if self.show_critical else set()
        self._generation += 1
        self.refresh()
        return self.show_critical

    # -- styles -------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"gantt--{name}", partial=True)
            self._styles[name] = style
        return style

    def _mix(self, name: str, over: str) -> Style:
        """A cell style with a row background (cursor/related) laid over it."""
        key = (name, over)
        style = self._mixed.get(key)
        if style is None:
            base = self.rich_style + self._style(name) if name else self.rich_style
            if over:
                tint = self.get_component_rich_style(f"gantt--{over}")
                base = base + Style(bgcolor=tint.bgcolor, bold=tint.bold)
            style = self._mixed[key] = base
        return style

    # -- drawing ------------------------------------------------------------------------------

    def _look(self, index: int, row: Row) -> RowLook:
        return RowLook(
            index == self.cursor,
            "pred" if row.id in self._preds else "succ" if row.id in self._succs else "",
            row.id in self._critical,
            row.id in self.collapsed,
        )

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        label_width = self.label_width
        chart_width = max(0, width - label_width)
        if y < HEADER_LINES:
            head = (y, self._generation, label_width, self.focus_event, self.show_critical)
            strip = self._header_cache.get(head)
            if strip is None:
                strip = self._header_cache[head] = self._header_strip(y)
            label = self._header_label(y)
            return Strip.join([label, strip.crop_extend(scroll_x, scroll_x + chart_width, None)])
        index = scroll_y + y - HEADER_LINES
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        look = self._look(index, row)
        key = (row.id, row.kind, look, self._generation)
        chart = self._row_cache.get(key)
        if chart is None:
            chart = self._row_cache[key] = self._row_strip(row, look)
        cached = self._label_cache.get((key, label_width))
        if cached is None:
            cached = self._label_cache[(key, label_width)] = self._label_strip(row, look)
        over = self._over(look)
        return Strip.join(
            [cached, chart.crop_extend(scroll_x, scroll_x + chart_width, self._mix("", over))]
        )

    @staticmethod
    def _over(look: RowLook) -> str:
        return "cursor" if look.selected else "related" if look.relation else ""

    def _segments(self, chars: list[str], names: list[str], over: str) -> Strip:
        """Run-length join cells into segments (few per row, whatever the width)."""
        segments: list[Segment] = []
        if not chars:
            return Strip([])
        start = 0
        current = names[0]
        for i in range(1, len(chars) + 1):
            if i == len(chars) or names[i] != current:
                segments.append(Segment("".join(chars[start:i]), self._mix(current, over)))
                if i < len(chars):
                    start, current = i, names[i]
        return Strip(segments, len(chars))

    def _row_strip(self, row: Row, look: RowLook) -> Strip:
        s, scale, template = self.schedule, self.scale, self._template
        if row.kind == "ask":
            chars, names = ask_cells(s, scale, template, row.id, look.folded)
        else:
            chars, names = bar_cells(s, scale, template, s.bars[row.id], look.critical)
        return self._segments(chars, names, self._over(look))

    def _label_strip(self, row: Row, look: RowLook) -> Strip:
        parts = label_parts(self.schedule, row, look)
        return self._text_strip(parts, self.label_width, self._over(look))

    def _text_strip(self, parts: Parts, width: int, over: str) -> Strip:
        """Label parts cut to the column width (with an ellipsis) and padded, one space kept
        before the chart. Widths are display cells, so wide (CJK, emoji) and zero-width
        (Arabic vowel marks) characters never push the bars sideways."""
        room = width - 1
        segments: list[Segment] = []
        used = 0
        for text, name in parts:
            if used >= room:
                break
            cells = cell_len(text)
            if used + cells > room:
                text = set_cell_size(text, max(0, room - used - 1)) + "…"
                cells = cell_len(text)
            segments.append(Segment(text, self._mix(name, over)))
            used += cells
        segments.append(Segment(" " * (width - used), self._mix("", over)))
        return Strip(segments, width)

    def _header_label(self, y: int) -> Strip:
        parts = header_label_parts(self.schedule, y, self.zoom, self.show_critical)
        key = (y, tuple(parts), self.label_width)
        strip = self._label_cache.get(key)
        if strip is None:
            strip = self._label_cache[key] = self._text_strip(parts, self.label_width, "")
        return strip

    def _header_strip(self, y: int) -> Strip:
        events, focus = self.schedule.events, self.focus_event
        day = events[focus].day if focus is not None and focus < len(events) else None
        chars, names = header_cells(self.scale, y, self.today, day)
        return self._segments(chars, names, "")

    # -- selection and scrolling --------------------------------------------------------------

    def _selection_changed(self) -> None:
        row = self.selected_row
        if row is not None and row.kind == "action":
            self._preds, self._succs = self.schedule.related(row.id)
        else:
            self._preds, self._succs = set(), set()
        self.refresh()
        self.post_message(self.CursorMoved(row))

    def move_cursor(self, index: int) -> None:
        """Select a row by index (clamped) and keep it on screen."""
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index != self.cursor:
            self.cursor = index
            self._selection_changed()
        self.show_cursor()

    def show_cursor(self) -> None:
        """Scroll vertically so the selected row is on screen (below the header)."""
        visible = max(1, self.scrollable_content_region.height - HEADER_LINES)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, force=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, force=True)

    def show_bar(self) -> None:
        """Scroll sideways so the selected bar's start (or today) is on screen."""
        bar = self.selected_bar
        day = bar.first if bar is not None and bar.first else None
        if day is None:
            row = self.selected_row
            span = self.schedule.group_span(row.id) if row and row.kind == "ask" else None
            day = span[0] if span else self.today
        self.show_day(day)

    def show_day(self, day: dt.date) -> None:
        """Scroll sideways, if needed, so a day is on screen."""
        col = self.scale.col(day)
        left = round(self.scroll_x)
        if col < left or col >= left + self.chart_width:
            self.scroll_to(x=max(0, col - self.chart_width // 4), animate=False, force=True)

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor + step)

    def action_cursor_to(self, index: int) -> None:
        self.move_cursor(index if index >= 0 else len(self.rows) - 1)

    def action_page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - HEADER_LINES - 1)
        self.move_cursor(self.cursor + direction * page)

    def action_pan(self, direction: int) -> None:
        step = max(1, self.chart_width // 4)
        self.scroll_to(x=max(0, round(self.scroll_x) + direction * step), animate=False, force=True)

    def action_fold(self) -> None:
        """Fold or unfold the selected ask (or the ask of the selected action)."""
        row = self.selected_row
        if row is None:
            return
        group = row.group
        if group in self.collapsed:
            self.collapsed.discard(group)
        else:
            self.collapsed.add(group)
        self.rows = self.schedule.rows(self.collapsed, self.only)
        self.cursor = self._index_of(group)
        self._resize_virtual()
        self._selection_changed()
        self.show_cursor()

    # -- mouse --------------------------------------------------------------------------------

    def _cell_at(self, x: int, y: int) -> tuple[int | None, int | None]:
        """(row index, chart column) under a point of the widget, either None if outside."""
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y - HEADER_LINES if y >= HEADER_LINES else None
        if index is not None and index >= len(self.rows):
            index = None
        col = scroll_x + x - self.label_width if x >= self.label_width else None
        return index, col

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index, col = self._cell_at(offset.x, offset.y)
        if index is None:
            return
        if index == self.cursor and col is None and self.rows[index].kind == "ask":
            self.action_fold()
            return
        self.move_cursor(index)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = event.get_content_offset(self)
        self.tooltip = None if offset is None else self._tip(*self._cell_at(offset.x, offset.y))

    def _tip(self, index: int | None, col: int | None) -> Content | None:
        """Event titles on the day under the pointer, else the bar under it (never markup)."""
        row = self.rows[index] if index is not None else None
        text = None if col is None else tip(self.schedule, self.scale, row, col)
        return Content(text) if text else None
