"""Pledges, Organisations and Events: filtering, paging, detail links, and the edits."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from plantui.tui.forms import PickRecord
from plantui.tui.widgets.browse import FILTER_DELAY, BrowseScreen
from plantui.tui.widgets.choose import ChooseOne
from tests.tui.conftest import add_conflict, by_label, screen_text, type_text, wait_for


def rows(screen: BrowseScreen) -> list[str]:
    table = screen.query_one("#records", DataTable)
    return [" | ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


def detail_lines(screen: BrowseScreen) -> list[str]:
    links = screen.query_one("#detail-links", OptionList)
    return [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]


async def test_filter_organisations_in_sql(make_app, demo_service) -> None:
    app = make_app("organisations")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        everyone = len(rows(screen))
        assert everyone == len(demo_service.list("organisation"))
        await pilot.press("slash")
        await type_text(pilot, "nhs")
        await pilot.pause(FILTER_DELAY * 3)
        shown = rows(screen)
        assert 0 < len(shown) < everyone
        assert all("nhs" in r.lower() for r in shown)
        status = str(screen.query_one("#list-status", Static).render())
        assert "matching “nhs”" in status
        await pilot.press("escape")
        await pilot.pause()
        assert len(rows(screen)) == everyone
        assert screen.query_one("#filter", Input).display is False


async def test_the_filter_box_is_built_when_first_asked_for_then_kept(make_app) -> None:
    app = make_app("pledges")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query("#filter")  # most visits never filter
        await pilot.press("slash", "x")  # typed at once: the box has it, not the list
        box = screen.query_one("#filter", Input)
        assert box.has_focus and box.value == "x"
        await pilot.press("escape", "slash")
        assert screen.query_one("#filter", Input) is box
        assert len(screen.query("#filter")) == 1 and box.has_focus and box.value == ""


async def test_filter_treats_percent_and_underscore_as_text(make_app, demo_service) -> None:
    app = make_app("pledges")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", "%")
        await pilot.pause(FILTER_DELAY * 3)
        matching = [
            p
            for p in demo_service.list("pledge")
            if any(
                "%" in str(p.values.get(f) or "")
                for f in ("title", "ref_code", "commitment", "target", "lifecycle")
            )
        ]
        assert len(rows(app.screen)) == len(matching) < len(demo_service.list("pledge"))
        await pilot.press("backspace")
        await type_text(pilot, "_x_")  # as a LIKE wildcard it would match "next"
        await pilot.pause(FILTER_DELAY * 3)
        assert rows(app.screen) == []


async def test_long_lists_are_paged_not_all_drawn(make_app, monkeypatch) -> None:
    monkeypatch.setattr(BrowseScreen, "PAGE", 5)
    app = make_app("organisations")
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        assert len(rows(screen)) == 5
        status = str(screen.query_one("#list-status", Static).render())
        assert f"{screen.total} organisations" in status and "showing the first 5" in status


@pytest.mark.slow
async def test_scrolling_past_the_last_loaded_row_loads_the_next_page(make_app, monkeypatch):
    """A long list is never cut off: reaching its last loaded row brings the next page."""
    monkeypatch.setattr(BrowseScreen, "PAGE", 5)
    app = make_app("organisations")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        table = screen.query_one("#records", DataTable)
        table.focus()
        await pilot.press(*["down"] * 4)  # onto the fifth and last loaded row
        await pilot.pause()
        assert len(rows(screen)) == 10
        while table.cursor_row < screen.total - 1:
            await pilot.press("down")
            await pilot.pause()
            assert len(rows(screen)) > table.cursor_row  # always a row below, until the end
        last = screen.current_id()
        names = [v.id for v in app.service.list("organisation")]
        assert len(rows(screen)) == screen.total == len(names)
        assert last in names


async def test_organisation_detail_shows_its_asks_pledges_and_actions(make_app, demo_service):
    app = make_app("organisations")
    slam = by_label(demo_service, "organisation", "South London and Maudsley NHS Foundation Trust")
    async with app.run_test(size=(160, 50)) as pilot:
        screen = app.screen
        screen.select_record(slam.id)
        await pilot.pause()
        lines = detail_lines(screen)
        for heading in ("Asks directed to it", "Pledges it made"):
            assert heading in lines, heading
        assert any(line.startswith("Actions it owns") for line in lines)


async def test_event_detail_shows_hosts_and_asks_raised_there(make_app, demo_service) -> None:
    app = make_app("events")
    first = by_label(
        demo_service,
        "event",
        "Journey to better health outcomes for Southwark's BAME community: first event",
    )
    async with app.run_test(size=(160, 50)) as pilot:
        screen = app.screen
        screen.select_record(first.id)
        await pilot.pause()
        lines = detail_lines(screen)
        assert "Asks raised here" in lines


@pytest.mark.slow
async def test_pledge_delete_restore_and_link_to_an_ask(make_app, demo_service) -> None:
    app = make_app("pledges")
    pledge = demo_service.list("pledge")[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.select_record(pledge.id)
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#confirm")
        assert await wait_for(pilot, lambda: demo_service.get(pledge.id).deleted)
        assert screen.current_id() != pledge.id  # gone from the list
        await pilot.press("x")
        screen.select_record(pledge.id)
        await pilot.pause()
        assert "deleted" in rows(screen)[screen.query_one("#records", DataTable).cursor_row]
        await pilot.press("r")
        await pilot.pause()
        assert not demo_service.get(pledge.id).deleted

        answered = {
            v.values["to"]
            for v in demo_service.list("link")
            if v.values["role"] == "responds_to" and v.values["from"] == pledge.id
        }
        target = next(a for a in demo_service.list("ask") if a.id not in answered)
        await pilot.press("l")  # pledges have one role: responds_to
        await pilot.pause()
        assert isinstance(app.screen, PickRecord)
        assert target.id not in answered
        await type_text(pilot, target.values["title"][:20])
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert any(
            v.values["role"] == "responds_to" and v.values["to"] == target.id
            for v in demo_service.list("link")
            if v.values["from"] == pledge.id
        )


async def test_organisation_link_role_is_chosen_first(make_app, demo_service) -> None:
    app = make_app("organisations")
    org = by_label(demo_service, "organisation", "Groundswell")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.select_record(org.id)
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ChooseOne)
        assert {offer.key for offer in app.screen.offers} == {
            "raised_by:to:ask",
            "directed_to:to:ask",
            "partner:to:action",
            "hosts:to:event",
            "attended:from:event",
            "member_of:to:person",
        }
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ChooseOne)


async def test_fields_in_conflict_are_marked_in_list_and_detail(make_app, demo_service) -> None:
    org = by_label(demo_service, "organisation", "Groundswell")
    add_conflict(demo_service, org.id, "name", "Groundswell UK")
    app = make_app("organisations")
    async with app.run_test(size=(160, 50)) as pilot:
        app.screen.select_record(org.id)
        await pilot.pause()
        row = rows(app.screen)[app.screen.query_one("#records", DataTable).cursor_row]
        assert "⚠" in row
        text = screen_text(app)
        assert "⚠ name (in conflict):" in text
        assert "open conflicts: see the Conflicts screen" in text


async def test_an_empty_list_says_how_to_add_the_first_record(plan_service) -> None:
    from plantui.tui.app import PlanApp
    from tests.tui.conftest import TODAY

    app = PlanApp(plan_service, today=TODAY, watch=False, screen="pledges")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No pledges here yet: press a to add one." in screen_text(app)


async def test_a_filter_matching_nothing_says_so_not_that_the_list_is_empty(make_app) -> None:
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"[draft", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "No asks match the filter" in text and "here yet" not in text


async def test_end_and_home_move_to_the_last_and_first_row(make_app) -> None:
    app = make_app("organisations")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#records", DataTable)
        table.focus()
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1 > 0
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0


async def test_one_record_is_counted_in_the_singular(make_app, tmp_path) -> None:
    from plantui.service import PlanService
    from plantui.storage.database import open_database

    database = open_database(tmp_path / "one.db")
    service = PlanService(database)
    service.create("plan", {"title": "Riverside"})
    service.create("organisation", {"name": "Riverside Tenants"})
    app = make_app("organisations", service=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        status = str(app.screen.query_one("#list-status", Static).render())
        assert status.startswith("1 organisation") and "1 organisations" not in status
    database.close()
