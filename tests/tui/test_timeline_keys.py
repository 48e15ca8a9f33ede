"""The Timeline's keys mean what they mean elsewhere: d deletes, n writes a note, w/u link."""

from __future__ import annotations

from textual.widgets import Input, Static

from plantui.tui.forms import RecordForm
from tests.tui.conftest import type_text, wait_for


def first_action(service):
    return next(v for v in service.list("action") if v.values.get("end"))


async def test_d_deletes_the_selected_action_after_asking(make_app, demo_service) -> None:
    target = first_action(demo_service)
    app = make_app("timeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.select_record(target.id)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("right", "enter")
        assert await wait_for(pilot, lambda: demo_service.get(target.id).deleted)
        assert target.id not in app.screen.schedule.bars


async def test_n_writes_a_note_about_the_selected_action_and_the_detail_shows_it(
    make_app, demo_service
) -> None:
    target = first_action(demo_service)
    before = len(demo_service.list("note"))
    app = make_app("timeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.select_record(target.id)
        await pilot.press("n")
        assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
        app.screen.query_one("#field-headline Input", Input).focus()
        await type_text(pilot, "Venue booked")
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: len(demo_service.list("note")) == before + 1)
        detail = app.screen.query_one("#timeline-detail", Static)
        assert await wait_for(pilot, lambda: "Venue booked" in str(detail.render()))
    note = next(v for v in demo_service.list("note") if v.values.get("headline") == "Venue booked")
    assert note.values["about"] == target.id
