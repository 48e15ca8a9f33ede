"""One organisation's own pack: what it raised or was asked, what it pledged, what it owns.

A decision maker reads "what GSTT owes" and a community organisation "what we asked and who
answers"; both are cut from the same report model as the whole plan, so the figures agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from plantui.duplicates import fold
from plantui.errors import PlanError
from plantui.queries import derived
from plantui.queries.lists import DUE_SOON_DAYS, OrgCounts, ids_merged_into, org_counts_on
from plantui.queries.report import build_report
from plantui.queries.report_items import (
    ActionItem,
    AskSection,
    Org,
    PersonItem,
    PledgeItem,
    clean,
    words,
)
from plantui.storage.database import as_sqlite
from plantui.storage.models import Action, Link, Organisation, Person, Pledge

CLOSED_ACTION = {words(s) for s in derived.CLOSED_ACTION}
CLOSED_PLEDGE = {words(s) for s in derived.CLOSED_PLEDGE}
"""The closed states of derived's overdue rules, as the report items spell them."""


@dataclass(slots=True)
class OwnedAction:
    action: ActionItem
    side: str
    """"community" or "public": which owner this organisation is."""


@dataclass(slots=True)
class OrgPack:
    org: Org
    plan_title: str
    today: dt.date
    raised: list[AskSection] = field(default_factory=list)
    asked: list[AskSection] = field(default_factory=list)
    pledges: list[PledgeItem] = field(default_factory=list)
    actions: list[OwnedAction] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)
    due_soon: list[str] = field(default_factory=list)
    late: list[str] = field(default_factory=list)
    """Actions whose end moved past their baseline end."""
    people: list[PersonItem] = field(default_factory=list)


def org_pack_counts(session: Session, today: dt.date, org_id: str) -> OrgCounts:
    """The counts of ``build_org_pack`` without building the whole report, so the TUI can
    show them on every cursor move (tests check the two agree)."""
    return org_counts_on(as_sqlite(session), today, org_id)


def find_organisation(session: Session, key: str) -> str:
    """An organisation's id from its id, its name or short name, a unique id prefix or the
    start of its name (case, accents and punctuation aside)."""
    wanted = fold(key)
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.short_name).where(
            Organisation.deleted.is_(False), Organisation.merged_into.is_(None)
        )
    ).all()
    for test in (
        lambda r: r.id == key.strip().lower(),
        lambda r: wanted and wanted in (fold(r.name), fold(r.short_name)),
        lambda r: len(key.strip()) >= 4 and r.id.startswith(key.strip().lower()),
        lambda r: wanted and fold(r.name).startswith(wanted),
    ):
        found = [r.id for r in rows if test(r)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise PlanError(f"More than one organisation matches {key!r}; give its id.")
    raise PlanError(f"There is no organisation called {key!r}; `plantui list organisation`.")


def build_org_pack(
    session: Session, today: dt.date, key: str, include_contacts: bool = False
) -> OrgPack:
    """The pack of the organisation ``key`` names (its duplicates merged into it count too)."""
    org_id = find_organisation(session, key)
    report = build_report(session, today, include_contacts=include_contacts)
    mine = ids_merged_into(as_sqlite(session), org_id)
    org = next(o for o in report.organisations if o.id == org_id)
    pack = OrgPack(org, report.title, today)
    links = session.execute(
        select(Link.role, Link.from_).where(
            Link.deleted.is_(False), Link.to.in_(mine), Link.role.in_(("raised_by", "directed_to"))
        )
    ).all()
    raised = {src for role, src in links if role == "raised_by"}
    asked = {src for role, src in links if role == "directed_to"}
    pack.raised = [a for a in report.asks if a.id in raised]
    pack.asked = [a for a in report.asks if a.id in asked]
    pledged = set(
        session.execute(
            select(Pledge.id).where(Pledge.deleted.is_(False), Pledge.made_by.in_(mine))
        ).scalars()
    )
    pack.pledges = [p for p in report.all_pledges if p.id in pledged]
    sides: dict[str, str] = {}
    for action_id, community, public in session.execute(
        select(Action.id, Action.community_owner, Action.public_owner).where(
            Action.deleted.is_(False)
        )
    ):
        if community in mine:
            sides[action_id] = "community"
        elif public in mine:
            sides[action_id] = "public"
    pack.actions = [OwnedAction(a, sides[a.id]) for a in report.all_actions if a.id in sides]
    _dates(pack, today)
    if include_contacts:
        pack.people = _people(session, mine, org.name)
    return pack


def _dates(pack: OrgPack, today: dt.date) -> None:
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    for owned in pack.actions:
        a = owned.action
        if a.end and a.baseline_end and a.end > a.baseline_end:
            pack.late.append(
                f"action {a.heading} (ends {a.end.isoformat()},"
                f" planned {a.baseline_end.isoformat()})"
            )
        if a.status in CLOSED_ACTION or a.end is None:
            continue
        if a.end < today:
            pack.overdue.append(f"action {a.heading} (was due {a.end.isoformat()})")
        elif a.end <= soon:
            pack.due_soon.append(f"action {a.heading} (due {a.end.isoformat()})")
    for p in pack.pledges:
        if p.due is None or p.lifecycle in CLOSED_PLEDGE:
            continue
        if p.due < today:
            pack.overdue.append(f"pledge {p.heading} (was due {p.due.isoformat()})")
        elif p.due <= soon:
            pack.due_soon.append(f"pledge {p.heading} (due {p.due.isoformat()})")


def _people(session: Session, mine: set[str], org_name: str) -> list[PersonItem]:
    rows = session.execute(
        select(Person.name, Person.job_title)
        .where(
            Person.deleted.is_(False),
            Person.merged_into.is_(None),
            Person.consent == "named_in_reports",
            Person.organisation.in_(mine),
        )
        .order_by(Person.name)
    ).all()
    return [PersonItem(clean(name), clean(job), org_name) for name, job in rows]
