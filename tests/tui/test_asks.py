"""The Asks screen, driven by keys; every check is made on the database afterwards."""

from __future__ import annotations

import pytest
from fractional_indexing import generate_key_between
from textual.widgets import DataTable, Input, OptionList

from plantui.ranks import new_rank
from plantui.tui.forms import ConfirmDialog, PickRecord, RecordForm
from plantui.tui.screens.asks import AsksScreen
from plantui.tui.widgets.choose import ChooseOne
from tests.tui.conftest import ask_by_ref, by_label, record_notifications, type_text, wait_for


def live_order(service) -> list[str]:
    return [v.values["ref_code"] for v in service.list("ask")]


async def select(pilot, screen: AsksScreen, record_id: str) -> None:
    screen.select_record(record_id)
    await pilot.pause()
    assert screen.current_id() == record_id


async def test_move_down_and_up_writes_one_fractional_rank(make_app, demo_service) -> None:
    before = {v.id: v.values["rank"] for v in demo_service.list("ask")}
    app = make_app("asks")
    a2 = ask_by_ref(demo_service, "A2")
    async with app.run_test(size=(120, 40)) as pilot:
        messages = record_notifications(app)
        await select(pilot, app.screen, a2.id)
        await pilot.press("shift+down")
        await pilot.pause()
        assert live_order(demo_service)[:4] == ["A1", "A3", "A2", "A4"]
        after = {v.id: v.values["rank"] for v in demo_service.list("ask")}
        assert {k for k in after if after[k] != before[k]} == {a2.id}
        assert app.screen.current_id() == a2.id  # the cursor follows the moved ask
        await pilot.press("shift+up", "shift+up")
        await pilot.pause()
        assert live_order(demo_service)[:3] == ["A2", "A1", "A3"]
        await pilot.press("shift+up")
        await pilot.pause()
        assert live_order(demo_service)[0] == "A2"
        assert any("already at the top" in m for m in messages)


def test_new_rank_passes_ties_and_never_needs_renumbering() -> None:
    ranks = [("a0", "1"), ("a1", "2"), ("a1", "3"), ("a2", "4")]
    up = new_rank(ranks, 3, -1)  # move id 4 above the tied pair
    assert up is not None and "a0" < up < "a1"
    down = new_rank(ranks, 0, 1)
    assert down is not None and "a1" < down < "a2"
    assert new_rank(ranks, 0, -1) is None
    assert new_rank(ranks, 3, 1) is None
    assert new_rank([("a0", "1"), ("a1", "2")], 1, -1) == generate_key_between(None, "a0")


@pytest.mark.slow
async def test_add_edit_delete_restore_an_ask(make_app, demo_service) -> None:
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#in-title", Input).value = "Youth mental health first aid"
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = by_label(demo_service, "ask", "Youth mental health first aid")
        screen = app.screen
        assert isinstance(screen, AsksScreen) and screen.current_id() == new.id

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#in-ref_code", Input).value = "A9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_service.get(new.id).values["ref_code"] == "A9"

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#confirm")
        await pilot.pause()
        assert demo_service.get(new.id).deleted

        await pilot.press("x")  # show deleted, then restore
        await pilot.pause()
        await select(pilot, screen, new.id)
        await pilot.press("r")
        await pilot.pause()
        assert not demo_service.get(new.id).deleted


async def test_cancelled_delete_changes_nothing(make_app, demo_service) -> None:
    app = make_app("asks")
    a1 = ask_by_ref(demo_service, "A1")
    async with app.run_test(size=(120, 40)) as pilot:
        await select(pilot, app.screen, a1.id)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not demo_service.get(a1.id).deleted


async def test_link_an_organisation_and_unlink_it(make_app, demo_service) -> None:
    app = make_app("asks")
    a8 = ask_by_ref(demo_service, "A8")
    org = by_label(demo_service, "organisation", "Groundswell")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await select(pilot, screen, a8.id)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ChooseOne)
        await pilot.press("enter")  # first role: raised_by
        await pilot.pause()
        assert isinstance(app.screen, PickRecord)
        await type_text(pilot, "Groundswell")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        links = [
            v
            for v in demo_service.list("link")
            if v.values["from"] == a8.id and v.values["to"] == org.id
        ]
        assert [v.values["role"] for v in links] == ["raised_by"]
        detail = screen.query_one("#detail-links", OptionList)
        shown = [str(detail.get_option_at_index(i).prompt) for i in range(detail.option_count)]
        assert any("Groundswell" in s for s in shown)

        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ChooseOne)
        choices = app.screen.query_one("#choose-list", OptionList)
        labels = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        choices.highlighted = next(i for i, s in enumerate(labels) if "Groundswell" in s)
        await pilot.press("enter")
        await pilot.pause()
        assert demo_service.get(links[0].id).deleted


@pytest.mark.slow
async def test_add_a_dated_note(make_app, demo_service) -> None:
    app = make_app("asks")
    a1 = ask_by_ref(demo_service, "A1")
    async with app.run_test(size=(120, 40)) as pilot:
        await select(pilot, app.screen, a1.id)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#in-headline", Input).value = "Co-design group met"
        await pilot.press("ctrl+s")
        await pilot.pause()
        note = by_label(demo_service, "note", "Co-design group met")
        assert note.values["about"] == a1.id
        assert note.values["date"] == "2025-06-15"


async def test_detail_follows_the_chain_and_enter_opens_a_pledge(make_app, demo_service) -> None:
    app = make_app("asks")
    a1 = ask_by_ref(demo_service, "A1")
    async with app.run_test(size=(160, 50)) as pilot:
        screen = app.screen
        await select(pilot, screen, a1.id)
        detail = screen.query_one("#detail-links", OptionList)
        prompts = [str(detail.get_option_at_index(i).prompt) for i in range(detail.option_count)]
        for heading in (
            "Raised at",
            "Raised by",
            "Asked of",
            "Pledges answering it",
            "Actions delivering it",
        ):
            assert heading in prompts, heading
        index = next(i for i, p in enumerate(prompts) if p.strip().startswith("pledge:"))
        detail.focus()
        detail.highlighted = index
        await pilot.press("enter")
        pledge_id = detail.get_option_at_index(index).id.split(":", 1)[1]
        assert await wait_for(pilot, lambda: app.screen.current_id() == pledge_id)
        assert app.current_mode == "pledges"


@pytest.mark.parametrize("key", ["shift+down", "J"])
async def test_reorder_keys(make_app, demo_service, key) -> None:
    app = make_app("asks")
    a1 = ask_by_ref(demo_service, "A1")
    async with app.run_test(size=(120, 40)) as pilot:
        await select(pilot, app.screen, a1.id)
        await pilot.press(key)
        await pilot.pause()
        assert live_order(demo_service)[:2] == ["A2", "A1"]
        table = app.screen.query_one("#records", DataTable)
        assert table.get_row_index(a1.id) == 1


async def test_moving_an_ask_works_in_a_plan_whose_asks_have_no_rank(make_app, demo_service):
    for view in demo_service.list("ask"):
        demo_service.update(view.id, {"rank": None})
    shown = live_order(demo_service)
    app = make_app("asks")
    async with app.run_test(size=(120, 40)) as pilot:
        first = ask_by_ref(demo_service, shown[0])
        await select(pilot, app.screen, first.id)
        await pilot.press("shift+down")
        await pilot.pause()
        assert live_order(demo_service) == [shown[1], shown[0], *shown[2:]]
        assert app.screen.current_id() == first.id
