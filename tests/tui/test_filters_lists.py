"""`f` on the Asks, Pledges and Events lists: owner, status, RAG and ask, with the `/` text."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.widgets import DataTable, Static

from plantui.tui.widgets.choose import ChooseOne
from tests.tui.conftest import type_text, wait_for

RAG_ORDER = {"green": 0, "amber": 1, "red": 2}


def listed(app) -> set[str]:
    table = app.screen.query_one("#records", DataTable)
    return {key.value for key in table.rows}


async def choose(pilot, app, text: str) -> None:
    """Type into the open chooser and take its first match."""
    assert await wait_for(pilot, lambda: isinstance(app.screen, ChooseOne))
    dialog = app.screen
    await type_text(pilot, text)
    await pilot.press("enter")
    assert await wait_for(pilot, lambda: app.screen is not dialog)


def shown_name(service, org_id: str) -> str:
    values = service.get(org_id).values
    return values.get("short_name") or values["name"]


def links(service, role: str) -> list[tuple[str, str]]:
    return [
        (v.values["from"], v.values["to"])
        for v in service.list("link")
        if v.values.get("role") == role
    ]


@pytest.mark.slow
async def test_pledges_by_owner_and_text_then_by_ask(make_app, demo_service):
    pledges = demo_service.list("pledge")
    org_id = Counter(p.values.get("made_by") for p in pledges if p.values.get("made_by"))
    org_id = org_id.most_common(1)[0][0]
    theirs = {p.id for p in pledges if p.values.get("made_by") == org_id}
    app = make_app("pledges")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        everything = listed(app)
        await pilot.press("f")
        await choose(pilot, app, "Owner")
        await choose(pilot, app, shown_name(demo_service, org_id))
        assert await wait_for(pilot, lambda: listed(app) == theirs)
        assert theirs < everything
        status = str(app.screen.query_one("#list-status", Static).render())
        assert f"owner {shown_name(demo_service, org_id)}" in status

        word = next(p for p in pledges if p.id in theirs).values["title"].split()[0]
        await pilot.press("slash")
        await type_text(pilot, word)
        await pilot.press("enter")
        both = {p.id for p in pledges if p.id in theirs and word.lower() in _text(p.values).lower()}
        assert await wait_for(pilot, lambda: listed(app) == both)

        await pilot.press("escape", "F")
        answers = links(demo_service, "responds_to")
        ask_id = Counter(ask for _, ask in answers).most_common(1)[0][0]
        ask = demo_service.get(ask_id).values
        await pilot.press("f")
        await choose(pilot, app, "Ask")
        await choose(pilot, app, f"{ask['ref_code']} {ask['title']}")
        answering = {p for p, a in answers if a == ask_id}
        assert await wait_for(pilot, lambda: listed(app) == answering)


def _text(values: dict) -> str:
    return " ".join(
        str(values.get(c) or "") for c in ("title", "ref_code", "commitment", "target", "lifecycle")
    )


@pytest.mark.slow
async def test_asks_by_rag_rolled_up_from_their_actions_and_by_owner(make_app, demo_service):
    worst: dict[str, str] = {}
    for action in demo_service.list("action"):
        ask, rag = action.values.get("ask"), action.values.get("rag")
        if ask and rag in RAG_ORDER and RAG_ORDER[rag] >= RAG_ORDER.get(worst.get(ask, ""), -1):
            worst[ask] = rag
    asks = {a.id for a in demo_service.list("ask")}
    rag = Counter(worst[a] for a in asks if a in worst).most_common(1)[0][0]
    app = make_app("asks")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await choose(pilot, app, "RAG")
        await choose(pilot, app, rag)
        rated = {a for a in asks if worst.get(a) == rag}
        assert await wait_for(pilot, lambda: listed(app) == rated)

        await pilot.press("F")
        assert await wait_for(pilot, lambda: listed(app) == asks)

        owners = links(demo_service, "directed_to") + links(demo_service, "raised_by")
        org_id = Counter(org for _, org in owners).most_common(1)[0][0]
        await pilot.press("f")
        await choose(pilot, app, "Owner")
        await choose(pilot, app, shown_name(demo_service, org_id))
        mine = {ask for ask, org in owners if org == org_id and ask in asks}
        assert await wait_for(pilot, lambda: listed(app) == mine)
        assert mine < asks


async def test_events_by_status(make_app, demo_service):
    events = demo_service.list("event")
    status = Counter(e.values.get("status") for e in events if e.values.get("status"))
    rare = status.most_common()[-1][0]
    app = make_app("events")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await choose(pilot, app, "Status")
        await choose(pilot, app, rare)
        wanted = {e.id for e in events if e.values.get("status") == rare}
        assert await wait_for(pilot, lambda: listed(app) == wanted)
        assert len(wanted) < len(events)


async def test_pledges_answering_no_ask(make_app, demo_service):
    pledge = demo_service.list("pledge")[0]
    for link in demo_service.list("link"):
        if link.values["role"] == "responds_to" and link.values["from"] == pledge.id:
            demo_service.delete(link.id)  # this pledge now answers no ask
    answered = {p for p, _ in links(demo_service, "responds_to")}
    alone = {p.id for p in demo_service.list("pledge") if p.id not in answered}
    assert pledge.id in alone
    app = make_app("pledges")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await choose(pilot, app, "Ask")
        await choose(pilot, app, "no ask")
        assert await wait_for(pilot, lambda: listed(app) == alone)
        assert alone < {p.id for p in demo_service.list("pledge")}
