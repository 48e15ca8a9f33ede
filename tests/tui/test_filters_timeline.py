"""The Timeline's `f` filter: the Gantt shows only the actions the chosen values keep."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.widgets import Static

from plantui.tui.widgets.choose import ChooseOne
from tests.tui.conftest import run_from_palette, screen_text, type_text, wait_for


def live_actions(service):
    return list(service.list("action"))


def shown_actions(app) -> set[str]:
    return {row.id for row in app.screen.gantt.rows if row.kind == "action"}


async def choose(pilot, app, text: str) -> None:
    """Type into the open chooser and take its first match."""
    assert await wait_for(pilot, lambda: isinstance(app.screen, ChooseOne))
    dialog = app.screen
    await type_text(pilot, text)
    await pilot.press("enter")
    assert await wait_for(pilot, lambda: app.screen is not dialog)


def busiest_owner(service) -> tuple[str, str]:
    """The organisation owning most actions (either side), with its name."""
    counts = Counter(
        owner
        for v in live_actions(service)
        for owner in {v.values.get("community_owner"), v.values.get("public_owner")}
        if owner
    )
    org_id = counts.most_common(1)[0][0]
    values = service.get(org_id).values
    return org_id, values.get("short_name") or values["name"]


@pytest.mark.slow
async def test_f_owner_then_rag_shows_only_those_actions_and_says_so(make_app, demo_service):
    org_id, name = busiest_owner(demo_service)
    mine = [
        v
        for v in live_actions(demo_service)
        if org_id in (v.values.get("community_owner"), v.values.get("public_owner"))
    ]
    app = make_app("timeline")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        everything = shown_actions(app)
        await pilot.press("f")
        await choose(pilot, app, "Owner")
        await choose(pilot, app, name)
        assert await wait_for(pilot, lambda: shown_actions(app) == {v.id for v in mine})
        assert shown_actions(app) < everything
        line = app.screen.query_one("#timeline-filter", Static)
        assert line.display and f"owner {name}" in str(line.render())

        rag = Counter(v.values.get("rag") for v in mine if v.values.get("rag")).most_common(1)[0][0]
        await pilot.press("f")
        await choose(pilot, app, "RAG")
        await choose(pilot, app, rag)
        wanted = {v.id for v in mine if v.values.get("rag") == rag}
        assert await wait_for(pilot, lambda: shown_actions(app) == wanted)
        assert f"RAG {rag}" in screen_text(app)

        app.screen.reload()  # the filter outlives a reload
        await pilot.pause()
        assert shown_actions(app) == wanted

        await pilot.press("F")
        assert await wait_for(pilot, lambda: shown_actions(app) == everything)
        assert not app.screen.query_one("#timeline-filter", Static).display


@pytest.mark.slow
async def test_ask_filter_offers_no_ask_and_status_shows_exactly_those(make_app, demo_service):
    actions = live_actions(demo_service)
    status = Counter(v.values.get("status") for v in actions if v.values.get("status"))
    common = status.most_common(1)[0][0]
    app = make_app("timeline")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await choose(pilot, app, "Status")
        await choose(pilot, app, common.replace("_", " "))
        wanted = {v.id for v in actions if v.values.get("status") == common}
        assert await wait_for(pilot, lambda: shown_actions(app) == wanted)

        await pilot.press("f")
        await choose(pilot, app, "Clear")
        assert await wait_for(pilot, lambda: len(shown_actions(app)) > len(wanted))

        with_actions = {v.values.get("ask") for v in actions}
        ask = next(a for a in demo_service.list("ask") if a.id in with_actions)
        await pilot.press("f")
        await choose(pilot, app, "Ask")
        await choose(pilot, app, ask.values["ref_code"] + " ")
        answering = {v.id for v in actions if v.values.get("ask") == ask.id}
        assert await wait_for(pilot, lambda: shown_actions(app) == answering)
        asks_shown = [row.id for row in app.screen.gantt.rows if row.kind == "ask"]
        assert asks_shown == [ask.id]


@pytest.mark.slow
async def test_the_palette_offers_the_filter_and_clears_it(make_app, demo_service):
    unrated = {v.id for v in live_actions(demo_service) if not v.values.get("rag")}
    app = make_app("timeline")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        everything = shown_actions(app)
        await run_from_palette(pilot, "Filter by owner")
        await choose(pilot, app, "RAG")
        await choose(pilot, app, "not set")
        assert await wait_for(pilot, lambda: shown_actions(app) == unrated)
        assert unrated < everything
        await run_from_palette(pilot, "Clear the filters")
        assert await wait_for(pilot, lambda: shown_actions(app) == everything)


async def test_opening_a_record_the_filter_hides_clears_the_filter(make_app, demo_service):
    hidden = next(v for v in live_actions(demo_service) if v.values.get("rag") == "green")
    app = make_app("timeline")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await choose(pilot, app, "RAG")
        await choose(pilot, app, "red")
        assert await wait_for(pilot, lambda: hidden.id not in shown_actions(app))
        app.screen.select_record(hidden.id)
        await pilot.pause()
        assert app.screen.gantt.selected_row.id == hidden.id
        assert not app.screen.filters
