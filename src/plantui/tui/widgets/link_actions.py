"""`l` and `u` on a record list: link the selected record to another, or remove a link.

The link itself is an ordinary record written through ``app.editor``; the roles a type may
take come from ``plantui.domain.LINK_ROLES``.
"""

from __future__ import annotations

from collections.abc import Callable

from plantui.domain import LINK_ROLES
from plantui.errors import PlanError
from plantui.queries.related import LINK_HEADINGS, Related
from plantui.text import with_article
from plantui.tui.plan_screen import PlanScreen
from plantui.tui.widgets.safe import show

Role = tuple[str, str, str]
"""(role, side the record takes, type of the other end)."""


def link_roles(type_name: str) -> list[Role]:
    """Every way a record of ``type_name`` can be linked, one per type at the other end."""
    out: list[Role] = []
    for role, (from_types, to_types) in LINK_ROLES.items():
        if type_name in from_types:
            out.extend((role, "from", to_type) for to_type in to_types)
        if type_name in to_types:
            out.extend((role, "to", from_type) for from_type in from_types)
    return out


def link(screen: PlanScreen, record_id: str, type_name: str, related: list[Related]) -> None:
    """Ask how to link the record (if it can be linked several ways), then to what."""
    roles = link_roles(type_name)
    if len(roles) == 1:
        _pick_target(screen, record_id, roles[0], related)
        return
    # One role may reach several types (a note is about anything): one choice per type.
    options = [
        (":".join(role), f"{LINK_HEADINGS[(role[0], role[1])]} ({role[2]}s)") for role in roles
    ]

    def chosen(key: str | None) -> None:
        if key:
            match = next(r for r in roles if ":".join(r) == key)
            _pick_target(screen, record_id, match, related)

    _choose(screen, "Link it how?", options, chosen)


def _pick_target(screen: PlanScreen, record_id: str, role: Role, related: list[Related]) -> None:
    from plantui.tui.forms import PickRecord

    name, side, other_type = role
    existing = frozenset(r.record_id for r in related if r.role == name)

    def picked(other_id: str | None) -> None:
        if not other_id:
            return
        ends = (record_id, other_id) if side == "from" else (other_id, record_id)
        try:
            screen.app.editor.create("link", {"role": name, "from": ends[0], "to": ends[1]})
        except PlanError as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        screen.notify(f"Linked: {LINK_HEADINGS[(name, side)].lower()}.", markup=False)

    title = f"{LINK_HEADINGS[(name, side)]}: pick {with_article(other_type)}"
    screen.app.push_screen(
        PickRecord((other_type,), title, exclude=existing | {record_id}),
        picked,
    )


def unlink(screen: PlanScreen, related: list[Related]) -> None:
    """Ask which of the record's links to remove, and remove it (undoable)."""
    links = [r for r in related if r.link_id]
    if not links:
        screen.notify("It has no links to remove.", markup=False)
        return
    options = [(r.link_id or "", f"{r.heading}: {show(r.label)}") for r in links]

    def chosen(link_id: str | None) -> None:
        if not link_id:
            return
        try:
            screen.app.editor.delete(link_id)
        except PlanError as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        screen.notify("Link removed (ctrl+z undoes).", markup=False)

    _choose(screen, "Remove which link?", options, chosen)


def _choose(
    screen: PlanScreen,
    title: str,
    options: list[tuple[str, str]],
    then: Callable[[str | None], None],
) -> None:
    from plantui.tui.widgets.choose import ChooseOne  # here: the list screens open without it

    screen.app.push_screen(ChooseOne(title, options), then)
