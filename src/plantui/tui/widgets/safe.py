"""Turning record values into text that is never markup and never drives the terminal.

Every value a person (or an imported file) wrote goes through here before it is shown:
control characters are stripped and the result is a rich ``Text``, which Textual never parses
as markup, so ``Close [/] gap`` shows as typed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.content import Content

from plantui.text import one_line, plain, show_value

RAG_MARK = {"green": "■", "amber": "▲", "red": "●"}
"""RAG shown as a glyph beside its word and colour, so colour is never the only signal."""
RAG_STYLE = {"green": "bold green", "amber": "bold yellow", "red": "bold red"}

CONFLICT_MARK = "⚠"


def show(value: Any) -> str:
    """A field value as one safe line of plain text ('' for nothing)."""
    return one_line(show_value(value))


def cell(value: Any, style: str = "") -> Text:
    """A table cell or label: one safe line, never parsed as markup."""
    return Text(show(value), style=style, no_wrap=True, overflow="ellipsis")


def block(value: Any) -> Text:
    """Safe multi-line text (notes, statements) that keeps its line breaks."""
    return Text(plain(str(value)) if value is not None else "")


def rag(value: str | None, width: int = 7) -> Text:
    """A RAG value as glyph, word and colour, padded to ``width``; '– none' when unset."""
    if value not in RAG_MARK:
        return Text("– none".ljust(width), style="dim")
    return Text(f"{RAG_MARK[value]} {value}".ljust(width), style=RAG_STYLE[value])


def rag_content(value: str | None) -> Content:
    """The same RAG display as :func:`rag`, as Content for Static widgets."""
    if value not in RAG_MARK:
        return Content.styled("– none", "dim")
    return Content.styled(f"{RAG_MARK[value]} {value}", RAG_STYLE[value])


def progress(value: int | None, width: int = 10) -> Text:
    """A progress bar drawn in text with the percentage beside it."""
    if value is None:
        return Text("–".ljust(width) + "   –", style="dim")
    value = max(0, min(100, int(value)))
    filled = round(width * value / 100)
    return Text("█" * filled + "░" * (width - filled) + f" {value:3d}%")


def conflict_label(label: str, conflicts: bool) -> Text:
    """A label prefixed with the conflict mark when the record has open conflicts."""
    text = cell(label)
    if conflicts:
        return Text.assemble((f"{CONFLICT_MARK} ", "bold yellow"), text)
    return text
