"""The record lists (asks, pledges, events, organisations, people): a page of rows, the
search and filters that narrow it, and what each row shows beside its own fields.

A screen says what it wants as data (:class:`ListQuery`); this module alone turns that into
SQL over the projection tables on a plain ``sqlite3`` snapshot, so opening a list never
needs the ORM. The search matches as the `/` box always has: any case, accents or not (the
search's :func:`~plantui.search.folding.fold` on both sides), the text anywhere in one of
the type's searched fields, ``%`` and ``_`` being plain characters. The fields are folded
when a record is written (:mod:`plantui.search.list_text`), so a keystroke costs one
``LIKE`` over stored text rather than a Python call per field per row.

The asks' rollups, the overdue pledges and the filters' facets are imported where they are
used: a list of events, organisations or people draws its first frame without them. Its
records are named tuples: Python defines one in a tenth of the time a frozen dataclass
takes, and this module is on the way to every list's first frame.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from plantui import merge
from plantui.domain import DELETED, TYPES, record_label
from plantui.errors import PlanError
from plantui.queries import IN_JSON, Plan
from plantui.ref_order import by_ref_code
from plantui.search import list_text
from plantui.search.folding import SQL_FOLD, fold

if TYPE_CHECKING:
    from plantui.queries.facets import Option

SEARCHED = list_text.FIELDS
"""The fields the `/` box of each list looks in."""

_ORDER = {
    "ask": "p.rank, p.id",
    "event": "p.starts_at, p.id",
    "organisation": "p.name, p.id",
    "person": "p.name, p.id",
}
"""SQL orders; pledges are sorted by natural ref code (P2 before P10) in Python."""


def live(type_name: str, alias: str = "p") -> str:
    """The SQL condition of a live record: not deleted, and not merged into another."""
    condition = f"{alias}.deleted = 0"
    if "merged_into" in TYPES[type_name].fields:
        condition += f" AND {alias}.merged_into IS NULL"
    return condition


class ListQuery(NamedTuple):
    """What a list shows: its type, the `/` text, the chosen filters (facet -> value)."""

    type: str
    text: str = ""
    facets: Mapping[str, str] = MappingProxyType({})
    show_deleted: bool = False
    """Deleted (and merged) records too, marked."""
    limit: int = 200


class ListRow(Protocol):
    """What every list row shows beside its own fields: how it is marked."""

    @property
    def id(self) -> str: ...

    @property
    def deleted(self) -> bool: ...

    @property
    def merged(self) -> bool: ...

    @property
    def conflicted(self) -> bool:
        """It has open conflicts (of values or of a delete against an edit)."""
        ...


class AskRow(NamedTuple):
    id: str
    deleted: bool
    merged: bool
    conflicted: bool
    ref_code: str | None
    title: str | None
    status: str | None
    position: int | None
    """Its place among the live asks in priority order (None when deleted)."""
    rag: str | None
    """The RAG rolled up from its actions."""
    progress: int | None
    pledges: int


class PledgeRow(NamedTuple):
    id: str
    deleted: bool
    merged: bool
    conflicted: bool
    ref_code: str | None
    title: str | None
    due: str | None
    lifecycle: str | None
    completion: str | None
    made_by: str | None
    maker: str
    """The organisation that made it, by short name (else name)."""
    overdue: bool


class EventRow(NamedTuple):
    id: str
    deleted: bool
    merged: bool
    conflicted: bool
    title: str | None
    starts_at: str | None
    status: str | None
    kind: str | None


class OrganisationRow(NamedTuple):
    id: str
    deleted: bool
    merged: bool
    conflicted: bool
    name: str | None
    short_name: str | None
    sector: str | None
    role: str | None


class PersonRow(NamedTuple):
    id: str
    deleted: bool
    merged: bool
    conflicted: bool
    name: str | None
    job_title: str | None
    consent: str | None


class Page(NamedTuple):
    """The first ``limit`` rows of a list and how many there are in all."""

    rows: tuple[ListRow, ...]
    total: int


_COLUMNS: dict[str, tuple[str, ...]] = {
    "ask": ("ref_code", "title", "status"),
    "pledge": ("ref_code", "title", "due", "lifecycle", "completion", "made_by"),
    "event": ("title", "starts_at", "status", "kind"),
    "organisation": ("name", "short_name", "sector", "role"),
    "person": ("name", "job_title", "consent"),
}
"""The projection columns each list's rows carry."""


def page(plan: Plan, query: ListQuery, today: dt.date) -> Page:
    """The rows of a list, filtered and in its order, up to ``query.limit``."""
    with plan.snapshot() as con:
        where, params = _where(con, query)
        rows, total = _select(con, query, where, params)
        if query.type == "pledge":
            rows.sort(key=lambda r: (by_ref_code(r["ref_code"], r["title"]), r["id"]))
            rows = rows[: query.limit]
        return Page(tuple(_build(con, query.type, rows, today)), total)


def _where(con: sqlite3.Connection, query: ListQuery) -> tuple[str, list[Any]]:
    """The WHERE condition of a query (projection aliased ``p``, its ``list_text`` row ``t``
    when :func:`_tables` joins it) and its parameters."""
    parts: list[str] = [] if query.show_deleted else [live(query.type)]
    params: list[Any] = []
    if _in_list_text(query):
        parts.append(_MATCHES)
        params.append(_pattern(query.text))
    elif query.text:
        columns = SEARCHED[query.type]
        parts.append("(" + " OR ".join(f'{SQL_FOLD}(p."{c}") {_LIKE}' for c in columns) + ")")
        params += [_pattern(query.text)] * len(columns)
    if query.facets:
        from plantui.queries import facets

        for facet, value in query.facets.items():
            condition, more = facets.facet_where(con, query.type, facet, value)
            parts.append(condition)
            params += more
    return " AND ".join(parts) or "1", params


_LIKE = "LIKE ? ESCAPE '\\'"
_MATCHES = f"t.text {_LIKE}"


def _pattern(text: str) -> str:
    """``text`` folded, anywhere, its ``%``, ``_`` and ``\\`` plain characters."""
    needle = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{needle}%"


def _in_list_text(query: ListQuery) -> bool:
    """Whether the `/` text is looked for in ``list_text`` (one ``LIKE`` in C), rather than
    in each field folded here: needed only for text that could match across two fields."""
    return bool(query.text) and list_text.matches_inside_fields(fold(query.text))


def _tables(query: ListQuery, walk: bool) -> str:
    """The projection, and its ``list_text`` rows when the text is looked for there.

    ``walk``: go down the list in its order and look each row's text up, which finds a
    full page soon when many match; else SQLite starts from the matching texts, which
    reads only those when few do."""
    tables = f'"{query.type}" p'
    if _in_list_text(query):
        join = "CROSS JOIN" if walk else "JOIN"  # CROSS: SQLite keeps the order written
        tables += f" {join} {list_text.TABLE} t ON t.type = '{query.type}' AND t.id = p.id"
    return tables


def _count(con: sqlite3.Connection, query: ListQuery, where: str, params: list[Any]) -> int:
    """How many records match in all. With text and no facet, ``list_text`` alone knows:
    it marks the live rows, so no projection row is read."""
    if _in_list_text(query) and not query.facets:
        sql = f"SELECT count(*) FROM {list_text.TABLE} t WHERE t.type = ? AND {_MATCHES}"
        if not query.show_deleted:
            sql += " AND t.live"
        return int(con.execute(sql, [query.type, _pattern(query.text)]).fetchone()[0])
    sql = f"SELECT count(*) FROM {_tables(query, walk=False)} WHERE {where}"
    return int(con.execute(sql, params).fetchone()[0])


def _select(
    con: sqlite3.Connection, query: ListQuery, where: str, params: list[Any]
) -> tuple[list[dict[str, Any]], int]:
    """The rows (all of them for pledges, sorted in Python) and how many match in all.

    Counted first (not in the same pass, by a window count, which would join and sort
    every match to keep ``limit`` of them): whether the page fills says how to find it."""
    columns = _COLUMNS[query.type]
    merged = "p.merged_into" if "merged_into" in TYPES[query.type].fields else "NULL"
    total = _count(con, query, where, params) if query.type in _ORDER else None
    sql = (
        f"SELECT p.id, p.deleted, {merged}, r.conflicts, r.delete_conflict, "
        + ", ".join(f'p."{c}"' for c in columns)
        + f" FROM {_tables(query, walk=total is not None and total > query.limit)}"
        + f" JOIN record r ON r.id = p.id WHERE {where}"
        + (f" ORDER BY {_ORDER[query.type]} LIMIT ?" if total is not None else "")
    )
    found = con.execute(sql, params if total is None else [*params, query.limit])
    names = ("id", "deleted", "merged", "conflicts", "delete_conflict", *columns)
    rows = [dict(zip(names, row, strict=True)) for row in found]
    return rows, len(rows) if total is None else total


def _build(
    con: sqlite3.Connection, type_name: str, rows: list[dict[str, Any]], today: dt.date
) -> list[ListRow]:
    """Frozen rows, with what each type shows beside its fields (rollups, positions...)."""
    extra: dict[str, dict[str, Any]] = {r["id"]: {} for r in rows}
    if type_name == "ask":
        from plantui.queries.rollups import ask_rollups

        rollups = ask_rollups(con, list(extra))
        ranked = con.execute(f"SELECT id FROM ask p WHERE {live('ask')} ORDER BY rank, id")
        position = {ask_id: n for n, (ask_id,) in enumerate(ranked, start=1)}
        for ask_id, more in extra.items():
            roll = rollups.get(ask_id)
            more["position"] = position.get(ask_id)
            more["rag"] = roll.rag if roll else None
            more["progress"] = roll.progress if roll else None
            more["pledges"] = len(roll.pledges) if roll else 0
    if type_name == "pledge":
        makers = _makers(con, {r["made_by"] for r in rows if r["made_by"]})
        from plantui.queries import gaps

        overdue = gaps.overdue_pledges(con, today)
        for r in rows:
            extra[r["id"]]["maker"] = makers.get(r["made_by"] or "", "")
            extra[r["id"]]["overdue"] = r["id"] in overdue
    row_class = _ROWS[type_name]
    out: list[ListRow] = []
    for r in rows:
        fields = {c: r[c] for c in _COLUMNS[type_name]}
        out.append(
            row_class(
                id=r["id"],
                deleted=bool(r["deleted"]),
                merged=bool(r["merged"]),
                conflicted=bool(r["conflicts"]) or bool(r["delete_conflict"]),
                **fields,
                **extra[r["id"]],
            )
        )
    return out


_ROWS: dict[str, Callable[..., ListRow]] = {
    "ask": AskRow,
    "pledge": PledgeRow,
    "event": EventRow,
    "organisation": OrganisationRow,
    "person": PersonRow,
}


def _makers(con: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    """Organisations by id, as a pledge list names them (short name, else name)."""
    rows = con.execute(
        f"SELECT id, short_name, name FROM organisation WHERE id IN {IN_JSON}",
        [json.dumps(sorted(ids))],
    )
    return {org_id: short or name or "" for org_id, short, name in rows}


def facet_options(plan: Plan, type_name: str, facet: str) -> list[Option]:
    """The values a list's ``facet`` (owner, status, rag, ask) offers, as (value, label)."""
    from plantui.queries import facets

    with plan.snapshot() as con:
        return facets.options(con, type_name, facet)


def first_upcoming_event(plan: Plan, today: dt.date) -> str | None:
    """What is next: the first live event from today on, else the most recent one."""
    events = f"SELECT id FROM event p WHERE {live('event')}"
    with plan.snapshot() as con:
        found = (
            con.execute(
                f"{events} AND starts_at >= ? ORDER BY starts_at, id LIMIT 1", [today.isoformat()]
            ).fetchone()
            or con.execute(f"{events} ORDER BY starts_at DESC, id DESC LIMIT 1").fetchone()
        )
    return found[0] if found else None


class Shown(NamedTuple):
    """One record as its detail shows it: shown values, deletion and open conflicts."""

    id: str
    type: str
    values: dict[str, Any]
    deleted: bool
    conflicts: list[str]
    delete_conflict: bool

    @property
    def label(self) -> str:
        return record_label(self.type, self.values, self.id)


def record(plan: Plan, record_id: str) -> Shown:
    """A record's shown values; PlanError if there is none with that id."""
    with plan.snapshot() as con:
        row = con.execute("SELECT type, fields FROM record WHERE id = ?", [record_id]).fetchone()
    if row is None:
        raise PlanError(f"There is no record with id {record_id}.")
    type_name, fields = row[0], json.loads(row[1])
    shown = merge.shown_values(fields)
    deleted = shown.pop(DELETED, False) is True
    rtype = TYPES.get(type_name)
    values = {name: shown.get(name) for name in rtype.fields} if rtype else {}
    values.update({k: v for k, v in shown.items() if k not in values})
    return Shown(
        record_id,
        type_name,
        values,
        deleted,
        merge.conflict_fields(fields),
        merge.delete_edit_conflict(fields),
    )


DUE_SOON_DAYS = 30
"""How far ahead "due soon" looks."""


class OrgCounts(NamedTuple):
    """An organisation's pack figures: what its list shows beside each organisation."""

    raised: int
    asked: int
    pledges: int
    actions: int
    overdue: int
    due_soon: int


def org_counts(plan: Plan, today: dt.date, org_id: str) -> OrgCounts:
    """The counts of an organisation's pack, cheap enough for every cursor move."""
    with plan.snapshot() as con:
        return org_counts_on(con, today, org_id)


def org_counts_on(con: sqlite3.Connection, today: dt.date, org_id: str) -> OrgCounts:
    """:func:`org_counts` inside an open read (the pack's own tests compare the two)."""
    mine = json.dumps(sorted(ids_merged_into(con, org_id)))
    links = con.execute(
        f'SELECT role, "from" FROM link WHERE deleted = 0 AND "to" IN {IN_JSON}'
        " AND role IN ('raised_by', 'directed_to')"
        ' AND "from" IN (SELECT id FROM ask WHERE deleted = 0)',
        [mine],
    ).fetchall()
    pledges = con.execute(
        f"SELECT due, lifecycle FROM pledge WHERE deleted = 0 AND made_by IN {IN_JSON}", [mine]
    ).fetchall()
    actions = con.execute(
        'SELECT start, "end", status FROM action WHERE deleted = 0'
        f" AND (community_owner IN {IN_JSON} OR public_owner IN {IN_JSON})",
        [mine, mine],
    ).fetchall()
    from plantui.queries.gaps import CLOSED_ACTION, CLOSED_PLEDGE

    open_dates = [end or start for start, end, status in actions if status not in CLOSED_ACTION] + [
        due for due, lifecycle in pledges if lifecycle not in CLOSED_PLEDGE
    ]
    now, soon = today.isoformat(), (today + dt.timedelta(days=DUE_SOON_DAYS)).isoformat()
    return OrgCounts(  # ISO dates compare as text as they do as dates
        raised=len({src for role, src in links if role == "raised_by"}),
        asked=len({src for role, src in links if role == "directed_to"}),
        pledges=len(pledges),
        actions=len(actions),
        overdue=sum(1 for day in open_dates if day is not None and str(day) < now),
        due_soon=sum(1 for day in open_dates if day is not None and now <= str(day) <= soon),
    )


def ids_merged_into(con: sqlite3.Connection, org_id: str) -> set[str]:
    """The organisation and every live duplicate merged into it (directly or in a chain)."""
    into = dict(
        con.execute(
            "SELECT id, merged_into FROM organisation WHERE deleted = 0 AND merged_into IS NOT NULL"
        ).fetchall()
    )
    mine = {org_id}
    grew = True
    while grew:
        grew = False
        for dup, target in into.items():
            if target in mine and dup not in mine:
                mine.add(dup)
                grew = True
    return mine
