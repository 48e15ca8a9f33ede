"""One organisation's own pack: what it raised or was asked, what it pledged, what it owns.

A decision maker reads "what GSTT owes" and a community organisation "what we asked and who
answers"; both are cut from the same report model as the whole plan, so the figures agree.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field

from plantui.duplicates import fold
from plantui.errors import PlanError
from plantui.queries import IN_JSON, Plan, derived
from plantui.queries.lists import DUE_SOON_DAYS, ids_merged_into
from plantui.queries.report import LIVE, NAMED_PEOPLE, report_on
from plantui.queries.report_items import (
    ActionItem,
    AskSection,
    Org,
    PersonItem,
    PledgeItem,
    clean,
    words,
)

MINE = IN_JSON
"""The ids of the organisation and its merged duplicates, passed as one JSON array."""

CLOSED_ACTION = {words(s) for s in derived.CLOSED_ACTION}
CLOSED_PLEDGE = {words(s) for s in derived.CLOSED_PLEDGE}
"""The closed states of derived's overdue rules, as the report items spell them."""


@dataclass(slots=True)
class OwnedAction:
    action: ActionItem
    side: str
    """"community" or "public": which owner this organisation is."""


@dataclass(slots=True)
class OrgPack:
    org: Org
    plan_title: str
    today: dt.date
    raised: list[AskSection] = field(default_factory=list)
    asked: list[AskSection] = field(default_factory=list)
    pledges: list[PledgeItem] = field(default_factory=list)
    actions: list[OwnedAction] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)
    due_soon: list[str] = field(default_factory=list)
    late: list[str] = field(default_factory=list)
    """Actions whose end moved past their baseline end."""
    people: list[PersonItem] = field(default_factory=list)


def find_organisation(plan: Plan, key: str) -> str:
    """An organisation's id from its id, its name or short name, a unique id prefix or the
    start of its name (case, accents and punctuation aside)."""
    with plan.snapshot() as con:
        return _find_organisation(con, key)


def _find_organisation(con: sqlite3.Connection, key: str) -> str:
    wanted = fold(key)
    found = con.execute(
        f"SELECT id, name, short_name FROM organisation WHERE {LIVE} AND merged_into IS NULL"
    ).fetchall()
    for test in (
        lambda r: r[0] == key.strip().lower(),
        lambda r: wanted and wanted in (fold(r[1]), fold(r[2])),
        lambda r: len(key.strip()) >= 4 and r[0].startswith(key.strip().lower()),
        lambda r: wanted and fold(r[1]).startswith(wanted),
    ):
        ids = [r[0] for r in found if test(r)]
        if len(ids) == 1:
            return str(ids[0])
        if len(ids) > 1:
            raise PlanError(f"More than one organisation matches {key!r}; give its id.")
    raise PlanError(f"There is no organisation called {key!r}; `plantui list organisation`.")


def build_org_pack(plan: Plan, today: dt.date, key: str, include_contacts: bool = False) -> OrgPack:
    """The pack of the organisation ``key`` names (its duplicates merged into it count too),
    read from one snapshot so it agrees with itself."""
    with plan.snapshot() as con:
        org_id = _find_organisation(con, key)
        report = report_on(con, today, include_contacts=include_contacts)
        mine = ids_merged_into(con, org_id)
        org = next(o for o in report.organisations if o.id == org_id)
        pack = OrgPack(org, report.title, today)
        ids = json.dumps(sorted(mine))
        links = con.execute(
            f'SELECT role, "from" FROM link WHERE {LIVE} AND "to" IN {MINE}'
            " AND role IN ('raised_by', 'directed_to')",
            (ids,),
        ).fetchall()
        raised = {src for role, src in links if role == "raised_by"}
        asked = {src for role, src in links if role == "directed_to"}
        pack.raised = [a for a in report.asks if a.id in raised]
        pack.asked = [a for a in report.asks if a.id in asked]
        pledged = {
            pid
            for (pid,) in con.execute(
                f"SELECT id FROM pledge WHERE {LIVE} AND made_by IN {MINE}", (ids,)
            )
        }
        pack.pledges = [p for p in report.all_pledges if p.id in pledged]
        sides: dict[str, str] = {}
        for action_id, community, public in con.execute(
            f"SELECT id, community_owner, public_owner FROM action WHERE {LIVE}"
        ):
            if community in mine:
                sides[action_id] = "community"
            elif public in mine:
                sides[action_id] = "public"
        pack.actions = [OwnedAction(a, sides[a.id]) for a in report.all_actions if a.id in sides]
        _dates(pack, today)
        if include_contacts:
            pack.people = _people(con, ids, org.name)
    return pack


def _dates(pack: OrgPack, today: dt.date) -> None:
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    for owned in pack.actions:
        a = owned.action
        if a.end and a.baseline_end and a.end > a.baseline_end:
            pack.late.append(
                f"action {a.heading} (ends {a.end.isoformat()},"
                f" planned {a.baseline_end.isoformat()})"
            )
        if a.status in CLOSED_ACTION or a.end is None:
            continue
        if a.end < today:
            pack.overdue.append(f"action {a.heading} (was due {a.end.isoformat()})")
        elif a.end <= soon:
            pack.due_soon.append(f"action {a.heading} (due {a.end.isoformat()})")
    for p in pack.pledges:
        if p.due is None or p.lifecycle in CLOSED_PLEDGE:
            continue
        if p.due < today:
            pack.overdue.append(f"pledge {p.heading} (was due {p.due.isoformat()})")
        elif p.due <= soon:
            pack.due_soon.append(f"pledge {p.heading} (due {p.due.isoformat()})")


def _people(con: sqlite3.Connection, ids: str, org_name: str) -> list[PersonItem]:
    found = con.execute(
        f"SELECT name, job_title FROM person WHERE {NAMED_PEOPLE} AND organisation IN {MINE}"
        " ORDER BY name",
        (ids,),
    ).fetchall()
    return [PersonItem(clean(name), clean(job), org_name) for name, job in found]
