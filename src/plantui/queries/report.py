"""The report model: one read of the database shaped as the story decision makers follow.

The reading lives here; the items it fills are in ``queries.report_items``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from plantui.errors import PlanError
from plantui.queries import Plan as QueryPlan
from plantui.queries import derived
from plantui.queries.report_items import (
    GAP_HEADINGS,
    LATEST_NOTES,
    ActionItem,
    AskSection,
    EventItem,
    GapItem,
    NoteItem,
    Org,
    PersonItem,
    PledgeItem,
    Report,
    clean,
    words,
)
from plantui.record_ids import resolve_record_id
from plantui.ref_order import natural
from plantui.storage.models import (
    Action,
    Ask,
    Event,
    Link,
    Note,
    Organisation,
    Person,
    Plan,
    Pledge,
)


def _org(o: Organisation, include_contacts: bool) -> Org:
    org = Org(o.id, clean(o.name), clean(o.short_name), words(o.sector), words(o.role))
    if include_contacts:
        org.contact_name = clean(o.contact_name)
        org.contact_email = clean(o.contact_email)
        org.contact_phone = clean(o.contact_phone)
    return org


def _event(e: Event) -> EventItem:
    return EventItem(
        e.id,
        clean(e.title),
        clean(e.starts_at),
        clean(e.ends_at),
        words(e.kind),
        clean(e.location),
        words(e.status),
        clean(e.date_confidence),
    )


def _gap(gap: derived.Gap) -> GapItem:
    due = re.search(r"\d{4}-\d{2}-\d{2}", gap.message) if gap.kind.startswith("overdue") else None
    return GapItem(
        gap.kind,
        GAP_HEADINGS.get(gap.kind, words(gap.kind)),
        gap.type,
        clean(gap.label),
        gap.message,
        dt.date.fromisoformat(due.group()) if due else None,
    )


def find_ask(session: Session, key: str) -> str:
    """A live ask's id from its id, its ref_code or a unique id prefix."""
    ask_id = resolve_record_id(session, key, types=("ask",))
    if session.execute(select(Ask.deleted).where(Ask.id == ask_id)).scalar():
        raise PlanError(f"The ask {key!r} is deleted; restore it to report on it.")
    return ask_id


def build_report(
    session: Session,
    today: dt.date,
    ask: str | None = None,
    include_contacts: bool = False,
) -> Report:
    """Read the whole plan in one session and shape it for the reports (one ask, if given)."""
    plan = session.execute(select(Plan).where(Plan.deleted.is_(False))).scalars().first()
    if plan is None:
        raise PlanError("This database holds no plan yet, so there is nothing to report.")
    only = find_ask(session, ask) if ask else None
    orgs, merged = _read_orgs(session, include_contacts)
    events = _read_events(session)
    links = _read_links(session)

    def org_name(org_id: str | None) -> str:
        org_id = merged.get(org_id or "", org_id)
        return orgs[org_id].name if org_id in orgs else ""

    def linked_orgs(role: str, record_id: str) -> list[str]:
        named = {org_name(o) for o in links.get((role, record_id), [])}
        return sorted(name for name in named if name)

    pledges = _read_pledges(session, events, org_name)
    actions = _read_actions(session, pledges, org_name, linked_orgs)
    sections = _ask_sections(session, only, events, pledges, actions, linked_orgs)
    gaps = derived.gaps(session, today)
    if only:
        section = sections[0]
        mine_ids = {only, *(p.id for p in section.pledges), *(x.id for x in section.actions)}
        gaps = [g for g in gaps if g.record in mine_ids]
    known = {a.id for a in sections}
    return Report(
        title=clean(plan.title),
        summary=clean(plan.summary),
        area=clean(plan.area),
        status=words(plan.status),
        period_start=plan.period_start,
        period_end=plan.period_end,
        today=today,
        asks=sections,
        gaps=[_gap(g) for g in gaps],
        events=list(events.values()),
        organisations=list(orgs.values()),
        include_contacts=include_contacts,
        single_ask=only is not None,
        unlinked_actions=[] if only else [x for x in actions if x.ask_id not in known],
        elapsed=derived.plan_elapsed(session, today),
        people=_named_people(session, org_name) if include_contacts else [],
        all_pledges=sorted(pledges.values(), key=lambda p: (natural(p.ref_code), p.title)),
    )


def _read_orgs(session: Session, include_contacts: bool) -> tuple[dict[str, Org], dict[str, str]]:
    """Live organisations not merged into another, and each merged one's final target."""
    rows = session.execute(
        select(Organisation).where(Organisation.deleted.is_(False)).order_by(Organisation.name)
    ).scalars()
    orgs: dict[str, Org] = {}
    into: dict[str, str] = {}
    for o in rows:
        if o.merged_into:
            into[o.id] = o.merged_into
        else:
            orgs[o.id] = _org(o, include_contacts)
    return orgs, {org_id: _final(org_id, into) for org_id in into}


def _final(org_id: str, into: dict[str, str]) -> str:
    """Follow ``merged_into`` to the record that is kept (a cycle stops where it began)."""
    seen = {org_id}
    while org_id in into and into[org_id] not in seen:
        org_id = into[org_id]
        seen.add(org_id)
    return org_id


def _read_events(session: Session) -> dict[str, EventItem]:
    rows = session.execute(
        select(Event).where(Event.deleted.is_(False)).order_by(Event.starts_at, Event.id)
    ).scalars()
    return {e.id: _event(e) for e in rows}


def _read_links(session: Session) -> dict[tuple[str, str], list[str]]:
    """Live links as (role, from) -> the ids they point to."""
    links: dict[tuple[str, str], list[str]] = {}
    for role, src, dst in session.execute(
        select(Link.role, Link.from_, Link.to).where(Link.deleted.is_(False))
    ):
        links.setdefault((role or "", src or ""), []).append(dst or "")
    return links


def _read_pledges(
    session: Session, events: dict[str, EventItem], org_name: Callable[[str | None], str]
) -> dict[str, PledgeItem]:
    pledges: dict[str, PledgeItem] = {}
    for p in session.execute(
        select(Pledge).where(Pledge.deleted.is_(False)).order_by(Pledge.ref_code, Pledge.title)
    ).scalars():
        made_at = events.get(p.made_at or "")
        pledges[p.id] = PledgeItem(
            p.id,
            clean(p.ref_code),
            clean(p.title),
            clean(p.commitment),
            org_name(p.made_by),
            made_at.title if made_at else "",
            p.made_on,
            p.due,
            words(p.lifecycle),
            words(p.completion),
            clean(p.target),
            clean(p.result),
            clean(p.next_steps),
        )
    return pledges


def _read_actions(
    session: Session,
    pledges: dict[str, PledgeItem],
    org_name: Callable[[str | None], str],
    linked_orgs: Callable[[str, str], list[str]],
) -> list[ActionItem]:
    actions: list[ActionItem] = []
    for a in session.execute(
        select(Action)
        .where(Action.deleted.is_(False))
        .order_by(Action.start, Action.end, Action.id)
    ).scalars():
        pledge = pledges.get(a.pledge or "")
        actions.append(
            ActionItem(
                a.id,
                clean(a.ref_code),
                clean(a.title),
                a.ask,
                f"{pledge.ref_code} {pledge.title}".strip() if pledge else "",
                org_name(a.community_owner),
                org_name(a.public_owner),
                linked_orgs("partner", a.id),
                a.start,
                a.end if a.end is not None else a.start,
                words(a.status),
                a.progress,
                a.rag,
                bool(a.milestone),
                clean(a.deliverable),
                words(a.date_confidence),
                a.baseline_end,
            )
        )
    return actions


def _ask_sections(
    session: Session,
    only: str | None,
    events: dict[str, EventItem],
    pledges: dict[str, PledgeItem],
    actions: list[ActionItem],
    linked_orgs: Callable[[str, str], list[str]],
) -> list[AskSection]:
    """Each live ask in rank order (or just ``only``) with its pledges, actions and story."""
    notes: dict[str, list[Note]] = {}
    for n in session.execute(
        select(Note).where(Note.deleted.is_(False)).order_by(Note.date.desc(), Note.id.desc())
    ).scalars():
        notes.setdefault(n.about or "", []).append(n)
    rollups = derived.ask_rollups(session)
    sections: list[AskSection] = []
    asks = session.execute(
        select(Ask).where(Ask.deleted.is_(False)).order_by(Ask.rank, Ask.id)
    ).scalars()
    for priority, ask_row in enumerate(asks, start=1):
        if only and ask_row.id != only:
            continue
        roll = rollups.get(ask_row.id)
        answering = [pledges[p] for p in (roll.pledges if roll else []) if p in pledges]
        answering.sort(key=lambda p: (natural(p.ref_code), p.title.lower()))
        mine = [x for x in actions if x.ask_id == ask_row.id]
        sections.append(
            AskSection(
                ask_row.id,
                priority,
                clean(ask_row.ref_code),
                clean(ask_row.title),
                clean(ask_row.statement),
                clean(ask_row.problem),
                words(ask_row.status),
                clean(ask_row.theme),
                clean(ask_row.population_group),
                clean(ask_row.response),
                ask_row.response_date,
                events.get(ask_row.raised_at or ""),
                linked_orgs("raised_by", ask_row.id),
                linked_orgs("directed_to", ask_row.id),
                roll.rag if roll else None,
                roll.progress if roll else None,
                answering,
                mine,
                _story(ask_row.id, answering, mine, notes),
            )
        )
    return sections


def _story(
    ask_id: str,
    pledges: list[PledgeItem],
    actions: list[ActionItem],
    notes: dict[str, list[Note]],
) -> list[NoteItem]:
    """The latest notes about an ask, its pledges and its actions, newest first."""
    about = {ask_id: "the ask"}
    about.update({p.id: f"pledge {p.ref_code or p.title}" for p in pledges})
    about.update({x.id: f"action {x.ref_code or x.title}" for x in actions})
    story = sorted(
        (n for rid in about for n in notes.get(rid, [])),
        key=lambda n: (n.date or dt.date.min, n.id),
        reverse=True,
    )[:LATEST_NOTES]
    return [
        NoteItem(
            n.date,
            clean(n.headline),
            clean(n.body),
            n.rag,
            clean(n.author),
            about[n.about or ""],
        )
        for n in story
    ]


def _named_people(session: Session, org_name: Callable[[str | None], str]) -> list[PersonItem]:
    """People who agreed to be named in reports (consent ``named_in_reports``), by name."""
    rows = session.execute(
        select(Person)
        .where(
            Person.deleted.is_(False),
            Person.merged_into.is_(None),
            Person.consent == "named_in_reports",
        )
        .order_by(Person.name, Person.id)
    ).scalars()
    return [
        PersonItem(
            clean(p.name),
            clean(p.job_title),
            org_name(p.organisation),
        )
        for p in rows
    ]


def person_names(plan: QueryPlan) -> dict[str, str]:
    """Every person's name by id, deleted people too (a change may be by or about them)."""
    with plan.snapshot() as con:
        return {rid: name or "" for rid, name in con.execute("SELECT id, name FROM person")}
