"""Column widths for the record lists: the title column (always the last) gets the room.

A person reads a list by its titles, so the other columns are narrowed to their minimum
first, then hidden in a screen's chosen order, until the title has at least ``TITLE_SHARE``
of the table (or all of its longest title); whatever is left over goes to the title too.
Widths are display cells (``rich.cells.cell_len``), so wide and right-to-left text fits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.cells import cell_len
from rich.text import Text

TITLE_SHARE = 0.45
"""The part of the table's width the title column is given before any other column."""


def natural_widths(labels: Sequence[str], rows: Iterable[Sequence[Text]]) -> dict[str, int]:
    """The width each column needs to show its label and every cell whole."""
    widths = {label: cell_len(label) for label in labels}
    for cells in rows:
        for label, text in zip(labels, cells, strict=False):
            widths[label] = max(widths[label], text.cell_len)
    return widths


def fit_columns(
    labels: Sequence[str],
    natural: Mapping[str, int],
    available: int,
    *,
    minimum: Mapping[str, int] | None = None,
    drop_order: Sequence[str] = (),
    padding: int = 2,
) -> dict[str, int]:
    """The visible columns and their widths, in ``labels`` order, within ``available`` cells.

    ``padding`` is what the table adds around each cell; ``minimum`` says how far a column
    may be narrowed (its cells then end in an ellipsis); ``drop_order`` lists the columns to
    hide, least needed first, when narrowing is not enough.
    """
    title = labels[-1]
    widths = {label: natural[label] for label in labels[:-1]}
    floor = min(natural[title], max(int(available * TITLE_SHARE), 1))

    def room() -> int:
        return available - sum(w + padding for w in widths.values()) - padding

    for label, least in (minimum or {}).items():
        if label in widths and room() < floor:
            widths[label] -= max(0, min(floor - room(), widths[label] - least))
    for label in drop_order:
        if room() >= floor:
            break
        widths.pop(label, None)
    for label in minimum or {}:
        if label in widths:  # hiding a column may have left room to widen a narrowed one
            widths[label] += max(0, min(room() - floor, natural[label] - widths[label]))
    widths[title] = max(room(), 1)
    return {label: widths[label] for label in labels if label in widths}
