"""One way of comparing text, for the index, searches and list filters alike.

"LUCÍA", "Lucía" and "lucia" are the same word to a person typing: Unicode case folding and
the removal of diacritics make them the same string here, so the text indexed and the words
searched for are folded exactly alike.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits: how FTS5's unicode61 tokenizer splits text into words."""


def fold(text: str) -> str:
    """``text`` case-folded, decomposed (NFKD) and without combining marks."""
    if text.isascii():
        return text.lower()  # the same, for ASCII, and many times faster
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


SQL_FOLD = "plantui_fold"
"""The name :func:`fold` has in SQL on every connection (``storage.database.configure``),
so list filters compare folded column values with a folded needle."""


def fold_sql(value: object) -> str | None:
    """:func:`fold` for SQL: null stays null, numbers are folded as their text."""
    return None if value is None else fold(str(value))


def words(text: str) -> list[str]:
    """The folded words of ``text``, as the index sees them."""
    return _WORD.findall(fold(text))


def folded_with_positions(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each of its characters, the index of the character of
    ``text`` it came from, so a match found in folded text can be shown in the original."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        piece = fold(char)
        out.append(piece)
        where.extend([i] * len(piece))
    return "".join(out), where
