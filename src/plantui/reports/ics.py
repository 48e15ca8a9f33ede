"""The plan's dates as an iCalendar file that calendar apps import: events, milestones and
pledge due dates. UIDs come from record ids, so importing a newer export updates the same
calendar entries instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from icalendar import Calendar
from icalendar import Event as CalendarEvent
from sqlalchemy import select
from sqlalchemy.orm import Session

from plantui.domain import in_years
from plantui.reports.items import clean, words
from plantui.storage.models import Action, Ask, Event, Organisation, Plan, Pledge
from plantui.text import one_line

UID_DOMAIN = "plantui"


def _uid(kind: str, record_id: str) -> str:
    return f"{kind}-{record_id}@{UID_DOMAIN}"


def _all_day(entry: CalendarEvent, first: dt.date, last: dt.date | None = None) -> None:
    """An all-day entry: DTEND is the day after the last day (RFC 5545)."""
    entry.add("dtstart", first)
    entry.add("dtend", (last if last and last >= first else first) + dt.timedelta(days=1))


def _moment(text: str) -> dt.date | dt.datetime | None:
    """A stored date or date-time; None when unreadable or outside the allowed years (a
    calendar entry must be true, and 9999-12-31 has no day after it)."""
    try:
        if len(text) == 10:
            moment: dt.date = dt.date.fromisoformat(text)
        else:
            moment = dt.datetime.fromisoformat(text).astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return None
    return moment if in_years(moment) else None


def build_calendar(session: Session, today: dt.date) -> Calendar:
    """The calendar of the whole plan; DTSTAMP is ``today`` so exports are reproducible."""
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    plan = session.execute(select(Plan).where(Plan.deleted.is_(False))).scalars().first()
    cal = Calendar()
    cal.add("prodid", "-//plantui//community action plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if plan is not None and plan.title:
        cal.add("x-wr-calname", one_line(plan.title))  # an X- property: no TEXT escaping

    def org_name(org_id: str | None) -> str:
        if not org_id:
            return ""
        org = session.get(Organisation, org_id)
        return clean(org.name) if org is not None and not org.deleted else ""

    for entry in _events(session, stamp):
        cal.add_component(entry)
    for entry in _milestones(session, stamp, org_name):
        cal.add_component(entry)
    for entry in _pledges_due(session, stamp, org_name):
        cal.add_component(entry)
    return cal


_UNSURE = {"tbc": "day to be confirmed", "tentative": "provisional"}
"""An event's unsure day, said in its calendar entry so it is never taken as fact."""


def _events(session: Session, stamp: dt.datetime) -> Iterator[CalendarEvent]:
    """The plan's events, timed or all-day as stored; events without a readable start skipped."""
    for ev in session.execute(
        select(Event).where(Event.deleted.is_(False)).order_by(Event.starts_at, Event.id)
    ).scalars():
        start = _moment(ev.starts_at or "")
        if start is None:
            continue
        end = _moment(ev.ends_at or "")
        entry = CalendarEvent()
        entry.add("uid", _uid("event", ev.id))
        entry.add("dtstamp", stamp)
        unsure = _UNSURE.get(ev.date_confidence or "")
        entry.add("summary", clean(ev.title) + (f" ({unsure})" if unsure else ""))
        if isinstance(start, dt.datetime):
            entry.add("dtstart", start)
            if isinstance(end, dt.datetime) and end > start:
                entry.add("dtend", end)
            else:
                entry.add("dtend", start + dt.timedelta(hours=1))
        else:
            _all_day(entry, start, end if isinstance(end, dt.date) else None)
        if ev.location:
            entry.add("location", clean(ev.location))
        if ev.description:
            entry.add("description", clean(ev.description))
        if ev.status == "cancelled":
            entry.add("status", "CANCELLED")
        elif unsure:
            entry.add("status", "TENTATIVE")
        elif ev.status in ("planned", "held"):
            entry.add("status", "CONFIRMED")
        entry.add("categories", ["plantui event", words(ev.kind) or "event"])
        yield entry


def _milestones(
    session: Session, stamp: dt.datetime, org_name: Callable[[str | None], str]
) -> Iterator[CalendarEvent]:
    """Each live milestone as an all-day entry on its day."""
    asks = {
        a.id: f"{clean(a.ref_code)} {clean(a.title)}".strip()
        for a in session.execute(select(Ask).where(Ask.deleted.is_(False))).scalars()
    }
    for act in session.execute(
        select(Action)
        .where(Action.deleted.is_(False), Action.milestone.is_(True))
        .order_by(Action.end, Action.id)
    ).scalars():
        day = act.end or act.start
        if day is None or not in_years(day):
            continue
        entry = CalendarEvent()
        entry.add("uid", _uid("milestone", act.id))
        entry.add("dtstamp", stamp)
        entry.add("summary", f"Milestone: {clean(act.title)}")
        _all_day(entry, day)
        lines = [
            f"Ask: {asks[act.ask]}" if act.ask in asks else "",
            f"Community owner: {org_name(act.community_owner)}" if act.community_owner else "",
            f"Public owner: {org_name(act.public_owner)}" if act.public_owner else "",
            f"Deliverable: {clean(act.deliverable)}" if act.deliverable else "",
            f"Status: {words(act.status)}" if act.status else "",
        ]
        entry.add("description", "\n".join(line for line in lines if line))
        entry.add("categories", ["plantui milestone"])
        yield entry


def _pledges_due(
    session: Session, stamp: dt.datetime, org_name: Callable[[str | None], str]
) -> Iterator[CalendarEvent]:
    """Each live pledge with a due date, as an all-day entry on that date."""
    for pledge in session.execute(
        select(Pledge)
        .where(Pledge.deleted.is_(False), Pledge.due.is_not(None))
        .order_by(Pledge.due, Pledge.id)
    ).scalars():
        assert pledge.due is not None
        if not in_years(pledge.due):
            continue
        entry = CalendarEvent()
        entry.add("uid", _uid("pledge-due", pledge.id))
        entry.add("dtstamp", stamp)
        code = f"{clean(pledge.ref_code)} " if pledge.ref_code else ""
        entry.add("summary", f"Pledge due: {code}{clean(pledge.title)}")
        _all_day(entry, pledge.due)
        lines = [
            f"Made by: {org_name(pledge.made_by)}",
            f"Target: {clean(pledge.target)}" if pledge.target else "",
            f"Lifecycle: {words(pledge.lifecycle)}" if pledge.lifecycle else "",
        ]
        entry.add("description", "\n".join(line for line in lines if line))
        entry.add("categories", ["plantui pledge"])
        yield entry


def render_ics(session: Session, today: dt.date) -> bytes:
    """The calendar as the bytes of an .ics file."""
    return build_calendar(session, today).to_ical()
