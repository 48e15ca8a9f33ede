"""Finding an event by what a person types, and its neighbours in a series.

"The previous meeting" follows ``event.series`` when the event has one, else events of the
same kind; cancelled and deleted events never count as a previous or next meeting.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from plantui.errors import PlanError

_COLUMNS = (
    "id, title, kind, starts_at, ends_at, location, status, minutes, series, date_confidence,"
    " agenda_order"
)


@dataclass(frozen=True, slots=True)
class EventRow:
    """The facts of an event that agendas and minutes use."""

    id: str
    title: str
    kind: str | None
    starts_at: str
    ends_at: str | None
    location: str | None
    status: str | None
    minutes: str | None
    series: str | None
    date_confidence: str | None
    agenda_order: str | None = None

    @property
    def day(self) -> dt.date:
        """The local day the event starts on (ISO text starts with it, with or without time)."""
        return dt.date.fromisoformat(self.starts_at[:10])

    @property
    def start(self) -> dt.datetime:
        """When it starts; a bare date counts from midnight UTC."""
        if len(self.starts_at) == 10:
            return dt.datetime.combine(self.day, dt.time(), dt.UTC)
        moment = dt.datetime.fromisoformat(self.starts_at)
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

    @property
    def planned_minutes(self) -> int | None:
        """The planned length in minutes, when both ends carry a time of day."""
        if not self.ends_at or len(self.ends_at) == 10 or len(self.starts_at) == 10:
            return None
        end = dt.datetime.fromisoformat(self.ends_at)
        end = end if end.tzinfo else end.replace(tzinfo=dt.UTC)
        length = int((end - self.start).total_seconds() // 60)
        return length if length > 0 else None


def _rows(con: sqlite3.Connection, where: str, params: tuple[object, ...]) -> list[EventRow]:
    sql = f"SELECT {_COLUMNS} FROM event WHERE {where} ORDER BY starts_at, id"
    return [EventRow(*row) for row in con.execute(sql, params)]


def find_event(con: sqlite3.Connection, text: str) -> EventRow:
    """The live event named by an id, a unique id prefix or a unique title prefix."""
    key = text.strip()
    if not key:
        raise PlanError("Name an event by its id or the start of its title.")
    exact = _rows(con, "id = ?", (key.lower(),))
    found = exact or (_rows(con, "id LIKE ?", (key.lower() + "%",)) if len(key) >= 4 else [])
    if not found:
        found = _rows(con, "lower(title) LIKE ?", (_like(key.lower()) + "%",))
        found = [e for e in found if e.title.lower().startswith(key.lower())]
    live = [e for e in found if not _deleted(con, e.id)]
    if len(found) > 1 and len(live) != 1:
        raise PlanError(f"More than one event matches {key!r}; give more of its title or its id.")
    if not found:
        raise PlanError(f"There is no event matching {key!r}.")
    if not live:
        raise PlanError(f"The event {found[0].title!r} is deleted; restore it first.")
    return live[0]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _deleted(con: sqlite3.Connection, event_id: str) -> bool:
    row = con.execute("SELECT deleted FROM event WHERE id = ?", (event_id,)).fetchone()
    return bool(row and row[0])


def same_series(con: sqlite3.Connection, event: EventRow) -> list[EventRow]:
    """Live, not cancelled events of the event's series (or kind), in date order."""
    params: tuple[str | None, ...]
    if event.series:
        where, params = "series = ?", (event.series,)
    else:
        where, params = "series IS NULL AND kind IS ?", (event.kind,)
    return [
        e
        for e in _rows(con, f"deleted = 0 AND {where}", params)
        if e.status != "cancelled" or e.id == event.id
    ]


def previous_event(con: sqlite3.Connection, event: EventRow) -> EventRow | None:
    """The meeting of the same series (or kind) held last before this one."""
    earlier = [e for e in same_series(con, event) if (e.start, e.id) < (event.start, event.id)]
    return earlier[-1] if earlier else None


def next_event(con: sqlite3.Connection, event: EventRow) -> EventRow | None:
    """The meeting of the same series (or kind) that comes next after this one."""
    later = [e for e in same_series(con, event) if (e.start, e.id) > (event.start, event.id)]
    return later[0] if later else None


def programme_of(con: sqlite3.Connection, event: EventRow) -> EventRow | None:
    """The live programme (series event) that ``event`` is a session of."""
    if not event.series:
        return None
    found = _rows(con, "id = ? AND deleted = 0", (event.series,))
    return found[0] if found else None


def sessions_of(con: sqlite3.Connection, event: EventRow) -> list[EventRow]:
    """The live sessions of a programme, in date order (cancelled ones included)."""
    return _rows(con, "series = ? AND deleted = 0", (event.id,))


def hosts_of(con: sqlite3.Connection, event_id: str) -> list[str]:
    """Names of the organisations leading an event (``hosts`` links), by name."""
    return [
        name
        for (name,) in con.execute(
            'SELECT o.name FROM link l JOIN organisation o ON o.id = l."to" WHERE'
            " l.role = 'hosts' AND l.deleted = 0 AND o.deleted = 0 AND l.\"from\" = ?"
            " ORDER BY o.name",
            (event_id,),
        )
    ]


def when_text(event: EventRow) -> str:
    """The event's date as it may be printed: an unsure date is never stated as fact."""
    day = f"{event.day.day} {event.day:%b %Y}"
    if len(event.starts_at) > 10:
        day += f", {event.start:%H:%M}"
    if event.date_confidence == "tbc":
        return f"{event.day:%B %Y}, day to be confirmed"
    if event.date_confidence == "tentative":
        return f"provisionally {day}"
    return day
