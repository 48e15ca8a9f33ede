"""Merging a duplicate into the record it duplicates, as ordinary merge-safe edits.

Merging A into B re-points every live reference to A (pledges' ``made_by``, action owners,
notes' ``about``, any ref field) to B, moves A's links to B (a link's id comes from its role
and ends, so the moved link is a new link and the old one is deleted), and sets A's
``merged_into`` to B, which hides A from lists, choices, the timeline and reports. Every
step is an edit with its own stamp, so a copy that merges and one that does not converge
like any other edits; two copies that merge the same pair reach the same records.

Unmerging A clears its ``merged_into``: A shows again. What was re-pointed stays with B,
since edits made to B since then may rely on it; move single references back by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from plantui.domain import TYPES
from plantui.errors import PlanError
from plantui.service import PlanService, Writer
from plantui.storage.models import PROJECTIONS
from plantui.text import with_article

MERGEABLE = ("organisation", "person")
"""Record types that can be merged: those with a ``merged_into`` field."""


@dataclass(frozen=True, slots=True)
class Merged:
    """What a merge did: the references and links it moved to the kept record."""

    duplicate: str
    kept: str
    references: int
    links: int

    def text(self, duplicate_label: str, kept_label: str) -> str:
        moved = f"{_count(self.references, 'reference')} and {_count(self.links, 'link')}"
        return f"Merged “{duplicate_label}” into “{kept_label}”; moved {moved}."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def merge_records(service: PlanService, duplicate: str, kept: str) -> Merged:
    """Merge ``duplicate`` into ``kept`` in one transaction, or refuse in one sentence."""
    with service.transaction() as writer:
        type_name = _check_merge(writer, duplicate, kept)
        references = _repoint_references(writer, type_name, duplicate, kept)
        links = _move_links(writer, duplicate, kept)
        writer.update(duplicate, {"merged_into": kept})
    return Merged(duplicate, kept, references, links)


def unmerge_record(service: PlanService, record_id: str) -> str:
    """Show a merged record again; returns the id it had been merged into."""
    with service.transaction() as writer:
        view = writer.view(record_id)
        kept = view.values.get("merged_into")
        if not kept:
            raise PlanError(f"{view.label} is not merged into anything.")
        writer.update(record_id, {"merged_into": None})
    return str(kept)


def _check_merge(writer: Writer, duplicate: str, kept: str) -> str:
    if duplicate == kept:
        raise PlanError("A record cannot be merged into itself.")
    a, b = writer.view(duplicate), writer.view(kept)
    if a.type != b.type:
        raise PlanError(
            f"{with_article(a.type).capitalize()} can only be merged into another {a.type},"
            f" not {with_article(b.type)}."
        )
    if a.type not in MERGEABLE:
        raise PlanError(
            f"Only organisations and people can be merged; this is {with_article(a.type)}."
        )
    for view in (a, b):
        if view.deleted:
            raise PlanError(f"“{view.label}” is deleted; restore it first.")
    if a.values.get("merged_into"):
        raise PlanError(f"“{a.label}” is already merged; unmerge it first.")
    seen = {duplicate}
    step = b.values.get("merged_into") or ""
    while step:
        if step in seen:
            raise PlanError("That merge would make a cycle: the kept record is merged into it.")
        seen.add(step)
        step = writer.view(step).values.get("merged_into") or ""
    if b.values.get("merged_into"):
        raise PlanError(f"“{b.label}” is itself merged into another record; merge into that.")
    return a.type


def _repoint_references(writer: Writer, type_name: str, duplicate: str, kept: str) -> int:
    """Point every live ref field holding ``duplicate`` (links aside) at ``kept``."""
    moved = 0
    for rtype in TYPES.values():
        if rtype.name == "link":
            continue
        model = PROJECTIONS[rtype.name].__table__.c
        for spec in rtype.fields.values():
            if spec.kind != "ref" or spec.identity or spec.name == "merged_into":
                continue
            if spec.targets and type_name not in spec.targets:
                continue
            ids = writer.session.execute(
                select(model["id"]).where(
                    model[spec.name] == duplicate, model["deleted"].is_(False)
                )
            ).scalars()
            for record_id in list(ids):
                writer.update(record_id, {spec.name: kept})
                moved += 1
    return moved


def _move_links(writer: Writer, duplicate: str, kept: str) -> int:
    """Recreate each live link of ``duplicate`` on ``kept`` and delete the old one."""
    table = PROJECTIONS["link"].__table__.c
    rows = writer.session.execute(
        select(table["id"], table["role"], table["from"], table["to"]).where(
            table["deleted"].is_(False),
            (table["from"] == duplicate) | (table["to"] == duplicate),
        )
    ).all()
    for link_id, _role, src, dst in rows:
        values = dict(writer.view(link_id).values)
        values["from"] = kept if src == duplicate else src
        values["to"] = kept if dst == duplicate else dst
        if values["from"] != values["to"]:
            writer.create("link", values)
        writer.delete(link_id)
    return len(rows)
