"""What the timeline reads: the schedule (whole, or its first screenful first), an action's
stored dates, the notes about it and how many actions there are.

The schedule is read over plain ``sqlite3`` from the projection tables, so the timeline can
be drawn without importing SQLAlchemy. A big plan is read in a worker thread over a
connection of its own (:func:`schedule_in_steps`): the app's shared one stays free for the
other screens meanwhile.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Generator, Iterable
from dataclasses import dataclass

from plantui.domain import drawable_day, drawable_days
from plantui.errors import PlanError
from plantui.queries import Plan, own_snapshot
from plantui.schedule import AskGroup, Bar, Dep, EventMark, Schedule
from plantui.text import one_line

LIVE = "NOT deleted"
"""A live row of a projection table (organisations merged away stay: bars show the kept)."""

_MAX_VARIABLES = 900
"""Below SQLite's oldest limit on a statement's parameters (999); past it, read them all."""

_ACTION_COLUMNS = (
    'id, title, ref_code, ask, parent, pledge, community_owner, public_owner, start, "end", '
    "baseline_start, baseline_end, status, rag, progress, milestone, date_confidence"
)

_STORED_DAY = re.compile(r"(\d+)-(\d+)-(\d+)")


@dataclass(frozen=True, slots=True)
class NoteLine:
    """A note about an action, as the detail pane lists it."""

    day: str | None
    headline: str


def read_schedule(plan: Plan, rows: int | None = None) -> Schedule:
    """The schedule of live records; with ``rows``, only the first asks that fill that many
    rows and what they show (the first screenful)."""
    with plan.snapshot() as con:
        return _read_or_fail(con, rows)


def schedule_in_steps(plan: Plan, rows: int | None = None) -> Generator[Schedule, None, None]:
    """For a worker thread: with ``rows``, the first screenful, then the whole schedule, both
    read in one transaction over a connection of the thread's own (closed at the end)."""
    with own_snapshot(plan) as con:
        if rows is not None:
            yield _read_or_fail(con, rows)
        yield _read_or_fail(con, None)


def live_action_count(plan: Plan) -> int:
    """How many live actions the plan has (whether the timeline is worth a thread)."""
    with plan.snapshot() as con:
        return int(con.execute(f"SELECT count(*) FROM action WHERE {LIVE}").fetchone()[0])


def stored_dates(plan: Plan, action_id: str) -> tuple[dt.date | None, dt.date | None]:
    """An action's start and end as stored now (the timeline may show an edit behind)."""
    with plan.snapshot() as con:
        found = con.execute('SELECT start, "end" FROM action WHERE id = ?', (action_id,))
        row = found.fetchone()
    if row is None:
        return None, None
    return _iso_day(row[0]), _iso_day(row[1])


def latest_notes(plan: Plan, about: str, count: int = 3) -> list[NoteLine]:
    """The latest live notes about a record, newest first."""
    with plan.snapshot() as con:
        found = con.execute(
            f"SELECT date, headline FROM note WHERE about = ? AND {LIVE}"
            " ORDER BY date DESC LIMIT ?",
            (about, count),
        ).fetchall()
    return [NoteLine(day, one_line(headline or "")) for day, headline in found]


# -- reading the schedule ---------------------------------------------------------------------


def _read_or_fail(con: sqlite3.Connection, rows: int | None) -> Schedule:
    """The schedule, or one plain sentence (a PlanError) saying why the file can't be read."""
    try:
        return load_schedule(con, rows)
    except sqlite3.Error as exc:
        raise PlanError(str(exc)) from exc


def load_schedule(con: sqlite3.Connection, rows: int | None = None) -> Schedule:
    """Read the schedule from the projection tables (live records only) inside ``con``'s
    transaction. With ``rows``, only the first asks that fill that many rows and their
    actions: the first screenful, to show while the rest is read."""
    plan = con.execute(
        f"SELECT title, period_start, period_end FROM plan WHERE {LIVE} LIMIT 1"
    ).fetchone()
    asks = _asks(con)
    if rows is not None:
        asks = _first_asks(con, asks, rows)
    where, args = _among(rows, "ask", (a.id for a in asks))
    # An owner merged into another is shown (and filtered) as the one kept.
    bars = _bars(con, where, args, _kept_organisations(con))
    where, args = _among(rows, '"to"', bars)
    owners = [o for b in bars.values() for o in (b.community_owner, b.public_owner)]
    pledges = [b.pledge for b in bars.values()]
    return Schedule(
        title=one_line(plan[0] or "") if plan else "",
        period_start=_stored_day(plan[1]) if plan else None,
        period_end=_stored_day(plan[2]) if plan else None,
        asks=asks,
        bars=bars,
        deps=_deps(con, where, args),
        events=_events(con),
        organisations=_organisations(con, set(owners), *_among(rows, "id", owners)),
        pledges=_pledges(con, set(pledges), *_among(rows, "id", pledges)),
    )


def _among(rows: int | None, column: str, ids: Iterable[str | None]) -> tuple[str, tuple[str, ...]]:
    """A condition keeping a first screenful's rows to those it shows (else none)."""
    kept = tuple({i for i in ids if i}) if rows is not None else ()
    if rows is None or len(kept) > _MAX_VARIABLES:
        return "", ()
    return f" AND {column} IN ({', '.join('?' * len(kept))})", kept


def _asks(con: sqlite3.Connection) -> list[AskGroup]:
    return [
        AskGroup(ask_id, one_line(title or ""), one_line(ref_code or ""), rank)
        for ask_id, title, ref_code, rank in con.execute(
            f"SELECT id, title, ref_code, rank FROM ask WHERE {LIVE} ORDER BY rank, id"
        )
    ]


def _first_asks(con: sqlite3.Connection, asks: list[AskGroup], rows: int) -> list[AskGroup]:
    """The first asks whose headings and actions fill ``rows`` rows."""
    out: list[AskGroup] = []
    filled = 0
    for ask in asks:
        if filled >= rows:
            break
        out.append(ask)
        sql = f"SELECT count(*) FROM action WHERE ask = ? AND {LIVE}"
        filled += 1 + con.execute(sql, (ask.id,)).fetchone()[0]
    return out


def _bars(
    con: sqlite3.Connection, where: str, args: tuple[str, ...], kept: dict[str, str]
) -> dict[str, Bar]:
    found = con.execute(f"SELECT {_ACTION_COLUMNS} FROM action WHERE {LIVE}{where}", args)
    rows = found.fetchall()
    # A big plan's 20,000 actions share a few hundred days: each is parsed once.
    distinct = {text for r in rows for text in r[8:12]}
    distinct.discard(None)
    day = {text: _stored_day(text) for text in distinct}.get
    # Titles are made safe when shown (Bar.label), only for the rows on screen.
    return {
        r[0]: Bar(
            r[0],
            r[1] or "",
            r[2] or "",
            r[3],
            r[4],
            r[5],
            kept.get(r[6], r[6]),
            kept.get(r[7], r[7]),
            day(r[8]),
            day(r[9]),
            day(r[10]),
            day(r[11]),
            r[12],
            r[13],
            r[14],
            bool(r[15]),
            r[16],
        )
        for r in rows
    }


def _deps(con: sqlite3.Connection, where: str, args: tuple[str, ...]) -> list[Dep]:
    sql = f'SELECT id, "from", "to", kind, lag_days FROM dependency WHERE {LIVE}{where}'
    return [
        Dep(dep_id, pred, succ, kind or "FS", drawable_days(lag or 0))
        for dep_id, pred, succ, kind, lag in con.execute(sql, args)
        if pred and succ
    ]


def _events(con: sqlite3.Connection) -> list[EventMark]:
    events: list[EventMark] = []
    sql = f"SELECT id, title, kind, starts_at, status FROM event WHERE {LIVE}"
    for event_id, title, kind, starts_at, status in con.execute(sql):
        if not starts_at or status == "cancelled":
            continue
        try:
            day = drawable_day(dt.date.fromisoformat(starts_at[:10]))
        except ValueError:
            continue
        events.append(EventMark(event_id, day, one_line(title or ""), kind))
    events.sort(key=lambda e: (e.day, e.title, e.id))
    return events


def _organisations(
    con: sqlite3.Connection, shown: set[str | None], where: str, args: tuple[str, ...]
) -> dict[str, str]:
    """The names of the organisations the bars show (deleted ones too: their names stay)."""
    sql = f"SELECT id, name, short_name FROM organisation WHERE 1{where}"
    return {
        org_id: one_line(short_name or name or "")
        for org_id, name, short_name in con.execute(sql, args)
        if org_id in shown
    }


def _pledges(
    con: sqlite3.Connection, shown: set[str | None], where: str, args: tuple[str, ...]
) -> dict[str, str]:
    """The names of the pledges the bars answer."""
    sql = f"SELECT id, ref_code, title FROM pledge WHERE 1{where}"
    return {
        pledge_id: one_line(f"{ref_code or ''} {title or ''}".strip())
        for pledge_id, ref_code, title in con.execute(sql, args)
        if pledge_id in shown
    }


def _kept_organisations(con: sqlite3.Connection) -> dict[str, str]:
    """Each live organisation merged into another -> the one finally kept (a chain is
    followed; a cycle stops where it began)."""
    into = dict(
        con.execute(
            f"SELECT id, merged_into FROM organisation WHERE {LIVE} AND merged_into IS NOT NULL"
        ).fetchall()
    )
    out: dict[str, str] = {}
    for org_id in into:
        seen, step = {org_id}, org_id
        while step in into and into[step] not in seen:
            step = into[step]
            seen.add(step)
        out[org_id] = step
    return out


def _stored_day(text: str | None) -> dt.date | None:
    """A stored ``Date`` column (ISO text) as a drawable day, read as SQLAlchemy reads it."""
    if text is None:
        return None
    match = _STORED_DAY.match(text)
    if match is None:
        raise PlanError(f"The plan file holds a date that is not one: {text!r}.")
    return drawable_day(dt.date(*map(int, match.groups())))


def _iso_day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None
