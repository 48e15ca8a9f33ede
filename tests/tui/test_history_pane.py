"""The History pane opens on the Timeline (H) and the Conflicts screen (h) as on the lists."""

from __future__ import annotations

from textual.widgets import DataTable

from plantui.tui.app import PlanApp
from plantui.tui.history_pane import HistoryPane
from tests.tui.conftest import TODAY, add_conflict, wait_for


def _rows(pane: HistoryPane) -> list[list[str]]:
    table = pane.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def _action(service):
    return next(v for v in service.list("action") if v.values.get("end"))


async def test_capital_h_on_the_timeline_shows_the_selected_actions_history(
    make_app, demo_service
) -> None:
    target = _action(demo_service)
    demo_service.update(target.id, {"title": "Renamed on the timeline"})
    app = make_app("timeline")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.screen.select_record(target.id)
        await pilot.press("H")
        assert await wait_for(pilot, lambda: isinstance(app.screen, HistoryPane))
        assert ["title", target.values["title"][:40], "Renamed on the timeline"] in [
            r[1:4] for r in _rows(app.screen)
        ]


async def test_h_on_a_conflict_shows_both_values_in_the_history(demo_service) -> None:
    target = _action(demo_service)
    add_conflict(demo_service, target.id, "title", "Another laptop's title")
    app = PlanApp(demo_service, today=TODAY, watch=False, screen="conflicts")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        assert await wait_for(pilot, lambda: isinstance(app.screen, HistoryPane))
        news = [r[3] for r in _rows(app.screen) if r[1] == "title"]
        assert "Another laptop's title" in news


async def test_a_reference_shows_the_label_of_what_it_points_to(plan_service) -> None:
    org = plan_service.create("organisation", {"name": "National Voices"}).record_id
    person = plan_service.create("person", {"name": "Jess Brayne"}).record_id
    plan_service.update(person, {"organisation": org})
    app = PlanApp(plan_service, watch=False, preload=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        app.screen.select_record(person)
        await pilot.pause()
        await pilot.press("h")
        assert await wait_for(pilot, lambda: isinstance(app.screen, HistoryPane))
        assert ["organisation", "", "National Voices"] in [r[1:4] for r in _rows(app.screen)]
