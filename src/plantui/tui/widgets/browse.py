"""The list-and-detail screen every record list shares (asks, pledges, organisations, events).

Rows come from ``plantui.queries.lists`` (paged and filtered there, so 10,000 records cost
one query and at most ``PAGE`` table rows); a long list is queried off the UI thread; the
detail pane follows links both ways; every edit goes through ``app.editor``.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, OptionList, Static
from textual.worker import get_current_worker

from plantui.errors import PlanError
from plantui.queries import lists
from plantui.queries.lists import ListQuery, ListRow, Page
from plantui.tui.plan_screen import PlanScreen
from plantui.tui.widgets.columns import fit_columns, natural_widths
from plantui.tui.widgets.detail import DetailPane
from plantui.tui.widgets.duplicate_notice import notify_if_duplicate
from plantui.tui.widgets.filters import FILTER_BINDINGS, Filters, ask_filter
from plantui.tui.widgets.footer import KeysFooter
from plantui.tui.widgets.row_table import RowTable
from plantui.tui.widgets.safe import CONFLICT_MARK, cell, show

if TYPE_CHECKING:
    from plantui.queries.related import Related

Row = TypeVar("Row", bound=ListRow)
FILTER_DELAY = 0.15
"""Seconds of quiet after a keystroke in the filter box before the list is queried."""
BACKGROUND_ABOVE = 2000
"""A list of more records than this is queried in a worker: its query takes over a frame."""
QUERY_GROUP = "list-query"


class BrowseScreen(PlanScreen, Generic[Row]):
    """A filterable record list with a detail pane and the record actions."""

    TYPE: ClassVar[str] = ""
    PLURAL: ClassVar[str] = ""
    PAGE: ClassVar[int] = 200
    COLUMNS: ClassVar[tuple[str, ...]] = ()
    MIN_WIDTHS: ClassVar[dict[str, int]] = {}
    """How far a column may be narrowed (with an ellipsis) to give the title room."""
    DROP_ORDER: ClassVar[tuple[str, ...]] = ()
    """Columns hidden, least needed first, when narrowing them is not enough."""
    NARROW_BELOW: ClassVar[int] = 110
    AUTO_FOCUS = "#records"
    """The list has the keys from the start: focusing it later changes the footer's keys and
    costs a second layout of the whole screen."""
    BINDINGS: ClassVar = [
        Binding("slash", "filter", "Filter", id="list.filter"),
        Binding("a", "add", "Add", id="record.add"),
        Binding("e", "edit", "Edit", id="record.edit"),
        Binding("d", "delete", "Delete", id="record.delete"),
        Binding("r", "restore", "Restore", id="record.restore", show=False),
        Binding("x", "toggle_deleted", "Show deleted", id="list.toggle-deleted", show=False),
        Binding("l", "link", "Link", id="record.link"),
        Binding("u", "unlink", "Unlink", id="record.unlink", show=False),
        Binding("n", "note", "Note", id="record.note"),
        Binding("h", "history", "History", id="record.history", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="list.clear-filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter_text = ""
        self.show_deleted = False
        self.total = 0
        self._unfiltered = 0
        """How many records the list has unfiltered (its last count)."""
        self.limit = self.PAGE
        """Rows loaded so far: a page more each time the cursor reaches the last one."""
        self._rows: dict[str, Row] = {}
        self._wanted: str | None = None
        self._related: list[Related] = []
        self._shown_id: str | None = "?"
        self._first_page = True
        self._filter_timer: Timer | None = None
        self._cells: list[tuple[str, list[Text]]] = []
        self._natural = natural_widths(self.COLUMNS, ())
        """Each column's widest cell in the loaded rows (measured once per load, not per
        resize)."""
        self._widths: dict[str, int] = {}
        self.filters = Filters()
        """Owner, status, RAG or ask chosen with `f` (FilteredBrowse); applied with the text."""

    # Layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="browse-body"):
            with Vertical(id="list-side"):
                yield Static("", id="list-status")  # the filter box goes above, once asked for
                yield RowTable(id="records", cursor_type="row", zebra_stripes=True)
            yield DetailPane(id="detail")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self._set_narrow(self.app.size.width)
        self._wanted = self._wanted or self.first_record()
        self.reload()
        self.call_after_refresh(self._refit)

    def on_resize(self, event) -> None:
        self._set_narrow(event.size.width)
        self.call_after_refresh(self._refit)

    def _set_narrow(self, width: int) -> None:
        self.set_class(width < self.NARROW_BELOW, "-narrow")

    # Data

    def row_cells(self, row: Row) -> list[Text]:
        raise NotImplementedError

    def first_record(self) -> str | None:
        """The record the cursor starts on when the screen opens (None: the first row)."""
        return None

    def list_query(self) -> ListQuery:
        """What the list shows now: the filter text, the chosen filters, deleted or not."""
        facets = {facet: value for facet, (value, _label) in self.filters.chosen.items()}
        return ListQuery(self.TYPE, self.filter_text, facets, self.show_deleted, self.limit)

    def reload(self) -> None:
        """Query the page of rows again, keep the cursor on the same record, refresh detail.
        A long list is queried in a worker; the next reload (or key) cancels it."""
        query = self.list_query()
        current = self._wanted or self.current_id()
        self.workers.cancel_group(self, QUERY_GROUP)
        if self._unfiltered > BACKGROUND_ABOVE:
            work = partial(self._query_in_background, query, current)
            self.run_worker(work, thread=True, exclusive=True, group=QUERY_GROUP)
            return
        self._show_page(query, self._read(query), current)

    def _read(self, query: ListQuery) -> Page:
        return lists.page(self.app.plan_db, query, self.app.today)

    def _query_in_background(self, query: ListQuery, current: str | None) -> None:
        found = self._read(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_if_wanted, query, found, current)

    def _show_if_wanted(self, query: ListQuery, found: Page, current: str | None) -> None:
        if query == self.list_query():  # else the text changed meanwhile: a newer one comes
            self._show_page(query, found, current)

    def _show_page(self, query: ListQuery, found: Page, current: str | None) -> None:
        """Put a page of rows in the table; the status line says what it holds."""
        table = self.query_one("#records", DataTable)
        self.total = found.total
        if not query.text and not query.facets:
            self._unfiltered = found.total
        rows: list[Row] = list(found.rows)  # type: ignore[arg-type]  # rows of self.TYPE
        self._cells = [(row.id, self.row_cells(row)) for row in rows]
        self._natural = natural_widths(self.COLUMNS, (cells for _, cells in self._cells))
        self._rows = {row.id: row for row in rows}
        self._fill(table, current)
        self._update_status(len(self._cells))
        if self._wanted == current and current in self._rows:
            self._wanted = None
        self._shown_id = "?"  # nothing shown yet: always redraw the detail after a reload
        if self._first_page:
            self._first_page = False  # the list is drawn first; its detail one frame later
            self.call_after_refresh(self.show_detail)
        else:
            self.show_detail()

    def _fit(self, table: DataTable) -> dict[str, int]:
        """Column widths for the table's present width: the title column gets the room."""
        width = table.size.width or self._width_before_layout()
        available = width - table.styles.scrollbar_size_vertical
        return fit_columns(
            self.COLUMNS,
            self._natural,
            available,
            minimum=self.MIN_WIDTHS,
            drop_order=self.DROP_ORDER,
            padding=2 * table.cell_padding,
        )

    def _width_before_layout(self) -> int:
        """The list's width before the first layout: what the detail pane's styles leave of
        the screen (all of it when stacked), so the first frame has the right columns and
        the table is not filled twice."""
        screen = self.app.size
        if self.has_class("-narrow"):
            return screen.width
        detail = self.query_one("#detail", DetailPane).styles
        width = detail.width.resolve(screen, screen) if detail.width else 0
        if detail.min_width:
            width = max(width, detail.min_width.resolve(screen, screen))
        if detail.max_width:
            width = min(width, detail.max_width.resolve(screen, screen))
        return max(0, screen.width - round(width))

    def _fill(self, table: DataTable, current: str | None) -> None:
        """Put the loaded rows in the table, showing only the columns that fit."""
        widths = self._fit(table)
        if widths != self._widths:
            table.clear(columns=True)
            for label, width in widths.items():
                table.add_column(Text(label), key=label, width=width)
            self._widths = widths
        else:
            table.clear()
        shown = [n for n, label in enumerate(self.COLUMNS) if label in widths]
        for record_id, cells in self._cells:
            table.add_row(*(cells[n] for n in shown), key=record_id)
        if current in self._rows:
            table.move_cursor(row=table.get_row_index(current), animate=False)

    def _refit(self) -> None:
        """After a resize: lay the same rows out again if the columns no longer fit."""
        table = self.query_one("#records", DataTable)
        if self._fit(table) != self._widths:
            self._fill(table, self.current_id())

    def _update_status(self, shown: int) -> None:
        parts = [f"{self.total} {self.TYPE if self.total == 1 else self.PLURAL}"]
        if self.filter_text:
            parts.append(f"matching “{show(self.filter_text)}”")
        if self.filters:
            parts.append(f"{show(self.filters.describe())} (f to change, F clears)")
        if self.total > shown:
            parts.append(f"showing the first {shown}: scroll down for more, / to filter")
        if self.show_deleted:
            parts.append("deleted shown (x to hide)")
        self.query_one("#list-status", Static).update(Text(" · ".join(parts), style="dim"))

    def marked(self, row: Row, label: Any) -> Text:
        """A label cell with the conflict mark and a deleted marker where they apply."""
        text = cell(label)
        if row.conflicted:
            text = Text.assemble((f"{CONFLICT_MARK} ", "bold"), text)
        if row.deleted:
            text = Text.assemble(("✗ deleted ", "italic"), text)
        elif row.merged:
            text = Text.assemble(("merged ", "italic"), text)
        return text

    def current_id(self) -> str | None:
        table = self.query_one("#records", DataTable)
        if table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:
            return None
        return key.value

    def select_record(self, record_id: str) -> None:
        """Put the cursor on a record, showing deleted ones or clearing the filter if needed."""
        self._wanted = record_id
        if not self.is_mounted:
            return
        if record_id not in self._rows:
            self.filter_text = ""
            self.filters.clear()
            for box in self.query("#filter").results(Input):
                box.value = ""
            try:
                if lists.record(self.app.plan_db, record_id).deleted:
                    self.show_deleted = True
            except PlanError:
                pass
        self.reload()
        self.query_one("#records", DataTable).focus()

    @on(DataTable.RowHighlighted, "#records")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()
        table = event.data_table
        if event.cursor_row == table.row_count - 1 and self.total > table.row_count:
            self.limit += self.PAGE  # reached the last loaded row: load the next page
            self.reload()

    def show_detail(self) -> None:
        record_id = self.current_id()
        pane = self.query_one("#detail", DetailPane)
        if record_id == self._shown_id:
            return
        self._shown_id = record_id
        if record_id is None:
            self._related = []
            if self.filter_text or self.filters:
                pane.clear(f"No {self.PLURAL} match the filter: esc clears the text, F the rest.")
            else:
                pane.clear(f"No {self.PLURAL} here yet: press a to add one.")
            return
        try:
            view = lists.record(self.app.plan_db, record_id)
        except PlanError as exc:
            pane.clear(str(exc))
            return
        from plantui.queries.related import related_records  # the detail pane's, a frame on

        self._related = related_records(self.app.plan_db, record_id, view.type)
        pane.show_record(view, self._related)

    @on(DataTable.RowSelected, "#records")
    def _selected(self, _event: DataTable.RowSelected) -> None:
        self.action_edit()

    @on(OptionList.OptionSelected, "#detail-links")
    def _follow(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.app.open_record(event.option.id.split(":", 1)[1])

    # Filtering

    async def action_filter(self) -> None:
        """Show the filter box, built the first time: most visits never filter."""
        box = next(iter(self.query("#filter").results(Input)), None)
        if box is None:
            box = Input(
                placeholder=f"Filter {self.PLURAL} (enter to keep, esc to clear)", id="filter"
            )
            await self.query_one("#list-side").mount(box, before="#list-status")
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        # Wait for a pause in typing, so a long list is queried once, not per keystroke.
        self.filter_text = event.value
        self.workers.cancel_group(self, QUERY_GROUP)  # its rows are for the text before
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY, self._apply_filter)

    def _apply_filter(self) -> None:
        self._filter_timer = None
        self.limit = self.PAGE
        self.reload()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, _event: Input.Submitted) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._apply_filter()
        self.query_one("#records", DataTable).focus()

    def action_clear_filter(self) -> None:
        for box in self.query("#filter").results(Input):
            box.value = ""
            box.display = False
        self.filter_text = ""
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        self.limit = self.PAGE
        self.reload()
        self.query_one("#records", DataTable).focus()

    def action_toggle_deleted(self) -> None:
        self.show_deleted = not self.show_deleted
        self.reload()
        self.notify("Showing deleted records." if self.show_deleted else "Hiding deleted records.")

    # Editing (all through app.editor)

    def action_history(self) -> None:
        """Open the selected record's history (who changed what, when, on which laptop)."""
        from plantui.tui.dialogs.history import HistoryPane

        record_id = self._need_selection()
        if record_id:
            label = lists.record(self.app.plan_db, record_id).label
            self.app.push_screen(HistoryPane(self.app.plan_db, record_id, label))

    def _need_selection(self) -> str | None:
        record_id = self.current_id()
        if record_id is None:
            self.notify(f"No {self.TYPE} is selected.", severity="warning")
        return record_id

    def _after_form(self, record_id: str | None) -> None:
        if record_id:
            self.select_record(record_id)

    def action_add(self) -> None:
        from plantui.tui.forms import RecordForm

        self.app.push_screen(RecordForm(self.TYPE), self._after_add)

    def _after_add(self, record_id: str | None) -> None:
        self._after_form(record_id)
        notify_if_duplicate(self.app, self.TYPE, record_id)

    def action_edit(self) -> None:
        from plantui.tui.forms import RecordForm

        record_id = self._need_selection()
        if record_id:
            self.app.push_screen(RecordForm(self.TYPE, record_id=record_id), self._after_form)

    def action_note(self) -> None:
        from plantui.tui.forms import RecordForm

        record_id = self._need_selection()
        if record_id:
            preset = {"about": record_id, "date": self.app.today.isoformat()}
            self.app.push_screen(RecordForm("note", preset=preset), lambda _id: self.reload())

    def _edit(self, what: str, record_id: str) -> bool:
        try:
            getattr(self.app.editor, what)(record_id)
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False
        return True

    def action_delete(self) -> None:
        from plantui.tui.forms import ConfirmDialog

        record_id = self._need_selection()
        if not record_id:
            return
        view = lists.record(self.app.plan_db, record_id)
        if view.deleted:
            self.notify("It is already deleted; r restores it.", markup=False)
            return
        question = f"Delete the {self.TYPE} “{show(view.label)}”? You can restore it later."

        def done(confirmed: bool | None) -> None:
            if confirmed and self._edit("delete", record_id):
                self.notify(
                    f"Deleted “{show(view.label)}” (r restores it, ctrl+z undoes).", markup=False
                )

        self.app.push_screen(ConfirmDialog(question), done)

    def action_restore(self) -> None:
        record_id = self._need_selection()
        if not record_id:
            return
        view = lists.record(self.app.plan_db, record_id)
        if not view.deleted:
            self.notify("It is not deleted; x shows deleted records to restore.", markup=False)
            return
        if self._edit("restore", record_id):
            self.notify(f"Restored “{show(view.label)}”.", markup=False)

    def action_link(self) -> None:
        """Link the selected record to another (the role chosen first if it has several)."""
        from plantui.tui.widgets.link_actions import link

        if record_id := self._need_selection():
            link(self, record_id, self.TYPE, self._related)

    def action_unlink(self) -> None:
        """Remove one of the selected record's links."""
        from plantui.tui.widgets.link_actions import unlink

        if self._need_selection():
            unlink(self, self._related)


class FilteredBrowse(BrowseScreen[Row]):
    """A list that `f` also filters by owner, status, RAG or ask (``FACETS``)."""

    FACETS: ClassVar[tuple[str, ...]] = ()
    BINDINGS: ClassVar = FILTER_BINDINGS

    def facet_values(self, facet: str) -> list[tuple[str, str]]:
        """The values of ``facet`` present in the plan, as (value, label)."""
        return lists.facet_options(self.app.plan_db, self.TYPE, facet)

    def action_filter_by(self) -> None:
        """Show only the records of one owner, status, RAG or ask (f again adds another)."""
        ask_filter(self, self.FACETS, self.facet_values, self._facet_chosen)

    def action_clear_filters(self) -> None:
        """Drop the owner, status, RAG and ask filters (the text filter stays)."""
        self._facet_chosen(None, "", "")

    def _facet_chosen(self, facet: str | None, value: str, label: str) -> None:
        if facet is None:
            self.filters.clear()
        else:
            self.filters.set(facet, value, label)
        self.limit = self.PAGE
        self.reload()
