"""What a report holds: plain frozen-in-time items that every output renders.

Every output (HTML, Markdown, the charts, the calendar) renders these same items, so they
cannot disagree. Text is cleaned of control characters when an item is made, once; escaping
is the renderers' job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from plantui.text import plain

LATEST_NOTES = 5
"""How many of the latest notes each ask's story shows."""

RAG_WORDS = {"green": "Green", "amber": "Amber", "red": "Red"}

GAP_HEADINGS = {
    "ask_without_pledge": "Ask with no pledge",
    "pledge_without_action": "Pledge with no action",
    "action_without_public_owner": "Action with no public-sector owner",
    "action_without_community_owner": "Action with no community owner",
    "overdue_action": "Overdue action",
    "overdue_pledge": "Overdue pledge",
    "milestone_without_deliverable": "Milestone with no deliverable",
}


def clean(value: Any) -> str:
    """User text made safe to print anywhere: control characters gone, None as empty."""
    if value is None:
        return ""
    return plain(str(value)).strip()


def words(value: str | None) -> str:
    """An enum value as people say it: ``in_delivery`` -> ``in delivery``."""
    return clean(value).replace("_", " ")


def day(text: str | None) -> dt.date | None:
    """A date column as the projection stores it (ISO text), as a date."""
    return dt.date.fromisoformat(text) if text else None


@dataclass(slots=True)
class Org:
    id: str
    name: str
    short_name: str = ""
    sector: str = ""
    role: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


@dataclass(slots=True)
class PersonItem:
    """A person named in a report: only with --include-contacts and their consent."""

    name: str
    job_title: str = ""
    organisation: str = ""


@dataclass(slots=True)
class ChangeItem:
    what: str
    type: str
    label: str
    fields: str
    who: str
    when: str


@dataclass(slots=True)
class ChangeGroup:
    """Changes since a date or event that serve one ask (or none)."""

    heading: str
    items: list[ChangeItem]


@dataclass(slots=True)
class EventItem:
    id: str
    title: str
    starts_at: str
    ends_at: str
    kind: str
    location: str
    status: str
    date_confidence: str = ""
    """tentative or tbc: the day is never printed as fact (docs/record-model.md)."""

    @property
    def day(self) -> str:
        return self.starts_at[:10]


@dataclass(slots=True)
class PledgeItem:
    id: str
    ref_code: str
    title: str
    commitment: str
    made_by: str
    made_at: str
    made_on: dt.date | None
    due: dt.date | None
    lifecycle: str
    completion: str
    target: str
    result: str
    next_steps: str

    @property
    def heading(self) -> str:
        return f"{self.ref_code} {self.title}".strip()


@dataclass(slots=True)
class ActionItem:
    id: str
    ref_code: str
    title: str
    ask_id: str | None
    pledge: str
    community_owner: str
    public_owner: str
    partners: list[str]
    start: dt.date | None
    end: dt.date | None
    status: str
    progress: int | None
    rag: str | None
    milestone: bool
    deliverable: str
    date_confidence: str
    baseline_end: dt.date | None = None

    @property
    def rag_word(self) -> str:
        return RAG_WORDS.get(self.rag or "", "Not set")

    @property
    def heading(self) -> str:
        return f"{self.ref_code} {self.title}".strip()


@dataclass(slots=True)
class NoteItem:
    date: dt.date | None
    headline: str
    body: str
    rag: str | None
    author: str
    about: str

    @property
    def rag_word(self) -> str:
        return RAG_WORDS.get(self.rag or "", "")


@dataclass(slots=True)
class AskSection:
    id: str
    priority: int
    ref_code: str
    title: str
    statement: str
    problem: str
    status: str
    theme: str
    population_group: str
    response: str
    response_date: dt.date | None
    raised_at: EventItem | None
    raised_by: list[str]
    directed_to: list[str]
    rag: str | None
    progress: int | None
    pledges: list[PledgeItem] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    notes: list[NoteItem] = field(default_factory=list)

    @property
    def rag_word(self) -> str:
        return RAG_WORDS.get(self.rag or "", "Not set")

    @property
    def heading(self) -> str:
        return f"{self.ref_code} {self.title}".strip()

    @property
    def milestones(self) -> list[ActionItem]:
        return [a for a in self.actions if a.milestone]

    @property
    def bars(self) -> list[ActionItem]:
        return [a for a in self.actions if not a.milestone]


@dataclass(slots=True)
class GapItem:
    kind: str
    heading: str
    type: str
    label: str
    message: str
    due: dt.date | None = None

    @property
    def text(self) -> str:
        """The record, with its due date when it is overdue."""
        return f"{self.label} (due {self.due.day} {self.due:%b %Y})" if self.due else self.label


@dataclass(slots=True)
class Report:
    title: str
    summary: str
    area: str
    status: str
    period_start: dt.date | None
    period_end: dt.date | None
    today: dt.date
    asks: list[AskSection]
    gaps: list[GapItem]
    events: list[EventItem]
    organisations: list[Org]
    include_contacts: bool
    single_ask: bool = False
    unlinked_actions: list[ActionItem] = field(default_factory=list)
    elapsed: float | None = None
    people: list[PersonItem] = field(default_factory=list)
    changes_since: str = ""
    """What "changed since" counts from (a date, or an event and its start); empty: no section."""
    changes: list[ChangeGroup] = field(default_factory=list)
    all_pledges: list[PledgeItem] = field(default_factory=list)
    """Every live pledge in ref code order, those that answer no ask included."""

    @property
    def gap_groups(self) -> list[tuple[str, list[GapItem]]]:
        """Gaps by kind, in the order derived.gaps lists them, for a compact overview."""
        groups: dict[str, list[GapItem]] = {}
        for gap in self.gaps:
            groups.setdefault(gap.heading, []).append(gap)
        return list(groups.items())

    @property
    def all_actions(self) -> list[ActionItem]:
        return [a for ask in self.asks for a in ask.actions] + self.unlinked_actions
