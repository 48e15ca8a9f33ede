"""The dated records an iCalendar export shows: events, milestones and pledge due dates."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from plantui.queries import Plan
from plantui.queries.report import LIVE, rows
from plantui.queries.report_items import clean, day


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


def calendar_read(plan: Plan) -> CalendarRead:
    """Every live dated record, in date order (undated milestones left out), from one snapshot."""
    with plan.snapshot() as con:
        return _calendar(con)


def _calendar(con: sqlite3.Connection) -> CalendarRead:
    head = con.execute(f"SELECT title FROM plan WHERE {LIVE}").fetchone()
    names: dict[str, str] = {}

    def org_name(org_id: str | None) -> str:
        if not org_id:
            return ""
        if org_id not in names:
            org = con.execute(
                "SELECT name, deleted FROM organisation WHERE id = ?", (org_id,)
            ).fetchone()
            names[org_id] = clean(org[0]) if org is not None and not org[1] else ""
        return names[org_id]

    def owner(org_id: str | None) -> str | None:
        return org_name(org_id) if org_id else None

    events = tuple(
        EventRow(
            e["id"],
            e["title"] or "",
            e["starts_at"] or "",
            e["ends_at"] or "",
            e["kind"],
            e["location"],
            e["description"],
            e["status"],
            e["date_confidence"],
        )
        for e in rows(
            con,
            "SELECT id, title, starts_at, ends_at, kind, location, description, status,"
            f" date_confidence FROM event WHERE {LIVE} ORDER BY starts_at, id",
        )
    )
    asks = {
        a_id: f"{clean(ref_code)} {clean(title)}".strip()
        for a_id, ref_code, title in con.execute(
            f"SELECT id, ref_code, title FROM ask WHERE {LIVE}"
        )
    }
    milestones = tuple(
        MilestoneRow(
            act["id"],
            act["title"] or "",
            when,
            asks.get(act["ask"] or ""),
            owner(act["community_owner"]),
            owner(act["public_owner"]),
            act["deliverable"],
            act["status"],
        )
        for act in rows(
            con,
            'SELECT id, title, start, "end", ask, community_owner, public_owner, deliverable,'
            f' status FROM action WHERE {LIVE} AND milestone IS 1 ORDER BY "end", id',
        )
        if (when := day(act["end"]) or day(act["start"])) is not None
    )
    pledges = tuple(
        PledgeDueRow(
            p["id"],
            p["ref_code"],
            p["title"],
            due,
            org_name(p["made_by"]),
            p["target"],
            p["lifecycle"],
        )
        for p in rows(
            con,
            "SELECT id, ref_code, title, due, made_by, target, lifecycle FROM pledge"
            f" WHERE {LIVE} AND due IS NOT NULL ORDER BY due, id",
        )
        if (due := day(p["due"])) is not None
    )
    return CalendarRead(head[0] if head else None, events, milestones, pledges)
