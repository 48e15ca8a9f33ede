"""Pilot tests of the Conflicts screen: settle each kind of conflict, then check the database."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from plantui.exchange import export_file, import_files
from plantui.service import PlanService
from plantui.storage.database import open_database
from plantui.tui.screens.conflicts import ConflictsScreen
from tests.conftest import FakeClock
from tests.tui.conftest import type_text
from tests.tui.helpers_t2 import Host, add_sibling, delete_while_edited

SIZE = (100, 40)


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_keep_the_other_laptops_value(plan_service: PlanService) -> None:
    """Both titles are shown side by side, the shown (newer) one first, with who wrote them;
    Keep on the older one, ours, makes it the title, ends the conflict and empties the list."""
    ask = plan_service.create("ask", {"title": "Ours"}).record_id
    theirs = add_sibling(plan_service, ask, "title", "Theirs [draft]")
    app = Host(plan_service, ConflictsScreen())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#conflict-list", DataTable).row_count == 1
        cards = [_text(s) for s in screen.query("#siblings .sibling .value")]
        assert cards == ["Theirs [draft]", "Ours"]
        whos = [_text(s) for s in screen.query("#siblings .sibling .who")]
        assert whos[0].startswith("laptop 00000000, 20")
        assert "(this laptop)" in whos[1]
        await pilot.click("#keep-1")
        await pilot.pause()
        assert screen.query_one("#conflict-list", DataTable).row_count == 0
        assert "No open conflicts" in _text(screen.query_one("#conflicts-summary", Static))
    view = plan_service.get(ask)
    assert view.values["title"] == "Ours"
    assert view.conflicts == []
    assert len(view.state.fields["title"]) == 1
    assert view.state.fields["title"][0]["at"] != theirs


async def test_type_a_new_value_instead(plan_service: PlanService) -> None:
    """A bad number is refused with a message; a good one settles the conflict."""
    action = plan_service.create("action", {"title": "Clinic", "progress": 10}).record_id
    add_sibling(plan_service, action, "progress", 40)
    app = Host(plan_service, ConflictsScreen())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        assert isinstance(app.screen.focused, Input)
        await type_text(pilot, "150")
        await pilot.press("enter")
        await pilot.pause()
        message = _text(app.screen.query_one("#conflict-message", Static))
        assert "at most 100" in message
        assert plan_service.get(action).conflicts == ["progress"]
        app.screen.query_one("#new-value", Input).value = "25"
        await pilot.press("enter")
        await pilot.pause()
    view = plan_service.get(action)
    assert (view.values["progress"], view.conflicts) == (25, [])


async def test_restore_a_record_deleted_while_edited_elsewhere(plan_service: PlanService) -> None:
    """A pledge deleted here but renamed on another laptop shows both; r restores it with
    the other laptop's title."""
    council = plan_service.create("organisation", {"name": "Council"}).record_id
    pledge = plan_service.create("pledge", {"title": "Old", "made_by": council}).record_id
    delete_while_edited(plan_service, pledge, "title", "Renamed elsewhere")
    assert plan_service.get(pledge).delete_conflict
    app = Host(plan_service, ConflictsScreen())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cards = [_text(s) for s in app.screen.query("#siblings .sibling .value")]
        assert cards == ["Deleted", "title: Renamed elsewhere"]
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#conflict-list", DataTable).row_count == 0
    view = plan_service.get(pledge)
    assert (view.deleted, view.delete_conflict, view.values["title"]) == (
        False,
        False,
        "Renamed elsewhere",
    )


async def test_confirm_the_deletion(plan_service: PlanService) -> None:
    """Keep it deleted ends the review and the record stays deleted."""
    ask = plan_service.create("ask", {"title": "Old"}).record_id
    delete_while_edited(plan_service, ask, "statement", "Added elsewhere")
    app = Host(plan_service, ConflictsScreen())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#confirm-delete")
        await pilot.pause()
        assert app.screen.query_one("#conflict-list", DataTable).row_count == 0
    view = plan_service.get(ask)
    assert (view.deleted, view.delete_conflict) == (True, False)


async def test_a_conflict_made_by_exchanging_files_is_resolved(tmp_path: Path) -> None:
    """Two laptops change the same ask's status without seeing each other and swap files;
    the conflict shows on the screen, and keeping the library's value settles it here."""
    library = PlanService(open_database(tmp_path / "library.db"), wall=FakeClock())
    hall = PlanService(open_database(tmp_path / "hall.db"), wall=FakeClock(1_733_000_000_100))
    library.create("plan", {"title": "Plan"})
    ask = library.create("ask", {"title": "Clinics", "status": "raised"}).record_id
    start = tmp_path / "start.plantui.json"
    export_file(library, start)
    import_files(hall, [start])
    library.update(ask, {"status": "agreed"})
    hall.update(ask, {"status": "declined"})
    from_hall = tmp_path / "hall.plantui.json"
    export_file(hall, from_hall)
    import_files(library, [from_hall])
    assert library.get(ask).conflicts == ["status"]
    app = Host(library, ConflictsScreen())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        values = [_text(s) for s in app.screen.query("#siblings .sibling .value")]
        assert sorted(values) == ["agreed", "declined"]
        keep = values.index("agreed")
        await pilot.click(f"#keep-{keep}")
        await pilot.pause()
    view = library.get(ask)
    assert (view.values["status"], view.conflicts) == ("agreed", [])
    library.db.close()
    hall.db.close()


async def test_the_list_follows_edits_made_elsewhere(plan_service: PlanService) -> None:
    """reload() (called by the app on every database change) picks up new conflicts and
    drops settled ones, keeping the cursor on a conflict that is still open."""
    a = plan_service.create("ask", {"title": "A"}).record_id
    b = plan_service.create("ask", {"title": "B"}).record_id
    add_sibling(plan_service, a, "title", "A2")
    app = Host(plan_service, ConflictsScreen())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#conflict-list", DataTable)
        assert table.row_count == 1
        add_sibling(plan_service, b, "title", "B2")
        screen.reload()
        await pilot.pause()
        assert table.row_count == 2
        plan_service.update(a, {"title": "A3"})
        screen.reload()
        await pilot.pause()
        assert table.row_count == 1
        assert screen.current is not None and screen.current.conflict.record == b


async def test_o_on_a_conflict_about_an_action_opens_it_on_a_timeline_never_opened(
    demo_service,
) -> None:
    from plantui.tui.app import PlanApp
    from tests.tui.conftest import TODAY, add_conflict, wait_for

    target = next(v for v in demo_service.list("action") if v.values.get("end"))
    add_conflict(demo_service, target.id, "title", "Another title")
    app = PlanApp(demo_service, today=TODAY, watch=False, screen="conflicts")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert await wait_for(
            pilot,
            lambda: (
                app.current_mode == "timeline"
                and app.screen.gantt.selected_row is not None
                and app.screen.gantt.selected_row.id == target.id
            ),
        )


async def test_a_new_event_time_is_typed_as_people_write_it(plan_service: PlanService) -> None:
    """Two laptops moved a workshop; typing "3pm" settles it on the event's day, in London
    summer time."""
    values = {"title": "Workshop", "starts_at": "2025-07-10T14:00:00+01:00"}
    event = plan_service.create("event", values).record_id
    add_sibling(plan_service, event, "starts_at", "2025-07-10T13:00:00+01:00")
    app = Host(plan_service, ConflictsScreen())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await type_text(pilot, "3pm")
        await pilot.press("enter")
        await pilot.pause()
    view = plan_service.get(event)
    assert (view.values["starts_at"], view.conflicts) == ("2025-07-10T15:00:00+01:00", [])


async def test_ctrl_z_after_keep_reopens_the_conflict(make_app, demo_service) -> None:
    """Undo puts both values back as a conflict: it never quietly picks the other value."""
    from tests.tui.conftest import add_conflict, ask_by_ref, wait_for

    ask = ask_by_ref(demo_service, "A3")
    add_conflict(demo_service, ask.id, "title", "Their title for A3")
    before = demo_service.get(ask.id)
    assert before.conflicts == ["title"]
    app = make_app("conflicts")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#conflict-list", DataTable)
        assert await wait_for(pilot, lambda: table.row_count == 1)
        await pilot.click("#keep-1")
        await pilot.pause()
        assert demo_service.get(ask.id).conflicts == []
        await pilot.press("ctrl+z")
        assert await wait_for(pilot, lambda: table.row_count == 1)
    view = demo_service.get(ask.id)
    assert view.conflicts == ["title"]
    assert sorted(s["v"] for s in view.state.fields["title"]) == sorted(
        s["v"] for s in before.state.fields["title"]
    )
    assert view.values["title"] == before.values["title"]
