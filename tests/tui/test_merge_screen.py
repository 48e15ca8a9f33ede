"""`m` on the Organisations screen merges the selected duplicate into the one picked; `m` on
a merged one (shown with x) unmerges it. Checked in the database, not just on screen."""

from __future__ import annotations

from textual.widgets import DataTable

from plantui.tui.forms import PickRecord
from tests.tui.conftest import by_label, screen_text, type_text


async def test_m_merges_the_selected_duplicate_and_m_again_unmerges(make_app, demo_service):
    kept = by_label(demo_service, "organisation", "Southwark Council")
    dup = demo_service.create("organisation", {"name": "Southwark Councl"}).record_id
    pledge = demo_service.create("pledge", {"title": "Fund it", "made_by": dup}).record_id
    app = make_app("organisations")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.select_record(dup)
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PickRecord)
        await type_text(pilot, "Southwark Council")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert demo_service.get(dup).values["merged_into"] == kept.id
        assert demo_service.get(pledge).values["made_by"] == kept.id
        await pilot.pause()
        assert "Southwark Councl" not in screen_text(app)

        await pilot.press("x")  # merged ones show with the deleted ones
        await pilot.pause()
        app.screen.select_record(dup)
        await pilot.pause()
        table = app.screen.query_one("#records", DataTable)
        assert "merged" in str(table.get_row(dup)[-1])
        await pilot.press("m")
        await pilot.pause()
        assert demo_service.get(dup).values["merged_into"] is None
