"""Meeting reads: the event being run and its agenda, each from one snapshot."""

from __future__ import annotations

from plantui.queries import Plan
from plantui.queries.agenda import Agenda, AgendaItem, build_agenda
from plantui.queries.events import EventRow, find_event


def meeting_event(plan: Plan, event_id: str) -> EventRow:
    """The event as it stands now (its title, times and minutes may change mid-meeting)."""
    with plan.snapshot() as con:
        return find_event(con, event_id)


def agenda(plan: Plan, event: str) -> Agenda:
    """The agenda of the live event named by ``event`` (its id, an id prefix or a title
    prefix), with its neighbours in the series."""
    with plan.snapshot() as con:
        return build_agenda(con, find_event(con, event))


def agenda_items(plan: Plan, event_id: str) -> tuple[AgendaItem, ...]:
    """The event's agenda, section by section in the chair's order."""
    return tuple(agenda(plan, event_id).items)
