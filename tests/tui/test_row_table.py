"""RowTable sizes rows of fixed size without measuring their cells, and sizes any other
table as DataTable does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from textual.widgets import _data_table as data_table_module

from plantui.tui.widgets.row_table import RowTable

ROWS = [(f"A{n}", f"Title number {n} " + "x" * (n % 7)) for n in range(120)]


class OneTable(App[None]):
    def __init__(self, table: DataTable, fill: Callable[[DataTable], None]) -> None:
        super().__init__()
        self.table, self.fill = table, fill

    def compose(self) -> ComposeResult:
        yield self.table

    def on_mount(self) -> None:
        self.fill(self.table)


@pytest.fixture
def measured(monkeypatch) -> list[Any]:
    """Every header and cell DataTable measures to size its columns and rows."""
    cells: list[Any] = []
    measure = data_table_module.measure

    def counting(console, renderable, default, **kwargs):
        cells.append(renderable)
        return measure(console, renderable, default, **kwargs)

    monkeypatch.setattr(data_table_module, "measure", counting)
    return cells


def fixed(table: DataTable) -> None:
    table.add_column("Ref", key="ref", width=5)
    table.add_column("Title", key="title", width=30)
    for ref, title in ROWS:
        table.add_row(Text(ref), Text(title), key=ref)


def auto_title(table: DataTable) -> None:
    table.add_column("Ref", key="ref", width=5)
    table.add_column("Title", key="title")
    for ref, title in ROWS:
        table.add_row(Text(ref), Text(title), key=ref)


def labelled(table: DataTable) -> None:
    table.add_column("Ref", key="ref", width=5)
    table.add_column("Title", key="title", width=30)
    for ref, title in ROWS:
        table.add_row(Text(ref), Text(title), key=ref, label=Text(f"row {ref}"))


async def drawn(table: DataTable, fill: Callable[[DataTable], None]) -> list[str]:
    """The table's visible lines once its new rows are sized, after a jump to the last row."""
    app = OneTable(table, fill)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        table.move_cursor(row=table.row_count - 1, animate=False)
        await pilot.pause()
        assert table.cursor_row == len(ROWS) - 1
        assert table.virtual_size.height == len(ROWS) + 1  # a line per row, and the header
        return [strip.text for strip in table.render_lines(table.region.reset_offset)]


async def test_a_list_of_fixed_columns_and_one_line_rows_is_sized_without_measuring_a_cell(
    measured,
) -> None:
    lines = await drawn(RowTable(cursor_type="row"), fixed)
    assert [str(label) for label in measured] == ["Ref", "Title"]  # the headers, as added
    assert any(f"A{len(ROWS) - 1}" in line and "Title number 119" in line for line in lines)


async def test_a_table_with_an_auto_width_column_is_sized_as_datatable_sizes_it(
    measured,
) -> None:
    table = RowTable(cursor_type="row")
    lines = await drawn(table, auto_title)
    assert len(measured) >= len(ROWS)
    widest = max(len(title) for _ref, title in ROWS)
    assert table.columns["title"].content_width == widest
    plain = DataTable(cursor_type="row")
    assert lines == await drawn(plain, auto_title)


async def test_a_table_with_row_labels_is_sized_as_datatable_sizes_it(measured) -> None:
    table = RowTable(cursor_type="row")
    lines = await drawn(table, labelled)
    assert len(measured) >= len(ROWS)
    assert any(f"row A{len(ROWS) - 1}" in line for line in lines)
    assert lines == await drawn(DataTable(cursor_type="row"), labelled)


async def test_a_list_of_fixed_columns_draws_as_datatable_draws_it(measured) -> None:
    lines = await drawn(RowTable(cursor_type="row"), fixed)
    assert lines == await drawn(DataTable(cursor_type="row"), fixed)
