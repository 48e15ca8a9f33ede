"""Reading the ``history`` table: one record's past, and what changed since a date or event.

The rows are written by ``storage.records.save_states`` in the same transaction as each
change; reading needs only plain ``sqlite3``, so ``plantui history`` answers quickly.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from plantui import merge
from plantui.clock import clock_ms, split_stamp
from plantui.domain import DELETED, record_label
from plantui.errors import PlanError
from plantui.storage.database import Database


@dataclass(slots=True)
class Entry:
    """One field's change: what was shown before, what the write brought, who, where, when."""

    record_id: str
    field: str
    old: Any
    new: Any
    by: str | None
    who: str
    replica: str
    laptop: str
    when: str
    at: str
    imported: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def when_of(at: str) -> str:
    """The stamp's wall time as ISO 8601 UTC, to the second."""
    moment = dt.datetime.fromtimestamp(clock_ms(split_stamp(at)[0]) / 1000, dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class _Names:
    """Person and laptop names, read once per query."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.people = {rid: name or rid for rid, name in con.execute("SELECT id, name FROM person")}
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        self.laptops = {
            key.partition(":")[2]: value
            for key, value in meta.items()
            if key.startswith("replica_label:")
        }
        if meta.get("replica_id"):
            self.laptops[meta["replica_id"]] = meta.get("replica_label") or "this laptop"

    def who(self, by: str | None) -> str:
        return self.people.get(by, by) if by else ""

    def laptop(self, replica: str) -> str:
        return self.laptops.get(replica, replica)


Row = tuple[str, str, str | None, int, str | None]
"""A ``history`` row as read: record_id, at, by, imported, changes JSON (or NULL)."""


def created_values(fields: dict[str, Any], at: str, later: list[dict[str, Any]]) -> dict[str, Any]:
    """What a record created whole by stamp ``at`` held (its ``changes`` are NULL).

    A field's sibling of that stamp is still there, or the first later change of that field
    replaced it and kept it as its "before".
    """
    values: dict[str, Any] = {}
    for name, siblings in fields.items():
        for sib in siblings:
            if sib["at"] == at:
                values[name] = sib["v"]
    for changes in later:
        for name, (old, _new) in changes.items():
            if name not in values and old is not None:
                values[name] = old
    return dict(sorted(values.items(), key=lambda kv: (kv[0] != DELETED, kv[0])))


def _entries(rows: list[Row], names: _Names, fields: dict[str, dict[str, Any]]) -> list[Entry]:
    """One entry per field per row; ``fields`` holds each record's current siblings."""
    decoded = [json.loads(r[4]) if r[4] is not None else None for r in rows]
    out: list[Entry] = []
    for index, (record_id, at, by, imported, _raw) in enumerate(rows):
        changes = decoded[index]
        if changes is None:
            later = [
                c
                for r, c in zip(rows[index + 1 :], decoded[index + 1 :], strict=True)
                if r[0] == record_id and c
            ]
            changes = {
                name: [None, value]
                for name, value in created_values(fields.get(record_id, {}), at, later).items()
            }
        replica = split_stamp(at)[1]
        for name, (old, new) in changes.items():
            out.append(
                Entry(
                    record_id,
                    name,
                    old,
                    new,
                    by,
                    names.who(by),
                    replica,
                    names.laptop(replica),
                    when_of(at),
                    at,
                    bool(imported),
                )
            )
    return out


def _current_fields(con: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 900):
        chunk = ids[i : i + 900]
        marks = ", ".join("?" * len(chunk))
        for rid, raw in con.execute(f"SELECT id, fields FROM record WHERE id IN ({marks})", chunk):
            out[rid] = json.loads(raw)
    return out


def record_history(db: Database, record_id: str) -> list[Entry]:
    """Every change this copy has seen of one record, oldest first (by stamp)."""
    with db.snapshot() as con:
        rows = con.execute(
            "SELECT record_id, at, by, imported, changes FROM history WHERE record_id = ?"
            " ORDER BY at, seq",
            (record_id,),
        ).fetchall()
        return _entries(rows, _Names(con), _current_fields(con, [record_id]))


@dataclass(slots=True)
class Changed:
    """One record's changes since the moment asked about, summed up."""

    record_id: str
    type: str
    label: str
    what: str
    """added, changed, deleted or restored"""
    fields: list[str]
    who: list[str]
    when: str
    ask: str | None
    joins: list[str]
    """For a link or dependency: the ids of the records it joins (from, to)."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def since_moment(db: Database, text: str) -> tuple[str, str]:
    """``(clock prefix, description)`` for a date (UTC midnight) or an event's start."""
    key = text.strip()
    try:
        moment = dt.datetime.fromisoformat(key)
    except ValueError:
        moment = None
    if moment is None:
        with db.snapshot() as con:
            found = _find_event(con, key)
        if found is None:
            raise PlanError(
                f"--since takes a date (YYYY-MM-DD) or an event's id or title; {key!r} is neither."
            )
        title, starts = found
        try:
            moment = dt.datetime.fromisoformat(starts)
        except (TypeError, ValueError):
            raise PlanError(f"The event {title!r} has no start date to count from.") from None
        label = f"{title} ({starts})"
    else:
        label = key
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return f"{int(moment.timestamp() * 1000):013d}", label


def _find_event(con: sqlite3.Connection, key: str) -> tuple[str, str] | None:
    rows = con.execute("SELECT id, title, starts_at FROM event WHERE deleted = 0").fetchall()
    lowered = key.casefold()
    for match in (
        lambda rid, title: rid == lowered,
        lambda rid, title: (title or "").casefold() == lowered,
        lambda rid, title: len(lowered) >= 4 and rid.startswith(lowered),
        lambda rid, title: lowered in (title or "").casefold(),
    ):
        found = [(title or rid, starts) for rid, title, starts in rows if match(rid, title)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise PlanError(f"More than one event matches {key!r}; give its id.")
    return None


def changes_since(db: Database, clock: str) -> list[Changed]:
    """Records changed at or after ``clock`` (a stamp prefix), each summed up once."""
    with db.snapshot() as con:
        rows = con.execute(
            "SELECT record_id, at, by, imported, changes FROM history WHERE at >= ?"
            " ORDER BY at, seq",
            (clock,),
        ).fetchall()
        ids = list(dict.fromkeys(r[0] for r in rows))
        current = _current_fields(con, ids)
        per_record: dict[str, list[Entry]] = {}
        for entry in _entries(rows, _Names(con), current):
            per_record.setdefault(entry.record_id, []).append(entry)
        facts = _facts(con, current)
    out = []
    for record_id, entries in per_record.items():
        rtype, label, ask, joins = facts.get(record_id, ("", record_id, None, []))
        deletes = [e for e in entries if e.field == DELETED]
        if any(e.old is None for e in deletes):
            what = "added"
        elif deletes and deletes[-1].new is True:
            what = "deleted"
        elif deletes and deletes[-1].old is True:
            what = "restored"
        else:
            what = "changed"
        fields = sorted({e.field for e in entries if e.field != DELETED})
        who = sorted({e.who for e in entries if e.who})
        when = entries[-1].when
        out.append(Changed(record_id, rtype, label, what, fields, who, when, ask, joins))
    return out


def _facts(
    con: sqlite3.Connection, current: dict[str, dict[str, Any]]
) -> dict[str, tuple[str, str, str | None, list[str]]]:
    """id -> (type, label, the ask it belongs to, what it joins) for the changed records."""
    out: dict[str, tuple[str, str, str | None, list[str]]] = {}
    for rid, fields in current.items():
        row = con.execute("SELECT type FROM record WHERE id = ?", (rid,)).fetchone()
        rtype = row[0] if row else ""
        shown = merge.shown_values(fields)
        label = _label(rtype, rid, shown)
        joins: list[str] = []
        if rtype in ("link", "dependency"):
            joins = [str(shown.get(end)) for end in ("from", "to")]
            label = f"{label}: {_label_of(con, joins[0])} → {_label_of(con, joins[1])}"
        out[rid] = (rtype, label, _ask_of(con, rtype, rid, shown), joins)
    return out


def _label(rtype: str, rid: str, shown: dict[str, Any]) -> str:
    return record_label(rtype, shown, rid)


def _label_of(con: sqlite3.Connection, rid: Any) -> str:
    """What a link or dependency joins, by label (its id when it is not here)."""
    row = con.execute("SELECT type, fields FROM record WHERE id = ?", (rid,)).fetchone()
    if row is None:
        return str(rid)
    return _label(row[0], str(rid), merge.shown_values(json.loads(row[1])))


def _ask_of(con: sqlite3.Connection, rtype: str, rid: str, shown: dict[str, Any]) -> str | None:
    """The ask a record serves: itself, its action's or pledge's, or what a note is about."""
    if rtype == "ask":
        return rid
    if rtype == "action":
        return shown.get("ask")
    if rtype == "pledge":
        return _pledge_ask(con, rid)
    target = shown.get("about") if rtype == "note" else shown.get("from")
    if rtype not in ("note", "link", "dependency") or not isinstance(target, str):
        return None
    row = con.execute("SELECT type FROM record WHERE id = ?", (target,)).fetchone()
    if row is None:
        return None
    if row[0] == "ask":
        return target
    if row[0] == "pledge":
        return _pledge_ask(con, target)
    if row[0] == "action":
        found = con.execute("SELECT ask FROM action WHERE id = ?", (target,)).fetchone()
        return found[0] if found else None
    return None


def _pledge_ask(con: sqlite3.Connection, pledge_id: str) -> str | None:
    row = con.execute(
        'SELECT "to" FROM link WHERE role = \'responds_to\' AND "from" = ? AND deleted = 0',
        (pledge_id,),
    ).fetchone()
    return row[0] if row else None


def grouped_changes(db: Database, clock: str) -> list[tuple[str | None, str, list[Changed]]]:
    """Changes since ``clock`` grouped by ask (in rank order), then the rest."""
    changes = changes_since(db, clock)
    with db.snapshot() as con:
        asks = con.execute("SELECT id, ref_code, title FROM ask ORDER BY rank, id").fetchall()
    groups: dict[str | None, list[Changed]] = {}
    for c in changes:
        groups.setdefault(c.ask, []).append(c)
    out: list[tuple[str | None, str, list[Changed]]] = []
    for rid, ref, title in asks:
        if rid in groups:
            out.append((rid, f"{ref + ' ' if ref else ''}{title or rid}", groups.pop(rid)))
    rest = [c for items in groups.values() for c in items]
    if rest:
        out.append((None, "Not about one ask", rest))
    return out
