"""The merge of docs/exchange-format.md on plain record state, with no storage attached.

A record's state is its version vector ``vv`` (replica id -> clock) and ``fields`` (name ->
siblings ``{"v": value, "at": stamp}``, plus ``"ctx"`` on a delete). Keeping this pure makes
the algebra (commutative, associative, idempotent) testable with hypothesis on its own.
"""

from __future__ import annotations

from typing import Any

from plantui.domain import DELETED

Sibling = dict[str, Any]
Fields = dict[str, list[Sibling]]
VersionVector = dict[str, str]


def covered(at: str, vv: VersionVector) -> bool:
    """True when ``vv`` already reflects the write stamped ``at``."""
    clock, _, replica = at.partition("@")
    seen = vv.get(replica)
    return seen is not None and seen >= clock


def merge_vv(a: VersionVector, b: VersionVector) -> VersionVector:
    """Pointwise maximum of two version vectors."""
    out = dict(a)
    for replica, clock in b.items():
        if out.get(replica, "") < clock:
            out[replica] = clock
    return out


def merge_siblings(
    local: list[Sibling], local_vv: VersionVector, remote: list[Sibling], remote_vv: VersionVector
) -> list[Sibling]:
    """Siblings of one field after merge: those in both, and each side's not seen by the other."""
    remote_by_at = {s["at"]: s for s in remote}
    kept: dict[str, Sibling] = {}
    for sib in local:
        if sib["at"] in remote_by_at or not covered(sib["at"], remote_vv):
            kept[sib["at"]] = sib
    local_ats = {s["at"] for s in local}
    for sib in remote:
        if sib["at"] not in local_ats and not covered(sib["at"], local_vv):
            kept[sib["at"]] = sib
    return [kept[at] for at in sorted(kept)]


def merge_fields(
    local: Fields, local_vv: VersionVector, remote: Fields, remote_vv: VersionVector
) -> Fields:
    """Merge every field of two states of one record (docs/exchange-format.md "The merge")."""
    out: Fields = {}
    for name in sorted(local.keys() | remote.keys()):
        merged = merge_siblings(local.get(name, []), local_vv, remote.get(name, []), remote_vv)
        if merged:
            out[name] = merged
    return out


def shown_sibling(siblings: list[Sibling]) -> Sibling | None:
    """The sibling people see: the one with the largest stamp."""
    return max(siblings, key=lambda s: s["at"]) if siblings else None


def shown_value(fields: Fields, name: str) -> Any:
    sib = shown_sibling(fields.get(name, []))
    return None if sib is None else sib["v"]


def shown_values(fields: Fields) -> dict[str, Any]:
    """Every field's shown value, ``_deleted`` included."""
    return {name: max(sibs, key=lambda s: s["at"])["v"] for name, sibs in fields.items() if sibs}


def conflict_fields(fields: Fields) -> list[str]:
    """Fields holding two or more siblings: unresolved conflicts."""
    return sorted(name for name, sibs in fields.items() if len(sibs) > 1)


def is_deleted(fields: Fields) -> bool:
    return shown_value(fields, DELETED) is True


def delete_edit_conflict(fields: Fields) -> bool:
    """A shown delete that did not see some write to another field (docs/exchange-format.md)."""
    sib = shown_sibling(fields.get(DELETED, []))
    if sib is None or sib["v"] is not True:
        return False
    ctx: VersionVector = sib.get("ctx") or {}
    return any(
        not covered(other["at"], ctx)
        for name, sibs in fields.items()
        if name != DELETED
        for other in sibs
    )


def max_clock(vv: VersionVector) -> str:
    return max(vv.values(), default="")
