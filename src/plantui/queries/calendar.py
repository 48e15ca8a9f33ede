"""The dated records an iCalendar export shows: events, milestones and pledge due dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from plantui.queries.report_items import clean
from plantui.storage.models import Action, Ask, Event, Organisation, Plan, Pledge


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    title: str
    starts_at: str
    ends_at: str
    kind: str | None
    location: str | None
    description: str | None
    status: str | None
    date_confidence: str | None


@dataclass(frozen=True, slots=True)
class MilestoneRow:
    id: str
    title: str
    day: dt.date
    ask: str | None
    """The ask it serves, as ``ref_code title``; None when that ask is not live here."""
    community_owner: str | None
    """The owner's name ("" when deleted or unknown); None when the milestone has none."""
    public_owner: str | None
    deliverable: str | None
    status: str | None


@dataclass(frozen=True, slots=True)
class PledgeDueRow:
    id: str
    ref_code: str | None
    title: str | None
    due: dt.date
    made_by: str
    target: str | None
    lifecycle: str | None


@dataclass(frozen=True, slots=True)
class CalendarRead:
    plan_title: str | None
    events: tuple[EventRow, ...]
    milestones: tuple[MilestoneRow, ...]
    pledges_due: tuple[PledgeDueRow, ...]


def calendar_read(session: Session) -> CalendarRead:
    """Every live dated record, in date order (undated milestones left out)."""
    plan = session.execute(select(Plan).where(Plan.deleted.is_(False))).scalars().first()
    names: dict[str, str] = {}

    def org_name(org_id: str | None) -> str:
        if not org_id:
            return ""
        if org_id not in names:
            org = session.get(Organisation, org_id)
            names[org_id] = clean(org.name) if org is not None and not org.deleted else ""
        return names[org_id]

    def owner(org_id: str | None) -> str | None:
        return org_name(org_id) if org_id else None

    events = tuple(
        EventRow(
            e.id,
            e.title or "",
            e.starts_at or "",
            e.ends_at or "",
            e.kind,
            e.location,
            e.description,
            e.status,
            e.date_confidence,
        )
        for e in session.execute(
            select(Event).where(Event.deleted.is_(False)).order_by(Event.starts_at, Event.id)
        ).scalars()
    )
    asks = {
        a.id: f"{clean(a.ref_code)} {clean(a.title)}".strip()
        for a in session.execute(select(Ask).where(Ask.deleted.is_(False))).scalars()
    }
    milestones = tuple(
        MilestoneRow(
            act.id,
            act.title or "",
            day,
            asks.get(act.ask or ""),
            owner(act.community_owner),
            owner(act.public_owner),
            act.deliverable,
            act.status,
        )
        for act in session.execute(
            select(Action)
            .where(Action.deleted.is_(False), Action.milestone.is_(True))
            .order_by(Action.end, Action.id)
        ).scalars()
        if (day := act.end or act.start) is not None
    )
    pledges = tuple(
        PledgeDueRow(p.id, p.ref_code, p.title, p.due, org_name(p.made_by), p.target, p.lifecycle)
        for p in session.execute(
            select(Pledge)
            .where(Pledge.deleted.is_(False), Pledge.due.is_not(None))
            .order_by(Pledge.due, Pledge.id)
        ).scalars()
        if p.due is not None
    )
    return CalendarRead(plan.title if plan else None, events, milestones, pledges)
