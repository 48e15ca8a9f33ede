"""Likely duplicates: the same organisation or ask typed on two laptops that worked offline.

Nothing here decides: it only points at pairs a person may want to merge (``plantui merge``).
Names are compared after folding (case, accents, punctuation and spacing do not count), so
"Southwark Council" and "southwark  council." are the same name; organisations and people
are also compared by similarity, since they are the records most often typed twice.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plantui.domain import TYPES
from plantui.storage.database import as_sqlite

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


SIMILAR = 0.9
"""Similarity (difflib ratio of folded names) from which two names look the same."""
SIMILAR_TYPES = ("organisation", "person")
"""Types compared by similarity as well as by equal names: few records, often retyped."""
CHECKED_TYPES = ("organisation", "person", "ask", "pledge", "event", "action")
"""Types whose records people add by hand and may add twice."""


def fold(text: str | None) -> str:
    """Text as compared: accents dropped, case folded, punctuation and runs of space one space."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


@dataclass(frozen=True, slots=True)
class Likely:
    """Two live records of one type that look like the same thing, and why."""

    type: str
    a_id: str
    a_label: str
    b_id: str
    b_label: str
    reason: str

    def text(self) -> str:
        return f"{self.type} “{self.a_label}” and “{self.b_label}” ({self.reason})"

    def as_json(self) -> dict[str, str]:
        return {
            "type": self.type,
            "a": self.a_id,
            "a_label": self.a_label,
            "b": self.b_id,
            "b_label": self.b_label,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class _Entry:
    id: str
    label: str
    ref_code: str


def _entries(source: sqlite3.Connection | Session, type_name: str) -> list[_Entry]:
    """Live records of a type that are not merged into another, oldest id first."""
    rtype = TYPES[type_name]
    code = ', "ref_code"' if "ref_code" in rtype.fields else ", ''"
    merged = " AND merged_into IS NULL" if "merged_into" in rtype.fields else ""
    rows = as_sqlite(source).execute(
        f'SELECT id, "{rtype.label_field}"{code} FROM "{type_name}"'
        f" WHERE deleted = 0{merged} ORDER BY id"
    )
    return [_Entry(r[0], r[1] or "", r[2] or "") for r in rows]


def likely_duplicates(
    session: sqlite3.Connection | Session, types: Iterable[str] = CHECKED_TYPES
) -> list[Likely]:
    """Every pair of live records of one type that look the same, by type then label."""
    found: list[Likely] = []
    for type_name in types:
        found.extend(_pairs(type_name, _entries(session, type_name)))
    return found


def looks_like(
    session: sqlite3.Connection | Session, type_name: str, record_id: str
) -> list[Likely]:
    """The pairs one record (just added) makes with the others of its type."""
    if type_name not in CHECKED_TYPES:
        return []
    entries = _entries(session, type_name)
    mine = [e for e in entries if e.id == record_id]
    others = [e for e in entries if e.id != record_id]
    return [p for p in _pairs(type_name, mine + others) if record_id in (p.a_id, p.b_id)]


def _pairs(type_name: str, entries: list[_Entry]) -> list[Likely]:
    out: list[Likely] = []
    seen: set[tuple[str, str]] = set()

    def add(a: _Entry, b: _Entry, reason: str) -> None:
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if key not in seen:
            seen.add(key)
            out.append(Likely(type_name, a.id, a.label, b.id, b.label, reason))

    for reason, key in (("same name", lambda e: fold(e.label)), ("same ref code", _code)):
        groups: dict[str, list[_Entry]] = {}
        for entry in entries:
            value = key(entry)
            if value:
                groups.setdefault(value, []).append(entry)
        for group in groups.values():
            for other in group[1:]:
                add(group[0], other, reason)
    if type_name in SIMILAR_TYPES:
        folded = [(fold(e.label), e) for e in entries]
        for i, (name_a, a) in enumerate(folded):
            for name_b, b in folded[i + 1 :]:
                if name_a and name_b and name_a != name_b and _similar(name_a, name_b):
                    add(a, b, "similar names")
    return out


def _code(entry: _Entry) -> str:
    return fold(entry.ref_code).replace(" ", "")


def _similar(a: str, b: str) -> bool:
    """Close spellings of one name; names told apart by a whole short word or a number
    ("Group A" and "Group B", "Site 1" and "Site 2") are different records."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) == len(words_b):
        differ = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
        if all(len(x) <= 2 or len(y) <= 2 or x.isdigit() or y.isdigit() for x, y in differ):
            return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR
