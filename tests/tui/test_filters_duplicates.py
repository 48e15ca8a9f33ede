"""Adding a record in a form that looks like one already kept says so, in one line."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from plantui.tui.forms import RecordForm
from tests.tui.conftest import record_notifications, wait_for


async def add_through_form(pilot, app, values: dict[str, str]) -> None:
    await pilot.press("a")
    assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
    for name, value in values.items():
        app.screen.query_one(f"#in-{name}", Input).value = value
    await pilot.press("ctrl+s")
    assert await wait_for(pilot, lambda: not isinstance(app.screen, RecordForm))


async def test_an_organisation_typed_again_is_named_with_the_merge_key(make_app, demo_service):
    kept = demo_service.list("organisation")[0].label
    app = make_app("organisations")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        seen = record_notifications(app)
        await add_through_form(pilot, app, {"name": kept.upper()})
        wanted = f"Looks like “{kept}” (same name): m on the list merges them"
        assert await wait_for(pilot, lambda: wanted in seen)
        assert len([o for o in demo_service.list("organisation") if o.label == kept.upper()]) == 1


@pytest.mark.slow
async def test_an_ask_with_a_title_already_kept_is_named_and_a_new_one_is_not(
    make_app, demo_service
):
    ask = demo_service.list("ask")[0]
    app = make_app("asks")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        seen = record_notifications(app)
        await add_through_form(pilot, app, {"title": "Interpreters at every clinic"})
        await pilot.pause()
        assert not [m for m in seen if m.startswith("Looks like")]
        await add_through_form(pilot, app, {"title": ask.values["title"].lower()})
        wanted = f"Looks like “{ask.label}” (same name)."
        assert await wait_for(pilot, lambda: wanted in seen)
