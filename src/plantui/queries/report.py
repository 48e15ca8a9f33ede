"""The report model: one read of the plan shaped as the story decision makers follow.

The reading lives here, over one plain ``sqlite3`` snapshot so a report shows one state of
the file; the items it fills are in ``queries.report_items``.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable

from plantui.errors import PlanError
from plantui.queries import Plan, derived
from plantui.queries.report_items import (
    GAP_HEADINGS,
    LATEST_NOTES,
    ActionItem,
    AskSection,
    EventItem,
    GapItem,
    NoteItem,
    Org,
    PersonItem,
    PledgeItem,
    Report,
    clean,
    day,
    words,
)
from plantui.queries.rollups import ask_rollups
from plantui.record_ids import resolve_record_id
from plantui.ref_order import natural

LIVE = "deleted = 0"
"""A record in the plan. Merged organisations stay live: their references count for the one
they were merged into."""
NAMED_PEOPLE = f"{LIVE} AND merged_into IS NULL AND consent = 'named_in_reports'"
"""People a report may name: live, not merged away, and agreed to be named."""


def rows(con: sqlite3.Connection, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
    """Rows with columns by name, on any connection (the row factory is the cursor's own)."""
    cursor = con.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


def _org(o: sqlite3.Row, include_contacts: bool) -> Org:
    org = Org(
        o["id"], clean(o["name"]), clean(o["short_name"]), words(o["sector"]), words(o["role"])
    )
    if include_contacts:
        org.contact_name = clean(o["contact_name"])
        org.contact_email = clean(o["contact_email"])
        org.contact_phone = clean(o["contact_phone"])
    return org


def _event(e: sqlite3.Row) -> EventItem:
    return EventItem(
        e["id"],
        clean(e["title"]),
        clean(e["starts_at"]),
        clean(e["ends_at"]),
        words(e["kind"]),
        clean(e["location"]),
        words(e["status"]),
        clean(e["date_confidence"]),
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


def find_ask(con: sqlite3.Connection, key: str) -> str:
    """A live ask's id from its id, its ref_code or a unique id prefix."""
    ask_id = resolve_record_id(con, key, types=("ask",))
    row = con.execute("SELECT deleted FROM ask WHERE id = ?", (ask_id,)).fetchone()
    if row is not None and row[0]:
        raise PlanError(f"The ask {key!r} is deleted; restore it to report on it.")
    return ask_id


def build_report(
    plan: Plan,
    today: dt.date,
    ask: str | None = None,
    include_contacts: bool = False,
) -> Report:
    """Read the whole plan from one snapshot and shape it for the reports (one ask, if given)."""
    with plan.snapshot() as con:
        return report_on(con, today, ask, include_contacts)


def report_on(
    con: sqlite3.Connection,
    today: dt.date,
    ask: str | None = None,
    include_contacts: bool = False,
) -> Report:
    """:func:`build_report` inside an open snapshot (an organisation's pack reads more in it)."""
    head = rows(
        con, f"SELECT title, summary, area, status, period_start, period_end FROM plan WHERE {LIVE}"
    )
    if not head:
        raise PlanError("This database holds no plan yet, so there is nothing to report.")
    plan = head[0]
    only = find_ask(con, ask) if ask else None
    orgs, merged = _read_orgs(con, include_contacts)
    events = _read_events(con)
    links = _read_links(con)

    def org_name(org_id: str | None) -> str:
        org_id = merged.get(org_id or "", org_id)
        return orgs[org_id].name if org_id in orgs else ""

    def linked_orgs(role: str, record_id: str) -> list[str]:
        named = {org_name(o) for o in links.get((role, record_id), [])}
        return sorted(name for name in named if name)

    pledges = _read_pledges(con, events, org_name)
    actions = _read_actions(con, pledges, org_name, linked_orgs)
    sections = _ask_sections(con, only, events, pledges, actions, linked_orgs)
    gaps = derived.gaps(con, today)
    if only:
        section = sections[0]
        mine_ids = {only, *(p.id for p in section.pledges), *(x.id for x in section.actions)}
        gaps = [g for g in gaps if g.record in mine_ids]
    known = {a.id for a in sections}
    return Report(
        title=clean(plan["title"]),
        summary=clean(plan["summary"]),
        area=clean(plan["area"]),
        status=words(plan["status"]),
        period_start=day(plan["period_start"]),
        period_end=day(plan["period_end"]),
        today=today,
        asks=sections,
        gaps=[_gap(g) for g in gaps],
        events=list(events.values()),
        organisations=list(orgs.values()),
        include_contacts=include_contacts,
        single_ask=only is not None,
        unlinked_actions=[] if only else [x for x in actions if x.ask_id not in known],
        elapsed=derived.plan_elapsed(con, today),
        people=_named_people(con, org_name) if include_contacts else [],
        all_pledges=sorted(pledges.values(), key=lambda p: (natural(p.ref_code), p.title)),
    )


def _read_orgs(
    con: sqlite3.Connection, include_contacts: bool
) -> tuple[dict[str, Org], dict[str, str]]:
    """Live organisations not merged into another, and each merged one's final target."""
    orgs: dict[str, Org] = {}
    into: dict[str, str] = {}
    for o in rows(
        con,
        "SELECT id, name, short_name, sector, role, contact_name, contact_email,"
        f" contact_phone, merged_into FROM organisation WHERE {LIVE} ORDER BY name",
    ):
        if o["merged_into"]:
            into[o["id"]] = o["merged_into"]
        else:
            orgs[o["id"]] = _org(o, include_contacts)
    return orgs, {org_id: _final(org_id, into) for org_id in into}


def _final(org_id: str, into: dict[str, str]) -> str:
    """Follow ``merged_into`` to the record that is kept (a cycle stops where it began)."""
    seen = {org_id}
    while org_id in into and into[org_id] not in seen:
        org_id = into[org_id]
        seen.add(org_id)
    return org_id


def _read_events(con: sqlite3.Connection) -> dict[str, EventItem]:
    found = rows(
        con,
        "SELECT id, title, starts_at, ends_at, kind, location, status, date_confidence"
        f" FROM event WHERE {LIVE} ORDER BY starts_at, id",
    )
    return {e["id"]: _event(e) for e in found}


def _read_links(con: sqlite3.Connection) -> dict[tuple[str, str], list[str]]:
    """Live links as (role, from) -> the ids they point to."""
    links: dict[tuple[str, str], list[str]] = {}
    for role, src, dst in con.execute(f'SELECT role, "from", "to" FROM link WHERE {LIVE}'):
        links.setdefault((role or "", src or ""), []).append(dst or "")
    return links


def _read_pledges(
    con: sqlite3.Connection,
    events: dict[str, EventItem],
    org_name: Callable[[str | None], str],
) -> dict[str, PledgeItem]:
    pledges: dict[str, PledgeItem] = {}
    for p in rows(
        con,
        "SELECT id, ref_code, title, commitment, made_by, made_at, made_on, due, lifecycle,"
        f" completion, target, result, next_steps FROM pledge WHERE {LIVE}"
        " ORDER BY ref_code, title",
    ):
        made_at = events.get(p["made_at"] or "")
        pledges[p["id"]] = PledgeItem(
            p["id"],
            clean(p["ref_code"]),
            clean(p["title"]),
            clean(p["commitment"]),
            org_name(p["made_by"]),
            made_at.title if made_at else "",
            day(p["made_on"]),
            day(p["due"]),
            words(p["lifecycle"]),
            words(p["completion"]),
            clean(p["target"]),
            clean(p["result"]),
            clean(p["next_steps"]),
        )
    return pledges


def _read_actions(
    con: sqlite3.Connection,
    pledges: dict[str, PledgeItem],
    org_name: Callable[[str | None], str],
    linked_orgs: Callable[[str, str], list[str]],
) -> list[ActionItem]:
    actions: list[ActionItem] = []
    for a in rows(
        con,
        'SELECT id, ref_code, title, ask, pledge, community_owner, public_owner, start, "end",'
        " status, progress, rag, milestone, deliverable, date_confidence, baseline_end"
        f' FROM action WHERE {LIVE} ORDER BY start, "end", id',
    ):
        pledge = pledges.get(a["pledge"] or "")
        start = day(a["start"])
        end = day(a["end"])
        actions.append(
            ActionItem(
                a["id"],
                clean(a["ref_code"]),
                clean(a["title"]),
                a["ask"],
                f"{pledge.ref_code} {pledge.title}".strip() if pledge else "",
                org_name(a["community_owner"]),
                org_name(a["public_owner"]),
                linked_orgs("partner", a["id"]),
                start,
                end if end is not None else start,
                words(a["status"]),
                a["progress"],
                a["rag"],
                bool(a["milestone"]),
                clean(a["deliverable"]),
                words(a["date_confidence"]),
                day(a["baseline_end"]),
            )
        )
    return actions


def _ask_sections(
    con: sqlite3.Connection,
    only: str | None,
    events: dict[str, EventItem],
    pledges: dict[str, PledgeItem],
    actions: list[ActionItem],
    linked_orgs: Callable[[str, str], list[str]],
) -> list[AskSection]:
    """Each live ask in rank order (or just ``only``) with its pledges, actions and story."""
    notes: dict[str, list[sqlite3.Row]] = {}
    for n in rows(
        con,
        "SELECT id, about, date, headline, body, rag, author FROM note"
        f" WHERE {LIVE} ORDER BY date DESC, id DESC",
    ):
        notes.setdefault(n["about"] or "", []).append(n)
    rollups = ask_rollups(con)
    sections: list[AskSection] = []
    asks = rows(
        con,
        "SELECT id, ref_code, title, statement, problem, status, theme, population_group,"
        f" response, response_date, raised_at FROM ask WHERE {LIVE} ORDER BY rank, id",
    )
    for priority, ask_row in enumerate(asks, start=1):
        if only and ask_row["id"] != only:
            continue
        roll = rollups.get(ask_row["id"])
        answering = [pledges[p] for p in (roll.pledges if roll else []) if p in pledges]
        answering.sort(key=lambda p: (natural(p.ref_code), p.title.lower()))
        mine = [x for x in actions if x.ask_id == ask_row["id"]]
        sections.append(
            AskSection(
                ask_row["id"],
                priority,
                clean(ask_row["ref_code"]),
                clean(ask_row["title"]),
                clean(ask_row["statement"]),
                clean(ask_row["problem"]),
                words(ask_row["status"]),
                clean(ask_row["theme"]),
                clean(ask_row["population_group"]),
                clean(ask_row["response"]),
                day(ask_row["response_date"]),
                events.get(ask_row["raised_at"] or ""),
                linked_orgs("raised_by", ask_row["id"]),
                linked_orgs("directed_to", ask_row["id"]),
                roll.rag if roll else None,
                roll.progress if roll else None,
                answering,
                mine,
                _story(ask_row["id"], answering, mine, notes),
            )
        )
    return sections


def _story(
    ask_id: str,
    pledges: list[PledgeItem],
    actions: list[ActionItem],
    notes: dict[str, list[sqlite3.Row]],
) -> list[NoteItem]:
    """The latest notes about an ask, its pledges and its actions, newest first."""
    about = {ask_id: "the ask"}
    about.update({p.id: f"pledge {p.ref_code or p.title}" for p in pledges})
    about.update({x.id: f"action {x.ref_code or x.title}" for x in actions})
    story = sorted(
        (n for rid in about for n in notes.get(rid, [])),
        key=lambda n: (day(n["date"]) or dt.date.min, n["id"]),
        reverse=True,
    )[:LATEST_NOTES]
    return [
        NoteItem(
            day(n["date"]),
            clean(n["headline"]),
            clean(n["body"]),
            n["rag"],
            clean(n["author"]),
            about[n["about"] or ""],
        )
        for n in story
    ]


def _named_people(
    con: sqlite3.Connection, org_name: Callable[[str | None], str]
) -> list[PersonItem]:
    """People who agreed to be named in reports (consent ``named_in_reports``), by name."""
    found = rows(
        con,
        f"SELECT name, job_title, organisation FROM person WHERE {NAMED_PEOPLE} ORDER BY name, id",
    )
    return [
        PersonItem(clean(p["name"]), clean(p["job_title"]), org_name(p["organisation"]))
        for p in found
    ]


def person_names(plan: Plan) -> dict[str, str]:
    """Every person's name by id, deleted people too (a change may be by or about them)."""
    with plan.snapshot() as con:
        return {rid: name or "" for rid, name in con.execute("SELECT id, name FROM person")}
