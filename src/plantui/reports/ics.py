"""The plan's dates as an iCalendar file that calendar apps import: events, milestones and
pledge due dates. UIDs come from record ids, so importing a newer export updates the same
calendar entries instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from plantui.domain import in_years
from plantui.queries.calendar import CalendarRead, EventRow, MilestoneRow, PledgeDueRow
from plantui.queries.report_items import clean, words
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


def build_calendar(read: CalendarRead, today: dt.date) -> Calendar:
    """The calendar of the whole plan; DTSTAMP is ``today`` so exports are reproducible."""
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//plantui//community action plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if read.plan_title:
        cal.add("x-wr-calname", one_line(read.plan_title))  # an X- property: no TEXT escaping
    for entry in _events(read.events, stamp):
        cal.add_component(entry)
    for entry in _milestones(read.milestones, stamp):
        cal.add_component(entry)
    for entry in _pledges_due(read.pledges_due, stamp):
        cal.add_component(entry)
    return cal


_UNSURE = {"tbc": "day to be confirmed", "tentative": "provisional"}
"""An event's unsure day, said in its calendar entry so it is never taken as fact."""


def _events(events: tuple[EventRow, ...], stamp: dt.datetime) -> Iterator[CalendarEvent]:
    """The plan's events, timed or all-day as stored; events without a readable start skipped."""
    for ev in events:
        start = _moment(ev.starts_at)
        if start is None:
            continue
        end = _moment(ev.ends_at)
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
    milestones: tuple[MilestoneRow, ...], stamp: dt.datetime
) -> Iterator[CalendarEvent]:
    """Each live milestone as an all-day entry on its day."""
    for act in milestones:
        if not in_years(act.day):
            continue
        entry = CalendarEvent()
        entry.add("uid", _uid("milestone", act.id))
        entry.add("dtstamp", stamp)
        entry.add("summary", f"Milestone: {clean(act.title)}")
        _all_day(entry, act.day)
        lines = [
            f"Ask: {act.ask}" if act.ask is not None else "",
            f"Community owner: {act.community_owner}" if act.community_owner is not None else "",
            f"Public owner: {act.public_owner}" if act.public_owner is not None else "",
            f"Deliverable: {clean(act.deliverable)}" if act.deliverable else "",
            f"Status: {words(act.status)}" if act.status else "",
        ]
        entry.add("description", "\n".join(line for line in lines if line))
        entry.add("categories", ["plantui milestone"])
        yield entry


def _pledges_due(pledges: tuple[PledgeDueRow, ...], stamp: dt.datetime) -> Iterator[CalendarEvent]:
    """Each live pledge with a due date, as an all-day entry on that date."""
    for pledge in pledges:
        if not in_years(pledge.due):
            continue
        entry = CalendarEvent()
        entry.add("uid", _uid("pledge-due", pledge.id))
        entry.add("dtstamp", stamp)
        code = f"{clean(pledge.ref_code)} " if pledge.ref_code else ""
        entry.add("summary", f"Pledge due: {code}{clean(pledge.title)}")
        _all_day(entry, pledge.due)
        lines = [
            f"Made by: {pledge.made_by}",
            f"Target: {clean(pledge.target)}" if pledge.target else "",
            f"Lifecycle: {words(pledge.lifecycle)}" if pledge.lifecycle else "",
        ]
        entry.add("description", "\n".join(line for line in lines if line))
        entry.add("categories", ["plantui pledge"])
        yield entry
