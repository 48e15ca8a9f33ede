"""A row-cursor table for lists of records: Home and End go to the first and last row, as in
any list, and rows of fixed size are added without measuring each cell."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class RowTable(DataTable):
    """DataTable for lists of records: Home/End move the row cursor, not the view sideways."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Size new rows without measuring their cells when no size depends on them.

        DataTable renders and measures every cell of every new row, once the rows are
        added, to widen auto-width columns and fit auto-height rows: about 20 ms for a
        list's page of 200 records, on its first frame and on every reload. A list gives
        each column its width and each row one line and no label, so those measures go
        unused; a table that has an auto-width column, a row label or an auto-height row
        is sized as DataTable sizes it."""
        keys = list(new_rows)
        found = (self.rows.get(key) for key in keys)
        if any(column.auto_width for column in self.columns.values()) or any(
            row is not None and (row.auto_height or row.label is not None) for row in found
        ):
            super()._update_dimensions(keys)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )
