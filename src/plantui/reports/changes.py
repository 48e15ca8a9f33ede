"""The "changed since" section of the html and md reports (``--changes-since DATE|EVENT``)."""

from __future__ import annotations

from plantui.queries import Plan
from plantui.queries.changes import grouped_changes, since_moment
from plantui.queries.report import person_names
from plantui.queries.report_items import ChangeGroup, ChangeItem, Report, clean, words


def add_changes(db: Plan, report: Report, since: str) -> None:
    """Fill the report's changes, naming only people the report may name (its ``people``):
    other people's records and names are left out, as everywhere in the reports."""
    clock, label = since_moment(db, since)
    named = {p.name for p in report.people}
    people = {rid: clean(name) for rid, name in person_names(db).items()}
    unnamed = {rid for rid, name in people.items() if name not in named}
    report.changes_since = clean(label)
    groups = [
        ChangeGroup(
            clean(heading),
            [
                ChangeItem(
                    c.what,
                    words(c.type),
                    clean(c.label),
                    ", ".join(words(f) for f in c.fields) if c.what == "changed" else "",
                    ", ".join(clean(w) for w in c.who if clean(w) in named),
                    c.when.replace("T", " ").removesuffix("Z") + " UTC",
                )
                for c in items
                if (c.type != "person" or clean(c.label) in named)
                and not unnamed.intersection(c.joins)
            ],
        )
        for _ask, heading, items in grouped_changes(db, clock)
    ]
    report.changes = [g for g in groups if g.items]
