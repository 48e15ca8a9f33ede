"""Overview, key c: what changed since a date or an event, with who, grouped by ask."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from plantui.tui.app import PlanApp
from plantui.tui.dialogs.since import SinceDialog
from tests.tui.conftest import record_notifications, type_text

DAY_MS = 86_400_000


@pytest.fixture(autouse=True)
def _own_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def _prompts(app: PlanApp) -> list[str]:
    items = app.screen.query_one("#overview-items", OptionList)
    return [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]


async def test_c_lists_the_records_changed_since_a_date_and_who_changed_them(plan_service, clock):
    rebecca = plan_service.create("person", {"name": "Rebecca"}).record_id
    edited = plan_service.create("ask", {"title": "Fair pay"}).record_id
    plan_service.create("ask", {"title": "Left alone"})
    clock.advance(10 * DAY_MS)  # 2024-12-10
    plan_service.by = rebecca
    plan_service.update(edited, {"title": "Fair pay for carers"})
    plan_service.by = None
    app = PlanApp(plan_service, watch=False, preload=False)
    async with app.run_test(size=(140, 50)) as pilot:
        messages = record_notifications(app)
        await pilot.pause()
        assert not any("Changed since" in p for p in _prompts(app))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SinceDialog)
        await type_text(pilot, "not a date")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SinceDialog)
        assert any("neither" in m for m in messages)
        app.screen.query_one("#since-text").value = "2024-12-05"
        await pilot.press("enter")
        await pilot.pause()
        prompts = _prompts(app)
        heading = prompts.index(" Changed since 2024-12-05 (1) ")
        changed = prompts[heading + 2]
        assert "Fair pay for carers" in changed and "by Rebecca" in changed
        assert "changed" in changed and "(title)" in changed
        assert not any("Left alone" in p for p in prompts[heading:])
        items = app.screen.query_one("#overview-items", OptionList)
        assert items.highlighted_option.id.endswith(f":{edited}")
