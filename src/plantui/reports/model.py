"""The report model: one read of the database shaped as the story decision makers follow.

Every output (HTML, Markdown, the charts) renders this same model, so they cannot disagree.
Text is cleaned of control characters here, once; escaping is the renderers' job.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from plantui import derived
from plantui.errors import PlanError
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
from plantui.text import plain

LATEST_NOTES = 5
"""How many of the latest notes each ask's story shows."""

RAG_WORDS = {"green": "Green", "amber": "Amber", "red": "Red"}

GAP_HEADINGS = {
    "ask_without_pledge": "Ask with no pledge",
    "pledge_without_action": "Pledge with no action",
    "action_without_public_owner": "Action with no public-sector owner",
    "action_without_community_owner": "Action with no community owner",
    "overdue_action": "Overdue action",
    "overdue_pledge": "Overdue pledge",
    "milestone_without_deliverable": "Milestone with no deliverable",
}


def clean(value: Any) -> str:
    """User text made safe to print anywhere: control characters gone, None as empty."""
    if value is None:
        return ""
    return plain(str(value)).strip()


def natural(text: str) -> tuple:
    """A sort key that puts P2 before P10."""
    return tuple(int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", text))


def words(value: str | None) -> str:
    """An enum value as people say it: ``in_delivery`` -> ``in delivery``."""
    return clean(value).replace("_", " ")


@dataclass(slots=True)
class Org:
    id: str
    name: str
    short_name: str = ""
    sector: str = ""
    role: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


@dataclass(slots=True)
class PersonItem:
    """A person named in a report: only with --include-contacts and their consent."""

    name: str
    job_title: str = ""
    organisation: str = ""


@dataclass(slots=True)
class ChangeItem:
    what: str
    type: str
    label: str
    fields: str
    who: str
    when: str


@dataclass(slots=True)
class ChangeGroup:
    """Changes since a date or event that serve one ask (or none)."""

    heading: str
    items: list[ChangeItem]


@dataclass(slots=True)
class EventItem:
    id: str
    title: str
    starts_at: str
    ends_at: str
    kind: str
    location: str
    status: str
    date_confidence: str = ""
    """tentative or tbc: the day is never printed as fact (DOMAIN.md)."""

    @property
    def day(self) -> str:
        return self.starts_at[:10]


@dataclass(slots=True)
class PledgeItem:
    id: str
    ref_code: str
    title: str
    commitment: str
    made_by: str
    made_at: str
    made_on: dt.date | None
    due: dt.date | None
    lifecycle: str
    completion: str
    target: str
    result: str
    next_steps: str

    @property
    def heading(self) -> str:
        return f"{self.ref_code} {self.title}".strip()


@dataclass(slots=True)
class ActionItem:
    id: str
    ref_code: str
    title: str
    ask_id: str | None
    pledge: str
    community_owner: str
    public_owner: str
    partners: list[str]
    start: dt.date | None
    end: dt.date | None
    status: str
    progress: int | None
    rag: str | None
    milestone: bool
    deliverable: str
    date_confidence: str

    @property
    def rag_word(self) -> str:
        return RAG_WORDS.get(self.rag or "", "Not set")

    @property
    def heading(self) -> str:
        return f"{self.ref_code} {self.title}".strip()


@dataclass(slots=True)
class NoteItem:
    date: dt.date | None
    headline: str
    body: str
    rag: str | None
    author: str
    about: str

    @property
    def rag_word(self) -> str:
        return RAG_WORDS.get(self.rag or "", "")


@dataclass(slots=True)
class AskSection:
    id: str
    priority: int
    ref_code: str
    title: str
    statement: str
    problem: str
    status: str
    theme: str
    population_group: str
    response: str
    response_date: dt.date | None
    raised_at: EventItem | None
    raised_by: list[str]
    directed_to: list[str]
    rag: str | None
    progress: int | None
    pledges: list[PledgeItem] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    notes: list[NoteItem] = field(default_factory=list)

    @property
    def rag_word(self) -> str:
        return RAG_WORDS.get(self.rag or "", "Not set")

    @property
    def heading(self) -> str:
        return f"{self.ref_code} {self.title}".strip()

    @property
    def milestones(self) -> list[ActionItem]:
        return [a for a in self.actions if a.milestone]

    @property
    def bars(self) -> list[ActionItem]:
        return [a for a in self.actions if not a.milestone]


@dataclass(slots=True)
class GapItem:
    kind: str
    heading: str
    type: str
    label: str
    message: str
    due: dt.date | None = None

    @property
    def text(self) -> str:
        """The record, with its due date when it is overdue."""
        return f"{self.label} (due {self.due.day} {self.due:%b %Y})" if self.due else self.label


@dataclass(slots=True)
class Report:
    title: str
    summary: str
    area: str
    status: str
    period_start: dt.date | None
    period_end: dt.date | None
    today: dt.date
    asks: list[AskSection]
    gaps: list[GapItem]
    events: list[EventItem]
    organisations: list[Org]
    include_contacts: bool
    single_ask: bool = False
    unlinked_actions: list[ActionItem] = field(default_factory=list)
    elapsed: float | None = None
    people: list[PersonItem] = field(default_factory=list)
    changes_since: str = ""
    """What "changed since" counts from (a date, or an event and its start); empty: no section."""
    changes: list[ChangeGroup] = field(default_factory=list)

    @property
    def gap_groups(self) -> list[tuple[str, list[GapItem]]]:
        """Gaps by kind, in the order derived.gaps lists them, for a compact overview."""
        groups: dict[str, list[GapItem]] = {}
        for gap in self.gaps:
            groups.setdefault(gap.heading, []).append(gap)
        return list(groups.items())

    @property
    def all_actions(self) -> list[ActionItem]:
        return [a for ask in self.asks for a in ask.actions] + self.unlinked_actions


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
    """An ask's id from its id, a unique id prefix (4+ characters) or its ref_code."""
    key = key.strip()
    live = select(Ask.id).where(Ask.deleted.is_(False))
    found = session.execute(live.where(Ask.id == key.lower())).scalars().all()
    if not found:
        found = session.execute(live.where(Ask.ref_code == key)).scalars().all()
    if not found and len(key) >= 4:
        found = session.execute(live.where(Ask.id.like(f"{key.lower()}%"))).scalars().all()
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise PlanError(f"More than one ask matches {key!r}; give its whole id.")
    raise PlanError(f"There is no ask with the id or ref_code {key!r}.")


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

    orgs = {
        o.id: _org(o, include_contacts)
        for o in session.execute(
            select(Organisation).where(Organisation.deleted.is_(False)).order_by(Organisation.name)
        ).scalars()
    }
    events = {
        e.id: _event(e)
        for e in session.execute(
            select(Event).where(Event.deleted.is_(False)).order_by(Event.starts_at, Event.id)
        ).scalars()
    }

    def org_name(org_id: str | None) -> str:
        return orgs[org_id].name if org_id in orgs else ""

    links: dict[tuple[str, str], list[str]] = {}
    for role, src, dst in session.execute(
        select(Link.role, Link.from_, Link.to).where(Link.deleted.is_(False))
    ):
        links.setdefault((role or "", src or ""), []).append(dst or "")

    def linked_orgs(role: str, record_id: str) -> list[str]:
        return sorted(org_name(o) for o in links.get((role, record_id), []) if o in orgs)

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
            )
        )

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
        about = {ask_row.id: "the ask"}
        about.update({p.id: f"pledge {p.ref_code or p.title}" for p in answering})
        about.update({x.id: f"action {x.ref_code or x.title}" for x in mine})
        story = sorted(
            (n for rid in about for n in notes.get(rid, [])),
            key=lambda n: (n.date or dt.date.min, n.id),
            reverse=True,
        )[:LATEST_NOTES]
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
                [
                    NoteItem(
                        n.date,
                        clean(n.headline),
                        clean(n.body),
                        n.rag,
                        clean(n.author),
                        about[n.about or ""],
                    )
                    for n in story
                ],
            )
        )

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
        people=_named_people(session, orgs) if include_contacts else [],
    )


def _named_people(session: Session, orgs: dict[str, Org]) -> list[PersonItem]:
    """People who agreed to be named in reports (consent ``named_in_reports``), by name."""
    rows = session.execute(
        select(Person)
        .where(Person.deleted.is_(False), Person.consent == "named_in_reports")
        .order_by(Person.name, Person.id)
    ).scalars()
    return [
        PersonItem(
            clean(p.name),
            clean(p.job_title),
            orgs[p.organisation].name if p.organisation in orgs else "",
        )
        for p in rows
    ]
