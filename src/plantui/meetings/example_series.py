"""The example plan's events as a programme: the National Voices conference becomes a series
of its three jointly led workshops, and the Southwark events whose day the seeds do not give
are marked ``tbc`` so no illustrative day is printed as fact. Run by ``plantui demo`` after
the plan is built.
"""

from __future__ import annotations

from sqlalchemy import select

from plantui.service import Writer
from plantui.storage.models import Event

CONFERENCE = {
    "title": "National Voices conference: How Can We Dismantle Health Inequity Together?",
    "kind": "conference_session",
    "starts_at": "2023-03-02",
    "ends_at": "2023-03-16",
    "status": "held",
    "location": "National Voices conference",
    "date_confidence": "tentative",
    "description": (
        "The member workshops of the conference's first three weeks, each jointly led by two "
        "or three organisations. The seed gives the days but not the year: 2023 is assumed."
    ),
}
SESSION_PREFIX = "National Voices conference workshop:"
UNKNOWN_DAY = ("first event", "second event", "Meeting with decision makers")
"""Southwark events for which the seeds give only a month."""


def apply_example_series(writer: Writer) -> int:
    """Group the conference workshops under one series event; flag the unknown days.

    Returns the number of records added (the series event).
    """
    events = writer.session.execute(select(Event.id, Event.title)).all()
    conference = writer.create("event", dict(CONFERENCE)).record_id
    for event_id, title in events:
        title = title or ""
        if title.startswith(SESSION_PREFIX):
            writer.update(event_id, {"series": conference, "date_confidence": "tentative"})
        elif any(part in title for part in UNKNOWN_DAY):
            writer.update(event_id, {"date_confidence": "tbc"})
        elif "third event" in title:
            writer.update(event_id, {"date_confidence": "firm"})
    return 1
