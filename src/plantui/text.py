"""Making user and imported text safe to put on a terminal."""

from __future__ import annotations

import re

_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]P^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
"""ANSI CSI sequences, OSC/DCS strings, and any other C0/C1 control except tab and newline."""


SHOWN_TEXT_MAX = 200_000
SHOWN_LINE_MAX = 1_000
"""How much of a value is shown: beyond the sizes of docs/record-model.md, so only text stored
before those limits (or by another program) is cut, and a megabyte title cannot stall a
report."""
ELLIPSIS = "\u2026"


def clip(value: str, limit: int) -> str:
    """``value`` cut to ``limit`` characters, the cut marked with an ellipsis."""
    return value if len(value) <= limit else value[: limit - 1] + ELLIPSIS


def plain(value: str) -> str:
    """Text with escape sequences and control characters removed, so it cannot drive the
    terminal (colour, cursor moves, title changes) when it is shown; cut to a size any
    screen or report can draw."""
    return _CONTROL.sub("", clip(value, SHOWN_TEXT_MAX))


def one_line(value: str) -> str:
    """``plain`` text folded onto one line, for table cells and labels."""
    return clip(" ".join(plain(clip(value, SHOWN_LINE_MAX * 4)).split()), SHOWN_LINE_MAX)


def show_value(value: object, empty: str = "") -> str:
    """A stored value as a person reads it: ``empty`` for null, yes/no for true/false,
    anything else as text with control characters removed."""
    if value is None:
        return empty
    if isinstance(value, bool):
        return "yes" if value else "no"
    return plain(str(value))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP CSV injection)."""
_QUOTE = "'"


def formula_safe(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``'`` on text that starts like a
    formula, and on text that itself starts with ``'`` so that :func:`formula_unsafe` can
    always take exactly one off again."""
    return _QUOTE + text if text.startswith((*FORMULA_STARTS, _QUOTE)) else text


def formula_unsafe(text: str) -> str:
    """The value a :func:`formula_safe` cell stood for; other text is left as it is."""
    if text.startswith(_QUOTE) and text[1:].startswith((*FORMULA_STARTS, _QUOTE)):
        return text[1:]
    return text


def with_article(noun: str) -> str:
    """ "an ask", "a pledge": a record type named in a sentence."""
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"
