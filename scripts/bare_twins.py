"""Bare Textual screens the benchmark (bench_tui.py) measures plantui's screens against.

Imported by the benchmark itself and by the twin apps it runs in fresh interpreters, so a
twin drawn in process and one drawn for real are the same screen. Plain Textual and plain
sqlite3 only: no plantui code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, OptionList, Static

LIMIT = 200

LIST_CSS = """
ListTwin #body { height: 1fr; }
ListTwin #side { width: 1fr; height: 1fr; }
ListTwin #status { height: 1; padding: 0 1; }
ListTwin DataTable { height: 1fr; overflow-x: hidden; }
ListTwin #detail {
    width: 30%; min-width: 32; max-width: 56; height: 1fr; border-left: vkey $primary;
}
ListTwin #fields { height: 1fr; padding: 0 1; }
ListTwin OptionList { height: 1fr; border: none; border-top: hkey $primary; }
"""
"""The layout of plantui's list screens (its browse.tcss), for ListTwin."""


def table_rows(db: str, table: str, width: int = 5) -> tuple[list[str], list[tuple[str, ...]]]:
    """The first ``width`` column names and the first LIMIT rows of ``table``, as strings."""
    con = sqlite3.connect(db)
    try:
        cur = con.execute(f"SELECT * FROM {table} LIMIT {LIMIT}")
        names = [d[0] for d in cur.description][:width]
        return names, [tuple(str(v) for v in row[:width]) for row in cur]
    finally:
        con.close()


class TableTwin(Screen[None]):
    """Header, a DataTable of a table's first rows (five columns), Footer."""

    def __init__(self, db: str, table: str) -> None:
        super().__init__()
        self.db, self.table = db, table

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        names, rows = table_rows(self.db, self.table)
        table = self.query_one(DataTable)
        table.add_columns(*names)
        table.add_rows(rows)


class ListTwin(Screen[None]):
    """The widgets of a plantui list screen, laid out as it lays them out: Header; a status
    line over a row-cursor, zebra-striped DataTable with the list's columns; a detail pane
    (a scrolling text over an option list) at its side, empty as a list's first frame
    draws it; Footer. The rows are the table's first rows, one column per list column.
    Its app loads LIST_CSS as it starts, as plantui loads its stylesheets."""

    def __init__(self, db: str, table: str, columns: Sequence[str]) -> None:
        super().__init__()
        self.db, self.table, self.columns = db, table, list(columns)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="side"):
                yield Static(id="status")
                yield DataTable(cursor_type="row", zebra_stripes=True)
            with Vertical(id="detail"):
                with VerticalScroll(id="fields"):
                    yield Static()
                yield OptionList()
        yield Footer()

    def on_mount(self) -> None:
        _names, rows = table_rows(self.db, self.table, len(self.columns))
        table = self.query_one(DataTable)
        table.add_columns(*self.columns)
        table.add_rows(rows)
        self.query_one("#status", Static).update(f"{len(rows)} {self.table}s")
