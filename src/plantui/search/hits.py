"""What a search asks the index for, and what each hit shows a person picking one.

Each word typed is folded, quoted and matched as a prefix ("interp" finds "interpreters"),
so FTS5's own syntax (``"``, ``*``, ``NEAR``, ``AND``, ``(``, ``-``) is only ever text
to look for and a query can never be malformed. Pure text work: the search itself runs in
:mod:`plantui.queries.search`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from plantui.domain import TYPES
from plantui.search.folding import folded_with_positions, words
from plantui.search.index import SEARCHED
from plantui.text import ELLIPSIS, one_line, plain

SNIPPET_BEFORE, SNIPPET_AFTER = 30, 70
"""Characters of context shown before and after the first matching word."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One record found: enough to list it and to open it."""

    type: str
    id: str
    ref_code: str | None
    label: str
    snippet: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def match_expression(text: str) -> str | None:
    """The FTS5 query for what a person typed: every word, as a quoted prefix; None if
    the text holds no word at all."""
    found = words(text)
    return " ".join(f'"{w}"*' for w in found) if found else None


def hit_of(record_id: str, rtype: str, values: dict[str, Any], prefixes: list[str]) -> Hit:
    """The hit for a record found: its label, ref code and where the words are (``prefixes``,
    the folded words typed), from ``values``, its projection row."""
    label = one_line(values.get(TYPES[rtype].label_field) or "")
    ref_code = values.get("ref_code")
    _, other = SEARCHED[rtype]
    # Where the words are beyond the label; the label itself when only it holds them.
    snippet = next(
        (
            s
            for n in other
            if isinstance(v := values.get(n), str) and (s := snippet_of(v, prefixes))
        ),
        label,
    )
    return Hit(rtype, record_id, one_line(ref_code) if ref_code else None, label, snippet)


def snippet_of(text: str, prefixes: list[str]) -> str:
    """A line of ``text`` around the first word starting with one of ``prefixes``, or ""."""
    text = plain(text)
    folded, where = folded_with_positions(text)
    pattern = "|".join(re.escape(p) for p in prefixes)
    found = re.search(rf"(?<![^\W_])(?:{pattern})", folded)
    if found is None:
        return ""
    at = where[found.start()]
    start, end = max(0, at - SNIPPET_BEFORE), min(len(text), at + SNIPPET_AFTER)
    if start and (space := text.find(" ", start, at)) >= 0:
        start = space + 1  # begin at a word, not inside one
    cut = one_line(text[start:end])
    return f"{ELLIPSIS if start else ''}{cut}{ELLIPSIS if end < len(text) else ''}"
