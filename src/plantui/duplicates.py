"""Likely duplicates: the same organisation or ask typed on two laptops that worked offline.

Nothing here decides: it only points at pairs a person may want to merge (``plantui merge``).
Names are compared after folding (case, accents, punctuation and spacing do not count), so
"Southwark Council" and "southwark  council." are the same name; organisations and people
are also compared by similarity, since they are the records most often typed twice.

Pure comparison of records already read: which records are live and how they are read is
:mod:`plantui.queries.duplicates`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

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
class Entry:
    """A record as it is compared: its id, its label and its ref code ("" when none)."""

    id: str
    label: str
    ref_code: str


def pairs_with(type_name: str, entries: list[Entry], record_id: str) -> list[Likely]:
    """The pairs one record (just added) makes with the other ``entries`` of its type."""
    mine = [e for e in entries if e.id == record_id]
    others = [e for e in entries if e.id != record_id]
    return [p for p in pairs(type_name, mine + others) if record_id in (p.a_id, p.b_id)]


def pairs(type_name: str, entries: list[Entry]) -> list[Likely]:
    """Every pair of ``entries`` (records of one type) that look the same, and why."""
    out: list[Likely] = []
    seen: set[tuple[str, str]] = set()

    def add(a: Entry, b: Entry, reason: str) -> None:
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if key not in seen:
            seen.add(key)
            out.append(Likely(type_name, a.id, a.label, b.id, b.label, reason))

    for reason, key in (("same name", lambda e: fold(e.label)), ("same ref code", _code)):
        groups: dict[str, list[Entry]] = {}
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


def _code(entry: Entry) -> str:
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
