"""The Timeline never crashes on data, however far a date reaches."""

from __future__ import annotations

import pytest

from plantui.storage.records import load_state, save_states
from plantui.tui.app import PlanApp
from plantui.tui.timeline import TimelineScreen


def first_action(service):
    return next(v for v in service.list("action") if v.values.get("end"))


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_timeline_draws_and_scrolls_with_an_end_date_in_9999(demo_service, size):
    target = first_action(demo_service)
    # The door refuses 9999 now; an older copy or a file may still have stored it.
    with demo_service.db.read() as session:
        state = load_state(session, target.id)
    assert state is not None
    state.fields["end"] = [{"v": "9999-12-31", "at": state.fields["end"][-1]["at"]}]
    with demo_service.db.write() as session:
        save_states(session, [state])
    app = PlanApp(demo_service, watch=False, preload=False, screen="timeline")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        app.screen.select_record(target.id)
        for key in ["z", "end", "home", "z", "t", "right", "down", "z"]:
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
